/**
 * Coupons on the demo orders (优惠券): which orders used one, its code and the discount.
 *
 * Who uses a coupon: a promotion (促销) video's viewers mostly buy with the coupon it gives
 * out; price-sensitive customers (regions.ts) use one on most orders, the others now and
 * then; more during the platform sales (618, Double 11), when every shop hands out coupons.
 * The kinds are the ones Chinese shops run: the video's coupon, a new-customer coupon (新人券)
 * on the first order, a festival coupon (大促券), a member coupon (会员券) in the private
 * domain, and the everyday shop coupon (店铺券). All take a percentage off.
 *
 * Drawn from a stream of their own, so the orders' other fields and amounts are exactly those
 * of a shop without coupons: the amount paid stays what it was and the coupon explains part of
 * it — the lines show the price before the coupon (unit price ÷ (1 − percentage), to the fen)
 * and `discount` the difference, so amount = Σ quantity × unitPrice − discount exactly.
 * (A simplification: a coupon buyer's price before the coupon is above what a buyer without
 * one paid that day; RFM, Visitor Value and the KPI digest, which read amounts, are unchanged.)
 */
import type { OrderLine } from '../model';

/** Chance that an order uses a coupon. */
export const COUPON_CHANCE = {
	/** Orders that came through a promotion video's link (the video gives out a coupon). */
	promotionVideo: 0.7,
	priceSensitive: 0.55,
	other: 0.06,
	/** Multiplier during the platform sales (promotion price below list). */
	festivalBoost: 1.5,
} as const;

export interface CouponKind {
	code: string;
	/** Percentage off the price before the coupon. */
	percentOff: number;
}

export const COUPON_KINDS = {
	newCustomer: { code: 'NEW10', percentOff: 10 },
	festival: { code: 'FEST15', percentOff: 15 },
	member: { code: 'VIP8', percentOff: 8 },
	shop: { code: 'SHOP5', percentOff: 5 },
} as const satisfies Record<string, CouponKind>;

/** The coupon a promotion video gives out is named after the video's link code. */
export const PROMOTION_VIDEO_PERCENT_OFF = 10;
export function promotionVideoCouponCode(linkCode: string): string {
	return `PROMO-${linkCode}`;
}

/**
 * Puts the coupon on the lines: each unit price becomes the price before the coupon. Returns
 * the discount in fen (Σ quantity × (price before − price paid)).
 */
export function applyCoupon(lines: OrderLine[], percentOff: number): number {
	const keep = 1 - percentOff / 100;
	let discountCents = 0;
	for (const line of lines) {
		const paidCents = Math.round(line.unitPrice * 100);
		const beforeCents = Math.round(paidCents / keep);
		line.unitPrice = beforeCents / 100;
		discountCents += (beforeCents - paidCents) * line.quantity;
	}
	return discountCents;
}
