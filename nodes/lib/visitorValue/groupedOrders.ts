/**
 * Orders with their channel (or other grouping value), for Visitor Value's one aggregation: a
 * buyer of a channel is the pair (channel, customer), so the shared aggregation
 * (../orders/aggregate.ts) is handed, in place of each order's customer id, the id of its pair.
 * Every channel's figures and the totals then come out of that one pass (see
 * computeVisitorValue). Two ways in, one set of rules:
 * - ChannelTotals, the node's usual way: each order added to its pair's running totals as it
 *   is read (nodes/shared/orderItems.ts, readOrdersInOnePass), nothing kept per order;
 * - GroupedOrders, for what one pass cannot settle (an order id given twice, no end date and no
 *   traffic, …): the orders kept by column, then aggregated.
 *
 * Why this shape: a million orders used to cost a copy of each order object (the channel
 * added), a text key `length:channel:customer` built per order, a second copy with that key as
 * the customer, and two aggregations over two tables; then the column store of every order
 * until all were read. The keys, copies and columns were most of the run and of its garbage
 * collection (docs/nodes/VisitorValue.md, "Where the time goes"). Here a pair is found with a
 * Map per channel from customer id to pair number, and the pair's id text is made once per
 * pair (not per order).
 */
import { CustomerTotals, OrderTable, type Aggregation, type OrderFields, type OrderRecord } from '../orders';
import { createZonedDayNumber } from '../time';

export interface GroupedOrder extends OrderRecord {
	/** The order's channel (or other grouping value). */
	group: string;
}

/** The pairs (channel, customer) met, numbered in the order met, and the channels, in the order met. */
export class ChannelPairs {
	/** Channel names, in the order they were first met. */
	readonly groups: string[] = [];
	/** Per pair (number = index): its channel number and its customer number. */
	readonly pairGroup: number[] = [];
	readonly pairCustomer: number[] = [];
	/** Per pair: its id as the aggregation's customer id (digits only: unique, read back with Number()). */
	readonly pairIds: string[] = [];
	private readonly firstItemIndex: number[] = [];
	private readonly groupNumber = new Map<string, number>();
	/** Per channel number: customer id → pair number. */
	private readonly pairsOfGroup: Array<Map<string, number>> = [];
	private readonly customerNumber = new Map<string, number>();
	private lastGroup: string | undefined;
	private lastGroupNumber = 0;

	/** Distinct customers met. */
	get customers(): number {
		return this.customerNumber.size;
	}

	/** The pair number of (channel, customer), numbered when first met (`itemIndex`: the order's item). */
	pairFor(group: string, customerId: string, itemIndex: number): number {
		// Orders come in runs of few channels: the last one's number is reused without a lookup.
		let g = group === this.lastGroup ? this.lastGroupNumber : this.groupNumber.get(group);
		if (g === undefined) {
			g = this.groups.length;
			this.groupNumber.set(group, g);
			this.groups.push(group);
			this.firstItemIndex.push(itemIndex);
			this.pairsOfGroup.push(new Map());
		}
		this.lastGroup = group;
		this.lastGroupNumber = g;
		const pairs = this.pairsOfGroup[g];
		let pair = pairs.get(customerId);
		if (pair === undefined) {
			pair = this.pairGroup.length;
			pairs.set(customerId, pair);
			let customer = this.customerNumber.get(customerId);
			if (customer === undefined) this.customerNumber.set(customerId, (customer = this.customerNumber.size));
			this.pairGroup.push(g);
			this.pairCustomer.push(customer);
			this.pairIds.push(String(pair));
		}
		return pair;
	}

	/** The pair number of a customer id that the aggregation carries. */
	pairOf(aggregatedCustomerId: string): number {
		return Number(aggregatedCustomerId);
	}

	/** itemIndex of the first order met with this channel, if any. */
	firstItemIndexOf(group: string): number | undefined {
		const g = this.groupNumber.get(group);
		return g === undefined ? undefined : this.firstItemIndex[g];
	}
}

/** What the valuing (computeVisitorValue) needs of the orders, however they were read. */
export interface ChannelOrderCounts {
	/** One "customer" per pair with a counted order, its customerId the pair's id. */
	aggregated: Pick<Aggregation, 'customers' | 'ordersCounted' | 'ordersSkipped'>;
	pairs: ChannelPairs;
	/** The channels that have orders (each order's channel being its last row's). */
	channelsWithOrders: Set<string>;
	/** The earliest day (shop's time zone) of any valid order, for a window of all days. */
	earliestOrderDay: () => number | undefined;
}

export class GroupedOrders {
	/** The orders by column, in the order pushed; each row's customerId is its pair's id. */
	readonly table = new OrderTable();
	readonly pairs = new ChannelPairs();
	/** The channel number (index in `groups`) of each row of the table. */
	readonly groupOfRow: number[] = [];
	/** One row reused for every push: every field of OrderRecord (all required, so a field added there fails to compile here). */
	private readonly row: OrderRecord = {
		itemIndex: 0,
		orderId: '',
		customerId: '',
		createdAt: '',
		createdAtMs: 0,
		status: 'paid',
		currency: undefined,
		amount: 0,
		refundedAmount: 0,
	};

	static from(orders: readonly GroupedOrder[]): GroupedOrders {
		const grouped = new GroupedOrders();
		for (const order of orders) grouped.push(order, order.group);
		return grouped;
	}

	get length(): number {
		return this.table.length;
	}

	/** Channel names, in the order they were first met. */
	get groups(): string[] {
		return this.pairs.groups;
	}

	push(order: OrderRecord, group: string): void {
		const pair = this.pairs.pairFor(group, order.customerId, order.itemIndex);
		this.groupOfRow.push(this.pairs.pairGroup[pair]);
		// The table keeps the fields, not the object: one reused row, so no copy per order.
		const row = this.row;
		row.itemIndex = order.itemIndex;
		row.orderId = order.orderId;
		row.customerId = this.pairs.pairIds[pair];
		row.createdAt = order.createdAt;
		row.createdAtMs = order.createdAtMs;
		row.status = order.status;
		row.currency = order.currency;
		row.amount = order.amount;
		row.refundedAmount = order.refundedAmount;
		this.table.push(row);
	}

	/** itemIndex of the first order pushed with this channel, if any. */
	firstItemIndexOf(group: string): number | undefined {
		return this.pairs.firstItemIndexOf(group);
	}
}

/** The window the orders are counted in, known before any order is read (visitorValueWindow). */
export interface CountingWindow {
	/** Last instant of the window's last day (epoch ms). */
	endInstant: number;
	timeZone: string;
	/** 0 = every day up to the end. */
	windowDays: number;
	countedStatuses: AggregationStatuses;
}
type AggregationStatuses = ConstructorParameters<typeof CustomerTotals>[0]['countedStatuses'];

/**
 * The one-pass way in: each valid order added to its pair's running totals (the shared
 * CustomerTotals, with the pair's id as the customer) as it is read, with no duplicate order id
 * among them (the caller reads those the exact way). Rates as CustomerTotals.add takes them.
 */
export class ChannelTotals {
	readonly pairs = new ChannelPairs();
	private readonly totals: CustomerTotals;
	private readonly dayOf: ((ms: number) => number) | undefined;
	private earliestDay: number | undefined;

	constructor(window: CountingWindow) {
		this.totals = new CustomerTotals({
			reference: { kind: 'instant', epochMs: window.endInstant },
			timeZone: window.timeZone,
			lookbackDays: window.windowDays,
			countedStatuses: window.countedStatuses,
		});
		// The earliest order's day is the window's start only for a window of all days.
		this.dayOf = window.windowDays === 0 ? createZonedDayNumber(window.timeZone) : undefined;
	}

	add(order: OrderFields, itemIndex: number, group: string, rate: number | undefined, rateIfNotBase: number | undefined): void {
		const pair = this.pairs.pairFor(group, order.customerId, itemIndex);
		if (this.dayOf) {
			const day = this.dayOf(order.createdAtMs);
			if (this.earliestDay === undefined || day < this.earliestDay) this.earliestDay = day;
		}
		this.totals.add(
			this.pairs.pairIds[pair],
			order.createdAtMs,
			order.createdAt,
			itemIndex,
			order.status,
			order.amount,
			order.refundedAmount,
			order.currency,
			rate,
			rateIfNotBase,
		);
	}

	/** The counts, given the base currency; undefined when CustomerTotals cannot settle the currencies in one pass. */
	counts(baseCurrency: string | undefined): ChannelOrderCounts | undefined {
		const aggregated = this.totals.result(baseCurrency);
		if (aggregated === undefined) return undefined;
		const earliestDay = this.earliestDay;
		return { aggregated, pairs: this.pairs, channelsWithOrders: new Set(this.pairs.groups), earliestOrderDay: () => earliestDay };
	}
}
