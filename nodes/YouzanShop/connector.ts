/**
 * Youzan (有赞云) plugged into the shared shop connector core: how its answers read, how its
 * order feed is windowed and paged, how stock is read and set and how coupons are issued.
 * The payload mappings and platform facts (with their sources) are in
 * nodes/lib/shop/platforms/youzan; this file makes the calls.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	precheckStockWrite,
	readPagesBackwards,
	ShopPlatformError,
	STOCK_OF_SKU_IS,
	sharedCouponOf,
	type Page,
	type CouponToIssue,
	type IssueOutcome,
	type SetStockOutcome,
	type SetStockRequest,
	type StockLevel,
	type TimeWindow,
} from '../lib/shop';
import {
	activityIdOf,
	activityTitle,
	apiPath,
	COUPON_SEARCH,
	COUPON_TAKE,
	isGuestCustomer,
	isQuotaRefusal,
	ITEM_GET,
	ITEM_QUANTITY_UPDATE,
	ITEMS_INVENTORY_GET,
	ITEMS_ONSALE_GET,
	ITEMS_PAGE_SIZE,
	itemsPageOf,
	MAX_ORDERS_PER_WINDOW,
	MAX_PAGE_NO,
	MAX_PAGE_SIZE,
	MAX_WINDOW_MS,
	quantityUpdateParams,
	readYouzanBody,
	SEARCH_PAGE_SIZE,
	searchRowsOf,
	SETTLE_MS,
	SINGLE_WAREHOUSE,
	stockLevelsOfItem,
	takenCouponIdOf,
	toYouzanOrder,
	TRADES_SOLD_GET,
	tradesSoldGetParams,
	VOUCHER_ACTIVITY_CREATE,
	voucherActivityParams,
} from '../lib/shop/platforms/youzan';
import type { ShopApi, ShopConnector, ShopRequest, StockFilter } from '../shared/shop/connector';
import { writeAtMostOnce } from '../shared/shop/writes';

const DISPLAY_NAME = 'Youzan Shop (有赞)';

const call = (api: string, version: string, body: Record<string, unknown>, extra: Partial<ShopRequest> = {}): ShopRequest => ({
	method: 'POST',
	path: apiPath(api, version),
	body: body as IDataObject,
	...extra,
});

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/**
 * One update-time window, every page, read back to front (readPagesBackwards: an order
 * updated while the window is read is never skipped). A window holding more than Youzan can
 * page (100 pages × 100 orders) is read as two halves, down to one second.
 */
async function fetchWindow(api: ShopApi, window: TimeWindow): Promise<unknown[]> {
	const fetchPage = async (pageIndex: number): Promise<Page<unknown>> => {
		const data = obj(await api.call(call(TRADES_SOLD_GET.api, TRADES_SOLD_GET.version, tradesSoldGetParams(window, pageIndex + 1))));
		const list = Array.isArray(data.full_order_info_list) ? data.full_order_info_list : [];
		return { items: list.map((entry) => obj(entry).full_order_info ?? entry), total: Number(data.total_results ?? 0) || 0 };
	};
	const first = await fetchPage(0);
	if (first.total > MAX_ORDERS_PER_WINDOW && window.end - window.start > 1000) {
		const middle = window.start + Math.floor((window.end - window.start) / 2);
		return [...(await fetchWindow(api, { start: window.start, end: middle })), ...(await fetchWindow(api, { start: middle, end: window.end }))];
	}
	let firstServed = false;
	return await readPagesBackwards(async (pageIndex) => {
		if (pageIndex === 0 && !firstServed) {
			firstServed = true;
			return first;
		}
		// Past page 100 Youzan refuses; a window that still holds more (within one second) is read as far as it serves.
		return pageIndex < MAX_PAGE_NO ? await fetchPage(pageIndex) : { items: [], total: first.total };
	}, MAX_PAGE_SIZE);
}

/** Every SKU of the shop: the item lists (on sale and in the warehouse list), then each item. */
async function listLevels(api: ShopApi): Promise<StockLevel[]> {
	const itemIds = new Set<string>();
	for (const list of [ITEMS_ONSALE_GET, ITEMS_INVENTORY_GET]) {
		for (let pageNo = 1; ; pageNo++) {
			const { itemIds: page, count } = itemsPageOf(await api.call(call(list.api, list.version, { page_no: pageNo, page_size: ITEMS_PAGE_SIZE })));
			page.forEach((id) => itemIds.add(id));
			if (page.length < ITEMS_PAGE_SIZE || pageNo * ITEMS_PAGE_SIZE >= count) break;
		}
	}
	const levels: StockLevel[] = [];
	for (const itemId of itemIds) levels.push(...(await readItem(api, itemId)));
	return levels;
}

async function readItem(api: ShopApi, itemId: string): Promise<StockLevel[]> {
	return stockLevelsOfItem(await api.call(call(ITEM_GET.api, ITEM_GET.version, { item_id: Number(itemId) })));
}

function assertSingleWarehouse(warehouse: string): void {
	if (warehouse !== '' && warehouse !== SINGLE_WAREHOUSE) {
		throw new ShopPlatformError(
			DISPLAY_NAME,
			'warehouse',
			`a Youzan 微商城 keeps one stock per SKU; warehouse "${warehouse}" does not exist (use "${SINGLE_WAREHOUSE}" or leave it empty)`,
		);
	}
}

/**
 * Youzan has no idempotency key for stock writes, so the stock is read first: a stock
 * already at the quantity is `unchanged` and not written (the same write retried, or done by
 * hand; as on the other shops, `alreadyApplied` is kept for a Write ID the platform remembers),
 * and "Only If Stock Is Still" is checked on the value just read. The check and the write are
 * two calls: a sale between them is overwritten (the window is one request long). The write
 * is absolute (type 0), but not sent again blindly after a lost answer: a sale between the
 * lost answer and the resend would be overwritten, and the fake's write log would show the
 * write applied twice (test/fuzz/faults/shops.faults.test.ts). The stock is read back instead
 * (writeAtMostOnce, as Pinduoduo, Taobao and Xiaohongshu do): at the target → `alreadyApplied`;
 * still at the value read before → sent again; anything else → stop.
 */
async function setStock(api: ShopApi, request: SetStockRequest): Promise<SetStockOutcome> {
	assertSingleWarehouse(request.warehouse);
	const level = (await listLevels(api)).find((candidate) => candidate.sku === request.sku);
	if (!level) throw new ShopPlatformError(DISPLAY_NAME, 'sku-not-found', `no SKU with the code ${request.sku} in the shop's items`);
	const current = (await readItem(api, level.platformRef.itemId)).find((candidate) => candidate.sku === request.sku) ?? level;
	const skipped = precheckStockWrite(DISPLAY_NAME, request, current.onHand, STOCK_OF_SKU_IS);
	if (skipped) return skipped;
	const verdict = await writeAtMostOnce(api, call(ITEM_QUANTITY_UPDATE.api, ITEM_QUANTITY_UPDATE.version, quantityUpdateParams(current, request.quantity)), async () => {
		const now = (await readItem(api, level.platformRef.itemId)).find((candidate) => candidate.sku === request.sku);
		if (now?.onHand === request.quantity) return true;
		if (now?.onHand === current.onHand) return false;
		throw new ShopPlatformError(
			DISPLAY_NAME,
			'unknown-outcome',
			`the answer to the stock write of ${request.sku} was lost, and the stock is now ${now?.onHand ?? 'unknown'} (neither ${current.onHand} before nor ${request.quantity}); it was not written again`,
			'Read the stock again (Get Many) and decide. 请先用 Get Many 重新读取库存再决定。',
		);
	});
	if (verdict.kind === 'landed') return { stockStatus: 'alreadyApplied', previousQuantity: current.onHand, quantity: request.quantity };
	if (verdict.kind === 'error') throw new ShopPlatformError(DISPLAY_NAME, verdict.code, verdict.message, verdict.hint);
	return { stockStatus: 'applied', previousQuantity: current.onHand, quantity: request.quantity };
}

/** Title → activity id of every coupon activity of the shop (coupon.search, paged). */
async function findActivities(api: ShopApi): Promise<Map<string, string>> {
	const byTitle = new Map<string, string>();
	for (let pageNo = 1; ; pageNo++) {
		const verdict = await api.attempt(
			call(COUPON_SEARCH.api, COUPON_SEARCH.version, { group_type: 'PROMOCARD', page_no: pageNo, page_size: SEARCH_PAGE_SIZE }),
		);
		if (verdict.kind === 'error') {
			// Fail closed: without the lookup a re-run would create a second activity, and the
			// per-customer quota would not stop a second coupon.
			throw new ShopPlatformError(
				DISPLAY_NAME,
				verdict.code,
				`${verdict.message} (listing coupon activities with ${COUPON_SEARCH.api}); no coupon was issued, because without the list a re-run could issue a second coupon`,
				'Check that the app has the marketing API pack (营销) and that youzan.ump.coupon.search is still offered to it.',
			);
		}
		const rows = searchRowsOf(verdict.data);
		for (const row of rows) if (!byTitle.has(row.title)) byTitle.set(row.title, row.id);
		if (rows.length < SEARCH_PAGE_SIZE) break;
	}
	return byTitle;
}

async function issueCoupons(api: ShopApi, coupons: CouponToIssue[]): Promise<IssueOutcome[]> {
	let activities: Map<string, string> | undefined;
	const outcomes: IssueOutcome[] = [];
	const createRefusals = new Map<string, IssueOutcome>();
	for (const coupon of coupons) {
		const buyer = coupon.platformCustomerId ?? coupon.customerId;
		if (isGuestCustomer(buyer)) {
			outcomes.push({ issueStatus: 'failed', platformCode: 'no-buyer', issueMessage: `customer ${buyer} has no Youzan buyer id (yz_open_id): a guest order cannot receive a coupon` });
			continue;
		}
		const plan = voucherActivityParams(coupon.coupon);
		if ('unsupported' in plan) {
			outcomes.push({ issueStatus: 'failed', platformCode: 'unsupported', issueMessage: plan.unsupported });
			continue;
		}
		const key = sharedCouponOf(coupon.coupon).key;
		const refused = createRefusals.get(key);
		if (refused) {
			outcomes.push(refused);
			continue;
		}
		activities ??= await findActivities(api);
		const title = activityTitle(coupon.coupon);
		let activityId = activities.get(title);
		if (activityId === undefined) {
			// Not idempotent: a lost answer stops the run (the transport does not resend), and
			// the next run finds the activity by its title.
			const created = await api.attempt(call(VOUCHER_ACTIVITY_CREATE.api, VOUCHER_ACTIVITY_CREATE.version, plan.params, { write: true, idempotent: false }));
			if (created.kind === 'error') {
				const outcome: IssueOutcome = { issueStatus: 'failed', platformCode: created.code, issueMessage: `the coupon activity was not created: ${created.message}` };
				createRefusals.set(key, outcome);
				outcomes.push(outcome);
				continue;
			}
			activityId = activityIdOf(created.data);
			if (activityId === undefined) throw new ShopPlatformError(DISPLAY_NAME, 'no-activity-id', 'Youzan created the coupon activity but returned no id; run again to find it by its title');
			activities.set(title, activityId);
		}
		// The quota of 1 makes a resent take harmless: Youzan refuses the second one.
		const taken = await api.attempt(call(COUPON_TAKE.api, COUPON_TAKE.version, { coupon_group_id: Number(activityId), yz_open_id: buyer }, { write: true, idempotent: true }));
		if (taken.kind === 'ok') {
			const couponId = takenCouponIdOf(taken.data);
			outcomes.push({ issueStatus: 'issued', ...(couponId ? { platformCouponId: couponId } : {}), issueMessage: `activity ${activityId} (${title})` });
		} else if (isQuotaRefusal(taken.message)) {
			outcomes.push({ issueStatus: 'alreadyIssued', issueMessage: `the customer already has the coupon of activity ${activityId} (${title}): ${taken.message}` });
		} else {
			outcomes.push({ issueStatus: 'failed', platformCode: taken.code, issueMessage: taken.message });
		}
	}
	return outcomes;
}

export const youzanConnector: ShopConnector = {
	platform: 'youzan',
	displayName: DISPLAY_NAME,
	credentialType: 'youzanShopApi',
	// No published QPS for the order APIs; item.quantity.update is 30 QPS per shop (ERR §5.3). 10/s stays well inside.
	requestsPerSecond: 10,
	readResponse: (response) => readYouzanBody(response.statusCode, response.body),
	orders: {
		maxWindowMs: MAX_WINDOW_MS,
		settleMs: SETTLE_MS,
		fetchWindow,
		toOrder: (raw, options) => toYouzanOrder(raw, options.timeZone),
	},
	stock: {
		async list(api: ShopApi, filter: StockFilter) {
			assertSingleWarehouse(filter.warehouse);
			const levels = await listLevels(api);
			if (filter.skus.length === 0) return levels;
			const wanted = new Set(filter.skus);
			return levels.filter((level) => wanted.has(level.sku));
		},
		set: setStock,
	},
	coupons: { issue: issueCoupons },
};
