/**
 * The demo shop's calendar: the days of the window as precomputed text, and how busy each
 * day and hour is. Orders, daily sales and content posts all read the same demand curve,
 * so a peak on 11 November shows up in every dataset.
 *
 * Dates are day numbers (days since 1970-01-01, ../time/dayNumber.ts), converted to
 * text once per window day, so no Date or Intl object is created per order; timestamps are
 * written as wall-clock time in Asia/Shanghai, which has had no daylight saving since
 * 1991: always +08:00.
 */
import { formatDayNumber, parseDayNumber } from '../time';
import { createRng } from './random';

export const SHOP_UTC_OFFSET = '+08:00';

export interface CivilDate {
	year: number;
	month: number;
	day: number;
}

/** Day number → year, month, day (through the inventory library's Hinnant civil_from_days). */
export function civilFromEpochDay(epochDay: number): CivilDate {
	const text = formatDayNumber(epochDay);
	return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) };
}

/** Two-digit text of 0–99, for building timestamps without padStart per value. */
export const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): number {
	return (((epochDay + 4) % 7) + 7) % 7;
}

/**
 * First day of the Chinese New Year (春节), Gregorian date, from the Hong Kong Observatory's
 * Gregorian–Lunar calendar conversion tables. Outside these years the New Year dip is left out.
 */
const CHINESE_NEW_YEAR: Record<number, string> = {
	2015: '2015-02-19',
	2016: '2016-02-08',
	2017: '2017-01-28',
	2018: '2018-02-16',
	2019: '2019-02-05',
	2020: '2020-01-25',
	2021: '2021-02-12',
	2022: '2022-02-01',
	2023: '2023-01-22',
	2024: '2024-02-10',
	2025: '2025-01-29',
	2026: '2026-02-17',
	2027: '2027-02-06',
	2028: '2028-01-26',
	2029: '2029-02-13',
	2030: '2030-02-03',
	2031: '2031-01-23',
	2032: '2032-02-11',
	2033: '2033-01-31',
	2034: '2034-02-19',
	2035: '2035-02-08',
};

export function chineseNewYearEpochDay(year: number): number | undefined {
	const date = CHINESE_NEW_YEAR[year];
	return date === undefined ? undefined : parseDayNumber(date);
}

/** Mon–Sun relative demand: weekends are the busiest shopping days on Chinese platforms. */
const WEEKDAY_FACTOR = [1.22, 0.9, 0.92, 0.95, 0.97, 1.06, 1.28]; // Sun … Sat

/**
 * Relative demand of a calendar day from the platform sales festivals:
 * 38 女王节, 520, 618 (presale from late May, peak on 18 June, lull after), Double 11
 * (presale from ~20 Oct, first wave 31 Oct–3 Nov, wait-for-the-day lull, peak on 11 Nov),
 * Double 12. The shape is the familiar one of these festivals; the sizes are illustrative,
 * not measured.
 */
export function festivalFactor(month: number, day: number): number {
	if (month === 3 && (day === 7 || day === 8)) return 1.5;
	if (month === 5 && day === 20) return 1.3;
	if (month === 5 && day >= 25) return day === 31 ? 1.6 : 1.1;
	if (month === 6) {
		if (day === 1) return 1.9;
		if (day <= 15) return 1.25;
		if (day <= 17) return 1.7;
		if (day === 18) return 3.2;
		if (day <= 21) return 0.8;
	}
	if (month === 10 && day >= 20) return day === 31 ? 2.2 : 1.15;
	if (month === 11) {
		if (day <= 3) return 1.8;
		if (day <= 9) return 0.92;
		if (day === 10) return 1.6;
		if (day === 11) return 5;
		if (day === 12) return 1.3;
		if (day <= 20) return 0.85;
	}
	if (month === 12) {
		if (day === 10 || day === 11) return 1.2;
		if (day === 12) return 1.8;
	}
	return 1;
}

/**
 * Relative demand around the Chinese New Year, by days from its first day: the New Year
 * goods festival (年货节) before couriers stop, then the holiday trough while logistics
 * are closed, then a slow restart.
 */
export function newYearFactor(daysFromNewYear: number): number {
	const k = daysFromNewYear;
	if (k >= -20 && k <= -9) return 1.15;
	if (k >= -8 && k <= -4) return 0.7;
	if (k >= -3 && k <= 6) return 0.35;
	if (k >= 7 && k <= 12) return 0.65;
	return 1;
}

/**
 * Price factor of the platform-wide promotions (满减 / 直降 on the big festivals): the
 * unit price a buyer pays on that day, relative to the list price.
 */
export function promotionPriceFactor(month: number, day: number, daysFromNewYear: number): number {
	if ((month === 5 && day >= 31) || (month === 6 && day <= 18)) return 0.85;
	if ((month === 10 && day >= 31) || (month === 11 && day <= 11)) return 0.8;
	if (month === 12 && day === 12) return 0.9;
	if (daysFromNewYear >= -20 && daysFromNewYear <= -9) return 0.92;
	return 1;
}

/** Orders by hour of day (Asia/Shanghai): lunch bump, evening peak 20–22 h. */
const HOUR_WEIGHTS = [
	0.6, 0.3, 0.15, 0.1, 0.08, 0.1, 0.25, 0.5, 0.8, 1, 1.1, 1.1, 1.3, 1.2, 1, 1, 1, 1.1, 1.3, 1.6, 2, 2.3, 2, 1.3,
];
/** Live-stream orders come while the streams run, mostly 19–24 h. */
const LIVE_HOUR_WEIGHTS = [
	0.8, 0.3, 0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.4, 0.8, 0.8, 0.6, 0.6, 0.8, 0.8, 0.6, 0.6, 0.8, 2.5, 4, 4.5, 4, 2.2,
];
/** On 618 and Double 11 the first hour after midnight is a rush (付尾款 / 零点开抢). */
const FESTIVAL_PEAK_HOUR_WEIGHTS = HOUR_WEIGHTS.map((w, hour) => (hour === 0 ? w * 10 : w));

function hourCumulative(weights: readonly number[]): Float64Array {
	const cum = new Float64Array(25);
	for (let h = 0; h < 24; h++) cum[h + 1] = cum[h] + weights[h];
	return cum;
}

export const HOUR_CUMULATIVE = {
	normal: hourCumulative(HOUR_WEIGHTS),
	live: hourCumulative(LIVE_HOUR_WEIGHTS),
	festivalPeak: hourCumulative(FESTIVAL_PEAK_HOUR_WEIGHTS),
} as const;

export interface DemoCalendar {
	days: number;
	/** Day number of the first and last day of the window. */
	startEpochDay: number;
	endEpochDay: number;
	/** 'YYYY-MM-DD' of each window day (index 0 = first day). */
	dates: string[];
	/** 'YYYY-MM-DDT' of each window day: a timestamp is this + 'hh:mm:ss+08:00'. */
	timestampPrefixes: string[];
	month: Uint8Array;
	dayOfMonth: Uint8Array;
	weekday: Uint8Array;
	/** Days from that year's Chinese New Year (NaN when unknown). */
	daysFromNewYear: Float64Array;
	/** Relative demand of the day (weekday × festival × New Year × trend × noise). */
	demand: Float64Array;
	/** Running sums of demand with a leading 0, for drawing days in proportion to demand. */
	demandCumulative: Float64Array;
	/** Price factor of platform promotions on the day. */
	promotionPrice: Float64Array;
	/** 18 June and 11 November: the midnight rush applies. */
	festivalPeak: Uint8Array;
}

/**
 * Builds the window's calendar. The day-to-day noise is drawn from a stream per calendar
 * date, so a date keeps its value when the window is moved or resized.
 */
export function buildCalendar(seed: number, endDate: string, days: number): DemoCalendar {
	const endEpochDay = parseDayNumber(endDate);
	const startEpochDay = endEpochDay - days + 1;
	const calendar: DemoCalendar = {
		days,
		startEpochDay,
		endEpochDay,
		dates: new Array<string>(days),
		timestampPrefixes: new Array<string>(days),
		month: new Uint8Array(days),
		dayOfMonth: new Uint8Array(days),
		weekday: new Uint8Array(days),
		daysFromNewYear: new Float64Array(days),
		demand: new Float64Array(days),
		demandCumulative: new Float64Array(days + 1),
		promotionPrice: new Float64Array(days),
		festivalPeak: new Uint8Array(days),
	};
	for (let d = 0; d < days; d++) {
		const epochDay = startEpochDay + d;
		const date = formatDayNumber(epochDay);
		const year = Number(date.slice(0, 4));
		const month = Number(date.slice(5, 7));
		const day = Number(date.slice(8, 10));
		const newYear = chineseNewYearEpochDay(year);
		const fromNewYear = newYear === undefined ? NaN : epochDay - newYear;
		const weekday = weekdayOfEpochDay(epochDay);
		// A shop growing ~35% over the window: later days are busier.
		const trend = days > 1 ? 0.85 + 0.3 * (d / (days - 1)) : 1;
		const noise = createRng(seed, 'day', epochDay).lognormal(0, 0.08);
		calendar.dates[d] = date;
		calendar.timestampPrefixes[d] = `${date}T`;
		calendar.month[d] = month;
		calendar.dayOfMonth[d] = day;
		calendar.weekday[d] = weekday;
		calendar.daysFromNewYear[d] = fromNewYear;
		calendar.demand[d] =
			WEEKDAY_FACTOR[weekday] *
			festivalFactor(month, day) *
			(Number.isNaN(fromNewYear) ? 1 : newYearFactor(fromNewYear)) *
			trend *
			noise;
		calendar.demandCumulative[d + 1] = calendar.demandCumulative[d] + calendar.demand[d];
		calendar.promotionPrice[d] = promotionPriceFactor(month, day, fromNewYear);
		calendar.festivalPeak[d] = (month === 6 && day === 18) || (month === 11 && day === 11) ? 1 : 0;
	}
	return calendar;
}

/** Seconds since midnight → 'hh:mm:ss'. */
export function clockText(secondOfDay: number): string {
	const hour = Math.floor(secondOfDay / 3600);
	const minute = Math.floor((secondOfDay % 3600) / 60);
	return `${PAD2[hour]}:${PAD2[minute]}:${PAD2[secondOfDay % 60]}`;
}
