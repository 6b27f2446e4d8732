/**
 * 2F1 against values computed independently (test/reference/clv/hyp2f1_reference.py:
 * scipy.special.hyp2f1 from Debian's python3-scipy 1.10, and mpmath at 100 digits) at the
 * arguments BG/NBD uses (Fader, Hardie & Lee 2005, eq. 10): z up to 1 − 1e-8, x up to
 * 500, c − a − b integer, plus z < 0 and other generic cases.
 *
 * Stated accuracy: relative error below 1e-11 on every row (measured: 1.4e-13).
 */
import { hyp2f1, powerTimesHyp2f1 } from '../../../nodes/lib/clv';
import { readReferenceCsv, relativeError } from './fixtures';

const TOLERANCE = 1e-11;
const rows = readReferenceCsv('hyp2f1_reference.csv').map((row) => ({
	label: row.label,
	a: Number(row.a),
	b: Number(row.b),
	c: Number(row.c),
	z: Number(row.z),
	scipy: Number(row.scipy),
	mpmath: Number(row.mpmath),
}));

describe('hyp2f1 against the scipy / mpmath reference CSV', () => {
	it('has the BG/NBD ranges in it, including the slowly converging end', () => {
		expect(rows.length).toBeGreaterThan(1000);
		expect(rows.filter((row) => row.z >= 0.9999).length).toBeGreaterThan(200);
		expect(Math.max(...rows.map((row) => row.c))).toBeGreaterThan(500);
	});

	it(`agrees with mpmath (100 digits) to ${TOLERANCE} relative on every row`, () => {
		const failures = rows
			.map((row) => ({ ...row, value: hyp2f1(row.a, row.b, row.c, row.z) }))
			.map((row) => ({ ...row, error: relativeError(row.value, row.mpmath) }))
			.filter((row) => !(row.error <= TOLERANCE));
		expect(failures).toEqual([]);
	});

	it(`agrees with scipy to ${TOLERANCE} relative wherever scipy returns a number`, () => {
		const withScipy = rows.filter((row) => Number.isFinite(row.scipy));
		const failures = withScipy.filter((row) => !(relativeError(hyp2f1(row.a, row.b, row.c, row.z), row.scipy) <= TOLERANCE));
		expect(failures).toEqual([]);
	});

	it('gives a number where scipy 1.10 gives nan (c − a − b an integer, z near 1)', () => {
		const scipyNan = rows.filter((row) => Number.isNaN(row.scipy));
		expect(scipyNan.length).toBeGreaterThan(0);
		for (const row of scipyNan) {
			expect(relativeError(hyp2f1(row.a, row.b, row.c, row.z), row.mpmath)).toBeLessThanOrEqual(TOLERANCE);
		}
	});
});

describe('hyp2f1 closed forms (Abramowitz & Stegun 15.1)', () => {
	it('2F1(1, 1; 2; z) = −ln(1 − z)/z, also at z = 1 − 1e-12 (A&S 15.1.3)', () => {
		for (const z of [-5, -0.3, 0.2, 0.5, 0.7, 0.99, 1 - 1e-6, 1 - 1e-12]) {
			expect(relativeError(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-13);
		}
	});

	it('2F1(a, b; b; z) = (1 − z)^(−a) (A&S 15.1.8)', () => {
		for (const z of [-10, 0.4, 0.9, 0.9999]) {
			expect(relativeError(hyp2f1(2.5, 1.7, 1.7, z), Math.pow(1 - z, -2.5))).toBeLessThan(1e-13);
		}
	});

	it('2F1(½, ½; 3/2; z²) = arcsin(z)/z (A&S 15.1.6)', () => {
		for (const z of [0.1, 0.6, 0.95, 0.999999]) {
			expect(relativeError(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-13);
		}
	});

	it('is 1 at z = 0 and a polynomial when a is a non-positive integer', () => {
		expect(hyp2f1(3.3, 4.4, 5.5, 0)).toBe(1);
		// 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
		const [b, c, z] = [1.5, 2.5, 0.8];
		expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 14);
	});

	it('is continuous where the method changes (series, Euler, continuation at z = ½)', () => {
		for (const [a, b, c] of [
			[0.243, 2.426, 2.219],
			[1.976, -0.207, 32.219],
			[100.5, 105, 104.5],
		]) {
			// the neighbouring doubles on either side of ½
			const below = hyp2f1(a, b, c, 0.5 - 2 ** -54);
			const above = hyp2f1(a, b, c, 0.5 + 2 ** -53);
			expect(relativeError(above, below)).toBeLessThan(1e-12);
		}
	});
});

describe('hyp2f1 outside its domain throws RangeError, never NaN', () => {
	it.each([
		['z = 1', 1, 1, 3, 1],
		['z > 1', 1, 1, 3, 1.5],
		['c = 0', 1, 1, 0, 0.5],
		['c = −2', 1, 1, -2, 0.5],
		['NaN argument', Number.NaN, 1, 2, 0.5],
		['infinite z', 1, 1, 2, -Infinity],
	])('%s', (_name, a, b, c, z) => {
		expect(() => hyp2f1(a, b, c, z)).toThrow(RangeError);
	});

	it('allows c a non-positive integer when the series stops before the pole', () => {
		// 2F1(−1, b; −2; z) = 1 + b z / 2
		expect(hyp2f1(-1, 3, -2, 0.5)).toBeCloseTo(1 + (3 * 0.5) / 2, 14);
	});
});

describe('powerTimesHyp2f1: (1 − z)^e · 2F1 when each factor alone overflows', () => {
	it('gives BG/NBD’s (1−z)^(r+x) 2F1(r+x, b+x; a+b+x−1; z) for x = 2000, where 2F1 alone is ~1e2000', () => {
		const [r, a, b, x, z] = [0.243, 0.793, 2.426, 2000, 0.9];
		expect(() => hyp2f1(r + x, b + x, a + b + x - 1, z)).toThrow(RangeError);
		const direct = powerTimesHyp2f1(r + x, r + x, b + x, a + b + x - 1, z);
		// Euler's transformation (A&S 15.3.3) moves (1−z)^(c−a−b) between the two sides
		const euler = powerTimesHyp2f1(a - 1, a + b - 1 - r, a - 1, a + b + x - 1, z);
		expect(Number.isFinite(direct)).toBe(true);
		expect(relativeError(direct, euler)).toBeLessThan(1e-12);
	});

	it('is hyp2f1 itself at exponent 0 and (1 − z)^e at z = 0 or a = 0', () => {
		expect(powerTimesHyp2f1(0, 0.3, 1.7, 2.2, 0.6)).toBe(hyp2f1(0.3, 1.7, 2.2, 0.6));
		expect(powerTimesHyp2f1(2, 0, 1.7, 2.2, 0.6)).toBeCloseTo(0.16, 15);
	});
});
