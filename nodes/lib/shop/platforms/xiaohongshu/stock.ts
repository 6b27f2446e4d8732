/**
 * Xiaohongshu stock in the pack's StockLevel, and the numbers a stock write sends. Sources:
 * official API specs copied in AndersonBY/xiaohongshu-ecommerce-python-sdk
 * `docs/小红书官方文档/api/库存API/` (inventory_getSkuStock, inventory_syncSkuStock,
 * inventory_syncSkuStockV2) and `api/商品API/product_getDetailSkuList_商品列表完整版.json`; the
 * syncSkuStock text also in 359444744/xhs `api/rest/InventorySyncSkuStockRequest.py`.
 *
 * - The stock APIs take the platform's SKU id (skuId, 规格ID); users know their 商家编码
 *   (erpCode). `product.getDetailSkuList` (pageNo from 1, pageSize ≤ 100) lists every SKU with
 *   both, so a code is looked up there.
 * - `inventory.getSkuStock` { skuId } → skuStock (all warehouses) and skuStockInfoWithWhcode[]
 *   (per warehouse code `whcode`; a shop without area stock has its default warehouse,
 *   "CPartner" in the doc's example) with available (可售库存), total (总库存), occupiedQuantity
 *   (held by unpaid orders) and the channel/activity quantities.
 * - `inventory.syncSkuStock` { skuId, qty } (only SKUs without multi-warehouse area stock):
 *   "qty是需要同步的sku总库存数 … 接口逻辑会用qty与现在sku的总库存数进行差值计算，去设置可售库存" — qty is
 *   the TOTAL stock (sellable + channel + activity + held by unpaid orders); the platform moves
 *   sellable stock by qty − current total. So sellable X is set with qty = total − available + X.
 * - `inventory.syncSkuStockV2` { skuId, qtyWithWhcode: { whcode: qty } } for area stock. Whether
 *   its qty is total or sellable is not documented (UNCONFIRMED): it is sent as the
 *   warehouse's total, like syncSkuStock, and the answer is checked (the connector reports a
 *   warehouse whose sellable stock did not become X).
 * - `inventory.incSkuStock` (a change, not a value) is not used: a retried change applies twice.
 * None of them takes an idempotency id.
 */
import type { StockLevel } from '../../stockLevel';

export const XHS_STOCK_METHODS = {
	catalog: 'product.getDetailSkuList',
	read: 'inventory.getSkuStock',
	sync: 'inventory.syncSkuStock',
	syncByWarehouse: 'inventory.syncSkuStockV2',
} as const;

export const XHS_CATALOG_PAGE_SIZE = 100;

export interface XhsStockFigures {
	available?: number;
	total?: number;
	occupiedQuantity?: number;
	productChannelQuantity?: number;
	activityChannelQuantity?: number;
	[field: string]: unknown;
}

export interface XhsSkuStockData {
	skuId?: string;
	skuStock?: XhsStockFigures;
	skuStockInfoWithWhcode?: Array<{ skuId?: string; whcode?: string; skuStock?: XhsStockFigures; skuStockInfo?: XhsStockFigures }>;
	response?: { success?: boolean; code?: number; message?: string; msg?: string };
}

/** One SKU of the shop's catalog, as product.getDetailSkuList gives it. */
export interface XhsCatalogEntry {
	/** What users call the SKU: its 商家编码, else the skuId. */
	sku: string;
	skuId: string;
	itemId: string;
	/** item.enableMultiWarehouse: stock per warehouse (area stock). */
	multiWarehouse: boolean;
}

export interface XhsCatalogPage {
	data?: Array<{ item?: { id?: string; enableMultiWarehouse?: boolean }; sku?: { id?: string; itemId?: string; erpCode?: string } }>;
	total?: number;
}

export function catalogEntries(page: XhsCatalogPage): XhsCatalogEntry[] {
	const entries: XhsCatalogEntry[] = [];
	for (const row of page.data ?? []) {
		const skuId = String(row.sku?.id ?? '');
		if (skuId === '') continue;
		const erpCode = String(row.sku?.erpCode ?? '').trim();
		entries.push({
			sku: erpCode || skuId,
			skuId,
			itemId: String(row.sku?.itemId ?? row.item?.id ?? ''),
			multiWarehouse: row.item?.enableMultiWarehouse === true,
		});
	}
	return entries;
}

/** A SKU of the catalog by what the user typed: its 商家编码 first, else its skuId. */
export function findCatalogEntry(catalog: XhsCatalogEntry[], sku: string): XhsCatalogEntry | undefined {
	return catalog.find((entry) => entry.sku === sku) ?? catalog.find((entry) => entry.skuId === sku);
}

/** Warehouse names that mean "the SKU's one warehouse" for a SKU without area stock. */
export function isDefaultWarehouse(warehouse: string): boolean {
	return warehouse === '' || warehouse === 'default';
}

/**
 * One level per warehouse of the SKU (skuStockInfoWithWhcode), else one `default` level from the
 * all-warehouse figures; `warehouse` filters ('' = all; 'default' = a single-warehouse SKU's one).
 * onHand = available (可售库存), reserved = occupiedQuantity (held by unpaid orders).
 */
export function xhsStockLevels(data: XhsSkuStockData, entry: XhsCatalogEntry, warehouse = ''): StockLevel[] {
	const ref = { skuId: entry.skuId, ...(entry.itemId ? { itemId: entry.itemId } : {}) };
	const perWarehouse = (data.skuStockInfoWithWhcode ?? []).filter((row) => row.whcode);
	const level = (name: string, figures: XhsStockFigures | undefined, whcode?: string): StockLevel => ({
		sku: entry.sku,
		warehouse: name,
		onHand: Number(figures?.available ?? 0),
		reserved: Number(figures?.occupiedQuantity ?? 0),
		onOrder: 0,
		platformRef: { ...ref, ...(whcode ? { whcode } : {}) },
	});
	if (perWarehouse.length > 0) {
		const single = perWarehouse.length === 1 && !entry.multiWarehouse;
		return perWarehouse
			.filter((row) => warehouse === '' || row.whcode === warehouse || (single && warehouse === 'default'))
			.map((row) => level(String(row.whcode), row.skuStock ?? row.skuStockInfo, String(row.whcode)));
	}
	if (!isDefaultWarehouse(warehouse)) return [];
	return [level('default', data.skuStock)];
}

/** The figures of one warehouse of a stock answer ('' or 'default': the all-warehouse figures). */
export function figuresOf(data: XhsSkuStockData, whcode: string): XhsStockFigures | undefined {
	if (isDefaultWarehouse(whcode)) return data.skuStock ?? data.skuStockInfoWithWhcode?.[0]?.skuStock;
	const row = (data.skuStockInfoWithWhcode ?? []).find((r) => r.whcode === whcode);
	return row?.skuStock ?? row?.skuStockInfo;
}

/**
 * The total to send so that sellable stock becomes `wanted`: the platform sets sellable stock
 * by the difference between qty and the current total, so the other parts of the total
 * (channel, activity, unpaid-order holds) stay as they are.
 */
export function syncQtyFor(figures: XhsStockFigures, wanted: number): number {
	const total = Number(figures.total ?? figures.available ?? 0);
	const available = Number(figures.available ?? 0);
	return Math.max(0, total - available + wanted);
}
