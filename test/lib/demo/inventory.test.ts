/**
 * Demo daily sales and inventory (nodes/lib/demo/inventory.ts, stock.ts): one row per
 * day × SKU × warehouse, one position per SKU × warehouse, valid against the schemas, and
 * shaped like a real stock history: sold-out days, new SKUs launched late, oversold
 * positions, sales split by the warehouses' demand shares and adding up to the orders.
 */
import { dailySalesSchema, inventoryPositionSchema } from '../../../nodes/lib/model';
import {
	generateDailySales,
	generateInventory,
	generateOrders,
	generateSkus,
	warehouseDemandShares,
} from '../../../nodes/lib/demo';
import { SHOP, WINDOW_START, once } from './shop';

const sales = once(() => generateDailySales(SHOP));
const inventory = once(() => generateInventory(SHOP));
const skus = once(() => generateSkus(SHOP));

describe('generateDailySales', () => {
	it('has one row per day × SKU × warehouse of the window, no more', () => {
		expect(sales()).toHaveLength(365 * 40 * 2);
		const keys = new Set(sales().map((r) => `${r.date}|${r.sku}|${r.warehouse}`));
		expect(keys.size).toBe(sales().length);
		const dates = [...new Set(sales().map((r) => r.date))];
		expect(dates).toHaveLength(365);
		expect(dates[0]).toBe(WINDOW_START);
		expect(dates[364]).toBe(SHOP.endDate);
		expect(new Set(sales().map((r) => r.sku))).toEqual(new Set(skus().map((s) => s.sku)));
		expect(new Set(sales().map((r) => r.warehouse))).toEqual(new Set(SHOP.warehouses));
	});

	it('passes the daily-sales schema, every row', () => {
		expect(sales().filter((r) => !dailySalesSchema.safeParse(r).success)).toEqual([]);
	});

	it('is the same for the same seed and different for another', () => {
		expect(generateDailySales(SHOP)).toEqual(sales());
		expect(generateDailySales({ ...SHOP, seed: 43 })).not.toEqual(sales());
	});

	it('sells nothing on a sold-out day', () => {
		expect(sales().filter((r) => !r.inStock && r.units !== 0)).toEqual([]);
	});

	it('has stock-out days after launch, but on few of the days', () => {
		const launch = new Map(skus().map((s) => [s.sku, s.launchDate]));
		const onSale = sales().filter((r) => r.date >= launch.get(r.sku)!);
		const soldOut = onSale.filter((r) => !r.inStock);
		expect(soldOut.length).toBeGreaterThan(0);
		expect(soldOut.length / onSale.length).toBeLessThan(0.05);
		expect(new Set(soldOut.map((r) => r.sku)).size).toBeGreaterThan(1);
	});

	it('marks the days before a late launch as not in stock, with no sales', () => {
		const late = skus().filter((s) => s.launchDate > WINDOW_START);
		expect(late.length).toBeGreaterThan(0);
		for (const s of late) {
			const before = sales().filter((r) => r.sku === s.sku && r.date < s.launchDate);
			expect(before.length).toBeGreaterThan(0);
			expect(before.every((r) => !r.inStock && r.units === 0)).toBe(true);
			const after = sales().filter((r) => r.sku === s.sku && r.date >= s.launchDate);
			expect(after.reduce((n, r) => n + r.units, 0)).toBeGreaterThan(0);
		}
	});

	it("splits each SKU's sales over the warehouses by their demand shares (± 5 points)", () => {
		const shares = warehouseDemandShares(SHOP);
		expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
		const total = sales().reduce((n, r) => n + r.units, 0);
		for (const warehouse of SHOP.warehouses) {
			const units = sales().filter((r) => r.warehouse === warehouse).reduce((n, r) => n + r.units, 0);
			expect(Math.abs(units / total - shares[warehouse])).toBeLessThan(0.05);
		}
		// The first warehouse is the main one.
		expect(shares[SHOP.warehouses[0]]).toBeGreaterThan(shares[SHOP.warehouses[1]]);
	});

	it('adds up to the units of the orders that were not cancelled (± 10%)', () => {
		const orderUnits = generateOrders(SHOP)
			.filter((o) => o.status !== 'cancelled')
			.reduce((n, o) => n + o.lines.reduce((m, l) => m + l.quantity, 0), 0);
		const units = sales().reduce((n, r) => n + r.units, 0);
		expect(units / orderUnits).toBeGreaterThan(0.9);
		expect(units / orderUnits).toBeLessThan(1.1);
	});

	it('follows the same calendar as the orders: Double 11 is the best day', () => {
		const perDay = new Map<string, number>();
		for (const r of sales()) perDay.set(r.date, (perDay.get(r.date) ?? 0) + r.units);
		const best = [...perDay].sort((a, b) => b[1] - a[1])[0][0];
		expect(best).toBe('2025-11-11');
	});

	it('covers three warehouses when asked', () => {
		const three = generateDailySales({ ...SHOP, warehouses: ['north-beijing', 'east-shanghai', 'west-chengdu'], days: 30, skus: 5 });
		expect(three).toHaveLength(30 * 5 * 3);
	});
});

describe('generateInventory', () => {
	it('has one position per SKU × warehouse of the daily sales', () => {
		expect(inventory()).toHaveLength(80);
		const positionKeys = inventory().map((p) => `${p.sku}|${p.warehouse}`).sort();
		const salesKeys = [...new Set(sales().map((r) => `${r.sku}|${r.warehouse}`))].sort();
		expect(positionKeys).toEqual(salesKeys);
	});

	it('passes the inventory schema, every position', () => {
		expect(inventory().filter((p) => !inventoryPositionSchema.safeParse(p).success)).toEqual([]);
	});

	it('is the same for the same seed and different for another', () => {
		expect(generateInventory(SHOP)).toEqual(inventory());
		expect(generateInventory({ ...SHOP, seed: 43 })).not.toEqual(inventory());
	});

	it('has a few oversold positions (negative on hand), sold on the last day', () => {
		const oversold = inventory().filter((p) => p.onHand < 0);
		expect(oversold.length).toBeGreaterThan(0);
		expect(oversold.length).toBeLessThan(10);
		for (const p of oversold) {
			const last = sales().find((r) => r.date === SHOP.endDate && r.sku === p.sku && r.warehouse === p.warehouse)!;
			expect(last.inStock).toBe(true);
			expect(last.units).toBeGreaterThanOrEqual(-p.onHand);
		}
	});

	it('has stock on hand for most positions and purchase orders under way for some', () => {
		expect(inventory().filter((p) => p.onHand > 0).length).toBeGreaterThan(60);
		expect(inventory().some((p) => p.onOrder > 0)).toBe(true);
		expect(inventory().some((p) => p.reserved > 0)).toBe(true);
	});

	it("carries the SKU's supplier terms and cost: lead time, MOQ in whole packs, unit cost below list price", () => {
		const bySku = new Map(skus().map((s) => [s.sku, s]));
		for (const p of inventory()) {
			const sku = bySku.get(p.sku)!;
			expect(p.unitCost).toBe(sku.unitCost);
			expect(p.unitCost).toBeLessThan(sku.listPrice);
			expect(p.moq % p.packSize).toBe(0);
			expect(p.leadTimeDays).toBeGreaterThanOrEqual(sku.leadTimeDays);
			expect(p.leadTimeStdDays).toBe(sku.leadTimeStdDays);
		}
		// Suppliers differ: lead times from about a week to over a month.
		const leadTimes = inventory().map((p) => p.leadTimeDays);
		expect(Math.min(...leadTimes)).toBeLessThan(10);
		expect(Math.max(...leadTimes)).toBeGreaterThan(20);
	});
});
