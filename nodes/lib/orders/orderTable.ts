/**
 * Validated orders stored by column. A million orders as objects cost ~150 bytes each plus
 * garbage-collector time proportional to their number; as columns they cost ~40 bytes
 * each (the id and timestamp texts are the input's own strings, not copies), which keeps a
 * million-order run well inside 2 GB.
 */
import { ORDER_STATUSES, type OrderStatus } from '../model';
import type { OrderRecord } from './input';

const STATUS_CODE = new Map<OrderStatus, number>(ORDER_STATUSES.map((s, i) => [s, i]));

export class OrderTable {
	length = 0;
	readonly orderId: string[] = [];
	readonly customerId: string[] = [];
	readonly createdAt: string[] = [];
	readonly currency: Array<string | undefined> = [];
	// Plain arrays of numbers, not typed arrays: V8 keeps them in its heap as unboxed doubles
	// (8 bytes each) and grows them there, while a Float64Array's buffer is memory outside the
	// heap, and tens of megabytes of that answered with a full collection of the heap — the
	// million input items — in the middle of a run (docs/nodes/RfmSegment.md, "Scale").
	private readonly ms: number[] = [];
	private readonly amount: number[] = [];
	private readonly refunded: number[] = [];
	private readonly itemIdx: number[] = [];
	private readonly statusCodes: number[] = [];

	static from(orders: readonly OrderRecord[]): OrderTable {
		const table = new OrderTable();
		for (const order of orders) table.push(order);
		return table;
	}

	push(order: OrderRecord): void {
		this.length++;
		this.orderId.push(order.orderId);
		this.customerId.push(order.customerId);
		this.createdAt.push(order.createdAt);
		this.currency.push(order.currency);
		this.ms.push(order.createdAtMs);
		this.amount.push(order.amount);
		this.refunded.push(order.refundedAmount);
		this.itemIdx.push(order.itemIndex);
		this.statusCodes.push(STATUS_CODE.get(order.status)!);
	}

	createdAtMs(i: number): number {
		return this.ms[i];
	}
	amountOf(i: number): number {
		return this.amount[i];
	}
	refundedAmountOf(i: number): number {
		return this.refunded[i];
	}
	itemIndexOf(i: number): number {
		return this.itemIdx[i];
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
