import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SETTING_LIMITS } from '../lib/model';

import { collectionDefaults, withDefaults } from '../shared/nodeHelpers';
import { LANGUAGE_OPTIONS } from '../shared/parameters';

import {
	BIRTHDAY_DAYS_LIMIT,
	DEFAULT_TIER_KEY,
	MAX_CODE_LENGTH,
	MIN_CODE_LENGTH,
	type TierDefinition,
	type TierRule,
} from '../lib/coupons';

/**
 * A tier as the Tiers parameter holds it (flat fields of one fixedCollection entry); a field the
 * tier does not use holds the entry's default.
 */
export function tierToParameter(tier: TierDefinition): IDataObject {
	const coupon = tier.coupon;
	const given: IDataObject = {
		key: tier.key,
		labelEn: tier.label.en,
		labelZh: tier.label.zh,
		couponKind: coupon?.kind,
		amount: coupon?.amount,
		percent: coupon?.percent,
		cap: coupon?.cap,
		threshold: coupon?.threshold,
		reduction: coupon?.reduction,
		minimumSpend: coupon?.minimumSpend,
		daysValid: coupon?.daysValid,
		budget: tier.budget,
		reviewInvite: tier.reviewInvite,
		vipAdvisor: tier.vipAdvisor,
		presaleAccess: tier.presaleAccess,
	};
	return withDefaults(given, collectionDefaults(couponTierProperties, 'tiers', 'tier'));
}

/** A rule as the Rules parameter holds it. */
export function ruleToParameter(rule: TierRule): IDataObject {
	return {
		name: rule.name,
		tier: rule.tier,
		conditions: {
			condition: rule.conditions.map((c) => ({
				field: c.field,
				operator: c.operator,
				value: String(c.value ?? ''),
				valueTo: String(c.valueTo ?? ''),
			})),
		},
	};
}

const OPERATOR_OPTIONS = [
	{ name: 'Equals', value: 'equals' },
	{ name: 'Does Not Equal', value: 'notEquals' },
	{ name: 'Is One Of (Comma-Separated)', value: 'inList' },
	{ name: 'Is None Of (Comma-Separated)', value: 'notInList' },
	{ name: '≥ (At Least)', value: 'gte' },
	{ name: '≤ (At Most)', value: 'lte' },
	{ name: '> (More Than)', value: 'gt' },
	{ name: '< (Less Than)', value: 'lt' },
	{ name: 'Is Between (Inclusive)', value: 'between' },
	{ name: 'Has Tag (Any Of, Comma-Separated)', value: 'containsTag' },
	{ name: 'Has None of the Tags', value: 'notContainsTag' },
	{
		name: 'Is in the Top N % of Customers',
		value: 'topPercent',
		// The open question of issue 12: N % of which customers (docs/nodes/CouponTier.md, Conditions).
		description: 'N % of the customers that have a number in this field; customers without it are not counted (按该字段有数值的客户计算前 N%，没有该字段的客户不计入)',
	},
	{ name: 'Is Set', value: 'isSet' },
	{ name: 'Is Empty or Missing', value: 'isNotSet' },
];

export const couponTierProperties: INodeProperties[] = [
	{
		displayName:
			'Feed it one item per customer, e.g. the Customers output of RFM Segment. Codes are signed with the Coupon Code Secret credential: the same campaign, customer and period always give the same code, so a re-run never issues a second coupon. 输入每条一个客户（如 RFM Segment 的 Customers 输出）。同一活动、客户和周期总是得到同一个券码，重复运行不会多发券。',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		default: 'member-coupons',
		required: true,
		description:
			'Names the campaign. Together with the customer and the period it decides each code: keep it unchanged across re-runs, change it for a new campaign (活动名称；重复运行请保持不变，新活动请换一个).',
	},
	{
		displayName: 'One Coupon Per Customer Per',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Campaign (Once Ever)', value: 'campaign' },
			{ name: 'Month', value: 'month' },
			{ name: 'Week (ISO, Monday–Sunday)', value: 'week' },
			{ name: 'Day', value: 'day' },
		],
		default: 'month',
		description:
			'A run in the same period gives every customer the same code again; the next period gives new codes. Use Month for a campaign that runs every day of a month (同一周期内重复运行券码不变，下个周期发新券码).',
	},
	{
		displayName: 'Campaign Date',
		name: 'campaignDate',
		type: 'dateTime',
		default: '',
		description: 'Day the coupons start and the period is taken from. Empty means today in the time zone below (券生效日；留空为今天).',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: 'Asia/Shanghai',
		placeholder: 'Asia/Shanghai',
		description: 'Time zone of the shop, e.g. Asia/Shanghai: coupons are valid from 00:00 of the first day to 23:59:59 of the last, there (店铺所在时区，决定券的生效和失效时刻)',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'CNY',
		description: '3-letter code of the shop currency the coupon amounts are in (券面金额的币种，三位代码)',
	},
	{
		displayName: 'Tiers',
		name: 'tiers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Tier',
		default: {
			// Literal for the linter; equals DEFAULT_TIERS.map(tierToParameter) (a test checks).
			tier: [
				{ key: 'vip', labelEn: 'VIP', labelZh: 'VIP 客户', couponKind: 'percentage', amount: 10, percent: 15, cap: 100, threshold: 99, reduction: 20, minimumSpend: 0, daysValid: 30, budget: 0, reviewInvite: false, vipAdvisor: true, presaleAccess: true },
				{ key: 'active', labelEn: 'Active', labelZh: '活跃客户', couponKind: 'fixedAmount', amount: 10, percent: 10, cap: 0, threshold: 99, reduction: 20, minimumSpend: 99, daysValid: 14, budget: 0, reviewInvite: true, vipAdvisor: false, presaleAccess: false },
				{ key: 'ordinary', labelEn: 'Ordinary', labelZh: '普通客户', couponKind: 'spendThreshold', amount: 10, percent: 10, cap: 0, threshold: 99, reduction: 20, minimumSpend: 0, daysValid: 14, budget: 0, reviewInvite: false, vipAdvisor: false, presaleAccess: false },
				{ key: 'lost', labelEn: 'Lost', labelZh: '流失客户', couponKind: 'none', amount: 10, percent: 10, cap: 0, threshold: 99, reduction: 20, minimumSpend: 0, daysValid: 14, budget: 0, reviewInvite: false, vipAdvisor: false, presaleAccess: false },
			],
		},
		description: 'Each tier\'s actions and coupon. Defaults: VIP, Active, Ordinary, Lost (每个层级的触达动作和优惠券).',
		options: [
			{
				name: 'tier',
				displayName: 'Tier',
				values: [
					{ displayName: 'Amount Off', name: 'amount', type: 'number', default: 10, typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount, numberPrecision: 2 }, displayOptions: { show: { couponKind: ['fixedAmount'] } } },
					{ displayName: 'Budget', name: 'budget', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.budget, numberPrecision: 2 }, description: 'Most this tier\'s coupons may cost together (each at its largest discount); 0 = no limit' },
					{ displayName: 'Cap (Largest Discount)', name: 'cap', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount, numberPrecision: 2 }, description: '0 = no cap (then the coupon cannot be budgeted)', displayOptions: { show: { couponKind: ['percentage'] } } },
					{
						displayName: 'Coupon',
						name: 'couponKind',
						type: 'options',
						options: [
							{ name: 'No Coupon', value: 'none' },
							{ name: 'Fixed Amount Off (立减)', value: 'fixedAmount' },
							{ name: 'Percentage Off (折扣)', value: 'percentage' },
							{ name: 'Spend X, Save Y (满减)', value: 'spendThreshold' },
						],
						default: 'none',
					},
					{ displayName: 'Days Valid', name: 'daysValid', type: 'number', default: 14, typeOptions: { minValue: 1, maxValue: SETTING_LIMITS.days }, description: 'Counting the first day', displayOptions: { hide: { couponKind: ['none'] } } },
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'vip', description: 'Name used in rules and in the `tier` output field (letters, digits, _ and -)' },
					{ displayName: 'Label (English)', name: 'labelEn', type: 'string', default: '' },
					{ displayName: 'Label (简体中文)', name: 'labelZh', type: 'string', default: '' },
					{ displayName: 'Minimum Spend', name: 'minimumSpend', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount, numberPrecision: 2 }, description: 'Smallest order the coupon applies to; 0 = any order', displayOptions: { hide: { couponKind: ['none'] } } },
					{ displayName: 'Percent Off', name: 'percent', type: 'number', default: 10, typeOptions: { minValue: 0, maxValue: 99.99, numberPrecision: 2 }, description: '15 means 15% off (8.5折)', displayOptions: { show: { couponKind: ['percentage'] } } },
					{ displayName: 'Presale Access (预售权)', name: 'presaleAccess', type: 'boolean', default: false, description: 'Whether this tier gets early access to limited editions and presales' },
					{ displayName: 'Review Invitation (邀请测评)', name: 'reviewInvite', type: 'boolean', default: false, description: 'Whether to invite this tier to review products (Review Invite output)' },
					{ displayName: 'Save Y', name: 'reduction', type: 'number', default: 20, typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount, numberPrecision: 2 }, displayOptions: { show: { couponKind: ['spendThreshold'] } } },
					{ displayName: 'Spend X', name: 'threshold', type: 'number', default: 99, typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount, numberPrecision: 2 }, displayOptions: { show: { couponKind: ['spendThreshold'] } } },
					{ displayName: 'VIP Advisor Follow-Up (专属顾问)', name: 'vipAdvisor', type: 'boolean', default: false, description: 'Whether a personal advisor follows this tier up (VIP Advisor output)' },
				],
			},
		],
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {
			// Literal for the linter; equals DEFAULT_RULES.map(ruleToParameter) (a test checks).
			rule: [
				{ name: 'VIP: champions', tier: 'vip', conditions: { condition: [{ field: 'segment', operator: 'inList', value: 'champions', valueTo: '' }] } },
				{ name: 'VIP: top 5% by predicted lifetime value', tier: 'vip', conditions: { condition: [{ field: 'predictedClv', operator: 'topPercent', value: '5', valueTo: '' }] } },
				{ name: 'Active: loyal customers and potential loyalists', tier: 'active', conditions: { condition: [{ field: 'segment', operator: 'inList', value: 'loyal_customers, potential_loyalists', valueTo: '' }] } },
				{ name: 'Lost: lost and hibernating', tier: 'lost', conditions: { condition: [{ field: 'segment', operator: 'inList', value: 'lost, hibernating', valueTo: '' }] } },
				{ name: 'Win back: at risk', tier: 'ordinary', conditions: { condition: [{ field: 'segment', operator: 'inList', value: 'at_risk, cant_lose, about_to_sleep, need_attention', valueTo: '' }] } },
			],
		},
		description: 'Checked from top to bottom; the first rule whose conditions all hold decides the tier (从上到下检查，第一条全部条件成立的规则决定层级)',
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{
						displayName: 'Conditions',
						name: 'conditions',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Condition',
						default: {},
						description: 'All must hold. No condition: the rule matches everyone.',
						options: [
							{
								name: 'condition',
								displayName: 'Condition',
								values: [
									{ displayName: 'Field', name: 'field', type: 'string', default: 'segment', placeholder: 'segment', description: 'Any field of the customer item, e.g. segment, r, monetary, predictedClv, tags, recencyDays; dots for nested fields' },
									{ displayName: 'Operator', name: 'operator', type: 'options', options: OPERATOR_OPTIONS, default: 'equals' },
									{ displayName: 'Value', name: 'value', type: 'string', default: '', displayOptions: { hide: { operator: ['isSet', 'isNotSet'] } }, description: 'Text, a number, a comma-separated list, a tag, or N for the top N %' },
									{ displayName: 'To', name: 'valueTo', type: 'string', default: '', displayOptions: { show: { operator: ['between'] } } },
								],
							},
						],
					},
					{ displayName: 'Rule Name', name: 'name', type: 'string', default: '', description: 'Shown in the matchedRule output field' },
					{ displayName: 'Tier', name: 'tier', type: 'string', default: '', placeholder: 'vip', description: 'Key of the tier this rule assigns' },
				],
			},
		],
	},
	{
		displayName: 'Default Tier',
		name: 'defaultTier',
		type: 'string',
		default: DEFAULT_TIER_KEY,
		description: 'Tier of a customer no rule matches (没有规则匹配时的层级)',
	},
	{
		displayName: 'Campaign Budget',
		name: 'campaignBudget',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.budget, numberPrecision: 2 },
		description:
			'Most all coupons may cost together, each at its largest discount; 0 = no limit. When it cannot cover everyone, customers are funded highest priority first (全部优惠券的总预算；0 表示不限).',
	},
	{
		displayName: 'Priority Fields',
		name: 'priorityFields',
		type: 'string',
		default: 'predictedClv, monetary',
		description:
			'Who is funded first when a budget runs short: highest value of the first field first, ties by the next, then by customer ID (预算不足时先给谁发券)',
	},
	{
		displayName: 'Code Prefix',
		name: 'codePrefix',
		type: 'string',
		default: 'CO-',
		description: 'Put before every code (letters, digits, _ and -; up to 20)',
	},
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		default: 10,
		typeOptions: { minValue: MIN_CODE_LENGTH, maxValue: MAX_CODE_LENGTH },
		description: 'Characters after the prefix, from 23456789ABCDEFGHJKMNPQRSTUVWXYZ (no 0/O, 1/I/L)',
	},
	{
		displayName: 'Birthday Benefit (生日专属)',
		name: 'birthdayBenefit',
		type: 'options',
		options: [
			{ name: 'Off', value: 'off' },
			{ name: 'Birthday in the Campaign Month', value: 'month' },
			{ name: 'Birthday Within ± N Days of the Campaign Date', value: 'days' },
		],
		default: 'off',
		description: 'Customers whose birthday is in the window get birthdayBenefit = true and the bonus on their coupon (生日在窗口内的客户可多减生日加赠金额)',
	},
	{
		displayName: 'Days Around the Birthday',
		name: 'birthdayDays',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 0, maxValue: BIRTHDAY_DAYS_LIMIT },
		displayOptions: { show: { birthdayBenefit: ['days'] } },
	},
	{
		displayName: 'Birthday Bonus',
		name: 'birthdayBonus',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount, numberPrecision: 2 },
		displayOptions: { hide: { birthdayBenefit: ['off'] } },
		description: 'Extra amount off the coupon in the birthday window (counts against the budget) (生日期间额外减免的金额，计入预算)',
	},
	{
		displayName: 'Member Day (会员日)',
		name: 'memberDay',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 31 },
		description:
			'Day of the month of your member day, e.g. 8; 0 = none. Items carry the next member day; in shorter months day 31 is the last day (每月会员日是几号，如 8；0 表示没有).',
	},
	{
		displayName: 'Coupons Start on the Member Day',
		name: 'couponsStartOnMemberDay',
		type: 'boolean',
		default: false,
		displayOptions: { hide: { memberDay: [0] } },
		description: 'Whether coupons become valid on the next member day instead of the campaign date (券是否从下一个会员日起生效)',
	},
	{
		displayName: 'Field Mapping',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your data keeps these fields, when the names differ (列名不同时填写你的列名)',
		options: [
			{ displayName: 'Birthday Field', name: 'birthday', type: 'string', default: 'birthday', description: 'YYYY-MM-DD or --MM-DD' },
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
		],
	},
	{
		displayName: 'Label Language',
		name: 'labelLanguage',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en',
		description: 'Language of tierLabel, actionLabels and the coupon description (层级名称、动作名称和券说明的语言)',
	},
];
