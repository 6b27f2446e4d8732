/**
 * Post items as Content Mix reads them: the model's ContentPost fields (postId, platform,
 * publishedAt, title, views, clicks, linkCode), the pillar (from a field of the user's choice)
 * and, when the user names one, the account. Bounded as the other inputs are (issue 14): ids
 * and texts ≤ 256 characters (titles ≤ 2,000), times within ../time/horizon.ts, counts up to
 * 10^12.
 */
import { z } from 'zod';

import { COUNT_TEXT, formatLimit, idField, INPUT_LIMITS, isBlank, numberFromText } from '../model';
import { createTimestampParser, horizonExpected, isWithinHorizon, TIMESTAMP_EXPECTED } from '../time';

export const POST_FIELDS = ['postId', 'platform', 'publishedAt', 'title', 'views', 'clicks', 'linkCode', 'pillar', 'account'] as const;

/** Longest title read: far above any platform's (Douyin 55 characters, Xiaohongshu 20 + body). */
export const MAX_TITLE_LENGTH = 2000;

const COUNT_EXPECTED = `a whole number from 0 to ${formatLimit(INPUT_LIMITS.visitors)}`;

/** Views or clicks: a whole number ≥ 0 (or its digits as text); missing or empty reads as 0. */
const countField = z.preprocess(
	(value) => (isBlank(value) ? 0 : numberFromText(COUNT_TEXT)(value)),
	z
		.number({ invalid_type_error: COUNT_EXPECTED })
		.int(COUNT_EXPECTED)
		.min(0, COUNT_EXPECTED)
		.max(INPUT_LIMITS.visitors, COUNT_EXPECTED),
);

/** Optional text id (link code, pillar, account): missing or empty reads as undefined. */
function optionalId(what: string) {
	return z.preprocess((value) => (isBlank(value) ? undefined : value), idField(what).optional());
}

export function postInputSchema(timeZone: string, now: number = Date.now()) {
	const parse = createTimestampParser(timeZone);
	return z.object({
		postId: idField('post id'),
		platform: idField('platform name', 'a platform name (text), e.g. douyin'),
		publishedAt: z
			.string({ invalid_type_error: TIMESTAMP_EXPECTED, required_error: TIMESTAMP_EXPECTED })
			.transform((text, ctx) => {
				const ms = parse(text.trim());
				if (Number.isNaN(ms)) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, message: TIMESTAMP_EXPECTED });
					return z.NEVER;
				}
				if (!isWithinHorizon(ms, now)) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, message: horizonExpected(now) });
					return z.NEVER;
				}
				return ms;
			}),
		title: z.preprocess(
			(value) => (value === undefined || value === null ? undefined : typeof value === 'number' ? String(value) : value),
			z
				.string({ invalid_type_error: 'a title (text)' })
				.max(MAX_TITLE_LENGTH, `a title of at most ${formatLimit(MAX_TITLE_LENGTH)} characters`)
				.optional(),
		),
		views: countField,
		clicks: countField,
		linkCode: optionalId('link code'),
		pillar: optionalId('pillar name'),
		account: optionalId('account name'),
	});
}

export type PostInput = z.output<ReturnType<typeof postInputSchema>>;

/**
 * A clicks input's rows: clicks on a tracked link (e.g. a short-link service's report, per day or
 * in total). A row without a link code (an organic post passed along) is nobody's clicks and is
 * left out, as Short Link's Attribute Orders leaves it out: missing or empty reads as undefined.
 */
export const CLICK_FIELDS = ['linkCode', 'clicks'] as const;

export const clickRowSchema = z.object({
	linkCode: optionalId('link code'),
	clicks: countField,
});

/** One post as the audit and the plan read it. */
export interface PostRecord {
	itemIndex: number;
	postId: string;
	platform: string;
	/** The account the post belongs to; undefined when the user names no account field. */
	account: string | undefined;
	publishedAtMs: number;
	pillar: string;
	views: number;
	clicks: number;
	linkCode: string | undefined;
}

