/**
 * The three bot nodes inside n8n's execution engine (n8n-core WorkflowExecute, in-process),
 * posting to local fake webhooks (test/support/chatBotServers.ts) that check keys and
 * signatures as the platforms document them. Waits run on a virtual clock, so the rate and
 * throttling tests take milliseconds.
 */
import { inspect } from 'node:util';

import type { IDataObject, INode } from 'n8n-workflow';

import { DingTalkBotApi } from '../../credentials/DingTalkBotApi.credentials';
import { FeishuBotApi } from '../../credentials/FeishuBotApi.credentials';
import { WeComBotApi } from '../../credentials/WeComBotApi.credentials';

import { resetChatClock, setChatClock } from '../../nodes/lib/chat/clock';
import { chain, node, runWorkflow, testCredential, type RunResult, type TestCredentials } from '../support/n8n';
import {
	startDingTalkServer,
	startFeishuServer,
	startWeComServer,
	VirtualClock,
	type FakeBotServer,
} from '../support/chatBotServers';

const WECOM_KEY = '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
const DINGTALK_TOKEN = 'ff6cd723bdb4455fe18a0ba30dbeff007f5fa11';
const DINGTALK_SECRET = 'SEC1f2e3d4c5b6a79880766554433221100ffeeddccbbaa';
const FEISHU_HOOK = '91d41f9a-f61d-4fd5-9c5a-016a9e0c61a4';
const FEISHU_SECRET = 'qWeRtYuIoP0987654321zxcv';
const SECRETS = [WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, FEISHU_HOOK, FEISHU_SECRET];

let clock: VirtualClock;
let servers: FakeBotServer[] = [];

beforeEach(() => {
	clock = new VirtualClock();
	setChatClock(clock);
	servers = [];
});

afterEach(async () => {
	resetChatClock();
	await Promise.all(servers.map((s) => s.close()));
});

async function track(server: Promise<FakeBotServer>): Promise<FakeBotServer> {
	const started = await server;
	servers.push(started);
	return started;
}

const alerts = (count: number, width = 0): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({
		alertId: `A-${i}`,
		sku: `SKU-${String(i).padStart(4, '0')}`,
		warehouse: i % 2 === 0 ? '上海仓' : '广州仓',
		daysOfCover: 1 + (i % 7),
		note: 'x'.repeat(width),
	}));

const LINE_TEMPLATE = '={{ "⚠️ " + $json.sku + " @ " + $json.warehouse + ": 还能卖 " + $json.daysOfCover + " 天" + $json.note }}';

const BOT_TYPES = { weCom: 'weComBot', dingTalk: 'dingTalkBot', feishu: 'feishuBot' } as const;
const CREDENTIAL_TYPES = { weCom: 'weComBotApi', dingTalk: 'dingTalkBotApi', feishu: 'feishuBotApi' } as const;

function botWorkflow(
	platform: keyof typeof BOT_TYPES,
	items: IDataObject[],
	parameters: IDataObject,
	extra: Partial<INode> = {},
	staticData: IDataObject = {},
) {
	const credentialType = CREDENTIAL_TYPES[platform];
	const withCredential = parameters.operation === 'preview' ? {} : { credentials: { [credentialType]: { id: '1', name: 'Test bot' } } };
	return {
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			node('Alerts', 'test.fixture', { items: JSON.stringify(items) }),
			node('Bot', BOT_TYPES[platform], { lineTemplate: LINE_TEMPLATE, ...parameters }, { ...withCredential, ...extra }),
		],
		connections: chain('Start', 'Alerts', 'Bot'),
		staticData,
	};
}

const wecomCredentials = (server: FakeBotServer, key = WECOM_KEY): TestCredentials => ({
	weComBotApi: { webhookToken: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`, baseUrl: server.baseUrl, allowHttp: true },
});
const dingTalkCredentials = (server: FakeBotServer, secret = DINGTALK_SECRET): TestCredentials => ({
	dingTalkBotApi: {
		webhookToken: `https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}`,
		secret,
		baseUrl: server.baseUrl,
		allowHttp: true,
	},
});
const feishuCredentials = (server: FakeBotServer, secret = FEISHU_SECRET): TestCredentials => ({
	feishuBotApi: { webhookToken: `https://open.feishu.cn/open-apis/bot/v2/hook/${FEISHU_HOOK}`, secret, baseUrl: server.baseUrl, allowHttp: true },
});

/** Every line of the delivered messages (WeCom/DingTalk/Feishu text), headers and mentions dropped. */
function deliveredLines(server: FakeBotServer): string[] {
	return server.delivered().flatMap((body) => {
		const b = body as Record<string, Record<string, unknown>>;
		const content = String(b.text?.content ?? b.markdown?.content ?? b.markdown?.text ?? b.content?.text ?? '');
		return content.split('\n').filter((line) => line.startsWith('⚠️'));
	});
}

function expectNoSecrets(result: RunResult, nodeName = 'Bot') {
	const everything = [JSON.stringify(result.run), inspect(result.errorOf(nodeName), { depth: 8 })].join('\n');
	for (const secret of SECRETS) expect(everything).not.toContain(secret);
}

describe('credential test requests', () => {
	it('WeCom: a good key passes without posting anything, a wrong key fails with errcode 93000', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY }));
		expect(await testCredential(new WeComBotApi(), wecomCredentials(server).weComBotApi)).toBe('OK');
		expect(await testCredential(new WeComBotApi(), wecomCredentials(server, 'nope').weComBotApi)).toMatch(/93000/);
		expect(server.delivered()).toHaveLength(0);
	});

	it('DingTalk: a good secret passes, a wrong one fails with errcode 310000', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET }));
		expect(await testCredential(new DingTalkBotApi(), dingTalkCredentials(server).dingTalkBotApi)).toBe('OK');
		expect(await testCredential(new DingTalkBotApi(), dingTalkCredentials(server, 'SECwrong').dingTalkBotApi)).toMatch(/310000/);
		expect(server.delivered()).toHaveLength(0);
	});

	it('a plain-http base URL fails the test unless the credential allows http; nothing is posted', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET }));
		const withoutOptIn = { ...dingTalkCredentials(server).dingTalkBotApi };
		delete withoutOptIn.allowHttp;
		expect(await testCredential(new DingTalkBotApi(), withoutOptIn)).toMatch(/is plain http, which this credential does not allow/);
		expect(server.requests).toHaveLength(0);
	});

	it('Feishu: a good secret passes, a wrong one fails with code 19021', async () => {
		const server = await track(startFeishuServer({ hookId: FEISHU_HOOK, secret: FEISHU_SECRET }));
		expect(await testCredential(new FeishuBotApi(), feishuCredentials(server).feishuBotApi)).toBe('OK');
		expect(await testCredential(new FeishuBotApi(), feishuCredentials(server, 'wrong').feishuBotApi)).toMatch(/19021/);
		expect(server.delivered()).toHaveLength(0);
	});
});

describe('Preview', () => {
	it('returns the exact messages, sends nothing and needs no credential', async () => {
		const result = await runWorkflow(
			botWorkflow('dingTalk', alerts(3), {
				operation: 'preview',
				messageType: 'markdown',
				header: '补货提醒',
				mentions: { mobiles: '13800001111' },
			}),
		);
		expect(result.errorOf('Bot')).toBeUndefined();
		const [preview, ...rest] = result.output('Bot');
		expect(rest).toEqual([]);
		expect(preview).toMatchObject({
			platform: 'dingTalk',
			operation: 'preview',
			status: 'preview',
			messageIndex: 1,
			messageCount: 1,
			lineCount: 3,
			sizeLimit: 20_000,
			sizeUnit: 'bodyBytes',
			payload: {
				msgtype: 'markdown',
				markdown: {
					title: '补货提醒',
					text: '补货提醒\n⚠️ SKU-0000 @ 上海仓: 还能卖 1 天\n⚠️ SKU-0001 @ 广州仓: 还能卖 2 天\n⚠️ SKU-0002 @ 上海仓: 还能卖 3 天\n@13800001111',
				},
				at: { atMobiles: ['13800001111'], atUserIds: [], isAtAll: false },
			},
		});
		expect(clock.sleeps).toEqual([]);
	});

	it('packs a long list the same way Send would (WeCom text, 2048 bytes)', async () => {
		const result = await runWorkflow(botWorkflow('weCom', alerts(120), { operation: 'preview' }));
		const previews = result.output('Bot');
		expect(previews.length).toBeGreaterThan(1);
		for (const p of previews) expect(p.size as number).toBeLessThanOrEqual(2048);
		expect(previews.reduce((n, p) => n + (p.lineCount as number), 0)).toBe(120);
	});
});

describe('WeCom Group Bot', () => {
	it('packs 150 alerts into as few messages as 2048 bytes allow and delivers every line once, in order', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY, now: () => clock.now() }));
		const items = alerts(150);
		const result = await runWorkflow(botWorkflow('weCom', items, { header: '补货提醒' }), wecomCredentials(server));
		expect(result.errorOf('Bot')).toBeUndefined();
		const sent = result.output('Bot');
		expect(sent.every((m) => m.status === 'sent')).toBe(true);
		expect(server.delivered()).toHaveLength(sent.length);
		expect(deliveredLines(server)).toEqual(items.map((a) => `⚠️ ${a.sku} @ ${a.warehouse}: 还能卖 ${a.daysOfCover} 天`));
		for (const body of server.delivered()) {
			expect(Buffer.byteLength(String((body.text as IDataObject).content))).toBeLessThanOrEqual(2048);
		}
		// Fewest messages: the lines (with newlines) need at least this many 2048-byte messages.
		const bytes = deliveredLines(server).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
		expect(sent.length).toBeLessThanOrEqual(Math.ceil(bytes / (2048 - 20)));
		expect(clock.sleeps).toEqual([]);
		expectNoSecrets(result);
	});

	it('a wrong key: NodeApiError with WeCom\'s message, and the key appears nowhere', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY }));
		const result = await runWorkflow(botWorkflow('weCom', alerts(2), {}), wecomCredentials(server, 'wrong-key-0000'));
		const error = result.errorOf('Bot') as Error & { description?: string; httpCode?: string };
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toContain('invalid webhook url');
		expect(error.description).toContain('93000');
		expect(inspect(error, { depth: 8 })).not.toContain('wrong-key-0000');
		expectNoSecrets(result);
	});

	it('an unreachable webhook: "Could not reach", without the key', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY }));
		const baseUrl = server.baseUrl;
		await server.close();
		servers = servers.filter((s) => s !== server);
		const result = await runWorkflow(botWorkflow('weCom', alerts(1), {}), {
			weComBotApi: { webhookToken: WECOM_KEY, baseUrl, allowHttp: true },
		});
		const error = result.errorOf('Bot') as Error;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(/^Could not reach the WeCom bot: (.*ECONNREFUSED|The service refused the connection)/);
		expectNoSecrets(result);
	});

	it('HTTP 429 once: waits as Retry-After says and sends the same message again', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY, now: () => clock.now() }));
		server.replyNext({ status: 429, body: { errcode: 45009, errmsg: 'api freq out of limit' }, headers: { 'Retry-After': '7' } });
		const result = await runWorkflow(botWorkflow('weCom', alerts(3), {}), wecomCredentials(server));
		expect(result.errorOf('Bot')).toBeUndefined();
		expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(server.delivered()).toHaveLength(1);
		expect(deliveredLines(server)).toHaveLength(3);
		expect(clock.sleeps).toEqual([7_000]);
		expect(result.output('Bot')[0]).toMatchObject({ status: 'sent', throttledRetries: 1, waitedMs: 7_000 });
	});

	it('a 25-message burst goes out at no more than 20 a minute, and nothing is dropped', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY, now: () => clock.now() }));
		// 1200-byte lines: one line per 2048-byte message.
		const started = Date.now();
		const result = await runWorkflow(botWorkflow('weCom', alerts(25, 1200), {}), wecomCredentials(server));
		expect(result.errorOf('Bot')).toBeUndefined();
		const arrivals = server.requests.map((r) => r.at);
		expect(arrivals).toHaveLength(25);
		expect(server.delivered()).toHaveLength(25);
		for (const t of arrivals) expect(arrivals.filter((u) => u >= t && u <= t + 60_000).length).toBeLessThanOrEqual(20);
		expect(arrivals[20] - arrivals[0]).toBeGreaterThanOrEqual(60_000);
		expect(Date.now() - started).toBeLessThan(20_000); // the minute passed on the virtual clock
	});

	it('WeCom markdown cannot mention by mobile: a clear error before anything is sent', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY }));
		const result = await runWorkflow(
			botWorkflow('weCom', alerts(2), { messageType: 'markdown', mentions: { mobiles: '13800001111' } }),
			wecomCredentials(server),
		);
		expect(result.errorOf('Bot')?.message).toBe('WeCom markdown messages cannot mention mobile numbers');
		expect(server.requests).toHaveLength(0);
	});

	it('a line too long for one message: error naming the item, nothing sent', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY }));
		const items = alerts(3);
		items[1].note = '长'.repeat(700);
		const result = await runWorkflow(botWorkflow('weCom', items, {}), wecomCredentials(server));
		const error = result.errorOf('Bot') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toMatch(/^The line of item 1 does not fit in one WeCom text message/);
		expect(error.context?.itemIndex).toBe(1);
		expect(server.requests).toHaveLength(0);
	});
});

describe('DingTalk Custom Bot', () => {
	it('signs every request as documented: the fake robot accepts them all', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET, now: () => clock.now() }));
		const items = alerts(40);
		const result = await runWorkflow(
			botWorkflow('dingTalk', items, { header: '补货提醒', mentions: { mobiles: '13800001111', all: true } }),
			dingTalkCredentials(server),
		);
		expect(result.errorOf('Bot')).toBeUndefined();
		expect(server.requests.every((r) => r.delivered)).toBe(true);
		expect(deliveredLines(server)).toHaveLength(40);
		expect(server.delivered()[0].at).toEqual({ atMobiles: ['13800001111'], atUserIds: [], isAtAll: true });
		// The query string carries access_token, timestamp (ms) and the URL-encoded sign.
		expect(server.requests[0].rawQuery).toMatch(/^access_token=[^&]+&timestamp=\d{13}&sign=[A-Za-z0-9%]+$/);
		expectNoSecrets(result);
	});

	it('a wrong signing secret: the robot answers 310000 "sign not match"; neither secret nor token leaks', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET }));
		const wrongSecret = 'SECwrongwrongwrongwrongwrongwrong0123456789';
		const result = await runWorkflow(botWorkflow('dingTalk', alerts(2), {}), dingTalkCredentials(server, wrongSecret));
		const error = result.errorOf('Bot') as Error & { description?: string };
		expect(error.message).toBe('DingTalk did not accept message 1 of 1: sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]');
		expect(error.description).toContain('310000');
		expect(server.delivered()).toHaveLength(0);
		expect(inspect(error, { depth: 8 })).not.toContain(wrongSecret);
		expect(JSON.stringify(result.run)).not.toContain(wrongSecret);
		expectNoSecrets(result);
	});

	it('throttled (errcode 130101) the first time: waits, sends again, drops nothing', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET, now: () => clock.now() }));
		server.replyNext({ body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } });
		const result = await runWorkflow(botWorkflow('dingTalk', alerts(5), {}), dingTalkCredentials(server));
		expect(result.errorOf('Bot')).toBeUndefined();
		expect(server.requests.map((r) => r.reply.errcode)).toEqual([130101, 0]);
		expect(deliveredLines(server)).toHaveLength(5);
		expect(clock.sleeps).toEqual([60_000]);
	});

	it('still throttled past the wait budget: stops with an error that names the unsent messages', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET, now: () => clock.now() }));
		server.replyNext({ body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } }, 10);
		const result = await runWorkflow(
			botWorkflow('dingTalk', alerts(3), { options: { maxWaitMinutes: 5 } }),
			dingTalkCredentials(server),
		);
		expect(result.errorOf('Bot')?.message).toMatch(/^DingTalk is still throttling after 180 s of waiting: messages 1–1 of 1 were not sent/);
		expect(clock.sleeps).toEqual([60_000, 120_000]);
	});
});

describe('Feishu / Lark Custom Bot', () => {
	it('signs the body (timestamp in seconds + sign) and the output shows no signature', async () => {
		const server = await track(startFeishuServer({ hookId: FEISHU_HOOK, secret: FEISHU_SECRET, now: () => clock.now() }));
		const result = await runWorkflow(
			botWorkflow('feishu', alerts(4), { messageType: 'markdown', mentions: { userIds: 'ou_abc' } }),
			feishuCredentials(server),
		);
		expect(result.errorOf('Bot')).toBeUndefined();
		expect(server.delivered()).toHaveLength(1);
		const body = server.delivered()[0];
		expect(body).toMatchObject({ timestamp: expect.stringMatching(/^\d{10}$/), sign: expect.any(String), msg_type: 'interactive' });
		const [out] = result.output('Bot');
		expect(out.payload).toEqual({
			msg_type: 'interactive',
			card: { elements: [{ tag: 'markdown', content: expect.stringContaining('<at id=ou_abc></at>') }] },
		});
		expectNoSecrets(result);
	});

	it('throttled (code 11232) the first time: retried after a second, nothing dropped', async () => {
		const server = await track(startFeishuServer({ hookId: FEISHU_HOOK, secret: FEISHU_SECRET, now: () => clock.now() }));
		server.replyNext({ body: { code: 11232, data: {}, msg: 'frequency limited' } });
		const result = await runWorkflow(botWorkflow('feishu', alerts(6), {}), feishuCredentials(server));
		expect(result.errorOf('Bot')).toBeUndefined();
		expect(server.requests.map((r) => r.reply.code)).toEqual([11232, 0]);
		expect(deliveredLines(server)).toHaveLength(6);
		expect(clock.sleeps).toEqual([1_000]);
	});

	it('a wrong secret: code 19021 with Feishu\'s message, no secret in the error', async () => {
		const server = await track(startFeishuServer({ hookId: FEISHU_HOOK, secret: FEISHU_SECRET }));
		const result = await runWorkflow(botWorkflow('feishu', alerts(1), {}), feishuCredentials(server, 'not-the-secret-123'));
		const error = result.errorOf('Bot') as Error;
		expect(error.message).toBe(
			'Feishu did not accept message 1 of 1: sign match fail or timestamp is not within one hour from current time',
		);
		expect(inspect(error, { depth: 8 })).not.toContain('not-the-secret-123');
		expectNoSecrets(result);
	});
});

describe('On Error: Continue (regular output)', () => {
	it('a refused message stays on the main output as status failed (as before), and the next one is still sent', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY, now: () => clock.now() }));
		server.replyNext({ body: { errcode: 40058, errmsg: 'text.content exceed max length 2048. invalid Request Parameter' } });
		const result = await runWorkflow(
			botWorkflow('weCom', alerts(2, 1200), {}, { onError: 'continueRegularOutput' }),
			wecomCredentials(server),
		);
		expect(result.errorOf('Bot')).toBeUndefined();
		expect(result.output('Bot').map((m) => [m.messageIndex, m.status])).toEqual([
			[1, 'failed'],
			[2, 'sent'],
		]);
		expect(result.output('Bot')[0]).toMatchObject({
			error: 'WeCom did not accept message 1 of 2: text.content exceed max length 2048. invalid Request Parameter',
			response: { code: 40058 },
		});
		expect(deliveredLines(server)).toHaveLength(1);
	});
});

describe('Skip messages already sent', () => {
	const dedupOn = { options: { skipAlreadySent: true } };

	it('a second run of the same alerts sends nothing; a new alert alone goes out', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY, now: () => clock.now() }));
		const staticData: IDataObject = {};
		const first = await runWorkflow(botWorkflow('weCom', alerts(30), dedupOn, {}, staticData), wecomCredentials(server));
		expect(first.errorOf('Bot')).toBeUndefined();
		expect(deliveredLines(server)).toHaveLength(30);

		const second = await runWorkflow(botWorkflow('weCom', alerts(30), dedupOn, {}, staticData), wecomCredentials(server));
		expect(second.errorOf('Bot')).toBeUndefined();
		expect(second.output('Bot')).toEqual([]);
		expect(deliveredLines(server)).toHaveLength(30);

		const third = await runWorkflow(botWorkflow('weCom', alerts(31), dedupOn, {}, staticData), wecomCredentials(server));
		expect(third.output('Bot')).toHaveLength(1);
		expect(third.output('Bot')[0]).toMatchObject({ lineCount: 1, skippedAlreadySent: 30 });
		expect(deliveredLines(server).slice(30)).toEqual(['⚠️ SKU-0030 @ 上海仓: 还能卖 3 天']);
	});

	it('a failure half-way: the re-run sends exactly the unsent rest, nothing twice', async () => {
		const server = await track(startWeComServer({ key: WECOM_KEY, now: () => clock.now() }));
		const staticData: IDataObject = {};
		const items = alerts(6, 1200); // one line per 2048-byte message
		server.passNext(2);
		server.replyNext({ body: { errcode: 40058, errmsg: 'text.content exceed max length 2048. invalid Request Parameter' } });
		const failed = await runWorkflow(botWorkflow('weCom', items, dedupOn, {}, staticData), wecomCredentials(server));
		const error = failed.errorOf('Bot') as Error & { description?: string };
		expect(error.message).toBe('WeCom did not accept message 3 of 6: text.content exceed max length 2048. invalid Request Parameter');
		expect(error.description).toContain('Messages 1–2 were sent and recorded: a re-run sends only the rest.');
		expect(deliveredLines(server)).toHaveLength(2);

		const rerun = await runWorkflow(botWorkflow('weCom', items, dedupOn, {}, staticData), wecomCredentials(server));
		expect(rerun.errorOf('Bot')).toBeUndefined();
		expect(rerun.output('Bot')).toHaveLength(4);
		expect(rerun.output('Bot')[0]).toMatchObject({ skippedAlreadySent: 2 });
		const lines = deliveredLines(server);
		expect(lines).toHaveLength(6);
		expect(new Set(lines).size).toBe(6);
	});

	it('with a key field: state holds the ids of accepted messages only, and a changed text with the same id stays quiet', async () => {
		const server = await track(startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET, now: () => clock.now() }));
		const staticData: IDataObject = {};
		const byId = { options: { skipAlreadySent: true, dedupKeyField: 'alertId' } };
		const items = alerts(4, 12_000); // 12 kB lines: one per 20000-byte DingTalk message
		server.passNext(2);
		server.replyNext({ body: { errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' } });
		const failed = await runWorkflow(botWorkflow('dingTalk', items, byId, {}, staticData), dingTalkCredentials(server));
		expect(failed.errorOf('Bot')?.message).toBe('DingTalk did not accept message 3 of 4: message too long, exceed 20000 bytes');
		const state = staticData['node:Bot'] as { sentKeys: Record<string, number> };
		expect(Object.keys(state.sentKeys).sort()).toEqual(['k:A-0', 'k:A-1']);

		const rerun = await runWorkflow(botWorkflow('dingTalk', items, byId, {}, staticData), dingTalkCredentials(server));
		expect(rerun.output('Bot').map((m) => m.lineCount)).toEqual([1, 1]);
		expect(Object.keys(state.sentKeys).sort()).toEqual(['k:A-0', 'k:A-1', 'k:A-2', 'k:A-3']);

		const reworded = items.map((a) => ({ ...a, note: 'same alert, new wording' }));
		const quiet = await runWorkflow(botWorkflow('dingTalk', reworded, byId, {}, staticData), dingTalkCredentials(server));
		expect(quiet.output('Bot')).toEqual([]);
		expect(server.delivered()).toHaveLength(4);
	});
});
