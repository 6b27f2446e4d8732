/**
 * A whole campaign from RFM-tiered customers: tiers, actions, coupons with codes and validity,
 * date-window benefits, budgets with the left-out list, and idempotent re-runs.
 */
import {
	campaignItem,
	createCodeSigner,
	customerItem,
	DEFAULT_TIERS,
	planCampaign,
	tierItems,
	type CampaignCustomer,
	type CampaignSettings,
} from '../../../nodes/lib/coupons';
import { campaignSettings } from '../../support/campaignSettings';
import { UserInputError } from '../../../nodes/lib/errors';

const SECRET = 'demo-secret-0123456789abcdef';
const sign = createCodeSigner(SECRET, { prefix: 'CO-', length: 10 });

const rows = [
	{ customerId: 'A', segment: 'champions', monetary: 3000, predictedClv: 900, birthday: '--07-03' },
	{ customerId: 'B', segment: 'loyal_customers', monetary: 800, predictedClv: 400 },
	{ customerId: 'C', segment: 'at_risk', monetary: 300, predictedClv: 40 },
	{ customerId: 'D', segment: 'hibernating', monetary: 20, predictedClv: 1 },
	{ customerId: 'E', segment: 'new_customers', monetary: 99, predictedClv: 60, birthday: '1995-06-29' },
	{ customerId: 'F', segment: 'potential_loyalists', monetary: 150, predictedClv: 90 },
];

const customers = (data = rows): CampaignCustomer[] =>
	data.map((record) => ({
		customerId: record.customerId,
		record,
		birthday: record.birthday ? { month: Number(record.birthday.slice(-5, -3)), day: Number(record.birthday.slice(-2)) } : undefined,
	}));

const settings = campaignSettings;

describe('planning a campaign', () => {
	it('tiers customers and routes each tier to its actions', () => {
		const plan = planCampaign(customers(), settings(), sign);
		expect(plan.customers.map((c) => [c.customerId, c.tier, c.actions])).toEqual([
			['A', 'vip', ['coupon', 'vipAdvisor']],
			['B', 'active', ['coupon', 'reviewInvite']],
			['C', 'ordinary', ['coupon']],
			['D', 'lost', ['noAction']],
			['E', 'ordinary', ['coupon']],
			['F', 'active', ['coupon', 'reviewInvite']],
		]);
		expect(plan.customers[0]).toMatchObject({
			tierLabel: 'VIP',
			matchedRule: 'VIP: champions',
			actionLabels: ['Coupon', 'VIP advisor follow-up'],
			couponStatus: 'issued',
			presaleAccess: true,
			period: '2026-07',
			campaignId: '2026-07-members',
		});
		expect(plan.customers[4].matchedRule).toBe('(default tier)');
		expect(plan.customers[3]).toMatchObject({ couponStatus: 'none', couponCode: null, coupon: null, priorityRank: null });
	});

	it('issues each coupon with its terms, face value, validity and signed code', () => {
		const plan = planCampaign(customers(), settings(), sign);
		const a = plan.customers[0];
		expect(a.coupon).toEqual({
			code: sign({ campaignId: '2026-07-members', customerId: 'A', period: '2026-07' }),
			kind: 'percentage',
			description: '15% off, up to ¥100',
			amount: null,
			percent: 15,
			cap: 100,
			threshold: null,
			reduction: null,
			minimumSpend: 0,
			birthdayBonus: 0,
			faceValue: 100,
			currency: 'CNY',
			validFrom: '2026-07-01T00:00:00+08:00',
			validUntil: '2026-07-30T23:59:59+08:00',
			validFromDate: '2026-07-01',
			validUntilDate: '2026-07-30',
			campaignId: '2026-07-members',
			period: '2026-07',
		});
		expect(a.couponCode).toBe(a.coupon?.code);
		expect(plan.customers[2].coupon).toMatchObject({ kind: 'spendThreshold', threshold: 99, reduction: 20, minimumSpend: 99, faceValue: 20 });
		expect(plan.customers[1].coupon).toMatchObject({ kind: 'fixedAmount', amount: 10, minimumSpend: 99, faceValue: 10 });
	});

	it('labels in Chinese when asked', () => {
		const plan = planCampaign(customers(), settings({ language: 'zh' }), sign);
		expect(plan.customers[0]).toMatchObject({ tierLabel: 'VIP 客户', actionLabels: ['发放优惠券', 'VIP 专属顾问跟进'] });
		expect(plan.customers[2].coupon?.description).toBe('满¥99减¥20');
		expect(plan.customers[3].actionLabels).toEqual(['暂不触达']);
	});

	it('a re-run in the same period issues the same codes; the next period new ones', () => {
		const first = planCampaign(customers(), settings(), sign);
		const again = planCampaign(customers([...rows].reverse()), settings({ campaignDate: '2026-07-20' }), sign);
		const codeOf = (plan: typeof first) => new Map(plan.customers.map((c) => [c.customerId, c.couponCode]));
		expect(codeOf(again)).toEqual(codeOf(first));
		const august = planCampaign(customers(), settings({ campaignDate: '2026-08-01' }), sign);
		for (const c of august.customers) {
			if (c.couponCode) expect(c.couponCode).not.toBe(codeOf(first).get(c.customerId));
		}
		// A customer who changes tier within the period keeps the one code.
		const promoted = rows.map((r) => (r.customerId === 'C' ? { ...r, segment: 'champions' } : r));
		const c = planCampaign(customers(promoted), settings(), sign).customers[2];
		expect(c.tier).toBe('vip');
		expect(c.couponCode).toBe(codeOf(first).get('C'));
	});

	it('shares a short budget out by predictedClv and reports who was left out and why', () => {
		const tiers = DEFAULT_TIERS.map((t) => (t.key === 'active' ? { ...t, budget: 10 } : t));
		// Coupons: A 100, B 10, F 10, C 20, E 20 (face values); campaign budget 140.
		const plan = planCampaign(customers(), settings({ tiers, campaignBudget: 140 }), sign);
		const status = Object.fromEntries(plan.customers.map((c) => [c.customerId, [c.couponStatus, c.leftOutReason, c.priorityRank]]));
		expect(status).toEqual({
			A: ['issued', null, 1],
			B: ['issued', null, 2],
			F: ['leftOut', 'tierBudget', 3],
			E: ['issued', null, 4],
			C: ['leftOut', 'campaignBudget', 5],
			D: ['none', null, null],
		});
		const f = plan.customers[5];
		expect(f.actions).toEqual(['reviewInvite']);
		expect(f.leftOutExplanation).toBe(
			'The Active tier budget (10) was used up by customers of higher priority (by predictedClv, monetary, highest first)',
		);
		const c = plan.customers[2];
		expect(c.actions).toEqual(['noAction']);
		expect(plan.campaign).toMatchObject({
			couponsIssued: 3,
			couponValue: 130,
			budget: 140,
			budgetLeft: 10,
			couponsLeftOut: 2,
			leftOutCustomers: [
				{ customerId: 'F', tier: 'active', reason: 'tierBudget', faceValue: 10, priorityRank: 3 },
				{ customerId: 'C', tier: 'ordinary', reason: 'campaignBudget', faceValue: 20, priorityRank: 5 },
			],
		});
		const active = plan.tiers.find((t) => t.tier === 'active');
		expect(active).toMatchObject({ customers: 2, couponsIssued: 1, couponsLeftOut: 1, couponValue: 10, budget: 10, budgetLeft: 0, reviewInvites: 2 });

		// As the node outputs it: the Totals item counts the two left out per reason, without the list;
		// F's item says why, C's too; the tier rows all have the same fields.
		const totals = campaignItem(plan);
		expect(totals).toMatchObject({ couponsLeftOut: 2, leftOutByReason: { tierBudget: 1, campaignBudget: 1 } });
		expect(totals).not.toHaveProperty('leftOutCustomers');
		const fItem = customerItem(f, rows[5]);
		expect(fItem).toMatchObject({ customerId: 'F', segment: 'potential_loyalists', tier: 'active', couponStatus: 'leftOut', couponCode: null, couponValue: null });
		expect(fItem).toMatchObject({ leftOutReason: 'tierBudget', priorityRank: 3, couponKind: null, ...rows[5] });
		const tierRows = tierItems(plan);
		expect(tierRows.map((t) => t.tier)).toEqual(['vip', 'active', 'ordinary', 'lost']);
		for (const row of tierRows) expect(Object.keys(row)).toEqual(Object.keys(tierRows[0]));
	});

	it("a customer item shows the coupon's code, value and last day on top", () => {
		const plan = planCampaign(customers(), settings(), sign);
		const a = customerItem(plan.customers[0], rows[0]);
		// A is a champion: VIP, 15 % off capped at 100 → face value 100.
		expect(a).toMatchObject({ customerId: 'A', segment: 'champions', tier: 'vip', couponStatus: 'issued', couponValue: 100 });
		expect(a.couponCode).toBe(plan.customers[0].couponCode);
		expect(a.validUntilDate).toBe(plan.customers[0].coupon?.validUntilDate);
		expect(a).toMatchObject({ couponKind: 'percentage', couponPercent: 15, couponCap: 100 });
	});

	it("a customer item is flat, and Coupon Tier's own fields win over the input's of the same name", () => {
		const plan = planCampaign(customers(), settings(), sign);
		// An input that went through Coupon Tier before (a re-run fed its own output) carries stale values.
		const a = customerItem(plan.customers[0], { ...rows[0], tier: 'stale', couponCode: 'OLD-CODE', note: 'kept' });
		expect(a).toMatchObject({ tier: 'vip', couponCode: plan.customers[0].couponCode, note: 'kept' });
		for (const [field, value] of Object.entries(a)) expect({ field, nested: typeof value === 'object' && value !== null }).toEqual({ field, nested: false });
	});

	it('summarises every tier, empty ones too', () => {
		const plan = planCampaign(customers(), settings(), sign);
		expect(plan.tiers.map((t) => [t.tier, t.customers, t.couponsIssued, t.couponValue, t.noAction])).toEqual([
			['vip', 1, 1, 100, 0],
			['active', 2, 2, 20, 0],
			['ordinary', 2, 2, 40, 0],
			['lost', 1, 0, 0, 1],
		]);
		expect(plan.campaign).toMatchObject({ customers: 6, couponsIssued: 5, couponValue: 160, budget: null, budgetLeft: null, couponsLeftOut: 0 });
		const empty = planCampaign([], settings(), sign);
		expect(empty.tiers.map((t) => t.customers)).toEqual([0, 0, 0, 0]);
	});

	it('birthday ± 7 days adds the bonus to the coupon, its face value and its text', () => {
		const plan = planCampaign(customers(), settings({ birthday: { kind: 'days', days: 7 }, birthdayBonus: 20 }), sign);
		const a = plan.customers[0];
		const e = plan.customers[4];
		expect(a).toMatchObject({ birthdayBenefit: true, birthdayDate: '2026-07-03' });
		expect(a.coupon).toMatchObject({ birthdayBonus: 20, faceValue: 120, description: '15% off, up to ¥100; birthday: ¥20 more off' });
		expect(e).toMatchObject({ birthdayBenefit: true, birthdayDate: '2026-06-29' });
		expect(plan.customers[1]).toMatchObject({ birthdayBenefit: false, birthdayDate: null });
		expect(plan.campaign.birthdayBenefits).toBe(2);
		const month = planCampaign(customers(), settings({ birthday: { kind: 'month' }, birthdayBonus: 20 }), sign);
		expect(month.customers.map((c) => c.birthdayBenefit)).toEqual([true, false, false, false, false, false]);
	});

	it('member day: the next one is named, and coupons can start on it', () => {
		const named = planCampaign(customers(), settings({ memberDay: { dayOfMonth: 8, couponsStartOnMemberDay: false } }), sign);
		expect(named.customers[0]).toMatchObject({ memberDay: '2026-07-08', coupon: { validFromDate: '2026-07-01' } });
		const starting = planCampaign(customers(), settings({ memberDay: { dayOfMonth: 8, couponsStartOnMemberDay: true } }), sign);
		expect(starting.customers[0].coupon).toMatchObject({ validFromDate: '2026-07-08', validUntilDate: '2026-08-06' });
		// The period (and so the code) still follows the campaign date.
		expect(starting.customers[0].couponCode).toBe(named.customers[0].couponCode);
		expect(starting.campaign.memberDay).toBe('2026-07-08');
	});

	it.each<[Partial<CampaignSettings>, RegExp]>([
		[{ campaignId: ' ' }, /Campaign ID is empty/],
		[{ campaignDate: '2026-02-30' }, /Campaign date "2026-02-30" is not a calendar date/],
		[{ defaultTier: 'gold' }, /default tier "gold" is not one of the tiers/],
		[{ campaignBudget: -1 }, /campaign budget must be 0/],
		[{ birthday: { kind: 'days', days: -1 } }, /Birthday window/],
		[
			{ campaignBudget: 500, tiers: DEFAULT_TIERS.map((t) => (t.key === 'vip' ? { ...t, coupon: { kind: 'percentage' as const, percent: 10, daysValid: 7 } } : t)) },
			/Tier "vip": a percentage coupon needs a cap when a budget is set/,
		],
		[{ tiers: [...DEFAULT_TIERS, { ...DEFAULT_TIERS[0] }] }, /the key "vip" is used by two tiers/],
	])('rejects %j', (overrides, message) => {
		expect(() => planCampaign(customers(), settings(overrides), sign)).toThrow(UserInputError);
		expect(() => planCampaign(customers(), settings(overrides), sign)).toThrow(message);
	});

	it('rejects a customer given twice', () => {
		expect(() => planCampaign(customers([rows[0], rows[0]]), settings(), sign)).toThrow('Customer "A" appears twice');
	});

	it('two customers whose codes collide both get a coupon, with different codes, whatever their order', () => {
		// With this secret, campaign and period, C012306 and C050312 both draw 8DTZQZ at length 6
		// (found by signing C000000… until two codes met: the birthday problem, ~35k ids).
		const short = createCodeSigner(SECRET, { prefix: '', length: 6 });
		const pair = ['C012306', 'C050312'].map((customerId) => ({ customerId, segment: 'champions', monetary: 100, predictedClv: 50 }));
		const plan = planCampaign(customers(pair), settings(), short);
		const codeOf = Object.fromEntries(plan.customers.map((c) => [c.customerId, c.couponCode]));
		expect(codeOf.C012306).toBe('8DTZQZ');
		expect(codeOf.C050312).toBe(short({ campaignId: '2026-07-members', customerId: 'C050312', period: '2026-07', attempt: 1 }));
		expect(codeOf.C050312).not.toBe('8DTZQZ');
		const reversed = planCampaign(customers([...pair].reverse()), settings(), short);
		expect(Object.fromEntries(reversed.customers.map((c) => [c.customerId, c.couponCode]))).toEqual(codeOf);
		expect(plan.campaign.warnings).toContainEqual(expect.stringMatching(/^1 customer\(s\) drew a code another customer already had and got a re-signed one \("C050312"\)/));
	});

	it('warns in the campaign summary about a weak secret and a short code, never showing the secret', () => {
		const weakSecret = 'abcabcabcabcabcabc';
		const plan = planCampaign(customers(), settings(), createCodeSigner(weakSecret, { prefix: 'CO-', length: 6 }));
		expect(plan.campaign.warnings).toEqual([
			expect.stringMatching(/^The coupon code secret repeats a block of 3 character/),
			// 5 coupons out of 31^6 = 887,503,681 codes.
			expect.stringMatching(/^Code length 6 gives 31\^6 ≈ 8\.9×10\^8 codes \(29\.7 bits\): with 5 coupons issued, one random guess in about 177,500,736 is a valid code/),
		]);
		expect(JSON.stringify(plan)).not.toContain(weakSecret);
		expect(planCampaign(customers(), settings(), sign).campaign.warnings).toEqual([]);
	});

	it('builds no date formatter per coupon (four per coupon made 100k customers take 143 s)', () => {
		const many = Array.from({ length: 300 }, (_, i) => ({ customerId: `M${i}`, segment: 'champions', monetary: i, predictedClv: i }));
		const built = jest.spyOn(Intl, 'DateTimeFormat');
		try {
			const plan = planCampaign(customers(many), settings({ timeZone: 'America/New_York' }), sign);
			expect(plan.campaign.couponsIssued).toBe(300);
			// VIP coupons last 30 days: 1 to 30 July, New York on daylight time (UTC−4).
			expect(new Set(plan.customers.map((c) => c.coupon?.validUntil))).toEqual(new Set(['2026-07-30T23:59:59-04:00']));
			expect(built.mock.calls.length).toBeLessThanOrEqual(1);
		} finally {
			built.mockRestore();
		}
	});
});
