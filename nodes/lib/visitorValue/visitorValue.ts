/**
 * Visitor value per channel (or any grouping field) from orders and traffic over one window.
 *
 * Orders are counted exactly as RFM Segment counts them — the same aggregation
 * (../orders/aggregate.ts), run once over all orders with a buyer being the pair (channel,
 * customer): an order id seen twice is one order (its last row wins, including its channel),
 * only counted statuses, net of partial refunds, in the base currency, days in the shop's time
 * zone. Traffic rows are summed per group over the same calendar days. The window is the
 * `windowDays` days ending on `endDate` (default: the latest traffic day, else the latest
 * counted order's day); 0 days = everything up to `endDate`.
 */
import { displayMoney, displayPercent, displayShare } from '../display';
import { UserInputError } from '../errors';
import type { OrderStatus } from '../model';
import { aggregateOrders, fromCents } from '../orders';
import {
	createTimestampParser,
	createZonedDayNumber,
	dayNumberToIsoDate,
	isoDateToDayNumber,
	MAX_DAY_NUMBER,
} from '../time';
import { suggestShares } from './budgetShift';
import { GroupedOrders, type ChannelOrderCounts, type GroupedOrder } from './groupedOrders';
import { groupMetrics, ratio, type DataStatus, type GroupMetrics } from './metrics';

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


/** The window's bounds: from visitorValueWindow, before any order is read when it can be. */
export interface VisitorValueWindow {
	/** Day number of the window's last day; undefined only with no orders and no traffic at all. */
	endDay: number | undefined;
	/** Day number of its first day; undefined for a window of all days. */
	startDay: number | undefined;
	/** The last instant of endDay (epoch ms), the reference the orders are counted against. */
	endInstant: number;
}

/**
 * The options checked, and the window when the end date or the traffic sets it: undefined when
 * only the orders can (no End Date and no traffic: the latest counted order's day).
 */
export function visitorValueWindow(traffic: readonly TrafficRow[], options: VisitorValueOptions): VisitorValueWindow | undefined {
	if (!(options.shiftStep >= 0 && options.shiftStep <= 1)) {
		throw new UserInputError(`The shift step must be from 0 to 1 (e.g. 0.2 for 20 %); got ${options.shiftStep}`);
	}
	if (!(Number.isInteger(options.windowDays) && options.windowDays >= 0)) {
		throw new UserInputError(`The window must be a whole number of days ≥ 0; got ${options.windowDays}`);
	}
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
	}
	return endDay === undefined ? undefined : windowEndingOn(endDay, options);
}

function windowEndingOn(endDay: number | undefined, options: VisitorValueOptions): VisitorValueWindow {
	const startDay = endDay !== undefined && options.windowDays > 0 ? endDay - options.windowDays + 1 : undefined;
	// endDay is undefined only when there are no orders and no traffic at all.
	const endInstant = endDay === undefined ? 0 : createTimestampParser(options.timeZone)(dayNumberToIsoDate(endDay + 1)) - 1;
	return { endDay, startDay, endInstant };
}

/**
 * `orders`: a GroupedOrders store (the node fills one when it cannot count the orders in one
 * pass), or the orders as records with their group.
 */
export function computeVisitorValue(
	orders: GroupedOrders | readonly GroupedOrder[],
	traffic: readonly TrafficRow[],
	options: VisitorValueOptions,
): VisitorValueResult {
	const grouped = orders instanceof GroupedOrders ? orders : GroupedOrders.from(orders);
	const table = grouped.table;
	const dayOf = createZonedDayNumber(options.timeZone);
	let window = visitorValueWindow(traffic, options);
	if (window === undefined) {
		const counted = new Set(options.countedStatuses);
		let endDay: number | undefined;
		// No traffic: the latest counted order's day, else the latest order's (none will count).
		for (const countedOnly of [true, false]) {
			if (endDay !== undefined) break;
			for (let i = 0; i < table.length; i++) {
				if (countedOnly && !counted.has(table.statusOf(i))) continue;
				const day = dayOf(table.createdAtMs(i));
				if (endDay === undefined || day > endDay) endDay = day;
			}
		}
		window = windowEndingOn(endDay, options);
	}

	const aggregated = aggregateOrders(table, {
		reference: { kind: 'instant' as const, epochMs: window.endInstant },
		timeZone: options.timeZone,
		lookbackDays: options.windowDays,
		countedStatuses: options.countedStatuses,
		rateOf: options.rateOf,
	});
	const earliestOrderDay = () => {
		let first: number | undefined;
		for (let i = 0; i < table.length; i++) {
			const day = dayOf(table.createdAtMs(i));
			if (first === undefined || day < first) first = day;
		}
		return first;
	};
	const channelsWithOrders = channelsOfLastRows(grouped, aggregated.ordersSkipped.duplicateRows > 0);
	return valueChannels({ aggregated, pairs: grouped.pairs, channelsWithOrders, earliestOrderDay }, traffic, window, options);
}

/**
 * The channels valued from their orders' counts (computeVisitorValue, or the node's one pass:
 * ChannelTotals) and their traffic over the window.
 */
export function valueChannels(
	orders: ChannelOrderCounts,
	traffic: readonly TrafficRow[],
	window: VisitorValueWindow,
	options: VisitorValueOptions,
): VisitorValueResult {
	const { endDay, startDay } = window;
	const { aggregated, pairs } = orders;

	// One aggregation over all orders in which a buyer is the pair (channel, customer): per
	// channel, orders are its pairs' frequencies summed, buyers its pairs, repeat buyers the pairs
	// with 2+ orders; the totals add up every pair of a customer. The same counting as one
	// aggregation per channel (an order re-ingested under another channel counts only in its last
	// row's, as its earlier rows are duplicates) and one over all orders, in one pass: one
	// aggregation per channel took 100k channels 108 s and 4.9 GB.
	const groupCount = pairs.groups.length;
	const groupCents = new Array<number>(groupCount).fill(0);
	const groupOrders = new Array<number>(groupCount).fill(0);
	const groupBuyers = new Array<number>(groupCount).fill(0);
	const groupRepeatBuyers = new Array<number>(groupCount).fill(0);
	const ordersOfCustomer = new Array<number>(pairs.customers).fill(0);
	let overallCents = 0;
	for (const pair of aggregated.customers) {
		const p = pairs.pairOf(pair.customerId);
		const g = pairs.pairGroup[p];
		groupCents[g] += pair.monetaryCents;
		groupOrders[g] += pair.frequency;
		groupBuyers[g]++;
		ordersOfCustomer[pairs.pairCustomer[p]] += pair.frequency;
		overallCents += pair.monetaryCents;
	}
	for (const pair of aggregated.customers) {
		const p = pairs.pairOf(pair.customerId);
		const orderCount = options.repeatScope === 'group' ? pair.frequency : ordersOfCustomer[pairs.pairCustomer[p]];
		if (orderCount >= 2) groupRepeatBuyers[pairs.pairGroup[p]]++;
	}
	let overallBuyers = 0;
	let overallRepeatBuyers = 0;
	for (const count of ordersOfCustomer) {
		if (count >= 1) overallBuyers++;
		if (count >= 2) overallRepeatBuyers++;
	}
	const orderCounts = new Map<string, { cents: number; orders: number; buyers: number; repeatBuyers: number }>();
	for (let g = 0; g < groupCount; g++) {
		if (groupBuyers[g] === 0) continue;
		orderCounts.set(pairs.groups[g], { cents: groupCents[g], orders: groupOrders[g], buyers: groupBuyers[g], repeatBuyers: groupRepeatBuyers[g] });
	}
	const groupsWithOrders = orders.channelsWithOrders;

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
		orders: aggregated.ordersCounted,
		buyers: overallBuyers,
		repeatBuyers: overallRepeatBuyers,
		revenue: fromCents(overallCents),
	};
	const totalsMetrics = groupMetrics(totalsCounts);
	const totalsShown = roundedMetrics(totalsMetrics, money);
	const withStatus = (...statuses: DataStatus[]) =>
		groups.filter((g) => statuses.includes(g.dataStatus)).map((g) => g.group);
	return {
		groups,
		totals: {
			windowStart: endDay === undefined ? null : dayNumberToIsoDate(startDay ?? earliestDay(orders.earliestOrderDay(), traffic, endDay)),
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
			ordersOutsideWindow: aggregated.ordersSkipped.afterReference + aggregated.ordersSkipped.outsideLookback,
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

/** First day with traffic or an order, for a window of "all days". */
function earliestDay(earliestOrderDay: number | undefined, traffic: readonly TrafficRow[], endDay: number): number {
	let first = endDay;
	for (const row of traffic) first = Math.min(first, isoDateToDayNumber(row.date));
	if (earliestOrderDay !== undefined) first = Math.min(first, earliestOrderDay);
	return first;
}

/**
 * The channels that have orders, in the order first met: each order's channel is its last
 * row's (an order re-ingested under another channel belongs there). Without duplicate order
 * ids every row is its order's last, and these are all the channels pushed.
 */
function channelsOfLastRows(grouped: GroupedOrders, hasDuplicates: boolean): Set<string> {
	if (!hasDuplicates) return new Set(grouped.groups);
	const { table, groupOfRow, groups } = grouped;
	const lastGroupOf = new Map<string, number>();
	for (let i = 0; i < table.length; i++) lastGroupOf.set(table.orderId[i], groupOfRow[i]);
	const channels = new Set<string>();
	for (let i = 0; i < table.length; i++) channels.add(groups[lastGroupOf.get(table.orderId[i]) as number]);
	return channels;
}
