/**
 * Settings of a Reorder Alert evaluation, defined once with zod (the TypeScript types are
 * `z.input` / `z.output` of the schema). No defaults here: every setting is passed in. The
 * defaults live in one place, the node's description (n8n fills them in); library callers
 * that want them take `defaultReorderSettings()` from nodes/ReorderAlert/settings.ts.
 *
 * There is no hidden clock: `asOf` — the day the inventory snapshot describes, the last day
 * of the demand window — is always passed in.
 */
import { z } from 'zod';
import { formatLimit, INPUT_LIMITS } from '../model/coercion';
import { SETTING_LIMITS } from '../model/settings';
import { isoDate } from '../model/schemas';

const MAX_DAYS = SETTING_LIMITS.inventoryDays;
const DAYS = `a number of days from 0 to ${formatLimit(MAX_DAYS)}`;
const days = () => z.number().finite().nonnegative(DAYS).max(MAX_DAYS, DAYS);

export const orderPolicySchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('orderUpTo'),
		reviewPeriodDays: days(),
	}),
	z.object({
		kind: z.literal('daysOfCover'),
		targetDays: days(),
	}),
	z.object({
		kind: z.literal('eoq'),
		/** Cost of placing one order (same currency as unitCost). */
		orderingCost: z
			.number()
			.finite()
			.nonnegative('a cost ≥ 0')
			.max(SETTING_LIMITS.amount, `a cost from 0 to ${formatLimit(SETTING_LIMITS.amount)}`),
		/** Holding cost per year as a fraction of unit cost, e.g. 0.25 for 25 %. */
		holdingCostRate: z
			.number()
			.finite()
			.nonnegative('a fraction ≥ 0, e.g. 0.25')
			.max(SETTING_LIMITS.annualPercent / 100, `a rate from 0 to ${formatLimit(SETTING_LIMITS.annualPercent)} % a year, e.g. 25 %`),
	}),
	z.object({
		kind: z.literal('smallBatch'),
		/** First order of a SKU without sales history (小单快反 trial batch). */
		firstBatchQuantity: z
			.number()
			.int('a whole number')
			.nonnegative('a whole number ≥ 0')
			.max(INPUT_LIMITS.units, `a whole number from 0 to ${formatLimit(INPUT_LIMITS.units)}`),
		/** Afterwards each order covers this many days of measured demand. */
		coverDays: days(),
	}),
]);

export const reorderOptionsSchema = z.object({
	/** The snapshot day, YYYY-MM-DD; the demand window ends on it (inclusive). */
	asOf: isoDate,
	/** Calendar days of history behind d and σd, ending at asOf. */
	lookbackDays: z.number().int('a whole number of days').min(1, 'at least 1 day').max(3660),
	/** Cycle service level as a fraction: 0.95 = 95 % chance of no stock-out per cycle. */
	serviceLevel: z
		.number()
		.min(0.5, 'a fraction from 0.5 to below 1, e.g. 0.95')
		.lt(1, 'a fraction below 1, e.g. 0.95 (100 % needs infinite stock)')
		,
	/** How d is measured: in-stock mean, SES, or Holt-Winters (weekly) forecast. */
	demandMethod: z.enum(['mean', 'ses', 'holtWinters']),
	/** Days of history the forecasts read (at least lookbackDays are read anyway). */
	forecastWindowDays: z.number().int().min(1).max(3660),
	smoothing: z
		.object({
			alpha: z.number().gt(0).max(1),
			beta: z.number().min(0).max(1),
			gamma: z.number().min(0).max(1),
		}),
	/** Count a day with no sales row as in stock with 0 units (sources that skip empty days). */
	missingDaysAsZeroSales: z.boolean(),
	/** Days of cover above which stock is `overstock`; null turns the check off. */
	maxDaysOfCover: z
		.number()
		.positive('a number of days > 0')
		.max(MAX_DAYS, `a number of days from 0 (off) to ${formatLimit(MAX_DAYS)}`)
		.nullable(),
	policy: orderPolicySchema,
});

export type ReorderOptionsInput = z.input<typeof reorderOptionsSchema>;
export type ReorderOptions = z.output<typeof reorderOptionsSchema>;

/** Validates; throws a ZodError naming each bad setting. */
export function resolveReorderOptions(input: ReorderOptionsInput): ReorderOptions {
	return reorderOptionsSchema.parse(input);
}
