/**
 * Coupon Tier in-process through n8n-core's WorkflowExecute: Demo Shop Data → RFM Segment →
 * Coupon Tier, with the code secret served as an n8n credential. Outputs per action, codes that
 * repeat on a re-run, budgets, bad input, and a secret that never shows in outputs or errors.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { DEFAULT_RULES, DEFAULT_TIERS } from '../../nodes/lib/coupons';
import { CouponTier } from '../../nodes/CouponTier/CouponTier.node';
import { ruleToParameter, tierToParameter } from '../../nodes/CouponTier/description';
import { chain, node, runWorkflow, type RunResult } from '../support/n8n';

const SECRET = 'test-secret-7f3a9c1e5b2d8046aa';
const CREDENTIALS = { couponCodeSecretApi: { secret: SECRET } };
const CREDENTIAL_REF = { couponCodeSecretApi: { id: 'coupon-secret-1', name: 'Coupon code secret' } };
const OUTPUTS = { coupon: 0, reviewInvite: 1, vipAdvisor: 2, noAction: 3, summary: 4, campaign: 5 } as const;

const demo = { dataset: 'orders', seed: 7, customers: 400, orders: 2000, endDate: '2026-06-30', days: 365 };

function campaign(couponParameters: IDataObject = {}, extra: Partial<INode> = {}) {
	return {
		nodes: [
			node('Run', 'n8n-nodes-base.manualTrigger'),
			node('Demo Orders', 'demoShopData', demo),
			node('Score Customers', 'rfmSegment', { referenceMode: 'endOfDay', referenceDate: '2026-06-30' }),
			node(
				'Coupon Tier',
				'couponTier',
				{ campaignId: '2026-07-members', campaignDate: '2026-07-01', ...couponParameters },
				{ credentials: CREDENTIAL_REF, ...extra },
			),
		],
		connections: chain('Run', 'Demo Orders', 'Score Customers', 'Coupon Tier'),
	};
}

function fromItems(items: IDataObject[], couponParameters: IDataObject = {}, extra: Partial<INode> = {}) {
	return {
		nodes: [
			node('Run', 'n8n-nodes-base.manualTrigger'),
			node('Customers', 'test.fixture', { items: JSON.stringify(items) }),
			node('Coupon Tier', 'couponTier', { campaignId: 'c1', campaignDate: '2026-07-01', ...couponParameters }, { credentials: CREDENTIAL_REF, ...extra }),
		],
		connections: chain('Run', 'Customers', 'Coupon Tier'),
	};
}

const out = (result: RunResult, name: keyof typeof OUTPUTS) => result.output('Coupon Tier', OUTPUTS[name]);
const totalsOf = (result: RunResult) => out(result, 'campaign')[0];

describe('Demo Shop Data → RFM Segment → Coupon Tier', () => {
	let result: RunResult;
	beforeAll(async () => {
		result = await runWorkflow(campaign(), CREDENTIALS);
	});

	it('routes every customer by tier: coupons, review invitations, VIP advisors, no action', () => {
		const customers = result.output('Score Customers');
		const coupons = out(result, 'coupon');
		const invites = out(result, 'reviewInvite');
		const advisors = out(result, 'vipAdvisor');
		const none = out(result, 'noAction');
		expect(coupons.length + none.length).toBe(customers.length);
		expect(new Set([...coupons, ...none].map((c) => c.customerId)).size).toBe(customers.length);
		for (const c of coupons) expect(['vip', 'active', 'ordinary']).toContain(c.tier);
		for (const c of invites) expect(c.tier).toBe('active');
		for (const c of advisors) expect(c).toMatchObject({ tier: 'vip', couponStatus: 'issued', presaleAccess: true });
		for (const c of none) expect(c).toMatchObject({ tier: 'lost', couponCode: null, actions: 'noAction' });
		expect(advisors.length).toBeGreaterThan(0);
		expect(invites.length).toBeGreaterThan(0);
		expect(none.length).toBeGreaterThan(0);
		// Champions are VIPs; loyal customers and potential loyalists are active.
		for (const c of coupons) {
			if (c.segment === 'champions') expect(c.tier).toBe('vip');
			if (c.segment === 'loyal_customers' || c.segment === 'potential_loyalists') expect(c.tier).toBe('active');
			if (c.segment === 'hibernating') throw new Error('a hibernating customer got a coupon');
		}
	});

	it('one flat line per customer: who, segment, tier, code, value and last day first; then why, the coupon terms and the RFM fields', () => {
		const vip = out(result, 'vipAdvisor')[0];
		// What a person scans first, in this order; then why, then the coupon's terms (issue 12 item 3).
		expect(Object.keys(vip).slice(0, 24)).toEqual([
			'customerId',
			'segment',
			'tier',
			'tierLabel',
			'couponStatus',
			'couponCode',
			'couponDescription',
			'couponValue',
			'validUntilDate',
			'actions',
			'actionLabels',
			'matchedRule',
			'priorityRank',
			'leftOutReason',
			'leftOutExplanation',
			'presaleAccess',
			'birthdayBenefit',
			'birthdayDate',
			'memberDay',
			'campaignId',
			'period',
			'validFromDate',
			'couponKind',
			'couponAmount',
		]);
		// n8n's table view opens a nested object as a tree in its cell, one customer per pane: none here.
		for (const [field, value] of Object.entries(vip)) expect({ field, nested: typeof value === 'object' && value !== null }).toEqual({ field, nested: false });
		expect(vip).toMatchObject({
			customerId: expect.any(String),
			segment: expect.any(String),
			tier: 'vip',
			tierLabel: 'VIP',
			couponStatus: 'issued',
			couponCode: expect.stringMatching(/^CO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/),
			couponDescription: '15% off, up to ¥100',
			couponValue: 100,
			validUntilDate: '2026-07-30',
			matchedRule: expect.stringMatching(/^VIP: /),
			actions: 'coupon, vipAdvisor',
			actionLabels: 'Coupon, VIP advisor follow-up',
			couponKind: 'percentage',
			couponPercent: 15,
			couponCap: 100,
			couponCurrency: 'CNY',
			validFromDate: '2026-07-01',
			couponValidFrom: '2026-07-01T00:00:00+08:00',
			couponValidUntil: '2026-07-30T23:59:59+08:00',
			campaignId: '2026-07-members',
			period: '2026-07',
		});
		// The RFM item that came in follows, field by field, unchanged.
		const rfm = result.output('Score Customers').find((c) => c.customerId === vip.customerId)!;
		expect(vip).toMatchObject(rfm);
		expect(Object.keys(vip).slice(-Object.keys(rfm).length + 2)).toEqual(Object.keys(rfm).filter((k) => !['customerId', 'segment'].includes(k)));
		const codes = out(result, 'coupon').map((c) => c.couponCode);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('summarises each tier in rows of one shape, and the campaign in one Totals item; counts add up', () => {
		const tiers = out(result, 'summary');
		const total = totalsOf(result);
		expect(out(result, 'campaign')).toHaveLength(1);
		expect(tiers.map((t) => t.tier)).toEqual(['vip', 'active', 'ordinary', 'lost']);
		// Every row has the same fields, none undefined (a tier without a budget says null).
		for (const t of tiers) expect(Object.keys(t)).toEqual(Object.keys(tiers[0]));
		for (const t of tiers) for (const value of Object.values(t)) expect(value).not.toBeUndefined();
		expect(tiers[0]).toMatchObject({ campaignId: '2026-07-members', period: '2026-07', actions: 'coupon, vipAdvisor', budget: null, budgetLeft: null });
		for (const t of tiers) for (const value of Object.values(t)) expect(typeof value === 'object' && value !== null).toBe(false);
		expect(tiers.reduce((n, t) => n + (t.customers as number), 0)).toBe(result.output('Score Customers').length);
		expect(total).toMatchObject({ campaignId: '2026-07-members', period: '2026-07', couponsIssued: out(result, 'coupon').length, codePrefix: 'CO-', codeLength: 10 });
		const value = out(result, 'coupon').reduce((sum, c) => sum + (c.couponValue as number), 0);
		expect(total.couponValue).toBeCloseTo(value, 2);
	});

	it('a re-run issues exactly the same codes (no second coupon)', async () => {
		const again = await runWorkflow(campaign(), CREDENTIALS);
		const codes = (r: RunResult) => out(r, 'coupon').map((c) => [c.customerId, c.couponCode]);
		expect(codes(again)).toEqual(codes(result));
		// Another day of the same month: same codes; next month: all new.
		const laterInJuly = await runWorkflow(campaign({ campaignDate: '2026-07-19' }), CREDENTIALS);
		expect(codes(laterInJuly)).toEqual(codes(result));
		const august = await runWorkflow(campaign({ campaignDate: '2026-08-01' }), CREDENTIALS);
		const julyCodes = new Set(codes(result).map(([, code]) => code));
		for (const [, code] of codes(august)) expect(julyCodes.has(code)).toBe(false);
	});

	it('never shows the secret in outputs, summary or errors', async () => {
		expect(JSON.stringify(result.run.data)).not.toContain(SECRET);
		const bad = await runWorkflow(campaign({ codeLength: 99 }), CREDENTIALS);
		expect(bad.errorOf('Coupon Tier')?.message).toMatch(/Code length must be a whole number from 6 to 32/);
		expect(JSON.stringify(bad.run.data)).not.toContain(SECRET);
		const shortSecret = 'short-but-secret';
		const short = await runWorkflow(campaign(), { couponCodeSecretApi: { secret: shortSecret.slice(0, 12) } });
		expect(short.errorOf('Coupon Tier')?.message).toMatch(/secret is too short \(12 characters\)/);
		expect(JSON.stringify(short.run.data)).not.toContain(shortSecret.slice(0, 12));
	});

	it('the campaign summary warns of a weak secret and a guessable code length, never showing the secret', async () => {
		expect(totalsOf(result).warnings).toEqual([]);
		const weakSecret = 'abcdabcdabcdabcdabcd';
		const weak = await runWorkflow(campaign({ codeLength: 6 }), { couponCodeSecretApi: { secret: weakSecret } });
		const total = totalsOf(weak);
		expect(total.warnings).toEqual([
			expect.stringMatching(/^The coupon code secret repeats a block of 4 character/),
			expect.stringMatching(new RegExp(`^Code length 6 gives 31\\^6 ≈ 8\\.9×10\\^8 codes \\(29\\.7 bits\\): with ${total.couponsIssued} coupons issued`)),
		]);
		expect(JSON.stringify(weak.run.data)).not.toContain(weakSecret);
	});

	it('in Chinese: tier and action labels, coupon texts', async () => {
		const zh = await runWorkflow(campaign({ labelLanguage: 'zh' }), CREDENTIALS);
		expect(out(zh, 'vipAdvisor')[0]).toMatchObject({ tierLabel: 'VIP 客户', couponDescription: '8.5折，最高减¥100' });
		expect(out(zh, 'vipAdvisor')[0].actionLabels).toBe('发放优惠券、VIP 专属顾问跟进');
		expect(out(zh, 'noAction')[0].actionLabels).toBe('暂不触达');
	});

	it('a short budget goes to the highest predicted value first; the totals count who was left out and why', async () => {
		const budgeted = await runWorkflow(campaign({ campaignBudget: 500, priorityFields: 'monetary' }), CREDENTIALS);
		const total = totalsOf(budgeted);
		expect(total.couponValue).toBeLessThanOrEqual(500);
		expect(total.budgetLeft).toBeGreaterThanOrEqual(0);
		// The left-out customers are items on the outputs of their other actions, or No Action (couponStatus leftOut), not a list in one cell.
		expect(total).not.toHaveProperty('leftOutCustomers');
		const customers = ['reviewInvite', 'vipAdvisor', 'noAction'].flatMap((k) => out(budgeted, k as keyof typeof OUTPUTS));
		const leftOut = [...new Map(customers.filter((c) => c.couponStatus === 'leftOut').map((c) => [c.customerId, c])).values()];
		expect(leftOut.length).toBe(total.couponsLeftOut);
		expect(leftOut.length).toBeGreaterThan(0);
		expect(total.leftOutByReason).toEqual({ tierBudget: 0, campaignBudget: leftOut.length });
		for (const row of leftOut) expect(row.leftOutReason).toBe('campaignBudget');
		// Everyone funded spent at least as much as everyone left out, apart from cheaper coupons that still fitted.
		const funded = out(budgeted, 'coupon');
		const spend = new Map(result.output('Score Customers').map((c) => [c.customerId, c.monetary as number]));
		const topLeftOut = Math.max(...leftOut.map((r) => spend.get(r.customerId as string)!));
		const expensiveFunded = funded.filter((c) => c.couponValue === 100);
		for (const c of expensiveFunded) expect(spend.get(c.customerId as string)).toBeGreaterThanOrEqual(topLeftOut);
		// A customer left out whose tier takes no other action is on the No Action output, saying why.
		const noAction = out(budgeted, 'noAction').filter((c) => c.couponStatus === 'leftOut');
		expect(noAction.length).toBeGreaterThan(0);
		expect(noAction[0].leftOutExplanation).toMatch(/campaign budget \(500\) was used up by customers of higher priority \(by monetary/);
	});
});

describe('Coupon Tier settings and input', () => {
	const people: IDataObject[] = [
		{ customerId: 'A', segment: 'champions', monetary: 900, birthday: '--07-04', tags: ['vip'] },
		{ customerId: 'B', segment: 'at_risk', monetary: 120, birthday: '1990-12-30' },
		{ customerId: 'C', segment: 'hibernating', monetary: 10 },
	];

	it('its parameter defaults are the library defaults', () => {
		const properties = new CouponTier().description.properties;
		const defaults = Object.fromEntries(properties.map((p) => [p.name, p.default]));
		expect(defaults.tiers).toEqual({ tier: DEFAULT_TIERS.map(tierToParameter) });
		expect(defaults.rules).toEqual({ rule: DEFAULT_RULES.map(ruleToParameter) });
	});

	it('birthday window, bonus and member day from a customers list', async () => {
		const result = await runWorkflow(
			fromItems(people, { birthdayBenefit: 'days', birthdayDays: 7, birthdayBonus: 20, memberDay: 8, couponsStartOnMemberDay: true }),
			CREDENTIALS,
		);
		const a = out(result, 'coupon').find((c) => c.customerId === 'A')!;
		expect(a).toMatchObject({ couponValue: 120 });
		// The customer's own fields come along, as they came in (tags stays a list).
		expect(a).toMatchObject({ birthdayBenefit: true, birthdayDate: '2026-07-04', memberDay: '2026-07-08', tags: ['vip'], monetary: 900 });
		expect(a).toMatchObject({ couponBirthdayBonus: 20, couponValue: 120, validFromDate: '2026-07-08' });
		expect(out(result, 'coupon').find((c) => c.customerId === 'B')!).toMatchObject({ birthdayBenefit: false });
	});

	it('custom tiers and rules over tags and monetary', async () => {
		const result = await runWorkflow(
			fromItems(people, {
				tiers: {
					tier: [
						{ key: 'gold', labelEn: 'Gold', labelZh: '金卡', couponKind: 'spendThreshold', threshold: 300, reduction: 50, daysValid: 7, vipAdvisor: true },
						{ key: 'rest', labelEn: 'Rest', labelZh: '其他', couponKind: 'none' },
					],
				},
				rules: { rule: [{ name: 'tagged', tier: 'gold', conditions: { condition: [{ field: 'tags', operator: 'containsTag', value: 'vip' }] } }] },
				defaultTier: 'rest',
			}),
			CREDENTIALS,
		);
		expect(out(result, 'coupon').map((c) => [c.customerId, c.tier, c.couponDescription])).toEqual([
			['A', 'gold', 'Spend ¥300, save ¥50'],
		]);
		expect(out(result, 'vipAdvisor').map((c) => c.customerId)).toEqual(['A']);
		expect(out(result, 'noAction').map((c) => [c.customerId, c.matchedRule])).toEqual([
			['B', '(default tier)'],
			['C', '(default tier)'],
		]);
	});

	it.each<[string, IDataObject, RegExp]>([
		['an unknown tier in a rule', { rules: { rule: [{ name: 'x', tier: 'gold', conditions: {} }] } }, /Rule 1 \("x"\): tier "gold" is not defined/],
		['a bad number in a condition', { rules: { rule: [{ name: 'rich', tier: 'vip', conditions: { condition: [{ field: 'monetary', operator: 'gte', value: 'lots' }] } }] } }, /needs a number/],
		['an unknown time zone', { timeZone: 'Mars/Olympus' }, /Unknown time zone "Mars\/Olympus"/],
		['a bad prefix', { codePrefix: 'VIP 2026' }, /Code prefix "VIP 2026"/],
		['a blank campaign id', { campaignId: '  ' }, /Campaign ID is empty/],
	])('reports %s clearly', async (_, parameters, message) => {
		const result = await runWorkflow(fromItems(people, parameters), CREDENTIALS);
		expect(result.errorOf('Coupon Tier')?.message).toMatch(message);
	});

	it('names the item and field of a bad customer; with Continue the item goes to the error output', async () => {
		const items = [...people, { customerId: 'A', segment: 'champions' }, { name: 'no id' }];
		const stopped = await runWorkflow(fromItems(items), CREDENTIALS);
		expect(stopped.errorOf('Coupon Tier')?.message).toMatch(/Item 3: field "customerId" is "A"; expected one item per customer \(item 0 is this customer too\)/);
		const continued = await runWorkflow(fromItems(items, {}, { onError: 'continueErrorOutput' }), CREDENTIALS);
		// The error output comes after the six outputs.
		const errors = continued.output('Coupon Tier', 6);
		expect(errors.map((e) => e.error)).toEqual([
			expect.stringMatching(/^Item 3: field "customerId" is "A"/),
			expect.stringMatching(/^Item 4: field "customerId" is missing; expected a customer id/),
		]);
		expect(out(continued, 'coupon').map((c) => c.customerId)).toEqual(['A', 'B']);
		const badBirthday = await runWorkflow(fromItems([{ customerId: 'Z', birthday: '31/02' }], { birthdayBenefit: 'month' }), CREDENTIALS);
		expect(badBirthday.errorOf('Coupon Tier')?.message).toMatch(/Item 0: field "birthday" is "31\/02"; expected a birthday YYYY-MM-DD or --MM-DD/);
	});

	describe('the credential test ("Test credential")', () => {
		const test = new CouponTier().methods.credentialTest.couponCodeSecretTest;
		const run = (id: string, secret: string) =>
			test.call({} as never, { id, name: 'c', type: 'couponCodeSecretApi', data: { secret } });
		const HOW_TO_FIX =
			'Set a secret of at least 16 random characters from a password manager in the Coupon Code Secret credential. 请在 Coupon Code Secret 凭证中设置至少 16 位随机字符的密钥（可用密码管理器生成）。';

		it('refuses a short secret, in both languages, and never repeats it', async () => {
			const short = await run('1', 'tiny-secret');
			expect(short).toEqual({
				status: 'Error',
				message: `The coupon code secret has 11 characters; use at least 16. 优惠码密钥只有 11 位，至少需要 16 位。 ${HOW_TO_FIX}`,
			});
			expect(JSON.stringify(short)).not.toContain('tiny-secret');
		});

		it('refuses a long but guessable secret (one block repeated)', async () => {
			const repeated = await run('1', 'abcabcabcabcabcabc');
			expect(repeated.status).toBe('Error');
			expect(repeated.message).toMatch(/^The coupon code secret repeats a block of 3 character\(s\)\. 优惠码密钥由 3 个字符重复组成。/);
			expect(repeated.message).not.toContain('abcabc');
		});

		it('passes a random secret', async () => {
			const good = await run('1', SECRET);
			expect(good).toEqual({ status: 'OK', message: 'The secret is long and varied enough to sign coupon codes. 密钥可用于签发优惠码。' });
			expect(JSON.stringify(good)).not.toContain(SECRET);
		});

		it('passes the public demo secret only in the demo credential (id CouponDemoSecret01), with a reminder', async () => {
			const demo = 'demo-only-public-secret-replace-me-0000';
			const inDemo = await run('CouponDemoSecret01', demo);
			expect(inDemo.status).toBe('OK');
			expect(inDemo.message).toMatch(/^Demo credential: its secret is public, fine for trying the templates; create your own before issuing real coupons\. 演示凭证/);
			const copied = await run('7', demo);
			expect(copied.status).toBe('Error');
			expect(copied.message).toMatch(/^The coupon code secret is the public demo secret, published in the pack's repository: anyone can compute its codes\./);
			expect(JSON.stringify([inDemo, copied])).not.toContain(demo);
		});
	});

	it('without a credential it stops and says so', async () => {
		const result = await runWorkflow(fromItems(people, {}, { credentials: undefined }), CREDENTIALS);
		expect(result.errorOf('Coupon Tier')?.message).toMatch(/credentials/i);
	});
});
