/**
 * Reorder Alert inside n8n's execution engine (n8n-core WorkflowExecute, in-process): two
 * inputs (Inventory on input 0, Daily Sales on input 1), the Needs Action / OK outputs,
 * "only new alerts" kept in workflow static data across runs, per-item errors naming the
 * input, and n8n's "On Error" settings.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { generateDailySales, generateInventory } from '../../nodes/lib/demo';
import { defaultDemoOptions } from '../../nodes/DemoShopData/settings';
import {
	dailySalesInputSchema,
	dailySalesParser,
	evaluateReorder,
	inventoryInputSchema,
	inventoryParser,
	needsAction,
	nextAlerts,
	type ReorderStatus,
} from '../../nodes/lib/inventory';
import { withNodeDefaults } from '../lib/inventory/referenceData';
import { node, runWorkflow } from '../support/n8n';

const AS_OF = '2026-06-30';
const demo = { seed: 7, skus: 40, days: 120, endDate: AS_OF, customers: 400, orders: 3000 };

/** Start → (inventory node, sales node) → Reorder Alert inputs 0 and 1. */
function twoInputs(inventory: INode, sales: INode, reorder: INode): { nodes: INode[]; connections: IConnections } {
	return {
		nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), inventory, sales, reorder],
		connections: {
			Start: {
				main: [
					[
						{ node: inventory.name, type: 'main', index: 0 },
						{ node: sales.name, type: 'main', index: 0 },
					],
				],
			},
			[inventory.name]: { main: [[{ node: reorder.name, type: 'main', index: 0 }]] },
			[sales.name]: { main: [[{ node: reorder.name, type: 'main', index: 1 }]] },
		},
	};
}

const settings = { executionOrder: 'v1' as const };

function demoWorkflow(reorder: IDataObject = {}, staticData?: IDataObject) {
	return {
		...twoInputs(
			node('Demo Inventory', 'demoShopData', { ...demo, dataset: 'inventory' }),
			node('Demo Daily Sales', 'demoShopData', { ...demo, dataset: 'dailySales' }),
			node('Reorder Alert', 'reorderAlert', reorder),
		),
		settings,
		staticData,
	};
}

function fixtureWorkflow(inventory: IDataObject[], sales: IDataObject[], reorder: IDataObject = {}, extra: Partial<INode> = {}, staticData?: IDataObject) {
	return {
		...twoInputs(
			node('Inventory', 'test.fixture', { items: JSON.stringify(inventory) }),
			node('Sales', 'test.fixture', { items: JSON.stringify(sales) }),
			node('Reorder Alert', 'reorderAlert', { asOfMode: 'date', asOfDate: '2026-03-28', ...reorder }, extra),
		),
		settings,
		staticData,
	};
}

/**
 * One SKU in one warehouse selling 9, 11, 9, 11 … units on the 28 days to 2026-03-28:
 * d = 10, σd = √(28 / 27) = 1.0184, L = 5 → SS = 1.6449 · 1.0184 · √5 = 3.745, ROP = 53.745.
 */
const history = (sku = 'TEE-01', warehouse = 'SH') =>
	Array.from({ length: 28 }, (_, i) => ({
		date: `2026-03-${String(i + 1).padStart(2, '0')}`,
		sku,
		warehouse,
		units: i % 2 === 0 ? 9 : 11,
		inStock: true,
	}));
const position = (onHand: number, onOrder = 0, sku = 'TEE-01', warehouse = 'SH') => ({
	sku,
	warehouse,
	onHand,
	onOrder,
	reserved: 0,
	leadTimeDays: 5,
	packSize: 10,
	unitCost: 20,
});
/** IP 52 ≤ ROP 53.7, cover 5.2 days ≥ L → reorder. */
const REORDER = position(52);
/** cover 3 days < L 5 → urgent. */
const URGENT = position(30);
/** IP 152 > ROP → ok. */
const RECOVERED = position(52, 100);

/** The library's Needs Action rule on an output item. */
const needsActionOf = (item: IDataObject) =>
	needsAction({ status: item.status as ReorderStatus, suggestedOrderQty: item.suggestedOrderQty as number });

function allFinite(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	if (Array.isArray(value)) return value.every(allFinite);
	if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
	return true;
}

const RESULT_FIELDS = [
	'sku',
	'warehouse',
	'asOf',
	'status',
	'demandPerDay',
	'demandStdDev',
	'demandMethod',
	'demandBasis',
	'inStockDays',
	'stockOutDays',
	'leadTimeDays',
	'leadTimeStdDays',
	'serviceLevel',
	'serviceFactor',
	'safetyStock',
	'reorderPoint',
	'inventoryPosition',
	'daysOfCover',
	'projectedStockoutDate',
	'orderPolicy',
	'orderUpToLevel',
	'suggestedOrderQty',
	'orderValue',
	'explanation',
	'alert',
	'exact',
];

describe('Demo Shop Data (inventory + daily sales) → Reorder Alert', () => {
	it('evaluates every sku + warehouse: what needs action on Needs Action, the rest on OK, as the library computes them', async () => {
		const result = await runWorkflow(demoWorkflow({}, {}));
		const needsAction = result.output('Reorder Alert', 0);
		const ok = result.output('Reorder Alert', 1);
		const inventory = result.output('Demo Inventory');
		expect(inventory).toHaveLength(80);
		expect(needsAction.length + ok.length).toBe(inventory.length);
		expect(needsAction.length).toBeGreaterThan(0);
		expect(ok.length).toBeGreaterThan(0);

		for (const item of needsAction) expect(needsActionOf(item)).toBe(true);
		for (const item of ok) {
			expect(['ok', 'overstock', 'no_history']).toContain(item.status);
			expect(needsActionOf(item)).toBe(false);
		}
		for (const item of [...needsAction, ...ok]) {
			expect(Object.keys(item).sort()).toEqual([...RESULT_FIELDS].sort());
			expect(allFinite(item)).toBe(true);
			expect(item.asOf).toBe(AS_OF); // latest sales date = the demo's last day
			expect(typeof item.explanation).toBe('string');
		}
		for (const item of needsAction) {
			expect(item.alert).toBe('new');
			expect(item.suggestedOrderQty).toBeGreaterThan(0);
			expect(item.inventoryPosition).toBeLessThanOrEqual(item.reorderPoint as number);
		}

		// The node is glue: its numbers are the library's on the same rows.
		const options = defaultDemoOptions(demo);
		const expected = evaluateReorder(generateInventory(options), generateDailySales(options), withNodeDefaults({ asOf: AS_OF }));
		const byKey = new Map([...needsAction, ...ok].map((item) => [`${item.sku}|${item.warehouse}`, item]));
		for (const e of expected) {
			const got = byKey.get(`${e.sku}|${e.warehouse}`)!;
			// Units rounded for reading on top, the library's exact values in `exact`.
			expect(got).toMatchObject({
				status: e.status,
				reorderPoint: Math.round(e.reorderPoint),
				safetyStock: Math.round(e.safetyStock),
				suggestedOrderQty: e.suggestedOrderQty,
				explanation: e.explanation,
				exact: expect.objectContaining({ reorderPoint: e.reorderPoint, safetyStock: e.safetyStock, demandPerDay: e.demandPerDay }),
			});
		}
	});

	it('a second identical run with the same static data emits nothing on Needs Action', async () => {
		const staticData: IDataObject = {};
		const first = await runWorkflow(demoWorkflow({}, staticData));
		const firstAlerts = first.output('Reorder Alert', 0);
		expect(firstAlerts.length).toBeGreaterThan(0);
		const stored = JSON.parse(JSON.stringify(staticData));

		const second = await runWorkflow(demoWorkflow({}, staticData));
		expect(second.output('Reorder Alert', 0)).toEqual([]);
		// Positions that are fine are reported again; the alerts already sent are on neither output.
		expect(second.output('Reorder Alert', 1)).toEqual(first.output('Reorder Alert', 1));
		expect(JSON.parse(JSON.stringify(staticData))).toEqual(stored);
	});

	it('with Only New Alerts off, every run emits every alert and leaves static data alone', async () => {
		const staticData: IDataObject = {};
		const first = await runWorkflow(demoWorkflow({ onlyNewAlerts: false }, staticData));
		const second = await runWorkflow(demoWorkflow({ onlyNewAlerts: false }, staticData));
		expect(second.output('Reorder Alert', 0)).toEqual(first.output('Reorder Alert', 0));
		expect(first.output('Reorder Alert', 0).every((item) => item.alert === null)).toBe(true);
		expect(staticData).toEqual({});
	});

	it('writes the explanation in Simplified Chinese when asked', async () => {
		const result = await runWorkflow(demoWorkflow({ language: 'zh', onlyNewAlerts: false }));
		const items = [...result.output('Reorder Alert', 0), ...result.output('Reorder Alert', 1)];
		expect(items.every((item) => /[\u4e00-\u9fff]/.test(item.explanation as string))).toBe(true);
	});

	it('network-wide: one result per SKU, the order split over the warehouses in whole packs', async () => {
		const result = await runWorkflow(demoWorkflow({ warehouseMode: 'network', onlyNewAlerts: false }));
		const items = [...result.output('Reorder Alert', 0), ...result.output('Reorder Alert', 1)];
		expect(items).toHaveLength(40);
		for (const item of items) {
			expect(item.warehouse).toBe('(network)');
			const allocations = item.allocations as Array<{ warehouse: string; allocatedQty: number }>;
			expect(allocations.map((a) => a.warehouse).sort()).toEqual(['east-shanghai', 'south-guangzhou']);
			expect(allocations.reduce((sum, a) => sum + a.allocatedQty, 0)).toBe(item.suggestedOrderQty);
			expect(allFinite(item)).toBe(true);
		}
	});
});

describe('Reorder Alert: only new alerts across runs', () => {
	async function runs(...stock: Array<IDataObject[]>) {
		const staticData: IDataObject = {};
		const emitted: Array<Array<[string, ReorderStatus, unknown]>> = [];
		for (const inventory of stock) {
			const result = await runWorkflow(fixtureWorkflow(inventory, history(), {}, {}, staticData));
			expect(result.errorOf('Reorder Alert')).toBeUndefined();
			emitted.push(result.output('Reorder Alert', 0).map((i) => [i.sku as string, i.status as ReorderStatus, i.alert]));
		}
		return emitted;
	}

	it('computes the textbook numbers of the fixture (d = 10, σd = 1.018, L = 5, z = 1.645)', async () => {
		const result = await runWorkflow(fixtureWorkflow([REORDER], history()));
		const [item] = result.output('Reorder Alert', 0);
		expect(item.status).toBe('reorder');
		const exact = item.exact as IDataObject;
		expect(exact.demandPerDay).toBe(10);
		expect(exact.demandStdDev).toBeCloseTo(Math.sqrt(28 / 27), 12);
		expect(exact.safetyStock).toBeCloseTo(1.6448536 * Math.sqrt(28 / 27) * Math.sqrt(5), 5);
		expect(exact.reorderPoint).toBeCloseTo(50 + 1.6448536 * Math.sqrt(28 / 27) * Math.sqrt(5), 5);
		// What a person reads: σd = 1.0184 → 1.02; SS = 1.6449 × 1.0184 × √5 = 3.7457 → 4 units;
		// ROP = 10 × 5 + 3.7457 = 53.7457 → 54 units; z = 1.6449 → 1.645.
		expect(item).toMatchObject({ demandPerDay: 10, demandStdDev: 1.02, safetyStock: 4, reorderPoint: 54, serviceFactor: 1.645 });
		// order up to S = ROP + 10 × 7 = 123.7 → 123.7 − 52 = 71.7 → 8 packs of 10
		expect(item.suggestedOrderQty).toBe(80);
		expect(item.orderValue).toBe(1600);
		expect(item.projectedStockoutDate).toBe('2026-04-03');
	});

	it('recovery above the reorder point followed by a new drop emits again', async () => {
		expect(await runs([REORDER], [REORDER], [RECOVERED], [REORDER])).toEqual([
			[['TEE-01', 'reorder', 'new']],
			[],
			[],
			[['TEE-01', 'reorder', 'new']],
		]);
	});

	it('a reorder alert that worsens to urgent emits again; easing back stays quiet', async () => {
		expect(await runs([REORDER], [URGENT], [REORDER], [URGENT])).toEqual([
			[['TEE-01', 'reorder', 'new']],
			[['TEE-01', 'urgent', 'worsened']],
			[],
			[],
		]);
	});

	it('keeps the state as the library transition computes it', async () => {
		const staticData: IDataObject = {};
		const result = await runWorkflow(fixtureWorkflow([REORDER, position(500, 0, 'CAP-02')], history(), {}, {}, staticData));
		const results = [...result.output('Reorder Alert', 0), ...result.output('Reorder Alert', 1)];
		const nodeState = staticData['node:Reorder Alert'] as IDataObject;
		expect(JSON.parse(JSON.stringify(nodeState.alertState))).toEqual(
			JSON.parse(JSON.stringify(nextAlerts(undefined, results as never[]).nextState)),
		);
		expect(Object.keys((nodeState.alertState as { open: object }).open)).toEqual(['["TEE-01","SH"]']);
	});

	it('a failed run leaves the stored state as it was', async () => {
		const staticData: IDataObject = {};
		await runWorkflow(fixtureWorkflow([REORDER], history(), {}, {}, staticData));
		const before = JSON.parse(JSON.stringify(staticData));
		const failed = await runWorkflow(
			fixtureWorkflow([RECOVERED, { ...URGENT, sku: 'CAP-02', onHand: 'many' }], history(), {}, {}, staticData),
		);
		expect(failed.errorOf('Reorder Alert')?.message).toMatch(/^Inventory item 1: field "onHand" is "many"/);
		expect(JSON.parse(JSON.stringify(staticData))).toEqual(before);
	});
});

describe('Reorder Alert: a new SKU\'s first batch (small batch, 小单快反) across runs', () => {
	const smallBatch = { orderPolicy: 'smallBatch', firstBatchQuantity: 500, coverDays: 7 };
	/** A SKU never sold yet: no sales rows; `onOrder` units of its batch already placed. */
	const newSku = (onOrder: number) => ({ ...position(0, onOrder, 'NEW-05'), packSize: 24, unitCost: 3 });

	it('goes to Needs Action once, stays quiet on an identical run, and leaves the actions once the batch is on order', async () => {
		const staticData: IDataObject = {};
		const run = async (onOrder: number) => {
			const result = await runWorkflow(fixtureWorkflow([newSku(onOrder), RECOVERED], history(), smallBatch, {}, staticData));
			expect(result.errorOf('Reorder Alert')).toBeUndefined();
			const pick = (output: number) =>
				result.output('Reorder Alert', output).filter((i) => i.sku === 'NEW-05').map((i) => [i.status, i.suggestedOrderQty, i.alert]);
			return { needsAction: pick(0), ok: pick(1) };
		};
		// 500 → 21 packs of 24 = 504, ¥1,512: the purchase list and the digests get it.
		expect(await run(0)).toEqual({ needsAction: [['no_history', 504, 'new']], ok: [] });
		// Identical run: already announced (on neither output, like any announced alert).
		expect(await run(0)).toEqual({ needsAction: [], ok: [] });
		// The batch is on order: IP 504 ≥ 500, nothing to order, fine as it is.
		expect(await run(504)).toEqual({ needsAction: [], ok: [['no_history', 0, null]] });
		const state = (staticData['node:Reorder Alert'] as IDataObject).alertState as { open: object };
		expect(Object.keys(state.open)).toEqual([]);
	});

	it('with Only New Alerts off, the first batch is on Needs Action on every run until it is ordered', async () => {
		const once = await runWorkflow(fixtureWorkflow([newSku(0)], [], { ...smallBatch, onlyNewAlerts: false }));
		expect(once.output('Reorder Alert', 0).map((i) => [i.sku, i.status, i.suggestedOrderQty, i.orderValue, i.alert])).toEqual([
			['NEW-05', 'no_history', 504, 1512, null],
		]);
		expect(once.output('Reorder Alert', 0)[0].explanation).toBe(
			'No in-stock day in the sales history to 2026-03-28, so demand is unknown; order 504 (first batch).',
		);
		// Part of the batch placed (480): the rest, 20 → one pack of 24.
		const part = await runWorkflow(fixtureWorkflow([newSku(480)], [], { ...smallBatch, onlyNewAlerts: false }));
		expect(part.output('Reorder Alert', 0).map((i) => [i.sku, i.suggestedOrderQty])).toEqual([['NEW-05', 24]]);
	});
});

describe('Reorder Alert given bad input', () => {
	const inventory = [REORDER, position(500, 0, 'CAP-02'), position(0, 0, 'NEW-03')];
	const sales = [...history(), ...history('CAP-02')];

	const badInventory: Array<[string, IDataObject, RegExp]> = [
		['text where a number belongs', { onHand: 'lots' }, /^Inventory item 1: field "onHand" is "lots"; expected a whole number of units/],
		['a missing SKU', { sku: undefined }, /^Inventory item 1: field "sku" is missing; expected a SKU/],
		['a negative lead time', { leadTimeDays: -2 }, /^Inventory item 1: field "leadTimeDays" is -2; expected a number of days ≥ 0/],
		['a pack size of 0', { packSize: 0 }, /^Inventory item 1: field "packSize" is 0; expected a whole number of units ≥ 1/],
		['a second item for the same SKU and warehouse', { sku: 'TEE-01' }, /^Inventory item 1: field "sku" is "TEE-01"; expected one item per SKU \+ warehouse \(item 0 already has TEE-01 in SH\)/],
	];
	it.each(badInventory)('stops on an inventory item with %s, naming the input, item, field and expectation', async (_, change, message) => {
		const items = inventory.map((p, i) => (i === 1 ? { ...p, ...change } : p));
		const result = await runWorkflow(fixtureWorkflow(items, sales));
		expect(result.errorOf('Reorder Alert')?.message).toMatch(message);
		expect(result.run.data.resultData.error?.message).toMatch(message);
	});

	const badSales: Array<[string, IDataObject, RegExp]> = [
		['a day-first date', { date: '31/03/2026' }, /^Daily Sales item 2: field "date" is "31\/03\/2026"; expected a calendar date YYYY-MM-DD/],
		['a date that does not exist', { date: '2026-02-30' }, /^Daily Sales item 2: field "date" is "2026-02-30"; expected a calendar date/],
		['negative units', { units: -1 }, /^Daily Sales item 2: field "units" is -1; expected a whole number of units ≥ 0/],
		['an in-stock flag that is not true/false', { inStock: 'maybe' }, /^Daily Sales item 2: field "inStock" is "maybe"; expected true or false/],
	];
	it.each(badSales)('stops on a daily sales item with %s', async (_, change, message) => {
		const items = sales.map((row, i) => (i === 2 ? { ...row, ...change } : row));
		const result = await runWorkflow(fixtureWorkflow(inventory, items));
		const error = result.errorOf('Reorder Alert') as Error & { description?: string };
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/item 2 of the Daily Sales input.*Daily Sales Field Mapping/);
	});

	it('names a mapped field by the user\'s own column name, and reads numbers written as text', async () => {
		const own = inventory.map((p) => ({ item: { code: p.sku }, wh: p.warehouse, stock: String(p.onHand), lead: '5', packSize: '10' }));
		const mapping = { inventoryFields: { sku: 'item.code', warehouse: 'wh', onHand: 'stock', leadTimeDays: 'lead' } };
		const good = await runWorkflow(fixtureWorkflow(own, sales, { ...mapping, onlyNewAlerts: false }));
		expect(good.output('Reorder Alert', 0).map((i) => [i.sku, i.status, i.suggestedOrderQty])).toEqual([['TEE-01', 'reorder', 80]]);

		own[2].stock = '1.5';
		const bad = await runWorkflow(fixtureWorkflow(own, sales, mapping));
		expect(bad.errorOf('Reorder Alert')?.message).toMatch(/^Inventory item 2: field "stock" is "1.5"; expected a whole number/);
	});

	it('warns in the output pane when a mapped column is on no item (a typo would otherwise read as 0 on order)', async () => {
		const hintsOf = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
			(result.run.data.resultData.runData['Reorder Alert'][0].hints ?? []).map((h) => h.message);
		const own = inventory.map((p) => ({ ...p, on_order: p.sku === 'TEE-01' ? 200 : 0 }));
		const typo = await runWorkflow(fixtureWorkflow(own, sales, { inventoryFields: { onOrder: 'on_oder' }, onlyNewAlerts: false }));
		expect(hintsOf(typo)).toEqual([expect.stringMatching(/^Field Mapping: no input item has "on_oder" \(mapped to onOrder\), so onOrder was read as empty on every item/)]);
		expect(typo.output('Reorder Alert', 0).map((i) => [i.sku, i.inventoryPosition])).toEqual([['TEE-01', 52]]);

		const right = await runWorkflow(fixtureWorkflow(own, sales, { inventoryFields: { onOrder: 'on_order' }, onlyNewAlerts: false }));
		expect(hintsOf(right)).toEqual([]);
		expect(right.output('Reorder Alert', 1).map((i) => [i.sku, i.inventoryPosition])).toContainEqual(['TEE-01', 252]);
	});

	it('with On Error → Continue (using error output) sends bad items of both inputs to the error output and evaluates the rest', async () => {
		const items = inventory.map((p, i) => (i === 1 ? { ...p, onHand: null } : p));
		const rows = sales.map((row, i) => (i === 0 ? { ...row, units: 'x' } : row));
		const result = await runWorkflow(fixtureWorkflow(items, rows, {}, { onError: 'continueErrorOutput' }));
		expect(result.errorOf('Reorder Alert')).toBeUndefined();
		expect(result.output('Reorder Alert', 0).map((i) => i.sku)).toEqual(['TEE-01']);
		expect(result.output('Reorder Alert', 1).map((i) => [i.sku, i.status])).toEqual([['NEW-03', 'no_history']]);
		const errors = result.output('Reorder Alert', 2);
		expect(errors.map((e) => e.error)).toEqual([
			expect.stringMatching(/^Inventory item 1: field "onHand" is null/),
			expect.stringMatching(/^Daily Sales item 0: field "units" is "x"/),
		]);
		// Each error item carries the fields of the item it came from, on its own input.
		expect(errors[0]).toMatchObject({ sku: 'CAP-02', warehouse: 'SH' });
		expect(errors[1]).toMatchObject({ date: '2026-03-01', units: 'x' });
	});

	it('with On Error → Continue (regular output) keeps the error items on Needs Action', async () => {
		const items = inventory.map((p, i) => (i === 0 ? { ...p, leadTimeDays: 'soon' } : p));
		const result = await runWorkflow(fixtureWorkflow(items, sales, {}, { onError: 'continueRegularOutput' }));
		const needsAction = result.output('Reorder Alert', 0);
		expect(needsAction).toEqual([{ error: expect.stringMatching(/^Inventory item 0: field "leadTimeDays" is "soon"/) }]);
		expect(result.output('Reorder Alert', 1).map((i) => i.sku)).toEqual(['CAP-02', 'NEW-03']);
	});

	it('reports bad settings clearly: time zone, as-of date, service level', async () => {
		const zone = await runWorkflow(fixtureWorkflow(inventory, sales, { asOfMode: 'today', timeZone: 'Mars/Olympus' }));
		expect(zone.errorOf('Reorder Alert')?.message).toMatch(/Unknown time zone "Mars\/Olympus"/);
		const date = await runWorkflow(fixtureWorkflow(inventory, sales, { asOfDate: 'soon' }));
		expect(date.errorOf('Reorder Alert')?.message).toMatch(/As-Of Date "soon" is not a date/);
		const level = await runWorkflow(fixtureWorkflow(inventory, sales, { serviceLevel: 100 }));
		expect(level.errorOf('Reorder Alert')?.message).toMatch(/^Service Level \(%\): expected a fraction below 1/);
	});
});

describe('Reorder Alert edge cases', () => {
	it('no sales input at all: every position is no_history; only one with something to order needs action', async () => {
		const result = await runWorkflow(fixtureWorkflow([REORDER, position(-3, 0, 'OVERSOLD')], [], { asOfMode: 'latestSales', timeZone: 'UTC' }));
		const needsActionItems = result.output('Reorder Alert', 0);
		const ok = result.output('Reorder Alert', 1);
		expect(ok.map((i) => [i.sku, i.status, i.suggestedOrderQty])).toEqual([['TEE-01', 'no_history', 0]]);
		expect(needsActionItems.map((i) => [i.sku, i.status, i.suggestedOrderQty, i.alert])).toEqual([
			['OVERSOLD', 'no_history', 10, 'new'], // 3 backordered units, one pack of 10
		]);
		expect([...ok, ...needsActionItems].every(allFinite)).toBe(true);
	});

	it('As-Of = Latest Sales Date counts rows of positions not in the stock data; only matching rows feed demand', async () => {
		// TEE-01 in SH sells 9, 11, … to 2026-03-28; another SKU, and TEE-01 in a warehouse the
		// stock data lacks, sold on 2026-03-30: the as-of day is 2026-03-30. The 28 days to it
		// hold 26 of TEE-01's days (03-03 … 03-28, 13 × 9 and 13 × 11: d = 10); the days without
		// a row are not in-stock days, and the other rows count for no position.
		const sales = [
			...history(),
			{ date: '2026-03-30', sku: 'OTHER', warehouse: 'SH', units: 500, inStock: true },
			{ date: '2026-03-29', sku: 'TEE-01', warehouse: 'BJ', units: 500, inStock: true },
		];
		const result = await runWorkflow(fixtureWorkflow([REORDER], sales, { asOfMode: 'latestSales', timeZone: 'UTC' }));
		const items = [...result.output('Reorder Alert', 0), ...result.output('Reorder Alert', 1)];
		expect(items.map((i) => [i.sku, i.warehouse, i.asOf, i.inStockDays, i.demandPerDay, i.status])).toEqual([
			['TEE-01', 'SH', '2026-03-30', 26, 10, 'reorder'],
		]);
	});

	it('a SKU sold out on every day of the lookback window is urgent, measured on its earlier in-stock days', async () => {
		// Sold 9, 11, 9, 11 … in February (d = 10), then sold out every day of the 28 days to
		// 2026-03-28 with nothing left: cover 0 < lead time 5 → urgent (not no_history).
		const february = Array.from({ length: 28 }, (_, i) => ({
			date: `2026-02-${String(i + 1).padStart(2, '0')}`,
			sku: 'GONE-01',
			warehouse: 'SH',
			units: i % 2 === 0 ? 9 : 11,
			inStock: true,
		}));
		const march = history('GONE-01').map((row) => ({ ...row, units: 0, inStock: false }));
		const result = await runWorkflow(fixtureWorkflow([position(0, 0, 'GONE-01'), REORDER], [...february, ...march, ...history()]));
		const [gone] = result.output('Reorder Alert', 0).filter((i) => i.sku === 'GONE-01');
		expect(gone).toMatchObject({
			status: 'urgent',
			alert: 'new',
			demandBasis: 'earlierHistory',
			demandPerDay: 10,
			inStockDays: 28,
			stockOutDays: 28,
			daysOfCover: 0,
			suggestedOrderQty: 130, // S = ROP 53.7 + 70 = 123.7 → 13 packs of 10
		});
		expect(gone.explanation).toMatch(
			/ Sold out on every day of the 28 days to 2026-03-28: demand is measured on the 28 most recent in-stock days before \(2026-02-01 to 2026-02-28\)\.$/,
		);
		const hints = (result.run.data.resultData.runData['Reorder Alert'][0].hints ?? []).map((h) => h.message);
		expect(hints).toEqual([expect.stringMatching(/^1 position\(s\) sold out on every day of the lookback window \(GONE-01 · SH\)/)]);
	});

	it('zero demand, lead time 0 and oversold stock give defined results', async () => {
		const quiet = history('QUIET').map((row) => ({ ...row, units: 0 }));
		const result = await runWorkflow(
			fixtureWorkflow(
				[
					{ ...position(40, 0, 'QUIET') },
					{ ...position(0, 0, 'INSTANT'), leadTimeDays: 0 },
					{ ...position(-4, 0, 'OVERSOLD') },
				],
				[...quiet, ...history('INSTANT'), ...history('OVERSOLD')],
				{ onlyNewAlerts: false },
			),
		);
		const items = [...result.output('Reorder Alert', 0), ...result.output('Reorder Alert', 1)];
		const bySku = Object.fromEntries(items.map((i) => [i.sku, i]));
		expect(bySku.QUIET).toMatchObject({ status: 'overstock', demandPerDay: 0, daysOfCover: null, projectedStockoutDate: null, suggestedOrderQty: 0 });
		expect(bySku.INSTANT).toMatchObject({ status: 'reorder', reorderPoint: 0 });
		expect(bySku.OVERSOLD).toMatchObject({ status: 'urgent', daysOfCover: 0, projectedStockoutDate: '2026-03-28' });
		expect(items.every(allFinite)).toBe(true);
	});

	it('copies the inventory fields asked for onto each result', async () => {
		const result = await runWorkflow(
			fixtureWorkflow([{ ...REORDER, productName: 'Linen tee', supplier: { name: 'Hangzhou Mill' } }], history(), {
				options: { keepFields: 'productName, supplier.name' },
			}),
		);
		expect(result.output('Reorder Alert', 0)[0]).toMatchObject({ productName: 'Linen tee', 'supplier.name': 'Hangzhou Mill' });
	});
});

describe('Reorder Alert input fast lanes', () => {
	/** Deterministic xorshift32, so a failure can be replayed. */
	function random(seed: number) {
		let x = seed >>> 0 || 1;
		return () => {
			x ^= x << 13;
			x ^= x >>> 17;
			x ^= x << 5;
			return (x >>> 0) / 4294967296;
		};
	}
	const rand = random(20260628);
	const pick = <T,>(values: readonly T[]): T => values[Math.floor(rand() * values.length)];
	const IDS = ['TEE-01', ' TEE-01', 'TEE-01 ', '', '   ', 10023, 0, -1, 1.5, null, undefined, true, {}];
	const NUMBERS = [0, 1, 7, 12, -3, 2.5, -0.5, '12', ' 4 ', '3.5', '-2', '', '  ', 'x', null, undefined, NaN, Infinity, true, [1]];
	const DATES = ['2026-03-01', '2024-02-29', '2026-02-29', '2026-13-01', ' 2026-03-01', '2026-3-1', '31/03/2026', '', 20260301, null, undefined];
	const FLAGS = [true, false, 'true', 'FALSE', 'yes', 'no', '1', '0', 1, 0, 2, '', null, undefined, 'maybe'];

	function agree(parser: { safeParse(r: Record<string, unknown>): unknown }, schema: { safeParse(r: unknown): unknown }, record: Record<string, unknown>) {
		const fast = parser.safeParse({ ...record }) as { success: boolean; data?: unknown; error?: { issues: unknown[] } };
		const slow = schema.safeParse({ ...record }) as { success: boolean; data?: unknown; error?: { issues: unknown[] } };
		expect({ record, success: fast.success }).toEqual({ record, success: slow.success });
		if (slow.success) expect(fast.data).toEqual(slow.data);
		else expect(fast.error!.issues[0]).toEqual(slow.error!.issues[0]);
	}

	it('daily sales: the fast lane accepts exactly what the schema accepts and yields the same row', () => {
		for (let i = 0; i < 3000; i++) {
			const clean = rand() < 0.4;
			agree(dailySalesParser, dailySalesInputSchema, {
				date: clean ? '2026-03-01' : pick(DATES),
				sku: clean ? 'TEE-01' : pick(IDS),
				warehouse: clean ? 'SH' : pick(IDS),
				units: clean ? 3 : pick(NUMBERS),
				inStock: clean ? rand() < 0.5 : pick(FLAGS),
			});
		}
	});

	it('inventory: the fast lane accepts exactly what the schema accepts and yields the same position', () => {
		const fields = ['onHand', 'onOrder', 'reserved', 'leadTimeDays', 'leadTimeStdDays', 'moq', 'packSize', 'unitCost'];
		for (let i = 0; i < 3000; i++) {
			const clean = rand() < 0.4;
			const record: Record<string, unknown> = { sku: clean ? 'TEE-01' : pick(IDS), warehouse: clean ? 'SH' : pick(IDS) };
			for (const field of fields) record[field] = clean ? pick([0, 1, 5, 12, undefined]) : pick(NUMBERS);
			agree(inventoryParser, inventoryInputSchema, record);
		}
	});
});

describe('Reorder Trigger, the deprecated old type that workflows saved before the rename use', () => {
	/** A workflow as saved before the rename: the node named and typed Reorder Trigger (or swapped for Reorder Alert under that name). */
	const savedWorkflow = (type: 'reorderTrigger' | 'reorderAlert', inventory: IDataObject[], staticData: IDataObject = {}) => ({
		...twoInputs(
			node('Inventory', 'test.fixture', { items: JSON.stringify(inventory) }),
			node('Sales', 'test.fixture', { items: JSON.stringify(history()) }),
			node('Reorder Trigger', type, { asOfMode: 'date', asOfDate: '2026-03-28' }),
		),
		settings,
		staticData,
	});

	it('still runs, with the same parameters and the textbook numbers of the fixture', async () => {
		const result = await runWorkflow(savedWorkflow('reorderTrigger', [REORDER, position(500, 0, 'CAP-02')]));
		expect(result.errorOf('Reorder Trigger')).toBeUndefined();
		// d = 10, L = 5, z = 1.645: ROP 53.7; order up to 53.7 + 70 = 123.7 → 71.7 → 8 packs of 10 (as above)
		expect(result.output('Reorder Trigger', 0).map((i) => [i.sku, i.status, i.suggestedOrderQty, i.orderValue, i.alert])).toEqual([
			['TEE-01', 'reorder', 80, 1600, 'new'],
		]);
		// CAP-02 has no sales rows: no history, nothing to order, so OK
		expect(result.output('Reorder Trigger', 1).map((i) => [i.sku, i.status])).toEqual([['CAP-02', 'no_history']]);
	});

	it('gives the same items as Reorder Alert on the demo data', async () => {
		const asType = (type: string) => {
			const workflow = demoWorkflow({}, {});
			return { ...workflow, nodes: workflow.nodes.map((n) => (n.name === 'Reorder Alert' ? { ...n, type: `n8n-nodes-commerce-ops.${type}` } : n)) };
		};
		const [before, after] = [await runWorkflow(asType('reorderTrigger')), await runWorkflow(asType('reorderAlert'))];
		expect(before.output('Reorder Alert', 0).length).toBeGreaterThan(0);
		for (const output of [0, 1]) expect(before.output('Reorder Alert', output)).toEqual(after.output('Reorder Alert', output));
	});

	it('a Reorder Alert swapped in under the old node\'s name knows the alerts the old node sent', async () => {
		const staticData: IDataObject = {};
		const alerts = async (type: 'reorderTrigger' | 'reorderAlert', inventory: IDataObject[]) =>
			(await runWorkflow(savedWorkflow(type, inventory, staticData))).output('Reorder Trigger', 0).map((i) => [i.sku, i.status, i.alert]);
		expect(await alerts('reorderTrigger', [REORDER])).toEqual([['TEE-01', 'reorder', 'new']]);
		expect(await alerts('reorderAlert', [REORDER])).toEqual([]);
		expect(await alerts('reorderAlert', [URGENT])).toEqual([['TEE-01', 'urgent', 'worsened']]);
	});
});
