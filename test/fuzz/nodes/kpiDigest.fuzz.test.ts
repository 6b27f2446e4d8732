/**
 * Daily KPI Digest under random orders and traffic with bad values mixed in on both inputs:
 * the four properties of test/fuzz/support.ts. Orders fall in the 8 days the digest reads and
 * the year before (for returning buyers); platforms and channels include "constructor" and
 * "__proto__"; bad traffic includes the row dated 9999-12-31.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node } from '../../support/n8n';
import { checkNode, fixturesInto, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const NOW = Date.now();
const DAY = 86_400_000;
const PLATFORMS = ['douyin', 'taobao', 'constructor'];
const CHANNELS = ['live', 'search', '__proto__'];
const TRAFFIC_FIELDS = ['date', 'platform', 'channel', 'visitors'];

const kpiDigest = (parameters: IDataObject): NodeUnderTest => ({
	name: 'KPI Digest',
	mainOutputs: 1,
	// Bad values on orders are in order fields only, so the field tells the inputs apart.
	inputOf: (_, field) => (TRAFFIC_FIELDS.includes(field) ? 'traffic' : 'orders'),
	workflow: (inputs, extra: Partial<INode>) =>
		fixturesInto(node('KPI Digest', 'kpiDigest', { timeZone: 'Asia/Shanghai', ...parameters }, extra), [
			['Orders', inputs.orders, 0],
			['Traffic', inputs.traffic, 1],
		]),
});

const goodOrder = fc.record({
	customer: fc.nat(12),
	platform: fc.constantFrom(...PLATFORMS, undefined),
	channel: fc.constantFrom(...CHANNELS, undefined),
	daysAgo: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 400 })),
	second: fc.nat(86_399),
	status: fc.constantFrom('paid', 'completed', 'refunded', 'partially_refunded', 'cancelled', undefined),
	cents: fc.nat(500_000),
	refundShare: fc.double({ min: 0, max: 1, noNaN: true }),
});
const goodTraffic = fc.record({ platform: fc.constantFrom(...PLATFORMS), channel: fc.constantFrom(...CHANNELS), daysAgo: fc.integer({ min: 1, max: 9 }), visitors: fc.nat(5_000), asText: fc.boolean() });

const orders = (drawn: Array<Drawn<typeof goodOrder>>): IDataObject[] =>
	drawn.map((o, i) => ({
		orderId: `O${i}`,
		customerId: `c${o.customer}`,
		createdAt: new Date(NOW - o.daysAgo * DAY - o.second * 1000).toISOString(),
		...(o.status !== undefined && { status: o.status }),
		...(o.platform !== undefined && { platform: o.platform }),
		...(o.channel !== undefined && { channel: o.channel }),
		currency: 'CNY',
		amount: o.cents / 100,
		refundedAmount: o.status === 'refunded' ? o.cents / 100 : o.status === 'partially_refunded' ? Math.floor(o.cents * o.refundShare) / 100 : 0,
	}));
const traffic = (drawn: Array<Drawn<typeof goodTraffic>>): IDataObject[] =>
	drawn.map((t) => ({
		date: new Date(NOW - t.daysAgo * DAY).toISOString().slice(0, 10),
		platform: t.platform,
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
	fc.constantFrom<unknown>('9999-12-31', '1999-12-31', '2026-02-30', new Date(NOW + 3 * DAY).toISOString().slice(0, 10), 'soon', 20260101, {}, undefined).map((value) => ({ field: 'date', value })),
	fc.constantFrom<unknown>({ name: 'live' }, ['live'], '', 'x'.repeat(17_000), true, undefined).map((value) => ({ field: 'channel', value })),
	fc.constantFrom<unknown>({ name: 'douyin' }, '', 'x'.repeat(300), true).map((value) => ({ field: 'platform', value })),
	fc.constantFrom<unknown>(-1, 1.5, 1e308, 1e13, '1,024', 'many', {}, undefined).map((value) => ({ field: 'visitors', value })),
);

describe('Daily KPI Digest, property-based (issue 14)', () => {
	it.each([
		['defaults: yesterday, a year of look-back, in Chinese', {}],
		['a 7-day look-back, every mover, in English', { returningLookbackDays: 7, moverThresholdPercent: 0, topMovers: 20, language: 'en' }],
	])('%s: bad orders and traffic rows reported by index and field; the digest as without them', async (_, parameters) => {
		const subject = kpiDigest(parameters);
		const arbitrary = fc.record({
			goodOrders: fc.array(goodOrder, { minLength: 5, maxLength: 30 }),
			goodTraffic: fc.array(goodTraffic, { minLength: 1, maxLength: 20 }),
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
		reportCases(`Daily KPI Digest (${_})`, FUZZ_RUNS, 3);
	});
});
