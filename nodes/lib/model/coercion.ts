/**
 * How the input parsers forgive exports that differ from the model without ambiguity: a
 * number written as text ("19.90", as CSV and sheet rows deliver amounts) and an id that is a
 * number (SKU 10023, a customer id exported as a number). One definition for every parser
 * (orders, customers, inventory, daily sales, traffic, coupon customers).
 */
import { z } from 'zod';

/** Decimal text: optional minus, digits, optional decimals ("19.90", "-3"); no exponent, no "1,024". */
export const DECIMAL_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * Count text: digits only ("1024"). Traffic counts read only this: "-5" or "3.5" stay text and
 * are reported as "a whole number ≥ 0" rather than converted and then refused as a number.
 */
export const COUNT_TEXT = /^\s*\d+\s*$/;

export const isBlank = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Text matching `pattern` becomes its number; anything else passes through to the schema. */
export function numberFromText(pattern: RegExp = DECIMAL_TEXT) {
	return (value: unknown): unknown => (typeof value === 'string' && pattern.test(value) ? Number(value) : value);
}

/** A finite number, or decimal text holding one, checked by `check`; `expected` names it in errors. */
export function numberField(expected: string, check: (n: z.ZodNumber) => z.ZodTypeAny = (n) => n) {
	return z.preprocess(
		numberFromText(DECIMAL_TEXT),
		check(z.number({ invalid_type_error: expected, required_error: expected }).finite(expected)),
	);
}

/** As numberField, but a missing or empty value reads as `fallback`. */
export function optionalNumberField(expected: string, fallback: number, check?: (n: z.ZodNumber) => z.ZodTypeAny) {
	return z.preprocess((value) => (isBlank(value) ? fallback : value), numberField(expected, check));
}

/**
 * Longest id (order, customer, SKU, warehouse, channel) the parsers accept, in UTF-16 code
 * units. Why a bound at all: V8 hashes a string longer than 16,383 characters by its length
 * only (String::kMaxHashCalcLength), so equal-length long ids collide in every Map and Set the
 * calculations key by id, and a run turns quadratic (issue 14: 2,000 orders with
 * 17,000-character ids took RFM from 0.4 s to 9.7 s). 256 is far above every id a shop platform
 * issues (Shopify's gid://shopify/Order/… is under 40) and far below the hashing limit.
 */
export const MAX_ID_LENGTH = 256;

/** A trimmed, non-empty id of at most MAX_ID_LENGTH characters (the parsers' fast lanes). */
export const isCleanId = (value: unknown): value is string =>
	typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH && (plainEnds(value) || value.trim() === value);

/**
 * Neither end can be trimmed: both are printable ASCII (33–126), which no white space or line
 * terminator of String.prototype.trim is. Checking the two ends saves trim's scan and copy on
 * the ids of a million orders; any other end goes to trim itself.
 */
const plainEnds = (value: string): boolean => {
	const first = value.charCodeAt(0);
	const last = value.charCodeAt(value.length - 1);
	return first > 32 && first < 127 && last > 32 && last < 127;
};

/**
 * "a" or "an" before a name in an English error ("an order id", "a customer id", "an integer"),
 * by the sound of the first letter for the nouns these messages use: a, e, i, o take "an"; u
 * does too unless it sounds like "you" (unit, user, usual); "SKU" is said as one word, "a SKU".
 */
export function withArticle(noun: string): string {
	return /^[aeio]/i.test(noun) || /^u(?!ni|se|su)/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** An id as trimmed, non-empty text; a finite number is taken as its text ("what" names it in errors). */
export function idField(what: string, typeExpected = `${withArticle(what)} (text or number)`) {
	return z.preprocess(
		(value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
		z
			.string({ invalid_type_error: typeExpected, required_error: withArticle(what) })
			.trim()
			.min(1, `a non-empty ${what}`)
			.max(MAX_ID_LENGTH, `${withArticle(what)} of at most ${MAX_ID_LENGTH} characters`),
	);
}

/**
 * Documented ranges of the numeric input fields (docs/nodes/<Node>.md, "Limits"). Why: a
 * finite but huge value (1e308) overflows to Infinity in the first sum or product, which JSON
 * turns into null (RFM `monetary: null`, "order Infinity now"). Each bound is far above any
 * real shop and low enough that every output stays finite — and money in cents exact
 * (1e9 per order × 100 cents × 90,000 orders of one customer < 2^53).
 */
export const INPUT_LIMITS = {
	/** An order's amount or refund, in its currency. */
	amount: 1_000_000_000,
	/** A customer's total spend (RFM customer input). */
	monetary: 1_000_000_000_000,
	/** Units: on hand (±), on order, reserved, minimum order, units sold per day. */
	units: 1_000_000_000,
	/** Pack size in units. */
	packSize: 1_000_000,
	/** Supplier lead time and its standard deviation, in days (two years). */
	leadTimeDays: 730,
	/** Unit cost, in the shop's currency. */
	unitCost: 1_000_000_000,
	/** Recency of a pre-aggregated customer, in days (100 years). */
	recencyDays: 36_500,
	/** Orders of a pre-aggregated customer. */
	frequency: 1_000_000_000,
	/** Visitors (or sessions) of one channel on one day. */
	visitors: 1_000_000_000_000,
} as const;

/** "a number ≤ 1,000,000,000": the wording every range error uses. */
export const formatLimit = (limit: number): string => limit.toLocaleString('en-US');
