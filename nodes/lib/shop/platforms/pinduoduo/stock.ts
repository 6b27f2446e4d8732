/**
 * Stock of a Pinduoduo shop: one sellable quantity per SKU (the warehouse APIs pdd.stock.ware.*
 * manage goods in merchant warehouses, not the SKU stock buyers see), read with
 * pdd.goods.list.get and set with pdd.goods.quantity.update.
 *
 * - pdd.goods.list.get (lywzx/pdd-node-sdk `packages/pdd-origin-api/src/shangPin/PddGoodsListGet.ts`;
 *   Cherrs/pdd-rs `src/requests/pdd_goods_list_get.rs`): page "从 1 开始", page_size "默认 100，
 *   最大100", outer_id = 商家外部编码（sku） filters ("outer_id,is_onsale,goods_name三选一，
 *   优先级is_onsale>outer_id>goods_name"); answer goods_list_get_response { total_count,
 *   goods_list[{ goods_id, goods_name, is_onsale, goods_quantity, goods_reserve_quantity,
 *   sku_list[{ sku_id, outer_id, outer_goods_id, spec, sku_quantity, reserve_quantity
 *   预扣库存, is_sku_onsale }] }] }.
 * - pdd.goods.quantity.update (same SDKs, PddGoodsQuantityUpdate.ts / pdd_goods_quantity_update.rs):
 *   goods_id, sku_id ("sku_id和outer_id必填一个，优先使用sku_id") or outer_id, quantity,
 *   update_type "1为全量更新，2为增量更新。如果不填，默认为全量更新"; answer
 *   goods_quantity_update_response { is_success }. "在资源位上的商品不能减少库存". No
 *   idempotency key exists.
 * UNCONFIRMED: whether sku_quantity counts units held for unpaid orders (reserve_quantity is
 * reported beside it, so it is read as not included).
 */
import type { StockLevel } from '../../stockLevel';

export const GOODS_LIST_GET = 'pdd.goods.list.get';
export const GOODS_QUANTITY_UPDATE = 'pdd.goods.quantity.update';
export const GOODS_PAGE_SIZE = 100;
/** A Pinduoduo SKU has one sellable stock: the pack's warehouse name for it. */
export const SINGLE_WAREHOUSE = 'default';
/** update_type 1 = 全量更新 (absolute). */
export const FULL_UPDATE = 1;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

export interface GoodsPage {
	levels: StockLevel[];
	/** Goods on this page (not SKUs). */
	goodsCount: number;
	totalCount: number;
}

/**
 * The stock levels of one goods_list_get_response page: one per SKU. The SKU code is its
 * outer_id (商家编码); a SKU without one gets `<goods_id>:<sku_id>`, which Set Quantity
 * accepts too.
 */
export function goodsPageOf(data: unknown): GoodsPage {
	const answer = obj(data);
	const goodsList = Array.isArray(answer.goods_list) ? answer.goods_list.map(obj) : [];
	const levels: StockLevel[] = [];
	for (const goods of goodsList) {
		const goodsId = text(goods.goods_id);
		if (goodsId === '') continue;
		const skus = Array.isArray(goods.sku_list) ? goods.sku_list.map(obj) : [];
		for (const sku of skus) {
			const skuId = text(sku.sku_id);
			levels.push({
				sku: text(sku.outer_id) || `${goodsId}:${skuId}`,
				warehouse: SINGLE_WAREHOUSE,
				onHand: Number(sku.sku_quantity ?? 0) || 0,
				reserved: Number(sku.reserve_quantity ?? 0) || 0,
				onOrder: 0,
				platformRef: { goodsId, skuId },
			});
		}
	}
	return { levels, goodsCount: goodsList.length, totalCount: Number(answer.total_count ?? goodsList.length) || 0 };
}

export function goodsListParams(page: number, outerId?: string): Record<string, unknown> {
	return { page, page_size: GOODS_PAGE_SIZE, ...(outerId ? { outer_id: outerId } : {}) };
}

/** `<goods_id>:<sku_id>` → the two ids (a SKU without a merchant code), else undefined. */
export function idPairOf(sku: string): { goodsId: string; skuId: string } | undefined {
	const match = /^(\d+):(\d+)$/.exec(sku.trim());
	return match ? { goodsId: match[1], skuId: match[2] } : undefined;
}

/** The absolute write that sets `level` to `quantity`. */
export function quantityUpdateParams(level: StockLevel, quantity: number): Record<string, unknown> {
	return { goods_id: level.platformRef.goodsId, sku_id: level.platformRef.skuId, quantity, update_type: FULL_UPDATE };
}

export function quantityUpdateSucceeded(data: unknown): boolean {
	return obj(data).is_success !== false;
}
