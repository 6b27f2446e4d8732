/**
 * The three bot nodes against a scripted fault server (issue 14, items 5–7 and the suite):
 * connection resets, replies that never come, 5xx, 429 with Retry-After, empty / HTML / broken
 * 200 replies, 302 and 307 redirects to another local server, and replies that echo the
 * credential's secrets. Each node runs in n8n's engine (in-process) with one line per message,
 * under "stop" and under *Continue (using error output)*, and the run must show:
 * - nothing lost: every message is on the main output as `sent`, or on the error output as
 *   `failed` / `unconfirmed`, once;
 * - nothing sent twice: the server's log, and a second run with Skip Messages Already Sent, which
 *   sends the failed lines and holds the unconfirmed ones;
 * - no secret in anything the node emitted (outputs and errors, serialized);
 * - no redirect followed (the redirect target receives nothing).
 * Waits (rate, throttling, 5xx backoff) run on a virtual clock; only the "hang" faults take real
 * time, the node's Timeout option (0.3 s).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

import type { IDataObject, INode } from 'n8n-workflow';

import { resetChatClock, setChatClock } from '../../../nodes/lib/chat/clock';
import {
	startDingTalkServer,
	startFeishuServer,
	startRecorder,
	startWeComServer,
	VirtualClock,
	type Fault,
	type FakeBotServer,
} from '../../support/chatBotServers';
import { DingTalkBotApi } from '../../../credentials/DingTalkBotApi.credentials';
import { FeishuBotApi } from '../../../credentials/FeishuBotApi.credentials';
import { WeComBotApi } from '../../../credentials/WeComBotApi.credentials';
import { chain, node, runWorkflow, testCredential, type RunResult, type TestCredentials } from '../../support/n8n';

/** Made-up credential values of a platform's shape, derived rather than written out (no literal looks like a secret). */
const fakeValue = (label: string, length: number) => createHash('sha256').update(label).digest('hex').slice(0, length);
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
const WECOM_KEY = uuidOf(fakeValue('wecom key', 32));
const DINGTALK_TOKEN = fakeValue('dingtalk token', 64);
const DINGTALK_SECRET = `SEC${fakeValue('dingtalk signing', 64)}`;
const FEISHU_HOOK = uuidOf(fakeValue('feishu hook', 32));
const FEISHU_SECRET = fakeValue('feishu signing', 24);

const TIMEOUT_SECONDS = 0.3;

interface Bot {
	platform: 'weCom' | 'dingTalk' | 'feishu';
	type: string;
	credentialType: string;
	secrets: string[];
	/** Bytes of padding that put each line in a message of its own. */
	padding: number;
	start(): Promise<FakeBotServer>;
	credentials(server: FakeBotServer): TestCredentials;
	/** A refusal in the platform's shape whose message quotes the credential's secrets. */
	echoRefusal(): string;
	/** The text of a delivered request body. */
	contentOf(body: Record<string, unknown>): string;
}

const BOTS: Bot[] = [
	{
		platform: 'weCom',
		type: 'weComBot',
		credentialType: 'weComBotApi',
		secrets: [WECOM_KEY],
		padding: 1200, // WeCom text: 2048 bytes of content
		start: () => startWeComServer({ key: WECOM_KEY, now: () => clock.now() }),
		credentials: (server) => ({
			weComBotApi: { webhookToken: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`, baseUrl: server.baseUrl, allowHttp: true },
		}),
		echoRefusal: () => JSON.stringify({ errcode: 93000, errmsg: `invalid webhook url, key ${WECOM_KEY} is not valid` }),
		contentOf: (body) => String((body.text as IDataObject | undefined)?.content ?? ''),
	},
	{
		platform: 'dingTalk',
		type: 'dingTalkBot',
		credentialType: 'dingTalkBotApi',
		secrets: [DINGTALK_TOKEN, DINGTALK_SECRET],
		padding: 12_000, // DingTalk: 20000 bytes of body
		start: () => startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET, now: () => clock.now() }),
		credentials: (server) => ({
			dingTalkBotApi: { webhookToken: DINGTALK_TOKEN, secret: DINGTALK_SECRET, baseUrl: server.baseUrl, allowHttp: true },
		}),
		echoRefusal: () =>
			JSON.stringify({ errcode: 300001, errmsg: `token ${DINGTALK_TOKEN} is not exist (sign key ${DINGTALK_SECRET})` }),
		contentOf: (body) => String((body.text as IDataObject | undefined)?.content ?? ''),
	},
	{
		platform: 'feishu',
		type: 'feishuBot',
		credentialType: 'feishuBotApi',
		secrets: [FEISHU_HOOK, FEISHU_SECRET],
		padding: 12_000, // Feishu: 20 KB of body
		start: () => startFeishuServer({ hookId: FEISHU_HOOK, secret: FEISHU_SECRET, now: () => clock.now() }),
		credentials: (server) => ({
			feishuBotApi: {
				webhookToken: `https://open.feishu.cn/open-apis/bot/v2/hook/${FEISHU_HOOK}`,
				secret: FEISHU_SECRET,
				baseUrl: server.baseUrl,
				allowHttp: true,
			},
		}),
		echoRefusal: () =>
			JSON.stringify({ code: 19001, data: {}, msg: `incoming webhook ${FEISHU_HOOK} invalid; secret ${FEISHU_SECRET}` }),
		contentOf: (body) => String((body.content as IDataObject | undefined)?.text ?? ''),
	},
];

let clock: VirtualClock;
const closers: Array<() => Promise<void>> = [];

beforeEach(() => {
	clock = new VirtualClock();
	setChatClock(clock);
});

afterEach(async () => {
	resetChatClock();
	await Promise.all(closers.splice(0).map((close) => close()));
});

async function servers(bot: Bot) {
	const server = await bot.start();
	const elsewhere = await startRecorder();
	closers.push(() => server.close(), () => elsewhere.close());
	return { server, elsewhere };
}

const lineOf = (i: number) => `⚠️ LINE-${String(i).padStart(2, '0')}`;

function botWorkflow(bot: Bot, lineCount: number, onError: INode['onError'] | undefined, options: IDataObject, staticData: IDataObject) {
	const items = Array.from({ length: lineCount }, (_, i) => ({ line: lineOf(i), pad: '.'.repeat(bot.padding) }));
	return {
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			node('Alerts', 'test.fixture', { items: JSON.stringify(items) }),
			node(
				'Bot',
				bot.type,
				{ lineTemplate: '={{ $json.line + " " + $json.pad }}', options: { timeoutSeconds: TIMEOUT_SECONDS, ...options } },
				{ credentials: { [bot.credentialType]: { id: '1', name: 'Fault bot' } }, ...(onError ? { onError } : {}) },
			),
		],
		connections: chain('Start', 'Alerts', 'Bot'),
		staticData,
	};
}

/** The lines in the bodies the group received (one line per message here). */
function deliveredLines(bot: Bot, server: FakeBotServer): string[] {
	return server.requests
		.filter((r) => r.delivered)
		.map((r) => bot.contentOf(r.body).split(' ')[0] + ' ' + bot.contentOf(r.body).split(' ')[1]);
}

/** An item's message details: the item itself on the main output, its `error` on the error output. */
const detailsOf = (item: IDataObject): IDataObject =>
	typeof item.error === 'object' && item.error !== null ? (item.error as IDataObject) : item;

/** The line an output item carries (the payload's text up to its padding). */
function lineOfItem(bot: Bot, item: IDataObject): string {
	const text = bot.contentOf(detailsOf(item).payload as Record<string, unknown>);
	return text.split(' ').slice(0, 2).join(' ');
}

function expectNoSecret(bot: Bot, result: RunResult) {
	const emitted = [JSON.stringify(result.run.data.resultData), inspect(result.errorOf('Bot'), { depth: 10 })].join('\n');
	for (const secret of bot.secrets) {
		expect(emitted).not.toContain(secret);
		expect(emitted).not.toContain(encodeURIComponent(secret));
	}
}

/**
 * The script: one entry per message, in order. `expect` is how the message must end; the
 * faults are those its requests meet (a retried message meets several).
 */
interface Step {
	name: string;
	faults: Array<Fault | 'pass'>;
	expect: 'sent' | 'failed' | 'unconfirmed';
}

function script(bot: Bot, elsewhere: string): Step[] {
	const raw = (status: number, body: string, headers: Record<string, string> = {}, delivered = false): Fault => ({
		kind: 'raw',
		status,
		body,
		headers: { 'Content-Type': 'application/json', ...headers },
		delivered,
	});
	const serverError = raw(503, bot.echoRefusal());
	return [
		{ name: 'healthy', faults: ['pass'], expect: 'sent' },
		{ name: 'reset after delivery', faults: [{ kind: 'reset', delivered: true }], expect: 'unconfirmed' },
		{ name: '503 once, then accepted', faults: [serverError, 'pass'], expect: 'sent' },
		{ name: 'hangs past the time-out, delivered', faults: [{ kind: 'hang', delivered: true }], expect: 'unconfirmed' },
		{ name: 'empty 200', faults: [raw(200, '', {}, true)], expect: 'unconfirmed' },
		{ name: 'HTML 200', faults: [raw(200, '<html><body>Welcome to nginx!</body></html>', { 'Content-Type': 'text/html' }, true)], expect: 'unconfirmed' },
		{ name: 'broken JSON 200', faults: [raw(200, '{"errcode":0,"errm', {}, true)], expect: 'unconfirmed' },
		{ name: '302 to another server', faults: [raw(302, '', { Location: `${elsewhere}/steal?key=${bot.secrets[0]}` })], expect: 'failed' },
		{ name: '307 to another server', faults: [raw(307, '', { Location: `${elsewhere}/robot/send?access_token=${bot.secrets[0]}` })], expect: 'failed' },
		{ name: 'refusal echoing the secrets', faults: [raw(200, bot.echoRefusal())], expect: 'failed' },
		{ name: '429 with Retry-After, then accepted', faults: [raw(429, '{"errcode":45009,"code":99991400,"errmsg":"too fast","msg":"too fast"}', { 'Retry-After': '3' }), 'pass'], expect: 'sent' },
		{ name: '5xx on every try', faults: [serverError, serverError, serverError, serverError], expect: 'failed' },
		{ name: 'reset before delivery', faults: [{ kind: 'reset', delivered: false }], expect: 'unconfirmed' },
		{ name: 'healthy at the end', faults: ['pass'], expect: 'sent' },
	];
}

function load(server: FakeBotServer, steps: Step[]) {
	for (const step of steps) {
		for (const fault of step.faults) {
			if (fault === 'pass') server.passNext(1);
			else server.faultNext(fault);
		}
	}
}

describe.each(BOTS)('$platform bot under faults', (bot) => {
	it('Continue (using error output): every message sent, on the error output or unconfirmed; nothing twice; no secret; no redirect followed', async () => {
		const { server, elsewhere } = await servers(bot);
		const steps = script(bot, elsewhere.baseUrl);
		load(server, steps);
		const staticData: IDataObject = {};
		const dedup = { skipAlreadySent: true };

		const first = await runWorkflow(botWorkflow(bot, steps.length, 'continueErrorOutput', dedup, staticData), bot.credentials(server));
		expect(first.errorOf('Bot')).toBeUndefined();
		const main = first.output('Bot', 0);
		const errors = first.output('Bot', 1);

		// Nothing lost: each line once, on the output its step expects.
		expect(main.every((item) => item.status === 'sent')).toBe(true);
		const outcome = new Map<string, unknown>();
		for (const item of [...main, ...errors]) {
			const line = lineOfItem(bot, item);
			expect(outcome.has(line)).toBe(false);
			outcome.set(line, detailsOf(item).status);
		}
		expect(Object.fromEntries(steps.map((step, i) => [step.name, outcome.get(lineOf(i))]))).toEqual(
			Object.fromEntries(steps.map((step) => [step.name, step.expect])),
		);
		// The error output: n8n adds the fields of the message's input item; the details are in `error`.
		for (const item of errors) {
			expect(item).toMatchObject({ line: expect.any(String), error: { message: expect.any(String), description: expect.any(String) } });
		}

		// One request per fault: a 5xx tried 4 times in all, a 429 once more after its Retry-After,
		// an unconfirmed message never again within the run.
		const requestsPerLine = new Map<string, number>();
		for (const request of server.requests) {
			const line = bot.contentOf(request.body).split(' ').slice(0, 2).join(' ');
			requestsPerLine.set(line, (requestsPerLine.get(line) ?? 0) + 1);
		}
		expect(steps.map((step, i) => [step.name, requestsPerLine.get(lineOf(i))])).toEqual(steps.map((step) => [step.name, step.faults.length]));
		expect(clock.sleeps).toEqual(expect.arrayContaining([1_000, 2_000, 3_000, 4_000]));

		// Nothing twice, no redirect followed, no secret emitted.
		const delivered = deliveredLines(bot, server);
		expect(new Set(delivered).size).toBe(delivered.length);
		expect(elsewhere.requests).toEqual([]);
		expectNoSecret(bot, first);

		// The re-run sends the failed lines only: the unconfirmed ones may be in the group already.
		const second = await runWorkflow(botWorkflow(bot, steps.length, 'continueErrorOutput', dedup, staticData), bot.credentials(server));
		expect(second.output('Bot', 1)).toEqual([]);
		const resent = second.output('Bot', 0).map((item) => lineOfItem(bot, item));
		expect(resent.sort()).toEqual(steps.flatMap((step, i) => (step.expect === 'failed' ? [lineOf(i)] : [])).sort());
		expect(second.output('Bot', 0)[0]).toMatchObject({
			skippedAlreadySent: steps.filter((s) => s.expect === 'sent').length,
			skippedUnconfirmed: steps.filter((s) => s.expect === 'unconfirmed').length,
		});
		const afterRerun = deliveredLines(bot, server);
		expect(new Set(afterRerun).size).toBe(afterRerun.length);
		// Every line reached the group except the one reset before delivery, which stays held as unconfirmed.
		expect(afterRerun.sort()).toEqual(
			steps.flatMap((step, i) => (step.name === 'reset before delivery' ? [] : [lineOf(i)])).sort(),
		);
		expect(elsewhere.requests).toEqual([]);
		expectNoSecret(bot, second);
	});

	it('stop (the default): each run stops at the first message not sent, naming it; re-runs with Skip Messages Already Sent finish the list, nothing twice', async () => {
		const { server, elsewhere } = await servers(bot);
		const steps = script(bot, elsewhere.baseUrl);
		load(server, steps);
		const staticData: IDataObject = {};
		const stops: string[] = [];
		for (let run = 0; run < steps.length + 1; run++) {
			const result = await runWorkflow(botWorkflow(bot, steps.length, undefined, { skipAlreadySent: true }, staticData), bot.credentials(server));
			expectNoSecret(bot, result);
			const error = result.errorOf('Bot') as (Error & { description?: string; context?: { itemIndex?: number } }) | undefined;
			if (!error) break;
			expect(error.name).toBe('NodeApiError');
			// The item index is that of the message's (only) line.
			// A run meets the faults in the order of its requests: a failed line is the first tried by
			// the next run, so the faults land on other lines than in the continue case.
			expect(error.message).toMatch(/ message \d+ of \d+/);
			stops.push(/ may have received /.test(error.message) ? 'unconfirmed' : 'failed');
		}
		expect(stops).toEqual(steps.filter((step) => step.expect !== 'sent').map((step) => step.expect));
		// Every line once, except the one whose request was reset before delivery: held as unconfirmed.
		const delivered = deliveredLines(bot, server);
		expect(new Set(delivered).size).toBe(delivered.length);
		expect(delivered).toHaveLength(steps.length - 1);
		expect(elsewhere.requests).toEqual([]);
	});
});

describe('unconfirmed lines', () => {
	const bot = BOTS[0];

	it('are held by a re-run, and sent once more only with Re-Send Unconfirmed Messages', async () => {
		const { server } = await servers(bot);
		server.faultNext({ kind: 'reset', delivered: false });
		const staticData: IDataObject = {};
		const run = (options: IDataObject) =>
			runWorkflow(botWorkflow(bot, 2, 'continueErrorOutput', { skipAlreadySent: true, ...options }, staticData), bot.credentials(server));

		const first = await run({});
		expect(first.output('Bot', 1).map((item) => detailsOf(item).status)).toEqual(['unconfirmed']);
		expect(String(detailsOf(first.output('Bot', 1)[0]).message)).toMatch(/^WeCom may have received message 1 of 2, but no reply came/);

		const held = await run({});
		expect(held.output('Bot', 0)).toEqual([]);
		expect(held.output('Bot', 1)).toEqual([]);

		const resent = await run({ resendUnconfirmed: true });
		expect(resent.output('Bot', 0).map((item) => lineOfItem(bot, item))).toEqual([lineOf(0)]);
		expect(deliveredLines(bot, server).sort()).toEqual([lineOf(0), lineOf(1)]);

		const quiet = await run({ resendUnconfirmed: true });
		expect(quiet.output('Bot', 0)).toEqual([]);
	});
});

/** A webhook that answers every request with this redirect to `target` (it checks nothing). */
async function startRedirector(status: number, target: string): Promise<string> {
	const server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.writeHead(status, { Location: `${target}/robot/send?access_token=${DINGTALK_TOKEN}` });
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('where requests may go', () => {
	it.each([
		['WeCom', () => new WeComBotApi(), { webhookToken: WECOM_KEY }],
		['DingTalk', () => new DingTalkBotApi(), { webhookToken: DINGTALK_TOKEN, secret: DINGTALK_SECRET }],
		['Feishu', () => new FeishuBotApi(), { webhookToken: FEISHU_HOOK, secret: FEISHU_SECRET }],
	])('%s credential Test: a 307 is not followed (the target receives nothing) and the test does not pass', async (_name, type, data) => {
		const elsewhere = await startRecorder();
		closers.push(() => elsewhere.close());
		const baseUrl = await startRedirector(307, elsewhere.baseUrl);
		expect(await testCredential(type(), { ...data, baseUrl, allowHttp: true })).not.toBe('OK');
		expect(elsewhere.requests).toEqual([]);
	});

	it.each(BOTS)('$platform: a plain-http base URL without Allow HTTP stops the node before anything is sent', async (bot) => {
		const { server } = await servers(bot);
		const credentials = bot.credentials(server);
		delete credentials[bot.credentialType].allowHttp;
		const result = await runWorkflow(botWorkflow(bot, 2, 'continueErrorOutput', {}, {}), credentials);
		const error = result.errorOf('Bot') as Error & { description?: string };
		expect(error.message).toMatch(/credential: API Base URL "http:\/\/127\.0\.0\.1:\d+" is plain http, which this credential does not allow/);
		expect(error.description).toContain('Allow HTTP (Unencrypted)');
		expect(server.requests).toEqual([]);
		expectNoSecret(bot, result);
	});
});
