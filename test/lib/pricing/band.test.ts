/**
 * The competitor band: quartiles by Hyndman & Fan's definition 7 and the mid-rank percentile.
 * Hand-computed from the definitions (Hyndman & Fan, The American Statistician 50(4), 1996,
 * p. 363: Q(p) = x[j] + γ(x[j+1] − x[j]) with (n − 1)p = j + γ, 0-based) and checked against
 * pandas / scipy (test/reference/pricing/band_reference.py, its output committed beside it).
 */
import reference from '../../reference/pricing/band_reference.json';
import { bandPosition, percentileRank, priceBand, quantileType7 } from '../../../nodes/lib/pricing';

describe('quartiles, Hyndman & Fan definition 7', () => {
	it('interpolates between order statistics: 89, 95, 105, 120', () => {
		// (n − 1)p = 0.75 → 89 + 0.75 × 6 = 93.5; 1.5 → 95 + 0.5 × 10 = 100; 2.25 → 105 + 0.25 × 15 = 108.75
		expect(priceBand([120, 89, 105, 95])).toEqual({ count: 4, min: 89, q1: 93.5, median: 100, q3: 108.75, max: 120 });
	});

	it('lands on order statistics when (n − 1)p is whole: five prices', () => {
		expect(priceBand([159, 99, 139, 125, 119])).toEqual({ count: 5, min: 99, q1: 119, median: 125, q3: 139, max: 159 });
	});

	it('gives the one price for every quartile of one competitor', () => {
		expect(priceBand([4990])).toEqual({ count: 1, min: 4990, q1: 4990, median: 4990, q3: 4990, max: 4990 });
	});

	it('is not definition 6 (Minitab / SPSS) or the median of halves: 1..4', () => {
		// Type 6 would give q1 = 1.25, the Tukey hinge 1.5; type 7 gives 1.75.
		expect(quantileType7([1, 2, 3, 4], 0.25)).toBe(1.75);
	});

	it.each(reference.cases.map((c, i) => [i, c] as const))('agrees with pandas and scipy, case %i', (_, c) => {
		const band = priceBand(c.prices);
		expect(band.min).toBe(c.min);
		expect(band.max).toBe(c.max);
		expect(band.q1).toBeCloseTo(c.q1, 9);
		expect(band.median).toBeCloseTo(c.median, 9);
		expect(band.q3).toBeCloseTo(c.q3, 9);
		expect(percentileRank(c.prices, c.probe)).toBeCloseTo(c.percentile, 9);
	});
});

describe('percentile rank (mid-rank)', () => {
	it('counts prices below plus half the equal ones', () => {
		// 3 of 6 below 128.90, one equal: (3 + ½) ÷ 6 = 58.33 %
		expect(percentileRank([99, 119, 125, 128.9, 139, 159], 128.9)).toBeCloseTo(58.333, 3);
	});
	it('is 0 below every price, 100 above every price, 50 when all are equal', () => {
		expect(percentileRank([10, 20], 5)).toBe(0);
		expect(percentileRank([10, 20], 25)).toBe(100);
		expect(percentileRank([10, 10, 10], 10)).toBe(50);
	});
});

describe('band position', () => {
	const band = priceBand([89, 95, 105, 120]);
	it('is below under the cheapest, above over the dearest, in between them (ends included)', () => {
		expect(bandPosition(band, 88.99)).toBe('below');
		expect(bandPosition(band, 89)).toBe('in');
		expect(bandPosition(band, 120)).toBe('in');
		expect(bandPosition(band, 120.01)).toBe('above');
		expect(bandPosition(undefined, 100)).toBe('noCompetitors');
	});
});
