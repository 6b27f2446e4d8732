/**
 * Reorder Alert under random stock positions and daily sales with bad values mixed in on both
 * inputs: the four properties of test/fuzz/support.ts. Bad values are the issue's: lead times of
 * 1e9 and 1e308 days ("order Infinity now"), units beyond any warehouse, impossible dates, ids
 * that are objects or 17,000 characters long.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadItem, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const AS_OF = '2026-03-28';
const AS_OF_DAY = Date.UTC(2026, 2, 28);

const reorder = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Reorder Alert',
	mainOutputs: 2,
	inputOf: (label) => (label === 'Inventory' ? 'inventory' : label === 'Daily Sales' ? 'sales' : `unknown label "${label}"`),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(node('Reorder Alert', 'reorderAlert', { asOfMode: 'date', asOfDate: AS_OF, ...parameters }, extra), [
			['Inventory', inputs.inventory, 0],
			['Sales', inputs.sales, 1],
		]),
});

const goodPosition = fc.record({
	onHand: fc.integer({ min: -50, max: 5_000 }),
	onOrder: fc.nat(1_000),
	reserved: fc.nat(100),
	leadTimeDays: fc.integer({ min: 0, max: 60 }),
	leadTimeStdDays: fc.nat(10),
	moq: fc.nat(200),
	packSize: fc.integer({ min: 1, max: 48 }),
	unitCost: fc.nat(50_000).map((c) => c / 100),
	days: fc.integer({ min: 0, max: 90 }),
	meanUnits: fc.nat(60),
	stockOutEvery: fc.integer({ min: 0, max: 9 }),
	numbersAsText: fc.boolean(),
});

const WAREHOUSES = ['SH', 'GZ', 'CD'];

function shop(drawn: Array<Drawn<typeof goodPosition>>): { inventory: IDataObject[]; sales: IDataObject[] } {
	const inventory: IDataObject[] = [];
	const sales: IDataObject[] = [];
	drawn.forEach((p, i) => {
		const sku = `SKU-${Math.floor(i / WAREHOUSES.length)}`;
		const warehouse = WAREHOUSES[i % WAREHOUSES.length];
		const { days, meanUnits, stockOutEvery, numbersAsText, ...position } = p;
		inventory.push({ sku, warehouse, ...position, onHand: numbersAsText ? String(position.onHand) : position.onHand });
		for (let d = days; d >= 1; d--) {
			const soldOut = stockOutEvery > 0 && d % stockOutEvery === 0;
			const date = new Date(AS_OF_DAY - (d - 1) * 86_400_000).toISOString().slice(0, 10);
			sales.push({ date, sku, warehouse, units: soldOut ? 0 : (meanUnits + ((d * 7919) % 11)) , inStock: !soldOut });
		}
	});
	return { inventory, sales };
}

const badId = fc.constantFrom<unknown>({ id: 1 }, ['A'], '', '  ', 'x'.repeat(17_000), true, undefined);
const badPositionValue: fc.Arbitrary<BadValue> = fc.oneof(
	badId.map((value) => ({ field: 'sku', value })),
	badId.map((value) => ({ field: 'warehouse', value })),
	fc.constantFrom<unknown>(1.5, 2e9, -2e9, 1e308, 'lots', null, undefined).map((value) => ({ field: 'onHand', value })),
	fc.constantFrom<unknown>(-1, 1e308, 1e9, 731, 'soon', {}, undefined).map((value) => ({ field: 'leadTimeDays', value })),
	fc.constantFrom<unknown>(-1, 1e308, 1e4).map((value) => ({ field: 'leadTimeStdDays', value })),
	fc.constantFrom<unknown>(-1, 0.5, 1e10, 'x').map((value) => ({ field: 'onOrder', value })),
	fc.constantFrom<unknown>(0, 1.5, 2e6, 1e308).map((value) => ({ field: 'packSize', value })),
	fc.constantFrom<unknown>(-1, 1e308, 1e10).map((value) => ({ field: 'moq', value })),
	fc.constantFrom<unknown>(-0.01, 1e308).map((value) => ({ field: 'unitCost', value })),
);
const badSalesValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc
		.constantFrom<unknown>('2026-02-30', '2026-03-32', '28/03/2026', 20260301, {}, undefined, '9999-12-31', '1999-12-31', new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10))
		.map((value) => ({ field: 'date', value })),
	badId.map((value) => ({ field: 'sku', value })),
	fc.constantFrom<unknown>(-1, 1.5, 1e308, 2e9, 'x', undefined).map((value) => ({ field: 'units', value })),
	fc.constantFrom<unknown>('maybe', 2, {}).map((value) => ({ field: 'inStock', value })),
);

/**
 * The good sales with every other position's days as one item holding a list (`days`), the
 * rest as rows: both shapes in one input, as the node allows.
 */
function withLists(sales: IDataObject[]): IDataObject[] {
	const lists = new Map<string, IDataObject>();
	const out: IDataObject[] = [];
	const keys: string[] = [];
	for (const row of sales) {
		const key = `${String(row.sku)}|${String(row.warehouse)}`;
		if (!keys.includes(key)) keys.push(key);
		if (keys.indexOf(key) % 2 === 1) {
			out.push(row);
			continue;
		}
		let item = lists.get(key);
		if (!item) {
			lists.set(key, (item = { sku: row.sku, warehouse: row.warehouse, days: [] }));
			out.push(item);
		}
		(item.days as IDataObject[]).push({ date: row.date, units: row.units, inStock: row.inStock });
	}
	return out;
}

/** A bad day inside a list, the list itself bad, or an entry that is no day; `day` picks the entry. */
const badListValue = fc.record({
	bad: fc.oneof(
		badSalesValue.filter((b) => b.field !== 'sku'),
		fc.constantFrom<unknown>(7, null, 'x', ['2026-03-01', 1]).map((value) => ({ field: '', value })),
		fc.constantFrom<unknown>('x', 5, { '2026-03-01': 1 }, true).map((value) => ({ field: 'days', value })),
	),
	day: fc.nat(100),
});

/** Inserts a copy of a list item with one bad day (or a bad list): it must be refused whole. */
function mixInLists(good: IDataObject[], bad: Array<{ bad: { bad: BadValue; day: number }; at: number; baseIndex: number }>) {
	const lists = good.filter((item) => Array.isArray(item.days));
	const items: Array<{ json: IDataObject; field?: string }> = good.map((json) => ({ json }));
	for (const { bad: { bad: change, day }, at, baseIndex } of bad) {
		const base = lists[baseIndex % Math.max(1, lists.length)] ?? { sku: 'SKU-0', warehouse: 'SH', days: [] };
		const days = [...(base.days as IDataObject[])];
		if (days.length === 0) days.push({ date: AS_OF, units: 1, inStock: true });
		const k = day % days.length;
		let field: string;
		if (change.field === 'days') {
			field = 'days';
		} else if (change.field === '') {
			days[k] = change.value as IDataObject;
			field = `days[${k}]`;
		} else {
			const entry: IDataObject = { ...days[k] };
			if (change.value === undefined) delete entry[change.field];
			else entry[change.field] = change.value as IDataObject[string];
			days[k] = entry;
			field = `days[${k}].${change.field}`;
		}
		const json: IDataObject = { ...base, days: change.field === 'days' ? (change.value as IDataObject[string]) : days };
		items.splice(Math.min(at, items.length), 0, { json, field });
	}
	const badItems: BadItem[] = [];
	items.forEach((item, index) => {
		if (item.field !== undefined) badItems.push({ input: 'sales', index, field: item.field });
	});
	return { items: items.map((i) => i.json), badItems };
}

describe('Reorder Alert, property-based (issue 14)', () => {
	it('daily sales partly as one item per position with its days as a list: a bad day refuses its whole item, named by day and field', async () => {
		const subject = reorder({ onlyNewAlerts: false, asOfMode: 'latestSales' });
		const arbitrary = fc.record({
			good: fc.array(goodPosition, { minLength: 1, maxLength: 9 }),
			badLists: fc.array(fc.record({ bad: badListValue, at: fc.nat(60), baseIndex: fc.nat() }), { maxLength: 3 }),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async ({ good, badLists }) => {
				const goodShop = shop(good);
				const goodSales = withLists(goodShop.sales);
				const sales = mixInLists(goodSales, badLists);
				await checkNode(subject, { inventory: goodShop.inventory, sales: sales.items }, { inventory: goodShop.inventory, sales: goodSales }, sales.badItems);
			}),
			fuzzParameters,
		);
		reportCases('Reorder Alert (days as lists)', FUZZ_RUNS, 3);
	});


	it.each([
		['defaults (average of in-stock days, order up to)', {}],
		['Holt-Winters, EOQ, network-wide', { demandMethod: 'holtWinters', orderPolicy: 'eoq', warehouseMode: 'network' }],
		['smoothing, small batch', { demandMethod: 'ses', orderPolicy: 'smallBatch' }],
		// One row dated 9999-12-31 used to move the as-of day there.
		['as of the latest sales date', { asOfMode: 'latestSales' }],
	])('%s: bad rows of both inputs reported by input, index and field; good positions evaluated as without them', async (_, parameters) => {
		const subject = reorder({ onlyNewAlerts: false, ...parameters });
		const arbitrary = fc.record({
			good: fc.array(goodPosition, { minLength: 1, maxLength: 9 }),
			badPositions: insertions(badPositionValue, 3),
			badSales: insertions(badSalesValue, 3),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async ({ good, badPositions, badSales }) => {
				const goodShop = shop(good);
				const inventory = mixIn('inventory', goodShop.inventory, badPositions.map((b) => ({ base: goodShop.inventory[b.baseIndex % goodShop.inventory.length], bad: b.bad, at: b.at })));
				const salesBase = goodShop.sales.length > 0 ? goodShop.sales : [{ date: AS_OF, sku: 'SKU-0', warehouse: 'SH', units: 1, inStock: true }];
				const sales = mixIn('sales', goodShop.sales, badSales.map((b) => ({ base: salesBase[b.baseIndex % salesBase.length], bad: b.bad, at: b.at })));
				await checkNode(subject, { inventory: inventory.items, sales: sales.items }, goodShop, [...inventory.badItems, ...sales.badItems]);
			}),
			fuzzParameters,
		);
		reportCases(`Reorder Alert (${_})`, FUZZ_RUNS, 3);
	});
});
