/**
 * Reads the timestamps users bring. The data model writes ISO-8601 with an offset
 * (2026-03-01T09:30:00+08:00); exports from shop back-ends and spreadsheets often carry
 * wall-clock times without one (2026-03-01 09:30:00, or just 2026-03-01). Those are read
 * as wall-clock time in the shop's time zone — the zone the user picked for day
 * boundaries — rather than the server's, which would silently shift every day boundary.
 */
import { parseDayNumber } from './dayNumber';
import { createOffsetLookup } from './zonedDay';

const WITH_OFFSET =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

export const TIMESTAMP_EXPECTED =
	'an ISO-8601 date-time such as 2026-03-01T09:30:00+08:00 (or 2026-03-01 09:30:00, read in the chosen time zone)';

/** Returns a parser: string → epoch ms, or NaN when the text is not a valid timestamp. */
export function createTimestampParser(timeZone: string): (text: string) => number {
	const offsetAt = createOffsetLookup(timeZone);
	return (text) => {
		if (WITH_OFFSET.test(text)) {
			// Date.parse checks each field's range, not the calendar: it reads 2026-04-31T10:00Z
			// as 1 May. The wall-clock form below is checked day by day; this one must be too.
			if (Number.isNaN(parseDayNumber(text.slice(0, 10))) || Number(text.slice(11, 13)) > 23) return NaN;
			return Date.parse(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
		}
		const m = WALL_CLOCK.exec(text);
		if (!m) return NaN;
		const [, y, mo, d, hh = '0', mi = '0', ss = '0', frac = '0'] = m;
		const month = Number(mo);
		const day = Number(d);
		const hour = Number(hh);
		const minute = Number(mi);
		const second = Number(ss);
		if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
			return NaN;
		}
		const wallAsUtc = Date.UTC(
			Number(y),
			month - 1,
			day,
			hour,
			minute,
			second,
			Number(frac.slice(0, 3).padEnd(3, '0')),
		);
		// Reject dates like 2026-02-30, which Date.UTC would roll into March.
		if (new Date(wallAsUtc).getUTCDate() !== day) return NaN;
		// The offset at the wall-clock instant read as UTC is right except within hours of a
		// zone transition; one correction step settles it.
		const guess = wallAsUtc - offsetAt(wallAsUtc);
		return wallAsUtc - offsetAt(guess);
	};
}
