/**
 * Coupon Tier's settings (nodes/lib/coupons/options.ts): the values of the node's parameters in
 * (a tier or rule entry with every value given, as the node fills them from its description),
 * the campaign settings and code format out; a bad setting is a UserInputError worded as the
 * node shows it.
 */
import { UserInputError } from '../../../nodes/lib/errors';
import { parseCouponTierOptions, type CouponTierOptionsInput } from '../../../nodes/lib/coupons';

const NOW = Date.UTC(2026, 6, 14, 18); // 2026-07-14T18:00Z = 2026-07-15 02:00 in Shanghai

/** A tier entry as the Tiers parameter holds it (the description's defaults, then `change`). */
const tierEntry = (change: Record<string, unknown>) => ({
	key: '',
	labelEn: '',
	labelZh: '',
	couponKind: 'none',
	amount: 10,
	percent: 10,
	cap: 0,
	threshold: 99,
	reduction: 20,
	minimumSpend: 0,
	daysValid: 14,
	budget: 0,
	reviewInvite: false,
	vipAdvisor: false,
	presaleAccess: false,
	...change,
});

const parameters = (change: Partial<CouponTierOptionsInput> = {}): CouponTierOptionsInput => ({
	now: NOW,
	campaignId: ' member-coupons ',
	period: 'month',
	campaignDate: '',
	timeZone: 'Asia/Shanghai',
	currency: 'cny',
	tiers: [
		tierEntry({ key: 'vip', labelEn: 'VIP', labelZh: 'VIP 客户', couponKind: 'percentage', percent: 15, cap: 100, daysValid: 30, vipAdvisor: true }),
		tierEntry({ key: 'lost' }),
	],
	rules: [
		{ name: 'VIP: champions', tier: 'vip', conditions: { condition: [{ field: 'segment', operator: 'inList', value: 'champions', valueTo: '' }] } },
	],
	defaultTier: 'lost',
	campaignBudget: 0,
	priorityFields: 'predictedClv, monetary',
	codePrefix: ' CO- ',
	codeLength: 10,
	birthdayBenefit: 'off',
	memberDay: 0,
	labelLanguage: 'en',
	...change,
});

function errorOf(input: CouponTierOptionsInput): UserInputError {
	try {
		parseCouponTierOptions(input);
	} catch (error) {
		if (error instanceof UserInputError) return error;
		throw error;
	}
	throw new Error('expected a UserInputError');
}

describe('Coupon Tier settings', () => {
	it('campaign settings and code format from the parameters: trimmed texts, the currency as an ISO code', () => {
		const { campaign, code } = parseCouponTierOptions(parameters());
		expect(code).toEqual({ prefix: 'CO-', length: 10 });
		expect(campaign).toMatchObject({
			campaignId: 'member-coupons',
			period: 'month',
			currency: 'CNY',
			defaultTier: 'lost',
			campaignBudget: 0,
			priorityFields: ['predictedClv', 'monetary'],
			birthday: { kind: 'off' },
			birthdayBonus: 0,
			memberDay: undefined,
			language: 'en',
		});
	});

	it('Campaign Date left empty is today in the shop\'s time zone (from the clock passed in); a date-time gives its day', () => {
		expect(parseCouponTierOptions(parameters()).campaign.campaignDate).toBe('2026-07-15');
		expect(parseCouponTierOptions(parameters({ campaignDate: '2026-07-01T00:00:00+08:00' })).campaign.campaignDate).toBe('2026-07-01');
	});

	it('a tier entry becomes a tier with the coupon of its kind; a label left empty is the key', () => {
		const { tiers } = parseCouponTierOptions(parameters()).campaign;
		expect(tiers).toEqual([
			{
				key: 'vip',
				label: { en: 'VIP', zh: 'VIP 客户' },
				reviewInvite: false,
				vipAdvisor: true,
				coupon: { kind: 'percentage', percent: 15, cap: 100, minimumSpend: 0, daysValid: 30 },
				budget: 0,
				presaleAccess: false,
			},
			{
				key: 'lost',
				label: { en: 'lost', zh: 'lost' },
				reviewInvite: false,
				vipAdvisor: false,
				coupon: undefined,
				budget: 0,
				presaleAccess: false,
			},
		]);
	});

	it('fixed-amount and spend-X-save-Y entries carry only their own amounts', () => {
		const { tiers } = parseCouponTierOptions(
			parameters({
				tiers: [
					tierEntry({ key: 'a', couponKind: 'fixedAmount', amount: 10, minimumSpend: 99 }),
					tierEntry({ key: 'b', couponKind: 'spendThreshold', threshold: 300, reduction: 50, daysValid: 7 }),
				],
			}),
		).campaign;
		expect(tiers.map((t) => t.coupon)).toEqual([
			{ kind: 'fixedAmount', amount: 10, minimumSpend: 99, daysValid: 14 },
			{ kind: 'spendThreshold', threshold: 300, reduction: 50, minimumSpend: 0, daysValid: 7 },
		]);
	});

	it('a rule entry becomes a rule; a rule without conditions matches everyone', () => {
		const { rules } = parseCouponTierOptions(
			parameters({ rules: [...parameters().rules, { name: ' everyone ', tier: 'lost', conditions: {} }] }),
		).campaign;
		expect(rules).toEqual([
			{ name: 'VIP: champions', tier: 'vip', conditions: [{ field: 'segment', operator: 'inList', value: 'champions', valueTo: '' }] },
			{ name: 'everyone', tier: 'lost', conditions: [] },
		]);
	});

	it('birthday window, bonus and member day, each read only with its switch', () => {
		const { campaign } = parseCouponTierOptions(
			parameters({ birthdayBenefit: 'days', birthdayDays: 7, birthdayBonus: 20, memberDay: 8, couponsStartOnMemberDay: true }),
		);
		expect(campaign).toMatchObject({
			birthday: { kind: 'days', days: 7 },
			birthdayBonus: 20,
			memberDay: { dayOfMonth: 8, couponsStartOnMemberDay: true },
		});
		expect(parseCouponTierOptions(parameters({ birthdayBenefit: 'month', birthdayBonus: 5 })).campaign).toMatchObject({
			birthday: { kind: 'month' },
			birthdayBonus: 5,
		});
	});

	it.each<[string, Partial<CouponTierOptionsInput>, string]>([
		['a currency that is not a 3-letter code', { currency: ' yuan ' }, 'Currency "YUAN" is not a 3-letter currency code such as CNY'],
		['a campaign date that is no calendar day', { campaignDate: '2026-02-30' }, 'Campaign Date "2026-02-30" is not a calendar date YYYY-MM-DD, e.g. 2026-07-01'],
	])('refuses %s, naming the setting', (_, change, message) => {
		expect(errorOf(parameters(change)).message).toBe(message);
	});
});
