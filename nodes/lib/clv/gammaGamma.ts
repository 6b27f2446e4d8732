/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4);
 * derivation in Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
 * - a customer's transaction values are Gamma(p, ν), ν ~ Gamma(q, γ) across customers
 *   (γ is called v here, as in the lifetimes package);
 * - so the mean z̄ of a customer's x repeat transactions has density
 *     f(z̄ | p, q, v; x) = Γ(px+q) / (Γ(px) Γ(q)) · v^q · x^(px) · z̄^(px−1) / (v + x z̄)^(px+q).
 * The model assumes spend is independent of purchase frequency; fit it on customers with
 * x > 0, whose z̄ is the mean value of their repeat purchases.
 */
import type { CustomerHistory } from './customerHistory';
import { digamma } from './digamma';
import { clvError } from './errors';
import { logGamma } from './logGamma';
import { minimizeFromStarts } from './multiStart';

export interface GammaGammaParameters {
	/** shape of the per-transaction spend distribution */
	p: number;
	/** shape of the Gamma distribution of the per-customer rate ν */
	q: number;
	/** scale of that distribution (γ in Fader & Hardie), in money units */
	v: number;
}

export interface GammaGammaFit {
	parameters: GammaGammaParameters;
	/** maximised log-likelihood of the z̄ values, in the input's money unit */
	logLikelihood: number;
	iterations: number;
	converged: boolean;
	/** returning customers (x > 0) the model was fitted to */
	customers: number;
	warnings: string[];
}

export type SpendHistory = Pick<CustomerHistory, 'x' | 'monetaryValue'>;

const DEFAULT_SCALED_STARTS: readonly (readonly number[])[] = [
	[1, 1, 1],
	[5, 3, 0.5],
	[2, 10, 10],
];
const LOG_PARAMETER_BOUND = 11.5;
const LOG_PARAMETER_BOX = 25;
const PARAMETER_NAMES = ['p', 'q', 'v'] as const;

interface SpendData {
	x: Float64Array;
	logX: Float64Array;
	meanSpend: Float64Array;
	logMeanSpend: Float64Array;
	weight: Float64Array;
	xIndex: Int32Array;
	distinctX: Float64Array;
	customers: number;
}

/**
 * Maximum-likelihood fit of p, q, v on the customers with x > 0 (the others carry no spend
 * information and are skipped). Log-parameters, spend divided by its mean, analytic
 * gradients, BFGS from three starts.
 *
 * Throws a CLV error (errors.ts): EMPTY_INPUT, INVALID_INPUT (a returning customer without a positive
 * monetaryValue, with its index), INSUFFICIENT_DATA (fewer than 2 returning customers),
 * IDENTICAL_CUSTOMERS (every returning customer has the same average order value).
 */
export function fitGammaGamma(customers: readonly SpendHistory[]): GammaGammaFit {
	if (customers.length === 0) throw clvError('EMPTY_INPUT', 'No customers to fit the Gamma-Gamma model to');
	const data = spendData(customers);
	if (data.customers < 2) {
		throw clvError(
			'INSUFFICIENT_DATA',
			`The Gamma-Gamma spend model needs at least 2 customers with repeat purchases (x > 0); found ${data.customers}`,
		);
	}
	let totalSpend = 0;
	let smallest = Infinity;
	let largest = -Infinity;
	for (let i = 0; i < data.x.length; i++) {
		totalSpend += data.weight[i] * data.meanSpend[i];
		smallest = Math.min(smallest, data.meanSpend[i]);
		largest = Math.max(largest, data.meanSpend[i]);
	}
	if (smallest === largest) {
		throw clvError(
			'IDENTICAL_CUSTOMERS',
			'All returning customers have the same average order value, so the Gamma-Gamma parameters cannot be estimated',
		);
	}
	const moneyScale = totalSpend / data.customers;
	const scaled: SpendData = {
		...data,
		meanSpend: data.meanSpend.map((value) => value / moneyScale),
		logMeanSpend: data.logMeanSpend.map((value) => value - Math.log(moneyScale)),
	};
	const objective = (point: Float64Array, gradient: Float64Array): number => {
		if (point.some((value) => Math.abs(value) > LOG_PARAMETER_BOX)) return Infinity;
		const p = Math.exp(point[0]);
		const q = Math.exp(point[1]);
		const v = Math.exp(point[2]);
		const value = evaluateNegativeLogLikelihood(scaled, p, q, v, gradient);
		gradient[0] *= p / data.customers;
		gradient[1] *= q / data.customers;
		gradient[2] *= v / data.customers;
		return value / data.customers;
	};
	const best = minimizeFromStarts(
		objective,
		DEFAULT_SCALED_STARTS.map((start) => start.map(Math.log)),
	);
	if (best === undefined) {
		throw clvError('NUMERICAL_FAILURE', 'The Gamma-Gamma likelihood is not finite at any starting point');
	}
	const [p, q, vScaled] = best.point.map(Math.exp);
	const parameters: GammaGammaParameters = { p, q, v: vScaled * moneyScale };
	const warnings: string[] = [];
	best.point.forEach((logValue, i) => {
		if (Math.abs(logValue) > LOG_PARAMETER_BOUND) {
			warnings.push(
				`Gamma-Gamma parameter ${PARAMETER_NAMES[i]} ran to ${parameters[PARAMETER_NAMES[i]].toPrecision(3)}: ` +
					'the spend data do not pin it down',
			);
		}
	});
	if (!best.converged) {
		warnings.push(`The Gamma-Gamma fit stopped after ${best.iterations} iterations without meeting the convergence test`);
	}
	// Back to money units: each z̄ density scales by 1/scale.
	const logLikelihood = -best.value * data.customers - data.customers * Math.log(moneyScale);
	return {
		parameters,
		logLikelihood,
		iterations: best.iterations,
		converged: warnings.length === 0,
		customers: data.customers,
		warnings,
	};
}

/** Sum over returning customers of ln f(z̄ | p, q, v; x). */
export function gammaGammaLogLikelihood(parameters: GammaGammaParameters, customers: readonly SpendHistory[]): number {
	assertValidParameters(parameters);
	const data = spendData(customers);
	return -evaluateNegativeLogLikelihood(data, parameters.p, parameters.q, parameters.v, new Float64Array(3));
}

/**
 * E[M | p, q, v; z̄, x]: expected value of this customer's future transactions
 * (Fader, Hardie & Lee 2005, RFM and CLV; Fader & Hardie 2013)
 *   E = p (v + x z̄) / (p x + q − 1)
 *     = (q − 1)/(p x + q − 1) · p v/(q − 1)  +  p x/(p x + q − 1) · z̄,
 * a weighted mean of the population mean p v / (q − 1) and the customer's own z̄.
 * A customer without repeat purchases (x = 0) gets the population mean.
 *
 * Throws a CLV error (errors.ts) UNDEFINED_MEAN when the mean is infinite (p x + q ≤ 1), INVALID_INPUT
 * when x > 0 and monetaryValue is not a positive number.
 */
export function expectedAverageOrderValue(parameters: GammaGammaParameters, customer: SpendHistory): number {
	assertValidParameters(parameters);
	const { p, q, v } = parameters;
	const { x } = customer;
	if (!(Number.isInteger(x) && x >= 0)) {
		throw clvError('INVALID_INPUT', `Repeat purchases x is ${x}; expected a whole number >= 0`);
	}
	if (x === 0) return populationMeanOrderValue(parameters);
	const spend = customer.monetaryValue;
	if (spend === undefined || !(Number.isFinite(spend) && spend > 0)) {
		throw clvError(
			'INVALID_INPUT',
			`A customer with ${x} repeat purchases has average order value ${spend}; expected a number > 0`,
		);
	}
	const denominator = p * x + q - 1;
	if (!(denominator > 0)) {
		throw clvError(
			'UNDEFINED_MEAN',
			`The fitted spend model (p = ${p.toPrecision(3)}, q = ${q.toPrecision(3)}) has no finite expected order value for x = ${x}`,
		);
	}
	return (p * (v + x * spend)) / denominator;
}

/** p v / (q − 1): the mean spend per transaction across customers (needs q > 1). */
export function populationMeanOrderValue(parameters: GammaGammaParameters): number {
	assertValidParameters(parameters);
	const { p, q, v } = parameters;
	if (!(q > 1)) {
		throw clvError(
			'UNDEFINED_MEAN',
			`The fitted spend model has q = ${q.toPrecision(3)} <= 1, so customers without repeat purchases have no finite expected order value`,
		);
	}
	return (p * v) / (q - 1);
}

function spendData(customers: readonly SpendHistory[]): SpendData {
	const rowOf = new Map<string, number>();
	const xs: number[] = [];
	const spends: number[] = [];
	const weights: number[] = [];
	customers.forEach((customer, index) => {
		const { x, monetaryValue } = customer;
		if (!(Number.isInteger(x) && x >= 0)) {
			throw clvError('INVALID_INPUT', `Customer ${index}: repeat purchases x is ${x}; expected a whole number >= 0`, index);
		}
		if (x === 0) return;
		if (monetaryValue === undefined || !(Number.isFinite(monetaryValue) && monetaryValue > 0)) {
			throw clvError(
				'INVALID_INPUT',
				`Customer ${index}: has ${x} repeat purchases but average order value ${monetaryValue}; expected a number > 0`,
				index,
			);
		}
		const key = `${x}|${monetaryValue}`;
		const row = rowOf.get(key);
		if (row === undefined) {
			rowOf.set(key, xs.length);
			xs.push(x);
			spends.push(monetaryValue);
			weights.push(1);
		} else {
			weights[row] += 1;
		}
	});
	const distinct = [...new Set(xs)].sort((u, w) => u - w);
	const positionOfX = new Map(distinct.map((x, i) => [x, i]));
	return {
		x: Float64Array.from(xs),
		logX: Float64Array.from(xs, Math.log),
		meanSpend: Float64Array.from(spends),
		logMeanSpend: Float64Array.from(spends, Math.log),
		weight: Float64Array.from(weights),
		xIndex: Int32Array.from(xs, (x) => positionOfX.get(x) as number),
		distinctX: Float64Array.from(distinct),
		customers: weights.reduce((sum, w) => sum + w, 0),
	};
}

/** −Σ w ln f and its gradient with respect to (p, q, v), written into `gradient`. */
function evaluateNegativeLogLikelihood(
	data: SpendData,
	p: number,
	q: number,
	v: number,
	gradient: Float64Array,
): number {
	const m = data.distinctX.length;
	const shapeTerms = new Float64Array(m);
	const psiShapeSum = new Float64Array(m);
	const psiShape = new Float64Array(m);
	for (let k = 0; k < m; k++) {
		const x = data.distinctX[k];
		shapeTerms[k] = logGamma(p * x + q) - logGamma(p * x) + p * x * Math.log(x);
		psiShapeSum[k] = digamma(p * x + q);
		psiShape[k] = digamma(p * x);
	}
	const logV = Math.log(v);
	const constant = q * logV - logGamma(q);
	const psiQ = digamma(q);
	let total = 0;
	let gP = 0;
	let gQ = 0;
	let gV = 0;
	const { x: xs, logX, meanSpend, logMeanSpend, weight, xIndex } = data;
	for (let i = 0; i < xs.length; i++) {
		const w = weight[i];
		const x = xs[i];
		const k = xIndex[i];
		const denominator = v + x * meanSpend[i];
		const logDenominator = Math.log(denominator);
		const px = p * x;
		total += w * (shapeTerms[k] + constant + (px - 1) * logMeanSpend[i] - (px + q) * logDenominator);
		gP += w * x * (psiShapeSum[k] - psiShape[k] + logX[i] + logMeanSpend[i] - logDenominator);
		gQ += w * (psiShapeSum[k] - psiQ + logV - logDenominator);
		gV += w * (q / v - (px + q) / denominator);
	}
	gradient[0] = -gP;
	gradient[1] = -gQ;
	gradient[2] = -gV;
	return -total;
}

function assertValidParameters(parameters: GammaGammaParameters): void {
	for (const name of PARAMETER_NAMES) {
		const value = parameters[name];
		if (!(Number.isFinite(value) && value > 0)) {
			throw clvError('INVALID_INPUT', `Gamma-Gamma parameter ${name} is ${value}; expected a finite number > 0`);
		}
	}
}
