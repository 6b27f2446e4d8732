/**
 * The Short Link node in a workflow, against local Bitly and Shlink stand-ins that check the
 * token or API key, the request body and the rate limit, and log every link they make
 * (test/support/fakeLinks.ts). Specifications: one link per post however often the workflow
 * runs; throttling waited out with nothing lost; clicks per day complete across Shlink's pages;
 * orders attributed per post and pillar; the credential's secret never in an output or error.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { BITLY_TEST_BEARER, SHLINK_TEST_HEADER, startFakeBitly, startFakeShlink, type FakeLinkServer } from '../support/fakeLinks';
import { BitlyApi } from '../../credentials/BitlyApi.credentials';
import { ShlinkApi } from '../../credentials/ShlinkApi.credentials';
import { node, runWorkflow, testCredential, type RunResult, type TestCredentials } from '../support/n8n';
import { DEFAULT_COUNTED_STATUSES } from '../../nodes/lib/orders';

const posts: IDataObject[] = [
	{ postId: 'p1', platform: 'douyin', linkCode: 'DY-1201-1', url: 'https://shop.example.com/p/101', category: 'knowledge' },
	{ postId: 'p2', platform: 'xiaohongshu', linkCode: 'XHS-1201-1', url: 'https://shop.example.com/p/102?sku=9#reviews', category: 'scenario' },
	{ postId: 'p3', platform: 'douyin', linkCode: 'DY-1201-2', url: 'https://shop.example.com/p/103', category: 'promotion' },
];

const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];

function linkWorkflow(items: IDataObject[], parameters: IDataObject, service: 'bitly' | 'shlink' = 'bitly', extra: Partial<INode> = {}, orders?: IDataObject[]) {
	const credentialType = service === 'bitly' ? 'bitlyApi' : 'shlinkApi';
	const connections: IConnections = {
		Run: { main: [[...to('Posts'), ...(orders ? to('Orders') : [])]] },
		Posts: { main: [to('Short Link')] },
	};
	if (orders) connections.Orders = { main: [to('Short Link', 1)] };
	return {
		nodes: [
			node('Run', 'n8n-nodes-base.manualTrigger'),
			node('Posts', 'test.fixture', { items: JSON.stringify(items) }),
			...(orders ? [node('Orders', 'test.fixture', { items: JSON.stringify(orders) })] : []),
			node('Short Link', 'shortLink', { service, ...parameters }, { credentials: { [credentialType]: { id: '1', name: 'Test links' } }, ...extra }),
		],
		connections,
	};
}

const bitly = (server: FakeLinkServer, token = BITLY_TEST_BEARER): TestCredentials => ({ bitlyApi: { accessToken: token, baseUrl: server.baseUrl, allowHttp: true } });
const shlink = (server: FakeLinkServer, key = SHLINK_TEST_HEADER): TestCredentials => ({ shlinkApi: { apiKey: key, baseUrl: server.baseUrl, allowHttp: true } });

function expectNoSecret(result: RunResult, secret: string) {
	const seen = JSON.stringify(result.run.data.resultData);
	expect(seen).not.toContain(secret);
	expect(seen).not.toContain(encodeURIComponent(secret));
}

/** The Shanghai calendar day `back` days before today, YYYY-MM-DD. */
const shanghaiDay = (back: number) => new Date(Date.now() + 8 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
const utcDay = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);

describe('Short Link → Create on Bitly', () => {
	let server: FakeLinkServer;
	beforeEach(async () => {
		server = await startFakeBitly();
	});
	afterEach(() => server.close());

	it('makes one link per post with the UTM parameters, and the same links again on a second run (no link twice)', async () => {
		const workflow = linkWorkflow(posts, { operation: 'create' });
		const first = await runWorkflow(workflow, bitly(server));
		expect(first.errorOf('Short Link')).toBeUndefined();
		const second = await runWorkflow(workflow, bitly(server));
		const [a, b] = [first.output('Short Link'), second.output('Short Link')];
		expect(server.writes).toHaveLength(3);
		expect(a.map((x) => x.created)).toEqual([true, true, true]);
		expect(b.map((x) => x.created)).toEqual([false, false, false]);
		expect(b.map((x) => x.linkId)).toEqual(a.map((x) => x.linkId));
		expect(new Set(a.map((x) => x.linkId)).size).toBe(3);
		// What Bitly received: the JSON body { long_url } with the tracked URL (fragment last).
		expect(server.requests[1].body).toEqual({ long_url: 'https://shop.example.com/p/102?sku=9&utm_source=xiaohongshu&utm_medium=short_video&utm_content=XHS-1201-1#reviews' });
		expect(a[0]).toMatchObject({ postId: 'p1', linkCode: 'DY-1201-1', shortUrl: `https://${String(a[0].linkId)}`, service: 'bitly' });
	});

	it('waits out throttling in the middle of a run: every post gets its link, none twice', async () => {
		// The first link goes through, then two 429s (Retry-After 0.01 s), then the rest.
		server.throttleNext(2, '0.01', 1);
		const result = await runWorkflow(linkWorkflow(posts, { operation: 'create' }), bitly(server));
		expect(result.errorOf('Short Link')).toBeUndefined();
		expect(server.requests.map((r) => r.status)).toEqual([201, 429, 429, 201, 201]);
		expect(server.writes.map((w) => w.longUrl.split('utm_content=')[1].split('#')[0])).toEqual(posts.map((p) => p.linkCode));
		expect(result.output('Short Link').map((x) => x.postId)).toEqual(['p1', 'p2', 'p3']);
	});

	it('waits out Bitly\'s rate limit (429 over the window limit) with nothing lost', async () => {
		await server.close();
		server = await startFakeBitly({ limit: 2, windowMs: 150, retryAfterSeconds: '0.1' });
		const many = Array.from({ length: 7 }, (_, k) => ({ ...posts[0], linkCode: `DY-${k}`, postId: `p${k}` }));
		const result = await runWorkflow(linkWorkflow(many, { operation: 'create' }), bitly(server));
		expect(result.errorOf('Short Link')).toBeUndefined();
		expect(result.output('Short Link')).toHaveLength(7);
		expect(server.writes.map((w) => w.longUrl.split('utm_content=')[1])).toEqual(many.map((p) => p.linkCode));
		expect(server.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
	});

	it('refuses a wrong token with an error naming the item, the token cut out even where Bitly repeats it', async () => {
		await server.close();
		server = await startFakeBitly({ echoCredential: true });
		const wrong = 'wrong-bitly-token-5566778899aabb';
		const result = await runWorkflow(linkWorkflow(posts, { operation: 'create' }), bitly(server, wrong));
		const error = result.errorOf('Short Link');
		expect(error?.message).toBe('Item 0: Bitly refused the credential (403): FORBIDDEN: You are currently forbidden to access this resource. (got Bearer ***)');
		expect(server.writes).toHaveLength(0);
		expectNoSecret(result, wrong);
	});

	it('under Continue, a post without a usable landing page is an error item naming it; the others get links', async () => {
		const items = [posts[0], { ...posts[1], url: 'shop.example.com/no-scheme' }, posts[2]];
		const result = await runWorkflow(linkWorkflow(items, { operation: 'create' }, 'bitly', { onError: 'continueRegularOutput' }), bitly(server));
		const out = result.output('Short Link');
		expect(out).toHaveLength(3);
		expect(out[1].error).toBe('Item 1: Long URL "shop.example.com/no-scheme" is not an http(s) address');
		expect(server.writes).toHaveLength(2);
		expectNoSecret(result, BITLY_TEST_BEARER);
	});

	it('refuses a plain-http base URL unless Allow HTTP is on (the token would travel unencrypted)', async () => {
		const result = await runWorkflow(linkWorkflow(posts, { operation: 'create' }), { bitlyApi: { accessToken: BITLY_TEST_BEARER, baseUrl: server.baseUrl, allowHttp: false } });
		expect(result.errorOf('Short Link')?.message).toMatch(/plain http/);
		expect(server.requests).toHaveLength(0);
	});
});

describe('Short Link → Get Clicks', () => {
	it('Bitly: clicks per day for each link, oldest first, the post\'s fields kept', async () => {
		const server = await startFakeBitly({ clicks: { 'bit.ly/abc': { [utcDay(0)]: 5, [utcDay(2)]: 7 } } });
		try {
			const items = [{ linkId: 'bit.ly/abc', linkCode: 'DY-1201-1', postId: 'p1', category: 'knowledge' }];
			const result = await runWorkflow(linkWorkflow(items, { operation: 'getClicks', days: 3 }), bitly(server));
			expect(result.output('Short Link')).toEqual([
				{ linkCode: 'DY-1201-1', postId: 'p1', category: 'knowledge', linkId: 'bit.ly/abc', service: 'bitly', date: utcDay(2), clicks: 7 },
				{ linkCode: 'DY-1201-1', postId: 'p1', category: 'knowledge', linkId: 'bit.ly/abc', service: 'bitly', date: utcDay(1), clicks: 0 },
				{ linkCode: 'DY-1201-1', postId: 'p1', category: 'knowledge', linkId: 'bit.ly/abc', service: 'bitly', date: utcDay(0), clicks: 5 },
			]);
			expect(server.requests[0].query).toEqual({ unit: 'day', units: '3' });
		} finally {
			await server.close();
		}
	});

	it('Shlink: visits over three pages, throttled in between, counted per Shanghai day with none lost', async () => {
		const at = (back: number, n: number) => Array.from({ length: n }, (_, k) => `${shanghaiDay(back)}T${String(k % 24).padStart(2, '0')}:15:00+08:00`);
		// Hours run 00:15 to 23:15 on each day; "today" may include hours still to come, the stand-in does not mind.
		const server = await startFakeShlink({ visits: { abc: [...at(2, 70), ...at(1, 45), ...at(0, 5)] }, itemsPerPageCap: 50 });
		try {
			// Page 1 goes through, then one 429 before page 2.
			server.throttleNext(1, '0.01', 1);
			const result = await runWorkflow(linkWorkflow([{ linkId: 'https://s.test/abc', linkCode: 'DY-1201-1' }], { operation: 'getClicks', days: 3, timeZone: 'Asia/Shanghai' }, 'shlink'), shlink(server));
			expect(result.errorOf('Short Link')).toBeUndefined();
			expect(result.output('Short Link').map((r) => [r.date, r.clicks])).toEqual([
				[shanghaiDay(2), 70],
				[shanghaiDay(1), 45],
				[shanghaiDay(0), 5],
			]);
			const pages = server.requests.filter((r) => r.status === 200).map((r) => r.query.page);
			expect(pages).toEqual(['1', '2', '3']);
			expect(server.requests.map((r) => r.status)).toEqual([200, 429, 200, 200]);
		} finally {
			await server.close();
		}
	});
});

describe('Short Link → Create on Shlink', () => {
	it('asks Shlink to find the existing link (findIfExists), so a second run makes none', async () => {
		const server = await startFakeShlink();
		try {
			const workflow = linkWorkflow(posts, { operation: 'create', utmCampaign: 'weekly' }, 'shlink');
			const first = await runWorkflow(workflow, shlink(server));
			const second = await runWorkflow(workflow, shlink(server));
			expect(server.writes).toHaveLength(3);
			expect(second.output('Short Link').map((x) => x.linkId)).toEqual(first.output('Short Link').map((x) => x.linkId));
			expect(server.requests[0].body).toEqual({
				longUrl: 'https://shop.example.com/p/101?utm_source=douyin&utm_medium=short_video&utm_campaign=weekly&utm_content=DY-1201-1',
				findIfExists: true,
				title: 'DY-1201-1',
			});
			expectNoSecret(second, SHLINK_TEST_HEADER);
		} finally {
			await server.close();
		}
	});

	it('a wrong API key: each item an error, the key not shown though Shlink repeats it', async () => {
		const server = await startFakeShlink({ echoCredential: true });
		try {
			const wrong = 'not-the-shlink-key-123456789';
			const result = await runWorkflow(linkWorkflow(posts, { operation: 'create' }, 'shlink', { onError: 'continueRegularOutput' }), shlink(server, wrong));
			expect(server.requests).toHaveLength(3);
			const out = result.output('Short Link');
			expect(out.map((x) => String(x.error))).toEqual(posts.map((_, i) => expect.stringMatching(new RegExp(`^Item ${i}: Shlink refused the credential \\(401\\): Invalid API key`)) as unknown as string));
			expectNoSecret(result, wrong);
		} finally {
			await server.close();
		}
	});
});

describe('Short Link → Attribute Orders (no credential)', () => {
	const clicks = [
		{ linkCode: 'A', clicks: 30, postId: 'p1', category: 'knowledge' },
		{ linkCode: 'A', clicks: 20, postId: 'p1', category: 'knowledge' },
		{ linkCode: 'B', clicks: 25, postId: 'p2', category: 'promotion' },
	];
	// Orders as every order-reading node reads them (id, customer, time), in CNY unless said.
	const order = (orderId: string, fields: IDataObject) => ({ orderId, customerId: `c-${orderId}`, createdAt: '2026-06-01T10:00:00+08:00', ...fields });
	const orders = [
		order('o1', { linkCode: 'A', amount: 100, status: 'paid' }),
		order('o2', { linkCode: 'B', amount: '88.5', status: 'completed' }),
		order('o3', { amount: 70 }), // no link code: not attributed
		order('o4', { linkCode: 'B', amount: 40, refundedAmount: 40, status: 'refunded' }), // not a status that counts by default
		order('o5', { linkCode: 'A', amount: 50, status: 'cancelled' }), // nor this one
	];

	it('per post and per pillar, by hand: A 1 order / 50 clicks = 0.02, B 1 / 25 = 0.04 (refunded and cancelled orders do not count)', async () => {
		const posts = await runWorkflow(linkWorkflow(clicks, { operation: 'attribute', attributeLevel: 'post' }, 'bitly', {}, orders));
		expect(posts.output('Short Link')).toEqual([
			{ linkCode: 'A', postId: 'p1', pillar: 'knowledge', clicks: 50, orders: 1, conversionRate: 0.02, revenue: 100, currency: null },
			{ linkCode: 'B', postId: 'p2', pillar: 'promotion', clicks: 25, orders: 1, conversionRate: 0.04, revenue: 88.5, currency: null },
		]);
		const pillars = await runWorkflow(linkWorkflow(clicks, { operation: 'attribute', attributeLevel: 'pillar' }, 'bitly', {}, orders));
		expect(pillars.output('Short Link').map((p) => [p.pillar, p.revenue, p.revenuePerClick])).toEqual([
			['knowledge', 100, 2],
			['promotion', 88.5, 3.54],
		]);
	});

	it('Statuses That Count: the same option as Content Mix; with Refunded added, B\'s refunded order counts, revenue 40 − 40 = 0', async () => {
		const result = await runWorkflow(
			linkWorkflow(clicks, { operation: 'attribute', countedStatuses: ['paid', 'completed', 'refunded'] }, 'bitly', {}, orders),
		);
		expect(result.output('Short Link').map((r) => [r.linkCode, r.orders, r.revenue])).toEqual([
			['A', 1, 100],
			['B', 2, 88.5],
		]);
	});

	it('a bad order stops the node naming the item and field; under Continue it is an error item paired with the Orders input', async () => {
		const bad = [...orders, order('o6', { linkCode: 'A', amount: 'lots' })];
		const stopped = await runWorkflow(linkWorkflow(clicks, { operation: 'attribute' }, 'bitly', {}, bad));
		expect(stopped.errorOf('Short Link')?.message).toMatch(/^Item 5: field "amount" is "lots"; expected /);
		const continued = await runWorkflow(linkWorkflow(clicks, { operation: 'attribute' }, 'bitly', { onError: 'continueRegularOutput' }, bad));
		const out = continued.output('Short Link');
		expect(out.map((r) => r.linkCode ?? r.error)).toEqual(['A', 'B', expect.stringMatching(/^Item 5: field "amount" is "lots"/)]);
		expect(continued.run.data.resultData.runData['Short Link'][0].data!.main[0]![2].pairedItem).toEqual({ item: 5, input: 1 });
	});
});

describe('the credentials\' Test button', () => {
	it('Bitly: OK with the right token, the refusal with a wrong one', async () => {
		const server = await startFakeBitly();
		try {
			expect(await testCredential(new BitlyApi(), bitly(server).bitlyApi)).toBe('OK');
			expect(await testCredential(new BitlyApi(), bitly(server, 'wrong-bitly-token-000000').bitlyApi)).not.toBe('OK');
			expect(server.requests.map((r) => [r.method, r.path, r.status])).toEqual([
				['GET', '/v4/user', 200],
				['GET', '/v4/user', 403],
			]);
		} finally {
			await server.close();
		}
	});

	it('Shlink: OK with the right key, the refusal with a wrong one', async () => {
		const server = await startFakeShlink();
		try {
			expect(await testCredential(new ShlinkApi(), shlink(server).shlinkApi)).toBe('OK');
			expect(await testCredential(new ShlinkApi(), shlink(server, 'wrong-shlink-key-000000').shlinkApi)).not.toBe('OK');
			expect(server.requests.map((r) => [r.path, r.query.itemsPerPage, r.status])).toEqual([
				['/rest/v3/short-urls', '1', 200],
				['/rest/v3/short-urls', '1', 401],
			]);
		} finally {
			await server.close();
		}
	});
});

describe('Short Link → Create on Demo Shop Data posts', () => {
	let server: FakeLinkServer;
	beforeEach(async () => {
		server = await startFakeBitly();
	});
	afterEach(() => server.close());

	it('makes one tracked link per demo post with a link code, from its url with the defaults; organic posts are errors naming Link Code', async () => {
		const shop = { seed: 7, customers: 200, orders: 1500, skus: 8, days: 14, endDate: '2026-06-30' };
		const workflow = {
			nodes: [
				node('Run', 'n8n-nodes-base.manualTrigger'),
				node('Posts', 'demoShopData', { ...shop, dataset: 'contentPosts' }),
				// Every other parameter at its default: Long URL {{ $json.url }}, Link Code {{ $json.linkCode }}, UTM Source {{ $json.platform }}.
				node('Short Link', 'shortLink', { service: 'bitly', operation: 'create' }, { credentials: { bitlyApi: { id: '1', name: 'Test links' } }, onError: 'continueRegularOutput' }),
			],
			connections: { Run: { main: [to('Posts')] }, Posts: { main: [to('Short Link')] } },
		};
		const result = await runWorkflow(workflow, bitly(server));
		const demoPosts = result.output('Posts');
		const out = result.output('Short Link');
		const linked = demoPosts.filter((p) => typeof p.linkCode === 'string');
		expect(linked.length).toBeGreaterThan(10);
		expect(linked.length).toBeLessThan(demoPosts.length); // a few organic posts, for the error branch
		expect(out).toHaveLength(demoPosts.length);
		demoPosts.forEach((post, i) => {
			if (typeof post.linkCode !== 'string') {
				expect(out[i].error).toMatch(new RegExp(`^Item ${i}: Link Code is missing`));
				return;
			}
			// The demo url with the UTM parameters appended, written out by hand from docs/nodes/ShortLink.md.
			expect(out[i]).toMatchObject({
				postId: post.postId,
				linkCode: post.linkCode,
				trackedUrl: `${String(post.url)}?utm_source=${String(post.platform)}&utm_medium=short_video&utm_content=${post.linkCode}`,
				shortUrl: `https://${String(out[i].linkId)}`,
				service: 'bitly',
				created: true,
			});
		});
		// One link per post, none twice.
		expect(server.writes).toHaveLength(linked.length);
		expect(new Set(out.filter((o) => o.linkId !== undefined).map((o) => o.linkId)).size).toBe(linked.length);
	});
});

describe('Short Link → Attribute Orders on Demo Shop Data', () => {
	const shop = { seed: 7, customers: 200, orders: 1500, skus: 8, days: 60, endDate: '2026-06-30' };

	it('attributes every demo order that carries a link code, per pillar, clicks and orders all accounted for', async () => {
		const workflow = {
			nodes: [
				node('Run', 'n8n-nodes-base.manualTrigger'),
				node('Posts', 'demoShopData', { ...shop, dataset: 'contentPosts' }),
				node('Orders', 'demoShopData', { ...shop, dataset: 'orders' }),
				node('Short Link', 'shortLink', { operation: 'attribute', attributeLevel: 'pillar' }),
			],
			connections: {
				Run: { main: [[...to('Posts'), ...to('Orders')]] },
				Posts: { main: [to('Short Link')] },
				Orders: { main: [to('Short Link', 1)] },
			},
			settings: { executionOrder: 'v1' as const },
		};
		const result = await runWorkflow(workflow);
		expect(result.errorOf('Short Link')).toBeUndefined();
		const posts = result.output('Posts');
		const linked = result.output('Orders').filter((o) => typeof o.linkCode === 'string' && DEFAULT_COUNTED_STATUSES.includes(o.status as never));
		const pillars = result.output('Short Link');
		expect(linked.length).toBeGreaterThan(0);
		expect(pillars.map((p) => p.pillar).sort()).toEqual(['knowledge', 'promotion', 'scenario']);
		expect(pillars.reduce((sum, p) => sum + Number(p.orders), 0)).toBe(linked.length);
		expect(pillars.reduce((sum, p) => sum + Number(p.clicks), 0)).toBe(posts.reduce((sum, p) => sum + Number(p.clicks), 0));
	});

	it('says what to connect when no item on the first input has a link code', async () => {
		const result = await runWorkflow(linkWorkflow([{ postId: 'p1', clicks: 3 }, { postId: 'p2' }], { operation: 'attribute' }, 'bitly', {}, [{ orderId: 'o1', customerId: 'c1', createdAt: '2026-06-01T10:00:00+08:00', linkCode: 'A', amount: 1 }]));
		expect(result.errorOf('Short Link')?.message).toMatch(/^None of the 2 items on the first input has a linkCode/);
	});

	it('converts orders in another currency with Currency Rates into the Base Currency, as Content Mix does', async () => {
		const at = { customerId: 'c1', createdAt: '2026-06-01T10:00:00+08:00' };
		const orders = [
			{ ...at, orderId: 'o1', linkCode: 'A', amount: 10, currency: 'CNY' },
			{ ...at, orderId: 'o2', linkCode: 'A', amount: 10, currency: 'USD' },
		];
		const parameters = { operation: 'attribute', options: { baseCurrency: 'CNY', currencyRates: 'USD=7.1' } };
		const result = await runWorkflow(linkWorkflow([{ linkCode: 'A', clicks: 5 }], parameters, 'bitly', {}, orders));
		// 10 + 10 × 7.1 = 81 CNY over 2 orders and 5 clicks.
		expect(result.output('Short Link')).toEqual([{ linkCode: 'A', pillar: 'unassigned', clicks: 5, orders: 2, conversionRate: 0.4, revenue: 81, currency: 'CNY' }]);
		const noRate = await runWorkflow(linkWorkflow([{ linkCode: 'A', clicks: 5 }], { operation: 'attribute', options: { baseCurrency: 'CNY' } }, 'bitly', {}, orders));
		expect(noRate.errorOf('Short Link')?.message).toMatch(/^Item 1: field "currency"/);
	});

	it('an order through a code no post has: shown under the pillar unassigned, not dropped', async () => {
		const at = { customerId: 'c1', createdAt: '2026-06-01T10:00:00+08:00' };
		const result = await runWorkflow(
			linkWorkflow([{ linkCode: 'A', clicks: 5, postId: 'p1', category: 'knowledge' }], { operation: 'attribute' }, 'bitly', {}, [
				{ ...at, orderId: 'o1', linkCode: 'A', amount: 20 },
				{ ...at, orderId: 'o2', linkCode: 'OLD-7', amount: 30 },
			]),
		);
		expect(result.output('Short Link')).toEqual([
			{ linkCode: 'A', postId: 'p1', pillar: 'knowledge', clicks: 5, orders: 1, conversionRate: 0.2, revenue: 20, currency: null },
			{ linkCode: 'OLD-7', pillar: 'unassigned', clicks: 0, orders: 1, conversionRate: null, revenue: 30, currency: null },
		]);
	});
});
