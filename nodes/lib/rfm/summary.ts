/** Per-segment totals: how many customers, how much revenue, and what they look like. */
import type { LabelLanguage, Segmenter } from './segments';
import { fromCents, roundMoney } from '../orders';

/** What the summary reads of a customer; the segment comes beside it (summarizeSegments). */
export interface ScoredCustomer {
	recencyDays: number;
	frequency: number;
	monetaryCents: number;
}

export interface SegmentSummary {
	segment: string;
	segmentLabel: string;
	customers: number;
	/** Fraction of scored customers, 0..1, 4 decimals. */
	customerShare: number;
	revenue: number;
	/** Fraction of total revenue, 0..1, 4 decimals. */
	revenueShare: number;
	meanRecencyDays: number;
	meanFrequency: number;
	meanMonetary: number;
}

const round = (value: number, decimals: number) => {
	const scale = 10 ** decimals;
	return Math.round(value * scale) / scale;
};

/**
 * One row per segment of the scheme (empty segments included, so charts keep their shape).
 * `segments[i]` is the segment of `customers[i]`: two arrays rather than one merged object per
 * customer, which for 1M customers was a million short-lived copies.
 */
export function summarizeSegments(
	segments: readonly string[],
	customers: readonly ScoredCustomer[],
	segmenter: Segmenter,
	language: LabelLanguage,
): SegmentSummary[] {
	const totals = new Map<string, { n: number; cents: number; recency: number; frequency: number }>();
	for (const key of segmenter.keys) totals.set(key, { n: 0, cents: 0, recency: 0, frequency: 0 });
	let allCents = 0;
	for (let i = 0; i < customers.length; i++) {
		const c = customers[i];
		let t = totals.get(segments[i]);
		if (t === undefined) {
			t = { n: 0, cents: 0, recency: 0, frequency: 0 };
			totals.set(segments[i], t);
		}
		t.n++;
		t.cents += c.monetaryCents;
		t.recency += c.recencyDays;
		t.frequency += c.frequency;
		allCents += c.monetaryCents;
	}
	const n = customers.length;
	return [...totals].map(([segment, t]) => ({
		segment,
		segmentLabel: segmenter.labelOf(segment, language),
		customers: t.n,
		customerShare: n === 0 ? 0 : round(t.n / n, 4),
		revenue: fromCents(t.cents),
		revenueShare: allCents === 0 ? 0 : round(t.cents / allCents, 4),
		meanRecencyDays: t.n === 0 ? 0 : round(t.recency / t.n, 2),
		meanFrequency: t.n === 0 ? 0 : round(t.frequency / t.n, 2),
		meanMonetary: t.n === 0 ? 0 : roundMoney(fromCents(t.cents) / t.n),
	}));
}
