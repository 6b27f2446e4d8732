/**
 * What differs between the three bot platforms, as data and small pure functions: message
 * shapes, size limits, send rates, @mention syntax, throttling codes and how to read a reply.
 * Everything else (packing, rate limiting, retries, dedup, transport) is shared.
 *
 * Sources (checked Nov 2025; see README "Team-chat bots" for the links):
 * - WeCom group robot (developer.work.weixin.qq.com/document/path/91770): text content ≤ 2048
 *   bytes UTF-8, markdown ≤ 4096 bytes; ≤ 20 messages/minute per robot; text mentions by
 *   `mentioned_list` (user ids, "@all") and `mentioned_mobile_list`; text/markdown content may
 *   use `<@userid>`. Over the limit: errcode 45009 "api freq out of limit" (WeCom global error
 *   codes); bad key: 93000 "invalid webhook url"; too long: 40058.
 * - DingTalk custom robot (open.dingtalk.com, custom robot access): ≤ 20 messages/minute, then
 *   throttled for 10 minutes; errcode 130101 "send too fast, exceed 20 times per minute"; request
 *   body ≤ 20000 bytes (errcode 460101 "message too long, exceed 20000 bytes"); mentions by
 *   `at.atMobiles` / `at.atUserIds` / `at.isAtAll`, with "@mobile" written in the content; bad
 *   signature: 310000 "sign not match".
 * - Feishu / Lark custom bot (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 *   100 requests/minute and 5/second per bot; body ≤ 20 KB; code 11232 is its throttling error
 *   at busy times, 9499 "too many request" (retried the same way by kubesphere's
 *   notification-manager); the open platform answers HTTP 429 with code 99991400 when rate
 *   limited (Feishu "Rate limits" doc). Bad signature: 19021. Mentions `<at user_id="…">` in
 *   text, `<at id=…>` in card markdown; "all" for everyone.
 */
import type { RateWindow } from './rateLimit';
import type { ThrottlePolicy } from './retry';
import { dingTalkTokenOf, feishuHookIdOf, weComKeyOf } from './signing';

export type PlatformId = 'weCom' | 'dingTalk' | 'feishu';
export type MessageFormat = 'text' | 'markdown';

export interface Mentions {
	mobiles: string[];
	userIds: string[];
	all: boolean;
}

export interface MentionSupport {
	mobiles: boolean;
	userIds: boolean;
	all: boolean;
}

export interface OutgoingMessage {
	format: MessageFormat;
	/** Shown in DingTalk's conversation list for markdown messages; others ignore it. */
	title: string;
	content: string;
	/** Who to notify; only the first message of a send carries mentions. */
	mentions?: Mentions;
}

export interface PlatformResult {
	/** The platform's success code (0) on a 2xx answer: the only way a message counts as sent. */
	accepted: boolean;
	throttled: boolean;
	/**
	 * A 2xx answer without a readable success or error code (empty, HTML, not JSON, no code): the
	 * request arrived, so the message may well be in the group, but nothing confirms it.
	 */
	unreadable: boolean;
	code: number | string | undefined;
	message: string;
}

export interface ChatPlatform {
	id: PlatformId;
	name: string;
	credentialType: string;
	/** Where the webhook lives unless the credential names a gateway (the credential's default). */
	defaultBaseUrl: string;
	/** What the size limit counts: the UTF-8 bytes of the content, or of the whole JSON request body. */
	sizeUnit: 'contentBytes' | 'bodyBytes';
	limits: Record<MessageFormat, number>;
	/** Bytes the credential's signing adds to the body (Feishu signs in the body). */
	signatureReserveBytes: number;
	rate: RateWindow[];
	throttleCodes: number[];
	throttle: ThrottlePolicy;
	mentionSupport: Record<MessageFormat, MentionSupport>;
	/** Mention tokens written into the content (the last line of the first message), '' for none. */
	mentionLine(format: MessageFormat, mentions: Mentions): string;
	buildPayload(message: OutgoingMessage): Record<string, unknown>;
	readResponse(statusCode: number, body: unknown): PlatformResult;
	/** The credential's secret values (webhook key/token/hook id, signing secret), for redaction. */
	secretsOf(credentials: Record<string, unknown>): string[];
}

export const NO_MENTIONS: Mentions = { mobiles: [], userIds: [], all: false };

export function hasMentions(mentions: Mentions | undefined): mentions is Mentions {
	return !!mentions && (mentions.all || mentions.mobiles.length > 0 || mentions.userIds.length > 0);
}

const asObject = (value: unknown): Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const asCode = (value: unknown): number | string | undefined =>
	typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? value : undefined;

/** Success is the code 0 exactly (a number, or the string "0"): never an empty or missing code. */
const isSuccessCode = (code: number | string | undefined): boolean => code === 0 || code === '0';

/** What a reply without a readable code looked like, for the message (never the body itself). */
function describeUnreadable(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'an empty reply';
	if (typeof body === 'string') return /^\s*</.test(body) ? 'an HTML page instead of JSON' : 'a reply that is not JSON';
	if (typeof body !== 'object' || Array.isArray(body)) return 'a reply that is not a JSON object';
	return 'JSON without a result code';
}

/**
 * One reading for every platform: `code` is the platform's result code (undefined when the
 * body has none), 2xx + code 0 = accepted, 2xx without a code = unreadable.
 */
function readReply(
	statusCode: number,
	body: unknown,
	code: number | string | undefined,
	text: unknown,
	throttleCodes: number[],
	okMessage: string,
): PlatformResult {
	const success = statusCode >= 200 && statusCode < 300;
	const throttled = statusCode === 429 || (code !== undefined && throttleCodes.includes(Number(code)));
	const accepted = success && isSuccessCode(code);
	const unreadable = success && code === undefined;
	const said = typeof text === 'string' && text !== '' ? text : '';
	const message = said || (accepted ? okMessage : unreadable ? `HTTP ${statusCode} with ${describeUnreadable(body)}` : `HTTP ${statusCode}`);
	return { accepted, throttled, unreadable, code, message };
}

/** Replies of the WeCom and DingTalk kind: `{ errcode, errmsg }`, errcode 0 = accepted. */
function readErrcodeReply(statusCode: number, body: unknown, throttleCodes: number[]): PlatformResult {
	const reply = asObject(body);
	return readReply(statusCode, body, asCode(reply.errcode), reply.errmsg, throttleCodes, 'ok');
}

/** The secret part of a credential's webhook field, and the field itself when it differs. */
function webhookSecrets(credentials: Record<string, unknown>, secretPart: (webhook: string) => string): string[] {
	const webhook = typeof credentials.webhookToken === 'string' ? credentials.webhookToken : '';
	const signing = typeof credentials.secret === 'string' ? credentials.secret : '';
	return [secretPart(webhook), webhook, signing].filter((value) => value.trim() !== '');
}

const WECOM_THROTTLE_CODES = [45009];

export const weCom: ChatPlatform = {
	id: 'weCom',
	name: 'WeCom',
	credentialType: 'weComBotApi',
	defaultBaseUrl: 'https://qyapi.weixin.qq.com',
	sizeUnit: 'contentBytes',
	limits: { text: 2048, markdown: 4096 },
	signatureReserveBytes: 0,
	rate: [{ limit: 20, windowMs: 60_000 }],
	throttleCodes: WECOM_THROTTLE_CODES,
	throttle: { firstWaitMs: 60_000, maxWaitMs: 5 * 60_000 },
	mentionSupport: {
		text: { mobiles: true, userIds: true, all: true },
		markdown: { mobiles: false, userIds: true, all: false },
	},
	mentionLine(format, mentions) {
		return format === 'markdown' ? mentions.userIds.map((id) => `<@${id}>`).join(' ') : '';
	},
	buildPayload({ format, content, mentions }) {
		if (format === 'markdown') return { msgtype: 'markdown', markdown: { content } };
		const text: Record<string, unknown> = { content };
		if (mentions && (mentions.userIds.length > 0 || mentions.all)) {
			text.mentioned_list = [...mentions.userIds, ...(mentions.all ? ['@all'] : [])];
		}
		if (mentions && mentions.mobiles.length > 0) text.mentioned_mobile_list = [...mentions.mobiles];
		return { msgtype: 'text', text };
	},
	readResponse: (statusCode, body) => readErrcodeReply(statusCode, body, WECOM_THROTTLE_CODES),
	secretsOf: (credentials) => webhookSecrets(credentials, weComKeyOf),
};

const DINGTALK_THROTTLE_CODES = [130101];

export const dingTalk: ChatPlatform = {
	id: 'dingTalk',
	name: 'DingTalk',
	credentialType: 'dingTalkBotApi',
	defaultBaseUrl: 'https://oapi.dingtalk.com',
	sizeUnit: 'bodyBytes',
	limits: { text: 20_000, markdown: 20_000 },
	signatureReserveBytes: 0,
	rate: [{ limit: 20, windowMs: 60_000 }],
	throttleCodes: DINGTALK_THROTTLE_CODES,
	// Over the limit DingTalk throttles the robot for 10 minutes: back off up to that.
	throttle: { firstWaitMs: 60_000, maxWaitMs: 10 * 60_000 },
	mentionSupport: {
		text: { mobiles: true, userIds: true, all: true },
		markdown: { mobiles: true, userIds: true, all: true },
	},
	mentionLine(_format, mentions) {
		return [...mentions.mobiles, ...mentions.userIds].map((who) => `@${who}`).join(' ');
	},
	buildPayload({ format, title, content, mentions }) {
		const payload: Record<string, unknown> =
			format === 'markdown'
				? { msgtype: 'markdown', markdown: { title, text: content } }
				: { msgtype: 'text', text: { content } };
		if (hasMentions(mentions)) {
			payload.at = { atMobiles: [...mentions.mobiles], atUserIds: [...mentions.userIds], isAtAll: mentions.all };
		}
		return payload;
	},
	readResponse: (statusCode, body) => readErrcodeReply(statusCode, body, DINGTALK_THROTTLE_CODES),
	secretsOf: (credentials) => webhookSecrets(credentials, dingTalkTokenOf),
};

const FEISHU_THROTTLE_CODES = [9499, 11232, 99991400];

export const feishu: ChatPlatform = {
	id: 'feishu',
	name: 'Feishu',
	credentialType: 'feishuBotApi',
	defaultBaseUrl: 'https://open.feishu.cn',
	sizeUnit: 'bodyBytes',
	// "20 KB" read as 20,000 bytes, the smaller of its two readings.
	limits: { text: 20_000, markdown: 20_000 },
	// `"timestamp":"1599360473","sign":"<44 base64 chars>",` is 79 bytes; keep a little more.
	signatureReserveBytes: 100,
	rate: [
		{ limit: 5, windowMs: 1_000 },
		{ limit: 100, windowMs: 60_000 },
	],
	throttleCodes: FEISHU_THROTTLE_CODES,
	throttle: { firstWaitMs: 1_000, maxWaitMs: 60_000 },
	mentionSupport: {
		text: { mobiles: false, userIds: true, all: true },
		markdown: { mobiles: false, userIds: true, all: true },
	},
	mentionLine(format, mentions) {
		const tokens =
			format === 'markdown'
				? mentions.userIds.map((id) => `<at id=${id}></at>`)
				: mentions.userIds.map((id) => `<at user_id="${id}"></at>`);
		if (mentions.all) tokens.push(format === 'markdown' ? '<at id=all></at>' : '<at user_id="all">所有人</at>');
		return tokens.join(' ');
	},
	buildPayload({ format, content }) {
		if (format === 'markdown') {
			return { msg_type: 'interactive', card: { elements: [{ tag: 'markdown', content }] } };
		}
		return { msg_type: 'text', content: { text: content } };
	},
	readResponse(statusCode, body) {
		// Newer replies: { code, msg, data }; older ones: { StatusCode, StatusMessage }.
		const reply = asObject(body);
		return readReply(statusCode, body, asCode(reply.code ?? reply.StatusCode), reply.msg ?? reply.StatusMessage, FEISHU_THROTTLE_CODES, 'success');
	},
	secretsOf: (credentials) => webhookSecrets(credentials, feishuHookIdOf),
};

export const PLATFORMS: Record<PlatformId, ChatPlatform> = { weCom, dingTalk, feishu };

/** Mention kinds asked for that this platform cannot do in this message format. */
export function unsupportedMentions(platform: ChatPlatform, format: MessageFormat, mentions: Mentions): string[] {
	const support = platform.mentionSupport[format];
	const problems: string[] = [];
	if (mentions.mobiles.length > 0 && !support.mobiles) problems.push('mobile numbers');
	if (mentions.userIds.length > 0 && !support.userIds) problems.push('user IDs');
	if (mentions.all && !support.all) problems.push('@all');
	return problems;
}
