import type { INodeProperties } from 'n8n-workflow';

import { attributionProperties } from '../ContentMix/description';

const show = (operation: string[]) => ({ show: { operation } });

/** The order parameters Content Mix's Audit has, the same definitions: one attribution rule. */
const ATTRIBUTION = attributionProperties(show(['attribute']));

export const shortLinkProperties: INodeProperties[] = [
	{
		displayName:
			'Each input item is a post: map Long URL to its landing page and Link Code to the code its orders carry. Attribute Orders needs no credential: clicks (or posts with clicks) on the first input, orders on the second, counted and converted as Content Mix counts them. 每条输入是一条帖子：Long URL 填落地页，Link Code 填订单中携带的链接码。订单归因无需凭据：第一个输入接点击（或带点击数的帖子），第二个输入接订单，计入规则与“内容配比”相同。',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Service (短链服务)',
		name: 'service',
		type: 'options',
		noDataExpression: true,
		default: 'bitly',
		options: [
			{ name: 'Bitly', value: 'bitly', description: 'Bit.ly or your branded Bitly domain (API v4)' },
			{ name: 'Shlink (Self-Hosted)', value: 'shlink', description: 'Your own Shlink server (REST API v3)' },
		],
	},
	{
		displayName: 'Operation (操作)',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'create',
		options: [
			{
				name: 'Create Tracked Link (生成短链)',
				value: 'create',
				action: 'Create a tracked short link per post',
				description: 'One short link per input item (a post), with UTM parameters and the post\'s link code; running again returns the same link',
			},
			{
				name: 'Get Clicks (获取点击)',
				value: 'getClicks',
				action: 'Get clicks per day per link',
				description: 'Clicks per day for each input link, one item per link and day',
			},
			{
				name: 'Attribute Orders (订单归因)',
				value: 'attribute',
				action: 'Attribute orders to posts through their link codes',
				description: 'Join clicks (first input) with orders carrying a link code (second input): orders, conversion rate and revenue per post or pillar. No credential needed.',
			},
		],
	},
	{
		displayName: 'Long URL (落地页)',
		name: 'longUrl',
		type: 'string',
		default: '={{ $json.url }}',
		required: true,
		displayOptions: show(['create']),
		description: 'The post\'s landing page; an existing query or #fragment is kept (帖子的落地页地址)',
	},
	{
		displayName: 'Link Code (链接码)',
		name: 'linkCode',
		type: 'string',
		default: '={{ $json.linkCode }}',
		required: true,
		displayOptions: show(['create']),
		description: 'The post\'s code, the one its orders carry; sent as utm_content (帖子的链接码，订单中也带此码)',
	},
	{
		displayName: 'UTM Source (来源)',
		name: 'utmSource',
		type: 'string',
		default: '={{ $json.platform }}',
		displayOptions: show(['create']),
		description: 'Sent as utm_source: the platform the post is on, e.g. douyin, xiaohongshu (发布平台)',
	},
	{
		displayName: 'UTM Medium (媒介)',
		name: 'utmMedium',
		type: 'string',
		default: 'short_video',
		displayOptions: show(['create']),
		description: 'Sent as utm_medium, the same word the orders\' channel uses (媒介，与订单渠道一致)',
	},
	{
		displayName: 'UTM Campaign (活动)',
		name: 'utmCampaign',
		type: 'string',
		default: '',
		displayOptions: show(['create']),
		description: 'Sent as utm_campaign, e.g. 618 or weekly_content; empty: left out (活动名；留空则不加)',
	},
	{
		displayName: 'Link ID (短链 ID)',
		name: 'linkId',
		type: 'string',
		default: '={{ $json.linkId }}',
		required: true,
		displayOptions: show(['getClicks']),
		description: 'The link as Create outputs it: a Bitlink such as bit.ly/3xYz (Bitly) or the short code (Shlink) (生成短链输出的 linkId)',
	},
	{
		displayName: 'Days (天数)',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: 30,
		displayOptions: show(['getClicks']),
		description: 'Clicks for this many days up to today, one item per day, days without clicks included (统计最近 N 天，含今天)',
	},
	{
		displayName: 'Time Zone (时区)',
		name: 'timeZone',
		type: 'string',
		default: 'Asia/Shanghai',
		displayOptions: show(['getClicks', 'attribute']),
		description:
			'The shop\'s time zone, where a day begins. Shlink visits are counted per day in it (Bitly counts its days itself, in UTC); order times without an offset are read in it (店铺时区；Bitly 按 UTC 日统计；不带时区的订单时间按此时区读取).',
	},
	{
		displayName: 'Report Per (汇总层级)',
		name: 'attributeLevel',
		type: 'options',
		default: 'post',
		displayOptions: show(['attribute']),
		options: [
			{ name: 'Post (按帖子)', value: 'post', description: 'One item per link code' },
			{ name: 'Pillar (按内容类型)', value: 'pillar', description: 'One item per content pillar (the clicks items\' category or pillar field)' },
		],
	},
	ATTRIBUTION.countedStatuses,
	ATTRIBUTION.orderLinkCodeField,
	ATTRIBUTION.orderFields,
	ATTRIBUTION.options,
];
