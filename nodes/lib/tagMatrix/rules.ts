/**
 * Tag rules: each names a family (basic / behaviour / sentiment), a tag and a condition on one
 * customer metric (metrics.ts). A customer gets every tag whose rule holds; "{value}" in a tag
 * name becomes the metric's value (e.g. 平台: {value} → 平台: douyin). Per tag, the count of
 * customers. Pure: no n8n imports.
 */
import type { CustomerMetrics } from './metrics';

export const TAG_FAMILIES = ['basic', 'behaviour', 'sentiment'] as const;
export type TagFamily = (typeof TAG_FAMILIES)[number];

/** How families read in output (both languages: the counts row is what people read). */
export const FAMILY_LABELS: Record<TagFamily, string> = {
	basic: 'Basic · 基础',
	behaviour: 'Behaviour · 行为',
	sentiment: 'Sentiment · 情感',
};

/**
 * What a rule can test. A metric has a text value (label), a number, or both; `percent` marks
 * a 0–1 share whose thresholds are written in percent (50 = half).
 */
export const TAG_METRICS = {
	platform: { label: (m: CustomerMetrics) => m.mainPlatform },
	region: { label: (m: CustomerMetrics) => m.region },
	firstChannel: { label: (m: CustomerMetrics) => m.firstChannel },
	rfmSegment: { label: (m: CustomerMetrics) => m.rfmSegment },
	categoryAffinity: { label: (m: CustomerMetrics) => m.topCategory, number: (m: CustomerMetrics) => m.topCategoryShare, percent: true },
	preferredHour: { number: (m: CustomerMetrics) => m.preferredHour },
	couponShare: { number: (m: CustomerMetrics) => m.couponShare, percent: true },
	refundRate: { number: (m: CustomerMetrics) => m.refundRate, percent: true },
	orders: { number: (m: CustomerMetrics) => m.orders },
	sentimentScore: { number: (m: CustomerMetrics) => m.sentimentScore },
} as const satisfies Record<
	string,
	{ label?: (m: CustomerMetrics) => string | null; number?: (m: CustomerMetrics) => number | null; percent?: boolean }
>;
export type TagMetric = keyof typeof TAG_METRICS;
export const TAG_METRIC_NAMES = Object.keys(TAG_METRICS) as TagMetric[];

export const TAG_CONDITIONS = ['any', 'oneOf', 'atLeast', 'atMost', 'between'] as const;
export type TagCondition = (typeof TAG_CONDITIONS)[number];

export interface TagRule {
	family: TagFamily;
	/** May hold "{value}". */
	tagName: string;
	metric: TagMetric;
	condition: TagCondition;
	/** For atLeast / atMost / between, in the metric's unit (percent for shares). */
	threshold: number;
	/** For between: the upper bound, inclusive. */
	upTo: number;
	/** For oneOf: the metric's text values that match (exactly, after trimming). */
	values: string[];
	/** The rule holds only for customers with at least this many paid orders. */
	minOrders: number;
}

export interface CustomerTags extends CustomerMetrics {
	/** Every tag, each once: basic, then behaviour, then sentiment, each in rule order; ready for WeCom customer tags or a CRM. */
	tags: string[];
	basicTags: string[];
	behaviourTags: string[];
	sentimentTags: string[];
}

export interface TagCount {
	family: TagFamily;
	familyLabel: string;
	tag: string;
	customers: number;
	/** customers ÷ all customers tagged or not, 0–1. */
	shareOfCustomers: number;
}

export interface TagMatrixResult {
	customers: CustomerTags[];
	/** Per family (basic, behaviour, sentiment), most customers first; ties by tag name. */
	counts: TagCount[];
}

/** Share thresholds are percent; a float's last bit must not turn 50 % into "below 50 %". */
const EPSILON = 1e-9;

function numberOf(rule: TagRule, metrics: CustomerMetrics): number | null {
	const metric = TAG_METRICS[rule.metric] as { number?: (m: CustomerMetrics) => number | null; percent?: boolean };
	const value = metric.number?.(metrics) ?? null;
	return value === null ? null : metric.percent ? value * 100 : value;
}

function labelOf(rule: TagRule, metrics: CustomerMetrics): string | null {
	const metric = TAG_METRICS[rule.metric] as { label?: (m: CustomerMetrics) => string | null };
	return metric.label?.(metrics) ?? null;
}

/** Whether the rule holds for the customer, and the value "{value}" stands for. */
export function applyRule(rule: TagRule, metrics: CustomerMetrics): string | undefined {
	if (metrics.orders < rule.minOrders) return undefined;
	const label = labelOf(rule, metrics);
	const number = numberOf(rule, metrics);
	if (label === null && number === null) return undefined;
	let holds: boolean;
	switch (rule.condition) {
		case 'any':
			holds = true;
			break;
		case 'oneOf':
			holds = label !== null && rule.values.includes(label);
			break;
		case 'atLeast':
			holds = number !== null && number >= rule.threshold - EPSILON;
			break;
		case 'atMost':
			holds = number !== null && number <= rule.threshold + EPSILON;
			break;
		case 'between':
			holds = number !== null && number >= rule.threshold - EPSILON && number <= rule.upTo + EPSILON;
			break;
	}
	if (!holds) return undefined;
	const percent = (TAG_METRICS[rule.metric] as { percent?: boolean }).percent === true;
	const value = label ?? (percent ? `${Math.round(number!)}%` : String(number));
	return rule.tagName.split('{value}').join(value);
}

/** Tags every customer and counts the customers of each tag. */
export function tagCustomers(customers: readonly CustomerMetrics[], rules: readonly TagRule[]): TagMatrixResult {
	const countOf = new Map<string, TagCount>();
	const tagged = customers.map((metrics): CustomerTags => {
		const byFamily: Record<TagFamily, string[]> = { basic: [], behaviour: [], sentiment: [] };
		const seen = new Set<string>();
		for (const rule of rules) {
			const tag = applyRule(rule, metrics);
			if (tag === undefined || tag === '' || seen.has(tag)) continue;
			seen.add(tag);
			byFamily[rule.family].push(tag);
			const key = `${rule.family}\u0000${tag}`;
			const count = countOf.get(key) ?? { family: rule.family, familyLabel: FAMILY_LABELS[rule.family], tag, customers: 0, shareOfCustomers: 0 };
			count.customers++;
			countOf.set(key, count);
		}
		return {
			...metrics,
			tags: [...byFamily.basic, ...byFamily.behaviour, ...byFamily.sentiment],
			basicTags: byFamily.basic,
			behaviourTags: byFamily.behaviour,
			sentimentTags: byFamily.sentiment,
		};
	});
	const total = customers.length;
	const counts = [...countOf.values()]
		.map((count) => ({ ...count, shareOfCustomers: total === 0 ? 0 : Math.round((count.customers / total) * 10_000) / 10_000 }))
		.sort(
			(a, b) =>
				TAG_FAMILIES.indexOf(a.family) - TAG_FAMILIES.indexOf(b.family) ||
				b.customers - a.customers ||
				(a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
		);
	return { customers: tagged, counts };
}
