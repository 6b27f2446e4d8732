/**
 * Tag Matrix under random orders and reviews with bad values mixed in on both inputs: the four
 * properties of test/fuzz/support.ts. Platforms and categories include "constructor" and
 * "__proto__"; reviews mix Chinese, English and AI scores.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const NOW = Date.now();
const DAY = 86_400_000;
const NAMES = ['douyin', 'youzan', 'constructor', '__proto__', '抖音'];
const REVIEW_ONLY_FIELDS = ['text', 'score'];

const tagMatrix = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Tag Matrix',
	mainOutputs: 2,
	// Both inputs' errors read "Item N: …"; the bad review values are only in text and score.
	inputOf: (_, field) => (REVIEW_ONLY_FIELDS.includes(field) ? 'reviews' : 'orders'),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(node('Tag Matrix', 'tagMatrix', { outputMode: 'both', timeZone: 'Asia/Shanghai', ...parameters }, extra), [
			['Orders', inputs.orders, 0],
			['Reviews', inputs.reviews, 2],
		]),
});

const goodOrder = fc.record({
	customer: fc.nat(10),
	daysAgo: fc.integer({ min: 1, max: 60 }),
	second: fc.nat(86_399),
	status: fc.constantFrom('paid', 'completed', 'cancelled', 'refunded', undefined),
	cents: fc.nat(500_000),
	platform: fc.constantFrom(...NAMES, undefined),
	channel: fc.constantFrom(...NAMES, undefined),
	region: fc.constantFrom('广东', 'constructor', '', undefined),
	coupon: fc.constantFrom<unknown>('C1', '', true, false, 0, 5.5, null, undefined),
	category: fc.constantFrom(...NAMES, undefined),
	lineCategory: fc.constantFrom('tea', '__proto__', undefined),
});
const goodReview = fc.record({
	customer: fc.nat(12),
	text: fc.constantFrom('不好', '非常满意', 'not bad', '包装很好 but slow', '一般', ''),
	score: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }),
});

const orders = (drawn: Array<Drawn<typeof goodOrder>>): IDataObject[] =>
	drawn.map((o, i) => ({
		orderId: `O${i}`,
		customerId: `c${o.customer}`,
		createdAt: new Date(NOW - o.daysAgo * DAY + o.second * 1000 - DAY).toISOString(),
		...(o.status !== undefined && { status: o.status }),
		currency: 'CNY',
		amount: o.cents / 100,
		...(o.status === 'refunded' && { refundedAmount: o.cents / 100 }),
		...(o.platform !== undefined && { platform: o.platform }),
		...(o.channel !== undefined && { channel: o.channel }),
		...(o.region !== undefined && { region: o.region }),
		...(o.coupon !== undefined && { couponCode: o.coupon as IDataObject[string] }),
		...(o.category !== undefined && { category: o.category }),
		...(o.lineCategory !== undefined && { lines: [{ sku: 'S1', category: o.lineCategory, quantity: 1, unitPrice: o.cents / 100 }] }),
	}));
const reviews = (drawn: Array<Drawn<typeof goodReview>>): IDataObject[] =>
	drawn.map((r) => ({ customerId: `c${r.customer}`, text: r.text, ...(r.score !== undefined && { score: r.score }) }));

const badOrderValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>({ id: 1 }, '', 'x'.repeat(17_000), undefined).map((value) => ({ field: 'customerId', value })),
	fc.constantFrom<unknown>('2026-04-31T10:00:00Z', '9999-12-31T00:00:00Z', 'soon').map((value) => ({ field: 'createdAt', value })),
	fc.constantFrom<unknown>(-1, 1e308, 'free').map((value) => ({ field: 'amount', value })),
	fc.constantFrom<unknown>({ name: 'douyin' }, ['douyin'], 'x'.repeat(300), true).map((value) => ({ field: 'platform', value })),
	fc.constantFrom<unknown>({}, 'x'.repeat(300)).map((value) => ({ field: 'region', value })),
	fc.constantFrom<unknown>({}, ['C1']).map((value) => ({ field: 'couponCode', value })),
	fc.constantFrom<unknown>('tea', [{ category: 'tea', quantity: -1, unitPrice: 1 }], [{ quantity: 1, unitPrice: 1e308 }], {}).map((value) => ({ field: 'lines', value })),
);
const badReviewValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>(42, {}, 'x'.repeat(10_001), undefined).map((value) => ({ field: 'text', value })),
	fc.constantFrom<unknown>(5, -1.5, 'very good', 1e308, {}).map((value) => ({ field: 'score', value })),
);

describe('Tag Matrix, property-based (issue 14)', () => {
	it.each([
		['the shipped rules', {}],
		['rules of its own on every metric', { rules: { rule: [
			{ family: 'basic', tagName: '{value}', metric: 'platform', condition: 'oneOf', values: 'constructor, __proto__, douyin' },
			{ family: 'behaviour', tagName: 'cat {value}', metric: 'categoryAffinity', condition: 'between', threshold: 0, upTo: 100 },
			{ family: 'behaviour', tagName: 'h{value}', metric: 'preferredHour', condition: 'atLeast', threshold: 0 },
			{ family: 'sentiment', tagName: 's{value}', metric: 'sentimentScore', condition: 'atMost', threshold: 1 },
		] } }],
	])('%s: bad orders and reviews reported by index and field; good ones tagged as without them', async (_, parameters) => {
		const subject = tagMatrix(parameters);
		const arbitrary = fc.record({
			goodOrders: fc.array(goodOrder, { minLength: 5, maxLength: 25 }),
			goodReviews: fc.array(goodReview, { minLength: 1, maxLength: 10 }),
			badOrders: insertions(badOrderValue, 3),
			badReviews: insertions(badReviewValue, 3),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async (drawn) => {
				const good = { orders: orders(drawn.goodOrders), reviews: reviews(drawn.goodReviews) };
				// A review whose text is removed but that has a score is still a good review: keep the bad ones to text-only reviews.
				const textOnly = good.reviews.filter((r) => r.score === undefined);
				const badReviews = textOnly.length === 0 ? [] : drawn.badReviews;
				const mixedOrders = mixIn('orders', good.orders, drawn.badOrders.map((b) => ({ base: good.orders[b.baseIndex % good.orders.length], bad: b.bad, at: b.at })));
				const mixedReviews = mixIn('reviews', good.reviews, badReviews.map((b) => ({ base: textOnly[b.baseIndex % textOnly.length], bad: b.bad, at: b.at })));
				await checkNode(subject, { orders: mixedOrders.items, reviews: mixedReviews.items }, good, [...mixedOrders.badItems, ...mixedReviews.badItems]);
			}),
			fuzzParameters,
		);
		reportCases(`Tag Matrix (${_})`, FUZZ_RUNS, 3);
	});
});
