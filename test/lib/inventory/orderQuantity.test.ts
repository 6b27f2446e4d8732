/**
 * Order quantity policies and rounding (nodes/lib/inventory/orderQuantity.ts).
 */
import {
	daysOfCoverLevel,
	economicOrderQuantity,
	orderUpToLevel,
	policyQuantity,
	roundOrderQuantity,
	type OrderQuantityContext,
} from '../../../nodes/lib/inventory';

describe('EOQ = √(2DS/H)', () => {
	it('Heizer & Render Example 3, Sharp, Inc.: D = 1,000, S = $10, H = $0.50 → Q* = 200', () => {
		// J. Heizer & B. Render, "Operations Management", ch. 12, Example 3 "Finding the optimal
		// order size at Sharp, Inc.": Q* = √(2(1,000)(10) / 0.50) = √40,000 = 200 units.
		expect(economicOrderQuantity(1000, 10, 0.5)).toBe(200);
		// Its learning exercise: "If D increases to 1,200 units, what is the new Q*? [Answer: 219]"
		expect(Math.round(economicOrderQuantity(1200, 10, 0.5) as number)).toBe(219);
	});

	it('reads D from d per day × 365 and H from holding cost rate × unit cost in the eoq policy', () => {
		// d = 1,000/365 per day, unit cost 2, rate 25 % → D = 1,000, H = 0.5: Sharp, Inc. again.
		const context: OrderQuantityContext = {
			demandPerDay: 1000 / 365,
			reorderPoint: 0,
			inventoryPosition: 0,
			leadTimeDays: 0,
			unitCost: 2,
			isNew: false,
		};
		const q = policyQuantity({ kind: 'eoq', orderingCost: 10, holdingCostRate: 0.25 }, context);
		expect(q.quantity).toBeCloseTo(200, 9);
		expect(q.note).toBeNull();
	});

	it('has no finite optimum without a holding cost (null), and is 0 without demand or ordering cost', () => {
		expect(economicOrderQuantity(1000, 10, 0)).toBeNull();
		expect(economicOrderQuantity(0, 10, 0.5)).toBe(0);
		expect(economicOrderQuantity(1000, 0, 0.5)).toBe(0);
		const q = policyQuantity(
			{ kind: 'eoq', orderingCost: 10, holdingCostRate: 0.25 },
			{ demandPerDay: 3, reorderPoint: 10, inventoryPosition: 0, leadTimeDays: 2, unitCost: 0, isNew: false },
		);
		expect(q).toEqual({ quantity: 0, orderUpToLevel: null, note: 'eoq_without_holding_cost' });
	});
});

describe('order-up-to, target cover and small-batch policies', () => {
	const context: OrderQuantityContext = {
		demandPerDay: 10,
		reorderPoint: 80,
		inventoryPosition: 50,
		leadTimeDays: 5,
		unitCost: 1,
		isNew: false,
	};

	it('order-up-to: S = ROP + d × review period; Q = S − IP', () => {
		expect(orderUpToLevel(80, 10, 7)).toBe(150);
		expect(policyQuantity({ kind: 'orderUpTo', reviewPeriodDays: 7 }, context)).toEqual({
			quantity: 100,
			orderUpToLevel: 150,
			note: null,
		});
	});

	it('target days of cover: S = d × (L + T) (Inventory Planner); Q = S − IP', () => {
		expect(daysOfCoverLevel(10, 5, 30)).toBe(350);
		expect(policyQuantity({ kind: 'daysOfCover', targetDays: 30 }, context).quantity).toBe(300);
	});

	it('小单快反: a new SKU gets the first batch once; afterwards Q = d × N days', () => {
		const policy = { kind: 'smallBatch' as const, firstBatchQuantity: 500, coverDays: 7 };
		expect(policyQuantity(policy, { ...context, isNew: true, inventoryPosition: 0 })).toEqual({
			quantity: 500,
			orderUpToLevel: null,
			note: 'first_batch',
		});
		// The first batch is already on order: do not order it twice (Q ≤ 0 orders nothing).
		expect(policyQuantity(policy, { ...context, isNew: true, inventoryPosition: 500 }).quantity).toBe(0);
		expect(policyQuantity(policy, { ...context, isNew: true, inventoryPosition: 504 }).quantity).toBe(-4);
		expect(policyQuantity(policy, context).quantity).toBe(70);
	});

	it('小单快反: the first batch tops the position up to the batch size, B − IP', () => {
		const policy = { kind: 'smallBatch' as const, firstBatchQuantity: 500, coverDays: 7 };
		// 120 units already held or on order (e.g. samples, or part of the batch placed): 380 more.
		expect(policyQuantity(policy, { ...context, isNew: true, inventoryPosition: 120 }).quantity).toBe(380);
		// 6 units backordered (reserved beyond stock): the batch plus the backorders.
		expect(policyQuantity(policy, { ...context, isNew: true, inventoryPosition: -6 }).quantity).toBe(506);
	});
});

describe('rounding to pack size and MOQ', () => {
	it.each([
		// [wanted, packSize, moq, ordered]
		[0, 12, 0, 0],
		[-5, 12, 100, 0], // nothing wanted: no MOQ order
		[1, 1, 0, 1], // packSize 1, MOQ 0: a whole unit
		[0.2, 1, 0, 1],
		[13, 12, 0, 24], // up to whole packs
		[24, 12, 0, 24],
		[10, 1, 50, 50], // at least the MOQ
		[10, 12, 50, 60], // MOQ 50 is not a whole number of packs of 12: 5 packs
		[70, 12, 50, 72],
		[10.000000000000002, 1, 0, 10], // floating-point noise does not buy another unit
	])('wanted %p, pack %p, MOQ %p → %p', (wanted, pack, moq, ordered) => {
		expect(roundOrderQuantity(wanted, pack, moq)).toBe(ordered);
	});

	it('reads packSize < 1 as 1 and a negative MOQ as 0', () => {
		expect(roundOrderQuantity(3.5, 0, -4)).toBe(4);
	});
});
