/**
 * Coupons on Youzan. Youzan makes its own coupon numbers (the take result returns them), so
 * the pack's coupon code cannot be the shop's code. "One coupon per customer per campaign" is
 * kept another way:
 *
 * 1. One voucher activity (优惠券活动) per campaign period and terms (sharedCouponOf: not per
 *    run day, so a monthly campaign run daily keeps one activity a month), with a per-customer
 *    quota of 1 (每人限领 1). Its title carries a hash of that key, and the activity is looked
 *    up by title before it is created, so a re-run finds it and never makes a second.
 * 2. Each customer takes (领取) one coupon of that activity. A second take for the same
 *    customer is refused by the quota: the shop itself guarantees "once", and the connector
 *    reads the refusal as `alreadyIssued`.
 *
 * Sources and what is UNCONFIRMED:
 * - youzan.ump.voucheractivity.create 3.0.0 ("创建优惠券活动", doc
 *   https://doc.youzanyun.com/detail/content/API/0/354): its request fields are not published
 *   in any source found. The fields below are those of its predecessor youzan.ump.promocard.add
 *   3.0.0 (official Java SDK v3 model com.youzan.open.sdk.gen.v3_0_0.model.YouzanUmpPromocardAddParams):
 *   title, preferential_type (1 优惠 / 2 折扣), value (元), discount (88 = 8.8折), is_at_least +
 *   at_least (元), quota (每人限领, 0 = no limit), total (总库存), date_type 1 + start_at/end_at
 *   (yyyy-MM-dd HH:mm:ss), range_type ALL, description. UNCONFIRMED for voucheractivity.create.
 * - youzan.ump.coupon.search 3.0.0 (Java SDK v3 YouzanUmpCouponSearchParams: group_type
 *   PROMOCARD, status, page_no, page_size) lists the activities. The docs list says "2024年4月，
 *   接口下线" (cesing/youzanyun-doc): if Youzan answers that the API is unknown, issuing stops
 *   (fails closed) rather than risk a second activity, and so a second coupon per customer.
 * - youzan.ump.coupon.take 3.0.0 (Java SDK v3 YouzanUmpCouponTakeParams: coupon_group_id and
 *   one of mobile / weixin_openid / fans_id / open_user_id). It is not in the current API
 *   catalogue (cesing/youzanyun-doc llms.txt): possibly offline, UNCONFIRMED. The buyer is sent
 *   as yz_open_id, the id the orders carry; the gateway resolves yz_open_id on every API (its
 *   error 4009 "yz_open_id not found", ERR §2) — UNCONFIRMED for this API.
 * - The error of a second take (quota reached): code and text UNCONFIRMED; recognised by the
 *   words Youzan uses for a claim limit (限领 / 领取上限 / 已领取 …).
 */
import { createHash } from 'node:crypto';

import { discountOf, sharedCouponOf, type CouponTerms } from '../../couponRequest';
import { formatWallClock, YOUZAN_TIME_ZONE } from './wallClock';

export const VOUCHER_ACTIVITY_CREATE = { api: 'youzan.ump.voucheractivity.create', version: '3.0.0' } as const;
export const COUPON_SEARCH = { api: 'youzan.ump.coupon.search', version: '3.0.0' } as const;
export const COUPON_TAKE = { api: 'youzan.ump.coupon.take', version: '3.0.0' } as const;

export const SEARCH_PAGE_SIZE = 50;
/** Coupons an activity can give in all; Coupon Tier's budget decides who gets one. Youzan's maximum: UNCONFIRMED. */
export const ACTIVITY_STOCK = 100_000;

/** The activity's title: short (Youzan titles are short), and the same for the same campaign and terms. */
export function activityTitle(terms: CouponTerms): string {
	return `CO-${activityKey(terms)}`;
}

/** A hash of the shared coupon's key (campaign, period, value, minimum, currency, days valid). */
export function activityKey(terms: CouponTerms): string {
	return createHash('sha256').update(sharedCouponOf(terms).key).digest('hex').slice(0, 12);
}

/**
 * The body of voucheractivity.create for these terms, or why Youzan's fields cannot say them: a percentage cap (no cap field is known), a percentage that is
 * not whole (discount is an integer: 88 = 8.8折), a currency other than CNY.
 */
export function voucherActivityParams(terms: CouponTerms, timeZone = YOUZAN_TIME_ZONE): { params: Record<string, unknown> } | { unsupported: string } {
	if (terms.currency !== 'CNY') return { unsupported: `Youzan coupons are in CNY; this coupon is in ${terms.currency}` };
	const discount = discountOf(terms);
	const shared = sharedCouponOf(terms);
	const validity = {
		date_type: 1,
		start_at: formatWallClock(Date.parse(shared.validFrom), timeZone),
		end_at: formatWallClock(Date.parse(shared.validUntil), timeZone),
	};
	const minimum = discount.minimumSpend > 0 ? { is_at_least: 1, at_least: discount.minimumSpend } : { is_at_least: 0 };
	const common = {
		title: activityTitle(terms),
		description: terms.description || `Campaign ${terms.campaignId}`,
		quota: 1,
		total: ACTIVITY_STOCK,
		range_type: 'ALL',
		is_share: 0,
		...minimum,
		...validity,
	};
	if (discount.type === 'amountOff') {
		if (!(discount.amount > 0)) return { unsupported: 'the coupon is worth 0' };
		return { params: { ...common, preferential_type: 1, value: discount.amount } };
	}
	if (discount.cap !== null) {
		return {
			unsupported: `a percentage coupon with a cap (${discount.cap}) cannot be created on Youzan by this node: the API has no cap field. Use a fixed amount or no cap`,
		};
	}
	const pay = 100 - discount.percent;
	if (!Number.isInteger(pay) || pay < 1 || pay > 99) {
		return { unsupported: `Youzan takes whole percentages from 1 to 99 off; this coupon is ${discount.percent}% off` };
	}
	return { params: { ...common, preferential_type: 2, discount: pay } };
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** The activity id in a create answer or a search row (group_id in the v3 models; other names accepted). */
export function activityIdOf(value: unknown): string | undefined {
	const row = obj(value);
	for (const key of ['group_id', 'coupon_group_id', 'activity_id', 'id']) {
		const id = row[key];
		if (id !== undefined && id !== null && String(id) !== '') return String(id);
	}
	for (const nested of ['promocard', 'activity', 'coupon_group']) {
		if (row[nested]) return activityIdOf(row[nested]);
	}
	return undefined;
}

/** The activities on one page of a coupon.search answer, as { title, id }. */
export function searchRowsOf(data: unknown): Array<{ title: string; id: string }> {
	const answer = obj(data);
	const rows = Array.isArray(data) ? data : (answer.coupons ?? answer.items ?? answer.list ?? []);
	return (Array.isArray(rows) ? rows : []).flatMap((row) => {
		const id = activityIdOf(row);
		return id === undefined ? [] : [{ title: String(obj(row).title ?? ''), id }];
	});
}

/** The coupon's id in a take answer: promocard/promocode (v3 YouzanUmpCouponTakeResult) or flat. */
export function takenCouponIdOf(data: unknown): string | undefined {
	const answer = obj(data);
	const coupon = obj(answer.promocard ?? answer.promocode ?? answer);
	for (const key of ['promocard_id', 'promocode_id', 'coupon_id', 'voucher_id', 'id', 'verify_code', 'code']) {
		const id = coupon[key];
		if (id !== undefined && id !== null && String(id) !== '') return String(id);
	}
	return undefined;
}

/** A refusal because the customer already has the activity's one coupon (wording UNCONFIRMED). */
export function isQuotaRefusal(message: string): boolean {
	return /限领|领取上限|领取次数|已领取|已经领取|已领过|超出.*(限制|上限)|quota|limit reached/i.test(message);
}

/** Customers without a Youzan buyer id cannot receive a coupon (guest orders get `guest:<tid>`). */
export function isGuestCustomer(customerId: string): boolean {
	return customerId.startsWith('guest:');
}
