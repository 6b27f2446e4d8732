/**
 * Orders with their channel (or other grouping value), stored for Visitor Value's one
 * aggregation: a buyer of a channel is the pair (channel, customer), so the order table handed
 * to the shared aggregation (../orders/aggregate.ts) carries, in place of each order's customer
 * id, the id of its pair. Every channel's figures and the totals then come out of that one pass
 * (see computeVisitorValue).
 *
 * Why this shape: a million orders used to cost a copy of each order object (the channel
 * added), a text key `length:channel:customer` built per order, a second copy with that key as
 * the customer, and two aggregations over two tables; the keys and copies were a third of the
 * run and most of its garbage collection (docs/nodes/VisitorValue.md, "Where the time goes").
 * Here a pair is found with a Map per channel from customer id to pair number, the pair's id
 * text is made once per pair (not per order), and nothing is kept per order but the table's
 * columns and the channel's number.
 */
import { OrderTable, type OrderRecord } from '../orders';

export interface GroupedOrder extends OrderRecord {
	/** The order's channel (or other grouping value). */
	group: string;
}

export class GroupedOrders {
	/** The orders by column, in the order pushed; each row's customerId is its pair's id (pairIdOf). */
	readonly table = new OrderTable();
	/** Channel names, in the order they were first met. */
	readonly groups: string[] = [];
	/** The channel number (index in `groups`) of each row of the table. */
	readonly groupOfRow: number[] = [];
	/** Per pair (number = index): its channel number and its customer number. */
	readonly pairGroup: number[] = [];
	readonly pairCustomer: number[] = [];
	private readonly pairIds: string[] = [];
	private readonly firstItemIndex: number[] = [];
	private readonly groupNumber = new Map<string, number>();
	/** Per channel number: customer id → pair number. */
	private readonly pairsOfGroup: Array<Map<string, number>> = [];
	private readonly customerNumber = new Map<string, number>();
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

	/** Distinct customers among the orders pushed. */
	get customers(): number {
		return this.customerNumber.size;
	}

	push(order: OrderRecord, group: string): void {
		let g = this.groupNumber.get(group);
		if (g === undefined) {
			g = this.groups.length;
			this.groupNumber.set(group, g);
			this.groups.push(group);
			this.firstItemIndex.push(order.itemIndex);
			this.pairsOfGroup.push(new Map());
		}
		const pairs = this.pairsOfGroup[g];
		let pair = pairs.get(order.customerId);
		if (pair === undefined) {
			pair = this.pairGroup.length;
			pairs.set(order.customerId, pair);
			let customer = this.customerNumber.get(order.customerId);
			if (customer === undefined) this.customerNumber.set(order.customerId, (customer = this.customerNumber.size));
			this.pairGroup.push(g);
			this.pairCustomer.push(customer);
			// Digits only: unique, and read back with Number() (pairOf).
			this.pairIds.push(String(pair));
		}
		this.groupOfRow.push(g);
		// The table keeps the fields, not the object: one reused row, so no copy per order.
		const row = this.row;
		row.itemIndex = order.itemIndex;
		row.orderId = order.orderId;
		row.customerId = this.pairIds[pair];
		row.createdAt = order.createdAt;
		row.createdAtMs = order.createdAtMs;
		row.status = order.status;
		row.currency = order.currency;
		row.amount = order.amount;
		row.refundedAmount = order.refundedAmount;
		this.table.push(row);
	}

	/** The pair number of a customer id that the table carries. */
	pairOf(tableCustomerId: string): number {
		return Number(tableCustomerId);
	}

	/** itemIndex of the first order pushed with this channel, if any. */
	firstItemIndexOf(group: string): number | undefined {
		const g = this.groupNumber.get(group);
		return g === undefined ? undefined : this.firstItemIndex[g];
	}
}
