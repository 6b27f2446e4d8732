/**
 * Network-wide mode: one decision per SKU across all its warehouses, the order split over
 * the forward warehouses by each one's share of recent demand.
 *
 * Aggregation (each warehouse measured on its own in-stock days first, so a stock-out at one
 * warehouse does not read as zero demand for the network; a warehouse sold out throughout the
 * window is measured on its in-stock days before it, as in reorder.ts):
 *   d_net  = Σ d_w
 *   σd_net = √( Σ σd_w² )          daily demand of the warehouses taken as independent —
 *                                  Chopra & Meindl's aggregation result with correlation 0
 *   IP_net = Σ IP_w                 (onHand, onOrder, reserved summed)
 *   L, σL  = the largest among the warehouses (the slowest supply route sets the risk)
 *   pack size, MOQ = the largest among the warehouses; unit cost = the largest (order value
 *                                  is an upper bound when costs differ)
 * SS, ROP, status and the order quantity then follow reorder.ts on these totals.
 *
 * Split: share_w = d_w ÷ Σ d_w over the forward warehouses (equal shares when none of them
 * sold anything). The order, P = Q ÷ packSize whole packs, is apportioned by the largest
 * remainder (Hamilton) method: each warehouse gets ⌊P·share_w⌋ packs, and the packs left over
 * go one each to the largest fractional remainders (ties: larger share, then warehouse name),
 * so allocations are whole packs and add up to Q exactly.
 */
import type { DailySales, InventoryPosition } from '../model/schemas';
import type { ReorderOptionsInput } from './options';
import {
	assessPosition,
	measurePositionDemand,
	prepareEvaluation,
	salesHistoryOf,
	type EarlierDemandDays,
	type MeasuredDemand,
	type ReorderResult,
} from './reorder';
import type { SalesHistory } from './salesStore';

export const NETWORK_WAREHOUSE = '(network)';

export interface WarehouseAllocation {
	warehouse: string;
	demandPerDay: number;
	demandStdDev: number;
	inventoryPosition: number;
	/** Share of the forward warehouses' recent demand; 0 for a warehouse that is not forward. */
	share: number;
	/** Units of the network order sent to this warehouse (whole packs). */
	allocatedQty: number;
}

export interface NetworkReorderResult extends ReorderResult {
	/** One row per warehouse holding the SKU. */
	allocations: WarehouseAllocation[];
}

export interface NetworkOptions {
	/**
	 * Warehouses that receive stock; default (or when none of them holds the SKU) every
	 * warehouse of the SKU.
	 */
	forwardWarehouses?: readonly string[];
}

/**
 * Splits `totalPacks` whole packs by `weights` with the largest-remainder method. Weights
 * that are all 0 split equally. Ties in remainder go to the larger weight, then the lower
 * index. Returns packs per entry, summing to totalPacks.
 */
export function largestRemainderSplit(totalPacks: number, weights: readonly number[]): number[] {
	const n = weights.length;
	if (n === 0 || totalPacks <= 0) return weights.map(() => 0);
	let weightSum = 0;
	for (const w of weights) weightSum += w > 0 ? w : 0;
	const shares = weights.map((w) => (weightSum > 0 ? (w > 0 ? w / weightSum : 0) : 1 / n));
	const packs = shares.map((share) => Math.floor(totalPacks * share));
	let left = totalPacks - packs.reduce((a, b) => a + b, 0);
	const order = shares
		.map((share, index) => ({ index, share, remainder: totalPacks * share - packs[index] }))
		.sort((a, b) => b.remainder - a.remainder || b.share - a.share || a.index - b.index);
	for (let k = 0; left > 0; k = (k + 1) % n, left--) packs[order[k].index]++;
	return packs;
}

function max(values: readonly number[]): number {
	let best = 0;
	for (const v of values) if (v > best) best = v;
	return best;
}

/**
 * Network evaluation of every SKU in `positions` (its warehouses are the positions with that
 * sku). Results come in the order each SKU first appears.
 */
export function evaluateNetworkReorder(
	positions: readonly InventoryPosition[],
	sales: readonly DailySales[] | SalesHistory,
	options: ReorderOptionsInput,
	network: NetworkOptions = {},
): NetworkReorderResult[] {
	const prepared = prepareEvaluation(options);
	const history = salesHistoryOf(sales);
	const bySku = new Map<string, InventoryPosition[]>();
	for (const position of positions) {
		const list = bySku.get(position.sku);
		if (list) list.push(position);
		else bySku.set(position.sku, [position]);
	}
	const forward = network.forwardWarehouses?.length ? new Set(network.forwardWarehouses) : null;

	const results: NetworkReorderResult[] = [];
	for (const [sku, warehouses] of bySku) {
		const leadTime = max(warehouses.map((p) => p.leadTimeDays));
		const demands: MeasuredDemand[] = warehouses.map((p) =>
			measurePositionDemand(prepared, history.rowsOf(sku, p.warehouse), leadTime),
		);
		let demandPerDay = 0;
		let variance = 0;
		let inStockDays = 0;
		let stockOutDays = 0;
		let measured = 0;
		for (const demand of demands) {
			if (demand.inStockDays === 0) continue;
			measured++;
			demandPerDay += demand.demandPerDay;
			variance += demand.demandStdDev * demand.demandStdDev;
			inStockDays = Math.max(inStockDays, demand.inStockDays);
			stockOutDays = Math.max(stockOutDays, demand.stockOutDays);
		}
		// Warehouses measured before the window (sold out throughout it): the span of their days.
		const earlier = demands.flatMap((m) => (m.earlierDays ? [m.earlierDays] : []));
		const earlierDays: EarlierDemandDays | null =
			earlier.length === 0
				? null
				: {
						from: earlier.map((e) => e.from).sort()[0],
						to: earlier.map((e) => e.to).sort()[earlier.length - 1],
						someWarehouses: earlier.length < measured,
					};
		const total: InventoryPosition = {
			sku,
			warehouse: NETWORK_WAREHOUSE,
			onHand: warehouses.reduce((sum, p) => sum + p.onHand, 0),
			onOrder: warehouses.reduce((sum, p) => sum + p.onOrder, 0),
			reserved: warehouses.reduce((sum, p) => sum + p.reserved, 0),
			leadTimeDays: leadTime,
			leadTimeStdDays: max(warehouses.map((p) => p.leadTimeStdDays ?? 0)),
			moq: max(warehouses.map((p) => p.moq ?? 0)),
			packSize: Math.max(1, max(warehouses.map((p) => p.packSize ?? 1))),
			unitCost: max(warehouses.map((p) => p.unitCost ?? 0)),
		};
		const methods = new Set(demands.filter((m) => m.inStockDays > 0).map((m) => m.demandMethod));
		const result = assessPosition(prepared, total, {
			demandPerDay,
			demandStdDev: Math.sqrt(variance),
			demandMethod: methods.size === 1 ? [...methods][0] : 'mean',
			demandBasis: measured === 0 ? 'none' : earlierDays ? 'earlierHistory' : 'lookback',
			earlierDays,
			inStockDays,
			stockOutDays,
		});

		// A SKU held by none of the named forward warehouses is split over all of its own.
		const named = forward !== null && warehouses.some((p) => forward.has(p.warehouse));
		const isForward = warehouses.map((p) => (named && forward ? forward.has(p.warehouse) : true));
		const weights = warehouses.map((_, i) => (isForward[i] && demands[i].inStockDays > 0 ? demands[i].demandPerDay : 0));
		const forwardIndexes = warehouses.map((_, i) => i).filter((i) => isForward[i]);
		const packSize = total.packSize ?? 1;
		const forwardPacks = largestRemainderSplit(
			Math.round(result.suggestedOrderQty / packSize),
			forwardIndexes.map((i) => weights[i]),
		);
		const weightSum = forwardIndexes.reduce((sum, i) => sum + weights[i], 0);
		const allocations: WarehouseAllocation[] = warehouses.map((p, i) => ({
			warehouse: p.warehouse,
			demandPerDay: demands[i].inStockDays > 0 ? demands[i].demandPerDay : 0,
			demandStdDev: demands[i].inStockDays > 0 ? demands[i].demandStdDev : 0,
			inventoryPosition: p.onHand + p.onOrder - p.reserved,
			share: isForward[i] ? (weightSum > 0 ? weights[i] / weightSum : 1 / forwardIndexes.length) : 0,
			allocatedQty: 0,
		}));
		forwardIndexes.forEach((i, k) => (allocations[i].allocatedQty = forwardPacks[k] * packSize));
		results.push({ ...result, allocations });
	}
	return results;
}
