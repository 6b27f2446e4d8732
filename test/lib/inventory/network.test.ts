/**
 * Network-wide mode (nodes/lib/inventory/network.ts): demand aggregated over warehouses,
 * order split by share of recent demand with largest-remainder rounding in whole packs.
 * Reference: network_expected.csv from the Python reference (pandas), plus hand examples.
 */
import {
	evaluateNetworkReorder,
	largestRemainderSplit,
	NETWORK_WAREHOUSE,
	type NetworkReorderResult,
} from '../../../nodes/lib/inventory';
import type { DailySales, InventoryPosition } from '../../../nodes/lib/model/schemas';
import { expectClose, readCsv, readPositions, readSales, REFERENCE_SETTINGS as R, withNodeDefaults } from './referenceData';

describe('largest-remainder (Hamilton) split', () => {
	it('gives each ⌊P·share⌋ and the leftover packs to the largest remainders', () => {
		// 10 packs by weights 5 : 3 : 2 → quotas 5, 3, 2 exactly.
		expect(largestRemainderSplit(10, [5, 3, 2])).toEqual([5, 3, 2]);
		// 7 packs by 1 : 1 : 1 → quotas 2.33 each; one leftover pack to the first (tie → lower index).
		expect(largestRemainderSplit(7, [1, 1, 1])).toEqual([3, 2, 2]);
		// 10 packs by 0.6 : 0.25 : 0.15 → quotas 6, 2.5, 1.5 → floors 6, 2, 1; remainders
		// .5 and .5 tie: the larger share (0.25) wins → 6, 3, 1.
		expect(largestRemainderSplit(10, [0.6, 0.25, 0.15])).toEqual([6, 3, 1]);
		// 5 packs by 40.2 : 30.1 : 29.7 → quotas 2.01, 1.505, 1.485 → floors 2, 1, 1; 1 left →
		// largest remainder .505 → 2, 2, 1.
		expect(largestRemainderSplit(5, [40.2, 30.1, 29.7])).toEqual([2, 2, 1]);
	});

	it('always sums to the total; splits equally when no warehouse sold anything', () => {
		for (const [total, weights] of [
			[13, [0.1, 0.2, 0.3, 0.4]],
			[1, [5, 5]],
			[100, [1e-9, 1, 2]],
			[9, [0, 0, 0]],
		] as Array<[number, number[]]>) {
			const packs = largestRemainderSplit(total, weights);
			expect(packs.reduce((a, b) => a + b, 0)).toBe(total);
		}
		expect(largestRemainderSplit(9, [0, 0, 0])).toEqual([3, 3, 3]);
		expect(largestRemainderSplit(0, [1, 2])).toEqual([0, 0]);
	});
});

describe('network evaluation vs the Python reference (network_expected.csv)', () => {
	const expected = readCsv('network_expected.csv');
	const results = evaluateNetworkReorder(readPositions(), readSales(), withNodeDefaults({
		asOf: R.asOf,
		lookbackDays: R.lookbackDays,
		serviceLevel: R.serviceLevel,
		maxDaysOfCover: R.maxDaysOfCover,
		policy: { kind: 'orderUpTo', reviewPeriodDays: R.reviewPeriodDays },
	}));
	const bySku = new Map(results.map((r) => [r.sku, r]));

	it('aggregates d = Σd_w and σ = √Σσ_w², and splits the order in whole packs', () => {
		expect(results).toHaveLength(new Set(expected.map((row) => row.sku)).size);
		for (const row of expected) {
			const result = bySku.get(row.sku) as NetworkReorderResult;
			const label = `${row.sku}/${row.warehouse}`;
			expect(result.warehouse).toBe(NETWORK_WAREHOUSE);
			expectClose(result.demandPerDay, Number(row.networkDemandPerDay), 1e-9, `${label} d`);
			expectClose(result.demandStdDev, Number(row.networkDemandStdDev), 1e-9, `${label} σ`);
			expectClose(result.reorderPoint, Number(row.networkReorderPoint), 1e-9, `${label} ROP`);
			expect([label, result.status]).toEqual([label, row.networkStatus]);
			expect([label, result.suggestedOrderQty]).toEqual([label, Number(row.networkOrderQty)]);
			const allocation = result.allocations.find((a) => a.warehouse === row.warehouse);
			expect([label, allocation?.allocatedQty]).toEqual([label, Number(row.allocatedQty)]);
		}
		for (const result of results) {
			expect(result.allocations.reduce((sum, a) => sum + a.allocatedQty, 0)).toBe(result.suggestedOrderQty);
		}
	});
});

describe('network evaluation by hand', () => {
	function rows(warehouse: string, units: number, days = 28, inStock: (i: number) => boolean = () => true): DailySales[] {
		return Array.from({ length: days }, (_, i) => ({
			date: new Date(Date.UTC(2026, 2, 1) - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
			sku: 'MUG',
			warehouse,
			units,
			inStock: inStock(i),
		}));
	}
	const position = (warehouse: string, onHand: number, extra: Partial<InventoryPosition> = {}): InventoryPosition => ({
		sku: 'MUG',
		warehouse,
		onHand,
		onOrder: 0,
		reserved: 0,
		leadTimeDays: 5,
		leadTimeStdDays: 0,
		moq: 0,
		packSize: 10,
		unitCost: 4,
		...extra,
	});

	it('measures each warehouse on its own in-stock days before adding up', () => {
		// CD sold 6/day but was sold out half the time (selling 0 then): its demand is 6, not 3.
		const sales = [...rows('BJ', 2), ...rows('SH', 12), ...rows('CD', 6).map((r, i) => (i % 2 ? { ...r, units: 0, inStock: false } : r))];
		const [result] = evaluateNetworkReorder(
			[position('BJ', 0), position('SH', 10), position('CD', 0, { leadTimeDays: 9 })],
			sales,
			withNodeDefaults({ asOf: '2026-03-01' }),
		);
		// d = 2 + 12 + 6 = 20; σ = 0; L = max = 9 → ROP = 180; IP = 10;
		// S = 180 + 20·7 = 320 → Q = 310 = 31 packs, split 2 : 12 : 6 of 20 →
		// quotas 3.1, 18.6, 9.3 → floors 3, 18, 9 (30) → 1 left to SH (.6) → 3, 19, 9 packs.
		expect(result).toMatchObject({ demandPerDay: 20, reorderPoint: 180, inventoryPosition: 10, suggestedOrderQty: 310 });
		expect(result.allocations.map((a) => [a.warehouse, a.share, a.allocatedQty])).toEqual([
			['BJ', 0.1, 30],
			['SH', 0.6, 190],
			['CD', 0.3, 90],
		]);
	});

	it('sends stock only to the forward warehouses, by their share', () => {
		const sales = [...rows('DC', 0), ...rows('BJ', 3), ...rows('SH', 9)];
		const [result] = evaluateNetworkReorder(
			[position('DC', 0), position('BJ', 0), position('SH', 0)],
			sales,
			withNodeDefaults({ asOf: '2026-03-01' }),
			{ forwardWarehouses: ['BJ', 'SH'] },
		);
		// d = 12, ROP = 60, S = 60 + 84 = 144 → 15 packs; BJ 3/12, SH 9/12 → 3.75, 11.25 →
		// 3, 11 (+1 to BJ, remainder .75) → 4, 11.
		expect(result.suggestedOrderQty).toBe(150);
		expect(result.allocations.map((a) => [a.warehouse, a.allocatedQty])).toEqual([
			['DC', 0],
			['BJ', 40],
			['SH', 110],
		]);
	});

	it('measures a warehouse sold out throughout the window on its earlier in-stock days', () => {
		// BJ sold 4/day in stock; SH sold 8/day until 2026-02-01, then sold out for the whole
		// 28-day window: its demand is 8 (earlier days), not 0, so it still gets its share.
		const sales = [...rows('BJ', 4), ...rows('SH', 8, 60, (i) => i < 32)];
		const [result] = evaluateNetworkReorder([position('BJ', 20), position('SH', 0)], sales, withNodeDefaults({ asOf: '2026-03-01' }));
		// d = 4 + 8 = 12, σ = 0, L = 5 → ROP = 60; IP = 20 → S = 60 + 84 = 144, Q = 124 → 13 packs;
		// shares 1/3, 2/3 → quotas 4.33, 8.67 → 4, 8 (+1 to SH, remainder .67) → 4, 9 packs.
		expect(result).toMatchObject({ demandBasis: 'earlierHistory', demandPerDay: 12, reorderPoint: 60, suggestedOrderQty: 130 });
		expect(result.allocations.map((a) => [a.warehouse, a.demandPerDay, a.allocatedQty])).toEqual([
			['BJ', 4, 40],
			['SH', 8, 90],
		]);
		expect(result.explanation).toMatch(
			/ Warehouses sold out on every day of the 28 days to 2026-03-01: their demand is measured on their most recent in-stock days before \(2026-01-05 to 2026-02-01\)\.$/,
		);
	});

	it('is no_history when no warehouse has an in-stock day', () => {
		const [result] = evaluateNetworkReorder([position('BJ', 5), position('SH', 5)], [], withNodeDefaults({ asOf: '2026-03-01' }));
		expect(result.status).toBe('no_history');
		expect(result.allocations.every((a) => a.allocatedQty === 0)).toBe(true);
	});
});
