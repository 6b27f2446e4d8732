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

	const totals = new CustomerTotals({ ...options, reference: { kind: 'instant', epochMs: referenceEpochMs ?? -Infinity } });
	const rate = (currency: string | undefined) => rateOf(currency);
	for (let i = 0; i < n; i++) {
		if (!isLatestRow(i)) {
			totals.seen(orders.customerId[i]);
			totals.skipped.duplicateRows++;
			continue;
		}
		const currency = orders.currency[i];
		totals.add(
			orders.customerId[i],
			orders.createdAtMs(i),
			orders.createdAt[i],
			orders.itemIndexOf(i),
			orders.statusOf(i),
			orders.amountOf(i),
			orders.refundedAmountOf(i),
			currency,
			rate(currency),
		);
	}
	const result = totals.result(undefined)!;
	return { ...result, referenceEpochMs };
}

/** Per-customer sums of the orders in one currency whose base was not known when added. */
interface PendingCurrency {
	currency: string;
	asIs: number[];
	converted: number[] | undefined;
}

/**
 * Running totals per customer, kept by column (a Map from customer id to a row number and one
 * plain array per figure), so that a million orders added one at a time allocate nothing per
 * order: the one-pass reader (nodes/shared/orderItems.ts, scanOrderItems) adds each order as
 * it validates it, without any record of the order surviving (docs/nodes/RfmSegment.md, "Where
 * the time goes"). aggregateOrders above feeds it from an OrderTable: one set of rules.
 *
 * Money: an order whose rate into the base currency is known when it is added is converted
 * then (`rate`); one whose base is not yet known (no Base Currency option: the base is the most
 * common currency, known only after the last order) is summed per currency, as it is and as
 * converted with the user's rate for its currency (`rateIfNotBase`): which of the two sums
 * counts is settled in `result`, order by order rounded exactly as when converted at once.
 */
export class CustomerTotals {
	readonly skipped = { duplicateRows: 0, statusNotCounted: 0, afterReference: 0, outsideLookback: 0 };
	ordersCounted = 0;
	private readonly counted: Set<OrderStatus>;
	/** Row of each customer with a counted order; -1 for one seen without any (yet). */
	private readonly rowOf = new Map<string, number>();
	private readonly ids: string[] = [];
	private readonly frequency: number[] = [];
	private readonly firstMs: number[] = [];
	private readonly firstText: string[] = [];
	private readonly lastMs: number[] = [];
	private readonly lastText: string[] = [];
	private readonly latestItem: number[] = [];
	/** Cents in the base currency, of orders whose rate was known when added. */
	private readonly cents: number[] = [];
	/** Orders whose base was not known yet, per currency: their cents as they are and converted. */
	private readonly pending = new Map<string, PendingCurrency>();
	private lastPending: PendingCurrency | undefined;
	/** Period and cents of each counted order per customer (purchaseHistory option only). */
	private readonly periods: number[][] | undefined;
	private readonly periodCents: number[][] | undefined;
	private readonly dayOf: (epochMs: number) => number;
	private readonly referenceMs: number | undefined;
	private readonly referenceDay: number;
	private latestCountedMs = -Infinity;

	/**
	 * `reference` 'latestOrder' is the latest counted order, known only at the end: then no
	 * order is after it, and a lookback window (which needs it while adding) is refused.
	 */
	constructor(private readonly options: AggregationOptions) {
		this.counted = new Set<OrderStatus>(options.countedStatuses);
		this.dayOf = createZonedDayNumber(options.timeZone);
		if (options.reference.kind === 'instant') {
			this.referenceMs = options.reference.epochMs;
			this.referenceDay = Number.isFinite(this.referenceMs) ? this.dayOf(this.referenceMs) : 0;
		} else {
			if (options.lookbackDays > 0) throw new Error('CustomerTotals: a lookback window needs the reference instant up front');
			this.referenceDay = 0;
		}
		if (options.purchaseHistory) {
			this.periods = [];
			this.periodCents = [];
		}
	}

	/** A customer with an order that is no longer counted (a row superseded by a later one). */
	seen(customerId: string): void {
		if (!this.rowOf.has(customerId)) this.rowOf.set(customerId, -1);
	}

	/**
	 * One valid order, the last row of its id. `rate`: units of the base per unit of the
	 * order's currency when known (1 in the base itself), else undefined and `rateIfNotBase`
	 * is the user's rate for the currency should it not be the base (undefined: none).
	 */
	add(
		customerId: string,
		ms: number,
		createdAt: string,
		itemIndex: number,
		status: OrderStatus,
		amount: number,
		refundedAmount: number,
		currency: string | undefined,
		rate: number | undefined,
		rateIfNotBase?: number,
	): void {
		let row = this.rowOf.get(customerId);
		if (!this.counted.has(status)) {
			this.skipped.statusNotCounted++;
			if (row === undefined) this.rowOf.set(customerId, -1);
			return;
		}
		if (this.referenceMs !== undefined) {
			if (ms > this.referenceMs) {
				this.skipped.afterReference++;
				if (row === undefined) this.rowOf.set(customerId, -1);
				return;
			}
			if (this.options.lookbackDays > 0 && this.referenceDay - this.dayOf(ms) >= this.options.lookbackDays) {
				this.skipped.outsideLookback++;
				if (row === undefined) this.rowOf.set(customerId, -1);
				return;
			}
		} else if (ms > this.latestCountedMs) {
			this.latestCountedMs = ms;
		}
		this.ordersCounted++;
		if (row === undefined || row === -1) {
			row = this.ids.length;
			this.rowOf.set(customerId, row);
			this.ids.push(customerId);
			this.frequency.push(0);
			this.cents.push(0);
			this.firstMs.push(ms);
			this.firstText.push(createdAt);
			this.lastMs.push(ms);
			this.lastText.push(createdAt);
			this.latestItem.push(itemIndex);
			this.periods?.push([]);
			this.periodCents?.push([]);
		}
		const refund = status === 'partially_refunded' ? toCents(refundedAmount) : 0;
		const netCents = toCents(amount) - refund;
		let cents = netCents;
		if (rate !== undefined) {
			if (rate !== 1) cents = Math.round(netCents * rate);
			this.cents[row] += cents;
		} else {
			const lane = this.laneOf(currency!, rateIfNotBase);
			while (lane.asIs.length <= row) lane.asIs.push(0);
			lane.asIs[row] += netCents;
			if (lane.converted) {
				while (lane.converted.length <= row) lane.converted.push(0);
				lane.converted[row] += Math.round(netCents * rateIfNotBase!);
			}
		}
		this.frequency[row]++;
		if (ms < this.firstMs[row]) {
			this.firstMs[row] = ms;
			this.firstText[row] = createdAt;
		}
		if (ms >= this.lastMs[row]) {
			this.lastMs[row] = ms;
			this.lastText[row] = createdAt;
			this.latestItem[row] = itemIndex;
		}
		if (this.periods) {
			const day = this.dayOf(ms);
			this.periods[row].push(this.options.purchaseHistory!.period === 'week' ? weekOfDay(day) : day);
			this.periodCents![row].push(cents);
		}
	}

	private laneOf(currency: string, rateIfNotBase: number | undefined) {
		const last = this.lastPending;
		if (last !== undefined && last.currency === currency) return last;
		let lane = this.pending.get(currency);
		if (lane === undefined) {
			lane = { currency, asIs: [], converted: rateIfNotBase === undefined ? undefined : [] };
			this.pending.set(currency, lane);
		}
		this.lastPending = lane;
		return lane;
	}

	/**
	 * The customers' activity, given the base currency of the orders added without a rate.
	 * Undefined when those orders cannot be settled here: one in a currency that is not the base
	 * and has no rate (an error for that item), or purchase histories (which keep each order's
	 * converted value) over more than one such currency.
	 */
	result(base: string | undefined): Omit<Aggregation, 'referenceEpochMs'> & { referenceEpochMs: number | undefined } | undefined {
		const n = this.ids.length;
		const cents = this.cents;
		if (this.pending.size > 0) {
			if (this.periods && this.pending.size > 1) return undefined;
			for (const [currency, lane] of this.pending) {
				const sums = currency === base ? lane.asIs : lane.converted;
				if (sums === undefined) return undefined;
				for (let row = 0; row < sums.length; row++) cents[row] += sums[row];
			}
		}
		const referenceEpochMs =
			this.referenceMs !== undefined ? this.referenceMs : this.latestCountedMs === -Infinity ? undefined : this.latestCountedMs;
		const referenceDay = this.referenceMs !== undefined ? this.referenceDay : referenceEpochMs === undefined ? 0 : this.dayOf(referenceEpochMs);
		const history = this.options.purchaseHistory;
		const referencePeriod = history?.period === 'week' ? weekOfDay(referenceDay) : referenceDay;
		const customers: CustomerActivity[] = new Array(n);
		for (let row = 0; row < n; row++) {
			customers[row] = {
				customerId: this.ids[row],
				recencyDays: referenceDay - this.dayOf(this.lastMs[row]),
				frequency: this.frequency[row],
				monetaryCents: cents[row],
				firstOrderAt: this.firstText[row],
				lastOrderAt: this.lastText[row],
				latestItemIndex: this.latestItem[row],
				...(history && {
					purchaseHistory: purchaseHistoryOf(this.periods![row], this.periodCents![row], cents[row], referencePeriod),
				}),
			};
		}
		return {
			customers,
			referenceEpochMs: referenceEpochMs === -Infinity ? undefined : referenceEpochMs,
			ordersCounted: this.ordersCounted,
			ordersSkipped: this.skipped,
			customersWithoutCountedOrders: this.rowOf.size - n,
		};
	}
}

/** Repeat periods, their value, t_x and T from the periods of a customer's counted orders. */
function purchaseHistoryOf(periods: number[], cents: number[], monetaryCents: number, referencePeriod: number): PurchaseHistory {
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
		repeatValueCents: monetaryCents - firstPeriodCents,
	};
}
