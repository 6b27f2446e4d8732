/**
 * Price Ladder under random SKUs and competitor prices with bad values mixed in on both inputs:
 * the four properties of test/fuzz/support.ts, plus the floor rule: no tier or member price
 * below the SKU's floor price. SKUs include "__proto__" and "constructor". Both inputs share the
 * fields sku and currency, so bad values go only to fields of one input (the error names the
 * field, which tells the inputs apart); those two are covered by the workflow tests.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const COMPETITOR_ONLY = ['price', 'competitor'];
const SKU_NAMES = ['__proto__', 'constructor', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];

const priceLadder = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Price Ladder',
	mainOutputs: 2,
	inputOf: (_, field) => (COMPETITOR_ONLY.includes(field) ? 'competitors' : 'skus'),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(node('Price Ladder', 'priceLadder', parameters, extra), [
			['SKUs', inputs.skus, 0],
			['Competitors', inputs.competitors, 1],
		]),
});

const goodSku = fc.record({ costCents: fc.nat(5_000_000), listCents: fc.option(fc.integer({ min: 1, max: 10_000_000 })), asText: fc.boolean() });
const goodCompetitor = fc.record({ sku: fc.nat(9), cents: fc.integer({ min: 1, max: 10_000_000 }) });

const skus = (drawn: Array<Drawn<typeof goodSku>>): IDataObject[] =>
	drawn.map((s, i) => ({
		sku: SKU_NAMES[i],
		cost: s.asText ? (s.costCents / 100).toFixed(2) : s.costCents / 100,
		...(s.listCents !== null && { listPrice: s.listCents / 100 }),
	}));
// SKU indexes past the list name SKUs that are not there: skipped, not errors.
const competitors = (drawn: Array<Drawn<typeof goodCompetitor>>): IDataObject[] =>
	drawn.map((c) => ({ sku: SKU_NAMES[c.sku] ?? `Z${c.sku}`, price: c.cents / 100, currency: 'CNY' }));

const badSkuValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>(-1, 'cheap', {}, 2e9, 1e308, undefined).map((value) => ({ field: 'cost', value })),
	fc.constantFrom<unknown>(0, -5, 'ask', 2e9, ['9.9']).map((value) => ({ field: 'listPrice', value })),
	fc.constantFrom<unknown>({ zh: '面霜' }, 'x'.repeat(300)).map((value) => ({ field: 'name', value })),
);
const badCompetitorValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>(0, -1, 'free', 1e308, {}, undefined).map((value) => ({ field: 'price', value })),
	fc.constantFrom<unknown>({ shop: 'x' }, ['x']).map((value) => ({ field: 'competitor', value })),
);

describe('Price Ladder, property-based (issue 14)', () => {
	it.each([
		['the defaults', {}],
		['deep discounts, ending 9, no floor', { quantityTiers: '1=0, 2=50, 3=99.99', priceEnding: 'nine', marginFloorPercent: 0, memberDiscountPercent: 99 }],
	])('%s: bad items reported by index and field; good ones priced as without them, none below its floor', async (_, parameters) => {
		const subject = priceLadder(parameters);
		const arbitrary = fc.record({
			goodSkus: fc.array(goodSku, { minLength: 1, maxLength: SKU_NAMES.length }),
			goodCompetitors: fc.array(goodCompetitor, { minLength: 1, maxLength: 30 }),
			badSkus: insertions(badSkuValue, 3),
			badCompetitors: insertions(badCompetitorValue, 3),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async (drawn) => {
				const good = { skus: skus(drawn.goodSkus), competitors: competitors(drawn.goodCompetitors) };
				const mixedSkus = mixIn('skus', good.skus, drawn.badSkus.map((b) => ({ base: good.skus[b.baseIndex % good.skus.length], bad: b.bad, at: b.at })));
				const mixedCompetitors = mixIn('competitors', good.competitors, drawn.badCompetitors.map((b) => ({ base: good.competitors[b.baseIndex % good.competitors.length], bad: b.bad, at: b.at })));
				const [reference] = await checkNode(subject, { skus: mixedSkus.items, competitors: mixedCompetitors.items }, good, [...mixedSkus.badItems, ...mixedCompetitors.badItems]);
				for (const row of reference.output('Price Ladder', 0)) {
					const prices = [...(row.tiers as IDataObject[]).map((t) => t.price as number), row.memberPrice as number];
					for (const price of prices) expect(price).toBeGreaterThanOrEqual(row.floorPrice as number);
				}
			}),
			fuzzParameters,
		);
		reportCases(`Price Ladder (${_})`, FUZZ_RUNS, 3);
	});
});
