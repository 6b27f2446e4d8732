/**
 * Taobao / Tmall (淘宝/天猫, TOP open platform) on the shared shop connector core. The payload
 * mappings, parameter builders and platform facts (with their sources) are in
 * nodes/lib/shop/platforms/taobao; this file makes the calls.
 *
 * Two things TOP lacks, and how this connector stays exactly-once without them:
 * - no idempotency key on stock writes or coupon sends: a write whose answer was lost (5xx,
 *   dropped connection) is not sent again blindly; the shop is read first (the stock, or the
 *   buyer's coupons) and the write is sent again only if it did not land
 *   (writeAtMostOnce, nodes/shared/shop/writes.ts);
 * - no coupon per code: Coupon Tier's code is not Taobao's, so the shop coupon for the terms is
 *   looked up before one is created, and each buyer's coupons are looked up before sending.
 * Unconfirmed, chosen defensively (docs/nodes/TaobaoShop.md "Unconfirmed"): the request rate
 * (5/s here), the indexing delay (3 minutes), that coupondetail.get is still offered.
 */
import {
	precheckStockWrite,
	readPagesBackwards,
	ShopPlatformError,
	STOCK_OF_SKU_IS,
	type CouponToIssue,
	type IssueOutcome,
	type SetStockOutcome,
	type SetStockRequest,
	type StockLevel,
	type TimeWindow,
} from '../lib/shop';
import {
	buyerNickOf,
	COUPON_ADD,
	COUPON_DETAIL_GET,
	COUPON_SEND,
	couponAddParams,
	couponIdOfAdd,
	couponRowsCount,
	COUPONS_GET,
	COUPONS_PAGE_SIZE,
	findShopCoupon,
	heldCouponNumbers,
	ITEM_DETAIL_FIELDS,
	ITEM_QUANTITY_UPDATE,
	ITEM_SELLER_GET,
	ITEMS_CUSTOM_GET,
	ITEMS_INVENTORY_GET,
	ITEMS_ONSALE_GET,
	ITEMS_PAGE_SIZE,
	itemsPageOf,
	levelOfSku,
	levelsOfItemDetail,
	MAX_AGE_DAYS,
	MAX_WINDOW_MS,
	quantityUpdateParams,
	readTopBody,
	SEND_BATCH,
	sendResultsOf,
	SETTLE_MS,
	shopCouponKey,
	shopCouponTermsOf,
	SINGLE_WAREHOUSE,
	SKU_FIELDS,
	SKUS_CUSTOM_GET,
	skusOf,
	soldIncrementParams,
	taobaoTradeToModel,
	TRADES_PAGE_SIZE,
	TRADES_SOLD_INCREMENT_GET,
	tradesPageOf,
	type ShopCouponTerms,
	type TaobaoPlatform,
} from '../lib/shop/platforms/taobao';
import type { ShopApi, ShopConnector, ShopRequest, StockFilter } from '../shared/shop/connector';
import { writeAtMostOnce } from '../shared/shop/writes';

export const TAOBAO_DISPLAY_NAME = 'Taobao / Tmall Shop (淘宝/天猫)';

const call = (method: string, params: Record<string, unknown>, extra: Partial<ShopRequest> = {}): ShopRequest => ({
	method: 'POST',
	path: method,
	body: params as ShopRequest['body'],
	...extra,
});

const fail = (code: string, message: string, hint?: string) => new ShopPlatformError(TAOBAO_DISPLAY_NAME, code, message, hint);

/** One update-time window, every page, last page first (readPagesBackwards; page_no from 1). */
async function fetchWindow(api: ShopApi, window: TimeWindow): Promise<unknown[]> {
	return await readPagesBackwards(async (pageIndex) => {
		const { trades, total } = tradesPageOf(await api.call(call(TRADES_SOLD_INCREMENT_GET, soldIncrementParams(window, pageIndex + 1, TRADES_PAGE_SIZE))));
		return { items: trades, total };
	}, TRADES_PAGE_SIZE);
}

function assertSingleWarehouse(warehouse: string): void {
	if (warehouse !== '' && warehouse !== SINGLE_WAREHOUSE) {
		throw fail('warehouse', `a Taobao / Tmall item keeps one stock per SKU here; warehouse "${warehouse}" is not read (use "${SINGLE_WAREHOUSE}" or leave it empty)`);
	}
}

/** An answer that says "no such SKU / item" reads as none; any other refusal stops. */
const isNotFound = (code: string) => /not[-_]?exist|not[-_]?found/i.test(code);

/** The stock levels with this merchant code: its SKUs (skus.custom.get), else items without SKUs (items.custom.get). */
async function levelsByCode(api: ShopApi, code: string): Promise<StockLevel[]> {
	const skus = await api.attempt(call(SKUS_CUSTOM_GET, { outer_id: code, fields: SKU_FIELDS }));
	if (skus.kind === 'error' && !isNotFound(skus.code)) throw fail(skus.code, skus.message, skus.hint);
	const fromSkus = skus.kind === 'ok' ? skusOf(skus.data).map(levelOfSku).filter((l): l is StockLevel => l !== undefined && l.sku === code) : [];
	if (fromSkus.length > 0) return fromSkus;
	const items = await api.attempt(call(ITEMS_CUSTOM_GET, { outer_id: code, fields: ITEM_DETAIL_FIELDS }));
	if (items.kind === 'error' && !isNotFound(items.code)) throw fail(items.code, items.message, items.hint);
	if (items.kind !== 'ok') return [];
	return itemsPageOf(items.data).items.flatMap((item) => levelsOfItemDetail({ item })).filter((level) => level.sku === code);
}

/** Every SKU of the shop: items on sale and in the warehouse list (仓库中), then each item's SKUs. */
async function listAll(api: ShopApi): Promise<StockLevel[]> {
	const numIids: string[] = [];
	const seen = new Set<string>();
	for (const list of [ITEMS_ONSALE_GET, ITEMS_INVENTORY_GET]) {
		for (let pageNo = 1; ; pageNo++) {
			const { items, total } = itemsPageOf(await api.call(call(list, { fields: 'num_iid,outer_id,num', page_no: pageNo, page_size: ITEMS_PAGE_SIZE })));
			for (const item of items) {
				const id = String(item.num_iid ?? '');
				if (id && !seen.has(id)) {
					numIids.push(id);
					seen.add(id);
				}
			}
			if (items.length < ITEMS_PAGE_SIZE || pageNo * ITEMS_PAGE_SIZE >= total) break;
		}
	}
	const levels: StockLevel[] = [];
	for (const numIid of numIids) levels.push(...levelsOfItemDetail(await api.call(call(ITEM_SELLER_GET, { num_iid: numIid, fields: ITEM_DETAIL_FIELDS }))));
	return levels;
}

async function listStock(api: ShopApi, { skus, warehouse }: StockFilter): Promise<StockLevel[]> {
	assertSingleWarehouse(warehouse);
	if (skus.length === 0) return await listAll(api);
	const levels: StockLevel[] = [];
	for (const code of skus) levels.push(...(await levelsByCode(api, code)));
	return levels;
}

async function currentLevel(api: ShopApi, sku: string): Promise<StockLevel> {
	const found = await levelsByCode(api, sku);
	if (found.length === 0) throw fail('sku-not-found', `no SKU or item with the merchant code (商家编码) ${sku}`);
	if (found.length > 1) {
		throw fail(
			'ambiguous-sku',
			`${found.length} SKUs have the merchant code ${sku} (items ${[...new Set(found.map((l) => l.platformRef.numIid))].join(', ')}); nothing was written`,
			'Give each SKU its own merchant code (商家编码) in the Taobao seller center.',
		);
	}
	return found[0];
}

/**
 * Absolute write (type 1). TOP has no idempotency id, so the stock is read first: equal →
 * `unchanged` (nothing written); "Only If Stock Is Still" is checked on that read. A sale
 * between the read and the write (one request apart) is overwritten.
 */
async function setStock(api: ShopApi, request: SetStockRequest): Promise<SetStockOutcome> {
	assertSingleWarehouse(request.warehouse);
	const current = await currentLevel(api, request.sku);
	const skipped = precheckStockWrite(TAOBAO_DISPLAY_NAME, request, current.onHand, STOCK_OF_SKU_IS);
	if (skipped) return skipped;
	const verdict = await writeAtMostOnce(api, call(ITEM_QUANTITY_UPDATE, quantityUpdateParams(current, request.quantity)), async () => {
		const after = (await levelsByCode(api, request.sku)).find((l) => l.platformRef.skuId === current.platformRef.skuId && l.platformRef.numIid === current.platformRef.numIid);
		if (after?.onHand === request.quantity) return true;
		// Moved to a third value (a sale in between): writing again would overwrite it.
		if (after?.onHand !== current.onHand) {
			throw fail(
				'unknown-outcome',
				`the answer to the stock write of ${request.sku} was lost, and the stock is now ${after?.onHand ?? 'unknown'} (neither ${current.onHand} before nor ${request.quantity}); it was not written again`,
				'Read the stock again (Get Many) and decide.',
			);
		}
		return false;
	});
	if (verdict.kind === 'error') throw fail(verdict.code, verdict.message, verdict.hint);
	return { stockStatus: 'applied', previousQuantity: current.onHand, quantity: request.quantity };
}

/** Fail closed: without a lookup a re-run could create or send a second coupon. */
function lookupFailed(code: string, message: string, api: string): ShopPlatformError {
	return fail(
		code,
		`${message} (looking up with ${api}); no coupon was sent, because without the lookup a re-run could send a second coupon`,
		'Check that the app has the promotion API pack (营销/店铺优惠券) and that this API is still offered to it.',
	);
}

/** The shop coupon with these terms (coupons.get, every page), if it exists. */
async function findCoupon(api: ShopApi, terms: ShopCouponTerms): Promise<string | undefined> {
	for (let pageNo = 1; ; pageNo++) {
		const page = await api.attempt(call(COUPONS_GET, { denominations: terms.denominations, page_no: pageNo, page_size: COUPONS_PAGE_SIZE }));
		if (page.kind === 'error') throw lookupFailed(page.code, page.message, COUPONS_GET);
		const id = findShopCoupon(page.data, terms);
		if (id !== undefined) return id;
		const { rows, total } = couponRowsCount(page.data);
		if (rows < COUPONS_PAGE_SIZE || pageNo * COUPONS_PAGE_SIZE >= total) return undefined;
	}
}

async function holds(api: ShopApi, couponId: string, nick: string): Promise<string[]> {
	const answer = await api.attempt(call(COUPON_DETAIL_GET, { coupon_id: couponId, buyer_nick: nick, page_no: 1, page_size: COUPONS_PAGE_SIZE }));
	if (answer.kind === 'error') throw lookupFailed(answer.code, answer.message, COUPON_DETAIL_GET);
	return heldCouponNumbers(answer.data, nick);
}

interface Pending {
	index: number;
	nick: string;
}

/**
 * One shop coupon per set of terms (found before it is created), then per buyer: look up
 * whether the buyer already holds it, or another of this run's shop coupons of the same
 * campaign period (a customer whose tier changed within the period: one coupon per customer
 * per period, as the codes give on the code-based shops), and if so `alreadyIssued`; send it to
 * the others in batches of 100. A send whose answer was lost is checked buyer by buyer and
 * resent only to those without it.
 */
async function issueCoupons(api: ShopApi, coupons: CouponToIssue[]): Promise<IssueOutcome[]> {
	const outcomes: IssueOutcome[] = new Array(coupons.length);
	const groups = new Map<string, { terms: ShopCouponTerms; campaignPeriod: string; members: Pending[]; couponId?: string }>();
	coupons.forEach((coupon, index) => {
		const buyer = buyerNickOf(coupon.platformCustomerId ?? coupon.customerId);
		if ('unusable' in buyer) {
			outcomes[index] = { issueStatus: 'failed', platformCode: 'no-buyer', issueMessage: buyer.unusable };
			return;
		}
		const plan = shopCouponTermsOf(coupon.coupon);
		if ('unsupported' in plan) {
			outcomes[index] = { issueStatus: 'failed', platformCode: 'unsupported', issueMessage: plan.unsupported };
			return;
		}
		const key = shopCouponKey(plan.terms);
		const campaignPeriod = JSON.stringify([coupon.coupon.campaignId, coupon.coupon.period ?? null]);
		const group = groups.get(key) ?? { terms: plan.terms, campaignPeriod, members: [] };
		group.members.push({ index, nick: buyer.nick });
		groups.set(key, group);
	});

	// The run's shop coupons that exist already, so that each buyer can be checked against all
	// of them; a missing one is created only when a buyer is to be sent it.
	for (const group of groups.values()) group.couponId = await findCoupon(api, group.terms);
	const heldOfPeriod = async (nick: string, campaignPeriod: string, except: string | undefined) => {
		for (const other of groups.values()) {
			if (other.couponId === undefined || other.couponId === except || other.campaignPeriod !== campaignPeriod) continue;
			const number = (await holds(api, other.couponId, nick))[0];
			if (number !== undefined) return { couponId: other.couponId, number };
		}
		return undefined;
	};

	for (const group of groups.values()) {
		const { terms, campaignPeriod, members } = group;
		const toSend: Pending[] = [];
		for (const member of members) {
			if (members.findIndex((m) => m.nick === member.nick) !== members.indexOf(member)) {
				outcomes[member.index] = { issueStatus: 'alreadyIssued', issueMessage: `buyer ${member.nick} is in this run twice: one shop coupon only` };
				continue;
			}
			const own = group.couponId === undefined ? [] : await holds(api, group.couponId, member.nick);
			if (own.length > 0) {
				outcomes[member.index] = { issueStatus: 'alreadyIssued', platformCouponId: own[0], issueMessage: `buyer ${member.nick} already holds shop coupon ${group.couponId}` };
				continue;
			}
			const other = await heldOfPeriod(member.nick, campaignPeriod, group.couponId);
			if (other) {
				outcomes[member.index] = {
					issueStatus: 'alreadyIssued',
					platformCouponId: other.number,
					issueMessage: `buyer ${member.nick} already holds shop coupon ${other.couponId} of this campaign period (another tier's); no second coupon`,
				};
			} else toSend.push(member);
		}
		if (toSend.length === 0) continue;
		let couponId = group.couponId;
		if (couponId === undefined) {
			const created = await writeAtMostOnce(api, call(COUPON_ADD, couponAddParams(terms)), async () => (couponId = await findCoupon(api, terms)) !== undefined);
			if (created.kind === 'error') {
				for (const { index } of toSend) {
					outcomes[index] = { issueStatus: 'failed', platformCode: created.code, issueMessage: `the shop coupon (${terms.denominations} yuan off ${terms.condition}) was not created: ${created.message}` };
				}
				continue;
			}
			if (created.kind === 'ok') couponId = couponIdOfAdd(created.data) ?? (await findCoupon(api, terms));
			if (couponId === undefined) throw fail('no-coupon-id', 'Taobao created the shop coupon but returned no coupon_id; run again to find it');
			group.couponId = couponId;
			// Nobody holds a new coupon; one lookup still runs, so that a shop without it stops here
			// (fails closed) rather than on a later run or after a lost answer, which it needs.
			await holds(api, couponId, toSend[0].nick);
		}
		for (let start = 0; start < toSend.length; start += SEND_BATCH) await sendBatch(api, couponId, toSend.slice(start, start + SEND_BATCH), outcomes);
	}
	return outcomes;
}

/**
 * coupon.send to up to 100 buyers. After a lost answer (the transport does not resend it) the
 * buyers are checked one by one: those who now hold the coupon got it from this send; it is
 * sent again only to the others, once.
 */
async function sendBatch(api: ShopApi, couponId: string, batch: Pending[], outcomes: IssueOutcome[]): Promise<void> {
	let remaining = batch;
	const verdict = await writeAtMostOnce(
		api,
		() => call(COUPON_SEND, { coupon_id: couponId, buyer_nick: remaining.map((m) => m.nick).join(',') }),
		async () => {
			const without: Pending[] = [];
			for (const member of remaining) {
				const held = await holds(api, couponId, member.nick);
				if (held.length > 0) outcomes[member.index] = { issueStatus: 'issued', platformCouponId: held[0], issueMessage: `shop coupon ${couponId} (checked after a lost answer)` };
				else without.push(member);
			}
			remaining = without;
			return remaining.length === 0;
		},
	);
	if (verdict.kind === 'landed') return;
	if (verdict.kind === 'error') {
		for (const { index } of remaining) outcomes[index] = { issueStatus: 'failed', platformCode: verdict.code, issueMessage: verdict.message };
		return;
	}
	// "发送成功则返回为空": buyers not listed as failed were sent the coupon.
	const { sent: numbers, failed } = sendResultsOf(verdict.data);
	for (const member of remaining) {
		const reason = failed.get(member.nick);
		const number = numbers.get(member.nick);
		outcomes[member.index] = reason
			? { issueStatus: 'failed', platformCode: 'send-refused', issueMessage: `Taobao did not send coupon ${couponId} to ${member.nick}: ${reason}` }
			: { issueStatus: 'issued', ...(number ? { platformCouponId: number } : {}), issueMessage: `shop coupon ${couponId}` };
	}
}

export function createTaobaoConnector(platform: TaobaoPlatform): ShopConnector {
	return {
		platform,
		displayName: TAOBAO_DISPLAY_NAME,
		credentialType: 'taobaoShopApi',
		// TOP grants each app its own quota (code 7 when exceeded) and publishes no default: 5/s is defensive.
		requestsPerSecond: 5,
		readResponse: (response) => readTopBody(response.statusCode, response.body),
		orders: {
			maxWindowMs: MAX_WINDOW_MS,
			maxAgeDays: MAX_AGE_DAYS,
			// The feed refuses older windows: a Time Range is cut to them too (connector.ts maxAgeEnforced).
			maxAgeEnforced: true,
			settleMs: SETTLE_MS,
			fetchWindow,
			toOrder: (raw, { timeZone }) => taobaoTradeToModel(raw as Record<string, unknown>, timeZone, platform),
		},
		stock: { list: listStock, set: setStock },
		coupons: { issue: issueCoupons },
	};
}

export const taobaoConnector = createTaobaoConnector('taobao');
export const tmallConnector = createTaobaoConnector('tmall');
