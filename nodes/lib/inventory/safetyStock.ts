/**
 * Safety stock and reorder point under uncertain daily demand and uncertain lead time.
 *
 *   σL·d = √( L·σd² + d²·σL² )     standard deviation of demand over the lead time
 *   SS   = z·σL·d                   (= z·σd·√L when σL = 0; = z·d·σL when σd = 0)
 *   ROP  = d·L + SS
 *
 * d, σd: mean and standard deviation of daily demand; L, σL: mean and standard deviation of
 * the lead time in days; z = Φ⁻¹(cycle service level). Demand per day and lead time are taken
 * as independent. Source: S. Chopra & P. Meindl, "Supply Chain Management: Strategy,
 * Planning, and Operation", chapter "Managing Uncertainty in a Supply Chain: Safety
 * Inventory", section on the impact of supply (lead-time) uncertainty; Heizer & Render,
 * "Operations Management", ch. 12, and Taylor, "Introduction to Management Science", give
 * the special cases. Their worked examples are checked in test/lib/inventory/safetyStock.test.ts.
 *
 * Units are whatever the inputs use (days in this pack; the textbook tests use weeks).
 * Lead time 0 with σL = 0 gives SS = 0 and ROP = 0; zero demand gives ROP = 0.
 */

/** √(L·σd² + d²·σL²). */
export function leadTimeDemandStdDev(
	demandPerDay: number,
	demandStdDev: number,
	leadTimeDays: number,
	leadTimeStdDays = 0,
): number {
	return Math.sqrt(
		leadTimeDays * demandStdDev * demandStdDev + demandPerDay * demandPerDay * leadTimeStdDays * leadTimeStdDays,
	);
}

/** SS = z·√(L·σd² + d²·σL²). */
export function safetyStock(
	z: number,
	demandPerDay: number,
	demandStdDev: number,
	leadTimeDays: number,
	leadTimeStdDays = 0,
): number {
	return z * leadTimeDemandStdDev(demandPerDay, demandStdDev, leadTimeDays, leadTimeStdDays);
}

/** ROP = d·L + SS. */
export function reorderPoint(demandPerDay: number, leadTimeDays: number, safetyStockUnits: number): number {
	return demandPerDay * leadTimeDays + safetyStockUnits;
}
