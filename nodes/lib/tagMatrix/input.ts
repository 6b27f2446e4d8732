/**
 * What Tag Matrix reads beyond the order model's core fields (nodes/lib/orders/input.ts, read
 * as RFM Segment reads them): an order's platform, channel, region, coupon and categories; the
 * customer list's segment and region; the reviews. Each validated with zod, so a bad item is an
 * InputIssue naming its field; bounded like the other inputs (issue 14): texts of at most 256
 * characters, a review of at most MAX_REVIEW_LENGTH, at most MAX_LINES lines per order.
 */
import { z } from 'zod';

import { idField, INPUT_LIMITS, MAX_ID_LENGTH, numberField } from '../model';

/** Longest review text read (a long review is a few hundred characters). */
export const MAX_REVIEW_LENGTH = 10_000;
/** Most order lines read for categories. */
export const MAX_LINES = 1_000;

/** A name such as a platform, channel, region or category: text (or a number, as text); empty = none. */
const nameField = (what: string) =>
	z.preprocess(
		(value) => {
			if (typeof value === 'number' && Number.isFinite(value)) return String(value);
			if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
			return value;
		},
		z
			.string({ invalid_type_error: `a ${what} (text)` })
			.trim()
			.max(MAX_ID_LENGTH, `a ${what} of at most ${MAX_ID_LENGTH} characters`)
			.optional(),
	);

const LINE_EXPECTED = `a list of order lines (at most ${MAX_LINES}), each with quantity ≥ 0 and unitPrice ≥ 0, and optionally category`;
const lineAmount = z.number().finite().nonnegative().max(INPUT_LIMITS.amount);
const lineSchema = z.object({
	category: nameField('category'),
	quantity: z.preprocess((value) => (typeof value === 'string' ? Number(value) : value), lineAmount),
	unitPrice: z.preprocess((value) => (typeof value === 'string' ? Number(value) : value), lineAmount),
});

export const ORDER_TAG_FIELDS = ['platform', 'channel', 'region', 'coupon', 'category', 'lines'] as const;

export const orderTagFieldsSchema = z.object({
	platform: nameField('platform'),
	channel: nameField('channel'),
	region: nameField('region'),
	/**
	 * A coupon was used when the field holds a code (non-empty text), true, or a discount > 0;
	 * empty, false, 0 or missing: no coupon.
	 */
	coupon: z
		.union([z.string(), z.boolean(), z.number().finite(), z.null(), z.undefined()], {
			errorMap: () => ({ message: 'a coupon code, true/false, or the coupon discount' }),
		})
		.transform((value) => (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number' ? value > 0 : value === true)),
	category: nameField('category'),
	lines: z.array(lineSchema, { invalid_type_error: LINE_EXPECTED }).max(MAX_LINES, LINE_EXPECTED).nullish(),
});
export type OrderTagFields = z.output<typeof orderTagFieldsSchema>;

/** Spend per category: the lines' categories (quantity × unit price); else the order's category with its amount. */
export function categorySpendOf(fields: OrderTagFields, amount: number, rate: number): Array<readonly [string, number]> {
	const spend = new Map<string, number>();
	for (const line of fields.lines ?? []) {
		if (line.category !== undefined) spend.set(line.category, (spend.get(line.category) ?? 0) + line.quantity * line.unitPrice * rate);
	}
	if (spend.size === 0 && fields.category !== undefined) spend.set(fields.category, amount);
	return [...spend];
}

export const CUSTOMER_TAG_FIELDS = ['customerId', 'segment', 'region'] as const;

export const customerFactsSchema = z.object({
	customerId: idField('customer id'),
	segment: nameField('segment'),
	region: nameField('region'),
});

export const REVIEW_FIELDS = ['customerId', 'text', 'score'] as const;

export const SCORE_EXPECTED = 'a sentiment score from -1 (negative) to 1 (positive)';
export const reviewSchema = z
	.object({
		customerId: idField('customer id'),
		text: z.preprocess(
			(value) => (value === null ? undefined : value),
			z
				.string({ invalid_type_error: 'a review text' })
				.max(MAX_REVIEW_LENGTH, `a review text of at most ${MAX_REVIEW_LENGTH.toLocaleString('en-US')} characters`)
				.optional(),
		),
		score: z.preprocess(
			(value) => (value === null || value === '' ? undefined : value),
			numberField(SCORE_EXPECTED, (n) => n.min(-1, SCORE_EXPECTED).max(1, SCORE_EXPECTED)).optional(),
		),
	})
	.superRefine((review, ctx) => {
		if (review.text === undefined && review.score === undefined) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['text'], message: `a review text, or ${SCORE_EXPECTED} in the score field` });
		}
	});
export type ReviewInput = z.output<typeof reviewSchema>;

const isPlainName = (value: unknown): value is string | null | undefined =>
	value === undefined || value === null || (typeof value === 'string' && value.length <= MAX_ID_LENGTH && value.trim() === value);
const plainName = (value: string | null | undefined): string | undefined => (value === null || value === '' ? undefined : (value ?? undefined));
const isLineAmount = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= INPUT_LIMITS.amount;

/**
 * orderTagFieldsSchema with a fast lane, as orderInputParser has one: zod took 27 s for the
 * lines of 100,000 demo orders. Values already in their plain form (names as trimmed text,
 * lines as objects with numeric quantity and unitPrice) are recognised by direct checks that
 * accept nothing the schema would reject, and yield what the schema yields (a test compares
 * the two); everything else goes through the schema, the one definition of every message.
 */
export const orderTagFieldsParser = {
	safeParse(record: Record<string, unknown>): z.SafeParseReturnType<unknown, OrderTagFields> {
		const { platform, channel, region, coupon, category, lines } = record;
		if (
			isPlainName(platform) &&
			isPlainName(channel) &&
			isPlainName(region) &&
			isPlainName(category) &&
			(coupon === undefined || coupon === null || typeof coupon === 'string' || typeof coupon === 'boolean' || (typeof coupon === 'number' && Number.isFinite(coupon))) &&
			(lines === undefined || lines === null || (Array.isArray(lines) && lines.length <= MAX_LINES && lines.every(isPlainLine)))
		) {
			return {
				success: true,
				data: {
					platform: plainName(platform),
					channel: plainName(channel),
					region: plainName(region),
					category: plainName(category),
					coupon: typeof coupon === 'string' ? coupon.trim() !== '' : typeof coupon === 'number' ? coupon > 0 : coupon === true,
					lines: Array.isArray(lines)
						? lines.map((line: { category?: string | null; quantity: number; unitPrice: number }) => ({
								category: plainName(line.category),
								quantity: line.quantity,
								unitPrice: line.unitPrice,
							}))
						: (lines as null | undefined),
				},
			};
		}
		return orderTagFieldsSchema.safeParse(record);
	},
};

function isPlainLine(line: unknown): boolean {
	if (typeof line !== 'object' || line === null || Array.isArray(line)) return false;
	const { category, quantity, unitPrice } = line as Record<string, unknown>;
	return isPlainName(category) && isLineAmount(quantity) && isLineAmount(unitPrice);
}
