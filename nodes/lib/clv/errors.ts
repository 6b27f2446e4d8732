/**
 * Why a lifetime-value calculation could not give a number. The calculations never return
 * NaN: data that cannot support a fit, or an argument outside a formula's domain, is
 * reported as a UserInputError with one of these codes, and the n8n glue maps it to a
 * NodeOperationError.
 *
 * - EMPTY_INPUT: no customers at all.
 * - INVALID_INPUT: a customer's history is impossible (negative or non-integer x, t_x > T,
 *   t_x > 0 with x = 0, a missing or non-positive spend for a returning customer, ...).
 *   `itemIndex` names the offending customer (0-based position in the input).
 * - INSUFFICIENT_DATA: fewer than 2 returning customers (x > 0): neither the drop-out
 *   process of BG/NBD nor the spend heterogeneity of Gamma-Gamma is identified.
 * - IDENTICAL_CUSTOMERS: every customer has the same history (BG/NBD) or the same average
 *   order value (Gamma-Gamma): the likelihood has no interior maximum.
 * - UNDEFINED_MEAN: Gamma-Gamma with q <= 1 has no population mean spend, so a customer
 *   without repeat purchases has no expected average order value.
 * - NUMERICAL_FAILURE: a prediction could not be computed to full accuracy or overflowed
 *   the double range; happens only with parameters far outside anything a well-posed fit
 *   produces (e.g. a ≈ 1e-5 with b ≈ 1e6 from a fit flagged `converged: false` because it
 *   ran to a boundary).
 */
import { UserInputError } from '../errors';

export type ClvErrorCode =
	| 'EMPTY_INPUT'
	| 'INVALID_INPUT'
	| 'INSUFFICIENT_DATA'
	| 'IDENTICAL_CUSTOMERS'
	| 'UNDEFINED_MEAN'
	| 'NUMERICAL_FAILURE';

/**
 * A CLV problem as the one user-input error type, with its code; `itemIndex` names the
 * customer (0-based position in the histories given).
 */
export function clvError(code: ClvErrorCode, message: string, customerIndex?: number): UserInputError {
	return new UserInputError(message, { code, itemIndex: customerIndex });
}
