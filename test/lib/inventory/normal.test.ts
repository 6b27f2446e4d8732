/**
 * z = Φ⁻¹(p), Wichura AS 241 (nodes/lib/inventory/normal.ts).
 * Sources: the z table in shared/docs/domain.md §4, and scipy.stats.norm.ppf values written
 * by test/reference/inventory/reference.py to z_values.csv.
 */
import { inverseNormalCdf, serviceLevelToZ } from '../../../nodes/lib/inventory';
import { expectClose, readCsv } from './referenceData';

describe('inverse normal CDF', () => {
	it.each([
		// domain.md §4: 90 % 1.2816, 95 % 1.6449, 98 % 2.0537, 99 % 2.3263
		[0.9, 1.2816],
		[0.95, 1.6449],
		[0.98, 2.0537],
		[0.99, 2.3263],
	])('service level %p gives the z of the domain table, %p', (level, z) => {
		expect(serviceLevelToZ(level)).toBeCloseTo(z, 4);
	});

	it('agrees with scipy.stats.norm.ppf to 1e-9 over the body and both tails (z_values.csv)', () => {
		const rows = readCsv('z_values.csv');
		expect(rows.length).toBeGreaterThan(100);
		let worst = 0;
		for (const { p, z } of rows) {
			const expected = Number(z);
			const actual = inverseNormalCdf(Number(p));
			expectClose(actual, expected, 1e-9, `p = ${p}`);
			worst = Math.max(worst, Math.abs(actual - expected) / Math.max(1, Math.abs(expected)));
		}
		// AS 241 is a full-double-precision routine: in practice far inside the 1e-9 bound.
		expect(worst).toBeLessThan(1e-13);
	});

	it('is 0 at the median and odd: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
		expect(inverseNormalCdf(0.5)).toBe(0);
		// 1 − p is rounded to a double, so the check stops where that rounding starts to matter.
		for (const p of [1e-9, 0.001, 0.0749, 0.2, 0.4999]) {
			expect(inverseNormalCdf(1 - p) + inverseNormalCdf(p)).toBeCloseTo(0, 6);
		}
	});

	it('covers the three regions of AS 241 (|p − ½| ≤ 0.425, r ≤ 5, r > 5)', () => {
		// scipy.stats.norm.ppf (z_values.csv) and Python's statistics.NormalDist().inv_cdf agree:
		// 0.925 → 1.4395314709384563, 1e-10 → −6.3613409024040557, 1e-300 → −37.047096299361201
		expect(inverseNormalCdf(0.925)).toBeCloseTo(1.4395314709384563, 12);
		expect(inverseNormalCdf(1e-10)).toBeCloseTo(-6.3613409024040557, 12);
		expect(inverseNormalCdf(1e-300)).toBeCloseTo(-37.047096299361201, 10);
	});

	it.each([0, 1, -0.1, 1.5, NaN])('refuses p = %p (z would be infinite or undefined)', (p) => {
		expect(() => inverseNormalCdf(p)).toThrow(RangeError);
		expect(() => serviceLevelToZ(p)).toThrow(/service level/);
	});
});
