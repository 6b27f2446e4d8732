import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { INPUT_LIMITS, SETTING_LIMITS } from '../lib/model';

import { LANGUAGE_OPTIONS } from '../shared/parameters';

const forPolicy = (policy: string) => ({ show: { orderPolicy: [policy] } });

/** One Field Mapping entry: the model field and where the user's data keeps it. */
function mapped(displayName: string, name: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', default: name, ...(description ? { description } : {}) };
}

export const reorderAlertProperties: INodeProperties[] = [
	{
		displayName:
			'Connect stock per SKU and warehouse to the <b>Inventory</b> input and daily units sold to the <b>Daily Sales</b> input (one item per day, or for big catalogues one per SKU and warehouse with its days as a list in <code>days</code>); they are matched on SKU + warehouse. <b>Needs Action</b> gets what to order now: reorder, urgent, and a new SKU\'s first batch; <b>OK</b> gets the rest. 库存（每个 SKU 在每个仓库一条）接 <b>Inventory</b> 输入，每日销量接 <b>Daily Sales</b> 输入（每天一条，或商品多时每个 SKU + 仓库一条、每日销量放在列表 <code>days</code> 中）；需要补货的进入 <b>Needs Action</b>，其余进入 <b>OK</b>。',
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
				description: 'The newest date among the daily sales; good for exports and for data that ends yesterday (按每日销量中最新的日期)',
			},
			{ name: 'Today', value: 'today', description: 'Today in the time zone below (按下方时区的今天)' },
			{ name: 'A Chosen Day', value: 'date' },
		],
		default: 'latestSales',
		description:
			'The day the inventory snapshot describes: demand is measured over the lookback days ending on it, and stock-out dates count from it (库存快照对应的日期；需求按截至这天的回看期计算)',
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
			'Time zone of the shop, e.g. Asia/Shanghai: decides which day "today" is (also used when the sales input is empty) (店铺所在时区，如 Asia/Shanghai，决定“今天”是哪天)',
	},
	{
		displayName: 'Lookback Days',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3660 },
		default: 28,
		description:
			'Calendar days of sales history, ending on the as-of date, that demand is measured over. Sold-out days are left out; a SKU sold out on every one of these days is measured on its most recent in-stock days before them (用来计算日均需求的销量天数；断货日不计入).',
	},
	{
		displayName: 'Service Level (%)',
		name: 'serviceLevel',
		type: 'number',
		typeOptions: { minValue: 50, maxValue: 99.99, numberPrecision: 2 },
		default: 95,
		description:
			'Chance of not running out before a delivery arrives; sets the safety stock (95% → z = 1.645, 99% → z = 2.326) (到货前不断货的把握，决定安全库存)',
	},
	{
		displayName: 'Demand Method',
		name: 'demandMethod',
		type: 'options',
		options: [
			{
				name: 'Average of In-Stock Days',
				value: 'mean',
				description: 'Units sold on in-stock days ÷ number of in-stock days in the lookback window (在售日销量 ÷ 在售天数)',
			},
			{
				name: 'Exponential Smoothing',
				value: 'ses',
				description: 'Recent days weigh more; follows a shift in demand faster than the average (近期权重更大，比平均值更快跟上需求变化)',
			},
			{
				name: 'Holt-Winters (Weekly Pattern)',
				value: 'holtWinters',
				description:
					'Trend and a day-of-week pattern; needs 3 weeks of history, otherwise exponential smoothing is used (考虑趋势和星期规律；需 3 周历史)',
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
				description: 'Order enough to reach the reorder point plus one review period of demand (补到再订货点加一个盘点周期的需求)',
			},
			{
				name: 'Target Days of Cover',
				value: 'daysOfCover',
				description: 'Order enough to cover the lead time plus a target number of days of demand (补到覆盖到货周期加目标天数的需求)',
			},
			{
				name: 'Economic Order Quantity (EOQ)',
				value: 'eoq',
				description: 'Balances the cost of placing an order against the cost of holding stock (在下单成本和持有库存成本之间取平衡)',
			},
			{
				name: 'Small Batch, Fast Replenishment (小单快反)',
				value: 'smallBatch',
				description: 'A new SKU gets a trial first batch; afterwards each order covers the next few days of demand (新品先下试单，之后每次只补未来几天的需求)',
			},
		],
		default: 'orderUpTo',
		description: 'How much to order once stock is at or below the reorder point. Quantities are rounded up to whole packs and at least the MOQ (库存降到再订货点时补多少；按整箱向上取整，且不低于起订量).',
	},
	{
		displayName: 'Review Period (Days)',
		name: 'reviewPeriodDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.inventoryDays },
		default: 7,
		displayOptions: forPolicy('orderUpTo'),
		description: 'Days until you next review stock and order again, e.g. 7 for a weekly purchase run (到下次盘点下单的天数，如每周一次填 7)',
	},
	{
		displayName: 'Target Days of Cover',
		name: 'targetDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.inventoryDays },
		default: 30,
		displayOptions: forPolicy('daysOfCover'),
		description: 'Days of demand the stock should cover after the delivery arrives (到货后库存应覆盖的需求天数)',
	},
	{
		displayName: 'Ordering Cost',
		name: 'orderingCost',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.amount },
		default: 50,
		displayOptions: forPolicy('eoq'),
		description: 'Cost of placing one order (freight, handling, admin), in the currency of the unit costs (每次下单的固定成本，如运费、操作费)',
	},
	{
		displayName: 'Holding Cost Rate (% per Year)',
		name: 'holdingCostRate',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.annualPercent },
		default: 25,
		displayOptions: forPolicy('eoq'),
		description: 'Yearly cost of keeping one unit in stock, as a percentage of its unit cost (storage, capital, shrinkage) (每件库存一年的持有成本占单价的百分比)',
	},
	{
		displayName: 'First Batch Quantity',
		name: 'firstBatchQuantity',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: INPUT_LIMITS.units },
		default: 500,
		displayOptions: forPolicy('smallBatch'),
		description:
			'Units of a new SKU\'s trial order (a SKU never in stock in its sales history). Stock on hand or on order counts towards it; the first batch goes to Needs Action (新品首批试单数量).',
	},
	{
		displayName: 'Cover Days per Order',
		name: 'coverDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.inventoryDays },
		default: 7,
		displayOptions: forPolicy('smallBatch'),
		description: 'After the first batch, each order covers this many days of measured demand (首批之后每次补货覆盖的需求天数)',
	},
	{
		displayName: 'Max Days of Cover',
		name: 'maxDaysOfCover',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: SETTING_LIMITS.inventoryDays },
		default: 90,
		description: 'Stock covering more days than this is reported as overstock; 0 turns the check off (库存可售天数超过此值报积压；0 表示不检查)',
	},
	{
		displayName: 'Warehouses',
		name: 'warehouseMode',
		type: 'options',
		options: [
			{
				name: 'Each Warehouse on Its Own',
				value: 'perWarehouse',
				description: 'One result per SKU and warehouse, each with its own reorder point and order (每个 SKU 在每个仓库各算一条)',
			},
			{
				name: 'Network-Wide',
				value: 'network',
				description:
					'One result per SKU across all warehouses; the order is split over the forward warehouses by their share of recent demand (每个 SKU 全部仓库合算一条，补货量按近期需求分到前置仓)',
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
			'Comma-separated warehouses that receive the order. Empty: every warehouse holding the SKU (接收补货的仓库，逗号分隔；留空为所有有该 SKU 的仓库).',
	},
	{
		displayName: 'Only New Alerts',
		name: 'onlyNewAlerts',
		type: 'boolean',
		default: true,
		description:
			'Whether a SKU that already alerted stays quiet until it recovers above its reorder point or gets worse (first batch → reorder → urgent). A first batch alerts once and closes when it is on order. Remembered between runs of the active workflow; manual runs in the editor do not save it (同一 SKU 只在首次或情况变差时提醒一次).',
	},
	{
		displayName: 'Explanation Language',
		name: 'language',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en',
		description: 'Language of the one-line explanation on each result (每条结果说明文字的语言)',
	},
	{
		displayName: 'Inventory Field Mapping',
		name: 'inventoryFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description:
			'Where your inventory data keeps each field, when its name differs from the standard one. Use dots for nested fields, e.g. stock.available (列名与标准名不同时填写你的列名).',
		options: [
			mapped('Lead Time (Days) Field', 'leadTimeDays', 'Days from placing an order to the stock arriving (到货周期，天)'),
			mapped('Lead Time Std. Deviation Field', 'leadTimeStdDays', 'How many days the lead time varies (standard deviation); leave out if unknown (到货周期的波动天数，不清楚可不填)'),
			mapped('MOQ Field', 'moq', 'Minimum order quantity of the supplier (供应商起订量)'),
			mapped('On Hand Field', 'onHand', 'Units in the warehouse (negative when oversold) (仓库现有库存，超卖时为负)'),
			mapped('On Order Field', 'onOrder', 'Units ordered but not yet received (已下单未到货的在途数量)'),
			mapped('Pack Size Field', 'packSize', 'Units per case; orders are whole cases (每箱件数，补货按整箱)'),
			mapped('Reserved Field', 'reserved', 'Units promised to orders not yet shipped (已被未发货订单占用的数量)'),
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
		description:
			'Where your daily sales data keeps each field, when its name differs from the standard one. With one item per SKU + warehouse and its days as a list, Date, Units and In Stock name the fields inside each day (列名与标准名不同时填写你的列名；按天列表时，日期、销量、是否在售指列表中每一天的字段).',
		options: [
			mapped('Date Field', 'date', 'Calendar day YYYY-MM-DD (日期)'),
			mapped(
				'Days List Field',
				'days',
				'For one item per SKU + warehouse: the list of its days, each { date, units, inStock }, e.g. from a database query with json_agg or a BI export. Faster and far lighter than one item per day for big catalogues (每个 SKU + 仓库一条、其每日销量为列表时的列表字段；商品多时比每天一条更快、更省内存)',
			),
			mapped('In Stock Field', 'inStock', 'False on a day the SKU was sold out; leave out if you do not track it (当天断货为 false，不记录可不填)'),
			mapped('SKU Field', 'sku'),
			mapped('Units Field', 'units', 'Units sold that day (当天销量)'),
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
					'Whether a day with no sales row counts as an in-stock day with 0 units. Turn on for sources that only list days with sales (没有销量行的日子按在售、销量 0 计).',
			},
			{
				displayName: 'Fields to Keep',
				name: 'keepFields',
				type: 'string',
				default: '',
				placeholder: 'productName, supplier',
				description: 'Comma-separated inventory fields copied onto each result, e.g. a product name for the purchase list (复制到每条结果上的库存字段，逗号分隔)',
			},
			{
				displayName: 'Forecast Window (Days)',
				name: 'forecastWindowDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3660 },
				default: 56,
				description: 'Days of history the smoothing methods read (at least the lookback days) (平滑预测读取的历史天数)',
			},
			{
				displayName: 'Smoothing Alpha (Level)',
				name: 'alpha',
				type: 'number',
				typeOptions: { minValue: 0.01, maxValue: 1, numberPrecision: 2 },
				default: 0.3,
				description: 'Weight of the newest day in exponential smoothing and Holt-Winters (最新一天的权重)',
			},
			{
				displayName: 'Smoothing Beta (Trend)',
				name: 'beta',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.05,
				description: 'Holt-Winters trend smoothing (趋势平滑系数)',
			},
			{
				displayName: 'Smoothing Gamma (Weekday Pattern)',
				name: 'gamma',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.1,
				description: 'Holt-Winters seasonal smoothing (季节平滑系数)',
			},
		],
	},
];

/** Under the node on the canvas: the Chinese name (only the node's own name shows there) and the key settings. */
export const REORDER_ALERT_SUBTITLE =
	'={{ "补货预警 · " + $parameter["serviceLevel"] + "% service · " + {"orderUpTo": "order up to", "daysOfCover": "days of cover", "eoq": "EOQ", "smallBatch": "small batch 小单快反"}[$parameter["orderPolicy"]] + ($parameter["onlyNewAlerts"] === false ? "" : " · only new alerts") }}';

/** What tells the current node and its deprecated old type apart; everything else is shared. */
export interface ReorderAlertMeta {
	/** The type name after the package name, e.g. reorderAlert → n8n-nodes-commerce-ops.reorderAlert. */
	name: string;
	displayName: string;
	/** Name of a newly added node on the canvas. */
	defaultName: string;
	/** Left out of the node panel (n8n's `hidden`): a deprecated type that only old workflows use. */
	hidden?: true;
}

/**
 * Shown on top of the deprecated type's parameters: what happened and how to swap. A notice is
 * not a setting (n8n keeps no value for it), so the old type's parameters stay those of the new.
 */
const DEPRECATED_NOTICE: INodeProperties = {
	displayName:
		'Reorder Trigger is now <b>Reorder Alert (补货预警)</b>: same settings, same results, and n8n no longer takes it for a trigger. This node keeps working. To swap: add Reorder Alert, copy these settings, connect the same two inputs and outputs, then delete this node and give the new one its name, under which the alerts already sent are remembered. Reorder Trigger 已更名为 <b>Reorder Alert（补货预警）</b>：设置和结果相同，n8n 不再把它当成触发器。本节点仍可使用；替换方法：添加 Reorder Alert，照抄设置，接好两个输入和输出，再删除本节点并把新节点改成它的名字（已发送的提醒按节点名记录）。',
	name: 'deprecatedNotice',
	type: 'notice',
	default: '',
};

/**
 * The node's description, for Reorder Alert and for its deprecated old type Reorder Trigger.
 *
 * Why the old name had to go: n8n 2.8.4's editor takes a node for a trigger by its name, not by
 * its group. The node panel's `triggersCategory` (editor-ui dist, users.store chunk) lists a node
 * under "What triggers this workflow?" with an "On new … event" action when
 * `displayName.toLowerCase().includes("trigger")`, and `useRunWorkflow` collects the workflow's
 * triggers with `node.type.toLowerCase().includes("trigger")`. n8n's engine does not go by the
 * name: n8n-workflow's `isTriggerNode` checks `group.includes('trigger')`, `Workflow.getStartNode`
 * looks for a `trigger`/`poll` method or a STARTING_NODE_TYPES entry, and the CLI's `execute`
 * starts at an Execute Workflow Trigger or a STARTING_NODES type (n8n/dist/utils.js
 * `findCliWorkflowStart`). So the name, display name and default node name avoid "trigger",
 * and the group stays 'transform'.
 */
export function reorderAlertDescription(meta: ReorderAlertMeta): INodeTypeDescription {
	return {
		displayName: meta.displayName,
		name: meta.name,
		group: ['transform'],
		version: 1,
		subtitle: REORDER_ALERT_SUBTITLE,
		description:
			'Restock alerts: reorder point, safety stock and a suggested order per SKU and warehouse from stock and daily sales, alerting once per drop (补货预警：按库存和每日销量计算安全库存、再订货点和建议补货量)',
		defaults: { name: meta.defaultName },
		...(meta.hidden ? { hidden: true as const } : {}),
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Inventory' },
			{ type: NodeConnectionTypes.Main, displayName: 'Daily Sales' },
		],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Needs Action' },
			{ type: NodeConnectionTypes.Main, displayName: 'OK' },
		],
		properties: meta.hidden ? [DEPRECATED_NOTICE, ...reorderAlertProperties] : reorderAlertProperties,
	};
}

