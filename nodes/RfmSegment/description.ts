import type { INodeProperties } from 'n8n-workflow';

import { LANGUAGE_OPTIONS } from '../shared/parameters';

import { ORDER_STATUSES, SETTING_LIMITS } from '../lib/model';
import { DEFAULT_COUNTED_STATUSES } from '../lib/orders';

const STATUS_LABELS: Record<(typeof ORDER_STATUSES)[number], string> = {
	pending: 'Pending (Not Paid Yet)',
	paid: 'Paid',
	shipped: 'Shipped',
	completed: 'Completed',
	cancelled: 'Cancelled',
	refunded: 'Refunded',
	partially_refunded: 'Partially Refunded (Counts Amount − Refund)',
};

const forOrders = { show: { inputKind: ['orders'] } };
const forLifetimeValue = { show: { inputKind: ['orders'], predictLifetimeValue: [true] } };

/** One end of a custom segment's score range (scores run 1–5). */
function scoreBound(displayName: string, name: string, defaultScore: number): INodeProperties {
	return { displayName, name, type: 'number', typeOptions: { minValue: 1, maxValue: 5 }, default: defaultScore };
}

export const rfmSegmentProperties: INodeProperties[] = [
	{
		displayName: 'Input Data',
		name: 'inputKind',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Orders',
				value: 'orders',
				description: 'One item per order (from a shop node, a sheet, a CSV or Demo Shop Data) (每条一个订单)',
			},
			{
				name: 'Customers With R, F, M Values',
				value: 'customers',
				description: 'One item per customer that already has recencyDays, frequency and monetary (每条一个客户，已带最近购买天数、购买次数和消费金额)',
			},
		],
		default: 'orders',
	},
	{
		displayName: 'Field Mapping',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description:
			'Where your data keeps each order field, when its name differs from the standard one. Use dots for nested fields, e.g. buyer.ID (列名与标准名不同时填写你的列名；嵌套字段用点号).',
		displayOptions: forOrders,
		options: [
			{ displayName: 'Amount Field', name: 'amount', type: 'string', default: 'amount', description: 'Amount paid for the order (订单实付金额)' },
			{ displayName: 'Created At Field', name: 'createdAt', type: 'string', default: 'createdAt', description: 'When the order was placed (ISO date-time; without an offset it is read in the chosen time zone) (下单时间)' },
			{ displayName: 'Currency Field', name: 'currency', type: 'string', default: 'currency', description: '3-letter currency code; leave out for a one-currency shop (三位货币代码；只用一种货币可不填)' },
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
			{ displayName: 'Order ID Field', name: 'orderId', type: 'string', default: 'orderId' },
			{ displayName: 'Refunded Amount Field', name: 'refundedAmount', type: 'string', default: 'refundedAmount' },
			{ displayName: 'Status Field', name: 'status', type: 'string', default: 'status', description: 'Order status; leave out if every order in your data counts (订单状态；所有订单都计入时可不填)' },
		],
	},
	{
		displayName: 'Field Mapping',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your data keeps each customer field, when its name differs from the standard one (列名与标准名不同时填写你的列名)',
		displayOptions: { show: { inputKind: ['customers'] } },
		options: [
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
			{ displayName: 'Frequency Field', name: 'frequency', type: 'string', default: 'frequency', description: 'Number of orders (购买次数)' },
			{ displayName: 'Monetary Field', name: 'monetary', type: 'string', default: 'monetary', description: 'Total amount spent (累计消费金额)' },
			{ displayName: 'Recency Days Field', name: 'recencyDays', type: 'string', default: 'recencyDays', description: 'Days since the last order (距最近一次购买的天数)' },
		],
	},
	{
		displayName: 'Reference Date',
		name: 'referenceMode',
		type: 'options',
		displayOptions: forOrders,
		options: [
			{ name: 'Now', value: 'now', description: 'Recency counts days up to today (最近购买天数算到今天)' },
			{ name: 'Latest Order in the Input', value: 'latestOrder', description: 'Good for old exports: recency counts up to the day of the newest order (适合旧的导出数据：算到最新订单那天)' },
			{ name: 'End of a Chosen Day', value: 'endOfDay', description: 'Orders up to 23:59:59 of that day count (计入到当天 23:59:59 的订单)' },
			{ name: 'Exact Moment', value: 'moment', description: 'Orders after this moment are ignored (此时刻之后的订单不计入)' },
		],
		default: 'now',
		description: 'The day recency is counted to. Orders after it are ignored (最近购买天数算到这一天，之后的订单不计入).',
	},
	{
		displayName: 'Date',
		name: 'referenceDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { inputKind: ['orders'], referenceMode: ['endOfDay', 'moment'] } },
		description: 'Read in the time zone below unless it carries an offset such as +08:00 (按下方时区读取)',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: 'Asia/Shanghai',
		placeholder: 'Asia/Shanghai',
		displayOptions: forOrders,
		description:
			'Time zone of the shop, e.g. Asia/Shanghai: decides where one day ends. An order at 23:59 and one at 00:01 are on different days here (店铺所在时区，如 Asia/Shanghai，决定一天在何时结束).',
	},
	{
		displayName: 'Lookback Window (Days)',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.days },
		default: 0,
		displayOptions: forOrders,
		description: 'Only orders from the last N days count; 0 counts all orders (只计入最近 N 天的订单；0 表示全部)',
	},
	{
		displayName: 'Statuses That Count',
		name: 'countedStatuses',
		type: 'multiOptions',
		displayOptions: forOrders,
		options: ORDER_STATUSES.map((status) => ({ name: STATUS_LABELS[status], value: status })),
		default: [...DEFAULT_COUNTED_STATUSES],
		description: 'Orders with other statuses are ignored. A missing status counts as completed (其他状态的订单不计入；没有状态按已完成计).',
	},
	{
		displayName: 'Scoring Method',
		name: 'scoringMethod',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Quintiles, Ties Share a Score',
				value: 'quintiles',
				description: 'Customers with equal values always get the same score; groups can be uneven (数值相同得分相同；各组人数可能不均)',
			},
			{
				name: 'Equal-Size Quintiles',
				value: 'equalSize',
				description: 'Five groups of equal size; equal values are split by customer ID (分成人数相等的五组)',
			},
			{
				name: 'Fixed Thresholds',
				value: 'thresholds',
				description: 'You set the values where scores 2, 3, 4 and 5 begin (自行设定 2、3、4、5 分的起点)',
			},
		],
		default: 'quintiles',
	},
	{
		displayName: 'Recency Thresholds (Days)',
		name: 'recencyThresholds',
		type: 'string',
		default: '30, 90, 180, 365',
		displayOptions: { show: { scoringMethod: ['thresholds'] } },
		description:
			'4 ascending day counts. Bought within the first → R 5; more than the last → R 1 (4 个递增的天数：在第一个天数内购买得 R 5 分，超过最后一个得 R 1 分).',
	},
	{
		displayName: 'Frequency Thresholds (Orders)',
		name: 'frequencyThresholds',
		type: 'string',
		default: '2, 3, 5, 8',
		displayOptions: { show: { scoringMethod: ['thresholds'] } },
		description: '4 ascending order counts where F 2, 3, 4 and 5 begin (4 个递增的购买次数，依次为 F 2、3、4、5 分的起点)',
	},
	{
		displayName: 'Monetary Thresholds',
		name: 'monetaryThresholds',
		type: 'string',
		default: '100, 300, 1000, 3000',
		displayOptions: { show: { scoringMethod: ['thresholds'] } },
		description: '4 ascending amounts where M 2, 3, 4 and 5 begin (4 个递增的金额，依次为 M 2、3、4、5 分的起点)',
	},
	{
		displayName: 'Segment Scheme',
		name: 'segmentScheme',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'R×F Grid (10 Segments)', value: 'rfGrid', description: 'Champions, Loyal, Potential Loyalists, New, Promising, Need Attention, About to Sleep, At Risk, Can\'t Lose Them, Hibernating' },
			{ name: 'Putler (11 Segments)', value: 'putler', description: 'Uses R and the average of F and M; adds Lost and Recent Customers (按 R 及 F、M 的平均分分层)' },
			{ name: 'Custom Rules', value: 'custom', description: 'Your own segments by score ranges; first match wins (按得分范围自定义分层；取第一个匹配)' },
		],
		default: 'rfGrid',
	},
	{
		displayName: 'Segments',
		name: 'customSegments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Segment',
		default: {},
		displayOptions: { show: { segmentScheme: ['custom'] } },
		description: 'Checked from top to bottom; a customer matching none is in "others" (从上到下检查；都不匹配归入 others)',
		options: [
			{
				name: 'rule',
				displayName: 'Segment',
				values: [
					scoreBound('F From', 'frequencyMin', 1),
					scoreBound('F To', 'frequencyMax', 5),
					scoreBound('M From', 'monetaryMin', 1),
					scoreBound('M To', 'monetaryMax', 5),
					scoreBound('R From', 'recencyMin', 1),
					scoreBound('R To', 'recencyMax', 5),
					{ displayName: 'Segment Name', name: 'name', type: 'string', default: '', placeholder: 'vip' },
				],
			},
		],
	},
	{
		displayName: 'Label Language',
		name: 'labelLanguage',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en',
		description: 'Language of the segment name people read (segmentLabel). The segment field stays in English, so filters in later nodes keep working (分层名称的语言；segment 字段始终为英文).',
	},
	{
		displayName: 'Predict Lifetime Value',
		name: 'predictLifetimeValue',
		type: 'boolean',
		default: false,
		displayOptions: forOrders,
		description:
			'Whether to add, per customer, the chance they still buy, their expected purchases and their predicted lifetime value, estimated from their past buying pattern (预测客户终身价值；模型详见文档)',
	},
	{
		displayName: 'Lifetime Value Horizon (Days)',
		name: 'clvHorizonDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: SETTING_LIMITS.days },
		default: 90,
		displayOptions: forLifetimeValue,
		description: 'Expected purchases and predicted lifetime value cover the next N days (预测覆盖未来 N 天)',
	},
	{
		displayName: 'Annual Discount Rate (%)',
		name: 'clvAnnualDiscountRate',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.annualPercent, numberPrecision: 2 },
		default: 0,
		displayOptions: forLifetimeValue,
		description: 'Discounts future purchases, month by month, at this rate a year; 0 = no discounting (未来消费按此年利率折现；0 表示不折现)',
	},
	{
		displayName: 'Lifetime Value Time Unit',
		name: 'clvTimeUnit',
		type: 'options',
		options: [
			{ name: 'Days', value: 'day', description: 'Several orders on one day are one purchase (同一天的多笔订单算一次购买)' },
			{ name: 'Weeks', value: 'week', description: 'Several orders in one week (Monday–Sunday) are one purchase (同一周的多笔订单算一次购买)' },
		],
		default: 'day',
		displayOptions: forLifetimeValue,
	},
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One Item per Customer', value: 'customers' },
			{ name: 'One Item per Segment (Summary)', value: 'summary' },
			{ name: 'Both, on Two Outputs', value: 'both' },
		],
		default: 'customers',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Base Currency',
				name: 'baseCurrency',
				type: 'string',
				default: '',
				placeholder: 'CNY',
				description: 'Currency to report money in. Default: the most common currency among the orders (on a tie, the one met first); a hint names it when the orders hold several (金额使用的币种；默认取订单中最常见的币种).',
			},
			{
				displayName: 'Currency Rates',
				name: 'currencyRates',
				type: 'string',
				default: '',
				placeholder: 'USD=7.1, EUR=7.8',
				description: 'Needed when orders come in several currencies: units of the base currency per unit of each other currency (多币种订单需要：1 单位其他货币折合多少基准货币)',
			},
			{
				displayName: 'Fields to Keep',
				name: 'keepFields',
				type: 'string',
				default: '',
				placeholder: 'buyerName, phone, platform',
				description: 'Comma-separated input fields copied onto each customer (from the customer\'s latest order) (复制到客户结果上的输入字段，逗号分隔)',
			},
		],
	},
];
