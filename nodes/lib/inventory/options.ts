/**
 * Settings of a Reorder Trigger evaluation, defined once with zod (the TypeScript types are
 * `z.input` / `z.output` of the schema). The node passes its parameters through
 * `resolveReorderOptions` with every setting filled in from its description (n8n fills in the
 * defaults there); REORDER_DEFAULTS are the same values for library callers that leave a
 * setting out (test/nodes/reorderTriggerDefaults.test.ts keeps the two equal).
 *
 * There is no hidden clock: `asOf` — the day the inventory snapshot describes, the last day
 * of the demand window — is always passed in.
 */
import { z } from 'zod';
import { isoDate } from '../model/schemas';
import { DEFAULT_SMOOTHING } from './forecast';

/** The settings' defaults (rates as fractions; the node shows them in percent). */
export const REORDER_DEFAULTS = {
	lookbackDays: 28,
	serviceLevel: 0.95,
	demandMethod: 'mean',
	forecastWindowDays: 56,
	maxDaysOfCover: 90,
	orderPolicy: 'orderUpTo',
	reviewPeriodDays: 7,
	targetDays: 30,
	orderingCost: 50,
	/** Per year, as a fraction of unit cost (the node shows it in percent). */
	holdingCostRate: 0.25,
	firstBatchQuantity: 500,
	coverDays: 7,
} as const;

const days = (message: string) => z.number().finite().nonnegative(message);

export const orderPolicySchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('orderUpTo'),
		reviewPeriodDays: days('a number of days ≥ 0').default(REORDER_DEFAULTS.reviewPeriodDays),
	}),
	z.object({
		kind: z.literal('daysOfCover'),
		targetDays: days('a number of days ≥ 0').default(REORDER_DEFAULTS.targetDays),
	}),
	z.object({
		kind: z.literal('eoq'),
		/** Cost of placing one order (same currency as unitCost). */
		orderingCost: z.number().finite().nonnegative('a cost ≥ 0'),
		/** Holding cost per year as a fraction of unit cost, e.g. 0.25 for 25 %. */
		holdingCostRate: z.number().finite().nonnegative('a fraction ≥ 0, e.g. 0.25'),
	}),
	z.object({
		kind: z.literal('smallBatch'),
		/** First order of a SKU without sales history (小单快反 trial batch). */
		firstBatchQuantity: z.number().int('a whole number').nonnegative('a whole number ≥ 0').default(REORDER_DEFAULTS.firstBatchQuantity),
		/** Afterwards each order covers this many days of measured demand. */
		coverDays: days('a number of days ≥ 0').default(REORDER_DEFAULTS.coverDays),
	}),
]);

export const reorderOptionsSchema = z.object({
	/** The snapshot day, YYYY-MM-DD; the demand window ends on it (inclusive). */
	asOf: isoDate,
	/** Calendar days of history behind d and σd, ending at asOf. */
	lookbackDays: z.number().int('a whole number of days').min(1, 'at least 1 day').max(3660).default(REORDER_DEFAULTS.lookbackDays),
	/** Cycle service level as a fraction: 0.95 = 95 % chance of no stock-out per cycle. */
	serviceLevel: z
		.number()
		.min(0.5, 'a fraction from 0.5 to below 1, e.g. 0.95')
		.lt(1, 'a fraction below 1, e.g. 0.95 (100 % needs infinite stock)')
		.default(REORDER_DEFAULTS.serviceLevel),
	/** How d is measured: in-stock mean, SES, or Holt-Winters (weekly) forecast. */
	demandMethod: z.enum(['mean', 'ses', 'holtWinters']).default(REORDER_DEFAULTS.demandMethod),
	/** Days of history the forecasts read (at least lookbackDays are read anyway). */
	forecastWindowDays: z.number().int().min(1).max(3660).default(REORDER_DEFAULTS.forecastWindowDays),
	smoothing: z
		.object({
			alpha: z.number().gt(0).max(1).default(DEFAULT_SMOOTHING.alpha),
			beta: z.number().min(0).max(1).default(DEFAULT_SMOOTHING.beta),
			gamma: z.number().min(0).max(1).default(DEFAULT_SMOOTHING.gamma),
		})
		.default({}),
	/** Count a day with no sales row as in stock with 0 units (sources that skip empty days). */
	missingDaysAsZeroSales: z.boolean().default(false),
	/** Days of cover above which stock is `overstock`; null turns the check off. */
	maxDaysOfCover: z.number().positive('a number of days > 0').nullable().default(REORDER_DEFAULTS.maxDaysOfCover),
	policy: orderPolicySchema.default({ kind: REORDER_DEFAULTS.orderPolicy }),
});

export type ReorderOptionsInput = z.input<typeof reorderOptionsSchema>;
export type ReorderOptions = z.output<typeof reorderOptionsSchema>;

/** Applies defaults and validates; throws a ZodError naming each bad setting. */
export function resolveReorderOptions(input: ReorderOptionsInput): ReorderOptions {
	return reorderOptionsSchema.parse(input);
}
