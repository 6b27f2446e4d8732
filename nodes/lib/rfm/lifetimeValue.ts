/**
 * Lifetime value for RFM Segment's customers: their purchase histories (../orders/aggregate.ts,
 * the same pass over the orders that gives R, F and M) go to the CLV library's one pipeline
 * (../clv/lifetimeValue.ts): BG/NBD
 * (Fader, Hardie & Lee 2005) fitted on all customers for the number of future purchases,
 * Gamma-Gamma on the returning ones for their value, then per customer P(alive), expected
 * purchases over the horizon, expected average order value and predicted CLV.
 *
 * Units: purchases are counted per day or per ISO week (../orders/aggregate.ts); t_x, T and
 * the horizon are in that unit, so the fitted α is too. The horizon is given in days (a week =
 * 7 days). Repeat purchases that were all free (net value 0): see the fallback in
 * ../clv/lifetimeValue.ts. Everything else the data cannot support is a CLV error the node
 * reports.
 */
import { roundTo } from '../display';
import { type CustomerHistory, predictLifetimeValue } from '../clv';
import { roundMoney, type PurchaseHistory, type PurchasePeriod } from '../orders';

export interface LifetimeValueSettings {
	period: PurchasePeriod;
	/** Prediction horizon in days. */
	horizonDays: number;
	/** e.g. 0.1 for 10 % a year; undefined or 0: no discounting. */
	annualDiscountRate?: number;
}

export interface CustomerLifetimeValueFields {
	probabilityAlive: number;
	expectedPurchases: number;
	expectedAverageOrderValue: number;
	predictedClv: number;
}

export interface LifetimeValueModel {
	model: string;
	timeUnit: PurchasePeriod;
	horizonDays: number;
	annualDiscountRate: number | null;
	customers: number;
	returningCustomers: number;
	/** Returning customers whose repeat purchases were all free (see the fallback above). */
	freeRepeatCustomers: number;
	bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; converged: boolean };
	gammaGamma: { p: number; q: number; v: number; logLikelihood: number; converged: boolean };
	warnings: string[];
}

export interface LifetimeValueOutput {
	customers: CustomerLifetimeValueFields[];
	model: LifetimeValueModel;
}

const DAYS_PER_YEAR = 365;
/** Rounded for reading (../display.ts, the pack's one rounding rule). */
const round = roundTo;
const significant = (value: number) => Number(value.toPrecision(6));

/** The CLV library's history of one customer; `monetaryValue` in base-currency units. */
export function toCustomerHistory(history: PurchaseHistory): CustomerHistory {
	const { repeatPurchases: x } = history;
	return {
		x,
		tx: history.lastPurchaseAge,
		T: history.observedPeriods,
		monetaryValue: x > 0 ? history.repeatValueCents / 100 / x : undefined,
	};
}

/**
 * The CLV library's one pipeline (../clv/lifetimeValue.ts) on the customers' histories, with
 * the horizon in days turned into periods and the results rounded for output (input order).
 * Throws the CLV library's UserInputError (with a code) when the data cannot support a fit.
 */
export function predictCustomerLifetimeValue(
	histories: readonly PurchaseHistory[],
	settings: LifetimeValueSettings,
): LifetimeValueOutput {
	const unitDays = settings.period === 'week' ? 7 : 1;
	const rate = settings.annualDiscountRate ?? 0;
	const { bgnbd, gammaGamma, customers, freeRepeatCustomers } = predictLifetimeValue(histories.map(toCustomerHistory), {
		horizon: settings.horizonDays / unitDays,
		annualDiscountRate: rate,
		timeUnitsPerYear: DAYS_PER_YEAR / unitDays,
	});
	const { r, alpha, a, b } = bgnbd.parameters;
	const { p, q, v } = gammaGamma.parameters;
	return {
		customers: customers.map((c) => ({
			probabilityAlive: round(c.probabilityAlive, 4),
			expectedPurchases: round(c.expectedPurchases, 4),
			expectedAverageOrderValue: roundMoney(c.expectedAverageOrderValue),
			predictedClv: roundMoney(c.predictedClv),
		})),
		model: {
			model: 'BG/NBD + Gamma-Gamma',
			timeUnit: settings.period,
			horizonDays: settings.horizonDays,
			annualDiscountRate: rate > 0 ? rate : null,
			customers: bgnbd.customers,
			returningCustomers: bgnbd.returningCustomers,
			freeRepeatCustomers,
			bgnbd: {
				r: significant(r),
				alpha: significant(alpha),
				a: significant(a),
				b: significant(b),
				logLikelihood: round(bgnbd.logLikelihood, 4),
				converged: bgnbd.converged,
			},
			gammaGamma: {
				p: significant(p),
				q: significant(q),
				v: significant(v),
				logLikelihood: round(gammaGamma.logLikelihood, 4),
				converged: gammaGamma.converged,
			},
			warnings: [...bgnbd.warnings, ...gammaGamma.warnings],
		},
	};
}

export interface SegmentLifetimeValue {
	/** Sum of the segment's predicted CLV. */
	predictedClv: number;
	meanPredictedClv: number;
	meanProbabilityAlive: number;
}

/** Per segment: total and mean predicted CLV, mean P(alive). */
export function summarizeLifetimeValueBySegment(
	segments: readonly string[],
	values: readonly CustomerLifetimeValueFields[],
): Map<string, SegmentLifetimeValue> {
	const totals = new Map<string, { n: number; clv: number; alive: number }>();
	segments.forEach((segment, i) => {
		const t = totals.get(segment) ?? { n: 0, clv: 0, alive: 0 };
		t.n++;
		t.clv += values[i].predictedClv;
		t.alive += values[i].probabilityAlive;
		totals.set(segment, t);
	});
	return new Map(
		[...totals].map(([segment, t]) => [
			segment,
			{ predictedClv: roundMoney(t.clv), meanPredictedClv: roundMoney(t.clv / t.n), meanProbabilityAlive: round(t.alive / t.n, 4) },
		]),
	);
}
