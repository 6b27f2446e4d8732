#!/usr/bin/python3
"""Independent reference values of BG/NBD predictions, straight from the paper's formulas.

Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2):
  E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x)
                         * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] * P(alive)        (eq. 10)
  P(alive | x, t_x, T) = 1 / (1 + [x > 0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))
evaluated literally (no Euler transformation) with mpmath at 60 and 100 significant digits,
rows kept only where the two agree to 1e-25. At a = 1 the formula is 0/0; there it is
evaluated at a = 1 + 1e-30, whose difference from the limit is far below double precision.
At a + b + x - 1 = 0 the 2F1 has a pole that the prefactor cancels; there the value is the
mean of those at b +- 1e-30 (exact to 1e-60).

The TypeScript implementation evaluates eq. 10 in Euler-transformed form and interpolates
near a = 1, so this is an independent check of both. Writes bgnbd_reference.csv beside
this script. Re-run: see README.md.
"""
import csv
import os

import mpmath

PRECISIONS = (60, 100)
AGREEMENT = mpmath.mpf(10) ** -25

# (label, r, alpha, a, b)
PARAMETER_SETS = [
    ("cdnow", "0.243", "4.414", "0.793", "2.426"),
    ("a_near_1", "0.5", "12.0", "1.0003", "3.0"),
    ("a_is_1", "0.5", "12.0", "1", "3.0"),
    ("a_plus_b_is_1", "1.2", "30.0", "0.25", "0.75"),
    ("large_b", "2.0", "60.0", "0.6", "150.0"),
]
# (x, t_x, T, t): typical, long horizon (z near 1), young customer, heavy buyer
HISTORIES = [
    (0, 0, 38.86, 39),
    (0, 0, 0.5, 5000),
    (2, 30.43, 38.86, 39),
    (2, 30.43, 38.86, 1e6),
    (7, 29.43, 38.86, 52),
    (26, 30.86, 31.0, 1),
    (26, 30.86, 31.0, 500),
    (150, 300.0, 365.0, 90),
    (500, 700.0, 730.0, 3650),
]


def predictions(r, alpha, a, b, x, tx, T, t):
    if a + b + x - 1 == 0:
        step = mpmath.mpf(10) ** -30
        below = predictions(r, alpha, a, b - step, x, tx, T, t)
        above = predictions(r, alpha, a, b + step, x, tx, T, t)
        return below[0], (below[1] + above[1]) / 2
    if a == 1:
        a = a + mpmath.mpf(10) ** -30
    z = t / (alpha + T + t)
    hyp = mpmath.hyp2f1(r + x, b + x, a + b + x - 1, z)
    if x > 0:
        p_alive = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
    else:
        p_alive = mpmath.mpf(1)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp
    return p_alive, (a + b + x - 1) / (a - 1) * bracket * p_alive


def main():
    rows = []
    dropped = 0
    for label, *parameters in PARAMETER_SETS:
        for x, tx, T, t in HISTORIES:
            results = []
            for dps in PRECISIONS:
                mpmath.mp.dps = dps
                r, alpha, a, b = (mpmath.mpf(v) for v in parameters)
                results.append(predictions(r, alpha, a, b, x, mpmath.mpf(tx), mpmath.mpf(T), mpmath.mpf(t)))
            (p60, e60), (p100, e100) = results
            if not (mpmath.isfinite(e100) and mpmath.isfinite(p100)):
                raise SystemExit(f"non-finite reference for {label} {x, tx, T, t}")
            if abs(p60 - p100) > AGREEMENT * abs(p100) or abs(e60 - e100) > AGREEMENT * abs(e100):
                dropped += 1
                continue
            rows.append({
                "label": label,
                "r": parameters[0],
                "alpha": parameters[1],
                "a": parameters[2],
                "b": parameters[3],
                "x": x,
                "t_x": repr(float(tx)),
                "T": repr(float(T)),
                "t": repr(float(t)),
                "p_alive": mpmath.nstr(p100, 20),
                "expected_purchases": mpmath.nstr(e100, 20),
            })
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bgnbd_reference.csv")
    with open(out, "w", newline="") as handle:
        handle.write(f"# mpmath {mpmath.__version__} at {PRECISIONS[1]} digits, agreeing with {PRECISIONS[0]} digits to 1e-25\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}; dropped {dropped} where mpmath disagreed with itself")


if __name__ == "__main__":
    main()
