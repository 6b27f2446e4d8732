/**
 * Short Link in a real n8n, against the Bitly and Shlink stand-ins (test/support/fakeLinks.ts)
 * on this machine: both credentials imported with `n8n import:credentials` (Base URL = the
 * stand-in, Allow HTTP on), then, per service, Manual Trigger → Posts → Create Tracked Link →
 * Get Clicks → Attribute Orders (orders on its second input). One user folder, one import of
 * both workflows. Bitly is executed twice: the second run makes no link (Bitly returns the
 * existing Bitlink for the same long URL); Shlink once, its visits paged and counted per
 * Shanghai day. The attribution matches the hand-computed numbers.
 */
import * as fs from 'fs';
import * as path from 'path';

import { BITLY_TEST_BEARER, SHLINK_TEST_HEADER, startFakeBitly, startFakeShlink, type FakeLinkServer } from '../support/fakeLinks';
import { execute, explain, freshInstance, importBuilt, importCredentials, itemsOf, n8nVersion, type Instance, type WorkflowJson, workflowNode, fixedItemsNode } from './support/n8n';

const CREDENTIAL_ID = 'e2eShortLinkBitly';
const SHLINK_CREDENTIAL_ID = 'e2eShortLinkShlink';

const POSTS = [
	{ postId: 'p1', platform: 'douyin', linkCode: 'DY-1', url: 'https://shop.example.com/p/1', category: 'knowledge' },
	{ postId: 'p2', platform: 'douyin', linkCode: 'DY-2', url: 'https://shop.example.com/p/2#buy', category: 'promotion' },
];
const ORDERS = [
	{ orderId: 'o1', customerId: 'c1', createdAt: '2026-06-01T10:00:00+08:00', linkCode: 'DY-1', amount: 120, status: 'paid' },
	{ orderId: 'o2', customerId: 'c2', createdAt: '2026-06-01T11:00:00+08:00', linkCode: 'DY-2', amount: 60, status: 'paid' },
	{ orderId: 'o3', customerId: 'c1', createdAt: '2026-06-02T10:00:00+08:00', linkCode: 'DY-2', amount: 40, status: 'completed' },
	{ orderId: 'o4', customerId: 'c3', createdAt: '2026-06-02T12:00:00+08:00', linkCode: 'DY-1', amount: 90, status: 'cancelled' }, // does not count
];
const today = () => new Date().toISOString().slice(0, 10);

const credential = { bitlyApi: { id: CREDENTIAL_ID, name: CREDENTIAL_ID } };
const shlinkCredential = { shlinkApi: { id: SHLINK_CREDENTIAL_ID, name: SHLINK_CREDENTIAL_ID } };
const to = (target: string, index = 0) => [{ node: target, type: 'main', index }];
const WORKFLOW: WorkflowJson = {
	id: 'e2eShortLink',
	name: 'e2eShortLink',
	nodes: [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		fixedItemsNode('Posts', [220, -100], POSTS),
		fixedItemsNode('Orders', [220, 150], ORDERS),
		workflowNode('Create links', 'n8n-nodes-commerce-ops.shortLink', [440, -100], { service: 'bitly', operation: 'create' }, { credentials: credential }),
		workflowNode('Clicks', 'n8n-nodes-commerce-ops.shortLink', [660, -100], { service: 'bitly', operation: 'getClicks', days: 2 }, { credentials: credential }),
		workflowNode('Attribution', 'n8n-nodes-commerce-ops.shortLink', [880, 0], { operation: 'attribute', attributeLevel: 'post' }),
	],
	connections: {
		'Run now': { main: [[...to('Posts'), ...to('Orders')]] },
		Posts: { main: [to('Create links')] },
		'Create links': { main: [to('Clicks')] },
		Clicks: { main: [to('Attribution', 0)] },
		Orders: { main: [to('Attribution', 1)] },
	},
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	active: false,
};

/** The same flow on Shlink: its short codes, visits counted per day in the shop's time zone. */
const SHLINK_WORKFLOW: WorkflowJson = {
	id: 'e2eShortLinkShlink',
	name: 'e2eShortLinkShlink',
	nodes: [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		fixedItemsNode('Posts', [220, -100], POSTS),
		fixedItemsNode('Orders', [220, 150], ORDERS),
		workflowNode('Create links', 'n8n-nodes-commerce-ops.shortLink', [440, -100], { service: 'shlink', operation: 'create', utmCampaign: 'weekly' }, { credentials: shlinkCredential }),
		workflowNode('Clicks', 'n8n-nodes-commerce-ops.shortLink', [660, -100], { service: 'shlink', operation: 'getClicks', days: 2, timeZone: 'Asia/Shanghai' }, { credentials: shlinkCredential }),
		workflowNode('Attribution', 'n8n-nodes-commerce-ops.shortLink', [880, 0], { operation: 'attribute', attributeLevel: 'pillar' }),
	],
	connections: WORKFLOW.connections,
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	active: false,
};
/** The Shanghai calendar day of an instant, YYYY-MM-DD. */
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe(`Short Link in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let bitly: FakeLinkServer;
	let shlink: FakeLinkServer;
	const visitedAt = Date.now() - 120_000;

	beforeAll(async () => {
		// The stand-ins number their links in the order they make them: Bitlinks t00001, t00002 …,
		// Shlink short codes s0001, s0002 …. Shlink: s0001 had 12 visits two minutes ago and 3 ten
		// days ago (outside the 2 days asked for), s0002 had 5; its pages hold at most 4 visits.
		bitly = await startFakeBitly({ clicks: { 'bit.ly/t00001': { [today()]: 40 }, 'bit.ly/t00002': { [today()]: 10 } } });
		const at = (ms: number, n: number) => Array.from({ length: n }, () => new Date(ms).toISOString());
		shlink = await startFakeShlink({ visits: { s0001: [...at(visitedAt, 12), ...at(Date.now() - 10 * 86_400_000, 3)], s0002: at(visitedAt, 5) }, itemsPerPageCap: 4 });
		instance = await freshInstance('shortLink');
		const file = path.join(instance.userFolder, 'short-link-credentials.json');
		fs.writeFileSync(
			file,
			JSON.stringify([
				{ id: CREDENTIAL_ID, name: CREDENTIAL_ID, type: 'bitlyApi', data: { accessToken: BITLY_TEST_BEARER, baseUrl: bitly.baseUrl, allowHttp: true } },
				{ id: SHLINK_CREDENTIAL_ID, name: SHLINK_CREDENTIAL_ID, type: 'shlinkApi', data: { apiKey: SHLINK_TEST_HEADER, baseUrl: shlink.baseUrl, allowHttp: true } },
			]),
		);
		try {
			await importCredentials(instance, file);
		} finally {
			fs.rmSync(file);
		}
		expect((await importBuilt(instance, [WORKFLOW, SHLINK_WORKFLOW])).count).toBe(2);
	});

	afterAll(async () => {
		await bitly?.close();
		await shlink?.close();
	});

	it('creates one link per post, finds them again on a second run, and attributes the orders', async () => {
		const first = await execute(instance, WORKFLOW.id);
		expect({ ok: first.ok, why: first.ok ? '' : explain(first) }).toEqual({ ok: true, why: '' });
		const second = await execute(instance, WORKFLOW.id);
		expect({ ok: second.ok, why: second.ok ? '' : explain(second) }).toEqual({ ok: true, why: '' });

		expect(bitly.writes.map((w) => w.longUrl)).toEqual([
			'https://shop.example.com/p/1?utm_source=douyin&utm_medium=short_video&utm_content=DY-1',
			'https://shop.example.com/p/2?utm_source=douyin&utm_medium=short_video&utm_content=DY-2#buy',
		]);
		expect(itemsOf(first.run, 'Create links')!.map((l) => [l.linkId, l.created])).toEqual([
			['bit.ly/t00001', true],
			['bit.ly/t00002', true],
		]);
		expect(itemsOf(second.run, 'Create links')!.map((l) => [l.linkId, l.created])).toEqual([
			['bit.ly/t00001', false],
			['bit.ly/t00002', false],
		]);
		// DY-1: 1 order / 40 clicks = 0.025, 120; DY-2: 2 orders / 10 clicks = 0.2, 60 + 40 = 100.
		// The cancelled order o4 does not count (Statuses That Count, as in Content Mix); the orders name no currency.
		expect(itemsOf(second.run, 'Attribution')).toEqual([
			{ linkCode: 'DY-1', postId: 'p1', pillar: 'knowledge', clicks: 40, orders: 1, conversionRate: 0.025, revenue: 120, currency: null },
			{ linkCode: 'DY-2', postId: 'p2', pillar: 'promotion', clicks: 10, orders: 2, conversionRate: 0.2, revenue: 100, currency: null },
		]);
		expect(JSON.stringify([first.run, second.run])).not.toContain(BITLY_TEST_BEARER);
	});

	it('on Shlink: one short code per post, visits read over pages and counted per Shanghai day, attributed per pillar', async () => {
		const run = await execute(instance, SHLINK_WORKFLOW.id);
		expect({ ok: run.ok, why: run.ok ? '' : explain(run) }).toEqual({ ok: true, why: '' });
		expect(shlink.writes).toEqual([
			{ id: 's0001', longUrl: 'https://shop.example.com/p/1?utm_source=douyin&utm_medium=short_video&utm_campaign=weekly&utm_content=DY-1' },
			{ id: 's0002', longUrl: 'https://shop.example.com/p/2?utm_source=douyin&utm_medium=short_video&utm_campaign=weekly&utm_content=DY-2#buy' },
		]);
		expect(shlink.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { findIfExists?: unknown }).findIfExists)).toEqual([true, true]);
		// 12 visits on 4-visit pages: pages 1, 2, 3 for s0001; 5 visits: pages 1, 2 for s0002.
		expect(shlink.requests.filter((r) => r.method === 'GET').map((r) => [r.path, r.query.page])).toEqual([
			['/rest/v3/short-urls/s0001/visits', '1'],
			['/rest/v3/short-urls/s0001/visits', '2'],
			['/rest/v3/short-urls/s0001/visits', '3'],
			['/rest/v3/short-urls/s0002/visits', '1'],
			['/rest/v3/short-urls/s0002/visits', '2'],
		]);
		const clicks = itemsOf(run.run, 'Clicks')!;
		const today = shanghaiDay(Date.now());
		const yesterday = shanghaiDay(Date.now() - 86_400_000);
		// Two days per link, oldest first; the recent visits on the Shanghai day they fell on (today,
		// or yesterday when the run is just after midnight), the ten-day-old ones not at all.
		expect(clicks.map((c) => [c.linkId, c.date])).toEqual([
			['s0001', yesterday],
			['s0001', today],
			['s0002', yesterday],
			['s0002', today],
		]);
		const recentDay = shanghaiDay(visitedAt);
		expect(clicks.map((c) => c.clicks)).toEqual([recentDay === today ? 0 : 12, recentDay === today ? 12 : 0, recentDay === today ? 0 : 5, recentDay === today ? 5 : 0]);
		// Per pillar: knowledge DY-1 1 order / 12 clicks, 120; promotion DY-2 2 orders / 5 clicks, 100 → 20 per click.
		expect(itemsOf(run.run, 'Attribution')).toEqual([
			{ pillar: 'knowledge', links: 1, clicks: 12, orders: 1, conversionRate: 1 / 12, revenue: 120, revenuePerClick: 10, currency: null },
			{ pillar: 'promotion', links: 1, clicks: 5, orders: 2, conversionRate: 0.4, revenue: 100, revenuePerClick: 20, currency: null },
		]);
		expect(JSON.stringify(run.run)).not.toContain(SHLINK_TEST_HEADER);
	});
});
