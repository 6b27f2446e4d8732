/**
 * The digest's days in the shop's time zone, with date-fns 4 and @date-fns/tz (the design's
 * date library, issue 10): the report day (default: yesterday), the 7 days before it (the
 * 7-day average), the same weekday last week (report day − 7), and the look-back that decides
 * whether a buyer bought before. Every day is [its local midnight, the next local midnight):
 * `addDays` on a TZDate moves the wall-clock date, so a day of a DST change is 23 or 25 hours
 * long, never a fixed 86,400,000 ms (date-fns docs, "Time zones": https://date-fns.org/docs/Time-Zones).
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay, startOfDay, subDays } from 'date-fns';

import { UserInputError } from '../errors';
import { EARLIEST_TIMESTAMP_MS, isoDateToDayNumber, MAX_AHEAD_MS } from '../time';

/** Days before the report day that make the average (and hold the same weekday last week). */
export const AVERAGE_DAYS = 7;

export interface DigestCalendar {
	/** The report day, YYYY-MM-DD in the shop's time zone. */
	reportDate: string;
	/** ISO weekday of the report day: 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** YYYY-MM-DD of the day `offset` days from the report day (−7 = same weekday last week). */
	dateOf(offset: number): string;
	/** Epoch ms of the local midnight starting the day `offset` days from the report day. */
	startOf(offset: number): number;
}

/**
 * `reportDate` YYYY-MM-DD, or undefined for yesterday as seen at `now` in `timeZone`. Throws a
 * UserInputError for a date that is no calendar date or lies outside 2000-01-01 … today.
 */
export function digestCalendar(timeZone: string, reportDate: string | undefined, now: number): DigestCalendar {
	let report: TZDate;
	if (reportDate === undefined) {
		report = subDays(startOfDay(new TZDate(now, timeZone)), 1);
	} else {
		if (Number.isNaN(isoDateToDayNumber(reportDate))) {
			throw new UserInputError(`Report Day "${reportDate}" is not a calendar date YYYY-MM-DD`, {
				field: 'reportDate',
				expected: 'a date YYYY-MM-DD, or empty for yesterday',
			});
		}
		const [year, month, day] = reportDate.split('-').map(Number);
		report = new TZDate(year, month - 1, day, timeZone);
		if (report.getTime() < EARLIEST_TIMESTAMP_MS || report.getTime() > now + MAX_AHEAD_MS) {
			throw new UserInputError(`Report Day "${reportDate}" is outside 2000-01-01 … today`, {
				field: 'reportDate',
				expected: 'a day from 2000-01-01 up to today, or empty for yesterday',
			});
		}
	}
	const dayAt = (offset: number) => addDays(report, offset);
	return {
		reportDate: format(report, 'yyyy-MM-dd'),
		weekday: getISODay(report),
		dateOf: (offset) => format(dayAt(offset), 'yyyy-MM-dd'),
		startOf: (offset) => dayAt(offset).getTime(),
	};
}
