/**
 * The competitor price band: quantiles and a price's percentile rank among the competitors'.
 * All in integer cents in, numbers (possibly fractional cents) out.
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) of sorted values, Hyndman & Fan's definition 7 (linear
 * interpolation between order statistics): h = (n − 1)·p, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋)
 * (0-based). It is the default of numpy.quantile / pandas.Series.quantile ('linear'), R's
 * quantile() type 7 and Excel's PERCENTILE.INC, so a user checking in a sheet gets the same.
 * Source: R. J. Hyndman, Y. Fan, "Sample Quantiles in Statistical Packages", The American
 * Statistician 50(4), 1996, pp. 361–365, definition 7.
 */
export function quantileType7(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) throw new Error('quantileType7 of no values');
	const h = (sorted.length - 1) * p;
	const low = Math.floor(h);
	const high = Math.min(low + 1, sorted.length - 1);
	return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/**
 * Percentile rank of `value` among `values`, 0–100: the share strictly below plus half the
 * share equal — the "mean" kind of scipy.stats.percentileofscore, the mid-rank definition of
 * a percentile rank (e.g. Crocker & Algina, Introduction to Classical and Modern Test Theory,
 * 1986, ch. 19: PR = (cf below + ½ f at the score) / N × 100). A price equal to every
 * competitor's is at 50, not at 0 or 100.
 */
export function percentileRank(values: readonly number[], value: number): number {
	if (values.length === 0) throw new Error('percentileRank among no values');
	let below = 0;
	let equal = 0;
	for (const v of values) {
		if (v < value) below++;
		else if (v === value) equal++;
	}
	return ((below + equal / 2) / values.length) * 100;
}

export interface PriceBand {
	count: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

/** Min, quartiles (definition 7) and max of the given prices (any order). */
export function priceBand(prices: readonly number[]): PriceBand {
	const sorted = [...prices].sort((a, b) => a - b);
	return {
		count: sorted.length,
		min: sorted[0],
		q1: quantileType7(sorted, 0.25),
		median: quantileType7(sorted, 0.5),
		q3: quantileType7(sorted, 0.75),
		max: sorted[sorted.length - 1],
	};
}

export type BandPosition = 'below' | 'in' | 'above' | 'noCompetitors';

/** Below the cheapest competitor, within min–max (ends included), or above the dearest. */
export function bandPosition(band: PriceBand | undefined, price: number): BandPosition {
	if (!band) return 'noCompetitors';
	if (price < band.min) return 'below';
	if (price > band.max) return 'above';
	return 'in';
}
