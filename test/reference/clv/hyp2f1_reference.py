#!/usr/bin/python3
"""Independent reference values of the Gauss hypergeometric function 2F1 for the CLV tests.

Computes scipy.special.hyp2f1 (Debian python3-scipy) and, as an arbiter where scipy itself
fails, mpmath.hyp2f1 (Debian python3-mpmath) at 60 and at 100 significant digits, at the
arguments the BG/NBD model uses:

  conditional expectation (Fader, Hardie & Lee 2005, eq. 10):
      2F1(r + x, b + x; a + b + x - 1; z),  z = t / (alpha + T + t)
  and the Euler-transformed form nodes/lib/clv evaluates:
      2F1(a + b - 1 - r, a - 1; a + b + x - 1; z)
  unconditional expectation (eq. 9) is the x = 0 case with T = 0.

z runs from 0.05 to 1 - 1e-8 (the slowly converging end), x from 0 to 500, and the parameter
sets include a - r integer (c - a - b an integer: the degenerate case of the 1 - z connection
formula). A few generic arguments (z < 0, c - a - b = 0, negative parameters) complete it.

Two findings that shaped the file:
- scipy 1.10's hyp2f1 returns nan where c - a - b is an integer, c is large and z is near 1
  (e.g. 2F1(4, -0.5; 104.5; 0.97)); those rows keep scipy = nan and are checked against
  mpmath only.
- mpmath 1.2's hyp2f1 can be wrong at 30-50 digits for large parameters (it returns
  4.1e9 for 2F1(10.08, 182.2; 416.1; 0.821), whose series sums to 94.32); so each value is
  computed at 60 and at 100 digits and a row is kept only when the two agree to 1e-25.

Writes hyp2f1_reference.csv beside this script. Re-run: see README.md.
"""
import csv
import math
import os

import mpmath
import scipy
import scipy.special

PRECISIONS = (60, 100)
AGREEMENT = mpmath.mpf(10) ** -25

# (label, r, alpha, a, b)
PARAMETER_SETS = [
    ("cdnow", 0.243, 4.414, 0.793, 2.426),
    ("a_equals_r", 0.5, 10.0, 0.5, 5.0),
    ("a_minus_r_is_1", 1.5, 30.0, 2.5, 8.0),
    ("a_above_1_plus_r", 0.1, 2.0, 3.0, 0.5),
    ("small_a_large_b", 5.0, 100.0, 0.3, 20.0),
    ("a_b_sum_below_1", 0.8, 7.0, 0.35, 0.4),
    ("large_a_and_b", 3.0, 50.0, 150.0, 400.0),
    ("large_r", 25.0, 3.0, 0.2, 0.05),
]
XS = [0, 1, 2, 5, 10, 30, 100, 500]
ZS = [0.05, 0.3, 0.5, 0.6, 0.8, 0.9, 0.97, 0.99, 0.999, 0.9999, 1 - 1e-6, 1 - 1e-8]

GENERIC = [
    ("log_identity", 1.0, 1.0, 2.0, 0.75),        # -ln(1 - z) / z
    ("log_identity_near_1", 1.0, 1.0, 2.0, 1 - 1e-7),
    ("c_minus_a_minus_b_zero", 0.25, 0.75, 1.0, 0.999999),
    ("pfaff_negative_z", 0.3, 1.7, 2.2, -0.5),
    ("pfaff_large_negative_z", 2.5, 1.5, 0.7, -30.0),
    ("pfaff_z_minus_1000", 1.0, 2.0, 3.0, -1000.0),
    ("negative_a", -0.5, 2.3, 1.1, 0.9),
    ("negative_c", 0.2, 0.4, -0.3, 0.95),
    ("polynomial", -3.0, 2.5, 1.5, 0.98),
    ("large_parameters", 40.0, 35.0, 80.0, 0.7),
    ("mpmath_50_digit_trap", 10.076183366549952, 182.22205592674425, 416.0922561772355, 0.8212920690376494),
]


def reference(a, b, c, z):
    try:
        scipy_value = float(scipy.special.hyp2f1(a, b, c, z))
    except Exception:  # noqa: BLE001 - any failure is recorded as nan
        scipy_value = float("nan")
    values = []
    for dps in PRECISIONS:
        mpmath.mp.dps = dps
        values.append(mpmath.hyp2f1(mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(c), mpmath.mpf(z)))
    if abs(values[0] - values[1]) > abs(values[1]) * AGREEMENT:
        return scipy_value, None
    return scipy_value, values[1]


def main():
    rows = []
    dropped = []

    def add(label, a, b, c, z):
        scipy_value, mp_value = reference(a, b, c, z)
        if mp_value is None:
            dropped.append(label)
            return
        if not mpmath.isfinite(mp_value) or abs(mp_value) > mpmath.mpf("1e300"):
            return  # outside the double range: not a useful reference
        rows.append({
            "label": label,
            "a": repr(a),
            "b": repr(b),
            "c": repr(c),
            "z": repr(z),
            "scipy": repr(scipy_value),
            "mpmath": mpmath.nstr(mp_value, 20, min_fixed=-1, max_fixed=-1),
        })

    for name, r, _alpha, a, b in PARAMETER_SETS:
        for x in XS:
            for z in ZS:
                add(f"bgnbd_eq10:{name}:x={x}", r + x, b + x, a + b + x - 1, z)
                add(f"bgnbd_euler:{name}:x={x}", a + b - 1 - r, a - 1, a + b + x - 1, z)
    for label, a, b, c, z in GENERIC:
        add(f"generic:{label}", a, b, c, z)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hyp2f1_reference.csv")
    with open(out, "w", newline="") as handle:
        handle.write(
            f"# scipy {scipy.__version__}; mpmath {mpmath.__version__} at {PRECISIONS[1]} digits, "
            f"agreeing with {PRECISIONS[0]} digits to 1e-25\n"
        )
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}; dropped {len(dropped)} where mpmath disagreed with itself")


if __name__ == "__main__":
    main()
