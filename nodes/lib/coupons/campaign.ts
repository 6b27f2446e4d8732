/**
 * A coupon campaign from tiered customers: tier each customer (tiers.ts), work out the
 * date-window benefits (calendar.ts), share the budget out by priority (budget.ts) and sign
 * each funded coupon's code (codes.ts). Pure: the same customers, settings and secret give the
 * same plan, code for code.
 */
import { allocateBudget, type BudgetRequest, type LeftOutReason } from './budget';
import {
	assertIsoDate,
	birthdayInWindow,
	couponValidity,
	nextMemberDay,
	type Validity,
	periodKey,
	type BirthdayWindow,
	type MonthDay,
	type PeriodKind,
} from './calendar';
import { assignUniqueCodes, codeLengthWarning, type CodeInput, type CodeSigner } from './codes';
import { displayMoney } from '../display';
import { UserInputError } from '../errors';
import { toNumber } from './conditions';
import { describeCoupon, faceValue, minimumOrder, type CouponTerms, type Language } from './couponTerms';
import { readPath } from '../model';
import {
	ACTION_LABELS,
	actionsOf,
	createTierAssigner,
	validateTiers,
	type TierAction,
	type TierDefinition,
	type TierRule,
} from './tiers';

export interface CampaignCustomer {
	customerId: string;
	/** The whole customer item: rules and priority fields read it. */
	record: unknown;
	/** Parsed birthday, when the item has one. */
	birthday?: MonthDay;
}

export interface CampaignSettings {
	campaignId: string;
	/** The campaign's day, YYYY-MM-DD in the shop's time zone: fixes the period. */
	campaignDate: string;
	period: PeriodKind;
	timeZone: string;
	currency: string;
	language: Language;
	tiers: readonly TierDefinition[];
	rules: readonly TierRule[];
	defaultTier: string;
	/** Undefined or 0: no campaign limit. */
	campaignBudget?: number;
	/** Highest expected value first, e.g. ['predictedClv', 'monetary']. */
	priorityFields: readonly string[];
	birthday: BirthdayWindow;
	/** Taken off on top of the coupon when the birthday is in the window. */
	birthdayBonus: number;
	memberDay?: { dayOfMonth: number; couponsStartOnMemberDay: boolean };
}

export interface IssuedCoupon {
	code: string;
	kind: CouponTerms['kind'];
	/** What the customer reads, in the chosen language. */
	description: string;
	amount: number | null;
	percent: number | null;
	cap: number | null;
	threshold: number | null;
	reduction: number | null;
	/** Smallest order the coupon applies to (0 = any). */
	minimumSpend: number;
	birthdayBonus: number;
	/** Largest discount the coupon can give; what it costs the budget. */
	faceValue: number;
	currency: string;
	validFrom: string;
	validUntil: string;
	validFromDate: string;
	validUntilDate: string;
	campaignId: string;
	period: string;
}

export type CouponStatus = 'issued' | 'leftOut' | 'none';

export interface CustomerPlan {
	customerId: string;
	tier: string;
	tierLabel: string;
	matchedRule: string;
	/** Actions this run takes for the customer (a coupon left out by the budget is not one). */
	actions: TierAction[];
	actionLabels: string[];
	couponStatus: CouponStatus;
	couponCode: string | null;
	coupon: IssuedCoupon | null;
	leftOutReason: LeftOutReason | null;
	leftOutExplanation: string | null;
	/** Place in the budget's priority order (1 = first); null without a coupon. */
	priorityRank: number | null;
	presaleAccess: boolean;
	birthdayBenefit: boolean;
	/** The birthday the window matched, YYYY-MM-DD. */
	birthdayDate: string | null;
	/** Next member day on or after the campaign date. */
	memberDay: string | null;
	campaignId: string;
	period: string;
}

export interface TierSummary {
	tier: string;
	tierLabel: string;
	actions: TierAction[];
	customers: number;
	couponsIssued: number;
	couponsLeftOut: number;
	/** Face value of the coupons issued. */
	couponValue: number;
	budget: number | null;
	budgetLeft: number | null;
	reviewInvites: number;
	vipAdvisors: number;
	noAction: number;
	birthdayBenefits: number;
	presaleAccess: boolean;
}

export interface LeftOutCustomer {
	customerId: string;
	tier: string;
	reason: LeftOutReason;
	faceValue: number;
	priorityRank: number;
}

export interface CampaignSummary {
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
	leftOutCustomers: LeftOutCustomer[];
	priorityFields: string[];
	birthdayBenefits: number;
	memberDay: string | null;
	/**
	 * What the user should know before sending the coupons (English, then 简体中文): a weak
	 * secret, a guessable code length, codes re-signed after a collision. Empty when nothing.
	 */
	warnings: string[];
}

export interface CampaignPlan {
	/** In input order. */
	customers: CustomerPlan[];
	tiers: TierSummary[];
	campaign: CampaignSummary;
}


function explainLeftOut(reason: LeftOutReason, tier: TierDefinition, settings: CampaignSettings, language: Language): string {
	const fields = settings.priorityFields.join(', ') || 'customerId';
	if (language === 'zh') {
		return reason === 'tierBudget'
			? `「${tier.label.zh}」层预算（${tier.budget}）已被优先级更高的客户用完（按 ${fields} 从高到低）`
			: `活动总预算（${settings.campaignBudget}）已被优先级更高的客户用完（按 ${fields} 从高到低）`;
	}
	return reason === 'tierBudget'
		? `The ${tier.label.en} tier budget (${tier.budget}) was used up by customers of higher priority (by ${fields}, highest first)`
		: `The campaign budget (${settings.campaignBudget}) was used up by customers of higher priority (by ${fields}, highest first)`;
}

/**
 * Plans the campaign. `signCode` turns campaign id + customer + period (+ attempt) into the
 * code (codes.ts createCodeSigner, whose secret and length warnings go into the summary).
 * Throws UserInputError for settings it cannot use.
 */
export function planCampaign(
	customers: readonly CampaignCustomer[],
	settings: CampaignSettings,
	signCode: CodeSigner | ((input: CodeInput) => string),
): CampaignPlan {
	const { language, tiers } = settings;
	if (settings.campaignId.trim() === '') throw new UserInputError('Campaign ID is empty: name the campaign, e.g. 2026-07-winback');
	assertIsoDate(settings.campaignDate, 'Campaign date');
	validateTiers(tiers, settings.defaultTier);
	if (settings.campaignBudget !== undefined && !(settings.campaignBudget >= 0)) {
		throw new UserInputError(`The campaign budget must be 0 (no limit) or more; got ${settings.campaignBudget}`);
	}
	if (settings.birthday.kind === 'days' && !(Number.isInteger(settings.birthday.days) && settings.birthday.days >= 0)) {
		throw new UserInputError(`Birthday window must be a whole number of days ≥ 0; got ${settings.birthday.days}`);
	}
	if (!(settings.birthdayBonus >= 0)) throw new UserInputError(`Birthday bonus must be 0 or more; got ${settings.birthdayBonus}`);

	const budgeted = (settings.campaignBudget ?? 0) > 0;
	const tierOf = new Map(tiers.map((t) => [t.key, t]));
	for (const tier of tiers) {
		if (tier.coupon?.kind === 'percentage' && !tier.coupon.cap && (budgeted || (tier.budget ?? 0) > 0)) {
			throw new UserInputError(
				`Tier "${tier.key}": a percentage coupon needs a cap when a budget is set (the budget counts each coupon at its largest discount)`,
			);
		}
	}

	const assign = createTierAssigner(
		settings.rules,
		tiers.map((t) => t.key),
		settings.defaultTier,
		customers.map((c) => c.record),
	);
	const period = periodKey(settings.campaignDate, settings.period);
	const memberDay = settings.memberDay ? nextMemberDay(settings.campaignDate, settings.memberDay.dayOfMonth) : null;
	const validityStart = memberDay && settings.memberDay?.couponsStartOnMemberDay ? memberDay : settings.campaignDate;

	const seen = new Set<string>();
	const assigned = customers.map((customer) => {
		if (seen.has(customer.customerId)) {
			throw new UserInputError(`Customer "${customer.customerId}" appears twice; give one item per customer`);
		}
		seen.add(customer.customerId);
		const assignment = assign(customer.record);
		const tier = tierOf.get(assignment.tier) as TierDefinition;
		const birthday = customer.birthday ? birthdayInWindow(customer.birthday, settings.campaignDate, settings.birthday) : undefined;
		return { customer, assignment, tier, birthday };
	});

	// Budget: every customer whose tier gives a coupon asks for one. requestOf[i]: customer i's
	// request, -1 for none (a typed array, not a Map of 100k numbers).
	const requests: BudgetRequest[] = [];
	const requestOf = new Int32Array(assigned.length).fill(-1);
	assigned.forEach(({ customer, tier, birthday }, i) => {
		if (!tier.coupon) return;
		const bonus = birthday ? settings.birthdayBonus : 0;
		requestOf[i] = requests.length;
		requests.push({
			customerId: customer.customerId,
			tier: tier.key,
			cost: faceValue(tier.coupon, bonus) ?? 0,
			priority: settings.priorityFields.map((field) => toNumber(readPath(customer.record, field))),
		});
	});
	const allocation = allocateBudget(
		requests,
		Object.fromEntries(tiers.map((t) => [t.key, t.budget])),
		settings.campaignBudget,
	);

	const funded = assigned
		.filter(({ tier }, i) => tier.coupon && requestOf[i] >= 0 && allocation.decisions[requestOf[i]].funded)
		.map(({ customer }) => customer.customerId);
	const { codes, inOrder: codesInOrder, resigned } = assignUniqueCodes(funded, (customerId, attempt) =>
		signCode({ campaignId: settings.campaignId, customerId, period, attempt }),
	);
	// One validity per coupon term length, not per coupon: the same two instants, parsed and
	// formatted once (with a formatter per coupon, 100k customers took 143 s).
	const validityFor = new Map<number, Validity>();
	const validity = (daysValid: number): Validity => {
		let v = validityFor.get(daysValid);
		if (v === undefined) validityFor.set(daysValid, (v = couponValidity(validityStart, daysValid, settings.timeZone)));
		return v;
	};
	// The texts that depend only on the tier (and the birthday bonus, or the reason a coupon was
	// left out): written once per tier, not once per customer.
	const tierTexts = new Map(
		tiers.map((tier) => {
			const actions = actionsOf(tier);
			const withoutCoupon = actions.filter((a) => a !== 'coupon');
			if (withoutCoupon.length === 0) withoutCoupon.push('noAction');
			const labels = (list: TierAction[]) => list.map((a) => ACTION_LABELS[a][language]);
			const description = (bonus: number) => (tier.coupon ? describeCoupon(tier.coupon, settings.currency, language, bonus) : '');
			return [
				tier,
				{
					withCoupon: { actions, labels: labels(actions) },
					withoutCoupon: { actions: withoutCoupon, labels: labels(withoutCoupon) },
					description: { plain: description(0), birthday: description(settings.birthdayBonus) },
					leftOut: {
						tierBudget: explainLeftOut('tierBudget', tier, settings, language),
						campaignBudget: explainLeftOut('campaignBudget', tier, settings, language),
					},
				},
			] as const;
		}),
	);

	// The funded customers come in the order of `funded` (input order), so their codes are read
	// by position: no lookup by id in a map of a million codes.
	let nextCode = 0;
	const plans = assigned.map(({ customer, assignment, tier, birthday }, i): CustomerPlan => {
		const requestIndex = requestOf[i];
		const decision = requestIndex < 0 ? undefined : allocation.decisions[requestIndex];
		const bonus = birthday ? settings.birthdayBonus : 0;
		const texts = tierTexts.get(tier) as NonNullable<ReturnType<typeof tierTexts.get>>;
		let coupon: IssuedCoupon | null = null;
		if (tier.coupon && decision?.funded) {
			const terms = tier.coupon;
			const v = validity(terms.daysValid);
			coupon = {
				code: codesInOrder[nextCode++],
				kind: terms.kind,
				description: birthday ? texts.description.birthday : texts.description.plain,
				amount: terms.kind === 'fixedAmount' ? (terms.amount ?? null) : null,
				percent: terms.kind === 'percentage' ? (terms.percent ?? null) : null,
				cap: terms.kind === 'percentage' ? terms.cap || null : null,
				threshold: terms.kind === 'spendThreshold' ? (terms.threshold ?? null) : null,
				reduction: terms.kind === 'spendThreshold' ? (terms.reduction ?? null) : null,
				minimumSpend: minimumOrder(terms),
				birthdayBonus: bonus,
				faceValue: requests[requestIndex].cost,
				currency: settings.currency,
				validFrom: v.validFrom,
				validUntil: v.validUntil,
				validFromDate: v.validFromDate,
				validUntilDate: v.validUntilDate,
				campaignId: settings.campaignId,
				period,
			};
		}
		const leftOutReason = decision && !decision.funded ? (decision.reason as LeftOutReason) : null;
		// A copy per customer: a plan's lists are its own.
		const taken = coupon !== null || !tier.coupon ? texts.withCoupon : texts.withoutCoupon;
		return {
			customerId: customer.customerId,
			tier: tier.key,
			tierLabel: tier.label[language],
			matchedRule: assignment.matchedRule,
			actions: taken.actions.slice(),
			actionLabels: taken.labels.slice(),
			couponStatus: coupon ? 'issued' : leftOutReason ? 'leftOut' : 'none',
			couponCode: coupon?.code ?? null,
			coupon,
			leftOutReason,
			leftOutExplanation: leftOutReason ? texts.leftOut[leftOutReason] : null,
			priorityRank: decision?.priorityRank ?? null,
			presaleAccess: tier.presaleAccess,
			birthdayBenefit: birthday !== undefined,
			birthdayDate: birthday?.date ?? null,
			memberDay,
			campaignId: settings.campaignId,
			period,
		};
	});

	// The summaries in one pass over the plans (one filter per figure and tier allocated a
	// list of members each time). Sums run in plan order, as the filters did.
	const counts = new Map(
		tiers.map((tier) => [
			tier.key,
			{ customers: 0, couponsIssued: 0, couponsLeftOut: 0, faceValue: 0, reviewInvites: 0, vipAdvisors: 0, noAction: 0, birthdayBenefits: 0 },
		]),
	);
	let couponsIssued = 0;
	let birthdayBenefits = 0;
	const leftOutCustomers: LeftOutCustomer[] = [];
	plans.forEach((p, i) => {
		const c = counts.get(p.tier);
		if (p.coupon !== null) couponsIssued++;
		if (p.birthdayBenefit) birthdayBenefits++;
		if (p.leftOutReason !== null) {
			leftOutCustomers.push({
				customerId: p.customerId,
				tier: p.tier,
				reason: p.leftOutReason,
				faceValue: requestOf[i] >= 0 ? requests[requestOf[i]].cost : 0,
				priorityRank: p.priorityRank as number,
			});
		}
		if (c === undefined) return;
		c.customers++;
		if (p.coupon !== null) {
			c.couponsIssued++;
			c.faceValue += p.coupon.faceValue;
		}
		if (p.couponStatus === 'leftOut') c.couponsLeftOut++;
		if (p.actions.includes('reviewInvite')) c.reviewInvites++;
		if (p.actions.includes('vipAdvisor')) c.vipAdvisors++;
		if (p.actions.includes('noAction')) c.noAction++;
		if (p.birthdayBenefit) c.birthdayBenefits++;
	});
	leftOutCustomers.sort((a, b) => a.priorityRank - b.priorityRank);

	const tierSummaries = tiers.map((tier): TierSummary => {
		const c = counts.get(tier.key) as NonNullable<ReturnType<typeof counts.get>>;
		const couponValue = displayMoney(c.faceValue, settings.currency);
		const budget = tier.budget && tier.budget > 0 ? tier.budget : null;
		return {
			tier: tier.key,
			tierLabel: tier.label[language],
			actions: actionsOf(tier),
			customers: c.customers,
			couponsIssued: c.couponsIssued,
			couponsLeftOut: c.couponsLeftOut,
			couponValue,
			budget,
			budgetLeft: budget === null ? null : displayMoney(budget - couponValue, settings.currency),
			reviewInvites: c.reviewInvites,
			vipAdvisors: c.vipAdvisors,
			noAction: c.noAction,
			birthdayBenefits: c.birthdayBenefits,
			presaleAccess: tier.presaleAccess,
		};
	});

	const campaignBudget = settings.campaignBudget && settings.campaignBudget > 0 ? settings.campaignBudget : null;
	const warnings = [...('secretWarnings' in signCode ? signCode.secretWarnings : [])];
	const lengthWarning = 'codeLength' in signCode ? codeLengthWarning(signCode.codeLength, codes.size) : undefined;
	if (lengthWarning) warnings.push(lengthWarning);
	if (resigned.length > 0) {
		const who = resigned.slice(0, 5).map((id) => `"${id}"`).join(', ') + (resigned.length > 5 ? ', …' : '');
		warnings.push(
			`${resigned.length} customer(s) drew a code another customer already had and got a re-signed one (${who}); a longer code length makes this rarer. ${resigned.length} 位客户的优惠码与他人重复，已重新签发；加长优惠码可减少重复。`,
		);
	}
	return {
		customers: plans,
		tiers: tierSummaries,
		campaign: {
			campaignId: settings.campaignId,
			period,
			campaignDate: settings.campaignDate,
			currency: settings.currency,
			customers: plans.length,
			couponsIssued,
			couponValue: allocation.spent,
			budget: campaignBudget,
			budgetLeft: campaignBudget === null ? null : displayMoney(campaignBudget - allocation.spent, settings.currency),
			couponsLeftOut: leftOutCustomers.length,
			leftOutCustomers,
			priorityFields: [...settings.priorityFields],
			birthdayBenefits,
			memberDay,
			warnings,
		},
	};
}
