/**
 * d and σd over in-stock days (nodes/lib/inventory/demand.ts). Rule: d = units on in-stock
 * days ÷ in-stock days, σd = sample standard deviation (n − 1) — issue #5 and domain.md §4
 * ("a day sold out is not a day of zero demand"). Expected values are worked by hand here;
 * the generated histories are checked against pandas in reorder.test.ts.
 */
import type { DailySales } from '../../../nodes/lib/model/schemas';
import {
	collectDailySeries,
	DAY_IN_STOCK,
	DAY_NO_ROW,
	DAY_SOLD_OUT,
	demandStatistics,
	formatDayNumber,
	measureDemand,
	measureDemandBeforeWindow,
	toDayNumber,
} from '../../../nodes/lib/inventory';

const AS_OF = toDayNumber('2026-03-01');

function day(date: string, units: number, inStock = true, sku = 'A', warehouse = 'W'): DailySales {
	return { date, sku, warehouse, units, inStock };
}

describe('demand on in-stock days', () => {
	it('leaves sold-out days out of the mean and the count', () => {
		// In stock: 4, 6, 8 → d = 6, σd = √(((−2)² + 0² + 2²) ÷ 2) = 2.
		// The sold-out day sold 1 unit: capped by stock, not demand, so it is ignored.
		const history = [
			day('2026-02-26', 4),
			day('2026-02-27', 1, false),
			day('2026-02-28', 6),
			day('2026-03-01', 8),
		];
		expect(measureDemand(history, AS_OF, 4)).toEqual({
			demandPerDay: 6,
			demandStdDev: 2,
			inStockDays: 3,
			stockOutDays: 1,
			unitsSold: 18,
		});
	});

	it('uses the window of lookbackDays ending at asOf, inclusive', () => {
		// lookback 3 → 2026-02-27 … 2026-03-01; 02-26 (before) and 03-02 (after asOf) are out.
		const history = [day('2026-02-26', 100), day('2026-02-27', 3), day('2026-02-28', 5), day('2026-03-01', 7), day('2026-03-02', 100)];
		const stats = measureDemand(history, AS_OF, 3);
		expect(stats.demandPerDay).toBe(5);
		expect(stats.inStockDays).toBe(3);
	});

	it('adds up several rows of one day; the day is sold out if any row says so', () => {
		const history = [
			day('2026-02-28', 2),
			day('2026-02-28', 3),
			day('2026-03-01', 4),
			day('2026-03-01', 9, false),
		];
		const series = collectDailySeries(history, AS_OF - 1, 2);
		expect(Array.from(series.units)).toEqual([5, 13]);
		expect(Array.from(series.state)).toEqual([DAY_IN_STOCK, DAY_SOLD_OUT]);
		expect(demandStatistics(series)).toMatchObject({ demandPerDay: 5, inStockDays: 1, stockOutDays: 1 });
	});

	it('does not count a day without a row, unless told that missing days sold nothing', () => {
		const history = [day('2026-02-27', 6), day('2026-03-01', 6)];
		expect(measureDemand(history, AS_OF, 3)).toMatchObject({ demandPerDay: 6, demandStdDev: 0, inStockDays: 2 });
		// Missing 02-28 read as 0 units: d = 12 ÷ 3 = 4, σd = √((2² + 4² + 2²) ÷ 2) = √12.
		const zeroFilled = measureDemand(history, AS_OF, 3, true);
		expect(zeroFilled.demandPerDay).toBe(4);
		expect(zeroFilled.demandStdDev).toBeCloseTo(Math.sqrt(12), 12);
		expect(collectDailySeries(history, AS_OF - 2, 3).state[1]).toBe(DAY_NO_ROW);
	});

	it('gives σd = 0 for a single in-stock day (one observation has no spread)', () => {
		expect(measureDemand([day('2026-03-01', 9), day('2026-02-28', 0, false)], AS_OF, 28)).toEqual({
			demandPerDay: 9,
			demandStdDev: 0,
			inStockDays: 1,
			stockOutDays: 1,
			unitsSold: 9,
		});
	});

	it('gives zeros, not NaN, with no history', () => {
		expect(measureDemand([], AS_OF, 28)).toEqual({ demandPerDay: 0, demandStdDev: 0, inStockDays: 0, stockOutDays: 0, unitsSold: 0 });
		const allSoldOut = [day('2026-02-28', 1, false), day('2026-03-01', 0, false)];
		expect(measureDemand(allSoldOut, AS_OF, 28)).toMatchObject({ demandPerDay: 0, inStockDays: 0, stockOutDays: 2 });
	});

	it('gives d = σd = 0 for zero demand on in-stock days', () => {
		const history = [day('2026-02-28', 0), day('2026-03-01', 0)];
		expect(measureDemand(history, AS_OF, 28)).toMatchObject({ demandPerDay: 0, demandStdDev: 0, inStockDays: 2 });
	});

	it('skips rows whose date is not a calendar date', () => {
		expect(measureDemand([day('2026-02-30', 50), day('2026-03-01', 2)], AS_OF, 28).demandPerDay).toBe(2);
	});
});

describe('demand before the window (fallback for a window sold out throughout)', () => {
	// Window 2026-02-27 … 2026-03-01 (3 days), all sold out; before it: in stock on 02-20 (4),
	// 02-22 (8), 02-23 (12), sold out on 02-24 and 02-25, no row on 02-21 and 02-26.
	const history = [
		day('2026-02-20', 4),
		day('2026-02-22', 8),
		day('2026-02-23', 12),
		day('2026-02-24', 1, false),
		day('2026-02-25', 0, false),
		day('2026-02-27', 0, false),
		day('2026-02-28', 0, false),
		day('2026-03-01', 0, false),
	];
	const windowStart = AS_OF - 2;

	it('measures d and σd on the most recent in-stock days before the window, up to the count asked', () => {
		// The 2 most recent: 02-22 (8) and 02-23 (12) → d = 10, σd = √((2² + 2²) ÷ 1) = √8.
		const two = measureDemandBeforeWindow(history, windowStart, 2)!;
		expect(two).toMatchObject({ demandPerDay: 10, inStockDays: 2, unitsSold: 20 });
		expect(two.demandStdDev).toBeCloseTo(Math.sqrt(8), 12);
		expect([formatDayNumber(two.firstInStockDay), formatDayNumber(two.lastInStockDay)]).toEqual(['2026-02-22', '2026-02-23']);
		// Asked for 28, only 3 exist: 4, 8, 12 → d = 8, σd = 4.
		expect(measureDemandBeforeWindow(history, windowStart, 28)).toMatchObject({ demandPerDay: 8, demandStdDev: 4, inStockDays: 3 });
	});

	it('ignores the window and later rows, and counts missing days as zero sales only when told', () => {
		const withLater = [...history, day('2026-03-01', 99), day('2026-03-05', 99)];
		expect(measureDemandBeforeWindow(withLater, windowStart, 28)).toMatchObject({ demandPerDay: 8, inStockDays: 3 });
		// Zero-filled from the oldest row: 02-20 (4), 02-21 (0), 02-22 (8), 02-23 (12), 02-26 (0).
		expect(measureDemandBeforeWindow(history, windowStart, 28, true)).toMatchObject({ demandPerDay: 24 / 5, inStockDays: 5 });
	});

	it('is null when no day before the window was in stock (demand unknown)', () => {
		expect(measureDemandBeforeWindow([], windowStart, 28)).toBeNull();
		expect(measureDemandBeforeWindow(history.filter((row) => !row.inStock), windowStart, 28)).toBeNull();
		expect(measureDemandBeforeWindow([day('2026-03-01', 5)], windowStart, 28)).toBeNull();
	});
});
