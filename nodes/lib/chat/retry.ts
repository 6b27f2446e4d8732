/**
 * How long to wait after a bot platform throttles a send (pure). A throttled message is never
 * dropped: it is sent again after the wait, up to a total waiting budget, after which the node
 * stops with an error that says which messages are still unsent.
 */
import { headerValue, retryAfterMs } from '../httpHeaders';
export interface ThrottlePolicy {
	/** Wait before the first retry, when the platform does not say how long. */
	firstWaitMs: number;
	/** Longest single wait (the doubling stops there). */
	maxWaitMs: number;
}

/** Wait before retry number `attempt` (1, 2, …): the platform's hint if any, else doubling from `firstWaitMs`. */
export function throttleWaitMs(attempt: number, policy: ThrottlePolicy, hintMs?: number): number {
	if (hintMs !== undefined && Number.isFinite(hintMs) && hintMs > 0) return Math.min(hintMs, policy.maxWaitMs);
	const doubled = policy.firstWaitMs * 2 ** Math.max(0, attempt - 1);
	return Math.min(doubled, policy.maxWaitMs);
}

/**
 * The wait a response asks for, in ms: `Retry-After` (seconds or an HTTP date, RFC 9110
 * §10.2.3) or Feishu's `x-ogw-ratelimit-reset` (seconds until the limit resets, Feishu
 * "Rate limits" doc). Undefined when neither is present or readable.
 */
export function retryHintMs(headers: Record<string, unknown> | undefined, now: number): number | undefined {
	const retryAfter = retryAfterMs(headers, now);
	if (retryAfter !== undefined) return retryAfter;
	const reset = headerValue(headers, 'x-ogw-ratelimit-reset')?.trim();
	if (reset && /^\d+(\.\d+)?$/.test(reset)) return Number(reset) * 1000;
	return undefined;
}

/**
 * HTTP 5xx from a bot webhook: the platform (or a gateway before it) failed on its side, and the
 * message did not count as sent. Sent again after 1 s, 2 s, 4 s (a `Retry-After`, which RFC
 * 9110 §10.2.3 allows on a 503, is followed up to 30 s), so a blip passes and a real outage ends
 * the message as failed after about 7 s rather than holding the run. Bounded on purpose: each
 * retry is one more request the platform counts against the bot's rate.
 */
export const SERVER_ERROR_RETRY = { retries: 3, firstWaitMs: 1_000, maxWaitMs: 30_000 } as const;

/** Wait before 5xx retry number `attempt` (1, 2, …), or undefined when the retries are used up. */
export function serverErrorWaitMs(attempt: number, hintMs?: number): number | undefined {
	if (attempt > SERVER_ERROR_RETRY.retries) return undefined;
	if (hintMs !== undefined && Number.isFinite(hintMs) && hintMs > 0) return Math.min(hintMs, SERVER_ERROR_RETRY.maxWaitMs);
	return SERVER_ERROR_RETRY.firstWaitMs * 2 ** Math.max(0, attempt - 1);
}
