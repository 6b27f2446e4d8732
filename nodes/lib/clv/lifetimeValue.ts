/**
 * Lifetime value of every customer in one call: fit BG/NBD on all customers and
 * Gamma-Gamma on the returning ones, then predict per customer. This is what the n8n glue
 * calls; the pieces are exported separately for other uses.
 *
 * Per customer:
 * - probabilityAlive: P(alive | x, t_x, T) (BG/NBD);
 * - expectedPurchases: E[Y(horizon) | x, t_x, T] (BG/NBD eq. 10), undiscounted;
 * - expectedAverageOrderValue: E[M | z̄, x] (Gamma-Gamma; the population mean for x = 0);
 * - predictedClv: discounted expected purchases × expectedAverageOrderValue (see clv.ts).
 */
import { type BgNbdFit, type BgNbdFitOptions, expectedPurchases, fitBgNbd, probabilityAlive } from './bgnbd';
import { type ClvHorizon, discountedExpectedPurchases } from './clv';
import type { CustomerHistory } from './customerHistory';
import { expectedAverageOrderValue, fitGammaGamma, type GammaGammaFit } from './gammaGamma';

export interface CustomerLifetimeValue {
	probabilityAlive: number;
	expectedPurchases: number;
	expectedAverageOrderValue: number;
	predictedClv: number;
}

export interface LifetimeValueResult {
	bgnbd: BgNbdFit;
	gammaGamma: GammaGammaFit;
	/** in input order */
	customers: CustomerLifetimeValue[];
}

export type LifetimeValueOptions = ClvHorizon & { bgnbd?: BgNbdFitOptions };

/** Throws ClvError (see errors.ts) when the data cannot support either fit. */
export function predictLifetimeValue(
	customers: readonly CustomerHistory[],
	options: LifetimeValueOptions,
): LifetimeValueResult {
	const bgnbd = fitBgNbd(customers, options.bgnbd);
	const gammaGamma = fitGammaGamma(customers);
	const discounting = options.annualDiscountRate !== undefined && options.annualDiscountRate > 0;
	return {
		bgnbd,
		gammaGamma,
		customers: customers.map((customer) => {
			const purchases = expectedPurchases(bgnbd.parameters, customer, options.horizon);
			const orderValue = expectedAverageOrderValue(gammaGamma.parameters, customer);
			const discountedPurchases = discounting
				? discountedExpectedPurchases(bgnbd.parameters, customer, options)
				: purchases;
			return {
				probabilityAlive: probabilityAlive(bgnbd.parameters, customer),
				expectedPurchases: purchases,
				expectedAverageOrderValue: orderValue,
				predictedClv: discountedPurchases * orderValue,
			};
		}),
	};
}
