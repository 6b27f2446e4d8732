#!/usr/bin/env python3
"""Independent reference for the purchase histories RFM Segment gives the lifetime-value models
(nodes/lib/orders/aggregate.ts, option purchaseHistory), written from the rules, not from the code.

The histories follow lifetimes' summary_data_from_transaction_data (freq 'D' or 'W'): the
counted orders (same rules as RFM: last row of an orderId wins, counted statuses, not after the
reference instant, within the lookback, net of partial refunds) are grouped per customer and
period, the period being the calendar day, or the Monday-Sunday week, in the configuration's
time zone. Then:
  x  = number of periods with an order - 1
  tx = last period - first period          (in periods)
  T  = reference period - first period     (in periods)
  repeatValue = sum of the net amounts of the periods after the first, in cents

Plain Python 3 (datetime, zoneinfo), no pandas. Run from the repository root:
  python3 test/reference/rfm/purchase_history.py
Writes purchase_history_<config>_<day|week>.csv beside this file, sorted by customerId.
"""
import csv
import json
import os
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTED = {"paid", "shipped", "completed", "partially_refunded"}


def parse_instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def period_of(local_date, unit):
    if unit == "day":
        return local_date.toordinal()
    # Monday of the week, counted in weeks
    return (local_date.toordinal() - local_date.weekday()) // 7


def main():
    with open(os.path.join(HERE, "orders.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(HERE, "configs.json")) as f:
        configs = json.load(f)
    last_row = {}
    for i, row in enumerate(rows):
        last_row[row["orderId"]] = i
    for name, config in configs.items():
        zone = ZoneInfo(config["timeZone"])
        reference = parse_instant(config["referenceInstant"])
        reference_date = reference.astimezone(zone).date()
        lookback = config["lookbackDays"]
        for unit in ("day", "week"):
            periods = {}
            for i, row in enumerate(rows):
                if last_row[row["orderId"]] != i or row["status"] not in COUNTED:
                    continue
                instant = parse_instant(row["createdAt"])
                if instant > reference:
                    continue
                local_date = instant.astimezone(zone).date()
                if lookback > 0 and (reference_date - local_date).days >= lookback:
                    continue
                cents = int(Decimal(row["amount"]) * 100)
                if row["status"] == "partially_refunded":
                    cents -= int(Decimal(row["refundedAmount"]) * 100)
                per = periods.setdefault(row["customerId"], {})
                p = period_of(local_date, unit)
                per[p] = per.get(p, 0) + cents
            reference_period = period_of(reference_date, unit)
            out = os.path.join(HERE, f"purchase_history_{name}_{unit}.csv")
            with open(out, "w", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(["customerId", "x", "tx", "T", "repeatValueCents"])
                for customer in sorted(periods):
                    per = periods[customer]
                    first, last = min(per), max(per)
                    repeat = sum(v for p, v in per.items() if p != first)
                    writer.writerow([customer, len(per) - 1, last - first, reference_period - first, repeat])
            print(out, len(periods))


if __name__ == "__main__":
    main()
