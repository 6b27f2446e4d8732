/**
 * Reads the timestamps users bring. The data model writes ISO-8601 with an offset
 * (2026-03-01T09:30:00+08:00); exports from shop back-ends and spreadsheets often carry
 * wall-clock times without one (2026-03-01 09:30:00, or just 2026-03-01). Those are read
 * as wall-clock time in the shop's time zone — the zone the user picked for day
 * boundaries — rather than the server's, which would silently shift every day boundary.
 */
import { parseDayNumber, readDayNumber } from './dayNumber';
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
		const fast = parseCanonical(text);
		if (!Number.isNaN(fast)) return fast;
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

const DAY_MS = 86_400_000;

/** Digit at `i` as a number, or NaN when the character is not 0–9. */
function digitAt(text: string, i: number): number {
	const d = text.charCodeAt(i) - 48;
	return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * The form the data model and every shop connector write — 2026-03-01T09:30:00+08:00 (or …Z) —
 * read by character codes, without the regular expressions, slices and Date.parse of the general
 * path: a million orders spent about a second there (docs/nodes/RfmSegment.md, "Scale"). NaN for
 * anything else, including out-of-range fields, which the general path then judges; for the
 * texts it accepts it gives what Date.parse gives (test/lib/time/parseTimestamp.test.ts).
 */
function parseCanonical(text: string): number {
	const length = text.length;
	const zulu = length === 20;
	if (!zulu && length !== 25) return NaN;
	// - - T : : and then Z or ±HH:MM; character codes read in place (no slice, no closure per call)
	if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
	let offsetMinutes = 0;
	const marker = text.charCodeAt(19);
	if (zulu) {
		if (marker !== 90) return NaN;
	} else {
		const sign = marker === 43 ? 1 : marker === 45 ? -1 : 0;
		if (sign === 0 || text.charCodeAt(22) !== 58) return NaN;
		const oh = digitAt(text, 20) * 10 + digitAt(text, 21);
		const om = digitAt(text, 23) * 10 + digitAt(text, 24);
		if (!(oh <= 23 && om <= 59)) return NaN;
		offsetMinutes = sign * (oh * 60 + om);
	}
	const hour = digitAt(text, 11) * 10 + digitAt(text, 12);
	const minute = digitAt(text, 14) * 10 + digitAt(text, 15);
	const second = digitAt(text, 17) * 10 + digitAt(text, 18);
	if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
	const dayNumber = readDayNumber(text);
	if (Number.isNaN(dayNumber)) return NaN;
	return dayNumber * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000;
}
