/**
 * Inventory positions and daily-sales rows as users bring them (the Reorder Alert's two
 * inputs): the data model's InventoryPosition and DailySales (nodes/lib/model), made forgiving
 * where exports differ from the model without ambiguity — numbers written as text ("12"), ids
 * that are numbers (SKU 10023), in-stock flags written as "true"/"false"/1/0, and optional
 * columns left out or left empty. Pure: zod only, no n8n import.
 *
 * Defaults when a column is missing or empty:
 *   onOrder, reserved, moq, leadTimeStdDays → 0;  packSize → 1;  unitCost → 0;
 *   inStock → true (a source without stock-out flags: every row is an in-stock day).
 */
import { z } from 'zod';

import { formatLimit, idField, INPUT_LIMITS, isBlank, isCleanId, numberField, optionalNumberField } from '../model/coercion';
import type { DailySales, InventoryPosition } from '../model/schemas';
import type { InputIssue } from '../model/validation';
import { horizonExpected, MAX_AHEAD_MS, parseDayNumber } from '../time';

export const INVENTORY_FIELDS = [
	'sku',
	'warehouse',
	'onHand',
	'onOrder',
	'reserved',
	'leadTimeDays',
	'leadTimeStdDays',
	'moq',
	'packSize',
	'unitCost',
] as const satisfies ReadonlyArray<keyof InventoryPosition>;

export const DAILY_SALES_FIELDS = ['date', 'sku', 'warehouse', 'units', 'inStock'] as const satisfies ReadonlyArray<
	keyof DailySales
>;

/** Whole numbers from `min` to `max` (INPUT_LIMITS: no reorder quantity or cover ever overflows). */
const wholeWithin = (min: number, max: number, expected: string) => (n: z.ZodNumber) =>
	n.int(expected).min(min, expected).max(max, `${expected.replace(/ ≥ \d+$/, '')} from ${min} to ${formatLimit(max)}`);
const within = (min: number, max: number, expected: string) => (n: z.ZodNumber) =>
	n.min(min, expected).max(max, `${expected.replace(/ ≥ \d+(, e\.g\. [\d.]+)?$/, '')} from ${min} to ${formatLimit(max)}`);

const DATE_EXPECTED = 'a calendar date YYYY-MM-DD, e.g. 2026-03-01';
const IN_STOCK_EXPECTED = 'true or false (false on a sold-out day)';
const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

const ON_HAND = 'a whole number of units (negative when oversold)';
const UNITS = 'a whole number of units ≥ 0';
const DAYS = 'a number of days ≥ 0';
const COST = 'an amount ≥ 0, e.g. 12.50';
const { units: MAX_UNITS, leadTimeDays: MAX_LEAD_DAYS, packSize: MAX_PACK, unitCost: MAX_COST } = INPUT_LIMITS;

export const inventoryInputSchema = z.object({
	sku: idField('SKU'),
	warehouse: idField('warehouse'),
	onHand: numberField(ON_HAND, (n) =>
		n.int(ON_HAND).min(-MAX_UNITS, `${ON_HAND} from −${formatLimit(MAX_UNITS)} to ${formatLimit(MAX_UNITS)}`).max(MAX_UNITS, `${ON_HAND} from −${formatLimit(MAX_UNITS)} to ${formatLimit(MAX_UNITS)}`),
	),
	onOrder: optionalNumberField(UNITS, 0, wholeWithin(0, MAX_UNITS, UNITS)),
	reserved: optionalNumberField(UNITS, 0, wholeWithin(0, MAX_UNITS, UNITS)),
	leadTimeDays: numberField(DAYS, within(0, MAX_LEAD_DAYS, DAYS)),
	leadTimeStdDays: optionalNumberField(DAYS, 0, within(0, MAX_LEAD_DAYS, DAYS)),
	moq: optionalNumberField(UNITS, 0, wholeWithin(0, MAX_UNITS, UNITS)),
	packSize: optionalNumberField('a whole number of units ≥ 1', 1, wholeWithin(1, MAX_PACK, 'a whole number of units ≥ 1')),
	unitCost: optionalNumberField(COST, 0, within(0, MAX_COST, COST)),
});

export const dailySalesInputSchema = z.object({
	date: z
		.string({ invalid_type_error: DATE_EXPECTED, required_error: DATE_EXPECTED })
		.trim()
		.refine((text) => !Number.isNaN(parseDayNumber(text)), DATE_EXPECTED),
	sku: idField('SKU'),
	warehouse: idField('warehouse'),
	units: numberField(UNITS, wholeWithin(0, MAX_UNITS, UNITS)),
	inStock: z.preprocess(
		(value) => {
			if (isBlank(value)) return true;
			if (typeof value === 'string') return BOOLEAN_TEXT[value.trim().toLowerCase()] ?? value;
			if (value === 1 || value === 0) return value === 1;
			return value;
		},
		z.boolean({ invalid_type_error: IN_STOCK_EXPECTED }),
	),
});

// ---------------------------------------------------------------------------------------------
// Fast lanes. Zod costs microseconds and several short-lived objects per row, and a run reads
// up to 50,000 × 90 daily-sales rows: most of that time went to garbage collection. Rows
// already in the model's form (ids as trimmed text, numbers as numbers, a real calendar date,
// a boolean flag) are recognised by direct checks that accept nothing the schema would reject
// and yield exactly what the schema yields (a test compares the two on random rows).
// Everything else goes through the schema, which stays the one definition of what is valid
// and of every error message.

type Parsed<T> = z.SafeParseReturnType<unknown, T>;

const isWhole = (value: unknown, min: number, max: number): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isWithin = (value: unknown, min: number, max: number): value is number =>
	typeof value === 'number' && value >= min && value <= max;

/**
 * dailySalesInputSchema with a fast lane. A row that passes is the record the field reader
 * built for it (a fresh object with exactly DAILY_SALES_FIELDS), kept as is: no second copy.
 */
export const dailySalesParser = {
	safeParse(record: Record<string, unknown>): Parsed<DailySales> {
		const { date, sku, warehouse, units, inStock } = record;
		if (
			typeof date === 'string' &&
			date.length === 10 &&
			!Number.isNaN(parseDayNumber(date)) &&
			isCleanId(sku) &&
			isCleanId(warehouse) &&
			isWhole(units, 0, MAX_UNITS) &&
			typeof inStock === 'boolean'
		) {
			// The field reader built `record` with exactly these fields, in the schema's order.
			return { success: true, data: record as DailySales };
		}
		return dailySalesInputSchema.safeParse(record) as Parsed<DailySales>;
	},
};

/** inventoryInputSchema with a fast lane (missing optional fields take the schema's defaults). */
export const inventoryParser = {
	safeParse(record: Record<string, unknown>): Parsed<InventoryPosition> {
		const r = record;
		const optional = (value: unknown, ok: boolean) => value === undefined || ok;
		if (
			isCleanId(r.sku) &&
			isCleanId(r.warehouse) &&
			isWhole(r.onHand, -MAX_UNITS, MAX_UNITS) &&
			optional(r.onOrder, isWhole(r.onOrder, 0, MAX_UNITS)) &&
			optional(r.reserved, isWhole(r.reserved, 0, MAX_UNITS)) &&
			isWithin(r.leadTimeDays, 0, MAX_LEAD_DAYS) &&
			optional(r.leadTimeStdDays, isWithin(r.leadTimeStdDays, 0, MAX_LEAD_DAYS)) &&
			optional(r.moq, isWhole(r.moq, 0, MAX_UNITS)) &&
			optional(r.packSize, isWhole(r.packSize, 1, MAX_PACK)) &&
			optional(r.unitCost, isWithin(r.unitCost, 0, MAX_COST))
		) {
			return {
				success: true,
				data: {
					sku: r.sku,
					warehouse: r.warehouse,
					onHand: r.onHand,
					onOrder: (r.onOrder as number | undefined) ?? 0,
					reserved: (r.reserved as number | undefined) ?? 0,
					leadTimeDays: r.leadTimeDays,
					leadTimeStdDays: (r.leadTimeStdDays as number | undefined) ?? 0,
					moq: (r.moq as number | undefined) ?? 0,
					packSize: (r.packSize as number | undefined) ?? 1,
					unitCost: (r.unitCost as number | undefined) ?? 0,
				},
			};
		}
		return inventoryInputSchema.safeParse(record) as Parsed<InventoryPosition>;
	},
};

/**
 * Daily sales may be dated from 2000-01-01 up to one day after the run's clock (../time/horizon.ts).
 * Why: under As-Of = Latest Sales Date one row dated 9999-12-31 moved the as-of day there and
 * every position was judged on a day with no sales. Returns the check to run on each row the
 * parser accepted; a YYYY-MM-DD text compares as its day, so the check is a string comparison.
 */
export function createSalesDateCheck(now: number, field: string): (row: DailySales, itemIndex: number) => DailySales | InputIssue {
	const lastDay = new Date(now + MAX_AHEAD_MS).toISOString().slice(0, 10);
	const expected = horizonExpected(now);
	return (row, itemIndex) =>
		row.date >= '2000-01-01' && row.date <= lastDay ? row : { itemIndex, field, value: row.date, expected };
}
