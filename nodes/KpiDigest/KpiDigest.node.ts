import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	computeKpiDigest,
	countAtRiskCustomers,
	countRestockAlerts,
	CUSTOMER_SEGMENT_FIELDS,
	customerSegmentSchema,
	DIGEST_TRAFFIC_FIELDS,
	digestLines,
	digestTrafficSchema,
	NO_PLATFORM,
	parseKpiDigestOptions,
	RESTOCK_ALERT_FIELDS,
	restockAlertSchema,
	toDigestTraffic,
	type DigestOrder,
	type KpiDigestOptionsInput,
} from '../lib/kpiDigest';
import { createFieldReader, type FieldMapping } from '../lib/model';
import { orderGroupOf } from '../lib/visitorValue';
import { readItems } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	nodeParameters,
	optionalInput,
	parameterDefault,
	readCurrencyRates,
	readTimeZone,
	toNodeError,
	type ExpectedInput,
} from '../shared/nodeHelpers';
import { ORDER_INPUT, readOrderItems } from '../shared/orderItems';
import { kpiDigestProperties } from './description';

/** Orders without a channel value. */
export const NO_CHANNEL = '(none)';

const TRAFFIC_INPUT: Pick<ExpectedInput, 'kind' | 'connect'> = {
	kind: { en: 'traffic', zh: '流量' },
	connect: {
		en: 'Connect a node that outputs traffic, one item per day, platform and channel with visitors: Demo Shop Data with Dataset Traffic, or your platform\'s traffic report.',
		zh: '请连接输出流量（每条为某天某平台某渠道的访客数）的节点：Demo Shop Data（示例数据，Dataset 选 Traffic），或平台的流量报表。',
	},
};
const RESTOCK_INPUT: Pick<ExpectedInput, 'kind' | 'connect'> = {
	kind: { en: 'restock alert', zh: '补货预警' },
	connect: {
		en: 'Connect the Needs Action output of Reorder Alert (补货预警), or a list with one item per SKU to restock.',
		zh: '请连接 Reorder Alert（补货预警）的 Needs Action 输出，或每条一个待补货 SKU 的列表。',
	},
};
const CUSTOMERS_INPUT: Pick<ExpectedInput, 'kind' | 'connect'> = {
	kind: { en: 'customer segment', zh: '客户分层' },
	connect: {
		en: 'Connect the customer output of RFM Segment (客户分层): one item per customer with customerId and segment.',
		zh: '请连接 RFM Segment（客户分层）的客户输出：每条一个客户，含 customerId 和 segment。',
	},
};


export class KpiDigest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Daily KPI Digest (日清会)',
		name: 'kpiDigest',
		icon: { light: 'file:kpiDigest.svg', dark: 'file:kpiDigest.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ ($parameter["reportDate"] ? $parameter["reportDate"].slice(0, 10) : "yesterday") + " vs 7-day average · " + $parameter["timeZone"] }}',
		description:
			'The morning numbers (每日数据晨会): GMV, orders, AOV, conversion, repurchase and refund rates per platform and channel, yesterday vs the 7-day average and the same weekday last week, top movers, and lines ready for WeCom / DingTalk / Feishu',
		defaults: { name: 'Daily KPI Digest' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Orders' },
			{ type: NodeConnectionTypes.Main, displayName: 'Traffic' },
			{ type: NodeConnectionTypes.Main, displayName: 'Restock Alerts' },
			{ type: NodeConnectionTypes.Main, displayName: 'Customers' },
		],
		outputs: [{ type: NodeConnectionTypes.Main, displayName: 'Digest' }],
		properties: kpiDigestProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const [orderItems, trafficItems, alertItems, customerItems] = [0, 1, 2, 3].map((i) => optionalInput(this, i));
		const { param } = nodeParameters(this);
		const now = Date.now();
		const timeZone = readTimeZone(this);
		const options = param<IDataObject>('options');
		const rates = readCurrencyRates(this, options);
		let settings;
		try {
			settings = parseKpiDigestOptions({
				timeZone,
				reportDate: param<string>('reportDate'),
				countedStatuses: param<KpiDigestOptionsInput['countedStatuses']>('countedStatuses'),
				returningLookbackDays: param<number>('returningLookbackDays'),
				moverThresholdPercent: param<number>('moverThresholdPercent'),
				topMovers: param<number>('topMovers'),
				atRiskSegments: param<string>('atRiskSegments'),
				language: param<'en' | 'zh'>('language'),
			});
		} catch (error) {
			throw toNodeError(this, error);
		}

		const fieldOf = (name: 'platformField' | 'channelField') =>
			String(param<string>(name)).trim() || String(parameterDefault(kpiDigestProperties, name));
		const platformPath = fieldOf('platformField');
		const channelPath = fieldOf('channelField');
		const orderMapping = param<FieldMapping>('orderFields');
		const trafficMapping = param<FieldMapping>('trafficFields');
		const trafficFieldMapping: FieldMapping = {
			date: trafficMapping.date ?? '',
			visitors: trafficMapping.visitors ?? '',
			group: channelPath,
			platform: platformPath,
		};
		const notReached = checkInputsCarryFields(this, [
			{ ...ORDER_INPUT, items: orderItems, mapping: orderMapping, mappingParameter: 'Field Mapping (Orders)', inputName: 'Orders', inputIndex: 0 },
			{ ...TRAFFIC_INPUT, items: trafficItems, fields: DIGEST_TRAFFIC_FIELDS, mapping: trafficFieldMapping, mappingParameter: 'Field Mapping (Traffic)', inputName: 'Traffic', inputIndex: 1 },
			{ ...RESTOCK_INPUT, items: alertItems, fields: RESTOCK_ALERT_FIELDS, mapping: {}, mappingParameter: 'the alert list', inputName: 'Restock Alerts', inputIndex: 2 },
			{ ...CUSTOMERS_INPUT, items: customerItems, fields: CUSTOMER_SEGMENT_FIELDS, mapping: {}, mappingParameter: 'the customer list', inputName: 'Customers', inputIndex: 3 },
		]);
		if (notReached) return notReached;

		// Orders: read as RFM Segment reads them, plus each one's platform and channel.
		const readGroups = createFieldReader(['platform', 'channel'], { platform: platformPath, channel: channelPath });
		const orders: DigestOrder[] = [];
		const ordersRead = readOrderItems(
			this,
			orderItems,
			{ mapping: orderMapping, timeZone, baseCurrency: String(options.baseCurrency ?? '').trim() || undefined, rates, now },
			(order) => {
				const values = readGroups(orderItems[order.itemIndex].json);
				const platform = orderGroupOf(values.platform, order.itemIndex, platformPath, NO_PLATFORM);
				if (typeof platform !== 'string') return platform;
				const channel = orderGroupOf(values.channel, order.itemIndex, channelPath, NO_CHANNEL);
				if (typeof channel !== 'string') return channel;
				orders.push({ ...order, platform, channel });
				return undefined;
			},
		);
		const traffic = readItems(this, trafficItems, DIGEST_TRAFFIC_FIELDS, trafficFieldMapping, digestTrafficSchema(timeZone, now), toDigestTraffic);
		const alerts = readItems(this, alertItems, RESTOCK_ALERT_FIELDS, {}, restockAlertSchema, (alert) => alert);
		const customers = readItems(this, customerItems, CUSTOMER_SEGMENT_FIELDS, {}, customerSegmentSchema, (customer) => customer);

		let result;
		try {
			result = computeKpiDigest(orders, traffic.records, {
				timeZone,
				reportDate: settings.reportDate,
				now,
				countedStatuses: settings.countedStatuses,
				returningLookbackDays: settings.returningLookbackDays,
				moverThreshold: settings.moverThreshold,
				topMovers: settings.topMovers,
				withTraffic: trafficItems.length > 0,
				rateOf: ordersRead.rateOf,
			});
		} catch (error) {
			throw toNodeError(this, error);
		}
		const currency = ordersRead.currency ?? null;
		const watch = {
			restockAlerts: alertItems.length > 0 ? countRestockAlerts(alerts.records) : null,
			atRiskVips: customerItems.length > 0 ? countAtRiskCustomers(customers.records, settings.atRiskSegments) : null,
		};
		const lines = digestLines(result, { language: settings.language, currency, timeZone }, watch);
		const { total } = result;
		const digest: IDataObject = {
			reportDate: result.reportDate,
			timeZone,
			currency,
			gmv: total.yesterday.gmv,
			orders: total.yesterday.orders,
			averageOrderValue: total.yesterday.averageOrderValue,
			visitors: total.yesterday.visitors,
			conversionRate: total.yesterday.conversionRate,
			repurchaseRate: total.yesterday.repurchaseRate,
			refundRate: total.yesterday.refundRate,
			gmvVsAverage: total.vsAverage.gmv,
			gmvVsLastWeek: total.vsLastWeek.gmv,
			ordersVsAverage: total.vsAverage.orders,
			ordersVsLastWeek: total.vsLastWeek.orders,
			openRestockAlerts: watch.restockAlerts,
			atRiskVips: watch.atRiskVips,
			moverCount: result.movers.length,
			text: lines.text,
			markdown: lines.markdown,
			lines: lines.lines,
			// The bots' Dedup Key Field: one digest per day, zone and language is sent once.
			digestKey: `kpi-digest:${result.reportDate}:${timeZone}:${settings.language}`,
			language: settings.language,
			details: {
				weekday: result.weekday,
				sameWeekdayLastWeek: result.sameWeekdayLastWeek,
				averageFrom: result.averageFrom,
				averageTo: result.averageTo,
				returningLookbackDays: settings.returningLookbackDays,
				moverThreshold: settings.moverThreshold,
				ordersCounted: result.ordersCounted,
				ordersNotCounted: result.ordersNotCounted,
				total: result.total,
				platforms: result.platforms,
				channels: result.channels,
				movers: result.movers,
			},
		} as unknown as IDataObject;
		const withInput = (input: number) => (item: INodeExecutionData) => ({
			...item,
			pairedItem: { item: (item.pairedItem as { item: number }).item, input },
		});
		// Bad items go on the output; with "Continue (using error output)" n8n moves them.
		return [
			[
				{ json: digest, pairedItem: { item: 0 } },
				...ordersRead.errorItems,
				...traffic.errorItems.map(withInput(1)),
				...alerts.errorItems.map(withInput(2)),
				...customers.errorItems.map(withInput(3)),
			],
		];
	}
}
