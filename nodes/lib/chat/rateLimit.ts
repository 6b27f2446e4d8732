/**
 * Sending no faster than a bot's documented rate (pure: a log of send times in, a time out).
 *
 * Sliding window: one more send at time t is allowed when, for every window (limit L, length W),
 * fewer than L earlier sends fall in (t − W, t]. With the sends sorted, that is
 * t ≥ s[n − L] + W, where s[n − L] is the L-th most recent send. A sliding window never
 * exceeds L in any interval of length W, so it also keeps within a server that counts per
 * calendar minute. `marginMs` widens every window a little for clock skew and network delay.
 */
export interface RateWindow {
	/** Sends allowed per window. */
	limit: number;
	windowMs: number;
}

export const DEFAULT_RATE_MARGIN_MS = 1000;

/** Earliest time ≥ `now` at which one more send keeps every window within its limit. */
export function earliestSendTime(
	sentAt: readonly number[],
	now: number,
	windows: readonly RateWindow[],
	marginMs = DEFAULT_RATE_MARGIN_MS,
): number {
	const sorted = [...sentAt].sort((a, b) => a - b);
	let earliest = now;
	for (const { limit, windowMs } of windows) {
		if (limit <= 0) throw new RangeError(`a rate window needs a positive limit, got ${limit}`);
		if (sorted.length < limit) continue;
		const lthMostRecent = sorted[sorted.length - limit];
		earliest = Math.max(earliest, lthMostRecent + windowMs + marginMs);
	}
	return earliest;
}

/** The sends that can still matter for a future decision (the rest are dropped from the log). */
export function pruneSendLog(
	sentAt: readonly number[],
	now: number,
	windows: readonly RateWindow[],
	marginMs = DEFAULT_RATE_MARGIN_MS,
): number[] {
	const longest = Math.max(0, ...windows.map((w) => w.windowMs)) + marginMs;
	const keep = Math.max(0, ...windows.map((w) => w.limit));
	return [...sentAt]
		.filter((t) => Number.isFinite(t) && t > now - longest)
		.sort((a, b) => a - b)
		.slice(-keep);
}

/** Lowers each window's limit to at most `perMinute` sends a minute when a user asks for slower sending. */
export function capPerMinute(windows: readonly RateWindow[], perMinute: number | undefined): RateWindow[] {
	if (perMinute === undefined || !Number.isFinite(perMinute) || perMinute <= 0) return [...windows];
	const cap = Math.max(1, Math.floor(perMinute));
	const capped = windows.map((w) => (w.windowMs === 60_000 ? { ...w, limit: Math.min(w.limit, cap) } : { ...w }));
	if (!capped.some((w) => w.windowMs === 60_000)) capped.push({ limit: cap, windowMs: 60_000 });
	return capped;
}
