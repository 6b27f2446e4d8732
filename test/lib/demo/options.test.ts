/**
 * Options of the demo shop (nodes/lib/demo/options.ts): the defaults the node shows
 * (nodes/DemoShopData/description.ts), and errors that tell an operator what to change.
 */
import {
	generateContentPosts,
	generateCustomers,
	generateDailySales,
	generateInventory,
	generateOrders,
	type DemoShopOptions,
} from '../../../nodes/lib/demo';
import { UserInputError } from '../../../nodes/lib/errors';
import { defaultDemoOptions } from '../../../nodes/DemoShopData/settings';
import { SHOP } from './shop';

const generators = [generateCustomers, generateOrders, generateInventory, generateDailySales, generateContentPosts];

describe('demo shop options', () => {
	it('default to 2,000 customers, 10,000 orders, 40 SKUs, two warehouses, a year', () => {
		expect(defaultDemoOptions({ endDate: '2025-12-31' })).toEqual({
			seed: 42,
			customers: 2000,
			orders: 10000,
			skus: 40,
			warehouses: ['east-shanghai', 'south-guangzhou'],
			days: 365,
			endDate: '2025-12-31',
		});
	});

	it.each<[string, Partial<DemoShopOptions>, RegExp]>([
		['one warehouse', { warehouses: ['east-shanghai'] }, /at least two|2 to/],
		['a warehouse twice', { warehouses: ['a', 'b', 'a'] }, /"a" is listed twice/],
		['an empty warehouse name', { warehouses: ['a', ' '] }, /non-empty name/],
		['a date that does not exist', { endDate: '2025-02-30' }, /endDate must be a calendar date/],
		['a date with a time', { endDate: '2025-12-31T10:00:00' }, /endDate must be a calendar date/],
		['a date before 1900', { endDate: '1899-12-31' }, /from 1900 on/],
		['fractional orders', { orders: 10.5 }, /orders must be a whole number/],
		['negative customers', { customers: -1 }, /customers must be a whole number/],
		['no SKUs', { skus: 0 }, /skus must be a whole number from 1/],
		['no days', { days: 0 }, /days must be a whole number from 1/],
		['orders without customers', { customers: 0 }, /customers must be at least 1/],
		['a seed that is not a number', { seed: Number.NaN }, /seed must be a number/],
	])('reject %s with a UserInputError', (_, change, message) => {
		for (const generate of generators) {
			expect(() => generate({ ...SHOP, ...change })).toThrow(UserInputError);
			expect(() => generate({ ...SHOP, ...change })).toThrow(message);
		}
	});

	it('accept a small shop: one SKU, two warehouses, one week', () => {
		const tiny: DemoShopOptions = { ...SHOP, customers: 3, orders: 10, skus: 1, days: 7 };
		expect(generateOrders(tiny)).toHaveLength(10);
		expect(generateDailySales(tiny)).toHaveLength(7 * 1 * 2);
		expect(generateInventory(tiny)).toHaveLength(2);
		expect(generateCustomers(tiny)).toHaveLength(3);
		expect(generateContentPosts(tiny).length).toBeGreaterThan(0);
	});

	it('accept an empty shop: no orders', () => {
		const empty: DemoShopOptions = { ...SHOP, customers: 0, orders: 0 };
		expect(generateOrders(empty)).toEqual([]);
		expect(generateCustomers(empty)).toEqual([]);
		expect(generateDailySales(empty).every((r) => r.units === 0)).toBe(true);
		// Nothing sells, so nothing is reordered or oversold; only new SKUs got their first batch.
		expect(generateInventory(empty).every((p) => p.onHand >= 0 && p.onOrder === 0 && p.reserved === 0)).toBe(true);
		expect(generateContentPosts(empty).length).toBeGreaterThan(0);
	});
});
