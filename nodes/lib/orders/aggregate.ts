/**
 * Orders → one activity record per customer: recency, frequency, monetary.
 *
 * Rules (docs/nodes/RfmSegment.md):
 * - an orderId seen twice is the same order re-ingested: its last row wins;
 * - only orders whose status counts (default paid, shipped, completed, partially_refunded)
 *   and whose time is not after the reference instant count; with a lookback of L days,
 *   only orders less than L calendar days before the reference day;
 * - recency = calendar days in the shop's time zone from the last counted order to the
 *   reference day; frequency = distinct counted orders; monetary = sum of net amounts
 *   (amount − refundedAmount for partially_refunded), in cents, in the base currency.
 *
 * With `purchaseHistory`, the same pass also gives each customer's purchase history in the
 * form of the BG/NBD model (../clv/customerHistory.ts) for lifetime value: x = repeat purchase
 * periods, t_x and T in periods from the first purchase, and the value of the repeat periods.
 */
import type { OrderStatus } from '../model';
import { createZonedDayNumber } from '../time';
import type { OrderRecord } from './input';
import { toCents } from './money';
import { OrderTable } from './orderTable';

export const DEFAULT_COUNTED_STATUSES: readonly OrderStatus[] = [
	'paid',
	'shipped',
	'completed',
	'partially_refunded',
];

export type ReferencePoint = { kind: 'instant'; epochMs: number } | { kind: 'latestOrder' };

export interface AggregationOptions {
	reference: ReferencePoint;
	timeZone: string;
	/** 0 = all history. */
	lookbackDays: number;
	countedStatuses: readonly OrderStatus[];
	/** Rate into the base currency for an order's currency (see currency.ts); default 1. */
	rateOf?: (currency: string | undefined) => number;
	/** Also collect each customer's purchase history per day or per ISO week (for lifetime value). */
	purchaseHistory?: { period: PurchasePeriod };
}

export type PurchasePeriod = 'day' | 'week';

/**
 * A customer's purchases counted per period (a day or an ISO week in the shop's time zone):
 * several orders in one period are one purchase, as the BG/NBD literature and the lifetimes
 * package count them ("frequency … is the count of time periods the customer had a purchase
 * in. So if using days as units, then it's the count of days the customer had a purchase on",
 * lifetimes docs, Quickstart). An order split in two on the same day is then not a repeat
 * purchase seconds after the first.
 */
export interface PurchaseHistory {
	/** Periods with a counted order after the first one. */
	repeatPurchases: number;
	/** Periods from the first purchase to the last (t_x). */
	lastPurchaseAge: number;
	/** Periods from the first purchase to the reference day (T). */
	observedPeriods: number;
	/** Net value of the orders in the repeat periods, in cents of the base currency. */
	repeatValueCents: number;
}

export interface CustomerActivity {
	customerId: string;
	recencyDays: number;
	frequency: number;
	monetaryCents: number;
	firstOrderAt: string;
	lastOrderAt: string;
	/** itemIndex of the customer's latest counted order: kept input fields come from it. */
	latestItemIndex: number;
	/** Only with the `purchaseHistory` option. */
	purchaseHistory?: PurchaseHistory;
}

export interface Aggregation {
	customers: CustomerActivity[];
	/** The reference instant used (the latest counted order's, with 'latestOrder'). */
	referenceEpochMs: number | undefined;
	ordersCounted: number;
	ordersSkipped: {
		duplicateRows: number;
		statusNotCounted: number;
		afterReference: number;
		outsideLookback: number;
	};
	/** Customers seen in the input with no counted order: they get no RFM score. */
	customersWithoutCountedOrders: number;
}

interface Running {
	customerId: string;
	frequency: number;
	monetaryCents: number;
	firstMs: number;
	firstText: string;
	lastMs: number;
	lastText: string;
	latestItemIndex: number;
	/** Period and net cents of each counted order (purchaseHistory option only). */
	periods?: number[];
	periodCents?: number[];
}

/** Monday-based ISO week index of a day number (1970-01-01, day 0, was a Thursday). */
const weekOfDay = (day: number) => Math.floor((day + 3) / 7);

export function aggregateOrders(
	input: OrderTable | readonly OrderRecord[],
	options: AggregationOptions,
): Aggregation {
	const orders = input instanceof OrderTable ? input : OrderTable.from(input);
	const n = orders.length;
	const counted = new Set<OrderStatus>(options.countedStatuses);
	const rateOf = options.rateOf ?? (() => 1);
	const history = options.purchaseHistory;

	// Last row of each orderId wins: remember where it is.
	const lastRowOf = new Map<string, number>();
	for (let i = 0; i < n; i++) lastRowOf.set(orders.orderId[i], i);
	const hasDuplicates = lastRowOf.size !== n;
	const isLatestRow = (i: number) => !hasDuplicates || lastRowOf.get(orders.orderId[i]) === i;
	if (!hasDuplicates) lastRowOf.clear(); // not needed: free it before the main pass

	let referenceEpochMs: number | undefined;
	if (options.reference.kind === 'instant') {
		referenceEpochMs = options.reference.epochMs;
	} else {
		for (let i = 0; i < n; i++) {
			if (!isLatestRow(i) || !counted.has(orders.statusOf(i))) continue;
			const ms = orders.createdAtMs(i);
			if (referenceEpochMs === undefined || ms > referenceEpochMs) referenceEpochMs = ms;
		}
	}

	const dayOf = createZonedDayNumber(options.timeZone);
	const referenceDay = referenceEpochMs === undefined ? 0 : dayOf(referenceEpochMs);
	const skipped = { duplicateRows: 0, statusNotCounted: 0, afterReference: 0, outsideLookback: 0 };
	const running = new Map<string, Running>();
	const seenCustomers = new Set<string>();
	let ordersCounted = 0;

	for (let i = 0; i < n; i++) {
		const customerId = orders.customerId[i];
		seenCustomers.add(customerId);
		if (!isLatestRow(i)) {
			skipped.duplicateRows++;
			continue;
		}
		const status = orders.statusOf(i);
		if (!counted.has(status)) {
			skipped.statusNotCounted++;
			continue;
		}
		const ms = orders.createdAtMs(i);
		if (referenceEpochMs === undefined || ms > referenceEpochMs) {
			skipped.afterReference++;
			continue;
		}
		if (options.lookbackDays > 0 && referenceDay - dayOf(ms) >= options.lookbackDays) {
			skipped.outsideLookback++;
			continue;
		}
		ordersCounted++;
		const refund = status === 'partially_refunded' ? toCents(orders.refundedAmountOf(i)) : 0;
		const netCents = toCents(orders.amountOf(i)) - refund;
		const rate = rateOf(orders.currency[i]);
		const cents = rate === 1 ? netCents : Math.round(netCents * rate);

		let customer = running.get(customerId);
		if (customer === undefined) {
			customer = newRunning(customerId, ms, orders.createdAt[i], orders.itemIndexOf(i));
			running.set(customerId, customer);
		}
		if (history) {
			const day = dayOf(ms);
			(customer.periods ??= []).push(history.period === 'week' ? weekOfDay(day) : day);
			(customer.periodCents ??= []).push(cents);
		}
		customer.frequency++;
		customer.monetaryCents += cents;
		if (ms < customer.firstMs) {
			customer.firstMs = ms;
			customer.firstText = orders.createdAt[i];
		}
		if (ms >= customer.lastMs) {
			customer.lastMs = ms;
			customer.lastText = orders.createdAt[i];
			customer.latestItemIndex = orders.itemIndexOf(i);
		}
	}

	const customers: CustomerActivity[] = [];
	for (const c of running.values()) {
		customers.push({
			customerId: c.customerId,
			recencyDays: referenceDay - dayOf(c.lastMs),
			frequency: c.frequency,
			monetaryCents: c.monetaryCents,
			firstOrderAt: c.firstText,
			lastOrderAt: c.lastText,
			latestItemIndex: c.latestItemIndex,
			...(history && { purchaseHistory: purchaseHistoryOf(c, history.period === 'week' ? weekOfDay(referenceDay) : referenceDay) }),
		});
	}
	return {
		customers,
		referenceEpochMs,
		ordersCounted,
		ordersSkipped: skipped,
		customersWithoutCountedOrders: seenCustomers.size - customers.length,
	};
}

/** A customer before their first counted order is added. */
function newRunning(customerId: string, ms: number, text: string, itemIndex: number): Running {
	return {
		customerId,
		frequency: 0,
		monetaryCents: 0,
		firstMs: ms,
		firstText: text,
		lastMs: ms,
		lastText: text,
		latestItemIndex: itemIndex,
	};
}

/** Repeat periods, their value, t_x and T from the periods of a customer's counted orders. */
function purchaseHistoryOf(customer: Running, referencePeriod: number): PurchaseHistory {
	const periods = customer.periods ?? [];
	const cents = customer.periodCents ?? [];
	let first = Infinity;
	let last = -Infinity;
	for (const p of periods) {
		if (p < first) first = p;
		if (p > last) last = p;
	}
	const distinct = new Set(periods).size;
	let firstPeriodCents = 0;
	periods.forEach((p, k) => {
		if (p === first) firstPeriodCents += cents[k];
	});
	return {
		repeatPurchases: distinct - 1,
		lastPurchaseAge: last - first,
		observedPeriods: referencePeriod - first,
		repeatValueCents: customer.monetaryCents - firstPeriodCents,
	};
}
