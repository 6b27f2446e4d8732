/**
 * Daily-sales rows held in columns, grouped by position: what the Reorder Alert keeps of its
 * Daily Sales input. 50,000 positions × 90 days are 4.5 million rows; as one object each
 * (plus the array that holds them and the per-position arrays grouping them) they took about
 * 470 MB of heap on top of the input items themselves (scripts/bench-reorder.js, phases
 * measured with process.memoryUsage after a forced GC). In typed-array columns they take 21
 * bytes a row. A position's rows become DailySales objects again only while that position is
 * evaluated (`rowsOf`), so at most one position's rows exist as objects at a time.
 *
 * Only rows of the positions registered up front are kept: evaluateReorder and
 * evaluateNetworkReorder read no other row. Rows keep their input order within a position,
 * and their date text as given (interned: a window has few distinct dates).
 */
import type { DailySales } from '../model/schemas';

/** Where evaluateReorder and evaluateNetworkReorder find a position's daily sales. */
export interface SalesHistory {
	rowsOf(sku: string, warehouse: string): readonly DailySales[];
}

export interface SalesStore extends SalesHistory {
	/** Keeps the row if its sku + warehouse is a registered position; returns whether it did. */
	add(row: DailySales): boolean;
	/** The registered position's slot for addDay, or undefined when sku + warehouse is not one. */
	slotOf(sku: string, warehouse: string): number | undefined;
	/**
	 * add() for one day of a position's list (PositionSales): the day goes into the columns as
	 * its three values, no row object built for it.
	 */
	addDay(slot: number, date: string, units: number, inStock: boolean): void;
	/** Drops the rows added after the first `size` (a list found bad part-way through). */
	truncate(size: number): void;
	/** Rows kept. */
	readonly size: number;
}

/**
 * A store for the rows of `positions` (sku + warehouse), with room for `capacity` rows (the
 * number of sales items: the columns are allocated once, never grown and copied).
 */
export function createSalesStore(
	positions: ReadonlyArray<{ sku: string; warehouse: string }>,
	capacity: number,
): SalesStore {
	// sku → warehouse → slot: two lookups a row, no key text built per row.
	const slots = new Map<string, Map<string, number>>();
	const slotOf = (sku: string, warehouse: string) => slots.get(sku)?.get(warehouse);
	const names: Array<{ sku: string; warehouse: string }> = [];
	for (const { sku, warehouse } of positions) {
		let byWarehouse = slots.get(sku);
		if (!byWarehouse) slots.set(sku, (byWarehouse = new Map()));
		if (byWarehouse.has(warehouse)) continue;
		byWarehouse.set(warehouse, names.length);
		names.push({ sku, warehouse });
	}
	const slotOfRow = new Int32Array(capacity);
	const dateOfRow = new Int32Array(capacity);
	const unitsOfRow = new Float64Array(capacity);
	const inStockOfRow = new Uint8Array(capacity);
	const dateIndex = new Map<string, number>();
	const dates: string[] = [];
	let size = 0;
	// Rows of slot s, once grouped: rowOrder[start[s]] … rowOrder[start[s + 1] − 1].
	let start: Int32Array | null = null;
	let rowOrder: Int32Array | null = null;

	const group = () => {
		const begin = new Int32Array(names.length + 1);
		for (let r = 0; r < size; r++) begin[slotOfRow[r] + 1]++;
		for (let s = 0; s < names.length; s++) begin[s + 1] += begin[s];
		const next = begin.slice(0, names.length);
		const order = new Int32Array(size);
		for (let r = 0; r < size; r++) order[next[slotOfRow[r]]++] = r;
		start = begin;
		rowOrder = order;
	};

	const addDay = (slot: number, text: string, units: number, inStock: boolean) => {
		if (size >= capacity) throw new RangeError(`sales store: more than ${capacity} rows`);
		let date = dateIndex.get(text);
		if (date === undefined) {
			date = dates.length;
			dateIndex.set(text, date);
			dates.push(text);
		}
		slotOfRow[size] = slot;
		dateOfRow[size] = date;
		unitsOfRow[size] = units;
		inStockOfRow[size] = inStock ? 1 : 0;
		size++;
		start = null;
	};

	return {
		add(row) {
			const slot = slotOf(row.sku, row.warehouse);
			if (slot === undefined) return false;
			addDay(slot, row.date, row.units, row.inStock);
			return true;
		},
		slotOf,
		addDay,
		truncate(kept) {
			if (kept < size) {
				size = Math.max(0, kept);
				start = null;
			}
		},
		get size() {
			return size;
		},
		rowsOf(sku, warehouse) {
			const slot = slotOf(sku, warehouse);
			if (slot === undefined) return [];
			if (start === null) group();
			const from = start![slot];
			const to = start![slot + 1];
			const { sku: s, warehouse: w } = names[slot];
			const rows: DailySales[] = new Array(to - from);
			for (let i = from; i < to; i++) {
				const r = rowOrder![i];
				rows[i - from] = { date: dates[dateOfRow[r]], sku: s, warehouse: w, units: unitsOfRow[r], inStock: inStockOfRow[r] === 1 };
			}
			return rows;
		},
	};
}
