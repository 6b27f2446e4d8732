/**
 * Reading SKU and competitor-price items: bounded ids and amounts (issue 14's limits), text
 * numbers from sheets, one currency per band.
 */
import { competitorItemSchema, createCompetitorReader, createSkuReader, skuItemSchema, type SkuRow } from '../../../nodes/lib/pricing';

describe('SKU items', () => {
	it('reads numbers written as text and lower-case currencies, in cents', () => {
		const parsed = skuItemSchema.parse({ sku: 10023, cost: '19.90', listPrice: '39.9', currency: 'usd' });
		expect(createSkuReader('CNY')(parsed, 0)).toEqual({ itemIndex: 0, sku: '10023', costCents: 1990, listPriceCents: 3990, currency: 'USD' });
	});

	it('takes the Currency option for an item without one, and an empty list price as none', () => {
		const parsed = skuItemSchema.parse({ sku: 'A', cost: 1, listPrice: '' });
		expect(createSkuReader('CNY')(parsed, 0)).toEqual({ itemIndex: 0, sku: 'A', costCents: 100, currency: 'CNY' });
	});

	it.each([
		['sku', 'x'.repeat(257)],
		['cost', 1_000_000_000.01],
		['cost', -0.01],
		['listPrice', 0],
		['listPrice', 1e308],
		['currency', 'RMB元'],
	])('refuses %s = %p', (field, value) => {
		expect(skuItemSchema.safeParse({ sku: 'A', cost: 1, [field]: value }).success).toBe(false);
	});

	it('refuses a SKU listed twice, naming the first item', () => {
		const read = createSkuReader('CNY');
		read(skuItemSchema.parse({ sku: 'A', cost: 1 }), 0);
		expect(read(skuItemSchema.parse({ sku: 'A', cost: 2 }), 3)).toEqual({ itemIndex: 3, field: 'sku', value: 'A', expected: 'a SKU not already listed (item 0 has A)' });
	});
});

describe('competitor prices', () => {
	const skus: SkuRow[] = [{ itemIndex: 0, sku: 'A', costCents: 100, currency: 'CNY' }];
	const read = createCompetitorReader(skus, 'CNY', '币种');

	it('joins a price to its SKU, in cents', () => {
		expect(read(competitorItemSchema.parse({ sku: 'A', price: '9.90' }), 2)).toEqual({ itemIndex: 2, sku: 'A', priceCents: 990, currency: 'CNY' });
	});
	it('refuses a price in another currency than its SKU, naming the mapped field', () => {
		expect(read(competitorItemSchema.parse({ sku: 'A', price: 2, currency: 'USD' }), 1)).toEqual({
			itemIndex: 1,
			field: '币种',
			value: 'USD',
			expected: 'CNY, the currency of SKU A (a band mixes no currencies)',
		});
	});
	it('skips a price for a SKU not among the SKUs (null), whatever its currency', () => {
		expect(read(competitorItemSchema.parse({ sku: 'B', price: 2, currency: 'USD' }), 0)).toBeNull();
	});
});
