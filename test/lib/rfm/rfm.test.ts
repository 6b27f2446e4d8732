/**
 * RFM rules on small hand-checked cases (README "RFM Segment"). The large-scale check
 * against an independent pandas implementation is pandasReference.test.ts.
 */
import {
	aggregateOrders,
	createSegmenter,
	DEFAULT_COUNTED_STATUSES,
	rfmOrderSchema,
	scoreRfm,
	segmentCustomers,
	toRfmOrder,
	type AggregationOptions,
	type RfmValues,
} from '../../../nodes/lib/rfm';

type OrderRow = Record<string, unknown>;

function orders(rows: OrderRow[], timeZone = 'Asia/Shanghai') {
	const schema = rfmOrderSchema(timeZone);
	return rows.map((row, i) =>
		toRfmOrder(schema.parse({ currency: 'CNY', status: 'completed', orderId: `O${i}`, ...row }), i),
	);
}

const at = (createdAt: string, customerId: string, amount: number, extra: OrderRow = {}) => ({
	createdAt,
	customerId,
	amount,
	...extra,
});

const options = (overrides: Partial<AggregationOptions> = {}): AggregationOptions => ({
	reference: { kind: 'instant', epochMs: Date.parse('2026-06-30T23:59:59+08:00') },
	timeZone: 'Asia/Shanghai',
	lookbackDays: 0,
	countedStatuses: DEFAULT_COUNTED_STATUSES,
	...overrides,
});

describe('aggregating orders per customer', () => {
	it('counts distinct orders and sums amounts in cents (0.1 + 0.2 is exactly 0.30)', () => {
		const { customers } = aggregateOrders(
			orders([at('2026-06-01T10:00:00+08:00', 'A', 0.1), at('2026-06-02T10:00:00+08:00', 'A', 0.2)]),
			options(),
		);
		expect(customers).toEqual([
			expect.objectContaining({ customerId: 'A', frequency: 2, monetaryCents: 30, recencyDays: 28 }),
		]);
	});

	it('counts a zero-amount order in frequency and adds nothing to monetary', () => {
		const { customers } = aggregateOrders(
			orders([at('2026-06-01T10:00:00+08:00', 'A', 0), at('2026-06-20T10:00:00+08:00', 'A', 50)]),
			options(),
		);
		expect(customers[0]).toMatchObject({ frequency: 2, monetaryCents: 5000, recencyDays: 10 });
	});

	it('leaves out a customer whose only orders were refunded or cancelled, and says how many', () => {
		const result = aggregateOrders(
			orders([
				at('2026-06-01T10:00:00+08:00', 'R', 80, { status: 'refunded', refundedAmount: 80 }),
				at('2026-06-02T10:00:00+08:00', 'R', 20, { status: 'cancelled' }),
				at('2026-06-03T10:00:00+08:00', 'B', 10),
			]),
			options(),
		);
		expect(result.customers.map((c) => c.customerId)).toEqual(['B']);
		expect(result.customersWithoutCountedOrders).toBe(1);
		expect(result.ordersSkipped.statusNotCounted).toBe(2);
	});

	it('counts a partially refunded order at its amount minus the refund', () => {
		const { customers } = aggregateOrders(
			orders([at('2026-06-01T10:00:00+08:00', 'A', 199, { status: 'partially_refunded', refundedAmount: 49.5 })]),
			options(),
		);
		expect(customers[0].monetaryCents).toBe(14950);
	});

	it('ignores orders after the reference date', () => {
		const result = aggregateOrders(
			orders([at('2026-06-30T23:59:59+08:00', 'A', 10), at('2026-07-01T00:00:00+08:00', 'A', 99)]),
			options(),
		);
		expect(result.customers[0]).toMatchObject({ frequency: 1, monetaryCents: 1000, recencyDays: 0 });
		expect(result.ordersSkipped.afterReference).toBe(1);
	});

	it('counts days in the shop time zone: 23:59 and 00:01 Shanghai are different days, 2 minutes apart', () => {
		const reference = { kind: 'instant' as const, epochMs: Date.parse('2026-03-02T00:01:00+08:00') };
		const rows = [at('2026-03-01T23:59:00+08:00', 'A', 10)];
		const inShanghai = aggregateOrders(orders(rows), options({ reference }));
		expect(inShanghai.customers[0].recencyDays).toBe(1);
		// The same two instants are 15:59 and 16:01 UTC on 1 March: the same day in UTC.
		const inUtc = aggregateOrders(orders(rows, 'UTC'), options({ reference, timeZone: 'UTC' }));
		expect(inUtc.customers[0].recencyDays).toBe(0);
	});

	it('reads a timestamp without an offset as wall-clock time in the shop time zone', () => {
		const reference = { kind: 'instant' as const, epochMs: Date.parse('2026-03-02T00:01:00+08:00') };
		const { customers } = aggregateOrders(orders([at('2026-03-01 23:59:00', 'A', 10)]), options({ reference }));
		expect(customers[0]).toMatchObject({ recencyDays: 1, lastOrderAt: '2026-03-01 23:59:00' });
	});

	it('keeps the last row of an order that appears twice (a later snapshot)', () => {
		const rows = [
			at('2026-06-01T10:00:00+08:00', 'A', 100, { orderId: 'X' }),
			at('2026-06-01T10:00:00+08:00', 'A', 100, { orderId: 'X', status: 'refunded', refundedAmount: 100 }),
			at('2026-06-05T10:00:00+08:00', 'A', 30, { orderId: 'Y' }),
		];
		const result = aggregateOrders(orders(rows), options());
		expect(result.customers[0]).toMatchObject({ frequency: 1, monetaryCents: 3000 });
		expect(result.ordersSkipped.duplicateRows).toBe(1);
	});

	it('with a lookback of 30 days counts orders 0–29 days before the reference day', () => {
		const result = aggregateOrders(
			orders([at('2026-06-01T12:00:00+08:00', 'A', 10), at('2026-05-31T12:00:00+08:00', 'A', 20)]),
			options({ lookbackDays: 30 }),
		);
		expect(result.customers[0]).toMatchObject({ frequency: 1, monetaryCents: 1000, recencyDays: 29 });
		expect(result.ordersSkipped.outsideLookback).toBe(1);
	});

	it('can take the latest counted order as the reference date', () => {
		const result = aggregateOrders(
			orders([
				at('2026-01-10T09:00:00+08:00', 'A', 10),
				at('2026-01-20T09:00:00+08:00', 'B', 10),
				at('2026-02-01T09:00:00+08:00', 'B', 10, { status: 'cancelled' }),
			]),
			options({ reference: { kind: 'latestOrder' } }),
		);
		expect(result.referenceEpochMs).toBe(Date.parse('2026-01-20T09:00:00+08:00'));
		expect(result.customers.map((c) => [c.customerId, c.recencyDays])).toEqual([
			['A', 10],
			['B', 0],
		]);
	});

	it('gives no customers and no error for no orders', () => {
		expect(aggregateOrders([], options()).customers).toEqual([]);
		expect(segmentCustomers([], { scoring: { kind: 'quintiles' }, scheme: { kind: 'rfGrid' }, language: 'en' }).customers).toEqual([]);
	});
});

describe('reading orders', () => {
	const schema = rfmOrderSchema('Asia/Shanghai');
	it.each([
		[{ createdAt: 'yesterday' }, 'createdAt'],
		[{ createdAt: '2026-02-30 10:00' }, 'createdAt'],
		[{ amount: -5 }, 'amount'],
		[{ amount: 'twelve' }, 'amount'],
		[{ customerId: '' }, 'customerId'],
		[{ customerId: undefined }, 'customerId'],
		[{ status: 'shipped-ish' }, 'status'],
		[{ refundedAmount: 200 }, 'refundedAmount'],
	])('rejects %j on field %s', (change, field) => {
		const result = schema.safeParse({
			orderId: 'O1',
			customerId: 'A',
			createdAt: '2026-02-01T10:00:00+08:00',
			status: 'partially_refunded',
			amount: 100,
			...change,
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].path[0]).toBe(field);
	});

	it('accepts amounts written as text, as CSV rows carry them', () => {
		const parsed = schema.parse({ orderId: 1001, customerId: 7, createdAt: '2026-02-01', amount: '19.90' });
		expect(parsed).toMatchObject({ orderId: '1001', customerId: '7', amount: 19.9 });
	});
});

describe('scoring', () => {
	const values = (rows: Array<[string, number, number, number]>): RfmValues[] =>
		rows.map(([customerId, recencyDays, frequency, monetaryCents]) => ({
			customerId,
			recencyDays,
			frequency,
			monetaryCents,
		}));

	it('scores a single customer 1-1-1 (nobody is worse than them)', () => {
		const { r, f, m } = scoreRfm(values([['A', 3, 2, 100]]), { kind: 'quintiles' });
		expect([r[0], f[0], m[0]]).toEqual([1, 1, 1]);
	});

	it('gives identical customers identical scores with quintiles', () => {
		const same = values(Array.from({ length: 7 }, (_, i) => [`C${i}`, 10, 2, 5000] as [string, number, number, number]));
		const { r, f, m } = scoreRfm(same, { kind: 'quintiles' });
		expect(new Set([...r, ...f, ...m])).toEqual(new Set([1]));
	});

	it('ranks 10 distinct customers into quintiles of two, best recency = smallest days', () => {
		const ten = values(Array.from({ length: 10 }, (_, i) => [`C${i}`, i, i + 1, (i + 1) * 100] as [string, number, number, number]));
		const { r, f } = scoreRfm(ten, { kind: 'quintiles' });
		expect([...f]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
		expect([...r]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
	});

	it('splits ties by customer id with equal-size quintiles, whatever the input order', () => {
		const tied = values([
			['E', 1, 1, 100],
			['A', 1, 1, 100],
			['D', 1, 1, 100],
			['B', 1, 1, 100],
			['C', 1, 1, 100],
		]);
		const { f, r } = scoreRfm(tied, { kind: 'equalSize' });
		expect([...f]).toEqual([5, 1, 4, 2, 3]);
		expect([...r]).toEqual([5, 1, 4, 2, 3]);
	});

	it('applies fixed thresholds: lower bounds of scores 2..5, recency counted down', () => {
		const thresholds = { recencyDays: [30, 90, 180, 365], frequency: [2, 3, 5, 8], monetary: [100, 300, 1000, 3000] };
		const { r, f, m } = scoreRfm(
			values([
				['A', 30, 2, 10000],
				['B', 31, 1, 9999],
				['C', 400, 8, 300000],
			]),
			{ kind: 'thresholds', thresholds },
		);
		expect([...r]).toEqual([5, 4, 1]);
		expect([...f]).toEqual([2, 1, 5]);
		expect([...m]).toEqual([2, 1, 5]);
	});

	it('rejects thresholds that are not 4 ascending numbers', () => {
		expect(() =>
			scoreRfm(values([['A', 1, 1, 1]]), {
				kind: 'thresholds',
				thresholds: { recencyDays: [30, 20, 180, 365], frequency: [2, 3, 5, 8], monetary: [1, 2, 3, 4] },
			}),
		).toThrow(/recency days must be 4 ascending numbers/);
	});
});

describe('segment schemes', () => {
	const allScores = [1, 2, 3, 4, 5];

	it('R×F grid: every one of the 25 cells has exactly one of the 10 segments', () => {
		const grid = createSegmenter({ kind: 'rfGrid' });
		const seen = new Set<string>();
		for (const r of allScores) for (const f of allScores) seen.add(grid.segmentOf(r, f, 1));
		expect([...seen].sort()).toEqual([...grid.keys].sort());
		expect(grid.segmentOf(5, 5, 1)).toBe('champions');
		expect(grid.segmentOf(1, 5, 1)).toBe('cant_lose');
		expect(grid.segmentOf(3, 3, 5)).toBe('need_attention');
	});

	it('Putler: every (R, F, M) gets one of the 11 segments, each reachable; nested ranges win', () => {
		const putler = createSegmenter({ kind: 'putler' });
		const seen = new Set<string>();
		for (const r of allScores) for (const f of allScores) for (const m of allScores) seen.add(putler.segmentOf(r, f, m));
		expect([...seen].sort()).toEqual([...putler.keys].sort());
		expect(putler.segmentOf(5, 5, 4)).toBe('champions'); // also in Loyal's range
		expect(putler.segmentOf(1, 5, 5)).toBe('cant_lose'); // also in At Risk's range
		expect(putler.segmentOf(2, 2, 2)).toBe('hibernating'); // also in Lost's range
		expect(putler.segmentOf(1, 1, 1)).toBe('lost');
		expect(putler.segmentOf(5, 1, 1)).toBe('recent_customers');
	});

	it('custom rules: first match wins, no match is "others"', () => {
		const custom = createSegmenter({
			kind: 'custom',
			rules: [
				{ name: 'vip', r: [4, 5], f: [4, 5], m: [4, 5] },
				{ name: 'active', r: [3, 5], f: [1, 5], m: [1, 5] },
			],
		});
		expect(custom.segmentOf(5, 5, 5)).toBe('vip');
		expect(custom.segmentOf(5, 1, 1)).toBe('active');
		expect(custom.segmentOf(1, 5, 5)).toBe('others');
		expect(custom.labelOf('others', 'zh')).toBe('其他');
		expect(custom.keys).toEqual(['vip', 'active', 'others']);
	});

	it('labels segments in English or Simplified Chinese, keeping the key stable', () => {
		const result = segmentCustomers(
			[{ customerId: 'A', recencyDays: 0, frequency: 9, monetaryCents: 100000 }],
			{ scoring: { kind: 'thresholds', thresholds: { recencyDays: [1, 2, 3, 4], frequency: [2, 3, 4, 5], monetary: [1, 2, 3, 4] } }, scheme: { kind: 'rfGrid' }, language: 'zh' },
		);
		expect(result.customers[0]).toMatchObject({ segment: 'champions', segmentLabel: '冠军客户', rfmCode: '555', rfmScore: 15 });
	});
});

describe('summary per segment', () => {
	it('adds up to the customers and the revenue', () => {
		const customers = Array.from({ length: 50 }, (_, i) => ({
			customerId: `C${i}`,
			recencyDays: i * 7,
			frequency: 1 + (i % 6),
			monetaryCents: 1990 * (1 + (i % 9)),
		}));
		const { summary } = segmentCustomers(customers, { scoring: { kind: 'quintiles' }, scheme: { kind: 'rfGrid' }, language: 'en' });
		expect(summary.map((s) => s.segment)).toEqual(createSegmenter({ kind: 'rfGrid' }).keys);
		expect(summary.reduce((n, s) => n + s.customers, 0)).toBe(50);
		const revenue = customers.reduce((sum, c) => sum + c.monetaryCents, 0) / 100;
		expect(summary.reduce((sum, s) => sum + s.revenue, 0)).toBeCloseTo(revenue, 6);
		expect(summary.reduce((sum, s) => sum + s.customerShare, 0)).toBeCloseTo(1, 3);
	});
});
