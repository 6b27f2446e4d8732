/**
 * Attribution of orders to posts through their tracked links: a post's link code is on its
 * short link (utm_content) and on the orders that link brought (Order.linkCode). Per post and
 * per pillar: clicks, orders, conversion rate (orders ÷ clicks) and revenue. Pure: no n8n; the
 * Short Link node's Attribute operation and Content Mix's audit both use it.
 *
 * Last-click, single-touch attribution: an order counts for the one link code it carries, in
 * full (the model the platforms' own "带货" reports use; Google Analytics calls it last click,
 * https://support.google.com/analytics/answer/10596866). Revenue is what the customer paid less
 * what was refunded, in the base currency. Which orders count (the *Statuses That Count*) and
 * the conversion into the base currency are decided before this, the same way for both nodes
 * (nodes/shared/attributedOrders.ts).
 */

/** One link's clicks (a Get Clicks row, or a post with a clicks total). Rows of one link add up. */
export interface LinkClicks {
	linkCode: string;
	clicks: number;
	postId?: string;
	/** The post's content pillar, e.g. knowledge / scenario / promotion. */
	pillar?: string;
}

export interface LinkResult {
	linkCode: string;
	postId: string | undefined;
	pillar: string;
	clicks: number;
	orders: number;
	/** Orders per click; null without clicks (an order through a link nobody clicked here). */
	conversionRate: number | null;
	revenue: number;
}

export interface PillarResult {
	pillar: string;
	links: number;
	clicks: number;
	orders: number;
	conversionRate: number | null;
	revenue: number;
	/** Revenue per click; null without clicks. */
	revenuePerClick: number | null;
}

/**
 * The pillar of a link no clicks row names one for — above all a code only orders carry, which
 * no post has: shown, not dropped, so the user sees orders (and clicks) whose post is unknown.
 */
export const UNKNOWN_PILLAR = 'unassigned';

/** Rounds money to the cent (the sums are of cents already; this removes float dust). */
export const cents = (value: number) => Math.round(value * 100) / 100;
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** An order as attribution counts it: the link code it carries and what it earned (paid less refunds). */
export interface CodedOrder {
	linkCode: string;
	revenue: number;
}

/** What one link code brought: its clicks (all its rows added up), orders and revenue. */
export interface LinkTally {
	linkCode: string;
	clicks: number;
	orders: number;
	revenue: number;
}

/**
 * The one attribution join, shared by the Short Link node's Attribute operation and Content
 * Mix's audit: clicks rows of a code add up, and an order counts in full, once, for the link
 * code it carries (last click). Codes come in the order first met, clicks rows first, then codes
 * only orders carry. Which orders count (status, currency) and who owns a code (the first post
 * naming it) is the caller's: this only joins by code. Orders with an empty code are left out.
 */
export function tallyByLinkCode(clickRows: readonly Pick<LinkClicks, 'linkCode' | 'clicks'>[], orders: readonly CodedOrder[]): Map<string, LinkTally> {
	const byCode = new Map<string, LinkTally>();
	const entry = (linkCode: string) => {
		let found = byCode.get(linkCode);
		if (!found) byCode.set(linkCode, (found = { linkCode, clicks: 0, orders: 0, revenue: 0 }));
		return found;
	};
	for (const row of clickRows) entry(row.linkCode).clicks += row.clicks;
	for (const order of orders) {
		if (order.linkCode === '') continue;
		const link = entry(order.linkCode);
		link.orders += 1;
		link.revenue += order.revenue;
	}
	return byCode;
}

/**
 * Per link (in the order links first appear, clicks rows first, then links only orders name)
 * and per pillar (sorted by revenue, highest first), from the counted orders (revenue net of
 * refunds, in the base currency). Orders without a link code are not attributed to any post and
 * are left out. A link's post and pillar are the first its clicks rows name; a code no clicks row
 * names is listed under UNKNOWN_PILLAR.
 */
export function attributeOrders(clickRows: readonly LinkClicks[], counted: readonly CodedOrder[]): { links: LinkResult[]; pillars: PillarResult[] } {
	const named = new Map<string, { postId: string | undefined; pillar: string }>();
	for (const row of clickRows) {
		const link = named.get(row.linkCode) ?? { postId: undefined, pillar: UNKNOWN_PILLAR };
		if (row.postId !== undefined && row.postId !== '') link.postId ??= row.postId;
		if (row.pillar !== undefined && row.pillar !== '' && link.pillar === UNKNOWN_PILLAR) link.pillar = row.pillar;
		named.set(row.linkCode, link);
	}
	const links = [...tallyByLinkCode(clickRows, counted).values()].map((tally) => {
		const { postId, pillar } = named.get(tally.linkCode) ?? { postId: undefined, pillar: UNKNOWN_PILLAR };
		return { linkCode: tally.linkCode, postId, pillar, clicks: tally.clicks, orders: tally.orders, conversionRate: ratio(tally.orders, tally.clicks), revenue: cents(tally.revenue) };
	});
	const byPillar = new Map<string, PillarResult>();
	for (const link of links) {
		const pillar = byPillar.get(link.pillar) ?? { pillar: link.pillar, links: 0, clicks: 0, orders: 0, conversionRate: null, revenue: 0, revenuePerClick: null };
		pillar.links += 1;
		pillar.clicks += link.clicks;
		pillar.orders += link.orders;
		pillar.revenue += link.revenue;
		byPillar.set(link.pillar, pillar);
	}
	const pillars = [...byPillar.values()]
		.map((p) => ({ ...p, revenue: cents(p.revenue), conversionRate: ratio(p.orders, p.clicks), revenuePerClick: p.clicks > 0 ? cents(p.revenue / p.clicks) : null }))
		.sort((a, b) => b.revenue - a.revenue || a.pillar.localeCompare(b.pillar));
	return { links, pillars };
}
