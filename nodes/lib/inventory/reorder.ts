/**
 * Evaluates one sku + warehouse: demand, safety stock, reorder point, cover, status and a
 * suggested order.
 *
 *   d, σd   measured on in-stock days of the `lookbackDays` ending at asOf (demand.ts), or d
 *           forecast by SES / Holt-Winters (forecast.ts) as the mean forecast over the next
 *           ⌈L⌉ days (at least 1); σd is always the in-stock sample standard deviation.
 *           Fallback when the window has no in-stock day (sold out throughout): d and σd are
 *           the in-stock mean and sample standard deviation of the `lookbackDays` most recent
 *           in-stock days before the window (`demandBasis: 'earlierHistory'`, said in the
 *           explanation; whatever the demand method). A sold-out SKU still has demand: with
 *           nothing on hand its cover is 0, so it is urgent, not "unknown".
 *   z       = Φ⁻¹(service level)                                   (normal.ts)
 *   SS      = z·√(L·σd² + d²·σL²),  ROP = d·L + SS                (safetyStock.ts)
 *   IP      = onHand + onOrder − reserved                           (domain.md §4)
 *   cover   = onHand ÷ d days                                       (domain.md §4)
 *   order   when IP ≤ ROP (when d = 0 and ROP = 0: only when IP < 0); quantity from the
 *           policy (orderQuantity.ts), raised to at least ⌊ROP − IP⌋ + 1 so that IP + Q > ROP,
 *           rounded up to whole packs and at least the MOQ
 *
 * Status, first match wins:
 *   no_history  no in-stock day in the whole history (window and before): d is unknown
 *   urgent      IP ≤ ROP and the stock on hand runs out before an order placed today can
 *               arrive (cover < L)
 *   reorder     IP ≤ ROP
 *   overstock   cover > maxDaysOfCover (or stock on hand with zero demand)
 *   ok          otherwise
 *
 * Edge cases — all results are finite numbers, strings or null, never NaN or Infinity:
 * - zero demand (in-stock days, no sales): d = σd = SS = ROP = 0; daysOfCover and
 *   projectedStockoutDate are null ("no demand", not infinite cover). Nothing is ordered
 *   unless IP < 0 (reserved units exceed stock and orders: backorders to fill); stock on hand
 *   is `overstock` when a maximum cover is set.
 * - no history: status no_history, d = σd = SS = ROP = 0, cover null. The suggestion is the
 *   smallBatch first batch less what the position already holds (firstBatch − IP, so 0 once
 *   the batch is on order), otherwise only backorders (IP < 0) are covered. A no_history
 *   result with an order > 0 needs action (`needsAction`).
 * - sold out on every day of the window: demand from earlier in-stock days (above); with
 *   nothing on hand it is urgent.
 * - one in-stock day: σd = 0 (demand.ts).
 * - negative onHand (oversold): IP is reduced by it; cover is 0 and the projected stock-out
 *   date is asOf itself.
 * - lead time 0: SS = z·d·σL, ROP = SS; urgent is impossible (an order arrives at once).
 * - packSize 1, MOQ 0: the quantity is the wanted quantity rounded up to a whole unit.
 * - projectedStockoutDate = asOf + ⌈cover⌉ (the day the last unit is expected to sell); null
 *   when d = 0 or the date would fall after 9999-12-31.
 *
 * Cost: O(history rows + window days) per position, with no Date object per day.
 */
import { displayMoney } from '../display';
import type { DailySales, InventoryPosition } from '../model/schemas';
import { formatDayNumber, MAX_DAY_NUMBER, parseDayNumber } from '../time';
import { collectDailySeries, demandStatistics, measureDemandBeforeWindow, type DailySeries } from './demand';
import { forecastDemandPerDay, type DemandForecastMethod } from './forecast';
import { serviceLevelToZ } from './normal';
import { resolveReorderOptions, type ReorderOptions, type ReorderOptionsInput } from './options';
import { policyQuantity, roundOrderQuantity, type OrderPolicy } from './orderQuantity';
import { reorderPoint, safetyStock } from './safetyStock';
import type { SalesHistory } from './salesStore';

export const REORDER_STATUSES = ['ok', 'reorder', 'urgent', 'overstock', 'no_history'] as const;
export type ReorderStatus = (typeof REORDER_STATUSES)[number];

/**
 * Which days d and σd were measured on: `lookback` the in-stock days of the lookback window;
 * `earlierHistory` the most recent in-stock days before it (the window was sold out
 * throughout; in network mode: for at least one warehouse); `none` no in-stock day at all.
 */
export const DEMAND_BASES = ['lookback', 'earlierHistory', 'none'] as const;
export type DemandBasis = (typeof DEMAND_BASES)[number];

/**
 * Whether a result calls for an order now (the node's Needs Action output): reorder and
 * urgent, and a no_history position with an order to place — a new SKU's first batch
 * (small batch, 小单快反) or backorders to fill. Everything else is fine as it is.
 */
export function needsAction(result: { status: ReorderStatus; suggestedOrderQty?: number }): boolean {
	return (
		result.status === 'reorder' ||
		result.status === 'urgent' ||
		(result.status === 'no_history' && (result.suggestedOrderQty ?? 0) > 0)
	);
}

export interface ReorderResult {
	sku: string;
	warehouse: string;
	asOf: string;
	status: ReorderStatus;
	/** d, units per day (in-stock mean or forecast). */
	demandPerDay: number;
	/** σd, sample standard deviation of units per in-stock day. */
	demandStdDev: number;
	/** How d was measured; Holt-Winters falls back to SES with under 3 weeks of history. */
	demandMethod: DemandForecastMethod;
	/** Which days d and σd come from: the lookback window, or earlier history (see DemandBasis). */
	demandBasis: DemandBasis;
	/** n: the in-stock days d and σd were measured on. */
	inStockDays: number;
	/** Sold-out days in the lookback window. */
	stockOutDays: number;
	leadTimeDays: number;
	leadTimeStdDays: number;
	serviceLevel: number;
	/** z = Φ⁻¹(serviceLevel). */
	serviceFactor: number;
	safetyStock: number;
	reorderPoint: number;
	/** IP = onHand + onOrder − reserved. */
	inventoryPosition: number;
	/** onHand ÷ d (0 when oversold); null when d = 0 ("no demand"). */
	daysOfCover: number | null;
	/** YYYY-MM-DD on which on-hand stock is expected to run out; null when d = 0. */
	projectedStockoutDate: string | null;
	orderPolicy: OrderPolicy['kind'];
	/** Order-up-to level S of the policy, where it has one. */
	orderUpToLevel: number | null;
	/** Units to order now: whole packs, at least the MOQ; 0 when nothing is needed. */
	suggestedOrderQty: number;
	/** suggestedOrderQty × unitCost. */
	orderValue: number;
	/** One line in English. */
	explanation: string;
	/** The same line in Simplified Chinese. */
	explanationZh: string;
}

/** The in-stock days before the window that an `earlierHistory` demand was measured on. */
export interface EarlierDemandDays {
	/** First and last of those days, YYYY-MM-DD. */
	from: string;
	to: string;
	/** Network mode: only some warehouses were sold out throughout the window. */
	someWarehouses: boolean;
}

/** The demand picture of one position, before any stock decision. */
export interface MeasuredDemand {
	demandPerDay: number;
	demandStdDev: number;
	demandMethod: DemandForecastMethod;
	demandBasis: DemandBasis;
	/** Set when demandBasis is `earlierHistory`. */
	earlierDays: EarlierDemandDays | null;
	/** n behind d and σd (in the window, or before it for `earlierHistory`). */
	inStockDays: number;
	/** Sold-out days in the window. */
	stockOutDays: number;
}

/** Everything an evaluation needs that does not change from position to position. */
export interface PreparedEvaluation {
	options: ReorderOptions;
	asOfDay: number;
	z: number;
	windowDays: number;
}

function prepare(options: ReorderOptions): PreparedEvaluation {
	const windowDays =
		options.demandMethod === 'mean' ? options.lookbackDays : Math.max(options.lookbackDays, options.forecastWindowDays);
	const asOfDay = parseDayNumber(options.asOf);
	if (Number.isNaN(asOfDay)) throw new RangeError(`asOf: "${options.asOf}" is not a calendar date YYYY-MM-DD`);
	return { options, asOfDay, z: serviceLevelToZ(options.serviceLevel), windowDays };
}

function measure(prepared: PreparedEvaluation, history: readonly DailySales[], leadTimeDays: number): MeasuredDemand {
	const { options, asOfDay, windowDays } = prepared;
	const series: DailySeries = collectDailySeries(
		history,
		asOfDay - windowDays + 1,
		windowDays,
		options.missingDaysAsZeroSales,
	);
	const stats = demandStatistics(series, windowDays - options.lookbackDays, windowDays);
	if (stats.inStockDays === 0) {
		const earlier = measureDemandBeforeWindow(
			history,
			asOfDay - options.lookbackDays + 1,
			options.lookbackDays,
			options.missingDaysAsZeroSales,
		);
		if (earlier) {
			return {
				demandPerDay: earlier.demandPerDay,
				demandStdDev: earlier.demandStdDev,
				demandMethod: 'mean',
				demandBasis: 'earlierHistory',
				earlierDays: {
					from: formatDayNumber(earlier.firstInStockDay),
					to: formatDayNumber(earlier.lastInStockDay),
					someWarehouses: false,
				},
				inStockDays: earlier.inStockDays,
				stockOutDays: stats.stockOutDays,
			};
		}
		return {
			demandPerDay: 0,
			demandStdDev: 0,
			demandMethod: 'mean',
			demandBasis: 'none',
			earlierDays: null,
			inStockDays: 0,
			stockOutDays: stats.stockOutDays,
		};
	}
	let demandPerDay = stats.demandPerDay;
	let demandMethod: DemandForecastMethod = 'mean';
	if (options.demandMethod !== 'mean') {
		const forecast = forecastDemandPerDay(series, options.demandMethod, leadTimeDays, options.smoothing);
		if (forecast) {
			demandPerDay = forecast.demandPerDay;
			demandMethod = forecast.method;
		}
	}
	return {
		demandPerDay,
		demandStdDev: stats.demandStdDev,
		demandMethod,
		demandBasis: 'lookback',
		earlierDays: null,
		inStockDays: stats.inStockDays,
		stockOutDays: stats.stockOutDays,
	};
}

const fixed = (value: number, digits: number) => {
	const text = value.toFixed(digits);
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
};
const units = (value: number) => fixed(value, 1);
const perDay = (value: number) => fixed(value, 2);

/** Stock decision for a position whose demand is known; shared with network mode. */
export function assessPosition(
	prepared: PreparedEvaluation,
	position: InventoryPosition,
	demand: MeasuredDemand,
): ReorderResult {
	const { options, asOfDay, z } = prepared;
	const L = position.leadTimeDays;
	const sigmaL = position.leadTimeStdDays ?? 0;
	const packSize = position.packSize ?? 1;
	const moq = position.moq ?? 0;
	const unitCost = position.unitCost ?? 0;
	const noHistory = demand.inStockDays === 0;
	const d = noHistory ? 0 : demand.demandPerDay;
	const sigmaD = noHistory ? 0 : demand.demandStdDev;

	const ss = d > 0 || sigmaD > 0 ? safetyStock(z, d, sigmaD, L, sigmaL) : 0;
	const rop = reorderPoint(d, L, ss);
	const ip = position.onHand + position.onOrder - position.reserved;
	const daysOfCover = d > 0 ? Math.max(0, position.onHand) / d : null;
	let projectedStockoutDate: string | null = null;
	if (daysOfCover !== null) {
		const day = asOfDay + Math.ceil(daysOfCover - 1e-9);
		projectedStockoutDate = day <= MAX_DAY_NUMBER ? formatDayNumber(day) : null;
	}

	// With nothing expected to sell (d = 0 and ROP = 0) an empty position is fine; only
	// backorders (IP < 0) call for an order.
	const needsOrder = !noHistory && (d > 0 || rop > 0 ? ip <= rop : ip < 0);
	const policy = policyQuantity(options.policy, {
		demandPerDay: d,
		reorderPoint: rop,
		inventoryPosition: ip,
		leadTimeDays: L,
		unitCost,
		isNew: noHistory,
	});

	let status: ReorderStatus;
	let wanted = 0;
	if (noHistory) {
		status = 'no_history';
		// The first batch is already reduced by IP (orderQuantity.ts); at least the backorders.
		wanted = policy.note === 'first_batch' ? Math.max(policy.quantity, -ip) : -ip;
	} else if (needsOrder) {
		status = daysOfCover !== null && daysOfCover < L ? 'urgent' : 'reorder';
		// At least enough that IP + Q > ROP, so the position leaves the alert zone.
		wanted = Math.max(policy.quantity, Math.floor(rop - ip) + 1);
	} else if (
		options.maxDaysOfCover !== null &&
		(daysOfCover !== null ? daysOfCover > options.maxDaysOfCover : d === 0 && position.onHand > 0)
	) {
		status = 'overstock';
	} else {
		status = 'ok';
	}
	const suggestedOrderQty = roundOrderQuantity(wanted, packSize, moq);
	// Money to the cent: quantity × unit cost in floating point carries noise (4038.3999…).
	const orderValue = displayMoney(suggestedOrderQty * unitCost);

	const result: ReorderResult = {
		sku: position.sku,
		warehouse: position.warehouse,
		asOf: options.asOf,
		status,
		demandPerDay: d,
		demandStdDev: sigmaD,
		demandMethod: demand.demandMethod,
		demandBasis: noHistory ? 'none' : demand.demandBasis,
		inStockDays: demand.inStockDays,
		stockOutDays: demand.stockOutDays,
		leadTimeDays: L,
		leadTimeStdDays: sigmaL,
		serviceLevel: options.serviceLevel,
		serviceFactor: z,
		safetyStock: ss,
		reorderPoint: rop,
		inventoryPosition: ip,
		daysOfCover,
		projectedStockoutDate,
		orderPolicy: options.policy.kind,
		orderUpToLevel: policy.orderUpToLevel,
		suggestedOrderQty,
		orderValue,
		explanation: '',
		explanationZh: '',
	};
	explain(result, position, options);
	if (!noHistory && demand.earlierDays) explainEarlierDemand(result, demand.earlierDays, options);
	return result;
}

/** Appends, in both languages, where an `earlierHistory` demand came from. */
function explainEarlierDemand(result: ReorderResult, days: EarlierDemandDays, options: ReorderOptions): void {
	const window = `${options.lookbackDays} days to ${options.asOf}`;
	const span = `${days.from} to ${days.to}`;
	const spanZh = `${days.from} 至 ${days.to}`;
	if (days.someWarehouses) {
		result.explanation += ` Warehouses sold out on every day of the ${window}: their demand is measured on their most recent in-stock days before (${span}).`;
		result.explanationZh += `部分仓库截至 ${options.asOf} 的 ${options.lookbackDays} 天内每天断货：其需求按此前最近的在售日（${spanZh}）估计。`;
		return;
	}
	result.explanation += ` Sold out on every day of the ${window}: demand is measured on the ${result.inStockDays} most recent in-stock days before (${span}).`;
	result.explanationZh += `截至 ${options.asOf} 的 ${options.lookbackDays} 天内每天断货：需求按此前最近 ${result.inStockDays} 个在售日（${spanZh}）估计。`;
}

function explain(result: ReorderResult, position: InventoryPosition, options: ReorderOptions): void {
	const q = result.suggestedOrderQty;
	const ip = units(result.inventoryPosition);
	const rop = units(result.reorderPoint);
	const d = perDay(result.demandPerDay);
	const L = units(result.leadTimeDays);
	const ss = units(result.safetyStock);
	const cover = result.daysOfCover === null ? null : units(result.daysOfCover);
	switch (result.status) {
		case 'no_history': {
			const soldOut = result.stockOutDays;
			result.explanation =
				`No in-stock day in the sales history to ${options.asOf}` +
				(soldOut > 0 ? ` (sold out on ${soldOut} of the last ${options.lookbackDays} days)` : '') +
				', so demand is unknown' +
				(q > 0 ? `; order ${q} (${options.policy.kind === 'smallBatch' ? 'first batch' : 'backorders'}).` : '.');
			result.explanationZh =
				`截至 ${options.asOf} 的销售记录中没有在售天数` +
				(soldOut > 0 ? `（近 ${options.lookbackDays} 天中 ${soldOut} 天断货）` : '') +
				'，无法估计需求' +
				(q > 0 ? `；建议订货 ${q} 件（${options.policy.kind === 'smallBatch' ? '首批试单' : '补足欠货'}）。` : '。');
			return;
		}
		case 'urgent':
			if (position.onHand <= 0) {
				result.explanation =
					`Urgent: out of stock (${position.onHand} on hand) selling ${d}/day with a ${L}-day lead time; ` +
					`order ${q} now (position ${ip} ≤ reorder point ${rop}).`;
				result.explanationZh =
					`紧急补货：已断货（现有库存 ${position.onHand} 件），日均销量 ${d} 件，补货提前期 ${L} 天；` +
					`建议立即订货 ${q} 件（库存位置 ${ip} ≤ 再订货点 ${rop}）。`;
				return;
			}
			result.explanation =
				`Urgent: ${position.onHand} on hand last ${cover} days at ${d}/day, less than the ${L}-day lead time; ` +
				`order ${q} now (position ${ip} ≤ reorder point ${rop}).`;
			result.explanationZh =
				`紧急补货：现有库存 ${position.onHand} 件按日均 ${d} 件仅可售 ${cover} 天，短于 ${L} 天的补货提前期；` +
				`建议立即订货 ${q} 件（库存位置 ${ip} ≤ 再订货点 ${rop}）。`;
			return;
		case 'reorder':
			if (result.demandPerDay === 0) {
				result.explanation = `Reorder ${q} to fill backorders: position ${ip} (reserved units exceed stock and orders).`;
				result.explanationZh = `建议补货 ${q} 件以补足欠货：库存位置 ${ip}（预留数量超过现有库存与在途）。`;
				return;
			}
			result.explanation =
				`Reorder ${q}: position ${ip} ≤ reorder point ${rop} (${d}/day × ${L} days + safety stock ${ss}).`;
			result.explanationZh = `建议补货 ${q} 件：库存位置 ${ip} ≤ 再订货点 ${rop}（日均 ${d} × 提前期 ${L} 天 + 安全库存 ${ss}）。`;
			return;
		case 'overstock':
			if (cover === null) {
				result.explanation = `Overstock: ${position.onHand} on hand and no sales on ${result.inStockDays} in-stock days.`;
				result.explanationZh = `库存积压：现有 ${position.onHand} 件，${result.inStockDays} 个在售日无销量。`;
			} else {
				result.explanation = `Overstock: ${position.onHand} on hand cover ${cover} days, above the ${options.maxDaysOfCover}-day maximum.`;
				result.explanationZh = `库存积压：现有 ${position.onHand} 件可售 ${cover} 天，超过上限 ${options.maxDaysOfCover} 天。`;
			}
			return;
		case 'ok':
			result.explanation =
				`OK: position ${ip} above reorder point ${rop}` + (cover === null ? '; no demand.' : `; ${cover} days of cover.`);
			result.explanationZh =
				`库存正常：库存位置 ${ip} 高于再订货点 ${rop}` + (cover === null ? '，暂无需求。' : `，可售 ${cover} 天。`);
			return;
	}
}

export type PositionEvaluator = (position: InventoryPosition, history: readonly DailySales[]) => ReorderResult;

/**
 * Validates the options once and returns an evaluator for single positions. `history` holds
 * that sku + warehouse's daily sales (any order, any span; rows outside the window are
 * skipped) — see `groupSalesByPosition`.
 */
export function createReorderEvaluator(input: ReorderOptionsInput): PositionEvaluator {
	const prepared = prepare(resolveReorderOptions(input));
	return (position, history) =>
		assessPosition(prepared, position, measure(prepared, history, position.leadTimeDays));
}

/** Validates the options once (for callers that combine measuring and assessing, e.g. network mode). */
export function prepareEvaluation(input: ReorderOptionsInput): PreparedEvaluation {
	return prepare(resolveReorderOptions(input));
}

/** d, σd and day counts of one position's history under prepared options. */
export function measurePositionDemand(
	prepared: PreparedEvaluation,
	history: readonly DailySales[],
	leadTimeDays: number,
): MeasuredDemand {
	return measure(prepared, history, leadTimeDays);
}

/** sku → warehouse → that position's daily-sales rows, in one pass. */
export function groupSalesByPosition(sales: readonly DailySales[]): Map<string, Map<string, DailySales[]>> {
	const bySku = new Map<string, Map<string, DailySales[]>>();
	for (let i = 0; i < sales.length; i++) {
		const row = sales[i];
		let byWarehouse = bySku.get(row.sku);
		if (!byWarehouse) bySku.set(row.sku, (byWarehouse = new Map()));
		let rows = byWarehouse.get(row.warehouse);
		if (!rows) byWarehouse.set(row.warehouse, (rows = []));
		rows.push(row);
	}
	return bySku;
}

const NO_ROWS: readonly DailySales[] = [];

/**
 * Each position's rows: `sales` grouped here when it is a plain array of rows, or a
 * SalesHistory that already holds them by position (the node's column store, salesStore.ts).
 */
export function salesHistoryOf(sales: readonly DailySales[] | SalesHistory): SalesHistory {
	if (!Array.isArray(sales)) return sales as SalesHistory;
	const grouped = groupSalesByPosition(sales as readonly DailySales[]);
	return { rowsOf: (sku, warehouse) => grouped.get(sku)?.get(warehouse) ?? NO_ROWS };
}

/** Evaluates every position against its own sales rows (matched on sku + warehouse). */
export function evaluateReorder(
	positions: readonly InventoryPosition[],
	sales: readonly DailySales[] | SalesHistory,
	options: ReorderOptionsInput,
): ReorderResult[] {
	const evaluate = createReorderEvaluator(options);
	const history = salesHistoryOf(sales);
	return positions.map((position) => evaluate(position, history.rowsOf(position.sku, position.warehouse)));
}
