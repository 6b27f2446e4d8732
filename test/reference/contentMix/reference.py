"""
Independent reference for Content Mix's audit (nodes/lib/contentMix/audit.ts), with pandas.

Generates posts.csv and orders.csv (seeded: a re-run rewrites identical files), then computes
per account, platform and pillar what the audit must return, to expected.csv:
window = the 14 days up to 2026-03-01 in Asia/Shanghai; target mix knowledge=60, scenario=30,
promotion=10; an order counts when its status is paid, shipped, completed or partially_refunded
and its link code is the code of a window post (the first such post in input order when posts
share a code); revenue = amount - refundedAmount; conversion = orders / clicks;
click-through = clicks / views.

Re-run (Debian packages, no pip): apt-get install -y python3-pandas
    /usr/bin/python3 test/reference/contentMix/reference.py
"""
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
SEED = 20260301
END = pd.Timestamp("2026-03-01").date()
WINDOW_DAYS = 14
TARGET = {"knowledge": 60.0, "scenario": 30.0, "promotion": 10.0}
COUNTED = {"paid", "shipped", "completed", "partially_refunded"}

rng = np.random.default_rng(SEED)

# Posts: 2 accounts x 2 platforms, 21 days (7 outside the window), pillars incl. one outside the mix.
rows = []
offsets = ["+08:00", "Z", "+09:00", "-05:00"]
for n in range(160):
    account = ["brand", "founder"][rng.integers(0, 2)]
    platform = ["douyin", "xiaohongshu"][rng.integers(0, 2)]
    pillar = rng.choice(["knowledge", "scenario", "promotion", "other"], p=[0.5, 0.3, 0.15, 0.05])
    local = pd.Timestamp("2026-02-09T00:00:00+08:00") + pd.Timedelta(minutes=int(rng.integers(0, 21 * 24 * 60)))
    offset = offsets[rng.integers(0, len(offsets))]
    stamp = local.tz_convert("UTC" if offset == "Z" else pd.Timestamp("2026-01-01T00:00:00" + offset).tz)
    text = stamp.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if offset == "Z" else offset)
    views = int(rng.integers(0, 5000)) if n % 17 else 0
    clicks = int(rng.integers(0, max(1, views // 20) + 1)) if views else 0
    code = f"lc-{n:03d}" if rng.random() < 0.85 else ""
    if n in (40, 41):
        code = "lc-shared"  # two posts, one code: the first in input order gets the orders
    rows.append(dict(postId=f"p{n:03d}", account=account, platform=platform, category=pillar, publishedAt=text, views=views, clicks=clicks, linkCode=code))
posts = pd.DataFrame(rows)
posts.to_csv(HERE / "posts.csv", index=False)

# Orders: most carry a post's link code, some an unknown one or none; all statuses.
codes = [c for c in posts.linkCode if c] + ["lc-unknown"]
orders = []
for n in range(900):
    status = rng.choice(["paid", "shipped", "completed", "partially_refunded", "cancelled", "refunded", "pending"], p=[0.2, 0.2, 0.35, 0.08, 0.07, 0.05, 0.05])
    amount = round(float(rng.uniform(9.9, 599)), 2)
    refunded = round(amount * float(rng.uniform(0.1, 0.6)), 2) if status == "partially_refunded" else (amount if status == "refunded" else 0.0)
    code = codes[rng.integers(0, len(codes))] if rng.random() < 0.9 else ""
    orders.append(dict(orderId=f"o{n:04d}", customerId=f"c{rng.integers(0, 300):03d}", createdAt="2026-02-20T10:00:00+08:00", status=status, currency="CNY", amount=amount, refundedAmount=refunded, linkCode=code))
orders = pd.DataFrame(orders)
orders.to_csv(HERE / "orders.csv", index=False)

# The audit, in pandas.
p = posts.copy()
p["linkCode"] = p["linkCode"].fillna("")
p["day"] = pd.to_datetime(p["publishedAt"], utc=True).dt.tz_convert("Asia/Shanghai").dt.date
start = END - pd.Timedelta(days=WINDOW_DAYS - 1)
p = p[(p["day"] >= start) & (p["day"] <= END)].copy()
p["order"] = range(len(p))  # input order among the window's posts (posts.csv order is kept)

o = orders.copy()
o["linkCode"] = o["linkCode"].fillna("")
o = o[o["status"].isin(COUNTED) & (o["linkCode"] != "")]
o["revenue"] = o["amount"] - o["refundedAmount"]
owner = p[p["linkCode"] != ""].drop_duplicates("linkCode", keep="first")[["linkCode", "postId"]]
earned = o.merge(owner, on="linkCode").groupby("postId").agg(orders=("orderId", "size"), revenue=("revenue", "sum"))
p = p.merge(earned, left_on="postId", right_index=True, how="left").fillna({"orders": 0, "revenue": 0.0})

by = p.groupby(["account", "platform", "category"]).agg(
    posts=("postId", "size"), views=("views", "sum"), clicks=("clicks", "sum"), orders=("orders", "sum"), revenue=("revenue", "sum")
).reset_index()
# Every target pillar appears for each account and platform, with 0 posts where none.
groups = p[["account", "platform"]].drop_duplicates()
full = groups.merge(pd.DataFrame({"category": list(TARGET)}), how="cross")
by = full.merge(by, on=["account", "platform", "category"], how="outer").fillna({"posts": 0, "views": 0, "clicks": 0, "orders": 0, "revenue": 0.0})
by["totalPosts"] = by.groupby(["account", "platform"])["posts"].transform("sum")
by["sharePercent"] = by["posts"] / by["totalPosts"] * 100
by["targetPercent"] = by["category"].map(TARGET).fillna(0.0)
by["deviationPoints"] = by["sharePercent"] - by["targetPercent"]
by["clickThroughPercent"] = np.where(by["views"] > 0, by["clicks"] / by["views"].where(by["views"] > 0) * 100, np.nan)
by["conversionPercent"] = np.where(by["clicks"] > 0, by["orders"] / by["clicks"].where(by["clicks"] > 0) * 100, np.nan)
by = by.rename(columns={"category": "pillar"}).sort_values(["account", "platform", "pillar"])
cols = ["account", "platform", "pillar", "posts", "totalPosts", "sharePercent", "targetPercent", "deviationPoints", "views", "clicks", "orders", "revenue", "clickThroughPercent", "conversionPercent"]
for c in ["posts", "totalPosts", "views", "clicks", "orders"]:
    by[c] = by[c].astype(int)
by[cols].to_csv(HERE / "expected.csv", index=False, float_format="%.10f")
print(by[cols].to_string())
