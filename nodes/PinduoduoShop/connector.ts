/**
 * Pinduoduo (拼多多, open platform POP) on the shared connector core. Platform facts and their
 * sources are in nodes/lib/shop/platforms/pinduoduo (signing, envelope, orders, stock, token);
 * this file makes the calls.
 *
 * - Orders: pdd.order.number.list.increment.get, 30-minute update-time windows, the last 90
 *   days, pages of 100 read from the last page back (first call use_has_next=false for the
 *   total, then use_has_next=true, as the order FAQ prescribes).
 * - Stock: pdd.goods.list.get (read), pdd.goods.quantity.update with update_type 1 (absolute).
 * - No Coupon resource: the open platform's marketing APIs (营销: pdd.promotion.goods.coupon.create,
 *   pdd.promotion.home.coupon.create, …coupon.quantity.add, …coupon.close, …coupon.list.get;
 *   every 营销 API in lywzx/pdd-node-sdk `packages/pdd-origin-api/src/yingXiao/` and
 *   Cherrs/pdd-rs `src/requests/`) create coupon batches that buyers claim themselves; none
 *   gives a coupon to a chosen buyer, and orders carry no buyer id to give it to.
 * - Rate: 10 requests/s by default — the strictest per-shop limit of the APIs used
 *   (pdd.goods.list.get 600 per 60 s per shop; the order feed allows 3000 per 60 s per shop,
 *   pdd.goods.quantity.update 4200/s for all apps: the *_LIMITERS of lywzx/pdd-node-sdk,
 *   generated from the doc's 限流规则). The credential's Requests per Second raises it.
 */
import type { IDataObject } from 'n8n-workflow';

import { precheckStockWrite, readPagesBackwards, ShopPlatformError, type SetStockOutcome, type SetStockRequest, type StockLevel, type TimeWindow } from '../lib/shop';
import {
	GOODS_LIST_GET,
	GOODS_PAGE_SIZE,
	GOODS_QUANTITY_UPDATE,
	goodsListParams,
	goodsPageOf,
	idPairOf,
	incrementParams,
	MAX_AGE_DAYS,
	MAX_WINDOW_MS,
	ORDER_INCREMENT_GET,
	ORDER_PAGE_SIZE,
	pddOrderToModel,
	quantityUpdateParams,
	quantityUpdateSucceeded,
	readPddBody,
	SETTLE_MS,
	SINGLE_WAREHOUSE,
	type PddOrder,
} from '../lib/shop/platforms/pinduoduo';
import type { ShopApi, ShopConnector, StockFilter } from '../shared/shop/connector';
import { writeAtMostOnce } from '../shared/shop/writes';

const NAME = 'Pinduoduo Shop (拼多多)';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** One update-time window, every page, read back to front (nodes/lib/shop/paging.ts). */
async function fetchWindow(api: ShopApi, window: TimeWindow): Promise<unknown[]> {
	let counted = false;
	return await readPagesBackwards(async (pageIndex) => {
		// The first call counts (use_has_next=false gives total_count); the others page by has_next.
		const useHasNext = counted;
		counted = true;
		const data = obj(await api.call({ method: 'POST', path: ORDER_INCREMENT_GET, body: incrementParams(window, pageIndex + 1, useHasNext) as IDataObject }));
		const orders = Array.isArray(data.order_sn_list) ? data.order_sn_list : [];
		return { items: orders, total: Number(data.total_count ?? orders.length) || 0 };
	}, ORDER_PAGE_SIZE);
}

function assertSingleWarehouse(warehouse: string): void {
	if (warehouse !== '' && warehouse !== SINGLE_WAREHOUSE) {
		throw new ShopPlatformError(
			NAME,
			'warehouse',
			`a Pinduoduo SKU has one sellable stock; warehouse "${warehouse}" does not exist (use "${SINGLE_WAREHOUSE}" or leave it empty)`,
		);
	}
}

/** Every SKU of the shop, goods page by goods page. */
async function listAll(api: ShopApi): Promise<StockLevel[]> {
	const levels: StockLevel[] = [];
	for (let page = 1; ; page++) {
		const result = goodsPageOf(await api.call({ method: 'POST', path: GOODS_LIST_GET, body: goodsListParams(page) as IDataObject }));
		levels.push(...result.levels);
		if (result.goodsCount < GOODS_PAGE_SIZE || page * GOODS_PAGE_SIZE >= result.totalCount) break;
	}
	return levels;
}

/** The SKU with this merchant code (outer_id filter), or `<goods_id>:<sku_id>` among all SKUs. */
async function findLevel(api: ShopApi, sku: string): Promise<StockLevel | undefined> {
	const ids = idPairOf(sku);
	if (ids) return (await listAll(api)).find((level) => level.platformRef.goodsId === ids.goodsId && level.platformRef.skuId === ids.skuId);
	for (let page = 1; ; page++) {
		const result = goodsPageOf(await api.call({ method: 'POST', path: GOODS_LIST_GET, body: goodsListParams(page, sku) as IDataObject }));
		const found = result.levels.find((level) => level.sku === sku);
		if (found) return found;
		if (result.goodsCount < GOODS_PAGE_SIZE || page * GOODS_PAGE_SIZE >= result.totalCount) return undefined;
	}
}

async function readLevel(api: ShopApi, sku: string): Promise<StockLevel> {
	const level = await findLevel(api, sku);
	if (!level) throw new ShopPlatformError(NAME, 'sku-not-found', `no SKU with the merchant code (商家编码) ${sku} in the shop's goods`);
	return level;
}

/**
 * Pinduoduo has no idempotency key for stock writes, so the stock is read first: a stock
 * already at the quantity is `unchanged` and not written; "Only If Stock Is Still" is
 * checked on that read. The write is absolute (update_type 1). When its answer is lost (a
 * dropped connection, a 5xx, "system busy") the stock is read again (writeAtMostOnce): at the
 * target → the write was applied (`alreadyApplied`); still at the value read before → it was
 * not, and it is sent again; anything else → stop, the stock changed in between. So a write
 * is never applied twice. The read and the write are two calls: a sale between them is
 * overwritten.
 */
async function setStock(api: ShopApi, request: SetStockRequest): Promise<SetStockOutcome> {
	assertSingleWarehouse(request.warehouse);
	const current = await readLevel(api, request.sku);
	const skipped = precheckStockWrite(NAME, request, current.onHand);
	if (skipped) return skipped;
	const write = { method: 'POST' as const, path: GOODS_QUANTITY_UPDATE, body: quantityUpdateParams(current, request.quantity) as IDataObject };
	const verdict = await writeAtMostOnce(api, write, async () => {
		const now = await readLevel(api, request.sku);
		if (now.onHand === request.quantity) return true;
		if (now.onHand === current.onHand) return false;
		throw new ShopPlatformError(
			NAME,
			'unknown-outcome',
			`the answer to the stock write of ${request.sku} was lost, and the stock is now ${now.onHand} (neither ${current.onHand} before nor ${request.quantity}); it was not written again`,
			'Read the stock again (Get Many) and decide.',
		);
	});
	if (verdict.kind === 'landed') return { stockStatus: 'alreadyApplied', previousQuantity: current.onHand, quantity: request.quantity };
	if (verdict.kind === 'error') throw new ShopPlatformError(NAME, verdict.code, verdict.message, verdict.hint);
	if (!quantityUpdateSucceeded(verdict.data)) throw new ShopPlatformError(NAME, 'is_success-false', `Pinduoduo did not set the stock of ${current.sku} (is_success: false)`);
	return { stockStatus: 'applied', previousQuantity: current.onHand, quantity: request.quantity };
}

export const pinduoduoConnector: ShopConnector = {
	platform: 'pinduoduo',
	displayName: NAME,
	credentialType: 'pinduoduoShopApi',
	requestsPerSecond: 10,
	readResponse: (response) => readPddBody(response.statusCode, response.body),
	orders: {
		maxWindowMs: MAX_WINDOW_MS,
		maxAgeDays: MAX_AGE_DAYS,
		// The feed refuses older windows: a Time Range is cut to them too (connector.ts maxAgeEnforced).
		maxAgeEnforced: true,
		settleMs: SETTLE_MS,
		fetchWindow,
		toOrder: (raw, { timeZone }) => pddOrderToModel(raw as PddOrder, timeZone),
	},
	stock: {
		async list(api: ShopApi, filter: StockFilter) {
			assertSingleWarehouse(filter.warehouse);
			if (filter.skus.length === 0) return await listAll(api);
			const levels: StockLevel[] = [];
			for (const sku of filter.skus) {
				const level = await findLevel(api, sku);
				if (level) levels.push(level);
			}
			return levels;
		},
		set: setStock,
	},
};
