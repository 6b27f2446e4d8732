/**
 * The span of time an order or a traffic day may fall in. Why: one stray date poisons a whole
 * run without any error — an order dated 9999-12-31 under Reference = Latest Order makes every
 * customer 2.9 million days lapsed, and a traffic day past 9999-12-30 has no next day to end the
 * window on (issue 14). Shop data starts after 2000 (the platforms this pack reads opened in
 * 2003–2016) and cannot be from the future; a day of slack covers any time zone and a clock a
 * few hours off.
 */

/** 2000-01-01T00:00:00Z. */
export const EARLIEST_TIMESTAMP_MS = Date.UTC(2000, 0, 1);

/** How far after the run's clock a timestamp may be: one day. */
export const MAX_AHEAD_MS = 86_400_000;

/** Day number of 2000-01-01 (days since 1970-01-01). */
export const EARLIEST_DAY_NUMBER = EARLIEST_TIMESTAMP_MS / MAX_AHEAD_MS;

export function isWithinHorizon(epochMs: number, nowMs: number): boolean {
	return epochMs >= EARLIEST_TIMESTAMP_MS && epochMs <= nowMs + MAX_AHEAD_MS;
}

/** What a field outside the horizon should hold, naming the last day accepted. */
export function horizonExpected(nowMs: number): string {
	const last = new Date(nowMs + MAX_AHEAD_MS).toISOString().slice(0, 10);
	return `a time from 2000-01-01 up to one day after now (${last})`;
}
