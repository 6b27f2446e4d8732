/**
 * One POST to a bot's webhook. The credential's `authenticate` function builds the URL and signs
 * the request; this module never puts a request URL or header into what it returns.
 *
 * Redirects are never followed (issue 14, item 6): a 307 would re-post the message, key and
 * signature included, to whatever host it names, and a 302 would turn it into a body-less GET
 * whose 200 looked like success. A 3xx comes back as a reply like any other, for the node to
 * report as a failure.
 *
 * A request that got no reply is told apart by whether the message may have arrived: refused
 * connections, unknown hosts and TLS failures happen before anything is sent; a reset, a broken
 * pipe or a time-out can happen after the platform got the whole body.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ChatPlatform } from '../../lib/chat/platforms';
import { redactWebhookSecrets } from '../../lib/chat/signing';

export type BotExchange =
	| { kind: 'reply'; statusCode: number; body: unknown; headers: Record<string, unknown> }
	| {
			kind: 'noReply';
			/** What went wrong, URL-shaped secrets cut (the node redacts the credential's values too). */
			reason: string;
			/** Whether the platform may have received the message (reset or time-out after sending). */
			mayHaveArrived: boolean;
	  };

/**
 * Error codes after which the request may have been delivered (Node's socket errors; axios
 * names its own time-out ECONNABORTED, or ETIMEDOUT with transitional.clarifyTimeoutError).
 */
const MAY_HAVE_ARRIVED = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ERR_BAD_RESPONSE', 'ERR_STREAM_PREMATURE_CLOSE']);

export async function postToBot(
	context: IExecuteFunctions,
	platform: ChatPlatform,
	payload: IDataObject,
	timeoutMs: number,
): Promise<BotExchange> {
	let response: { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, platform.credentialType, {
			method: 'POST',
			// The credential's authenticate sets the full webhook URL (key/token, signature).
			url: '',
			body: payload,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: timeoutMs,
		});
	} catch (error) {
		const { text, code } = describeTransportError(error);
		return { kind: 'noReply', reason: redactWebhookSecrets(text), mayHaveArrived: code !== '' && MAY_HAVE_ARRIVED.has(code) };
	}
	return {
		kind: 'reply',
		statusCode: typeof response.statusCode === 'number' ? response.statusCode : 0,
		body: response.body,
		headers: response.headers ?? {},
	};
}

/**
 * The message and the first socket error code found on the error or the errors it wraps: n8n
 * wraps axios' error in a NodeApiError that carries the code as its `httpCode` (ECONNRESET,
 * ECONNABORTED, …), not as `code`.
 */
function describeTransportError(error: unknown): { text: string; code: string } {
	if (typeof error !== 'object' || error === null) return { text: String(error), code: '' };
	let code = '';
	for (let at: unknown = error, depth = 0; code === '' && typeof at === 'object' && at !== null && depth < 4; depth++) {
		const { code: own, httpCode } = at as { code?: unknown; httpCode?: unknown };
		code = [own, httpCode].find((candidate): candidate is string => typeof candidate === 'string' && /^E[A-Z_]+$/.test(candidate)) ?? '';
		at = (at as { cause?: unknown }).cause;
	}
	const { message } = error as { message?: unknown };
	const text = typeof message === 'string' ? message : 'request failed';
	return { text: code && !text.includes(code) ? `${text} (${code})` : text, code };
}
