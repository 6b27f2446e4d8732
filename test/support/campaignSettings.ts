/** Coupon Tier's campaign settings with the default tiers and rules, for the tests that plan a campaign. */
import { DEFAULT_RULES, DEFAULT_TIERS, type CampaignSettings } from '../../nodes/lib/coupons';

export const campaignSettings = (overrides: Partial<CampaignSettings> = {}): CampaignSettings => ({
	campaignId: '2026-07-members',
	campaignDate: '2026-07-01',
	period: 'month',
	timeZone: 'Asia/Shanghai',
	currency: 'CNY',
	language: 'en',
	tiers: DEFAULT_TIERS,
	rules: DEFAULT_RULES,
	defaultTier: 'ordinary',
	priorityFields: ['predictedClv', 'monetary'],
	birthday: { kind: 'off' },
	birthdayBonus: 0,
	...overrides,
});
