/**
 * Seeded pseudo-random numbers for the demo shop.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 128-bit state, passes
 * PractRand; the JavaScript form is bryc's, github.com/bryc/code/blob/master/jshash/PRNGs.md),
 * seeded by cyrb128 of a text key. Every dataset and entity draws from its own stream,
 * keyed by the seed and a path such as ('customer', 17), so a dataset never depends on
 * which other dataset was generated first or how many numbers it consumed.
 */

/** bryc's cyrb128: a 128-bit hash of a string, as four unsigned 32-bit words. */
function cyrb128(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A bijection on unsigned 32-bit integers (murmur3 fmix32: each xor-shift and odd multiply
 * is invertible). Used to turn a customer's index into a platform id that looks random yet
 * can never collide with another customer's.
 */
export function scramble32(value: number): number {
	let h = value >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Hash of a text to an unsigned 32-bit integer (first word of cyrb128). */
export function hashText(text: string): number {
	return cyrb128(text)[0];
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	private spareNormal = NaN;

	constructor(seedWords: [number, number, number, number]) {
		[this.a, this.b, this.c, this.d] = seedWords;
		// Discard the first outputs: sfc32 mixes weakly related seeds in ~12 rounds.
		for (let i = 0; i < 15; i++) this.nextUint32();
	}

	nextUint32(): number {
		const t0 = (this.a + this.b) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.d = (this.d + 1) | 0;
		const t = (t0 + this.d) | 0;
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** Uniform in [min, max). */
	uniform(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** Uniform integer in [min, max], both ends included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Normal deviate by the Box–Muller transform (the second deviate is kept for the next call). */
	normal(mean = 0, sd = 1): number {
		if (!Number.isNaN(this.spareNormal)) {
			const z = this.spareNormal;
			this.spareNormal = NaN;
			return mean + sd * z;
		}
		let u = 0;
		while (u === 0) u = this.next();
		const radius = Math.sqrt(-2 * Math.log(u));
		const angle = 2 * Math.PI * this.next();
		this.spareNormal = radius * Math.sin(angle);
		return mean + sd * radius * Math.cos(angle);
	}

	/** exp(N(mu, sigma²)); its median is e^mu and its mean e^(mu + sigma²/2). */
	lognormal(mu: number, sigma: number): number {
		return Math.exp(this.normal(mu, sigma));
	}

	/**
	 * Poisson count with mean `lambda`: Knuth's product-of-uniforms method below 30,
	 * the rounded normal approximation N(λ, λ) above (error well under 1% there).
	 */
	poisson(lambda: number): number {
		if (!(lambda > 0)) return 0;
		if (lambda >= 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
		const limit = Math.exp(-lambda);
		let k = 0;
		let product = this.next();
		while (product > limit) {
			k++;
			product *= this.next();
		}
		return k;
	}

	/** Index drawn with probability proportional to its weight; `cum` comes from `cumulative`. */
	pickCumulative(cum: Float64Array, count = cum.length - 1): number {
		return searchCumulative(cum, this.next() * cum[count], 0, count - 1);
	}
}

/** Running sums with a leading zero: cum[i] = w[0] + … + w[i-1]; cum has length n + 1. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
	const cum = new Float64Array(weights.length + 1);
	for (let i = 0; i < weights.length; i++) cum[i + 1] = cum[i] + weights[i];
	return cum;
}

/** The index i in [lo, hi] with cum[i] ≤ target < cum[i + 1] (clamped to the range). */
export function searchCumulative(cum: Float64Array, target: number, lo: number, hi: number): number {
	while (lo < hi) {
		const mid = (lo + hi + 1) >>> 1;
		if (cum[mid] <= target) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** The stream for one dataset or entity: same seed and path, same numbers. */
export function createRng(seed: number, ...path: Array<string | number>): Rng {
	return new Rng(cyrb128(`commerce-ops-demo/${String(seed)}/${path.join('/')}`));
}
