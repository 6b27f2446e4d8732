/**
 * Tier rules: every operator on a small hand-checked population, first match wins, the
 * default tier, and errors that name the rule.
 */
import {
	compileCondition,
	createTierAssigner,
	DEFAULT_RULES,
	DEFAULT_TIERS,
	DEFAULT_TIER_KEY,
	topPercentCut,
	type Condition,
} from '../../../nodes/lib/coupons';
import { UserInputError } from '../../../nodes/lib/errors';

const customers = [
	{ customerId: 'A', segment: 'champions', r: 5, monetary: 1200, predictedClv: 900, tags: ['vip', 'city:tier1'], profile: { city: 'Shanghai' } },
	{ customerId: 'B', segment: 'Loyal_Customers', r: 4, monetary: '560.50', predictedClv: 300, tags: 'gender:f, city:tier2' },
	{ customerId: 'C', segment: 'at_risk', r: 2, monetary: 80, predictedClv: 12, tags: [] },
	{ customerId: 'D', segment: 'hibernating', r: 1, monetary: 15, recencyDays: 300 },
	{ customerId: 'E', segment: 'new_customers', r: 5, monetary: 99, predictedClv: 300, active: true },
];

function ids(condition: Condition): string[] {
	const test = compileCondition(condition, customers, 'Rule 1');
	return customers.filter((c) => test(c)).map((c) => c.customerId);
}

describe('conditions', () => {
	it.each<[Condition, string[]]>([
		[{ field: 'segment', operator: 'equals', value: 'champions' }, ['A']],
		[{ field: 'segment', operator: 'equals', value: ' LOYAL_customers ' }, ['B']],
		[{ field: 'segment', operator: 'notEquals', value: 'champions' }, ['B', 'C', 'D', 'E']],
		[{ field: 'segment', operator: 'inList', value: 'loyal_customers, potential_loyalists,at_risk' }, ['B', 'C']],
		[{ field: 'segment', operator: 'notInList', value: 'champions,hibernating' }, ['B', 'C', 'E']],
		[{ field: 'monetary', operator: 'gte', value: '560.5' }, ['A', 'B']],
		[{ field: 'monetary', operator: 'gt', value: 99 }, ['A', 'B']],
		[{ field: 'monetary', operator: 'lte', value: 99 }, ['C', 'D', 'E']],
		[{ field: 'monetary', operator: 'lt', value: 99 }, ['C', 'D']],
		[{ field: 'monetary', operator: 'between', value: 80, valueTo: 99 }, ['C', 'E']],
		[{ field: 'r', operator: 'equals', value: '5' }, ['A', 'E']],
		[{ field: 'tags', operator: 'containsTag', value: 'VIP' }, ['A']],
		[{ field: 'tags', operator: 'containsTag', value: 'city:tier1, city:tier2' }, ['A', 'B']],
		[{ field: 'tags', operator: 'notContainsTag', value: 'vip' }, ['B', 'C', 'D', 'E']],
		[{ field: 'recencyDays', operator: 'gte', value: 90 }, ['D']],
		[{ field: 'recencyDays', operator: 'isSet' }, ['D']],
		[{ field: 'predictedClv', operator: 'isNotSet' }, ['D']],
		[{ field: 'profile.city', operator: 'equals', value: 'shanghai' }, ['A']],
		[{ field: 'active', operator: 'equals', value: 'true' }, ['E']],
	])('%j', (condition, expected) => {
		expect(ids(condition)).toEqual(expected);
	});

	it('a missing field satisfies only the negative operators', () => {
		expect(ids({ field: 'recencyDays', operator: 'lt', value: 1000 })).toEqual(['D']);
		expect(ids({ field: 'recencyDays', operator: 'notEquals', value: 300 })).toEqual(['A', 'B', 'C', 'E']);
	});

	it('top N %: the k = ⌈N·n/100⌉-th highest value and every tie with it', () => {
		// predictedClv of the four customers who have one: 900, 300, 300, 12.
		expect(ids({ field: 'predictedClv', operator: 'topPercent', value: 25 })).toEqual(['A']);
		// k = 2 → cut 300, and E ties with B.
		expect(ids({ field: 'predictedClv', operator: 'topPercent', value: 50 })).toEqual(['A', 'B', 'E']);
		expect(ids({ field: 'predictedClv', operator: 'topPercent', value: 1 })).toEqual(['A']);
		expect(ids({ field: 'predictedClv', operator: 'topPercent', value: 100 })).toEqual(['A', 'B', 'C', 'E']);
		expect(ids({ field: 'nowhere', operator: 'topPercent', value: 10 })).toEqual([]);
		expect(topPercentCut([], 10)).toBeUndefined();
		expect(topPercentCut([3, undefined, 1, 2], 34)).toBe(2);
	});

	it('top N % counts the customers that have a number in the field, not all customers (docs/nodes/CouponTier.md)', () => {
		// 10 customers, 4 with predictedClv (40, 30, 20, 10), 6 without or with text that is no number.
		// Top 25 %: of the 4 with a value, k = ⌈0.25 × 4⌉ = 1 → only 40. Counting all 10 would give
		// k = ⌈2.5⌉ = 3 → 40, 30 and 20.
		const population = [
			...[40, 30, 20, 10].map((clv, i) => ({ customerId: `V${i}`, predictedClv: clv })),
			...Array.from({ length: 5 }, (_, i) => ({ customerId: `N${i}` })),
			{ customerId: 'T', predictedClv: 'n/a' },
		];
		const top = compileCondition({ field: 'predictedClv', operator: 'topPercent', value: 25 }, population, 'Rule 1');
		expect(population.filter((c) => top(c)).map((c) => c.customerId)).toEqual(['V0']);
	});

	it.each<[Condition, RegExp]>([
		[{ field: 'monetary', operator: 'gte', value: 'lots' }, /Rule 1: "monetary gte" needs a number as the value; got "lots"/],
		[{ field: 'monetary', operator: 'between', value: 10, valueTo: 5 }, /lower end is above the upper end/],
		[{ field: 'monetary', operator: 'between', value: 10 }, /needs a number as the upper end/],
		[{ field: 'segment', operator: 'inList', value: ' , ' }, /needs a comma-separated list/],
		[{ field: 'predictedClv', operator: 'topPercent', value: 0 }, /from above 0 to 100/],
		[{ field: '', operator: 'equals', value: 'x' }, /has no field/],
		[{ field: 'x', operator: 'like' as Condition['operator'], value: 'x' }, /unknown operator "like"/],
	])('rejects %j', (condition, message) => {
		expect(() => ids(condition)).toThrow(UserInputError);
		expect(() => ids(condition)).toThrow(message);
	});
});

describe('tier rules', () => {
	const keys = DEFAULT_TIERS.map((t) => t.key);

	it('first match wins; no match → the default tier', () => {
		const assign = createTierAssigner(
			[
				{ name: 'big spenders', tier: 'vip', conditions: [{ field: 'monetary', operator: 'gte', value: 500 }] },
				{ name: 'tagged vip', tier: 'active', conditions: [{ field: 'tags', operator: 'containsTag', value: 'vip' }] },
				{ name: 'r5 and cheap', tier: 'lost', conditions: [{ field: 'r', operator: 'equals', value: 5 }, { field: 'monetary', operator: 'lt', value: 100 }] },
			],
			keys,
			'ordinary',
			customers,
		);
		expect(customers.map((c) => assign(c))).toEqual([
			{ tier: 'vip', matchedRule: 'big spenders', ruleIndex: 0 },
			{ tier: 'vip', matchedRule: 'big spenders', ruleIndex: 0 },
			{ tier: 'ordinary', matchedRule: '(default tier)', ruleIndex: -1 },
			{ tier: 'ordinary', matchedRule: '(default tier)', ruleIndex: -1 },
			{ tier: 'lost', matchedRule: 'r5 and cheap', ruleIndex: 2 },
		]);
	});

	it('the default rules follow the users\' practice on RFM segments', () => {
		const assign = createTierAssigner(DEFAULT_RULES, keys, DEFAULT_TIER_KEY, customers);
		expect(customers.map((c) => assign(c).tier)).toEqual(['vip', 'active', 'ordinary', 'lost', 'ordinary']);
		expect(assign(customers[2]).matchedRule).toBe('Win back: at risk');
		// The top-5 % CLV rule makes a new customer with the highest CLV a VIP.
		const withTopClv = [...customers, { customerId: 'F', segment: 'new_customers', predictedClv: 5000 }];
		const assign2 = createTierAssigner(DEFAULT_RULES, keys, DEFAULT_TIER_KEY, withTopClv);
		expect(assign2(withTopClv[5])).toEqual({ tier: 'vip', matchedRule: 'VIP: top 5% by predicted lifetime value', ruleIndex: 1 });
	});

	it('a rule with no conditions matches everyone', () => {
		const assign = createTierAssigner([{ name: 'all', tier: 'active', conditions: [] }], keys, 'ordinary', customers);
		expect(new Set(customers.map((c) => assign(c).tier))).toEqual(new Set(['active']));
	});

	it('names a rule whose tier does not exist', () => {
		expect(() =>
			createTierAssigner([{ name: 'gold', tier: 'gold', conditions: [] }], keys, 'ordinary', customers),
		).toThrow('Rule 1 ("gold"): tier "gold" is not defined; tiers are vip, active, ordinary, lost');
	});
});
