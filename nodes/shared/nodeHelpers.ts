/**
 * The helpers every calculation node's glue shares: reading parameters, the time zone, the
 * currency rates and the fields to keep, routing outputs by output mode, and the one place
 * where the calculations' UserInputError (and an input item's InputIssue) becomes n8n's
 * NodeOperationError. Text parsing of parameters: ./parameters.ts.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { UserInputError } from '../lib/errors';
import { describeIssue, readPath, sourcePathOf, type FieldMapping, type InputIssue } from '../lib/model';
import { assertTimeZone } from '../lib/time';
import { parseNameList, parseRateTable } from './parameters';

/** How a node words a UserInputError its own way (e.g. RFM's lifetime-value advice). */
export interface ErrorWording {
	/** Put before the library's message, e.g. "Predict Lifetime Value: ". */
	prefix?: string;
	/** The description; default: the error's hint. */
	description?: (error: UserInputError) => string | undefined;
	/** Attach no item index (the library's index is not an input item of the node). */
	nodeLevel?: boolean;
}

/**
 * The one conversion to n8n's error: a UserInputError keeps its message, hint and item;
 * anything else is wrapped as it is (a NodeOperationError passes through unchanged).
 */
export function toNodeError(context: IExecuteFunctions, error: unknown, wording: ErrorWording = {}): NodeOperationError {
	if (!(error instanceof UserInputError)) return new NodeOperationError(context.getNode(), error as Error);
	const itemIndex = wording.nodeLevel ? undefined : error.itemIndex;
	return new NodeOperationError(context.getNode(), `${wording.prefix ?? ''}${error.message}`, {
		itemIndex,
		description: withChineseAdvice(wording.description ? wording.description(error) : error.hint, itemIndex),
	});
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * Most users read Chinese first (issue 12 item 4), and most calculation errors are worded in
 * English only (their messages are what tests and expressions match on). A description
 * without Chinese gets the one thing to do in Chinese (and in English when there was none):
 * fix the setting or data the message names, or the item it names. Every node converting
 * through here gets it, the shops and bots too.
 */
function withChineseAdvice(description: string | undefined, itemIndex: number | undefined): string {
	if (description && HAS_CHINESE.test(description)) return description;
	if (itemIndex === undefined) {
		const zh = '请按错误信息修改其中提到的设置或数据（参数名与编辑器中显示的一致），然后重新运行。';
		return `${description ?? 'Change the setting or data the message names, then run the node again.'} ${zh}`;
	}
	const zh = `请检查错误信息中提到的第 ${itemIndex} 项输入数据（从 0 开始数），改正后重新运行。`;
	return `${description ?? `Correct item ${itemIndex} of the input, then run the node again.`} ${zh}`;
}

/**
 * A bad input item as an error naming the item, the field as the user mapped it, and what was
 * expected. The message stays as the calculation words it (English: users and tests match on
 * it); what to do is said in both languages here, the one place every item error passes.
 */
export function issueToError(context: IExecuteFunctions, issue: InputIssue): NodeOperationError {
	const { itemIndex, field } = issue;
	return toNodeError(
		context,
		new UserInputError(describeIssue(issue), {
			itemIndex,
			field,
			expected: issue.expected,
			hint:
				`Check item ${itemIndex} of the input, or map "${field}" to the right column under Field Mapping. ` +
				`请检查输入的第 ${itemIndex} 项（从 0 开始数），或在“Field Mapping”中把“${field}”改为正确的列名。`,
		}),
	);
}

/** A text in both languages the pack's users read: English first, then Simplified Chinese. */
export interface Bilingual {
	en: string;
	zh: string;
}

/** What one input of a node expects, for the error when nothing it can read reached it. */
export interface ExpectedInput {
	items: INodeExecutionData[];
	/** The node's fields on this input, as readItems reads them (before field mapping). */
	fields: readonly string[];
	mapping: FieldMapping;
	/** What one item is, e.g. { en: 'order', zh: '订单' }. */
	kind: Bilingual;
	/** What to connect to it, a sentence each, e.g. "Connect a node that outputs orders: Demo Shop Data (Dataset: Orders), …". */
	connect: Bilingual;
	/** The parameter where the user names their own columns, as the editor shows it. */
	mappingParameter: string;
	/** The input's name on the canvas, for a node with more than one input (e.g. "Traffic"). */
	inputName?: string;
	/** The input's position among the node's inputs (default 0). */
	inputIndex?: number;
}

/**
 * A node placed straight after a trigger gets items such as `{}`: item 0's first field would
 * be reported missing, as if one order were bad (issue 12 item 5). When items reached an input
 * but none of them carries any of its fields (as mapped), that input got something other than
 * what the node reads: fail once, for the node, saying what to connect. An input without items
 * is left to the node (n8n does not run a node whose only input is empty). The scan stops at
 * the first item carrying a field, so a good input costs one item's lookups.
 *
 * Returns undefined when each input carries something; under "On Error: Continue" the node's
 * outputs with the one error item (n8n moves it to the error output when that is chosen);
 * otherwise throws.
 */
export function checkInputsCarryFields(
	context: IExecuteFunctions,
	inputs: readonly ExpectedInput[],
): INodeExecutionData[][] | undefined {
	for (const input of inputs) {
		const paths = input.fields.map((field) => sourcePathOf(field, input.mapping));
		// A field present but empty (a sheet's blank cell) counts: that item is then a per-item error.
		const carries = (item: INodeExecutionData) => paths.some((path) => readPath(item.json, path) !== undefined);
		if (input.items.length === 0 || input.items.some(carries)) continue;
		const error = noRecordsError(context, input, paths);
		if (!context.continueOnFail()) throw error;
		return errorAsOutput(error, input.inputIndex ?? 0);
	}
	return undefined;
}

function noRecordsError(context: IExecuteFunctions, input: ExpectedInput, paths: string[]): NodeOperationError {
	const { kind, connect, inputName, mappingParameter } = input;
	const count = input.items.length;
	const where = inputName ? `the ${inputName} input` : 'this node';
	const whereZh = inputName ? `“${inputName}”输入` : '此节点';
	const examples = paths.slice(0, 3).join(', ');
	return new NodeOperationError(
		context.getNode(),
		`No ${kind.en} items reached ${where}: ${count === 1 ? 'the one item there has no' : `none of the ${count} items there has`} ${examples} or any other ${kind.en} field. 没有${kind.zh}数据到达${whereZh}。`,
		{
			description: `${connect.en} If your columns have other names, set them under ${mappingParameter}. ${connect.zh}列名不同时，请在“${mappingParameter}”中填写。`,
		},
	);
}

/**
 * A node-level error (a setting, an input as a whole, a platform refusing the whole call) as the
 * node's output under "On Error: Continue": one item `{ error: message }`, carrying the error
 * itself (with its description, which n8n shows) as n8n-core's RoutingNode does for its
 * continueOnFail items. With "Continue (using error output)" n8n moves it to the error output
 * (n8n-core workflow-execute.js, handleNodeErrorOutput: an item with `error`, or whose json is
 * only `error`). It pairs with the first item of the first input that has any.
 */
export function nodeErrorOutput(context: IExecuteFunctions, error: unknown, inputCount = 1): INodeExecutionData[][] {
	let input = 0;
	while (input < inputCount - 1 && context.getInputData(input).length === 0) input++;
	return errorAsOutput(asNodeError(context, error), input);
}

/** The node's outputs when a node-level error is all it has: the one item, paired with `input`'s first item. */
function errorAsOutput(error: NodeOperationError | NodeApiError, input: number): INodeExecutionData[][] {
	return [[{ json: { error: error.message }, error, pairedItem: { item: 0, input } }]];
}

/**
 * Runs a node's work; when it throws and the node continues on fail, the node's output is the
 * one error item of nodeErrorOutput. Why: when execute() throws under "On Error: Continue",
 * n8n passes the node's input items on as if they were its results (n8n-core
 * workflow-execute.js: `nodeSuccessData = [executionData.data.main[0]]`), so orders came out of
 * RFM Segment's Customers output as customers (issue 14). Per-item errors are not thrown under
 * Continue: they stay error items beside the good results.
 */
export async function continueOnNodeError(
	context: IExecuteFunctions,
	run: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>,
	inputCount = 1,
): Promise<INodeExecutionData[][]> {
	try {
		return await run.call(context);
	} catch (error) {
		if (!context.continueOnFail()) throw asNodeError(context, error);
		return nodeErrorOutput(context, error, inputCount);
	}
}

/** n8n's errors as they are; anything else through toNodeError. */
function asNodeError(context: IExecuteFunctions, error: unknown): NodeOperationError | NodeApiError {
	return error instanceof NodeOperationError || error instanceof NodeApiError ? error : toNodeError(context, error);
}

/** An item for the error output (or the main output with "Continue (regular output)"). */
export function errorItem(issue: InputIssue): INodeExecutionData {
	return { json: { error: describeIssue(issue) }, pairedItem: { item: issue.itemIndex } };
}

/**
 * Parameters of the node (item 0). No fallbacks: n8n fills in the defaults of the node's
 * description, the one place they are written.
 */
export function nodeParameters(context: IExecuteFunctions) {
	return {
		param: <T>(name: string): T => context.getNodeParameter(name, 0) as T,
		/** A settings problem: the message names the parameter as the editor shows it. */
		fail: (message: string, description?: string) => new NodeOperationError(context.getNode(), message, { description }),
	};
}

/** The default a node's description gives a parameter (for a number field left empty). */
export function parameterDefault(properties: readonly INodeProperties[], name: string): INodeProperties['default'] {
	const property = properties.find((p) => p.name === name);
	if (!property) throw new Error(`The node has no "${name}" parameter`);
	return property.default;
}

/**
 * The values of `switchName` for which the description shows parameter `name`. n8n drops a
 * parameter its display options hide, so glue reads it only under these values; taking them
 * from the description keeps one source for when it is shown.
 */
export function shownWhen(properties: readonly INodeProperties[], name: string, switchName: string): unknown[] {
	const property = properties.find((p) => p.name === name);
	const values = property?.displayOptions?.show?.[switchName];
	if (!values) throw new Error(`"${name}" is not shown by "${switchName}"`);
	return values as unknown[];
}

/**
 * The values of a collection parameter, or of one option of a fixedCollection (the values of
 * each of its entries), as the description defines them.
 */
export function collectionValues(properties: readonly INodeProperties[], name: string, optionName?: string): INodeProperties[] {
	const property = properties.find((p) => p.name === name);
	if (!property) throw new Error(`The node has no "${name}" parameter`);
	if (optionName === undefined) return (property.options ?? []) as INodeProperties[];
	const option = (property.options ?? []).find((o) => o.name === optionName) as { values?: INodeProperties[] } | undefined;
	if (!option?.values) throw new Error(`"${name}" has no "${optionName}" entries`);
	return option.values;
}

/** The defaults of those values: n8n fills in top-level parameters, not these. */
export function collectionDefaults(properties: readonly INodeProperties[], name: string, optionName?: string): IDataObject {
	return Object.fromEntries(collectionValues(properties, name, optionName).map((value) => [value.name, value.default]));
}

/**
 * An entry of a collection with its defaults filled in: a value left out (or null) is the
 * default; so is a number field left empty.
 */
export function withDefaults(entry: IDataObject, defaults: IDataObject): IDataObject {
	const filled: IDataObject = { ...entry };
	for (const [name, fallback] of Object.entries(defaults)) {
		const value = entry[name];
		if (value === undefined || value === null || (value === '' && typeof fallback === 'number')) filled[name] = fallback;
	}
	return filled;
}

/** The Time Zone parameter, trimmed and checked (an IANA name the runtime knows). */
export function readTimeZone(context: IExecuteFunctions): string {
	const timeZone = String(context.getNodeParameter('timeZone', 0)).trim();
	try {
		assertTimeZone(timeZone);
	} catch (error) {
		throw toNodeError(context, error);
	}
	return timeZone;
}

/** The Currency Rates option ("USD=7.1, EUR=7.8") as a table of units of the base per unit. */
export function readCurrencyRates(context: IExecuteFunctions, options: IDataObject): Record<string, number> {
	const rates = parseRateTable(String(options.currencyRates ?? ''));
	if ('badPart' in rates) {
		throw nodeParameters(context).fail(
			`Currency Rates: "${rates.badPart}" is not a rate`,
			'Write one rate per currency as CODE=rate, separated by commas, e.g. USD=7.1, EUR=7.8 (units of the base currency per unit). 每种货币写成“代码=汇率”，用逗号分隔，如 USD=7.1, EUR=7.8（1 单位该货币折合多少基准货币）。',
		);
	}
	return rates;
}

/** The Fields to Keep option ("name, phone") as a list of field paths. */
export function readKeepFields(options: IDataObject): string[] {
	return parseNameList(String(options.keepFields ?? ''));
}

/** Copies the kept fields of the source item into an output item, never over a computed field. */
export function keepFields(json: IDataObject, source: IDataObject, fields: readonly string[]): IDataObject {
	for (const field of fields) {
		const kept = readPath(source, field);
		if (kept !== undefined && !(field in json)) json[field] = kept as IDataObject[string];
	}
	return json;
}

/**
 * The outputs for an output mode of "both" (two outputs), "summary" or the per-row mode. Error
 * items go on the first output; with "Continue (using error output)" n8n moves them.
 */
export function routeByOutputMode(
	outputMode: string,
	rows: INodeExecutionData[],
	summary: INodeExecutionData[],
	errorItems: INodeExecutionData[],
): INodeExecutionData[][] {
	if (outputMode === 'both') return [[...rows, ...errorItems], summary];
	if (outputMode === 'summary') return [[...summary, ...errorItems]];
	return [[...rows, ...errorItems]];
}

/**
 * The items of an optional input, or none when nothing is connected to it. n8n-core throws
 * "Could not get input with given index" for an input past the last one it holds data for, which
 * is what an unconnected optional input is (and may have no entry for it at all).
 */
export function optionalInput(context: IExecuteFunctions, inputIndex: number): INodeExecutionData[] {
	try {
		return context.getInputData(inputIndex) ?? [];
	} catch {
		return [];
	}
}
