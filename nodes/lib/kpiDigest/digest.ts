/**
 * The morning's numbers (日清会): for the report day, per platform and per platform × channel,
 * GMV, orders, AOV, conversion, repurchase rate and refund rate, against the 7-day average and
 * the same weekday last week, and the top movers. Pure: no n8n imports; the clock comes in.
 *
 * Definitions (docs/nodes/KpiDigest.md, "How the numbers are counted"):
 * - an order counts on the day of its `createdAt` in the shop's time zone when its status is
 *   one of the counted statuses; an order id seen twice is one order, its last row wins (as
 *   RFM Segment and Visitor Value count);
 * - GMV (成交额/支付金额) = Σ order amount, before refunds, in the base currency; the refund
 *   amount is Σ refundedAmount of the same orders, and refund rate (退款率) = refunds ÷ GMV;
 * - AOV (客单价) = GMV ÷ orders; conversion (转化率) = orders ÷ visitors, only with traffic;
 * - repurchase rate (复购率) = returning buyers ÷ buyers, where a buyer of a day is returning
 *   when they have a counted order, on any platform or channel, in the `returningLookbackDays`
 *   days before that day — a "returning customer" (老买家) in the platforms' sense, a buyer
 *   with an earlier order, bounded by a look-back so a buyer from years ago counts as new;
 * - the 7-day average is over the 7 days before the report day: amounts and counts are the
 *   7-day sum ÷ 7, every rate is the ratio of the 7-day sums (pooled, so a quiet day does not
 *   weigh as much as a busy one);
 * - a change is relative ((day − base) ÷ base, null when the base is 0) for GMV, orders, AOV
 *   and visitors, and a difference in rate (0.004 = 0.4 percentage points) for the rates.
 */
import type { OrderStatus } from '../model';
import { fromCents, roundMoney, toCents } from '../orders';
import { AVERAGE_DAYS, digestCalendar, type DigestCalendar } from './calendar';

/** An order as the digest reads it. */
export interface DigestOrder {
	itemIndex: number;
	orderId: string;
	customerId: string;
	createdAtMs: number;
	status: OrderStatus;
	currency: string | undefined;
	amount: number;
	refundedAmount: number;
	platform: string;
	channel: string;
}

/** Visitors of one day on one platform and channel. */
export interface DigestTraffic {
	/** YYYY-MM-DD in the shop's time zone. */
	date: string;
	platform: string;
	channel: string;
	visitors: number;
}

export interface DigestOptions {
	timeZone: string;
	/** YYYY-MM-DD; undefined: yesterday at `now` in the time zone. */
	reportDate?: string;
	/** The run's clock, epoch ms. */
	now: number;
	countedStatuses: readonly OrderStatus[];
	/** A buyer is returning with a counted order in this many days before the day (≥ 1). */
	returningLookbackDays: number;
	/** A platform × channel whose GMV moved at least this much (0.2 = 20 %) vs its 7-day average is a mover. */
	moverThreshold: number;
	/** At most this many movers, largest change in GMV (amount) first. */
	topMovers: number;
	/** Whether traffic is connected: without it visitors and conversion are null. */
	withTraffic: boolean;
	/** Rate into the base currency per currency code; default 1. */
	rateOf?: (currency: string | undefined) => number;
}

export interface KpiFigures {
	gmv: number;
	orders: number;
	buyers: number;
	returningBuyers: number;
	refundAmount: number;
	refundedOrders: number;
	averageOrderValue: number;
	/** null without traffic. */
	visitors: number | null;
	/** orders ÷ visitors; null without traffic or with no visitors recorded. */
	conversionRate: number | null;
	repurchaseRate: number;
	refundRate: number;
}

export interface KpiChanges {
	/** Relative: 0.12 = +12 %; null when the base is 0. */
	gmv: number | null;
	orders: number | null;
	averageOrderValue: number | null;
	visitors: number | null;
	/** Difference of rates: 0.004 = +0.4 percentage points; null when either side has none. */
	conversionRate: number | null;
	repurchaseRate: number | null;
	refundRate: number | null;
}

export interface GroupDigest {
	/** null on the shop's total. */
	platform: string | null;
	/** null on the total and on a platform's row. */
	channel: string | null;
	yesterday: KpiFigures;
	average7Days: KpiFigures;
	sameDayLastWeek: KpiFigures;
	vsAverage: KpiChanges;
	vsLastWeek: KpiChanges;
}

export interface Mover {
	platform: string;
	channel: string;
	direction: 'up' | 'down';
	gmv: number;
	gmvAverage: number;
	/** gmv − gmvAverage. */
	gmvChangeAmount: number;
	/** Relative change; null when the average was 0 (a channel new this week). */
	gmvChange: number | null;
	orders: number;
	ordersAverage: number;
}

export interface KpiDigestResult {
	reportDate: string;
	/** 1 = Monday … 7 = Sunday. */
	weekday: number;
	sameWeekdayLastWeek: string;
	averageFrom: string;
	averageTo: string;
	total: GroupDigest;
	/** Largest GMV on the report day first. */
	platforms: GroupDigest[];
	channels: GroupDigest[];
	movers: Mover[];
	/** Counted orders on the 8 days (report day and the 7 before). */
	ordersCounted: number;
	/** Orders of another status, and the duplicate rows of an order id. */
	ordersNotCounted: number;
}

/** Per day offset −7 … 0 (index offset + 7). */
interface DayCounts {
	gmvCents: number;
	refundCents: number;
	orders: number;
	refundedOrders: number;
	buyers: Set<string>;
	visitors: number;
	hasTraffic: boolean;
}

const DAYS = AVERAGE_DAYS + 1;
const newDays = (): DayCounts[] =>
	Array.from({ length: DAYS }, () => ({ gmvCents: 0, refundCents: 0, orders: 0, refundedOrders: 0, buyers: new Set<string>(), visitors: 0, hasTraffic: false }));

/** Platform and channel names joined without ambiguity (a name may hold any character). */
const channelKey = (platform: string, channel: string) => `${platform.length}:${platform}:${channel}`;

export function computeKpiDigest(
	orders: readonly DigestOrder[],
	traffic: readonly DigestTraffic[],
	options: DigestOptions,
): KpiDigestResult {
	const calendar = digestCalendar(options.timeZone, options.reportDate, options.now);
	const lookback = options.returningLookbackDays;
	const counted = new Set(options.countedStatuses);
	const rateOf = options.rateOf ?? (() => 1);
	// Local midnights starting the days −7 … +1: bounds of the 8 days, from date-fns.
	const starts = Array.from({ length: DAYS + 1 }, (_, i) => calendar.startOf(i - AVERAGE_DAYS));
	const lookbackStart = calendar.startOf(-AVERAGE_DAYS - lookback);
	const end = starts[DAYS];

	const last = new Map<string, DigestOrder>();
	for (const order of orders) last.set(order.orderId, order);
	let ordersNotCounted = orders.length - last.size;

	// Every counted order time per customer from the earliest look-back on, for "bought before".
	const timesOf = new Map<string, number[]>();
	const total = newDays();
	const platforms = new Map<string, { platform: string; days: DayCounts[] }>();
	const channels = new Map<string, { platform: string; channel: string; days: DayCounts[] }>();
	const daysOfPlatform = (platform: string) => {
		let entry = platforms.get(platform);
		if (entry === undefined) platforms.set(platform, (entry = { platform, days: newDays() }));
		return entry.days;
	};
	const daysOfChannel = (platform: string, channel: string) => {
		const key = channelKey(platform, channel);
		let entry = channels.get(key);
		if (entry === undefined) channels.set(key, (entry = { platform, channel, days: newDays() }));
		return entry.days;
	};
	let ordersCounted = 0;
	for (const order of last.values()) {
		if (!counted.has(order.status)) {
			ordersNotCounted++;
			continue;
		}
		const t = order.createdAtMs;
		if (t < lookbackStart || t >= end) continue;
		let times = timesOf.get(order.customerId);
		if (times === undefined) timesOf.set(order.customerId, (times = []));
		times.push(t);
		if (t < starts[0]) continue;
		let day = 0;
		while (t >= starts[day + 1]) day++;
		ordersCounted++;
		const rate = rateOf(order.currency);
		const gmvCents = toCents(order.amount * rate);
		const refundCents = toCents(order.refundedAmount * rate);
		for (const days of [total, daysOfPlatform(order.platform), daysOfChannel(order.platform, order.channel)]) {
			const d = days[day];
			d.gmvCents += gmvCents;
			d.refundCents += refundCents;
			d.orders++;
			if (refundCents > 0) d.refundedOrders++;
			d.buyers.add(order.customerId);
		}
	}
	for (const times of timesOf.values()) times.sort((a, b) => a - b);
	const lookbackStarts = Array.from({ length: DAYS }, (_, i) => calendar.startOf(i - AVERAGE_DAYS - lookback));
	/** Whether the customer has a counted order in [start of day − lookback, start of day). */
	const boughtBefore = (customerId: string, day: number): boolean => {
		const times = timesOf.get(customerId) ?? [];
		const from = lookbackStarts[day];
		let lo = 0;
		let hi = times.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (times[mid] < from) lo = mid + 1;
			else hi = mid;
		}
		return lo < times.length && times[lo] < starts[day];
	};

	const dayOfDate = new Map<string, number>();
	for (let day = 0; day < DAYS; day++) dayOfDate.set(calendar.dateOf(day - AVERAGE_DAYS), day);
	for (const row of traffic) {
		const day = dayOfDate.get(row.date);
		if (day === undefined) continue;
		for (const days of [total, daysOfPlatform(row.platform), daysOfChannel(row.platform, row.channel)]) {
			days[day].visitors += row.visitors;
			days[day].hasTraffic = true;
		}
	}

	const digestOf = (platform: string | null, channel: string | null, days: DayCounts[]): GroupDigest => {
		const figures = (from: number, to: number) => sumFigures(days.slice(from, to), to - from, options.withTraffic, boughtBefore, from);
		const yesterday = figures(AVERAGE_DAYS, DAYS);
		const average7Days = figures(0, AVERAGE_DAYS);
		const sameDayLastWeek = figures(0, 1);
		return {
			platform,
			channel,
			yesterday: roundFigures(yesterday),
			average7Days: roundFigures(average7Days),
			sameDayLastWeek: roundFigures(sameDayLastWeek),
			vsAverage: changes(yesterday, average7Days),
			vsLastWeek: changes(yesterday, sameDayLastWeek),
		};
	};
	const byGmv = (a: GroupDigest, b: GroupDigest) =>
		b.yesterday.gmv - a.yesterday.gmv ||
		b.average7Days.gmv - a.average7Days.gmv ||
		compareText(a.platform ?? '', b.platform ?? '') ||
		compareText(a.channel ?? '', b.channel ?? '');
	const channelDigests = [...channels.values()].map((c) => digestOf(c.platform, c.channel, c.days)).sort(byGmv);

	return {
		reportDate: calendar.reportDate,
		weekday: calendar.weekday,
		sameWeekdayLastWeek: calendar.dateOf(-AVERAGE_DAYS),
		averageFrom: calendar.dateOf(-AVERAGE_DAYS),
		averageTo: calendar.dateOf(-1),
		total: digestOf(null, null, total),
		platforms: [...platforms.values()].map((p) => digestOf(p.platform, null, p.days)).sort(byGmv),
		channels: channelDigests,
		movers: findMovers(channelDigests, options.moverThreshold, options.topMovers),
		ordersCounted,
		ordersNotCounted,
	};
}

function sumFigures(
	days: DayCounts[],
	dayCount: number,
	withTraffic: boolean,
	boughtBefore: (customerId: string, day: number) => boolean,
	firstDay: number,
): KpiFigures {
	let gmvCents = 0;
	let refundCents = 0;
	let orders = 0;
	let refundedOrders = 0;
	let buyers = 0;
	let returningBuyers = 0;
	let visitors = 0;
	let hasTraffic = false;
	days.forEach((d, i) => {
		gmvCents += d.gmvCents;
		refundCents += d.refundCents;
		orders += d.orders;
		refundedOrders += d.refundedOrders;
		buyers += d.buyers.size;
		for (const customerId of d.buyers) if (boughtBefore(customerId, firstDay + i)) returningBuyers++;
		visitors += d.visitors;
		hasTraffic ||= d.hasTraffic;
	});
	return {
		gmv: fromCents(gmvCents) / dayCount,
		orders: orders / dayCount,
		buyers: buyers / dayCount,
		returningBuyers: returningBuyers / dayCount,
		refundAmount: fromCents(refundCents) / dayCount,
		refundedOrders: refundedOrders / dayCount,
		averageOrderValue: orders > 0 ? fromCents(gmvCents) / orders : 0,
		visitors: withTraffic ? visitors / dayCount : null,
		conversionRate: withTraffic && hasTraffic && visitors > 0 ? orders / visitors : null,
		repurchaseRate: buyers > 0 ? returningBuyers / buyers : 0,
		refundRate: gmvCents > 0 ? refundCents / gmvCents : 0,
	};
}

/** Figures for output: money to cents, per-day counts to 2 decimals, rates to 4. */
function roundFigures(f: KpiFigures): KpiFigures {
	const rate = (value: number | null) => (value === null ? null : round(value, 4));
	return {
		gmv: roundMoney(f.gmv),
		orders: round(f.orders, 2),
		buyers: round(f.buyers, 2),
		returningBuyers: round(f.returningBuyers, 2),
		refundAmount: roundMoney(f.refundAmount),
		refundedOrders: round(f.refundedOrders, 2),
		averageOrderValue: roundMoney(f.averageOrderValue),
		visitors: f.visitors === null ? null : round(f.visitors, 2),
		conversionRate: rate(f.conversionRate),
		repurchaseRate: round(f.repurchaseRate, 4),
		refundRate: round(f.refundRate, 4),
	};
}

/** Changes from the unrounded figures, then rounded to 4 decimals. */
function changes(day: KpiFigures, base: KpiFigures): KpiChanges {
	const relative = (a: number | null, b: number | null) => (a === null || b === null || !(b > 0) ? null : round((a - b) / b, 4));
	const points = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b, 4));
	return {
		gmv: relative(day.gmv, base.gmv),
		orders: relative(day.orders, base.orders),
		averageOrderValue: relative(day.averageOrderValue, base.averageOrderValue),
		visitors: relative(day.visitors, base.visitors),
		conversionRate: points(day.conversionRate, base.conversionRate),
		repurchaseRate: base.buyers > 0 && day.buyers > 0 ? round(day.repurchaseRate - base.repurchaseRate, 4) : null,
		refundRate: base.gmv > 0 && day.gmv > 0 ? round(day.refundRate - base.refundRate, 4) : null,
	};
}

/**
 * Platform × channel rows whose GMV moved by at least the threshold against their 7-day
 * average (or that sold with no sales in the 7 days before), largest move in money first:
 * a +300 % on ¥50 matters less on Monday morning than a −25 % on ¥50,000.
 */
function findMovers(channels: GroupDigest[], threshold: number, top: number): Mover[] {
	return channels
		.filter((c) => {
			const change = c.vsAverage.gmv;
			return change === null ? c.yesterday.gmv > 0 : Math.abs(change) >= threshold && change !== 0;
		})
		.map(
			(c): Mover => ({
				platform: c.platform ?? '',
				channel: c.channel ?? '',
				direction: c.yesterday.gmv >= c.average7Days.gmv ? 'up' : 'down',
				gmv: c.yesterday.gmv,
				gmvAverage: c.average7Days.gmv,
				gmvChangeAmount: roundMoney(c.yesterday.gmv - c.average7Days.gmv),
				gmvChange: c.vsAverage.gmv,
				orders: c.yesterday.orders,
				ordersAverage: c.average7Days.orders,
			}),
		)
		.sort((a, b) => Math.abs(b.gmvChangeAmount) - Math.abs(a.gmvChangeAmount) || compareText(a.platform, b.platform) || compareText(a.channel, b.channel))
		.slice(0, top);
}

function round(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	return Math.round(value * scale) / scale;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export type { DigestCalendar };
