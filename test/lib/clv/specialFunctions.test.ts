/** ln Γ and ψ at values known in closed form (Abramowitz & Stegun 6.1.8, 6.3.2, 6.3.3). */
import { digamma, logGamma } from '../../../nodes/lib/clv';

const EULER_GAMMA = 0.5772156649015329;

describe('logGamma', () => {
	it.each([
		[1, 0],
		[2, 0],
		[0.5, 0.5 * Math.log(Math.PI)], // Γ(½) = √π
		[10, Math.log(362880)], // 9!
		[100, 359.1342053695754], // ln 99!
		[1e-8, 18.420680738180209], // −ln(1e-8) − γ·1e-8 to first order
	])('ln Γ(%p) = %p', (x, expected) => {
		expect(Math.abs(logGamma(x) - expected)).toBeLessThan(2e-14 * Math.max(1, Math.abs(expected)));
	});

	it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x across the shift threshold', () => {
		for (const x of [0.3, 2.7, 9.5, 9.999, 10.5, 250.25]) {
			// rounding of two values of size ln Γ(x) is the only allowed difference
			const allowed = 8 * Number.EPSILON * Math.max(1, Math.abs(logGamma(x + 1)));
			expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(allowed);
		}
	});

	it('throws RangeError for x <= 0 rather than returning NaN', () => {
		expect(() => logGamma(0)).toThrow(RangeError);
		expect(() => logGamma(-1.5)).toThrow(RangeError);
		expect(() => logGamma(Number.NaN)).toThrow(RangeError);
	});
});

describe('digamma', () => {
	it.each([
		[1, -EULER_GAMMA],
		[0.5, -EULER_GAMMA - 2 * Math.log(2)],
		[10, 2.251752589066721],
	])('ψ(%p) = %p', (x, expected) => {
		expect(digamma(x)).toBeCloseTo(expected, 14);
	});

	it('is the derivative of logGamma', () => {
		for (const x of [0.05, 0.9, 3.3, 12, 400]) {
			const h = 1e-5 * x;
			expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 6);
		}
	});
});
