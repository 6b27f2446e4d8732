/**
 * Xiaohongshu Shop (小红书) on the shared connector core. Platform facts, each from the official
 * doc pages and API specs as copied in AndersonBY/xiaohongshu-ecommerce-python-sdk
 * `docs/小红书官方文档/` (DOC) and the SDKs 359444744/xhs and zsmhub/xhs-sdk, as noted in
 * nodes/lib/shop/platforms/xiaohongshu/*:
 * - one gateway, answers `{ success, error_code, error_msg, data }` (DOC 040); token, throttling
 *   and busy answers recognised by their words (answers.ts: no public list of codes);
 * - order.getOrderList by update time: window ≤ 30 minutes, read from the last page to the
 *   first, pageNo ≤ 100, pageSize ≤ 100 (DOC api/订单API/order_getOrderList); the list has no
 *   amounts or lines, so each order is read with order.getOrderDetail (one more call per
 *   order, paced like the rest);
 * - rate limit: "新对接的服务商，默认限流值：100次/秒" per app, 200/s per method; apps that were
 *   live before the limits get 1.5 × their own peak, which can be lower (DOC 292_接口限流说明).
 *   The node paces to 20/s by default (the credential may raise it): a small app's quota is
 *   unknown and the throttling answer unconfirmed, so staying well below is the safe side;
 * - stock by skuId through the catalog (stock.ts); no coupon API: the ark open platform's API
 *   catalogue (DOC api/index.json: 公共, 订单, 售后, 商品, 库存, 素材中心, 物流, 财务, 即时零售)
 *   has no marketing/coupon category, so this node has no Coupon resource.
 * Unconfirmed, chosen defensively: how far back the update-time feed serves orders (90 days
 * here), the indexing delay (windows end 3 minutes before now), the throttling/busy answers.
 */
import {
	precheckStockWrite,
	readPagesBackwards,
	ShopPlatformError,
	type SetStockOutcome,
	type StockLevel,
	type TimeWindow,
} from '../lib/shop';
import {
	catalogEntries,
	figuresOf,
	findCatalogEntry,
	halves,
	isDefaultWarehouse,
	orderListParams,
	readXhsAnswer,
	syncQtyFor,
	XHS_CATALOG_PAGE_SIZE,
	XHS_MAX_ORDERS_PER_WINDOW,
	XHS_ORDER_DETAIL_METHOD,
	XHS_ORDER_LIST_METHOD,
	XHS_ORDER_PAGE_SIZE,
	XHS_STOCK_METHODS,
	XHS_UPDATE_WINDOW_MS,
	xhsStockLevels,
	xhsTimeMs,
	xiaohongshuOrderToModel,
	type XhsCatalogEntry,
	type XhsCatalogPage,
	type XhsListedOrder,
	type XhsOrderDetail,
	type XhsOrderListData,
	type XhsSkuStockData,
} from '../lib/shop/platforms/xiaohongshu';
import type { ShopApi, ShopConnector, ShopResponse, Verdict } from '../shared/shop/connector';
import { writeAtMostOnce } from '../shared/shop/writes';

const NAME = 'Xiaohongshu Shop (小红书)';

export function readXiaohongshuResponse(response: ShopResponse): Verdict {
	const answer = readXhsAnswer(response.statusCode, response.body);
	if (answer.kind !== 'error') return answer;
	return {
		...answer,
		hint: /权限|permission|无权/i.test(answer.message)
			? 'The app lacks the API permission for this call, or the shop withdrew its authorisation: check the app (应用管理) in the Xiaohongshu open platform console.'
			: undefined,
	};
}

/**
 * Per node run (one ShopApi): order details already read, so an order met twice (window edges,
 * an update during paging) costs one detail call; and the shop's catalog, read once for many
 * stock writes.
 */
const detailsByRun = new WeakMap<ShopApi, Map<string, XhsOrderDetail>>();
const catalogByRun = new WeakMap<ShopApi, Promise<XhsCatalogEntry[]>>();

async function listPage(api: ShopApi, window: TimeWindow, pageIndex: number) {
	const data = (await api.call({ method: 'POST', path: XHS_ORDER_LIST_METHOD, body: { ...orderListParams(window, pageIndex) } })) as XhsOrderListData;
	return { items: data?.orderList ?? [], total: Number(data?.total ?? 0) };
}

/** Every order listed in a window, pages read back to front; a window past 100 pages is read as halves. */
async function listWindow(api: ShopApi, window: TimeWindow): Promise<XhsListedOrder[]> {
	let first: Awaited<ReturnType<typeof listPage>> | undefined = await listPage(api, window, 0);
	if (first.total > XHS_MAX_ORDERS_PER_WINDOW) {
		const parts = halves(window);
		if (parts === undefined) {
			throw new ShopPlatformError(
				NAME,
				'window-too-full',
				`${first.total} orders were updated in one second (${new Date(window.start).toISOString()}); the platform serves at most ${XHS_MAX_ORDERS_PER_WINDOW} per query`,
			);
		}
		return [...(await listWindow(api, parts[0])), ...(await listWindow(api, parts[1]))];
	}
	return await readPagesBackwards(async (pageIndex) => {
		// The first page was just read to learn the total: use it once, read it again at the end.
		if (pageIndex === 0 && first !== undefined) {
			const page = first;
			first = undefined;
			return page;
		}
		return await listPage(api, window, pageIndex);
	}, XHS_ORDER_PAGE_SIZE);
}

async function detailsOf(api: ShopApi, listed: XhsListedOrder[]): Promise<XhsOrderDetail[]> {
	let cache = detailsByRun.get(api);
	if (cache === undefined) detailsByRun.set(api, (cache = new Map()));
	// One detail per order: the latest listing of each decides whether the one read before is still current.
	const latest = new Map<string, XhsListedOrder>();
	for (const order of listed) {
		const id = String(order.orderId ?? '');
		if (id === '') throw new ShopPlatformError(NAME, 'payload', 'order.getOrderList returned an order without orderId');
		const seen = latest.get(id);
		if (seen === undefined || xhsTimeMs(order.updateTime) >= xhsTimeMs(seen.updateTime)) latest.set(id, order);
	}
	const details: XhsOrderDetail[] = [];
	for (const [orderId, order] of latest) {
		const cached = cache.get(orderId);
		if (cached !== undefined && xhsTimeMs(cached.updateTime) >= xhsTimeMs(order.updateTime)) {
			details.push(cached);
			continue;
		}
		const detail = (await api.call({ method: 'POST', path: XHS_ORDER_DETAIL_METHOD, body: { orderId } })) as XhsOrderDetail;
		if (typeof detail !== 'object' || detail === null) throw new ShopPlatformError(NAME, 'payload', `order.getOrderDetail returned nothing for ${orderId}`);
		cache.set(orderId, detail);
		details.push(detail);
	}
	return details;
}

async function catalogOf(api: ShopApi): Promise<XhsCatalogEntry[]> {
	let catalog = catalogByRun.get(api);
	if (catalog === undefined) {
		catalog = (async () => {
			const entries: XhsCatalogEntry[] = [];
			for (let pageNo = 1; ; pageNo++) {
				const page = (await api.call({ method: 'POST', path: XHS_STOCK_METHODS.catalog, body: { pageNo, pageSize: XHS_CATALOG_PAGE_SIZE } })) as XhsCatalogPage;
				const rows = page?.data ?? [];
				entries.push(...catalogEntries(page ?? {}));
				if (rows.length < XHS_CATALOG_PAGE_SIZE || pageNo * XHS_CATALOG_PAGE_SIZE >= Number(page?.total ?? 0)) break;
			}
			return entries;
		})();
		catalogByRun.set(api, catalog);
		// A failed read is not kept: the next item of the run tries again.
		catalog.catch(() => catalogByRun.delete(api));
	}
	return await catalog;
}

async function readStock(api: ShopApi, skuId: string): Promise<XhsSkuStockData> {
	return ((await api.call({ method: 'POST', path: XHS_STOCK_METHODS.read, body: { skuId } })) ?? {}) as XhsSkuStockData;
}

async function entryFor(api: ShopApi, sku: string): Promise<XhsCatalogEntry> {
	const entry = findCatalogEntry(await catalogOf(api), sku);
	if (entry === undefined) {
		throw new ShopPlatformError(NAME, 'not-found', `SKU ${sku} is not in the shop's catalog (商家编码 or skuId)`, 'Check the SKU code (商家编码) in the Xiaohongshu back-office (千帆).');
	}
	return entry;
}

export const xiaohongshuConnector: ShopConnector = {
	platform: 'xiaohongshu',
	displayName: NAME,
	credentialType: 'xiaohongshuShopApi',
	requestsPerSecond: 20,
	readResponse: readXiaohongshuResponse,

	orders: {
		maxWindowMs: XHS_UPDATE_WINDOW_MS,
		maxAgeDays: 90,
		// Unconfirmed how far back the feed serves (docs/nodes/XiaohongshuShop.md): a Time Range is
		// cut to 90 days with a notice rather than sent and refused.
		maxAgeEnforced: true,
		settleMs: 3 * 60_000,
		async fetchWindow(api, window) {
			return await detailsOf(api, await listWindow(api, window));
		},
		toOrder: (raw, { timeZone }) => xiaohongshuOrderToModel(raw as XhsOrderDetail, timeZone),
	},

	stock: {
		async list(api, { skus, warehouse }) {
			const catalog = await catalogOf(api);
			const entries = skus.length > 0 ? await Promise.all(skus.map((sku) => entryFor(api, sku))) : catalog;
			const levels: StockLevel[] = [];
			for (const entry of entries) levels.push(...xhsStockLevels(await readStock(api, entry.skuId), entry, warehouse));
			return levels;
		},

		async set(api, request): Promise<SetStockOutcome> {
			const entry = await entryFor(api, request.sku);
			const before = await readStock(api, entry.skuId);
			const warehouses = (before.skuStockInfoWithWhcode ?? []).map((row) => String(row.whcode ?? '')).filter(Boolean);
			const areaStock = entry.multiWarehouse || warehouses.length > 1;
			let whcode = request.warehouse;
			if (areaStock && isDefaultWarehouse(whcode)) {
				throw new ShopPlatformError(NAME, 'warehouse-required', `SKU ${request.sku} has stock per warehouse (${warehouses.join(', ')}): set Warehouse to one of them`);
			}
			if (!areaStock) {
				if (!isDefaultWarehouse(whcode) && !warehouses.includes(whcode)) {
					throw new ShopPlatformError(NAME, 'not-found', `SKU ${request.sku} has no stock in warehouse ${whcode} (its warehouse: ${warehouses.join(', ') || 'default'})`);
				}
				whcode = '';
			}
			const figures = figuresOf(before, whcode);
			if (figures === undefined) throw new ShopPlatformError(NAME, 'not-found', `SKU ${request.sku} has no stock in warehouse ${whcode}`);
			const current = Number(figures.available ?? 0);
			const skipped = precheckStockWrite(NAME, request, current);
			if (skipped) return skipped;

			const qty = syncQtyFor(figures, request.quantity);
			const write = areaStock
				? { method: 'POST' as const, path: XHS_STOCK_METHODS.syncByWarehouse, body: { skuId: entry.skuId, qtyWithWhcode: { [whcode]: qty } } }
				: { method: 'POST' as const, path: XHS_STOCK_METHODS.sync, body: { skuId: entry.skuId, qty } };
			// No idempotency id exists: after an answer that never came, the stock is read again
			// instead of writing blindly (writeAtMostOnce). Both figures are compared, sellable and
			// total, since the write sets the total: applied → alreadyApplied; untouched → the write
			// is sent again; anything else → the unknown outcome is reported.
			const verdict = await writeAtMostOnce(api, write, async (lostAnswer) => {
				const after = figuresOf(await readStock(api, entry.skuId), whcode);
				if (Number(after?.available) === request.quantity && Number(after?.total) === qty) return true;
				const untouched = Number(after?.available) === current && Number(after?.total) === Number(figures.total ?? figures.available);
				if (untouched) return false;
				throw lostAnswer;
			});
			if (verdict.kind === 'landed') return { stockStatus: 'alreadyApplied', previousQuantity: current, quantity: request.quantity };
			if (verdict.kind === 'error') throw new ShopPlatformError(NAME, verdict.code, verdict.message, verdict.hint);
			const answer = (verdict.data ?? {}) as XhsSkuStockData & { data?: Record<string, { skuStockInfo?: { available?: number } }> };
			if (answer.response?.success === false) {
				throw new ShopPlatformError(NAME, String(answer.response.code ?? 'refused'), answer.response.message ?? answer.response.msg ?? 'the stock write was refused');
			}
			// The answer carries the stock after the write; a sellable stock other than asked means the
			// platform read qty differently (syncSkuStockV2's qty is UNCONFIRMED): say so, never hide it.
			const reported = areaStock ? answer.data?.[whcode]?.skuStockInfo?.available : figuresOf(answer, '')?.available;
			if (reported !== undefined && Number(reported) !== request.quantity) {
				throw new ShopPlatformError(
					NAME,
					'stock-mismatch',
					`SKU ${request.sku}: sent total ${qty} for sellable ${request.quantity}, the shop now reports ${reported} sellable`,
					'Check the SKU in the Xiaohongshu back-office; channel or activity stock may be reserved.',
				);
			}
			return { stockStatus: 'applied', previousQuantity: current, quantity: request.quantity };
		},
	},
};
