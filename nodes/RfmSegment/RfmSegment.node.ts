import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { ClvError } from '../lib/clv';
import { readPath, type FieldMapping } from '../lib/model';
import {
	aggregateOrders,
	type Aggregation,
	DEFAULT_COUNTED_STATUSES,
	InvalidSegmentRuleError,
	InvalidThresholdsError,
	OrderTable,
	predictCustomerLifetimeValue,
	summarizeLifetimeValueBySegment,
	RFM_CUSTOMER_FIELDS,
	rfmCustomerSchema,
	segmentCustomers,
	toCents,
	type CustomerValues,
	type LabelLanguage,
	type LifetimeValueOutput,
	type LifetimeValueSettings,
	type PurchaseHistory,
	type ReferencePoint,
	type ScoringMethod,
	type SegmentScheme,
} from '../lib/rfm';
import {
	assertTimeZone,
	createTimestampParser,
	dayNumberToIsoDate,
	InvalidTimeZoneError,
	isoDateToDayNumber,
} from '../lib/time';
import { readItems } from '../shared/inputItems';
import { readOrderItems } from '../shared/orderItems';
import { parseNameList, parseNumberList, parseRateTable } from '../shared/parameters';
import { rfmSegmentProperties } from './description';

type OutputMode = 'customers' | 'summary' | 'both';

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
		displayName: 'RFM Segment',
		name: 'rfmSegment',
		icon: { light: 'file:rfmSegment.svg', dark: 'file:rfmSegment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"rfGrid": "R×F grid", "putler": "Putler 11 segments", "custom": "custom rules"}[$parameter["segmentScheme"]] + " · " + {"quintiles": "quintiles", "equalSize": "equal-size quintiles", "thresholds": "thresholds"}[$parameter["scoringMethod"]] }}',
		description:
			'Scores customers by Recency, Frequency and Monetary value and names their segment (Champions, At Risk, …) from orders or from per-customer totals',
		defaults: { name: 'RFM Segment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter.outputMode)}}`,
		properties: rfmSegmentProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputMode = this.getNodeParameter('outputMode', 0) as OutputMode;
		const settings = readSettings(this);

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
			if (error instanceof InvalidThresholdsError || error instanceof InvalidSegmentRuleError) {
				throw new NodeOperationError(this.getNode(), error.message);
			}
			throw new NodeOperationError(this.getNode(), error as Error);
		}

		const lifetimeValue =
			settings.lifetimeValue && values.histories && values.histories.length > 0
				? predictLifetimeValue(this, values.histories, settings.lifetimeValue)
				: undefined;

		const customerItems: INodeExecutionData[] = result.customers.map((customer, i) => {
			const sourceIndex = values.sourceIndex[i];
			const json: IDataObject = { ...customer, ...lifetimeValue?.customers[i], currency: values.currency ?? null };
			for (const field of settings.keepFields) {
				const kept = readPath(items[sourceIndex].json, field);
				if (kept !== undefined && !(field in json)) json[field] = kept as IDataObject[string];
			}
			return { json, pairedItem: { item: sourceIndex } };
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

		// Error items go on the first output; with "Continue (using error output)" n8n moves them.
		const errorItems = values.errorItems;
		if (outputMode === 'both') return [[...customerItems, ...errorItems], summaryItems];
		if (outputMode === 'summary') return [[...summaryItems, ...errorItems]];
		return [[...customerItems, ...errorItems]];
	}
}

interface Settings {
	inputKind: 'orders' | 'customers';
	mapping: FieldMapping;
	timeZone: string;
	reference: ReferencePoint;
	lookbackDays: number;
	countedStatuses: typeof DEFAULT_COUNTED_STATUSES;
	scoring: ScoringMethod;
	scheme: SegmentScheme;
	language: LabelLanguage;
	keepFields: string[];
	baseCurrency: string | undefined;
	rates: Record<string, number>;
	/** Set when Predict Lifetime Value is on (orders input only). */
	lifetimeValue: LifetimeValueSettings | undefined;
}

function readSettings(context: IExecuteFunctions): Settings {
	const param = <T>(name: string, fallback?: T) => context.getNodeParameter(name, 0, fallback) as T;
	const fail = (message: string, description?: string) =>
		new NodeOperationError(context.getNode(), message, { description });

	const inputKind = param<'orders' | 'customers'>('inputKind');
	const mapping = param<FieldMapping>(inputKind === 'orders' ? 'orderFields' : 'customerFields', {});
	const timeZone = param<string>('timeZone', 'Asia/Shanghai').trim();
	try {
		assertTimeZone(timeZone);
	} catch (error) {
		if (error instanceof InvalidTimeZoneError) throw fail(error.message);
		throw new NodeOperationError(context.getNode(), error as Error);
	}

	let reference: ReferencePoint = { kind: 'instant', epochMs: Date.now() };
	if (inputKind === 'orders') {
		const referenceMode = param<string>('referenceMode', 'now');
		if (referenceMode === 'latestOrder') reference = { kind: 'latestOrder' };
		if (referenceMode === 'endOfDay' || referenceMode === 'moment') {
			const text = String(param<string>('referenceDate', '') ?? '').trim();
			reference = { kind: 'instant', epochMs: parseReference(text, referenceMode, timeZone) };
			if (Number.isNaN(reference.epochMs)) {
				throw fail(
					`Reference Date "${text}" is not a date`,
					'Pick a date, e.g. 2026-06-30, or an ISO date-time such as 2026-06-30T23:59:59+08:00.',
				);
			}
		}
	}

	const scoringMethod = param<'quintiles' | 'equalSize' | 'thresholds'>('scoringMethod', 'quintiles');
	let scoring: ScoringMethod = { kind: scoringMethod } as ScoringMethod;
	if (scoringMethod === 'thresholds') {
		scoring = {
			kind: 'thresholds',
			thresholds: {
				recencyDays: parseNumberList(param<string>('recencyThresholds', '')),
				frequency: parseNumberList(param<string>('frequencyThresholds', '')),
				monetary: parseNumberList(param<string>('monetaryThresholds', '')),
			},
		};
	}

	const schemeKind = param<'rfGrid' | 'putler' | 'custom'>('segmentScheme', 'rfGrid');
	let scheme: SegmentScheme = { kind: schemeKind } as SegmentScheme;
	if (schemeKind === 'custom') {
		const rules = param<{ rule?: IDataObject[] }>('customSegments', {}).rule ?? [];
		scheme = {
			kind: 'custom',
			rules: rules.map((rule) => ({
				name: String(rule.name ?? ''),
				r: [Number(rule.recencyMin ?? 1), Number(rule.recencyMax ?? 5)],
				f: [Number(rule.frequencyMin ?? 1), Number(rule.frequencyMax ?? 5)],
				m: [Number(rule.monetaryMin ?? 1), Number(rule.monetaryMax ?? 5)],
			})),
		};
	}

	const options = param<IDataObject>('options', {});
	const rates = parseRateTable(String(options.currencyRates ?? ''));
	if ('badPart' in rates) {
		throw fail(
			`Currency Rates: "${rates.badPart}" is not a rate`,
			'Write one rate per currency as CODE=rate, separated by commas, e.g. USD=7.1, EUR=7.8 (units of the base currency per unit).',
		);
	}
	const statuses = param<string[]>('countedStatuses', [...DEFAULT_COUNTED_STATUSES]);
	return {
		inputKind,
		mapping,
		timeZone,
		reference,
		lookbackDays: Math.max(0, Math.floor(param<number>('lookbackDays', 0))),
		countedStatuses: statuses as typeof DEFAULT_COUNTED_STATUSES,
		scoring,
		scheme,
		language: param<LabelLanguage>('labelLanguage', 'en'),
		keepFields: parseNameList(String(options.keepFields ?? '')),
		baseCurrency: String(options.baseCurrency ?? '').trim().toUpperCase() || undefined,
		rates,
		lifetimeValue: inputKind === 'orders' && param<boolean>('predictLifetimeValue', false) ? readLifetimeValue(context) : undefined,
	};
}

function readLifetimeValue(context: IExecuteFunctions): LifetimeValueSettings {
	const param = <T>(name: string, fallback: T) => context.getNodeParameter(name, 0, fallback) as T;
	const horizonDays = Number(param<number>('clvHorizonDays', 90));
	if (!(Number.isFinite(horizonDays) && horizonDays > 0)) {
		throw new NodeOperationError(context.getNode(), `Lifetime Value Horizon (Days) is ${horizonDays}; expected a number of days above 0, e.g. 90`);
	}
	const ratePercent = Number(param<number>('clvAnnualDiscountRate', 0));
	if (!(Number.isFinite(ratePercent) && ratePercent >= 0)) {
		throw new NodeOperationError(context.getNode(), `Annual Discount Rate (%) is ${ratePercent}; expected 0 (none) or more, e.g. 10`);
	}
	return {
		period: param<'day' | 'week'>('clvTimeUnit', 'day'),
		horizonDays,
		annualDiscountRate: ratePercent > 0 ? ratePercent / 100 : undefined,
	};
}

/** What each ClvError code means for a shop, and what to do about it. */
const CLV_ERROR_HELP: Record<string, string> = {
	INSUFFICIENT_DATA:
		'Lifetime value needs customers who bought again on a later day. Use a longer order history (Lookback Window 0 = all), or turn Predict Lifetime Value off.',
	IDENTICAL_CUSTOMERS:
		'Every customer has the same purchase pattern, so the models cannot tell customers apart. Use more order history, or turn Predict Lifetime Value off.',
	UNDEFINED_MEAN:
		'The spend model found no finite average order value (too few, too varied repeat purchases). Use more order history, or turn Predict Lifetime Value off.',
	NUMERICAL_FAILURE: 'The models could not be fitted to this data. Check the orders for extreme amounts or dates.',
};

function predictLifetimeValue(
	context: IExecuteFunctions,
	histories: PurchaseHistory[],
	settings: LifetimeValueSettings,
): LifetimeValueOutput {
	try {
		return predictCustomerLifetimeValue(histories, settings);
	} catch (error) {
		if (error instanceof ClvError) {
			throw new NodeOperationError(context.getNode(), `Predict Lifetime Value: ${error.message}`, {
				description: CLV_ERROR_HELP[error.code] ?? 'Check the orders, or turn Predict Lifetime Value off.',
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

/** "End of a chosen day" = the last millisecond before the next local midnight in the zone. */
function parseReference(text: string, mode: 'endOfDay' | 'moment', timeZone: string): number {
	const parse = createTimestampParser(timeZone);
	if (mode === 'moment') return parse(text);
	const day = text.slice(0, 10);
	if (Number.isNaN(parse(day))) return NaN;
	return parse(dayNumberToIsoDate(isoDateToDayNumber(day) + 1)) - 1;
}

/**
 * Hints in the output pane for the two surprises users meet most: an old export scored
 * against today (everyone looks lapsed), and customers who vanish because none of their
 * orders counted.
 */
function addOrderHints(context: IExecuteFunctions, activity: Aggregation, settings: Settings): void {
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

function readOrders(context: IExecuteFunctions, items: INodeExecutionData[], settings: Settings): CustomerValuesRead {
	const orders = new OrderTable();
	const { errorItems, currency, rateOf } = readOrderItems(context, items, settings, (order) => orders.push(order));
	const activity = aggregateOrders(orders, {
		reference: settings.reference,
		timeZone: settings.timeZone,
		lookbackDays: settings.lookbackDays,
		countedStatuses: settings.countedStatuses,
		rateOf,
		purchaseHistory: settings.lifetimeValue && { period: settings.lifetimeValue.period },
	});
	addOrderHints(context, activity, settings);
	return {
		customers: activity.customers,
		histories: settings.lifetimeValue ? activity.customers.map((c) => c.purchaseHistory as PurchaseHistory) : undefined,
		sourceIndex: activity.customers.map((c) => c.latestItemIndex),
		errorItems,
		currency,
		context: {
			referenceDate:
				activity.referenceEpochMs === undefined ? null : new Date(activity.referenceEpochMs).toISOString(),
			ordersCounted: activity.ordersCounted,
			customersWithoutCountedOrders: activity.customersWithoutCountedOrders,
		},
	};
}

function readCustomers(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: Settings,
): CustomerValuesRead {
	const { records, errorItems } = readItems(
		context,
		items,
		RFM_CUSTOMER_FIELDS,
		settings.mapping,
		rfmCustomerSchema,
		(input, itemIndex) => ({ ...input, monetaryCents: toCents(input.monetary), itemIndex }),
	);
	return {
		customers: records,
		sourceIndex: records.map((r) => r.itemIndex),
		errorItems,
		currency: settings.baseCurrency,
		context: {},
	};
}
