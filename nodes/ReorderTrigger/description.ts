import type { INodeProperties } from 'n8n-workflow';

import { LANGUAGE_OPTIONS } from '../shared/parameters';

const forPolicy = (policy: string) => ({ show: { orderPolicy: [policy] } });

/** One Field Mapping entry: the model field and where the user's data keeps it. */
function mapped(displayName: string, name: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', default: name, ...(description ? { description } : {}) };
}

export const reorderTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Connect stock per SKU and warehouse to the <b>Inventory</b> input and daily units sold to the <b>Daily Sales</b> input; they are matched on SKU + warehouse. <b>Needs Action</b> gets what to order now: reorder, urgent, and a new SKU\'s first batch; <b>OK</b> gets the rest.',
		name: 'inputsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'As-Of Date',
		name: 'asOfMode',
		type: 'options',
		options: [
			{
				name: 'Latest Sales Date in the Input',
				value: 'latestSales',
				description: 'The newest date among the daily sales; good for exports and for data that ends yesterday',
			},
			{ name: 'Today', value: 'today', description: 'Today in the time zone below' },
			{ name: 'A Chosen Day', value: 'date' },
		],
		default: 'latestSales',
		description:
			'The day the inventory snapshot describes: demand is measured over the lookback days ending on it, and stock-out dates count from it',
	},
	{
		displayName: 'Date',
		name: 'asOfDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { asOfMode: ['date'] } },
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: 'Asia/Shanghai',
		placeholder: 'Asia/Shanghai',
		displayOptions: { show: { asOfMode: ['today', 'latestSales'] } },
		description:
			'IANA time zone of the shop: decides which day "today" is (also used when the sales input is empty)',
	},
	{
		displayName: 'Lookback Days',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3660 },
		default: 28,
		description:
			'Calendar days of sales history, ending on the as-of date, that demand is measured over. Sold-out days are left out; a SKU sold out on every one of these days is measured on its most recent in-stock days before them.',
	},
	{
		displayName: 'Service Level (%)',
		name: 'serviceLevel',
		type: 'number',
		typeOptions: { minValue: 50, maxValue: 99.99, numberPrecision: 2 },
		default: 95,
		description:
			'Chance of not running out before a delivery arrives; sets the safety stock (95% → z = 1.645, 99% → z = 2.326)',
	},
	{
		displayName: 'Demand Method',
		name: 'demandMethod',
		type: 'options',
		options: [
			{
				name: 'Average of In-Stock Days',
				value: 'mean',
				description: 'Units sold on in-stock days ÷ number of in-stock days in the lookback window',
			},
			{
				name: 'Exponential Smoothing',
				value: 'ses',
				description: 'Recent days weigh more; follows a shift in demand faster than the average',
			},
			{
				name: 'Holt-Winters (Weekly Pattern)',
				value: 'holtWinters',
				description:
					'Trend and a day-of-week pattern; needs 3 weeks of history, otherwise exponential smoothing is used',
			},
		],
		default: 'mean',
	},
	{
		displayName: 'Order Policy',
		name: 'orderPolicy',
		type: 'options',
		options: [
			{
				name: 'Order Up To (With Review Period)',
				value: 'orderUpTo',
				description: 'Order enough to reach the reorder point plus one review period of demand',
			},
			{
				name: 'Target Days of Cover',
				value: 'daysOfCover',
				description: 'Order enough to cover the lead time plus a target number of days of demand',
			},
			{
				name: 'Economic Order Quantity (EOQ)',
				value: 'eoq',
				description: 'Balances the cost of placing an order against the cost of holding stock',
			},
			{
				name: 'Small Batch, Fast Replenishment (小单快反)',
				value: 'smallBatch',
				description: 'A new SKU gets a trial first batch; afterwards each order covers the next few days of demand',
			},
		],
		default: 'orderUpTo',
		description: 'How much to order once stock is at or below the reorder point. Quantities are rounded up to whole packs and at least the MOQ.',
	},
	{
		displayName: 'Review Period (Days)',
		name: 'reviewPeriodDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		displayOptions: forPolicy('orderUpTo'),
		description: 'Days until you next review stock and order again, e.g. 7 for a weekly purchase run',
	},
	{
		displayName: 'Target Days of Cover',
		name: 'targetDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		displayOptions: forPolicy('daysOfCover'),
		description: 'Days of demand the stock should cover after the delivery arrives',
	},
	{
		displayName: 'Ordering Cost',
		name: 'orderingCost',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 50,
		displayOptions: forPolicy('eoq'),
		description: 'Cost of placing one order (freight, handling, admin), in the currency of the unit costs',
	},
	{
		displayName: 'Holding Cost Rate (% per Year)',
		name: 'holdingCostRate',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 25,
		displayOptions: forPolicy('eoq'),
		description: 'Yearly cost of keeping one unit in stock, as a percentage of its unit cost (storage, capital, shrinkage)',
	},
	{
		displayName: 'First Batch Quantity',
		name: 'firstBatchQuantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 500,
		displayOptions: forPolicy('smallBatch'),
		description:
			'Units of a new SKU\'s trial order (a SKU never in stock in its sales history). Stock on hand or on order counts towards it; the first batch goes to Needs Action.',
	},
	{
		displayName: 'Cover Days per Order',
		name: 'coverDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		displayOptions: forPolicy('smallBatch'),
		description: 'After the first batch, each order covers this many days of measured demand',
	},
	{
		displayName: 'Max Days of Cover',
		name: 'maxDaysOfCover',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 90,
		description: 'Stock covering more days than this is reported as overstock; 0 turns the check off',
	},
	{
		displayName: 'Warehouses',
		name: 'warehouseMode',
		type: 'options',
		options: [
			{
				name: 'Each Warehouse on Its Own',
				value: 'perWarehouse',
				description: 'One result per SKU and warehouse, each with its own reorder point and order',
			},
			{
				name: 'Network-Wide',
				value: 'network',
				description:
					'One result per SKU across all warehouses; the order is split over the forward warehouses by their share of recent demand',
			},
		],
		default: 'perWarehouse',
	},
	{
		displayName: 'Forward Warehouses',
		name: 'forwardWarehouses',
		type: 'string',
		default: '',
		placeholder: 'east-shanghai, south-guangzhou',
		displayOptions: { show: { warehouseMode: ['network'] } },
		description:
			'Comma-separated warehouses that receive the order. Empty: every warehouse holding the SKU.',
	},
	{
		displayName: 'Only New Alerts',
		name: 'onlyNewAlerts',
		type: 'boolean',
		default: true,
		description:
			'Whether a SKU that already alerted stays quiet until it recovers above its reorder point or gets worse (first batch → reorder → urgent). A first batch alerts once and closes when it is on order. Remembered between runs of the active workflow; manual runs in the editor do not save it.',
	},
	{
		displayName: 'Explanation Language',
		name: 'language',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en',
		description: 'Language of the one-line explanation on each result',
	},
	{
		displayName: 'Inventory Field Mapping',
		name: 'inventoryFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description:
			'Where your inventory data keeps each field, when its name differs from the standard one. Use dots for nested fields, e.g. stock.available.',
		options: [
			mapped('Lead Time (Days) Field', 'leadTimeDays', 'Days from placing an order to the stock arriving'),
			mapped('Lead Time Std. Deviation Field', 'leadTimeStdDays', 'How many days the lead time varies (standard deviation); leave out if unknown'),
			mapped('MOQ Field', 'moq', 'Minimum order quantity of the supplier'),
			mapped('On Hand Field', 'onHand', 'Units in the warehouse (negative when oversold)'),
			mapped('On Order Field', 'onOrder', 'Units ordered but not yet received'),
			mapped('Pack Size Field', 'packSize', 'Units per case; orders are whole cases'),
			mapped('Reserved Field', 'reserved', 'Units promised to orders not yet shipped'),
			mapped('SKU Field', 'sku'),
			mapped('Unit Cost Field', 'unitCost'),
			mapped('Warehouse Field', 'warehouse'),
		],
	},
	{
		displayName: 'Daily Sales Field Mapping',
		name: 'salesFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your daily sales data keeps each field, when its name differs from the standard one',
		options: [
			mapped('Date Field', 'date', 'Calendar day YYYY-MM-DD'),
			mapped('In Stock Field', 'inStock', 'False on a day the SKU was sold out; leave out if you do not track it'),
			mapped('SKU Field', 'sku'),
			mapped('Units Field', 'units', 'Units sold that day'),
			mapped('Warehouse Field', 'warehouse'),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Count Days Without a Row as Zero Sales',
				name: 'missingDaysAsZeroSales',
				type: 'boolean',
				default: false,
				description:
					'Whether a day with no sales row counts as an in-stock day with 0 units. Turn on for sources that only list days with sales.',
			},
			{
				displayName: 'Fields to Keep',
				name: 'keepFields',
				type: 'string',
				default: '',
				placeholder: 'productName, supplier',
				description: 'Comma-separated inventory fields copied onto each result, e.g. a product name for the purchase list',
			},
			{
				displayName: 'Forecast Window (Days)',
				name: 'forecastWindowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3660 },
				default: 56,
				description: 'Days of history the smoothing methods read (at least the lookback days)',
			},
			{
				displayName: 'Smoothing Alpha (Level)',
				name: 'alpha',
				type: 'number',
				typeOptions: { minValue: 0.01, maxValue: 1, numberPrecision: 2 },
				default: 0.3,
				description: 'Weight of the newest day in exponential smoothing and Holt-Winters',
			},
			{
				displayName: 'Smoothing Beta (Trend)',
				name: 'beta',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.05,
				description: 'Holt-Winters trend smoothing',
			},
			{
				displayName: 'Smoothing Gamma (Weekday Pattern)',
				name: 'gamma',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.1,
				description: 'Holt-Winters seasonal smoothing',
			},
		],
	},
];
