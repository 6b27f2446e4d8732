/**
 * Calendar dates as day numbers (Hinnant's days_from_civil / civil_from_days).
 * Reference: JavaScript's own Date.UTC, which implements the proleptic Gregorian calendar of
 * ECMA-262 §21.4.1 — used here only as the independent check.
 */
import {
	dayNumberToIsoDate,
	formatDayNumber,
	isoDateToDayNumber,
	MAX_DAY_NUMBER,
	parseDayNumber,
	toDayNumber,
} from '../../../nodes/lib/time';
import * as inventory from '../../../nodes/lib/inventory';

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

	it('refuses to format past year 9999, before year 0000, or a fraction of a day', () => {
		expect(() => formatDayNumber(MAX_DAY_NUMBER + 1)).toThrow(RangeError);
		expect(formatDayNumber(-719528)).toBe('0000-01-01');
		expect(() => formatDayNumber(-719529)).toThrow(RangeError);
		expect(() => formatDayNumber(1.5)).toThrow(RangeError);
		expect(() => formatDayNumber(Infinity)).toThrow(RangeError);
	});

	it('formats NaN as "Invalid Date", so format(parse(text)) === text rejects every NNNN-NN-NN that is not a date', () => {
		expect(formatDayNumber(NaN)).toBe('Invalid Date');
		// Date.parse would roll 2026-02-30 into 2 March (and throw on month 13 in the round trip).
		for (const text of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) {
			expect({ text, valid: formatDayNumber(parseDayNumber(text)) === text }).toEqual({ text, valid: false });
		}
		expect(formatDayNumber(parseDayNumber('2028-02-29'))).toBe('2028-02-29');
	});

	it('is the one implementation: the zoned-day names and the inventory exports are the same functions', () => {
		expect(isoDateToDayNumber).toBe(parseDayNumber);
		expect(dayNumberToIsoDate).toBe(formatDayNumber);
		expect(inventory.parseDayNumber).toBe(parseDayNumber);
		expect(inventory.formatDayNumber).toBe(formatDayNumber);
		expect(inventory.toDayNumber).toBe(toDayNumber);
	});
});
