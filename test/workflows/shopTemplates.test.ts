/**
 * The shop templates (workflows/shop/) follow the pack's template conventions — both triggers
 * into the same first nodes, the schedule their note promises, Asia/Shanghai, a what-it-does note
 * first, a switch-to-your-shop note naming the node to replace — and are wired as the README says.
 * They run in a real n8n in test/e2e/shopConnectors.test.ts (Data Tables need `n8n start`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	disabled?: boolean;
	onError?: string;
	credentials?: Record<string, unknown>;
}
interface Workflow {
	id: string;
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	settings: { timezone?: string };
}

const DIR = path.join(__dirname, '../../workflows/shop');
const templates = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Workflow }));
const SCHEDULES: Record<string, unknown> = {
	'shop-order-sync.json': { field: 'minutes', minutesInterval: 15 },
	'shop-order-sync-postgres.json': { field: 'minutes', minutesInterval: 15 },
	'shop-campaign.json': { field: 'days', daysInterval: 1, triggerAtHour: 9, triggerAtMinute: 0 },
};
const byName = (w: Workflow, name: string) => {
	const node = w.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node "${name}"`);
	return node;
};

it('finds the three shop templates', () => {
	expect(templates.map((t) => t.file).sort()).toEqual(['shop-campaign.json', 'shop-order-sync-postgres.json', 'shop-order-sync.json']);
});

describe.each(templates)('$file', ({ file, workflow }) => {
	it('follows the template conventions', () => {
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
		expect(workflow.settings.timezone).toBe('Asia/Shanghai');
		const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')!;
		const schedule = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
		expect(workflow.connections[schedule.name]).toEqual(workflow.connections[manual.name]);
		expect((schedule.parameters.rule as { interval: unknown[] }).interval).toEqual([SCHEDULES[file]]);
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
		expect(notes[0]).toMatch(/^## \S/);
		const switchNote = notes.find((t) => t.startsWith('### Switch to your real shop'))!;
		for (const demo of workflow.nodes.filter((n) => n.type === 'n8n-nodes-commerce-ops.demoShopData' && n.name.startsWith('Demo shop orders'))) {
			expect(switchNote).toContain(`**${demo.name}**`);
		}
		for (const shop of ['Douyin Shop (抖店)', 'Youzan Shop (有赞)', 'Shopify Store (Commerce Ops)', 'WooCommerce Store (Commerce Ops)']) {
			if (file !== 'shop-campaign.json' || shop !== 'Douyin Shop (抖店)') expect(switchNote).toContain(shop);
		}
		// Every connection points at a node that exists.
		const names = new Set(workflow.nodes.map((n) => n.name));
		for (const [from, { main }] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of main.flat()) expect(names.has(target.node)).toBe(true);
		}
	});
});

describe('the order-sync templates use the store as the bookmark', () => {
	it.each(['shop-order-sync.json', 'shop-order-sync-postgres.json'])('%s: latest stored change → read from 10 minutes before it (365 days when empty) → save', (file) => {
		const { workflow } = templates.find((t) => t.file === file)!;
		const chain = ['Latest synced order', 'Read orders changed since', 'Demo shop orders', 'Save to order store'];
		for (let i = 0; i < chain.length - 1; i++) expect(workflow.connections[chain[i]].main[0].map((t) => t.node)).toEqual([chain[i + 1]]);
		expect(byName(workflow, 'Latest synced order')).toMatchObject({ alwaysOutputData: true });
		const since = JSON.stringify(byName(workflow, 'Read orders changed since').parameters);
		expect(since).toContain('minus({ minutes: 10 })');
		expect(since).toContain('minus({ days: 365 })');
	});

	it('the Data Table upsert matches on orderId and keeps the model fields', () => {
		const save = byName(templates.find((t) => t.file === 'shop-order-sync.json')!.workflow, 'Save to order store');
		expect(save.parameters).toMatchObject({ operation: 'upsert', filters: { conditions: [{ keyName: 'orderId', condition: 'eq' }] } });
		const columns = Object.keys((save.parameters.columns as { value: Record<string, string> }).value);
		expect(columns).toEqual(expect.arrayContaining(['orderId', 'customerId', 'orderCreatedAt', 'orderUpdatedAt', 'updatedAtMs', 'status', 'currency', 'amount', 'refundedAmount', 'lines']));
	});
});

describe('the shop campaign', () => {
	const { workflow } = templates.find((t) => t.file === 'shop-campaign.json')!;

	it('issues coupons from Coupon Tier\'s Coupon output, switched off until a shop is chosen, continuing past a refused coupon', () => {
		expect(workflow.connections['Coupon Tier'].main[0].map((t) => t.node)).toEqual(['Issue coupons on the shop']);
		const issue = byName(workflow, 'Issue coupons on the shop');
		expect(issue).toMatchObject({ disabled: true, onError: 'continueRegularOutput', parameters: { resource: 'coupon', operation: 'issue' } });
	});

	it('scores the stored orders with their creation time and uses only amount coupons (every shop can represent them)', () => {
		expect(byName(workflow, 'Score customers (RFM + CLV)').parameters).toMatchObject({ orderFields: { createdAt: 'orderCreatedAt' }, predictLifetimeValue: true });
		const tiers = (byName(workflow, 'Coupon Tier').parameters.tiers as { tier: Array<{ couponKind: string }> }).tier;
		expect(tiers.map((t) => t.couponKind).every((k) => k !== 'percentage')).toBe(true);
	});
});
