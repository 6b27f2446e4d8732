/**
 * Reading n8n input items into the data model: the one place that turns field mapping,
 * zod validation and per-item errors into n8n behaviour, shared by every calculation node.
 *
 * Bad item → NodeOperationError (nodeHelpers.ts, issueToError) naming the item, the field
 * (as the user's data names it) and what was expected; with "On Error: Continue", the bad item goes out as an error item
 * (n8n routes it to the error output when that setting is chosen) and the rest go on.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { SafeParseReturnType } from 'zod';

import {
	createFieldReader,
	issueFromZod,
	readPath,
	sourcePathOf,
	type FieldMapping,
	type InputIssue,
} from '../lib/model';
import { errorItem, issueToError } from './nodeHelpers';

export interface ReadResult<T> {
	records: T[];
	errorItems: INodeExecutionData[];
}

/**
 * Validates each item's mapped fields with `schema`, then `finish` (for checks that need
 * more than one field or state across items, e.g. currencies). Throws on the first bad
 * item unless the node continues on fail.
 */
export function readItems<Input, T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	fields: readonly string[],
	mapping: FieldMapping,
	schema: { safeParse(record: Record<string, unknown>): SafeParseReturnType<unknown, Input> },
	finish: (input: Input, itemIndex: number) => T | InputIssue,
): ReadResult<T> {
	const records: T[] = [];
	const { errorItems } = consumeItems(context, items, fields, mapping, schema, (input, itemIndex) => {
		const result = finish(input, itemIndex);
		if (isIssue(result)) return result;
		records.push(result);
		return undefined;
	});
	return { records, errorItems };
}

/**
 * readItems without collecting: `accept` gets each valid item and stores it as it likes
 * (the RFM node packs a million orders into columns instead of a million objects).
 *
 * `fastLane`, when given, reads an item straight from its json and returns what the schema
 * would, or undefined to send the item through the schema (which then gives the error): it
 * saves building the record of mapped fields for each of a million well-formed items.
 */
export function consumeItems<Input>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	fields: readonly string[],
	mapping: FieldMapping,
	schema: { safeParse(record: Record<string, unknown>): SafeParseReturnType<unknown, Input> },
	accept: (input: Input, itemIndex: number) => InputIssue | undefined,
	fastLane?: (raw: unknown) => Input | undefined,
	listed?: ListedFields,
): { errorItems: INodeExecutionData[] } {
	const read = createFieldReader(fields, mapping);
	const continueOnFail = context.continueOnFail();
	const errorItems: INodeExecutionData[] = [];
	const fail = (issue: InputIssue) => {
		if (!continueOnFail) throw issueToError(context, issue);
		errorItems.push(errorItem(issue));
	};
	for (let i = 0; i < items.length; i++) {
		const fast = fastLane?.(items[i].json);
		if (fast !== undefined) {
			const issue = accept(fast, i);
			if (issue) fail(issue);
			continue;
		}
		const record = read(items[i].json);
		const parsed = schema.safeParse(record);
		if (!parsed.success) {
			fail(issueFromZod(parsed.error, i, record, (field) => sourcePathOf(field, mapping)));
			continue;
		}
		const issue = accept(parsed.data, i);
		if (issue) fail(issue);
	}
	hintUnmatchedMappings(context, items, fields, mapping, listed);
	return { errorItems };
}

/**
 * A mapped column that no item has is almost always a typo ("on_oder"), and for an optional
 * field it would pass silently: the field reads as empty (e.g. 0 units on order) on every
 * item. Say so in the output pane. Runs after the items are read, off the hot loop: the scan
 * stops at the first item that has the column, so it costs one lookup when all is well.
 */
export function hintUnmatchedMappings(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	fields: readonly string[],
	mapping: FieldMapping,
	listed?: ListedFields,
): void {
	if (items.length === 0) return;
	const listPath = listed ? sourcePathOf(listed.list, mapping) : '';
	const has = (json: unknown, field: string, path: string) => {
		if (readPath(json, path) !== undefined) return true;
		if (!listed?.fields.includes(field)) return false;
		const list = readPath(json, listPath);
		return Array.isArray(list) && list.length > 0 && readPath(list[0], path) !== undefined;
	};
	const unmatched = fields
		.map((field) => ({ field, path: sourcePathOf(field, mapping) }))
		.filter(({ field, path }) => path !== field && !items.some((item) => has(item.json, field, path)));
	if (unmatched.length === 0) return;
	context.addExecutionHints(
		...unmatched.map(({ field, path }) => ({
			type: 'warning' as const,
			location: 'outputPane' as const,
			message: `Field Mapping: no input item has "${path}" (mapped to ${field}), so ${field} was read as empty on every item. Check the column name. 字段映射：输入中没有任何一项包含“${path}”（映射到 ${field}），${field} 全部按空值读取，请检查列名。`,
		})),
	);
}

/**
 * Fields an item may hold either itself or on each entry of a list it holds (Reorder Alert's
 * Daily Sales: a row's `date`, or `date` on each day of a position's `days`). A mapped name
 * found on a list's first entry is no typo.
 */
export interface ListedFields {
	list: string;
	fields: readonly string[];
}

function isIssue(value: unknown): value is InputIssue {
	return (
		typeof value === 'object' &&
		value !== null &&
		'expected' in value &&
		'itemIndex' in value &&
		'field' in value
	);
}
