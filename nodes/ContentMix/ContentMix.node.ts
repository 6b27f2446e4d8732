import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	auditGroups,
	CLICK_FIELDS,
	clickRowSchema,
	classifyTitle,
	MAX_TITLE_LENGTH,
	parseContentMixOptions,
	pillarLabel,
	planGroup,
	POST_FIELDS,
	postInputSchema,
	selectWindow,
	zonedInstant,
	unassignedLinks,
	type ContentMixOptionsInput,
	type PostRecord,
	type UnassignedLinks,
} from '../lib/contentMix';
import { sourcePathOf, type FieldMapping, type InputIssue } from '../lib/model';
import { createOffsetLookup, createZonedDayNumber, createZonedIsoFormatter, isoDateToDayNumber } from '../lib/time';
import { readAttributedOrders } from '../shared/attributedOrders';
import { readItems } from '../shared/inputItems';
import { checkInputsCarryFields, nodeParameters, optionalInput, readTimeZone, toNodeError, type ExpectedInput } from '../shared/nodeHelpers';
import { contentMixProperties } from './description';

type Operation = 'classify' | 'audit' | 'plan';

const POST_INPUT: Pick<ExpectedInput, 'kind' | 'connect'> = {
	kind: { en: 'post', zh: '内容' },
	connect: {
		en: 'Connect a node that outputs posts, one item per video or note with postId, platform and publishedAt: Demo Shop Data with Dataset Content Posts, or a sheet exported from your Douyin / Xiaohongshu account.',
		zh: '请连接输出内容（每条一个视频或笔记，含 postId、platform、publishedAt）的节点：Demo Shop Data（示例数据，Dataset 选 Content Posts），或从抖音 / 小红书后台导出的表格。',
	},
};

/** Whether the description shows a parameter under the values of its display switches read so far. */
function isShown(name: string, switches: IDataObject): boolean {
	const property = contentMixProperties.find((p: INodeProperties) => p.name === name);
	const show = property?.displayOptions?.show;
	if (!show) return true;
	return Object.entries(show).every(([key, values]) => (values as unknown[]).includes(switches[key]));
}

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, noun: string) => `${count(x)} ${noun}${x === 1 ? '' : 's'}`;
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;

export class ContentMix implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Content Mix (内容配比)',
		name: 'contentMix',
		icon: { light: 'file:contentMix.svg', dark: 'file:contentMix.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "classify" ? "Classify posts" : $parameter["operation"] === "plan" ? "Plan next posts" : "Audit mix" }}',
		description:
			'Short-video content mix (内容配比, e.g. 60% 干货 know-how / 30% 场景 scenario / 10% 促销 promotion): classify posts, audit the mix and what each pillar earned, plan the next posts',
		defaults: { name: 'Content Mix' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Posts' },
			{ type: NodeConnectionTypes.Main, displayName: 'Orders' },
			{ type: NodeConnectionTypes.Main, displayName: 'Clicks' },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: contentMixProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const postItems = this.getInputData(0);
		const { param } = nodeParameters(this);
		const switches: IDataObject = {
			operation: param<Operation>('operation'),
			pillarSource: param<string>('pillarSource'),
		};
		const operation = switches.operation as Operation;
		if (isShown('noTwoPromotionsInRow', switches)) switches.noTwoPromotionsInRow = param<boolean>('noTwoPromotionsInRow');
		const timeZone = readTimeZone(this);

		// The settings this operation shows, and only those: n8n drops the hidden ones.
		const input: IDataObject = { ...switches, timeZone };
		for (const name of ['keywordRules', 'unmatchedPillar', 'targetMix', 'windowDays', 'endDate', 'countedStatuses', 'postsToPlan', 'planStartDate', 'postingDays', 'timeSlots', 'promotionPillar']) {
			if (!isShown(name, switches)) continue;
			const value = param<IDataObject[string]>(name);
			input[name] = name === 'keywordRules' ? ((value as IDataObject).rules ?? []) : value;
		}
		let settings;
		try {
			settings = parseContentMixOptions(input as unknown as ContentMixOptionsInput);
		} catch (error) {
			throw toNodeError(this, error);
		}

		// Posts.
		const byField = settings.pillarSource === 'field';
		const accountField = String(param<string>('accountField')).trim();
		const mapping: FieldMapping = { ...param<FieldMapping>('postFields') };
		if (byField) mapping.pillar = String(param<string>('pillarField')).trim() || 'category';
		if (accountField) mapping.account = accountField;
		const fields = POST_FIELDS.filter((f) => (f !== 'pillar' || byField) && (f !== 'account' || accountField !== ''));
		const notReached = checkInputsCarryFields(this, [
			{ ...POST_INPUT, items: postItems, fields, mapping, mappingParameter: 'Field Mapping (Posts)', inputName: 'Posts', inputIndex: 0 },
		]);
		if (notReached) return notReached;
		const rules = settings.keywordRules ?? [];
		const unmatched = settings.unmatchedPillar ?? 'other';
		const matchedKeyword = new Map<number, string | null>();
		const posts = readItems(this, postItems, fields, mapping, postInputSchema(timeZone), (post, itemIndex): PostRecord | InputIssue => {
			let pillar = post.pillar;
			if (!byField) {
				if (post.title === undefined || post.title.trim() === '') {
					return {
						itemIndex,
						field: sourcePathOf('title', mapping),
						value: post.title,
						expected: `a title to find keywords in (text of at most ${MAX_TITLE_LENGTH} characters)`,
					};
				}
				const match = classifyTitle(post.title, rules, unmatched);
				pillar = match.pillar;
				matchedKeyword.set(itemIndex, match.keyword);
			}
			if (pillar === undefined) {
				return {
					itemIndex,
					field: sourcePathOf('pillar', mapping),
					value: undefined,
					expected: 'a pillar name, e.g. knowledge (or set Pillar From to Keywords in the Title)',
				};
			}
			const record: PostRecord = {
				itemIndex,
				postId: post.postId,
				platform: post.platform,
				account: post.account,
				publishedAtMs: post.publishedAt,
				pillar,
				views: post.views,
				clicks: post.clicks,
				linkCode: post.linkCode,
			};
			return record;
		});

		if (operation === 'classify') {
			const classified = posts.records.map((post) => ({
				json: {
					...postItems[post.itemIndex].json,
					pillar: post.pillar,
					pillarLabel: pillarLabel(post.pillar),
					...(byField ? {} : { matchedKeyword: matchedKeyword.get(post.itemIndex) ?? null }),
				},
				pairedItem: { item: post.itemIndex },
			}));
			return [[...classified, ...posts.errorItems]];
		}

		const dayOf = createZonedDayNumber(timeZone);
		let window;
		try {
			window = selectWindow(posts.records, { endDate: settings.endDate, windowDays: settings.windowDays ?? 0 }, dayOf);
		} catch (error) {
			throw toNodeError(this, error);
		}
		const targets = settings.targetMix ?? [];
		const accountOf = (account: string | null) => (accountField ? account : null);

		if (operation === 'audit') {
			const attributed = readAttributedOrders(this, 1, timeZone, settings.countedStatuses ?? []);
			if ('notReached' in attributed) return attributed.notReached;
			const linkClicks = readLinkClicks(this);
			if ('notReached' in linkClicks) return linkClicks.notReached;
			const rows = auditGroups(window.groups, targets, attributed.orders, linkClicks.clicks);
			hintUnassigned(this, unassignedLinks(window.groups, attributed.orders, linkClicks.clicks), attributed.currency);
			const items: INodeExecutionData[] = rows.map((row) => ({
				json: {
					...row,
					account: accountOf(row.account),
					pillarLabel: pillarLabel(row.pillar),
					currency: attributed.currency ?? null,
					clicksFrom: linkClicks.clicks === undefined ? 'posts' : 'clicksInput',
					windowStart: window.windowStart,
					windowEnd: window.windowEnd,
					line:
						`${row.account ? `${row.account} · ` : ''}${row.platform} · ${pillarLabel(row.pillar)}: ${row.posts} 条 posts ` +
						`(${row.sharePercent.toFixed(1)}% vs 目标 target ${row.targetPercent.toFixed(0)}%, ${signed(row.deviationPoints)} pts) · ` +
						`浏览 views ${count(row.views)} · 点击 clicks ${count(row.clicks)} · 订单 orders ${count(row.orders)}` +
						`${row.conversionPercent === null ? '' : ` (${row.conversionPercent.toFixed(2)}%)`} · 成交 revenue ${attributed.currency ? `${attributed.currency} ` : ''}${money(row.revenue)}`,
				} as unknown as IDataObject,
				pairedItem: { item: window.groups.find((g) => g.platform === row.platform && g.account === row.account)?.posts[0]?.itemIndex ?? 0 },
			}));
			return [[...items, ...posts.errorItems, ...attributed.errorItems, ...linkClicks.errorItems]];
		}

		// Plan.
		const startDay = settings.planStartDate !== undefined ? isoDateToDayNumber(settings.planStartDate) : window.endDay + 1;
		const offsetAt = createOffsetLookup(timeZone);
		const formatIso = createZonedIsoFormatter(timeZone);
		const planned: INodeExecutionData[] = [];
		try {
			for (const group of window.groups) {
				const plan = planGroup(group, targets, {
					postsToPlan: settings.postsToPlan ?? 1,
					startDay,
					weekdays: settings.postingDays ?? [],
					timeSlots: settings.timeSlots ?? [],
					notTwiceInARow: settings.noTwoPromotionsInRow ? settings.promotionPillar : undefined,
				});
				for (const post of plan) {
					planned.push({
						json: {
							...post,
							account: accountOf(post.account),
							pillarLabel: pillarLabel(post.pillar),
							publishAt: formatIso(zonedInstant(post.date, post.time, offsetAt)),
							windowStart: window.windowStart,
							windowEnd: window.windowEnd,
							line: `${post.weekdayZh} ${post.date} ${post.time} · ${post.account ? `${post.account} · ` : ''}${post.platform} · ${pillarLabel(post.pillar)}`,
						} as unknown as IDataObject,
						pairedItem: { item: group.posts[group.posts.length - 1]?.itemIndex ?? 0 },
					});
				}
			}
		} catch (error) {
			throw toNodeError(this, error);
		}
		return [[...planned, ...posts.errorItems]];
	}
}

/**
 * Orders and clicks through codes no post of the window has are no audit row (they belong to no
 * account or platform of it), but never vanish without a word: the output pane says what they
 * brought (Short Link → Attribute Orders lists them per code, under `unassigned`).
 */
function hintUnassigned(context: IExecuteFunctions, unassigned: UnassignedLinks, currency: string | undefined): void {
	if (unassigned.orders === 0 && unassigned.clicks === 0) return;
	const revenue = `${currency ? `${currency} ` : ''}${money(unassigned.revenue)}`;
	context.addExecutionHints({
		type: 'info',
		location: 'outputPane',
		message:
			`${plural(unassigned.orders, 'order')} (${revenue}) and ${plural(unassigned.clicks, 'click')} came through ${plural(unassigned.linkCodes, 'link code')} no post of the window has (older posts, or codes missing from the posts): not in these rows. Short Link → Attribute Orders lists them under "unassigned". ` +
			`${count(unassigned.orders)} 个订单（${revenue}）和 ${count(unassigned.clicks)} 次点击来自 ${count(unassigned.linkCodes)} 个不属于本窗口任何内容的链接码（较早的内容，或内容数据中缺少的链接码），未计入上面各行；可用 Short Link（短链追踪）的“订单归因”按 unassigned 查看。`,
	});
}

const CLICKS_INPUT: Pick<ExpectedInput, 'kind' | 'connect'> = {
	kind: { en: 'click', zh: '点击' },
	connect: {
		en: 'Connect a node that outputs clicks per tracked link, with the link code and its clicks (one item per link, or per link and day): a short-link service\'s report or a sheet.',
		zh: '请连接输出每个链接点击数（含链接码和点击数，每条一个链接或一个链接一天）的节点：短链服务的报表或表格。',
	},
};

/** The Clicks input of the audit, when it has items: clicks per link code; else undefined (the posts' own clicks count). */
function readLinkClicks(
	context: IExecuteFunctions,
): { clicks: { linkCode: string; clicks: number }[] | undefined; errorItems: INodeExecutionData[] } | { notReached: INodeExecutionData[][] } {
	const clickItems = optionalInput(context, 2);
	if (clickItems.length === 0) return { clicks: undefined, errorItems: [] };
	const mapping = nodeParameters(context).param<FieldMapping>('clickFields');
	const notReached = checkInputsCarryFields(context, [
		{ ...CLICKS_INPUT, items: clickItems, fields: CLICK_FIELDS, mapping, mappingParameter: 'Field Mapping (Clicks)', inputName: 'Clicks', inputIndex: 2 },
	]);
	if (notReached) return { notReached };
	const rows = readItems(context, clickItems, CLICK_FIELDS, mapping, clickRowSchema, (row) => row);
	const errorItems = rows.errorItems.map((item) => ({ ...item, pairedItem: { item: (item.pairedItem as { item: number }).item, input: 2 } }));
	// Rows without a link code (organic posts) are nobody's clicks: left out, as in Short Link.
	const clicks = rows.records.filter((row): row is { linkCode: string; clicks: number } => row.linkCode !== undefined);
	return { clicks, errorItems };
}
