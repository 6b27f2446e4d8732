"""
Independent reference for the Daily KPI Digest (nodes/lib/kpiDigest), Python standard library
only (zoneinfo for the time zones, so it shares no code and no date library with the node).

1. Writes a deterministic fixture: orders.csv (orders over ~60 days plus some a year back,
   several platforms and channels, statuses, refunds, a re-ingested order id) and traffic.csv.
2. Computes, from the definitions in docs/nodes/KpiDigest.md ("How the numbers are counted"),
   the report day's figures, the 7-day average, the same weekday last week and the changes,
   for the shop, per platform and per platform x channel, and the movers, in two time zones:
   America/New_York with report day 2026-03-09 (the 7 days before hold 2026-03-08, 23 hours
   long there) and Asia/Shanghai with report day 2026-03-10.
3. Writes expected.json. Days are taken here from each order's local calendar date
   (datetime.astimezone), not from instants of local midnights as the node does.

Run: python3 test/reference/kpiDigest/reference.py
"""
import csv
import json
import os
import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
PAID = {"paid", "shipped", "completed", "partially_refunded", "refunded"}
PLATFORMS = ["douyin", "taobao", "pinduoduo"]
CHANNELS = ["live", "short_video", "search"]
LOOKBACK = 365
THRESHOLD = 0.2
TOP = 3
CASES = [("America/New_York", "2026-03-09"), ("Asia/Shanghai", "2026-03-10")]


def make_fixture():
    rng = random.Random(20260309)
    start = datetime(2026, 1, 15, tzinfo=timezone.utc)
    orders = []
    for i in range(900):
        if i < 60:  # a year back, for returning buyers
            created = start - timedelta(days=rng.randint(300, 420), seconds=rng.randint(0, 86399))
        else:
            created = start + timedelta(seconds=rng.randint(0, 56 * 86400))
        status = rng.choice(["paid", "paid", "completed", "shipped", "partially_refunded", "refunded", "cancelled", "pending"])
        cents = rng.randint(990, 59900)
        refund = cents if status == "refunded" else (rng.randint(1, cents) if status == "partially_refunded" else 0)
        orders.append({
            "orderId": f"O{i}",
            "customerId": f"c{rng.randint(1, 700)}",
            "createdAt": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "status": status,
            "amount": f"{cents / 100:.2f}",
            "refundedAmount": f"{refund / 100:.2f}",
            "platform": rng.choice(PLATFORMS),
            "channel": rng.choice(CHANNELS),
        })
    # O100 re-ingested with another amount and channel: the last row wins.
    again = dict(orders[100])
    again.update({"amount": "123.45", "refundedAmount": "0.00", "status": "paid", "channel": "search"})
    orders.append(again)
    traffic = []
    for d in range(56):
        day = (date(2026, 1, 15) + timedelta(days=d)).isoformat()
        for p in PLATFORMS:
            for c in CHANNELS:
                if rng.random() < 0.9:
                    traffic.append({"date": day, "platform": p, "channel": c, "visitors": rng.randint(50, 2000)})
    with open(os.path.join(HERE, "orders.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(orders[0].keys()))
        w.writeheader()
        w.writerows(orders)
    with open(os.path.join(HERE, "traffic.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(traffic[0].keys()))
        w.writeheader()
        w.writerows(traffic)
    return orders, traffic


def digest(orders, traffic, tz_name, report):
    tz = ZoneInfo(tz_name)
    report_day = date.fromisoformat(report)
    days = [report_day - timedelta(days=k) for k in range(7, -1, -1)]  # -7 .. 0
    last = {}
    for o in orders:
        last.pop(o["orderId"], None)
        last[o["orderId"]] = o
    counted = []
    for o in last.values():
        if o["status"] not in PAID:
            continue
        local = datetime.strptime(o["createdAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).astimezone(tz).date()
        counted.append(dict(o, day=local, cents=round(float(o["amount"]) * 100), refund=round(float(o["refundedAmount"]) * 100)))
    dates_of = {}
    for o in counted:
        dates_of.setdefault(o["customerId"], []).append(o["day"])

    def returning(customer, day):
        return any(day - timedelta(days=LOOKBACK) <= d < day for d in dates_of[customer])

    def figures(group, span):
        sel = [o for o in counted if o["day"] in span and group(o)]
        gmv = sum(o["cents"] for o in sel) / 100
        refunds = sum(o["refund"] for o in sel) / 100
        n = len(sel)
        buyers = returning_buyers = 0
        for d in span:
            day_buyers = {o["customerId"] for o in sel if o["day"] == d}
            buyers += len(day_buyers)
            returning_buyers += sum(1 for c in day_buyers if returning(c, d))
        rows = [t for t in traffic if date.fromisoformat(t["date"]) in span and group(t)]
        visitors = sum(int(t["visitors"]) for t in rows)
        k = len(span)
        return {
            "gmv": gmv / k,
            "orders": n / k,
            "buyers": buyers / k,
            "returningBuyers": returning_buyers / k,
            "refundAmount": refunds / k,
            "averageOrderValue": gmv / n if n else 0,
            "visitors": visitors / k,
            "conversionRate": n / visitors if visitors else None,
            "repurchaseRate": returning_buyers / buyers if buyers else 0,
            "refundRate": refunds / gmv if gmv else 0,
        }

    def changes(a, b):
        rel = lambda x, y: None if x is None or y is None or not y > 0 else (x - y) / y
        return {
            "gmv": rel(a["gmv"], b["gmv"]),
            "orders": rel(a["orders"], b["orders"]),
            "averageOrderValue": rel(a["averageOrderValue"], b["averageOrderValue"]),
            "visitors": rel(a["visitors"], b["visitors"]),
            "conversionRate": None if a["conversionRate"] is None or b["conversionRate"] is None else a["conversionRate"] - b["conversionRate"],
            "repurchaseRate": a["repurchaseRate"] - b["repurchaseRate"] if a["buyers"] and b["buyers"] else None,
            "refundRate": a["refundRate"] - b["refundRate"] if a["gmv"] and b["gmv"] else None,
        }

    def entry(group):
        y = figures(group, days[7:])
        avg = figures(group, days[:7])
        lw = figures(group, days[:1])
        return {"yesterday": y, "average7Days": avg, "sameDayLastWeek": lw, "vsAverage": changes(y, avg), "vsLastWeek": changes(y, lw)}

    platforms = {p: entry(lambda o, p=p: o["platform"] == p) for p in PLATFORMS}
    channels = {f"{p}|{c}": entry(lambda o, p=p, c=c: o["platform"] == p and o["channel"] == c) for p in PLATFORMS for c in CHANNELS}
    movers = []
    for key, e in channels.items():
        change = e["vsAverage"]["gmv"]
        if (change is None and e["yesterday"]["gmv"] > 0) or (change is not None and change != 0 and abs(change) >= THRESHOLD):
            movers.append({"key": key, "gmvChangeAmount": e["yesterday"]["gmv"] - e["average7Days"]["gmv"], "gmvChange": change})
    movers.sort(key=lambda m: (-abs(m["gmvChangeAmount"]), m["key"]))
    return {
        "timeZone": tz_name,
        "reportDate": report,
        "sameWeekdayLastWeek": days[0].isoformat(),
        "total": entry(lambda o: True),
        "platforms": platforms,
        "channels": channels,
        "movers": movers[:TOP],
    }


if __name__ == "__main__":
    orders, traffic = make_fixture()
    expected = [digest(orders, traffic, tz, day) for tz, day in CASES]
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print("wrote orders.csv, traffic.csv, expected.json:", len(orders), "order rows,", len(traffic), "traffic rows")
