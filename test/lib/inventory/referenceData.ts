/**
 * Reads the CSVs written by test/reference/inventory/reference.py (the independent Python
 * reference). Plain comma-separated files without quoting: ids contain no commas.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ReorderOptionsInput } from '../../../nodes/lib/inventory';
import type { DailySales, InventoryPosition } from '../../../nodes/lib/model/schemas';
import { defaultReorderSettings } from '../../../nodes/ReorderAlert/settings';

export const REFERENCE_DIR = join(__dirname, '..', '..', 'reference', 'inventory');

/** The settings reference.py used. */
export const REFERENCE_SETTINGS = {
	asOf: '2026-03-01',
	lookbackDays: 28,
	serviceLevel: 0.95,
	reviewPeriodDays: 7,
	targetDays: 30,
	orderingCost: 50,
	holdingCostRate: 0.25,
	firstBatchQuantity: 500,
	coverDays: 7,
	maxDaysOfCover: 90,
	/** Holt-Winters / SES smoothing (reference.py: alpha, beta, gamma = 0.3, 0.05, 0.1). */
	smoothing: { alpha: 0.3, beta: 0.05, gamma: 0.1 },
} as const;

/**
 * The Reorder Alert's default settings (written once, in its description) with a test's own
 * choices: the library itself has no defaults.
 */
export function withNodeDefaults(chosen: Partial<ReorderOptionsInput> & { asOf: string }): ReorderOptionsInput {
	return { ...defaultReorderSettings(), ...chosen };
}

export type CsvRow = Record<string, string>;

export function readCsv(name: string): CsvRow[] {
	const lines = readFileSync(join(REFERENCE_DIR, name), 'utf8').trim().split(/\r?\n/);
	const header = lines[0].split(',');
	return lines.slice(1).map((line) => {
		const cells = line.split(',');
		const row: CsvRow = {};
		header.forEach((column, i) => (row[column] = cells[i] ?? ''));
		return row;
	});
}

export function readPositions(): Array<InventoryPosition & { kind: string }> {
	return readCsv('positions.csv').map((r) => ({
		sku: r.sku,
		warehouse: r.warehouse,
		onHand: Number(r.onHand),
		onOrder: Number(r.onOrder),
		reserved: Number(r.reserved),
		leadTimeDays: Number(r.leadTimeDays),
		leadTimeStdDays: Number(r.leadTimeStdDays),
		moq: Number(r.moq),
		packSize: Number(r.packSize),
		unitCost: Number(r.unitCost),
		kind: r.kind,
	}));
}

export function readSales(): DailySales[] {
	return readCsv('daily_sales.csv').map((r) => ({
		date: r.date,
		sku: r.sku,
		warehouse: r.warehouse,
		units: Number(r.units),
		inStock: r.inStock === 'true',
	}));
}

/** |actual − expected| ≤ tolerance · max(1, |expected|). */
export function expectClose(actual: number, expected: number, tolerance = 1e-9, label = ''): void {
	const error = Math.abs(actual - expected);
	if (!(error <= tolerance * Math.max(1, Math.abs(expected)))) {
		throw new Error(`${label}: expected ${expected}, got ${actual} (difference ${error})`);
	}
}
