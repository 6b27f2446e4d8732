import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { UserInputError } from '../lib/errors';
import type { FieldMapping } from '../lib/model';
import {
	aggregateOrders,
	type Aggregation,
	DEFAULT_COUNTED_STATUSES,
	OrderTable,
	toCents,
	type PurchaseHistory,
	type ReferencePoint,
} from '../lib/orders';
import {
	predictCustomerLifetimeValue,
	summarizeLifetimeValueBySegment,
	RFM_CUSTOMER_FIELDS,
	rfmCustomerSchema,
	segmentCustomers,
	type CustomerValues,
	type LabelLanguage,
	type LifetimeValueOutput,
	type LifetimeValueSettings,
	type ScoringMethod,
	type SegmentScheme,
} from '../lib/rfm';
import { createTimestampParser, dayNumberToIsoDate, isoDateToDayNumber } from '../lib/time';
import { readItems } from '../shared/inputItems';
import {
	keepFields,
	nodeParameters,
	readCurrencyRates,
	readKeepFields,
	readTimeZone,
	routeByOutputMode,
	toNodeError,
} from '../shared/nodeHelpers';
import { readOrderItems } from '../shared/orderItems';
import { parseNumberList } from '../shared/parameters';
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
		const outputMode = nodeParameters(this).param<OutputMode>('outputMode');
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
			throw toNodeError(this, error);
		}

		const lifetimeValue =
			settings.lifetimeValue && values.histories && values.histories.length > 0
				? predictLifetimeValue(this, values.histories, settings.lifetimeValue)
				: undefined;

		const customerItems: INodeExecutionData[] = result.customers.map((customer, i) => {
			const sourceIndex = values.sourceIndex[i];
			const json: IDataObject = { ...customer, ...lifetimeValue?.customers[i], currency: values.currency ?? null };
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
	const { param, fail } = nodeParameters(context);

	const inputKind = param<'orders' | 'customers'>('inputKind');
	const mapping = param<FieldMapping>(inputKind === 'orders' ? 'orderFields' : 'customerFields');
	// Time zone, reference, lookback and statuses are order settings (hidden for customers).
	let timeZone = '';
	let reference: ReferencePoint = { kind: 'instant', epochMs: Date.now() };
	let lookbackDays = 0;
	let countedStatuses = DEFAULT_COUNTED_STATUSES;
	if (inputKind === 'orders') {
		timeZone = readTimeZone(context);
		const referenceMode = param<string>('referenceMode');
		if (referenceMode === 'latestOrder') reference = { kind: 'latestOrder' };
		if (referenceMode === 'endOfDay' || referenceMode === 'moment') {
			const text = String(param<string>('referenceDate') ?? '').trim();
			reference = { kind: 'instant', epochMs: parseReference(text, referenceMode, timeZone) };
			if (Number.isNaN(reference.epochMs)) {
				throw fail(
					`Reference Date "${text}" is not a date`,
					'Pick a date, e.g. 2026-06-30, or an ISO date-time such as 2026-06-30T23:59:59+08:00.',
				);
			}
		}
		lookbackDays = Math.max(0, Math.floor(param<number>('lookbackDays')));
		countedStatuses = param<typeof DEFAULT_COUNTED_STATUSES>('countedStatuses');
	}

	const scoringMethod = param<'quintiles' | 'equalSize' | 'thresholds'>('scoringMethod');
	let scoring: ScoringMethod = { kind: scoringMethod } as ScoringMethod;
	if (scoringMethod === 'thresholds') {
		scoring = {
			kind: 'thresholds',
			thresholds: {
				recencyDays: parseNumberList(param<string>('recencyThresholds')),
				frequency: parseNumberList(param<string>('frequencyThresholds')),
				monetary: parseNumberList(param<string>('monetaryThresholds')),
			},
		};
	}

	const schemeKind = param<'rfGrid' | 'putler' | 'custom'>('segmentScheme');
	let scheme: SegmentScheme = { kind: schemeKind } as SegmentScheme;
	if (schemeKind === 'custom') {
		const rules = param<{ rule?: IDataObject[] }>('customSegments').rule ?? [];
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

	const options = param<IDataObject>('options');
	const rates = readCurrencyRates(context, options);
	return {
		inputKind,
		mapping,
		timeZone,
		reference,
		lookbackDays,
		countedStatuses,
		scoring,
		scheme,
		language: param<LabelLanguage>('labelLanguage'),
		keepFields: readKeepFields(options),
		baseCurrency: String(options.baseCurrency ?? '').trim().toUpperCase() || undefined,
		rates,
		lifetimeValue: inputKind === 'orders' && param<boolean>('predictLifetimeValue') ? readLifetimeValue(context) : undefined,
	};
}

function readLifetimeValue(context: IExecuteFunctions): LifetimeValueSettings {
	const { param, fail } = nodeParameters(context);
	const horizonDays = Number(param<number>('clvHorizonDays'));
	if (!(Number.isFinite(horizonDays) && horizonDays > 0)) {
		throw fail(`Lifetime Value Horizon (Days) is ${horizonDays}; expected a number of days above 0, e.g. 90`);
	}
	const ratePercent = Number(param<number>('clvAnnualDiscountRate'));
	if (!(Number.isFinite(ratePercent) && ratePercent >= 0)) {
		throw fail(`Annual Discount Rate (%) is ${ratePercent}; expected 0 (none) or more, e.g. 10`);
	}
	return {
		period: param<'day' | 'week'>('clvTimeUnit'),
		horizonDays,
		annualDiscountRate: ratePercent > 0 ? ratePercent / 100 : undefined,
	};
}

/** What each CLV error code means for a shop, and what to do about it. */
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
		// The library's index is a customer's position, not an input item: the error is the node's.
		throw toNodeError(context, error, {
			prefix: 'Predict Lifetime Value: ',
			description: (clv: UserInputError) =>
				CLV_ERROR_HELP[clv.code ?? ''] ?? 'Check the orders, or turn Predict Lifetime Value off.',
			nodeLevel: true,
		});
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
