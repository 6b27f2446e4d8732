#!/usr/bin/python3
"""Independent reference for the pack's RFM rules, on generated data with heavy ties.

Step 1 generates a deterministic order table (numpy default_rng, fixed seed) with heavy
ties and the noise the rules must handle; step 2 writes it to orders.csv; step 3 reads
orders.csv back and scores it with pandas for each configuration in CONFIGS, writing
expected_<config>.csv; step 4 writes configs.json with the exact parameters.

The scoring half (aggregate / score_* / segment_*) is written from the rules in the
brief and docs/domain.md section 2, not from the TypeScript implementation, so the Jest
test that compares the two is a comparison against an independent implementation.

Run with Debian's python3 (python3-pandas, python3-numpy):
    /usr/bin/python3 test/reference/rfm/generate_and_score.py
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260630

# ---------------------------------------------------------------------------------------
# Rules and configurations
# ---------------------------------------------------------------------------------------

COUNTED_STATUSES = ['paid', 'shipped', 'completed', 'partially_refunded']
NOT_COUNTED_STATUSES = ['pending', 'cancelled', 'refunded']

RF_GRID = {  # keys: R digit then F digit
    'hibernating': ['11', '12', '21', '22'],
    'at_risk': ['13', '14', '23', '24'],
    'cant_lose': ['15', '25'],
    'about_to_sleep': ['31', '32'],
    'need_attention': ['33'],
    'loyal_customers': ['34', '35', '44', '45'],
    'promising': ['41'],
    'new_customers': ['51'],
    'potential_loyalists': ['42', '43', '52', '53'],
    'champions': ['54', '55'],
}

# Putler-style: (name, (rLow, rHigh), (fmLow, fmHigh)); a range (a, b) means a < x <= b;
# FM = (F + M) / 2; first match wins, in this order.
PUTLER_RULES = [
    ('champions', (4, 5), (4, 5)),
    ('cant_lose', (0, 1), (4, 5)),
    ('hibernating', (1, 2), (1, 2)),
    ('loyal_customers', (2, 5), (3, 5)),
    ('potential_loyalists', (3, 5), (1, 3)),
    ('recent_customers', (4, 5), (0, 1)),
    ('promising', (3, 4), (0, 1)),
    ('need_attention', (2, 3), (2, 3)),
    ('about_to_sleep', (2, 3), (0, 2)),
    ('at_risk', (0, 2), (2, 5)),
    ('lost', (0, 2), (0, 2)),
]

CONFIGS = {
    'default': {
        'referenceInstant': '2026-06-30T23:59:59+08:00',
        'timeZone': 'Asia/Shanghai',
        'lookbackDays': 0,
        'scoring': {'method': 'quintiles'},
        'segmentation': {'scheme': 'rfGrid'},
    },
    'equalSize_putler_lookback365': {
        'referenceInstant': '2026-06-30T23:59:59+08:00',
        'timeZone': 'Asia/Shanghai',
        'lookbackDays': 365,
        'scoring': {'method': 'equalSize'},
        'segmentation': {'scheme': 'putler'},
    },
    'thresholds_custom_utc': {
        'referenceInstant': '2026-06-30T12:00:00Z',
        'timeZone': 'UTC',
        'lookbackDays': 0,
        'scoring': {
            'method': 'thresholds',
            'thresholds': {
                'r': [30, 90, 180, 365],
                'f': [2, 3, 5, 8],
                'm': [50, 100, 300, 1000],
            },
        },
        'segmentation': {
            'scheme': 'custom',
            'rules': [
                {'name': 'vip', 'r': [4, 5], 'f': [4, 5], 'm': [4, 5]},
                {'name': 'big_spender_lapsed', 'r': [1, 2], 'f': [1, 5], 'm': [5, 5]},
                {'name': 'one_timer', 'r': [1, 5], 'f': [1, 1], 'm': [1, 5]},
            ],
            'fallback': 'others',
        },
    },
}

# ---------------------------------------------------------------------------------------
# Step 1: generate orders
# ---------------------------------------------------------------------------------------

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
PRICE_POINTS = np.array([0.00, 9.90, 19.90, 29.90, 59.00, 99.00, 199.00, 399.00])
TIER_PRICE_PROBS = {
    'low': [0.03, 0.35, 0.35, 0.15, 0.10, 0.02, 0.00, 0.00],
    'mid': [0.02, 0.10, 0.20, 0.20, 0.25, 0.18, 0.05, 0.00],
    'high': [0.01, 0.02, 0.05, 0.10, 0.20, 0.30, 0.22, 0.10],
}
FREQ_VALUES = np.arange(1, 13)
FREQ_PROBS = np.array([0.50, 0.19, 0.10, 0.065, 0.045, 0.03, 0.02, 0.015, 0.012, 0.008, 0.008, 0.007])
STATUS_VALUES = ['completed', 'paid', 'shipped', 'partially_refunded', 'pending', 'cancelled', 'refunded']
STATUS_PROBS = [0.40, 0.29, 0.20, 0.03, 0.03, 0.03, 0.02]
PARTIAL_REFUNDS = [5.00, 9.90, 10.00, 20.00]
# Local (Asia/Shanghai) times of day; the last five are within minutes of local midnight.
DAY_TIMES = ['09:15:00', '12:30:00', '20:05:00', '21:45:30']
MIDNIGHT_TIMES = ['23:55:00', '23:58:30', '23:59:59', '00:00:00', '00:01:15', '00:04:00']
OFFSETS = ['+08:00', 'Z', '-05:00']


def order_days() -> list[dt.date]:
    """A limited set of calendar days (Asia/Shanghai) so that many customers share recency."""
    start, end = dt.date(2024, 7, 1), dt.date(2026, 7, 5)
    days = {start + dt.timedelta(days=d) for d in range(0, (end - start).days + 1, 9)}
    # Edges: the 365-day lookback boundary, the days around the reference, future days.
    days |= {dt.date(2025, 6, 30), dt.date(2025, 7, 1), dt.date(2026, 6, 29), dt.date(2026, 6, 30)}
    days |= {dt.date(2026, 7, d) for d in range(1, 6)}
    return sorted(days)


def format_instant(instant: dt.datetime, offset: str) -> str:
    """ISO-8601 with the given offset ('Z', '+08:00', '-05:00'), seconds precision."""
    if offset == 'Z':
        return instant.astimezone(dt.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    sign = 1 if offset[0] == '+' else -1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return instant.astimezone(zone).strftime('%Y-%m-%dT%H:%M:%S') + offset


def shanghai_instant(day: dt.date, time_of_day: str) -> dt.datetime:
    h, m, s = (int(x) for x in time_of_day.split(':'))
    return dt.datetime(day.year, day.month, day.day, h, m, s, tzinfo=SHANGHAI)


def money(x: float) -> str:
    return f'{x:.2f}'


def customer_ids(rng: np.random.Generator, n: int) -> list[str]:
    """Unpadded 'C<n>' ids (string order differs from numeric order), a few lower-case
    'c<n>' ids and a few all-digit ids with leading zeros (must stay strings)."""
    ids = [f'C{i}' for i in range(1, n + 1)]
    lower = rng.choice(n, size=60, replace=False)
    for i in lower:
        ids[i] = f'c{i + 1}'
    rest = np.setdiff1d(np.arange(n), lower)
    digits = rng.choice(rest, size=40, replace=False)
    for i in digits:
        ids[i] = f'{i + 1:07d}'
    return ids


def generate(rng: np.random.Generator, n_customers: int = 6000) -> pd.DataFrame:
    days = order_days()
    rows: list[dict] = []
    next_order = [100000]

    def add(customer: str, instant: dt.datetime, status: str, amount: float,
            refunded: float | None = None, offset: str | None = None) -> dict:
        if refunded is None:
            refunded = amount if status == 'refunded' else 0.0
        row = {
            'orderId': f'O{next_order[0]}',
            'customerId': customer,
            'instant': instant,
            'offset': offset or OFFSETS[rng.integers(len(OFFSETS))],
            'status': status,
            'amount': amount,
            'refundedAmount': refunded,
        }
        next_order[0] += 1
        rows.append(row)
        return row

    tiers = rng.choice(['low', 'mid', 'high'], size=n_customers, p=[0.5, 0.35, 0.15])
    for customer, tier in zip(customer_ids(rng, n_customers), tiers):
        k = int(rng.choice(FREQ_VALUES, p=FREQ_PROBS))
        last = int(rng.integers(len(days)))
        day_idx = [last] + list(rng.integers(0, last + 1, size=k - 1))
        for d in day_idx:
            if rng.random() < 0.07:
                time_of_day = MIDNIGHT_TIMES[rng.integers(len(MIDNIGHT_TIMES))]
            else:
                time_of_day = DAY_TIMES[rng.integers(len(DAY_TIMES))]
            status = str(rng.choice(STATUS_VALUES, p=STATUS_PROBS))
            amount = float(rng.choice(PRICE_POINTS, p=TIER_PRICE_PROBS[tier]))
            refunded = None
            if status == 'partially_refunded':
                refunded = min(float(rng.choice(PARTIAL_REFUNDS)), amount)
            add(customer, shanghai_instant(days[d], time_of_day), status, amount, refunded)

    # Explicit edge customers: ids say what each one exercises.
    at = shanghai_instant
    ref_a = dt.datetime(2026, 6, 30, 23, 59, 59, tzinfo=SHANGHAI)
    ref_c = dt.datetime(2026, 6, 30, 12, 0, 0, tzinfo=dt.timezone.utc)
    sec = dt.timedelta(seconds=1)
    old = at(dt.date(2025, 1, 10), '12:30:00')
    for off in OFFSETS:
        name = {'+08:00': 'p08', 'Z': 'z', '-05:00': 'm05'}[off]
        add(f'edge-at-ref-a-{name}', ref_a, 'paid', 59.00, offset=off)
        add(f'edge-at-ref-a-{name}', old, 'completed', 19.90)
        add(f'edge-after-ref-a-{name}', ref_a + sec, 'paid', 99.00, offset=off)
        add(f'edge-after-ref-a-{name}', old, 'completed', 9.90)
        add(f'edge-at-ref-c-{name}', ref_c, 'shipped', 29.90, offset=off)
        add(f'edge-after-ref-c-{name}', ref_c + sec, 'shipped', 29.90, offset=off)
        add(f'edge-after-ref-c-{name}', old, 'completed', 9.90)
    # Only future counted orders (after both references): left out of every result.
    add('edge-only-future', at(dt.date(2026, 7, 2), '09:15:00'), 'paid', 99.00)
    add('edge-only-future', at(dt.date(2026, 7, 3), '00:00:00'), 'completed', 19.90)
    # 365-day lookback boundary in Asia/Shanghai: 2025-06-30 local is 365 days before the
    # reference day (excluded), 2025-07-01 local is 364 days (included).
    add('edge-lookback-excluded-p08', at(dt.date(2025, 6, 30), '23:59:59'), 'paid', 59.00, offset='+08:00')
    add('edge-lookback-excluded-m05', at(dt.date(2025, 6, 30), '23:59:59'), 'paid', 59.00, offset='-05:00')
    add('edge-lookback-included-z', at(dt.date(2025, 7, 1), '00:00:00'), 'paid', 59.00, offset='Z')
    add('edge-lookback-included-p08', at(dt.date(2025, 7, 1), '00:00:00'), 'paid', 59.00, offset='+08:00')
    add('edge-lookback-mixed', at(dt.date(2025, 6, 30), '23:58:30'), 'completed', 99.00, offset='Z')
    add('edge-lookback-mixed', at(dt.date(2025, 7, 1), '00:01:15'), 'completed', 19.90, offset='-05:00')
    # Local-midnight orders: a different calendar day in Asia/Shanghai than in UTC.
    add('edge-midnight-shanghai-z', at(dt.date(2026, 6, 1), '00:00:30'), 'paid', 19.90, offset='Z')
    add('edge-midnight-shanghai-m05', at(dt.date(2026, 6, 1), '00:04:00'), 'paid', 19.90, offset='-05:00')
    add('edge-midnight-shanghai-p08', at(dt.date(2026, 5, 31), '23:59:59'), 'paid', 19.90, offset='+08:00')
    # Not counted at all: left out of every result.
    add('edge-only-refunded', at(dt.date(2026, 3, 3), '12:30:00'), 'refunded', 99.00)
    add('edge-only-refunded', at(dt.date(2026, 4, 4), '12:30:00'), 'refunded', 59.00)
    add('edge-only-cancelled', at(dt.date(2026, 3, 3), '12:30:00'), 'cancelled', 19.90)
    add('edge-only-pending', at(dt.date(2026, 6, 29), '20:05:00'), 'pending', 19.90)
    add('edge-refunded-and-cancelled', at(dt.date(2025, 11, 11), '00:00:00'), 'refunded', 199.00)
    add('edge-refunded-and-cancelled', at(dt.date(2025, 11, 12), '09:15:00'), 'cancelled', 29.90)
    for i in range(12):
        add(f'edge-only-refunded-{i}', at(days[int(rng.integers(len(days) - 5))], '21:45:30'),
            'refunded', float(rng.choice(PRICE_POINTS[1:])))
    # Net-zero and zero-amount orders still count toward frequency.
    add('edge-net-zero', at(dt.date(2026, 2, 14), '20:05:00'), 'partially_refunded', 59.00, 59.00)
    add('edge-net-zero', at(dt.date(2026, 2, 15), '20:05:00'), 'completed', 0.00)
    # Refund larger than the price-point set: amount 99.00 - 59.00 = 40.00.
    add('edge-partial-refund', at(dt.date(2026, 5, 20), '12:30:00'), 'partially_refunded', 99.00, 59.00)
    # Same order re-ingested: the later row in file order wins, whatever its status.
    dup_specs = [('paid', 'refunded'), ('pending', 'paid'), ('paid', 'partially_refunded'),
                 ('refunded', 'paid'), ('completed', 'completed'), ('shipped', 'cancelled')]
    dup_edges = []
    for first, later in dup_specs:
        name = f'edge-dup-{first}-then-{later}'
        row = add(name, at(dt.date(2026, 4, 13), '09:15:00'), first, 99.00)
        add(name, at(dt.date(2025, 9, 9), '12:30:00'), 'completed', 19.90)
        dup_edges.append((row, later))
    row = add('edge-dup-three-snapshots', at(dt.date(2026, 6, 20), '23:59:59'), 'pending', 59.00)
    dup_edges.append((row, 'paid'))
    dup_edges.append((row, 'shipped'))
    # Customer whose every counted order is a re-ingested refund: ends up left out.
    row = add('edge-dup-all-refunded', at(dt.date(2026, 1, 5), '12:30:00'), 'paid', 29.90)
    dup_edges.append((row, 'refunded'))

    orders = pd.DataFrame(rows)
    orders = orders.iloc[rng.permutation(len(orders))].reset_index(drop=True)

    # Random re-ingested snapshots (~2.5% of orders): a later row with an updated status.
    transitions = {
        'pending': ['paid', 'cancelled', 'pending'],
        'paid': ['shipped', 'completed', 'refunded', 'partially_refunded', 'paid'],
        'shipped': ['completed', 'refunded', 'partially_refunded', 'shipped'],
        'completed': ['completed', 'partially_refunded', 'refunded'],
        'partially_refunded': ['refunded', 'partially_refunded'],
        'cancelled': ['cancelled'],
        'refunded': ['refunded'],
    }
    generated = orders[~orders.customerId.str.startswith('edge-')]
    picks = rng.choice(generated.index.to_numpy(), size=int(0.025 * len(orders)), replace=False)
    updates = []
    for i in picks:
        src = orders.loc[i].to_dict()
        updates.append((i, src, str(rng.choice(transitions[src['status']]))))
    by_order = {r['orderId']: i for i, r in orders[['orderId']].iterrows()}
    for row, later in dup_edges:
        i = by_order[row['orderId']]
        updates.append((i, orders.loc[i].to_dict(), later))

    # Insert each update after its original (and after earlier snapshots of the same order).
    records = orders.to_dict('records')
    positions = {}
    inserts: list[tuple[float, dict]] = []
    for i, src, later in updates:
        snap = dict(src)
        snap['status'] = later
        # The same instant, possibly written with another offset.
        snap['offset'] = OFFSETS[rng.integers(len(OFFSETS))]
        if later == 'refunded':
            snap['refundedAmount'] = snap['amount']
        elif later == 'partially_refunded':
            snap['refundedAmount'] = min(float(rng.choice(PARTIAL_REFUNDS)), snap['amount'])
        else:
            snap['refundedAmount'] = 0.0
        lo = positions.get(src['orderId'], i)
        pos = lo + float(rng.uniform(0.01, max(min(len(records) - lo, 800), 1)))
        positions[src['orderId']] = pos
        inserts.append((pos, snap))
    keyed = [(float(i), r) for i, r in enumerate(records)] + inserts
    keyed.sort(key=lambda t: t[0])
    out = pd.DataFrame([r for _, r in keyed])

    return pd.DataFrame({
        'orderId': out.orderId,
        'customerId': out.customerId,
        'createdAt': [format_instant(t, o) for t, o in zip(out.instant, out.offset)],
        'status': out.status,
        'currency': 'CNY',
        'amount': out.amount.map(money),
        'refundedAmount': out.refundedAmount.map(money),
    })


# ---------------------------------------------------------------------------------------
# Step 3: the reference implementation of the rules (reads orders.csv only)
# ---------------------------------------------------------------------------------------

def cents(x: pd.Series) -> pd.Series:
    """round-half-away-from-zero(x * 100) as integers."""
    scaled = x.astype(float) * 100
    # The data has 2 decimals: x * 100 must be within float noise of an integer, so the
    # rounding direction is never in doubt.
    assert (np.abs(scaled - np.round(scaled)) < 1e-6).all()
    return (np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)).astype('int64')


def aggregate(orders: pd.DataFrame, reference: str, zone: str, lookback: int) -> pd.DataFrame:
    df = orders.drop_duplicates('orderId', keep='last')
    df = df[df.status.isin(COUNTED_STATUSES)].copy()
    df['instant'] = pd.to_datetime(df.createdAt, utc=True)
    ref = pd.Timestamp(reference).tz_convert('UTC')
    df = df[df.instant <= ref].copy()
    ref_day = ref.tz_convert(zone).date()
    df['localDay'] = df.instant.dt.tz_convert(zone).dt.date
    df['dayDiff'] = [(ref_day - d).days for d in df.localDay]
    if lookback > 0:
        df = df[df.dayDiff < lookback].copy()
    net = cents(df.amount)
    partial = df.status == 'partially_refunded'
    net[partial] = net[partial] - cents(df.refundedAmount[partial])
    df['netCents'] = net
    out = df.groupby('customerId').agg(
        recencyDays=('dayDiff', 'min'),
        frequency=('orderId', 'nunique'),
        monetaryCents=('netCents', 'sum'),
    ).reset_index()
    assert (out.recencyDays >= 0).all()
    return out


def score_quintiles(agg: pd.DataFrame) -> pd.DataFrame:
    n = len(agg)
    smaller_f = agg.frequency.rank(method='min').astype(int) - 1
    smaller_m = agg.monetaryCents.rank(method='min').astype(int) - 1
    larger_r = agg.recencyDays.rank(method='min', ascending=False).astype(int) - 1
    # Cross-check the rank counts with a brute-force searchsorted.
    f_sorted, m_sorted, r_sorted = (np.sort(agg[c].to_numpy()) for c in ('frequency', 'monetaryCents', 'recencyDays'))
    assert (smaller_f.to_numpy() == np.searchsorted(f_sorted, agg.frequency.to_numpy(), 'left')).all()
    assert (smaller_m.to_numpy() == np.searchsorted(m_sorted, agg.monetaryCents.to_numpy(), 'left')).all()
    assert (larger_r.to_numpy() == n - np.searchsorted(r_sorted, agg.recencyDays.to_numpy(), 'right')).all()
    return agg.assign(
        r=(1 + (5 * larger_r) // n).clip(1, 5),
        f=(1 + (5 * smaller_f) // n).clip(1, 5),
        m=(1 + (5 * smaller_m) // n).clip(1, 5),
    )


def equal_size(agg: pd.DataFrame, column: str, descending: bool) -> pd.Series:
    n = len(agg)
    # customerId compared as plain strings (code points), never numerically or by locale.
    ordered = agg.sort_values([column, 'customerId'], ascending=[not descending, True], kind='mergesort')
    position = pd.Series(np.arange(n), index=ordered.index)
    return (1 + (5 * position) // n).reindex(agg.index)


def score_equal_size(agg: pd.DataFrame) -> pd.DataFrame:
    return agg.assign(
        r=equal_size(agg, 'recencyDays', descending=True),
        f=equal_size(agg, 'frequency', descending=False),
        m=equal_size(agg, 'monetaryCents', descending=False),
    )


def score_thresholds(agg: pd.DataFrame, cuts: dict) -> pd.DataFrame:
    def at_or_above(values: pd.Series, points) -> pd.Series:
        return sum((values >= t).astype(int) for t in points)

    return agg.assign(
        r=5 - sum((agg.recencyDays > t).astype(int) for t in cuts['r']),
        f=1 + at_or_above(agg.frequency, cuts['f']),
        # Monetary cut points are in currency units; compare in cents, exactly.
        m=1 + at_or_above(agg.monetaryCents, [round(t * 100) for t in cuts['m']]),
    )


def segment_rf_grid(r: int, f: int, m: int) -> str:
    key = f'{r}{f}'
    (name,) = [s for s, keys in RF_GRID.items() if key in keys]
    return name


def segment_putler(r: int, f: int, m: int) -> str | None:
    fm2 = f + m  # 2 * FM, to stay in integers
    for name, (r_lo, r_hi), (fm_lo, fm_hi) in PUTLER_RULES:
        if r_lo < r <= r_hi and 2 * fm_lo < fm2 <= 2 * fm_hi:
            return name
    return None


def segment_custom(rules: list, fallback: str):
    def segment(r: int, f: int, m: int) -> str:
        for rule in rules:
            if (rule['r'][0] <= r <= rule['r'][1] and rule['f'][0] <= f <= rule['f'][1]
                    and rule['m'][0] <= m <= rule['m'][1]):
                return rule['name']
        return fallback
    return segment


def check_segment_maps() -> None:
    cells = [f'{r}{f}' for r in range(1, 6) for f in range(1, 6)]
    listed = Counter(k for keys in RF_GRID.values() for k in keys)
    assert sorted(listed) == cells and set(listed.values()) == {1}, 'rfGrid must cover 25 cells once'
    for r in range(1, 6):
        for f in range(1, 6):
            for m in range(1, 6):
                assert segment_putler(r, f, m) is not None, f'putler gap at R={r} FM={(f + m) / 2}'


def score(orders: pd.DataFrame, config: dict) -> pd.DataFrame:
    agg = aggregate(orders, config['referenceInstant'], config['timeZone'], config['lookbackDays'])
    method = config['scoring']['method']
    if method == 'quintiles':
        scored = score_quintiles(agg)
    elif method == 'equalSize':
        scored = score_equal_size(agg)
    else:
        scored = score_thresholds(agg, config['scoring']['thresholds'])
    scheme = config['segmentation']['scheme']
    segment = {
        'rfGrid': segment_rf_grid,
        'putler': segment_putler,
        'custom': lambda r, f, m: segment_custom(config['segmentation']['rules'],
                                                 config['segmentation']['fallback'])(r, f, m),
    }[scheme]
    for c in ('r', 'f', 'm'):
        assert scored[c].between(1, 5).all()
    scored['rfmCode'] = scored.r.astype(str) + scored.f.astype(str) + scored.m.astype(str)
    scored['segment'] = [segment(r, f, m) for r, f, m in zip(scored.r, scored.f, scored.m)]
    scored['monetary'] = [f'{c // 100}.{c % 100:02d}' for c in scored.monetaryCents]
    scored = scored.sort_values('customerId', kind='mergesort')
    return scored[['customerId', 'recencyDays', 'frequency', 'monetary', 'r', 'f', 'm', 'rfmCode', 'segment']]


# ---------------------------------------------------------------------------------------
# Checks that the data exercises every edge
# ---------------------------------------------------------------------------------------

def check_edges(orders: pd.DataFrame) -> None:
    instants = pd.Series([dt.datetime.fromisoformat(s.replace('Z', '+00:00')) for s in orders.createdAt])
    assert (pd.to_datetime(orders.createdAt, utc=True) == pd.to_datetime(instants, utc=True)).all()
    last = orders.drop_duplicates('orderId', keep='last')
    first = orders.drop_duplicates('orderId', keep='first').set_index('orderId')
    dup_ids = orders.orderId[orders.orderId.duplicated()].unique()
    changed = (last.set_index('orderId').loc[dup_ids].status != first.loc[dup_ids].status).sum()
    offsets = orders.createdAt.str.extract(r'(Z|[+-]\d\d:\d\d)$')[0].value_counts()
    local = pd.to_datetime(orders.createdAt, utc=True).dt.tz_convert('Asia/Shanghai')
    minutes = local.dt.hour * 60 + local.dt.minute
    near_midnight = ((minutes >= 23 * 60 + 50) | (minutes < 10)).sum()
    ref_a = pd.Timestamp(CONFIGS['default']['referenceInstant'])
    ref_c = pd.Timestamp(CONFIGS['thresholds_custom_utc']['referenceInstant'])
    inst = pd.to_datetime(last.createdAt, utc=True)
    status_of = last.groupby('customerId').status.agg(set)
    only_refunded = sum(s == {'refunded'} for s in status_of)
    no_counted = sum(not (s & set(COUNTED_STATUSES)) for s in status_of)
    partial = last[(last.status == 'partially_refunded') & (last.refundedAmount.astype(float) > 0)]
    share = lambda mask: f'{mask.sum()} ({mask.mean():.1%})'
    facts = {
        'rows': len(orders),
        'distinct orderIds': orders.orderId.nunique(),
        'customers': orders.customerId.nunique(),
        'duplicate orderId rows (re-ingested snapshots)': len(orders) - orders.orderId.nunique(),
        'duplicated orders whose last status differs from the first': int(changed),
        'cancelled or refunded (after dedup)': share(last.status.isin(['cancelled', 'refunded'])),
        'pending (after dedup)': share(last.status == 'pending'),
        'partially_refunded with refundedAmount > 0': len(partial),
        'customers with only refunded orders': only_refunded,
        'customers with no counted order': no_counted,
        'orders after REF 2026-06-30T23:59:59+08:00': int((inst > ref_a).sum()),
        'orders after REF 2026-06-30T12:00:00Z': int((inst > ref_c).sum()),
        'orders within 10 min of Asia/Shanghai midnight': int(near_midnight),
        'offsets': dict(offsets),
        'zero-amount orders': int((orders.amount.astype(float) == 0).sum()),
    }
    for k, v in facts.items():
        print(f'  {k}: {v}')
    assert changed > 0 and len(partial) > 0 and only_refunded > 0
    assert (inst > ref_a).sum() > 0 and ((inst > ref_c) & (inst <= ref_a)).sum() > 0
    assert near_midnight > 0 and set(offsets.index) == {'Z', '+08:00', '-05:00'}
    assert 0.035 <= last.status.isin(['cancelled', 'refunded']).mean() <= 0.07


def main() -> None:
    check_segment_maps()
    rng = np.random.default_rng(SEED)
    orders_path = os.path.join(HERE, 'orders.csv')
    generate(rng).to_csv(orders_path, index=False)

    # Everything below reads the CSV back, as the Jest test will.
    orders = pd.read_csv(orders_path, dtype=str, keep_default_na=False)
    print(f'pandas {pd.__version__}, numpy {np.__version__}')
    print('orders.csv:')
    check_edges(orders)

    segments_of = {
        'rfGrid': list(RF_GRID),
        'putler': [name for name, _, _ in PUTLER_RULES],
    }
    for name, config in CONFIGS.items():
        result = score(orders, config)
        result.to_csv(os.path.join(HERE, f'expected_{name}.csv'), index=False)
        seg = config['segmentation']
        expected = segments_of.get(seg['scheme']) or [r['name'] for r in seg['rules']] + [seg['fallback']]
        counts = result.segment.value_counts()
        print(f'\n{name}: {len(result)} customers scored')
        print('  distinct values: recencyDays', result.recencyDays.nunique(),
              '| frequency', result.frequency.nunique(), '| monetary', result.monetary.nunique())
        print('  score counts r:', dict(result.r.value_counts().sort_index()),
              'f:', dict(result.f.value_counts().sort_index()),
              'm:', dict(result.m.value_counts().sort_index()))
        for s in expected:
            print(f'  {s:22s} {counts.get(s, 0)}')
        missing = [s for s in expected if counts.get(s, 0) == 0]
        assert not missing, f'{name}: no customer in {missing}'
        assert set(counts.index) <= set(expected)

    with open(os.path.join(HERE, 'configs.json'), 'w') as fh:
        json.dump(CONFIGS, fh, indent=2)
        fh.write('\n')


if __name__ == '__main__':
    main()
