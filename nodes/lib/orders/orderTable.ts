/**
 * Validated orders stored by column. A million orders as objects cost ~150 bytes each plus
 * garbage-collector time proportional to their number; as columns they cost ~40 bytes
 * each (the id and timestamp texts are the input's own strings, not copies), which keeps a
 * million-order run well inside 2 GB.
 */
import { ORDER_STATUSES, type OrderStatus } from '../model';
import type { OrderRecord } from './input';

const STATUS_CODE = new Map<OrderStatus, number>(ORDER_STATUSES.map((s, i) => [s, i]));

/**
 * Room for this many orders at first, doubling as needed. Small because Visitor Value keeps one
 * table per channel: at 1024 a table took 33 kB before its first order, and 100k channels of
 * one or two orders each took 4.1 GB (issue 14, item 9). Doubling from 16 to a million is 16
 * copies, a few milliseconds.
 */
const INITIAL_CAPACITY = 16;

class GrowableFloat64 {
	data = new Float64Array(INITIAL_CAPACITY);
	push(index: number, value: number) {
		if (index >= this.data.length) {
			const bigger = new Float64Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[index] = value;
	}
}

export class OrderTable {
	length = 0;
	readonly orderId: string[] = [];
	readonly customerId: string[] = [];
	readonly createdAt: string[] = [];
	readonly currency: Array<string | undefined> = [];
	private readonly ms = new GrowableFloat64();
	private readonly amount = new GrowableFloat64();
	private readonly refunded = new GrowableFloat64();
	private readonly itemIdx = new GrowableFloat64();
	private statusCodes = new Uint8Array(INITIAL_CAPACITY);

	static from(orders: readonly OrderRecord[]): OrderTable {
		const table = new OrderTable();
		for (const order of orders) table.push(order);
		return table;
	}

	push(order: OrderRecord): void {
		const i = this.length++;
		this.orderId.push(order.orderId);
		this.customerId.push(order.customerId);
		this.createdAt.push(order.createdAt);
		this.currency.push(order.currency);
		this.ms.push(i, order.createdAtMs);
		this.amount.push(i, order.amount);
		this.refunded.push(i, order.refundedAmount);
		this.itemIdx.push(i, order.itemIndex);
		if (i >= this.statusCodes.length) {
			const bigger = new Uint8Array(this.statusCodes.length * 2);
			bigger.set(this.statusCodes);
			this.statusCodes = bigger;
		}
		this.statusCodes[i] = STATUS_CODE.get(order.status)!;
	}

	createdAtMs(i: number): number {
		return this.ms.data[i];
	}
	amountOf(i: number): number {
		return this.amount.data[i];
	}
	refundedAmountOf(i: number): number {
		return this.refunded.data[i];
	}
	itemIndexOf(i: number): number {
		return this.itemIdx.data[i];
	}
	statusOf(i: number): OrderStatus {
		return ORDER_STATUSES[this.statusCodes[i]];
	}
}
