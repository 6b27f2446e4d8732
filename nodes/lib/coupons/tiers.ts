/**
 * Tiers and the ordered rules that put customers in them (分层运营).
 *
 * The defaults follow the practice the users describe (seed article: 普通用户发优惠券 /
 * 活跃用户邀请测评 / VIP 专属顾问):
 * - VIP (champions, or the top 5 % by predicted lifetime value) → personal advisor follow-up
 *   plus a premium coupon and presale access (限量款预售权);
 * - active (loyal customers, potential loyalists) → review invitation plus a modest coupon;
 * - ordinary and at-risk customers → a win-back coupon;
 * - lost (lost, hibernating) → no action: coupons rarely bring them back and cost margin.
 * Rules are checked top to bottom; the first whose conditions all hold wins; a customer
 * matching none gets the default tier. Segment keys are RFM Segment's (R×F grid and Putler).
 */
import { UserInputError } from '../errors';
import { compileCondition, type Condition, type CustomerPredicate } from './conditions';
import { validateCouponTerms, type CouponTerms, type Language } from './couponTerms';

export const TIER_ACTIONS = ['coupon', 'reviewInvite', 'vipAdvisor', 'noAction'] as const;
export type TierAction = (typeof TIER_ACTIONS)[number];

export const ACTION_LABELS: Record<TierAction, Record<Language, string>> = {
	coupon: { en: 'Coupon', zh: '发放优惠券' },
	reviewInvite: { en: 'Review invitation', zh: '邀请测评' },
	vipAdvisor: { en: 'VIP advisor follow-up', zh: 'VIP 专属顾问跟进' },
	noAction: { en: 'No action', zh: '暂不触达' },
};

export interface TierDefinition {
	/** Key used in rules and outputs, e.g. vip. */
	key: string;
	label: Record<Language, string>;
	reviewInvite: boolean;
	vipAdvisor: boolean;
	/** Undefined: the tier gets no coupon. */
	coupon?: CouponTerms;
	/** Most the tier's coupons may cost together (face value); undefined or 0 = no tier limit. */
	budget?: number;
	/** Early access to limited editions and presales (限量款预售权). */
	presaleAccess: boolean;
}

export interface TierRule {
	name: string;
	tier: string;
	/** All must hold; no conditions = every customer. */
	conditions: Condition[];
}

export const DEFAULT_TIERS: readonly TierDefinition[] = [
	{
		key: 'vip',
		label: { en: 'VIP', zh: 'VIP 客户' },
		reviewInvite: false,
		vipAdvisor: true,
		coupon: { kind: 'percentage', percent: 15, cap: 100, minimumSpend: 0, daysValid: 30 },
		presaleAccess: true,
	},
	{
		key: 'active',
		label: { en: 'Active', zh: '活跃客户' },
		reviewInvite: true,
		vipAdvisor: false,
		coupon: { kind: 'fixedAmount', amount: 10, minimumSpend: 99, daysValid: 14 },
		presaleAccess: false,
	},
	{
		key: 'ordinary',
		label: { en: 'Ordinary', zh: '普通客户' },
		reviewInvite: false,
		vipAdvisor: false,
		coupon: { kind: 'spendThreshold', threshold: 99, reduction: 20, minimumSpend: 0, daysValid: 14 },
		presaleAccess: false,
	},
	{
		key: 'lost',
		label: { en: 'Lost', zh: '流失客户' },
		reviewInvite: false,
		vipAdvisor: false,
		presaleAccess: false,
	},
];

export const DEFAULT_RULES: readonly TierRule[] = [
	{ name: 'VIP: champions', tier: 'vip', conditions: [{ field: 'segment', operator: 'inList', value: 'champions' }] },
	{
		name: 'VIP: top 5% by predicted lifetime value',
		tier: 'vip',
		conditions: [{ field: 'predictedClv', operator: 'topPercent', value: 5 }],
	},
	{
		name: 'Active: loyal customers and potential loyalists',
		tier: 'active',
		conditions: [{ field: 'segment', operator: 'inList', value: 'loyal_customers, potential_loyalists' }],
	},
	{ name: 'Lost: lost and hibernating', tier: 'lost', conditions: [{ field: 'segment', operator: 'inList', value: 'lost, hibernating' }] },
	{
		name: 'Win back: at risk',
		tier: 'ordinary',
		conditions: [{ field: 'segment', operator: 'inList', value: 'at_risk, cant_lose, about_to_sleep, need_attention' }],
	},
];

export const DEFAULT_TIER_KEY = 'ordinary';
/** The `matchedRule` of a customer no rule matched. */
export const DEFAULT_RULE_NAME = '(default tier)';

/** The actions a tier takes; `noAction` when it takes none. */
export function actionsOf(tier: TierDefinition): TierAction[] {
	const actions: TierAction[] = [];
	if (tier.coupon) actions.push('coupon');
	if (tier.reviewInvite) actions.push('reviewInvite');
	if (tier.vipAdvisor) actions.push('vipAdvisor');
	return actions.length > 0 ? actions : ['noAction'];
}

/** Checks tier keys, coupons and budgets; throws UserInputError naming the tier. */
export function validateTiers(tiers: readonly TierDefinition[], defaultTier: string): void {
	if (tiers.length === 0) throw new UserInputError('Define at least one tier');
	const seen = new Set<string>();
	tiers.forEach((tier, i) => {
		const where = `Tier ${i + 1} ("${tier.key}")`;
		if (!/^[A-Za-z0-9_-]+$/.test(tier.key)) {
			throw new UserInputError(`${where}: the key must be letters, digits, _ or - (it is used in expressions), e.g. vip`);
		}
		if (seen.has(tier.key)) throw new UserInputError(`${where}: the key "${tier.key}" is used by two tiers`);
		seen.add(tier.key);
		if (tier.coupon) validateCouponTerms(tier.coupon, where);
		if (tier.budget !== undefined && (!Number.isFinite(tier.budget) || tier.budget < 0)) {
			throw new UserInputError(`${where}: the budget must be 0 (no limit) or more; got ${tier.budget}`);
		}
	});
	if (!seen.has(defaultTier)) {
		throw new UserInputError(`The default tier "${defaultTier}" is not one of the tiers (${[...seen].join(', ')})`);
	}
}

export interface TierAssignment {
	tier: string;
	/** The rule's name, or DEFAULT_RULE_NAME. */
	matchedRule: string;
	/** Position of the rule (0-based), -1 for the default tier. */
	ruleIndex: number;
}

/**
 * Compiles the rules against the run's customers (for `topPercent`) and returns the function
 * that tiers one customer: first rule whose conditions all hold, else the default tier.
 */
export function createTierAssigner(
	rules: readonly TierRule[],
	tierKeys: readonly string[],
	defaultTier: string,
	population: readonly unknown[],
): (customer: unknown) => TierAssignment {
	const known = new Set(tierKeys);
	const compiled = rules.map((rule, i) => {
		const where = `Rule ${i + 1} ("${rule.name || 'unnamed'}")`;
		if (!known.has(rule.tier)) {
			throw new UserInputError(`${where}: tier "${rule.tier}" is not defined; tiers are ${tierKeys.join(', ')}`);
		}
		const predicates: CustomerPredicate[] = rule.conditions.map((c) => compileCondition(c, population, where));
		return { rule, index: i, predicates };
	});
	return (customer) => {
		for (const { rule, index, predicates } of compiled) {
			if (predicates.every((p) => p(customer))) {
				return { tier: rule.tier, matchedRule: rule.name || `Rule ${index + 1}`, ruleIndex: index };
			}
		}
		return { tier: defaultTier, matchedRule: DEFAULT_RULE_NAME, ruleIndex: -1 };
	};
}
