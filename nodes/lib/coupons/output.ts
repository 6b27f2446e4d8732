/**
 * Coupon Tier's items as a person reads them in the output pane (issue 12: "two customers
 * fill the output pane"; "the campaign summary mixes tier rows and a campaign row").
 *
 * - A customer item is **flat**: scalar fields only, so n8n's table view gives each customer
 *   one line. n8n 2.8.4 draws a nested object as a fully opened tree inside its table cell,
 *   which made one customer fill the pane when the details were one nested object (measured
 *   in test/e2e/browser.test.ts). First what an ops person scans — who, which segment and
 *   tier, the coupon's code, value and last day — then why (the rule, the actions, the budget
 *   decision), then the coupon's full terms as `coupon…` fields, then the customer item that
 *   came in, field by field (Coupon Tier's own fields win a name clash).
 * - The Summary output has one item per tier, every item with the same fields.
 * - The Totals output has one item: the campaign's totals. Customers the budget left out
 *   are a count and a count per reason there; the customers themselves are the items with
 *   `couponStatus: 'leftOut'` on the outputs of their tier's other actions (Review, VIP), else No Action.
 */
import type { LeftOutReason } from './budget';
import type { CampaignPlan, CustomerPlan, IssuedCoupon, TierSummary } from './campaign';
import type { Language } from './couponTerms';

/**
 * The coupon's terms as flat item fields: term → field. The one map both sides use — Coupon Tier
 * writes the fields with it, a shop's Coupon → Issue reads them back with it — so the two can
 * never drift apart.
 */
export const COUPON_TERM_FIELDS = {
	code: 'couponCode',
	kind: 'couponKind',
	description: 'couponDescription',
	faceValue: 'couponValue',
	amount: 'couponAmount',
	percent: 'couponPercent',
	cap: 'couponCap',
	threshold: 'couponThreshold',
	reduction: 'couponReduction',
	minimumSpend: 'couponMinimumSpend',
	birthdayBonus: 'couponBirthdayBonus',
	currency: 'couponCurrency',
	validFrom: 'couponValidFrom',
	validUntil: 'couponValidUntil',
	campaignId: 'campaignId',
	period: 'period',
} as const satisfies Partial<Record<keyof IssuedCoupon, string>>;

type CouponTermField = (typeof COUPON_TERM_FIELDS)[keyof typeof COUPON_TERM_FIELDS];
type Scalar = string | number | boolean | null;

export type CustomerItem = {
	customerId: string;
	/** The input's `segment` field (RFM Segment's segment), or null. */
	segment: string | null;
	tier: string;
	tierLabel: string;
	couponStatus: CustomerPlan['couponStatus'];
	couponCode: string | null;
	/** What the customer reads, e.g. "满99减20" or "8.5折，最高减100". */
	couponDescription: string | null;
	/** Face value: the largest discount the coupon gives, in the campaign currency. */
	couponValue: number | null;
	/** Last day the coupon is valid, YYYY-MM-DD in the shop's time zone. */
	validUntilDate: string | null;
	/** The actions taken, comma-separated ("coupon, vipAdvisor"): `$json.actions.includes('coupon')` reads it. */
	actions: string;
	/** The same in the chosen language, "、"-separated in Chinese. */
	actionLabels: string;
	matchedRule: string;
	/** Place in the budget's priority order (1 = first); null when the tier gives no coupon. */
	priorityRank: number | null;
	leftOutReason: LeftOutReason | null;
	leftOutExplanation: string | null;
	presaleAccess: boolean;
	birthdayBenefit: boolean;
	birthdayDate: string | null;
	memberDay: string | null;
	period: string;
	/** First day the coupon is valid, YYYY-MM-DD in the shop's time zone. */
	validFromDate: string | null;
} & Record<CouponTermField, Scalar> &
	Record<string, unknown>;

/** One customer's item: scan-first fields, then why, then the coupon's terms, then the input's fields. */
export function customerItem(plan: CustomerPlan, input: Record<string, unknown>, language: Language = 'en'): CustomerItem {
	const segment = input.segment;
	const coupon = plan.coupon;
	// One literal with every field of Coupon Tier's own, in the order described above: the
	// coupon's remaining terms follow COUPON_TERM_FIELDS' order (code, description, value and
	// campaignId are already on top), and the CustomerItem type fails to compile if a term of
	// COUPON_TERM_FIELDS is missing. Writing the terms one by one through a loop was a
	// tenth of the run at 100k customers: a generic keyed store per field and customer.
	const own: CustomerItem = {
		customerId: plan.customerId,
		segment: typeof segment === 'string' && segment !== '' ? segment : null,
		tier: plan.tier,
		tierLabel: plan.tierLabel,
		couponStatus: plan.couponStatus,
		couponCode: plan.couponCode,
		couponDescription: coupon?.description ?? null,
		couponValue: coupon?.faceValue ?? null,
		validUntilDate: coupon?.validUntilDate ?? null,
		actions: plan.actions.join(', '),
		actionLabels: plan.actionLabels.join(language === 'zh' ? '、' : ', '),
		matchedRule: plan.matchedRule,
		priorityRank: plan.priorityRank,
		leftOutReason: plan.leftOutReason,
		leftOutExplanation: plan.leftOutExplanation,
		presaleAccess: plan.presaleAccess,
		birthdayBenefit: plan.birthdayBenefit,
		birthdayDate: plan.birthdayDate,
		memberDay: plan.memberDay,
		campaignId: plan.campaignId,
		period: plan.period,
		validFromDate: coupon?.validFromDate ?? null,
		couponKind: coupon ? coupon.kind : null,
		couponAmount: coupon ? coupon.amount : null,
		couponPercent: coupon ? coupon.percent : null,
		couponCap: coupon ? coupon.cap : null,
		couponThreshold: coupon ? coupon.threshold : null,
		couponReduction: coupon ? coupon.reduction : null,
		couponMinimumSpend: coupon ? coupon.minimumSpend : null,
		couponBirthdayBonus: coupon ? coupon.birthdayBonus : null,
		couponCurrency: coupon ? coupon.currency : null,
		couponValidFrom: coupon ? coupon.validFrom : null,
		couponValidUntil: coupon ? coupon.validUntil : null,
	};
	// Then the input's fields (keys, not entries: no [field, value] pair per field and customer).
	const fields = Object.keys(input);
	for (let i = 0; i < fields.length; i++) if (!(fields[i] in own)) own[fields[i]] = input[fields[i]];
	return own;
}

/**
 * A Summary row: every tier the same fields (null where a tier has no budget), scalars only, and
 * `actions` written as on the customer items ("coupon, reviewInvite").
 */
export type TierItem = { campaignId: string; period: string } & Omit<TierSummary, 'actions'> & { actions: string };

export function tierItems(plan: CampaignPlan): TierItem[] {
	return plan.tiers.map((tier) => ({ campaignId: plan.campaign.campaignId, period: plan.campaign.period, ...tier, actions: tier.actions.join(', ') }));
}

export interface CampaignItem {
	campaignId: string;
	period: string;
	campaignDate: string;
	currency: string;
	customers: number;
	couponsIssued: number;
	couponValue: number;
	budget: number | null;
	budgetLeft: number | null;
	couponsLeftOut: number;
	/** Left-out coupons per reason: a tier's budget, or the campaign's. */
	leftOutByReason: Record<LeftOutReason, number>;
	priorityFields: string[];
	birthdayBenefits: number;
	memberDay: string | null;
	warnings: string[];
}

/** The Campaign output's one item: the totals, with left-out customers counted, not listed. */
export function campaignItem(plan: CampaignPlan): CampaignItem {
	const { leftOutCustomers, priorityFields, birthdayBenefits, memberDay, warnings, ...totals } = plan.campaign;
	const leftOutByReason: Record<LeftOutReason, number> = { tierBudget: 0, campaignBudget: 0 };
	for (const customer of leftOutCustomers) leftOutByReason[customer.reason]++;
	return { ...totals, leftOutByReason, priorityFields, birthdayBenefits, memberDay, warnings };
}
