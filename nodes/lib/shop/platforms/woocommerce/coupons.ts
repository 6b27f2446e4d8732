/**
 * Coupon Tier's coupons as WooCommerce coupons (REST API v3 `/wp-json/wc/v3/coupons`).
 * Fields: WooCommerce REST API docs "Coupon properties"
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#coupon-properties) and the v2
 * controller schema (woocommerce/woocommerce `includes/rest-api/Controllers/Version2/class-wc-rest-coupons-v2-controller.php`):
 *
 * | Coupon Tier | WooCommerce |
 * |---|---|
 * | code | code (WooCommerce stores it lower-cased — UNCONFIRMED in core code; compared case-insensitively) |
 * | fixedAmount amount (+ birthday bonus) | discount_type fixed_cart, amount |
 * | spendThreshold reduction (+ bonus), threshold | discount_type fixed_cart, amount, minimum_amount |
 * | percentage percent, no cap | discount_type percent, amount |
 * | percentage with a cap | refused: WooCommerce core has no cap on a percent coupon (maximum_amount is the largest cart it applies to, not a cap) |
 * | minimumSpend | minimum_amount |
 * | validUntil | date_expires_gmt (UTC, exact to the second) |
 * | validFrom | — (core coupons have no start date) |
 * | the customer's email | email_restrictions [email] |
 * | one use | usage_limit 1, usage_limit_per_user 1 |
 *
 * Batch: `POST /coupons/batch {create: […]}`, at most 100 items (a larger batch is refused
 * whole with 413 woocommerce_rest_request_entity_too_large: WC `Version3/class-wc-rest-controller.php`
 * check_batch_limit). Each item answers in input order: the coupon, or `{id: 0, error: {code,
 * message}}`; a code that exists is `woocommerce_rest_coupon_code_already_exists` (WC v2
 * coupons controller prepare_object_for_database).
 */
import { discountOf, type CouponToIssue } from '../../couponRequest';
import { normaliseEmail } from './orders';

export const COUPONS_PATH = '/wp-json/wc/v3/coupons';
export const COUPONS_BATCH_PATH = '/wp-json/wc/v3/coupons/batch';
/** WooCommerce's default batch limit (filter woocommerce_rest_batch_items_limit). */
export const BATCH_LIMIT = 100;
export const CODE_EXISTS = 'woocommerce_rest_coupon_code_already_exists';

/** Codes are compared as WooCommerce stores them: trimmed, lower-cased. */
export function couponCodeKey(code: string): string {
	return code.trim().toLowerCase();
}

/**
 * The email a coupon is restricted to, from the customer id the item carries: an email
 * (`jane@example.com`, or a guest's `guest:jane@example.com` as the order mapping writes it).
 * A registered customer's numeric id has to be looked up (customerEmailLookupId).
 */
export function emailInCustomerId(customerId: string): string | undefined {
	const text = customerId.trim().replace(/^guest:/, '');
	return /^[^\s@]+@[^\s@]+$/.test(text) ? normaliseEmail(text) : undefined;
}

/** A registered WooCommerce customer's id (digits), whose email is read from /customers. */
export function customerEmailLookupId(customerId: string): number | undefined {
	const text = customerId.trim();
	return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

export type CouponPlan =
	| { ok: true; body: Record<string, unknown>; notes: string[] }
	| { ok: false; code: string; message: string };

const money = (amount: number) => amount.toFixed(2);

/** The coupon-create body for one Coupon Tier coupon, or why WooCommerce cannot hold it faithfully. */
export function couponBody(item: CouponToIssue, email: string | undefined, storeCurrency: string | undefined, now: number): CouponPlan {
	const terms = item.coupon;
	if (storeCurrency && terms.currency !== storeCurrency.toUpperCase()) {
		return {
			ok: false,
			code: 'currency',
			message: `The coupon is in ${terms.currency} but the store sells in ${storeCurrency.toUpperCase()}; WooCommerce coupons are in the store currency. Set Coupon Tier's currency to ${storeCurrency.toUpperCase()}.`,
		};
	}
	const discount = discountOf(terms);
	const notes: string[] = [];
	const body: Record<string, unknown> = {
		code: terms.code.trim(),
		description: [terms.description, `campaign ${terms.campaignId}`].filter(Boolean).join(' · '),
		usage_limit: 1,
		usage_limit_per_user: 1,
		date_expires_gmt: new Date(Date.parse(terms.validUntil)).toISOString().slice(0, 19),
		meta_data: [
			{ key: 'commerce_ops_campaign', value: terms.campaignId },
			{ key: 'commerce_ops_customer', value: item.customerId },
		],
	};
	if (discount.type === 'amountOff') {
		if (!(discount.amount > 0)) return { ok: false, code: 'amount', message: 'The coupon has no amount off' };
		body.discount_type = 'fixed_cart';
		body.amount = money(discount.amount);
	} else {
		if (discount.cap !== null) {
			return {
				ok: false,
				code: 'percent-cap',
				message: `WooCommerce has no cap for percentage coupons: ${discount.percent}% off capped at ${money(discount.cap)} ${terms.currency} would be issued uncapped, bigger than Coupon Tier budgeted. Use a fixed-amount or spend-threshold coupon for this tier, or a percentage without a cap.`,
			};
		}
		if (!(discount.percent > 0 && discount.percent <= 100)) return { ok: false, code: 'percent', message: `${discount.percent}% is not a percentage between 0 and 100` };
		body.discount_type = 'percent';
		body.amount = String(discount.percent);
		if (terms.birthdayBonus) notes.push('the birthday bonus is not added: a percentage coupon without a cap has no amount to add it to');
	}
	if (discount.minimumSpend > 0) body.minimum_amount = money(discount.minimumSpend);
	if (email) body.email_restrictions = [email];
	else notes.push('not restricted to an email (the customer id carries none): anyone with the code can use it once');
	if (Date.parse(terms.validFrom) > now) notes.push(`usable at once: WooCommerce coupons have no start date (validFrom ${terms.validFrom})`);
	return { ok: true, body, notes };
}

/** Splits a list into runs of at most `size`. */
export function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/**
 * The prefix all these codes share (lower-cased), for looking existing coupons up with one
 * `GET /coupons?search=` listing instead of one `?code=` request per code: Coupon Tier's codes
 * start with the campaign's prefix. The search matches the code text anywhere (WordPress
 * search, LIKE %term% on the coupon's title — its code; UNCONFIRMED for codes with spaces or
 * quotes, so such prefixes are not used). Empty when the codes share fewer than
 * `minLength` characters.
 */
export function sharedPrefix(codes: string[], minLength = 3): string {
	if (codes.length === 0) return '';
	let prefix = couponCodeKey(codes[0]);
	for (const code of codes.slice(1)) {
		const key = couponCodeKey(code);
		let i = 0;
		while (i < prefix.length && i < key.length && prefix[i] === key[i]) i++;
		prefix = prefix.slice(0, i);
	}
	return prefix.length >= minLength && /^[a-z0-9_-]+$/.test(prefix) && !prefix.startsWith('-') ? prefix : '';
}
