/**
 * A customer's purchase history in the summary form the BG/NBD and Gamma-Gamma models
 * use (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", section 2):
 *
 * - x: number of repeat purchases (purchases after the first one; when purchases are
 *   counted per period, the number of later periods with a purchase);
 * - tx: time of the last purchase, measured from the first purchase (0 when x = 0);
 * - T: time from the first purchase to the end of observation;
 * - monetaryValue: mean value of the repeat purchases (Gamma-Gamma's z-bar), needed only
 *   for spend predictions and only for customers with x > 0.
 *
 * Times are in any unit (days, weeks, ...) as long as tx, T and every horizon share it;
 * the fitted alpha is then in that unit too.
 */
import { clvError } from './errors';

export interface CustomerHistory {
	x: number;
	tx: number;
	T: number;
	monetaryValue?: number;
}

/** Rounding slack when t_x and T come from separately rounded date differences. */
const RECENCY_SLACK = 1e-9;

/** Throws a CLV error (errors.ts) INVALID_INPUT naming the customer when a history is impossible. */
export function assertValidHistory(customer: CustomerHistory, customerIndex?: number): void {
	const { x, tx, T } = customer;
	const where = customerIndex === undefined ? 'Customer' : `Customer ${customerIndex}`;
	const fail = (what: string): never => {
		throw clvError('INVALID_INPUT', `${where}: ${what}`, customerIndex);
	};
	if (!Number.isFinite(x) || x < 0 || !Number.isInteger(x)) {
		fail(`repeat purchases x is ${x}; expected a whole number >= 0`);
	}
	if (!Number.isFinite(T) || T < 0) fail(`observed time T is ${T}; expected a number >= 0`);
	if (!Number.isFinite(tx) || tx < 0) fail(`time of last purchase t_x is ${tx}; expected a number >= 0`);
	if (tx > T * (1 + RECENCY_SLACK) + RECENCY_SLACK) {
		fail(`time of last purchase t_x (${tx}) is after the end of observation T (${T})`);
	}
	if (x === 0 && tx !== 0) fail(`t_x is ${tx} but x is 0; a customer without repeat purchases has t_x = 0`);
}

/**
 * Identical histories collapsed into one row with a weight, so the likelihood is
 * evaluated once per distinct history (real data measured in whole days has many ties).
 */
export interface WeightedHistories {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array;
	/** index of each row's x in `distinctX`, so terms that depend on x alone are computed once */
	xIndex: Int32Array;
	distinctX: Float64Array;
	/** number of customers (sum of weights) */
	customers: number;
}

export function weightHistories(customers: readonly CustomerHistory[]): WeightedHistories {
	const n = customers.length;
	const x = new Float64Array(n);
	const tx = new Float64Array(n);
	const T = new Float64Array(n);
	customers.forEach((customer, index) => {
		assertValidHistory(customer, index);
		x[index] = customer.x;
		T[index] = customer.T;
		tx[index] = Math.min(customer.tx, customer.T);
	});
	// sort by (x, t_x, T) and merge equal neighbours: cheaper than hashing 1e5 float keys
	const order = Array.from({ length: n }, (_, i) => i).sort(
		(i, j) => x[i] - x[j] || tx[i] - tx[j] || T[i] - T[j],
	);
	const rows = { x: [] as number[], tx: [] as number[], T: [] as number[], weight: [] as number[] };
	for (const i of order) {
		const last = rows.x.length - 1;
		if (last >= 0 && rows.x[last] === x[i] && rows.tx[last] === tx[i] && rows.T[last] === T[i]) {
			rows.weight[last] += 1;
		} else {
			rows.x.push(x[i]);
			rows.tx.push(tx[i]);
			rows.T.push(T[i]);
			rows.weight.push(1);
		}
	}
	const distinct = [...new Set(rows.x)];
	const positionOfX = new Map(distinct.map((value, i) => [value, i]));
	return {
		x: Float64Array.from(rows.x),
		tx: Float64Array.from(rows.tx),
		T: Float64Array.from(rows.T),
		weight: Float64Array.from(rows.weight),
		xIndex: Int32Array.from(rows.x, (value) => positionOfX.get(value) as number),
		distinctX: Float64Array.from(distinct),
		customers: n,
	};
}
