/**
 * Content Mix audit: per account and platform, the window's actual mix against the target
 * (posts, share, deviation in percentage points) and, per pillar, what the posts earned —
 * views, clicks, and the orders and revenue that carry the posts' link codes — so the user
 * sees which pillar sells.
 *
 * Attribution is last-touch by link code (the code of the tracked short link in the post, which
 * the order carries: Order.linkCode): an order counts for the window's post with its code. A code
 * several posts of the window share counts for the first of them in input order. Revenue is the
 * amount paid minus refunds, in the base currency. Conversion = orders ÷ clicks; click-through =
 * clicks ÷ views. Clicks are the posts' own, or, when clicks per link code are given (a clicks
 * input), those of the post's link code — credited, like orders, to the code's first post.
 * The join by link code is the one the Short Link node's Attribute operation uses
 * (../links/attribution.ts tallyByLinkCode); this adds who owns a code and the per-pillar view.
 */
import { type CodedOrder, tallyByLinkCode } from '../links/attribution';
import type { PostRecord } from './input';
import type { PillarTarget } from './pillars';
import type { PostGroup } from './window';

/** An order with a link code; revenue = amount paid minus refunds, in the base currency. */
export type AttributedOrder = CodedOrder;

export interface AuditRow {
	account: string | null;
	platform: string;
	pillar: string;
	posts: number;
	/** Posts of the account and platform in the window, all pillars. */
	totalPosts: number;
	sharePercent: number;
	targetPercent: number;
	/** sharePercent − targetPercent, in percentage points. */
	deviationPoints: number;
	views: number;
	clicks: number;
	orders: number;
	revenue: number;
	/** clicks ÷ views × 100; null without views. */
	clickThroughPercent: number | null;
	/** orders ÷ clicks × 100; null without clicks. */
	conversionPercent: number | null;
	revenuePerPost: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The post each link code credits: its first post in input order among the window's posts. */
function ownersOfCodes(groups: readonly PostGroup[]): Map<string, PostRecord> {
	const postOfCode = new Map<string, PostRecord>();
	const inputOrder = groups.flatMap((g) => g.posts).sort((a, b) => a.itemIndex - b.itemIndex);
	for (const post of inputOrder) if (post.linkCode !== undefined && !postOfCode.has(post.linkCode)) postOfCode.set(post.linkCode, post);
	return postOfCode;
}

/** What the link codes no post of the window has brought (Short Link's `unassigned`). */
export interface UnassignedLinks {
	/** How many such codes. */
	linkCodes: number;
	/** Their clicks on the Clicks input (0 without one: the posts' own clicks always have a post). */
	clicks: number;
	orders: number;
	revenue: number;
}

/**
 * The same join as the audit, for the codes no post of the window has: a post before the window
 * still selling, or a code missing from the posts. They belong to no account or platform of the
 * window, so they are no audit row; the node reports them beside the rows, and Short Link's
 * Attribute Orders lists them under the pillar `unassigned` (one rule: shown, never dropped
 * without a word).
 */
export function unassignedLinks(groups: readonly PostGroup[], orders: readonly AttributedOrder[], linkClicks?: readonly { linkCode: string; clicks: number }[]): UnassignedLinks {
	const owned = ownersOfCodes(groups);
	const result: UnassignedLinks = { linkCodes: 0, clicks: 0, orders: 0, revenue: 0 };
	for (const tally of tallyByLinkCode(linkClicks ?? [], orders).values()) {
		if (owned.has(tally.linkCode)) continue;
		result.linkCodes += 1;
		result.clicks += tally.clicks;
		result.orders += tally.orders;
		result.revenue += tally.revenue;
	}
	return { ...result, revenue: round2(result.revenue) };
}

export function auditGroups(
	groups: readonly PostGroup[],
	targets: readonly PillarTarget[],
	orders: readonly AttributedOrder[],
	linkClicks?: readonly { linkCode: string; clicks: number }[],
): AuditRow[] {
	const postOfCode = ownersOfCodes(groups);
	const byCode = tallyByLinkCode(linkClicks ?? [], orders);
	/** What the post's link code brought, when the post owns its code. */
	const linkOf = (post: PostRecord) => (post.linkCode !== undefined && postOfCode.get(post.linkCode) === post ? byCode.get(post.linkCode) : undefined);

	const rows: AuditRow[] = [];
	for (const group of groups) {
		const pillars = targets.map((t) => t.pillar);
		const others = [...new Set(group.posts.map((p) => p.pillar))].filter((p) => !pillars.includes(p)).sort();
		const total = group.posts.length;
		for (const pillar of [...pillars, ...others]) {
			const posts = group.posts.filter((p) => p.pillar === pillar);
			let views = 0;
			let clicks = 0;
			let orderCount = 0;
			let revenue = 0;
			for (const post of posts) {
				views += post.views;
				const link = linkOf(post);
				clicks += linkClicks === undefined ? post.clicks : (link?.clicks ?? 0);
				orderCount += link?.orders ?? 0;
				revenue += link?.revenue ?? 0;
			}
			const sharePercent = total > 0 ? (posts.length / total) * 100 : 0;
			const targetPercent = (targets.find((t) => t.pillar === pillar)?.share ?? 0) * 100;
			rows.push({
				account: group.account,
				platform: group.platform,
				pillar,
				posts: posts.length,
				totalPosts: total,
				sharePercent: round2(sharePercent),
				targetPercent: round2(targetPercent),
				deviationPoints: round2(sharePercent - targetPercent),
				views,
				clicks,
				orders: orderCount,
				revenue: round2(revenue),
				clickThroughPercent: views > 0 ? round2((clicks / views) * 100) : null,
				conversionPercent: clicks > 0 ? round2((orderCount / clicks) * 100) : null,
				revenuePerPost: posts.length > 0 ? round2(revenue / posts.length) : null,
			});
		}
	}
	return rows;
}
