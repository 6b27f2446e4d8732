/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your
 * Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science
 * 24(2), 275-284):
 * - while alive, a customer buys as a Poisson process with rate λ, λ ~ Gamma(r, α);
 * - after each repeat purchase the customer drops out with probability p, p ~ Beta(a, b).
 *
 * Log-likelihood of one history (x, t_x, T), paper eq. (6), written with log-gamma and a
 * log-sum-exp so that it neither overflows nor underflows for large x (the form of Fader &
 * Hardie 2013, "Overcoming the BG/NBD Model's #NUM! Error Problem"):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α
 *        + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *        + ln[ (α+T)^−(r+x) + δ_{x>0} · a/(b+x−1) · (α+t_x)^−(r+x) ].
 */
import { assertValidHistory, type CustomerHistory, weightHistories, type WeightedHistories } from './customerHistory';
import { digamma } from './digamma';
import { clvError } from './errors';
import { powerTimesHyp2f1 } from './hyp2f1';
import { logGamma } from './logGamma';
import { minimizeFromStarts } from './multiStart';

export interface BgNbdParameters {
	/** shape of the Gamma distribution of purchase rates */
	r: number;
	/** scale of the Gamma distribution of purchase rates, in the input's time unit */
	alpha: number;
	/** Beta distribution of the drop-out probability */
	a: number;
	b: number;
}

export interface BgNbdFit {
	parameters: BgNbdParameters;
	/** maximised log-likelihood, in the input's time unit (comparable to the paper's value) */
	logLikelihood: number;
	/** BFGS iterations of the start that reached the best likelihood */
	iterations: number;
	/** the gradient vanished (to 1e-8 per customer) at an interior point */
	converged: boolean;
	/** number of customers fitted */
	customers: number;
	/** returning customers (x > 0) among them */
	returningCustomers: number;
	/** why `converged` is false, in words a user can act on */
	warnings: string[];
}

export interface BgNbdFitOptions {
	/** starting points (in the input's time unit); default: three spread-out starts */
	starts?: BgNbdParameters[];
	maxIterations?: number;
}

/**
 * Default starts, with α given as a fraction of the mean observation time T (the fit works
 * in that unit): the all-ones point and two others, so a start far from the optimum on
 * one side is covered from the other.
 */
const DEFAULT_SCALED_STARTS: readonly (readonly number[])[] = [
	[1, 1, 1, 1],
	[0.3, 0.1, 0.8, 2.5],
	[3, 3, 3, 10],
];
/** A fitted parameter beyond e^±11.5 (≈ 1e5 times the time scale or unit) is a boundary. */
const LOG_PARAMETER_BOUND = 11.5;
/** The search stays inside e^±25, so a likelihood that rises toward a boundary stops there. */
const LOG_PARAMETER_BOX = 25;
const PARAMETER_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Sum of the per-customer log-likelihoods (paper eq. 6) at the given parameters. */
export function bgNbdLogLikelihood(parameters: BgNbdParameters, customers: readonly CustomerHistory[]): number {
	assertValidParameters(parameters);
	const data = weightHistories(customers);
	const { r, alpha, a, b } = parameters;
	const gradient = new Float64Array(4);
	return -evaluateNegativeLogLikelihood(data, r, alpha, a, b, gradient);
}

/**
 * Maximum-likelihood fit of r, α, a, b. Works on log-parameters (so every trial point is
 * valid) with times divided by the mean T (so the optimiser sees α near 1 whatever the
 * unit), minimising the mean negative log-likelihood with analytic gradients (BFGS) from
 * several starts and keeping the best.
 *
 * Throws a CLV error (errors.ts): EMPTY_INPUT, INVALID_INPUT (with the customer's index),
 * INSUFFICIENT_DATA (fewer than 2 customers with x > 0), IDENTICAL_CUSTOMERS.
 */
export function fitBgNbd(customers: readonly CustomerHistory[], options: BgNbdFitOptions = {}): BgNbdFit {
	if (customers.length === 0) throw clvError('EMPTY_INPUT', 'No customers to fit the BG/NBD model to');
	const data = weightHistories(customers);
	const returningCustomers = customers.filter((customer) => customer.x > 0).length;
	if (returningCustomers < 2) {
		throw clvError(
			'INSUFFICIENT_DATA',
			`The BG/NBD model needs at least 2 customers with repeat purchases (x > 0); found ${returningCustomers}`,
		);
	}
	if (data.x.length === 1) {
		throw clvError(
			'IDENTICAL_CUSTOMERS',
			'All customers have the same purchase history (x, t_x, T), so the BG/NBD parameters cannot be estimated',
		);
	}
	let totalT = 0;
	for (let i = 0; i < data.x.length; i++) totalT += data.weight[i] * data.T[i];
	const timeScale = totalT / data.customers;
	const scaled = scaleTimes(data, timeScale);

	const objective = (point: Float64Array, gradient: Float64Array): number => {
		if (point.some((value) => Math.abs(value) > LOG_PARAMETER_BOX)) return Infinity;
		const r = Math.exp(point[0]);
		const alpha = Math.exp(point[1]);
		const a = Math.exp(point[2]);
		const b = Math.exp(point[3]);
		const value = evaluateNegativeLogLikelihood(scaled, r, alpha, a, b, gradient);
		// chain rule to log-parameters, and per-customer scale
		gradient[0] *= r / data.customers;
		gradient[1] *= alpha / data.customers;
		gradient[2] *= a / data.customers;
		gradient[3] *= b / data.customers;
		return value / data.customers;
	};
	const starts = options.starts
		? options.starts.map((start) => {
				assertValidParameters(start);
				return [start.r, start.alpha / timeScale, start.a, start.b].map(Math.log);
			})
		: DEFAULT_SCALED_STARTS.map((start) => start.map(Math.log));

	const best = minimizeFromStarts(objective, starts, { maxIterations: options.maxIterations });
	if (best === undefined) {
		throw clvError('NUMERICAL_FAILURE', 'The BG/NBD likelihood is not finite at any starting point');
	}
	const [r, alphaScaled, a, b] = best.point.map(Math.exp);
	const parameters: BgNbdParameters = { r, alpha: alphaScaled * timeScale, a, b };
	const warnings: string[] = [];
	best.point.forEach((logValue, i) => {
		if (Math.abs(logValue) > LOG_PARAMETER_BOUND) {
			warnings.push(
				`BG/NBD parameter ${PARAMETER_NAMES[i]} ran to ${parameters[PARAMETER_NAMES[i]].toPrecision(3)}: ` +
					'the data do not pin it down (too few customers, or no sign of customers dropping out)',
			);
		}
	});
	if (!best.converged) {
		warnings.push(`The BG/NBD fit stopped after ${best.iterations} iterations without meeting the convergence test`);
	}
	// Back to the input's time unit: the density of the purchase times scales by 1/scale per
	// repeat purchase, so ln L = ln L_scaled − Σ x · ln(scale).
	let totalX = 0;
	for (let i = 0; i < data.x.length; i++) totalX += data.weight[i] * data.x[i];
	const logLikelihood = -best.value * data.customers - totalX * Math.log(timeScale);
	return {
		parameters,
		logLikelihood,
		iterations: best.iterations,
		converged: warnings.length === 0,
		customers: data.customers,
		returningCustomers,
		warnings,
	};
}

/**
 * P(alive | x, t_x, T): probability that the customer has not dropped out by T
 * (Fader, Hardie & Lee 2008, "Computing P(alive) Using the BG/NBD Model"):
 *   P = 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * Always 1 for x = 0: in BG/NBD a customer can drop out only right after a repeat purchase.
 */
export function probabilityAlive(parameters: BgNbdParameters, customer: CustomerHistory): number {
	assertValidParameters(parameters);
	assertValidHistory(customer);
	return probabilityAliveUnchecked(parameters, customer.x, customer.tx, customer.T);
}

function probabilityAliveUnchecked({ r, alpha, a, b }: BgNbdParameters, x: number, tx: number, T: number): number {
	if (x === 0) return 1;
	const logOdds =
		Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - Math.min(tx, T)) / (alpha + Math.min(tx, T)));
	return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected number of purchases in the next t time units (paper eq. 10)
 *   E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t/(α+T+t).
 * Evaluated in Euler-transformed form (A&S 15.3.3),
 *   ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z),
 * whose parameters do not grow with x, so neither factor overflows for large x or long
 * horizons. At a = 1 the formula is 0/0, and near it 1 − (1−z)^(a−1)·2F1 cancels about
 * log10(1/|a−1|) digits; for |a − 1| < 5e-4 the value is therefore interpolated (cubic,
 * from a = 1 ± 5e-4 and 1 ± 1e-3). Against the mpmath reference: relative error below
 * 1e-12 away from a = 1 and below 3e-11 inside that band.
 */
export function expectedPurchases(parameters: BgNbdParameters, customer: CustomerHistory, t: number): number {
	assertValidParameters(parameters);
	assertValidHistory(customer);
	assertValidHorizon(t);
	const { x, tx, T } = customer;
	return checkedFinite(
		expectedPurchasesIfAlive(parameters, x, T, t) * probabilityAliveUnchecked(parameters, x, tx, T),
		'expected purchases',
	);
}

/**
 * E[X(t)]: expected repeat purchases of a new customer in the first t time units after the
 * first purchase (paper eq. 9),
 *   E = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))],
 * which is eq. 10 with x = 0 and T = 0.
 */
export function expectedPurchasesNewCustomer(parameters: BgNbdParameters, t: number): number {
	assertValidParameters(parameters);
	assertValidHorizon(t);
	return checkedFinite(expectedPurchasesIfAlive(parameters, 0, 0, t), 'expected purchases');
}

const A_NEAR_ONE = 5e-4;
const C_NEAR_ZERO = 1e-12;

/** Paper eq. 10 without the P(alive) factor. */
function expectedPurchasesIfAlive(parameters: BgNbdParameters, x: number, T: number, t: number): number {
	if (t === 0) return 0;
	const { a } = parameters;
	if (Math.abs(a - 1) < A_NEAR_ONE) {
		// cubic through a = 1 ± h, 1 ± 2h (Lagrange), evaluated at a
		const h = A_NEAR_ONE;
		const nodes = [-2 * h, -h, h, 2 * h];
		const values = nodes.map((offset) => expectedIfAliveAwayFromOne({ ...parameters, a: 1 + offset }, x, T, t));
		const u = a - 1;
		let sum = 0;
		nodes.forEach((node, i) => {
			let weight = 1;
			nodes.forEach((other, j) => {
				if (j !== i) weight *= (u - other) / (node - other);
			});
			sum += weight * values[i];
		});
		return sum;
	}
	return expectedIfAliveAwayFromOne(parameters, x, T, t);
}

function expectedIfAliveAwayFromOne(parameters: BgNbdParameters, x: number, T: number, t: number): number {
	const { r, alpha, a, b } = parameters;
	const c = a + b + x - 1;
	if (Math.abs(c) < C_NEAR_ZERO) {
		// 2F1 has a pole at c = 0 that the factor (a+b+x−1) cancels (x = 0, a + b = 1):
		// average the values at c = ±δ, exact to O(δ²)
		const delta = 1e-7;
		return (
			(expectedIfAliveAwayFromOne({ ...parameters, b: b + delta - c }, x, T, t) +
				expectedIfAliveAwayFromOne({ ...parameters, b: b - delta - c }, x, T, t)) /
			2
		);
	}
	const z = t / (alpha + T + t);
	let discounted: number; // (1 − z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z)
	try {
		discounted = powerTimesHyp2f1(a - 1, a + b - 1 - r, a - 1, c, z);
	} catch (error) {
		throw clvError('NUMERICAL_FAILURE', `Expected purchases could not be computed: ${(error as Error).message}`);
	}
	return (c / (a - 1)) * (1 - discounted);
}

/** Mean-T-scaled copy of the histories (α is then estimated in units of the mean T). */
function scaleTimes(data: WeightedHistories, scale: number): WeightedHistories {
	return {
		...data,
		tx: data.tx.map((v) => v / scale),
		T: data.T.map((v) => v / scale),
	};
}

/**
 * −Σ w ln L and its gradient with respect to (r, α, a, b), written into `gradient`.
 * Terms that depend on x alone (log-gammas and digammas) are computed once per distinct x.
 */
function evaluateNegativeLogLikelihood(
	data: WeightedHistories,
	r: number,
	alpha: number,
	a: number,
	b: number,
	gradient: Float64Array,
): number {
	const distinct = data.distinctX;
	const m = distinct.length;
	const gammaTerms = new Float64Array(m);
	const dGammaR = new Float64Array(m);
	const dGammaA = new Float64Array(m);
	const dGammaB = new Float64Array(m);
	const logBPlusXMinus1 = new Float64Array(m);
	const lgR = logGamma(r);
	const lgB = logGamma(b);
	const lgAB = logGamma(a + b);
	const psiR = digamma(r);
	const psiB = digamma(b);
	const psiAB = digamma(a + b);
	for (let k = 0; k < m; k++) {
		const x = distinct[k];
		if (x === 0) continue; // every x-only term vanishes at x = 0
		gammaTerms[k] = logGamma(r + x) - lgR + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
		const psiABX = digamma(a + b + x);
		dGammaR[k] = digamma(r + x) - psiR;
		dGammaA[k] = psiAB - psiABX;
		dGammaB[k] = psiAB + digamma(b + x) - psiB - psiABX;
		logBPlusXMinus1[k] = Math.log(b + x - 1);
	}
	const logAlpha = Math.log(alpha);
	const logA = Math.log(a);
	let total = 0;
	let gR = 0;
	let gAlpha = 0;
	let gA = 0;
	let gB = 0;
	const { x: xs, tx: txs, T: Ts, weight, xIndex } = data;
	for (let i = 0; i < xs.length; i++) {
		const w = weight[i];
		const x = xs[i];
		const alphaT = alpha + Ts[i];
		const logAlphaT = Math.log(alphaT);
		if (x === 0) {
			total += w * r * (logAlpha - logAlphaT);
			gR += w * (logAlpha - logAlphaT);
			gAlpha += w * (r / alpha - r / alphaT);
			continue;
		}
		const k = xIndex[i];
		const alphaTx = alpha + txs[i];
		const logAlphaTx = Math.log(alphaTx);
		const rx = r + x;
		const stillAlive = -rx * logAlphaT; // customer alive at T
		const droppedOut = logA - logBPlusXMinus1[k] - rx * logAlphaTx; // dropped out right after t_x
		const difference = droppedOut - stillAlive;
		let logSum: number;
		let droppedWeight: number; // share of the likelihood from the dropped-out branch
		if (difference > 0) {
			const e = Math.exp(-difference);
			logSum = droppedOut + Math.log1p(e);
			droppedWeight = 1 / (1 + e);
		} else {
			const e = Math.exp(difference);
			logSum = stillAlive + Math.log1p(e);
			droppedWeight = e / (1 + e);
		}
		const aliveWeight = 1 - droppedWeight;
		total += w * (gammaTerms[k] + r * logAlpha + logSum);
		gR += w * (dGammaR[k] + logAlpha - aliveWeight * logAlphaT - droppedWeight * logAlphaTx);
		gAlpha += w * (r / alpha - rx * (aliveWeight / alphaT + droppedWeight / alphaTx));
		gA += w * (dGammaA[k] + droppedWeight / a);
		gB += w * (dGammaB[k] - droppedWeight / (b + x - 1));
	}
	gradient[0] = -gR;
	gradient[1] = -gAlpha;
	gradient[2] = -gA;
	gradient[3] = -gB;
	return -total;
}

export function assertValidParameters(parameters: BgNbdParameters): void {
	for (const name of PARAMETER_NAMES) {
		const value = parameters[name];
		if (!(Number.isFinite(value) && value > 0)) {
			throw clvError('INVALID_INPUT', `BG/NBD parameter ${name} is ${value}; expected a finite number > 0`);
		}
	}
}

function assertValidHorizon(t: number): void {
	if (!(Number.isFinite(t) && t >= 0)) {
		throw clvError('INVALID_INPUT', `The prediction horizon is ${t}; expected a finite number >= 0`);
	}
}

function checkedFinite(value: number, what: string): number {
	if (!Number.isFinite(value)) {
		throw clvError('NUMERICAL_FAILURE', `The ${what} overflowed; the model parameters are outside any usable range`);
	}
	return value;
}
