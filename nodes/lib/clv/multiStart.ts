/**
 * Maximum likelihood from several starting points: run BFGS from each and keep the lowest
 * objective. Runs that end within rounding of each other (1e-10 relative) reached the same
 * optimum; among those a converged run is preferred, so a start that merely stalled at
 * the optimum does not mark the fit as unconverged.
 */
import { minimizeBfgs, type MinimizeOptions, type MinimizeResult, type ObjectiveWithGradient } from './bfgs';

const SAME_OPTIMUM = 1e-10;

/** Undefined when the objective is not finite at any start. */
export function minimizeFromStarts(
	objective: ObjectiveWithGradient,
	starts: readonly (readonly number[])[],
	options: MinimizeOptions = {},
): MinimizeResult | undefined {
	const results: MinimizeResult[] = [];
	for (const start of starts) {
		try {
			results.push(minimizeBfgs(objective, start, options));
		} catch {
			// not finite at this start; the other starts cover it
		}
	}
	if (results.length === 0) return undefined;
	const lowest = Math.min(...results.map((result) => result.value));
	const atOptimum = results.filter((result) => result.value - lowest <= SAME_OPTIMUM * Math.max(1, Math.abs(lowest)));
	const converged = atOptimum.filter((result) => result.converged);
	const pool = converged.length > 0 ? converged : atOptimum;
	return pool.reduce((best, result) => (result.value < best.value ? result : best));
}
