#!/usr/bin/env python3
"""Independent reference for the Reorder Alert mathematics (nodes/lib/inventory).

Generates sku x warehouse daily-sales histories with stock-out days, missing days and
duplicate rows, and computes with pandas / numpy / scipy / statsmodels — none of it shares
code with the TypeScript — what the library must return:

  d   = mean units over in-stock days of the 28-day window ending at AS_OF
  σd  = sample standard deviation (ddof=1) over those days; 0 with one in-stock day
        fallback when the window has no in-stock day (sold out throughout): d and σd over
        the 28 most recent in-stock days before the window (demandBasis earlierHistory);
        no in-stock day in the whole history: no_history (demandBasis none)
  z   = scipy.stats.norm.ppf(service level)
  SS  = z·sqrt(L·σd² + d²·σL²),  ROP = d·L + SS,  IP = onHand + onOrder − reserved
  order quantities for the four policies, status, days of cover, stock-out date
  network mode: d = Σd_w, σ = sqrt(Σσ_w²), largest-remainder split in packs
  SES / additive Holt-Winters final states via statsmodels (fixed α, β, γ; known initial
  states computed here with the "simple" rule)

Writes the CSVs next to this file. Deterministic (fixed seed). Run:
    /usr/bin/python3 test/reference/inventory/reference.py
"""
import math
import os
import warnings

import numpy as np
import pandas as pd
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260301
AS_OF = pd.Timestamp("2026-03-01")
HISTORY_DAYS = 90
LOOKBACK = 28
SERVICE_LEVEL = 0.95
REVIEW_DAYS = 7          # orderUpTo
TARGET_DAYS = 30         # daysOfCover
ORDERING_COST = 50.0     # eoq
HOLDING_RATE = 0.25      # eoq
FIRST_BATCH = 500        # smallBatch
COVER_DAYS = 7           # smallBatch
MAX_COVER = 90.0
WAREHOUSES = ["WH-EAST", "WH-WEST", "WH-SOUTH"]

rng = np.random.default_rng(SEED)


# ---------------------------------------------------------------- data generation
def make_histories():
    """Positions and daily rows; special cases are forced on purpose (see `kind`)."""
    dates = pd.date_range(AS_OF - pd.Timedelta(days=HISTORY_DAYS - 1), AS_OF, freq="D")
    weekday_pattern = np.array([0.8, 0.9, 1.0, 1.0, 1.1, 1.4, 1.3])
    kinds = (
        ["regular"] * 40
        + ["seasonal"] * 8
        + ["zero_demand", "zero_demand", "no_rows", "all_sold_out", "single_in_stock_day",
           "negative_on_hand", "lead_time_zero", "missing_days", "duplicate_rows",
           "duplicate_rows", "overstock", "urgent"]
    )
    positions, rows = [], []
    for index, kind in enumerate(kinds):
        sku = f"SKU-{index // 3:03d}"
        warehouse = WAREHOUSES[index % 3]
        rate = float(rng.choice([0.4, 2.0, 6.0, 15.0, 40.0]))
        lam = np.full(len(dates), rate)
        if kind == "seasonal":
            lam = rate * weekday_pattern[dates.dayofweek.values]
        if kind == "zero_demand":
            lam[:] = 0.0
        units = rng.poisson(lam).astype(int)
        in_stock = np.ones(len(dates), dtype=bool)
        # Stock-out runs: sold-out days sell less than demand (censored).
        for _ in range(int(rng.integers(0, 3))):
            start = int(rng.integers(0, len(dates) - 5))
            length = int(rng.integers(1, 5))
            in_stock[start:start + length] = False
        if kind == "all_sold_out":
            # Sold out every day of the window, after selling before it (the audit's case).
            in_stock[-LOOKBACK:] = False
        if kind == "single_in_stock_day":
            in_stock[-LOOKBACK:] = False
            in_stock[-5] = True
        units = np.where(in_stock, units, (units * rng.uniform(0, 0.5, len(dates))).astype(int))
        keep = np.ones(len(dates), dtype=bool)
        if kind == "missing_days":
            keep[rng.choice(len(dates), 20, replace=False)] = False
        lead = float(rng.choice([0.0, 2.0, 5.0, 7.5, 14.0])) if kind != "lead_time_zero" else 0.0
        lead_std = float(rng.choice([0.0, 0.0, 1.0, 2.5])) if kind != "lead_time_zero" else 0.0
        pack = int(rng.choice([1, 1, 6, 12, 24]))
        moq = int(rng.choice([0, 0, 50, 100]))
        cost = float(rng.choice([0.0, 3.5, 12.0, 48.9]))
        expected_lead_demand = rate * max(lead, 1.0)
        on_hand = int(rng.integers(0, int(expected_lead_demand * 3) + 5))
        on_order = int(rng.choice([0, 0, int(expected_lead_demand)]))
        reserved = int(rng.integers(0, 4))
        if kind == "negative_on_hand":
            on_hand, on_order = -7, 0
        if kind == "overstock":
            on_hand = int(rate * 200) + 10
        if kind == "urgent":
            lead, on_hand, on_order, reserved = 14.0, int(rate * 2), 0, 0
        if kind == "zero_demand" and index % 2 == 0:
            on_hand = 0
        if kind == "all_sold_out":
            on_hand, on_order, reserved = 0, 0, 0   # nothing left, nothing on order: urgent
        positions.append(dict(sku=sku, warehouse=warehouse, onHand=on_hand, onOrder=on_order,
                              reserved=reserved, leadTimeDays=lead, leadTimeStdDays=lead_std,
                              moq=moq, packSize=pack, unitCost=cost, kind=kind))
        if kind == "no_rows":
            continue
        for day, u, s, k in zip(dates, units, in_stock, keep):
            if not k:
                continue
            if kind == "duplicate_rows":
                # Two channels report the same day; one of them may flag the sell-out.
                first = int(u // 2)
                rows.append((day, sku, warehouse, first, bool(s)))
                rows.append((day, sku, warehouse, int(u) - first, bool(s) or rng.random() < 0.5))
            else:
                rows.append((day, sku, warehouse, int(u), bool(s)))
    sales = pd.DataFrame(rows, columns=["date", "sku", "warehouse", "units", "inStock"])
    return pd.DataFrame(positions), sales


# ---------------------------------------------------------------- reference maths
def in_stock_stats(per_day):
    return per_day[per_day.inStock].groupby(["sku", "warehouse"]).units.agg(
        demandPerDay="mean", demandStdDev=lambda x: x.std(ddof=1) if len(x) > 1 else 0.0,
        inStockDays="count")


def demand_stats(sales):
    per_day = sales.groupby(["sku", "warehouse", "date"]).agg(units=("units", "sum"),
                                                               inStock=("inStock", "all"))
    per_day = per_day.reset_index()
    window_start = AS_OF - pd.Timedelta(days=LOOKBACK - 1)
    window = per_day[(per_day.date >= window_start) & (per_day.date <= AS_OF)]
    stats = in_stock_stats(window)
    stats["demandBasis"] = "lookback"
    sold_out = window[~window.inStock].groupby(["sku", "warehouse"]).size().rename("stockOutDays")
    # Fallback: the LOOKBACK most recent in-stock days before the window, for positions whose
    # window has none (sold out throughout).
    before = per_day[(per_day.date < window_start) & per_day.inStock].sort_values("date")
    earlier = in_stock_stats(before.groupby(["sku", "warehouse"]).tail(LOOKBACK))
    earlier["demandBasis"] = "earlierHistory"
    earlier = earlier[~earlier.index.isin(stats.index)]
    return pd.concat([stats, earlier]).join(sold_out, how="outer").reset_index()


def round_quantity(q, pack, moq):
    if not q > 0:
        return 0
    packs = max(1, math.ceil(q / pack - 1e-9))
    min_packs = math.ceil(moq / pack - 1e-9) if moq > 0 else 0
    return max(packs, min_packs) * pack


def policy_quantity(policy, d, rop, ip, lead, cost, is_new):
    if policy == "orderUpTo":
        return rop + d * REVIEW_DAYS - ip
    if policy == "daysOfCover":
        return d * (lead + TARGET_DAYS) - ip
    if policy == "eoq":
        holding = HOLDING_RATE * cost
        if holding <= 0:
            return 0.0
        annual = 365 * d
        return math.sqrt(2 * annual * ORDERING_COST / holding) if annual > 0 else 0.0
    if policy == "smallBatch":
        if is_new:
            return FIRST_BATCH - ip   # tops the position up to the batch; <= 0 once on order
        return d * COVER_DAYS
    raise ValueError(policy)


def assess(p, d, sd, n, z):
    lead, lead_sd = p["leadTimeDays"], p["leadTimeStdDays"]
    no_history = n == 0
    if no_history:
        d = sd = 0.0
    ss = z * math.sqrt(lead * sd ** 2 + d ** 2 * lead_sd ** 2)
    rop = d * lead + ss
    ip = p["onHand"] + p["onOrder"] - p["reserved"]
    cover = max(0, p["onHand"]) / d if d > 0 else None
    stockout = (AS_OF + pd.Timedelta(days=math.ceil(cover - 1e-9))).strftime("%Y-%m-%d") if cover is not None else ""
    needs = (not no_history) and (ip <= rop if (d > 0 or rop > 0) else ip < 0)
    out = dict(demandPerDay=d, demandStdDev=sd, inStockDays=n, serviceFactor=z, safetyStock=ss,
               reorderPoint=rop, inventoryPosition=ip,
               daysOfCover="" if cover is None else cover, projectedStockoutDate=stockout)
    for policy in ["orderUpTo", "daysOfCover", "eoq", "smallBatch"]:
        q = policy_quantity(policy, d, rop, ip, lead, p["unitCost"], no_history)
        if no_history:
            status = "no_history"
            wanted = max(q, -ip) if policy == "smallBatch" else -ip
        elif needs:
            status = "urgent" if cover is not None and cover < lead else "reorder"
            wanted = max(q, math.floor(rop - ip) + 1)
        elif (cover is not None and cover > MAX_COVER) or (cover is None and d == 0 and p["onHand"] > 0):
            status, wanted = "overstock", 0
        else:
            status, wanted = "ok", 0
        qty = round_quantity(wanted, p["packSize"], p["moq"])
        out[f"qty_{policy}"] = qty
        out["status"] = status
    return out


def largest_remainder(total_packs, weights):
    n = len(weights)
    if n == 0 or total_packs <= 0:
        return [0] * n
    total = sum(w for w in weights if w > 0)
    shares = [(w / total if w > 0 else 0.0) if total > 0 else 1.0 / n for w in weights]
    packs = [math.floor(total_packs * s) for s in shares]
    order = sorted(range(n), key=lambda i: (-(total_packs * shares[i] - packs[i]), -shares[i], i))
    for k in range(total_packs - sum(packs)):
        packs[order[k % n]] += 1
    return packs


def main():
    positions, sales = make_histories()
    z = float(norm.ppf(SERVICE_LEVEL))
    stats = demand_stats(sales)
    merged = positions.merge(stats, on=["sku", "warehouse"], how="left")
    expected = []
    for _, p in merged.iterrows():
        n = 0 if pd.isna(p["inStockDays"]) else int(p["inStockDays"])
        d = 0.0 if n == 0 else float(p["demandPerDay"])
        sd = 0.0 if n == 0 else float(p["demandStdDev"])
        row = dict(sku=p["sku"], warehouse=p["warehouse"], kind=p["kind"],
                   demandBasis="none" if n == 0 else p["demandBasis"])
        row.update(assess(p, d, sd, n, z))
        row["stockOutDays"] = 0 if pd.isna(p["stockOutDays"]) else int(p["stockOutDays"])
        expected.append(row)
    expected = pd.DataFrame(expected)

    # Network mode (orderUpTo policy): per SKU over its warehouses, all of them forward.
    network = []
    for sku, group in expected.groupby("sku", sort=False):
        pos = positions[positions.sku == sku]
        has = group.inStockDays > 0
        d = float(group.demandPerDay[has].sum())
        sd = math.sqrt(float((group.demandStdDev[has] ** 2).sum()))
        total = dict(onHand=pos.onHand.sum(), onOrder=pos.onOrder.sum(), reserved=pos.reserved.sum(),
                     leadTimeDays=pos.leadTimeDays.max(), leadTimeStdDays=pos.leadTimeStdDays.max(),
                     moq=pos.moq.max(), packSize=max(1, pos.packSize.max()), unitCost=pos.unitCost.max())
        n = int(group.inStockDays.max())
        result = assess(total, d, sd, n, z)
        weights = [float(w) if k > 0 else 0.0 for w, k in zip(group.demandPerDay, group.inStockDays)]
        packs = largest_remainder(int(round(result["qty_orderUpTo"] / total["packSize"])), weights)
        for warehouse, k in zip(group.warehouse, packs):
            network.append(dict(sku=sku, warehouse=warehouse, networkDemandPerDay=d, networkDemandStdDev=sd,
                                networkReorderPoint=result["reorderPoint"], networkStatus=result["status"],
                                networkOrderQty=result["qty_orderUpTo"], allocatedQty=k * total["packSize"]))
    network = pd.DataFrame(network)

    # Inverse normal: scipy values over the body and both tails (AS 241's three regions).
    ps = sorted(set([0.5, 0.9, 0.95, 0.98, 0.99, 0.075, 0.925, 0.0749, 0.9251, 0.001, 0.999, 1e-5,
                     1 - 1e-5, 1e-10, 1e-12, 1e-20, 1e-50, 1e-100, 1e-300]
                    + list(np.round(np.linspace(0.01, 0.99, 99), 10))
                    + list(rng.uniform(0, 1, 40))))
    z_values = pd.DataFrame({"p": ps, "z": [float(norm.ppf(p)) for p in ps]})

    # Forecasts: statsmodels' recursions from known initial states ("simple" rule).
    from statsmodels.tsa.holtwinters import ExponentialSmoothing, SimpleExpSmoothing
    warnings.simplefilter("ignore")
    series_rows, forecast_rows = [], []
    for case in range(6):
        length = [21, 28, 35, 56, 56, 90][case]
        base = [3.0, 10.0, 25.0, 8.0, 40.0, 15.0][case]
        pattern = np.array([0.7, 0.8, 1.0, 1.0, 1.2, 1.6, 1.4]) if case != 3 else np.ones(7)
        trend = [0.0, 0.05, -0.1, 0.0, 0.3, 0.02][case]
        t = np.arange(length)
        y = np.maximum(0, rng.normal(base * pattern[t % 7] + trend * t, 1 + base * 0.1)).round()
        for i, value in enumerate(y):
            series_rows.append(dict(case=case, index=i, units=float(value)))
        alpha, beta, gamma = 0.3, 0.05, 0.1
        level0 = float(np.mean(y[:7]))
        trend0 = float((np.mean(y[7:14]) - np.mean(y[:7])) / 7)
        season0 = y[:7] - level0
        hw = ExponentialSmoothing(y, trend="add", seasonal="add", seasonal_periods=7,
                                  initialization_method="known", initial_level=level0,
                                  initial_trend=trend0, initial_seasonal=season0).fit(
            smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma, optimized=False)
        ses = SimpleExpSmoothing(y, initialization_method="known", initial_level=y[0]).fit(
            smoothing_level=alpha, optimized=False)
        level, slope = float(hw.level[-1]), float(hw.trend[-1])
        season = [float(s) for s in hw.season[-7:]]   # season[j] = s for day T+1+j
        row = dict(case=case, length=length, sesLevel=float(ses.level[-1]), hwLevel=level, hwTrend=slope)
        for j in range(7):
            row[f"hwSeason{j}"] = season[j]
        for horizon in [1, 5, 7, 14]:
            # FPP3 §8.3: ŷ(T+h) = ℓ + h·b + s(T+h−m(k+1)), floored at 0, averaged over h = 1..H.
            # (statsmodels 0.13.5's own forecast() reuses a seasonal one season old at h = m, 2m,
            # so the forecast is taken from its states instead.)
            values = [max(0.0, level + h * slope + season[(h - 1) % 7]) for h in range(1, horizon + 1)]
            row[f"hwDemandPerDay{horizon}"] = float(np.mean(values))
        forecast_rows.append(row)

    def write(frame, name):
        frame.to_csv(os.path.join(HERE, name), index=False, float_format="%.17g")

    sales_out = sales.copy()
    sales_out["date"] = sales_out.date.dt.strftime("%Y-%m-%d")
    sales_out["inStock"] = sales_out.inStock.map({True: "true", False: "false"})
    write(sales_out, "daily_sales.csv")
    write(positions, "positions.csv")
    write(expected, "expected.csv")
    write(network, "network_expected.csv")
    write(z_values, "z_values.csv")
    write(pd.DataFrame(series_rows), "forecast_series.csv")
    write(pd.DataFrame(forecast_rows), "forecast_expected.csv")
    print(f"{len(positions)} positions, {len(sales)} sales rows, {len(z_values)} z values, "
          f"{len(forecast_rows)} forecast cases written to {HERE}")


if __name__ == "__main__":
    main()
