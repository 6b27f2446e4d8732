/**
 * Clicks per day from single visits (Shlink lists each visit with its time; Bitly counts per
 * day itself). A day is a calendar day in the shop's time zone, so a visit at 23:30 in Shanghai
 * counts for that day, not for the next one in UTC. Pure: no n8n.
 */
import { createZonedDayNumber, formatDayNumber } from '../time';

/**
 * Clicks on each of the `days` days ending with `lastDay` (a day number in the zone), oldest
 * first, days without clicks included as 0; visits outside the range are not counted.
 */
export function clicksPerDay(visitTimes: readonly number[], timeZone: string, lastDay: number, days: number): Array<{ date: string; clicks: number }> {
	const dayOf = createZonedDayNumber(timeZone);
	const first = lastDay - days + 1;
	const counts = new Array<number>(days).fill(0);
	for (const at of visitTimes) {
		const day = dayOf(at);
		if (day >= first && day <= lastDay) counts[day - first] += 1;
	}
	return counts.map((clicks, i) => ({ date: formatDayNumber(first + i), clicks }));
}
