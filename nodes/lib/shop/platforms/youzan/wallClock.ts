/**
 * Youzan's times are wall-clock text `yyyy-MM-dd HH:mm:ss` (trades.sold.get request fields,
 * "例:2017-01-01 12:00:00": waywake/youzan-sdk-ts src/api-types/youzan-trades-sold-get-v404.ts).
 * The zone is not written anywhere; Beijing time (Asia/Shanghai) is assumed — UNCONFIRMED
 * (facts §3): the shop's own back end shows these times in China time.
 */
import { createOffsetLookup, createTimestampParser } from '../../../time';

export const YOUZAN_TIME_ZONE = 'Asia/Shanghai';

/** Epoch ms → `2024-03-01 09:30:00` in the zone. */
export function formatWallClock(epochMs: number, timeZone = YOUZAN_TIME_ZONE): string {
	const offset = createOffsetLookup(timeZone)(epochMs);
	return new Date(epochMs + offset).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2024-03-01 09:30:00` in the zone → epoch ms; NaN when it is not such a time. */
export function parseWallClock(text: unknown, timeZone = YOUZAN_TIME_ZONE): number {
	if (typeof text !== 'string' || text.trim() === '') return NaN;
	return createTimestampParser(timeZone)(text.trim());
}
