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
	data: Float64Array;
	constructor(capacity: number) {
		this.data = new Float64Array(capacity);
	}
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
	private readonly ms: GrowableFloat64;
	private readonly amount: GrowableFloat64;
	private readonly refunded: GrowableFloat64;
	private readonly itemIdx: GrowableFloat64;
	private statusCodes: Uint8Array;

	/**
	 * `capacity`: the most orders expected, when known (the number of input items). A table that
	 * doubles its way to a million orders allocates twice its size in buffers outside the heap,
	 * and V8 answers that much outside memory with a full garbage collection of the heap — the
	 * million input items — which cost 4.5 s of a million-order run (docs/nodes/RfmSegment.md, "Scale").
	 */
	constructor(capacity = INITIAL_CAPACITY) {
		const room = Math.max(1, capacity);
		this.ms = new GrowableFloat64(room);
		this.amount = new GrowableFloat64(room);
		this.refunded = new GrowableFloat64(room);
		this.itemIdx = new GrowableFloat64(room);
		this.statusCodes = new Uint8Array(room);
	}

	static from(orders: readonly OrderRecord[]): OrderTable {
		const table = new OrderTable(orders.length);
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
	/** Order i as the record it was pushed as. */
	recordAt(i: number): OrderRecord {
		return {
			itemIndex: this.itemIndexOf(i),
			orderId: this.orderId[i],
			customerId: this.customerId[i],
			createdAt: this.createdAt[i],
			createdAtMs: this.createdAtMs(i),
			status: this.statusOf(i),
			currency: this.currency[i],
			amount: this.amountOf(i),
			refundedAmount: this.refundedAmountOf(i),
		};
	}
}
