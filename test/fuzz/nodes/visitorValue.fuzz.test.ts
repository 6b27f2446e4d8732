/**
 * Visitor Value under random orders and traffic with bad values mixed in on both inputs: the
 * four properties of test/fuzz/support.ts. Channels include "constructor" and "__proto__" (they
 * used to give NaN budgets); bad traffic includes the row dated 9999-12-31 that used to escape
 * as a RangeError.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const NOW = Date.now();
const DAY = 86_400_000;
const CHANNELS = ['live', 'short_video', 'search', 'constructor', '__proto__'];
const TRAFFIC_FIELDS = ['date', 'channel', 'visitors'];

const visitorValue = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Visitor Value',
	mainOutputs: 2,
	// Both inputs' errors read "Item N: …"; the field tells them apart (the inputs share none).
	inputOf: (_, field) => (TRAFFIC_FIELDS.includes(field) ? 'traffic' : 'orders'),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(node('Visitor Value', 'visitorValue', { outputMode: 'both', timeZone: 'Asia/Shanghai', ...parameters }, extra), [
			['Orders', inputs.orders, 0],
			['Traffic', inputs.traffic, 1],
		]),
});

const goodOrder = fc.record({
	customer: fc.nat(12),
	channel: fc.constantFrom(...CHANNELS, undefined),
	daysAgo: fc.integer({ min: 1, max: 60 }),
	second: fc.nat(86_399),
	status: fc.constantFrom('paid', 'completed', 'cancelled', undefined),
	cents: fc.nat(500_000),
});
const goodTraffic = fc.record({ channel: fc.constantFrom(...CHANNELS), daysAgo: fc.integer({ min: 1, max: 60 }), visitors: fc.nat(5_000), asText: fc.boolean() });

const orders = (drawn: Array<Drawn<typeof goodOrder>>): IDataObject[] =>
	drawn.map((o, i) => ({
		orderId: `O${i}`,
		customerId: `c${o.customer}`,
		createdAt: new Date(NOW - o.daysAgo * DAY + o.second * 1000 - DAY).toISOString(),
		...(o.status !== undefined && { status: o.status }),
		...(o.channel !== undefined && { channel: o.channel }),
		currency: 'CNY',
		amount: o.cents / 100,
	}));
const traffic = (drawn: Array<Drawn<typeof goodTraffic>>): IDataObject[] =>
	drawn.map((t) => ({
		date: new Date(NOW - t.daysAgo * DAY).toISOString().slice(0, 10),
		channel: t.channel,
		visitors: t.asText ? String(t.visitors) : t.visitors,
	}));

const badId = fc.constantFrom<unknown>({ id: 1 }, ['c1'], '', '   ', 'x'.repeat(17_000), true, undefined);
const badOrderValue: fc.Arbitrary<BadValue> = fc.oneof(
	badId.map((value) => ({ field: 'orderId', value })),
	badId.map((value) => ({ field: 'customerId', value })),
	fc.constantFrom<unknown>('2026-04-31T10:00:00Z', '9999-12-31T00:00:00Z', '1999-12-31T00:00:00Z', new Date(NOW + 3 * DAY).toISOString(), 'soon', {}).map((value) => ({ field: 'createdAt', value })),
	fc.constantFrom<unknown>(-1, 1e308, 'free', {}).map((value) => ({ field: 'amount', value })),
	fc.constantFrom<unknown>('usd', 'USD', 7).map((value) => ({ field: 'currency', value })),
);
const badTrafficValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>('9999-12-31', '9999-12-31T23:00:00-12:00', '1999-12-31', '2026-02-30', new Date(NOW + 3 * DAY).toISOString().slice(0, 10), 'soon', 20260101, {}, undefined).map((value) => ({ field: 'date', value })),
	fc.constantFrom<unknown>({ name: 'live' }, ['live'], '', 'x'.repeat(17_000), true, undefined).map((value) => ({ field: 'channel', value })),
	fc.constantFrom<unknown>(-1, 1.5, 1e308, 1e13, '1,024', 'many', {}, undefined).map((value) => ({ field: 'visitors', value })),
);

describe('Visitor Value, property-based (issue 14)', () => {
	it.each([
		['a 30-day window, visitor shares for the budget', {}],
		['all days, a budget naming constructor and __proto__', { windowDays: 0, currentBudget: 'live=5000, constructor=3000, __proto__=1000, search=0' }],
	])('%s: bad orders and traffic rows reported by index and field; good ones valued as without them', async (_, parameters) => {
		const subject = visitorValue(parameters);
		// At least 5 good CNY orders, at most 3 bad ones: a bad "USD" never outnumbers the base.
		const arbitrary = fc.record({
			goodOrders: fc.array(goodOrder, { minLength: 5, maxLength: 25 }),
			goodTraffic: fc.array(goodTraffic, { minLength: 1, maxLength: 25 }),
			badOrders: insertions(badOrderValue, 3),
			badTraffic: insertions(badTrafficValue, 3),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async (drawn) => {
				const good = { orders: orders(drawn.goodOrders), traffic: traffic(drawn.goodTraffic) };
				const mixedOrders = mixIn('orders', good.orders, drawn.badOrders.map((b) => ({ base: good.orders[b.baseIndex % good.orders.length], bad: b.bad, at: b.at })));
				const mixedTraffic = mixIn('traffic', good.traffic, drawn.badTraffic.map((b) => ({ base: good.traffic[b.baseIndex % good.traffic.length], bad: b.bad, at: b.at })));
				await checkNode(subject, { orders: mixedOrders.items, traffic: mixedTraffic.items }, good, [...mixedOrders.badItems, ...mixedTraffic.badItems]);
			}),
			fuzzParameters,
		);
		reportCases(`Visitor Value (${_})`, FUZZ_RUNS, 3);
	});
});
