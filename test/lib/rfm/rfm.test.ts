/**
 * RFM scoring, segment schemes and the per-segment summary on small hand-checked cases
 * (README "RFM Segment"). Aggregating orders: ../orders/orders.test.ts. The large-scale check
 * against an independent pandas implementation is pandasReference.test.ts.
 */
import {
	createSegmenter,
	scoreRfm,
	segmentCustomers,
	type RfmValues,
} from '../../../nodes/lib/rfm';

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

	it('shares read as a 4-decimal fraction and a 1-decimal percent; exact values in exact', () => {
		// 3 customers with 10.00, 10.00 and 80.00 over R×F thresholds that put A and B in one
		// segment and C in another: A+B are 2/3 of customers (0.6667, 66.7 %) and 20 % of revenue.
		const { summary } = segmentCustomers(
			[
				{ customerId: 'A', recencyDays: 100, frequency: 1, monetaryCents: 1000 },
				{ customerId: 'B', recencyDays: 100, frequency: 1, monetaryCents: 1000 },
				{ customerId: 'C', recencyDays: 0, frequency: 9, monetaryCents: 8000 },
			],
			{ scoring: { kind: 'thresholds', thresholds: { recencyDays: [1, 2, 3, 4], frequency: [2, 3, 4, 5], monetary: [1, 2, 3, 4] } }, scheme: { kind: 'rfGrid' }, language: 'en' },
		);
		const pair = summary.find((s) => s.customers === 2)!;
		expect(pair).toMatchObject({ customerShare: 0.6667, customerSharePct: 66.7, revenueShare: 0.2, revenueSharePct: 20, meanMonetary: 10 });
		expect(pair.exact.customerShare).toBeCloseTo(2 / 3, 15);
	});
});
