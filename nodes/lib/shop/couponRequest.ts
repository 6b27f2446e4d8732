/**
 * A coupon to issue on a shop, read from Coupon Tier's *Coupon* output as it comes: the code
 * (HMAC of campaign, customer and period: the same on every re-run), the customer and the
 * coupon's terms. The code is the idempotency key on every platform: a code the shop already
 * has is a coupon already issued.
 */
import { z } from 'zod';

import { periodLastDate } from '../coupons/calendar';
import { COUPON_KINDS, minimumOrder } from '../coupons/couponTerms';
import { COUPON_TERM_FIELDS } from '../coupons/output';
import { isoDateTimeWithOffset } from '../model';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../time';

const ISSUABLE_KINDS = COUPON_KINDS.filter((kind) => kind !== 'none') as ['fixedAmount', 'percentage', 'spendThreshold'];

const amount = z.number({ invalid_type_error: 'a number' }).finite().nonnegative('a number ≥ 0');

export const couponTermsSchema = z.object({
	code: z.string().trim().min(1, 'a coupon code'),
	kind: z.enum(ISSUABLE_KINDS, { errorMap: () => ({ message: `one of ${ISSUABLE_KINDS.join(', ')}` }) }),
	description: z.string().default(''),
	amount: amount.nullable().optional(),
	percent: amount.nullable().optional(),
	cap: amount.nullable().optional(),
	threshold: amount.nullable().optional(),
	reduction: amount.nullable().optional(),
	minimumSpend: amount.nullable().optional(),
	birthdayBonus: amount.nullable().optional(),
	faceValue: amount.nullable().optional(),
	currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter currency code, e.g. CNY'),
	validFrom: isoDateTimeWithOffset,
	validUntil: isoDateTimeWithOffset,
	campaignId: z.string().min(1, 'a campaign id'),
	/** The campaign period the code belongs to ("2026-12", "2026-W49", "2026-12-03", "all"); absent in older sheets. */
	period: z.preprocess((value) => (value === null || value === '' ? undefined : value), z.string().trim().min(1).optional()),
});

/**
 * Coupon Tier's items carry the coupon's terms as flat fields (`couponCode`, `couponKind`,
 * `couponValue`…, named by COUPON_TERM_FIELDS, the map Coupon Tier writes them with); an item
 * that carries them as one `coupon` object (a sheet, an older run) is read as well.
 */
const couponTermsAtTop = (value: unknown): unknown => {
	if (typeof value !== 'object' || value === null || 'coupon' in value) return value;
	const item = value as Record<string, unknown>;
	const coupon: Record<string, unknown> = {};
	for (const [term, field] of Object.entries(COUPON_TERM_FIELDS)) if (item[field] !== undefined) coupon[term] = item[field];
	return { ...item, coupon };
};

export const couponToIssueSchema = z.preprocess(
	couponTermsAtTop,
	z.object({
		customerId: z.string().trim().min(1, 'a non-empty id'),
		coupon: couponTermsSchema,
	}),
);

/**
 * The field a person sees for a problem the schema found: `couponKind` for the term `kind` when
 * the item carries flat fields, `coupon.kind` when it carries a `coupon` object.
 */
export function couponFieldName(path: ReadonlyArray<string | number>, item: unknown): string {
	const flat = typeof item === 'object' && item !== null && !('coupon' in item);
	const [head, term] = path;
	if (flat && head === 'coupon' && typeof term === 'string' && term in COUPON_TERM_FIELDS) {
		return COUPON_TERM_FIELDS[term as keyof typeof COUPON_TERM_FIELDS];
	}
	return path.join('.');
}

export type CouponTerms = z.infer<typeof couponTermsSchema>;
export type CouponToIssue = z.infer<typeof couponToIssueSchema> & {
	/** The platform's own id of the customer, where the item carries one (platformIds.<platform>). */
	platformCustomerId?: string;
};

/**
 * The coupon's discount in the platform-neutral terms every shop API takes: an amount off
 * (with a minimum spend) or a percentage off (with an optional cap). A birthday bonus adds
 * to the amount off (Coupon Tier counts it in the face value).
 */
export type Discount =
	| { type: 'amountOff'; amount: number; minimumSpend: number }
	| { type: 'percentOff'; percent: number; cap: number | null; minimumSpend: number };

export function discountOf(terms: CouponTerms): Discount {
	const bonus = terms.birthdayBonus ?? 0;
	const minimumSpend = minimumOrder({
		kind: terms.kind,
		minimumSpend: terms.minimumSpend ?? undefined,
		threshold: terms.threshold ?? undefined,
		daysValid: 1,
	});
	switch (terms.kind) {
		case 'fixedAmount':
			return { type: 'amountOff', amount: round2((terms.amount ?? 0) + bonus), minimumSpend };
		case 'spendThreshold':
			return { type: 'amountOff', amount: round2((terms.reduction ?? 0) + bonus), minimumSpend };
		case 'percentage':
			// A birthday bonus on a percentage coupon raises its cap (Coupon Tier counts it in the face value).
			return {
				type: 'percentOff',
				percent: terms.percent ?? 0,
				cap: terms.cap ? round2(terms.cap + bonus) : null,
				minimumSpend,
			};
	}
}

const round2 = (amount: number) => Math.round(amount * 100) / 100;

/**
 * Coupons with the same terms in one campaign: platforms that create a discount (Shopify) or
 * a voucher activity (Youzan) once and then codes or grants under it group by this key.
 */
export function termsKey(terms: CouponTerms): string {
	return [terms.campaignId, ...discountKey(terms), terms.validFrom, terms.validUntil].join('|');
}

function discountKey(terms: CouponTerms): string[] {
	const d = discountOf(terms);
	const value = d.type === 'amountOff' ? `amount:${d.amount}` : `percent:${d.percent}:cap:${d.cap ?? ''}`;
	return [value, `min:${d.minimumSpend}`, terms.currency];
}

/** A coupon the shop makes once and gives to many customers, with fixed dates. */
export interface SharedCoupon {
	/** The same on every run of the campaign period: what finds the shop's coupon again. */
	key: string;
	validFrom: string;
	validUntil: string;
}

/**
 * Where a shop gives coupons as shares of one coupon it made, with fixed dates (Youzan's voucher
 * activity, Taobao's shop coupon), and not by the pack's codes, "one coupon per customer per
 * period" needs ONE shop coupon per campaign period and terms: Coupon Tier's own dates start
 * on the day of each run, and a shop coupon per run day would let a monthly campaign scheduled
 * daily give every customer a new coupon every day (the shop's limit of one per customer holds
 * per shop coupon only).
 *
 * So the key is the campaign, the period, the discount and the number of days valid, without
 * the run's date; the shop coupon made on the period's first run is valid from that run's first
 * day to the period's last day plus Days Valid − 1, so a customer who receives it on any day of
 * the period has at least Days Valid days. Example: a monthly campaign, 14 days valid, first
 * run 2026-12-01: valid 2026-12-01 00:00 to 2027-01-13 23:59:59. A one-off campaign (period
 * "all") keeps its first run's dates; terms without a period (an older sheet) keep their own
 * dates, as before.
 *
 * The dates are shifted as wall-clock text in the validity's own UTC offset, right for the
 * zones these shops use (China Standard Time has no daylight saving time).
 */
export function sharedCouponOf(terms: CouponTerms): SharedCoupon {
	if (terms.period === undefined) return { key: termsKey(terms), validFrom: terms.validFrom, validUntil: terms.validUntil };
	const firstDay = isoDateToDayNumber(terms.validFrom.slice(0, 10));
	const lastDay = isoDateToDayNumber(terms.validUntil.slice(0, 10));
	const key = [terms.campaignId, `period:${terms.period}`, ...discountKey(terms), `days:${lastDay - firstDay + 1}`].join('|');
	const periodEnd = periodLastDate(terms.period);
	const shift = periodEnd === null ? 0 : isoDateToDayNumber(periodEnd) - firstDay;
	const validUntil = shift > 0 ? dayNumberToIsoDate(lastDay + shift) + terms.validUntil.slice(10) : terms.validUntil;
	return { key, validFrom: terms.validFrom, validUntil };
}

export type IssueStatus = 'issued' | 'alreadyIssued' | 'failed';

export interface IssueOutcome {
	issueStatus: IssueStatus;
	/** The platform's id for the coupon (or the grant), where it gives one. */
	platformCouponId?: string;
	/** What the platform said, in the user's words: why it failed, or a note on a success. */
	issueMessage?: string;
	/** The platform's error code of a failure. */
	platformCode?: string;
}
