/**
 * Traffic items as Visitor Value reads them: the model's TrafficRecord fields (date, channel,
 * visitors), forgiving where exports differ without ambiguity — numbers as text ("1,024" is
 * not accepted, "1024" is), a date-time instead of a date (its day in the shop's time zone),
 * and any grouping field in place of the channel.
 */
import { z } from 'zod';

import { trafficRecordSchema } from '../model';
import { COUNT_TEXT, idField, numberFromText } from '../model/coercion';
import { createTimestampParser, createZonedDayNumber, dayNumberToIsoDate, isoDateToDayNumber } from '../time';
import type { TrafficRow } from './visitorValue';

export const TRAFFIC_FIELDS = ['date', 'group', 'visitors'] as const;

const DATE_EXPECTED = 'a date YYYY-MM-DD (the day of the traffic report)';
const COUNT_EXPECTED = 'a whole number ≥ 0';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function trafficRowSchema(timeZone: string) {
	const parse = createTimestampParser(timeZone);
	const dayOf = createZonedDayNumber(timeZone);
	return z.object({
		date: z.preprocess(
			(value) => {
				if (typeof value !== 'string') return value;
				const text = value.trim();
				if (DATE_ONLY.test(text)) return dayNumberToIsoDate(isoDateToDayNumber(text)) === text ? text : value;
				const ms = parse(text);
				return Number.isNaN(ms) ? value : dayNumberToIsoDate(dayOf(ms));
			},
			z
				.string({ invalid_type_error: DATE_EXPECTED, required_error: DATE_EXPECTED })
				.pipe(trafficRecordSchema.shape.date)
				// The model checks the shape only; 2026-02-30 has it but is no day to count visitors on.
				.refine((text) => !Number.isNaN(isoDateToDayNumber(text)), 'a calendar date YYYY-MM-DD, e.g. 2026-03-01'),
		),
		group: idField('channel name', 'a channel name (text)'),
		visitors: z.preprocess(
			numberFromText(COUNT_TEXT),
			z.number({ invalid_type_error: COUNT_EXPECTED, required_error: COUNT_EXPECTED }).pipe(trafficRecordSchema.shape.visitors),
		),
	});
}

export function toTrafficRow(input: z.output<ReturnType<typeof trafficRowSchema>>): TrafficRow {
	return { date: input.date, group: input.group, visitors: input.visitors };
}
