/** Per-segment totals: how many customers, how much revenue, and what they look like. */
import { displayMoney, displayPercent, displayShare, roundTo } from '../display';
import type { LabelLanguage, Segmenter } from './segments';
import { fromCents } from '../orders';

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
	/** The same share in percent, 1 decimal (13.7). */
	customerSharePct: number;
	revenue: number;
	/** Fraction of total revenue, 0..1, 4 decimals. */
	revenueShare: number;
	revenueSharePct: number;
	meanRecencyDays: number;
	meanFrequency: number;
	meanMonetary: number;
	/** The unrounded shares and means, for a next node that calculates on (../display.ts). */
	exact: { customerShare: number; revenueShare: number; meanRecencyDays: number; meanFrequency: number; meanMonetary: number };
}

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
	return [...totals].map(([segment, t]) => {
		const exact = {
			customerShare: n === 0 ? 0 : t.n / n,
			revenueShare: allCents === 0 ? 0 : t.cents / allCents,
			meanRecencyDays: t.n === 0 ? 0 : t.recency / t.n,
			meanFrequency: t.n === 0 ? 0 : t.frequency / t.n,
			meanMonetary: t.n === 0 ? 0 : fromCents(t.cents) / t.n,
		};
		return {
			segment,
			segmentLabel: segmenter.labelOf(segment, language),
			customers: t.n,
			customerShare: displayShare(exact.customerShare),
			customerSharePct: displayPercent(exact.customerShare),
			revenue: fromCents(t.cents),
			revenueShare: displayShare(exact.revenueShare),
			revenueSharePct: displayPercent(exact.revenueShare),
			meanRecencyDays: roundTo(exact.meanRecencyDays, 2),
			meanFrequency: roundTo(exact.meanFrequency, 2),
			meanMonetary: displayMoney(exact.meanMonetary),
			exact,
		};
	});
}
