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
