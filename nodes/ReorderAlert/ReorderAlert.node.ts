import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeProperties,
	type INodeTypeDescription,
	type IPairedItemData,
} from 'n8n-workflow';
import { ZodError } from 'zod';

import {
	alertKey,
	createSalesDateCheck,
	createSalesDaysReader,
	createSalesStore,
	isPositionSales,
	SALES_DAY_FIELDS,
	SALES_INPUT_FIELDS,
	salesInputParser,
	evaluateNetworkReorder,
	evaluateReorder,
	reorderItem,
	INVENTORY_FIELDS,
	inventoryParser,
	needsAction,
	nextAlerts,
	parseDayNumber,
	readAlertState,
	resolveReorderOptions,
	type NetworkReorderResult,
	type ReorderResult,
} from '../lib/inventory';
import { createPathReader, sourcePathOf, type FieldMapping, type InputIssue, type InventoryPosition } from '../lib/model';
import { createZonedIsoFormatter } from '../lib/time';
import { consumeItems, type ListedFields } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	continueOnNodeError,
	keepFields,
	nodeParameters,
	readKeepFields,
	readTimeZone,
	toNodeError,
	type ExpectedInput,
} from '../shared/nodeHelpers';
import { parseNameList } from '../shared/parameters';
import { REORDER_ALERT_SUBTITLE, reorderAlertDescription, reorderAlertProperties } from './description';
import { reorderSettingsFrom, type ReorderSettings } from './settings';

/** The two inputs, in connector order. */
const INVENTORY_INPUT = 0;
const SALES_INPUT = 1;
const INPUT_LABELS = ['Inventory', 'Daily Sales'] as const;

/** What each input reads, for the error when only other items (e.g. a trigger's) reached it. */
const EXPECTED_INPUTS: Array<Pick<ExpectedInput, 'kind' | 'connect' | 'mappingParameter' | 'inputName' | 'inputIndex'>> = [
	{
		inputName: INPUT_LABELS[INVENTORY_INPUT],
		inputIndex: INVENTORY_INPUT,
		mappingParameter: 'Inventory Field Mapping',
		kind: { en: 'inventory', zh: '库存' },
		connect: {
			en: "Connect a node that outputs stock, one item per SKU and warehouse, to the Inventory input (the upper one): Demo Shop Data with Dataset Inventory, a shop node's Get stock levels (Stock → Get Many), or a sheet of stock levels.",
			zh: '请把输出库存（每条为一个 SKU 在一个仓库的库存）的节点连到 Inventory（库存）输入，即上方的输入：Demo Shop Data（示例数据，Dataset 选 Inventory）、店铺节点的“Get stock levels”（读取库存），或库存表格。',
		},
	},
	{
		inputName: INPUT_LABELS[SALES_INPUT],
		inputIndex: SALES_INPUT,
		mappingParameter: 'Daily Sales Field Mapping',
		kind: { en: 'daily sales', zh: '每日销量' },
		connect: {
			en: 'Connect a node that outputs units sold per SKU, warehouse and day to the Daily Sales input (the lower one): Demo Shop Data with Dataset Daily Sales, or a sheet of daily sales; or one item per SKU and warehouse with its days as a list in days (e.g. a database query with json_agg).',
			zh: '请把输出每日销量（每条为一个 SKU 在一个仓库一天的销量）的节点连到 Daily Sales（每日销量）输入，即下方的输入：Demo Shop Data（示例数据，Dataset 选 Daily Sales），或每日销量表格；也可每个 SKU + 仓库一条，每日销量放在列表 days 中（如数据库查询用 json_agg 汇总的结果）。',
		},
	},
];

/** Where the node stores "only new alerts" state in the workflow's static data. */
const ALERT_STATE_KEY = 'alertState';

/**
 * Reorder Alert (补货预警): restock alerts from two inputs, stock and daily sales. A calculation
 * node, not a trigger; its old type Reorder Trigger (../ReorderTrigger) extends this class.
 */
export class ReorderAlert implements INodeType {
	description: INodeTypeDescription = {
		...reorderAlertDescription({ name: 'reorderAlert', displayName: 'Reorder Alert (补货预警)', defaultName: 'Reorder Alert' }),
		icon: { light: 'file:reorderAlert.svg', dark: 'file:reorderAlert.dark.svg' },
		subtitle: REORDER_ALERT_SUBTITLE,
		usableAsTool: true,
	};

	/** Under "On Error: Continue" a node-level error is the node's one error item, not its inputs passed on. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return continueOnNodeError(this, ReorderAlert.prototype.evaluateStock, 2);
	}

	async evaluateStock(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const settings = readSettings(this);
		const inventoryItems = this.getInputData(INVENTORY_INPUT);
		const salesItems = this.getInputData(SALES_INPUT);
		const notReached = checkInputsCarryFields(this, [
			{ ...EXPECTED_INPUTS[INVENTORY_INPUT], items: inventoryItems, fields: INVENTORY_FIELDS, mapping: settings.inventoryMapping },
			{ ...EXPECTED_INPUTS[SALES_INPUT], items: salesItems, fields: SALES_INPUT_FIELDS, mapping: settings.salesMapping },
		]);
		if (notReached) return notReached;

		const firstItemOf = new Map<string, number>();
		const inventoryRecords: IndexedPosition[] = [];
		const inventory = readInput(
			this,
			INVENTORY_INPUT,
			inventoryItems,
			INVENTORY_FIELDS,
			settings.inventoryMapping,
			inventoryParser,
			(position, itemIndex): InputIssue | undefined => {
				const key = alertKey(position.sku, position.warehouse);
				const earlier = firstItemOf.get(key);
				if (earlier !== undefined) {
					return {
						itemIndex,
						field: sourcePathOf('sku', settings.inventoryMapping),
						value: position.sku,
						expected: `one item per SKU + warehouse (item ${earlier} already has ${position.sku} in ${position.warehouse})`,
					};
				}
				firstItemOf.set(key, itemIndex);
				inventoryRecords.push({ position, itemIndex });
				return undefined;
			},
		);
		const positions = inventoryRecords.map((r) => r.position);

		// Daily sales go into columns by position as they are read, not one object per row:
		// 50,000 positions × 90 days as objects took ~470 MB (lib/inventory/salesStore.ts).
		// An item is one day (a row) or one position with its days as a list; both may come.
		const salesStore = createSalesStore(positions, countSalesDays(salesItems, settings.salesMapping));
		const now = Date.now();
		const checkSalesDate = createSalesDateCheck(now, sourcePathOf('date', settings.salesMapping));
		const salesDays = createSalesDaysReader(salesStore, settings.salesMapping, now);
		// Newest date among all valid rows (ISO dates compare as text), matched to a position or not.
		let latestSalesDate: string | undefined;
		const sales = readInput(
			this,
			SALES_INPUT,
			salesItems,
			SALES_INPUT_FIELDS,
			settings.salesMapping,
			salesInputParser,
			(parsed, itemIndex): InputIssue | undefined => {
				if (isPositionSales(parsed)) return salesDays.read(parsed, itemIndex);
				const row = checkSalesDate(parsed, itemIndex);
				if ('expected' in row) return row;
				if (latestSalesDate === undefined || row.date > latestSalesDate) latestSalesDate = row.date;
				salesStore.add(row);
				return undefined;
			},
			{ list: 'days', fields: SALES_DAY_FIELDS },
		);
		if (salesDays.latestDate !== undefined && (latestSalesDate === undefined || salesDays.latestDate > latestSalesDate)) {
			latestSalesDate = salesDays.latestDate;
		}

		const asOf = settings.asOf ?? latestSalesDate ?? settings.today;
		let results: Array<ReorderResult | NetworkReorderResult>;
		try {
			const options = { ...settings.options, asOf };
			results =
				settings.warehouseMode === 'network'
					? evaluateNetworkReorder(positions, salesStore, options, { forwardWarehouses: settings.forwardWarehouses })
					: evaluateReorder(positions, salesStore, options);
		} catch (error) {
			throw settingsError(this, error);
		}

		// Each result pairs with the inventory item(s) it was computed from.
		const itemsOfSku = new Map<string, number[]>();
		if (settings.warehouseMode === 'network') {
			for (const { position, itemIndex } of inventoryRecords) {
				const list = itemsOfSku.get(position.sku);
				if (list) list.push(itemIndex);
				else itemsOfSku.set(position.sku, [itemIndex]);
			}
		}
		const sourcesOf = (result: ReorderResult, index: number): number[] =>
			itemsOfSku.get(result.sku) ?? [inventoryRecords[index].itemIndex];

		// Needs Action: reorder, urgent, and no_history with an order (a new SKU's first batch).
		let alerting = results.filter(needsAction);
		// With only new alerts: 'new' (no open alert before) or 'worsened' (e.g. reorder → urgent).
		let previouslyOpen: Record<string, unknown> | null = null;
		let nextState: unknown;
		if (settings.onlyNewAlerts) {
			const stored = this.getWorkflowStaticData('node')[ALERT_STATE_KEY];
			previouslyOpen = readAlertState(stored).open;
			// Every result goes in: an ok or overstock result is what closes an open alert.
			const transition = nextAlerts(stored, results);
			alerting = transition.alertsToEmit;
			nextState = transition.nextState;
		}
		const alertKind = (r: ReorderResult) =>
			previouslyOpen === null ? null : previouslyOpen[alertKey(r.sku, r.warehouse)] ? 'worsened' : 'new';
		const emitted = new Set(alerting);

		const actionItems: INodeExecutionData[] = [];
		const okItems: INodeExecutionData[] = [];
		results.forEach((result, index) => {
			const isAlert = needsAction(result);
			// An alert already sent (only new alerts) goes to neither output: it is not OK.
			if (isAlert && !emitted.has(result)) return;
			const sources = sourcesOf(result, index);
			const json = keepFields(
				toOutputJson(result, settings.language, isAlert ? alertKind(result) : null),
				inventoryItems[sources[0]].json,
				settings.keepFields,
			);
			const pairedItem: IPairedItemData[] = sources.map((item) => ({ item, input: INVENTORY_INPUT }));
			(isAlert ? actionItems : okItems).push({ json, pairedItem: pairedItem.length === 1 ? pairedItem[0] : pairedItem });
		});

		addDemandHints(this, results);

		// Saved only now, after every step that can fail: a failed run leaves the state as it was.
		if (settings.onlyNewAlerts) {
			this.getWorkflowStaticData('node')[ALERT_STATE_KEY] = nextState as IDataObject;
		}

		// Error items go on the first output; with "Continue (using error output)" n8n moves them.
		return [[...actionItems, ...inventory.errorItems, ...sales.errorItems], okItems];
	}
}

/**
 * Rows the sales store needs room for: one per row item, a list's length per position item
 * (the store's columns are allocated once). Counted before reading: a bad list counts too.
 */
function countSalesDays(items: INodeExecutionData[], mapping: FieldMapping): number {
	const readDays = createPathReader(sourcePathOf('days', mapping));
	let count = 0;
	for (const item of items) {
		const days = readDays(item.json);
		count += Array.isArray(days) ? days.length : 1;
	}
	return count;
}

interface IndexedPosition {
	position: InventoryPosition;
	itemIndex: number;
}

/**
 * Output-pane hint for the results whose demand came from before the lookback window (sold
 * out on every day of it): their figures rest on older sales, worth a look.
 */
function addDemandHints(context: IExecuteFunctions, results: readonly ReorderResult[]): void {
	const earlier = results.filter((r) => r.demandBasis === 'earlierHistory');
	if (earlier.length === 0) return;
	const examples = earlier
		.slice(0, 3)
		.map((r) => `${r.sku} · ${r.warehouse}`)
		.join(', ');
	const more = earlier.length > 3 ? ', …' : '';
	context.addExecutionHints({
		type: 'info',
		location: 'outputPane',
		message: `${earlier.length} position(s) sold out on every day of the lookback window (${examples}${more}): their demand is measured on the most recent in-stock days before it (demandBasis "earlierHistory"; the explanation gives the days). ${earlier.length} 个库存位置在回看期内每天断货（${examples}${more}）：需求按回看期之前最近的在售日估计。`,
	});
}

/** A result as an output item: the library's fields, the explanation in the chosen language. */
function toOutputJson(result: ReorderResult, language: 'en' | 'zh', alert: 'new' | 'worsened' | null): IDataObject {
	// Figures rounded for reading, exact values in `exact` (lib/inventory/output.ts).
	const { explanation, explanationZh, ...fields } = reorderItem(result);
	return {
		...(fields as unknown as IDataObject),
		explanation: language === 'zh' ? explanationZh : explanation,
		alert,
	};
}

/**
 * consumeItems for one of the two inputs: the error names the input ("Daily Sales item 3: …"),
 * and error items pair with the item on that input. `accept` stores each valid item.
 */
function readInput<Input>(
	context: IExecuteFunctions,
	inputIndex: number,
	items: INodeExecutionData[],
	fields: readonly string[],
	mapping: FieldMapping,
	schema: Parameters<typeof consumeItems<Input>>[4],
	accept: (input: Input, itemIndex: number) => InputIssue | undefined,
	listed?: ListedFields,
) {
	const label = INPUT_LABELS[inputIndex];
	const name = (text: string) => text.replace(/^Item (\d+)/, `${label} item $1`);
	try {
		const read = consumeItems(context, items, fields, mapping, schema, accept, undefined, listed);
		for (const item of read.errorItems) {
			item.json.error = name(String(item.json.error));
			const paired = item.pairedItem as IPairedItemData;
			item.pairedItem = { item: paired.item, input: inputIndex };
		}
		return read;
	} catch (error) {
		// NodeOperationError returns an error that already is one unchanged.
		if (!(error instanceof NodeOperationError) || !/^Item \d+/.test(error.message)) {
			throw new NodeOperationError(context.getNode(), error as Error);
		}
		throw new NodeOperationError(context.getNode(), name(error.message), {
			itemIndex: error.context.itemIndex as number | undefined,
			description: (error.description ?? '')
				.replace('of the input', `of the ${label} input`)
				.replace('输入的第', `“${label}”输入的第`)
				.replaceAll('Field Mapping', `${label} Field Mapping`),
		});
	}
}

interface Settings {
	/** Fixed as-of day, or undefined for "latest sales date". */
	asOf: string | undefined;
	/** Today in the chosen time zone: the as-of day for "today", and the fallback without sales. */
	today: string;
	options: ReorderSettings;
	warehouseMode: 'perWarehouse' | 'network';
	forwardWarehouses: string[];
	onlyNewAlerts: boolean;
	language: 'en' | 'zh';
	inventoryMapping: FieldMapping;
	salesMapping: FieldMapping;
	keepFields: string[];
}

/**
 * Parameter names as the editor shows them, for settings errors: read from the description
 * (options collection included), so they cannot drift. The library's asOf is the As-Of Date.
 */
export const SETTING_NAMES: Record<string, string> = (() => {
	const names: Record<string, string> = {};
	const add = (properties: readonly INodeProperties[]) => {
		for (const property of properties) {
			names[property.name] = property.displayName;
			if (property.type === 'collection') add((property.options ?? []) as INodeProperties[]);
		}
	};
	add(reorderAlertProperties);
	names.asOf = names.asOfMode;
	return names;
})();

/** A settings problem from the calculation library as a NodeOperationError naming the parameter. */
function settingsError(context: IExecuteFunctions, error: unknown): NodeOperationError {
	if (error instanceof ZodError) {
		const issue = error.issues[0];
		const key = String(issue.path[issue.path.length - 1] ?? '');
		return new NodeOperationError(context.getNode(), `${SETTING_NAMES[key] ?? key}: expected ${issue.message}`, {
			description: 'Change this setting to what the message expects. 请按错误信息把该设置改为要求的值。',
		});
	}
	if (error instanceof RangeError) {
		return new NodeOperationError(context.getNode(), error.message, {
			description: 'Change the setting the message names. 请修改错误信息中提到的设置。',
		});
	}
	return toNodeError(context, error);
}

function readSettings(context: IExecuteFunctions): Settings {
	const { param, fail } = nodeParameters(context);

	const asOfMode = param<'latestSales' | 'today' | 'date'>('asOfMode');
	let asOf: string | undefined;
	let today = '';
	if (asOfMode === 'date') {
		const text = String(param<string>('asOfDate') ?? '').trim();
		asOf = text.slice(0, 10);
		if (Number.isNaN(parseDayNumber(asOf))) {
			throw fail(`As-Of Date "${text}" is not a date`, 'Pick a day, e.g. 2026-06-30. 请选择一个日期，如 2026-06-30。');
		}
		today = asOf;
	} else {
		today = createZonedIsoFormatter(readTimeZone(context))(Date.now()).slice(0, 10);
		if (asOfMode === 'today') asOf = today;
	}

	const options = reorderSettingsFrom(param);
	// Validate the settings now, before any item is read (the as-of day may still change).
	try {
		resolveReorderOptions({ ...options, asOf: asOf ?? today });
	} catch (error) {
		throw settingsError(context, error);
	}

	const warehouseMode = param<'perWarehouse' | 'network'>('warehouseMode');
	return {
		asOf,
		today,
		options,
		warehouseMode,
		forwardWarehouses: warehouseMode === 'network' ? parseNameList(param<string>('forwardWarehouses')) : [],
		onlyNewAlerts: param<boolean>('onlyNewAlerts'),
		language: param<'en' | 'zh'>('language'),
		inventoryMapping: param<FieldMapping>('inventoryFields'),
		salesMapping: param<FieldMapping>('salesFields'),
		keepFields: readKeepFields(param<IDataObject>('options')),
	};
}
