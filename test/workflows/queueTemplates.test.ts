/**
 * The queue-mode templates (workflows/queue/) are variants of a top-level template: they must not
 * drift from it. restock-alerts-postgres.json is restock-alerts.json with Only New Alerts moved
 * from the workflow's static data to a Postgres table (docs/queue-mode.md); its SQL is specified
 * against a real PostgreSQL in test/e2e/alertClaims.test.ts, its runs in test/e2e/queueMode.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	executeOnce?: boolean;
}
interface Workflow {
	id: string;
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string; index: number }>> }>;
	settings?: unknown;
}

const DIR = join(__dirname, '../../workflows');
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;
const plain = read('restock-alerts.json');
const variant = read('queue/restock-alerts-postgres.json');
const node = (workflow: Workflow, name: string) => workflow.nodes.find((n) => n.name === name)!;
/** Names of the nodes an output of a node feeds. */
const targets = (workflow: Workflow, from: string, output = 0) => (workflow.connections[from]?.main[output] ?? []).map((t) => t.node).sort();

describe('the queue-mode restock template (workflows/queue/restock-alerts-postgres.json)', () => {
	it('is the only queue template, with its own workflow id', () => {
		expect(readdirSync(join(DIR, 'queue'))).toEqual(['restock-alerts-postgres.json']);
		expect(variant.id).not.toBe(plain.id);
		expect(variant.settings).toEqual(plain.settings);
	});

	it('computes the alerts as the plain template does, with Only New Alerts off: the table keeps them', () => {
		expect(node(plain, 'Check stock levels').parameters.onlyNewAlerts).toBe(true);
		expect(node(variant, 'Check stock levels').parameters).toEqual({ ...node(plain, 'Check stock levels').parameters, onlyNewAlerts: false });
		for (const name of ['Every hour', 'Demo inventory', 'Demo daily sales', 'Purchase suggestions', 'Order summary', 'WeCom digest (preview)', 'DingTalk digest (preview)', 'Feishu digest (preview)']) {
			expect({ name, parameters: node(variant, name).parameters }).toEqual({ name, parameters: node(plain, name).parameters });
		}
		expect(targets(variant, 'Purchase suggestions')).toEqual(targets(plain, 'Purchase suggestions'));
	});

	it('creates the table, then claims the current alerts and closes the recovered ones', () => {
		for (const trigger of ['Run now', 'Every hour']) expect(targets(variant, trigger)).toEqual(['Alert claims table (created once)']);
		expect(targets(variant, 'Alert claims table (created once)')).toEqual(['Demo daily sales', 'Demo inventory']);
		expect(node(variant, 'Alert claims table (created once)').executeOnce).toBe(true);
		// Needs Action → one item → one claim statement → the alerts it returned → the digests.
		expect(targets(variant, 'Check stock levels', 0)).toEqual(['All current alerts']);
		expect(targets(variant, 'All current alerts')).toEqual(['Claim new alerts']);
		expect(targets(variant, 'Claim new alerts')).toEqual(['New alerts only']);
		expect(targets(variant, 'New alerts only')).toEqual(['Purchase suggestions']);
		// OK → one item → one close statement.
		expect(targets(variant, 'Check stock levels', 1)).toEqual(['Stock now OK']);
		expect(targets(variant, 'Stock now OK')).toEqual(['Close recovered alerts']);
		for (const name of ['All current alerts', 'Stock now OK']) {
			expect(node(variant, name).parameters).toMatchObject({ aggregate: 'aggregateAllItemData', destinationFieldName: 'alerts' });
		}
		expect(node(variant, 'New alerts only').parameters).toMatchObject({ fieldToSplitOut: 'alerts', include: 'noOtherFields' });
	});

	it('claims in one INSERT … ON CONFLICT statement per run, with the whole batch as one parameter', () => {
		for (const name of ['Claim new alerts', 'Close recovered alerts']) {
			const { query, options } = node(variant, name).parameters as { query: string; options: { queryReplacement: string } };
			expect(options.queryReplacement).toBe('={{ [JSON.stringify($json.alerts)] }}');
			expect(query.match(/\$\d/g)).toEqual(['$1']);
		}
		const claim = String(node(variant, 'Claim new alerts').parameters.query);
		expect(claim).toMatch(/ON CONFLICT \(sku, warehouse\) DO UPDATE[\s\S]*WHERE c\.severity < EXCLUDED\.severity[\s\S]*RETURNING sku, warehouse/);
		expect(String(node(variant, 'Alert claims table (created once)').parameters.query)).toMatch(/PRIMARY KEY \(sku, warehouse\)/);
	});

	it('uses one Postgres credential for all its Postgres nodes', () => {
		const postgresNodes = variant.nodes.filter((n) => n.type === 'n8n-nodes-base.postgres');
		expect(postgresNodes.map((n) => n.name).sort()).toEqual(['Alert claims table (created once)', 'Claim new alerts', 'Close recovered alerts']);
		expect(new Set(postgresNodes.map((n) => JSON.stringify(n.credentials))).size).toBe(1);
		expect(postgresNodes[0].credentials).toEqual({ postgres: { id: 'AlertClaimsPg01', name: 'Alert claims (Postgres)' } });
	});
});
