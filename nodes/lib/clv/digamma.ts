/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0, used in the analytic gradients of the BG/NBD and
 * Gamma-Gamma log-likelihoods.
 *
 * Asymptotic series (Abramowitz & Stegun 6.3.18)
 *   ψ(y) = ln y − 1/(2y) − Σ_{k≥1} B_{2k} / (2k y^{2k})
 * for y ≥ 10, smaller arguments shifted with ψ(x) = ψ(x + 1) − 1/x (A&S 6.3.5).
 * Absolute error about 1e-15.
 */
const SHIFT_TO = 10;

export function digamma(x: number): number {
	if (!(x > 0) || !Number.isFinite(x)) {
		throw new RangeError(`digamma is defined here for finite x > 0, got ${x}`);
	}
	let shift = 0;
	while (x < SHIFT_TO) {
		shift += 1 / x;
		x += 1;
	}
	const inverseSquared = 1 / (x * x);
	// B2/2, B4/4, B6/6, B8/8, B10/10, B12/12
	const series =
		inverseSquared *
		(1 / 12 -
			inverseSquared *
				(1 / 120 - inverseSquared * (1 / 252 - inverseSquared * (1 / 240 - inverseSquared * (1 / 132 - (691 / 32760) * inverseSquared)))));
	return Math.log(x) - 0.5 / x - series - shift;
}
