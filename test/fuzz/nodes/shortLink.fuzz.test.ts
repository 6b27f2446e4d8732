/**
 * Short Link's Attribute Orders under random clicks and orders with bad values mixed in on both
 * inputs: the four properties of test/fuzz/support.ts. Link codes include "constructor" and
 * "__proto__". (Create and Get Clicks talk to a service: test/workflows/shortLink.workflow.test.ts
 * covers their bad items against the stand-ins.)
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const CODES = ['A', 'B', 'constructor', '__proto__', '抖-1'];

const attribute = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Short Link',
	mainOutputs: 1,
	// Clicks rows are named "Clicks item …"; orders, read as every order-reading node reads them, "Item …".
	inputOf: (label) => (label === 'Clicks' ? 'clicks' : 'orders'),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(
			// Base Currency set: with it unset the most common currency would be the base, and three bad USD orders could outnumber the good.
			node('Short Link', 'shortLink', { operation: 'attribute', options: { baseCurrency: 'CNY' }, ...parameters }, extra),
			[
				['Clicks', inputs.clicks, 0],
				['Orders', inputs.orders, 1],
			],
		),
});

const goodClick = fc.record({ code: fc.constantFrom(...CODES), clicks: fc.nat(5_000), pillar: fc.constantFrom('knowledge', 'scenario', 'promotion', 'toString', undefined) });
const goodOrder = fc.record({ code: fc.constantFrom(...CODES, ''), cents: fc.nat(500_000), status: fc.constantFrom('paid', 'cancelled', 'refunded', undefined) });

const clicks = (drawn: Array<Drawn<typeof goodClick>>): IDataObject[] =>
	drawn.map((c, i) => ({ postId: `p${i}`, linkCode: c.code, clicks: c.clicks, ...(c.pillar !== undefined && { category: c.pillar }) }));
const orders = (drawn: Array<Drawn<typeof goodOrder>>): IDataObject[] =>
	drawn.map((o, i) => ({
		orderId: `O${i}`,
		customerId: `C${i % 4}`,
		createdAt: '2026-06-01T10:00:00+08:00',
		currency: 'CNY',
		amount: o.cents / 100,
		...(o.code !== '' && { linkCode: o.code }),
		...(o.status !== undefined && { status: o.status }),
		...(o.status === 'refunded' && { refundedAmount: o.cents / 100 }),
	}));

// A missing or empty link code is not an error (an organic post, an order from no link): only shapes no code can have.
const badClickValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>({ code: 'A' }, ['A'], 'x'.repeat(300), true).map((value) => ({ field: 'linkCode', value })),
	fc.constantFrom<unknown>(-1, 1e308, 'many', undefined, {}).map((value) => ({ field: 'clicks', value })),
);
const badOrderValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>({ code: 'A' }, 'x'.repeat(300)).map((value) => ({ field: 'linkCode', value })),
	fc.constantFrom<unknown>(-5, 1e308, 'free', undefined).map((value) => ({ field: 'amount', value })),
	fc.constantFrom<unknown>(-1, 'some').map((value) => ({ field: 'refundedAmount', value })),
	fc.constantFrom<unknown>('USD', 'usd ').map((value) => ({ field: 'currency', value })),
);

describe('Short Link (Attribute Orders), property-based (issue 14)', () => {
	it.each([
		['per post', { attributeLevel: 'post' }],
		['per pillar', { attributeLevel: 'pillar' }],
	])('%s: bad clicks and orders reported by index and field; good ones attributed as without them', async (_, parameters) => {
		const subject = attribute(parameters);
		const arbitrary = fc.record({
			goodClicks: fc.array(goodClick, { minLength: 1, maxLength: 15 }),
			goodOrders: fc.array(goodOrder, { minLength: 1, maxLength: 25 }),
			badClicks: insertions(badClickValue, 3),
			badOrders: insertions(badOrderValue, 3),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async (drawn) => {
				const good = { clicks: clicks(drawn.goodClicks), orders: orders(drawn.goodOrders) };
				// Every order is read (validated) as an order, with or without a link code, as Content Mix reads them.
				const mixedClicks = mixIn('clicks', good.clicks, drawn.badClicks.map((b) => ({ base: good.clicks[b.baseIndex % good.clicks.length], bad: b.bad, at: b.at })));
				const mixedOrders = mixIn('orders', good.orders, drawn.badOrders.map((b) => ({ base: good.orders[b.baseIndex % good.orders.length], bad: b.bad, at: b.at })));
				await checkNode(subject, { clicks: mixedClicks.items, orders: mixedOrders.items }, good, [...mixedClicks.badItems, ...mixedOrders.badItems]);
			}),
			fuzzParameters,
		);
		reportCases(`Short Link attribute (${_})`, FUZZ_RUNS, 3);
	});
});
