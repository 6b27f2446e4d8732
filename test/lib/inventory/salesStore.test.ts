/**
 * The column store the Reorder Alert keeps its daily sales in (nodes/lib/inventory/salesStore.ts):
 * a position's rows come back as the rows that went in, in input order; rows of other
 * positions are not kept; evaluating from the store gives what evaluating the plain rows gives.
 */
import {
	createSalesStore,
	evaluateNetworkReorder,
	evaluateReorder,
} from '../../../nodes/lib/inventory';
import type { DailySales, InventoryPosition } from '../../../nodes/lib/model/schemas';
import { withNodeDefaults } from './referenceData';

const position = (sku: string, warehouse: string, onHand: number): InventoryPosition => ({
	sku,
	warehouse,
	onHand,
	onOrder: 0,
	reserved: 0,
	leadTimeDays: 3,
	leadTimeStdDays: 0,
	moq: 0,
	packSize: 1,
	unitCost: 2.5,
});
const row = (date: string, sku: string, warehouse: string, units: number, inStock = true): DailySales => ({
	date,
	sku,
	warehouse,
	units,
	inStock,
});

describe('sales store', () => {
	it("gives back each position's rows as they went in, in input order, and keeps no other row", () => {
		const store = createSalesStore([position('A', 'SH', 1), position('A', 'BJ', 1)], 5);
		const rows = [
			row('2026-03-02', 'A', 'SH', 4),
			row('2026-03-01', 'A', 'BJ', 0, false),
			row('2026-03-01', 'B', 'SH', 9), // no such position
			row('2026-03-01', 'A', 'SH', 7),
			row('2026-03-03', 'A', 'BJ', 2),
		];
		expect(rows.map((r) => store.add(r))).toEqual([true, true, false, true, true]);
		expect(store.size).toBe(4);
		expect(store.rowsOf('A', 'SH')).toEqual([rows[0], rows[3]]);
		expect(store.rowsOf('A', 'BJ')).toEqual([rows[1], rows[4]]);
		expect(store.rowsOf('B', 'SH')).toEqual([]);
		// Rows added after a read are seen by the next read.
		store.add(row('2026-03-04', 'A', 'SH', 1));
		expect(store.rowsOf('A', 'SH').map((r) => r.date)).toEqual(['2026-03-02', '2026-03-01', '2026-03-04']);
	});

	it('takes a day of a position\'s list by slot, as the row it stands for, and drops the days after a mark', () => {
		const store = createSalesStore([position('A', 'SH', 1), position('A', 'BJ', 1)], 4);
		expect(store.slotOf('B', 'SH')).toBeUndefined();
		const bj = store.slotOf('A', 'BJ')!;
		store.addDay(bj, '2026-03-01', 3, false);
		const mark = store.size;
		store.addDay(bj, '2026-03-02', 5, true);
		store.addDay(store.slotOf('A', 'SH')!, '2026-03-02', 1, true);
		expect(store.rowsOf('A', 'BJ')).toEqual([row('2026-03-01', 'A', 'BJ', 3, false), row('2026-03-02', 'A', 'BJ', 5)]);
		store.truncate(mark);
		expect(store.size).toBe(1);
		expect(store.rowsOf('A', 'BJ')).toEqual([row('2026-03-01', 'A', 'BJ', 3, false)]);
		expect(store.rowsOf('A', 'SH')).toEqual([]);
	});

	it('refuses more rows than it was sized for rather than growing', () => {
		const store = createSalesStore([position('A', 'SH', 1)], 1);
		store.add(row('2026-03-01', 'A', 'SH', 1));
		expect(() => store.add(row('2026-03-02', 'A', 'SH', 1))).toThrow(RangeError);
	});

	it('gives evaluateReorder and evaluateNetworkReorder the same results as the plain rows', () => {
		const positions = [position('A', 'SH', 3), position('A', 'BJ', 40), position('B', 'SH', 0)];
		const sales: DailySales[] = [];
		// 30 days to 2026-03-30: A sells 5/day in SH and 1/day in BJ, B is sold out the last week.
		for (let day = 1; day <= 30; day++) {
			const date = `2026-03-${String(day).padStart(2, '0')}`;
			sales.push(row(date, 'A', 'SH', 5), row(date, 'A', 'BJ', day % 2), row(date, 'B', 'SH', day > 23 ? 0 : 3, day <= 23));
			sales.push(row(date, 'C', 'SH', 100)); // a SKU not in stock data
		}
		const store = createSalesStore(positions, sales.length);
		for (const r of sales) store.add(r);
		const options = withNodeDefaults({ asOf: '2026-03-30', lookbackDays: 28 });
		expect(evaluateReorder(positions, store, options)).toEqual(evaluateReorder(positions, sales, options));
		expect(evaluateNetworkReorder(positions, store, options)).toEqual(evaluateNetworkReorder(positions, sales, options));
		// Not vacuous: A in SH (3 on hand at 5/day, 3-day lead time) and B (sold out the last week, 0 on
		// hand) are urgent; A in BJ (40 on hand at 0.5/day) is fine.
		expect(evaluateReorder(positions, store, options).map((r) => r.status)).toEqual(['urgent', 'ok', 'urgent']);
	});
});
