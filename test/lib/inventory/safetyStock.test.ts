/**
 * SS = z·√(L·σd² + d²·σL²) and ROP = d·L + SS (nodes/lib/inventory/safetyStock.ts), checked
 * against worked textbook examples. The functions are unit-agnostic: an example in weeks is
 * fed in weeks.
 */
import { leadTimeDemandStdDev, reorderPoint, safetyStock, serviceLevelToZ } from '../../../nodes/lib/inventory';

describe('safety stock and reorder point — textbook examples', () => {
	it('Chopra & Meindl, impact of lead-time (supply) uncertainty: σL = 17,550, ss = 22,491', () => {
		// S. Chopra & P. Meindl, "Supply Chain Management", 3rd ed. (Pearson 2007), ch. 11
		// "Managing Uncertainty in the Supply Chain: Safety Inventory", slide "Impact of Supply
		// Uncertainty": D = 2,500/day; σD = 500; L = 7 days; sL = 7 days; CSL = 0.90;
		// σL = √(L·σD² + D²·sL²) = √((7)500² + (2500)²(7)²) = 17,550;
		// ss = F⁻¹s(CSL)·σL = NORMSINV(0.90) × 17,550 = 22,491.
		const sigma = leadTimeDemandStdDev(2500, 500, 7, 7);
		expect(Math.round(sigma)).toBe(17550);
		expect(Math.round(safetyStock(serviceLevelToZ(0.9), 2500, 500, 7, 7))).toBe(22491);
		// DL = D·L = 17,500 expected demand over the lead time.
		expect(reorderPoint(2500, 7, 0)).toBe(17500);
	});

	it('Chopra & Meindl Example 11.1 (B&M Office Supplies): σL = 707, ss = ROP − DL = 1,000', () => {
		// Same book, "Example 11.1: Estimating Safety Inventory (Continuous Review Policy)":
		// D = 2,500/week; σD = 500; L = 2 weeks; ROP = 6,000; DL = 5,000; ss = 6,000 − 5,000 =
		// 1,000; σL = √L·σD = √2·500 = 707.
		expect(Math.round(leadTimeDemandStdDev(2500, 500, 2))).toBe(707);
		expect(reorderPoint(2500, 2, 1000)).toBe(6000);
	});

	it('Taylor, I-75 Carpet Discount Store: R = 300 + 1.65·5·√10 = 326.1 yd', () => {
		// B. W. Taylor, "Introduction to Management Science", ch. 16 "Reorder Point with Variable
		// Demand": mean daily demand 30 yd, σd = 5 yd, lead time 10 days, 95 % service level with
		// Z = 1.65 from the book's table: R = d̄L + Zσd√L → safety stock 26.1 yd, R = 326.1 yd.
		const ss = safetyStock(1.65, 30, 5, 10);
		expect(ss).toBeCloseTo(26.09, 2);
		expect(reorderPoint(30, 10, ss)).toBeCloseTo(326.1, 1);
		// With the exact z = Φ⁻¹(0.95) = 1.6449 instead of the table's 1.65:
		expect(reorderPoint(30, 10, safetyStock(serviceLevelToZ(0.95), 30, 5, 10))).toBeCloseTo(326.01, 2);
	});

	it('Heizer & Render solved problem: constant demand, variable lead time, ROP = 513.6', () => {
		// J. Heizer & B. Render, "Operations Management", ch. 12 "Managing Inventory", solved
		// problem: demand constant at 60 surgery packs/week, lead time normal with mean 6 weeks
		// and σLT = 2 weeks, 90 % service level, Z = 1.28:
		// ROP = (60 × 6) + 1.28(60)(2) = 360 + 153.6 = 513.6 ≈ 514 packs.
		const ss = safetyStock(1.28, 60, 0, 6, 2);
		expect(ss).toBeCloseTo(153.6, 10);
		expect(reorderPoint(60, 6, ss)).toBeCloseTo(513.6, 10);
	});

	it('reduces to z·σd·√L when σL = 0 and to z·d·σL when σd = 0', () => {
		expect(safetyStock(2, 10, 3, 9)).toBeCloseTo(2 * 3 * 3, 12);
		expect(safetyStock(2, 10, 0, 9, 1.5)).toBeCloseTo(2 * 10 * 1.5, 12);
	});

	it('gives SS = ROP = 0 for lead time 0 with no lead-time spread, and for zero demand', () => {
		expect(safetyStock(1.6449, 12, 4, 0, 0)).toBe(0);
		expect(reorderPoint(12, 0, 0)).toBe(0);
		expect(safetyStock(1.6449, 0, 0, 7, 2)).toBe(0);
		// Lead time 0 but uncertain (σL = 1 day): SS = z·d·σL still protects.
		expect(safetyStock(2, 12, 4, 0, 1)).toBe(24);
	});
});
