/**
 * How much to order once the reorder point is reached. Four policies:
 *
 * - orderUpTo (periodic review, order-up-to level):  S = ROP + d·R,  Q = S − IP
 *   R = review period in days: the reorder point plus one review period's expected demand,
 *   so the order lasts until the next review. (Chopra & Meindl's periodic-review level also
 *   sizes the safety stock on L + R rather than L; issue #5 fixes S = ROP + d·R.)
 * - daysOfCover (target days of cover):               S = d·(L + T),  Q = S − IP
 *   T = target days of stock after the delivery. Inventory Planner's replenishment rule,
 *   "forecast over (lead time + days of stock) − on hand − on order" (domain.md §4).
 * - eoq (economic order quantity):                    Q = √(2·D·S / H)
 *   D = annual demand = 365·d, S = cost per order, H = holding cost per unit per year =
 *   holding cost rate × unit cost. F. W. Harris, "How Many Parts to Make at Once", Factory,
 *   The Magazine of Management 10(2), 1913; Heizer & Render, "Operations Management",
 *   ch. 12, Example 3 (D = 1,000, S = $10, H = $0.50 → Q* = 200), checked in the tests.
 * - smallBatch — "small batch, fast replenishment" (小单快反): a new SKU's first order is a
 *   set trial quantity B (e.g. 500), less what the position already holds: Q = B − IP, so a
 *   SKU with 100 units on hand orders 400, and once the batch is on order (IP ≥ B) nothing
 *   more is suggested. Once it has measured demand, every order covers the next N days of
 *   it, Q = d·N (a period order quantity), so stock follows what actually sells.
 *
 * The evaluator (reorder.ts) raises any policy's Q to at least the amount that lifts the
 * inventory position above the reorder point, then rounds with `roundOrderQuantity`.
 */

export const DAYS_PER_YEAR = 365;

export type OrderPolicy =
	| { kind: 'orderUpTo'; reviewPeriodDays: number }
	| { kind: 'daysOfCover'; targetDays: number }
	| { kind: 'eoq'; orderingCost: number; holdingCostRate: number }
	| { kind: 'smallBatch'; firstBatchQuantity: number; coverDays: number };

/** S = ROP + d·R. */
export function orderUpToLevel(reorderPointUnits: number, demandPerDay: number, reviewPeriodDays: number): number {
	return reorderPointUnits + demandPerDay * reviewPeriodDays;
}

/** S = d·(L + T). */
export function daysOfCoverLevel(demandPerDay: number, leadTimeDays: number, targetDays: number): number {
	return demandPerDay * (leadTimeDays + targetDays);
}

/**
 * Harris EOQ √(2·D·S / H). Returns null when H ≤ 0 (no unit cost or no holding cost rate:
 * holding stock would be free and the formula has no finite optimum); 0 when D or S is 0.
 */
export function economicOrderQuantity(
	annualDemand: number,
	orderingCost: number,
	holdingCostPerUnitPerYear: number,
): number | null {
	if (!(holdingCostPerUnitPerYear > 0)) return null;
	if (!(annualDemand > 0) || !(orderingCost > 0)) return 0;
	return Math.sqrt((2 * annualDemand * orderingCost) / holdingCostPerUnitPerYear);
}

/**
 * Rounds a wanted quantity to what the supplier sells: nothing when ≤ 0; otherwise up to a
 * whole number of packs, and at least the MOQ (itself rounded up to whole packs, since a
 * part pack cannot be bought). packSize < 1 is read as 1, MOQ < 0 as 0. A wanted quantity
 * within 1e-9 packs above a whole pack counts as that pack (floating-point noise such as
 * 10.000000000000002 must not buy an extra pack).
 */
export function roundOrderQuantity(quantity: number, packSize = 1, moq = 0): number {
	if (!(quantity > 0)) return 0;
	const pack = packSize >= 1 ? packSize : 1;
	const packs = Math.max(1, Math.ceil(quantity / pack - 1e-9));
	const minPacks = moq > 0 ? Math.ceil(moq / pack - 1e-9) : 0;
	return Math.max(packs, minPacks) * pack;
}

export interface OrderQuantityContext {
	demandPerDay: number;
	reorderPoint: number;
	inventoryPosition: number;
	leadTimeDays: number;
	unitCost: number;
	/** True for a SKU with no in-stock day in its whole history (smallBatch first batch). */
	isNew: boolean;
}

export interface PolicyQuantity {
	/** Unrounded quantity the policy asks for (may be ≤ 0: nothing to order). */
	quantity: number;
	/** Order-up-to level S where the policy has one, else null. */
	orderUpToLevel: number | null;
	/** Set when the policy could not apply, e.g. EOQ without a holding cost. */
	note: 'eoq_without_holding_cost' | 'first_batch' | null;
}

/** The quantity a policy asks for, before the reorder-point floor and pack rounding. */
export function policyQuantity(policy: OrderPolicy, context: OrderQuantityContext): PolicyQuantity {
	const { demandPerDay: d, reorderPoint: rop, inventoryPosition: ip } = context;
	switch (policy.kind) {
		case 'orderUpTo': {
			const level = orderUpToLevel(rop, d, policy.reviewPeriodDays);
			return { quantity: level - ip, orderUpToLevel: level, note: null };
		}
		case 'daysOfCover': {
			const level = daysOfCoverLevel(d, context.leadTimeDays, policy.targetDays);
			return { quantity: level - ip, orderUpToLevel: level, note: null };
		}
		case 'eoq': {
			const eoq = economicOrderQuantity(
				d * DAYS_PER_YEAR,
				policy.orderingCost,
				policy.holdingCostRate * context.unitCost,
			);
			return eoq === null
				? { quantity: 0, orderUpToLevel: null, note: 'eoq_without_holding_cost' }
				: { quantity: eoq, orderUpToLevel: null, note: null };
		}
		case 'smallBatch':
			if (context.isNew) {
				// The batch tops the position up to B: stock held or on order counts towards it.
				return { quantity: policy.firstBatchQuantity - ip, orderUpToLevel: null, note: 'first_batch' };
			}
			return { quantity: d * policy.coverDays, orderUpToLevel: null, note: null };
	}
}
