/**
 * A coupon to issue on a shop, read from Coupon Tier's *Coupon* output as it comes: the code
 * (HMAC of campaign, customer and period: the same on every re-run), the customer and the
 * coupon's terms. The code is the idempotency key on every platform: a code the shop already
 * has is a coupon already issued.
 */
import { z } from 'zod';

import { COUPON_KINDS, minimumOrder } from '../coupons/couponTerms';
import { COUPON_TERM_FIELDS } from '../coupons/output';
import { isoDateTimeWithOffset } from '../model';

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
	const d = discountOf(terms);
	const value = d.type === 'amountOff' ? `amount:${d.amount}` : `percent:${d.percent}:cap:${d.cap ?? ''}`;
	return [terms.campaignId, value, `min:${d.minimumSpend}`, terms.currency, terms.validFrom, terms.validUntil].join('|');
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
