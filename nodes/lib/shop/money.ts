/**
 * Money as platforms send it, read exactly. Chinese platforms send integer fen (分, 1/100
 * yuan: Douyin's pay_amount) or yuan as decimal text (Youzan "12.30"); Shopify and
 * WooCommerce send decimal text. Amounts are carried as integer cents internally so that a
 * sum of order lines equals the order total to the cent, and written as numbers in the model.
 */

/** "12.30" / "12.3" / 12.3 → 1230; NaN when the text is not a plain non-negative decimal. */
export function decimalToCents(value: unknown): number {
	if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : NaN;
	if (typeof value !== 'string') return NaN;
	const match = /^\s*(-?)(\d+)(?:\.(\d{0,2})(\d*))?\s*$/.exec(value);
	if (!match) return NaN;
	const [, sign, whole, cents = '', rest = ''] = match;
	// A third decimal rounds half up; platforms send 2, but tax-inclusive prices can have more.
	let result = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
	if (rest !== '' && Number(rest[0]) >= 5) result += 1;
	return sign === '-' ? -result : result;
}

/** Integer fen/cents → the model's number (1230 → 12.3). */
export function centsToAmount(cents: number): number {
	return Math.round(cents) / 100;
}

/** The model's number → the platform's fen (12.3 → 1230), rounding to the cent. */
export function amountToCents(amount: number): number {
	return Math.round(amount * 100);
}
