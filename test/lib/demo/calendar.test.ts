/**
 * The calendar (nodes/lib/demo/calendar.ts): day numbers against JavaScript's own
 * Date.UTC, the festival and New Year shapes, and the window's precomputed text.
 */
import { parseDayNumber } from '../../../nodes/lib/time';
import {
	buildCalendar,
	chineseNewYearEpochDay,
	civilFromEpochDay,
	clockText,
	festivalFactor,
	newYearFactor,
	weekdayOfEpochDay,
} from '../../../nodes/lib/demo/calendar';

const DAY_MS = 86_400_000;

describe('calendar fields of a day number', () => {
	it('agree with Date.UTC over 1900–2100: year, month, day and weekday', () => {
		for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 17 * DAY_MS) {
			const date = new Date(ms);
			const day = ms / DAY_MS;
			expect(civilFromEpochDay(day)).toEqual({
				year: date.getUTCFullYear(),
				month: date.getUTCMonth() + 1,
				day: date.getUTCDate(),
			});
			expect(weekdayOfEpochDay(day)).toBe(date.getUTCDay());
		}
	});

	it('write clock times with two digits', () => {
		expect(clockText(0)).toBe('00:00:00');
		expect(clockText(9 * 3600 + 5 * 60 + 7)).toBe('09:05:07');
		expect(clockText(86399)).toBe('23:59:59');
	});
});

describe('Chinese New Year', () => {
	it('falls on the dates of the lunar calendar (2025-01-29, 2026-02-17)', () => {
		expect(chineseNewYearEpochDay(2025)).toBe(parseDayNumber('2025-01-29'));
		expect(chineseNewYearEpochDay(2026)).toBe(parseDayNumber('2026-02-17'));
		expect(chineseNewYearEpochDay(1990)).toBeUndefined();
	});

	it('always falls between 21 January and 20 February', () => {
		for (let year = 2015; year <= 2035; year++) {
			const { month, day } = civilFromEpochDay(chineseNewYearEpochDay(year)!);
			expect(month === 1 ? day >= 21 : month === 2 && day <= 20).toBe(true);
		}
	});

	it('empties the shop while couriers stop, after a New Year goods rush', () => {
		expect(newYearFactor(-15)).toBeGreaterThan(1);
		expect(newYearFactor(0)).toBeLessThan(0.5);
		expect(newYearFactor(30)).toBe(1);
	});
});

describe('festivals', () => {
	it('Double 11 is the biggest day, 618 the second, an ordinary day 1', () => {
		expect(festivalFactor(11, 11)).toBeGreaterThan(festivalFactor(6, 18));
		expect(festivalFactor(6, 18)).toBeGreaterThan(1.5);
		expect(festivalFactor(8, 5)).toBe(1);
	});
});

describe('buildCalendar', () => {
	const calendar = buildCalendar(42, '2025-12-31', 365);

	it('covers the window ending on endDate, with timestamp prefixes', () => {
		expect(calendar.dates).toHaveLength(365);
		expect(calendar.dates[0]).toBe('2025-01-01');
		expect(calendar.dates[364]).toBe('2025-12-31');
		expect(calendar.timestampPrefixes[10]).toBe('2025-01-11T');
	});

	it('has a demand curve with its running sums', () => {
		expect(calendar.demandCumulative[365]).toBeCloseTo(calendar.demand.reduce((a, b) => a + b, 0), 6);
		const nov11 = calendar.dates.indexOf('2025-11-11');
		const cny = calendar.dates.indexOf('2025-01-29');
		const typical = calendar.dates.indexOf('2025-09-10');
		expect(calendar.demand[nov11]).toBeGreaterThan(3 * calendar.demand[typical]);
		expect(calendar.demand[cny]).toBeLessThan(0.6 * calendar.demand[typical]);
		expect(calendar.festivalPeak[nov11]).toBe(1);
	});

	it("keeps a date's day-to-day noise whichever window holds it; the growth trend runs over the window", () => {
		const shorter = buildCalendar(42, '2025-12-31', 30);
		// Both windows end on the date: same trend (1.15), same noise.
		expect(shorter.demand[29]).toBeCloseTo(calendar.demand[364], 12);
		// 2025-12-02 opens the short window (trend 0.85) and is day 335 of the long one.
		expect(shorter.demand[0] / calendar.demand[335]).toBeCloseTo(0.85 / (0.85 + (0.3 * 335) / 364), 12);
	});
});
