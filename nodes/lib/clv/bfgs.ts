/**
 * Unconstrained minimisation by the BFGS quasi-Newton method with a backtracking (Armijo)
 * line search: Nocedal & Wright, Numerical Optimization, 2nd ed. (2006), Algorithm 6.1,
 * inverse-Hessian update (6.17), initial scaling (6.20), and the update skipped when the
 * curvature condition sᵀy > 0 fails (section 6.1).
 *
 * The likelihood fits call it on log-parameters, so every point it tries is a valid
 * parameter vector; a trial point where the objective is not finite (or throws) counts
 * as +∞ and the step is shortened.
 *
 * Near the optimum of an ill-conditioned likelihood (Gamma-Gamma's p, q, v lie on a
 * ridge) the gradient cannot always be pushed below 1e-8: the objective stops changing
 * in its last bits first. So the search also stops when several iterations in a row
 * improve the objective by no more than its rounding error, and then counts as converged
 * if the gradient is below the looser `stalledGradientTolerance`.
 */
export interface MinimizeOptions {
	/** stop when every gradient component is at most this in absolute value (default 1e-8) */
	gradientTolerance?: number;
	/** default 500 */
	maxIterations?: number;
	/** largest change of any coordinate in one step (default 2, i.e. a factor e² on a log-parameter) */
	maxStep?: number;
	/** gradient bound accepted when the objective has stopped changing (default 1e-6) */
	stalledGradientTolerance?: number;
}

export interface MinimizeResult {
	point: number[];
	value: number;
	gradient: number[];
	iterations: number;
	evaluations: number;
	/** the gradient tolerance was met */
	converged: boolean;
}

/** Returns the objective's value at `point` and writes its gradient into `gradient`. */
export type ObjectiveWithGradient = (point: Float64Array, gradient: Float64Array) => number;

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 60;
/** iterations in a row without an improvement above rounding that count as a stall */
const STALL_ITERATIONS = 5;

export function minimizeBfgs(
	objective: ObjectiveWithGradient,
	start: readonly number[],
	options: MinimizeOptions = {},
): MinimizeResult {
	const tolerance = options.gradientTolerance ?? 1e-8;
	const maxIterations = options.maxIterations ?? 500;
	const maxStep = options.maxStep ?? 2;
	const stalledTolerance = options.stalledGradientTolerance ?? 1e-6;
	const n = start.length;
	let evaluations = 0;
	const evaluate = (point: Float64Array, gradient: Float64Array): number => {
		evaluations++;
		let value: number;
		try {
			value = objective(point, gradient);
		} catch {
			return Infinity; // e.g. a special function's RangeError at an extreme trial point
		}
		return Number.isFinite(value) && gradient.every(Number.isFinite) ? value : Infinity;
	};

	let x = Float64Array.from(start);
	let g = new Float64Array(n);
	let f = evaluate(x, g);
	if (!Number.isFinite(f)) {
		throw new RangeError('The objective is not finite at the starting point');
	}
	// inverse Hessian approximation, row-major; identity until the first curvature pair
	let H = identity(n);
	let scaled = false;
	let iterations = 0;
	let stalledIterations = 0;
	const direction = new Float64Array(n);
	const trial = new Float64Array(n);
	const trialGradient = new Float64Array(n);

	while (iterations < maxIterations && maxAbs(g) > tolerance) {
		iterations++;
		for (let i = 0; i < n; i++) {
			let sum = 0;
			for (let j = 0; j < n; j++) sum -= H[i * n + j] * g[j];
			direction[i] = sum;
		}
		let slope = dot(direction, g);
		if (!(slope < 0)) {
			// lost descent (rounding in H): restart from steepest descent
			H = identity(n);
			for (let i = 0; i < n; i++) direction[i] = -g[i];
			slope = dot(direction, g);
		}
		const longest = maxAbs(direction);
		let step = longest > maxStep ? maxStep / longest : 1;
		let trialValue = Infinity;
		let accepted = false;
		for (let k = 0; k < MAX_BACKTRACKS; k++) {
			for (let i = 0; i < n; i++) trial[i] = x[i] + step * direction[i];
			trialValue = evaluate(trial, trialGradient);
			if (trialValue <= f + ARMIJO * step * slope) {
				accepted = true;
				break;
			}
			step *= 0.5;
		}
		if (!accepted) {
			stalledIterations = STALL_ITERATIONS; // no decrease possible at working precision
			break;
		}
		const roundingOfF = 4 * Number.EPSILON * Math.max(1, Math.abs(f));
		stalledIterations = f - trialValue <= roundingOfF ? stalledIterations + 1 : 0;
		const s = new Float64Array(n);
		const y = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			s[i] = trial[i] - x[i];
			y[i] = trialGradient[i] - g[i];
		}
		const sy = dot(s, y);
		if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
			if (!scaled) {
				const gamma = sy / dot(y, y);
				H = identity(n).map((v) => v * gamma);
				scaled = true;
			}
			H = bfgsUpdate(H, s, y, 1 / sy);
		}
		x = Float64Array.from(trial);
		g = Float64Array.from(trialGradient);
		f = trialValue;
		if (stalledIterations >= STALL_ITERATIONS) break;
	}
	const gradientSize = maxAbs(g);
	return {
		point: Array.from(x),
		value: f,
		gradient: Array.from(g),
		iterations,
		evaluations,
		converged:
			gradientSize <= tolerance || (stalledIterations >= STALL_ITERATIONS && gradientSize <= stalledTolerance),
	};
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ (Nocedal & Wright 6.17). */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, rho: number): Float64Array {
	const n = s.length;
	const Hy = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sum = 0;
		for (let j = 0; j < n; j++) sum += H[i * n + j] * y[j];
		Hy[i] = sum;
	}
	const yHy = dot(y, Hy);
	const next = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) {
			next[i * n + j] =
				H[i * n + j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
		}
	}
	return next;
}

function identity(n: number): Float64Array {
	const matrix = new Float64Array(n * n);
	for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
	return matrix;
}

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
	return sum;
}

function maxAbs(v: ArrayLike<number>): number {
	let largest = 0;
	for (let i = 0; i < v.length; i++) largest = Math.max(largest, Math.abs(v[i]));
	return largest;
}
