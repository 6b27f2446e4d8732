/**
 * Naming customers by their scores. Three schemes:
 *
 * - `rfGrid` (default): the 10-segment R×F grid used by many RFM guides (domain.md §2):
 *   every one of the 25 (R, F) cells belongs to exactly one segment.
 * - `putler`: Putler's 11 segments on R and FM = (F + M) / 2. Putler publishes ranges
 *   such as "R 4–5, FM 4–5"; we read "a–b" as a < score ≤ b (so "0–1" is score 1).
 *   Read that way the ranges cover every cell, and three pairs nest; the inner range wins:
 *   champions over loyal_customers, cant_lose over at_risk, hibernating over lost.
 *   Source: Putler, "RFM Analysis For Successful Customer Segmentation".
 * - `custom`: the user's ordered rules of R/F/M ranges (inclusive); first match wins,
 *   else "others" — as the R package rfm's rfm_segment() does.
 */

import { UserInputError } from '../errors';

export type LabelLanguage = 'en' | 'zh';

export interface CustomSegmentRule {
	name: string;
	r: [number, number];
	f: [number, number];
	m: [number, number];
}

export type SegmentScheme = { kind: 'rfGrid' } | { kind: 'putler' } | { kind: 'custom'; rules: CustomSegmentRule[] };

export interface Segmenter {
	/** Every segment the scheme can produce, in the order summaries list them. */
	readonly keys: readonly string[];
	segmentOf(r: number, f: number, m: number): string;
	labelOf(key: string, language: LabelLanguage): string;
}

const LABELS: Record<string, { en: string; zh: string }> = {
	champions: { en: 'Champions', zh: '冠军客户' },
	loyal_customers: { en: 'Loyal Customers', zh: '忠诚客户' },
	potential_loyalists: { en: 'Potential Loyalists', zh: '潜力忠诚客户' },
	new_customers: { en: 'New Customers', zh: '新客户' },
	recent_customers: { en: 'Recent Customers', zh: '近期新客' },
	promising: { en: 'Promising', zh: '有潜力客户' },
	need_attention: { en: 'Need Attention', zh: '需要关注' },
	about_to_sleep: { en: 'About to Sleep', zh: '即将沉睡' },
	at_risk: { en: 'At Risk', zh: '流失风险' },
	cant_lose: { en: "Can't Lose Them", zh: '不能失去' },
	hibernating: { en: 'Hibernating', zh: '沉睡客户' },
	lost: { en: 'Lost', zh: '已流失' },
	others: { en: 'Others', zh: '其他' },
};

function builtInLabel(key: string, language: LabelLanguage): string {
	return LABELS[key]?.[language] ?? key;
}

// R digit then F digit → segment (domain.md §2).
const RF_GRID: Record<string, string> = {};
function gridCells(key: string, rs: number[], fs: number[]) {
	for (const r of rs) for (const f of fs) RF_GRID[`${r}${f}`] = key;
}
gridCells('hibernating', [1, 2], [1, 2]);
gridCells('at_risk', [1, 2], [3, 4]);
gridCells('cant_lose', [1, 2], [5]);
gridCells('about_to_sleep', [3], [1, 2]);
gridCells('need_attention', [3], [3]);
gridCells('loyal_customers', [3, 4], [4, 5]);
gridCells('promising', [4], [1]);
gridCells('new_customers', [5], [1]);
gridCells('potential_loyalists', [4, 5], [2, 3]);
gridCells('champions', [5], [4, 5]);

const RF_GRID_KEYS = [
	'champions',
	'loyal_customers',
	'potential_loyalists',
	'new_customers',
	'promising',
	'need_attention',
	'about_to_sleep',
	'at_risk',
	'cant_lose',
	'hibernating',
] as const;

/** Putler rules in precedence order: [key, R range, FM range], each range read as (lo, hi]. */
const PUTLER_RULES: ReadonlyArray<[string, [number, number], [number, number]]> = [
	['champions', [4, 5], [4, 5]],
	['cant_lose', [0, 1], [4, 5]],
	['hibernating', [1, 2], [1, 2]],
	['loyal_customers', [2, 5], [3, 5]],
	['potential_loyalists', [3, 5], [1, 3]],
	['recent_customers', [4, 5], [0, 1]],
	['promising', [3, 4], [0, 1]],
	['need_attention', [2, 3], [2, 3]],
	['about_to_sleep', [2, 3], [0, 2]],
	['at_risk', [0, 2], [2, 5]],
	['lost', [0, 2], [0, 2]],
];

const PUTLER_KEYS = [
	'champions',
	'loyal_customers',
	'potential_loyalists',
	'recent_customers',
	'promising',
	'need_attention',
	'about_to_sleep',
	'at_risk',
	'cant_lose',
	'hibernating',
	'lost',
] as const;

const within = (value: number, [lo, hi]: [number, number]) => value > lo && value <= hi;
const withinInclusive = (value: number, [lo, hi]: [number, number]) => value >= lo && value <= hi;


export function createSegmenter(scheme: SegmentScheme): Segmenter {
	switch (scheme.kind) {
		case 'rfGrid':
			return {
				keys: RF_GRID_KEYS,
				segmentOf: (r, f) => RF_GRID[`${r}${f}`],
				labelOf: builtInLabel,
			};
		case 'putler':
			return {
				keys: PUTLER_KEYS,
				segmentOf(r, f, m) {
					const fm = (f + m) / 2;
					for (const [key, rRange, fmRange] of PUTLER_RULES) {
						if (within(r, rRange) && within(fm, fmRange)) return key;
					}
					// Unreachable for scores 1..5 (every cell is covered; a test checks it).
					return 'others';
				},
				labelOf: builtInLabel,
			};
		case 'custom': {
			const rules = scheme.rules.map(checkRule);
			const names = [...new Set(rules.map((rule) => rule.name))];
			return {
				keys: names.includes('others') ? names : [...names, 'others'],
				segmentOf(r, f, m) {
					for (const rule of rules) {
						if (withinInclusive(r, rule.r) && withinInclusive(f, rule.f) && withinInclusive(m, rule.m)) {
							return rule.name;
						}
					}
					return 'others';
				},
				labelOf: (key, language) => (key === 'others' ? builtInLabel(key, language) : key),
			};
		}
	}
}

function checkRule(rule: CustomSegmentRule, index: number): CustomSegmentRule {
	const name = rule.name.trim();
	if (!name) throw new UserInputError(`Segment rule ${index + 1} has no name`);
	for (const dimension of ['r', 'f', 'm'] as const) {
		const [lo, hi] = rule[dimension];
		if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi <= 5 && lo <= hi)) {
			throw new UserInputError(
				`Segment rule "${name}": the ${dimension.toUpperCase()} range must be two whole scores from 1 to 5, low ≤ high; got ${lo}–${hi}`,
			);
		}
	}
	return { ...rule, name };
}
