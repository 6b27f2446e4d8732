/**
 * TOP's answers, read. Every call answers HTTP 200 with one JSON object (format=json, not
 * simplified):
 * - success: `{ "<api>_response": { …fields… } }` — the API name without `taobao.`, dots as
 *   underscores, e.g. `trades_sold_increment_get_response`; lists wrapped in an object named
 *   after the item, `trades: { trade: [ … ] }` (official Java SDK JsonConverter: it reads the
 *   first object value of the root and `list.item`; opendingtalk/alibaba-dingtalk-service-sdk
 *   `src/main/java/com/taobao/api/internal/parser/json/JsonConverter.java`). With simplify=true
 *   the root is the response itself and lists are plain arrays (SimplifyJsonConverter.java):
 *   both shapes are read.
 * - error: `{ "error_response": { code, msg, sub_code, sub_msg } }` (Java SDK Constants
 *   ERROR_RESPONSE / ERROR_CODE / ERROR_MSG / ERROR_SUB_CODE / ERROR_SUB_MSG).
 *
 * Platform error codes (TOP's 平台级错误码 page, as reproduced at
 * http://blog.unvs.cn/archives/taobao-oauth-top-error-code.html and
 * https://www.miaokee.com/2464230.html): 4–8 call limits (7 App Call Limited), 10 Service
 * Currently Unavailable, 11–13 insufficient permissions, 15 Remote Service Error, 25 Invalid
 * Signature, 26 Missing Session, 27 Invalid Session, 29 Invalid App Key, 31 Invalid Timestamp.
 * The same page: a sub_code starting `isp.` is a fault on the service side, "retry after a
 * while". Throttling comes as code 7 with sub_code `accesscontrol.limited-by-*` and sub_msg
 * "This ban will last for N more seconds" (seen in public TOP client code that parses it,
 * e.g. retry loops keyed on accesscontrol.limited-by-api-access-count).
 */
import { parseJsonKeepingBigIntegers } from '../../json/bigIntegers';

export type TopVerdict =
	| { kind: 'ok'; data: unknown }
	| { kind: 'throttled'; waitMs?: number; reason: string }
	| { kind: 'unavailable'; waitMs?: number; reason: string }
	| { kind: 'tokenRejected'; reason: string }
	| { kind: 'error'; code: string; message: string; hint?: string };

export const CREDENTIAL_DISPLAY_NAME = 'Taobao / Tmall (淘宝/天猫) API';

/** Call-limit codes: 4 User, 5 Session, 6 Partner, 7 App Call Limited, 8 App Call Exceeds Limited Frequency. */
const THROTTLE_CODES = new Set([4, 5, 6, 7, 8]);
/** The session key is missing (26) or invalid / expired (27). */
export const SESSION_CODES = new Set([26, 27]);

const HINTS: Record<number, string> = {
	11: 'The app has no permission for this API: add the API pack (权限包) in the Taobao open platform console (淘宝开放平台 → 控制台 → 应用管理 → API 权限).',
	12: 'The shop account that authorised the app lacks this permission (用户权限不足): authorise with the main account or grant the sub-account the permission.',
	25: 'Taobao rejected the signature (25 Invalid Signature): check the App Secret and the Sign Method of the credential.',
	29: 'Taobao does not know the App Key (29 Invalid App Key): check the credential.',
	31: "Taobao refused the timestamp (31 Invalid Timestamp): the n8n server's clock is off; sync it (NTP).",
};

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/** "This ban will last for 2 more seconds" → 3000 (one second more, to be past it). */
export function banWaitMs(subMsg: string): number | undefined {
	const m = /ban will last for (\d+) more seconds?/i.exec(subMsg);
	return m ? (Number(m[1]) + 1) * 1000 : undefined;
}

export function sessionHint(): string {
	return `The session key (SessionKey / access_token) in the credential "${CREDENTIAL_DISPLAY_NAME}" has expired or was revoked: authorise the app for the shop again (淘宝开放平台 → 授权) and paste the new session key into the credential.`;
}

export function readTopBody(statusCode: number, body: unknown): TopVerdict {
	if (statusCode === 429) return { kind: 'throttled', reason: 'Taobao: HTTP 429' };
	if (statusCode >= 500) return { kind: 'unavailable', reason: `Taobao: HTTP ${statusCode}` };
	let answer: Json;
	try {
		answer = obj(typeof body === 'string' ? parseJsonKeepingBigIntegers(body) : body);
	} catch {
		return { kind: 'unavailable', reason: `Taobao: an unreadable answer (HTTP ${statusCode})` };
	}
	const error = answer.error_response;
	if (error !== undefined) {
		const e = obj(error);
		const code = Number(e.code);
		const subCode = String(e.sub_code ?? '');
		const subMsg = String(e.sub_msg ?? '');
		const message = [e.msg, e.sub_msg].filter((text) => typeof text === 'string' && text !== '').join(': ') || 'no message';
		const label = [Number.isFinite(code) ? code : 'error', subCode].filter(Boolean).join(' ');
		if (THROTTLE_CODES.has(code) || subCode.startsWith('accesscontrol.')) {
			return { kind: 'throttled', waitMs: banWaitMs(subMsg), reason: `Taobao ${label}: ${message}` };
		}
		if (code === 10 || subCode.startsWith('isp.')) return { kind: 'unavailable', reason: `Taobao ${label}: ${message}` };
		if (SESSION_CODES.has(code)) {
			// No refresh for the session key this credential holds: a clear error, not a retry.
			return { kind: 'error', code: label, message, hint: sessionHint() };
		}
		return { kind: 'error', code: label, message, hint: HINTS[code] };
	}
	if (statusCode >= 400) return { kind: 'error', code: `HTTP ${statusCode}`, message: `HTTP ${statusCode}` };
	const keys = Object.keys(answer);
	const wrapper = keys.length === 1 && keys[0].endsWith('_response') ? answer[keys[0]] : undefined;
	return { kind: 'ok', data: wrapper !== undefined ? obj(wrapper) : answer };
}

/** A TOP list: `{ trade: [...] }` (not simplified), a plain array (simplified), or absent. */
export function listOf(container: unknown, itemKey: string): Json[] {
	if (Array.isArray(container)) return container.map(obj);
	const inner = obj(container)[itemKey];
	return Array.isArray(inner) ? inner.map(obj) : [];
}
