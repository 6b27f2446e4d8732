/**
 * Price endings ("charm pricing": 19.9, 29, 9.99). A price ending is a step and a remainder
 * in cents: a price ends in it when price ≡ remainder (mod step). Rule: round DOWN to the
 * nearest price with the ending, unless that goes below the margin floor (or to zero or
 * less), then round UP to the nearest one instead — never below the floor, and as close to
 * the computed price as the ending allows. Why down first: the point of a charm price is to
 * sit just under a round figure (M. Thomas, V. Morwitz, "Penny Wise and Pound Foolish: The
 * Left-Digit Effect in Price Cognition", Journal of Consumer Research 32(1), 2005).
 */

export const PRICE_ENDINGS = {
	/** Cents as computed. */
	none: { step: 1, remainder: 0 },
	/** Whole units: 20.00. */
	whole: { step: 100, remainder: 0 },
	/** One decimal 9: 19.90 (the common Chinese marketplace ending, 19.9 元). */
	dot9: { step: 100, remainder: 90 },
	/** 19.99. */
	dot99: { step: 100, remainder: 99 },
	/** Whole units ending in 9: 29.00, 199.00. */
	nine: { step: 1000, remainder: 900 },
} as const;

export type PriceEnding = keyof typeof PRICE_ENDINGS;

const mod = (a: number, m: number) => ((a % m) + m) % m;

/** The nearest price with the ending at or below `cents` (may be ≤ 0 for a small price). */
export function roundDownToEnding(cents: number, ending: PriceEnding): number {
	const { step, remainder } = PRICE_ENDINGS[ending];
	return cents - mod(cents - remainder, step);
}

/** The nearest price with the ending at or above `cents`. */
export function roundUpToEnding(cents: number, ending: PriceEnding): number {
	const { step, remainder } = PRICE_ENDINGS[ending];
	return cents + mod(remainder - cents, step);
}

/**
 * The price shown to buyers: `cents` rounded down to the ending, or up when down would fall
 * below `floorCents` (or to zero or less). `cents` must itself be at or above the floor.
 */
export function applyPriceEnding(cents: number, ending: PriceEnding, floorCents: number): number {
	const down = roundDownToEnding(cents, ending);
	if (down >= floorCents && down > 0) return down;
	return roundUpToEnding(Math.max(cents, floorCents, 1), ending);
}
