/**
 * Visitor value per channel on a hand-checked shop (访客价值 = 客单价 × 转化率 × 复购率), the
 * budget-shift rule, and the edges: no visitors, no orders, no data at all, orders re-ingested
 * under another channel, refunds and cancellations, the window.
 */
import type { OrderStatus } from '../../../nodes/lib/model';
import { DEFAULT_COUNTED_STATUSES } from '../../../nodes/lib/orders';
import {
	computeVisitorValue,
	GroupedOrders,
	groupMetrics,
	parseBudgetTable,
	suggestShares,
	type GroupedOrder,
	type TrafficRow,
	type VisitorValueOptions,
} from '../../../nodes/lib/visitorValue';

let row = 0;
function order(orderId: string, customerId: string, group: string, createdAt: string, amount: number, extra: Partial<GroupedOrder> = {}): GroupedOrder {
	return {
		itemIndex: row++,
		orderId,
		customerId,
		group,
		createdAt,
		createdAtMs: Date.parse(createdAt),
		status: 'completed' as OrderStatus,
		currency: 'CNY',
		amount,
		refundedAmount: 0,
		...extra,
	};
}

const ORDERS: GroupedOrder[] = [
	order('O1', 'A', 'live', '2026-06-01T10:00:00+08:00', 120, { status: 'partially_refunded', refundedAmount: 20 }),
	order('O2', 'A', 'live', '2026-06-02T10:00:00+08:00', 50),
	order('O3', 'B', 'live', '2026-06-02T11:00:00+08:00', 150),
	order('O6', 'C', 'live', '2026-06-20T11:00:00+08:00', 60),
	order('O9', 'F', 'live', '2026-06-21T11:00:00+08:00', 500, { status: 'cancelled' }),
	order('O4', 'C', 'search', '2026-06-03T09:00:00+08:00', 200),
	order('O5', 'D', 'search', '2026-06-04T09:00:00+08:00', 100),
	order('O7', 'E', 'private_domain', '2026-06-05T20:00:00+08:00', 80),
	order('O8', 'E', 'private_domain', '2026-06-25T20:00:00+08:00', 120),
];

const TRAFFIC: TrafficRow[] = [
	{ group: 'live', date: '2026-06-01', visitors: 60 },
	{ group: 'live', date: '2026-06-20', visitors: 40 },
	{ group: 'search', date: '2026-06-03', visitors: 50 },
	{ group: 'recommendation', date: '2026-06-30', visitors: 200 },
];

const options = (overrides: Partial<VisitorValueOptions> = {}): VisitorValueOptions => ({
	timeZone: 'Asia/Shanghai',
	windowDays: 0,
	countedStatuses: DEFAULT_COUNTED_STATUSES,
	repeatScope: 'group',
	shiftStep: 0.2,
	...overrides,
});

const byGroup = (result: ReturnType<typeof computeVisitorValue>) => Object.fromEntries(result.groups.map((g) => [g.group, g]));

describe('visitor value per channel', () => {
	const result = computeVisitorValue(ORDERS, TRAFFIC, options());
	const groups = byGroup(result);

	it('live: AOV 90 × conversion 4 % × repurchase 1/3 = 1.2 per visitor', () => {
		// 4 counted orders (the cancelled one is not), net 100 + 50 + 150 + 60 = 360; buyers A, B, C; A bought twice.
		expect(groups.live).toMatchObject({
			visitors: 100,
			orders: 4,
			buyers: 3,
			repeatBuyers: 1,
			revenue: 360,
			averageOrderValue: 90,
			conversionRate: 0.04,
			repurchaseRate: 0.3333,
			revenuePerVisitor: 3.6,
			visitorValue: 1.2,
			dataStatus: 'ok',
		});
	});

	it('search: no buyer bought twice there, so its visitors are worth 0 in repeat revenue', () => {
		expect(groups.search).toMatchObject({ orders: 2, buyers: 2, repeatBuyers: 0, revenue: 300, averageOrderValue: 150, conversionRate: 0.04, revenuePerVisitor: 6, visitorValue: 0 });
	});

	it('counting repeat orders in any channel: C bought in live and search, so search repurchase is 1/2', () => {
		const any = byGroup(computeVisitorValue(ORDERS, TRAFFIC, options({ repeatScope: 'anyGroup' })));
		expect(any.search).toMatchObject({ repeatBuyers: 1, repurchaseRate: 0.5, visitorValue: 3 });
		expect(any.live).toMatchObject({ repeatBuyers: 2, repurchaseRate: 0.6667, visitorValue: 2.4 });
	});

	it('no visitors or no orders: zeros, a status saying why, never NaN or Infinity', () => {
		expect(groups.private_domain).toMatchObject({ visitors: 0, orders: 2, revenue: 200, averageOrderValue: 100, conversionRate: 0, revenuePerVisitor: 0, visitorValue: 0, dataStatus: 'noTraffic', repurchaseRate: 1 });
		expect(groups.recommendation).toMatchObject({ visitors: 200, orders: 0, buyers: 0, revenue: 0, averageOrderValue: 0, conversionRate: 0, repurchaseRate: 0, visitorValue: 0, dataStatus: 'noOrders' });
		const numbers = JSON.stringify(result).match(/-?\d+(\.\d+)?(e[-+]?\d+)?|NaN|Infinity|null/g) ?? [];
		expect(numbers.filter((n) => n === 'NaN' || n === 'Infinity')).toEqual([]);
		for (const g of result.groups) for (const value of Object.values(g)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
	});

	it('shares and rank: highest visitor value first, channels without traffic last', () => {
		expect(result.groups.map((g) => [g.group, g.rank])).toEqual([
			['live', 1],
			['search', 2],
			['recommendation', 3],
			['private_domain', 4],
		]);
		expect(groups.live.revenueShare).toBeCloseTo(360 / 860, 4);
		expect(groups.recommendation.visitorShare).toBeCloseTo(200 / 350, 4);
	});

	it('totals over all channels; the window runs from the first to the last day seen', () => {
		expect(result.totals).toMatchObject({
			windowStart: '2026-06-01',
			windowEnd: '2026-06-30',
			visitors: 350,
			orders: 8,
			buyers: 5,
			repeatBuyers: 3,
			revenue: 860,
			averageOrderValue: 107.5,
			groups: 4,
			groupsWithoutTraffic: ['private_domain'],
			groupsWithoutOrders: ['recommendation'],
			totalBudget: null,
			ordersOutsideWindow: 0,
		});
	});

	it('budget shift from visitor shares: 20 % of the budget moves toward value-weighted shares', () => {
		// Current shares = visitor shares 100/350, 50/350, 200/350; only live has value, so its target is 100 %.
		expect(groups.live.currentBudgetShare).toBeCloseTo(0.2857, 4);
		expect(groups.live.suggestedBudgetShare).toBeCloseTo(0.8 * (100 / 350) + 0.2, 4);
		expect(groups.search.suggestedBudgetShare).toBeCloseTo(0.8 * (50 / 350), 4);
		expect(groups.recommendation.suggestedBudgetShare).toBeCloseTo(0.8 * (200 / 350), 4);
		expect(groups.private_domain).toMatchObject({ currentBudgetShare: 0, suggestedBudgetShare: 0, suggestion: 'keep', currentBudget: null });
		expect([groups.live.suggestion, groups.search.suggestion, groups.recommendation.suggestion]).toEqual(['increase', 'decrease', 'decrease']);
		const total = result.groups.reduce((sum, g) => sum + g.suggestedBudgetShare, 0);
		expect(total).toBeCloseTo(1, 3);
	});

	it('budget shift from a budget table: channels without traffic keep their money', () => {
		const table = { live: 1000, search: 1000, private_domain: 2000 };
		const shifted = byGroup(computeVisitorValue(ORDERS, TRAFFIC, options({ currentBudget: table })));
		expect(shifted.live).toMatchObject({ currentBudget: 1000, suggestedBudget: 1200, currentBudgetShare: 0.25, suggestedBudgetShare: 0.3, suggestion: 'increase' });
		expect(shifted.search).toMatchObject({ currentBudget: 1000, suggestedBudget: 800, suggestion: 'decrease' });
		expect(shifted.private_domain).toMatchObject({ currentBudget: 2000, suggestedBudget: 2000, suggestion: 'keep' });
		expect(shifted.recommendation).toMatchObject({ currentBudget: 0, suggestedBudget: 0, suggestion: 'keep' });
	});

	it('a window of N days ending on a chosen day counts only those days, orders and traffic alike', () => {
		const windowed = computeVisitorValue(ORDERS, TRAFFIC, options({ endDate: '2026-06-20', windowDays: 18 }));
		// 2026-06-03 … 2026-06-20: live O6 only (O1, O2, O3 before, O9 cancelled), search O4 and O5, private O7 (O8 after).
		const g = byGroup(windowed);
		expect(g.live).toMatchObject({ orders: 1, visitors: 40 });
		expect(g.search).toMatchObject({ orders: 2, visitors: 50 });
		expect(g.private_domain).toMatchObject({ orders: 1 });
		expect(g.recommendation).toMatchObject({ visitors: 0, dataStatus: 'noTrafficNoOrders' });
		expect(windowed.totals).toMatchObject({ windowStart: '2026-06-03', windowEnd: '2026-06-20', ordersOutsideWindow: 4, trafficRowsOutsideWindow: 2 });
	});

	it('an order re-ingested under another channel counts once, in the channel of its last row', () => {
		const moved = [...ORDERS, { ...ORDERS[2], group: 'search', itemIndex: 99 }];
		const g = byGroup(computeVisitorValue(moved, TRAFFIC, options()));
		expect(g.live.orders).toBe(3);
		expect(g.search.orders).toBe(3);
		expect(computeVisitorValue(moved, TRAFFIC, options()).totals.orders).toBe(8);
	});

	it('a channel whose every order was re-ingested under another channel is not listed (no traffic, no budget)', () => {
		// O7 and O8, private_domain's only orders, come again as search orders: search has 4 orders, E is its repeat buyer.
		const moved = [...ORDERS, { ...ORDERS[7], group: 'search', itemIndex: 98 }, { ...ORDERS[8], group: 'search', itemIndex: 99 }];
		const result = computeVisitorValue(moved, TRAFFIC, options());
		expect(result.groups.map((g) => g.group).sort()).toEqual(['live', 'recommendation', 'search']);
		expect(byGroup(result).search).toMatchObject({ orders: 4, buyers: 3, repeatBuyers: 1, revenue: 500 });
		// Over all channels A, C (live and search) and E bought twice.
		expect(result.totals).toMatchObject({ orders: 8, buyers: 5, repeatBuyers: 3 });
	});

	it('takes the orders as a GroupedOrders store (as the node fills it) with the same result as records', () => {
		const store = new GroupedOrders();
		for (const { group, ...record } of ORDERS) store.push(record, group);
		expect(computeVisitorValue(store, TRAFFIC, options({ repeatScope: 'anyGroup' }))).toEqual(computeVisitorValue(ORDERS, TRAFFIC, options({ repeatScope: 'anyGroup' })));
		// The channel item pairs with the channel's first order.
		expect(store.firstItemIndexOf('search')).toBe(ORDERS[5].itemIndex);
		expect(store.firstItemIndexOf('recommendation')).toBeUndefined();
	});

	it('no data at all: no groups, zero totals', () => {
		const empty = computeVisitorValue([], [], options());
		expect(empty.groups).toEqual([]);
		expect(empty.totals).toMatchObject({ windowStart: null, windowEnd: null, visitors: 0, orders: 0, visitorValue: 0 });
		const budgetOnly = computeVisitorValue([], [], options({ currentBudget: { live: 100 } }));
		expect(budgetOnly.groups[0]).toMatchObject({ group: 'live', currentBudget: 100, suggestedBudget: 100, visitorValue: 0 });
	});

	it('rejects a shift step outside 0–1 and a bad end date', () => {
		expect(() => computeVisitorValue(ORDERS, TRAFFIC, options({ shiftStep: 1.5 }))).toThrow(/shift step must be from 0 to 1/);
		expect(() => computeVisitorValue(ORDERS, TRAFFIC, options({ endDate: '2026-02-30' }))).toThrow(/not a calendar date/);
	});
});

describe('ranking and budget shift run on exact visitor values; only the output is rounded', () => {
	// live: 3 orders, 101.00 net, buyers L1 (twice) and L2 → repurchase 1/2; 1,000,000 visitors:
	//   visitor value = 101 ÷ 1,000,000 × 1/2 = 0.0000505 (shows as 0.0001).
	// search: 3 orders, 76.80 net, buyers S1 (twice) and S2 → 1/2; 1,000,000 visitors:
	//   visitor value = 76.8 ÷ 1,000,000 × 1/2 = 0.0000384 (shows as 0).
	const SMALL: GroupedOrder[] = [
		order('L-1', 'L1', 'live', '2026-06-01T10:00:00+08:00', 40),
		order('L-2', 'L1', 'live', '2026-06-02T10:00:00+08:00', 40),
		order('L-3', 'L2', 'live', '2026-06-03T10:00:00+08:00', 21),
		order('S-1', 'S1', 'search', '2026-06-01T10:00:00+08:00', 30),
		order('S-2', 'S1', 'search', '2026-06-02T10:00:00+08:00', 30),
		order('S-3', 'S2', 'search', '2026-06-03T10:00:00+08:00', 16.8),
	];
	const SMALL_TRAFFIC: TrafficRow[] = [
		{ group: 'live', date: '2026-06-03', visitors: 1_000_000 },
		{ group: 'search', date: '2026-06-03', visitors: 1_000_000 },
	];

	it('two channels at 0.0000505 and 0.0000384 with 1,000 each: the budget moves 1.4 points, not 10', () => {
		// Shift step k = 0.2, current shares 0.5 and 0.5 (S = 1):
		//   target(live) = 0.5 × 0.0000505 ÷ (0.5 × 0.0000505 + 0.5 × 0.0000384) = 505 ÷ 889 = 0.5680540
		//   suggested(live) = 0.8 × 0.5 + 0.2 × 0.5680540 = 0.5136108 → 1,027.22 of 2,000; change +0.0136 (1.4 points)
		//   suggested(search) = 1 − 0.5136108 = 0.4863892 → 972.78; change −0.0136
		// On the rounded values (0.0001 and 0) live's target would be 1 and it would get 0.6: 1,200, +10 points.
		const result = computeVisitorValue(SMALL, SMALL_TRAFFIC, options({ currentBudget: { live: 1000, search: 1000 } }));
		const groups = byGroup(result);
		expect(groups.live).toMatchObject({
			rank: 1,
			visitorValue: 0.0001,
			suggestedBudget: 1027.22,
			suggestedBudgetShare: 0.5136,
			suggestedBudgetSharePct: 51.4,
			budgetShareChange: 0.0136,
			budgetShareChangePct: 1.4,
			suggestion: 'increase',
		});
		expect(groups.search).toMatchObject({
			rank: 2,
			visitorValue: 0,
			suggestedBudget: 972.78,
			budgetShareChange: -0.0136,
			budgetShareChangePct: -1.4,
			suggestion: 'decrease',
		});
		expect(groups.live.exact.visitorValue).toBeCloseTo(0.0000505, 12);
		expect(groups.search.exact.visitorValue).toBeCloseTo(0.0000384, 12);
		expect(groups.live.exact.suggestedBudgetShare).toBeCloseTo(0.4 + (0.2 * 505) / 889, 12);
		expect(groups.live.exact.suggestedBudget).toBeCloseTo(2000 * (0.4 + (0.2 * 505) / 889), 9);
	});

	it('two channels that both show 0 rank by their exact values, not by revenue', () => {
		// recommendation: 2 orders, 45.00, one buyer twice → repurchase 1; 1,000,000 visitors:
		//   45 ÷ 1,000,000 × 1 = 0.000045 (shows as 0, like search's 0.0000384). Exact: recommendation
		//   ranks above search; tied on the rounded 0, search's larger revenue (76.80 > 45) would put it first.
		const withRecommendation = [
			...SMALL,
			order('R-1', 'R1', 'recommendation', '2026-06-01T10:00:00+08:00', 20),
			order('R-2', 'R1', 'recommendation', '2026-06-02T10:00:00+08:00', 25),
		];
		const traffic = [...SMALL_TRAFFIC, { group: 'recommendation', date: '2026-06-03', visitors: 1_000_000 }];
		const ranked = computeVisitorValue(withRecommendation, traffic, options()).groups.map((g) => [g.group, g.visitorValue]);
		expect(ranked).toEqual([
			['live', 0.0001],
			['recommendation', 0],
			['search', 0],
		]);
	});
});

describe('pieces', () => {
	it('groupMetrics: zero denominators give 0', () => {
		expect(groupMetrics({ visitors: 0, orders: 0, buyers: 0, repeatBuyers: 0, revenue: 0 })).toEqual({
			averageOrderValue: 0,
			conversionRate: 0,
			repurchaseRate: 0,
			revenuePerVisitor: 0,
			visitorValue: 0,
			dataStatus: 'noTrafficNoOrders',
		});
	});

	it('suggestShares: a value above the weighted mean gains, below loses, the sum stays', () => {
		const shares = suggestShares(
			[
				{ group: 'a', currentShare: 0.5, visitorValue: 3, hasTraffic: true },
				{ group: 'b', currentShare: 0.5, visitorValue: 1, hasTraffic: true },
			],
			0.5,
		);
		// weighted mean 2; targets 0.75 and 0.25; half-way: 0.625 and 0.375.
		expect(shares[0]).toBeCloseTo(0.625, 10);
		expect(shares[1]).toBeCloseTo(0.375, 10);
		expect(suggestShares([{ group: 'a', currentShare: 1, visitorValue: 0, hasTraffic: true }], 0.2)).toEqual([1]);
	});

	it('parseBudgetTable', () => {
		expect(parseBudgetTable('live=5000, short_video = 3000.5,直播间=10')).toEqual({ live: 5000, short_video: 3000.5, 直播间: 10 });
		expect(parseBudgetTable('')).toEqual({});
		expect(parseBudgetTable('live=lots')).toEqual({ badPart: 'live=lots' });
	});
});

describe('many channels', () => {
	it('keeps a channel and a customer apart whatever characters they hold ("a:b" + "c" is not "a" + "b:c")', () => {
		const result = computeVisitorValue(
			[
				order('P1', 'c', 'a:b', '2026-06-01T10:00:00+08:00', 10),
				order('P2', 'b:c', 'a', '2026-06-02T10:00:00+08:00', 20),
				order('P3', 'b:c', 'a', '2026-06-03T10:00:00+08:00', 30),
			],
			[],
			options(),
		);
		const byGroup = Object.fromEntries(result.groups.map((g) => [g.group, g]));
		expect(byGroup['a:b']).toMatchObject({ orders: 1, buyers: 1, repeatBuyers: 0, revenue: 10 });
		expect(byGroup.a).toMatchObject({ orders: 2, buyers: 1, repeatBuyers: 1, revenue: 50 });
	});

	it('gives 2,000 channels of one buyer each the same figures as one channel alone', () => {
		const many = Array.from({ length: 2000 }, (_, i) => [
			order(`M${i}a`, `K${i}`, `ch${i}`, '2026-06-10T10:00:00+08:00', 10 + (i % 7)),
			order(`M${i}b`, `K${i}`, `ch${i}`, '2026-06-10T12:00:00+08:00', 5),
		]).flat();
		const traffic = many.filter((_, k) => k % 2 === 0).map((o) => ({ group: o.group, date: '2026-06-10', visitors: 100 }));
		const result = computeVisitorValue(many, traffic, options());
		expect(result.groups).toHaveLength(2000);
		for (const g of result.groups) {
			const i = Number(g.group.slice(2));
			// Two orders of one buyer: AOV (10 + i mod 7 + 5) / 2, conversion 2 / 100, repurchase 1.
			expect(g).toMatchObject({ orders: 2, buyers: 1, repeatBuyers: 1, revenue: 15 + (i % 7), conversionRate: 0.02, repurchaseRate: 1 });
		}
	});
});
