/** Customer activity → scores → segment: the whole RFM step after aggregation. */
import { fromCents, roundMoney } from '../orders';
import { scoreRfm, type ScoringMethod } from './scoring';
import { createSegmenter, type LabelLanguage, type SegmentScheme } from './segments';
import { summarizeSegments, type SegmentSummary } from './summary';

export interface CustomerValues {
	customerId: string;
	recencyDays: number;
	frequency: number;
	monetaryCents: number;
	firstOrderAt?: string;
	lastOrderAt?: string;
}

export interface SegmentOptions {
	scoring: ScoringMethod;
	scheme: SegmentScheme;
	language: LabelLanguage;
}

/** One output row per customer; field names are documented in docs/nodes/RfmSegment.md and stable. */
export interface CustomerRfm {
	customerId: string;
	recencyDays: number;
	frequency: number;
	monetary: number;
	averageOrderValue: number;
	firstOrderAt: string | null;
	lastOrderAt: string | null;
	r: number;
	f: number;
	m: number;
	/** R, F and M digits, e.g. "545". */
	rfmCode: string;
	/** R + F + M, 3..15: one number to rank customers by. */
	rfmScore: number;
	segment: string;
	segmentLabel: string;
}

export interface SegmentationResult {
	customers: CustomerRfm[];
	summary: SegmentSummary[];
}

export function segmentCustomers(values: readonly CustomerValues[], options: SegmentOptions): SegmentationResult {
	const segmenter = createSegmenter(options.scheme);
	const { r, f, m } = scoreRfm(values, options.scoring);
	const customers = values.map((v, i): CustomerRfm => {
		const segment = segmenter.segmentOf(r[i], f[i], m[i]);
		const monetary = fromCents(v.monetaryCents);
		return {
			customerId: v.customerId,
			recencyDays: v.recencyDays,
			frequency: v.frequency,
			monetary,
			averageOrderValue: v.frequency > 0 ? roundMoney(monetary / v.frequency) : 0,
			firstOrderAt: v.firstOrderAt ?? null,
			lastOrderAt: v.lastOrderAt ?? null,
			r: r[i],
			f: f[i],
			m: m[i],
			rfmCode: `${r[i]}${f[i]}${m[i]}`,
			rfmScore: r[i] + f[i] + m[i],
			segment,
			segmentLabel: segmenter.labelOf(segment, options.language),
		};
	});
	const summary = summarizeSegments(
		customers.map((c) => c.segment),
		values,
		segmenter,
		options.language,
	);
	return { customers, summary };
}
