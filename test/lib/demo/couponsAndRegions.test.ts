/**
 * What Tag Matrix reads on demo data (nodes/lib/demo/regions.ts, coupons.ts): each customer's
 * province, carried on their orders; each order line's category from the catalog; coupons on
 * a share of the orders, with the discount consistent with the amount.
 */
import type { Order } from '../../../nodes/lib/model';
import { generateContentPosts, generateCustomers, generateOrders, generateSkus } from '../../../nodes/lib/demo';
import { SHOP, countBy, once } from './shop';

const orders = once(() => generateOrders(SHOP));
const customers = once(() => generateCustomers(SHOP));
const cents = (x: number) => Math.round(x * 100);
const linesCents = (o: Order) => o.lines.reduce((s, l) => s + l.quantity * cents(l.unitPrice), 0);

/** The provinces by macro-region and the shares the generator states (regions.ts), written out by hand. */
const MACRO_REGION: Record<string, string> = {
	上海: 'east', 江苏: 'east', 浙江: 'east', 山东: 'east', 安徽: 'east', 福建: 'east',
	广东: 'south', 广西: 'south', 海南: 'south',
	北京: 'north', 天津: 'north', 河北: 'north', 辽宁: 'north',
	湖北: 'central', 湖南: 'central', 河南: 'central',
	四川: 'west', 重庆: 'west', 陕西: 'west', 云南: 'west',
};
const STATED_SHARE: Record<string, number> = { east: 0.41, south: 0.2, north: 0.14, central: 0.13, west: 0.12 };

/** Days of the platform sales in 2025 (calendar.ts promotionPriceFactor): pre-New Year, 618, Double 11, 12.12. */
function festivalDay(date: string): boolean {
	return (
		(date >= '2025-01-09' && date <= '2025-01-20') ||
		(date >= '2025-05-31' && date <= '2025-06-18') ||
		(date >= '2025-10-31' && date <= '2025-11-11') ||
		date === '2025-12-12'
	);
}

describe('demo regions', () => {
	it('gives every customer a province, east and south China leading, near the stated shares', () => {
		const macro = countBy(customers(), (c) => MACRO_REGION[c.region!] ?? `unknown ${c.region}`);
		expect(Object.keys(macro).sort()).toEqual(Object.keys(STATED_SHARE).sort());
		// 2,000 customers: a share's standard error is at most 1.1 points; allow 3.5.
		for (const [region, share] of Object.entries(STATED_SHARE)) expect(Math.abs(macro[region] / 2000 - share)).toBeLessThan(0.035);
		expect(macro.east).toBeGreaterThan(macro.south);
		expect(macro.south).toBeGreaterThan(macro.north);
	});

	it("ships every order to its customer's province", () => {
		const regionOf = new Map(customers().map((c) => [c.customerId, c.region]));
		expect(orders().filter((o) => o.region === undefined || o.region !== regionOf.get(o.customerId))).toEqual([]);
	});
});

describe('demo order lines', () => {
	it("carry their SKU's catalog category", () => {
		const categoryOf = new Map(generateSkus(SHOP).map((s) => [s.sku, s.category]));
		const wrong = orders().flatMap((o) => o.lines).filter((l) => l.category === undefined || l.category !== categoryOf.get(l.sku));
		expect(wrong).toEqual([]);
		expect(new Set(orders().flatMap((o) => o.lines.map((l) => l.category))).size).toBeGreaterThanOrEqual(5);
	});
});

describe('demo coupons', () => {
	const withCoupon = () => orders().filter((o) => o.couponCode !== undefined);
	const share = (list: Order[]) => list.filter((o) => o.couponCode !== undefined).length / list.length;

	it('are on 10–35% of the orders, each with a discount > 0, and never a discount without a code', () => {
		expect(share(orders())).toBeGreaterThan(0.1);
		expect(share(orders())).toBeLessThan(0.35);
		expect(withCoupon().filter((o) => !(o.discount! > 0))).toEqual([]);
		expect(orders().filter((o) => o.couponCode === undefined && o.discount !== undefined)).toEqual([]);
	});

	it('take their percentage off the price before the coupon: amount = lines − discount, to the fen', () => {
		const percentOff = (code: string) => (code.startsWith('PROMO-') ? 10 : { NEW10: 10, FEST15: 15, VIP8: 8, SHOP5: 5 }[code]);
		const wrong = withCoupon().filter((o) => {
			const before = linesCents(o);
			const units = o.lines.reduce((s, l) => s + l.quantity, 0);
			// Each unit's price before the coupon is rounded to the fen: at most half a fen per unit off.
			return before - cents(o.discount!) !== cents(o.amount) || Math.abs((before * percentOff(o.couponCode!)!) / 100 - cents(o.discount!)) > units * 0.5;
		});
		expect(wrong).toEqual([]);
	});

	it('new-customer coupons on first orders only, festival coupons on sale days, member coupons in the private domain', () => {
		const firstOrder = new Set<string>();
		const seen = new Set<string>();
		for (const o of orders()) {
			if (!seen.has(o.customerId)) firstOrder.add(o.orderId);
			seen.add(o.customerId);
		}
		const byCode = (code: string) => withCoupon().filter((o) => o.couponCode === code);
		for (const code of ['NEW10', 'FEST15', 'VIP8', 'SHOP5']) expect(byCode(code).length).toBeGreaterThan(20);
		expect(byCode('NEW10').filter((o) => !firstOrder.has(o.orderId))).toEqual([]);
		expect(byCode('FEST15').filter((o) => !festivalDay(o.createdAt.slice(0, 10)))).toEqual([]);
		expect(byCode('VIP8').filter((o) => o.channel !== 'private_domain')).toEqual([]);
	});

	it("give a promotion video's viewers its coupon, named after its link code, on most of their orders", () => {
		const promotionLinks = new Set(
			generateContentPosts(SHOP)
				.filter((p) => p.category === 'promotion' && p.linkCode !== undefined)
				.map((p) => p.linkCode),
		);
		const fromPromotion = orders().filter((o) => promotionLinks.has(o.linkCode));
		expect(fromPromotion.length).toBeGreaterThan(30);
		expect(share(fromPromotion)).toBeGreaterThan(0.55);
		const promoCoupons = withCoupon().filter((o) => o.couponCode!.startsWith('PROMO-'));
		expect(promoCoupons.filter((o) => o.couponCode !== `PROMO-${o.linkCode}` || !promotionLinks.has(o.linkCode))).toEqual([]);
	});

	it('are used more on sale days, and far more by some customers (the price-sensitive) than by others', () => {
		const other = orders().filter((o) => !o.couponCode?.startsWith('PROMO-'));
		const festival = other.filter((o) => festivalDay(o.createdAt.slice(0, 10)));
		const ordinary = other.filter((o) => !festivalDay(o.createdAt.slice(0, 10)));
		expect(share(festival)).toBeGreaterThan(share(ordinary) * 1.3);
		// Repeat buyers' own coupon share: a group near 55% and a group near 6%, few between.
		const perCustomer = new Map<string, Order[]>();
		for (const o of other) perCustomer.set(o.customerId, [...(perCustomer.get(o.customerId) ?? []), o]);
		const shares = [...perCustomer.values()].filter((list) => list.length >= 12).map(share);
		const hunters = shares.filter((s) => s >= 0.35).length;
		const rare = shares.filter((s) => s <= 0.2).length;
		expect(hunters).toBeGreaterThan(10);
		expect(rare).toBeGreaterThan(hunters);
		expect(hunters + rare).toBeGreaterThan(shares.length * 0.85);
	});
});
