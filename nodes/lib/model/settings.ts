/**
 * A calculation's settings, parsed by its zod schema (rfm/options.ts, coupons/options.ts,
 * visitorValue/options.ts). The schemas word their messages for the user; the first problem
 * becomes the one UserInputError, with the hint a custom issue carries in `params.hint`.
 */
import { z, type ZodTypeAny } from 'zod';

import { UserInputError } from '../errors';

/** Parses `input` with `schema`; throws a UserInputError naming the first bad setting. */
export function parseSettings<Schema extends ZodTypeAny>(schema: Schema, input: z.input<Schema>): z.output<Schema> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const hint = issue.code === z.ZodIssueCode.custom ? (issue.params?.hint as string | undefined) : undefined;
	throw new UserInputError(issue.message, { field: issue.path.join('.') || undefined, hint });
}

/**
 * A number as the node read it, converted as Number() does (a text "12" from an expression is
 * 12). Its range is the calculation's to check, in the calculation's words.
 */
export const typedNumber = z.unknown().transform((value) => Number(value));

/**
 * Upper bounds of the calculations' number settings (issue 14: a Lookback Window of 1e308 was
 * accepted, and a window that long has no first day in the calendar). Far above any real use;
 * the node descriptions give them as maxValue and the docs' "Limits" sections list them.
 */
export const SETTING_LIMITS = {
	/** A window or horizon in days (RFM Segment, Visitor Value): 100 years, as a customer's recency. */
	days: 36_500,
	/** Reorder Trigger's periods in days: ten years, as its Lookback Window. */
	inventoryDays: 3_660,
	/** A campaign budget: a customer's total spend may reach as much (INPUT_LIMITS.monetary). */
	budget: 1_000_000_000_000,
	/** A per-coupon or per-order amount or cost (INPUT_LIMITS.amount). */
	amount: 1_000_000_000,
	/** An annual rate in percent (a discount rate, a holding cost). */
	annualPercent: 1_000,
} as const;

/**
 * A number setting no larger than `max`, worded "<Setting> is <value>; expected <expected>".
 * Only the upper bound is checked here: NaN and the lower bound keep the checks (and messages)
 * they had, in the schema or the calculation.
 */
export function atMost(displayName: string, max: number, expected: string) {
	return [
		(value: number | null | undefined) => !(typeof value === 'number' && value > max),
		(value: number | null | undefined) => ({ message: `${displayName} is ${value}; expected ${expected}` }),
	] as const;
}
