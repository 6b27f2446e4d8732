/**
 * Reorder Alert's two Daily Sales shapes in a real n8n (issue 11): the restock template's demo
 * data (40 SKUs × 2 warehouses × 90 days) fed once as one item per day, and once regrouped by a
 * Code node — as a user would, or as an SQL json_agg gives it — into one item per SKU +
 * warehouse with its days as a list (docs/nodes/ReorderAlert.md). Both Reorder Alerts run in one
 * execution of the installed package and must say the same thing about every position; the
 * list shape hands n8n 80 items instead of 7,200.
 */
import { execute, explain, freshInstance, importBuilt, itemsOf, n8nVersion, PACKAGE, workflowNode, type Instance, type WorkflowJson, codeNode } from './support/n8n';

const DEMO = { seed: 42, customers: 2000, orders: 10000, skus: 40, warehouses: 'east-shanghai, south-guangzhou', days: 90 };
const REORDER = {
	asOfMode: 'latestSales',
	timeZone: 'Asia/Shanghai',
	lookbackDays: 28,
	serviceLevel: 95,
	demandMethod: 'mean',
	orderPolicy: 'orderUpTo',
	reviewPeriodDays: 7,
	maxDaysOfCover: 90,
	warehouseMode: 'perWarehouse',
	onlyNewAlerts: false,
	language: 'en',
	options: {},
};
/** What a user writes in a Code node to group daily rows by position. */
const GROUP_BY_POSITION = `const byPosition = new Map();
for (const { json: row } of $input.all()) {
  const key = row.sku + '|' + row.warehouse;
  if (!byPosition.has(key)) byPosition.set(key, { sku: row.sku, warehouse: row.warehouse, days: [] });
  byPosition.get(key).days.push({ date: row.date, units: row.units, inStock: row.inStock });
}
return [...byPosition.values()].map((json) => ({ json }));`;

const to = (target: string, index = 0) => [{ node: target, type: 'main', index }];
const WORKFLOW: WorkflowJson = {
	id: 'e2eReorderPerPos',
	name: 'e2eReorderPerPosition',
	nodes: [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		workflowNode('Demo inventory', `${PACKAGE}.demoShopData`, [220, -100], { dataset: 'inventory', ...DEMO }),
		workflowNode('Demo daily sales', `${PACKAGE}.demoShopData`, [220, 100], { dataset: 'dailySales', ...DEMO }),
		codeNode('Days as lists', [440, 200], GROUP_BY_POSITION),
		workflowNode('Reorder (one item per day)', `${PACKAGE}.reorderAlert`, [660, -100], REORDER),
		workflowNode('Reorder (days as lists)', `${PACKAGE}.reorderAlert`, [660, 100], REORDER),
	],
	connections: {
		'Run now': { main: [[...to('Demo inventory'), ...to('Demo daily sales')]] },
		'Demo inventory': { main: [[...to('Reorder (one item per day)', 0), ...to('Reorder (days as lists)', 0)]] },
		'Demo daily sales': { main: [[...to('Reorder (one item per day)', 1), ...to('Days as lists')]] },
		'Days as lists': { main: [to('Reorder (days as lists)', 1)] },
	},
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	active: false,
};

describe(`Reorder Alert with daily sales per day and as lists in n8n ${n8nVersion()}`, () => {
	let instance: Instance;

	beforeAll(async () => {
		instance = await freshInstance('reorderPerPosition');
		expect((await importBuilt(instance, [WORKFLOW])).count).toBe(1);
	});

	it('gives the same Needs Action and OK items for 80 positions from 80 list items as from 7,200 day items', async () => {
		const execution = await execute(instance, WORKFLOW.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });

		expect(itemsOf(execution.run, 'Demo daily sales')).toHaveLength(40 * 2 * 90);
		expect(itemsOf(execution.run, 'Days as lists')).toHaveLength(40 * 2);
		const perDay = [0, 1].map((output) => itemsOf(execution.run, 'Reorder (one item per day)', output)!);
		const asLists = [0, 1].map((output) => itemsOf(execution.run, 'Reorder (days as lists)', output)!);
		expect(perDay[0].length + perDay[1].length).toBe(80);
		// The demo shop has positions on both sides (the restock template's first run alerts).
		expect(perDay[0].length).toBeGreaterThan(0);
		expect(perDay[1].length).toBeGreaterThan(0);
		expect(asLists).toEqual(perDay);
	});
});
