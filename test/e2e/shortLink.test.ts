/**
 * Short Link in a real n8n, against the Bitly stand-in (test/support/fakeLinks.ts) on this
 * machine: a credential imported with `n8n import:credentials` (Base URL = the stand-in, Allow
 * HTTP on), then Manual Trigger → Posts → Create Tracked Link → Get Clicks → Attribute Orders
 * (orders on its second input). Executed twice: the second run makes no link (Bitly returns the
 * existing Bitlink for the same long URL), and the attribution matches the hand-computed numbers.
 */
import * as fs from 'fs';
import * as path from 'path';

import { BITLY_TEST_BEARER, startFakeBitly, type FakeLinkServer } from '../support/fakeLinks';
import { execute, explain, freshInstance, importBuilt, importCredentials, itemsOf, n8nVersion, type Instance, type WorkflowJson, type WorkflowNode } from './support/n8n';

const CREDENTIAL_ID = 'e2eShortLinkBitly';

function node(name: string, type: string, position: [number, number], parameters: Record<string, unknown> = {}, extra = {}): WorkflowNode {
	return { id: name.toLowerCase().replace(/\W+/g, '-'), name, type, typeVersion: 1, position, parameters, ...extra };
}
const code = (name: string, position: [number, number], items: unknown[]): WorkflowNode => ({
	...node(name, 'n8n-nodes-base.code', position, { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` }),
	typeVersion: 2,
});

const POSTS = [
	{ postId: 'p1', platform: 'douyin', linkCode: 'DY-1', url: 'https://shop.example.com/p/1', category: 'knowledge' },
	{ postId: 'p2', platform: 'douyin', linkCode: 'DY-2', url: 'https://shop.example.com/p/2#buy', category: 'promotion' },
];
const ORDERS = [
	{ orderId: 'o1', linkCode: 'DY-1', amount: 120, status: 'paid' },
	{ orderId: 'o2', linkCode: 'DY-2', amount: 60, status: 'paid' },
	{ orderId: 'o3', linkCode: 'DY-2', amount: 40, status: 'completed' },
];
const today = () => new Date().toISOString().slice(0, 10);

const credential = { bitlyApi: { id: CREDENTIAL_ID, name: CREDENTIAL_ID } };
const to = (target: string, index = 0) => [{ node: target, type: 'main', index }];
const WORKFLOW: WorkflowJson = {
	id: 'e2eShortLink',
	name: 'e2eShortLink',
	nodes: [
		node('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		code('Posts', [220, -100], POSTS),
		code('Orders', [220, 150], ORDERS),
		node('Create links', 'n8n-nodes-commerce-ops.shortLink', [440, -100], { service: 'bitly', operation: 'create' }, { credentials: credential }),
		node('Clicks', 'n8n-nodes-commerce-ops.shortLink', [660, -100], { service: 'bitly', operation: 'getClicks', days: 2 }, { credentials: credential }),
		node('Attribution', 'n8n-nodes-commerce-ops.shortLink', [880, 0], { operation: 'attribute', attributeLevel: 'post' }),
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

describe(`Short Link in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let bitly: FakeLinkServer;

	beforeAll(async () => {
		// The stand-in numbers its Bitlinks t00001, t00002 … in the order it makes them.
		bitly = await startFakeBitly({ clicks: { 'bit.ly/t00001': { [today()]: 40 }, 'bit.ly/t00002': { [today()]: 10 } } });
		instance = await freshInstance('shortLink');
		const file = path.join(instance.userFolder, 'short-link-credentials.json');
		fs.writeFileSync(file, JSON.stringify([{ id: CREDENTIAL_ID, name: CREDENTIAL_ID, type: 'bitlyApi', data: { accessToken: BITLY_TEST_BEARER, baseUrl: bitly.baseUrl, allowHttp: true } }]));
		try {
			await importCredentials(instance, file);
		} finally {
			fs.rmSync(file);
		}
		expect((await importBuilt(instance, [WORKFLOW])).count).toBe(1);
	});

	afterAll(async () => {
		await bitly?.close();
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
		expect(itemsOf(second.run, 'Attribution')).toEqual([
			{ linkCode: 'DY-1', postId: 'p1', pillar: 'knowledge', clicks: 40, orders: 1, conversionRate: 0.025, revenue: 120 },
			{ linkCode: 'DY-2', postId: 'p2', pillar: 'promotion', clicks: 10, orders: 2, conversionRate: 0.2, revenue: 100 },
		]);
		expect(JSON.stringify([first.run, second.run])).not.toContain(BITLY_TEST_BEARER);
	});
});
