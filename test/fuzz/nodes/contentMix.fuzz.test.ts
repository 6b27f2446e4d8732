/**
 * Content Mix under random posts and orders with bad values mixed in on both inputs: the four
 * properties of test/fuzz/support.ts, for the audit (both inputs) and the plan (posts). Pillars
 * include "constructor" and "__proto__"; bad posts include a post dated 9999-12-31, 17,000-
 * character ids and views of 1e308.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const NOW = Date.now();
const DAY = 86_400_000;
const PILLARS = ['knowledge', 'scenario', 'promotion', 'other', 'constructor', '__proto__'];
const POST_FIELDS = ['postId', 'platform', 'publishedAt', 'title', 'views', 'clicks', 'category'];

const contentMix = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Content Mix',
	mainOutputs: 1,
	// Both inputs' errors read "Item N: …"; the field tells them apart (bad values use no shared field).
	inputOf: (_, field) => (POST_FIELDS.includes(field) ? 'posts' : 'orders'),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(node('Content Mix', 'contentMix', { timeZone: 'Asia/Shanghai', ...parameters }, extra), [
			['Posts', inputs.posts, 0],
			['Orders', inputs.orders, 1],
		]),
});

const goodPost = fc.record({
	platform: fc.constantFrom('douyin', 'xiaohongshu'),
	pillar: fc.constantFrom(...PILLARS),
	minutesAgo: fc.integer({ min: 60, max: 20 * 24 * 60 }),
	views: fc.nat(100_000),
	clicks: fc.nat(2_000),
	code: fc.option(fc.nat(30), { nil: undefined }),
});
const goodOrder = fc.record({ code: fc.option(fc.nat(30), { nil: undefined }), status: fc.constantFrom('paid', 'completed', 'cancelled'), cents: fc.nat(500_000) });

const posts = (drawn: Array<Drawn<typeof goodPost>>): IDataObject[] =>
	drawn.map((p, i) => ({
		postId: `p${i}`,
		platform: p.platform,
		publishedAt: new Date(NOW - p.minutesAgo * 60_000).toISOString(),
		title: `post ${i}`,
		views: p.views,
		clicks: p.clicks,
		category: p.pillar,
		...(p.code !== undefined && { linkCode: `lc-${p.code}` }),
	}));
const orders = (drawn: Array<Drawn<typeof goodOrder>>): IDataObject[] =>
	drawn.map((o, i) => ({
		orderId: `o${i}`,
		customerId: `c${i % 7}`,
		createdAt: new Date(NOW - 2 * DAY).toISOString(),
		status: o.status,
		currency: 'CNY',
		amount: o.cents / 100,
		...(o.code !== undefined && { linkCode: `lc-${o.code}` }),
	}));

const badId = fc.constantFrom<unknown>({ id: 1 }, ['x'], '', '   ', 'x'.repeat(17_000), true, undefined);
const badPostValue: fc.Arbitrary<BadValue> = fc.oneof(
	badId.map((value) => ({ field: 'postId', value })),
	badId.map((value) => ({ field: 'platform', value })),
	fc.constantFrom<unknown>('9999-12-31T00:00:00Z', '1999-12-31T00:00:00Z', '2026-04-31T10:00:00Z', new Date(NOW + 3 * DAY).toISOString(), 'soon', {}, undefined).map((value) => ({ field: 'publishedAt', value })),
	fc.constantFrom<unknown>(-1, 1.5, 1e308, 1e13, '1,024', 'many', {}).map((value) => ({ field: 'views', value })),
	fc.constantFrom<unknown>(-1, 2.5, 1e308, {}).map((value) => ({ field: 'clicks', value })),
	fc.constantFrom<unknown>({ pillar: 'x' }, 'x'.repeat(300), undefined).map((value) => ({ field: 'category', value })),
	fc.constantFrom<unknown>({ t: 1 }, 'x'.repeat(2_001)).map((value) => ({ field: 'title', value })),
);
const badOrderValue: fc.Arbitrary<BadValue> = fc.oneof(
	badId.map((value) => ({ field: 'orderId', value })),
	fc.constantFrom<unknown>('9999-12-31T00:00:00Z', 'soon', {}).map((value) => ({ field: 'createdAt', value })),
	fc.constantFrom<unknown>(-1, 1e308, 'free', {}).map((value) => ({ field: 'amount', value })),
);

describe('Content Mix, property-based (issue 14)', () => {
	it.each([
		['Audit, a 7-day window', { operation: 'audit', windowDays: 7 }],
		['Audit, all days, a mix naming constructor and __proto__', { operation: 'audit', windowDays: 0, targetMix: 'constructor=50, __proto__=30, promotion=20' }],
		['Plan, 10 posts', { operation: 'plan', windowDays: 7, postsToPlan: 10 }],
	])('%s: bad posts and orders reported by index and field; good ones as without them', async (label, parameters) => {
		const subject = contentMix(parameters);
		const arbitrary = fc.record({
			goodPosts: fc.array(goodPost, { minLength: 3, maxLength: 25 }),
			goodOrders: fc.array(goodOrder, { minLength: 5, maxLength: 25 }),
			badPosts: insertions(badPostValue, 3),
			badOrders: insertions(badOrderValue, 2),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async (drawn) => {
				const good = { posts: posts(drawn.goodPosts), orders: orders(drawn.goodOrders) };
				const mixedPosts = mixIn('posts', good.posts, drawn.badPosts.map((b) => ({ base: good.posts[b.baseIndex % good.posts.length], bad: b.bad, at: b.at })));
				const mixedOrders = mixIn('orders', good.orders, drawn.badOrders.map((b) => ({ base: good.orders[b.baseIndex % good.orders.length], bad: b.bad, at: b.at })));
				// The plan reads no orders: their bad items are not its to report.
				const badItems = parameters.operation === 'plan' ? mixedPosts.badItems : [...mixedPosts.badItems, ...mixedOrders.badItems];
				await checkNode(subject, { posts: mixedPosts.items, orders: mixedOrders.items }, good, badItems);
			}),
			fuzzParameters,
		);
		reportCases(`Content Mix (${label})`, FUZZ_RUNS, 3);
	});
});
