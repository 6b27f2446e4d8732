/**
 * Gross margin on price, not markup on cost:
 *   margin = (price − cost) ÷ price      markup = (price − cost) ÷ cost
 * A 40 % margin on a cost of 60 is a price of 100 (60 ÷ (1 − 0.40)); a 40 % markup is 84.
 * Source: gross margin ratio = gross profit ÷ net sales — J. J. Weygandt, P. D. Kimmel,
 * D. E. Kieso, Financial Accounting (IFRS ed.), ch. 5 "Gross profit rate"; markup vs margin:
 * C. T. Horngren et al., Cost Accounting, "target pricing" (markup is on cost).
 *
 * Percent settings are read as basis points (1 % = 100 bp, two decimals) so that every
 * comparison below is in integers: no floor price one cent off because 1400 ÷ 0.7 is
 * 2000.0000000000002 in floating point (a cost of 14.00 at 30 % is 20.00, not 20.01).
 */

export const BASIS_POINTS = 10_000;

/** A percent (e.g. 37.5) as whole basis points (3750). */
export function percentToBasisPoints(percent: number): number {
	return Math.round(percent * 100);
}

/**
 * The lowest price in cents whose margin is at least `marginBp`: the smallest p with
 * (p − cost) ÷ p ≥ m, i.e. p·(1 − m) ≥ cost, p = ⌈cost ÷ (1 − m)⌉. Exact in integers
 * (cost ≤ 10^11 cents, × 10^4 < 2^53). `marginBp` must be below 10,000 (100 %).
 */
export function lowestPriceForMargin(costCents: number, marginBp: number): number {
	const keep = BASIS_POINTS - marginBp;
	const price = Math.floor((costCents * BASIS_POINTS + keep - 1) / keep);
	// A free item (cost 0) still needs a price above zero.
	return Math.max(price, 1);
}

/** Margin of a price in cents, as a ratio (0.4 = 40 %); negative when priced below cost. */
export function marginOf(priceCents: number, costCents: number): number {
	return (priceCents - costCents) / priceCents;
}

/** Markup on cost, as a ratio; null for a cost of 0 (no markup defined). */
export function markupOf(priceCents: number, costCents: number): number | null {
	return costCents === 0 ? null : (priceCents - costCents) / costCents;
}

/** Whether a price keeps at least the margin: (p − c)/p ≥ m ⇔ p·(10⁴ − m) ≥ c·10⁴. */
export function meetsMargin(priceCents: number, costCents: number, marginBp: number): boolean {
	return priceCents * (BASIS_POINTS - marginBp) >= costCents * BASIS_POINTS;
}
