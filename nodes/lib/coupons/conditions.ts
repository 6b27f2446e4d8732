/**
 * Conditions of a tier rule, over any field of a customer item (dot paths such as
 * `profile.city`): the segment from RFM Segment, its scores, monetary, predictedClv, tags,
 * recencyDays … Comparisons of text ignore case and surrounding spaces, so "Champions" and
 * "champions" are the same segment.
 *
 * A field the customer does not have satisfies only the negative operators (not equal, not in
 * list, has no tag, is empty): "recencyDays ≥ 90" is false for a customer without recencyDays.
 *
 * `topPercent` compares against the other customers of the same run: the customer's value is
 * among the highest N % of the numeric values of that field (ties with the cut value are in),
 * so "top 5 % by predictedClv" needs no threshold that changes with every shop.
 */
import { UserInputError } from '../errors';
import { readPath } from '../model';

export const CONDITION_OPERATORS = [
	'equals',
	'notEquals',
	'inList',
	'notInList',
	'gte',
	'lte',
	'gt',
	'lt',
	'between',
	'containsTag',
	'notContainsTag',
	'topPercent',
	'isSet',
	'isNotSet',
] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface Condition {
	/** Field of the customer item; dots for nested fields. */
	field: string;
	operator: ConditionOperator;
	/** Text as typed in the node; lists are comma-separated. */
	value?: string | number;
	/** Upper end for `between` (inclusive). */
	valueTo?: string | number;
}

const NUMBER_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A finite number, or text holding one; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && NUMBER_TEXT.test(value)) return Number(value);
	return undefined;
}

const normalise = (value: unknown): string => String(value).trim().toLowerCase();

const isMissing = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

/** "a, b ,c" → ['a', 'b', 'c'] (lower case). */
function listOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((v) => !isMissing(v)).map(normalise);
	if (isMissing(value)) return [];
	return String(value)
		.split(',')
		.map(normalise)
		.filter((part) => part !== '');
}

/** Tags as a list (`['vip', 'city:tier1']`) or as comma-separated text. */
function tagsOf(value: unknown): string[] {
	return listOf(value);
}

function equalValues(actual: unknown, expected: string): boolean {
	const actualNumber = toNumber(actual);
	const expectedNumber = toNumber(expected);
	if (actualNumber !== undefined && expectedNumber !== undefined) return actualNumber === expectedNumber;
	if (typeof actual === 'boolean') return normalise(expected) === String(actual);
	return normalise(actual) === normalise(expected);
}

export type CustomerPredicate = (customer: unknown) => boolean;

/**
 * Checks one condition and returns its predicate. `population` (all customers of the run) is
 * read only by `topPercent`. `where` names the rule for error messages.
 */
export function compileCondition(
	condition: Condition,
	population: readonly unknown[],
	where: string,
): CustomerPredicate {
	const field = String(condition.field ?? '').trim();
	const { operator } = condition;
	if (!(CONDITION_OPERATORS as readonly string[]).includes(operator)) {
		throw new UserInputError(`${where}: unknown operator "${operator}"; use one of ${CONDITION_OPERATORS.join(', ')}`);
	}
	if (field === '') throw new UserInputError(`${where}: a condition has no field; name the field to test, e.g. segment`);
	const read = (customer: unknown) => readPath(customer, field);
	const text = condition.value === undefined || condition.value === null ? '' : String(condition.value).trim();
	const needNumber = (raw: unknown, what: string): number => {
		const n = toNumber(raw);
		if (n === undefined) {
			throw new UserInputError(`${where}: "${field} ${operator}" needs a number as ${what}; got "${String(raw ?? '')}"`);
		}
		return n;
	};

	switch (operator) {
		case 'equals':
			return (c) => {
				const v = read(c);
				return !isMissing(v) && equalValues(v, text);
			};
		case 'notEquals':
			return (c) => {
				const v = read(c);
				return isMissing(v) || !equalValues(v, text);
			};
		case 'inList':
		case 'notInList': {
			const options = listOf(text);
			if (options.length === 0) throw new UserInputError(`${where}: "${field} ${operator}" needs a comma-separated list`);
			const contains = (v: unknown) => !isMissing(v) && options.some((option) => equalValues(v, option));
			return operator === 'inList' ? (c) => contains(read(c)) : (c) => !contains(read(c));
		}
		case 'gte':
		case 'lte':
		case 'gt':
		case 'lt': {
			const limit = needNumber(condition.value, 'the value');
			const compare = {
				gte: (v: number) => v >= limit,
				lte: (v: number) => v <= limit,
				gt: (v: number) => v > limit,
				lt: (v: number) => v < limit,
			}[operator];
			return (c) => {
				const v = toNumber(read(c));
				return v !== undefined && compare(v);
			};
		}
		case 'between': {
			const low = needNumber(condition.value, 'the lower end');
			const high = needNumber(condition.valueTo, 'the upper end');
			if (low > high) throw new UserInputError(`${where}: "${field} between ${low} and ${high}": the lower end is above the upper end`);
			return (c) => {
				const v = toNumber(read(c));
				return v !== undefined && v >= low && v <= high;
			};
		}
		case 'containsTag':
		case 'notContainsTag': {
			const wanted = listOf(text);
			if (wanted.length === 0) throw new UserInputError(`${where}: "${field} ${operator}" needs a tag`);
			// Several tags: the customer has at least one of them.
			const has = (c: unknown) => {
				const tags = tagsOf(read(c));
				return wanted.some((tag) => tags.includes(tag));
			};
			return operator === 'containsTag' ? has : (c) => !has(c);
		}
		case 'topPercent': {
			const percent = needNumber(condition.value, 'the percentage');
			if (!(percent > 0 && percent <= 100)) {
				throw new UserInputError(`${where}: "${field} in the top N %" needs N from above 0 to 100; got ${percent}`);
			}
			const cut = topPercentCut(population.map((c) => toNumber(read(c))), percent);
			if (cut === undefined) return () => false;
			return (c) => {
				const v = toNumber(read(c));
				return v !== undefined && v >= cut;
			};
		}
		case 'isSet':
			return (c) => !isMissing(read(c));
		case 'isNotSet':
			return (c) => isMissing(read(c));
	}
}

/**
 * The value the top N % of customers reach: sort the numeric values high to low and take the
 * k-th, k = ⌈N/100 · n⌉ (at least 1). Undefined when no customer has a number there.
 */
export function topPercentCut(values: ReadonlyArray<number | undefined>, percent: number): number | undefined {
	const numbers = values.filter((v): v is number => v !== undefined).sort((a, b) => b - a);
	if (numbers.length === 0) return undefined;
	const k = Math.max(1, Math.ceil((percent / 100) * numbers.length - 1e-9));
	return numbers[Math.min(k, numbers.length) - 1];
}
