import type { INodeProperties } from 'n8n-workflow';

import { fromRfmSegment, rfmOption } from '../VisitorValue/description';

const AUDIT_AND_PLAN = { show: { operation: ['audit', 'plan'] } };
const AUDIT = { show: { operation: ['audit'] } };
const PLAN = { show: { operation: ['plan'] } };

/**
 * Default keyword rules, promotion first: a sales post often also teaches or shows a scene
 * ("直播间专享：…真实使用感受"), and the first matching rule wins.
 */
export const DEFAULT_KEYWORD_RULES = [
	{
		pillar: 'promotion',
		keywords: '限时, 直降, 优惠, 领券, 立减, 福利, 秒杀, 预售, 到手价, 买一送一, 直播间, 折扣, sale, discount, coupon, deal, % off, giveaway',
	},
	{
		pillar: 'knowledge',
		keywords: '怎么选, 必看, 知识, 为什么, 实测, 测评, 避坑, 指南, 教程, 攻略, 成分, 干货, how to, guide, tips, tutorial, review, explained',
	},
	{
		pillar: 'scenario',
		keywords: 'vlog, 真实, 使用感受, 必备, 送给, 小确幸, 日常, 场景, 好物, 一天, routine, day in, unboxing, with me',
	},
];

/**
 * The order parameters of attribution, one definition for Content Mix's Audit and Short Link's
 * Attribute Orders (issue 10: one attribution rule; read by nodes/shared/attributedOrders.ts):
 * the statuses, order field mapping, base currency and rates as RFM Segment has them, and the
 * order field holding the link code. Each node places them in its own list.
 */
export function attributionProperties(displayOptions: INodeProperties['displayOptions']) {
	return {
		countedStatuses: { ...fromRfmSegment('countedStatuses'), displayOptions },
		orderLinkCodeField: {
			displayName: 'Order Link Code Field',
			name: 'orderLinkCodeField',
			type: 'string',
			default: 'linkCode',
			displayOptions,
			description: 'Order field holding the tracked link\'s code (or UTM code) that led to the order, as the posts\' link codes (订单中的链接码字段，用于把订单归因到内容)',
		} satisfies INodeProperties,
		orderFields: { ...fromRfmSegment('orderFields'), displayName: 'Field Mapping (Orders)', displayOptions },
		options: {
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options: [rfmOption('baseCurrency'), rfmOption('currencyRates')],
		} satisfies INodeProperties,
	};
}

const ATTRIBUTION = attributionProperties(AUDIT);

export const contentMixProperties: INodeProperties[] = [
	{
		displayName:
			'Connect posts (one item per video or note, e.g. Demo Shop Data → Content Posts) to the first input; for Audit, orders with link codes to the second and, optionally, clicks per link code (e.g. a short-link report) to the third. 第一个输入接内容（每条一个视频或笔记）；审计时第二个输入接带链接码的订单，第三个输入可接每个链接码的点击数（如短链报表）。',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Classify Posts',
				value: 'classify',
				action: 'Classify posts into pillars',
				description: 'Add each post\'s pillar (know-how, scenario, promotion …) from a field or from keywords in its title (给每条内容打上内容类型)',
			},
			{
				name: 'Audit Mix',
				value: 'audit',
				action: 'Audit the content mix',
				description: 'Actual mix vs target per account and platform, and per pillar the views, clicks, orders and revenue its posts brought (内容配比审计)',
			},
			{
				name: 'Plan Next Posts',
				value: 'plan',
				action: 'Plan the next posts',
				description: 'The next posts\' pillars on your posting days and times, every step as close to the target mix as whole posts allow (排期)',
			},
		],
		default: 'audit',
	},
	{
		displayName: 'Pillar From',
		name: 'pillarSource',
		type: 'options',
		options: [
			{ name: 'A Field of the Post', value: 'field', description: 'Posts already carry their pillar, e.g. category (内容已有类型字段)' },
			{ name: 'Keywords in the Title', value: 'keywords', description: 'Raw post lists: the first rule with a keyword in the title wins (按标题关键词分类，先匹配先得)' },
		],
		default: 'field',
	},
	{
		displayName: 'Pillar Field',
		name: 'pillarField',
		type: 'string',
		default: 'category',
		displayOptions: { show: { pillarSource: ['field'] } },
		description: 'Post field holding the pillar, named as in Target Mix; dots for nested fields (内容中表示类型的字段)',
	},
	{
		displayName: 'Keyword Rules',
		name: 'keywordRules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: { rules: DEFAULT_KEYWORD_RULES },
		displayOptions: { show: { pillarSource: ['keywords'] } },
		description: 'Tried in order; the first rule with one of its keywords in the title gives the pillar. Keywords are matched anywhere in the title, ignoring case (按顺序匹配，标题包含任一关键词即归入该类型).',
		options: [
			{
				name: 'rules',
				displayName: 'Rule',
				values: [
					{ displayName: 'Pillar', name: 'pillar', type: 'string', default: '', placeholder: 'promotion', description: 'Pillar name, as in Target Mix (内容类型名称)' },
					{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '', placeholder: '限时, 领券, sale', description: 'Comma-separated, Chinese or English (关键词，用逗号分隔)' },
				],
			},
		],
	},
	{
		displayName: 'Unmatched Pillar',
		name: 'unmatchedPillar',
		type: 'string',
		default: 'other',
		displayOptions: { show: { pillarSource: ['keywords'] } },
		description: 'Pillar of a title no rule matches (未匹配任何规则的内容类型)',
	},
	{
		displayName: 'Target Mix',
		name: 'targetMix',
		type: 'string',
		default: 'knowledge=60, scenario=30, promotion=10',
		displayOptions: AUDIT_AND_PLAN,
		description: 'Share of posts per pillar in percent, adding up to 100 (目标配比：干货 60%、场景 30%、促销 10%)',
	},
	{
		displayName: 'Window (Days)',
		name: 'windowDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		displayOptions: AUDIT_AND_PLAN,
		description: 'Posts of the last N days up to the end date count; 0 counts all. The plan continues from this window\'s mix (统计最近 N 天的内容，排期从该窗口的配比接着排).',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		displayOptions: AUDIT_AND_PLAN,
		description: 'Last day of the window. Empty: the day of the latest post (窗口最后一天；留空取最新一条内容的日期).',
	},
	{ ...fromRfmSegment('timeZone'), description: 'Shop time zone (IANA), for the days of the window and the plan (店铺时区)' },
	ATTRIBUTION.countedStatuses,
	{
		displayName: 'Posts to Plan',
		name: 'postsToPlan',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 7,
		displayOptions: PLAN,
		description: 'Posts per account and platform to schedule (每个账号每个平台要排的条数)',
	},
	{
		displayName: 'Plan Start Date',
		name: 'planStartDate',
		type: 'dateTime',
		default: '',
		displayOptions: PLAN,
		description: 'First day that may get a post. Empty: the day after the window (排期开始日；留空为窗口后一天).',
	},
	{
		displayName: 'Posting Days',
		name: 'postingDays',
		type: 'multiOptions',
		options: [
			{ name: 'Friday (周五)', value: 'friday' },
			{ name: 'Monday (周一)', value: 'monday' },
			{ name: 'Saturday (周六)', value: 'saturday' },
			{ name: 'Sunday (周日)', value: 'sunday' },
			{ name: 'Thursday (周四)', value: 'thursday' },
			{ name: 'Tuesday (周二)', value: 'tuesday' },
			{ name: 'Wednesday (周三)', value: 'wednesday' },
		],
		default: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
		displayOptions: PLAN,
		description: 'Days of the week you post on (发布日)',
	},
	{
		displayName: 'Time Slots',
		name: 'timeSlots',
		type: 'string',
		default: '12:00, 19:30',
		displayOptions: PLAN,
		description: 'Times of day to post, HH:MM, comma-separated; each posting day fills them in order (每天的发布时间，如午休 12:00、晚高峰 19:30)',
	},
	{
		displayName: 'No Two Promotions in a Row',
		name: 'noTwoPromotionsInRow',
		type: 'boolean',
		default: true,
		displayOptions: PLAN,
		description: 'Whether to never plan two promotion posts one after the other: followers tire of back-to-back selling (不连续发两条促销)',
	},
	{
		displayName: 'Promotion Pillar',
		name: 'promotionPillar',
		type: 'string',
		default: 'promotion',
		displayOptions: { show: { operation: ['plan'], noTwoPromotionsInRow: [true] } },
		description: 'The pillar never planned twice in a row, as named in Target Mix (促销类型的名称)',
	},
	{
		displayName: 'Account Field',
		name: 'accountField',
		type: 'string',
		default: '',
		placeholder: 'account',
		description: 'Post field naming the account, when you run several accounts per platform. Empty: one account per platform (账号字段；留空按平台汇总).',
	},
	ATTRIBUTION.orderLinkCodeField,
	{
		displayName: 'Field Mapping (Posts)',
		name: 'postFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your posts keep each field, when the names differ (列名不同时填写你的列名)',
		options: [
			{ displayName: 'Clicks Field', name: 'clicks', type: 'string', default: 'clicks', description: 'Clicks on the post\'s tracked link (短链点击数)' },
			{ displayName: 'Link Code Field', name: 'linkCode', type: 'string', default: 'linkCode', description: 'Code of the tracked link in the post (内容中的链接码)' },
			{ displayName: 'Platform Field', name: 'platform', type: 'string', default: 'platform' },
			{ displayName: 'Post ID Field', name: 'postId', type: 'string', default: 'postId' },
			{ displayName: 'Published At Field', name: 'publishedAt', type: 'string', default: 'publishedAt', description: 'When the post went out, ISO-8601 (发布时间)' },
			{ displayName: 'Title Field', name: 'title', type: 'string', default: 'title' },
			{ displayName: 'Views Field', name: 'views', type: 'string', default: 'views' },
		],
	},
	ATTRIBUTION.orderFields,
	{
		displayName: 'Field Mapping (Clicks)',
		name: 'clickFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		displayOptions: AUDIT,
		description: 'Where the items of the Clicks input keep each field. With items on that input, a post\'s clicks are its link code\'s clicks there, added up over the rows (点击数据的列名；接入后按链接码汇总点击数).',
		options: [
			{ displayName: 'Clicks Field', name: 'clicks', type: 'string', default: 'clicks' },
			{ displayName: 'Link Code Field', name: 'linkCode', type: 'string', default: 'linkCode' },
		],
	},
	ATTRIBUTION.options,
];
