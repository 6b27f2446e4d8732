/**
 * Coupon Tier's items as a person reads them in the output pane (issue 12: "two customers
 * fill the output pane"; "the campaign summary mixes tier rows and a campaign row").
 *
 * - A customer item puts first what an ops person scans — who, which segment and tier, the
 *   coupon's code, value and last day — and everything else (the rule that matched, the
 *   actions, the full coupon terms, the budget decision, the benefits, and the customer item
 *   that came in) in one nested `details` object.
 * - The Summary output has one item per tier, every item with the same fields.
 * - The Totals output has one item: the campaign's totals. Customers the budget left out
 *   are a count and a count per reason there; the customers themselves are the items with
 *   `couponStatus: 'leftOut'` on the outputs of their tier's other actions (Review, VIP), else No Action.
 */
import type { LeftOutReason } from './budget';
import type { CampaignPlan, CustomerPlan, IssuedCoupon, TierSummary } from './campaign';
import type { TierAction } from './tiers';

export interface CustomerDetails {
	matchedRule: string;
	actions: TierAction[];
	actionLabels: string[];
	/** The coupon's full terms and validity; null when none was issued. */
	coupon: IssuedCoupon | null;
	leftOutReason: LeftOutReason | null;
	leftOutExplanation: string | null;
	/** Place in the budget's priority order (1 = first); null when the tier gives no coupon. */
	priorityRank: number | null;
	presaleAccess: boolean;
	birthdayBenefit: boolean;
	birthdayDate: string | null;
	memberDay: string | null;
	campaignId: string;
	period: string;
	/** The customer item that came in (RFM scores, lifetime value, contact fields…), unchanged. */
	customer: Record<string, unknown>;
}

export interface CustomerItem {
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
	details: CustomerDetails;
}

/** One customer's item: the scan-first fields on top, the rest in `details`. */
export function customerItem(plan: CustomerPlan, input: Record<string, unknown>): CustomerItem {
	const segment = input.segment;
	return {
		customerId: plan.customerId,
		segment: typeof segment === 'string' && segment !== '' ? segment : null,
		tier: plan.tier,
		tierLabel: plan.tierLabel,
		couponStatus: plan.couponStatus,
		couponCode: plan.couponCode,
		couponDescription: plan.coupon?.description ?? null,
		couponValue: plan.coupon?.faceValue ?? null,
		validUntilDate: plan.coupon?.validUntilDate ?? null,
		details: {
			matchedRule: plan.matchedRule,
			actions: plan.actions,
			actionLabels: plan.actionLabels,
			coupon: plan.coupon,
			leftOutReason: plan.leftOutReason,
			leftOutExplanation: plan.leftOutExplanation,
			priorityRank: plan.priorityRank,
			presaleAccess: plan.presaleAccess,
			birthdayBenefit: plan.birthdayBenefit,
			birthdayDate: plan.birthdayDate,
			memberDay: plan.memberDay,
			campaignId: plan.campaignId,
			period: plan.period,
			customer: input,
		},
	};
}

/** A Summary row: every tier the same fields (null where a tier has no budget). */
export type TierItem = { campaignId: string; period: string } & TierSummary;

export function tierItems(plan: CampaignPlan): TierItem[] {
	return plan.tiers.map((tier) => ({ campaignId: plan.campaign.campaignId, period: plan.campaign.period, ...tier }));
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
