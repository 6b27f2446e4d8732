/**
 * What is wrong with an input item, in the terms a user can act on: which item, which
 * field (as the user named it, through their field mapping), what it held, what was
 * expected. The n8n glue turns an InputIssue into a NodeOperationError; the pure
 * calculations only ever produce InputIssues.
 */
import type { ZodError, ZodIssue } from 'zod';
import { withArticle } from './coercion';

export interface InputIssue {
	itemIndex: number;
	/** The field as the user sees it: the mapped source path where one is mapped. */
	field: string;
	value: unknown;
	expected: string;
}

export function describeValue(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (typeof value === 'string') return value === '' ? 'an empty text' : `"${value.length > 60 ? value.slice(0, 57) + '...' : value}"`;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return Array.isArray(value) ? 'a list' : 'an object';
}

/** "Item 3: field "createdAt" is "yesterday"; expected an ISO-8601 date-time …" */
export function describeIssue({ itemIndex, field, value, expected }: InputIssue): string {
	return `Item ${itemIndex}: field "${field}" is ${describeValue(value)}; expected ${expected}`;
}

/** The first problem zod found, as an InputIssue on the field the user named. */
export function issueFromZod(
	error: ZodError,
	itemIndex: number,
	record: Record<string, unknown>,
	sourcePathOf: (field: string) => string,
): InputIssue {
	const first: ZodIssue = error.issues[0];
	const field = String(first.path[0] ?? '');
	let expected = first.message;
	if (first.code === 'invalid_type' && first.received === 'undefined') {
		expected = expectedFromMessage(first.message, first.expected);
	}
	return { itemIndex, field: sourcePathOf(field), value: record[field], expected };
}

function expectedFromMessage(message: string, zodExpected: string): string {
	return message === 'Required' ? withArticle(zodExpected) : message;
}

/**
 * A check for inputs that hold one item per customer (RFM Segment's customer input, Coupon
 * Tier): a customer id met again is an InputIssue on the later item, naming the item that had it
 * first. Refused rather than merged: two rows of totals for one customer are a join gone wrong
 * upstream (their recencies cannot both be right, summing them may count orders twice), and
 * taking them as two customers skews every quintile or issues a second coupon. `advice` is
 * appended to what was expected. Call it on each valid item in input order.
 */
export function createDuplicateCustomerCheck(
	field: string,
	advice?: string,
): (customerId: string, itemIndex: number) => InputIssue | undefined {
	const firstItemOf = new Map<string, number>();
	return (customerId, itemIndex) => {
		const first = firstItemOf.get(customerId);
		if (first === undefined) {
			firstItemOf.set(customerId, itemIndex);
			return undefined;
		}
		const expected = `one item per customer (item ${first} is this customer too)${advice ? `; ${advice}` : ''}`;
		return { itemIndex, field, value: customerId, expected };
	};
}
