import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fromRfmSegment, rfmOption } from '../VisitorValue/description';
import { LANGUAGE_OPTIONS } from '../shared/parameters';

/**
 * Paid orders, refunded ones included: GMV (支付金额) counts what was paid that day, and the
 * refund rate needs the refunded orders in it.
 */
const DIGEST_COUNTED_STATUSES = ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'];

export const kpiDigestProperties: INodeProperties[] = [
	{
		displayName:
			'Connect orders to the first input. Optional: traffic (visitors per day, platform and channel) to the second for conversion, Reorder Alert\'s Needs Action to the third and RFM Segment\'s customers to the fourth for the to-do counts. 第一个输入接订单；可选：第二个接流量（算转化率），第三个接补货预警的 Needs Action，第四个接 RFM 客户分层结果（统计待补货和流失风险 VIP）。',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Report Day',
		name: 'reportDate',
		type: 'dateTime',
		default: '',
		description: 'The day to report on. Empty: yesterday in the shop\'s time zone, as a morning meeting needs it (报告日期；留空为店铺时区的昨天).',
	},
	{ ...fromRfmSegment('timeZone') },
	{
		...fromRfmSegment('countedStatuses'),
		// RFM's label says a partial refund counts amount − refund; here GMV is before refunds.
		options: (fromRfmSegment('countedStatuses').options as INodePropertyOptions[]).map((option) =>
			option.value === 'partially_refunded' ? { ...option, name: 'Partially Refunded' } : option,
		),
		default: DIGEST_COUNTED_STATUSES,
		description:
			'Orders that count as sold. Default: every paid order, refunded ones too, so GMV is what was paid and the refund rate sees the refunds. A missing status counts as completed (计入成交的订单状态；默认含已退款订单，以便计算退款率).',
	},
	{
		displayName: 'Platform Field',
		name: 'platformField',
		type: 'string',
		default: 'platform',
		description: 'Order and traffic field naming the platform (douyin, taobao …); dots for nested fields (订单和流量中表示平台的字段)',
	},
	{
		displayName: 'Channel Field',
		name: 'channelField',
		type: 'string',
		default: 'channel',
		description: 'Order and traffic field naming the channel (live, short_video, search …) (订单和流量中表示渠道的字段)',
	},
	{
		displayName: 'Returning Buyer Look-Back (Days)',
		name: 'returningLookbackDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3650 },
		default: 365,
		description:
			'A buyer of the day is a returning buyer (老买家) with an earlier order in this many days before it; repurchase rate = returning buyers ÷ buyers. 365: a year, so a once-a-season buyer counts (复购率 = 当天买家中此前 N 天内买过的人数 ÷ 当天买家数).',
	},
	{
		displayName: 'Mover Threshold (%)',
		name: 'moverThresholdPercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1000 },
		default: 20,
		description: 'A platform × channel whose GMV moved at least this much against its 7-day average is listed as a mover (GMV 较7日均变动超过此比例的平台 × 渠道列为异动)',
	},
	{
		displayName: 'Top Movers',
		name: 'topMovers',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 20 },
		default: 3,
		description: 'At most this many movers, the largest change in money first (最多列出几个异动，按金额变化从大到小)',
	},
	{
		displayName: 'At-Risk Segments',
		name: 'atRiskSegments',
		type: 'string',
		default: 'at_risk, cant_lose',
		description: 'RFM segments counted as at-risk VIPs on the fourth input, separated by commas (第四个输入中算作流失风险 VIP 的客户分层，逗号分隔)',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'zh',
		description: 'Language of the digest lines (text, markdown) for the team chat (晨会消息的语言)',
	},
	{
		displayName: 'Field Mapping (Orders)',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your orders keep each field, when the names differ (列名不同时填写你的列名)',
		options: (fromRfmSegment('orderFields').options ?? []) as INodeProperties[],
	},
	{
		displayName: 'Field Mapping (Traffic)',
		name: 'trafficFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your traffic rows keep each field, when the names differ (流量列名不同时填写)',
		options: [
			{ displayName: 'Date Field', name: 'date', type: 'string', default: 'date', description: 'Day of the traffic row (YYYY-MM-DD) (流量日期)' },
			{ displayName: 'Visitors Field', name: 'visitors', type: 'string', default: 'visitors', description: 'Unique visitors (UV) of the day (访客数)' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [rfmOption('baseCurrency'), rfmOption('currencyRates')],
	},
];
