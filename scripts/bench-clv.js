#!/usr/bin/env node
/**
 * Lifetime-value scale check: fit BG/NBD and Gamma-Gamma to 100,000 synthetic customers
 * drawn (seeded) from known parameters, then predict P(alive), 90-day expected purchases,
 * expected order value and discounted CLV for each, timed beside a baseline: one
 * evaluation of the same BG/NBD log-likelihood (paper eq. 6) in a plain loop.
 *
 *   npx tsc -p tsconfig.json && node scripts/bench-clv.js [customers] [seed]
 *
 * Requires the compiled library in dist/nodes/lib/clv. Target: the fit under 10 s.
 * Prints wall times (best of three after a warm-up), the fitted vs true parameters, and
 * peak RSS.
 */
'use strict';
const path = require('path');

const clv = require(path.join(__dirname, '..', 'dist', 'nodes', 'lib', 'clv'));

const CUSTOMERS = Number(process.argv[2] ?? 100_000);
const SEED = Number(process.argv[3] ?? 20260301);
const RUNS = 3;
// CDNOW's published parameters (Fader, Hardie & Lee 2005), with α from weeks to days
const TRUTH = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, v: 15.45 };
const HORIZON = { horizon: 90, annualDiscountRate: 0.1, timeUnitsPerYear: 365 };

function best(run) {
	run(); // warm-up
	let fastest = Infinity;
	let result;
	for (let i = 0; i < RUNS; i++) {
		const start = process.hrtime.bigint();
		result = run();
		fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
	}
	return { ms: fastest, result };
}

/** Paper eq. 6 summed over customers, one customer at a time, no grouping or caching. */
function plainLogLikelihood({ r, alpha, a, b }, customers) {
	let total = 0;
	for (const { x, tx, T } of customers) {
		const gammas =
			clv.logGamma(r + x) -
			clv.logGamma(r) +
			r * Math.log(alpha) +
			clv.logGamma(a + b) +
			clv.logGamma(b + x) -
			clv.logGamma(b) -
			clv.logGamma(a + b + x);
		const alive = -(r + x) * Math.log(alpha + T);
		if (x === 0) {
			total += gammas + alive;
			continue;
		}
		const dropped = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
		const top = Math.max(alive, dropped);
		total += gammas + top + Math.log(Math.exp(alive - top) + Math.exp(dropped - top));
	}
	return total;
}

const generated = best(() =>
	clv.simulateCustomers(TRUTH, {
		customers: CUSTOMERS,
		seed: SEED,
		// a year of first purchases, observed to the end of the year after: T from 365 to 730 days
		observationTime: (_index, uniform) => 365 + 365 * uniform(),
		spend: SPEND,
	}),
);
const customers = generated.result;
const returning = customers.filter((customer) => customer.x > 0).length;

const baseline = best(() => plainLogLikelihood(TRUTH, customers));
const grouped = best(() => clv.bgNbdLogLikelihood(TRUTH, customers));
const bgnbd = best(() => clv.fitBgNbd(customers));
const gammaGamma = best(() => clv.fitGammaGamma(customers));
const predictions = best(() => {
	const { parameters } = bgnbd.result;
	const spend = gammaGamma.result.parameters;
	let total = 0;
	for (const customer of customers) {
		const alive = clv.probabilityAlive(parameters, customer);
		const purchases = clv.expectedPurchases(parameters, customer, HORIZON.horizon);
		const orderValue = clv.expectedAverageOrderValue(spend, customer);
		total += alive + purchases + clv.predictedClv(parameters, customer, orderValue, HORIZON);
	}
	return total;
});

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
const fit = bgnbd.result;
console.log(`customers: ${CUSTOMERS.toLocaleString('en')} (${returning.toLocaleString('en')} returning), seed ${SEED}`);
console.log(`generate (simulateCustomers)          ${fmt(generated.ms)}`);
console.log(
	`baseline: eq. 6 once, plain loop       ${fmt(baseline.ms)}   ln L = ${baseline.result.toFixed(3)}`,
);
console.log(
	`bgNbdLogLikelihood once (grouped x)    ${fmt(grouped.ms)}   ln L = ${grouped.result.toFixed(3)}`,
);
console.log(
	`fitBgNbd (3 starts, BFGS)              ${fmt(bgnbd.ms)}   = ${(bgnbd.ms / baseline.ms).toFixed(1)} × baseline; ` +
		`${fit.iterations} iterations, converged ${fit.converged}, ln L = ${fit.logLikelihood.toFixed(3)}`,
);
console.log(
	`fitGammaGamma (3 starts, BFGS)         ${fmt(gammaGamma.ms)}   converged ${gammaGamma.result.converged}`,
);
console.log(`predict all (P alive, E[Y(90)], AOV, discounted CLV) ${fmt(predictions.ms)}`);
const show = (values) =>
	Object.entries(values)
		.map(([name, value]) => `${name} ${value.toPrecision(4)}`)
		.join(', ');
console.log(`BG/NBD true:   ${show(TRUTH)}`);
console.log(`BG/NBD fitted: ${show(fit.parameters)}`);
console.log(`Gamma-Gamma true:   ${show(SPEND)}`);
console.log(`Gamma-Gamma fitted: ${show(gammaGamma.result.parameters)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
