/**
 * Predicted CLV = discounted expected purchases (BG/NBD) × expected average order value
 * (Gamma-Gamma). The discounted sum follows the lifetimes package's
 * customer_lifetime_value; its docs (Quickstart, "Estimating customer lifetime value")
 * publish CDNOW values for 12 steps of 30 time units at 1% per step, which is an annual
 * rate of 1.01^12 − 1 with 360 time units a year in our terms.
 */
import {
	type CustomerHistory,
	discountedExpectedPurchases,
	expectedPurchases,
	fitBgNbd,
	predictedClv,
	predictLifetimeValue,
} from '../../../nodes/lib/clv';
import { UserInputError } from '../../../nodes/lib/errors';
import { readCdnow, relativeError } from './fixtures';

const cdnow = readCdnow();
const LIFETIMES_DOCS_HORIZON = {
	horizon: 360,
	discountPeriod: 30,
	timeUnitsPerYear: 360,
	annualDiscountRate: Math.pow(1.01, 12) - 1,
};

describe('predictLifetimeValue on CDNOW reproduces the lifetimes docs’ CLV', () => {
	const result = predictLifetimeValue(cdnow, LIFETIMES_DOCS_HORIZON);

	it.each([
		[1, 140.096211],
		[2, 18.943467],
		[3, 38.180574],
		[6, 1003.868107],
		[7, 28.109683],
		[9, 167.418216],
	])('customer %p: %p', (id, published) => {
		const index = cdnow.findIndex((customer) => customer.id === id);
		expect(relativeError(result.customers[index].predictedClv, published)).toBeLessThan(2e-6);
	});

	it('carries the fitted parameters and log-likelihoods for the summary', () => {
		expect(result.bgnbd.parameters.r).toBeCloseTo(0.2426, 4);
		expect(result.bgnbd.logLikelihood).toBeCloseTo(-9582.43, 2);
		expect(result.gammaGamma.parameters.p).toBeCloseTo(6.2488, 4);
		expect(Number.isFinite(result.gammaGamma.logLikelihood)).toBe(true);
	});

	it('gives every customer finite, non-negative values (no NaN anywhere)', () => {
		expect(result.customers).toHaveLength(cdnow.length);
		for (const customer of result.customers) {
			for (const value of Object.values(customer)) {
				expect(Number.isFinite(value)).toBe(true);
				expect(value).toBeGreaterThanOrEqual(0);
			}
			expect(customer.probabilityAlive).toBeLessThanOrEqual(1);
		}
	});
});

describe('discounting', () => {
	const { parameters } = fitBgNbd(cdnow);
	const customer: CustomerHistory = { x: 2, tx: 30.43, T: 38.86 };

	it('without a rate, CLV = E[Y(horizon)] × average order value', () => {
		const value = predictedClv(parameters, customer, 25, { horizon: 52 });
		expect(value).toBeCloseTo(expectedPurchases(parameters, customer, 52) * 25, 12);
	});

	it('a positive rate lowers it, and a vanishing rate approaches the undiscounted value', () => {
		const undiscounted = discountedExpectedPurchases(parameters, customer, { horizon: 104 });
		const at10 = discountedExpectedPurchases(parameters, customer, { horizon: 104, annualDiscountRate: 0.1, timeUnitsPerYear: 52 });
		const atTiny = discountedExpectedPurchases(parameters, customer, { horizon: 104, annualDiscountRate: 1e-9, timeUnitsPerYear: 52 });
		expect(at10).toBeLessThan(undiscounted);
		expect(relativeError(atTiny, undiscounted)).toBeLessThan(1e-8);
	});

	it('discounts each period from its end: one period of a year at 10% divides by 1.1', () => {
		const oneYear = discountedExpectedPurchases(parameters, customer, {
			horizon: 52,
			annualDiscountRate: 0.1,
			timeUnitsPerYear: 52,
			discountPeriod: 52,
		});
		expect(oneYear).toBeCloseTo(expectedPurchases(parameters, customer, 52) / 1.1, 12);
	});

	it('a horizon that is not a whole number of periods ends with a shorter period (90 days in months)', () => {
		const days = { x: 14, tx: 213, T: 272 };
		const dailyParameters = { ...parameters, alpha: parameters.alpha * 7 };
		const value = discountedExpectedPurchases(dailyParameters, days, { horizon: 90, annualDiscountRate: 0.12, timeUnitsPerYear: 365 });
		const month = 365 / 12;
		const cumulative = [month, 2 * month, 90].map((t) => expectedPurchases(dailyParameters, days, t));
		const byHand =
			cumulative[0] / Math.pow(1.12, month / 365) +
			(cumulative[1] - cumulative[0]) / Math.pow(1.12, (2 * month) / 365) +
			(cumulative[2] - cumulative[1]) / Math.pow(1.12, 90 / 365);
		expect(value).toBeCloseTo(byHand, 12);
	});

	it.each([
		['a rate without the length of a year', { horizon: 52, annualDiscountRate: 0.1 }],
		['a negative rate', { horizon: 52, annualDiscountRate: -0.1, timeUnitsPerYear: 52 }],
		['a negative horizon', { horizon: -1 }],
		['a zero discount period', { horizon: 52, annualDiscountRate: 0.1, timeUnitsPerYear: 52, discountPeriod: 0 }],
	])('%s: UserInputError INVALID_INPUT', (_name, options) => {
		expect(() => discountedExpectedPurchases(parameters, customer, options)).toThrow(UserInputError);
	});

	it('a negative or NaN average order value: UserInputError INVALID_INPUT', () => {
		expect(() => predictedClv(parameters, customer, -3, { horizon: 52 })).toThrow(UserInputError);
		expect(() => predictedClv(parameters, customer, Number.NaN, { horizon: 52 })).toThrow(UserInputError);
	});
});

describe('predictLifetimeValue passes on the typed errors of the fits', () => {
	it('empty input', () => {
		expect(() => predictLifetimeValue([], { horizon: 90 })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
	});

	it('one returning customer', () => {
		const customers = [{ x: 0, tx: 0, T: 50 }, { x: 2, tx: 20, T: 40, monetaryValue: 30 }];
		expect(() => predictLifetimeValue(customers, { horizon: 90 })).toThrow(
			expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
		);
	});

	it('all customers identical', () => {
		const customers = Array.from({ length: 10 }, () => ({ x: 1, tx: 5, T: 9, monetaryValue: 12 }));
		expect(() => predictLifetimeValue(customers, { horizon: 90 })).toThrow(
			expect.objectContaining({ code: 'IDENTICAL_CUSTOMERS' }),
		);
	});
});
