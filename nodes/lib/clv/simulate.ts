/**
 * Synthetic customer histories drawn from the BG/NBD and Gamma-Gamma generative stories,
 * for tests and benchmarks: deterministic given the seed.
 *
 * BG/NBD (Fader, Hardie & Lee 2005, section 3): λ ~ Gamma(r, rate α), p ~ Beta(a, b);
 * starting from the first purchase at time 0, inter-purchase times are Exponential(λ) and
 * after each repeat purchase the customer drops out with probability p; purchases after
 * T are not observed.
 * Gamma-Gamma (Fader & Hardie 2013): ν ~ Gamma(q, rate v), each transaction's value is
 * Gamma(p, rate ν); monetaryValue is the mean of the repeat transactions.
 *
 * Random numbers: sfc32 (Doty-Humphrey's Small Fast Counting generator, PractRand-clean)
 * seeded through splitmix32; Gamma variates by Marsaglia & Tsang (2000), with the
 * U^(1/k) boost for shapes below 1; normals by the Marsaglia polar method.
 */
import type { BgNbdParameters } from './bgnbd';
import type { CustomerHistory } from './customerHistory';
import type { GammaGammaParameters } from './gammaGamma';

export interface SimulationOptions {
	customers: number;
	seed: number;
	/** observation length of customer i (time since the first purchase); default 39 − 12·U */
	observationTime?: (index: number, uniform: () => number) => number;
	/** add monetaryValue from this spend model to customers with x > 0 */
	spend?: GammaGammaParameters;
}

export function simulateCustomers(parameters: BgNbdParameters, options: SimulationOptions): CustomerHistory[] {
	const uniform = seededUniform(options.seed);
	const observationTime = options.observationTime ?? ((_index: number, u: () => number) => 39 - 12 * u());
	const { r, alpha, a, b } = parameters;
	const histories: CustomerHistory[] = [];
	for (let i = 0; i < options.customers; i++) {
		const T = observationTime(i, uniform);
		const rate = gammaVariate(r, uniform) / alpha;
		const first = gammaVariate(a, uniform);
		const dropOut = first / (first + gammaVariate(b, uniform));
		let time = 0;
		let x = 0;
		let tx = 0;
		for (;;) {
			time += -Math.log(1 - uniform()) / rate;
			if (time > T) break;
			x++;
			tx = time;
			if (uniform() < dropOut) break;
		}
		const customer: CustomerHistory = { x, tx, T };
		if (options.spend && x > 0) {
			const { p, q, v } = options.spend;
			const nu = gammaVariate(q, uniform) / v;
			let total = 0;
			for (let k = 0; k < x; k++) total += gammaVariate(p, uniform) / nu;
			customer.monetaryValue = total / x;
		}
		histories.push(customer);
	}
	return histories;
}

/** Uniform variates on [0, 1) from sfc32 seeded by splitmix32. */
export function seededUniform(seed: number): () => number {
	let state = seed >>> 0;
	const splitmix = (): number => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let counter = 1;
	const next = (): number => {
		const t = (((a + b) >>> 0) + counter) >>> 0;
		counter = (counter + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t >>> 0;
	};
	for (let i = 0; i < 12; i++) next();
	// 53 random bits
	return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** Gamma(shape, rate 1) by Marsaglia & Tsang (2000), "A Simple Method for Generating Gamma Variables". */
export function gammaVariate(shape: number, uniform: () => number): number {
	if (shape < 1) {
		// G(k) = G(k + 1) · U^(1/k)
		return gammaVariate(shape + 1, uniform) * Math.pow(1 - uniform(), 1 / shape);
	}
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let normal: number;
		let v: number;
		do {
			normal = standardNormal(uniform);
			v = 1 + c * normal;
		} while (v <= 0);
		v = v * v * v;
		const u = 1 - uniform();
		if (u < 1 - 0.0331 * normal ** 4) return d * v;
		if (Math.log(u) < 0.5 * normal * normal + d * (1 - v + Math.log(v))) return d * v;
	}
}

function standardNormal(uniform: () => number): number {
	for (;;) {
		const u = 2 * uniform() - 1;
		const v = 2 * uniform() - 1;
		const s = u * u + v * v;
		if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
	}
}
