/**
 * One attribution for Short Link's Attribute Orders and Content Mix's audit (issue 10):
 * tallyByLinkCode joins clicks and orders by link code, on numbers worked out by hand, and the
 * two nodes' calculations, given the same posts and orders, report the same clicks, orders and
 * revenue per pillar.
 */
import { auditGroups, unassignedLinks, type PostRecord } from '../../../nodes/lib/contentMix';
import { attributeOrders, tallyByLinkCode, UNKNOWN_PILLAR } from '../../../nodes/lib/links';

describe('tallyByLinkCode: the join by link code both nodes use', () => {
	it('adds up a code\'s clicks rows and counts each order in full for its code (last click)', () => {
		const tally = tallyByLinkCode(
			[
				{ linkCode: 'A', clicks: 60 },
				{ linkCode: 'B', clicks: 5 },
				{ linkCode: 'A', clicks: 40 }, // A's second day: 100 clicks
			],
			[
				{ linkCode: 'A', revenue: 99.9 },
				{ linkCode: 'Z', revenue: 30 }, // a code no clicks row names: listed after the clicked ones
				{ linkCode: 'A', revenue: 150 },
				{ linkCode: '', revenue: 1000 }, // no link code: nobody's
			],
		);
		expect([...tally.values()]).toEqual([
			{ linkCode: 'A', clicks: 100, orders: 2, revenue: 249.9 }, // 99.9 + 150
			{ linkCode: 'B', clicks: 5, orders: 0, revenue: 0 },
			{ linkCode: 'Z', clicks: 0, orders: 1, revenue: 30 },
		]);
	});

	it('keeps codes that look like object keys apart from the object\'s own', () => {
		const tally = tallyByLinkCode([{ linkCode: '__proto__', clicks: 2 }], [{ linkCode: 'constructor', revenue: 1 }]);
		expect([...tally.keys()]).toEqual(['__proto__', 'constructor']);
		expect(tally.get('constructor')).toEqual({ linkCode: 'constructor', clicks: 0, orders: 1, revenue: 1 });
	});
});

describe('Short Link and Content Mix agree on the same posts and orders', () => {
	// Four posts of one account on Douyin, one link code each; the clicks are the posts' own.
	const post = (itemIndex: number, pillar: string, clicks: number, linkCode: string): PostRecord => ({
		itemIndex,
		postId: `p${itemIndex}`,
		platform: 'douyin',
		account: undefined,
		publishedAtMs: Date.UTC(2026, 11, 1, itemIndex),
		pillar,
		views: 1000,
		clicks,
		linkCode,
	});
	const posts = [post(0, 'knowledge', 100, 'A'), post(1, 'knowledge', 50, 'B'), post(2, 'promotion', 20, 'C'), post(3, 'scenario', 10, 'D')];
	// Net of refunds, as the shared order reader (nodes/shared/attributedOrders.ts) gives them to both.
	const orders = [
		{ linkCode: 'A', amount: 99.9 },
		{ linkCode: 'A', amount: 200, refundedAmount: 50 },
		{ linkCode: 'B', amount: 59 },
		{ linkCode: 'C', amount: 120 },
		{ linkCode: 'C', amount: 130 },
	];
	const net = orders.map((o) => ({ linkCode: o.linkCode, revenue: o.amount - (o.refundedAmount ?? 0) }));

	// By hand: knowledge 3 orders, 99.9 + 150 + 59 = 308.9, 150 clicks; promotion 2 orders, 250,
	// 20 clicks; scenario nothing over 10 clicks.
	const expected = {
		knowledge: { clicks: 150, orders: 3, revenue: 308.9 },
		promotion: { clicks: 20, orders: 2, revenue: 250 },
		scenario: { clicks: 10, orders: 0, revenue: 0 },
	};

	it('Short Link → Attribute Orders per pillar', () => {
		const clicks = posts.map((p) => ({ linkCode: p.linkCode!, clicks: p.clicks, postId: p.postId, pillar: p.pillar }));
		const { pillars } = attributeOrders(clicks, net);
		expect(Object.fromEntries(pillars.map((p) => [p.pillar, { clicks: p.clicks, orders: p.orders, revenue: p.revenue }]))).toEqual(expected);
	});

	it('Content Mix → Audit per pillar, with the posts\' clicks and with the same clicks as a Clicks input', () => {
		const targets = [
			{ pillar: 'knowledge', share: 0.6 },
			{ pillar: 'scenario', share: 0.3 },
			{ pillar: 'promotion', share: 0.1 },
		];
		const groups = [{ account: null, platform: 'douyin', posts }];
		const fromPosts = auditGroups(groups, targets, net);
		const fromClicksInput = auditGroups(groups, targets, net, posts.map((p) => ({ linkCode: p.linkCode!, clicks: p.clicks })));
		for (const rows of [fromPosts, fromClicksInput]) {
			expect(Object.fromEntries(rows.map((r) => [r.pillar, { clicks: r.clicks, orders: r.orders, revenue: r.revenue }]))).toEqual(expected);
		}
	});
});

describe('a link code no post has: shown by both, never dropped', () => {
	const post = (itemIndex: number, linkCode: string | undefined): PostRecord => ({
		itemIndex,
		postId: `p${itemIndex}`,
		platform: 'douyin',
		account: undefined,
		publishedAtMs: Date.UTC(2026, 11, 1, itemIndex),
		pillar: 'knowledge',
		views: 100,
		clicks: 10,
		linkCode,
	});
	const posts = [post(0, 'A'), post(1, undefined)]; // p1 is organic: no code
	// Z and Y belong to no post (an older post's codes): 2 orders 30 + 12.5, and Z's 7 + 3 clicks on a clicks input.
	const orders = [
		{ linkCode: 'A', revenue: 99 },
		{ linkCode: 'Z', revenue: 30 },
		{ linkCode: 'Y', revenue: 12.5 },
	];
	const clickRows = [
		{ linkCode: 'A', clicks: 10 },
		{ linkCode: 'Z', clicks: 7 },
		{ linkCode: 'Z', clicks: 3 },
	];

	it('Short Link lists them under the pillar unassigned', () => {
		// A's clicks row names its post and pillar (a post with clicks); Z's rows name none (a link report's rows).
		const { pillars } = attributeOrders(clickRows.map((r) => (r.linkCode === 'A' ? { ...r, postId: 'p0', pillar: 'knowledge' } : r)), orders);
		expect(pillars.find((p) => p.pillar === UNKNOWN_PILLAR)).toEqual({ pillar: UNKNOWN_PILLAR, links: 2, clicks: 10, orders: 2, conversionRate: 0.2, revenue: 42.5, revenuePerClick: 4.25 });
	});

	it('Content Mix reports the same clicks, orders and revenue beside its rows, which hold only the window\'s codes', () => {
		const groups = [{ account: null, platform: 'douyin', posts }];
		expect(unassignedLinks(groups, orders, clickRows)).toEqual({ linkCodes: 2, clicks: 10, orders: 2, revenue: 42.5 });
		// Without a clicks input the posts' own clicks always have a post: only the orders are unassigned.
		expect(unassignedLinks(groups, orders)).toEqual({ linkCodes: 2, clicks: 0, orders: 2, revenue: 42.5 });
		const rows = auditGroups(groups, [{ pillar: 'knowledge', share: 1 }], orders, clickRows);
		expect(rows.map((r) => [r.pillar, r.clicks, r.orders, r.revenue])).toEqual([['knowledge', 10, 1, 99]]);
	});
});
