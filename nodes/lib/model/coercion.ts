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

/** An id as trimmed, non-empty text; a finite number is taken as its text ("what" names it in errors). */
export function idField(what: string, typeExpected = `a ${what} (text or number)`) {
	return z.preprocess(
		(value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
		z
			.string({ invalid_type_error: typeExpected, required_error: `a ${what}` })
			.trim()
			.min(1, `a non-empty ${what}`),
	);
}
