/**
 * Lifetime value of every customer in one call: fit BG/NBD on all customers and
 * Gamma-Gamma on the returning ones, then predict per customer. This is the one pipeline:
 * RFM Segment calls it (through ../rfm/lifetimeValue.ts, which rounds for output), and the
 * CDNOW reference test checks it; the pieces are exported separately for other uses.
 *
 * Per customer:
 * - probabilityAlive: P(alive | x, t_x, T) (BG/NBD);
 * - expectedPurchases: E[Y(horizon) | x, t_x, T] (BG/NBD eq. 10), undiscounted;
 * - expectedAverageOrderValue: E[M | z̄, x] (Gamma-Gamma; the population mean for x = 0);
 * - predictedClv: discounted expected purchases × expectedAverageOrderValue (see clv.ts).
 *
 * Fallback (documented in docs/nodes/RfmSegment.md, "Lifetime value"): a returning customer
 * whose repeat purchases were all free (spend 0, e.g. gifts) has no spend the Gamma-Gamma
 * model can read; that customer joins the spend model as one without repeat spend, so gets
 * the population mean order value.
 * Everything else the data cannot support is a CLV error (errors.ts).
 */
import { type BgNbdFit, type BgNbdFitOptions, expectedPurchases, fitBgNbd, probabilityAlive } from './bgnbd';
import { type ClvHorizon, discountedExpectedPurchases } from './clv';
import type { CustomerHistory } from './customerHistory';
import { expectedAverageOrderValue, fitGammaGamma, type GammaGammaFit, type SpendHistory } from './gammaGamma';

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
	/** Returning customers whose repeat purchases were all free (see the fallback above). */
	freeRepeatCustomers: number;
}

export type LifetimeValueOptions = ClvHorizon & { bgnbd?: BgNbdFitOptions };

/** Throws a CLV error (see errors.ts) when the data cannot support either fit. */
export function predictLifetimeValue(
	customers: readonly CustomerHistory[],
	options: LifetimeValueOptions,
): LifetimeValueResult {
	// A returning customer without repeat spend is a customer without repeat spend to Gamma-Gamma.
	const spend: SpendHistory[] = customers.map((c) => (c.x > 0 && !((c.monetaryValue ?? 0) > 0) ? { x: 0 } : c));
	const bgnbd = fitBgNbd(customers, options.bgnbd);
	const gammaGamma = fitGammaGamma(spend);
	const discounting = options.annualDiscountRate !== undefined && options.annualDiscountRate > 0;
	return {
		bgnbd,
		gammaGamma,
		customers: customers.map((customer, i) => {
			const purchases = expectedPurchases(bgnbd.parameters, customer, options.horizon);
			const orderValue = expectedAverageOrderValue(gammaGamma.parameters, spend[i]);
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
		freeRepeatCustomers: customers.filter((c, i) => c.x > 0 && spend[i].x === 0).length,
	};
}
