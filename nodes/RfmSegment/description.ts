import type { INodeProperties } from 'n8n-workflow';

import { LANGUAGE_OPTIONS } from '../shared/parameters';

import { ORDER_STATUSES } from '../lib/model';
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
				description: 'One item per order (from a shop node, a sheet, a CSV or Demo Shop Data)',
			},
			{
				name: 'Customers With R, F, M Values',
				value: 'customers',
				description: 'One item per customer that already has recencyDays, frequency and monetary',
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
			'Where your data keeps each order field, when its name differs from the standard one. Use dots for nested fields, e.g. buyer.ID.',
		displayOptions: forOrders,
		options: [
			{ displayName: 'Amount Field', name: 'amount', type: 'string', default: 'amount', description: 'Amount paid for the order' },
			{ displayName: 'Created At Field', name: 'createdAt', type: 'string', default: 'createdAt', description: 'When the order was placed (ISO date-time; without an offset it is read in the chosen time zone)' },
			{ displayName: 'Currency Field', name: 'currency', type: 'string', default: 'currency', description: '3-letter currency code; leave out for a one-currency shop' },
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
			{ displayName: 'Order ID Field', name: 'orderId', type: 'string', default: 'orderId' },
			{ displayName: 'Refunded Amount Field', name: 'refundedAmount', type: 'string', default: 'refundedAmount' },
			{ displayName: 'Status Field', name: 'status', type: 'string', default: 'status', description: 'Order status; leave out if every order in your data counts' },
		],
	},
	{
		displayName: 'Field Mapping',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your data keeps each customer field, when its name differs from the standard one',
		displayOptions: { show: { inputKind: ['customers'] } },
		options: [
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
			{ displayName: 'Frequency Field', name: 'frequency', type: 'string', default: 'frequency', description: 'Number of orders' },
			{ displayName: 'Monetary Field', name: 'monetary', type: 'string', default: 'monetary', description: 'Total amount spent' },
			{ displayName: 'Recency Days Field', name: 'recencyDays', type: 'string', default: 'recencyDays', description: 'Days since the last order' },
		],
	},
	{
		displayName: 'Reference Date',
		name: 'referenceMode',
		type: 'options',
		displayOptions: forOrders,
		options: [
			{ name: 'Now', value: 'now', description: 'Recency counts days up to today' },
			{ name: 'Latest Order in the Input', value: 'latestOrder', description: 'Good for old exports: recency counts up to the day of the newest order' },
			{ name: 'End of a Chosen Day', value: 'endOfDay', description: 'Orders up to 23:59:59 of that day count' },
			{ name: 'Exact Moment', value: 'moment', description: 'Orders after this moment are ignored' },
		],
		default: 'now',
		description: 'The day recency is counted to. Orders after it are ignored.',
	},
	{
		displayName: 'Date',
		name: 'referenceDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { inputKind: ['orders'], referenceMode: ['endOfDay', 'moment'] } },
		description: 'Read in the time zone below unless it carries an offset such as +08:00',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: 'Asia/Shanghai',
		placeholder: 'Asia/Shanghai',
		displayOptions: forOrders,
		description:
			'IANA time zone of the shop: decides where one day ends. An order at 23:59 and one at 00:01 are on different days here.',
	},
	{
		displayName: 'Lookback Window (Days)',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: forOrders,
		description: 'Only orders from the last N days count; 0 counts all orders',
	},
	{
		displayName: 'Statuses That Count',
		name: 'countedStatuses',
		type: 'multiOptions',
		displayOptions: forOrders,
		options: ORDER_STATUSES.map((status) => ({ name: STATUS_LABELS[status], value: status })),
		default: [...DEFAULT_COUNTED_STATUSES],
		description: 'Orders with other statuses are ignored. A missing status counts as completed.',
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
				description: 'Customers with equal values always get the same score; groups can be uneven',
			},
			{
				name: 'Equal-Size Quintiles',
				value: 'equalSize',
				description: 'Five groups of equal size; equal values are split by customer ID',
			},
			{
				name: 'Fixed Thresholds',
				value: 'thresholds',
				description: 'You set the values where scores 2, 3, 4 and 5 begin',
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
			'4 ascending day counts. Bought within the first → R 5; more than the last → R 1.',
	},
	{
		displayName: 'Frequency Thresholds (Orders)',
		name: 'frequencyThresholds',
		type: 'string',
		default: '2, 3, 5, 8',
		displayOptions: { show: { scoringMethod: ['thresholds'] } },
		description: '4 ascending order counts where F 2, 3, 4 and 5 begin',
	},
	{
		displayName: 'Monetary Thresholds',
		name: 'monetaryThresholds',
		type: 'string',
		default: '100, 300, 1000, 3000',
		displayOptions: { show: { scoringMethod: ['thresholds'] } },
		description: '4 ascending amounts where M 2, 3, 4 and 5 begin',
	},
	{
		displayName: 'Segment Scheme',
		name: 'segmentScheme',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'R×F Grid (10 Segments)', value: 'rfGrid', description: 'Champions, Loyal, Potential Loyalists, New, Promising, Need Attention, About to Sleep, At Risk, Can\'t Lose Them, Hibernating' },
			{ name: 'Putler (11 Segments)', value: 'putler', description: 'Uses R and the average of F and M; adds Lost and Recent Customers' },
			{ name: 'Custom Rules', value: 'custom', description: 'Your own segments by score ranges; first match wins' },
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
		description: 'Checked from top to bottom; a customer matching none is in "others"',
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
		description: 'Language of segmentLabel; the segment key stays in English for expressions',
	},
	{
		displayName: 'Predict Lifetime Value',
		name: 'predictLifetimeValue',
		type: 'boolean',
		default: false,
		displayOptions: forOrders,
		description:
			'Whether to add each customer\'s probability of still being a customer, expected purchases, expected order value and predicted lifetime value (BG/NBD + Gamma-Gamma models fitted on these orders)',
	},
	{
		displayName: 'Lifetime Value Horizon (Days)',
		name: 'clvHorizonDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 90,
		displayOptions: forLifetimeValue,
		description: 'Expected purchases and predicted lifetime value cover the next N days',
	},
	{
		displayName: 'Annual Discount Rate (%)',
		name: 'clvAnnualDiscountRate',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		displayOptions: forLifetimeValue,
		description: 'Discounts future purchases, month by month, at this rate a year; 0 = no discounting',
	},
	{
		displayName: 'Lifetime Value Time Unit',
		name: 'clvTimeUnit',
		type: 'options',
		options: [
			{ name: 'Days', value: 'day', description: 'Several orders on one day are one purchase' },
			{ name: 'Weeks', value: 'week', description: 'Several orders in one week (Monday–Sunday) are one purchase' },
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
				description: 'Currency to report money in. Default: the most common currency among the orders (on a tie, the one met first); a hint names it when the orders hold several.',
			},
			{
				displayName: 'Currency Rates',
				name: 'currencyRates',
				type: 'string',
				default: '',
				placeholder: 'USD=7.1, EUR=7.8',
				description: 'Needed when orders come in several currencies: units of the base currency per unit of each other currency',
			},
			{
				displayName: 'Fields to Keep',
				name: 'keepFields',
				type: 'string',
				default: '',
				placeholder: 'buyerName, phone, platform',
				description: 'Comma-separated input fields copied onto each customer (from the customer\'s latest order)',
			},
		],
	},
];
