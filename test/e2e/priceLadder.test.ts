/**
 * Price Ladder in a real n8n: Manual Trigger → two Code nodes (SKUs, competitor prices) →
 * Price Ladder → Price table / Needs review / Bad items. One execution: the worked example of
 * docs/nodes/PriceLadder.md (hand-computed in test/lib/pricing/priceLadder.test.ts) comes out of
 * the installed package, with a competitor price in another currency on the error output.
 */
import { execute, explain, freshInstance, importBuilt, itemsOf, n8nVersion, type Instance, type WorkflowJson, workflowNode, fixedItemsNode } from './support/n8n';

const SKUS = [
	{ sku: 'A', name: '玫瑰保湿精华水', cost: 60, listPrice: 129 },
	{ sku: 'B', name: '积雪草修护面霜', cost: '80.00', listPrice: '99' },
	{ sku: 'C', name: '氨基酸洁面乳', cost: 30 },
];
const COMPETITORS = [
	...[89, 95, 105, 120].map((price, i) => ({ sku: 'B', price, competitor: `shop ${i}` })),
	{ sku: 'B', price: 15, currency: 'USD', competitor: 'cross-border' },
];

const to = (target: string, index = 0) => [{ node: target, type: 'main', index }];
const WORKFLOW: WorkflowJson = {
	id: 'e2ePriceLadder',
	name: 'e2ePriceLadder',
	nodes: [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		fixedItemsNode('SKUs', [220, -100], SKUS),
		fixedItemsNode('Competitor prices', [220, 100], COMPETITORS),
		workflowNode('Price Ladder', 'n8n-nodes-commerce-ops.priceLadder', [460, 0], {}, { onError: 'continueErrorOutput' }),
		workflowNode('Price table', 'n8n-nodes-base.noOp', [700, -150]),
		workflowNode('Needs review', 'n8n-nodes-base.noOp', [700, 0]),
		workflowNode('Bad items', 'n8n-nodes-base.noOp', [700, 150]),
	],
	connections: {
		'Run now': { main: [[...to('SKUs'), ...to('Competitor prices')]] },
		SKUs: { main: [to('Price Ladder', 0)] },
		'Competitor prices': { main: [to('Price Ladder', 1)] },
		'Price Ladder': { main: [to('Price table'), to('Needs review'), to('Bad items')] },
	},
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	active: false,
};

describe(`Price Ladder in n8n ${n8nVersion()}`, () => {
	let instance: Instance;

	beforeAll(async () => {
		instance = await freshInstance('priceLadder');
		expect((await importBuilt(instance, [WORKFLOW])).count).toBe(1);
	});

	it('prices the worked example, flags the clamped tiers and sends the USD competitor price to the error output', async () => {
		const execution = await execute(instance, WORKFLOW.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });

		const table = itemsOf(execution.run, 'Price table')!;
		expect(table.map((row) => [row.sku, row.price, row.memberPrice, row.floorPrice, row.tiersText, row.bandPosition])).toEqual([
			['A', 128.9, 115.9, 70.59, '1+ 128.90 · 2+ 121.90 · 5+ 115.90 · 10+ 108.90', 'noCompetitors'],
			['B', 98.9, 94.9, 94.12, '1+ 98.90 · 2+ 94.90 · 5+ 94.90 · 10+ 94.90', 'in'],
			['C', 49.9, 44.9, 35.3, '1+ 49.90 · 2+ 46.90 · 5+ 44.90 · 10+ 41.90', 'noCompetitors'],
		]);
		expect(table[1]).toMatchObject({ percentile: 50, competitorBand: { count: 4, min: 89, q1: 93.5, median: 100, q3: 108.75, max: 120 } });

		const review = itemsOf(execution.run, 'Needs review')!;
		expect(review.map((r) => [r.sku, r.flag, r.minQuantity ?? null, r.wouldBePrice ?? null])).toEqual([
			['B', 'listBelowTargetMargin', null, null],
			['B', 'tierAtFloor', 2, 94.05],
			['B', 'tierAtFloor', 5, 89.1],
			['B', 'tierAtFloor', 10, 84.15],
			['B', 'memberAtFloor', null, 89.1],
		]);

		const bad = itemsOf(execution.run, 'Bad items')!;
		expect(bad.map((b) => b.error)).toEqual(['Item 4: field "currency" is "USD"; expected CNY, the currency of SKU B (a band mixes no currencies)']);
	});
});
