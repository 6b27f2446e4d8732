/**
 * Demo content posts (nodes/lib/demo/content.ts): Douyin and Xiaohongshu posts in the
 * three pillars of the 60/30/10 mix, with views > clicks, and tracked link codes that the
 * short-video orders carry — never more orders on a link than clicks on it.
 */
import { CONTENT_CATEGORIES, contentPostSchema } from '../../../nodes/lib/model';
import { generateContentPosts, generateOrders, generateSkus } from '../../../nodes/lib/demo';
import { SHOP, WINDOW_START, countBy, once } from './shop';

const posts = once(() => generateContentPosts(SHOP));
const orders = once(() => generateOrders(SHOP));

function ordersPerLink(list: { linkCode?: string }[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const o of list) if (o.linkCode) counts.set(o.linkCode, (counts.get(o.linkCode) ?? 0) + 1);
	return counts;
}

describe('generateContentPosts', () => {
	it('posts about daily on Douyin and Xiaohongshu over the window', () => {
		const byPlatform = countBy(posts(), (p) => p.platform);
		expect(Object.keys(byPlatform).sort()).toEqual(['douyin', 'xiaohongshu']);
		expect(byPlatform.douyin).toBeGreaterThan(300);
		expect(byPlatform.xiaohongshu).toBeGreaterThan(200);
		const last = Date.parse(`${SHOP.endDate}T23:59:59+08:00`);
		const first = Date.parse(`${WINDOW_START}T00:00:00+08:00`);
		expect(posts().filter((p) => !(Date.parse(p.publishedAt) >= first && Date.parse(p.publishedAt) <= last))).toEqual([]);
	});

	it('passes the content-post schema, every one, with unique post ids and link codes', () => {
		expect(posts().filter((p) => !contentPostSchema.safeParse(p).success)).toEqual([]);
		expect(new Set(posts().map((p) => p.postId)).size).toBe(posts().length);
		const codes = posts().flatMap((p) => (p.linkCode ? [p.linkCode] : []));
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('is the same for the same seed and different for another', () => {
		expect(generateContentPosts(SHOP)).toEqual(posts());
		expect(generateContentPosts({ ...SHOP, seed: 43 })).not.toEqual(posts());
	});

	it('mixes knowledge, scenario and promotion posts near (not exactly) 60/30/10', () => {
		const share = countBy(posts(), (p) => p.category!);
		expect(Object.keys(share).sort()).toEqual([...CONTENT_CATEGORIES].sort());
		const n = posts().length;
		expect(share.knowledge / n).toBeGreaterThan(0.5);
		expect(share.knowledge / n).toBeLessThan(0.7);
		expect(share.scenario / n).toBeGreaterThan(0.2);
		expect(share.scenario / n).toBeLessThan(0.4);
		expect(share.promotion / n).toBeGreaterThan(0.05);
		expect(share.promotion / n).toBeLessThan(0.2);
	});

	it('posts more promotions in the run-up to Double 11 than in an ordinary month', () => {
		const promotionShare = (from: string, to: string) => {
			const list = posts().filter((p) => p.publishedAt >= from && p.publishedAt < to);
			return list.filter((p) => p.category === 'promotion').length / list.length;
		};
		expect(promotionShare('2025-10-24', '2025-11-12')).toBeGreaterThan(1.5 * promotionShare('2025-08-01', '2025-09-01'));
	});

	it('has more views than clicks on every post, and no clicks without a tracked link', () => {
		expect(posts().filter((p) => !(p.clicks < p.views))).toEqual([]);
		const unlinked = posts().filter((p) => p.linkCode === undefined);
		expect(unlinked.length).toBeGreaterThan(0);
		expect(unlinked.every((p) => p.clicks === 0)).toBe(true);
	});

	it('gets the widest reach from knowledge posts and the best click-through from promotions', () => {
		const mean = (category: string, value: (p: { views: number; clicks: number }) => number) => {
			const list = posts().filter((p) => p.category === category && p.linkCode);
			return list.reduce((s, p) => s + value(p), 0) / list.length;
		};
		expect(mean('knowledge', (p) => p.views)).toBeGreaterThan(mean('promotion', (p) => p.views));
		expect(mean('promotion', (p) => p.clicks / p.views)).toBeGreaterThan(2 * mean('knowledge', (p) => p.clicks / p.views));
	});

	it('titles each post in Chinese about one of the shop\'s products or categories', () => {
		// A product by name, or (for some knowledge posts) its category: 护肤, 零食 …
		const words = generateSkus(SHOP).flatMap((s) => [s.nameZh, s.categoryZh]);
		const about = posts().filter((p) => words.some((word) => p.title.includes(word)));
		expect(about).toHaveLength(posts().length);
		expect(posts().every((p) => /[\u4e00-\u9fff]/.test(p.title))).toBe(true);
	});

	it('links each post to the product page of one of the shop\'s SKUs, on the reserved example domain', () => {
		// What Short Link → Create shortens by default (Long URL = {{ $json.url }}).
		const pages = new Set(generateSkus(SHOP).map((s) => `https://shop.example.com/products/${s.sku}`));
		expect(posts().filter((p) => p.url === undefined || !pages.has(p.url))).toEqual([]);
		// Titled by product name, the page is that product's.
		const names = new Map(generateSkus(SHOP).map((s) => [s.sku, s.nameZh]));
		const named = posts().filter((p) => [...names.values()].some((name) => p.title.includes(name)));
		expect(named.length).toBeGreaterThan(posts().length / 2);
		const skuOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
		expect(named.filter((p) => !p.title.includes(names.get(skuOf(p.url!))!))).toEqual([]);
	});
});

describe('link codes: posts ↔ short-video orders', () => {
	it("are on orders only when a post carries them", () => {
		const codes = new Set(posts().flatMap((p) => (p.linkCode ? [p.linkCode] : [])));
		expect(orders().filter((o) => o.linkCode !== undefined && !codes.has(o.linkCode))).toEqual([]);
	});

	it('lead to orders on the platform of the post, within 7 days after it', () => {
		const postOf = new Map(posts().flatMap((p) => (p.linkCode ? [[p.linkCode, p] as const] : [])));
		const wrong = orders().filter((o) => {
			if (!o.linkCode) return false;
			const post = postOf.get(o.linkCode)!;
			const days = (Date.parse(o.createdAt.slice(0, 10)) - Date.parse(post.publishedAt.slice(0, 10))) / 86_400_000;
			return o.platform !== post.platform || days < 1 || days > 7;
		});
		expect(wrong).toEqual([]);
	});

	it('never bring more orders than the post had clicks, with a 1–4% overall conversion', () => {
		const perLink = ordersPerLink(orders());
		expect(posts().filter((p) => (perLink.get(p.linkCode ?? '') ?? 0) > p.clicks)).toEqual([]);
		const linked = posts().filter((p) => p.linkCode);
		const clicks = linked.reduce((s, p) => s + p.clicks, 0);
		const attributed = [...perLink.values()].reduce((a, b) => a + b, 0);
		expect(attributed / clicks).toBeGreaterThan(0.01);
		expect(attributed / clicks).toBeLessThan(0.04);
		// Most linked posts brought at least one order.
		expect(linked.filter((p) => perLink.has(p.linkCode!)).length / linked.length).toBeGreaterThan(0.5);
	});

	it('hold for a bigger shop too (10,000 customers, 60,000 orders)', () => {
		const big = { ...SHOP, customers: 10_000, orders: 60_000, seed: 7 };
		const perLink = ordersPerLink(generateOrders(big));
		const bigPosts = generateContentPosts(big);
		expect(bigPosts.filter((p) => (perLink.get(p.linkCode ?? '') ?? 0) > p.clicks)).toEqual([]);
		const clicks = bigPosts.reduce((s, p) => s + p.clicks, 0);
		const attributed = [...perLink.values()].reduce((a, b) => a + b, 0);
		expect(attributed / clicks).toBeGreaterThan(0.01);
		expect(attributed / clicks).toBeLessThan(0.04);
	});
});
