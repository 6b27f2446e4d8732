/**
 * Visitor value per channel (or any grouping field) from orders and traffic over one window.
 *
 * Orders are counted exactly as RFM Segment counts them — the same aggregation
 * (../orders/aggregate.ts) run per group: an order id seen twice is one order (its last row wins,
 * including its channel), only counted statuses, net of partial refunds, in the base
 * currency, days in the shop's time zone. Traffic rows are summed per group over the same
 * calendar days. The window is the `windowDays` days ending on `endDate` (default: the latest
 * traffic day, else the latest counted order's day); 0 days = everything up to `endDate`.
 */
import { displayMoney, displayPercent, displayShare } from '../display';
import { UserInputError } from '../errors';
import type { OrderStatus } from '../model';
import { aggregateOrders, fromCents, OrderTable, type OrderRecord } from '../orders';
import {
	createTimestampParser,
	createZonedDayNumber,
	dayNumberToIsoDate,
	isoDateToDayNumber,
	MAX_DAY_NUMBER,
} from '../time';
import { suggestShares } from './budgetShift';
import { groupMetrics, ratio, type DataStatus, type GroupMetrics } from './metrics';

export interface GroupedOrder extends OrderRecord {
	/** The order's channel (or other grouping value); '' when the order has none. */
	group: string;
}

export interface TrafficRow {
	group: string;
	/** YYYY-MM-DD in the shop's time zone. */
	date: string;
	visitors: number;
}

export type RepeatScope = 'group' | 'anyGroup';

export interface VisitorValueOptions {
	timeZone: string;
	/** Last day of the window, YYYY-MM-DD; undefined: the latest traffic day, else the latest order's. */
	endDate?: string;
	/** Window length in days; 0 = all days up to endDate. */
	windowDays: number;
	countedStatuses: readonly OrderStatus[];
	/** Rate into the base currency per currency code (RFM's currency.ts); default 1. */
	rateOf?: (currency: string | undefined) => number;
	/** Repeat buyer = 2+ orders in this group (default) or in any group. */
	repeatScope: RepeatScope;
	/** Current budget per group (amounts); undefined: the visitor shares stand in for it. */
	currentBudget?: Readonly<Record<string, number>>;
	/** Fraction of the budget moved toward value-weighted shares, 0–1. */
	shiftStep: number;
	/** Base currency (ISO 4217), for rounding money to its minor unit in the output; default cents. */
	currency?: string;
}

export type Suggestion = 'increase' | 'decrease' | 'keep';

/**
 * The unrounded values of a channel's rounded fields, under the same names: what the ranking
 * and the budget shift used, for a next node that calculates on.
 */
export interface GroupExactValues {
	averageOrderValue: number;
	conversionRate: number;
	repurchaseRate: number;
	revenuePerVisitor: number;
	visitorValue: number;
	revenueShare: number;
	visitorShare: number;
	currentBudgetShare: number;
	suggestedBudgetShare: number;
	budgetShareChange: number;
	suggestedBudget: number | null;
}

/**
 * One channel, as a person reads it: money to the currency's minor unit, rates and shares as
 * 4-decimal fractions and as `…Pct` percents with one decimal, visitor value and revenue per
 * visitor to 4 decimals; the exact values in `exact`.
 */
export interface GroupValue extends GroupMetrics {
	group: string;
	visitors: number;
	orders: number;
	buyers: number;
	repeatBuyers: number;
	revenue: number;
	revenueShare: number;
	visitorShare: number;
	/** 1 = highest visitor value; groups without traffic come last. */
	rank: number;
	currentBudgetShare: number;
	suggestedBudgetShare: number;
	/** suggested − current share (−1..1). */
	budgetShareChange: number;
	/** Amounts, when a current budget was given; else null. */
	currentBudget: number | null;
	suggestedBudget: number | null;
	suggestion: Suggestion;
	conversionRatePct: number;
	repurchaseRatePct: number;
	revenueSharePct: number;
	visitorSharePct: number;
	currentBudgetSharePct: number;
	suggestedBudgetSharePct: number;
	/** Percentage points. */
	budgetShareChangePct: number;
	exact: GroupExactValues;
}

export interface VisitorValueTotals {
	windowStart: string | null;
	windowEnd: string | null;
	visitors: number;
	orders: number;
	buyers: number;
	repeatBuyers: number;
	revenue: number;
	averageOrderValue: number;
	conversionRate: number;
	repurchaseRate: number;
	revenuePerVisitor: number;
	visitorValue: number;
	conversionRatePct: number;
	repurchaseRatePct: number;
	groups: number;
	groupsWithoutTraffic: string[];
	groupsWithoutOrders: string[];
	totalBudget: number | null;
	shiftStep: number;
	ordersOutsideWindow: number;
	trafficRowsOutsideWindow: number;
	/** The unrounded averageOrderValue, conversionRate, repurchaseRate, revenuePerVisitor, visitorValue. */
	exact: Pick<GroupExactValues, 'averageOrderValue' | 'conversionRate' | 'repurchaseRate' | 'revenuePerVisitor' | 'visitorValue'>;
}

export interface VisitorValueResult {
	/** Sorted by rank. */
	groups: GroupValue[];
	totals: VisitorValueTotals;
}

/** Below half a share point (0.005), a suggested change is "keep". */
const KEEP_BAND = 0.005;


export function computeVisitorValue(
	orders: readonly GroupedOrder[],
	traffic: readonly TrafficRow[],
	options: VisitorValueOptions,
): VisitorValueResult {
	if (!(options.shiftStep >= 0 && options.shiftStep <= 1)) {
		throw new UserInputError(`The shift step must be from 0 to 1 (e.g. 0.2 for 20 %); got ${options.shiftStep}`);
	}
	if (!(Number.isInteger(options.windowDays) && options.windowDays >= 0)) {
		throw new UserInputError(`The window must be a whole number of days ≥ 0; got ${options.windowDays}`);
	}
	const counted = new Set(options.countedStatuses);
	const dayOf = createZonedDayNumber(options.timeZone);

	// The window's last day.
	let endDay: number | undefined;
	if (options.endDate !== undefined) {
		endDay = isoDateToDayNumber(options.endDate);
		if (Number.isNaN(endDay) || dayNumberToIsoDate(endDay) !== options.endDate) {
			throw new UserInputError(`End date "${options.endDate}" is not a calendar date YYYY-MM-DD`);
		}
		// The window ends at the start of the next day, which must be a date too.
		if (endDay >= MAX_DAY_NUMBER) {
			throw new UserInputError(`End date "${options.endDate}" is after the last date this node reads (9999-12-30)`, {
				field: 'endDate',
				expected: 'a date up to 9999-12-30',
			});
		}
	} else {
		for (const row of traffic) {
			const day = isoDateToDayNumber(row.date);
			if (endDay === undefined || day > endDay) endDay = day;
		}
		// No traffic: the latest counted order's day, else the latest order's (none will count).
		for (const countedOnly of [true, false]) {
			if (endDay !== undefined) break;
			for (const order of orders) {
				if (countedOnly && !counted.has(order.status)) continue;
				const day = dayOf(order.createdAtMs);
				if (endDay === undefined || day > endDay) endDay = day;
			}
		}
	}
	const startDay = endDay !== undefined && options.windowDays > 0 ? endDay - options.windowDays + 1 : undefined;
	// endDay is undefined only when there are no orders and no traffic at all.
	const endInstant = endDay === undefined ? 0 : createTimestampParser(options.timeZone)(dayNumberToIsoDate(endDay + 1)) - 1;

	// An order re-ingested under another channel belongs to the channel of its last row.
	const lastGroupOf = new Map<string, string>();
	for (const order of orders) lastGroupOf.set(order.orderId, order.group);
	// Each group's figures come from one aggregation in which a buyer is the pair (group,
	// customer): per group, orders are the pairs' frequencies summed, buyers the pairs, and so
	// on. The same counting as one aggregation per group (every row of an order is in its last
	// row's group, so duplicates fall out the same way), without a table and a pass per group:
	// that took 100k channels 108 s and 4.9 GB.
	const groupsWithOrders = new Set<string>();
	const pairOf = new Map<string, { group: string; customerId: string }>();
	const byGroupAndCustomer = new OrderTable();
	const allOrders = new OrderTable();
	for (const order of orders) {
		const group = lastGroupOf.get(order.orderId) as string;
		groupsWithOrders.add(group);
		// The length prefix keeps the key one-to-one: ("a:b", "c") and ("a", "b:c") differ.
		const key = `${group.length}:${group}:${order.customerId}`;
		if (!pairOf.has(key)) pairOf.set(key, { group, customerId: order.customerId });
		byGroupAndCustomer.push({ ...order, customerId: key });
		allOrders.push(order);
	}

	const aggregation = {
		reference: { kind: 'instant' as const, epochMs: endInstant },
		timeZone: options.timeZone,
		lookbackDays: options.windowDays,
		countedStatuses: options.countedStatuses,
		rateOf: options.rateOf,
	};
	const overall = aggregateOrders(allOrders, aggregation);
	const ordersOfCustomer = new Map(overall.customers.map((c) => [c.customerId, c.frequency]));
	const orderCounts = new Map<string, { cents: number; orders: number; buyers: number; repeatBuyers: number }>();
	for (const pair of aggregateOrders(byGroupAndCustomer, aggregation).customers) {
		const { group, customerId } = pairOf.get(pair.customerId) as { group: string; customerId: string };
		let counts = orderCounts.get(group);
		if (counts === undefined) orderCounts.set(group, (counts = { cents: 0, orders: 0, buyers: 0, repeatBuyers: 0 }));
		counts.cents += pair.monetaryCents;
		counts.orders += pair.frequency;
		counts.buyers++;
		const repeat = options.repeatScope === 'group' ? pair.frequency >= 2 : (ordersOfCustomer.get(customerId) ?? 0) >= 2;
		if (repeat) counts.repeatBuyers++;
	}

	const visitorsOf = new Map<string, number>();
	let trafficRowsOutsideWindow = 0;
	for (const row of traffic) {
		const day = isoDateToDayNumber(row.date);
		if (endDay === undefined || day > endDay || (startDay !== undefined && day < startDay)) {
			trafficRowsOutsideWindow++;
			visitorsOf.set(row.group, visitorsOf.get(row.group) ?? 0);
			continue;
		}
		visitorsOf.set(row.group, (visitorsOf.get(row.group) ?? 0) + row.visitors);
	}

	// A Map, not the record: a channel named "constructor" or "__proto__" would read
	// Object.prototype's members from a plain object and turn every budget into NaN.
	const budget = options.currentBudget === undefined ? undefined : new Map(Object.entries(options.currentBudget));
	const budgetOf = (group: string) => budget?.get(group) ?? 0;
	const names = new Set<string>([...groupsWithOrders, ...visitorsOf.keys(), ...(budget?.keys() ?? [])]);
	const rows = [...names].map((group) => {
		const { cents, orders: ordersCounted, buyers, repeatBuyers } = orderCounts.get(group) ?? { cents: 0, orders: 0, buyers: 0, repeatBuyers: 0 };
		const counts = {
			visitors: visitorsOf.get(group) ?? 0,
			orders: ordersCounted,
			buyers,
			repeatBuyers,
			revenue: fromCents(cents),
		};
		return { group, cents, counts, metrics: groupMetrics(counts) };
	});

	const totalCents = rows.reduce((sum, r) => sum + r.cents, 0);
	const totalVisitors = rows.reduce((sum, r) => sum + r.counts.visitors, 0);
	const totalBudget = budget ? [...budget.values()].reduce((sum, v) => sum + v, 0) : null;
	const currentShares = rows.map((r) =>
		budget ? ratio(budgetOf(r.group), totalBudget ?? 0) : ratio(r.counts.visitors, totalVisitors),
	);
	const suggested = suggestShares(
		rows.map((r, i) => ({
			group: r.group,
			currentShare: currentShares[i],
			visitorValue: r.metrics.visitorValue,
			hasTraffic: r.counts.visitors > 0,
		})),
		options.shiftStep,
	);

	const order = rows
		.map((_, i) => i)
		.sort((i, j) => {
			const a = rows[i];
			const b = rows[j];
			const trafficFirst = Number(b.counts.visitors > 0) - Number(a.counts.visitors > 0);
			return (
				trafficFirst ||
				b.metrics.visitorValue - a.metrics.visitorValue ||
				b.cents - a.cents ||
				(a.group < b.group ? -1 : a.group > b.group ? 1 : 0)
			);
		});

	const money = (amount: number) => displayMoney(amount, options.currency);
	// Rank and shift ran on exact values above; here they are rounded for reading only.
	const groups: GroupValue[] = order.map((i, position) => {
		const r = rows[i];
		const change = suggested[i] - currentShares[i];
		const exact: GroupExactValues = {
			averageOrderValue: r.metrics.averageOrderValue,
			conversionRate: r.metrics.conversionRate,
			repurchaseRate: r.metrics.repurchaseRate,
			revenuePerVisitor: r.metrics.revenuePerVisitor,
			visitorValue: r.metrics.visitorValue,
			revenueShare: ratio(r.cents, totalCents),
			visitorShare: ratio(r.counts.visitors, totalVisitors),
			currentBudgetShare: currentShares[i],
			suggestedBudgetShare: suggested[i],
			budgetShareChange: change,
			suggestedBudget: budget && totalBudget !== null ? suggested[i] * totalBudget : null,
		};
		return {
			group: r.group,
			...r.counts,
			...roundedMetrics(r.metrics, money),
			revenueShare: displayShare(exact.revenueShare),
			visitorShare: displayShare(exact.visitorShare),
			rank: position + 1,
			currentBudgetShare: displayShare(exact.currentBudgetShare),
			suggestedBudgetShare: displayShare(exact.suggestedBudgetShare),
			budgetShareChange: displayShare(change),
			currentBudget: budget ? money(budgetOf(r.group)) : null,
			suggestedBudget: exact.suggestedBudget === null ? null : money(exact.suggestedBudget),
			suggestion: change > KEEP_BAND ? 'increase' : change < -KEEP_BAND ? 'decrease' : 'keep',
			conversionRatePct: displayPercent(exact.conversionRate),
			repurchaseRatePct: displayPercent(exact.repurchaseRate),
			revenueSharePct: displayPercent(exact.revenueShare),
			visitorSharePct: displayPercent(exact.visitorShare),
			currentBudgetSharePct: displayPercent(exact.currentBudgetShare),
			suggestedBudgetSharePct: displayPercent(exact.suggestedBudgetShare),
			budgetShareChangePct: displayPercent(change),
			exact,
		};
	});

	const totalsCounts = {
		visitors: totalVisitors,
		orders: overall.ordersCounted,
		buyers: overall.customers.length,
		repeatBuyers: overall.customers.filter((c) => c.frequency >= 2).length,
		revenue: fromCents(overall.customers.reduce((sum, c) => sum + c.monetaryCents, 0)),
	};
	const totalsMetrics = groupMetrics(totalsCounts);
	const totalsShown = roundedMetrics(totalsMetrics, money);
	const withStatus = (...statuses: DataStatus[]) =>
		groups.filter((g) => statuses.includes(g.dataStatus)).map((g) => g.group);
	return {
		groups,
		totals: {
			windowStart: endDay === undefined ? null : dayNumberToIsoDate(startDay ?? earliestDay(orders, traffic, dayOf, endDay)),
			windowEnd: endDay === undefined ? null : dayNumberToIsoDate(endDay),
			...totalsCounts,
			averageOrderValue: totalsShown.averageOrderValue,
			conversionRate: totalsShown.conversionRate,
			repurchaseRate: totalsShown.repurchaseRate,
			revenuePerVisitor: totalsShown.revenuePerVisitor,
			visitorValue: totalsShown.visitorValue,
			conversionRatePct: displayPercent(totalsMetrics.conversionRate),
			repurchaseRatePct: displayPercent(totalsMetrics.repurchaseRate),
			groups: groups.length,
			groupsWithoutTraffic: withStatus('noTraffic', 'noTrafficNoOrders'),
			groupsWithoutOrders: withStatus('noOrders', 'noTrafficNoOrders'),
			totalBudget: totalBudget === null ? null : money(totalBudget),
			shiftStep: options.shiftStep,
			ordersOutsideWindow: overall.ordersSkipped.afterReference + overall.ordersSkipped.outsideLookback,
			trafficRowsOutsideWindow,
			exact: {
				averageOrderValue: totalsMetrics.averageOrderValue,
				conversionRate: totalsMetrics.conversionRate,
				repurchaseRate: totalsMetrics.repurchaseRate,
				revenuePerVisitor: totalsMetrics.revenuePerVisitor,
				visitorValue: totalsMetrics.visitorValue,
			},
		},
	};
}

/**
 * The metrics as a person reads them: average order value in money, rates as 4-decimal
 * fractions; visitor value and revenue per visitor to 4 decimals (a fraction of a cent per
 * visitor still tells channels apart when read).
 */
function roundedMetrics(metrics: GroupMetrics, money: (amount: number) => number): GroupMetrics {
	return {
		averageOrderValue: money(metrics.averageOrderValue),
		conversionRate: displayShare(metrics.conversionRate),
		repurchaseRate: displayShare(metrics.repurchaseRate),
		revenuePerVisitor: displayShare(metrics.revenuePerVisitor),
		visitorValue: displayShare(metrics.visitorValue),
		dataStatus: metrics.dataStatus,
	};
}

/** First day with traffic or a counted order, for a window of "all days". */
function earliestDay(
	orders: readonly GroupedOrder[],
	traffic: readonly TrafficRow[],
	dayOf: (ms: number) => number,
	endDay: number,
): number {
	let first = endDay;
	for (const row of traffic) first = Math.min(first, isoDateToDayNumber(row.date));
	for (const order of orders) first = Math.min(first, dayOf(order.createdAtMs));
	return first;
}
