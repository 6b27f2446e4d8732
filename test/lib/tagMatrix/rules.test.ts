/**
 * Tag rules as docs/nodes/TagMatrix.md states them: conditions, {value}, share thresholds in
 * percent, the minimum of paid orders, per-family lists and counts — on hand-made metrics.
 */
import { applyRule, parseTagMatrixOptions, tagCustomers, type CustomerMetrics, type TagMatrixOptionsInput, type TagRule } from '../../../nodes/lib/tagMatrix';

const metrics = (over: Partial<CustomerMetrics>): CustomerMetrics => ({
	customerId: 'c1',
	orders: 4,
	mainPlatform: 'douyin',
	region: null,
	firstChannel: 'live',
	rfmSegment: null,
	topCategory: 'tea',
	topCategoryShare: 0.625,
	preferredHour: 21,
	couponShare: 0.5,
	refundRate: 0.25,
	reviews: 0,
	sentimentScore: null,
	...over,
});
const rule = (over: Partial<TagRule>): TagRule => ({ family: 'behaviour', tagName: 't', metric: 'couponShare', condition: 'any', threshold: 0, upTo: 0, values: [], minOrders: 0, ...over });

describe('one rule', () => {
	it.each<[string, Partial<TagRule>, Partial<CustomerMetrics>, string | undefined]>([
		['{value} is the text value', { metric: 'platform', tagName: '平台: {value}' }, {}, '平台: douyin'],
		['an unknown metric tags nobody', { metric: 'region', tagName: '{value}' }, {}, undefined],
		['Is One Of matches exactly', { metric: 'platform', condition: 'oneOf', values: ['youzan', 'douyin'] }, {}, 't'],
		['Is One Of: no match', { metric: 'platform', condition: 'oneOf', values: ['Douyin'] }, {}, undefined],
		['a share at its threshold in percent (0.5 ≥ 50 %)', { condition: 'atLeast', threshold: 50 }, {}, 't'],
		['a share below it (0.5 < 50.01 %)', { condition: 'atLeast', threshold: 50.01 }, {}, undefined],
		['{value} of a share reads in percent', { tagName: '{value} with coupons' }, { couponShare: 0.3333 }, '33% with coupons'],
		['{value} of the category is its name, the share tested (62.5 % ≥ 60)', { metric: 'categoryAffinity', condition: 'atLeast', threshold: 60, tagName: '爱{value}' }, {}, '爱tea'],
		['Between is inclusive at both ends', { metric: 'preferredHour', condition: 'between', threshold: 18, upTo: 21 }, {}, 't'],
		['At Most on a score', { metric: 'sentimentScore', condition: 'atMost', threshold: -0.3 }, { sentimentScore: -0.3 }, 't'],
		['too few paid orders', { minOrders: 5 }, {}, undefined],
		['a customer without paid orders has no share', {}, { orders: 0, couponShare: null }, undefined],
	])('%s', (_, over, customer, tag) => {
		expect(applyRule(rule(over), metrics(customer))).toBe(tag);
	});
});

describe('tagging and counting', () => {
	it('lists tags per family in rule order, each once, and counts customers per tag', () => {
		const rules = [
			rule({ family: 'sentiment', tagName: 'happy', metric: 'sentimentScore', condition: 'atLeast', threshold: 0.5 }),
			rule({ family: 'basic', tagName: '{value}', metric: 'platform' }),
			rule({ family: 'behaviour', tagName: 'coupons', condition: 'atLeast', threshold: 50 }),
			rule({ family: 'behaviour', tagName: 'coupons', metric: 'orders', condition: 'atLeast', threshold: 1 }), // same tag again: once
		];
		const result = tagCustomers([metrics({ sentimentScore: 1 }), metrics({ customerId: 'c2', mainPlatform: 'youzan', couponShare: 0 })], rules);
		expect(result.customers.map((c) => [c.tags, c.basicTags, c.behaviourTags, c.sentimentTags])).toEqual([
			[['douyin', 'coupons', 'happy'], ['douyin'], ['coupons'], ['happy']],
			[['youzan', 'coupons'], ['youzan'], ['coupons'], []],
		]);
		expect(result.counts).toEqual([
			{ family: 'basic', familyLabel: 'Basic · 基础', tag: 'douyin', customers: 1, shareOfCustomers: 0.5 },
			{ family: 'basic', familyLabel: 'Basic · 基础', tag: 'youzan', customers: 1, shareOfCustomers: 0.5 },
			{ family: 'behaviour', familyLabel: 'Behaviour · 行为', tag: 'coupons', customers: 2, shareOfCustomers: 1 },
			{ family: 'sentiment', familyLabel: 'Sentiment · 情感', tag: 'happy', customers: 1, shareOfCustomers: 0.5 },
		]);
	});
});

describe('rule settings', () => {
	const entry = { family: 'basic', tagName: ' x ', metric: 'platform', condition: 'oneOf', threshold: 0, upTo: 0, values: '抖音，douyin, ', minOrders: 0 };
	it('trims names and splits values at either comma', () => {
		expect(parseTagMatrixOptions({ timeZone: 'UTC', rules: [entry] as TagMatrixOptionsInput['rules'] }).rules[0]).toMatchObject({ tagName: 'x', values: ['抖音', 'douyin'] });
	});
	it.each([
		[{ tagName: 'x'.repeat(101) }, 'rule 1 ("' + 'x'.repeat(101) + '"): the tag name is longer than 100 characters'],
		[{ values: '' }, '"Is One Of" needs at least one value under Values'],
		[{ minOrders: 1.5 }, 'Minimum Paid Orders must be a whole number ≥ 0'],
		[{ metric: 'orders', condition: 'atLeast', threshold: 'abc' }, 'Threshold must be a number'],
		[{ family: 'vip' }, 'a family: basic, behaviour, sentiment'],
	])('refuses %j', (over, message) => {
		expect(() => parseTagMatrixOptions({ timeZone: 'UTC', rules: [{ ...entry, ...over }] as TagMatrixOptionsInput['rules'] })).toThrow(message);
	});
});
