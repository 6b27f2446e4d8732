/**
 * Stock of a Taobao / Tmall shop: one sellable quantity per SKU (or per item without SKUs),
 * read and set through TOP's item APIs. Request and field names from the generated models in
 * bububa/opentaobao:
 * - taobao.skus.custom.get (`model/product/TaobaoSkusCustomGetAPIRequest.go`): outer_id → every
 *   SKU with that merchant code (商家编码), fields from Sku (`model/tbitem/Sku.go`: sku_id,
 *   num_iid, outer_id, quantity, with_hold_quantity = unpaid orders holding stock under
 *   付款减库存, status normal/delete);
 * - taobao.items.custom.get (`model/product/TaobaoItemsCustomGetAPIRequest.go`): outer_id → items,
 *   for items without SKUs;
 * - taobao.items.onsale.get / taobao.items.inventory.get (`model/product/TaobaoItemsOnsaleGetAPIRequest.go`):
 *   page_no from 1, page_size ≤ 200, fields num_iid,outer_id,num; then taobao.item.seller.get
 *   (`model/tbitem/TaobaoItemSellerGetAPIRequest.go`) per item for its SKUs;
 * - taobao.item.quantity.update (`model/tbitem/TaobaoItemQuantityUpdateAPIRequest.go`): num_iid,
 *   sku_id (omitted: the item's own stock), quantity, type 1 = 全量 (absolute, the default),
 *   2 = 增量. No idempotency key; an absolute write applied twice sets the same number.
 * Multi-warehouse stock (Tmall 区域库存 / 仓储) is not read: warehouse `default`.
 */
import type { StockLevel } from '../../stockLevel';
import { listOf } from './envelope';

export const SKUS_CUSTOM_GET = 'taobao.skus.custom.get';
export const ITEMS_CUSTOM_GET = 'taobao.items.custom.get';
export const ITEMS_ONSALE_GET = 'taobao.items.onsale.get';
export const ITEMS_INVENTORY_GET = 'taobao.items.inventory.get';
export const ITEM_SELLER_GET = 'taobao.item.seller.get';
export const ITEM_QUANTITY_UPDATE = 'taobao.item.quantity.update';

export const SKU_FIELDS = 'sku_id,num_iid,outer_id,quantity,with_hold_quantity,status';
export const ITEM_FIELDS = 'num_iid,outer_id,num,with_hold_quantity';
export const ITEM_DETAIL_FIELDS = 'num_iid,outer_id,num,with_hold_quantity,skus';
export const ITEMS_PAGE_SIZE = 200;
export const SINGLE_WAREHOUSE = 'default';
/** type of taobao.item.quantity.update: 1 = 全量更新 (absolute). */
export const FULL_UPDATE = 1;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());
const count = (value: unknown): number => Number(value ?? 0) || 0;

/** A SKU row (skus.custom.get, or an item's skus) as a stock level; deleted SKUs give none. */
export function levelOfSku(sku: Json): StockLevel | undefined {
	if (text(sku.status) === 'delete') return undefined;
	const numIid = text(sku.num_iid);
	const skuId = text(sku.sku_id);
	if (!numIid || !skuId) return undefined;
	return {
		sku: text(sku.outer_id) || `${numIid}:${skuId}`,
		warehouse: SINGLE_WAREHOUSE,
		onHand: count(sku.quantity),
		reserved: count(sku.with_hold_quantity),
		onOrder: 0,
		platformRef: { numIid, skuId },
	};
}

/** An item without SKUs as one stock level (its `num`). */
export function levelOfItem(item: Json): StockLevel | undefined {
	const numIid = text(item.num_iid);
	if (!numIid) return undefined;
	return {
		sku: text(item.outer_id) || numIid,
		warehouse: SINGLE_WAREHOUSE,
		onHand: count(item.num),
		reserved: count(item.with_hold_quantity),
		onOrder: 0,
		platformRef: { numIid },
	};
}

/** The levels of an item.seller.get answer: one per SKU, or the item's own when it has none. */
export function levelsOfItemDetail(data: unknown): StockLevel[] {
	const item = obj(obj(data).item ?? data);
	const skus = listOf(item.skus, 'sku');
	if (skus.length === 0) {
		const level = levelOfItem(item);
		return level ? [level] : [];
	}
	return skus.map((sku) => levelOfSku({ num_iid: item.num_iid, ...sku })).filter((level): level is StockLevel => level !== undefined);
}

/** SKU rows of a skus.custom.get answer. */
export function skusOf(data: unknown): Json[] {
	return listOf(obj(data).skus, 'sku');
}

/** Item rows of an items.* answer, and how many there are in all. */
export function itemsPageOf(data: unknown): { items: Json[]; total: number } {
	const answer = obj(data);
	const items = listOf(answer.items, 'item');
	return { items, total: Number(answer.total_results ?? items.length) || 0 };
}

/** The quantity.update parameters that set `level` to `quantity` (absolute). */
export function quantityUpdateParams(level: StockLevel, quantity: number): Record<string, string | number> {
	const { numIid, skuId } = level.platformRef;
	return { num_iid: numIid, ...(skuId ? { sku_id: skuId } : {}), quantity, type: FULL_UPDATE };
}
