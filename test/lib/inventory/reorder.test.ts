/**
 * One sku + warehouse end to end (nodes/lib/inventory/reorder.ts): d, σd, SS, ROP, IP, cover,
 * status and the suggested order, against
 * - the independent Python reference (pandas + scipy.stats.norm.ppf) on 60 generated
 *   histories with stock-outs, missing days and duplicate rows, for all four order policies;
 * - a worked example by hand;
 * - every edge case issue #5 names, which must give defined results, never NaN or Infinity.
 */
import {
	createReorderEvaluator,
	evaluateReorder,
	REORDER_STATUSES,
	type ReorderOptionsInput,
	type ReorderResult,
} from '../../../nodes/lib/inventory';
import type { DailySales, InventoryPosition } from '../../../nodes/lib/model/schemas';
import { expectClose, readCsv, readPositions, readSales, REFERENCE_SETTINGS as R } from './referenceData';

const POLICIES: Record<string, ReorderOptionsInput['policy']> = {
	orderUpTo: { kind: 'orderUpTo', reviewPeriodDays: R.reviewPeriodDays },
	daysOfCover: { kind: 'daysOfCover', targetDays: R.targetDays },
	eoq: { kind: 'eoq', orderingCost: R.orderingCost, holdingCostRate: R.holdingCostRate },
	smallBatch: { kind: 'smallBatch', firstBatchQuantity: R.firstBatchQuantity, coverDays: R.coverDays },
};

const baseOptions: ReorderOptionsInput = {
	asOf: R.asOf,
	lookbackDays: R.lookbackDays,
	serviceLevel: R.serviceLevel,
	maxDaysOfCover: R.maxDaysOfCover,
};

function position(overrides: Partial<InventoryPosition> = {}): InventoryPosition {
	return {
		sku: 'TEA-01',
		warehouse: 'SH',
		onHand: 100,
		onOrder: 0,
		reserved: 0,
		leadTimeDays: 4,
		leadTimeStdDays: 0,
		moq: 0,
		packSize: 1,
		unitCost: 10,
		...overrides,
	};
}

/** `days` daily rows ending at 2026-03-01, units from `unitsOf(i)` (i = 0 is the oldest). */
function history(days: number, unitsOf: (i: number) => number, inStockOf: (i: number) => boolean = () => true): DailySales[] {
	const rows: DailySales[] = [];
	const end = Date.UTC(2026, 2, 1);
	for (let i = 0; i < days; i++) {
		const date = new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
		rows.push({ date, sku: 'TEA-01', warehouse: 'SH', units: unitsOf(i), inStock: inStockOf(i) });
	}
	return rows;
}

function expectAllFinite(result: ReorderResult): void {
	for (const [field, value] of Object.entries(result)) {
		if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${field} is ${value}`);
	}
	expect(REORDER_STATUSES).toContain(result.status);
	expect(result.explanation.length).toBeGreaterThan(10);
	expect(result.explanationZh.length).toBeGreaterThan(5);
}

describe('reorder evaluation vs the Python reference (expected.csv)', () => {
	const positions = readPositions();
	const sales = readSales();
	const expected = readCsv('expected.csv');

	it.each(Object.keys(POLICIES))('policy %s: every field the reference computes agrees', (policyName) => {
		const results = evaluateReorder(positions, sales, { ...baseOptions, policy: POLICIES[policyName] });
		expect(results).toHaveLength(expected.length);
		results.forEach((result, i) => {
			const row = expected[i];
			const label = `${row.sku}/${row.warehouse} (${row.kind})`;
			expect(`${result.sku}/${result.warehouse}`).toBe(`${row.sku}/${row.warehouse}`);
			expectClose(result.demandPerDay, Number(row.demandPerDay), 1e-9, `${label} d`);
			expectClose(result.demandStdDev, Number(row.demandStdDev), 1e-9, `${label} σd`);
			expect(result.inStockDays).toBe(Number(row.inStockDays));
			expect(result.stockOutDays).toBe(Number(row.stockOutDays));
			expectClose(result.serviceFactor, Number(row.serviceFactor), 1e-12, `${label} z`);
			expectClose(result.safetyStock, Number(row.safetyStock), 1e-9, `${label} SS`);
			expectClose(result.reorderPoint, Number(row.reorderPoint), 1e-9, `${label} ROP`);
			expect(result.inventoryPosition).toBe(Number(row.inventoryPosition));
			if (row.daysOfCover === '') expect(result.daysOfCover).toBeNull();
			else expectClose(result.daysOfCover as number, Number(row.daysOfCover), 1e-9, `${label} cover`);
			expect(result.projectedStockoutDate).toBe(row.projectedStockoutDate === '' ? null : row.projectedStockoutDate);
			expect([label, result.status]).toEqual([label, row.status]);
			expect([label, result.suggestedOrderQty]).toEqual([label, Number(row[`qty_${policyName}`])]);
			expect([label, result.orderValue]).toEqual([label, Math.round(Number(row[`qty_${policyName}`]) * positions[i].unitCost * 100) / 100]);
			expectAllFinite(result);
		});
	});

	it('the reference data exercises every status and every edge case', () => {
		const statuses = new Set(expected.map((row) => row.status));
		expect([...statuses].sort()).toEqual([...REORDER_STATUSES].sort());
		const kinds = new Set(expected.map((row) => row.kind));
		for (const kind of ['zero_demand', 'no_rows', 'all_sold_out', 'single_in_stock_day', 'negative_on_hand', 'lead_time_zero', 'missing_days', 'duplicate_rows']) {
			expect(kinds).toContain(kind);
		}
	});

	it.each(['mean', 'ses', 'holtWinters'] as const)('gives finite results everywhere with demandMethod %s', (demandMethod) => {
		for (const policy of Object.values(POLICIES)) {
			for (const result of evaluateReorder(positions, sales, { ...baseOptions, policy, demandMethod })) expectAllFinite(result);
		}
	});
});

describe('a worked example', () => {
	// 28 in-stock days alternating 8 and 12 units: d = 10,
	// σd = √(28 × 2² ÷ 27) = 2.03670…; L = 4 days, σL = 0, 95 %: z = 1.64485…,
	// SS = z·σd·√4 = 6.70015…, ROP = 40 + SS = 46.70015…
	// onHand 30 + onOrder 10 − reserved 2 = IP 38 ≤ ROP → order; cover 30 ÷ 10 = 3 days < L → urgent.
	// Order-up-to, review 7 days: S = ROP + 70 = 116.70015…, Q = S − IP = 78.70… → packs of 12 → 84.
	const rows = history(28, (i) => (i % 2 === 0 ? 8 : 12));
	const evaluate = createReorderEvaluator({ asOf: '2026-03-01', policy: { kind: 'orderUpTo', reviewPeriodDays: 7 } });
	const result = evaluate(position({ onHand: 30, onOrder: 10, reserved: 2, packSize: 12, unitCost: 2.5 }), rows);

	it('computes every output field', () => {
		expect(result.demandPerDay).toBe(10);
		expect(result.demandStdDev).toBeCloseTo(Math.sqrt(112 / 27), 12);
		expect(result.serviceFactor).toBeCloseTo(1.6448536269514722, 12);
		expect(result.safetyStock).toBeCloseTo(1.6448536269514722 * Math.sqrt(112 / 27) * 2, 10);
		expect(result.reorderPoint).toBeCloseTo(46.70015, 5);
		expect(result.inventoryPosition).toBe(38);
		expect(result.daysOfCover).toBe(3);
		expect(result.projectedStockoutDate).toBe('2026-03-04');
		expect(result.status).toBe('urgent');
		expect(result.orderUpToLevel).toBeCloseTo(116.70015, 5);
		expect(result.suggestedOrderQty).toBe(84);
		expect(result.orderValue).toBe(210);
		expect(result.demandMethod).toBe('mean');
	});

	it('explains itself in one line, in English and in Simplified Chinese', () => {
		expect(result.explanation).toBe(
			'Urgent: 30 on hand last 3 days at 10/day, less than the 4-day lead time; order 84 now (position 38 ≤ reorder point 46.7).',
		);
		expect(result.explanationZh).toBe(
			'紧急补货：现有库存 30 件按日均 10 件仅可售 3 天，短于 4 天的补货提前期；建议立即订货 84 件（库存位置 38 ≤ 再订货点 46.7）。',
		);
	});

	it('is plain reorder when the stock on hand outlasts the lead time', () => {
		const r = evaluate(position({ onHand: 45, onOrder: 0, reserved: 0 }), rows);
		expect(r.status).toBe('reorder');
		expect(r.explanation).toBe('Reorder 72: position 45 ≤ reorder point 46.7 (10/day × 4 days + safety stock 6.7).');
		expect(r.explanationZh).toBe('建议补货 72 件：库存位置 45 ≤ 再订货点 46.7（日均 10 × 提前期 4 天 + 安全库存 6.7）。');
	});

	it('is ok above the reorder point, overstock above the maximum cover', () => {
		expect(evaluate(position({ onHand: 47 }), rows)).toMatchObject({ status: 'ok', suggestedOrderQty: 0, orderValue: 0 });
		expect(evaluate(position({ onHand: 901 }), rows)).toMatchObject({ status: 'overstock', daysOfCover: 90.1 });
		const noMaximum = createReorderEvaluator({ asOf: '2026-03-01', maxDaysOfCover: null });
		expect(noMaximum(position({ onHand: 901 }), rows).status).toBe('ok');
	});

	it('orders at least enough to lift the position above the reorder point', () => {
		// EOQ of 5 units would leave IP = 0 + 5 ≤ ROP: raised to ⌊46.70 − 0⌋ + 1 = 47.
		const tinyEoq = createReorderEvaluator({
			asOf: '2026-03-01',
			policy: { kind: 'eoq', orderingCost: 0.001, holdingCostRate: 0.25 },
		});
		const r = tinyEoq(position({ onHand: 0 }), rows);
		expect(r.suggestedOrderQty).toBe(47);
		expect(r.inventoryPosition + r.suggestedOrderQty).toBeGreaterThan(r.reorderPoint);
	});
});

describe('edge cases: defined, documented results', () => {
	const evaluate = createReorderEvaluator({ asOf: '2026-03-01' });

	it('zero demand: d = SS = ROP = 0, cover null ("no demand"), nothing ordered, stock is overstock', () => {
		const rows = history(28, () => 0);
		const empty = evaluate(position({ onHand: 0 }), rows);
		expect(empty).toMatchObject({
			status: 'ok',
			demandPerDay: 0,
			demandStdDev: 0,
			safetyStock: 0,
			reorderPoint: 0,
			daysOfCover: null,
			projectedStockoutDate: null,
			suggestedOrderQty: 0,
		});
		expect(empty.explanation).toBe('OK: position 0 above reorder point 0; no demand.');
		const dead = evaluate(position({ onHand: 40 }), rows);
		expect(dead.status).toBe('overstock');
		expect(dead.explanation).toBe('Overstock: 40 on hand and no sales on 28 in-stock days.');
		// Backorders (reserved beyond stock) are still filled: IP = −3 → order 4 (IP + Q > 0).
		const backorders = evaluate(position({ onHand: 0, reserved: 3 }), rows);
		expect(backorders).toMatchObject({ status: 'reorder', suggestedOrderQty: 4 });
		expect(backorders.explanation).toBe('Reorder 4 to fill backorders: position -3 (reserved units exceed stock and orders).');
	});

	it('no history: status no_history, zeros, cover null; smallBatch suggests the first batch', () => {
		const r = evaluate(position({ onHand: 0 }), []);
		expect(r).toMatchObject({
			status: 'no_history',
			inStockDays: 0,
			demandPerDay: 0,
			safetyStock: 0,
			reorderPoint: 0,
			daysOfCover: null,
			projectedStockoutDate: null,
			suggestedOrderQty: 0,
		});
		expectAllFinite(r);
		const smallBatch = createReorderEvaluator({ asOf: '2026-03-01', policy: { kind: 'smallBatch', firstBatchQuantity: 500, coverDays: 7 } });
		const first = smallBatch(position({ onHand: 0, packSize: 24, unitCost: 3 }), []);
		expect(first).toMatchObject({ status: 'no_history', suggestedOrderQty: 504, orderValue: 1512 });
		expect(first.explanation).toBe('No in-stock day in the 28 days to 2026-03-01, so demand is unknown; order 504 (first batch).');
		expect(first.explanationZh).toBe('截至 2026-03-01 的 28 天内没有在售天数，无法估计需求；建议订货 504 件（首批试单）。');
		// The first batch is on order already: nothing more.
		expect(smallBatch(position({ onHand: 0, onOrder: 504 }), []).suggestedOrderQty).toBe(0);
		// Sold out on every day of the window counts as no history too (no in-stock day).
		const soldOut = evaluate(position(), history(28, () => 1, () => false));
		expect(soldOut).toMatchObject({ status: 'no_history', stockOutDays: 28 });
		expect(soldOut.explanation).toBe('No in-stock day in the 28 days to 2026-03-01 (sold out on 28), so demand is unknown.');
		expect(soldOut.explanationZh).toBe('截至 2026-03-01 的 28 天内没有在售天数（28 天断货），无法估计需求。');
	});

	it('a single in-stock day: σd = 0, SS from lead-time spread only', () => {
		const rows = history(28, () => 6, (i) => i === 27);
		const r = evaluate(position({ onHand: 10, leadTimeDays: 5, leadTimeStdDays: 1 }), rows);
		expect(r).toMatchObject({ inStockDays: 1, stockOutDays: 27, demandPerDay: 6, demandStdDev: 0 });
		expect(r.safetyStock).toBeCloseTo(1.6448536269514722 * 6 * 1, 12);
	});

	it('negative onHand (oversold): IP reduced by it, cover 0, stock-out date = asOf, urgent', () => {
		const r = evaluate(position({ onHand: -5 }), history(28, () => 3));
		expect(r).toMatchObject({ inventoryPosition: -5, daysOfCover: 0, projectedStockoutDate: '2026-03-01', status: 'urgent' });
		expect(r.explanation).toBe('Urgent: out of stock (-5 on hand) selling 3/day with a 4-day lead time; order 38 now (position -5 ≤ reorder point 12).');
		expectAllFinite(r);
	});

	it('lead time 0: ROP = SS = z·d·σL; never urgent (an order arrives at once)', () => {
		const rows = history(28, (i) => (i % 2 ? 2 : 4));
		const certain = evaluate(position({ onHand: 0, leadTimeDays: 0, leadTimeStdDays: 0 }), rows);
		expect(certain).toMatchObject({ safetyStock: 0, reorderPoint: 0, status: 'reorder' });
		const uncertain = evaluate(position({ onHand: 0, leadTimeDays: 0, leadTimeStdDays: 2 }), rows);
		expect(uncertain.reorderPoint).toBeCloseTo(1.6448536269514722 * 3 * 2, 12);
		expect(uncertain.status).toBe('reorder');
	});

	it('packSize 1 and MOQ 0: the wanted quantity rounded up to whole units', () => {
		const r = evaluate(position({ onHand: 0, packSize: 1, moq: 0 }), history(28, () => 3));
		// d = 3, σd = 0, L = 4: ROP = 12; S = 12 + 21 = 33; Q = 33 − 0 = 33.
		expect(r.suggestedOrderQty).toBe(33);
	});

	it('a projected stock-out beyond year 9999 is null, not a broken date', () => {
		const rows = history(28, (i) => (i === 0 ? 1 : 0));
		const r = createReorderEvaluator({ asOf: '2026-03-01', maxDaysOfCover: null })(position({ onHand: 2 ** 30 }), rows);
		expect(r.daysOfCover).toBeGreaterThan(2_932_896);
		expect(r.projectedStockoutDate).toBeNull();
		expectAllFinite(r);
	});
});

describe('forecast methods', () => {
	const weekly = [3, 4, 5, 5, 6, 9, 8];
	const rows = history(56, (i) => weekly[(i + 2) % 7]);

	it('uses Holt-Winters with 3 weeks or more, SES below, and reports which', () => {
		const hw = createReorderEvaluator({ asOf: '2026-03-01', demandMethod: 'holtWinters' });
		const r = hw(position({ leadTimeDays: 7 }), rows);
		expect(r.demandMethod).toBe('holtWinters');
		// A pure weekly pattern: the next 7 days average the weekly mean 40 / 7.
		expect(r.demandPerDay).toBeCloseTo(40 / 7, 9);
		const short = hw(position(), rows.slice(-14));
		expect(short.demandMethod).toBe('ses');
	});

	it('keeps σd as the in-stock sample standard deviation', () => {
		const mean = createReorderEvaluator({ asOf: '2026-03-01' })(position(), rows);
		const ses = createReorderEvaluator({ asOf: '2026-03-01', demandMethod: 'ses' })(position(), rows);
		expect(ses.demandStdDev).toBe(mean.demandStdDev);
		expect(ses.demandMethod).toBe('ses');
	});
});

describe('options', () => {
	it('apply defaults: 28-day lookback, 95 %, order-up-to with a 7-day review, 90-day maximum cover', () => {
		const r = createReorderEvaluator({ asOf: '2026-03-01' })(position(), history(28, () => 1));
		expect(r).toMatchObject({ serviceLevel: 0.95, orderPolicy: 'orderUpTo' });
	});

	it.each([
		[{ asOf: '2026-02-30' }, /asOf/],
		[{ asOf: '2026-03-01', serviceLevel: 1 }, /serviceLevel/],
		[{ asOf: '2026-03-01', serviceLevel: 95 }, /serviceLevel/],
		[{ asOf: '2026-03-01', lookbackDays: 0 }, /lookbackDays/],
		[{ asOf: '2026-03-01', policy: { kind: 'eoq', orderingCost: -1, holdingCostRate: 0.2 } }, /orderingCost/],
	] as Array<[ReorderOptionsInput, RegExp]>)('reject %j naming the setting', (options, field) => {
		expect(() => createReorderEvaluator(options)).toThrow(field);
	});
});
