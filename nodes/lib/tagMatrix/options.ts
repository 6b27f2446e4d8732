/**
 * Tag Matrix's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names; each rule as the Tag Rules entry holds it), the
 * output the options computeTagMatrix takes. No defaults here: they are the node description's.
 */
import { z } from 'zod';

import { parseNameList, parseSettings, typedNumber } from '../model';
import { TAG_CONDITIONS, TAG_FAMILIES, TAG_METRIC_NAMES, TAG_METRICS, type TagRule } from './rules';

/** Longest tag name (a rule's, before {value} is filled in): tags are labels, not notes. */
export const MAX_TAG_NAME_LENGTH = 100;

const ruleSchema = z.object({
	family: z.enum(TAG_FAMILIES, { errorMap: () => ({ message: `a family: ${TAG_FAMILIES.join(', ')}` }) }),
	tagName: z.string({ invalid_type_error: 'a tag name' }).transform((name) => name.trim()),
	metric: z.enum(TAG_METRIC_NAMES as [string, ...string[]], { errorMap: () => ({ message: `a metric: ${TAG_METRIC_NAMES.join(', ')}` }) }),
	condition: z.enum(TAG_CONDITIONS, { errorMap: () => ({ message: `a condition: ${TAG_CONDITIONS.join(', ')}` }) }),
	threshold: typedNumber,
	upTo: typedNumber,
	values: z.string().nullish().transform((text) => parseNameList((text ?? '').replace(/，/g, ','))),
	minOrders: typedNumber,
});

const RULE_HINT =
	'Open Tag Rules and correct the rule the message names (its number counts from 1, top to bottom). 请在“Tag Rules”（标签规则）中改正提示的那条规则（从上往下数，第 1 条起）。';

export const tagMatrixOptionsSchema = z.object({
	/** IANA zone, checked by the caller. */
	timeZone: z.string(),
	rules: z.array(ruleSchema).superRefine((rules, ctx) => {
		rules.forEach((rule, i) => {
			const problem = ruleProblem(rule as TagRule);
			if (problem) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: [i],
					message: `Tag Rules, rule ${i + 1} ("${rule.tagName}"): ${problem}`,
					params: { hint: RULE_HINT },
				});
			}
		});
	}),
});

/** What is wrong with a rule, in the editor's words; undefined when it is fine. */
function ruleProblem(rule: TagRule): string | undefined {
	if (rule.tagName === '') return 'the tag name is empty';
	if (rule.tagName.length > MAX_TAG_NAME_LENGTH) return `the tag name is longer than ${MAX_TAG_NAME_LENGTH} characters`;
	const metric = TAG_METRICS[rule.metric] as { label?: unknown; number?: unknown };
	if (rule.condition === 'oneOf') {
		if (!metric.label) return `"Is One Of" needs a metric with a text value; ${rule.metric} is a number (use At Least, At Most or Between)`;
		if (rule.values.length === 0) return '"Is One Of" needs at least one value under Values';
	}
	if (rule.condition === 'atLeast' || rule.condition === 'atMost' || rule.condition === 'between') {
		if (!metric.number) return `${rule.metric} is a text value: use Has Any Value or Is One Of`;
		if (!Number.isFinite(rule.threshold)) return 'Threshold must be a number';
	}
	if (rule.condition === 'between' && !(Number.isFinite(rule.upTo) && rule.upTo >= rule.threshold)) {
		return `Up To must be a number ≥ Threshold (${rule.threshold})`;
	}
	if (!(Number.isInteger(rule.minOrders) && rule.minOrders >= 0)) return 'Minimum Paid Orders must be a whole number ≥ 0';
	return undefined;
}

export type TagMatrixOptionsInput = z.input<typeof tagMatrixOptionsSchema>;
export interface TagMatrixSettings {
	timeZone: string;
	rules: TagRule[];
}

/** Parses Tag Matrix's settings; throws a UserInputError naming the first bad one. */
export function parseTagMatrixOptions(input: TagMatrixOptionsInput): TagMatrixSettings {
	const parsed = parseSettings(tagMatrixOptionsSchema, input);
	return { timeZone: parsed.timeZone, rules: parsed.rules as TagRule[] };
}
