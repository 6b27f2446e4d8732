/**
 * Rounding for the figures people read in an output pane — one rule for the whole pack
 * (docs/data-model.md, "Rounded and exact values"):
 *
 * - money to the currency's minor unit (cents for CNY, USD, EUR; whole yen for JPY; three
 *   decimals for KWD), as ISO 4217 lists them — read from the runtime's ICU data
 *   (`Intl.NumberFormat(…, { style: 'currency' })`, which carries the ISO 4217 table:
 *   https://www.six-group.com/en/products-services/financial-information/data-standards.html);
 * - quantities (units, days of cover, visitors) to whole units, or to one decimal where a
 *   fraction of a unit still means something (days of cover);
 * - shares and rates as a fraction to 4 decimals (0.1371) and as a percent with one decimal
 *   (13.7) in a field named `…Pct`.
 *
 * Rounding is for display only: a node ranks, compares, sums and shifts budget on exact
 * values, and puts the exact value of every rounded field in the item's `exact` object, under
 * the same name, for the next node.
 */

/**
 * `value` to `decimals` places, halves away from zero (as a person rounds 2.5 → 3, −2.5 → −3).
 * The relative nudge of one machine epsilon makes a decimal half that binary floating point
 * stores a hair below it round as written: 1.005 is 1.00499999999999989… in binary, and
 * 1.005 × 100 = 100.49999999999999 (the classic case, ECMAScript Number semantics).
 */
export function roundTo(value: number, decimals: number): number {
	if (!Number.isFinite(value)) return value;
	const scale = 10 ** decimals;
	const scaled = Math.abs(value) * scale;
	const rounded = Math.round(scaled * (1 + Number.EPSILON)) / scale;
	return value < 0 && rounded !== 0 ? -rounded : rounded;
}

const minorUnitsCache = new Map<string, number>();

/** ISO 4217 minor units of a currency code (2 when the code is unknown or absent). */
export function minorUnits(currency?: string): number {
	if (currency === undefined || currency === '') return 2;
	let digits = minorUnitsCache.get(currency);
	if (digits === undefined) {
		try {
			digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
		} catch {
			digits = 2; // not a currency code ICU knows: cents, the common case
		}
		minorUnitsCache.set(currency, digits);
	}
	return digits;
}

/** An amount of money to the currency's minor unit (cents when no currency is given). */
export const displayMoney = (amount: number, currency?: string): number => roundTo(amount, minorUnits(currency));

/** A quantity to whole units (or to `decimals` places where a fraction of a unit reads well). */
export const displayUnits = (quantity: number, decimals = 0): number => roundTo(quantity, decimals);

/** A share or rate as a fraction, to 4 decimals: 0.137146 → 0.1371. */
export const displayShare = (fraction: number): number => roundTo(fraction, 4);

/** A share or rate as a percent with one decimal: 0.137146 → 13.7 (for the `…Pct` fields). */
export const displayPercent = (fraction: number): number => roundTo(fraction * 100, 1);
