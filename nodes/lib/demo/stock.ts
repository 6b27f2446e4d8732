/**
 * Day-by-day stock of every SKU in every warehouse, simulated once and read by both the
 * daily-sales and the inventory datasets (so the positions are where the sales left them).
 *
 * Demand: the orders' expected units per day (same calendar, SKU popularity and launch
 * dates as the order generator) times the warehouse's share of the SKU, drawn as an
 * over-dispersed Poisson count. Only stock on hand can be sold; a day that starts with
 * nothing on hand is a stock-out day (inStock false, 0 units, demand lost).
 *
 * Replenishment is what a small shop's planner does (小单快反): forecast by exponential
 * smoothing of recent sales; reorder when on hand + on order falls to the reorder point
 * ROP = d·L + z·√(L·σd² + d²·σL²) (docs/domain.md §4); order up to cover lead time plus a
 * cycle, rounded up to the pack size and at least the MOQ. Most planners scale the forecast
 * for a coming festival; some do not and sell out on the day. Deliveries are late now and
 * then, and factories stop over the New Year. New SKUs start with a first batch of ~500
 * units (首批 500 件) and are replenished on their sales.
 */
import type { DemoCalendar } from './calendar';
import { type DemoCatalog, buildCatalog, buildWarehouseShares } from './catalog';
import type { DemoShopOptions } from './options';
import { expectedOrderMix } from './orderMix';
import { createRng } from './random';

export interface StockSeries {
	sku: number;
	warehouse: number;
	/** Units sold per window day. */
	units: Int32Array;
	/** 1 when the day started with stock on hand (and the SKU was on sale). */
	inStock: Uint8Array;
	onHand: number;
	onOrder: number;
	reserved: number;
	leadTimeDays: number;
	leadTimeStdDays: number;
}

export interface StockSimulation {
	catalog: DemoCatalog;
	/** Row-major [sku × warehouse]. */
	series: StockSeries[];
	/** Expected units of each series over the window (before stock-outs). */
	expectedUnits: Float64Array;
}

const SERVICE_LEVEL_Z = [1.2816, 1.6449, 2.0537]; // 90%, 95%, 98%
/** Smoothing constant of the planner's forecast: about the last 20 selling days. */
const FORECAST_ALPHA = 0.1;
/** Sales vary more than Poisson: σ of the day's lognormal demand factor. */
const DEMAND_NOISE = 0.25;

/**
 * Expected units per day of each SKU (all warehouses):
 * U · demand(d)/Σdemand · the SKU's popularity share among the SKUs on sale that day,
 * with U the expected units of the orders.
 */
function skuDailyUnits(options: DemoShopOptions, calendar: DemoCalendar, catalog: DemoCatalog): Float64Array[] {
	const totalUnits = expectedOrderMix(options, calendar).units;
	const totalDemand = calendar.demandCumulative[calendar.days];
	return catalog.skus.map((sku) => {
		const perDay = new Float64Array(calendar.days);
		for (let d = sku.launchDay; d < calendar.days; d++) {
			const popularityShare = sku.popularity / catalog.popularityCumulative[catalog.onSaleCount[d]];
			perDay[d] = (totalUnits * calendar.demand[d] * popularityShare) / totalDemand;
		}
		return perDay;
	});
}

function roundUpToPack(units: number, packSize: number): number {
	return Math.ceil(units / packSize) * packSize;
}

export function simulateStock(options: DemoShopOptions, calendar: DemoCalendar): StockSimulation {
	const catalog = buildCatalog(options, calendar);
	const shares = buildWarehouseShares(options);
	const skuUnits = skuDailyUnits(options, calendar, catalog);
	const { days, demand, demandCumulative } = calendar;
	const warehouseCount = options.warehouses.length;
	const transitDays = options.warehouses.map((name, k) =>
		k === 0 ? 0 : createRng(options.seed, 'warehouse-transit', name).int(0, 3),
	);
	const series: StockSeries[] = [];
	const expectedUnits = new Float64Array(catalog.skus.length * warehouseCount);

	const meanDemand = (from: number, to: number): number => {
		const a = Math.max(0, from);
		const b = Math.min(days - 1, to);
		return b >= a ? (demandCumulative[b + 1] - demandCumulative[a]) / (b - a + 1) : demand[Math.min(days - 1, a)];
	};

	catalog.skus.forEach((sku, s) => {
		for (let k = 0; k < warehouseCount; k++) {
			const rng = createRng(options.seed, 'stock', sku.sku, options.warehouses[k]);
			const share = shares[s * warehouseCount + k];
			const lambda = skuUnits[s].map((u) => u * share);
			const leadTime = sku.leadTimeDays + transitDays[k];
			const leadTimeStd = sku.leadTimeStdDays;
			const z = rng.pick(SERVICE_LEVEL_Z);
			const cycleDays = rng.int(14, 30);
			const plansForFestivals = rng.chance(0.7);
			const launch = sku.launchDay;
			const launchWindow = lambda.subarray(launch, launch + 28);
			const launchRate = launchWindow.reduce((a, b) => a + b, 0) / Math.max(1, launchWindow.length);
			let forecast = launchRate * rng.lognormal(0, 0.2);
			const safetyStock = (rate: number): number =>
				z * Math.sqrt(leadTime * rate * 1.5 + rate * rate * leadTimeStd * leadTimeStd);
			let onHand =
				launch === 0 ? Math.round(forecast * (leadTime * 0.7 + cycleDays * rng.uniform(0.4, 1)) + safetyStock(forecast)) : 0;
			const arrivals = new Float64Array(days + 1);
			let onOrder = 0;
			const units = new Int32Array(days);
			const inStock = new Uint8Array(days);
			for (let d = 0; d < days; d++) {
				expectedUnits[s * warehouseCount + k] += lambda[d];
				onHand += arrivals[d];
				onOrder -= arrivals[d];
				if (d < launch) continue;
				if (d === launch && launch > 0) {
					// First batch: 500 units across the warehouses, or ten days of sales if more.
					onHand += roundUpToPack(Math.max(500 * share, 10 * launchRate), sku.packSize);
				}
				if (onHand > 0) {
					inStock[d] = 1;
					const wanted = rng.poisson(lambda[d] * rng.lognormal(-DEMAND_NOISE * DEMAND_NOISE / 2, DEMAND_NOISE));
					units[d] = Math.min(wanted, onHand);
					onHand -= units[d];
					forecast += FORECAST_ALPHA * (units[d] - forecast);
				}
				// Planner: forecast scaled for the coming weeks' calendar (or not), then ROP / order-up-to.
				const horizon = Math.ceil(leadTime + cycleDays);
				const ahead = plansForFestivals ? meanDemand(d + 1, d + horizon) / meanDemand(d - 27, d) : 1;
				const rate = forecast * Math.min(5, Math.max(0.3, ahead));
				const reorderPoint = rate * leadTime + safetyStock(rate);
				if (onHand + onOrder <= reorderPoint && rate > 0) {
					const wantedUnits = rate * (leadTime + cycleDays) + safetyStock(rate) - onHand - onOrder;
					const quantity = Math.max(sku.moq, roundUpToPack(wantedUnits, sku.packSize));
					let delay = Math.max(1, Math.round(rng.normal(leadTime, leadTimeStd)));
					if (rng.chance(0.04)) delay += rng.int(5, 15); // supplier late
					const toNewYear = calendar.daysFromNewYear[d];
					if (toNewYear >= -15 && toNewYear <= 8) delay += 10; // factories closed for 春节
					const arrival = d + delay;
					onOrder += quantity;
					if (arrival < days) arrivals[arrival] += quantity;
				}
			}
			series.push({
				sku: s,
				warehouse: k,
				units,
				inStock,
				onHand,
				onOrder,
				// Paid orders not yet shipped: about a day's demand.
				reserved: rng.poisson(lambda[days - 1] * 1.2),
				leadTimeDays: Math.round(leadTime * 10) / 10,
				leadTimeStdDays: leadTimeStd,
			});
		}
	});
	markOversold(options, calendar, series, expectedUnits);
	return { catalog, series, expectedUnits };
}

/**
 * Platforms sync stock with a lag, so a few positions sell past zero (超卖): the ~4% with
 * the least cover at the end get negative on hand, and the last day's sales include the
 * units sold past zero. Overselling happens where no delivery is on its way, so they are
 * taken among the positions with nothing on order first (and only then among the rest).
 * That also gives the restock demo a few urgent positions on whatever day it ends: without
 * them, the simulated planner's own ordering leaves no alert on about one day in ten.
 */
function markOversold(
	options: DemoShopOptions,
	calendar: DemoCalendar,
	series: StockSeries[],
	expectedUnits: Float64Array,
): void {
	const last = calendar.days - 1;
	const rng = createRng(options.seed, 'oversold');
	const cover = series.map((p, i) => p.onHand / Math.max(1e-9, expectedUnits[i] / calendar.days));
	const ranked = series
		.map((_, i) => i)
		.filter((i) => expectedUnits[i] > 0)
		.sort((a, b) => Number(series[a].onOrder > 0) - Number(series[b].onOrder > 0) || cover[a] - cover[b] || a - b);
	const count = Math.min(ranked.length, Math.max(1, Math.round(series.length * 0.04)));
	for (const i of ranked.slice(0, count)) {
		const position = series[i];
		const oversold = 1 + rng.poisson(Math.max(1, expectedUnits[i] / calendar.days));
		position.units[last] += Math.max(0, position.onHand) + oversold;
		position.inStock[last] = 1;
		position.onHand = -oversold;
	}
}

/** Each warehouse's expected share of all units over the window. */
export function warehouseShareOfUnits(simulation: StockSimulation, warehouseCount: number): number[] {
	const totals = new Array<number>(warehouseCount).fill(0);
	simulation.expectedUnits.forEach((units, i) => (totals[i % warehouseCount] += units));
	const sum = totals.reduce((a, b) => a + b, 0);
	return totals.map((t) => (sum > 0 ? t / sum : 1 / warehouseCount));
}
