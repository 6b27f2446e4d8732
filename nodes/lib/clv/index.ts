/**
 * Customer lifetime value: BG/NBD (Fader, Hardie & Lee 2005) for the number of future
 * purchases, Gamma-Gamma (Fader, Hardie & Lee 2005; Fader & Hardie 2013) for their value.
 * Pure calculations: plain data in, plain data out, no n8n imports; problems are thrown as
 * UserInputError with a code (errors.ts) the node maps to a NodeOperationError.
 */
export { clvError, type ClvErrorCode } from './errors';
export { type CustomerHistory, assertValidHistory } from './customerHistory';
export {
	type BgNbdParameters,
	type BgNbdFit,
	type BgNbdFitOptions,
	bgNbdLogLikelihood,
	fitBgNbd,
	probabilityAlive,
	expectedPurchases,
	expectedPurchasesNewCustomer,
} from './bgnbd';
export {
	type GammaGammaParameters,
	type GammaGammaFit,
	type SpendHistory,
	fitGammaGamma,
	gammaGammaLogLikelihood,
	expectedAverageOrderValue,
	populationMeanOrderValue,
} from './gammaGamma';
export { type ClvHorizon, predictedClv, discountedExpectedPurchases } from './clv';
export {
	type CustomerLifetimeValue,
	type LifetimeValueOptions,
	type LifetimeValueResult,
	predictLifetimeValue,
} from './lifetimeValue';
export { hyp2f1, powerTimesHyp2f1 } from './hyp2f1';
export { logGamma } from './logGamma';
export { digamma } from './digamma';
export { minimizeBfgs, type MinimizeOptions, type MinimizeResult } from './bfgs';
export { type SimulationOptions, simulateCustomers, seededUniform, gammaVariate } from './simulate';
