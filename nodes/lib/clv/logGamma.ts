/**
 * ln Γ(x) for x > 0.
 *
 * Stirling's series (Abramowitz & Stegun 6.1.40)
 *   ln Γ(y) = (y − ½) ln y − y + ½ ln 2π + Σ_{k=1..7} B_{2k} / (2k (2k − 1) y^{2k−1})
 * for y ≥ 10, where the first omitted term is below 3e-17; smaller arguments are shifted up
 * with the recurrence Γ(x + 1) = x Γ(x) (A&S 6.1.15):
 *   ln Γ(x) = ln Γ(x + n) − ln(x (x + 1) … (x + n − 1)).
 * Absolute error about 1e-15 (the log-likelihoods only use differences of these values).
 */
const HALF_LOG_TWO_PI = 0.9189385332046727;
const SHIFT_TO = 10;

export function logGamma(x: number): number {
	if (!(x > 0) || !Number.isFinite(x)) {
		throw new RangeError(`logGamma is defined here for finite x > 0, got ${x}`);
	}
	let shift = 0;
	if (x < SHIFT_TO) {
		let product = 1;
		while (x < SHIFT_TO) {
			product *= x;
			x += 1;
		}
		shift = Math.log(product);
	}
	const inverse = 1 / x;
	const inverseSquared = inverse * inverse;
	// B2/2, B4/12, B6/30, B8/56, B10/90, B12/132, B14/182
	const series =
		inverse *
		(1 / 12 +
			inverseSquared *
				(-1 / 360 +
					inverseSquared *
						(1 / 1260 +
							inverseSquared *
								(-1 / 1680 +
									inverseSquared * (1 / 1188 + inverseSquared * (-691 / 360360 + inverseSquared / 156))))));
	return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
}
