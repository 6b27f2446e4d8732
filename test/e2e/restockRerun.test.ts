/**
 * "Only new alerts" in a real n8n: workflows/restock-alerts.json imported unchanged into a fresh
 * user folder and executed twice with `n8n execute`. The first run announces every position at
 * or below its reorder point (Needs Action → Purchase suggestions → one line per alert in each
 * chat-bot digest); the second, identical run announces nothing, because the Reorder Alert
 * kept what it announced in the workflow's static data and n8n saved that between the runs.
 *
 * Why the CLI keeps static data (n8n-io/n8n, the same in 2.8.4 and 2.41.1):
 * packages/cli/src/commands/execute.ts runs the workflow with executionMode 'cli', and the
 * `workflowExecuteAfter` hook of packages/cli/src/execution-lifecycle/execution-lifecycle-hooks.ts
 * (hookFunctionsSave) calls WorkflowStaticDataService.saveStaticDataById whenever the mode is
 * not 'manual', the workflow id is valid (1–21 characters) and the static data changed. Only
 * executions from the editor ('manual') leave it unsaved, as the README's "Only New Alerts"
 * section says.
 */
import * as path from 'path';

import {
	PACKAGE,
	WORKFLOWS_DIR,
	execute,
	explain,
	freshInstance,
	importWorkflows,
	itemsOf,
	n8nVersion,
	readTemplates,
	type Execution,
	type Instance,
} from './support/n8n';

const TEMPLATE = 'restock-alerts.json';
const { workflow } = readTemplates().find((t) => t.file === TEMPLATE)!;
const reorderNode = workflow.nodes.find((n) => n.type === `${PACKAGE}.reorderAlert`)!;
const inventoryNode = workflow.nodes.find((n) => n.type === `${PACKAGE}.demoShopData` && n.parameters.dataset === 'inventory')!;
const botNodes = workflow.nodes.filter((n) => /\.(weComBot|dingTalkBot|feishuBot)$/.test(n.type));
const NEEDS_ACTION = 0;
const OK = 1;

type Item = Record<string, unknown>;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The digest lines about alerts: the template's line starts "… **SKU** · warehouse". */
function alertLines(messages: Item[]): string[] {
	return messages.flatMap((m) => JSON.stringify(m.payload ?? '').match(/\*\*[^*]+\*\* · /g) ?? []);
}

function mustSucceed(execution: Execution): NonNullable<Execution['run']> {
	expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
	return execution.run!;
}

describe(`restock alerts executed twice in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let first: NonNullable<Execution['run']>;
	let firstAlerts: Item[] = [];

	beforeAll(async () => {
		expect(reorderNode.parameters.onlyNewAlerts).toBe(true);
		expect(botNodes).toHaveLength(3);
		instance = await freshInstance('restock-rerun');
		const imported = await importWorkflows(instance, path.join(WORKFLOWS_DIR, TEMPLATE));
		expect(imported.count).toBe(1);
	});

	it('first run: the alerts leave on Needs Action and every digest carries a line for each', async () => {
		first = mustSucceed(await execute(instance, workflow.id));
		firstAlerts = itemsOf(first, reorderNode.name, NEEDS_ACTION) ?? [];
		const ok = itemsOf(first, reorderNode.name, OK) ?? [];
		expect(firstAlerts.length).toBeGreaterThan(0);
		// Nothing was announced before: every position is on one of the two outputs.
		expect(firstAlerts.length + ok.length).toBe((itemsOf(first, inventoryNode.name) ?? []).length);
		for (const alert of firstAlerts) expect(alert.alert).toBe('new');
		for (const bot of botNodes) {
			const messages = itemsOf(first, bot.name) ?? [];
			expect({ bot: bot.name, lines: sum(messages.map((m) => Number(m.lineCount))) }).toEqual({
				bot: bot.name,
				lines: firstAlerts.length,
			});
			expect(alertLines(messages)).toHaveLength(firstAlerts.length);
		}
	});

	it('second identical run: nothing on Needs Action, no alert lines in any digest', async () => {
		if (!first) throw new Error('the first run did not execute');
		const asOfOf = (run: NonNullable<Execution['run']>) => (itemsOf(run, reorderNode.name, OK) ?? [])[0]?.asOf;
		let second = mustSucceed(await execute(instance, workflow.id));
		// Identical input needs the same day: the demo shop's Last Day is today in Asia/Shanghai.
		// When midnight fell between the two runs, the second run saw a new shop (and recorded its
		// alerts): compare it with a third run, on its own day.
		if (asOfOf(second) !== asOfOf(first)) {
			first = second;
			second = mustSucceed(await execute(instance, workflow.id));
		}
		const firstOk = itemsOf(first, reorderNode.name, OK) ?? [];
		const secondOk = itemsOf(second, reorderNode.name, OK) ?? [];
		expect({ asOf: secondOk[0]?.asOf }).toEqual({ asOf: firstOk[0]?.asOf });

		expect(itemsOf(second, reorderNode.name, NEEDS_ACTION)).toEqual([]);
		// The same results as before: the announced positions still need action (they are on
		// neither output, not on OK), the others are unchanged.
		expect(secondOk).toEqual(firstOk);

		// With no items, Purchase suggestions and the digests after it do not run (execution
		// order v1); if a later n8n runs them anyway, they must carry no alert line.
		for (const name of ['Purchase suggestions', ...botNodes.map((bot) => bot.name)]) {
			const items = itemsOf(second, name) ?? [];
			expect({ name, lines: alertLines(items), lineCount: sum(items.map((m) => Number(m.lineCount ?? 0))) }).toEqual({
				name,
				lines: [],
				lineCount: 0,
			});
			if (name === 'Purchase suggestions') expect(items).toEqual([]);
		}
	});
});
