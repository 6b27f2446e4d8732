/** Per-segment totals: how many customers, how much revenue, and what they look like. */
import type { LabelLanguage, Segmenter } from './segments';
import { fromCents, roundMoney } from '../orders';

export interface ScoredCustomer {
	segment: string;
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

/** One row per segment of the scheme (empty segments included, so charts keep their shape). */
export function summarizeSegments(
	customers: readonly ScoredCustomer[],
	segmenter: Segmenter,
	language: LabelLanguage,
): SegmentSummary[] {
	const totals = new Map<string, { n: number; cents: number; recency: number; frequency: number }>();
	for (const key of segmenter.keys) totals.set(key, { n: 0, cents: 0, recency: 0, frequency: 0 });
	let allCents = 0;
	for (const c of customers) {
		let t = totals.get(c.segment);
		if (t === undefined) {
			t = { n: 0, cents: 0, recency: 0, frequency: 0 };
			totals.set(c.segment, t);
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
