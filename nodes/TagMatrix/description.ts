import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { collectionValues } from '../shared/nodeHelpers';
import { rfmSegmentProperties } from '../RfmSegment/description';
import { fromRfmSegment, rfmOption } from '../VisitorValue/description';

/** One default rule; thresholds of shares are in percent. */
function rule(family: string, tagName: string, metric: string, condition: string, extra: INodeParameters = {}): INodeParameters {
	return { family, tagName, metric, condition, ...extra };
}

/**
 * The shipped rules: the tags an ops lead starts from (issue 10's three families). Names in
 * both languages, short enough for a customer-tag list; {value} is the metric's value.
 */
export const DEFAULT_TAG_RULES: INodeParameters[] = [
	rule('basic', '平台 Platform: {value}', 'platform', 'any'),
	rule('basic', '地区 Region: {value}', 'region', 'any'),
	rule('basic', '首单渠道 First channel: {value}', 'firstChannel', 'any'),
	rule('behaviour', 'RFM: {value}', 'rfmSegment', 'any'),
	rule('behaviour', '偏好 Likes: {value}', 'categoryAffinity', 'atLeast', { threshold: 50 }),
	rule('behaviour', '夜猫子 Night owl', 'preferredHour', 'between', { threshold: 0, upTo: 5 }),
	rule('behaviour', '晚间下单 Evening buyer', 'preferredHour', 'between', { threshold: 18, upTo: 23 }),
	rule('behaviour', '券敏感 Coupon-sensitive', 'couponShare', 'atLeast', { threshold: 50, minOrders: 2 }),
	rule('behaviour', '高退款 Frequent refunds', 'refundRate', 'atLeast', { threshold: 30, minOrders: 2 }),
	rule('sentiment', '好评 Positive reviewer', 'sentimentScore', 'atLeast', { threshold: 0.3 }),
	rule('sentiment', '差评 Negative reviewer', 'sentimentScore', 'atMost', { threshold: -0.3 }),
];

const NUMBER_CONDITIONS = ['atLeast', 'atMost', 'between'];

export const tagMatrixProperties: INodeProperties[] = [
	{
		displayName:
			'Connect orders to the first input. Optional: customers with their RFM segment or region (e.g. an RFM Segment node\'s output) to the second, reviews (text or an AI score) to the third. 第一个输入接订单；可选：第二个输入接客户（如 RFM 分层节点的输出，含分层或地区），第三个输入接评价（文本或 AI 打分）。',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Tag Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: { rule: DEFAULT_TAG_RULES },
		description: 'A customer gets every tag whose rule holds; {value} in a name becomes the metric\'s value (客户获得所有条件成立的标签；名称中的 {value} 替换为指标值)',
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{
						displayName: 'Condition',
						name: 'condition',
						type: 'options',
						options: [
							{ name: 'At Least', value: 'atLeast', description: 'Number ≥ Threshold (数值 ≥ 阈值)' },
							{ name: 'At Most', value: 'atMost', description: 'Number ≤ Threshold (数值 ≤ 阈值)' },
							{ name: 'Between', value: 'between', description: 'Threshold ≤ number ≤ Up To (阈值 ≤ 数值 ≤ 上限)' },
							{ name: 'Has Any Value', value: 'any', description: 'Tag every customer for whom the metric is known (指标有值即打标签)' },
							{ name: 'Is One Of', value: 'oneOf', description: 'The text value is one of Values (文本值属于所列值之一)' },
						],
						default: 'any',
					},
					{
						displayName: 'Family',
						name: 'family',
						type: 'options',
						options: [
							{ name: 'Basic (基础)', value: 'basic' },
							{ name: 'Behaviour (行为)', value: 'behaviour' },
							{ name: 'Sentiment (情感)', value: 'sentiment' },
						],
						default: 'behaviour',
					},
					{
						displayName: 'Metric',
						name: 'metric',
						type: 'options',
						options: [
							{ name: 'Category Affinity: Top Category, Its Share of Spend (%)', value: 'categoryAffinity', description: 'The category bought most (by spend) and its share (品类偏好：消费最多的品类及其占比)' },
							{ name: 'Coupon Share of Orders (%)', value: 'couponShare', description: 'Paid orders with a coupon ÷ paid orders: coupon sensitivity (用券订单占比：优惠券敏感度)' },
							{ name: 'First-Order Channel', value: 'firstChannel', description: 'Channel of the first paid order (首单渠道)' },
							{ name: 'Main Platform', value: 'platform', description: 'Platform of most paid orders (下单最多的平台)' },
							{ name: 'Paid Orders', value: 'orders', description: 'Number of paid orders (已支付订单数)' },
							{ name: 'Preferred Order Hour (0–23)', value: 'preferredHour', description: 'Hour with the most paid orders, in the shop\'s time zone (最常下单的小时，按店铺时区)' },
							{ name: 'Refund Rate (%)', value: 'refundRate', description: 'Paid orders refunded in full or in part ÷ paid orders (退款订单占比)' },
							{ name: 'Region', value: 'region', description: 'From the customers input, else the latest order\'s region (地区)' },
							{ name: 'RFM Segment', value: 'rfmSegment', description: 'From the customers input, e.g. RFM Segment\'s segmentLabel (RFM 分层)' },
							{ name: 'Sentiment Score (−1 to 1)', value: 'sentimentScore', description: 'Mean score of the customer\'s reviews (评价情感得分均值)' },
						],
						default: 'couponShare',
					},
					{
						displayName: 'Minimum Paid Orders',
						name: 'minOrders',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'The rule holds only for customers with at least this many paid orders: a share of one order says little (已支付订单数达到此值才打标签)',
					},
					{
						displayName: 'Tag Name',
						name: 'tagName',
						type: 'string',
						default: '',
						placeholder: '券敏感 Coupon-sensitive',
						description: 'The tag; {value} becomes the metric\'s value, e.g. 平台: {value} (标签名称；{value} 替换为指标值)',
					},
					{
						displayName: 'Threshold',
						name: 'threshold',
						type: 'number',
						default: 50,
						displayOptions: { show: { condition: NUMBER_CONDITIONS } },
						description: 'In the metric\'s unit: percent for shares (50 = half), an hour 0–23, a score −1 to 1 (按指标单位：占比用百分数)',
					},
					{
						displayName: 'Up To',
						name: 'upTo',
						type: 'number',
						default: 100,
						displayOptions: { show: { condition: ['between'] } },
						description: 'Upper bound, inclusive (上限，含)',
					},
					{
						displayName: 'Values',
						name: 'values',
						type: 'string',
						default: '',
						placeholder: 'douyin, xiaohongshu',
						displayOptions: { show: { condition: ['oneOf'] } },
						description: 'Text values that match, separated by commas (匹配的值，用逗号分隔)',
					},
				],
			},
		],
	},
	{ ...fromRfmSegment('timeZone'), description: 'Time zone of the shop, e.g. Asia/Shanghai: decides the hour an order counts in for Preferred Order Hour (店铺所在时区，决定“最常下单时段”按哪个小时计)' },
	{
		displayName: 'Field Mapping (Orders)',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your orders keep each field, when the names differ (列名不同时填写你的列名)',
		options: ([
			...collectionValues(rfmSegmentProperties, 'orderFields'),
			{ displayName: 'Category Field', name: 'category', type: 'string', default: 'category', description: 'Product category of the order, when its lines carry none (订单的商品品类)' },
			{ displayName: 'Channel Field', name: 'channel', type: 'string', default: 'channel', description: 'Traffic channel, e.g. live, short_video (流量渠道)' },
			{ displayName: 'Coupon Field', name: 'coupon', type: 'string', default: 'couponCode', description: 'A coupon code, true/false, or the coupon discount; empty or 0 = no coupon (优惠券码、是否用券或优惠金额)' },
			{ displayName: 'Lines Field', name: 'lines', type: 'string', default: 'lines', description: 'Order lines with category, quantity and unitPrice, for category affinity (订单明细)' },
			{ displayName: 'Platform Field', name: 'platform', type: 'string', default: 'platform' },
			{ displayName: 'Region Field', name: 'region', type: 'string', default: 'region', description: 'E.g. the shipping province (地区，如收货省份).' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Field Mapping (Customers)',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		options: [
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
			{ displayName: 'Region Field', name: 'region', type: 'string', default: 'region' },
			{ displayName: 'Segment Field', name: 'segment', type: 'string', default: 'segmentLabel', description: 'RFM Segment\'s segmentLabel (in its label language), or segment (分层字段)' },
		],
	},
	{
		displayName: 'Field Mapping (Reviews)',
		name: 'reviewFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		options: [
			{ displayName: 'Customer ID Field', name: 'customerId', type: 'string', default: 'customerId' },
			{ displayName: 'Score Field', name: 'score', type: 'string', default: 'score', description: 'A score from −1 to 1 given by an AI node; when present it is used instead of the text (AI 节点给出的 −1 到 1 的得分，有则优先)' },
			{ displayName: 'Text Field', name: 'text', type: 'string', default: 'text', description: 'The review text, scored with the Chinese + English lexicon (评价文本，用中英文情感词典打分)' },
		],
	},
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Both, on Two Outputs', value: 'both' },
			{ name: 'One Item per Customer', value: 'customers' },
			{ name: 'Tag Counts Only', value: 'summary' },
		],
		default: 'both',
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
