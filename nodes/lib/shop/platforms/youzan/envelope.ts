/**
 * Youzan's answers, read. Every answer comes with HTTP 200 (ERR §2, probe-verified), so the
 * body says what happened, in one of three shapes:
 * - business success (4.x APIs, and 3.0.0 APIs on open.youzanyun.com):
 *   `{ code: 200, success: true, data }` (waywake/youzan-sdk-ts src/api-types/common.ts);
 * - business error: `{ code: 102570020, success: false, message }`;
 * - gateway error: `{ gw_err_resp: { err_code, err_msg } }` (no top-level code);
 * - legacy 3.0.0 shapes `{ response }` / `{ error_response: { code, msg } }`.
 * Gateway codes (ERR §2): 4201 illegal credential, 4202 credential expired, 4203 credential
 * does not exist, 4101 too frequent, 4204 no permission, 5001–5003 system/business errors.
 */

export type YouzanVerdict =
	| { kind: 'ok'; data: unknown }
	| { kind: 'throttled'; waitMs?: number; reason: string }
	| { kind: 'unavailable'; waitMs?: number; reason: string }
	| { kind: 'tokenRejected'; reason: string }
	| { kind: 'error'; code: string; message: string; hint?: string };

/** The token is expired, missing or unknown: refresh once and send again (ERR §2). */
const TOKEN_CODES = new Set([4201, 4202, 4203]);

/** Other rate-limit forms ERR §5.1 quotes from the docs (not probe-tested). */
const THROTTLE_CODES = new Set([4101, 500100004, 123000042, 141500203]);

/** Youzan suggests backing off 3 s, 6 s, 12 s … on throttling (ERR §6). */
const THROTTLE_WAIT_MS = 3000;

const HINTS: Record<number, string> = {
	4204: 'The app has no permission for this API: add the API pack (权限包) in the Youzan Cloud console (有赞云控制台 → 应用 → 权限管理).',
	4007: 'Youzan refused the request method or content type, or the IP allow-list (IP 白名单) of the app does not include this n8n server.',
	4005: 'Youzan does not know this API or version for the app.',
};

export function readYouzanBody(statusCode: number, body: unknown): YouzanVerdict {
	if (statusCode === 429) return { kind: 'throttled', waitMs: THROTTLE_WAIT_MS, reason: 'Youzan: HTTP 429 too many requests' };
	if (statusCode >= 500) return { kind: 'unavailable', reason: `Youzan: HTTP ${statusCode}` };
	if (typeof body !== 'object' || body === null) {
		return statusCode >= 400
			? { kind: 'error', code: `http-${statusCode}`, message: `HTTP ${statusCode}` }
			: { kind: 'unavailable', reason: 'Youzan answered without a JSON body' };
	}
	const answer = body as Record<string, unknown>;

	const gateway = answer.gw_err_resp as { err_code?: unknown; err_msg?: unknown } | undefined;
	if (gateway && typeof gateway === 'object') {
		const code = Number(gateway.err_code);
		const message = String(gateway.err_msg ?? 'gateway error');
		if (TOKEN_CODES.has(code)) return { kind: 'tokenRejected', reason: `Youzan ${code}: ${message}` };
		if (THROTTLE_CODES.has(code)) return { kind: 'throttled', waitMs: THROTTLE_WAIT_MS, reason: `Youzan ${code}: ${message}` };
		// 5001 "system exception" is usually a wrong parameter type (ERR §2): not retried.
		return { kind: 'error', code: String(code), message, hint: HINTS[code] };
	}

	const legacyError = answer.error_response as { code?: unknown; msg?: unknown } | undefined;
	if (legacyError && typeof legacyError === 'object') {
		const code = Number(legacyError.code);
		const message = String(legacyError.msg ?? 'error');
		if (TOKEN_CODES.has(code)) return { kind: 'tokenRejected', reason: `Youzan ${code}: ${message}` };
		if (THROTTLE_CODES.has(code)) return { kind: 'throttled', waitMs: THROTTLE_WAIT_MS, reason: `Youzan ${code}: ${message}` };
		return { kind: 'error', code: String(legacyError.code ?? 'error'), message };
	}
	if ('response' in answer && !('success' in answer)) return { kind: 'ok', data: answer.response };

	if (answer.success === true && Number(answer.code) === 200) {
		const data = answer.data as Record<string, unknown> | null | undefined;
		// Some data objects carry their own failure flag (facts §2).
		if (data && typeof data === 'object' && data.is_success === false) {
			return { kind: 'error', code: String(answer.code), message: String(data.message ?? answer.message ?? 'is_success: false') };
		}
		return { kind: 'ok', data };
	}
	const code = Number(answer.code);
	const message = String(answer.message ?? answer.msg ?? 'unknown error');
	if (THROTTLE_CODES.has(code) || /限流|too frequent|rate limit/i.test(message)) {
		return { kind: 'throttled', waitMs: THROTTLE_WAIT_MS, reason: `Youzan ${answer.code}: ${message}` };
	}
	if (TOKEN_CODES.has(code)) return { kind: 'tokenRejected', reason: `Youzan ${code}: ${message}` };
	return { kind: 'error', code: String(answer.code ?? 'error'), message };
}
