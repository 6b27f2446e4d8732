/**
 * Visitor Value (访客价值) in a real n8n: Demo Shop Data's orders and traffic for the same shop
 * → Visitor Value → Channels / Summary, one `n8n execute` of the installed package. The
 * expected figures are computed here, independently of the node, from the very items the two
 * Demo Shop Data nodes passed in that run, by the definition in docs/nodes/VisitorValue.md:
 * per channel, counted orders (paid, shipped, completed, partially refunded) up to the End Date
 * in Asia/Shanghai, net of partial refunds; visitor value = average order value × conversion
 * (orders ÷ visitors) × repurchase rate (buyers with 2+ orders in the channel ÷ buyers).
 */
import { execute, explain, freshInstance, importBuilt, itemsOf, n8nVersion, PACKAGE, workflowNode, type Instance, type WorkflowJson } from './support/n8n';

const END_DATE = '2026-06-30';
const DEMO = { seed: 5, customers: 1500, orders: 8000, endDate: END_DATE };
const to = (target: string, index = 0) => [{ node: target, type: 'main', index }];
const WORKFLOW: WorkflowJson = {
	id: 'e2eVisitorValue',
	name: 'e2eVisitorValue',
	nodes: [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		workflowNode('Demo orders', `${PACKAGE}.demoShopData`, [220, -100], { dataset: 'orders', ...DEMO }),
		workflowNode('Demo traffic', `${PACKAGE}.demoShopData`, [220, 100], { dataset: 'traffic', ...DEMO }),
		workflowNode('Visitor Value', `${PACKAGE}.visitorValue`, [460, 0], { windowDays: 0, endDate: END_DATE, outputMode: 'both' }),
		workflowNode('Channels', 'n8n-nodes-base.noOp', [700, -100]),
		workflowNode('Summary', 'n8n-nodes-base.noOp', [700, 100]),
	],
	connections: {
		'Run now': { main: [[...to('Demo orders'), ...to('Demo traffic')]] },
		'Demo orders': { main: [to('Visitor Value', 0)] },
		'Demo traffic': { main: [to('Visitor Value', 1)] },
		'Visitor Value': { main: [to('Channels'), to('Summary')] },
	},
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	active: false,
};

type Row = Record<string, unknown>;

/** The definition, written out on its own (as scripts/bench-nodes.js's baseline). */
function expectedChannels(orders: Row[], traffic: Row[]) {
	const counted = new Set(['paid', 'shipped', 'completed', 'partially_refunded']);
	const endMs = Date.parse(`${END_DATE}T23:59:59.999+08:00`);
	const groups = new Map<string, { orders: number; cents: number; buyers: Map<string, number>; visitors: number }>();
	const group = (key: string) => {
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { orders: 0, cents: 0, buyers: new Map(), visitors: 0 }));
		return g;
	};
	for (const o of orders) {
		if (!counted.has(o.status as string) || Date.parse(o.createdAt as string) > endMs) continue;
		const g = group(o.channel as string);
		g.orders++;
		g.cents += Math.round((o.amount as number) * 100) - (o.status === 'partially_refunded' ? Math.round((o.refundedAmount as number) * 100) : 0);
		g.buyers.set(o.customerId as string, (g.buyers.get(o.customerId as string) ?? 0) + 1);
	}
	for (const t of traffic) if ((t.date as string) <= END_DATE) group(t.channel as string).visitors += t.visitors as number;
	return new Map(
		[...groups].map(([channel, g]) => {
			const repeat = [...g.buyers.values()].filter((n) => n >= 2).length;
			const aov = g.orders ? g.cents / 100 / g.orders : 0;
			const conversion = g.visitors ? g.orders / g.visitors : 0;
			const repurchase = g.buyers.size ? repeat / g.buyers.size : 0;
			return [channel, { orders: g.orders, visitors: g.visitors, visitorValue: aov * conversion * repurchase }];
		}),
	);
}

describe(`Visitor Value in n8n ${n8nVersion()}`, () => {
	let instance: Instance;

	beforeAll(async () => {
		instance = await freshInstance('visitorValue');
		expect((await importBuilt(instance, [WORKFLOW])).count).toBe(1);
	});

	it('values every channel of the demo shop as the definition does, from the same orders and traffic', async () => {
		const execution = await execute(instance, WORKFLOW.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });

		const orders = itemsOf(execution.run, 'Demo orders')!;
		const traffic = itemsOf(execution.run, 'Demo traffic')!;
		expect(orders).toHaveLength(8000);
		const expected = expectedChannels(orders, traffic);

		const channels = itemsOf(execution.run, 'Channels')!;
		expect(channels.map((c) => c.group).sort()).toEqual([...expected.keys()].sort());
		for (const channel of channels) {
			const want = expected.get(channel.group as string)!;
			expect({ group: channel.group, orders: channel.orders, visitors: channel.visitors }).toEqual({ group: channel.group, orders: want.orders, visitors: want.visitors });
			const exact = (channel.exact as Row | undefined)?.visitorValue ?? channel.visitorValue;
			expect(exact as number).toBeCloseTo(want.visitorValue, 9);
		}
		// The demo shop's channels differ: the definition gives more than one value.
		expect(new Set([...expected.values()].map((v) => v.visitorValue.toFixed(6))).size).toBeGreaterThan(1);
		expect(itemsOf(execution.run, 'Summary')!.length).toBeGreaterThan(0);
	});
});
