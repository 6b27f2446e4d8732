/**
 * Stock as shops report it, per SKU and warehouse (Douyin warehouse, Shopify location,
 * WooCommerce: the one store), and as Reorder Trigger reads it: the pack's
 * InventoryPosition. Shops know on-hand and reserved stock, never supplier lead times, so
 * those come from the node's parameters.
 */
import type { InventoryPosition } from '../model';

export interface StockLevel {
	/** The merchant's SKU code (Douyin `code`/out_sku_id, Shopify SKU, WooCommerce SKU). */
	sku: string;
	/** Warehouse or location name/id as the platform names it; `default` for single-stock shops. */
	warehouse: string;
	/** Sellable units; negative when the platform reports overselling. */
	onHand: number;
	/** Units held for unshipped orders (Shopify `committed`, Douyin `prehold`), 0 where unknown. */
	reserved: number;
	/** Units inbound (Shopify `incoming`), 0 where unknown. */
	onOrder: number;
	/** The platform's ids that a write of this position needs back. */
	platformRef: Record<string, string>;
}

export interface PlanningDefaults {
	leadTimeDays: number;
	leadTimeStdDays: number;
	moq: number;
	packSize: number;
}

export function toInventoryPosition(level: StockLevel, defaults: PlanningDefaults): InventoryPosition & { platformRef: Record<string, string> } {
	return {
		sku: level.sku,
		warehouse: level.warehouse,
		onHand: level.onHand,
		onOrder: level.onOrder,
		reserved: level.reserved,
		leadTimeDays: defaults.leadTimeDays,
		leadTimeStdDays: defaults.leadTimeStdDays,
		moq: defaults.moq,
		packSize: defaults.packSize,
		unitCost: 0,
		platformRef: level.platformRef,
	};
}

export interface SetStockRequest {
	sku: string;
	warehouse: string;
	/** The absolute number of sellable units to set. */
	quantity: number;
	/**
	 * Names this write: the same key is the same write. Platforms with an idempotency id
	 * (Douyin idempotent_id, Shopify @idempotent) get it as is; the others are checked
	 * before writing (a stock already at `quantity` is left alone).
	 */
	idempotencyKey: string;
	/** Compare-and-set: write only if the stock is still this (Shopify changeFromQuantity). */
	expectedQuantity?: number;
}

export type SetStockStatus = 'applied' | 'alreadyApplied' | 'unchanged';

export interface SetStockOutcome {
	stockStatus: SetStockStatus;
	previousQuantity?: number;
	quantity: number;
}
