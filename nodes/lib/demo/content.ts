/**
 * The shop's short videos and notes (Douyin, Xiaohongshu), each with a tracked short link
 * (linkCode) that short-video orders carry, so clicks → orders can be attributed per video.
 *
 * The posts are planned first (a skeleton both the order and the content generator
 * build): which day, which pillar of the 60/30/10 mix (干货 knowledge / 场景 scenario /
 * 促销 promotion), which product, how strong. A short-video order on day d is attributed
 * to one of its platform's linked posts of the previous 7 days, in proportion to the
 * post's strength, decaying by 0.7 a day. The content generator computes each post's
 * expected attributed orders the same way and sets clicks = expected orders ÷ conversion
 * rate, views = clicks ÷ click-through rate: the clicks a post needs to have brought the
 * orders it carries.
 */
import type { ContentPost } from '../model';
import { CONTENT_CATEGORIES } from '../model';
import { type DemoCalendar, PAD2, SHOP_UTC_OFFSET, clockText } from './calendar';
import { type DemoCatalog, CHANNEL_INDEX, DEMO_PLATFORMS } from './catalog';
import { expectedOrderMix } from './orderMix';
import type { DemoShopOptions } from './options';
import { createRng, cumulative, scramble32, searchCumulative, type Rng } from './random';

interface ContentPlatform {
	platform: (typeof DEMO_PLATFORMS)[number];
	/** Prefix of post ids and link codes. */
	prefix: string;
	postsPerDay: number;
	/** Shares of knowledge / scenario / promotion posts: near, not exactly, 60/30/10. */
	mix: [number, number, number];
	/** Share of posts that carry a tracked link. */
	linkedShare: number;
	/** Relative reach and click → order conversion of the platform's posts. */
	reach: number;
	conversion: number;
}

export const CONTENT_PLATFORMS: readonly ContentPlatform[] = [
	{ platform: 'douyin', prefix: 'dy', postsPerDay: 1.2, mix: [0.55, 0.31, 0.14], linkedShare: 0.92, reach: 1, conversion: 1 },
	// Xiaohongshu notes seed interest (种草) more than they sell directly.
	{ platform: 'xiaohongshu', prefix: 'xhs', postsPerDay: 0.8, mix: [0.66, 0.27, 0.07], linkedShare: 0.85, reach: 0.6, conversion: 0.6 },
];

/** Per pillar: relative views, click-through rate and click → order conversion. */
const CATEGORY_PERFORMANCE = [
	{ reach: 1, ctr: 0.012, conversion: 0.02 }, // knowledge: widest reach, few clicks
	{ reach: 0.7, ctr: 0.02, conversion: 0.03 }, // scenario
	{ reach: 0.35, ctr: 0.045, conversion: 0.06 }, // promotion: small reach, clicks that buy
];

/** Posting hours: morning commute, lunch, and the evening 18–22 h slot. */
const POSTING_HOUR_CUMULATIVE = cumulative([
	0.05, 0, 0, 0, 0, 0, 0.1, 0.4, 0.6, 0.4, 0.3, 0.5, 1.2, 0.8, 0.3, 0.3, 0.4, 0.6, 1.2, 1.5, 1.6, 1.3, 0.6, 0.2,
]);

/** Days a post keeps bringing orders, and the daily decay of its pull. */
export const ATTRIBUTION_DAYS = 7;
const ATTRIBUTION_DECAY = 0.7;
const MAX_POSTS_PER_DAY = 6;

export interface PlannedPost {
	postId: string;
	contentPlatform: number;
	day: number;
	secondOfDay: number;
	category: number;
	sku: number;
	linkCode: string | undefined;
	/** Views, click-through and conversion relative to the platform's typical post. */
	reach: number;
	ctr: number;
	conversion: number;
	/** Relative expected orders (reach × ctr × conversion; 0 without a link). */
	pull: number;
}

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A 6-character short-link code, unique per (platform, date, slot) by a bijective scramble. */
function linkCode(prefix: string, salt: number, epochDay: number, slot: number): string {
	let n = scramble32(((epochDay * 8 + slot) ^ salt) >>> 0);
	let code = '';
	for (let i = 0; i < 6; i++) {
		code += BASE62[n % 62];
		n = Math.floor(n / 62);
	}
	return `${prefix}-${code}`;
}

/** Festivals the promotion posts lead up to: the 7 days before 618 / Double 11 and the sales. */
function promotionSeason(calendar: DemoCalendar, day: number): boolean {
	const m = calendar.month[day];
	const dom = calendar.dayOfMonth[day];
	return calendar.promotionPrice[day] < 1 || (m === 5 && dom >= 24) || (m === 10 && dom >= 24);
}

function drawSku(rng: Rng, catalog: DemoCatalog, day: number): number {
	return rng.pickCumulative(catalog.popularityCumulative, catalog.onSaleCount[day]);
}

export function planPosts(options: DemoShopOptions, calendar: DemoCalendar, catalog: DemoCatalog): PlannedPost[] {
	const posts: PlannedPost[] = [];
	CONTENT_PLATFORMS.forEach((platform, c) => {
		const salt = createRng(options.seed, 'link-codes', platform.platform).nextUint32();
		for (let d = 0; d < calendar.days; d++) {
			const epochDay = calendar.startEpochDay + d;
			const rng = createRng(options.seed, 'posts', platform.platform, epochDay);
			const count = Math.min(MAX_POSTS_PER_DAY, rng.poisson(platform.postsPerDay));
			const mix = platform.mix.slice();
			if (promotionSeason(calendar, d)) mix[2] *= 3;
			const mixCumulative = cumulative(mix);
			const seconds: number[] = [];
			for (let k = 0; k < count; k++) {
				seconds.push(rng.pickCumulative(POSTING_HOUR_CUMULATIVE) * 3600 + rng.int(0, 3599));
			}
			seconds.sort((a, b) => a - b);
			for (let k = 0; k < count; k++) {
				const category = rng.pickCumulative(mixCumulative);
				const performance = CATEGORY_PERFORMANCE[category];
				// Quality is long-tailed: now and then a post goes viral (爆款).
				const reach = platform.reach * performance.reach * rng.lognormal(0, 0.9);
				const ctr = performance.ctr * rng.lognormal(0, 0.3);
				const conversion = platform.conversion * performance.conversion * rng.lognormal(0, 0.3);
				const linked = rng.chance(platform.linkedShare);
				posts.push({
					postId: `${platform.prefix}-${calendar.dates[d].replace(/-/g, '')}-${PAD2[k + 1]}`,
					contentPlatform: c,
					day: d,
					secondOfDay: seconds[k],
					category,
					sku: drawSku(rng, catalog, d),
					linkCode: linked ? linkCode(platform.prefix, salt, epochDay, k) : undefined,
					reach,
					ctr,
					conversion,
					pull: linked ? reach * ctr * conversion : 0,
				});
			}
		}
	});
	return posts;
}

/**
 * For each content platform and window day: the linked posts an order that day can be
 * attributed to, with running sums of their decayed pull.
 */
export interface LinkCandidates {
	posts: number[];
	cumulative: Float64Array;
}

export function buildLinkCandidates(posts: PlannedPost[], calendar: DemoCalendar): LinkCandidates[][] {
	return CONTENT_PLATFORMS.map((_, c) => {
		const byDay: number[][] = Array.from({ length: calendar.days }, () => []);
		posts.forEach((post, j) => {
			if (post.contentPlatform === c && post.linkCode !== undefined) byDay[post.day].push(j);
		});
		const candidates: LinkCandidates[] = [];
		for (let d = 0; d < calendar.days; d++) {
			const list: number[] = [];
			const weights: number[] = [];
			for (let age = 1; age <= ATTRIBUTION_DAYS && d - age >= 0; age++) {
				for (const j of byDay[d - age]) {
					list.push(j);
					weights.push(posts[j].pull * ATTRIBUTION_DECAY ** (age - 1));
				}
			}
			candidates.push({ posts: list, cumulative: cumulative(weights) });
		}
		return candidates;
	});
}

export function pickLinkedPost(rng: Rng, candidates: LinkCandidates): number | undefined {
	const n = candidates.posts.length;
	if (n === 0 || !(candidates.cumulative[n] > 0)) return undefined;
	return candidates.posts[searchCumulative(candidates.cumulative, rng.next() * candidates.cumulative[n], 0, n - 1)];
}

/** Expected orders attributed to each post under the attribution rule above. */
export function expectedAttributedOrders(
	options: DemoShopOptions,
	calendar: DemoCalendar,
	posts: PlannedPost[],
	candidates: LinkCandidates[][],
): Float64Array {
	const expected = new Float64Array(posts.length);
	const mix = expectedOrderMix(options, calendar);
	const totalDemand = calendar.demandCumulative[calendar.days];
	CONTENT_PLATFORMS.forEach((_, c) => {
		const platform = DEMO_PLATFORMS.indexOf(CONTENT_PLATFORMS[c].platform);
		const shortVideoOrders = mix.orders[platform][CHANNEL_INDEX.short_video];
		for (let d = 0; d < calendar.days; d++) {
			const { posts: list, cumulative: cum } = candidates[c][d];
			const total = cum[list.length];
			if (!(total > 0)) continue;
			const ordersThatDay = (shortVideoOrders * calendar.demand[d]) / totalDemand;
			for (let i = 0; i < list.length; i++) {
				expected[list[i]] += (ordersThatDay * (cum[i + 1] - cum[i])) / total;
			}
		}
	});
	return expected;
}

const TITLES: readonly (readonly string[])[] = [
	[
		'{cat}怎么选？3个关键看懂成分表',
		'新手必看：{product}的正确用法',
		'{product}的5个冷知识，第3个很多人不知道',
		'为什么你买的{cat}总是没效果？',
		'实测对比｜{product}到底值不值',
		'{cat}避坑指南：这几类千万别买',
	],
	[
		'{scene}｜{product}真实使用感受',
		'{scene}必备：{product}',
		'{scene}vlog：离不开的{product}',
		'送给妈妈的{product}，她说…',
		'{scene}的小确幸：{product}',
	],
	[
		'{event}限时价｜{product}直降{x}元',
		'直播间专享：{product}买一送一',
		'{event}预售开启｜{product}前100名赠小样',
		'粉丝福利｜{product}领券立减{x}元',
		'最后一天！{product}{event}到手价',
	],
];

/** Everyday scenes per category, for scenario (场景) posts. */
const SCENES: Record<string, readonly string[]> = {
	skincare: ['熬夜党急救', '换季敏感肌', '早八通勤', '出差行李箱'],
	personal_care: ['早八人洗护', '健身房洗澡', '出差行李箱', '周末宅家'],
	snacks: ['追剧零食', '办公室下午茶', '一人食', '露营野餐'],
	tea: ['办公室下午茶', '围炉煮茶', '加班续命', '周末宅家'],
	home: ['租房改造', '卧室好物', '周末大扫除', '新家入住'],
	baby: ['新手爸妈', '宝宝出行', '带娃一整天', '周末遛娃'],
};

function eventName(calendar: DemoCalendar, day: number): string {
	const m = calendar.month[day];
	const dom = calendar.dayOfMonth[day];
	if (m === 5 || (m === 6 && dom <= 20)) return '618';
	if ((m === 10 && dom >= 15) || (m === 11 && dom <= 12)) return '双11';
	if (m === 12 && dom <= 13) return '双12';
	const k = calendar.daysFromNewYear[day];
	if (k >= -25 && k <= -8) return '年货节';
	return calendar.weekday[day] === 0 || calendar.weekday[day] === 6 ? '周末' : '今日';
}

/**
 * The post's landing page: the product page of the SKU it shows, on the demo shop's reserved
 * example domain (RFC 2606 §3, never a real shop). Short Link → Create adds the UTM parameters.
 */
export const DEMO_SHOP_URL = 'https://shop.example.com';
export const landingUrl = (sku: string) => `${DEMO_SHOP_URL}/products/${encodeURIComponent(sku)}`;

/** Views a post gets regardless of shop size: the platform's first traffic pool (~300 views). */
const ORGANIC_VIEWS = 300;

export function generateContentPostList(
	options: DemoShopOptions,
	calendar: DemoCalendar,
	catalog: DemoCatalog,
): ContentPost[] {
	const posts = planPosts(options, calendar, catalog);
	const candidates = buildLinkCandidates(posts, calendar);
	const expected = expectedAttributedOrders(options, calendar, posts, candidates);
	const rng = createRng(options.seed, 'content-posts');
	// Views per unit of reach of the linked posts, to size the posts without a link alike.
	let linkedViews = 0;
	let linkedReach = 0;
	const clicks = new Float64Array(posts.length);
	const views = new Float64Array(posts.length);
	posts.forEach((post, j) => {
		if (post.linkCode === undefined) return;
		clicks[j] = Math.round((expected[j] / post.conversion) * rng.lognormal(0, 0.2)) + rng.poisson(2);
		views[j] = Math.max(clicks[j] + 1, Math.round(clicks[j] / post.ctr), Math.round(ORGANIC_VIEWS * post.reach));
		linkedViews += views[j];
		linkedReach += post.reach;
	});
	const viewsPerReach = linkedReach > 0 ? linkedViews / linkedReach : ORGANIC_VIEWS;
	return posts.map((post, j) => {
		const sku = catalog.skus[post.sku];
		const title = rng
			.pick(TITLES[post.category])
			.replace('{product}', sku.nameZh)
			.replace('{cat}', sku.categoryZh)
			.replace('{scene}', rng.pick(SCENES[sku.category]))
			.replace('{event}', eventName(calendar, post.day))
			.replace('{x}', String(Math.max(5, Math.round((sku.listPrice * rng.uniform(0.1, 0.3)) / 5) * 5)));
		const postViews =
			post.linkCode === undefined
				? Math.max(1, Math.round(viewsPerReach * post.reach * rng.lognormal(0, 0.2)))
				: views[j];
		const item: ContentPost = {
			postId: post.postId,
			platform: CONTENT_PLATFORMS[post.contentPlatform].platform,
			publishedAt: `${calendar.timestampPrefixes[post.day]}${clockText(post.secondOfDay)}${SHOP_UTC_OFFSET}`,
			category: CONTENT_CATEGORIES[post.category],
			title,
			views: postViews,
			// Without a tracked link there are no tracked clicks.
			clicks: post.linkCode === undefined ? 0 : clicks[j],
		};
		if (post.linkCode !== undefined) item.linkCode = post.linkCode;
		item.url = landingUrl(sku.sku);
		return item;
	});
}
