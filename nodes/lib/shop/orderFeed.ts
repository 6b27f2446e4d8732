/**
 * What a shop's order feed gives back, merged: the overlap between runs and between windows,
 * and a platform's paging while orders change, return the same order more than once. One
 * order id is one order; its latest update wins (equal update times: the one read last,
 * which the platform served later).
 */
import type { Order } from '../model';

/** An order as the connectors emit it: the model's fields plus when the platform last changed it. */
export type ShopOrder = Order & { updatedAt: string; platformOrderStatus: string };

export interface ReadOrder<Raw> {
	order: ShopOrder;
	raw: Raw;
	/** Epoch ms of `order.updatedAt`. */
	updatedAtMs: number;
}

export function latestPerOrder<Raw>(read: Iterable<ReadOrder<Raw>>): Array<ReadOrder<Raw>> {
	const byId = new Map<string, ReadOrder<Raw>>();
	for (const entry of read) {
		const seen = byId.get(entry.order.orderId);
		if (seen === undefined || entry.updatedAtMs >= seen.updatedAtMs) byId.set(entry.order.orderId, entry);
	}
	// Oldest update first: the order a downstream upsert should apply them in.
	return [...byId.values()].sort((a, b) => a.updatedAtMs - b.updatedAtMs);
}
