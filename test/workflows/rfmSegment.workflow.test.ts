/**
 * RFM Segment inside n8n's execution engine (n8n-core WorkflowExecute, in-process):
 * parameters as the editor stores them, items in and out, per-item errors and n8n's
 * "On Error" settings.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { chain, node, runWorkflow } from '../support/n8n';

const goodOrders: IDataObject[] = [
	{ orderId: 'O1', customerId: 'alice', createdAt: '2026-06-01T10:00:00+08:00', status: 'completed', currency: 'CNY', amount: 120 },
	{ orderId: 'O2', customerId: 'alice', createdAt: '2026-06-20T10:00:00+08:00', status: 'paid', currency: 'CNY', amount: 80 },
	{ orderId: 'O3', customerId: 'bob', createdAt: '2026-01-05T10:00:00+08:00', status: 'completed', currency: 'CNY', amount: 35.5 },
	{ orderId: 'O4', customerId: 'carol', createdAt: '2026-06-29T10:00:00+08:00', status: 'cancelled', currency: 'CNY', amount: 99 },
];

const rfmParameters: IDataObject = {
	referenceMode: 'endOfDay',
	referenceDate: '2026-06-30',
	outputMode: 'both',
};

function workflow(items: IDataObject[], rfm: IDataObject = rfmParameters, extra: Partial<INode> = {}) {
	return {
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			node('Orders', 'test.fixture', { items: JSON.stringify(items) }),
			node('RFM Segment', 'rfmSegment', rfm, extra),
		],
		connections: chain('Start', 'Orders', 'RFM Segment'),
	};
}

describe('RFM Segment in a workflow', () => {
	it('scores customers on the first output and summarises segments on the second', async () => {
		const result = await runWorkflow(workflow(goodOrders));
		const customers = result.output('RFM Segment', 0);
		expect(customers.map((c) => c.customerId)).toEqual(['alice', 'bob']);
		expect(customers[0]).toMatchObject({
			recencyDays: 10,
			frequency: 2,
			monetary: 200,
			averageOrderValue: 100,
			firstOrderAt: '2026-06-01T10:00:00+08:00',
			lastOrderAt: '2026-06-20T10:00:00+08:00',
			currency: 'CNY',
		});
		for (const c of customers) {
			expect(c.rfmCode).toBe(`${c.r}${c.f}${c.m}`);
			expect(typeof c.segment).toBe('string');
			expect(typeof c.segmentLabel).toBe('string');
		}
		const summary = result.output('RFM Segment', 1);
		expect(summary).toHaveLength(10);
		expect(summary.reduce((n, s) => n + (s.customers as number), 0)).toBe(2);
		expect(summary[0]).toMatchObject({ ordersCounted: 3, customersWithoutCountedOrders: 1, currency: 'CNY' });
	});

	it('hints at customers left unscored and at a reference date long after the newest order', async () => {
		const hintsOf = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
			(result.run.data.resultData.runData['RFM Segment'][0].hints ?? []).map((h) => h.message);
		const current = await runWorkflow(workflow(goodOrders));
		expect(hintsOf(current)).toEqual([expect.stringMatching(/^1 customer\(s\) had no counted order/)]);
		const stale = await runWorkflow(workflow(goodOrders, { ...rfmParameters, referenceDate: '2026-12-31' }));
		expect(hintsOf(stale)).toContainEqual(
			expect.stringMatching(/newest counted order is 194 days before the reference date.*Latest Order in the Input/),
		);
	});

	it('labels segments in Simplified Chinese when asked', async () => {
		const result = await runWorkflow(workflow(goodOrders, { ...rfmParameters, labelLanguage: 'zh', outputMode: 'customers' }));
		const labels = result.output('RFM Segment').map((c) => c.segmentLabel as string);
		expect(labels.every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
	});

	it('reads the user\'s own column names through Field Mapping and keeps the fields asked for', async () => {
		const own = goodOrders.map((o) => ({
			no: o.orderId,
			buyer: { id: o.customerId, nick: `${o.customerId as string}-nick` },
			paidAt: o.createdAt,
			state: o.status,
			total: String(o.amount),
		}));
		const result = await runWorkflow(
			workflow(own, {
				...rfmParameters,
				outputMode: 'customers',
				orderFields: { orderId: 'no', customerId: 'buyer.id', createdAt: 'paidAt', status: 'state', amount: 'total' },
				options: { keepFields: 'buyer.nick' },
			}),
		);
		expect(result.output('RFM Segment').map((c) => [c.customerId, c.monetary, c['buyer.nick']])).toEqual([
			['alice', 200, 'alice-nick'],
			['bob', 35.5, 'bob-nick'],
		]);
	});

	it('scores pre-aggregated customers', async () => {
		const customers = [
			{ customerId: 'a', recencyDays: 3, frequency: 9, monetary: 5000 },
			{ customerId: 'b', recencyDays: 300, frequency: 1, monetary: 20 },
		];
		const result = await runWorkflow(workflow(customers, { inputKind: 'customers', outputMode: 'customers' }));
		expect(result.output('RFM Segment').map((c) => [c.customerId, c.rfmCode])).toEqual([
			['a', '333'], // 1 of 2 customers is worse: 1 + ⌊5·1/2⌋ = 3
			['b', '111'],
		]);
	});
});

describe('RFM Segment given bad input', () => {
	const badCases: Array<[string, IDataObject, RegExp]> = [
		['a missing customer id', { customerId: undefined }, /Item 1: field "customerId" is missing; expected a customer id/],
		['an unparseable date', { createdAt: '31/06/2026' }, /Item 1: field "createdAt" is "31\/06\/2026"; expected an ISO-8601 date-time/],
		['a negative amount', { amount: -3 }, /Item 1: field "amount" is -3; expected an amount ≥ 0/],
		['a non-numeric amount', { amount: 'free' }, /Item 1: field "amount" is "free"; expected an amount ≥ 0/],
		['a second currency without a rate', { currency: 'USD' }, /Item 1: field "currency" is "USD"; expected CNY \(the base currency\), or a rate for USD/],
	];

	it.each(badCases)('stops the workflow on %s, naming the item, the field and what was expected', async (_, change, message) => {
		const items = goodOrders.map((o, i) => (i === 1 ? { ...o, ...change } : o));
		const result = await runWorkflow(workflow(items));
		expect(result.errorOf('RFM Segment')?.message).toMatch(message);
		expect(result.run.data.resultData.error?.message).toMatch(message);
	});

	it('with On Error → Continue (using error output) sends the bad item to the error output and scores the rest', async () => {
		const items = goodOrders.map((o, i) => (i === 2 ? { ...o, createdAt: 'soon' } : o));
		const result = await runWorkflow(workflow(items, rfmParameters, { onError: 'continueErrorOutput' }));
		expect(result.errorOf('RFM Segment')).toBeUndefined();
		expect(result.output('RFM Segment', 0).map((c) => c.customerId)).toEqual(['alice']);
		const errors = result.output('RFM Segment', 2);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ orderId: 'O3', error: expect.stringMatching(/Item 2: field "createdAt" is "soon"/) });
	});

	it('with On Error → Continue (regular output) keeps the error item among the results', async () => {
		const items = goodOrders.map((o, i) => (i === 0 ? { ...o, amount: 'n/a' } : o));
		const result = await runWorkflow(
			workflow(items, { ...rfmParameters, outputMode: 'customers' }, { onError: 'continueRegularOutput' }),
		);
		const out = result.output('RFM Segment');
		expect(out.filter((c) => c.error)).toHaveLength(1);
		expect(out.filter((c) => c.customerId).map((c) => c.customerId)).toEqual(['alice', 'bob']);
	});

	it('names a mapped field by the user\'s own column name', async () => {
		const items = [{ no: 'A1', buyer: { id: 'x' }, paidAt: 'never', total: 5 }];
		const result = await runWorkflow(
			workflow(items, { ...rfmParameters, orderFields: { orderId: 'no', customerId: 'buyer.id', createdAt: 'paidAt', amount: 'total' } }),
		);
		expect(result.errorOf('RFM Segment')?.message).toMatch(/Item 0: field "paidAt" is "never"/);
	});

	it('reports bad settings clearly: an unknown time zone, thresholds out of order', async () => {
		const zone = await runWorkflow(workflow(goodOrders, { ...rfmParameters, timeZone: 'Mars/Olympus' }));
		expect(zone.errorOf('RFM Segment')?.message).toMatch(/Unknown time zone "Mars\/Olympus"/);
		const cuts = await runWorkflow(
			workflow(goodOrders, { ...rfmParameters, scoringMethod: 'thresholds', recencyThresholds: '90, 30, 180, 365' }),
		);
		expect(cuts.errorOf('RFM Segment')?.message).toMatch(/Thresholds for recency days must be 4 ascending numbers/);
	});

	it('gives no items and no error when every item went to the error output', async () => {
		const result = await runWorkflow(
			workflow([{ ...goodOrders[0], amount: -1 }], rfmParameters, { onError: 'continueErrorOutput' }),
		);
		expect(result.output('RFM Segment', 0)).toEqual([]);
		expect(result.output('RFM Segment', 1)).toEqual([]);
		expect(result.output('RFM Segment', 2)).toHaveLength(1);
	});
});
