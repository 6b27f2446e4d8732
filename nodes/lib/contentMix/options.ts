/**
 * Content Mix's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names; a parameter the operation does not show is left
 * out), the output what the calculations take. No defaults here: they are the node
 * description's.
 */
import { z } from 'zod';

import { orderStatusSchema, parseSettings, typedNumber } from '../model';
import { isoDateToDayNumber } from '../time';
import { parseKeywordRules } from './classify';
import { parseTargetMix } from './pillars';
import { MAX_PLANNED_POSTS, parseTimeSlots, WEEKDAYS } from './schedule';

/** A dateTime parameter's day (its first 10 characters); empty: undefined. */
const optionalDay = (name: string) =>
	z
		.string()
		.nullish()
		.transform((text, ctx) => {
			const day = (text ?? '').trim().slice(0, 10);
			if (day === '') return undefined;
			if (Number.isNaN(isoDateToDayNumber(day))) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name}: "${text}" is not a date` });
				return z.NEVER;
			}
			return day;
		});

/** Runs a parser that throws UserInputError inside zod, keeping its message and hint. */
function parsedBy<T>(parse: (value: string) => T) {
	return (text: string, ctx: z.RefinementCtx): T => {
		try {
			return parse(text);
		} catch (error) {
			const { message, hint } = error as { message: string; hint?: string };
			ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { hint } });
			return z.NEVER;
		}
	};
}

export const contentMixOptionsSchema = z
	.object({
		operation: z.enum(['classify', 'audit', 'plan']),
		timeZone: z.string(),
		pillarSource: z.enum(['field', 'keywords']),
		keywordRules: z
			.array(z.object({ pillar: z.unknown(), keywords: z.unknown() }))
			.optional()
			.transform((rules, ctx) => (rules === undefined ? undefined : parsedBy(() => parseKeywordRules(rules))('', ctx))),
		unmatchedPillar: z
			.string()
			.optional()
			.transform((text) => (text === undefined ? undefined : text.trim() || 'other')),
		targetMix: z.string().optional().transform((text, ctx) => (text === undefined ? undefined : parsedBy(parseTargetMix)(text, ctx))),
		windowDays: typedNumber
			.optional()
			.refine((days) => days === undefined || (Number.isFinite(days) && days >= 0 && days <= 36_500), 'Window (Days): a number of days from 0 to 36,500')
			.transform((days) => (days === undefined ? undefined : Math.floor(days))),
		endDate: optionalDay('End Date'),
		countedStatuses: z.array(orderStatusSchema).optional(),
		postsToPlan: typedNumber
			.optional()
			.refine(
				(n) => n === undefined || (Number.isInteger(n) && n >= 1 && n <= MAX_PLANNED_POSTS),
				`Posts to Plan: a whole number from 1 to ${MAX_PLANNED_POSTS.toLocaleString('en-US')}`,
			),
		planStartDate: optionalDay('Plan Start Date'),
		postingDays: z.array(z.enum(WEEKDAYS)).optional(),
		timeSlots: z.string().optional().transform((text, ctx) => (text === undefined ? undefined : parsedBy(parseTimeSlots)(text, ctx))),
		noTwoPromotionsInRow: z.boolean().optional(),
		promotionPillar: z.string().optional().transform((text) => (text === undefined ? undefined : text.trim() || undefined)),
	});

export type ContentMixOptionsInput = z.input<typeof contentMixOptionsSchema>;
export type ContentMixSettings = z.output<typeof contentMixOptionsSchema>;

/** Parses Content Mix's settings; throws a UserInputError naming the first bad one. */
export function parseContentMixOptions(input: ContentMixOptionsInput): ContentMixSettings {
	return parseSettings(contentMixOptionsSchema, input);
}
