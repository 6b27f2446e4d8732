/**
 * Requests to a shop platform, the same way for every platform: through n8n's
 * `httpRequestWithAuthentication` (n8n's proxy settings; the credential signs), paced to the
 * platform's rate, retried on throttling and faults without ever applying a write twice, with
 * one forced token refresh when the platform rejects the token, and errors rebuilt from the
 * platform's code and message only, so no URL, header, token or signature reaches an error,
 * an output item or a log.
 *
 * Redirects are never followed (issue 14, item 6): every request is signed or carries the
 * token, and sent on to the host a 3xx names it would hand that host the signature, the
 * token or (WooCommerce, Basic auth) the secret. A 3xx on a read stops with the redirect's
 * address and what to check; on a write it is an unknown outcome — a POST answered 303 may
 * well have been applied — which the write's own at-most-once handling reads back
 * (writes.ts), never a success.
 */
import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { redirectOrigin } from '../../lib/httpHeaders';
import { ShopPlatformError } from '../../lib/shop';
import type { ShopApi, ShopConnector, ShopRequest, ShopResponse, Verdict } from './connector';
import { requestRateOf } from './rateLimit';
import { CREDENTIAL_FAULT, TOKEN_REJECTED_HEADER } from './tokens';

/**
 * How long one request may take before it counts as lost (then retried, or, for a write, read
 * back), and the first backoff without a hint from the platform (then 1 s, 2 s, 4 s, 8 s).
 * The fault suite shortens both (test/fuzz/faults/shops.faults.test.ts); nothing else
 * changes them.
 */
export const requestTiming = { timeoutMs: 30_000, firstBackoffMs: 500 };
/** Attempts per request: the first and up to five retries. */
const MAX_ATTEMPTS = 6;
const MAX_WAIT_MS = 60_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Outcome = { response: ShopResponse } | { fault: string };

export function createShopApi(context: IExecuteFunctions, connector: ShopConnector): ShopApi {
	const now = () => Date.now();
	const sleep = realSleep;
	let minIntervalMs: number | undefined;
	let nextSlot = 0;

	async function pace(): Promise<void> {
		if (minIntervalMs === undefined) {
			let credentials: ICredentialDataDecryptedObject | undefined;
			try {
				credentials = await context.getCredentials<ICredentialDataDecryptedObject>(connector.credentialType);
			} catch {
				credentials = undefined; // the request itself reports a missing credential
			}
			const rate = requestRateOf(credentials, connector.requestsPerSecond);
			minIntervalMs = rate > 0 ? 1000 / rate : 0;
		}
		const at = now();
		if (nextSlot > at) await sleep(nextSlot - at);
		nextSlot = Math.max(at, nextSlot) + minIntervalMs;
	}

	async function send(request: ShopRequest, tokenRejectedAt?: number): Promise<Outcome> {
		await pace();
		const headers: Record<string, string> = {};
		if (tokenRejectedAt !== undefined) headers[TOKEN_REJECTED_HEADER] = String(tokenRejectedAt);
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(context, connector.credentialType, {
				method: request.method,
				// The credential's authenticate resolves the path against its base URL and signs.
				url: request.path,
				qs: request.qs,
				body: request.body as IDataObject,
				headers,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: requestTiming.timeoutMs,
				disableFollowRedirect: true,
			})) as { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };
			return {
				response: {
					statusCode: typeof response.statusCode === 'number' ? response.statusCode : 0,
					body: response.body,
					headers: response.headers ?? {},
				},
			};
		} catch (error) {
			return { fault: describeFault(error) };
		}
	}

	async function attempt(request: ShopRequest): Promise<Verdict & { kind: 'ok' | 'error' }> {
		let tokenRejectedAt: number | undefined;
		let refreshed = false;
		let lastReason = '';
		for (let attemptNo = 1; attemptNo <= MAX_ATTEMPTS; attemptNo++) {
			const outcome = await send(request, tokenRejectedAt);
			let verdict: Verdict;
			if ('fault' in outcome) {
				if (outcome.fault.startsWith(CREDENTIAL_FAULT)) {
					throw new ShopPlatformError(connector.displayName, 'credentials', outcome.fault.slice(CREDENTIAL_FAULT.length));
				}
				verdict = { kind: 'unavailable', reason: outcome.fault };
			} else if (isRedirect(outcome.response.statusCode)) {
				const reason = redirectReason(outcome.response);
				if (request.write) {
					throw new ShopPlatformError(
						connector.displayName,
						'unknown-outcome',
						`${reason}; the write may have been applied`,
						'Check the Base URL in the credential (the platform may have moved), and read the current state on the shop before running again. 检查凭据中的 Base URL，并在重新运行前核对店铺中的当前数据。',
						outcome.response.statusCode,
					);
				}
				verdict = {
					kind: 'error',
					code: 'redirect',
					message: reason,
					hint: 'Check the Base URL in the credential: use the address the platform documents (the node does not follow redirects, which would send the signature or token to another host). 检查凭据中的 Base URL（节点不跟随重定向）。',
				};
			} else {
				verdict = connector.readResponse(outcome.response);
				if (verdict.kind === 'error' && request.write && isUnreadableSuccess(outcome.response)) {
					// A 2xx whose body is not the platform's JSON (a proxy's HTML page, a body cut off)
					// is no refusal: the write may have landed, so it is an unknown outcome, never a
					// definite failure that a user would simply send again.
					verdict = { kind: 'unavailable', reason: `HTTP ${outcome.response.statusCode} with a body that is not the platform's answer (${verdict.message})` };
				}
			}
			if (verdict.kind === 'ok' || verdict.kind === 'error') return verdict;
			if (verdict.kind === 'tokenRejected') {
				if (refreshed) {
					throw new ShopPlatformError(
						connector.displayName,
						'token',
						`${verdict.reason} (also after refreshing it)`,
						'Open the credential, check the app key, secret and shop, and save it again to get a new token.',
					);
				}
				refreshed = true;
				tokenRejectedAt = now();
				attemptNo--; // a refresh is not a fault: it does not use up a retry
				continue;
			}
			lastReason = verdict.reason;
			if (verdict.kind === 'unavailable' && request.write && !request.idempotent) {
				// The write may have been applied: sending it again could apply it twice.
				throw new ShopPlatformError(
					connector.displayName,
					'unknown-outcome',
					`${verdict.reason}; the write was not sent again because the platform might have applied it`,
					'Read the current state on the shop before running again.',
				);
			}
			if (attemptNo === MAX_ATTEMPTS) break;
			const backoff = Math.min(requestTiming.firstBackoffMs * 2 ** (attemptNo - 1), MAX_WAIT_MS);
			await sleep(Math.min(Math.max(verdict.waitMs ?? 0, backoff), MAX_WAIT_MS));
		}
		throw new ShopPlatformError(
			connector.displayName,
			'retries-exhausted',
			`${lastReason} — still failing after ${MAX_ATTEMPTS} attempts`,
			'The platform is throttling or unavailable; run the workflow again later. Nothing was lost: reads start again from the same cursor.',
		);
	}

	return {
		async call(request) {
			const verdict = await attempt(request);
			if (verdict.kind === 'error') {
				throw new ShopPlatformError(connector.displayName, verdict.code, verdict.message, verdict.hint);
			}
			return verdict.data;
		},
		attempt,
		now,
		sleep,
	};
}

/** A success status with a body that is no JSON at all (n8n leaves a body it cannot parse as text). */
function isUnreadableSuccess(response: ShopResponse): boolean {
	if (response.statusCode < 200 || response.statusCode >= 300) return false;
	if (typeof response.body !== 'string') return response.body === undefined || response.body === null;
	try {
		JSON.parse(response.body);
		return false;
	} catch {
		return true;
	}
}

/** 3xx but 304 (Not Modified answers a conditional GET, which the node never sends, and points nowhere). */
function isRedirect(statusCode: number): boolean {
	return statusCode >= 300 && statusCode < 400 && statusCode !== 304;
}

/** The redirect in words: its status and, when it names one, only the origin it points to (a full URL can carry tokens). */
function redirectReason(response: ShopResponse): string {
	const origin = redirectOrigin(response.headers);
	const location = origin === 'relative' ? undefined : origin;
	return `HTTP ${response.statusCode}: the platform answered with a redirect${location ? ` to ${location}` : ''}, which the node does not follow`;
}

/**
 * A transport fault in words, without anything from the request: n8n's errors carry the
 * request options (URL with tokens, signed query, headers), so only the message and the
 * network code are kept, and query strings are cut from the message.
 */
export function describeFault(error: unknown): string {
	if (typeof error !== 'object' || error === null) return redact(String(error));
	const { message, code, cause } = error as { message?: unknown; code?: unknown; cause?: unknown };
	// n8n wraps what the credential throws in a NodeApiError that keeps its message.
	if (typeof message === 'string' && message.startsWith(CREDENTIAL_FAULT)) return redact(message);
	const causeObject = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }) : undefined;
	const codeText = typeof code === 'string' ? code : typeof causeObject?.code === 'string' ? causeObject.code : '';
	const text = typeof message === 'string' && message !== '' ? message : 'request failed';
	return redact(codeText && !text.includes(codeText) ? `${text} (${codeText})` : text);
}

/** Cuts query strings and anything that looks like a token or signature out of a text. */
export function redact(text: string): string {
	return text
		.replace(/\?[^\s"']*/g, '?…')
		.replace(/(access_token|accessToken|token|sign|secret|consumer_secret|consumer_key|password)=([^&\s"']+)/gi, '$1=…')
		.replace(/\b(shpat|shpca|shppa|ck|cs)_[A-Za-z0-9]+/g, '$1_…');
}

/** A platform error as n8n shows it: the platform's code and message, and what to do. */
export function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex?: number): Error {
	if (error instanceof ShopPlatformError) {
		return new NodeApiError(context.getNode(), { code: error.code, message: error.platformMessage } as JsonObject, {
			message: `${error.platformName}: ${error.platformMessage} (code ${error.code})`,
			description: error.hint ?? `The platform refused the request with code ${error.code}.`,
			itemIndex,
			httpCode: error.httpStatus !== undefined ? String(error.httpStatus) : undefined,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), redact(error instanceof Error ? error.message : String(error)), { itemIndex });
}

/**
 * An item that failed, under "On Error: Continue". With *Continue (using error output)* it
 * carries the error, so n8n routes it to the error output (n8n then keeps only the message
 * and the input item's fields); with *Continue (regular output)* it goes on with every field
 * of what happened, e.g. `issueStatus: 'failed'`, the platform code and message.
 */
export function failedItem(context: IExecuteFunctions, json: IDataObject, error: Error, itemIndex: number): INodeExecutionData {
	const item: INodeExecutionData = { json: { ...json, error: error.message }, pairedItem: { item: itemIndex } };
	if (context.getNode().onError === 'continueErrorOutput') item.error = error as NodeApiError;
	return item;
}
