/**
 * Local stand-ins for the three bot webhooks (node:http on 127.0.0.1, random port). Each checks
 * a request the way its platform documents it and answers with the platform's reply shape:
 *
 * - WeCom group robot: POST /cgi-bin/webhook/send?key=KEY; wrong key → errcode 93000
 *   "invalid webhook url"; text content over 2048 bytes / markdown over 4096 → errcode 40058.
 * - DingTalk custom robot: POST /robot/send?access_token=…&timestamp=…&sign=…, sign =
 *   urlEncode(base64(HmacSHA256(key = secret, timestamp_ms + "\n" + secret))), timestamp within
 *   one hour; bad → errcode 310000 "sign not match"; body over 20000 bytes → 460101.
 * - Feishu custom bot: POST /open-apis/bot/v2/hook/ID with "timestamp" (seconds, within one
 *   hour) and "sign" = base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")) in the
 *   JSON body; bad → code 19021 "sign match fail or timestamp is not within one hour from
 *   current time".
 *
 * The expected signatures are computed here independently (node:crypto, spelled out per the
 * docs) rather than with the pack's signing module. Replies can be scripted (`replyNext`) to
 * throttle or fail the next accepted requests, and faults (`faultNext`) to break them the way
 * networks and gateways do: reset the connection, hang past the client's time-out, answer a raw
 * body (empty, HTML, broken JSON) or a redirect. A fault says whether the message counts as
 * delivered to the group, so a test can tell "lost" from "unconfirmed" from "sent twice".
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	path: string;
	/** The query string exactly as it arrived (still percent-encoded). */
	rawQuery: string;
	body: Record<string, unknown>;
	bodyBytes: number;
	/** When it arrived, on the test's clock. */
	at: number;
	/** What the server answered. */
	status: number;
	reply: Record<string, unknown>;
	/** Whether the message counts as delivered to the group. */
	delivered: boolean;
}

export interface ScriptedReply {
	status?: number;
	body: Record<string, unknown>;
	headers?: Record<string, string>;
}

/**
 * A fault for the next request that passes every check:
 * - `reset`: the socket is destroyed without an answer (after the body was read);
 * - `hang`: no answer at all until the server closes (the client times out);
 * - `raw`: this status, headers and body exactly (empty, HTML, broken JSON, a redirect…).
 * `delivered` says whether the group got the message anyway (default: false).
 */
export type Fault =
	| { kind: 'reset'; delivered?: boolean }
	| { kind: 'hang'; delivered?: boolean }
	| { kind: 'raw'; status: number; body: string; headers?: Record<string, string>; delivered?: boolean };

export interface FakeBotServer {
	baseUrl: string;
	requests: ReceivedRequest[];
	/** Bodies of the messages the "group" received, in order. */
	delivered(): Array<Record<string, unknown>>;
	/** The next `count` requests that pass every check get this reply instead (and are not delivered). */
	replyNext(reply: ScriptedReply, count?: number): void;
	/** The next `count` requests that pass every check are answered normally (to script "fail the third"). */
	passNext(count: number): void;
	/** The next `count` requests that pass every check meet this fault. */
	faultNext(fault: Fault, count?: number): void;
	close(): Promise<void>;
}

interface Verdict {
	status?: number;
	reply: Record<string, unknown>;
	ok: boolean;
}

type Check = (request: { path: string; query: URLSearchParams; rawQuery: string; body: Record<string, unknown>; bodyBytes: number }) => Verdict;

const ONE_HOUR_MS = 3_600_000;

async function start(check: Check, now: () => number): Promise<FakeBotServer> {
	const requests: ReceivedRequest[] = [];
	const scripted: Array<ScriptedReply | 'pass' | { fault: Fault }> = [];
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
			} catch {
				body = { unparsable: raw.toString('utf8') };
			}
			const rawQuery = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
			let verdict: Verdict =
				req.method === 'POST'
					? check({ path: url.pathname, query: url.searchParams, rawQuery, body, bodyBytes: raw.length })
					: { status: 405, reply: { error: 'POST only' }, ok: false };
			let headers: Record<string, string> = {};
			const next = verdict.ok ? scripted.shift() : undefined;
			if (next !== undefined && next !== 'pass' && 'fault' in next) {
				const { fault } = next;
				const status = fault.kind === 'raw' ? fault.status : 0;
				requests.push({ path: url.pathname, rawQuery, body, bodyBytes: raw.length, at: now(), status, reply: { fault: fault.kind }, delivered: fault.delivered === true });
				if (fault.kind === 'reset') req.socket.destroy();
				if (fault.kind === 'raw') {
					res.writeHead(fault.status, fault.headers ?? {});
					res.end(fault.body);
				}
				return; // 'hang': never answered
			}
			if (next !== undefined && next !== 'pass') {
				verdict = { status: next.status, reply: next.body, ok: false };
				headers = next.headers ?? {};
			}
			const status = verdict.status ?? 200;
			requests.push({ path: url.pathname, rawQuery, body, bodyBytes: raw.length, at: now(), status, reply: verdict.reply, delivered: verdict.ok });
			res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
			res.end(JSON.stringify(verdict.reply));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		delivered: () => requests.filter((r) => r.delivered).map((r) => r.body),
		replyNext(reply, count = 1) {
			for (let i = 0; i < count; i++) scripted.push(reply);
		},
		passNext(count) {
			for (let i = 0; i < count; i++) scripted.push('pass');
		},
		faultNext(fault, count = 1) {
			for (let i = 0; i < count; i++) scripted.push({ fault });
		},
		close: () => closeServer(server),
	};
}

/** Closes a server, hung requests included. */
function closeServer(server: Server): Promise<void> {
	return new Promise<void>((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/** A server that only records what reaches it (the target of a redirect, which must get nothing). */
export async function startRecorder(): Promise<{ baseUrl: string; requests: Array<{ method: string; url: string }>; close(): Promise<void> }> {
	const requests: Array<{ method: string; url: string }> = [];
	const server = createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '' });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"errcode":0,"code":0,"errmsg":"ok"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server) };
}

const utf8 = (text: unknown) => Buffer.byteLength(String(text ?? ''), 'utf8');

export function startWeComServer(options: { key: string; now?: () => number }): Promise<FakeBotServer> {
	return start(({ path, query, body }) => {
		const hint = 'hint: [1700000000000000000000000], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query';
		if (path !== '/cgi-bin/webhook/send' || query.get('key') !== options.key) {
			return { reply: { errcode: 93000, errmsg: `invalid webhook url, ${hint}?e=93000` }, ok: false };
		}
		const type = body.msgtype;
		if (type !== 'text' && type !== 'markdown') {
			return { reply: { errcode: 40008, errmsg: `invalid message type, ${hint}?e=40008` }, ok: false };
		}
		const content = (body[type] as Record<string, unknown> | undefined)?.content;
		const max = type === 'text' ? 2048 : 4096;
		if (typeof content !== 'string' || content === '') {
			return { reply: { errcode: 44004, errmsg: `empty content, ${hint}?e=44004` }, ok: false };
		}
		if (utf8(content) > max) {
			return {
				reply: { errcode: 40058, errmsg: `${type}.content exceed max length ${max}. invalid Request Parameter, ${hint}?e=40058` },
				ok: false,
			};
		}
		return { reply: { errcode: 0, errmsg: 'ok' }, ok: true };
	}, options.now ?? Date.now);
}

/** DingTalk's signature, per its guide: base64(HmacSHA256(key = secret, timestamp + "\n" + secret)). */
export function expectedDingTalkSign(secret: string, timestamp: string): string {
	return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** Feishu's signature, per its guide: base64(HmacSHA256(key = timestamp + "\n" + secret, "")). */
export function expectedFeishuSign(secret: string, timestamp: string): string {
	return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

export function startDingTalkServer(options: { token: string; secret: string; now?: () => number }): Promise<FakeBotServer> {
	return start(({ path, query, rawQuery, body, bodyBytes }) => {
		if (path !== '/robot/send' || query.get('access_token') !== options.token) {
			return { reply: { errcode: 300001, errmsg: 'token is not exist' }, ok: false };
		}
		const timestamp = query.get('timestamp') ?? '';
		if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > ONE_HOUR_MS) {
			return { reply: { errcode: 310000, errmsg: 'invalid timestamp' }, ok: false };
		}
		// The sign must arrive URL-encoded once: no raw '+', '/' or '=' in the query string.
		const rawSign = /(?:^|&)sign=([^&]*)/.exec(rawQuery)?.[1] ?? '';
		const expected = expectedDingTalkSign(options.secret, timestamp);
		if (/[+/=]/.test(rawSign) || decodeURIComponent(rawSign) !== expected || rawSign !== encodeURIComponent(expected)) {
			return { reply: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' }, ok: false };
		}
		if (bodyBytes > 20_000) return { reply: { errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' }, ok: false };
		const type = body.msgtype;
		const part = type === 'text' || type === 'markdown' ? (body[type] as Record<string, unknown> | undefined) : undefined;
		const content = type === 'text' ? part?.content : part?.text;
		if (!part || typeof content !== 'string' || content === '' || (type === 'markdown' && !part.title)) {
			return { reply: { errcode: 40035, errmsg: '缺少参数 json' }, ok: false };
		}
		return { reply: { errcode: 0, errmsg: 'ok' }, ok: true };
	}, options.now ?? Date.now);
}

export function startFeishuServer(options: { hookId: string; secret: string; now?: () => number }): Promise<FakeBotServer> {
	return start(({ path, body, bodyBytes }) => {
		if (path !== `/open-apis/bot/v2/hook/${options.hookId}`) {
			return { reply: { code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' }, ok: false };
		}
		const timestamp = body.timestamp;
		const signOk =
			typeof timestamp === 'string' &&
			/^\d{10}$/.test(timestamp) &&
			Math.abs(Date.now() / 1000 - Number(timestamp)) <= 3600 &&
			body.sign === expectedFeishuSign(options.secret, timestamp);
		if (!signOk) {
			return {
				reply: { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' },
				ok: false,
			};
		}
		// The guide gives the 20 KB limit but not the reply to a larger body; this one is a stand-in.
		if (bodyBytes > 20_000) return { status: 400, reply: { code: 19002, data: {}, msg: 'request body over 20 KB' }, ok: false };
		const type = body.msg_type;
		const hasContent =
			(type === 'text' && typeof (body.content as Record<string, unknown> | undefined)?.text === 'string') ||
			(type === 'interactive' && typeof body.card === 'object' && body.card !== null);
		if (!hasContent) return { reply: { code: 19002, data: {}, msg: 'params error, msg_type need' }, ok: false };
		return { reply: { code: 0, data: {}, msg: 'success' }, ok: true };
	}, options.now ?? Date.now);
}

/** A clock whose sleeps pass instantly: time moves only when the code under test waits. */
export class VirtualClock {
	readonly sleeps: number[] = [];

	constructor(private t = Date.now()) {}

	now(): number {
		return this.t;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.t += Math.max(0, ms);
	}
}
