/**
 * WooCommerce stock: one stock per product or variation (core has no warehouses), kept only
 * where "Manage stock" is on. Fields: WooCommerce REST API docs "Product properties" and
 * "Product variation properties" (https://woocommerce.github.io/woocommerce-rest-api-docs/#products,
 * #product-variations): `sku`, `manage_stock` (a variation: true, false or "parent" when it
 * uses its parent's stock — "parent" is UNCONFIRMED, handled as not its own stock),
 * `stock_quantity` (integer or null; negative when backordered), `type`, `variations`.
 *
 * Writes are absolute: `PUT /products/{id}` or `PUT /products/{pid}/variations/{vid}` with
 * `stock_quantity`. WooCommerce has no idempotency key and no compare-and-set, so the pack
 * reads first, and keeps the Write ID of its last write in the product's meta data
 * (`commerce_ops_stock_write`, a plain meta key, visible in the REST answer): a write whose
 * ID is already there was applied before, whatever sales changed since.
 */
import type { StockLevel } from '../../stockLevel';

/** WooCommerce core keeps one stock per product: its only "warehouse". */
export const WOOCOMMERCE_WAREHOUSE = 'default';

export const STOCK_WRITE_META_KEY = 'commerce_ops_stock_write';

export interface WooStockItem {
	id: number;
	/** Set on variations (their product's id). */
	parent_id?: number;
	type?: string;
	sku?: string;
	manage_stock?: boolean | 'parent';
	stock_quantity?: number | null;
	variations?: number[];
	meta_data?: Array<{ key?: string; value?: unknown }>;
}

/** Whether the item keeps its own stock count (manage_stock exactly true). */
export function hasOwnStock(item: WooStockItem): boolean {
	return item.manage_stock === true && typeof item.stock_quantity === 'number';
}

/** The platform ids a write needs back: the product, and the variation for a variation. */
export function platformRefOf(item: WooStockItem, parentId?: number): Record<string, string> {
	return parentId !== undefined && parentId > 0
		? { productId: String(parentId), variationId: String(item.id) }
		: { productId: String(item.id) };
}

/** The item's stock level, or undefined when it has no SKU or no stock of its own. */
export function stockLevelOf(item: WooStockItem, parentId?: number): StockLevel | undefined {
	const sku = (item.sku ?? '').trim();
	if (sku === '' || !hasOwnStock(item)) return undefined;
	return {
		sku,
		warehouse: WOOCOMMERCE_WAREHOUSE,
		onHand: item.stock_quantity as number,
		// Stock held for unpaid orders is already taken off stock_quantity; nothing else is exposed.
		reserved: 0,
		onOrder: 0,
		platformRef: platformRefOf(item, parentId),
	};
}

/** The Write ID of the pack's last stock write on this item, if any. */
export function lastStockWriteOf(item: WooStockItem): string | undefined {
	const entry = (item.meta_data ?? []).find((meta) => meta.key === STOCK_WRITE_META_KEY);
	return typeof entry?.value === 'string' && entry.value !== '' ? entry.value : undefined;
}

/** The body of the absolute stock write. */
export function stockWriteBody(quantity: number, writeId: string): Record<string, unknown> {
	return { stock_quantity: quantity, meta_data: [{ key: STOCK_WRITE_META_KEY, value: writeId }] };
}

/** The REST path of a product's or variation's own resource. */
export function stockItemPath(ref: Record<string, string>): string {
	return ref.variationId
		? `/wp-json/wc/v3/products/${ref.productId}/variations/${ref.variationId}`
		: `/wp-json/wc/v3/products/${ref.productId}`;
}
