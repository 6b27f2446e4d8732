/**
 * One sku + warehouse end to end (nodes/lib/inventory/reorder.ts): d, σd, SS, ROP, IP, cover,
 * status and the suggested order, against
 * - the independent Python reference (pandas + scipy.stats.norm.ppf) on 60 generated
 *   histories with stock-outs, missing days and duplicate rows, for all four order policies;
 * - a worked example by hand;
 * - every edge case issue #5 names, which must give defined results, never NaN or Infinity;
 * - a SKU sold out for the whole lookback window (urgent, demand from earlier in-stock days)
 *   and a new SKU's first batch (小单快反), both of which need action.
 */
import {
	createReorderEvaluator,
	DEMAND_BASES,
	evaluateReorder,
	needsAction,
	REORDER_STATUSES,
	type ReorderOptionsInput,
	type ReorderResult,
} from '../../../nodes/lib/inventory';
import type { DailySales, InventoryPosition } from '../../../nodes/lib/model/schemas';
import { expectClose, readCsv, readPositions, readSales, REFERENCE_SETTINGS as R, withNodeDefaults } from './referenceData';

const POLICIES: Record<string, ReorderOptionsInput['policy']> = {
	orderUpTo: { kind: 'orderUpTo', reviewPeriodDays: R.reviewPeriodDays },
	daysOfCover: { kind: 'daysOfCover', targetDays: R.targetDays },
	eoq: { kind: 'eoq', orderingCost: R.orderingCost, holdingCostRate: R.holdingCostRate },
	smallBatch: { kind: 'smallBatch', firstBatchQuantity: R.firstBatchQuantity, coverDays: R.coverDays },
};

const baseOptions: ReorderOptionsInput = withNodeDefaults({
	asOf: R.asOf,
	lookbackDays: R.lookbackDays,
	serviceLevel: R.serviceLevel,
	maxDaysOfCover: R.maxDaysOfCover,
});

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
			expect([label, result.demandBasis]).toEqual([label, row.demandBasis]);
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

	it('the reference data exercises every status, every demand basis and every edge case', () => {
		const statuses = new Set(expected.map((row) => row.status));
		expect([...statuses].sort()).toEqual([...REORDER_STATUSES].sort());
		expect([...new Set(expected.map((row) => row.demandBasis))].sort()).toEqual([...DEMAND_BASES].sort());
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
	const evaluate = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', policy: { kind: 'orderUpTo', reviewPeriodDays: 7 } }));
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
		const noMaximum = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', maxDaysOfCover: null }));
		expect(noMaximum(position({ onHand: 901 }), rows).status).toBe('ok');
	});

	it('orders at least enough to lift the position above the reorder point', () => {
		// EOQ of 5 units would leave IP = 0 + 5 ≤ ROP: raised to ⌊46.70 − 0⌋ + 1 = 47.
		const tinyEoq = createReorderEvaluator(withNodeDefaults({
			asOf: '2026-03-01',
			policy: { kind: 'eoq', orderingCost: 0.001, holdingCostRate: 0.25 },
		}));
		const r = tinyEoq(position({ onHand: 0 }), rows);
		expect(r.suggestedOrderQty).toBe(47);
		expect(r.inventoryPosition + r.suggestedOrderQty).toBeGreaterThan(r.reorderPoint);
	});
});

describe('edge cases: defined, documented results', () => {
	const evaluate = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01' }));

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

	it('no history (no sales rows at all): status no_history, zeros, cover null, nothing to order', () => {
		const r = evaluate(position({ onHand: 0 }), []);
		expect(r).toMatchObject({
			status: 'no_history',
			demandBasis: 'none',
			inStockDays: 0,
			demandPerDay: 0,
			safetyStock: 0,
			reorderPoint: 0,
			daysOfCover: null,
			projectedStockoutDate: null,
			suggestedOrderQty: 0,
		});
		expect(r.explanation).toBe('No in-stock day in the sales history to 2026-03-01, so demand is unknown.');
		expect(needsAction(r)).toBe(false);
		expectAllFinite(r);
	});

	it('never in stock in the whole history: still no_history (demand unknown)', () => {
		const soldOut = evaluate(position(), history(60, () => 1, () => false));
		expect(soldOut).toMatchObject({ status: 'no_history', demandBasis: 'none', inStockDays: 0, stockOutDays: 28, suggestedOrderQty: 0 });
		expect(soldOut.explanation).toBe(
			'No in-stock day in the sales history to 2026-03-01 (sold out on 28 of the last 28 days), so demand is unknown.',
		);
		expect(soldOut.explanationZh).toBe('截至 2026-03-01 的销售记录中没有在售天数（近 28 天中 28 天断货），无法估计需求。');
		expectAllFinite(soldOut);
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
		const r = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', maxDaysOfCover: null }))(position({ onHand: 2 ** 30 }), rows);
		expect(r.daysOfCover).toBeGreaterThan(2_932_896);
		expect(r.projectedStockoutDate).toBeNull();
		expectAllFinite(r);
	});
});

describe('a SKU sold out for the whole lookback window', () => {
	// The audit's case: sold 18, 22, 18, 22 … a day (d = 20) from 2026-01-01 to 2026-02-01,
	// then sold out on every day of the 28-day window 2026-02-02 … 2026-03-01; nothing on hand.
	const january = history(60, (i) => (i < 32 ? (i % 2 === 0 ? 18 : 22) : 0), (i) => i < 32);
	const evaluate = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01' }));
	const result = evaluate(position({ onHand: 0 }), january);

	it('is urgent: demand comes from the 28 most recent in-stock days before the window', () => {
		// Days 2026-01-05 … 2026-02-01: 14 × 18 and 14 × 22 → d = 20, σd = √(28 × 2² ÷ 27).
		// L = 4, z = 1.6449: SS = z·σd·√4 = 6.70015…, ROP = 80 + SS = 86.70015…;
		// IP 0 ≤ ROP and cover 0 ÷ 20 = 0 days < L → urgent.
		// Order up to (review 7): S = ROP + 140 = 226.70…, Q = S − 0 → 227.
		expect(result).toMatchObject({
			status: 'urgent',
			demandBasis: 'earlierHistory',
			demandMethod: 'mean',
			demandPerDay: 20,
			inStockDays: 28,
			stockOutDays: 28,
			inventoryPosition: 0,
			daysOfCover: 0,
			projectedStockoutDate: '2026-03-01',
			suggestedOrderQty: 227,
		});
		expect(result.demandStdDev).toBeCloseTo(Math.sqrt(112 / 27), 12);
		expect(result.reorderPoint).toBeCloseTo(80 + 1.6448536269514722 * Math.sqrt(112 / 27) * 2, 10);
		expect(needsAction(result)).toBe(true);
		expectAllFinite(result);
	});

	it('says so in the explanation, in English and in Simplified Chinese', () => {
		expect(result.explanation).toBe(
			'Urgent: out of stock (0 on hand) selling 20/day with a 4-day lead time; order 227 now (position 0 ≤ reorder point 86.7).' +
				' Sold out on every day of the 28 days to 2026-03-01: demand is measured on the 28 most recent in-stock days before (2026-01-05 to 2026-02-01).',
		);
		expect(result.explanationZh).toBe(
			'紧急补货：已断货（现有库存 0 件），日均销量 20 件，补货提前期 4 天；建议立即订货 227 件（库存位置 0 ≤ 再订货点 86.7）。' +
				'截至 2026-03-01 的 28 天内每天断货：需求按此前最近 28 个在售日（2026-01-05 至 2026-02-01）估计。',
		);
	});

	it('uses fewer earlier days when fewer exist, skipping sold-out days and days without a row', () => {
		// In stock only 2026-01-20 (6 units) and 2026-01-25 (10 units), sold out in between.
		const rows = history(60, (i) => (i === 19 ? 6 : i === 24 ? 10 : 1), (i) => i === 19 || i === 24).filter((_, i) => i !== 22);
		const r = evaluate(position({ onHand: 0 }), rows);
		expect(r).toMatchObject({ demandBasis: 'earlierHistory', inStockDays: 2, demandPerDay: 8, status: 'urgent' });
		expect(r.demandStdDev).toBeCloseTo(Math.sqrt(8), 12); // ((6 − 8)² + (10 − 8)²) ÷ 1
		expect(r.explanation).toMatch(/demand is measured on the 2 most recent in-stock days before \(2026-01-20 to 2026-01-25\)\.$/);
	});

	it('is not treated as a new SKU under small batch: it replenishes on measured demand', () => {
		const smallBatch = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', policy: { kind: 'smallBatch', firstBatchQuantity: 500, coverDays: 7 } }));
		const r = smallBatch(position({ onHand: 0 }), january);
		// Q = max(d × 7 = 140, ⌊ROP − IP⌋ + 1 = 87) = 140, not a first batch of 500.
		expect(r).toMatchObject({ status: 'urgent', demandBasis: 'earlierHistory', suggestedOrderQty: 140 });
	});

	it('keeps the issue\'s window rule as soon as the window has one in-stock day', () => {
		const oneDay = january.map((row) => (row.date === '2026-02-20' ? { ...row, units: 3, inStock: true } : row));
		const r = evaluate(position({ onHand: 0 }), oneDay);
		expect(r).toMatchObject({ demandBasis: 'lookback', inStockDays: 1, demandPerDay: 3, demandStdDev: 0, stockOutDays: 27 });
		expect(r.explanation).not.toMatch(/most recent in-stock days before/);
	});

	it.each(['ses', 'holtWinters'] as const)('falls back to the in-stock mean with demandMethod %s (finite, reported as mean)', (demandMethod) => {
		const r = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', demandMethod }))(position({ onHand: 0 }), january);
		expect(r).toMatchObject({ demandBasis: 'earlierHistory', demandMethod: 'mean', demandPerDay: 20, status: 'urgent' });
		expectAllFinite(r);
	});

	it('with "missing days are zero sales", earlier days without a row count as 0-unit in-stock days', () => {
		// Rows only on 2026-01-30 (8 units) and the sold-out window: 01-31 and 02-01 have no row.
		const rows = [
			{ date: '2026-01-30', sku: 'TEA-01', warehouse: 'SH', units: 8, inStock: true },
			...january.filter((row) => row.date >= '2026-02-02'),
		];
		const zeroFilled = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', missingDaysAsZeroSales: true }));
		// The window has rows on every day (all sold out), so it falls back: 01-30, 01-31, 02-01.
		expect(zeroFilled(position({ onHand: 0 }), rows)).toMatchObject({ demandBasis: 'earlierHistory', inStockDays: 3, demandPerDay: 8 / 3 });
	});
});

describe('a new SKU: the small-batch first batch (小单快反)', () => {
	const smallBatch = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', policy: { kind: 'smallBatch', firstBatchQuantity: 500, coverDays: 7 } }));

	it('suggests the first batch in whole packs, and it needs action', () => {
		const first = smallBatch(position({ onHand: 0, packSize: 24, unitCost: 3 }), []);
		expect(first).toMatchObject({ status: 'no_history', demandBasis: 'none', suggestedOrderQty: 504, orderValue: 1512 });
		expect(needsAction(first)).toBe(true);
		expect(first.explanation).toBe('No in-stock day in the sales history to 2026-03-01, so demand is unknown; order 504 (first batch).');
		expect(first.explanationZh).toBe('截至 2026-03-01 的销售记录中没有在售天数，无法估计需求；建议订货 504 件（首批试单）。');
	});

	it('is reduced by what the position already holds or has on order: B − IP', () => {
		// 100 on hand (samples): 400 more → 17 packs of 24 = 408.
		expect(smallBatch(position({ onHand: 100, packSize: 24 }), []).suggestedOrderQty).toBe(408);
		// 480 of the batch placed: 20 more → one pack.
		expect(smallBatch(position({ onHand: 0, onOrder: 480, packSize: 24 }), []).suggestedOrderQty).toBe(24);
		// 3 units reserved beyond stock (backorders): 503 → 504.
		expect(smallBatch(position({ onHand: 0, reserved: 3, packSize: 24 }), []).suggestedOrderQty).toBe(504);
	});

	it('once the batch is on order, nothing more is suggested and it no longer needs action', () => {
		const placed = smallBatch(position({ onHand: 0, onOrder: 504, packSize: 24 }), []);
		expect(placed).toMatchObject({ status: 'no_history', suggestedOrderQty: 0 });
		expect(needsAction(placed)).toBe(false);
		expect(placed.explanation).toBe('No in-stock day in the sales history to 2026-03-01, so demand is unknown.');
	});

	it('other policies order for a position without history only to fill backorders', () => {
		const evaluate = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01' }));
		expect(evaluate(position({ onHand: 0 }), []).suggestedOrderQty).toBe(0);
		const backorders = evaluate(position({ onHand: 0, reserved: 3 }), []);
		expect(backorders).toMatchObject({ status: 'no_history', suggestedOrderQty: 3 });
		expect(needsAction(backorders)).toBe(true);
		expect(backorders.explanation).toBe('No in-stock day in the sales history to 2026-03-01, so demand is unknown; order 3 (backorders).');
	});
});

describe('forecast methods', () => {
	const weekly = [3, 4, 5, 5, 6, 9, 8];
	const rows = history(56, (i) => weekly[(i + 2) % 7]);

	it('uses Holt-Winters with 3 weeks or more, SES below, and reports which', () => {
		const hw = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', demandMethod: 'holtWinters' }));
		const r = hw(position({ leadTimeDays: 7 }), rows);
		expect(r.demandMethod).toBe('holtWinters');
		// A pure weekly pattern: the next 7 days average the weekly mean 40 / 7.
		expect(r.demandPerDay).toBeCloseTo(40 / 7, 9);
		const short = hw(position(), rows.slice(-14));
		expect(short.demandMethod).toBe('ses');
	});

	it('keeps σd as the in-stock sample standard deviation', () => {
		const mean = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01' }))(position(), rows);
		const ses = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01', demandMethod: 'ses' }))(position(), rows);
		expect(ses.demandStdDev).toBe(mean.demandStdDev);
		expect(ses.demandMethod).toBe('ses');
	});
});

describe('options', () => {
	it('apply defaults: 28-day lookback, 95 %, order-up-to with a 7-day review, 90-day maximum cover', () => {
		const r = createReorderEvaluator(withNodeDefaults({ asOf: '2026-03-01' }))(position(), history(28, () => 1));
		expect(r).toMatchObject({ serviceLevel: 0.95, orderPolicy: 'orderUpTo' });
	});

	it.each([
		[{ asOf: '2026-02-30' }, /asOf/],
		[{ asOf: '2026-03-01', serviceLevel: 1 }, /serviceLevel/],
		[{ asOf: '2026-03-01', serviceLevel: 95 }, /serviceLevel/],
		[{ asOf: '2026-03-01', lookbackDays: 0 }, /lookbackDays/],
		[{ asOf: '2026-03-01', policy: { kind: 'eoq', orderingCost: -1, holdingCostRate: 0.2 } }, /orderingCost/],
	] as Array<[Partial<ReorderOptionsInput> & { asOf: string }, RegExp]>)('reject %j naming the setting', (options, field) => {
		expect(() => createReorderEvaluator(withNodeDefaults(options))).toThrow(field);
	});
});
