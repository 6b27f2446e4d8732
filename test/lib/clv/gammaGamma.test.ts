/**
 * Gamma-Gamma spend model: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis", JMR 42(4); Fader & Hardie (2013), "The Gamma-Gamma
 * Model of Monetary Value". Published CDNOW fit on the 946 returning customers (z̄ = mean
 * value of the repeat purchases): p = 6.25, q = 3.74, γ = 15.44 (the note; the lifetimes
 * docs print v = 15.45).
 */
import {
	expectedAverageOrderValue,
	fitGammaGamma,
	gammaGammaLogLikelihood,
	populationMeanOrderValue,
	simulateCustomers,
} from '../../../nodes/lib/clv';
import { UserInputError } from '../../../nodes/lib/errors';
import { readCdnow, relativeError } from './fixtures';

const cdnow = readCdnow();
const fit = fitGammaGamma(cdnow);

function expectClvError(run: () => unknown, code: string, customerIndex?: number): void {
	let thrown: unknown;
	try {
		run();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(UserInputError);
	expect((thrown as UserInputError).code).toBe(code);
	if (customerIndex !== undefined) expect((thrown as UserInputError).itemIndex).toBe(customerIndex);
}

describe('fitGammaGamma on CDNOW reproduces the published fit', () => {
	it('uses the 946 returning customers only', () => {
		expect(fit.customers).toBe(946);
		expect(fit.converged).toBe(true);
	});

	it.each([
		['p', 6.25],
		['q', 3.74],
		['v', 15.45],
	] as const)('%s = %p within 1%', (name, published) => {
		expect(relativeError(fit.parameters[name], published)).toBeLessThan(0.01);
	});

	it('v also matches the Fader & Hardie note’s γ = 15.44', () => {
		expect(fit.parameters.v).toBeCloseTo(15.44, 1);
	});

	it('is a maximum of the likelihood', () => {
		const { p, q, v } = fit.parameters;
		const best = gammaGammaLogLikelihood(fit.parameters, cdnow);
		expect(best).toBeCloseTo(fit.logLikelihood, 8);
		for (const nudged of [
			{ p: p * 1.01, q, v },
			{ p, q: q * 1.01, v },
			{ p, q, v: v * 0.99 },
		]) {
			expect(gammaGammaLogLikelihood(nudged, cdnow)).toBeLessThan(best);
		}
	});

	it('does not depend on the currency unit: cents give v × 100 and the same p, q', () => {
		const inCents = cdnow.map((customer) => ({ ...customer, monetaryValue: (customer.monetaryValue ?? 0) * 100 }));
		const centFit = fitGammaGamma(inCents);
		expect(relativeError(centFit.parameters.v, fit.parameters.v * 100)).toBeLessThan(1e-6);
		expect(relativeError(centFit.parameters.p, fit.parameters.p)).toBeLessThan(1e-6);
		expect(relativeError(centFit.parameters.q, fit.parameters.q)).toBeLessThan(1e-6);
		expect(centFit.logLikelihood).toBeCloseTo(fit.logLikelihood - 946 * Math.log(100), 4);
	});
});

describe('expectedAverageOrderValue matches the lifetimes docs (conditional_expected_average_profit)', () => {
	it.each([
		[1, 24.658619],
		[2, 18.911489],
		[3, 35.170981], // x = 0: the population mean p v / (q − 1)
		[6, 71.462843],
		[7, 18.911489],
		[9, 27.282408],
	])('customer %p: %p', (id, published) => {
		const customer = cdnow.find((c) => c.id === id);
		expect(customer).toBeDefined();
		expect(relativeError(expectedAverageOrderValue(fit.parameters, customer!), published)).toBeLessThan(2e-6);
	});

	it('averages 35.2529588256 over all 2,357 customers, against a raw mean of 35.078551797 over the returning ones', () => {
		const expected = cdnow.map((customer) => expectedAverageOrderValue(fit.parameters, customer));
		const mean = expected.reduce((sum, value) => sum + value, 0) / expected.length;
		expect(relativeError(mean, 35.2529588256)).toBeLessThan(2e-6);
		const returning = cdnow.filter((customer) => customer.x > 0);
		const rawMean = returning.reduce((sum, c) => sum + (c.monetaryValue ?? 0), 0) / returning.length;
		expect(rawMean).toBeCloseTo(35.078551797, 8);
	});

	it('is a weighted mean of the population mean and the customer’s own z̄, moving toward z̄ as x grows', () => {
		const population = populationMeanOrderValue(fit.parameters);
		let previousGap = Infinity;
		for (const x of [1, 2, 5, 20, 100]) {
			const value = expectedAverageOrderValue(fit.parameters, { x, monetaryValue: 100 });
			expect(value).toBeGreaterThan(population);
			expect(value).toBeLessThan(100);
			expect(100 - value).toBeLessThan(previousGap);
			previousGap = 100 - value;
		}
	});
});

describe('fitGammaGamma recovers known parameters from simulated customers', () => {
	it('20,000 customers drawn with the CDNOW parameters (seeded)', () => {
		const spend = { p: 6.25, q: 3.74, v: 15.45 };
		const simulated = simulateCustomers({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 20000, seed: 11, spend });
		const recovered = fitGammaGamma(simulated);
		expect(recovered.converged).toBe(true);
		expect(relativeError(recovered.parameters.p, spend.p)).toBeLessThan(0.1);
		expect(relativeError(recovered.parameters.q, spend.q)).toBeLessThan(0.15);
		expect(relativeError(recovered.parameters.v, spend.v)).toBeLessThan(0.2);
		// the identified quantity, the population mean p v / (q − 1), much tighter
		expect(relativeError(populationMeanOrderValue(recovered.parameters), (spend.p * spend.v) / (spend.q - 1))).toBeLessThan(0.03);
	});
});

describe('spend data that cannot support a fit gives a typed UserInputError, never NaN', () => {
	it('empty input: EMPTY_INPUT', () => {
		expectClvError(() => fitGammaGamma([]), 'EMPTY_INPUT');
	});

	it('fewer than 2 returning customers: INSUFFICIENT_DATA', () => {
		expectClvError(() => fitGammaGamma([{ x: 0 }, { x: 0 }]), 'INSUFFICIENT_DATA');
		expectClvError(() => fitGammaGamma([{ x: 2, monetaryValue: 30 }, { x: 0 }]), 'INSUFFICIENT_DATA');
	});

	it('every returning customer with the same average order value: IDENTICAL_CUSTOMERS', () => {
		expectClvError(
			() => fitGammaGamma([{ x: 1, monetaryValue: 20 }, { x: 4, monetaryValue: 20 }, { x: 2, monetaryValue: 20 }]),
			'IDENTICAL_CUSTOMERS',
		);
	});

	it.each([
		['missing', undefined],
		['zero (refunded)', 0],
		['negative', -5],
		['NaN', Number.NaN],
	])('a returning customer whose average order value is %s: INVALID_INPUT naming it', (_name, monetaryValue) => {
		const customers = [{ x: 1, monetaryValue: 20 }, { x: 0 }, { x: 3, monetaryValue }];
		expectClvError(() => fitGammaGamma(customers), 'INVALID_INPUT', 2);
	});

	it('q <= 1 leaves customers without repeat purchases without a finite mean: UNDEFINED_MEAN', () => {
		const heavyTailed = { p: 2, q: 0.8, v: 10 };
		expectClvError(() => expectedAverageOrderValue(heavyTailed, { x: 0 }), 'UNDEFINED_MEAN');
		// a returning customer still has one when p x + q > 1
		expect(expectedAverageOrderValue(heavyTailed, { x: 1, monetaryValue: 30 })).toBeCloseTo((2 * (10 + 30)) / 1.8, 12);
	});
});
