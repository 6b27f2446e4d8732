/**
 * A reorder result as a person reads it in the output pane (issue 12: "stock figures with 15
 * decimals", 38.39994212958602). The pack's rule (docs/data-model.md, "Rounded and exact
 * values", ../display.ts): units to whole units, demand per day and its spread to 2 decimals
 * (a slow seller's 0.37 a day must not read 0), days of cover to 1 decimal, the service factor
 * z to 3 decimals; the unrounded values in `exact`, under the same names, for a next node
 * that calculates on. Status, order quantity and every decision were made on the exact values.
 */
import { displayUnits, roundTo } from '../display';
import type { NetworkReorderResult, WarehouseAllocation } from './network';
import type { ReorderResult } from './reorder';

/** The unrounded values of a reorder item's rounded fields. */
export interface ReorderExactValues {
	demandPerDay: number;
	demandStdDev: number;
	serviceFactor: number;
	safetyStock: number;
	reorderPoint: number;
	daysOfCover: number | null;
	orderUpToLevel: number | null;
}

export type ReorderItem<R extends ReorderResult = ReorderResult> = R & { exact: ReorderExactValues };

const perDay = (value: number) => roundTo(value, 2);
const orNull = (value: number | null, round: (v: number) => number) => (value === null ? null : round(value));

/** One position's item: the figures rounded for reading, the exact ones in `exact`. */
export function reorderItem<R extends ReorderResult | NetworkReorderResult>(result: R): ReorderItem<R> {
	const exact: ReorderExactValues = {
		demandPerDay: result.demandPerDay,
		demandStdDev: result.demandStdDev,
		serviceFactor: result.serviceFactor,
		safetyStock: result.safetyStock,
		reorderPoint: result.reorderPoint,
		daysOfCover: result.daysOfCover,
		orderUpToLevel: result.orderUpToLevel,
	};
	const allocations = 'allocations' in result ? { allocations: result.allocations.map(roundAllocation) } : {};
	return {
		...result,
		demandPerDay: perDay(result.demandPerDay),
		demandStdDev: perDay(result.demandStdDev),
		serviceFactor: roundTo(result.serviceFactor, 3),
		safetyStock: displayUnits(result.safetyStock),
		reorderPoint: displayUnits(result.reorderPoint),
		daysOfCover: orNull(result.daysOfCover, (v) => displayUnits(v, 1)),
		orderUpToLevel: orNull(result.orderUpToLevel, displayUnits),
		...allocations,
		exact,
	} as unknown as ReorderItem<R>;
}

function roundAllocation(allocation: WarehouseAllocation): WarehouseAllocation {
	return {
		...allocation,
		demandPerDay: perDay(allocation.demandPerDay),
		demandStdDev: perDay(allocation.demandStdDev),
		share: roundTo(allocation.share, 4),
	};
}
