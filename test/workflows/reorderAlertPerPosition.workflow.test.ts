/**
 * Reorder Alert fed its daily sales as one item per SKU + warehouse with the days as a list
 * (`days`), the shape of an SQL json_agg or a BI export, inside n8n's execution engine
 * (n8n-core WorkflowExecute, in-process). The same days give the same items as one item per
 * day, in either shape or both mixed; a bad day is named by its place in the list.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { generateDailySales, generateInventory } from '../../nodes/lib/demo';
import { defaultDemoOptions } from '../../nodes/DemoShopData/settings';
import type { DailySales } from '../../nodes/lib/model';
import { node, runWorkflow } from '../support/n8n';

const AS_OF = '2026-06-30';
const demo = defaultDemoOptions({ seed: 7, skus: 40, days: 120, endDate: AS_OF, customers: 400, orders: 3000 });
const inventory = generateInventory(demo) as unknown as IDataObject[];
const rows = generateDailySales(demo);

/**
 * The rows grouped by SKU + warehouse, each position's days in row order (what
 * `SELECT sku, warehouse, json_agg(…) … GROUP BY sku, warehouse` gives), named by `names`.
 */
function perPosition(sales: readonly DailySales[], names = { days: 'days', date: 'date', units: 'units', inStock: 'inStock' }): IDataObject[] {
	const byKey = new Map<string, IDataObject>();
	for (const { sku, warehouse, date, units, inStock } of sales) {
		const key = `${sku}|${warehouse}`;
		let item = byKey.get(key);
		if (!item) byKey.set(key, (item = { sku, warehouse, [names.days]: [] }));
		(item[names.days] as IDataObject[]).push({ [names.date]: date, [names.units]: units, [names.inStock]: inStock });
	}
	return [...byKey.values()];
}

/** Start → (Inventory, Sales) → Reorder Alert inputs 0 and 1. */
function workflow(sales: IDataObject[], reorder: IDataObject = {}, extra: Partial<INode> = {}, staticData: IDataObject = {}) {
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger'),
		node('Inventory', 'test.fixture', { items: JSON.stringify(inventory) }),
		node('Sales', 'test.fixture', { items: JSON.stringify(sales) }),
		node('Reorder Alert', 'reorderAlert', reorder, extra),
	];
	const connections: IConnections = {
		Start: { main: [[{ node: 'Inventory', type: 'main', index: 0 }, { node: 'Sales', type: 'main', index: 0 }]] },
		Inventory: { main: [[{ node: 'Reorder Alert', type: 'main', index: 0 }]] },
		Sales: { main: [[{ node: 'Reorder Alert', type: 'main', index: 1 }]] },
	};
	return { nodes, connections, settings: { executionOrder: 'v1' as const }, staticData };
}

async function outputs(sales: IDataObject[], reorder: IDataObject = {}) {
	const staticData: IDataObject = {};
	const result = await runWorkflow(workflow(sales, reorder, {}, staticData));
	expect(result.errorOf('Reorder Alert')).toBeUndefined();
	return { needsAction: result.output('Reorder Alert', 0), ok: result.output('Reorder Alert', 1), staticData };
}

describe('Reorder Alert with one Daily Sales item per position, its days as a list', () => {
	it('gives the same items, alert state included, as the same days sent one item per day', async () => {
		const lists = perPosition(rows);
		expect(lists).toHaveLength(inventory.length);
		const byRow = await outputs(rows as unknown as IDataObject[]);
		const byList = await outputs(lists);
		expect(byRow.needsAction.length).toBeGreaterThan(0);
		expect(byRow.ok.length).toBeGreaterThan(0);
		expect(byList).toEqual(byRow);
	});

	it('gives the same items with the two shapes mixed in one input, and network-wide too', async () => {
		// Every other position as a list, the rest as rows.
		const lists = perPosition(rows);
		const asList = new Set(lists.filter((_, i) => i % 2 === 0).map((p) => `${p.sku}|${p.warehouse}`));
		const mixed = [
			...lists.filter((p) => asList.has(`${p.sku}|${p.warehouse}`)),
			...(rows as unknown as IDataObject[]).filter((r) => !asList.has(`${r.sku}|${r.warehouse}`)),
		];
		expect(await outputs(mixed, { onlyNewAlerts: false })).toEqual(await outputs(rows as unknown as IDataObject[], { onlyNewAlerts: false }));
		const network = { warehouseMode: 'network', language: 'zh' };
		expect(await outputs(mixed, network)).toEqual(await outputs(rows as unknown as IDataObject[], network));
	});

	it('reads the list and its days under the Daily Sales Field Mapping', async () => {
		const names = { days: 'history', date: 'day', units: 'qty', inStock: 'available' };
		const mapping = { salesFields: names };
		expect(await outputs(perPosition(rows, names), mapping)).toEqual(await outputs(rows as unknown as IDataObject[]));
	});

	it('warns of a mapped day field no day has (a typo would read every day as in stock), and only then', async () => {
		const hintsOf = async (salesFields: IDataObject) => {
			const sales = perPosition(rows, { days: 'days', date: 'date', units: 'units', inStock: 'available' });
			const result = await runWorkflow(workflow(sales, { salesFields }));
			expect(result.errorOf('Reorder Alert')).toBeUndefined();
			return (result.run.data.resultData.runData['Reorder Alert'][0].hints ?? []).map((h) => h.message);
		};
		expect(await hintsOf({ inStock: 'available' })).toEqual([]);
		expect(await hintsOf({ inStock: 'availabel' })).toEqual([
			expect.stringMatching(/^Field Mapping: no input item has "availabel" \(mapped to inStock\), so inStock was read as empty on every item/),
		]);
	});

	describe('given a bad list', () => {
		const lists = () => perPosition(rows);
		const withDay = (day: unknown) => {
			const items = lists();
			(items[1].days as unknown[])[3] = day;
			return items;
		};

		const bad: Array<[string, IDataObject[], RegExp]> = [
			['days that are not a list', lists().map((p, i) => (i === 1 ? { ...p, days: 'see sheet 2' } : p)), /^Daily Sales item 1: field "days" is "see sheet 2"; expected a list of days/],
			['a day that is not an object', withDay(12), /^Daily Sales item 1: field "days\[3\]" is 12; expected a day, e\.g\./],
			['a day with a day-first date', withDay({ date: '31/03/2026', units: 2 }), /^Daily Sales item 1: field "days\[3\]\.date" is "31\/03\/2026"; expected a calendar date YYYY-MM-DD/],
			['a day with negative units', withDay({ date: '2026-06-01', units: -1 }), /^Daily Sales item 1: field "days\[3\]\.units" is -1; expected a whole number of units ≥ 0/],
		];
		it.each(bad)('stops on %s, naming the input, the item, the day and its field', async (_, sales, message) => {
			const result = await runWorkflow(workflow(sales));
			const error = result.errorOf('Reorder Alert') as Error & { description?: string };
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(/item 1 of the Daily Sales input.*Daily Sales Field Mapping/);
		});

		it('with On Error → Continue (using error output), sends the bad position\'s item to the error output and judges it without those days', async () => {
			const sales = withDay({ date: '2026-06-01', units: -1 });
			const { sku, warehouse } = sales[1];
			const result = await runWorkflow(workflow(sales, { onlyNewAlerts: false }, { onError: 'continueErrorOutput' }));
			expect(result.errorOf('Reorder Alert')).toBeUndefined();
			const errors = result.output('Reorder Alert', 2);
			expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(/^Daily Sales item 1: field "days\[3\]\.units" is -1/)]);
			expect(errors[0]).toMatchObject({ sku, warehouse });
			const results = [...result.output('Reorder Alert', 0), ...result.output('Reorder Alert', 1)];
			expect(results).toHaveLength(inventory.length);
			// None of the bad item's days were kept: the position has no sales history.
			expect(results.find((r) => r.sku === sku && r.warehouse === warehouse)).toMatchObject({ status: 'no_history', inStockDays: 0 });
		});
	});
});
