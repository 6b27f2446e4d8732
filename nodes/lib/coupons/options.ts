/**
 * Coupon Tier's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names; a tier or rule entry has its values filled in
 * from the description's defaults), the output the campaign settings planCampaign takes and
 * the code format createCodeSigner takes (`CouponTierSettings` = z.output). No defaults here:
 * they are the node description's. What planCampaign and the code signer check themselves
 * (tiers, rules, budgets, the code prefix and length) they check for every caller.
 */
import { z } from 'zod';

import { atMost, formatLimit, parseNameList, parseSettings, SETTING_LIMITS, typedNumber } from '../model';
import { createZonedIsoFormatter } from '../time';
import { isCalendarDate, notACalendarDate, PERIODS, type BirthdayWindow } from './calendar';
import type { CampaignSettings } from './campaign';
import type { Condition, ConditionOperator } from './conditions';
import type { CouponTerms } from './couponTerms';
import type { TierDefinition, TierRule } from './tiers';

/** Text as typed, trimmed (a number from an expression is its text). */
const text = z.coerce.string().trim();
/** A switch: on only when it is true (a text "true" is not). */
const flag = z.unknown().transform((value) => value === true);

/** A money field of a tier, bounded like every per-coupon amount (SETTING_LIMITS.amount). */
const tierMoney = (displayName: string, max: number = SETTING_LIMITS.amount) =>
	typedNumber.refine(...atMost(`Tiers: ${displayName}`, max, `0 to ${formatLimit(max)}`));

/** One entry of Tiers: the flat fields of the parameter, the coupon's by its kind. */
export const tierEntrySchema = z
	.object({
		key: text,
		labelEn: text,
		labelZh: text,
		couponKind: z.coerce.string(),
		amount: tierMoney('Amount Off'),
		percent: typedNumber,
		cap: tierMoney('Cap (Largest Discount)'),
		threshold: tierMoney('Spend X'),
		reduction: tierMoney('Save Y'),
		minimumSpend: tierMoney('Minimum Spend'),
		daysValid: typedNumber.refine(...atMost('Tiers: Days Valid', SETTING_LIMITS.days, `1 to ${formatLimit(SETTING_LIMITS.days)} days`)),
		budget: tierMoney('Budget', SETTING_LIMITS.budget),
		reviewInvite: flag,
		vipAdvisor: flag,
		presaleAccess: flag,
	})
	.transform((entry): TierDefinition => {
		const { minimumSpend, daysValid } = entry;
		// Any other kind (No Coupon) gives the tier no coupon.
		const coupons: Record<string, () => CouponTerms> = {
			fixedAmount: () => ({ kind: 'fixedAmount', amount: entry.amount, minimumSpend, daysValid }),
			percentage: () => ({ kind: 'percentage', percent: entry.percent, cap: entry.cap, minimumSpend, daysValid }),
			spendThreshold: () => ({
				kind: 'spendThreshold',
				threshold: entry.threshold,
				reduction: entry.reduction,
				minimumSpend,
				daysValid,
			}),
		};
		return {
			key: entry.key,
			label: { en: entry.labelEn || entry.key, zh: entry.labelZh || entry.key },
			reviewInvite: entry.reviewInvite,
			vipAdvisor: entry.vipAdvisor,
			coupon: Object.hasOwn(coupons, entry.couponKind) ? coupons[entry.couponKind]() : undefined,
			budget: entry.budget,
			presaleAccess: entry.presaleAccess,
		};
	});

/** One condition of a rule; the operator and values are checked when the rule is compiled. */
const conditionEntrySchema = z
	.object({
		field: z.coerce.string(),
		operator: z.coerce.string(),
		value: z.union([z.string(), z.number()]).optional(),
		valueTo: z.union([z.string(), z.number()]).optional(),
	})
	.transform((c): Condition => ({ ...c, operator: c.operator as ConditionOperator }));

/** One entry of Rules. */
export const ruleEntrySchema = z
	.object({
		name: text,
		tier: text,
		conditions: z.object({ condition: z.array(conditionEntrySchema).optional() }),
	})
	.transform((rule): TierRule => ({ name: rule.name, tier: rule.tier, conditions: rule.conditions.condition ?? [] }));

/** ± days around a birthday: a year either side is the whole calendar, any more means nothing. */
export const BIRTHDAY_DAYS_LIMIT = 366;

export const couponTierOptionsSchema = z
	.object({
		/** The clock: Campaign Date left empty is this day in the time zone, epoch ms. */
		now: z.number(),
		campaignId: text,
		period: z.enum(PERIODS),
		/** A date or date-time (its first 10 characters); empty: today. */
		campaignDate: z.string().nullish(),
		/** IANA zone, checked by the caller. */
		timeZone: z.string(),
		currency: text
			.transform((code) => code.toUpperCase())
			.refine(
				(code) => /^[A-Z]{3}$/.test(code),
				(code) => ({ message: `Currency "${code}" is not a 3-letter currency code such as CNY` }),
			),
		tiers: z.array(tierEntrySchema),
		rules: z.array(ruleEntrySchema),
		defaultTier: text,
		/** 0 = no campaign limit. */
		campaignBudget: typedNumber.refine(
			...atMost('Campaign Budget', SETTING_LIMITS.budget, `0 (no limit) to ${formatLimit(SETTING_LIMITS.budget)}`),
		),
		/** Field names, highest priority first, e.g. "predictedClv, monetary". */
		priorityFields: z
			.string()
			.nullish()
			.transform((names) => parseNameList(names ?? '')),
		codePrefix: text,
		codeLength: typedNumber,
		birthdayBenefit: z.enum(['off', 'month', 'days']),
		/** Within ± N days only. */
		birthdayDays: typedNumber.refine(...atMost('Days Around the Birthday', BIRTHDAY_DAYS_LIMIT, `0 to ${BIRTHDAY_DAYS_LIMIT} days`)).optional(),
		/** Hidden (so not given) when the benefit is off. */
		birthdayBonus: typedNumber
			.refine(...atMost('Birthday Bonus', SETTING_LIMITS.amount, `0 to ${formatLimit(SETTING_LIMITS.amount)}`))
			.optional(),
		/** Day of the month; 0 = no member day. */
		memberDay: typedNumber,
		/** Shown (so given) when there is a member day. */
		couponsStartOnMemberDay: z.boolean().optional(),
		labelLanguage: z.enum(['en', 'zh']),
	})
	.transform((s, ctx) => {
		const typed = (s.campaignDate ?? '').trim();
		const campaignDate = typed ? typed.slice(0, 10) : createZonedIsoFormatter(s.timeZone)(s.now).slice(0, 10);
		if (!isCalendarDate(campaignDate)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['campaignDate'], message: notACalendarDate(campaignDate, 'Campaign Date') });
			return z.NEVER;
		}
		const birthday: BirthdayWindow =
			s.birthdayBenefit === 'days' ? { kind: 'days', days: s.birthdayDays ?? NaN } : { kind: s.birthdayBenefit };
		const campaign: CampaignSettings = {
			campaignId: s.campaignId,
			campaignDate,
			period: s.period,
			timeZone: s.timeZone,
			currency: s.currency,
			language: s.labelLanguage,
			tiers: s.tiers,
			rules: s.rules,
			defaultTier: s.defaultTier,
			campaignBudget: s.campaignBudget,
			priorityFields: s.priorityFields,
			birthday,
			birthdayBonus: birthday.kind === 'off' ? 0 : (s.birthdayBonus ?? NaN),
			memberDay:
				s.memberDay > 0 ? { dayOfMonth: s.memberDay, couponsStartOnMemberDay: s.couponsStartOnMemberDay === true } : undefined,
		};
		return { campaign, code: { prefix: s.codePrefix, length: s.codeLength } };
	});

export type CouponTierOptionsInput = z.input<typeof couponTierOptionsSchema>;
export type CouponTierSettings = z.output<typeof couponTierOptionsSchema>;

/** Parses Coupon Tier's settings; throws a UserInputError naming the first bad one. */
export function parseCouponTierOptions(input: CouponTierOptionsInput): CouponTierSettings {
	return parseSettings(couponTierOptionsSchema, input);
}
