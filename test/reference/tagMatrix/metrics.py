"""
Independent pandas computation of Tag Matrix's per-customer behaviour metrics, written from the
rules in docs/nodes/TagMatrix.md ("Metrics"), not from the TypeScript code:

- paid orders: every status but pending and cancelled;
- couponShare: paid orders with a coupon (a non-empty code, true, or a discount > 0) / paid orders;
- refundRate: paid orders with refundedAmount > 0 or status refunded / paid orders;
- preferredHour: the hour (Asia/Shanghai) with the most paid orders, ties to the earliest hour;
- mainPlatform: the platform of most paid orders, ties to the one ordered on first;
- firstChannel: the channel of the earliest paid order (None when it has none);
- region: the region of the latest paid order that has one;
- topCategory / topCategoryShare: the category with the largest paid spend and its share of
  the categorised spend (4 decimals), ties to the one bought first.

Re-run: /usr/bin/python3 test/reference/tagMatrix/metrics.py (Debian's python3-pandas;
deterministic: numpy default_rng(20261203)). Writes fixture.json beside it.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd

rng = np.random.default_rng(20261203)
N_CUSTOMERS, N_ORDERS = 80, 600
STATUSES = ["pending", "paid", "shipped", "completed", "cancelled", "refunded", "partially_refunded"]
STATUS_P = [0.05, 0.1, 0.1, 0.5, 0.1, 0.07, 0.08]
PLATFORMS = ["douyin", "xiaohongshu", "youzan", "taobao"]
CHANNELS = ["live", "short_video", "search", "private_domain", None]
CATEGORIES = ["skincare", "snacks", "tea", None]
REGIONS = ["广东", "浙江", "上海", None, None]
OFFSETS = ["+08:00", "Z", "-05:00"]

base = pd.Timestamp("2026-06-01T00:00:00Z")
rows = []
seconds = rng.choice(60 * 86400, size=N_ORDERS, replace=False)  # distinct instants: no time ties
for i in range(N_ORDERS):
    instant = base + pd.Timedelta(seconds=int(seconds[i]))
    offset = OFFSETS[rng.integers(len(OFFSETS))]
    shift = {"+08:00": 8, "Z": 0, "-05:00": -5}[offset]
    wall = (instant + pd.Timedelta(hours=shift)).strftime("%Y-%m-%dT%H:%M:%S")
    status = STATUSES[rng.choice(len(STATUSES), p=STATUS_P)]
    amount = round(float(rng.uniform(5, 500)), 2)
    refunded = amount if status == "refunded" else (round(amount * float(rng.uniform(0.1, 0.9)), 2) if status == "partially_refunded" else 0.0)
    coupon_kind = rng.integers(5)
    coupon = ["", None, f"C{i}", True, round(float(rng.uniform(1, 20)), 2)][coupon_kind]
    if coupon_kind == 1 and rng.random() < 0.5:
        coupon = 0
    rows.append({
        "orderId": f"O{i:04d}",
        "customerId": f"c{int(rng.integers(N_CUSTOMERS)):03d}",
        "createdAt": wall + offset,
        "status": status,
        "amount": amount,
        "refundedAmount": refunded,
        "platform": PLATFORMS[rng.integers(len(PLATFORMS))],
        "channel": CHANNELS[rng.integers(len(CHANNELS))],
        "region": REGIONS[rng.integers(len(REGIONS))],
        "category": CATEGORIES[rng.integers(len(CATEGORIES))],
        "couponCode": coupon,
    })

df = pd.DataFrame(rows)
df["at"] = pd.to_datetime(df["createdAt"], utc=True)
df["hour"] = df["at"].dt.tz_convert("Asia/Shanghai").dt.hour


def used_coupon(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip() != ""
    return value > 0


df["coupon"] = [used_coupon(v) for v in df["couponCode"]]
paid = df[~df["status"].isin(["pending", "cancelled"])].sort_values("at", kind="stable")


def first_of_most(series):
    counts = series.value_counts()
    if counts.empty:
        return None
    top = counts[counts == counts.max()].index
    return next(v for v in series if v in set(top))


expected = []
for customer, group in paid.groupby("customerId", sort=True):
    hours = group["hour"].value_counts()
    spend = group.dropna(subset=["category"]).groupby("category", sort=False)["amount"].sum()
    if spend.empty:
        top, share = None, None
    else:
        best = spend[spend == spend.max()].index
        top = next(c for c in group["category"] if c in set(best))
        share = round(float(spend[top] / spend.sum()), 4)
    regions = group["region"].dropna()
    channel = group["channel"].iloc[0]
    expected.append({
        "customerId": customer,
        "orders": int(len(group)),
        "couponShare": round(float(group["coupon"].mean()), 4),
        "refundRate": round(float(((group["refundedAmount"] > 0) | (group["status"] == "refunded")).mean()), 4),
        "preferredHour": int(hours[hours == hours.max()].index.min()),
        "mainPlatform": first_of_most(group["platform"]),
        "firstChannel": None if channel is None or (isinstance(channel, float) and np.isnan(channel)) else channel,
        "region": None if regions.empty else regions.iloc[-1],
        "topCategory": top,
        "topCategoryShare": share,
    })

# Customers with orders but none paid: no ratios.
for customer in sorted(set(df["customerId"]) - set(paid["customerId"])):
    expected.append({"customerId": customer, "orders": 0, "couponShare": None, "refundRate": None, "preferredHour": None})

out = {"orders": rows, "expected": expected, "pandas": pd.__version__, "numpy": np.__version__}
Path(__file__).with_name("fixture.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(rows)} orders, {len(paid)} paid, {len(expected)} customers; ties in hour:",
      sum(1 for c, g in paid.groupby('customerId') if (g['hour'].value_counts() == g['hour'].value_counts().max()).sum() > 1))
