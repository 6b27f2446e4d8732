/**
 * How the ark gateway answers, read without n8n: `{ success, error_code, error_msg, data }`
 * (doc 040 "返回参数说明"); methods on the platform's newer framework answer `code` / `msg`
 * instead (doc 301 §23, "接口返回的是code和msg而不是error_code和error_msg", and the
 * inventory.syncSkuStockV2 spec), so both are read; `success` decides (doc 301 §23:
 * "建议优先使用success:true来判断是否成功"; zsmhub/xhs-sdk `api/api_client.go` checks success and
 * error_code 0).
 *
 * No public source lists the gateway's codes for an expired token, throttling or a busy
 * service, and doc 301 §22 advises reading the message, not the code, for authorisation
 * failures ("授权失败目前建议基于错误信息字段的关键字来判断，不要基于错误码401来判断"). So answers are
 * classified by the words of the message (UNCONFIRMED beyond the one quoted text
 * "根据accessToken和appId获取mercuryUser失败：accessToken expired", doc 301 §22):
 * - token rejected: "accessToken expired/invalid", "token 过期/失效/无效/不存在";
 * - throttled: 限流, 频繁, 频率, too many, rate limit, qps (HTTP 429 too);
 * - unavailable: 系统繁忙, 服务繁忙, 系统异常, 稍后重试, busy, timeout, 超时 (HTTP 5xx too).
 * Anything else is the platform's error, shown with its code and message.
 */
import { parseJsonKeepingBigIntegers } from '../../json/bigIntegers';

export type XhsAnswer =
	| { kind: 'ok'; data: unknown }
	| { kind: 'tokenRejected'; reason: string }
	| { kind: 'throttled'; reason: string }
	| { kind: 'unavailable'; reason: string }
	| { kind: 'error'; code: string; message: string };

interface Envelope {
	success?: unknown;
	error_code?: unknown;
	error_msg?: unknown;
	code?: unknown;
	msg?: unknown;
	message?: unknown;
	data?: unknown;
}

const TOKEN_REJECTED = [
	/access[_\s-]*token\s*(has\s+)?(expired|is\s+expired|invalid|is\s+invalid|not\s+exist|does\s+not\s+exist)/i,
	/token\s*(已)?(过期|失效|无效|不存在)/i,
];
const THROTTLED = /限流|频繁|频率|too\s+many|rate\s*limit|qps|flow\s*limit/i;
const UNAVAILABLE = /系统繁忙|服务繁忙|系统异常|网络异常|稍后重试|busy|time\s*out|timeout|超时/i;

/** The message of an answer (error_msg, msg or message), '' when none. */
export function xhsMessageOf(envelope: unknown): string {
	const body = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Envelope;
	for (const text of [body.error_msg, body.msg, body.message]) if (typeof text === 'string' && text !== '') return text;
	return '';
}

/** The code of an answer (error_code, else code), '' when none. */
export function xhsCodeOf(envelope: unknown): string {
	const body = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Envelope;
	const code = body.error_code ?? body.code;
	return code === undefined || code === null ? '' : String(code);
}

export function readXhsAnswer(statusCode: number, rawBody: unknown): XhsAnswer {
	if (statusCode === 429) return { kind: 'throttled', reason: 'HTTP 429' };
	if (statusCode >= 500) return { kind: 'unavailable', reason: `HTTP ${statusCode}` };
	let body: Envelope;
	try {
		body = (typeof rawBody === 'string' ? parseJsonKeepingBigIntegers(rawBody) : rawBody) as Envelope;
	} catch {
		return { kind: 'unavailable', reason: `an unreadable answer (HTTP ${statusCode})` };
	}
	if (typeof body !== 'object' || body === null) return { kind: 'unavailable', reason: `an empty answer (HTTP ${statusCode})` };
	const code = xhsCodeOf(body);
	if (body.success === true && (code === '' || code === '0' || code === '200')) return { kind: 'ok', data: body.data };
	const message = xhsMessageOf(body) || 'no message';
	const reason = code ? `${code} ${message}` : message;
	if (TOKEN_REJECTED.some((pattern) => pattern.test(message))) return { kind: 'tokenRejected', reason };
	if (THROTTLED.test(message)) return { kind: 'throttled', reason };
	if (UNAVAILABLE.test(message)) return { kind: 'unavailable', reason };
	if (statusCode >= 400 && code === '') return { kind: 'error', code: `HTTP ${statusCode}`, message };
	return { kind: 'error', code: code || 'unknown', message };
}
