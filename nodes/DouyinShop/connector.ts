/**
 * Douyin Shop (抖店) on the shared connector core. Platform facts, each from the official Go
 * SDK copy zsmhub/doudian-sdk (GO) or the error-code map in renhonghai/doudian-sdk
 * `src/Constants/ErrNoConstant.php` (PHP), as noted:
 * - answers are HTTP 200 with `code` 10000 on success (GO access_token_builder.go IsSuccess);
 *   40003 + sub_code isv.access-token-expired / -no-existed / -invalid = token problems,
 *   60000 isv.traffic-limited = throttled, 20000/20001 = service busy (PHP);
 * - order.searchList: update_time_start/end in Unix seconds, order_by update_time, page from
 *   0, size ≤ 100 (GO api/order_searchList/request);
 * - sku.syncStock (code, stock_num, incremental, idempotent_id, out_warehouse_id),
 *   sku.stockNum (code → stock_num, prehold_stock_num, stock_num_map), product.listV2 (page
 *   from 1, size ≤ 100), sku.list (product_id → SKUs with stock_map) (GO api/…);
 * - no public source documents a shop-coupon API: the `coupons/*` methods are card vouchers
 *   for virtual goods (Abbotton/laravel-doudian src/Api/Coupons.php), so this node has no
 *   Coupon resource (README).
 * Unconfirmed, chosen defensively: the widest order.searchList window (one day here), the QPS
 * (5 requests/s here), whether sku.syncStock dedups idempotent_id on absolute writes.
 */
import { parseJsonKeepingBigIntegers, JsonInteger } from '../lib/shop/json/bigIntegers';
import { precheckStockWrite, readPagesBackwards, ShopPlatformError, type SetStockOutcome, type StockLevel } from '../lib/shop';
import { douyinOrderToModel, type DouyinShopOrder } from '../lib/shop/platforms/douyin';
import type { ShopApi, ShopConnector, ShopResponse, Verdict } from '../shared/shop/connector';

const PAGE_SIZE = 100;
const DAY_MS = 86_400_000;
const NAME = 'Douyin Shop (抖店)';

const TOKEN_SUB_CODES = new Set(['isv.access-token-expired', 'isv.access-token-no-existed', 'isv.access-token-invalid']);

interface DouyinBody {
	code?: number;
	msg?: string;
	sub_code?: string;
	sub_msg?: string;
	data?: unknown;
}

export function readDouyinResponse(response: ShopResponse): Verdict {
	if (response.statusCode === 429) return { kind: 'throttled', reason: 'HTTP 429' };
	if (response.statusCode >= 500) return { kind: 'unavailable', reason: `HTTP ${response.statusCode}` };
	let body: DouyinBody;
	try {
		body = (typeof response.body === 'string' ? parseJsonKeepingBigIntegers(response.body) : response.body) as DouyinBody;
	} catch {
		return { kind: 'unavailable', reason: `an unreadable answer (HTTP ${response.statusCode})` };
	}
	if (body?.code === 10000) return { kind: 'ok', data: body.data };
	const subCode = body?.sub_code ?? '';
	const message = [body?.msg, body?.sub_msg].filter((text) => text && text !== 'success').join(': ') || 'no message';
	if (body?.code === 60000) return { kind: 'throttled', reason: `${body.code} ${subCode} ${message}` };
	if (body?.code === 20000 || body?.code === 20001) return { kind: 'unavailable', reason: `${body.code} ${message}` };
	if (body?.code === 40003 && TOKEN_SUB_CODES.has(subCode)) return { kind: 'tokenRejected', reason: `${subCode}: ${message}` };
	return {
		kind: 'error',
		code: [body?.code ?? `HTTP ${response.statusCode}`, subCode].filter(Boolean).join(' '),
		message,
		hint: body?.code === 30001 ? 'The app lacks the permission (权限包) for this API or the shop withdrew its authorisation: check the app in the Doudian console.' : undefined,
	};
}

interface SearchListData {
	total?: number;
	shop_order_list?: DouyinShopOrder[];
}

interface SkuStock {
	code?: string;
	id?: string | number;
	sku_id?: string | number;
	product_id?: string | number;
	stock_num?: number;
	prehold_stock_num?: number;
	stock_map?: Record<string, number>;
	stock_num_map?: Record<string, number>;
	prehold_stock_map?: Record<string, number>;
}

/** One stock level per warehouse of an area-stock SKU (区域库存), else the national stock as `default`. */
function levelsOf(sku: SkuStock, code: string, warehouse: string): StockLevel[] {
	const byWarehouse = sku.stock_num_map ?? sku.stock_map;
	const ref = {
		...(sku.sku_id ?? sku.id ? { skuId: String(sku.sku_id ?? sku.id) } : {}),
		...(sku.product_id ? { productId: String(sku.product_id) } : {}),
	};
	if (byWarehouse && Object.keys(byWarehouse).length > 0) {
		return Object.entries(byWarehouse)
			.filter(([id]) => warehouse === '' || id === warehouse)
			.map(([id, count]) => ({
				sku: code,
				warehouse: id,
				onHand: Number(count),
				reserved: Number(sku.prehold_stock_map?.[id] ?? 0),
				onOrder: 0,
				platformRef: { ...ref, outWarehouseId: id },
			}));
	}
	if (warehouse !== '' && warehouse !== 'default') return [];
	return [{ sku: code, warehouse: 'default', onHand: Number(sku.stock_num ?? 0), reserved: Number(sku.prehold_stock_num ?? 0), onOrder: 0, platformRef: ref }];
}

async function readStock(api: ShopApi, code: string, warehouse: string): Promise<SkuStock> {
	return (await api.call({
		method: 'POST',
		path: 'sku.stockNum',
		body: { code, ...(warehouse && warehouse !== 'default' ? { out_warehouse_id: warehouse } : {}) },
	})) as SkuStock;
}

export const douyinConnector: ShopConnector = {
	platform: 'douyin',
	displayName: NAME,
	credentialType: 'douyinShopApi',
	requestsPerSecond: 5,
	readResponse: readDouyinResponse,

	orders: {
		maxWindowMs: DAY_MS,
		settleMs: 2 * 60_000,
		async fetchWindow(api, window) {
			return await readPagesBackwards(async (page) => {
				const data = (await api.call({
					method: 'POST',
					path: 'order.searchList',
					body: {
						// Both ends in whole seconds and taken as inclusive: windows meet on one second,
						// read twice and merged by orderId, never a gap.
						update_time_start: Math.floor(window.start / 1000),
						update_time_end: Math.floor(window.end / 1000),
						order_by: 'update_time',
						order_asc: true,
						page,
						size: PAGE_SIZE,
					},
				})) as SearchListData;
				return { items: data?.shop_order_list ?? [], total: Number(data?.total ?? 0) };
			}, PAGE_SIZE);
		},
		toOrder: (raw, { timeZone }) => douyinOrderToModel(raw as DouyinShopOrder, timeZone),
	},

	stock: {
		async list(api, { skus, warehouse }) {
			const levels: StockLevel[] = [];
			if (skus.length > 0) {
				for (const code of skus) levels.push(...levelsOf(await readStock(api, code, warehouse), code, warehouse));
				return levels;
			}
			// Every SKU: products page by page (product.listV2 pages from 1), then each product's SKUs.
			for (let page = 1; ; page++) {
				const data = (await api.call({ method: 'POST', path: 'product.listV2', body: { page, size: PAGE_SIZE, status: 0 } })) as {
					data?: Array<{ product_id: string | number }>;
					total?: number;
				};
				const products = data?.data ?? [];
				for (const product of products) {
					const skuList = (await api.call({
						method: 'POST',
						path: 'sku.list',
						body: { product_id: new JsonInteger(String(product.product_id)) as unknown as number },
					})) as SkuStock[];
					for (const sku of skuList ?? []) {
						const code = String(sku.code || sku.id || '');
						if (code) levels.push(...levelsOf({ ...sku, product_id: product.product_id }, code, warehouse));
					}
				}
				if (products.length < PAGE_SIZE || page * PAGE_SIZE >= Number(data?.total ?? 0)) break;
			}
			return levels;
		},

		async set(api, request): Promise<SetStockOutcome> {
			const warehouse = request.warehouse && request.warehouse !== 'default' ? request.warehouse : '';
			const current = levelsOf(await readStock(api, request.sku, warehouse), request.sku, warehouse)[0];
			if (current === undefined) {
				throw new ShopPlatformError(NAME, 'not-found', `SKU ${request.sku} has no stock in warehouse ${request.warehouse || 'default'}`);
			}
			const skipped = precheckStockWrite(NAME, request, current.onHand);
			if (skipped) return skipped;
			const verdict = await api.attempt({
				method: 'POST',
				path: 'sku.syncStock',
				// An absolute write (incremental false) gives the same stock however often it is applied;
				// idempotent_id lets the platform refuse a repeat outright.
				write: true,
				idempotent: true,
				body: {
					code: request.sku,
					stock_num: request.quantity,
					incremental: false,
					idempotent_id: request.idempotencyKey,
					...(warehouse ? { out_warehouse_id: warehouse } : {}),
				},
			});
			if (verdict.kind === 'error') {
				if (verdict.code.includes('isv.idempotent-id-existed')) {
					return { stockStatus: 'alreadyApplied', previousQuantity: current.onHand, quantity: request.quantity };
				}
				throw new ShopPlatformError(NAME, verdict.code, verdict.message, verdict.hint);
			}
			return { stockStatus: 'applied', previousQuantity: current.onHand, quantity: request.quantity };
		},
	},
};
