/**
 * RFM Segment inside n8n's execution engine (n8n-core WorkflowExecute, in-process):
 * parameters as the editor stores them, items in and out, per-item errors and n8n's
 * "On Error" settings.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { configuredOutputs } from '../../nodes/RfmSegment/RfmSegment.node';
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

	it('writes the Base Currency as an ISO code whichever case it was typed in, as for order input', async () => {
		const customers = [{ customerId: 'a', recencyDays: 3, frequency: 9, monetary: 5000 }];
		const result = await runWorkflow(workflow(customers, { inputKind: 'customers', outputMode: 'customers', options: { baseCurrency: ' cny ' } }));
		expect(result.output('RFM Segment').map((c) => c.currency)).toEqual(['CNY']);
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

	it('stops on an order in a second currency without a rate even when its status does not count (the cancelled O4)', async () => {
		const items = goodOrders.map((o, i) => (i === 3 ? { ...o, currency: 'USD' } : o));
		const result = await runWorkflow(workflow(items));
		expect(result.errorOf('RFM Segment')?.message).toMatch(/Item 3: field "currency" is "USD"; expected CNY \(the base currency\), or a rate for USD/);
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

/**
 * Each parameter as the editor stores it (non-default values only; option collections and
 * rule lists as nested objects), on fixtures small enough that every expected value below
 * is worked out by hand from the README's rules, in the comment beside it.
 */
describe('RFM Segment parameters, hand-checked', () => {
	const endOfJune = { referenceMode: 'endOfDay', referenceDate: '2026-06-30' };
	const byId = (rows: IDataObject[]) => Object.fromEntries(rows.map((row) => [row.customerId as string, row]));
	const bySegment = (rows: IDataObject[]) => Object.fromEntries(rows.map((row) => [row.segment as string, row]));
	const pick = (rows: IDataObject[], ...fields: string[]) =>
		Object.fromEntries(rows.map((row) => [row.customerId as string, fields.map((f) => row[f])]));
	const order = (orderId: string, customerId: string, createdAt: string, amount: number, extra: IDataObject = {}) => ({
		orderId,
		customerId,
		createdAt,
		status: 'completed',
		currency: 'CNY',
		amount,
		...extra,
	});

	/**
	 * Customers with known R, F, M values scored by the default cut points (parameters left at
	 * their defaults, as the editor leaves them): R 30, 90, 180, 365 days; F 2, 3, 5, 8; M 100,
	 * 300, 1000, 3000. R = 5 − #{cuts < days}; F = 1 + #{cuts ≤ orders}; M = 1 + #{cuts ≤ amount}.
	 */
	const scoredByDefaultThresholds = { inputKind: 'customers', scoringMethod: 'thresholds' };

	it('Putler scheme: each customer lands in the Putler segment of its R and FM = (F + M)/2, labelled in both languages', async () => {
		// Putler ranges are (lo, hi], checked in README order; first match wins.
		const customers = [
			// 3 d → R5; F1; 50 → M1; FM 1 → recent_customers (R 4–5, FM 0–1), not the grid's new_customers
			{ customerId: 'new', recencyDays: 3, frequency: 1, monetary: 50 },
			// 400 d → R1; 8 → F5; 3000 → M5; FM 5 → cant_lose (R 0–1, FM 4–5), checked before at_risk
			{ customerId: 'lapsedBig', recencyDays: 400, frequency: 8, monetary: 3000 },
			// 100 d → R3; 3 → F3; 300 → M3; FM 3 → not loyal (FM 3–5 excludes 3) → need_attention (R 2–3, FM 2–3)
			{ customerId: 'middle', recencyDays: 100, frequency: 3, monetary: 300 },
			// 200 d → R2; F1; 150 → M2; FM 1.5 → hibernating (R 1–2, FM 1–2), checked before lost
			{ customerId: 'dozing', recencyDays: 200, frequency: 1, monetary: 150 },
			// 400 d → R1; F1; 10 → M1; FM 1 → lost (R 0–2, FM 0–2)
			{ customerId: 'gone', recencyDays: 400, frequency: 1, monetary: 10 },
		];
		const expected = {
			new: ['recent_customers', 'Recent Customers', '近期新客'],
			lapsedBig: ['cant_lose', "Can't Lose Them", '不能失去'],
			middle: ['need_attention', 'Need Attention', '需要关注'],
			dozing: ['hibernating', 'Hibernating', '沉睡客户'],
			gone: ['lost', 'Lost', '已流失'],
		};
		const parameters = { ...scoredByDefaultThresholds, segmentScheme: 'putler', outputMode: 'both' };
		const en = await runWorkflow(workflow(customers, parameters));
		const zh = await runWorkflow(workflow(customers, { ...parameters, labelLanguage: 'zh' }));
		const enOut = byId(en.output('RFM Segment', 0));
		const zhOut = byId(zh.output('RFM Segment', 0));
		expect(pick(en.output('RFM Segment', 0), 'rfmCode')).toEqual({
			new: ['511'],
			lapsedBig: ['155'],
			middle: ['333'],
			dozing: ['212'],
			gone: ['111'],
		});
		for (const [id, [segment, english, chinese]] of Object.entries(expected)) {
			expect([enOut[id].segment, enOut[id].segmentLabel]).toEqual([segment, english]);
			expect([zhOut[id].segment, zhOut[id].segmentLabel]).toEqual([segment, chinese]);
		}
		// The summary lists Putler's 11 segments in its order, empty ones too.
		expect(zh.output('RFM Segment', 1).map((s) => [s.segment, s.customers])).toEqual([
			['champions', 0],
			['loyal_customers', 0],
			['potential_loyalists', 0],
			['recent_customers', 1],
			['promising', 0],
			['need_attention', 1],
			['about_to_sleep', 0],
			['at_risk', 0],
			['cant_lose', 1],
			['hibernating', 1],
			['lost', 1],
		]);
		expect(bySegment(zh.output('RFM Segment', 1)).lost.segmentLabel).toBe('已流失');
	});

	it('custom rules from the Segments list: first match wins in list order, no match → others', async () => {
		const customers = [
			{ customerId: 'X', recencyDays: 10, frequency: 8, monetary: 3000 }, // R5 F5 M5
			{ customerId: 'Y', recencyDays: 100, frequency: 1, monetary: 5000 }, // R3 F1 M5
			{ customerId: 'Z', recencyDays: 400, frequency: 3, monetary: 300 }, // R1 F3 M3
			{ customerId: 'W', recencyDays: 50, frequency: 2, monetary: 150 }, // R4 F2 M2
		];
		// The editor stores every field of a rule it adds; the last two rules rely on the
		// defaults (1–5) for the ranges they leave out, as a rule stored by hand might.
		const vip = { name: 'vip', recencyMin: 4, recencyMax: 5, frequencyMin: 4, frequencyMax: 5, monetaryMin: 4, monetaryMax: 5 };
		const bigSpender = { name: 'big_spender', monetaryMin: 5 };
		const winBack = { name: 'win_back', recencyMax: 2 };
		const parameters = { ...scoredByDefaultThresholds, segmentScheme: 'custom', outputMode: 'both' };

		const en = await runWorkflow(workflow(customers, { ...parameters, customSegments: { rule: [vip, bigSpender, winBack] } }));
		// X 555 is vip and big_spender: vip comes first. Y 315: R3 is not vip → big_spender (M5).
		// Z 133: neither → win_back (R 1–2). W 422: F2 is not vip, M2, R4 → others.
		expect(pick(en.output('RFM Segment', 0), 'rfmCode', 'segment', 'segmentLabel')).toEqual({
			X: ['555', 'vip', 'vip'],
			Y: ['315', 'big_spender', 'big_spender'],
			Z: ['133', 'win_back', 'win_back'],
			W: ['422', 'others', 'Others'],
		});
		// Summary: the rules' names in list order, then others.
		expect(en.output('RFM Segment', 1).map((s) => [s.segment, s.segmentLabel, s.customers])).toEqual([
			['vip', 'vip', 1],
			['big_spender', 'big_spender', 1],
			['win_back', 'win_back', 1],
			['others', 'Others', 1],
		]);

		// Dragging big_spender to the top: X now matches it first. A user's own names are kept
		// as written in Chinese output; only "others" is translated.
		const zh = await runWorkflow(
			workflow(customers, { ...parameters, labelLanguage: 'zh', customSegments: { rule: [bigSpender, vip, winBack] } }),
		);
		expect(pick(zh.output('RFM Segment', 0), 'segment', 'segmentLabel')).toEqual({
			X: ['big_spender', 'big_spender'],
			Y: ['big_spender', 'big_spender'],
			Z: ['win_back', 'win_back'],
			W: ['others', '其他'],
		});
	});

	it('equal-size quintiles: N/5 customers per score, ties split by customerId whatever the input order', async () => {
		// 10 customers, 2 per score: position i (0-based) → 1 + ⌊5i/10⌋ = 1 + ⌊i/2⌋.
		// F: all 1, so the order is by id alone: a b | c d | e f | g h | i j → 1 1 2 2 3 3 4 4 5 5.
		// R (recency descending): 50 days f g h i j, then 5 days a b c d e →
		//   f g → 1, h i → 2, j a → 3, b c → 4, d e → 5.
		// M: a 100, b 90, …, j 10 ascending → j i → 1, h g → 2, f e → 3, d c → 4, b a → 5.
		const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
		const customers = ids.map((customerId, k) => ({
			customerId,
			recencyDays: k < 5 ? 5 : 50,
			frequency: 1,
			monetary: 100 - 10 * k,
		}));
		const shuffled = [9, 2, 0, 7, 4, 1, 6, 3, 8, 5].map((k) => customers[k]);
		const result = await runWorkflow(
			workflow(shuffled, { inputKind: 'customers', scoringMethod: 'equalSize', outputMode: 'customers' }),
		);
		const out = result.output('RFM Segment');
		expect(out.map((c) => c.customerId)).toEqual(shuffled.map((c) => c.customerId));
		expect(pick(out, 'rfmCode')).toEqual({
			a: ['315'],
			b: ['415'],
			c: ['424'],
			d: ['524'],
			e: ['533'],
			f: ['133'],
			g: ['142'],
			h: ['242'],
			i: ['251'],
			j: ['351'],
		});
	});

	it('fixed thresholds: the cut points typed in each field score each dimension, boundaries included', async () => {
		// R = 5 − #{7, 14, 30, 60 < days}; F = 1 + #{2, 4, 6, 10 ≤ orders}; M = 1 + #{50, 100, 200, 500 ≤ amount}.
		const customers = [
			{ customerId: 'p', recencyDays: 7, frequency: 2, monetary: 50 }, // R: none < 7 → 5; F: {2} → 2; M: {50} → 2
			{ customerId: 'q', recencyDays: 8, frequency: 10, monetary: 499.99 }, // R: {7} → 4; F: all → 5; M: {50,100,200} → 4
			{ customerId: 'r', recencyDays: 61, frequency: 1, monetary: 49.99 }, // R: all → 1; F: none → 1; M: none → 1
			{ customerId: 's', recencyDays: 30, frequency: 6, monetary: 500 }, // R: {7,14} → 3; F: {2,4,6} → 4; M: all → 5
		];
		const result = await runWorkflow(
			workflow(customers, {
				inputKind: 'customers',
				scoringMethod: 'thresholds',
				recencyThresholds: '7, 14, 30, 60',
				frequencyThresholds: '2;4;6;10',
				monetaryThresholds: '50 100 200 500',
				outputMode: 'customers',
			}),
		);
		expect(pick(result.output('RFM Segment'), 'r', 'f', 'm', 'rfmScore')).toEqual({
			p: [5, 2, 2, 9],
			q: [4, 5, 4, 13],
			r: [1, 1, 1, 3],
			s: [3, 4, 5, 12],
		});
	});

	it('fixed thresholds left at their defaults score by 30, 90, 180, 365 / 2, 3, 5, 8 / 100, 300, 1000, 3000', async () => {
		const customers = [
			// R: none < 30 → 5; F: {2} → 2; M: {100} → 2 → R×F grid 52 → potential_loyalists
			{ customerId: 'edge', recencyDays: 30, frequency: 2, monetary: 100 },
			// R: {30} → 4; F: {2,3,5,8} → 5; M: {100,300,1000} → 4 → grid 45 → loyal_customers
			{ customerId: 'regular', recencyDays: 31, frequency: 9, monetary: 2999 },
		];
		const result = await runWorkflow(workflow(customers, { ...scoredByDefaultThresholds, outputMode: 'customers' }));
		expect(pick(result.output('RFM Segment'), 'rfmCode', 'segment')).toEqual({
			edge: ['522', 'potential_loyalists'],
			regular: ['454', 'loyal_customers'],
		});
	});

	/**
	 * Five customers, reference = end of 2026-06-30 in Asia/Shanghai, thresholds as in the
	 * defaults, R×F grid:
	 *   A: 06-20 100 + 06-28 60   → 2 d, F2, 160     → R5 F2 → potential_loyalists
	 *   B: 06-01 10, 06-10 20, 06-24 30 → 6 d, F3, 60 → R5 F3 → potential_loyalists
	 *   E: 06-15 5.01 + 06-28 5.00 → 2 d, F2, 10.01  → R5 F2 → potential_loyalists
	 *   C: 2026-01-01 45.50 → 31+28+31+30+31+29 = 180 d, F1 → R3 (30, 90 < 180) F1 → about_to_sleep
	 *   D: 2025-06-30 20.00 → 365 d (no 29 February between), F1 → R2 (30, 90, 180 < 365) → hibernating
	 */
	const fiveCustomers = [
		order('A1', 'A', '2026-06-20T10:00:00+08:00', 100),
		order('A2', 'A', '2026-06-28T10:00:00+08:00', 60),
		order('B1', 'B', '2026-06-01T10:00:00+08:00', 10),
		order('B2', 'B', '2026-06-10T10:00:00+08:00', 20),
		order('B3', 'B', '2026-06-24T10:00:00+08:00', 30),
		order('E1', 'E', '2026-06-15T10:00:00+08:00', 5.01),
		order('E2', 'E', '2026-06-28T10:00:00+08:00', 5),
		order('C1', 'C', '2026-01-01T10:00:00+08:00', 45.5),
		order('D1', 'D', '2025-06-30T10:00:00+08:00', 20),
	];
	const fiveCustomersParameters = {
		...endOfJune,
		scoringMethod: 'thresholds',
		recencyThresholds: '30, 90, 180, 365',
		frequencyThresholds: '2, 3, 5, 8',
		monetaryThresholds: '100, 300, 1000, 3000',
	};

	it('Output "summary": one output, one item per segment, with each segment\'s mean R, F, M', async () => {
		const result = await runWorkflow(workflow(fiveCustomers, { ...fiveCustomersParameters, outputMode: 'summary' }));
		const outputs = result.run.data.resultData.runData['RFM Segment'][0].data?.main ?? [];
		expect(outputs).toHaveLength(1);
		expect(configuredOutputs('summary')).toEqual([{ type: 'main', displayName: 'Summary' }]);

		const summary = result.output('RFM Segment');
		// The grid's 10 segments and no customer items.
		expect(summary).toHaveLength(10);
		expect(summary.every((row) => row.customerId === undefined)).toBe(true);
		const rows = bySegment(summary);
		// potential_loyalists A, B, E: recency (2 + 6 + 2)/3 = 3.33; frequency (2 + 3 + 2)/3 = 2.33;
		// monetary (160 + 60 + 10.01)/3 = 230.01/3 = 76.67; 3 of 5 customers; 230.01 of 295.51 = 0.7783.
		expect(rows.potential_loyalists).toMatchObject({
			segmentLabel: 'Potential Loyalists',
			customers: 3,
			customerShare: 0.6,
			revenue: 230.01,
			revenueShare: 0.7783,
			meanRecencyDays: 3.33,
			meanFrequency: 2.33,
			meanMonetary: 76.67,
		});
		// One customer each: the means are that customer's values; 45.5/295.51 = 0.1540, 20/295.51 = 0.0677.
		expect(rows.about_to_sleep).toMatchObject({
			customers: 1,
			customerShare: 0.2,
			revenue: 45.5,
			revenueShare: 0.154,
			meanRecencyDays: 180,
			meanFrequency: 1,
			meanMonetary: 45.5,
		});
		expect(rows.hibernating).toMatchObject({
			customers: 1,
			revenue: 20,
			revenueShare: 0.0677,
			meanRecencyDays: 365,
			meanFrequency: 1,
			meanMonetary: 20,
		});
		// An empty segment: zeros, not NaN.
		expect(rows.champions).toMatchObject({ customers: 0, revenue: 0, meanRecencyDays: 0, meanFrequency: 0, meanMonetary: 0 });
		// Every row carries the run's context: 9 orders counted, end of 30 June in Shanghai, written
		// in Shanghai time with its offset (UTC+8), as the orders' dates are.
		expect(rows.champions).toMatchObject({
			currency: 'CNY',
			ordersCounted: 9,
			customersWithoutCountedOrders: 0,
			referenceDate: '2026-06-30T23:59:59+08:00',
		});
	});

	it('overall means: one custom rule covering every score puts all customers in one summary row', async () => {
		// The summary has no "all customers" row; a catch-all rule (only a name, ranges at their
		// defaults 1–5) gives one. All five: recency (2 + 6 + 2 + 180 + 365)/5 = 111;
		// frequency (2 + 3 + 2 + 1 + 1)/5 = 1.8; monetary 295.51/5 = 59.102 → 59.10.
		const result = await runWorkflow(
			workflow(fiveCustomers, {
				...endOfJune,
				segmentScheme: 'custom',
				customSegments: { rule: [{ name: 'everyone' }] },
				outputMode: 'summary',
			}),
		);
		const rows = result.output('RFM Segment');
		expect(rows.map((s) => [s.segment, s.customers, s.revenue, s.meanRecencyDays, s.meanFrequency, s.meanMonetary])).toEqual([
			['everyone', 5, 295.51, 111, 1.8, 59.1],
			['others', 0, 0, 0, 0, 0],
		]);
	});

	it('Statuses That Count: pending counted and shipped left out when so chosen; partially refunded counts amount − refund', async () => {
		const orders = [
			order('S1', 'ann', '2026-06-10T10:00:00+08:00', 100, { status: 'pending' }),
			order('S2', 'ann', '2026-06-29T10:00:00+08:00', 50, { status: 'shipped' }),
			order('S3', 'ann', '2026-06-25T10:00:00+08:00', 80, { status: 'partially_refunded', refundedAmount: 30 }),
			order('S4', 'ben', '2026-06-28T10:00:00+08:00', 40, { status: 'shipped' }),
			order('S5', 'cat', '2026-06-30T10:00:00+08:00', 20, { status: 'paid' }),
		];
		const chosen = await runWorkflow(
			workflow(orders, {
				...endOfJune,
				countedStatuses: ['pending', 'paid', 'completed', 'partially_refunded'],
				outputMode: 'both',
			}),
		);
		// ann: S1 100 + S3 (80 − 30) = 150 from 2 orders; S2 (shipped, 06-29) left out, so her
		// latest counted order is S3 on 06-25 → 5 days. ben: only a shipped order → no score.
		// cat: S5 today → 0 days, 20.
		expect(pick(chosen.output('RFM Segment', 0), 'frequency', 'monetary', 'recencyDays', 'lastOrderAt')).toEqual({
			ann: [2, 150, 5, '2026-06-25T10:00:00+08:00'],
			cat: [1, 20, 0, '2026-06-30T10:00:00+08:00'],
		});
		expect(chosen.output('RFM Segment', 1)[0]).toMatchObject({ ordersCounted: 3, customersWithoutCountedOrders: 1 });

		// The defaults (paid, shipped, completed, partially refunded) for contrast: ann has S2 50 +
		// S3 50 = 100, latest 06-29 → 1 day; ben S4 40, 2 days; pending S1 is not counted.
		const defaults = await runWorkflow(workflow(orders, { ...endOfJune, outputMode: 'both' }));
		expect(pick(defaults.output('RFM Segment', 0), 'frequency', 'monetary', 'recencyDays')).toEqual({
			ann: [2, 100, 1],
			ben: [1, 40, 2],
			cat: [1, 20, 0],
		});
		expect(defaults.output('RFM Segment', 1)[0]).toMatchObject({ ordersCounted: 4, customersWithoutCountedOrders: 0 });
	});

	it('Base Currency and Currency Rates: orders in USD, EUR and CNY are summed in CNY', async () => {
		// Rates: 1 USD = 7.1 CNY, 1 EUR = 7.8 CNY. The first order is in USD: without Base Currency
		// USD would be the base, so CNY on the outputs shows the option was read.
		//   dan: 10 USD → 71.00 + 29.00 CNY = 100.00 (2 orders → average 50)
		//   eve: (10 − 5 refunded) EUR → 5 × 7.8 = 39.00; 0.99 USD → 7.029 → 7.03 (whole cents) → 46.03
		// Revenue 146.03: dan 100/146.03 = 0.6848, eve 46.03/146.03 = 0.3152.
		const orders = [
			order('M1', 'dan', '2026-06-01T10:00:00+08:00', 10, { currency: 'USD' }),
			order('M2', 'dan', '2026-06-02T10:00:00+08:00', 29),
			order('M3', 'eve', '2026-06-03T10:00:00+08:00', 10, { currency: 'EUR', status: 'partially_refunded', refundedAmount: 5 }),
			order('M4', 'eve', '2026-06-04T10:00:00+08:00', 0.99, { currency: 'USD' }),
		];
		const result = await runWorkflow(
			workflow(orders, {
				...endOfJune,
				segmentScheme: 'custom',
				customSegments: { rule: [{ name: 'everyone' }] },
				outputMode: 'both',
				options: { baseCurrency: 'CNY', currencyRates: 'USD=7.1, EUR = 7.8' },
			}),
		);
		expect(result.errorOf('RFM Segment')).toBeUndefined();
		const customers = result.output('RFM Segment', 0);
		expect(pick(customers, 'monetary', 'currency')).toEqual({ dan: [100, 'CNY'], eve: [46.03, 'CNY'] });
		expect(byId(customers).dan.averageOrderValue).toBe(50);
		expect(result.output('RFM Segment', 1)[0]).toMatchObject({ segment: 'everyone', revenue: 146.03, currency: 'CNY' });
	});

	it('Currency Rates without Base Currency: the most common currency is the base, each other order converted to whole cents', async () => {
		// Orders: USD 3, CNY 4, EUR 1 → base CNY (the USD order comes first). Rates 1 USD = 7.1 CNY,
		// 1 EUR = 7.8 CNY; each order is converted and rounded to cents on its own:
		//   dan: 10 USD → 71.00, + 29 CNY = 100.00     eve: (10 − 5 refunded) EUR → 39.00
		//   gus: 0.07 USD → 0.497 → 0.50, twice = 1.00 (rounding the sum, 0.14 × 7.1 = 0.994, would give 0.99)
		//   fay: 5 + 6 CNY = 11.00                     hal: 1 CNY
		const orders = [
			order('R1', 'dan', '2026-06-01T10:00:00+08:00', 10, { currency: 'USD' }),
			order('R2', 'dan', '2026-06-02T10:00:00+08:00', 29),
			order('R3', 'eve', '2026-06-03T10:00:00+08:00', 10, { currency: 'EUR', status: 'partially_refunded', refundedAmount: 5 }),
			order('R4', 'gus', '2026-06-04T10:00:00+08:00', 0.07, { currency: 'USD' }),
			order('R5', 'gus', '2026-06-05T10:00:00+08:00', 0.07, { currency: 'USD' }),
			order('R6', 'fay', '2026-06-06T10:00:00+08:00', 5),
			order('R7', 'fay', '2026-06-07T10:00:00+08:00', 6),
			order('R8', 'hal', '2026-06-08T10:00:00+08:00', 1),
		];
		const result = await runWorkflow(
			workflow(orders, { ...endOfJune, outputMode: 'customers', options: { currencyRates: 'USD=7.1, EUR=7.8' } }),
		);
		expect(result.errorOf('RFM Segment')).toBeUndefined();
		expect(pick(result.output('RFM Segment'), 'monetary', 'frequency', 'currency')).toEqual({
			dan: [100, 2, 'CNY'],
			eve: [39, 1, 'CNY'],
			gus: [1, 2, 'CNY'],
			fay: [11, 2, 'CNY'],
			hal: [1, 1, 'CNY'],
		});
		const hints = (result.run.data.resultData.runData['RFM Segment'][0].hints ?? []).map((h) => h.message);
		expect(hints).toContainEqual(expect.stringMatching(/^Base currency CNY: the most common among the orders \(USD: 3, CNY: 4, EUR: 1\)/));
	});

	it('an order id given twice counts once, as its last row; a bad item before it is reported once', async () => {
		// D1 is re-ingested: its second row (06-05, 120) replaces the first (06-01, 100), so ann has
		// D1 and D2: 2 orders, 170, first order 06-05, last 06-10 (20 days before 06-30).
		// D3 was bob's, then cancelled: bob has no counted order. Item 0 has no customer id.
		const orders = [
			order('D0', '', '2026-06-01T10:00:00+08:00', 1),
			order('D1', 'ann', '2026-06-01T10:00:00+08:00', 100),
			order('D2', 'ann', '2026-06-10T10:00:00+08:00', 50),
			order('D3', 'bob', '2026-06-11T10:00:00+08:00', 30),
			order('D1', 'ann', '2026-06-05T10:00:00+08:00', 120),
			order('D3', 'bob', '2026-06-11T10:00:00+08:00', 30, { status: 'cancelled' }),
		];
		const result = await runWorkflow(workflow(orders, { ...endOfJune, outputMode: 'both' }, { onError: 'continueErrorOutput' }));
		expect(pick(result.output('RFM Segment', 0), 'frequency', 'monetary', 'recencyDays', 'firstOrderAt', 'lastOrderAt')).toEqual({
			ann: [2, 170, 20, '2026-06-05T10:00:00+08:00', '2026-06-10T10:00:00+08:00'],
		});
		expect(result.output('RFM Segment', 1)[0]).toMatchObject({ ordersCounted: 2, customersWithoutCountedOrders: 1 });
		expect(result.output('RFM Segment', 2).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 0: field "customerId"/)]);
	});

	it('Lookback Window (Days): only orders fewer than N calendar days (in the shop\'s time zone) before the reference day count', async () => {
		// Reference day 2026-06-30, N = 30: 06-01 is 29 days before (counts), 05-31 is 30 (does not).
		// 2026-05-31T16:30Z is 06-01 00:30 in Shanghai → counts; 05-31 23:30 Shanghai → left out.
		const orders = [
			order('L1', 'fay', '2026-05-31T23:30:00+08:00', 100),
			order('L2', 'fay', '2026-05-31T16:30:00Z', 10),
			order('L3', 'gus', '2026-03-01T10:00:00+08:00', 500),
			order('L4', 'hal', '2026-06-30T23:59:00+08:00', 20),
		];
		const windowed = await runWorkflow(workflow(orders, { ...endOfJune, lookbackDays: 30, outputMode: 'both' }));
		// fay: only L2 → 1 order, 10, 29 days, first order L2. gus: nothing inside → no score.
		expect(pick(windowed.output('RFM Segment', 0), 'frequency', 'monetary', 'recencyDays', 'firstOrderAt')).toEqual({
			fay: [1, 10, 29, '2026-05-31T16:30:00Z'],
			hal: [1, 20, 0, '2026-06-30T23:59:00+08:00'],
		});
		expect(windowed.output('RFM Segment', 1)[0]).toMatchObject({ ordersCounted: 2, customersWithoutCountedOrders: 1 });

		// 0 (the default) counts all history: fay 2 orders, 110; gus 1 order, 121 days
		// (03-01 → 06-30: 31 + 30 + 31 + 29 = 121).
		const all = await runWorkflow(workflow(orders, { ...endOfJune, outputMode: 'customers' }));
		expect(pick(all.output('RFM Segment'), 'frequency', 'monetary', 'recencyDays')).toEqual({
			fay: [2, 110, 29],
			gus: [1, 500, 121],
			hal: [1, 20, 0],
		});
	});
});

describe('referenceDate in the summary: in the shop’s time zone, with its offset', () => {
	const summaryOf = async (parameters: IDataObject) =>
		(await runWorkflow(workflow(goodOrders, { ...parameters, outputMode: 'summary' }))).output('RFM Segment', 0)[0];

	it('end of a chosen day in New York: 23:59:59 that day at UTC−4 (daylight time in June)', async () => {
		const row = await summaryOf({ referenceMode: 'endOfDay', referenceDate: '2026-06-30', timeZone: 'America/New_York' });
		expect(row.referenceDate).toBe('2026-06-30T23:59:59-04:00');
	});

	it('latest order in the input, read in New York: 20 June 10:00 in Shanghai is 19 June 22:00 there', async () => {
		// Carol's cancelled order of 29 June is not counted; Alice's of 20 June 10:00+08:00 is the latest.
		const row = await summaryOf({ referenceMode: 'latestOrder', timeZone: 'America/New_York' });
		expect(row.referenceDate).toBe('2026-06-19T22:00:00-04:00');
	});
});
