/**
 * Turning recency, frequency and monetary into 1–5 scores. Three methods, because shops
 * disagree on what "a quintile" means when many customers have the same values (most
 * customers buy once):
 *
 * - `quintiles` (default) — ties share a score, like the R package `rfm` (rsquaredacademy)
 *   whose bins come from quantile() break points. Here without interpolation:
 *   F = 1 + ⌊5 · #{customers with strictly smaller frequency} / N⌋ (same for M);
 *   R = 1 + ⌊5 · #{customers with strictly larger recency days} / N⌋; clamped to 1..5.
 *   Two identical customers always get identical scores; bins can be uneven.
 * - `equalSize` — equal-size bins as pandas `qcut(x.rank(method='first'), 5)` gives, with
 *   ties broken by customerId (not by row order, so the result does not depend on how the
 *   input was sorted): position i (0-based) in the order → 1 + ⌊5i/N⌋.
 * - `thresholds` — four ascending cut points per dimension, chosen by the user:
 *   F = 1 + #{cut points ≤ frequency} (same for M); R = 5 − #{cut points < recency days}.
 */

import { UserInputError } from '../errors';

export interface RfmValues {
	customerId: string;
	recencyDays: number;
	frequency: number;
	/** Exact integer cents, so ties compare exactly. */
	monetaryCents: number;
}

export interface Thresholds {
	recencyDays: number[];
	frequency: number[];
	/** In currency units (not cents). */
	monetary: number[];
}

export type ScoringMethod =
	| { kind: 'quintiles' }
	| { kind: 'equalSize' }
	| { kind: 'thresholds'; thresholds: Thresholds };

export interface RfmScores {
	r: Uint8Array;
	f: Uint8Array;
	m: Uint8Array;
}


export function scoreRfm(customers: readonly RfmValues[], method: ScoringMethod): RfmScores {
	const recency = customers.map((c) => c.recencyDays);
	const frequency = customers.map((c) => c.frequency);
	const monetary = customers.map((c) => c.monetaryCents);
	switch (method.kind) {
		case 'quintiles':
			return {
				r: quintilesTiesShared(recency, 'smallerIsBetter'),
				f: quintilesTiesShared(frequency, 'largerIsBetter'),
				m: quintilesTiesShared(monetary, 'largerIsBetter'),
			};
		case 'equalSize': {
			const ids = customers.map((c) => c.customerId);
			return {
				r: equalSizeQuintiles(recency, ids, 'smallerIsBetter'),
				f: equalSizeQuintiles(frequency, ids, 'largerIsBetter'),
				m: equalSizeQuintiles(monetary, ids, 'largerIsBetter'),
			};
		}
		case 'thresholds': {
			const { thresholds } = method;
			const monetaryCuts = checkCutPoints('monetary', thresholds.monetary).map((t) => Math.round(t * 100));
			return {
				r: byCutPoints(recency, checkCutPoints('recency days', thresholds.recencyDays), 'smallerIsBetter'),
				f: byCutPoints(frequency, checkCutPoints('frequency', thresholds.frequency), 'largerIsBetter'),
				m: byCutPoints(monetary, monetaryCuts, 'largerIsBetter'),
			};
		}
	}
}

type Direction = 'largerIsBetter' | 'smallerIsBetter';

function quintilesTiesShared(values: number[], direction: Direction): Uint8Array {
	const n = values.length;
	const sorted = Float64Array.from(values).sort();
	const scores = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		const worse = direction === 'largerIsBetter' ? lowerBound(sorted, v) : n - upperBound(sorted, v);
		scores[i] = Math.min(5, 1 + Math.floor((5 * worse) / n));
	}
	return scores;
}

function equalSizeQuintiles(values: number[], ids: string[], direction: Direction): Uint8Array {
	const n = values.length;
	const sign = direction === 'largerIsBetter' ? 1 : -1;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
		const byValue = sign * (values[a] - values[b]);
		if (byValue !== 0) return byValue;
		return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
	});
	const scores = new Uint8Array(n);
	for (let position = 0; position < n; position++) {
		scores[order[position]] = 1 + Math.floor((5 * position) / n);
	}
	return scores;
}

function byCutPoints(values: number[], cuts: number[], direction: Direction): Uint8Array {
	const scores = new Uint8Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		let passed = 0;
		for (const cut of cuts) {
			if (direction === 'largerIsBetter' ? v >= cut : v > cut) passed++;
		}
		scores[i] = direction === 'largerIsBetter' ? 1 + passed : 5 - passed;
	}
	return scores;
}

function checkCutPoints(dimension: string, cuts: number[]): number[] {
	const ok =
		cuts.length === 4 &&
		cuts.every((c) => Number.isFinite(c)) &&
		cuts.every((c, i) => i === 0 || c > cuts[i - 1]);
	if (!ok) {
		throw new UserInputError(
			`Thresholds for ${dimension} must be 4 ascending numbers (the lower bounds of scores 2, 3, 4 and 5), e.g. 2, 3, 5, 8; got ${JSON.stringify(cuts)}`,
		);
	}
	return cuts;
}

/** Index of the first element ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Index of the first element > v. */
function upperBound(sorted: Float64Array, v: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] <= v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
