/**
 * Taobao shop coupons (店铺优惠券) for Coupon Tier's coupons. TOP's shop-coupon APIs, from the
 * generated models in bububa/opentaobao `model/promotion/` and the TOP PHP SDK copy in
 * bizonix/mallerp_standard `application/libraries/taobao/top/request/`:
 * - taobao.promotion.coupon.add (TaobaoPromotionCouponAddAPIRequest.go): denominations "必须是
 *   3，5，10，20，50，100" (yuan), condition (满多少元, whole yuan), start_time, end_time →
 *   coupon_id; "有效期内的店铺优惠券总数量不超过50张" (at most 50 valid shop coupons);
 * - taobao.promotion.coupons.get (TaobaoPromotionCouponsGetAPIRequest.go, Coupon.go): the shop's
 *   coupons, filter by denominations / end_time / coupon_id, page_no, page_size; rows carry
 *   denominations and condition **in fen** ("返回的是“分”，不是“元”");
 * - taobao.promotion.coupon.send (TaobaoPromotionCouponSendAPIRequest.go / …Response.go):
 *   coupon_id + buyer_nick (comma-separated, "每次只能发送100张，只能发给当前授权卖家店铺的会员")
 *   → coupon_results[{buyer_nick, coupon_number}] and failure_buyers[{buyer_nick, reason}];
 *   is_success is true even when every buyer failed;
 * - taobao.promotion.coupondetail.get (PromotionCoupondetailGetRequest.php, a 2011 SDK; not in
 *   the current generated SDKs — Unconfirmed that it is still offered): coupon_id, buyer_nick,
 *   state, page_no, page_size → the coupons a buyer holds.
 *
 * A coupon is sent to a buyer nick (会员昵称). Coupon Tier's code is not Taobao's: Taobao numbers
 * its coupons itself, so "exactly once" is per Taobao coupon and buyer (see the connector).
 */
import { discountOf, sharedCouponOf, type CouponTerms } from '../../couponRequest';
import { listOf } from './envelope';
import { parseTopTime, topTime } from './signing';

export const COUPON_ADD = 'taobao.promotion.coupon.add';
export const COUPONS_GET = 'taobao.promotion.coupons.get';
export const COUPON_SEND = 'taobao.promotion.coupon.send';
export const COUPON_DETAIL_GET = 'taobao.promotion.coupondetail.get';

export const ALLOWED_DENOMINATIONS = [3, 5, 10, 20, 50, 100] as const;
/** Buyers per coupon.send call. */
export const SEND_BATCH = 100;
export const COUPONS_PAGE_SIZE = 20;

/** A Taobao shop coupon's terms: whole yuan, GMT+8 times. */
export interface ShopCouponTerms {
	denominations: number;
	condition: number;
	startTime: string;
	endTime: string;
}

/**
 * Coupon Tier's terms as a Taobao shop coupon, or why Taobao cannot say them faithfully:
 * a percentage, an amount other than the fixed denominations, a minimum spend that is not
 * whole yuan, another currency. Never rounded: a coupon is never issued bigger (or easier)
 * than Coupon Tier budgeted.
 */
export function shopCouponTermsOf(terms: CouponTerms): { terms: ShopCouponTerms } | { unsupported: string } {
	const allowed = ALLOWED_DENOMINATIONS.join(', ');
	if (terms.currency !== 'CNY') return { unsupported: `Taobao shop coupons are in CNY; this coupon is in ${terms.currency}` };
	const discount = discountOf(terms);
	if (discount.type === 'percentOff') {
		return { unsupported: `Taobao shop coupons (店铺优惠券) are fixed amounts of ${allowed} yuan; a percentage coupon (${discount.percent}% off) cannot be created` };
	}
	if (!(ALLOWED_DENOMINATIONS as readonly number[]).includes(discount.amount)) {
		return { unsupported: `Taobao shop coupons (店铺优惠券) can only be worth ${allowed} yuan; this coupon is worth ${discount.amount} yuan` };
	}
	if (!Number.isInteger(discount.minimumSpend)) {
		return { unsupported: `Taobao takes the minimum spend (condition) in whole yuan; this coupon needs ${discount.minimumSpend} yuan` };
	}
	// One shop coupon per campaign period, not per run day (sharedCouponOf): its end is the same
	// on every run of the period, and findShopCoupon finds it again by it.
	const shared = sharedCouponOf(terms);
	const from = Date.parse(shared.validFrom);
	const until = Date.parse(shared.validUntil);
	return { terms: { denominations: discount.amount, condition: discount.minimumSpend, startTime: topTime(from), endTime: topTime(until) } };
}

export function couponAddParams(terms: ShopCouponTerms): Record<string, string | number> {
	return { denominations: terms.denominations, condition: terms.condition, start_time: terms.startTime, end_time: terms.endTime };
}

/** A stable key of the shop coupon (what coupons.get can compare). */
export function shopCouponKey(terms: ShopCouponTerms): string {
	return `${terms.denominations}|${terms.condition}|${terms.endTime}`;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** Same instant, or the same day when the platform gives the end as a date only. */
function sameEnd(platform: string, ours: string): boolean {
	const at = parseTopTime(platform);
	if (!Number.isNaN(at)) return at === parseTopTime(ours);
	return /^\d{4}-\d{2}-\d{2}$/.test(platform) && platform === ours.slice(0, 10);
}

/** The shop coupon in a coupons.get page with these terms (denominations and condition in fen). */
export function findShopCoupon(data: unknown, terms: ShopCouponTerms): string | undefined {
	for (const row of listOf(obj(data).coupons, 'coupon')) {
		if (
			Number(row.denominations) === terms.denominations * 100 &&
			Number(row.condition) === terms.condition * 100 &&
			sameEnd(text(row.end_time), terms.endTime) &&
			text(row.coupon_id) !== ''
		) {
			return text(row.coupon_id);
		}
	}
	return undefined;
}

export function couponRowsCount(data: unknown): { rows: number; total: number } {
	const rows = listOf(obj(data).coupons, 'coupon').length;
	return { rows, total: Number(obj(data).total_results ?? rows) || 0 };
}

export function couponIdOfAdd(data: unknown): string | undefined {
	const id = text(obj(data).coupon_id);
	return id === '' ? undefined : id;
}

/** What coupon.send said per buyer: the coupon numbers sent and the buyers refused with reasons. */
export function sendResultsOf(data: unknown): { sent: Map<string, string>; failed: Map<string, string> } {
	const answer = obj(data);
	const sent = new Map<string, string>();
	const failed = new Map<string, string>();
	for (const row of listOf(answer.coupon_results, 'coupon_result')) sent.set(text(row.buyer_nick), text(row.coupon_number));
	for (const row of listOf(answer.failure_buyers, 'error_message')) failed.set(text(row.buyer_nick), text(row.reason) || 'refused');
	return { sent, failed };
}

/** The coupon numbers a coupondetail.get answer lists for the buyer. */
export function heldCouponNumbers(data: unknown, buyerNick: string): string[] {
	return listOf(obj(data).coupon_details, 'coupon_detail')
		.filter((row) => text(row.buyer_nick) === '' || text(row.buyer_nick) === buyerNick)
		.map((row) => text(row.coupon_number) || 'held');
}

/**
 * The buyer nick to send to: the Customer ID on Taobao as given, `nick:` stripped (the form
 * this pack's orders use when a trade has a nick and no open uid). A per-trade guest id, a
 * masked nick (`t**1`) or one with a comma (the list separator) cannot receive a coupon.
 */
export function buyerNickOf(customerId: string): { nick: string } | { unusable: string } {
	const id = customerId.trim();
	if (id.startsWith('taobao-order:')) return { unusable: `customer ${id} has no Taobao buyer (a trade without buyer id): it cannot receive a coupon` };
	const nick = id.startsWith('nick:') ? id.slice(5) : id;
	if (nick === '' || nick.includes('*')) return { unusable: `customer ${id} has no usable buyer nick (会员昵称; masked or empty): map the nick into "Customer ID on Taobao"` };
	if (nick.includes(',')) return { unusable: `buyer nick "${nick}" contains a comma, which coupon.send cannot take` };
	return { nick };
}
