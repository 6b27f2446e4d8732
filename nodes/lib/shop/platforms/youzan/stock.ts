/**
 * Stock on a Youzan 微商城: one stock per SKU (no warehouses: multi-warehouse stock exists
 * only for Youzan Retail 零售 shops, through youzan.retail.open.* APIs, facts §4), read from
 * the item and set with youzan.item.quantity.update.
 *
 * - Items: youzan.items.onsale.get 3.0.0 (on sale) and youzan.items.inventory.get 3.0.0 (in
 *   the warehouse list, 仓库中), paged with page_no/page_size, answer { count, items[] }
 *   (official Java SDK v3 YouzanItemsOnsaleGetResult, as used in public code).
 * - SKUs and quantities: youzan.item.get 3.0.0 { item_id } → data.item { item_id, item_no,
 *   quantity, skus[{ sku_id, item_no, quantity }] } (Java SDK v3 YouzanItemGetResult
 *   ItemDetailOpenModel / ItemSkuOpenModel: sku item_no = 规格编码, the merchant's SKU code).
 * - Writes: youzan.item.quantity.update 3.0.0 { item_id, sku_id (omitted for an item without
 *   variants), quantity, type: 0 } — type 0 = 全量更新 (absolute), 1 = 增量 (Java SDK v3
 *   YouzanItemQuantityUpdateParams). No idempotency key exists.
 */
import type { StockLevel } from '../../stockLevel';

export const ITEMS_ONSALE_GET = { api: 'youzan.items.onsale.get', version: '3.0.0' } as const;
export const ITEMS_INVENTORY_GET = { api: 'youzan.items.inventory.get', version: '3.0.0' } as const;
export const ITEM_GET = { api: 'youzan.item.get', version: '3.0.0' } as const;
export const ITEM_QUANTITY_UPDATE = { api: 'youzan.item.quantity.update', version: '3.0.0' } as const;

export const ITEMS_PAGE_SIZE = 100;
export const SINGLE_WAREHOUSE = 'default';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** One page of an items list: the item ids and how many there are in all. */
export function itemsPageOf(data: unknown): { itemIds: string[]; count: number } {
	const answer = obj(data);
	const items = Array.isArray(answer.items) ? answer.items : [];
	return {
		itemIds: items.map((item) => text(obj(item).item_id)).filter((id) => id !== ''),
		count: Number(answer.count ?? items.length) || 0,
	};
}

/**
 * The stock levels of one item.get answer: one per SKU, or one for an item without variants.
 * The SKU code is the sku's item_no (规格编码), else the item's item_no (商品编码) for an item
 * without variants, else `<item_id>:<sku_id>` so that a SKU without a code can still be set.
 */
export function stockLevelsOfItem(data: unknown): StockLevel[] {
	const item = obj(obj(data).item ?? data);
	const itemId = text(item.item_id);
	if (itemId === '') return [];
	const skus = Array.isArray(item.skus) ? item.skus.map(obj) : [];
	if (skus.length === 0) {
		return [
			{
				sku: text(item.item_no) || itemId,
				warehouse: SINGLE_WAREHOUSE,
				onHand: Number(item.quantity ?? 0) || 0,
				reserved: 0,
				onOrder: 0,
				platformRef: { itemId },
			},
		];
	}
	return skus.map((sku) => {
		const skuId = text(sku.sku_id);
		return {
			sku: text(sku.item_no) || `${itemId}:${skuId}`,
			warehouse: SINGLE_WAREHOUSE,
			onHand: Number(sku.quantity ?? 0) || 0,
			reserved: 0,
			onOrder: 0,
			platformRef: { itemId, skuId },
		};
	});
}

/** The quantity.update body that sets `level` to `quantity` (absolute). */
export function quantityUpdateParams(level: StockLevel, quantity: number): Record<string, unknown> {
	const { itemId, skuId } = level.platformRef;
	return { item_id: Number(itemId), ...(skuId ? { sku_id: Number(skuId) } : {}), quantity, type: 0 };
}
