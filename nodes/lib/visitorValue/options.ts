/**
 * Visitor Value's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names), the output the options computeVisitorValue takes
 * but the currency rates, which come with the orders (`VisitorValueSettings` = z.output). No
 * defaults here: they are the node description's. The shift step's range, the window and the
 * end date are checked by computeVisitorValue itself, for every caller.
 */
import { z } from 'zod';

import { atMost, formatLimit, orderStatusSchema, parseSettings, SETTING_LIMITS, typedNumber } from '../model';
import { parseBudgetTable } from './budgetShift';
import type { VisitorValueOptions } from './visitorValue';

const BUDGET_HINT = 'Write one amount per channel, separated by commas, e.g. live=5000, short_video=3000.';

export const visitorValueOptionsSchema = z
	.object({
		/** IANA zone, checked by the caller. */
		timeZone: z.string(),
		/** A date or date-time (its first 10 characters); empty: the latest traffic day. */
		endDate: z.string().nullish(),
		/** Days up to the end date; 0 = all. A fraction is cut to whole days. */
		windowDays: typedNumber
			.refine(...atMost('Window (Days)', SETTING_LIMITS.days, `0 (all days) to ${formatLimit(SETTING_LIMITS.days)} days`))
			.transform((days) => Math.max(0, Math.floor(days || 0))),
		countedStatuses: z.array(orderStatusSchema),
		repeatScope: z.enum(['group', 'anyGroup']),
		/** "live=5000, short_video=3000"; empty: the channels' visitor shares stand in for the spend. */
		currentBudget: z
			.string()
			.nullish()
			.transform((text, ctx) => {
				const trimmed = (text ?? '').trim();
				if (trimmed === '') return undefined;
				const budget = parseBudgetTable(trimmed);
				if (!('badPart' in budget)) return budget;
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `Current Budget per Channel: "${budget.badPart}" is not channel=amount`,
					params: { hint: BUDGET_HINT },
				});
				return z.NEVER;
			}),
		/** Percent of the budget moved per run (20 = 20 %). */
		shiftStepPercent: typedNumber,
	})
	.transform(
		(s): Omit<VisitorValueOptions, 'rateOf'> => ({
			timeZone: s.timeZone,
			endDate: (s.endDate ?? '').trim().slice(0, 10) || undefined,
			windowDays: s.windowDays,
			countedStatuses: s.countedStatuses,
			repeatScope: s.repeatScope,
			currentBudget: s.currentBudget,
			shiftStep: s.shiftStepPercent / 100,
		}),
	);

export type VisitorValueOptionsInput = z.input<typeof visitorValueOptionsSchema>;
export type VisitorValueSettings = z.output<typeof visitorValueOptionsSchema>;

/** Parses Visitor Value's settings; throws a UserInputError naming the first bad one. */
export function parseVisitorValueOptions(input: VisitorValueOptionsInput): VisitorValueSettings {
	return parseSettings(visitorValueOptionsSchema, input);
}
