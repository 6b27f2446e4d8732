/**
 * The daily KPI digest (nodes/lib/kpiDigest) on a small fixed order set whose figures are
 * worked out by hand below, in Asia/Shanghai; the calendar around the DST changes of
 * America/New_York (2026-03-08 is 23 hours long there, 2026-11-01 25 hours: US Energy Policy
 * Act of 2005, second Sunday of March / first Sunday of November).
 */
import { UserInputError } from '../../../nodes/lib/errors';
import {
	computeKpiDigest,
	digestCalendar,
	digestLines,
	type DigestOptions,
	type DigestOrder,
	type DigestTraffic,
} from '../../../nodes/lib/kpiDigest';
import type { OrderStatus } from '../../../nodes/lib/model';

const PAID: OrderStatus[] = ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'];

let index = 0;
function order(orderId: string, customerId: string, createdAt: string, amount: number, extra: Partial<DigestOrder> = {}): DigestOrder {
	return {
		itemIndex: index++,
		orderId,
		customerId,
		createdAtMs: Date.parse(createdAt),
		status: 'paid',
		currency: 'CNY',
		amount,
		refundedAmount: 0,
		platform: 'douyin',
		channel: 'live',
		...extra,
	};
}
const taobao = { platform: 'taobao', channel: 'search' };

/**
 * Report day Tuesday 2026-03-10 (Asia/Shanghai, UTC+8); the 7-day average over 03-03 … 03-09;
 * the same weekday last week is 03-03.
 */
const ORDERS: DigestOrder[] = [
	// The report day: 4 counted orders, GMV 100 + 200 + 300 + 50 = 650, refunds 50 + 300 = 350.
	order('o1', 'c1', '2026-03-10T09:00:00+08:00', 100),
	order('o2', 'c2', '2026-03-10T23:59:59+08:00', 200, { status: 'partially_refunded', refundedAmount: 50 }),
	order('o3', 'c3', '2026-03-10T00:00:00+08:00', 300, { ...taobao, status: 'refunded', refundedAmount: 300 }),
	order('o4', 'c1', '2026-03-10T12:00:00+08:00', 50, { ...taobao, status: 'shipped' }),
	order('o5', 'c4', '2026-03-10T10:00:00+08:00', 999, { status: 'pending' }), // not paid: not counted
	order('o6', 'c5', '2026-03-11T00:00:00+08:00', 80), // the next day
	// The 7 days before: GMV 70 + 120 + 140 + 60 = 390, 4 orders.
	order('o7', 'c6', '2026-03-09T23:59:59+08:00', 70),
	order('o8', 'c1', '2026-03-03T10:00:00+08:00', 120),
	order('o9', 'c2', '2026-03-05T10:00:00+08:00', 1, taobao), // re-ingested below: the last row wins
	order('o9', 'c2', '2026-03-05T10:00:00+08:00', 140, taobao),
	order('o10', 'c7', '2026-03-03T11:00:00+08:00', 60, taobao),
	// Earlier orders, for "bought before" (365 days).
	order('o11', 'c3', '2025-03-01T10:00:00+08:00', 10), // 374 days before 03-10: c3 is new that day
	order('o12', 'c7', '2025-03-20T10:00:00+08:00', 10), // 348 days before 03-03: c7 is returning
];

const TRAFFIC: DigestTraffic[] = [
	{ date: '2026-03-10', platform: 'douyin', channel: 'live', visitors: 100 },
	{ date: '2026-03-10', platform: 'taobao', channel: 'search', visitors: 100 },
	{ date: '2026-03-03', platform: 'douyin', channel: 'live', visitors: 50 },
	{ date: '2026-03-09', platform: 'taobao', channel: 'search', visitors: 150 },
	{ date: '2026-03-02', platform: 'taobao', channel: 'search', visitors: 9999 }, // before the 7 days
];

const OPTIONS: DigestOptions = {
	timeZone: 'Asia/Shanghai',
	reportDate: '2026-03-10',
	now: Date.parse('2026-03-11T01:00:00Z'),
	countedStatuses: PAID,
	returningLookbackDays: 365,
	moverThreshold: 0.2,
	topMovers: 3,
	withTraffic: true,
};

describe('Daily KPI digest: a fixed order set, figures by hand', () => {
	const result = computeKpiDigest(ORDERS, TRAFFIC, OPTIONS);

	it('yesterday: GMV before refunds, AOV, conversion, repurchase and refund rate', () => {
		expect(result).toMatchObject({ reportDate: '2026-03-10', weekday: 2, sameWeekdayLastWeek: '2026-03-03', averageFrom: '2026-03-03', averageTo: '2026-03-09' });
		expect(result.total.yesterday).toEqual({
			gmv: 650,
			orders: 4,
			buyers: 3, // c1 (twice), c2, c3
			returningBuyers: 2, // c1 (o8, 03-03), c2 (o9, 03-05); c3's last order is 374 days old
			refundAmount: 350,
			refundedOrders: 2,
			averageOrderValue: 162.5, // 650 / 4
			visitors: 200,
			conversionRate: 0.02, // 4 / 200
			repurchaseRate: 0.6667, // 2 / 3
			refundRate: 0.5385, // 350 / 650 = 0.53846
		});
	});

	it('the 7-day average: sums ÷ 7, rates pooled over the 7 days', () => {
		expect(result.total.average7Days).toEqual({
			gmv: 55.71, // 390 / 7
			orders: 0.57, // 4 / 7
			buyers: 0.57, // buyer-days c1 + c7 (03-03), c2 (03-05), c6 (03-09) = 4
			returningBuyers: 0.14, // only c7 (o12, 348 days before 03-03) = 1
			refundAmount: 0,
			refundedOrders: 0,
			averageOrderValue: 97.5, // 390 / 4
			visitors: 28.57, // (50 + 150) / 7; the 03-02 row is outside
			conversionRate: 0.02, // 4 / 200
			repurchaseRate: 0.25, // 1 / 4
			refundRate: 0,
		});
		expect(result.ordersCounted).toBe(8);
		expect(result.ordersNotCounted).toBe(2); // o5 pending, o9's first row
	});

	it('changes: relative for amounts and counts, differences for rates', () => {
		expect(result.total.vsAverage).toEqual({
			gmv: 10.6667, // 650 / (390 / 7) − 1 = 4550 / 390 − 1
			orders: 6, // 4 / (4 / 7) − 1
			averageOrderValue: 0.6667, // 162.5 / 97.5 − 1
			visitors: 6, // 200 / (200 / 7) − 1
			conversionRate: 0, // 0.02 − 0.02
			repurchaseRate: 0.4167, // 2/3 − 1/4
			refundRate: 0.5385, // 350/650 − 0
		});
		// Same weekday last week, 03-03: o8 120 + o10 60 = 180, 2 orders, c7 returning of c1, c7.
		expect(result.total.sameDayLastWeek).toMatchObject({ gmv: 180, orders: 2, averageOrderValue: 90, repurchaseRate: 0.5, visitors: 50, conversionRate: 0.04 });
		expect(result.total.vsLastWeek).toMatchObject({ gmv: 2.6111, orders: 1, averageOrderValue: 0.8056, conversionRate: -0.02, repurchaseRate: 0.1667 });
	});

	it('per platform and per platform × channel, the largest GMV first', () => {
		expect(result.platforms.map((p) => [p.platform, p.yesterday.gmv, p.yesterday.orders])).toEqual([
			['taobao', 350, 2],
			['douyin', 300, 2],
		]);
		// c1 bought on both platforms: one buyer on each, one buyer in the total.
		expect(result.platforms.map((p) => p.yesterday.buyers)).toEqual([2, 2]);
		expect(result.channels.map((c) => [c.platform, c.channel, c.yesterday.gmv, c.average7Days.gmv])).toEqual([
			['taobao', 'search', 350, 28.57], // (140 + 60) / 7
			['douyin', 'live', 300, 27.14], // (70 + 120) / 7
		]);
	});

	it('movers: past the threshold, the largest change in money first', () => {
		expect(result.movers).toEqual([
			{ platform: 'taobao', channel: 'search', direction: 'up', gmv: 350, gmvAverage: 28.57, gmvChangeAmount: 321.43, gmvChange: 11.25, orders: 2, ordersAverage: 0.29 },
			{ platform: 'douyin', channel: 'live', direction: 'up', gmv: 300, gmvAverage: 27.14, gmvChangeAmount: 272.86, gmvChange: 10.0526, orders: 2, ordersAverage: 0.29 },
		]);
		// 350 / (200/7) − 1 = 11.25; 300 / (190/7) − 1 = 10.0526
		expect(computeKpiDigest(ORDERS, TRAFFIC, { ...OPTIONS, topMovers: 1 }).movers.map((m) => m.platform)).toEqual(['taobao']);
		// A threshold above both changes: no movers.
		expect(computeKpiDigest(ORDERS, TRAFFIC, { ...OPTIONS, moverThreshold: 12 }).movers).toEqual([]);
	});

	it('without traffic, visitors and conversion are null (not 0)', () => {
		const noTraffic = computeKpiDigest(ORDERS, [], { ...OPTIONS, withTraffic: false });
		expect(noTraffic.total.yesterday).toMatchObject({ visitors: null, conversionRate: null, gmv: 650 });
		expect(noTraffic.total.vsAverage).toMatchObject({ visitors: null, conversionRate: null });
	});

	it('a shorter look-back makes fewer returning buyers', () => {
		// 6 days: c1's o8 (03-03) is 7 days before 03-10, outside; c2's o9 (03-05) is inside.
		const short = computeKpiDigest(ORDERS, TRAFFIC, { ...OPTIONS, returningLookbackDays: 6 });
		expect(short.total.yesterday).toMatchObject({ returningBuyers: 1, repurchaseRate: 0.3333 });
	});

	it('no orders at all: zeros, and changes null rather than NaN', () => {
		const empty = computeKpiDigest([], [], { ...OPTIONS, withTraffic: false });
		expect(empty.total.yesterday).toMatchObject({ gmv: 0, orders: 0, averageOrderValue: 0, repurchaseRate: 0, refundRate: 0 });
		expect(empty.total.vsAverage).toEqual({ gmv: null, orders: null, averageOrderValue: null, visitors: null, conversionRate: null, repurchaseRate: null, refundRate: null });
		expect(empty.platforms).toEqual([]);
		expect(empty.movers).toEqual([]);
	});
});

describe('Daily KPI digest: the calendar in the shop\'s time zone (date-fns + @date-fns/tz)', () => {
	const H = 3_600_000;

	it('yesterday by default, as the shop sees it: 01:00 UTC is already tomorrow in Shanghai, not in New York', () => {
		const now = Date.parse('2026-03-11T01:00:00Z');
		expect(digestCalendar('Asia/Shanghai', undefined, now).reportDate).toBe('2026-03-10'); // 09:00 on 03-11 there
		expect(digestCalendar('America/New_York', undefined, now).reportDate).toBe('2026-03-09'); // 21:00 on 03-10 there
	});

	it('Asia/Shanghai: every day is 24 hours from local midnight (16:00 UTC)', () => {
		const calendar = digestCalendar('Asia/Shanghai', '2026-03-10', Date.parse('2026-03-11T00:00:00Z'));
		expect(new Date(calendar.startOf(0)).toISOString()).toBe('2026-03-09T16:00:00.000Z');
		expect(new Date(calendar.startOf(-7)).toISOString()).toBe('2026-03-02T16:00:00.000Z');
		expect(calendar.dateOf(-7)).toBe('2026-03-03');
	});

	it('America/New_York, spring forward: 2026-03-08 is 23 hours, and last week\'s Sunday starts at 05:00 UTC', () => {
		const calendar = digestCalendar('America/New_York', '2026-03-08', Date.parse('2026-03-10T00:00:00Z'));
		expect(new Date(calendar.startOf(0)).toISOString()).toBe('2026-03-08T05:00:00.000Z'); // EST, UTC−5
		expect(new Date(calendar.startOf(1)).toISOString()).toBe('2026-03-09T04:00:00.000Z'); // EDT, UTC−4
		expect(calendar.startOf(1) - calendar.startOf(0)).toBe(23 * H);
		expect(new Date(calendar.startOf(-7)).toISOString()).toBe('2026-03-01T05:00:00.000Z');
		expect(calendar.weekday).toBe(7); // Sunday
	});

	it('America/New_York, fall back: 2026-11-01 is 25 hours', () => {
		const calendar = digestCalendar('America/New_York', '2026-11-01', Date.parse('2026-11-03T00:00:00Z'));
		expect(new Date(calendar.startOf(0)).toISOString()).toBe('2026-11-01T04:00:00.000Z');
		expect(calendar.startOf(1) - calendar.startOf(0)).toBe(25 * H);
	});

	it('orders land on the day of their local time across a DST change', () => {
		const ny = (id: string, utc: string) => order(id, id, utc, 10);
		const orders = [
			ny('a', '2026-03-08T05:00:00Z'), // 00:00 EST on 03-08: the report day
			ny('b', '2026-03-09T03:30:00Z'), // 23:30 EDT on 03-08: the report day (a 24-hour day from 05:00Z would end at 05:00Z)
			ny('c', '2026-03-09T04:30:00Z'), // 00:30 EDT on 03-09: the next day (a 24-hour day would take it)
			ny('d', '2026-03-08T04:59:59Z'), // 23:59:59 EST on 03-07: the day before
			ny('e', '2026-03-01T05:00:00Z'), // 00:00 EST on 03-01: same weekday last week
		];
		const result = computeKpiDigest(orders, [], { ...OPTIONS, timeZone: 'America/New_York', reportDate: '2026-03-08', now: Date.parse('2026-03-10T00:00:00Z'), withTraffic: false });
		expect(result.total.yesterday.orders).toBe(2);
		expect(result.total.sameDayLastWeek.orders).toBe(1);
		expect(result.total.average7Days.gmv).toBe(2.86); // d + e = 20, ÷ 7
	});

	it('refuses a report day that is no date, or in the future', () => {
		const now = Date.parse('2026-03-11T00:00:00Z');
		expect(() => digestCalendar('Asia/Shanghai', '2026-02-30', now)).toThrow(UserInputError);
		expect(() => digestCalendar('Asia/Shanghai', '2026-02-30', now)).toThrow('Report Day "2026-02-30" is not a calendar date YYYY-MM-DD');
		expect(() => digestCalendar('Asia/Shanghai', '2027-01-01', now)).toThrow('outside 2000-01-01 … today');
		expect(() => digestCalendar('Asia/Shanghai', '1999-12-31', now)).toThrow('outside 2000-01-01 … today');
	});
});

describe('Daily KPI digest: lines for the team chat', () => {
	const result = computeKpiDigest(ORDERS, TRAFFIC, OPTIONS);
	const watch = { restockAlerts: 12, atRiskVips: 34 };

	it('in Chinese, with platform and channel names in Chinese', () => {
		const { lines, text, markdown } = digestLines(result, { language: 'zh', currency: 'CNY', timeZone: 'Asia/Shanghai' }, watch);
		expect(lines).toEqual([
			'📊 每日数据晨会 · 2026-03-10 周二（Asia/Shanghai）',
			'GMV ¥650.00，较7日均 +1066.7%，较上周二 +261.1%',
			'订单 4（+600.0%），客单价 ¥162.50，转化率 2.00%（0.0个百分点），复购率 66.7%，退款率 53.8%',
			'分平台：淘宝 ¥350.00（+1125.0%）；抖音 ¥300.00（+1005.3%）',
			'异动：▲ 淘宝·搜索 ¥350.00（+1125.0%）；▲ 抖音·直播 ¥300.00（+1005.3%）',
			'待办：待补货 12 项；流失风险 VIP 34 人',
		]);
		expect(text).toBe(lines.join('\n'));
		expect(markdown.split('\n')).toEqual([`**${lines[0]}**`, ...lines.slice(1).map((line) => `- ${line}`)]);
	});

	it('in English, without the to-do line when nothing is connected', () => {
		const { lines } = digestLines(result, { language: 'en', currency: 'CNY', timeZone: 'Asia/Shanghai' }, { restockAlerts: null, atRiskVips: null });
		expect(lines).toEqual([
			'📊 Daily KPI digest · 2026-03-10 Tue (Asia/Shanghai)',
			'GMV ¥650.00, +1066.7% vs 7-day avg, +261.1% vs last Tue',
			'Orders 4 (+600.0%), AOV ¥162.50, conversion 2.00% (0.0 pt), repurchase 66.7%, refunds 53.8%',
			'By platform: taobao ¥350.00 (+1125.0%); douyin ¥300.00 (+1005.3%)',
			'Movers: ▲ taobao·search ¥350.00 (+1125.0%); ▲ douyin·live ¥300.00 (+1005.3%)',
		]);
	});
});
