/**
 * Coupon Tier's coupons as Shopify code discounts (DiscountCodeBasicInput).
 * https://shopify.dev/docs/api/admin-graphql/latest/input-objects/DiscountCodeBasicInput
 *
 * Who may use a code. Shopify restricts buyers per discount, not per code
 * (DiscountRedeemCodeInput has only `code`), so:
 * - a coupon for a Shopify customer (the customerId orders read by this pack carry, or a
 *   `gid://shopify/Customer/…`) gets its own discount limited to that customer
 *   (`context.customers.add`), usable once: the code works for nobody else, as an ops lead
 *   handing a coupon to one customer expects. One create call per coupon.
 * - a coupon for someone Shopify does not know by id (a CRM id, `guest:…`) cannot be limited
 *   to a buyer; coupons with the same terms in a campaign share one discount whose codes are
 *   added in bulk, each buyer may use it once (`appliesOncePerCustomer`). The codes are
 *   Coupon Tier's HMAC codes, so they cannot be guessed, but a code passed on can be used by
 *   someone else; the item's issueMessage says so.
 *
 * Caps. Shopify's percentage discount has no largest amount; issuing a capped percentage
 * coupon uncapped would give more than Coupon Tier budgeted, so such a coupon is refused
 * with a message (use a fixed-amount or spend-threshold tier on Shopify).
 */
import { discountOf, type CouponToIssue } from '../../couponRequest';
import { customerGidOf } from './shopUrl';

export type DiscountPlan =
	| { ok: true; input: Record<string, unknown>; customerGid?: string }
	| { ok: false; code: string; message: string };

/** A decimal as Shopify's Decimal scalar takes it: text with two places. */
const decimal = (amount: number) => amount.toFixed(2);

export function discountInputFor(coupon: CouponToIssue, shopCurrency: string): DiscountPlan {
	const terms = coupon.coupon;
	if (terms.currency !== shopCurrency) {
		return {
			ok: false,
			code: 'CURRENCY_MISMATCH',
			message: `The coupon is in ${terms.currency} but the shop sells in ${shopCurrency}; Shopify discounts are in the shop currency. Set Coupon Tier's currency to ${shopCurrency}.`,
		};
	}
	const discount = discountOf(terms);
	if (discount.type === 'percentOff' && discount.cap !== null) {
		return {
			ok: false,
			code: 'CAP_NOT_SUPPORTED',
			message: `Shopify cannot cap a percentage discount: ${discount.percent}% off with at most ${decimal(discount.cap)} ${terms.currency} would be issued without the cap, more than Coupon Tier budgeted. Use a fixed-amount or spend-threshold coupon for Shopify, or a percentage without a cap.`,
		};
	}
	if (discount.type === 'percentOff' && !(discount.percent > 0 && discount.percent < 100)) {
		return { ok: false, code: 'INVALID_PERCENT', message: `The percent off must be above 0 and below 100; got ${discount.percent}` };
	}
	if (discount.type === 'amountOff' && !(discount.amount > 0)) {
		return { ok: false, code: 'INVALID_AMOUNT', message: `The amount off must be above 0; got ${discount.amount}` };
	}
	const customerGid = customerGidOf(coupon.platformCustomerId ?? coupon.customerId);
	const value =
		discount.type === 'percentOff'
			? // "Value must be between 0.00 - 1.00": 15 % is 0.15 (DiscountCustomerGetsValueInput).
				{ percentage: Math.round(discount.percent * 100) / 10_000 }
			: { discountAmount: { amount: decimal(discount.amount), appliesOnEachItem: false } };
	const input: Record<string, unknown> = {
		title: discountTitle(coupon, customerGid),
		code: terms.code,
		startsAt: terms.validFrom,
		endsAt: terms.validUntil,
		// `context` replaces customerSelection from 2025-10 (https://shopify.dev/changelog/discount-eligibility-management);
		// the customers {add} shape mirrors customerSegments (UNCONFIRMED on a page read for this pack).
		context: customerGid ? { customers: { add: [customerGid] } } : { all: 'ALL' },
		customerGets: { value, items: { all: true } },
		minimumRequirement: discount.minimumSpend > 0 ? { subtotal: { greaterThanOrEqualToSubtotal: decimal(discount.minimumSpend) } } : null,
		appliesOncePerCustomer: true,
		// One customer's own discount is used once; a shared discount is limited per buyer only
		// (whether usageLimit counts per code or per discount is UNCONFIRMED, so it is not set there).
		...(customerGid ? { usageLimit: 1 } : {}),
		// Coupon Tier budgets each coupon alone: it must not stack with other discounts.
		combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
	};
	return { ok: true, input, ...(customerGid ? { customerGid } : {}) };
}

function discountTitle(coupon: CouponToIssue, customerGid: string | undefined): string {
	const terms = coupon.coupon;
	const what = terms.description.trim() || terms.kind;
	return customerGid ? `${terms.campaignId} · ${what} · ${terms.code}` : `${terms.campaignId} · ${what}`;
}
