/**
 * Predicted customer lifetime value over a horizon: expected purchases (BG/NBD) times the
 * expected average order value (Gamma-Gamma), optionally discounted.
 *
 * Without discounting: CLV = E[Y(H) | x, t_x, T] · E[M].
 *
 * With an annual discount rate d the horizon is cut into periods of length Δ (default one
 * month, i.e. a twelfth of `timeUnitsPerYear`; the last period may be shorter), and each
 * period's expected purchases are discounted from the end of that period:
 *   CLV = E[M] · Σ_i (E[Y(t_i)] − E[Y(t_{i−1})]) / (1 + d)^(t_i / timeUnitsPerYear),
 *   t_i = min(i Δ, H).
 * This is the discrete discounted-cash-flow sum of the lifetimes package
 * (customer_lifetime_value: monthly steps, each step's increment of the cumulative
 * conditional expectation discounted by (1 + monthly rate)^i), with the rate given per
 * year: a monthly rate m is the annual rate (1 + m)^12 − 1. Fader, Hardie & Lee (2005, "RFM
 * and CLV") discount continuously instead (their DET); for BG/NBD that integral has no
 * closed form, and at monthly steps the two differ by well under one month's interest.
 */
import { type BgNbdParameters, expectedPurchases } from './bgnbd';
import type { CustomerHistory } from './customerHistory';
import { clvError } from './errors';

export interface ClvHorizon {
	/** prediction horizon, in the time unit of the customer histories */
	horizon: number;
	/** e.g. 0.1 for 10% a year; 0 or absent: no discounting */
	annualDiscountRate?: number;
	/** time units in a year (365 for days, 52 for weeks, 12 for months); needed to discount */
	timeUnitsPerYear?: number;
	/** length of a discounting period in time units; default timeUnitsPerYear / 12 */
	discountPeriod?: number;
}

export function predictedClv(
	bgnbd: BgNbdParameters,
	customer: CustomerHistory,
	averageOrderValue: number,
	options: ClvHorizon,
): number {
	if (!(Number.isFinite(averageOrderValue) && averageOrderValue >= 0)) {
		throw clvError('INVALID_INPUT', `The average order value is ${averageOrderValue}; expected a number >= 0`);
	}
	return averageOrderValue * discountedExpectedPurchases(bgnbd, customer, options);
}

/**
 * Σ_i (E[Y(t_i)] − E[Y(t_{i−1})]) / (1 + d)^(t_i / timeUnitsPerYear): expected purchases
 * over the horizon, each discounted from the end of its period; E[Y(H)] when d = 0.
 */
export function discountedExpectedPurchases(
	bgnbd: BgNbdParameters,
	customer: CustomerHistory,
	options: ClvHorizon,
): number {
	const { horizon } = options;
	const rate = options.annualDiscountRate ?? 0;
	if (!(Number.isFinite(horizon) && horizon >= 0)) {
		throw clvError('INVALID_INPUT', `The CLV horizon is ${horizon}; expected a finite number >= 0`);
	}
	if (!(Number.isFinite(rate) && rate >= 0)) {
		throw clvError('INVALID_INPUT', `The annual discount rate is ${rate}; expected a number >= 0 (0.1 for 10%)`);
	}
	if (rate === 0 || horizon === 0) return expectedPurchases(bgnbd, customer, horizon);
	const perYear = options.timeUnitsPerYear;
	if (perYear === undefined || !(Number.isFinite(perYear) && perYear > 0)) {
		throw clvError(
			'INVALID_INPUT',
			`Discounting needs the number of time units per year (365 for days, 52 for weeks); got ${perYear}`,
		);
	}
	const period = options.discountPeriod ?? perYear / 12;
	if (!(Number.isFinite(period) && period > 0)) {
		throw clvError('INVALID_INPUT', `The discount period is ${period}; expected a number > 0`);
	}
	// ignore a last sliver left only by rounding (e.g. 90 days in periods of 365/12)
	const periods = Math.max(1, Math.ceil(horizon / period - 1e-9));
	let total = 0;
	let previousCumulative = 0;
	for (let i = 1; i <= periods; i++) {
		const end = i === periods ? horizon : i * period;
		const cumulative = expectedPurchases(bgnbd, customer, end);
		total += (cumulative - previousCumulative) / Math.pow(1 + rate, end / perYear);
		previousCumulative = cumulative;
	}
	return total;
}
