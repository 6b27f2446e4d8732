/**
 * The seeded generator (nodes/lib/demo/random.ts): sfc32 streams keyed by seed and path,
 * and the distributions drawn from them, checked against their textbook moments.
 */
import { createRng, cumulative, scramble32, searchCumulative } from '../../../nodes/lib/demo/random';

function draws(n: number, draw: () => number): number[] {
	return Array.from({ length: n }, draw);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
	const m = mean(xs);
	return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};

describe('seeded streams', () => {
	it('repeat for the same seed and path, and differ for another seed or path', () => {
		const s1 = createRng(7, 'orders');
		const s2 = createRng(7, 'orders');
		expect(draws(20, () => s1.nextUint32())).toEqual(draws(20, () => s2.nextUint32()));
		const first = (seed: number, ...path: Array<string | number>) => {
			const rng = createRng(seed, ...path);
			return draws(4, () => rng.nextUint32());
		};
		expect(first(7, 'orders')).not.toEqual(first(8, 'orders'));
		expect(first(7, 'orders')).not.toEqual(first(7, 'customers'));
		expect(first(7, 'customer', 1)).not.toEqual(first(7, 'customer', 2));
	});

	it('draw uniform numbers in [0, 1) with mean 1/2 and variance 1/12', () => {
		const rng = createRng(1, 'uniform');
		const xs = draws(100_000, () => rng.next());
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		expect(mean(xs)).toBeCloseTo(0.5, 2);
		expect(variance(xs)).toBeCloseTo(1 / 12, 2);
	});

	it('draw integers over the whole closed range', () => {
		const rng = createRng(1, 'int');
		const seen = new Set(draws(1000, () => rng.int(3, 6)));
		expect([...seen].sort()).toEqual([3, 4, 5, 6]);
	});
});

describe('distributions', () => {
	it('normal: mean and standard deviation as asked', () => {
		const rng = createRng(2, 'normal');
		const xs = draws(100_000, () => rng.normal(10, 3));
		expect(mean(xs)).toBeCloseTo(10, 1);
		expect(Math.sqrt(variance(xs))).toBeCloseTo(3, 1);
	});

	it('lognormal: median e^mu, mean e^(mu + sigma²/2)', () => {
		const rng = createRng(3, 'lognormal');
		const xs = draws(100_000, () => rng.lognormal(1, 0.5));
		const sorted = [...xs].sort((a, b) => a - b);
		expect(sorted[50_000] / Math.E).toBeCloseTo(1, 1);
		expect(mean(xs) / Math.exp(1 + 0.125)).toBeCloseTo(1, 1);
	});

	it.each([0.3, 4, 50])('poisson(%p): mean and variance both lambda', (lambda) => {
		const rng = createRng(4, 'poisson', lambda);
		const xs = draws(50_000, () => rng.poisson(lambda));
		expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
		expect(mean(xs) / lambda).toBeCloseTo(1, 1);
		expect(variance(xs) / lambda).toBeCloseTo(1, 1);
	});

	it('poisson(0) is 0', () => {
		expect(createRng(1).poisson(0)).toBe(0);
	});

	it('weighted choice follows the weights and never picks a zero weight', () => {
		const rng = createRng(5, 'weighted');
		const cum = cumulative([1, 0, 3]);
		const counts = [0, 0, 0];
		for (let i = 0; i < 40_000; i++) counts[rng.pickCumulative(cum)]++;
		expect(counts[1]).toBe(0);
		expect(counts[2] / counts[0]).toBeCloseTo(3, 0);
	});

	it('weighted choice can be limited to a prefix', () => {
		const rng = createRng(5, 'prefix');
		const cum = cumulative([1, 1, 1, 1]);
		for (let i = 0; i < 1000; i++) expect(rng.pickCumulative(cum, 2)).toBeLessThan(2);
	});
});

describe('searchCumulative', () => {
	const cum = cumulative([2, 0, 1]); // [0, 2, 2, 3]
	it('finds the interval holding the target, skipping empty ones', () => {
		expect(searchCumulative(cum, 0, 0, 2)).toBe(0);
		expect(searchCumulative(cum, 1.99, 0, 2)).toBe(0);
		expect(searchCumulative(cum, 2, 0, 2)).toBe(2);
		expect(searchCumulative(cum, 2.5, 0, 2)).toBe(2);
	});
});

describe('scramble32', () => {
	it('is a bijection: 100,000 consecutive inputs give 100,000 distinct outputs', () => {
		const outputs = new Set<number>();
		for (let i = 0; i < 100_000; i++) outputs.add(scramble32(i));
		expect(outputs.size).toBe(100_000);
	});
	it('gives unsigned 32-bit integers', () => {
		for (const x of [0, 1, 0xffffffff, 123456789]) {
			const y = scramble32(x);
			expect(Number.isInteger(y) && y >= 0 && y <= 0xffffffff).toBe(true);
		}
	});
});
