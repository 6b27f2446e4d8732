/**
 * Reading the run JSON `n8n execute --rawOutput` prints among its log lines
 * (scripts/n8n-runtime/run.js extractRunJson). Seen with Postgres (the queue-mode suite): the CLI
 * exits while a workflow-statistics query is in flight and n8n logs the error object after the
 * JSON, its last line a lone `}` like the JSON's own.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extractRunJson } = require('../../scripts/n8n-runtime/run') as { extractRunJson(stdout: string): unknown };

const RUN = { data: { resultData: { runData: { 'Run now': [{ executionStatus: 'success' }] } } } };

describe('the run JSON n8n execute prints', () => {
	it('is read between log lines', () => {
		const stdout = ['n8n Task Broker ready on 127.0.0.1, port 34011', JSON.stringify(RUN, null, 2), ''].join('\n');
		expect(extractRunJson(stdout)).toEqual(RUN);
	});

	it('is read when an error object logged after it also ends in a lone }', () => {
		const trailingLog = ['QueryFailedError: Connection terminated', '{', "  query: 'INSERT INTO workflow_statistics …',", '  driverError: Error: Connection terminated', '}', ''];
		const stdout = ['CLI command `execute` does not support queue mode. Falling back to regular mode.', JSON.stringify(RUN, null, 2), ...trailingLog].join('\n');
		expect(extractRunJson(stdout)).toEqual(RUN);
	});

	it('is null when the output holds no complete run', () => {
		expect(extractRunJson('Execution error:\n{\n  "data": {')).toBeNull();
	});
});
