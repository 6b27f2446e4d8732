/**
 * Reorder items as people read them (docs/data-model.md, "Rounded and exact values"): units to
 * whole units, per-day demand to 2 decimals, days of cover to 1, z to 3; the exact values the
 * decisions used in `exact`. Hand values.
 */
import { reorderItem, type NetworkReorderResult, type ReorderResult } from '../../../nodes/lib/inventory';

const result: ReorderResult = {
	sku: 'TEE-01',
	warehouse: 'SH',
	asOf: '2026-03-31',
	status: 'reorder',
	demandPerDay: 12.345678,
	demandStdDev: 3.14159,
	demandMethod: 'mean',
	demandBasis: 'lookback',
	inStockDays: 28,
	stockOutDays: 0,
	leadTimeDays: 3,
	leadTimeStdDays: 0,
	serviceLevel: 0.95,
	serviceFactor: 1.64485362695147,
	safetyStock: 38.39994212958602,
	reorderPoint: 75.436976129586,
	inventoryPosition: 70,
	daysOfCover: 5.6703,
	projectedStockoutDate: '2026-04-06',
	orderPolicy: 'orderUpTo',
	orderUpToLevel: 161.85672212958602,
	suggestedOrderQty: 100,
	orderValue: 2000,
	explanation: '',
	explanationZh: '',
};

describe('reorder item', () => {
	it('a safety stock of 38.39994212958602 reads 38 units; the exact value stays in exact', () => {
		const item = reorderItem(result);
		expect(item).toMatchObject({
			demandPerDay: 12.35,
			demandStdDev: 3.14,
			serviceFactor: 1.645,
			safetyStock: 38,
			reorderPoint: 75,
			daysOfCover: 5.7,
			orderUpToLevel: 162,
			// already whole, or decided: unchanged
			inventoryPosition: 70,
			suggestedOrderQty: 100,
			orderValue: 2000,
			status: 'reorder',
		});
		expect(item.exact).toEqual({
			demandPerDay: 12.345678,
			demandStdDev: 3.14159,
			serviceFactor: 1.64485362695147,
			safetyStock: 38.39994212958602,
			reorderPoint: 75.436976129586,
			daysOfCover: 5.6703,
			orderUpToLevel: 161.85672212958602,
		});
	});

	it('no demand: cover and order-up-to level stay null', () => {
		const item = reorderItem({ ...result, daysOfCover: null, orderUpToLevel: null });
		expect(item).toMatchObject({ daysOfCover: null, orderUpToLevel: null, exact: expect.objectContaining({ daysOfCover: null, orderUpToLevel: null }) });
	});

	it('network mode: each warehouse row reads 2-decimal demand and a 4-decimal share', () => {
		const network: NetworkReorderResult = {
			...result,
			allocations: [{ warehouse: 'SH', demandPerDay: 7.777777, demandStdDev: 1.23456, inventoryPosition: 40, share: 0.6666666, allocatedQty: 60 }],
		};
		expect(reorderItem(network).allocations).toEqual([
			{ warehouse: 'SH', demandPerDay: 7.78, demandStdDev: 1.23, inventoryPosition: 40, share: 0.6667, allocatedQty: 60 },
		]);
	});
});
