/**
 * Calendar dates as day numbers (Hinnant's days_from_civil / civil_from_days).
 * Reference: JavaScript's own Date.UTC, which implements the proleptic Gregorian calendar of
 * ECMA-262 §21.4.1 — used here only as the independent check.
 */
import {
	formatDayNumber,
	MAX_DAY_NUMBER,
	parseDayNumber,
	toDayNumber,
} from '../../../nodes/lib/inventory';

const MS_PER_DAY = 86_400_000;

describe('day numbers', () => {
	it.each([
		['1970-01-01', 0],
		['1969-12-31', -1],
		['2000-02-29', 11016],
		['2000-03-01', 11017],
		['2026-03-01', 20513],
		['9999-12-31', MAX_DAY_NUMBER],
	])('%s is day %p since 1970-01-01', (date, day) => {
		expect(parseDayNumber(date)).toBe(day);
		expect(formatDayNumber(day)).toBe(date);
	});

	it('matches Date.UTC for every day from 1899 to 2101, both ways', () => {
		const first = Date.UTC(1899, 0, 1) / MS_PER_DAY;
		const last = Date.UTC(2101, 11, 31) / MS_PER_DAY;
		for (let day = first; day <= last; day++) {
			const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
			if (parseDayNumber(iso) !== day || formatDayNumber(day) !== iso) {
				throw new Error(`mismatch at ${iso}`);
			}
		}
	});

	it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-3-01', '2026/03/01', '', '2026-03-01T00:00'])(
		'rejects %p (NaN, or RangeError from toDayNumber)',
		(text) => {
			expect(parseDayNumber(text)).toBeNaN();
			expect(() => toDayNumber(text)).toThrow(RangeError);
		},
	);

	it('accepts leap days only in leap years (1900 no, 2000 yes, 2024 yes)', () => {
		expect(parseDayNumber('1900-02-29')).toBeNaN();
		expect(parseDayNumber('2000-02-29')).not.toBeNaN();
		expect(parseDayNumber('2024-02-29')).not.toBeNaN();
	});

	it('refuses to format past year 9999', () => {
		expect(() => formatDayNumber(MAX_DAY_NUMBER + 1)).toThrow(RangeError);
	});
});
