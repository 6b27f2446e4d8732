/**
 * One request to Bitly or Shlink, through the credential (which sets the base URL and the token
 * or key; nothing here sees them). Redirects are never followed (a 3xx would carry the token to
 * another host; issue 14, item 6). Throttling is waited out, never dropped: HTTP 429 is retried
 * after the server's Retry-After (RFC 9110 §10.2.3) or, without one, after 1 s, 2 s, 4 s … up
 * to a minute each (Bitly's limits are per hour and per minute, the per-minute one a tenth of
 * the hourly: https://dev.bitly.com/docs/getting-started/rate-limits), at most MAX_THROTTLE_RETRIES
 * times. A 5xx is retried the bots' way (nodes/lib/chat/retry.ts: 1 s, 2 s, 4 s).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { throttleWaitMs, serverErrorWaitMs } from '../lib/chat/retry';
import { retryAfterMs } from '../lib/httpHeaders';

export type LinkService = 'bitly' | 'shlink';

export const CREDENTIAL_TYPES: Record<LinkService, string> = { bitly: 'bitlyApi', shlink: 'shlinkApi' };

/** Retries after 429 before the item fails; with the doubling capped at a minute, about 4 minutes of waiting. */
export const MAX_THROTTLE_RETRIES = 6;
const THROTTLE_POLICY = { firstWaitMs: 1_000, maxWaitMs: 60_000 };

export interface LinkReply {
	statusCode: number;
	body: unknown;
}

export class LinkServiceError extends Error {
	constructor(
		message: string,
		readonly statusCode: number,
	) {
		super(message);
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function linkRequest(
	context: IExecuteFunctions,
	service: LinkService,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<LinkReply> {
	for (let throttled = 0, failed = 0; ; ) {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPES[service], {
			method,
			url: path,
			body: options.body,
			qs: options.qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: 30_000,
		})) as { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };
		const statusCode = typeof response.statusCode === 'number' ? response.statusCode : 0;
		const hint = retryAfterMs(response.headers, Date.now());
		if (statusCode === 429 && throttled < MAX_THROTTLE_RETRIES) {
			throttled += 1;
			await sleep(throttleWaitMs(throttled, THROTTLE_POLICY, hint));
			continue;
		}
		if (statusCode >= 500) {
			const wait = serverErrorWaitMs(++failed, hint);
			if (wait !== undefined) {
				await sleep(wait);
				continue;
			}
		}
		if (statusCode >= 200 && statusCode < 300) return { statusCode, body: response.body };
		throw new LinkServiceError(describeFailure(service, statusCode, response.body), statusCode);
	}
}

/** The service's own words: Bitly `{message, description}`, Shlink RFC 7807 `{title, detail}`. */
function describeFailure(service: LinkService, statusCode: number, body: unknown): string {
	const name = service === 'bitly' ? 'Bitly' : 'Shlink';
	const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const words = [b.message, b.description, b.title, b.detail].filter((w): w is string => typeof w === 'string' && w !== '').join(': ');
	if (statusCode === 429) return `${name} still answered "too many requests" (429) after ${MAX_THROTTLE_RETRIES} waits: ${words || 'rate limit exceeded'}`;
	if (statusCode >= 300 && statusCode < 400) return `${name} answered with a redirect (${statusCode}), which is not followed: check the credential's base URL`;
	if (statusCode === 401 || statusCode === 403) return `${name} refused the credential (${statusCode}): ${words || 'check the access token or API key'}`;
	return `${name} answered ${statusCode}${words ? `: ${words}` : ''}`;
}
