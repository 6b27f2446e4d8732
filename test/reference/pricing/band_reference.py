"""
Independent reference for Price Ladder's competitor band (nodes/lib/pricing/quantiles.ts):
quartiles by pandas.Series.quantile (interpolation='linear', Hyndman & Fan type 7) and the
percentile rank by scipy.stats.percentileofscore(kind='mean'). Prices in cents, as the node
holds them. Run: python3 band_reference.py > band_reference.json (pandas 1.5.3, scipy 1.10.1).
"""
import json
import random

import pandas as pd
from scipy.stats import percentileofscore

random.seed(10)
cases = []
for case in range(40):
    n = random.choice([1, 2, 3, 4, 5, 7, 10, 25])
    # Ties on purpose: prices drawn from a short list of charm prices, plus random cents.
    prices = [random.choice([1990, 2990, 3990, 9900, 12900]) if random.random() < 0.4 else random.randint(100, 50000) for _ in range(n)]
    probe = random.choice(prices) if random.random() < 0.5 else random.randint(50, 60000)
    s = pd.Series(prices, dtype="float64")
    cases.append({
        "prices": prices,
        "probe": probe,
        "min": float(s.min()),
        "q1": float(s.quantile(0.25)),
        "median": float(s.quantile(0.5)),
        "q3": float(s.quantile(0.75)),
        "max": float(s.max()),
        "percentile": float(percentileofscore(prices, probe, kind="mean")),
    })
print(json.dumps({"generator": "pandas " + pd.__version__ + ", scipy.stats.percentileofscore kind='mean'", "cases": cases}, indent=1))
