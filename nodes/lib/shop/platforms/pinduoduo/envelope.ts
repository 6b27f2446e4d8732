/**
 * Pinduoduo's answers, read. Success is `{ "<name>_response": { … } }` (e.g.
 * `order_sn_increment_get_response`, lywzx/pdd-node-sdk `packages/pdd-origin-api`
 * *_RESPONSE_KEY constants); a refusal is
 * `{ "error_response": { error_code, error_msg, sub_code, sub_msg, request_id } }`, both
 * with HTTP 200 (the doc pages' "异常示例"; lywzx/pdd-node-sdk
 * `packages/core/src/exceptions/pdd-response.exception.ts` PddErrorResponse).
 *
 * Error codes (the "返回错误码说明" table every API page of the official doc carries, as
 * captured in public doc mirrors, e.g. pdd.ddk.oauth.cashgift.create; the Node SDK reads the
 * same codes in pdd-response.exception.ts retryAble / accessTokenNeedRefresh):
 * - 10019 access_token已过期 → refresh once; 20032 access_token或client_id错误 → refresh once
 *   too (a revoked token reads like this; a wrong client_id then fails the refresh clearly);
 * - 52101 当前接口被限流, 70031 调用过于频繁 → throttled, not applied, retried;
 * - 52102/52103 接口/服务暂时不可用, 50000 系统内部错误, 50002 业务系统内部异常,
 *   52001/52002 网关错误, 70033 系统维护 → unavailable (a write may or may not have happened);
 * - 20004 签名校验失败, 20005 IP 白名单, 20031 未授权此接口, 10016 client_id, 70032/70034/70035
 *   禁止调用, 70036 测试应用次数受限, 10000/21001/21002 参数错误 … → the platform's error.
 */
import { parseJsonKeepingBigIntegers } from '../../json/bigIntegers';

export type PddVerdict =
	| { kind: 'ok'; data: unknown }
	| { kind: 'throttled'; waitMs?: number; reason: string }
	| { kind: 'unavailable'; waitMs?: number; reason: string }
	| { kind: 'tokenRejected'; reason: string }
	| { kind: 'error'; code: string; message: string; hint?: string };

export interface PddErrorBody {
	error_code?: number | string;
	error_msg?: string;
	sub_code?: number | string | null;
	sub_msg?: string | null;
	request_id?: string | number;
}

export const TOKEN_EXPIRED = 10019;
const TOKEN_CODES = new Set([TOKEN_EXPIRED, 20032]);
const THROTTLE_CODES = new Set([52101, 70031]);
const UNAVAILABLE_CODES = new Set([50000, 50002, 52001, 52002, 52102, 52103, 70033]);
/** No wait is published; one second, then the transport's doubling backoff. */
const THROTTLE_WAIT_MS = 1000;

const HINTS: Record<number, string> = {
	20004: 'Pinduoduo rejected the signature: check the Client Secret in the credential (拼多多开放平台 → 应用管理 → 应用详情).',
	20005: "Pinduoduo refused this server's IP address: add it to the app's IP allow-list (IP 白名单) in the open platform console.",
	20031: 'The app has no permission for this API: apply for the API pack (权限包) in the open platform console, and let the shop authorise the app again.',
	10016: 'The Client ID is wrong or the app is offline: check it in the open platform console.',
	70032: 'Pinduoduo forbids this call for the app or shop: contact the open platform (KNOCK 咨询服务).',
	70034: 'Pinduoduo blocked the app or shop as risky: contact the open platform (KNOCK 咨询服务).',
	70035: 'Pinduoduo blocked the app or shop as risky: contact the open platform (KNOCK 咨询服务).',
	70036: 'The app is still in test status and has used up its call quota: publish the app (应用上线) in the open platform console.',
};

function errorText(error: PddErrorBody): string {
	const main = String(error.error_msg ?? '').trim();
	const sub = String(error.sub_msg ?? '').trim();
	return [main, sub].filter((text, index, all) => text !== '' && all.indexOf(text) === index).join(': ') || 'no message';
}

/** The error_response of a body, if it is one. */
export function pddErrorOf(body: unknown): PddErrorBody | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const error = (body as Record<string, unknown>).error_response;
	return typeof error === 'object' && error !== null ? (error as PddErrorBody) : undefined;
}

/** The object under the single `<name>_response` key of a success. */
export function pddResponseOf(body: unknown): unknown {
	if (typeof body !== 'object' || body === null) return undefined;
	const record = body as Record<string, unknown>;
	const key = Object.keys(record).find((name) => name.endsWith('_response') && name !== 'error_response');
	return key === undefined ? undefined : record[key];
}

export function readPddBody(statusCode: number, body: unknown): PddVerdict {
	if (statusCode === 429) return { kind: 'throttled', waitMs: THROTTLE_WAIT_MS, reason: 'Pinduoduo: HTTP 429' };
	if (statusCode >= 500) return { kind: 'unavailable', reason: `Pinduoduo: HTTP ${statusCode}` };
	let parsed: unknown = body;
	if (typeof body === 'string') {
		try {
			parsed = parseJsonKeepingBigIntegers(body);
		} catch {
			return statusCode >= 400
				? { kind: 'error', code: `HTTP ${statusCode}`, message: 'an answer that is not JSON' }
				: { kind: 'unavailable', reason: `Pinduoduo: an unreadable answer (HTTP ${statusCode})` };
		}
	}
	const error = pddErrorOf(parsed);
	if (error) {
		const code = Number(error.error_code);
		const message = errorText(error);
		const reason = `Pinduoduo ${error.error_code ?? '?'}: ${message}`;
		if (TOKEN_CODES.has(code)) return { kind: 'tokenRejected', reason };
		if (THROTTLE_CODES.has(code)) return { kind: 'throttled', waitMs: THROTTLE_WAIT_MS, reason };
		if (UNAVAILABLE_CODES.has(code)) return { kind: 'unavailable', reason };
		const subCode = error.sub_code === null || error.sub_code === undefined || String(error.sub_code) === String(error.error_code) ? '' : String(error.sub_code);
		return { kind: 'error', code: [String(error.error_code ?? `HTTP ${statusCode}`), subCode].filter(Boolean).join(' '), message, hint: HINTS[code] };
	}
	const data = pddResponseOf(parsed);
	if (data === undefined) {
		return statusCode >= 400
			? { kind: 'error', code: `HTTP ${statusCode}`, message: 'an answer without a response object' }
			: { kind: 'unavailable', reason: 'Pinduoduo: an answer without a response object' };
	}
	return { kind: 'ok', data };
}
