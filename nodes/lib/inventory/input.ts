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
import { createPathReader, sourcePathOf, type FieldMapping } from '../model/fieldMapping';
import type { DailySales, InventoryPosition, PositionSales, SalesDay } from '../model/schemas';
import { issueFromZod, type InputIssue } from '../model/validation';
import { horizonExpected, MAX_AHEAD_MS, parseDayNumber } from '../time';
import type { SalesStore } from './salesStore';

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

/** A day of a position's list holds the row's fields without sku and warehouse (PositionSales). */
export const SALES_DAY_FIELDS = ['date', 'units', 'inStock'] as const satisfies ReadonlyArray<keyof SalesDay>;

/**
 * What the Daily Sales input reads: a row per day (DAILY_SALES_FIELDS), or a position with its
 * days as a list (`days`, PositionSales). An item whose `days` is present and not blank is the
 * second shape; both may come in one input.
 */
export const SALES_INPUT_FIELDS = [...DAILY_SALES_FIELDS, 'days'] as const;

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

/** One entry of a position's `days` list: the row schema without sku and warehouse. */
export const salesDayInputSchema = dailySalesInputSchema.pick({ date: true, units: true, inStock: true });

const DAYS_LIST_EXPECTED =
	'a list of days, e.g. [{ "date": "2026-03-01", "units": 12, "inStock": true }] (one item per SKU + warehouse), or leave it out and send one item per day';
const SALES_DAY_EXPECTED = 'a day, e.g. { "date": "2026-03-01", "units": 12, "inStock": true }';

/**
 * A position with its days as a list, as read from the item: sku and warehouse checked, the
 * list only checked to be one. Its entries are checked as they go into the sales store
 * (createSalesDaysReader), not here: one object each for 4.5 million days is what the list
 * shape saves.
 */
export interface PositionSalesInput extends Omit<PositionSales, 'days'> {
	days: readonly unknown[];
}

export const positionSalesInputSchema = z.object({
	sku: idField('SKU'),
	warehouse: idField('warehouse'),
	days: z.array(z.unknown(), { invalid_type_error: DAYS_LIST_EXPECTED, required_error: DAYS_LIST_EXPECTED }),
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

/** A Daily Sales item read with SALES_INPUT_FIELDS is a position with a list when it has `days`. */
export const isPositionSales = (input: DailySales | PositionSalesInput): input is PositionSalesInput =>
	Array.isArray((input as Partial<PositionSalesInput>).days);

/**
 * The Daily Sales input's parser for both shapes: a record without `days` (absent or blank, as
 * a sheet's empty cell) is a row (dailySalesParser); one with it is a position whose days are a
 * list (positionSalesInputSchema, with a fast lane as above).
 */
export const salesInputParser = {
	safeParse(record: Record<string, unknown>): Parsed<DailySales | PositionSalesInput> {
		if (isBlank(record.days)) return dailySalesParser.safeParse(record);
		if (isCleanId(record.sku) && isCleanId(record.warehouse) && Array.isArray(record.days)) {
			return { success: true, data: { sku: record.sku, warehouse: record.warehouse, days: record.days } };
		}
		return positionSalesInputSchema.safeParse(record) as Parsed<PositionSalesInput>;
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
	const { isWithin, expected } = salesDateRange(now);
	return (row, itemIndex) => (isWithin(row.date) ? row : { itemIndex, field, value: row.date, expected });
}

/** The dates createSalesDateCheck accepts, and what its error says is expected. */
function salesDateRange(now: number): { isWithin: (date: string) => boolean; expected: string } {
	const lastDay = new Date(now + MAX_AHEAD_MS).toISOString().slice(0, 10);
	return { isWithin: (date) => date >= '2000-01-01' && date <= lastDay, expected: horizonExpected(now) };
}

/**
 * Reads positions whose days come as a list (PositionSalesInput) into the sales store, one
 * entry at a time, straight into its columns: no DailySales object per day. Each entry is
 * checked as a row is (salesDayInputSchema, and the date range of createSalesDateCheck),
 * under the same field mapping: a Date Field mapped to `day` reads `day` in each entry too.
 * Several entries with one date are kept, as rows with one date are (they add up: demand.ts).
 *
 * The first bad entry makes the whole item bad: an InputIssue naming the entry and its
 * field, e.g. `days[3].units`, and none of the item's days stay in the store. `latestDate`
 * is the newest date among the days of the good items (for As-Of = Latest Sales Date).
 */
export function createSalesDaysReader(
	store: SalesStore,
	mapping: FieldMapping,
	now: number,
): { read(position: PositionSalesInput, itemIndex: number): InputIssue | undefined; readonly latestDate: string | undefined } {
	const list = sourcePathOf('days', mapping);
	const paths = Object.fromEntries(SALES_DAY_FIELDS.map((field) => [field, sourcePathOf(field, mapping)])) as Record<
		(typeof SALES_DAY_FIELDS)[number],
		string
	>;
	const readDate = createPathReader(paths.date);
	const readUnits = createPathReader(paths.units);
	const readInStock = createPathReader(paths.inStock);
	const { isWithin, expected: dateExpected } = salesDateRange(now);
	let latestDate: string | undefined;

	const read = (position: PositionSalesInput, itemIndex: number): InputIssue | undefined => {
		const slot = store.slotOf(position.sku, position.warehouse);
		const mark = store.size;
		const fieldOf = (entry: number, field: string) => `${list}[${entry}]${field === '' ? '' : `.${field}`}`;
		const fail = (issue: InputIssue) => {
			store.truncate(mark);
			return issue;
		};
		let latest: string | undefined;
		const { days } = position;
		for (let i = 0; i < days.length; i++) {
			const entry = days[i];
			if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
				return fail({ itemIndex, field: fieldOf(i, ''), value: entry, expected: SALES_DAY_EXPECTED });
			}
			let date = readDate(entry);
			let units = readUnits(entry);
			let inStock = readInStock(entry);
			// The fast lane, as dailySalesParser's: values already in the model's form.
			const clean =
				typeof date === 'string' &&
				date.length === 10 &&
				!Number.isNaN(parseDayNumber(date)) &&
				isWhole(units, 0, MAX_UNITS) &&
				(inStock === undefined || typeof inStock === 'boolean');
			if (!clean) {
				const record = { date, units, inStock };
				const parsed = salesDayInputSchema.safeParse(record);
				if (!parsed.success) {
					return fail(issueFromZod(parsed.error, itemIndex, record, (field) => fieldOf(i, paths[field as keyof typeof paths] ?? field)));
				}
				({ date, units, inStock } = parsed.data);
			}
			const day = date as string;
			if (!isWithin(day)) return fail({ itemIndex, field: fieldOf(i, paths.date), value: day, expected: dateExpected });
			if (latest === undefined || day > latest) latest = day;
			if (slot !== undefined) store.addDay(slot, day, units as number, inStock !== false);
		}
		if (latest !== undefined && (latestDate === undefined || latest > latestDate)) latestDate = latest;
		return undefined;
	};
	return {
		read,
		get latestDate() {
			return latestDate;
		},
	};
}
