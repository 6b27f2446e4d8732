/**
 * Orders → one activity record per customer: recency, frequency, monetary.
 *
 * Rules (README "RFM Segment"):
 * - an orderId seen twice is the same order re-ingested: its last row wins;
 * - only orders whose status counts (default paid, shipped, completed, partially_refunded)
 *   and whose time is not after the reference instant count; with a lookback of L days,
 *   only orders less than L calendar days before the reference day;
 * - recency = calendar days in the shop's time zone from the last counted order to the
 *   reference day; frequency = distinct counted orders; monetary = sum of net amounts
 *   (amount − refundedAmount for partially_refunded), in cents, in the base currency.
 */
import type { OrderStatus } from '../model';
import { createZonedDayNumber } from '../time';
import type { RfmOrder } from './input';
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
}

export function aggregateOrders(
	input: OrderTable | readonly RfmOrder[],
	options: AggregationOptions,
): Aggregation {
	const orders = input instanceof OrderTable ? input : OrderTable.from(input);
	const n = orders.length;
	const counted = new Set<OrderStatus>(options.countedStatuses);
	const rateOf = options.rateOf ?? (() => 1);

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

		const customer = running.get(customerId);
		if (customer === undefined) {
			running.set(customerId, {
				customerId,
				frequency: 1,
				monetaryCents: cents,
				firstMs: ms,
				firstText: orders.createdAt[i],
				lastMs: ms,
				lastText: orders.createdAt[i],
				latestItemIndex: orders.itemIndexOf(i),
			});
			continue;
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
