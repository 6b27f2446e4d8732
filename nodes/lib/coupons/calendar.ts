/**
 * Dates of a coupon campaign, all as calendar days in the shop's time zone:
 * - the period a code belongs to (one coupon per customer per period);
 * - the validity window (from 00:00:00 of the first day to 23:59:59 of the last);
 * - the date-window benefits: birthday month or birthday ± N days, and the member day
 *   (会员日, e.g. the 8th of every month).
 */
import { createTimestampParser, createZonedIsoFormatter, dayNumberToIsoDate, isoDateToDayNumber } from '../time';
import { UserInputError } from '../errors';

export const PERIODS = ['campaign', 'month', 'week', 'day'] as const;
export type PeriodKind = (typeof PERIODS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `date` is a real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
	return ISO_DATE.test(date) && dayNumberToIsoDate(isoDateToDayNumber(date)) === date;
}

/** What is wrong with a date that is not a calendar date, `what` naming it. */
export function notACalendarDate(date: string, what: string): string {
	return `${what} "${date}" is not a calendar date YYYY-MM-DD, e.g. 2026-07-01`;
}

/** Throws UserInputError unless `date` is a real calendar date YYYY-MM-DD. */
export function assertIsoDate(date: string, what: string): void {
	if (!isCalendarDate(date)) throw new UserInputError(notACalendarDate(date, what));
}

/**
 * The period of a campaign date: "all" for a one-off campaign, "2026-07" for a month,
 * "2026-W27" for an ISO-8601 week (weeks start on Monday; week 1 holds the year's first
 * Thursday), "2026-07-01" for a day.
 */
export function periodKey(date: string, kind: PeriodKind): string {
	switch (kind) {
		case 'campaign':
			return 'all';
		case 'month':
			return date.slice(0, 7);
		case 'day':
			return date;
		case 'week': {
			const day = isoDateToDayNumber(date);
			// 1970-01-01 (day 0) was a Thursday: Monday-based weekday = (day + 3) mod 7.
			const weekday = (((day + 3) % 7) + 7) % 7;
			const thursday = day - weekday + 3;
			const year = Number(dayNumberToIsoDate(thursday).slice(0, 4));
			const week = Math.floor((thursday - isoDateToDayNumber(`${year}-01-01`)) / 7) + 1;
			return `${year}-W${String(week).padStart(2, '0')}`;
		}
	}
}

/**
 * The last calendar day of a period key (periodKey's output): the month's last day, the ISO
 * week's Sunday, the day itself; null for "all" (a one-off campaign has no end) and for a text
 * that is not a period key.
 */
export function periodLastDate(period: string): string | null {
	const month = /^(\d{4})-(\d{2})$/.exec(period);
	if (month) {
		const [year, m] = [Number(month[1]), Number(month[2])];
		if (m < 1 || m > 12) return null;
		const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
		return dayNumberToIsoDate(isoDateToDayNumber(next) - 1);
	}
	const week = /^(\d{4})-W(\d{2})$/.exec(period);
	if (week) {
		// ISO 8601: week 1 is the week with the year's first Thursday, i.e. the one holding 4 January.
		const jan4 = isoDateToDayNumber(`${week[1]}-01-04`);
		const mondayOfWeek1 = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
		const sunday = mondayOfWeek1 + (Number(week[2]) - 1) * 7 + 6;
		const last = dayNumberToIsoDate(sunday);
		return periodKey(last, 'week') === period ? last : null;
	}
	return isCalendarDate(period) ? period : null;
}

export interface Validity {
	validFrom: string;
	validUntil: string;
	validFromDate: string;
	validUntilDate: string;
}

/** From 00:00:00 of `firstDate` to 23:59:59 of its `daysValid`-th day, with the zone's offsets. */
export function couponValidity(firstDate: string, daysValid: number, timeZone: string): Validity {
	const parse = createTimestampParser(timeZone);
	const format = createZonedIsoFormatter(timeZone);
	const lastDate = dayNumberToIsoDate(isoDateToDayNumber(firstDate) + daysValid - 1);
	return {
		validFrom: format(parse(firstDate)),
		validUntil: format(parse(`${lastDate} 23:59:59`)),
		validFromDate: firstDate,
		validUntilDate: lastDate,
	};
}

export interface MonthDay {
	month: number;
	day: number;
}

const BIRTHDAY = /^(?:(\d{4})-|--|-)?(\d{2})-(\d{2})(?:[T ].*)?$/;

/**
 * A birthday as the data model writes it (YYYY-MM-DD or --MM-DD), also MM-DD or a date-time;
 * undefined when it is not a possible month and day (Feb 29 is possible).
 */
export function parseBirthday(value: unknown): MonthDay | undefined {
	if (typeof value !== 'string') return undefined;
	const m = BIRTHDAY.exec(value.trim());
	if (!m) return undefined;
	const month = Number(m[2]);
	const day = Number(m[3]);
	const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	if (!longest || day < 1 || day > longest) return undefined;
	if (m[1] !== undefined) {
		// With a year, the date must exist in that year (1990-02-29 does not).
		const date = `${m[1]}-${m[2]}-${m[3]}`;
		if (dayNumberToIsoDate(isoDateToDayNumber(date)) !== date) return undefined;
	}
	return { month, day };
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The birthday in a given year; 29 February is kept on the 28th in other years. */
function birthdayIn(year: number, { month, day }: MonthDay): number {
	const d = month === 2 && day === 29 && !isLeap(year) ? 28 : day;
	return isoDateToDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

export type BirthdayWindow = { kind: 'off' } | { kind: 'month' } | { kind: 'days'; days: number };

export interface BirthdayMatch {
	/** The birthday occurrence the window matched, YYYY-MM-DD. */
	date: string;
	/** Days from the campaign date to that birthday (negative: just passed). */
	daysAway: number;
}

/**
 * Whether a birthday falls in the window around the campaign date: in the same calendar month,
 * or within ±N days (the nearest occurrence, looking at last, this and next year, so a
 * 2 January birthday is 3 days from 30 December).
 */
export function birthdayInWindow(
	birthday: MonthDay,
	campaignDate: string,
	window: BirthdayWindow,
): BirthdayMatch | undefined {
	if (window.kind === 'off') return undefined;
	const today = isoDateToDayNumber(campaignDate);
	const year = Number(campaignDate.slice(0, 4));
	if (window.kind === 'month') {
		if (birthday.month !== Number(campaignDate.slice(5, 7))) return undefined;
		const day = birthdayIn(year, birthday);
		return { date: dayNumberToIsoDate(day), daysAway: day - today };
	}
	let best: number | undefined;
	for (const y of [year - 1, year, year + 1]) {
		const day = birthdayIn(y, birthday);
		if (best === undefined || Math.abs(day - today) < Math.abs(best - today)) best = day;
	}
	if (best === undefined || Math.abs(best - today) > window.days) return undefined;
	return { date: dayNumberToIsoDate(best), daysAway: best - today };
}

/**
 * The first member day on or after `date`: day `dayOfMonth` of the month, or the month's last
 * day when the month is shorter (member day 31 falls on 30 April).
 */
export function nextMemberDay(date: string, dayOfMonth: number): string {
	if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
		throw new UserInputError(`Member day must be a day of the month from 1 to 31; got ${dayOfMonth}`);
	}
	let year = Number(date.slice(0, 4));
	let month = Number(date.slice(5, 7));
	const today = isoDateToDayNumber(date);
	for (;;) {
		const monthStart = isoDateToDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
		const nextMonth = month === 12 ? [year + 1, 1] : [year, month + 1];
		const monthEnd = isoDateToDayNumber(`${String(nextMonth[0]).padStart(4, '0')}-${String(nextMonth[1]).padStart(2, '0')}-01`) - 1;
		const candidate = Math.min(monthStart + dayOfMonth - 1, monthEnd);
		if (candidate >= today) return dayNumberToIsoDate(candidate);
		[year, month] = nextMonth;
	}
}
