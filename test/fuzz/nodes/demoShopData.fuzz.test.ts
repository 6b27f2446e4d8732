/**
 * Demo Shop Data under random settings, hostile ones mixed in: sizes whose product is billions
 * of rows, Warehouses from an expression as a number, a list or an object. Its input is its
 * settings, so the properties are: a setting outside the documented limits (docs/nodes/
 * DemoShopData.md, "Limits", restated below as the oracle) stops the node with a
 * NodeOperationError naming the setting — never a raw error — or goes to the error output under
 * Continue (using error output); settings within them give the rows they promise, every number
 * finite.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { chain, node, runWorkflow } from '../../support/n8n';
import { fuzzParameters, FUZZ_RUNS, nonFiniteNumbers, reportCases } from '../support';

const STOCK_DATASETS = ['inventory', 'dailySales'];

const workflow = (parameters: IDataObject, extra: Partial<INode> = {}) => ({
	nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), node('Demo', 'demoShopData', parameters, extra)],
	connections: chain('Start', 'Demo'),
});

/** Warehouses as typed (text) or as an expression may give them. */
const warehouses = fc.oneof(
	fc.array(fc.constantFrom('east', 'south', 'west', 'north', '7'), { minLength: 0, maxLength: 4 }).map((names) => names.join(', ')),
	fc.array(fc.oneof(fc.constantFrom('east', 'south', 'west'), fc.integer({ min: 1, max: 99 })), { minLength: 0, maxLength: 4 }),
	fc.integer({ min: 1, max: 99 }),
	fc.constantFrom<unknown>({ east: 1 }, [{ name: 'east' }], null, true),
	fc.constant(Array.from({ length: 50 }, (_, k) => `w${k}`)),
);

/** The names the documented rules read from a Warehouses value, or undefined when they refuse it. */
function warehouseNames(value: unknown): string[] | undefined {
	// n8n fills a parameter stored as null with the description's default.
	if (value === null) return ['east-shanghai', 'south-guangzhou'];
	if (typeof value === 'string') return value.split(',').map((p) => p.trim()).filter((p) => p !== '');
	if (typeof value === 'number') return [String(value)];
	if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map(String);
	return undefined;
}

const settings = fc.record({
	dataset: fc.constantFrom('orders', 'customers', 'inventory', 'dailySales', 'contentPosts', 'traffic'),
	seed: fc.integer({ min: 0, max: 1_000 }),
	customers: fc.integer({ min: 1, max: 60 }),
	orders: fc.integer({ min: 0, max: 200 }),
	skus: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, 10_001, 2.5)),
	warehouses,
	days: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 3_661)),
	endDate: fc.constantFrom('2026-06-30', '2026-02-30', '1899-12-31'),
	huge: fc.boolean(),
});

describe('Demo Shop Data, property-based (issue 14)', () => {
	it('refuses settings outside the limits with an error naming them, and gives the promised rows within them', async () => {
		await fc.assert(
			fc.asyncProperty(settings, async ({ huge, ...drawn }) => {
				// "huge": the 10,000 SKUs × 50 warehouses × 3,660 days on a stock dataset.
				const parameters: IDataObject = huge
					? { ...drawn, dataset: STOCK_DATASETS[drawn.seed % 2], skus: 10_000, warehouses: Array.from({ length: 50 }, (_, k) => `w${k}`), days: 3_660 }
					: (drawn as IDataObject);
				const names = warehouseNames(parameters.warehouses);
				const skus = parameters.skus as number;
				const days = parameters.days as number;
				const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
				const valid =
					names !== undefined &&
					names.length >= 2 &&
					names.length <= 50 &&
					new Set(names).size === names.length &&
					whole(skus, 1, 10_000) &&
					whole(days, 1, 3_660) &&
					parameters.endDate === '2026-06-30' &&
					(!STOCK_DATASETS.includes(parameters.dataset as string) || skus * names.length * days <= 2_000_000);

				const stopped = await runWorkflow(workflow(parameters));
				const error = stopped.errorOf('Demo');
				if (valid) {
					expect(error).toBeUndefined();
					const rows = stopped.output('Demo');
					expect(nonFiniteNumbers(rows)).toEqual([]);
					if (parameters.dataset === 'dailySales') expect(rows).toHaveLength(skus * names!.length * days);
					if (parameters.dataset === 'inventory') expect(rows).toHaveLength(skus * names!.length);
					if (parameters.dataset === 'orders') expect(rows).toHaveLength(parameters.orders as number);
					return;
				}
				expect(error?.name).toBe('NodeOperationError');
				expect(error?.message).toMatch(/^(skus|days|warehouses?|Warehouses|endDate|each warehouse|[\d,]+ SKUs × \d+ warehouses × [\d,]+ days)/);
				const continued = await runWorkflow(workflow(parameters, { onError: 'continueErrorOutput' }));
				expect(continued.errorOf('Demo')).toBeUndefined();
				expect(continued.output('Demo', 0)).toEqual([]);
				expect(continued.output('Demo', 1)).toEqual([{ error: error?.message }]);
			}),
			fuzzParameters,
		);
		reportCases('Demo Shop Data', FUZZ_RUNS, 2);
	});
});
