import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { createPathReader, type FieldMapping, type InputIssue } from '../lib/model';
import {
	ChannelTotals,
	computeVisitorValue,
	GroupedOrders,
	orderGroupOf,
	parseVisitorValueOptions,
	toTrafficRow,
	TRAFFIC_FIELDS,
	trafficRowSchema,
	type RepeatScope,
	type Suggestion,
	type TrafficRow,
	valueChannels,
	visitorValueWindow,
	type VisitorValueOptions,
	type VisitorValueOptionsInput,
	type VisitorValueResult,
	type VisitorValueWindow,
} from '../lib/visitorValue';
import { readItems, type ReadResult } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	continueOnNodeError,
	nodeParameters,
	parameterDefault,
	readCurrencyRates,
	readTimeZone,
	routeByOutputMode,
	toNodeError,
} from '../shared/nodeHelpers';
import { ORDER_INPUT, readOrderItems, readOrdersInOnePass, type OrderReadSettings } from '../shared/orderItems';
import { visitorValueProperties } from './description';

type OutputMode = 'both' | 'groups' | 'summary';

/** Output connectors for the chosen output mode (evaluated by the editor too). */
export function configuredOutputs(outputMode: OutputMode) {
	if (outputMode === 'both') {
		return [
			{ type: 'main', displayName: 'Channels' },
			{ type: 'main', displayName: 'Summary' },
		];
	}
	return [{ type: 'main', displayName: outputMode === 'summary' ? 'Summary' : 'Channels' }];
}

const SUGGESTION_LABELS: Record<Suggestion, string> = {
	increase: 'Increase budget · 增加预算',
	decrease: 'Decrease budget · 减少预算',
	keep: 'Keep · 保持',
};

/** What the Traffic input reads, for the error when only other items (e.g. a trigger's) reached it. */
const TRAFFIC_KIND = { en: 'traffic', zh: '流量' };
const TRAFFIC_CONNECT = {
	en: 'Connect a node that outputs traffic, one item per day and channel with visitors or sessions: Demo Shop Data with Dataset Traffic, or a sheet exported from your shop\'s analytics.',
	zh: '请连接输出流量（每条为某天某渠道的访客数或会话数）的节点：Demo Shop Data（示例数据，Dataset 选 Traffic），或店铺后台导出的流量表格。',
};

/** Groups of orders without a value in the group field. */
export const NO_GROUP = '(none)';

export class VisitorValue implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Visitor Value (访客价值)',
		name: 'visitorValue',
		icon: { light: 'file:visitorValue.svg', dark: 'file:visitorValue.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "per " + $parameter["orderGroupField"] }}',
		description:
			'Visitor value per traffic channel (访客价值 = 客单价 × 转化率 × 复购率) from orders and traffic, ranked, with a suggested budget shift toward the channels worth more',
		defaults: { name: 'Visitor Value' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Orders' },
			{ type: NodeConnectionTypes.Main, displayName: 'Traffic' },
		],
		outputs: `={{(${configuredOutputs})($parameter.outputMode)}}`,
		properties: visitorValueProperties,
	};

	/** Under "On Error: Continue" a node-level error is the node's one error item, not its inputs passed on. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return continueOnNodeError(this, VisitorValue.prototype.valueChannels, 2);
	}

	async valueChannels(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const orderItems = this.getInputData(0);
		const trafficItems = this.getInputData(1);
		const { param } = nodeParameters(this);
		const outputMode = param<OutputMode>('outputMode');

		const timeZone = readTimeZone(this);
		const options = param<IDataObject>('options');
		const rates = readCurrencyRates(this, options);
		let settings;
		try {
			settings = parseVisitorValueOptions({
				timeZone,
				endDate: param<string>('endDate'),
				windowDays: param<number>('windowDays'),
				countedStatuses: param<VisitorValueOptionsInput['countedStatuses']>('countedStatuses'),
				repeatScope: param<RepeatScope>('repeatScope'),
				currentBudget: param<string>('currentBudget'),
				shiftStepPercent: param<number>('shiftStepPercent'),
			});
		} catch (error) {
			throw toNodeError(this, error);
		}

		const orderMapping = param<FieldMapping>('orderFields');
		const trafficMapping = param<FieldMapping>('trafficFields');
		const measure = param<'visitors' | 'sessions'>('trafficMeasure');
		const trafficFieldMapping: FieldMapping = {
			date: trafficMapping.date ?? '',
			group: String(param<string>('trafficGroupField')).trim() || String(parameterDefault(visitorValueProperties, 'trafficGroupField')),
			visitors: (trafficMapping[measure] ?? '').trim() || measure,
		};
		const notReached = checkInputsCarryFields(this, [
			{ ...ORDER_INPUT, items: orderItems, mapping: orderMapping, mappingParameter: 'Field Mapping (Orders)', inputName: 'Orders', inputIndex: 0 },
			{ items: trafficItems, fields: TRAFFIC_FIELDS, mapping: trafficFieldMapping, mappingParameter: 'Field Mapping (Traffic)', inputName: 'Traffic', inputIndex: 1, kind: TRAFFIC_KIND, connect: TRAFFIC_CONNECT },
		]);
		if (notReached) return notReached;

		// Orders: read as RFM Segment reads them, plus the group field of each.
		const groupPath = String(param<string>('orderGroupField')).trim() || String(parameterDefault(visitorValueProperties, 'orderGroupField'));
		const readGroup = createPathReader(groupPath);
		const read: ChannelsRead = {
			context: this,
			orderItems,
			orderSettings: {
				mapping: orderMapping,
				timeZone,
				baseCurrency: String(options.baseCurrency ?? '').trim() || undefined,
				rates,
			},
			// Text or a number, as the traffic's channel; an object is refused, not named "[object Object]".
			groupOf: (itemIndex) => orderGroupOf(readGroup(orderItems[itemIndex].json), itemIndex, groupPath, NO_GROUP),
			readTraffic: (context) =>
				readItems(context, trafficItems, TRAFFIC_FIELDS, trafficFieldMapping, trafficRowSchema(timeZone), (input): TrafficRow => toTrafficRow(input)),
			settings,
		};
		const { ordersRead, traffic, result, firstItemIndexOf } = valueInOnePass(read) ?? valueFromTable(read);

		const currency = ordersRead.currency ?? null;
		// Each channel's item pairs with the orders of that channel (its first one), else input 0.
		// The exact values go last, after everything a person reads.
		const groupItems: INodeExecutionData[] = result.groups.map(({ exact, ...group }) => ({
			json: {
				...group,
				groupedBy: groupPath,
				suggestionLabel: SUGGESTION_LABELS[group.suggestion],
				currency,
				trafficMeasure: measure,
				windowStart: result.totals.windowStart,
				windowEnd: result.totals.windowEnd,
				exact,
			} as unknown as IDataObject,
			pairedItem: { item: firstItemIndexOf(group.group) ?? 0 },
		}));
		const { exact: exactTotals, ...totals } = result.totals;
		const summaryItems: INodeExecutionData[] = [
			{
				json: {
					...totals,
					groupedBy: groupPath,
					currency,
					trafficMeasure: measure,
					repeatScope: settings.repeatScope,
					topGroup: result.groups[0]?.group ?? null,
					budgetRule:
						'suggested share = (1 − step) × current share + step × value-weighted share; value-weighted share ∝ current share × visitor value, over channels with traffic',
					exact: exactTotals,
				} as unknown as IDataObject,
				pairedItem: { item: 0 },
			},
		];
		// Bad order items go on the first output; with "Continue (using error output)" n8n moves them.
		const trafficErrors = traffic.errorItems.map((item) => ({
			...item,
			pairedItem: { item: (item.pairedItem as { item: number }).item, input: 1 },
		}));
		return routeByOutputMode(outputMode, groupItems, summaryItems, [...ordersRead.errorItems, ...trafficErrors]);
	}
}

interface ChannelsRead {
	context: IExecuteFunctions;
	orderItems: INodeExecutionData[];
	orderSettings: OrderReadSettings;
	groupOf: (itemIndex: number) => string | InputIssue;
	readTraffic: (context: IExecuteFunctions) => ReadResult<TrafficRow>;
	settings: Omit<VisitorValueOptions, 'rateOf' | 'currency'>;
}

interface ChannelsValued {
	ordersRead: { errorItems: INodeExecutionData[]; currency: string | undefined };
	traffic: ReadResult<TrafficRow>;
	result: VisitorValueResult;
	firstItemIndexOf: (group: string) => number | undefined;
}

/**
 * The orders added to each (channel, customer) pair's running totals as they are read, nothing
 * kept per order, as RFM Segment counts them (docs/nodes/VisitorValue.md, "Where the time
 * goes"). The traffic is read first, as its latest day ends the window without an End Date; its
 * hints are held until the orders' are given, in the order the exact way gives them. Undefined
 * for what one pass cannot settle, which valueFromTable then reads from the start: what
 * readOrdersInOnePass cannot (an order id given twice, an order in a currency without a rate),
 * a bad traffic item or option while not continuing on fail (the orders' errors come first), no
 * End Date and no traffic (the window ends on the latest counted order's day), a channel that is
 * not text or a number (the exact way reports it after the other errors when the base currency
 * is chosen from the orders).
 */
function valueInOnePass(read: ChannelsRead): ChannelsValued | undefined {
	const { context, orderItems, orderSettings, settings } = read;
	const heldHints: Parameters<IExecuteFunctions['addExecutionHints']> = [];
	const holdingHints: IExecuteFunctions = Object.create(context, {
		addExecutionHints: { value: (...hints: typeof heldHints) => heldHints.push(...hints) },
	});
	let traffic: ReadResult<TrafficRow>;
	let window: VisitorValueWindow | undefined;
	try {
		traffic = read.readTraffic(holdingHints);
		window = visitorValueWindow(traffic.records, settings);
	} catch {
		return undefined;
	}
	if (window === undefined) return undefined;
	const totals = new ChannelTotals({ ...settings, endInstant: window.endInstant });
	const counted = readOrdersInOnePass(
		context,
		orderItems,
		orderSettings,
		(order, itemIndex, { rate, rateIfNotBase }) => {
			const group = read.groupOf(itemIndex);
			if (typeof group !== 'string') return false;
			totals.add(order, itemIndex, group, rate, rateIfNotBase);
			return true;
		},
		(scan) => totals.counts(scan.currency),
	);
	if (counted === undefined) return undefined;
	if (heldHints.length > 0) context.addExecutionHints(...heldHints);
	const { errorItems, currency } = counted.scan;
	let result;
	try {
		result = valueChannels(counted.result, traffic.records, window, { ...settings, currency });
	} catch (error) {
		throw toNodeError(context, error);
	}
	return { ordersRead: { errorItems, currency }, traffic, result, firstItemIndexOf: (group) => totals.pairs.firstItemIndexOf(group) };
}

/** The exact way: every valid order kept by column (GroupedOrders), then the traffic, then the valuing. */
function valueFromTable(read: ChannelsRead): ChannelsValued {
	const { context, orderItems } = read;
	// Stored by column as they are read, with no copy of each order.
	const orders = new GroupedOrders();
	const ordersRead = readOrderItems(context, orderItems, read.orderSettings, (order) => {
		const group = read.groupOf(order.itemIndex);
		if (typeof group !== 'string') return group;
		orders.push(order, group);
		return undefined;
	});
	const traffic = read.readTraffic(context);
	let result;
	try {
		result = computeVisitorValue(orders, traffic.records, { ...read.settings, rateOf: ordersRead.rateOf, currency: ordersRead.currency });
	} catch (error) {
		throw toNodeError(context, error);
	}
	return { ordersRead, traffic, result, firstItemIndexOf: (group) => orders.firstItemIndexOf(group) };
}
