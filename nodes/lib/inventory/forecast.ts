/**
 * Demand forecasts from a daily series: simple exponential smoothing, and additive
 * Holt-Winters with weekly seasonality (m = 7).
 *
 * Source: R. J. Hyndman & G. Athanasopoulos, "Forecasting: Principles and Practice",
 * 3rd ed. (FPP3), OTexts 2021, https://otexts.com/fpp3/ — §8.1 and §8.3, component form:
 *
 *   SES:            ℓt = α·yt + (1 − α)·ℓt−1                     ŷT+h|T = ℓT
 *   Holt-Winters:   ℓt = α·(yt − st−m) + (1 − α)·(ℓt−1 + bt−1)
 *   (additive)      bt = β*·(ℓt − ℓt−1) + (1 − β*)·bt−1
 *                   st = γ·(yt − ℓt−1 − bt−1) + (1 − γ)·st−m
 *                   ŷT+h|T = ℓT + h·bT + sT+h−m(k+1),  k = ⌊(h − 1)/m⌋
 *
 * Initial states — the "simple" heuristic statsmodels uses (and cites to FPP): SES starts
 * at the first observation; Holt-Winters takes ℓ0 = mean of the first season,
 * b0 = (mean of the second season − mean of the first) ÷ m, and s = first season − ℓ0.
 * Smoothing parameters are fixed inputs (defaults α = 0.3, β* = 0.05, γ = 0.1), not fitted:
 * the node evaluates 50,000 series per run and must stay deterministic and O(days).
 *
 * Sold-out days and days without a row are missing observations: the states advance as if
 * the day had sold exactly its one-step forecast (ℓt = ℓt−1 + bt−1, bt = bt−1, st = st−m;
 * substitute ŷt|t−1 for yt in the equations above to see it), so a stock-out neither drags
 * the level down nor distorts the weekday pattern.
 */
import { DAY_IN_STOCK, type DailySeries } from './demand';

export const WEEK = 7;
/** Holt-Winters needs this many days from the first in-stock day (3 weeks), else SES. */
export const HOLT_WINTERS_MIN_DAYS = 3 * WEEK;

export interface SmoothingParameters {
	/** Level smoothing α, 0 < α ≤ 1. */
	alpha: number;
	/** Trend smoothing β*, 0 ≤ β* ≤ 1. */
	beta: number;
	/** Seasonal smoothing γ, 0 ≤ γ ≤ 1 − α. */
	gamma: number;
}

// No default parameters here: the Reorder Alert's description holds them (its Smoothing
// options), the one place a user or a developer changes them.

export interface HoltWintersState {
	level: number;
	trend: number;
	/** Seasonal terms for the next m days: season[j] applies to day T + 1 + j. */
	season: number[];
}

function firstObserved(series: DailySeries, from: number, to: number): number {
	for (let i = from; i < to; i++) if (series.state[i] === DAY_IN_STOCK) return i;
	return -1;
}

/** SES level ℓT over series indices [from, to), or null when no day was in stock. */
export function simpleExponentialSmoothing(
	series: DailySeries,
	alpha: number,
	from = 0,
	to = series.units.length,
): number | null {
	const start = firstObserved(series, from, to);
	if (start < 0) return null;
	const { units, state } = series;
	let level = units[start];
	for (let i = start + 1; i < to; i++) {
		if (state[i] === DAY_IN_STOCK) level = alpha * units[i] + (1 - alpha) * level;
	}
	return level;
}

/**
 * Additive Holt-Winters states at the end of [from, to), m = 7, or null when fewer than
 * HOLT_WINTERS_MIN_DAYS days run from the first in-stock day to the end of the series.
 * Missing days in the two initial weeks are left out of their week's mean and get a
 * seasonal start of 0.
 */
export function holtWintersAdditive(
	series: DailySeries,
	parameters: SmoothingParameters,
	from = 0,
	to = series.units.length,
): HoltWintersState | null {
	const start = firstObserved(series, from, to);
	if (start < 0 || to - start < HOLT_WINTERS_MIN_DAYS) return null;
	const { units, state } = series;
	const { alpha, beta, gamma } = parameters;

	let sum1 = 0;
	let n1 = 0;
	let sum2 = 0;
	let n2 = 0;
	for (let j = 0; j < WEEK; j++) {
		if (state[start + j] === DAY_IN_STOCK) {
			sum1 += units[start + j];
			n1++;
		}
		if (state[start + WEEK + j] === DAY_IN_STOCK) {
			sum2 += units[start + WEEK + j];
			n2++;
		}
	}
	let level = sum1 / n1; // n1 ≥ 1: the first day is in stock
	let trend = n2 > 0 ? (sum2 / n2 - level) / WEEK : 0;
	// Ring buffer: season[(i − start) mod 7] holds s for the weekday of index i.
	const season = new Array<number>(WEEK);
	for (let j = 0; j < WEEK; j++) season[j] = state[start + j] === DAY_IN_STOCK ? units[start + j] - level : 0;

	for (let i = start, slot = 0; i < to; i++, slot = slot === WEEK - 1 ? 0 : slot + 1) {
		if (state[i] !== DAY_IN_STOCK) {
			level += trend;
			continue;
		}
		const y = units[i];
		const previous = level + trend;
		const seasonal = season[slot];
		const newLevel = alpha * (y - seasonal) + (1 - alpha) * previous;
		trend = beta * (newLevel - level) + (1 - beta) * trend;
		season[slot] = gamma * (y - previous) + (1 - gamma) * seasonal;
		level = newLevel;
	}
	// Rotate so that season[0] is the term for the day after the last one.
	const next = (to - start) % WEEK;
	const ordered = new Array<number>(WEEK);
	for (let j = 0; j < WEEK; j++) ordered[j] = season[(next + j) % WEEK];
	return { level, trend, season: ordered };
}

/** ŷT+h|T = ℓT + h·bT + sT+h−m(k+1) for h ≥ 1. */
export function holtWintersForecast(state: HoltWintersState, h: number): number {
	return state.level + h * state.trend + state.season[(h - 1) % WEEK];
}

export type DemandForecastMethod = 'mean' | 'ses' | 'holtWinters';

export interface DemandForecast {
	/** Forecast units per day, averaged over days 1 … horizon; ≥ 0. */
	demandPerDay: number;
	/** The method actually used: Holt-Winters falls back to SES with under 3 weeks of history. */
	method: DemandForecastMethod;
}

/**
 * Mean daily demand over the next `horizon` days (at least 1) by SES or Holt-Winters over
 * series indices [from, to); null when no day was in stock. Each day's forecast is floored
 * at 0 — negative demand is not a thing a shop can sell.
 */
export function forecastDemandPerDay(
	series: DailySeries,
	method: 'ses' | 'holtWinters',
	horizon: number,
	parameters: SmoothingParameters,
	from = 0,
	to = series.units.length,
): DemandForecast | null {
	const days = Math.max(1, Math.ceil(horizon));
	if (method === 'holtWinters') {
		const state = holtWintersAdditive(series, parameters, from, to);
		if (state) {
			let sum = 0;
			for (let h = 1; h <= days; h++) sum += Math.max(0, holtWintersForecast(state, h));
			return { demandPerDay: sum / days, method: 'holtWinters' };
		}
	}
	const level = simpleExponentialSmoothing(series, parameters.alpha, from, to);
	return level === null ? null : { demandPerDay: Math.max(0, level), method: 'ses' };
}
