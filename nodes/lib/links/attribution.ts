/**
 * Attribution of orders to posts through their tracked links: a post's link code is on its
 * short link (utm_content) and on the orders that link brought (Order.linkCode). Per post and
 * per pillar: clicks, orders, conversion rate (orders ÷ clicks) and revenue. Pure: no n8n; the
 * Short Link node's Attribute operation and Content Mix's audit both use it.
 *
 * Last-click, single-touch attribution: an order counts for the one link code it carries, in
 * full (the model the platforms' own "带货" reports use; Google Analytics calls it last click,
 * https://support.google.com/analytics/answer/10596866). Revenue is what the customer paid less
 * what was refunded; cancelled orders bring none and do not count as orders.
 */

/** One link's clicks (a Get Clicks row, or a post with a clicks total). Rows of one link add up. */
export interface LinkClicks {
	linkCode: string;
	clicks: number;
	postId?: string;
	/** The post's content pillar, e.g. knowledge / scenario / promotion. */
	pillar?: string;
}

export interface AttributedOrder {
	linkCode: string;
	amount: number;
	refundedAmount?: number;
	status?: string;
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

/** The pillar of a link no row names one for. */
export const UNKNOWN_PILLAR = 'unassigned';

/** Rounds money to the cent (the sums are of cents already; this removes float dust). */
const cents = (value: number) => Math.round(value * 100) / 100;
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Per link (in the order links first appear, clicks rows first, then links only orders name)
 * and per pillar (sorted by revenue, highest first). Orders without a link code are not
 * attributed to any post and are left out.
 */
export function attributeOrders(clickRows: readonly LinkClicks[], orders: readonly AttributedOrder[]): { links: LinkResult[]; pillars: PillarResult[] } {
	const byCode = new Map<string, LinkResult>();
	const entry = (linkCode: string) => {
		let found = byCode.get(linkCode);
		if (!found) {
			found = { linkCode, postId: undefined, pillar: UNKNOWN_PILLAR, clicks: 0, orders: 0, conversionRate: null, revenue: 0 };
			byCode.set(linkCode, found);
		}
		return found;
	};
	for (const row of clickRows) {
		const link = entry(row.linkCode);
		link.clicks += row.clicks;
		if (row.postId !== undefined && row.postId !== '') link.postId ??= row.postId;
		if (row.pillar !== undefined && row.pillar !== '' && link.pillar === UNKNOWN_PILLAR) link.pillar = row.pillar;
	}
	for (const order of orders) {
		if (order.linkCode === '' || order.status === 'cancelled') continue;
		const link = entry(order.linkCode);
		link.orders += 1;
		link.revenue += order.amount - (order.refundedAmount ?? 0);
	}
	const links = [...byCode.values()].map((link) => ({ ...link, revenue: cents(link.revenue), conversionRate: ratio(link.orders, link.clicks) }));
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
