/**
 * The digest as lines ready for the team-chat bots (WeCom / DingTalk / Feishu): a plain-text
 * version and a markdown one, in Chinese or English. The bots send one item's line as it is
 * (a line may hold several rows), so the whole digest is one item and one message. Kept short:
 * WeCom's text limit is 2,048 bytes (docs/nodes/ChatBots.md), so at most MAX_PLATFORM_ROWS
 * platforms and the top movers are listed; the full breakdown is in the item's fields.
 */
import type { GroupDigest, KpiDigestResult, Mover } from './digest';

export type DigestLanguage = 'en' | 'zh';

export interface WatchCounts {
	/** Open restock alerts (SKU × warehouse), or null when none were connected. */
	restockAlerts: number | null;
	/** Customers in an at-risk segment, or null when none were connected. */
	atRiskVips: number | null;
}

export interface DigestLines {
	/** The lines of the plain-text version, in order. */
	lines: string[];
	text: string;
	markdown: string;
}

/** Platforms listed in the lines; more are summed up as "and N more". */
export const MAX_PLATFORM_ROWS = 6;

/** Chinese names of the platforms and channels the pack's connectors and demo data use. */
const NAMES_ZH: Record<string, string> = {
	douyin: '抖音',
	pinduoduo: '拼多多',
	taobao: '淘宝',
	tmall: '天猫',
	xiaohongshu: '小红书',
	youzan: '有赞',
	weixin: '微信',
	wechat: '微信',
	shopify: 'Shopify',
	woocommerce: 'WooCommerce',
	live: '直播',
	short_video: '短视频',
	search: '搜索',
	recommendation: '推荐',
	private_domain: '私域',
};

const WEEKDAYS = {
	en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
	zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
};

export function nameOf(name: string, language: DigestLanguage): string {
	return language === 'zh' ? (NAMES_ZH[name] ?? name) : name;
}

function money(amount: number, currency: string | null): string {
	const digits = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	if (currency === null || currency === 'CNY') return `¥${digits}`;
	return currency === 'USD' ? `$${digits}` : `${currency} ${digits}`;
}

/** A figure's change in brackets: full-width in Chinese text. */
const paren = (text: string, lang: DigestLanguage) => (lang === 'zh' ? `（${text}）` : ` (${text})`);
const percent = (rate: number, decimals = 1) => `${(rate * 100).toFixed(decimals)}%`;
const signed = (text: string, value: number) => (value > 0 ? `+${text}` : value < 0 ? `−${text.replace('-', '')}` : text);
const relative = (change: number | null) => (change === null ? '—' : signed(percent(Math.abs(change)), change));
const points = (change: number | null, language: DigestLanguage) =>
	change === null ? '—' : signed(`${(Math.abs(change) * 100).toFixed(1)}${language === 'zh' ? '个百分点' : ' pt'}`, change);

export function digestLines(
	result: KpiDigestResult,
	settings: { language: DigestLanguage; currency: string | null; timeZone: string },
	watch: WatchCounts,
): DigestLines {
	const { language: lang, currency } = settings;
	const zh = lang === 'zh';
	const t = result.total;
	const y = t.yesterday;
	const weekday = WEEKDAYS[lang][result.weekday - 1];
	const title = zh
		? `📊 每日数据晨会 · ${result.reportDate} ${weekday}（${settings.timeZone}）`
		: `📊 Daily KPI digest · ${result.reportDate} ${weekday} (${settings.timeZone})`;
	const vs = zh
		? `较7日均 ${relative(t.vsAverage.gmv)}，较上${weekday} ${relative(t.vsLastWeek.gmv)}`
		: `${relative(t.vsAverage.gmv)} vs 7-day avg, ${relative(t.vsLastWeek.gmv)} vs last ${weekday}`;
	const gmvLine = zh ? `GMV ${money(y.gmv, currency)}，${vs}` : `GMV ${money(y.gmv, currency)}, ${vs}`;
	const parts = zh
		? [
				`订单 ${y.orders}（${relative(t.vsAverage.orders)}）`,
				`客单价 ${money(y.averageOrderValue, currency)}`,
				...(y.conversionRate === null ? [] : [`转化率 ${percent(y.conversionRate, 2)}（${points(t.vsAverage.conversionRate, lang)}）`]),
				`复购率 ${percent(y.repurchaseRate)}`,
				`退款率 ${percent(y.refundRate)}`,
			]
		: [
				`Orders ${y.orders} (${relative(t.vsAverage.orders)})`,
				`AOV ${money(y.averageOrderValue, currency)}`,
				...(y.conversionRate === null ? [] : [`conversion ${percent(y.conversionRate, 2)} (${points(t.vsAverage.conversionRate, lang)})`]),
				`repurchase ${percent(y.repurchaseRate)}`,
				`refunds ${percent(y.refundRate)}`,
			];
	const figuresLine = parts.join(zh ? '，' : ', ');

	const lines = [title, gmvLine, figuresLine];
	if (result.platforms.length > 0) lines.push(platformLine(result.platforms, lang, currency));
	lines.push(moversLine(result.movers, lang, currency));
	const watchLine = watchCountsLine(watch, lang);
	if (watchLine) lines.push(watchLine);

	const markdown = [`**${title}**`, ...lines.slice(1).map((line) => `- ${line}`)].join('\n');
	return { lines, text: lines.join('\n'), markdown };
}

function platformLine(platforms: GroupDigest[], lang: DigestLanguage, currency: string | null): string {
	const shown = platforms.slice(0, MAX_PLATFORM_ROWS).map(
		(p) => `${nameOf(p.platform ?? '', lang)} ${money(p.yesterday.gmv, currency)}${paren(relative(p.vsAverage.gmv), lang)}`,
	);
	const more = platforms.length - shown.length;
	if (lang === 'zh') return `分平台：${shown.join('；')}${more > 0 ? `；另 ${more} 个平台` : ''}`;
	return `By platform: ${shown.join('; ')}${more > 0 ? `; ${more} more` : ''}`;
}

function moversLine(movers: Mover[], lang: DigestLanguage, currency: string | null): string {
	if (movers.length === 0) return lang === 'zh' ? '异动：无（各渠道 GMV 均在阈值内）' : 'Movers: none beyond the threshold';
	const items = movers.map((m) => {
		const where = `${nameOf(m.platform, lang)}·${nameOf(m.channel, lang)}`;
		const change = m.gmvChange === null ? (lang === 'zh' ? '新增' : 'new') : relative(m.gmvChange);
		return `${m.direction === 'up' ? '▲' : '▼'} ${where} ${money(m.gmv, currency)}${paren(change, lang)}`;
	});
	if (lang === 'zh') return `异动：${items.join('；')}`;
	return `Movers: ${items.join('; ')}`;
}

function watchCountsLine(watch: WatchCounts, lang: DigestLanguage): string | undefined {
	const parts: string[] = [];
	if (watch.restockAlerts !== null) parts.push(lang === 'zh' ? `待补货 ${watch.restockAlerts} 项` : `open restock alerts ${watch.restockAlerts}`);
	if (watch.atRiskVips !== null) parts.push(lang === 'zh' ? `流失风险 VIP ${watch.atRiskVips} 人` : `at-risk VIPs ${watch.atRiskVips}`);
	if (parts.length === 0) return undefined;
	const joined = parts.join(lang === 'zh' ? '；' : ', ');
	return lang === 'zh' ? `待办：${joined}` : `To do: ${joined}`;
}
