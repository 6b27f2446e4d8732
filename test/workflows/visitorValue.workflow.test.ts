/**
 * Visitor Value in-process through n8n-core's WorkflowExecute: Demo Shop Data orders and traffic
 * (two inputs) → Visitor Value. Per channel: the figures recomputed here from the raw items,
 * the formula, ranks, shares, the budget shift; and bad items / settings.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { DEFAULT_COUNTED_STATUSES } from '../../nodes/lib/orders';
import { node, runWorkflow } from '../support/n8n';

const shop = { seed: 7, customers: 400, orders: 2000, endDate: '2026-06-30', days: 120 };
const COUNTED = DEFAULT_COUNTED_STATUSES as readonly string[];

function twoInputs(orders: INode, traffic: INode, visitorParameters: IDataObject = {}, extra: Partial<INode> = {}) {
	const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];
	const connections: IConnections = {
		Run: { main: [[...to(orders.name), ...to(traffic.name)]] },
		[orders.name]: { main: [to('Visitor Value', 0)] },
		[traffic.name]: { main: [to('Visitor Value', 1)] },
	};
	return {
		nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), orders, traffic, node('Visitor Value', 'visitorValue', visitorParameters, extra)],
		connections,
	};
}

const demo = (visitorParameters: IDataObject = {}) =>
	twoInputs(
		node('Demo Orders', 'demoShopData', { ...shop, dataset: 'orders' }),
		node('Demo Traffic', 'demoShopData', { ...shop, dataset: 'traffic' }),
		visitorParameters,
	);

const fixture = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });

describe('Demo Shop Data (orders + traffic) → Visitor Value', () => {
	it('gives every channel its figures, recomputed here from the raw items', async () => {
		const result = await runWorkflow(demo({ windowDays: 30 }));
		const orders = result.output('Demo Orders');
		const traffic = result.output('Demo Traffic');
		expect(traffic.length).toBeGreaterThan(0);
		const channels = result.output('Visitor Value', 0);
		expect(channels.map((c) => c.group).sort()).toEqual(['live', 'private_domain', 'recommendation', 'search', 'short_video']);

		const inWindow = (date: string) => date >= '2026-06-01' && date <= '2026-06-30';
		for (const c of channels) {
			const mine = orders.filter((o) => o.channel === c.group && COUNTED.includes(o.status as string) && inWindow(String(o.createdAt).slice(0, 10)));
			const visitors = traffic.filter((t) => t.channel === c.group && inWindow(t.date as string)).reduce((s, t) => s + (t.visitors as number), 0);
			const revenue = mine.reduce((s, o) => s + (o.amount as number) - (o.status === 'partially_refunded' ? (o.refundedAmount as number) : 0), 0);
			const perBuyer = new Map<string, number>();
			for (const o of mine) perBuyer.set(o.customerId as string, (perBuyer.get(o.customerId as string) ?? 0) + 1);
			const repeat = [...perBuyer.values()].filter((n) => n >= 2).length;
			expect(c).toMatchObject({ orders: mine.length, visitors, buyers: perBuyer.size, repeatBuyers: repeat, dataStatus: 'ok', currency: 'CNY', windowStart: '2026-06-01', windowEnd: '2026-06-30' });
			expect(c.revenue).toBeCloseTo(revenue, 2);
			const aov = revenue / mine.length;
			const conversion = mine.length / visitors;
			expect(c.averageOrderValue).toBeCloseTo(aov, 2);
			expect(c.conversionRate).toBeCloseTo(conversion, 4);
			expect(c.repurchaseRate).toBeCloseTo(repeat / perBuyer.size, 4);
			expect(c.visitorValue).toBeCloseTo(aov * conversion * (repeat / perBuyer.size), 3);
			// Rounded for reading on top (4 decimals, percent with 1), exact in `exact`.
			const exact = c.exact as IDataObject;
			expect(exact.visitorValue).toBeCloseTo(aov * conversion * (repeat / perBuyer.size), 12);
			expect(exact.conversionRate).toBeCloseTo(conversion, 15);
			expect(c.conversionRatePct).toBe(Math.round(conversion * 1000) / 10);
			expect(String(c.conversionRate).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4);
		}
		// Ranked by visitor value; shares add up to 1.
		const values = channels.map((c) => c.visitorValue as number);
		expect([...values].sort((a, b) => b - a)).toEqual(values);
		expect(channels.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
		const sum = (key: string) => channels.reduce((s, c) => s + (c[key] as number), 0);
		expect(sum('revenueShare')).toBeCloseTo(1, 3);
		expect(sum('visitorShare')).toBeCloseTo(1, 3);
		expect(sum('suggestedBudgetShare')).toBeCloseTo(1, 3);
		// Budget moves toward the top channel and away from the bottom one.
		expect(channels[0]).toMatchObject({ suggestion: 'increase', suggestionLabel: 'Increase budget · 增加预算' });
		expect(channels[4].suggestion).toBe('decrease');

		const [summary] = result.output('Visitor Value', 1);
		expect(summary).toMatchObject({ groups: 5, topGroup: channels[0].group, groupedBy: 'channel', trafficMeasure: 'visitors', groupsWithoutTraffic: [], groupsWithoutOrders: [] });
		expect(summary.visitors).toBe(sum('visitors'));
		expect(summary.orders).toBe(sum('orders'));
	});

	it('groups by platform with a budget table, and by sessions', async () => {
		const result = await runWorkflow(
			demo({ orderGroupField: 'platform', trafficGroupField: 'platform', trafficMeasure: 'sessions', currentBudget: 'douyin=6000, taobao=3000, youzan=1000' }),
		);
		const groups = result.output('Visitor Value', 0);
		expect(groups.map((g) => g.group).sort()).toEqual(['douyin', 'pinduoduo', 'shopify', 'taobao', 'tmall', 'xiaohongshu', 'youzan']);
		const total = groups.reduce((s, g) => s + (g.suggestedBudget as number), 0);
		expect(total).toBeCloseTo(10000, 1);
		expect(groups.find((g) => g.group === 'pinduoduo')).toMatchObject({ currentBudget: 0, suggestedBudget: 0, suggestion: 'keep' });
		const [summary] = result.output('Visitor Value', 1);
		expect(summary).toMatchObject({ totalBudget: 10000, trafficMeasure: 'sessions', groupedBy: 'platform' });
	});
});

describe('Visitor Value edges and bad input', () => {
	const orders = [
		{ orderId: 'O1', customerId: 'A', createdAt: '2026-06-01T10:00:00+08:00', amount: 100, channel: 'live' },
		{ orderId: 'O2', customerId: 'A', createdAt: '2026-06-02T10:00:00+08:00', amount: 50, channel: 'live' },
		{ orderId: 'O3', customerId: 'B', createdAt: '2026-06-03T10:00:00+08:00', amount: 80, channel: 'private_domain' },
		{ orderId: 'O4', customerId: 'C', createdAt: '2026-06-03T11:00:00+08:00', amount: 30 },
	];
	const traffic = [
		{ date: '2026-06-01', channel: 'live', visitors: 40 },
		{ date: '2026-06-02T09:00:00+08:00', channel: 'live', visitors: '10' },
		{ date: '2026-06-03', channel: 'search', visitors: 25 },
	];
	const run = (o: IDataObject[], t: IDataObject[], parameters: IDataObject = {}, extra: Partial<INode> = {}) =>
		runWorkflow(twoInputs(fixture('Orders', o), fixture('Traffic', t), { windowDays: 0, ...parameters }, extra));

	it('no visitors or no orders: defined zeros and a status, never NaN or Infinity', async () => {
		const result = await run(orders, traffic);
		const byGroup = Object.fromEntries(result.output('Visitor Value', 0).map((g) => [g.group, g]));
		expect(byGroup.live).toMatchObject({ visitors: 50, orders: 2, conversionRate: 0.04, repurchaseRate: 1, visitorValue: 3, dataStatus: 'ok' });
		expect(byGroup.private_domain).toMatchObject({ visitors: 0, conversionRate: 0, visitorValue: 0, dataStatus: 'noTraffic' });
		expect(byGroup.search).toMatchObject({ orders: 0, averageOrderValue: 0, visitorValue: 0, dataStatus: 'noOrders' });
		expect(byGroup['(none)']).toMatchObject({ orders: 1, dataStatus: 'noTraffic' });
		expect(JSON.stringify(result.run.data.resultData.runData['Visitor Value'])).not.toMatch(/NaN|Infinity/);
	});

	it.each<[string, IDataObject[], IDataObject[], RegExp]>([
		['an order without an amount', [{ ...orders[0], amount: undefined }], traffic, /Item 0: field "amount" is missing/],
		['a traffic row with a bad date', orders, [{ date: '31/06/2026', channel: 'live', visitors: 3 }], /Item 0: field "date" is "31\/06\/2026"; expected a calendar date YYYY-MM-DD/],
		['a traffic row on a day that does not exist', orders, [{ date: '2026-02-30', channel: 'live', visitors: 3 }], /Item 0: field "date" is "2026-02-30"; expected a calendar date YYYY-MM-DD/],
		['a traffic row with negative visitors', orders, [{ date: '2026-06-01', channel: 'live', visitors: -3 }], /Item 0: field "visitors" is -3; expected a whole number ≥ 0/],
		['a traffic row without a channel', orders, [{ date: '2026-06-01', visitors: 3 }], /Item 0: field "channel" is missing; expected a channel name/],
	])('stops on %s, naming the item and field', async (_, o, t, message) => {
		const result = await run(o, t);
		expect(result.errorOf('Visitor Value')?.message).toMatch(message);
	});

	it('with Continue (using error output) bad rows of either input go to the error output', async () => {
		const result = await run(orders, [...traffic, { date: 'soon', channel: 'live', visitors: 1 }], {}, { onError: 'continueErrorOutput' });
		expect(result.output('Visitor Value', 2)).toEqual([expect.objectContaining({ error: expect.stringMatching(/^Item 3: field "date" is "soon"/) })]);
		expect(result.output('Visitor Value', 0).find((g) => g.group === 'live')).toMatchObject({ visitors: 50 });
	});

	it('reports bad settings clearly', async () => {
		expect((await run(orders, traffic, { currentBudget: 'live: 500' })).errorOf('Visitor Value')?.message).toMatch(/Current Budget per Channel: "live: 500" is not channel=amount/);
		expect((await run(orders, traffic, { timeZone: 'Moon/Base' })).errorOf('Visitor Value')?.message).toMatch(/Unknown time zone/);
		expect((await run(orders, traffic, { shiftStepPercent: 150 })).errorOf('Visitor Value')?.message).toMatch(/shift step must be from 0 to 1/);
	});
});
