/** The optimiser on the textbook test function (Nocedal & Wright 2006, exercise 2.1 / Fig. 6.x). */
import { minimizeBfgs } from '../../../nodes/lib/clv';

describe('minimizeBfgs', () => {
	it('finds the minimum (1, 1) of the Rosenbrock function from (−1.2, 1)', () => {
		const rosenbrock = (point: Float64Array, gradient: Float64Array): number => {
			const [x, y] = point;
			gradient[0] = -400 * x * (y - x * x) - 2 * (1 - x);
			gradient[1] = 200 * (y - x * x);
			return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
		};
		const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(1, 7);
		expect(result.point[1]).toBeCloseTo(1, 7);
		expect(result.iterations).toBeLessThan(100);
	});

	it('treats a non-finite trial value as +∞ and backs off', () => {
		// minimum at 3, undefined (NaN) below 0
		const objective = (point: Float64Array, gradient: Float64Array): number => {
			const x = point[0];
			gradient[0] = x < 0 ? Number.NaN : 2 * (x - 3);
			return x < 0 ? Number.NaN : (x - 3) ** 2;
		};
		const result = minimizeBfgs(objective, [0.5], { maxStep: 50 });
		expect(result.converged).toBe(true);
		expect(result.point[0]).toBeCloseTo(3, 8);
	});

	it('throws when the start itself is not finite', () => {
		expect(() => minimizeBfgs(() => Number.NaN, [0])).toThrow(RangeError);
	});
});
