/**
 * Inverse of the standard normal CDF, z = Φ⁻¹(p): the safety factor for a cycle service
 * level p (the probability of not stocking out during a replenishment lead time).
 *
 * Algorithm: M. J. Wichura, "Algorithm AS 241: The Percentage Points of the Normal
 * Distribution", Applied Statistics 37(3), 477–484, 1988 — routine PPND16, three rational
 * approximations (|p − ½| ≤ 0.425; r = √(−ln min(p, 1 − p)) ≤ 5; r > 5) with a relative
 * accuracy of about 1e-16, i.e. full double precision. The same routine sits behind R's
 * qnorm and Python's statistics.NormalDist.inv_cdf; scipy.stats.norm.ppf (Cephes ndtri)
 * agrees with it to ~1e-15 (checked in test/lib/inventory/normal.test.ts against the scipy
 * values in test/reference/inventory/z_values.csv).
 *
 * Acklam's shorter approximation (relative error 1.15e-9) was not used: it would miss the
 * 1e-9 agreement with scipy the tests ask for without a refinement step.
 */

const SPLIT1 = 0.425;
const SPLIT2 = 5;
const CONST1 = 0.180625;
const CONST2 = 1.6;

// Coefficients of PPND16, lowest power first: AS 241's 20-digit constants written as the
// shortest decimal of the same double (what the parser made of the printed digits anyway).
const A = [
	3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946,
	45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
	1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597,
	39307.89580009271, 28729.085735721943, 5226.495278852854,
];
const C = [
	1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
	1.2704582524523684, 0.2417807251774506, 0.022723844989269184,
	0.0007745450142783414,
];
const D = [
	1, 2.053191626637759, 1.6763848301838038, 0.6897673349851,
	0.14810397642748008, 0.015198666563616457, 0.0005475938084995345,
	1.0507500716444169e-9,
];
const E = [
	6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
	0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876,
	2.0103343992922881e-7,
];
const F = [
	1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615,
	0.0007868691311456133, 0.000018463183175100548, 1.421511758316446e-7,
	2.0442631033899397e-15,
];

function horner(coefficients: readonly number[], x: number): number {
	let value = coefficients[coefficients.length - 1];
	for (let i = coefficients.length - 2; i >= 0; i--) value = value * x + coefficients[i];
	return value;
}

/**
 * Φ⁻¹(p) for 0 < p < 1 (Wichura AS 241). Throws RangeError outside the open interval:
 * p = 0 or 1 would be ∓∞, which no caller can use as a safety factor.
 */
export function inverseNormalCdf(p: number): number {
	if (!(p > 0 && p < 1)) {
		throw new RangeError(`probability must be strictly between 0 and 1, got ${p}`);
	}
	const q = p - 0.5;
	if (Math.abs(q) <= SPLIT1) {
		const r = CONST1 - q * q;
		return (q * horner(A, r)) / horner(B, r);
	}
	let r = q < 0 ? p : 1 - p;
	r = Math.sqrt(-Math.log(r));
	const value =
		r <= SPLIT2 ? horner(C, r - CONST2) / horner(D, r - CONST2) : horner(E, r - SPLIT2) / horner(F, r - SPLIT2);
	return q < 0 ? -value : value;
}

/**
 * Safety factor z for a cycle service level given as a fraction (0.95 for 95 %).
 * Domain table: 90 % 1.2816, 95 % 1.6449, 98 % 2.0537, 99 % 2.3263.
 */
export function serviceLevelToZ(serviceLevel: number): number {
	if (!(serviceLevel > 0 && serviceLevel < 1)) {
		throw new RangeError(
			`service level must be a fraction strictly between 0 and 1 (e.g. 0.95 for 95 %), got ${serviceLevel}`,
		);
	}
	return inverseNormalCdf(serviceLevel);
}
