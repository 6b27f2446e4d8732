/**
 * Demand measured on in-stock days only.
 *
 *   d  = Σ units on in-stock days of the window ÷ n          (n = number of in-stock days)
 *   σd = √( Σ (unitsᵢ − d)² ÷ (n − 1) )                      (sample standard deviation)
 *
 * A sold-out day says nothing about demand — sales were capped by stock, not by customers —
 * so it is left out of both the numerator and the count (domain.md §4; Inventory Planner and
 * Stockie do the same; Shopify Stocky's velocity did not). σd uses Bessel's n − 1 divisor
 * because d itself is estimated from the same days.
 *
 * Decisions (documented results, never NaN):
 * - Several rows for the same day (e.g. one per sales channel) are added up; the day counts
 *   as in stock only when none of its rows says sold out.
 * - A day with no row at all is, by default, not an in-stock day ("no row, no information").
 *   With `missingDaysAsZeroSales` it is an in-stock day with 0 units — for sources that only
 *   emit rows on days with sales.
 * - n = 0 in the window: d = σd = 0 here. The caller then looks before the window
 *   (`measureDemandBeforeWindow`): a position sold out on every day of the window has
 *   demand, it just could not sell. Only when no in-stock day exists in the whole history is
 *   the demand unknown (status `no_history`).
 * - n = 1: d is that day's units and σd = 0 — one observation has no measurable spread, and
 *   0 (rather than "unknown") keeps the safety-stock formula defined. `inStockDays` is
 *   returned so a caller can see how thin the evidence is.
 */
import type { DailySales } from '../model/schemas';
import { parseDayNumber } from '../time';

/** What is known about one calendar day of a sku + warehouse. */
export const DAY_NO_ROW = 0;
export const DAY_IN_STOCK = 1;
export const DAY_SOLD_OUT = 2;

/**
 * One sku + warehouse's sales laid out per calendar day: index i is day `firstDay + i`.
 * Typed arrays, so a window of 90 days costs two small allocations and no Date objects.
 */
export interface DailySeries {
	firstDay: number;
	units: Float64Array;
	/** DAY_NO_ROW, DAY_IN_STOCK or DAY_SOLD_OUT per day. */
	state: Uint8Array;
}

export interface DemandStatistics {
	/** d: mean units per in-stock day. */
	demandPerDay: number;
	/** σd: sample standard deviation (n − 1) of units per in-stock day; 0 when n ≤ 1. */
	demandStdDev: number;
	/** n: in-stock days in the window. */
	inStockDays: number;
	/** Days in the window with a row saying sold out. */
	stockOutDays: number;
	/** Units sold on the in-stock days. */
	unitsSold: number;
}

/**
 * Lays `history` out per day over [firstDay, firstDay + days). Rows outside the window, or
 * whose date is not a calendar date, are skipped (the node validates rows before this).
 * O(rows + days).
 */
export function collectDailySeries(
	history: readonly DailySales[],
	firstDay: number,
	days: number,
	missingDaysAsZeroSales = false,
): DailySeries {
	const units = new Float64Array(days);
	const state = new Uint8Array(days);
	for (let r = 0; r < history.length; r++) {
		const row = history[r];
		const i = parseDayNumber(row.date) - firstDay;
		if (!(i >= 0 && i < days)) continue;
		units[i] += row.units;
		if (!row.inStock) state[i] = DAY_SOLD_OUT;
		else if (state[i] === DAY_NO_ROW) state[i] = DAY_IN_STOCK;
	}
	if (missingDaysAsZeroSales) {
		for (let i = 0; i < days; i++) if (state[i] === DAY_NO_ROW) state[i] = DAY_IN_STOCK;
	}
	return { firstDay, units, state };
}

/** d, σd and counts over series indices [from, to). Two passes, so σd does not cancel. */
export function demandStatistics(series: DailySeries, from = 0, to = series.units.length): DemandStatistics {
	const { units, state } = series;
	let n = 0;
	let sum = 0;
	let stockOutDays = 0;
	for (let i = from; i < to; i++) {
		if (state[i] === DAY_IN_STOCK) {
			n++;
			sum += units[i];
		} else if (state[i] === DAY_SOLD_OUT) stockOutDays++;
	}
	if (n === 0) return { demandPerDay: 0, demandStdDev: 0, inStockDays: 0, stockOutDays, unitsSold: 0 };
	const mean = sum / n;
	let squares = 0;
	if (n > 1) {
		for (let i = from; i < to; i++) {
			if (state[i] === DAY_IN_STOCK) {
				const deviation = units[i] - mean;
				squares += deviation * deviation;
			}
		}
	}
	return {
		demandPerDay: mean,
		demandStdDev: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
		inStockDays: n,
		stockOutDays,
		unitsSold: sum,
	};
}

/**
 * d and σd of one sku + warehouse over the `lookbackDays` calendar days ending at `asOfDay`
 * (inclusive): days asOfDay − lookbackDays + 1 … asOfDay.
 */
export function measureDemand(
	history: readonly DailySales[],
	asOfDay: number,
	lookbackDays: number,
	missingDaysAsZeroSales = false,
): DemandStatistics {
	const series = collectDailySeries(history, asOfDay - lookbackDays + 1, lookbackDays, missingDaysAsZeroSales);
	return demandStatistics(series);
}

/** Demand measured on in-stock days before the window, and which days those were. */
export interface EarlierDemandStatistics extends DemandStatistics {
	/** Day number of the first and of the last in-stock day used. */
	firstInStockDay: number;
	lastInStockDay: number;
}

/**
 * Fallback for a window without any in-stock day (sold out throughout): d and σd over the
 * `maxInStockDays` most recent in-stock days before `beforeDay` — the same rule as in the
 * window (in-stock days only, sample standard deviation n − 1), on the newest evidence there
 * is. A long sell-out does not make demand unknown or zero; demand was last seen then.
 *
 * History starts at the oldest row: with `missingDaysAsZeroSales`, days without a row from
 * there on are in-stock days with 0 units, as in the window. Returns null when there is no
 * in-stock day before `beforeDay` (a SKU never in stock: demand unknown).
 * O(rows + days from the oldest row), and only run for positions whose window is sold out.
 */
export function measureDemandBeforeWindow(
	history: readonly DailySales[],
	beforeDay: number,
	maxInStockDays: number,
	missingDaysAsZeroSales = false,
): EarlierDemandStatistics | null {
	let oldest = beforeDay;
	for (let r = 0; r < history.length; r++) {
		const day = parseDayNumber(history[r].date);
		if (day < oldest) oldest = day; // NaN (not a date) compares false
	}
	if (oldest >= beforeDay || maxInStockDays < 1) return null;
	const series = collectDailySeries(history, oldest, beforeDay - oldest, missingDaysAsZeroSales);
	let from = series.units.length;
	let last = -1;
	for (let i = series.units.length - 1, found = 0; i >= 0 && found < maxInStockDays; i--) {
		if (series.state[i] !== DAY_IN_STOCK) continue;
		if (last < 0) last = i;
		from = i;
		found++;
	}
	if (last < 0) return null;
	return {
		...demandStatistics(series, from, last + 1),
		firstInStockDay: oldest + from,
		lastInStockDay: oldest + last,
	};
}
