import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { UserInputError } from '../lib/errors';
import { createDuplicateCustomerCheck, sourcePathOf, type FieldMapping } from '../lib/model';
import { aggregateOrders, type Aggregation, CustomerTotals, OrderTable, toCents, type PurchaseHistory } from '../lib/orders';
import {
	parseRfmOptions,
	predictCustomerLifetimeValue,
	summarizeLifetimeValueBySegment,
	RFM_CUSTOMER_FIELDS,
	rfmCustomerParser,
	segmentCustomers,
	type CustomerValues,
	type LifetimeValueOutput,
	type LifetimeValueSettings,
	type RfmOptionsInput,
	type RfmOrderSettings,
	type RfmSettings,
} from '../lib/rfm';
import { createZonedIsoFormatter } from '../lib/time';
import { readItems } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	collectionDefaults,
	continueOnNodeError,
	keepFields,
	nodeParameters,
	readCurrencyRates,
	readKeepFields,
	readTimeZone,
	routeByOutputMode,
	shownWhen,
	toNodeError,
	withDefaults,
} from '../shared/nodeHelpers';
import { ORDER_INPUT, readOrderItems, readOrdersInOnePass } from '../shared/orderItems';
import { rfmSegmentProperties } from './description';

type OutputMode = 'customers' | 'summary' | 'both';

/** Input "Customers (Totals)": one item per customer with its totals, for the no-input error. */
const CUSTOMER_KIND = { en: 'customer', zh: '客户' };
const CUSTOMER_TOTALS_CONNECT = {
	en: 'Connect a node that outputs one item per customer with recency days, frequency and monetary totals (e.g. a sheet exported from your shop), or set Input Data to Orders and connect orders.',
	zh: '请连接每条一个客户、带最近购买天数、购买次数和消费金额的节点（如店铺导出的表格），或将 Input Data 设为 Orders 并连接订单。',
};

/** Output connectors for the chosen output mode (evaluated by the editor too). */
export function configuredOutputs(outputMode: OutputMode) {
	if (outputMode === 'both') {
		return [
			{ type: 'main', displayName: 'Customers' },
			{ type: 'main', displayName: 'Summary' },
		];
	}
	return [{ type: 'main', displayName: outputMode === 'summary' ? 'Summary' : 'Customers' }];
}

export class RfmSegment implements INodeType {
	description: INodeTypeDescription = {
		// The Chinese name is what most users search for and recognise (issue 12 item 4); the
		// default node name stays short for the canvas.
		displayName: 'RFM Segment (客户分层)',
		name: 'rfmSegment',
		icon: { light: 'file:rfmSegment.svg', dark: 'file:rfmSegment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"rfGrid": "R×F grid", "putler": "Putler 11 segments", "custom": "custom rules"}[$parameter["segmentScheme"]] + " · " + {"quintiles": "quintiles", "equalSize": "equal-size quintiles", "thresholds": "thresholds"}[$parameter["scoringMethod"]] }}',
		description:
			'Scores customers by Recency, Frequency and Monetary value and names their segment (Champions, At Risk, …) from orders or from per-customer totals (按最近购买、购买频次和消费金额给客户打分并分层)',
		defaults: { name: 'RFM Segment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter.outputMode)}}`,
		properties: rfmSegmentProperties,
	};

	/** Under "On Error: Continue" a node-level error is the node's one error item, not its inputs passed on. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return continueOnNodeError(this, RfmSegment.prototype.scoreCustomers);
	}

	async scoreCustomers(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputMode = nodeParameters(this).param<OutputMode>('outputMode');
		const settings = readSettings(this);
		const notReached = checkInputsCarryFields(this, [
			settings.inputKind === 'orders'
				? { ...ORDER_INPUT, items, mapping: settings.mapping, mappingParameter: 'Field Mapping' }
				: { items, fields: RFM_CUSTOMER_FIELDS, mapping: settings.mapping, mappingParameter: 'Field Mapping', kind: CUSTOMER_KIND, connect: CUSTOMER_TOTALS_CONNECT },
		]);
		if (notReached) return notReached;

		const values =
			settings.inputKind === 'orders' ? readOrders(this, items, settings) : readCustomers(this, items, settings);

		let result;
		try {
			result = segmentCustomers(values.customers, {
				scoring: settings.scoring,
				scheme: settings.scheme,
				language: settings.language,
			});
		} catch (error) {
			throw toNodeError(this, error);
		}

		const lifetimeValue =
			settings.inputKind === 'orders' && settings.lifetimeValue && values.histories && values.histories.length > 0
				? predictLifetimeValue(this, values.histories, settings.lifetimeValue)
				: undefined;

		const customerItems: INodeExecutionData[] = result.customers.map((customer, i) => {
			const sourceIndex = values.sourceIndex[i];
			// The customer's own object gains its currency (no copy of 200k objects) unless lifetime value comes between.
			const json: IDataObject = lifetimeValue
				? { ...customer, ...lifetimeValue.customers[i], currency: values.currency ?? null }
				: (Object.assign(customer, { currency: values.currency ?? null }) as unknown as IDataObject);
			return { json: keepFields(json, items[sourceIndex].json, settings.keepFields), pairedItem: { item: sourceIndex } };
		});

		const firstSourceOf = new Map<string, number>();
		result.customers.forEach((c, i) => {
			if (!firstSourceOf.has(c.segment)) firstSourceOf.set(c.segment, values.sourceIndex[i]);
		});
		// No customers scored (empty input): no summary rows either, rather than rows of zeros.
		const summaryRows = result.customers.length === 0 ? [] : result.summary;
		const clvBySegment = lifetimeValue
			? summarizeLifetimeValueBySegment(
					result.customers.map((c) => c.segment),
					lifetimeValue.customers,
				)
			: undefined;
		const summaryItems: INodeExecutionData[] = summaryRows.map((row) => ({
			json: {
				...row,
				...(clvBySegment && {
					...(clvBySegment.get(row.segment) ?? { predictedClv: 0, meanPredictedClv: 0, meanProbabilityAlive: 0 }),
					lifetimeValueModel: lifetimeValue?.model,
				}),
				currency: values.currency ?? null,
				...values.context,
			} as unknown as IDataObject,
			pairedItem: { item: firstSourceOf.get(row.segment) ?? 0 },
		}));

		return routeByOutputMode(outputMode, customerItems, summaryItems, values.errorItems);
	}
}

/** The calculation's settings (parsed by lib/rfm/options.ts) and what only the node reads. */
type Settings = RfmSettings & {
	mapping: FieldMapping;
	keepFields: string[];
	rates: Record<string, number>;
};
type OrderSettings = Extract<Settings, RfmOrderSettings>;

function readSettings(context: IExecuteFunctions): Settings {
	const { param } = nodeParameters(context);
	const inputKind = param<'orders' | 'customers'>('inputKind');
	const scoringMethod = param<string>('scoringMethod');
	const segmentScheme = param<string>('segmentScheme');
	const options = param<IDataObject>('options');
	const shared = {
		now: Date.now(),
		scoringMethod,
		...(scoringMethod === 'thresholds' && {
			recencyThresholds: param<string>('recencyThresholds'),
			frequencyThresholds: param<string>('frequencyThresholds'),
			monetaryThresholds: param<string>('monetaryThresholds'),
		}),
		segmentScheme,
		...(segmentScheme === 'custom' && { customSegments: readCustomSegments(context) }),
		labelLanguage: param<string>('labelLanguage'),
		baseCurrency: options.baseCurrency as string | undefined,
	};
	// The order settings are shown (and read) for order input only.
	const input =
		inputKind === 'orders'
			? {
					...shared,
					inputKind,
					timeZone: readTimeZone(context),
					...readReference(context),
					lookbackDays: param<number>('lookbackDays'),
					countedStatuses: param<string[]>('countedStatuses'),
					lifetimeValue: param<boolean>('predictLifetimeValue')
						? {
								clvTimeUnit: param<string>('clvTimeUnit'),
								clvHorizonDays: param<number>('clvHorizonDays'),
								clvAnnualDiscountRate: param<number>('clvAnnualDiscountRate'),
							}
						: undefined,
				}
			: { ...shared, inputKind };
	let settings: RfmSettings;
	try {
		settings = parseRfmOptions(input as RfmOptionsInput);
	} catch (error) {
		throw toNodeError(context, error);
	}
	return {
		...settings,
		mapping: param<FieldMapping>(inputKind === 'orders' ? 'orderFields' : 'customerFields'),
		keepFields: readKeepFields(options),
		rates: readCurrencyRates(context, options),
	};
}

/**
 * Reference Date is shown (so n8n keeps it, and it can be read) only for the two modes that
 * use it: n8n drops a parameter its display options hide.
 */
function readReference(context: IExecuteFunctions): { referenceMode: string; referenceDate?: string } {
	const { param } = nodeParameters(context);
	const referenceMode = param<string>('referenceMode');
	return shownWhen(rfmSegmentProperties, 'referenceDate', 'referenceMode').includes(referenceMode) ? { referenceMode, referenceDate: param<string>('referenceDate') } : { referenceMode };
}

/** The Segments entries, each value the user left out taking the description's default. */
function readCustomSegments(context: IExecuteFunctions): IDataObject[] {
	const defaults = collectionDefaults(rfmSegmentProperties, 'customSegments', 'rule');
	const rules = nodeParameters(context).param<{ rule?: IDataObject[] }>('customSegments').rule ?? [];
	return rules.map((rule) => withDefaults(rule, defaults));
}

/** What each CLV error code means for a shop, and what to do about it, in both languages. */
const CLV_ERROR_HELP: Record<string, string> = {
	INSUFFICIENT_DATA:
		'Lifetime value needs customers who bought again on a later day. Use a longer order history (Lookback Window 0 = all), or turn Predict Lifetime Value off. 预测客户终身价值需要有客户在之后的某天再次购买：请使用更长的订单历史（Lookback Window 设为 0 即全部），或关闭 Predict Lifetime Value。',
	IDENTICAL_CUSTOMERS:
		'Every customer has the same purchase pattern, so the models cannot tell customers apart. Use more order history, or turn Predict Lifetime Value off. 所有客户的购买规律完全相同，模型无法区分客户：请使用更多订单历史，或关闭 Predict Lifetime Value。',
	UNDEFINED_MEAN:
		'The spend model found no finite average order value (too few, too varied repeat purchases). Use more order history, or turn Predict Lifetime Value off. 消费金额模型算不出有限的平均客单价（复购太少或金额差异太大）：请使用更多订单历史，或关闭 Predict Lifetime Value。',
	NUMERICAL_FAILURE:
		'The models could not be fitted to this data. Check the orders for extreme amounts or dates. 模型无法拟合这些数据：请检查订单中是否有极端的金额或日期。',
};
const CLV_ERROR_FALLBACK = 'Check the orders, or turn Predict Lifetime Value off. 请检查订单数据，或关闭 Predict Lifetime Value。';

function predictLifetimeValue(
	context: IExecuteFunctions,
	histories: PurchaseHistory[],
	settings: LifetimeValueSettings,
): LifetimeValueOutput {
	try {
		return predictCustomerLifetimeValue(histories, settings);
	} catch (error) {
		// The library's index is a customer's position, not an input item: the error is the node's.
		throw toNodeError(context, error, {
			prefix: 'Predict Lifetime Value: ',
			description: (clv: UserInputError) =>
				CLV_ERROR_HELP[clv.code ?? ''] ?? CLV_ERROR_FALLBACK,
			nodeLevel: true,
		});
	}
}

/**
 * Hints in the output pane for the two surprises users meet most: an old export scored
 * against today (everyone looks lapsed), and customers who vanish because none of their
 * orders counted.
 */
function addOrderHints(context: IExecuteFunctions, activity: Aggregation, settings: OrderSettings): void {
	const hints: Array<{ message: string; type: 'info' | 'warning'; location: 'outputPane' }> = [];
	if (settings.reference.kind === 'instant' && activity.customers.length > 0) {
		const freshest = activity.customers.reduce((min, c) => Math.min(min, c.recencyDays), Infinity);
		if (freshest >= 30) {
			hints.push({
				type: 'warning',
				location: 'outputPane',
				message: `The newest counted order is ${freshest} days before the reference date, so every customer looks lapsed. For an older export, set Reference Date to "Latest Order in the Input". 最新订单距参考日期已 ${freshest} 天：旧数据请将参考日期设为“输入中的最新订单”。`,
			});
		}
	}
	if (activity.customersWithoutCountedOrders > 0) {
		hints.push({
			type: 'info',
			location: 'outputPane',
			message: `${activity.customersWithoutCountedOrders} customer(s) had no counted order (e.g. only refunded, cancelled or pending orders, or all outside the window) and got no score. ${activity.customersWithoutCountedOrders} 位客户没有计入的订单，未评分。`,
		});
	}
	if (hints.length > 0) context.addExecutionHints(...hints);
}

interface CustomerValuesRead {
	customers: CustomerValues[];
	/** For each customer, the input item its output item pairs with. */
	sourceIndex: number[];
	errorItems: INodeExecutionData[];
	currency: string | undefined;
	context: IDataObject;
	/** Purchase histories in customer order (orders input with lifetime value only). */
	histories?: PurchaseHistory[];
}

function readOrders(context: IExecuteFunctions, items: INodeExecutionData[], settings: OrderSettings): CustomerValuesRead {
	const { errorItems, currency, activity } = countOrdersInOnePass(context, items, settings) ?? countOrdersFromTable(context, items, settings);
	addOrderHints(context, activity, settings);
	return {
		customers: activity.customers,
		histories: settings.lifetimeValue ? activity.customers.map((c) => c.purchaseHistory as PurchaseHistory) : undefined,
		sourceIndex: activity.customers.map((c) => c.latestItemIndex),
		errorItems,
		currency,
		context: {
			// In the shop's time zone with its offset (2026-06-30T23:59:59+08:00), as every other
			// date the node reads and writes, not in UTC (issue 12).
			referenceDate:
				activity.referenceEpochMs === undefined ? null : createZonedIsoFormatter(settings.timeZone)(activity.referenceEpochMs),
			ordersCounted: activity.ordersCounted,
			customersWithoutCountedOrders: activity.customersWithoutCountedOrders,
		},
	};
}

const aggregationOptions = (settings: OrderSettings) => ({
	reference: settings.reference,
	timeZone: settings.timeZone,
	lookbackDays: settings.lookbackDays,
	countedStatuses: settings.countedStatuses,
	purchaseHistory: settings.lifetimeValue && { period: settings.lifetimeValue.period },
});

interface OrdersCounted {
	errorItems: INodeExecutionData[];
	currency: string | undefined;
	activity: Aggregation;
}

/**
 * The orders validated and added to each customer's totals as they are read, nothing kept per
 * order (issue 11: a million orders within 1.5× of a plain loop; docs/nodes/RfmSegment.md,
 * "Where the time goes"). Undefined for what one pass cannot settle, which
 * countOrdersFromTable then reads: an order id given twice (its last row wins, so an earlier
 * row already added must come out again; createOrderIdCheck may also, very rarely, take two ids
 * for one), a Lookback Window counted back from the latest
 * order (known only at the end), an order in a currency without a rate that is not the base
 * (an error, known only once the base is).
 */
function countOrdersInOnePass(context: IExecuteFunctions, items: INodeExecutionData[], settings: OrderSettings): OrdersCounted | undefined {
	if (settings.reference.kind === 'latestOrder' && settings.lookbackDays > 0) return undefined;
	const totals = new CustomerTotals(aggregationOptions(settings));
	const read = readOrdersInOnePass(
		context,
		items,
		settings,
		(order, itemIndex, { rate, rateIfNotBase }) => {
			totals.add(order.customerId, order.createdAtMs, order.createdAt, itemIndex, order.status, order.amount, order.refundedAmount, order.currency, rate, rateIfNotBase);
			return true;
		},
		(scan) => totals.result(scan.currency),
	);
	if (read === undefined) return undefined;
	return { errorItems: read.scan.errorItems, currency: read.scan.currency, activity: read.result };
}

/** The orders kept in a column table until all are read, then counted (aggregateOrders). */
function countOrdersFromTable(context: IExecuteFunctions, items: INodeExecutionData[], settings: OrderSettings): OrdersCounted {
	const orders = new OrderTable();
	const { errorItems, currency, rateOf } = readOrderItems(context, items, settings, (order) => orders.push(order));
	return { errorItems, currency, activity: aggregateOrders(orders, { ...aggregationOptions(settings), rateOf }) };
}

function readCustomers(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: Settings,
): CustomerValuesRead {
	// Two rows of totals for one customer are a join gone wrong upstream: the later is refused.
	const duplicateOf = createDuplicateCustomerCheck(
		sourcePathOf('customerId', settings.mapping),
		'give one row of totals per customer, or set Input Data to Orders',
	);
	const { records, errorItems } = readItems(
		context,
		items,
		RFM_CUSTOMER_FIELDS,
		settings.mapping,
		rfmCustomerParser,
		(input, itemIndex) =>
			duplicateOf(input.customerId, itemIndex) ?? { ...input, monetaryCents: toCents(input.monetary), itemIndex },
	);
	return {
		customers: records,
		sourceIndex: records.map((r) => r.itemIndex),
		errorItems,
		currency: settings.baseCurrency,
		context: {},
	};
}
