/**
 * Demo customers (nodes/lib/demo/customers.ts): valid against the customer schema,
 * deterministic, and a mix of the buyers an RFM segmentation should find.
 */
import { customerSchema } from '../../../nodes/lib/model';
import { generateCustomers, generateOrders } from '../../../nodes/lib/demo';
import { SHOP, countBy, once } from './shop';

const customers = once(() => generateCustomers(SHOP));

describe('generateCustomers', () => {
	it('gives exactly the number of customers asked, ids C00001…', () => {
		expect(customers()).toHaveLength(2000);
		expect(customers()[0].customerId).toBe('C00001');
		expect(customers()[1999].customerId).toBe('C02000');
		expect(new Set(customers().map((c) => c.customerId)).size).toBe(2000);
	});

	it('passes the customer schema, every one', () => {
		expect(customers().filter((c) => !customerSchema.safeParse(c).success)).toEqual([]);
	});

	it('is the same for the same seed and different for another', () => {
		expect(generateCustomers(SHOP)).toEqual(customers());
		expect(generateCustomers({ ...SHOP, seed: 43 })).not.toEqual(customers());
	});

	it('keeps each customer when the shop grows: the first 50 of 2,000 are the 50 of a 50-customer shop', () => {
		expect(generateCustomers({ ...SHOP, customers: 50 })).toEqual(customers().slice(0, 50));
	});

	it('does not depend on what was generated before', () => {
		generateOrders({ ...SHOP, seed: 7, orders: 500 });
		expect(generateCustomers(SHOP)).toEqual(customers());
	});

	it('has platform ids on one or more known platforms, unique per platform', () => {
		const known = ['douyin', 'xiaohongshu', 'pinduoduo', 'taobao', 'tmall', 'youzan', 'shopify'];
		const seen = new Map<string, Set<string>>();
		let multi = 0;
		for (const c of customers()) {
			const entries = Object.entries(c.platformIds);
			expect(entries.length).toBeGreaterThanOrEqual(1);
			if (entries.length > 1) multi++;
			for (const [platform, id] of entries) {
				expect(known).toContain(platform);
				// Taobao and Tmall share one Alibaba account: the same id on both is fine.
				const key = platform === 'tmall' ? 'taobao' : platform;
				const ids = seen.get(key) ?? new Set<string>();
				seen.set(key, ids);
				if (platform !== 'tmall' || !c.platformIds.taobao) {
					expect(ids.has(id)).toBe(false);
					ids.add(id);
				}
			}
		}
		expect(multi).toBeGreaterThan(200);
		expect(seen.size).toBe(6);
	});

	it('gives some customers a birthday (YYYY-MM-DD or --MM-DD) and a memberSince not after the end date', () => {
		const withBirthday = customers().filter((c) => c.birthday);
		expect(withBirthday.length).toBeGreaterThan(600);
		expect(withBirthday.length).toBeLessThan(1400);
		expect(withBirthday.some((c) => /^\d{4}-/.test(c.birthday!))).toBe(true);
		expect(withBirthday.some((c) => c.birthday!.startsWith('--'))).toBe(true);
		for (const c of withBirthday) {
			const year = Number(c.birthday!.slice(0, 4));
			if (!c.birthday!.startsWith('--')) expect(year >= 1969 && year <= 2008).toBe(true);
		}
		const members = customers().filter((c) => c.memberSince);
		expect(members.length).toBeGreaterThan(1000);
		expect(members.every((c) => c.memberSince! <= SHOP.endDate)).toBe(true);
		// Some joined before the window: members the shop already had.
		expect(members.some((c) => c.memberSince! < '2025-01-01')).toBe(true);
	});

	it('tags each customer with persona, first channel, city tier, gender and interest', () => {
		const personas = countBy(customers(), (c) => c.tags!.find((t) => t.startsWith('persona:'))!);
		expect(personas['persona:one_off']).toBeGreaterThan(900);
		for (const p of ['occasional', 'loyal', 'lapsed', 'big_spender']) expect(personas[`persona:${p}`]).toBeGreaterThan(10);
		for (const c of customers()) {
			expect(c.tags!.map((t) => t.split(':')[0])).toEqual(['persona', 'source', 'city', 'gender', 'interest']);
		}
	});

	it('gives an empty list for a shop with no customers', () => {
		expect(generateCustomers({ ...SHOP, customers: 0, orders: 0 })).toEqual([]);
	});
});
