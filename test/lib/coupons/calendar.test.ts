/** Campaign dates: periods, validity in the shop's time zone, birthday windows, member days. */
import {
	birthdayInWindow,
	couponValidity,
	nextMemberDay,
	parseBirthday,
	periodKey,
	periodLastDate,
} from '../../../nodes/lib/coupons';
import { UserInputError } from '../../../nodes/lib/errors';

describe('periods', () => {
	it.each([
		['2026-07-01', 'campaign', 'all'],
		['2026-07-01', 'month', '2026-07'],
		['2026-07-01', 'day', '2026-07-01'],
		// ISO-8601 weeks: 2026-01-01 is a Thursday, so it is in week 1 of 2026.
		['2026-01-01', 'week', '2026-W01'],
		['2025-12-29', 'week', '2026-W01'],
		['2025-12-28', 'week', '2025-W52'],
		// 2021-01-03 (Sunday) still belongs to week 53 of 2020; 2020-12-31 too.
		['2021-01-03', 'week', '2020-W53'],
		['2020-12-31', 'week', '2020-W53'],
		['2021-01-04', 'week', '2021-W01'],
		['2026-07-01', 'week', '2026-W27'],
	] as const)('%s, %s → %s', (date, kind, expected) => {
		expect(periodKey(date, kind)).toBe(expected);
	});
});

describe('the last day of a period', () => {
	// Weeks: ISO 8601 week dates, as Python's datetime.date.fromisocalendar(year, week, 7) gives
	// them (an independent implementation); 2020-W53-7 = 2021-01-03 is also Wikipedia's
	// "ISO week date" example. 2026 starts on a Thursday, so it has a week 53; 2025 has not.
	it.each([
		['2026-12', '2026-12-31'],
		['2026-02', '2026-02-28'],
		['2028-02', '2028-02-29'],
		['2026-04', '2026-04-30'],
		['2026-W01', '2026-01-04'],
		['2026-W27', '2026-07-05'],
		['2020-W53', '2021-01-03'],
		['2026-W53', '2027-01-03'],
		['2026-07-01', '2026-07-01'],
	])('%s ends on %s', (period, last) => {
		expect(periodLastDate(period)).toBe(last);
	});

	it('a one-off campaign ("all") has none; neither has a text that is no period', () => {
		expect(periodLastDate('all')).toBeNull();
		expect(periodLastDate('2025-W53')).toBeNull();
		expect(periodLastDate('2026-13')).toBeNull();
		expect(periodLastDate('2026-02-30')).toBeNull();
		expect(periodLastDate('')).toBeNull();
	});

	it('every day of 2020–2028 lies in a week and a month that end on or after it, within 6 and 30 days', () => {
		for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2029, 0, 1); day += 86_400_000) {
			const date = new Date(day).toISOString().slice(0, 10);
			const weekEnd = periodLastDate(periodKey(date, 'week'))!;
			const monthEnd = periodLastDate(periodKey(date, 'month'))!;
			const daysTo = (end: string) => (Date.parse(end) - day) / 86_400_000;
			expect(daysTo(weekEnd)).toBeGreaterThanOrEqual(0);
			expect(daysTo(weekEnd)).toBeLessThanOrEqual(6);
			expect(new Date(Date.parse(weekEnd)).getUTCDay()).toBe(0);
			expect(daysTo(monthEnd)).toBeGreaterThanOrEqual(0);
			expect(daysTo(monthEnd)).toBeLessThanOrEqual(30);
			expect(new Date(Date.parse(monthEnd) + 86_400_000).getUTCDate()).toBe(1);
		}
	});
});

describe('validity', () => {
	it('runs from 00:00 of the first day to 23:59:59 of the last, with the zone offset', () => {
		expect(couponValidity('2026-07-01', 14, 'Asia/Shanghai')).toEqual({
			validFrom: '2026-07-01T00:00:00+08:00',
			validUntil: '2026-07-14T23:59:59+08:00',
			validFromDate: '2026-07-01',
			validUntilDate: '2026-07-14',
		});
	});

	it('follows daylight saving time where the shop has it', () => {
		// Berlin moves to CEST on 2026-03-29.
		expect(couponValidity('2026-03-28', 2, 'Europe/Berlin')).toMatchObject({
			validFrom: '2026-03-28T00:00:00+01:00',
			validUntil: '2026-03-29T23:59:59+02:00',
		});
		expect(couponValidity('2026-12-31', 1, 'America/Los_Angeles').validUntil).toBe('2026-12-31T23:59:59-08:00');
	});
});

describe('birthdays', () => {
	it.each([
		['1990-03-05', { month: 3, day: 5 }],
		['--03-05', { month: 3, day: 5 }],
		['03-05', { month: 3, day: 5 }],
		['2000-02-29', { month: 2, day: 29 }],
		['--02-29', { month: 2, day: 29 }],
		['1990-03-05T00:00:00+08:00', { month: 3, day: 5 }],
	])('reads %s', (text, expected) => {
		expect(parseBirthday(text)).toEqual(expected);
	});

	it.each(['1990-02-29', '--02-30', '13-01', 'yesterday', '', 19900305])('rejects %p', (value) => {
		expect(parseBirthday(value)).toBeUndefined();
	});

	it('birthday month: same calendar month as the campaign date', () => {
		expect(birthdayInWindow({ month: 7, day: 30 }, '2026-07-01', { kind: 'month' })).toEqual({ date: '2026-07-30', daysAway: 29 });
		expect(birthdayInWindow({ month: 8, day: 1 }, '2026-07-01', { kind: 'month' })).toBeUndefined();
	});

	it('birthday ± N days, across the turn of the year', () => {
		const window = { kind: 'days', days: 7 } as const;
		expect(birthdayInWindow({ month: 1, day: 2 }, '2026-12-30', window)).toEqual({ date: '2027-01-02', daysAway: 3 });
		expect(birthdayInWindow({ month: 12, day: 28 }, '2027-01-03', window)).toEqual({ date: '2026-12-28', daysAway: -6 });
		expect(birthdayInWindow({ month: 7, day: 8 }, '2026-07-01', window)).toEqual({ date: '2026-07-08', daysAway: 7 });
		expect(birthdayInWindow({ month: 7, day: 9 }, '2026-07-01', window)).toBeUndefined();
		expect(birthdayInWindow({ month: 7, day: 1 }, '2026-07-01', { kind: 'days', days: 0 })).toEqual({ date: '2026-07-01', daysAway: 0 });
		expect(birthdayInWindow({ month: 7, day: 1 }, '2026-07-01', { kind: 'off' })).toBeUndefined();
	});

	it('29 February is celebrated on the 28th in other years', () => {
		expect(birthdayInWindow({ month: 2, day: 29 }, '2026-02-27', { kind: 'days', days: 1 })).toEqual({ date: '2026-02-28', daysAway: 1 });
		expect(birthdayInWindow({ month: 2, day: 29 }, '2028-02-27', { kind: 'days', days: 1 })).toBeUndefined();
		expect(birthdayInWindow({ month: 2, day: 29 }, '2028-02-27', { kind: 'days', days: 2 })).toEqual({ date: '2028-02-29', daysAway: 2 });
	});
});

describe('member day', () => {
	it.each([
		['2026-07-01', 8, '2026-07-08'],
		['2026-07-08', 8, '2026-07-08'],
		['2026-07-09', 8, '2026-08-08'],
		['2026-12-20', 8, '2027-01-08'],
		// Member day 31 falls on the month's last day in shorter months.
		['2026-04-02', 31, '2026-04-30'],
		['2026-02-01', 30, '2026-02-28'],
		['2028-02-01', 31, '2028-02-29'],
	])('from %s, member day %d → %s', (date, day, expected) => {
		expect(nextMemberDay(date, day)).toBe(expected);
	});

	it('rejects a day outside 1–31', () => {
		expect(() => nextMemberDay('2026-07-01', 0)).toThrow(UserInputError);
		expect(() => nextMemberDay('2026-07-01', 32)).toThrow(/from 1 to 31/);
	});
});
