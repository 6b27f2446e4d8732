/**
 * Traffic items as Visitor Value reads them: the model's TrafficRecord fields (date, channel,
 * visitors), forgiving where exports differ without ambiguity — numbers as text ("1,024" is
 * not accepted, "1024" is), a date-time instead of a date (its day in the shop's time zone),
 * and any grouping field in place of the channel.
 */
import { z } from 'zod';

import { trafficRecordSchema, type InputIssue } from '../model';
import { COUNT_TEXT, formatLimit, idField, INPUT_LIMITS, MAX_ID_LENGTH, numberFromText } from '../model/coercion';
import {
	createTimestampParser,
	createZonedDayNumber,
	dayNumberToIsoDate,
	EARLIEST_DAY_NUMBER,
	horizonExpected,
	isoDateToDayNumber,
	isWithinHorizon,
	MAX_AHEAD_MS,
} from '../time';
import type { TrafficRow } from './visitorValue';

export const TRAFFIC_FIELDS = ['date', 'group', 'visitors'] as const;

const DATE_EXPECTED = 'a date YYYY-MM-DD (the day of the traffic report)';
const COUNT_EXPECTED = 'a whole number ≥ 0';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `now` is the run's clock: a traffic day must fall from 2000-01-01 to one day after it (see
 * ../time/horizon.ts; a row dated 9999-12-31 used to crash the window's end with a RangeError).
 */
export function trafficRowSchema(timeZone: string, now: number = Date.now()) {
	const parse = createTimestampParser(timeZone);
	const dayOf = createZonedDayNumber(timeZone);
	const lastDay = dayOf(now + MAX_AHEAD_MS);
	return z.object({
		date: z.preprocess(
			(value) => {
				if (typeof value !== 'string') return value;
				const text = value.trim();
				if (DATE_ONLY.test(text)) return dayNumberToIsoDate(isoDateToDayNumber(text)) === text ? text : value;
				const ms = parse(text);
				// A day outside the horizon stays as it was (and is refused below): past 9999 it has no text.
				return Number.isNaN(ms) || !isWithinHorizon(ms, now) ? value : dayNumberToIsoDate(dayOf(ms));
			},
			z
				.string({ invalid_type_error: DATE_EXPECTED, required_error: DATE_EXPECTED })
				.pipe(trafficRecordSchema.shape.date)
				// The model checks the shape only; 2026-02-30 has it but is no day to count visitors on.
				.refine((text) => !Number.isNaN(isoDateToDayNumber(text)), 'a calendar date YYYY-MM-DD, e.g. 2026-03-01')
				.refine((text) => {
					const day = isoDateToDayNumber(text);
					return day >= EARLIEST_DAY_NUMBER && day <= lastDay;
				}, horizonExpected(now)),
		),
		group: idField('channel name', 'a channel name (text)'),
		visitors: z.preprocess(
			numberFromText(COUNT_TEXT),
			z
				.number({ invalid_type_error: COUNT_EXPECTED, required_error: COUNT_EXPECTED })
				.pipe(trafficRecordSchema.shape.visitors)
				.pipe(z.number().max(INPUT_LIMITS.visitors, `a whole number from 0 to ${formatLimit(INPUT_LIMITS.visitors)}`)),
		),
	});
}

const GROUP_EXPECTED = `a channel name (text or number) of at most ${MAX_ID_LENGTH} characters`;

/**
 * An order's channel (or other grouping value) as a group name: text or a number, trimmed;
 * `none` when it is missing or empty. Anything else is refused rather than named by
 * String() — an object used to become the channel "[object Object]".
 */
export function orderGroupOf(value: unknown, itemIndex: number, field: string, none: string): string | InputIssue {
	if (value === undefined || value === null) return none;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value.trim().length > MAX_ID_LENGTH) {
		return { itemIndex, field, value, expected: GROUP_EXPECTED };
	}
	return value.trim() === '' ? none : value.trim();
}

export function toTrafficRow(input: z.output<ReturnType<typeof trafficRowSchema>>): TrafficRow {
	return { date: input.date, group: input.group, visitors: input.visitors };
}
