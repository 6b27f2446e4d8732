/**
 * Price Ladder in-process through n8n-core's WorkflowExecute: SKU items and competitor prices
 * (two inputs) → Price Ladder → Price Table and Needs Review. The figures are the worked
 * example of test/lib/pricing/priceLadder.test.ts (hand-computed there); here: what n8n users
 * see, field mapping, currencies, bad items under stop and Continue, the second input unconnected.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { node, runWorkflow } from '../support/n8n';

const fixture = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });

function run(skus: IDataObject[], competitors: IDataObject[] | undefined, parameters: IDataObject = {}, extra: Partial<INode> = {}) {
	const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];
	const nodes = [node('Run', 'n8n-nodes-base.manualTrigger'), fixture('SKUs', skus), node('Price Ladder', 'priceLadder', parameters, extra)];
	const connections: IConnections = {
		Run: { main: [[...to('SKUs'), ...(competitors ? to('Competitors') : [])]] },
		SKUs: { main: [to('Price Ladder', 0)] },
	};
	if (competitors) {
		nodes.push(fixture('Competitors', competitors));
		connections.Competitors = { main: [to('Price Ladder', 1)] };
	}
	return runWorkflow({ nodes, connections, settings: { executionOrder: 'v1' } });
}

const SKUS = [
	{ sku: 'A', name: '玫瑰保湿精华水', cost: 60, listPrice: 129 },
	{ sku: 'B', name: 'Centella Repair Cream', cost: '80.00', listPrice: '99', currency: 'CNY' },
	{ sku: 'C', cost: 30 },
];
const COMPETITORS = [89, 95, 105, 120].map((price, i) => ({ sku: 'B', price, competitor: `shop ${i}` }));

describe('Price Ladder in a workflow', () => {
	it('outputs one row per SKU with its ladder and band, and one Needs Review item per flag', async () => {
		const result = await run(SKUS, [...COMPETITORS, { sku: 'Z', price: 10 }]);
		const table = result.output('Price Ladder', 0);
		expect(table.map((r) => r.sku)).toEqual(['A', 'B', 'C']);
		expect(table[0]).toMatchObject({
			name: '玫瑰保湿精华水',
			currency: 'CNY',
			price: 128.9,
			memberPrice: 115.9,
			floorPrice: 70.59,
			bandPosition: 'noCompetitors',
			bandPositionLabel: 'No competitor prices · 无竞品价格',
			percentile: null,
			needsReview: false,
			flags: [],
			tiersText: '1+ 128.90 · 2+ 121.90 · 5+ 115.90 · 10+ 108.90',
			basePriceSource: 'listPrice',
			competitorBand: null,
		});
		// margin of 128.90 on a cost of 60: 68.9 ÷ 128.9
		expect(table[0].margin).toBeCloseTo(0.5345, 4);
		expect(table[1]).toMatchObject({
			price: 98.9,
			memberPrice: 94.9,
			floorPrice: 94.12,
			bandPosition: 'in',
			bandPositionLabel: 'In band · 竞品区间内',
			percentile: 50,
			competitorMedian: 100,
			competitorBand: { count: 4, min: 89, q1: 93.5, median: 100, q3: 108.75, max: 120 },
			needsReview: true,
			flags: ['listBelowTargetMargin', 'tierAtFloor', 'tierAtFloor', 'tierAtFloor', 'memberAtFloor'],
		});
		expect((table[1].tiers as IDataObject[])[1]).toEqual({ minQuantity: 2, discountPercent: 5, price: 94.9, margin: 0.157, atFloor: true, discountedPrice: 94.05 });
		expect(table[2]).toMatchObject({ price: 49.9, basePriceSource: 'targetMargin', targetPrice: 50 });

		const review = result.output('Price Ladder', 1);
		expect(review).toHaveLength(5);
		expect(review[1]).toEqual({
			sku: 'B',
			name: 'Centella Repair Cream',
			flag: 'tierAtFloor',
			flagLabel: 'Tier discount would cross the margin floor: raised to the floor · 该档折扣会跌破保底毛利，已抬到保底价',
			minQuantity: 2,
			price: 94.9,
			wouldBePrice: 94.05,
			floorPrice: 94.12,
			currency: 'CNY',
		});
		// No output price below its floor, anywhere.
		for (const row of table) for (const tier of row.tiers as IDataObject[]) expect(tier.price as number).toBeGreaterThanOrEqual(row.floorPrice as number);
	});

	it('copies the fields to keep from each SKU item, never over a computed field', async () => {
		const result = await run([{ sku: 'A', cost: 60, listPrice: 129, category: 'skincare', price: 'old price' }], undefined, { options: { keepFields: 'category, price' } });
		expect(result.output('Price Ladder', 0)[0]).toMatchObject({ category: 'skincare', price: 128.9 });
	});

	it('runs with the competitor input unconnected', async () => {
		const result = await run(SKUS, undefined);
		expect(result.output('Price Ladder', 0).map((r) => r.bandPosition)).toEqual(['noCompetitors', 'noCompetitors', 'noCompetitors']);
	});

	it('reads mapped columns and the chosen ending', async () => {
		const result = await run(
			[{ 货号: 'A', 成本: 60, 标价: 129 }],
			[{ 货号: 'A', 竞品价: 139 }],
			{ priceEnding: 'nine', skuFields: { sku: '货号', cost: '成本', listPrice: '标价' }, competitorFields: { sku: '货号', price: '竞品价' } },
		);
		const [row] = result.output('Price Ladder', 0);
		// 129 → 129 (ends in 9); 2+: 122.55 → 119; 5+: 116.10 → 109; 10+: 109.65 → 109
		expect(row).toMatchObject({ sku: 'A', tiersText: '1+ 129.00 · 2+ 119.00 · 5+ 109.00 · 10+ 109.00', bandPosition: 'below', percentile: 0 });
	});

	it('stops on a competitor price in another currency than its SKU, naming the item and field', async () => {
		const result = await run(SKUS, [...COMPETITORS, { sku: 'B', price: 15, currency: 'usd' }]);
		const error = result.errorOf('Price Ladder') as Error & { context?: { itemIndex?: number } };
		expect(error.message).toBe('Item 4: field "currency" is "USD"; expected CNY, the currency of SKU B (a band mixes no currencies)');
	});

	it('stops on a bad SKU item with the item, the mapped field and what was expected', async () => {
		const result = await run([{ 货号: 'A', 成本: 60 }, { 货号: 'D', 成本: -1 }], undefined, { skuFields: { sku: '货号', cost: '成本' } });
		const error = result.errorOf('Price Ladder') as Error & { description?: string; context?: { itemIndex?: number } };
		expect(error.message).toBe('Item 1: field "成本" is -1; expected a unit cost from 0 to 1,000,000,000');
		expect(error.context?.itemIndex).toBe(1);
		expect(error.description).toContain('请检查输入的第 1 项');
	});

	it('with Continue (using error output) bad items of either input go to the error output, the rest are priced', async () => {
		const result = await run(
			[...SKUS, { sku: 'D', cost: 'cheap' }, { sku: 'A', cost: 1, listPrice: 2 }],
			[...COMPETITORS, { sku: 'B', price: 0 }],
			{},
			{ onError: 'continueErrorOutput' },
		);
		expect(result.output('Price Ladder', 0).map((r) => r.sku)).toEqual(['A', 'B', 'C']);
		expect(result.output('Price Ladder', 2).map((e) => e.error)).toEqual([
			'Item 3: field "cost" is "cheap"; expected a unit cost from 0 to 1,000,000,000',
			'Item 4: field "sku" is "A"; expected a SKU not already listed (item 0 has A)',
			'Item 4: field "price" is 0; expected a price above 0 and at most 1,000,000,000',
		]);
		// The competitor band of B is the good prices only.
		expect(result.output('Price Ladder', 0)[1].competitorBand).toMatchObject({ count: 4 });
	});

	it('refuses a target margin typed as a markup, saying what it is as a margin', async () => {
		const result = await run(SKUS, undefined, { targetMarginPercent: 150 });
		const error = result.errorOf('Price Ladder') as Error & { description?: string };
		expect(error.message).toBe('Target Margin (%) must be a percent from 0 to below 100 (got 150)');
		expect(error.description).toContain('A markup on cost of 150 % is a margin of 60 %');
	});

	it('says what to connect when the SKU input gets items without any SKU field', async () => {
		const result = await run([{ hello: 1 }], undefined);
		expect(result.errorOf('Price Ladder')?.message).toContain('No SKU items reached the SKUs input');
	});
});
