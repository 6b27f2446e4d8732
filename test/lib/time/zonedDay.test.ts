/**
 * Calendar days in a time zone, checked against Intl (the IANA database) at every hour
 * across DST changes, and wall-clock parsing across a spring-forward gap.
 */
import {
	createTimestampParser,
	createZonedDayNumber,
	createZonedIsoFormatter,
	dayNumberToIsoDate,
	assertTimeZone,
} from '../../../nodes/lib/time';
import { UserInputError } from '../../../nodes/lib/errors';

/** The calendar date Intl gives in a zone; en-CA formats as YYYY-MM-DD. One formatter per zone (making one is the slow part). */
function intlDateIn(timeZone: string): (epochMs: number) => string {
	const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
	return (epochMs) => format.format(epochMs);
}

describe.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC'])('%s', (zone) => {
	it('maps every hour (and half hour) of 2026 to the calendar date Intl gives', () => {
		const dayOf = createZonedDayNumber(zone);
		const intlDate = intlDateIn(zone);
		const start = Date.parse('2026-01-01T00:00:00Z');
		for (let ms = start; ms < start + 366 * 86_400_000; ms += 1_800_000) {
			if (dayNumberToIsoDate(dayOf(ms)) !== intlDate(ms)) {
				throw new Error(`${new Date(ms).toISOString()}: ${dayNumberToIsoDate(dayOf(ms))} vs ${intlDate(ms)}`);
			}
		}
	});
});

it('reads wall-clock times in the zone, including either side of a DST change', () => {
	const parse = createTimestampParser('America/New_York');
	expect(new Date(parse('2026-03-08 01:30')).toISOString()).toBe('2026-03-08T06:30:00.000Z'); // EST
	expect(new Date(parse('2026-03-08 03:30')).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // EDT
	expect(new Date(parse('2026-07-01')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
	expect(parse('2026-07-01T12:00:00+08:00')).toBe(Date.parse('2026-07-01T04:00:00Z'));
	expect(parse('2026-02-29')).toBeNaN();
	expect(parse('1 March')).toBeNaN();
});

it('formats instants with the zone offset', () => {
	expect(createZonedIsoFormatter('Asia/Shanghai')(Date.parse('2026-03-01T01:30:00Z'))).toBe('2026-03-01T09:30:00+08:00');
	expect(createZonedIsoFormatter('America/New_York')(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-01T08:00:00-04:00');
});

it('rejects an unknown zone by name', () => {
	expect(() => assertTimeZone('Asia/Shangai')).toThrow(UserInputError);
});
