/**
 * RFM Segment under random orders (and pre-aggregated customers) with bad values mixed in: the
 * four properties of test/fuzz/support.ts. Bad values are the issue's: impossible and far-off
 * dates, huge amounts, ids that are objects or 17,000 characters long, a second currency.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { chain, node } from '../../support/n8n';
import { checkNode, fixtureNode, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const NOW = Date.now();
const DAY = 86_400_000;

const rfm = (parameters: IDataObject): NodeUnderTest => ({
	name: 'RFM Segment',
	mainOutputs: 2,
	inputOf: () => 'items',
	workflow: (inputs, extra: Partial<INode>) => ({
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			fixtureNode('Items', inputs.items),
			node('RFM Segment', 'rfmSegment', { outputMode: 'both', ...parameters }, extra),
		],
		connections: chain('Start', 'Items', 'RFM Segment'),
	}),
});

/** An instant `ms` in one of the forms users bring: with Z, with +08:00, or wall-clock text. */
const timestampText = (ms: number, form: number): string => {
	const iso = new Date(ms).toISOString().slice(0, 19);
	if (form === 0) return `${iso}Z`;
	if (form === 1) return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
	return iso.replace('T', ' ');
};

const goodOrder = fc.record({
	customer: fc.nat(8),
	daysAgo: fc.integer({ min: 1, max: 700 }),
	second: fc.nat(86_399),
	form: fc.nat(2),
	status: fc.constantFrom('paid', 'shipped', 'completed', 'completed', 'partially_refunded', 'cancelled', undefined),
	cents: fc.nat(2_000_000),
	asText: fc.boolean(),
	refundShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

const orders = (drawn: Array<Drawn<typeof goodOrder>>): IDataObject[] =>
	drawn.map((o, i) => {
		const amount = o.cents / 100;
		const refund = o.status === 'partially_refunded' ? Math.floor(o.cents * o.refundShare) / 100 : undefined;
		return {
			orderId: `O${i}`,
			customerId: o.customer === 8 ? 8 : `c${o.customer}`,
			createdAt: timestampText(NOW - o.daysAgo * DAY + o.second * 1000 - DAY, o.form),
			...(o.status !== undefined && { status: o.status }),
			currency: 'CNY',
			amount: o.asText ? amount.toFixed(2) : amount,
			...(refund !== undefined && { refundedAmount: refund }),
		};
	});

const badId = fc.constantFrom<unknown>({ id: 1 }, ['c1'], '', '   ', 'x'.repeat(17_000), true, undefined, null);
const badOrderValue: fc.Arbitrary<BadValue> = fc.oneof(
	badId.map((value) => ({ field: 'orderId', value })),
	badId.map((value) => ({ field: 'customerId', value })),
	fc
		.constantFrom<unknown>(
			'2026-04-31T10:00:00Z',
			'2025-02-29T10:00:00+08:00',
			'2025-02-29 10:00:00',
			'9999-12-31T00:00:00Z',
			'1999-12-31T23:59:59Z',
			new Date(NOW + 3 * DAY).toISOString(),
			'soon',
			20260101,
			{},
			undefined,
		)
		.map((value) => ({ field: 'createdAt', value })),
	fc.constantFrom<unknown>('lost', 5, {}).map((value) => ({ field: 'status', value })),
	fc.constantFrom<unknown>('usd', 'US', 5, {}, 'USD').map((value) => ({ field: 'currency', value })),
	fc.constantFrom<unknown>(-1, 1e308, 1e10, 'free', '1e5', {}, true, undefined).map((value) => ({ field: 'amount', value })),
	fc.constantFrom<unknown>(-5, 'x', 1e308, 1e12).map((value) => ({ field: 'refundedAmount', value })),
);

describe('RFM Segment, property-based (issue 14)', () => {
	it.each([
		['Latest Order in the Input', { referenceMode: 'latestOrder' }],
		// The end of today rather than "now": two runs a few ms apart must agree to the millisecond.
		['end of today, 365-day lookback, equal-size quintiles', { referenceMode: 'endOfDay', referenceDate: new Date(NOW).toISOString().slice(0, 10), lookbackDays: 365, scoringMethod: 'equalSize' }],
	])('orders, reference %s: bad orders reported by index and field, good ones scored as without them', async (_, parameters) => {
		const subject = rfm({ inputKind: 'orders', ...parameters });
		// At least 5 good CNY orders, at most 4 bad ones: a bad "USD" never outnumbers the base.
		const arbitrary = fc.record({ good: fc.array(goodOrder, { minLength: 5, maxLength: 30 }), bad: insertions(badOrderValue) });
		await fc.assert(
			fc.asyncProperty(arbitrary, async ({ good, bad }) => {
				const goodItems = orders(good);
				const mixed = mixIn('items', goodItems, bad.map((b) => ({ base: goodItems[b.baseIndex % goodItems.length], bad: b.bad, at: b.at })));
				await checkNode(subject, { items: mixed.items }, { items: goodItems }, mixed.badItems);
			}),
			fuzzParameters,
		);
		reportCases(`RFM Segment orders (${_})`, FUZZ_RUNS, 3);
	});

	const goodCustomer = fc.record({
		recencyDays: fc.nat(36_500),
		frequency: fc.integer({ min: 1, max: 1_000 }),
		cents: fc.nat(100_000_000),
	});
	const badCustomerValue: fc.Arbitrary<BadValue> = fc.oneof(
		badId.map((value) => ({ field: 'customerId', value })),
		fc.constantFrom<unknown>(-1, 1.5, 1e308, 36_501, 'x', {}).map((value) => ({ field: 'recencyDays', value })),
		fc.constantFrom<unknown>(0, 2.5, 1e308, 'many', []).map((value) => ({ field: 'frequency', value })),
		fc.constantFrom<unknown>(-1, 1e308, 1e13, 'lots', {}).map((value) => ({ field: 'monetary', value })),
	);

	it('customer totals: bad customers reported by index and field, good ones scored as without them', async () => {
		const subject = rfm({ inputKind: 'customers' });
		const arbitrary = fc.record({ good: fc.array(goodCustomer, { minLength: 1, maxLength: 30 }), bad: insertions(badCustomerValue) });
		await fc.assert(
			fc.asyncProperty(arbitrary, async ({ good, bad }) => {
				const goodItems: IDataObject[] = good.map((c, i) => ({ customerId: `c${i}`, recencyDays: c.recencyDays, frequency: c.frequency, monetary: c.cents / 100 }));
				// A bad item starts from a good one under a customer id no good item has.
				const mixed = mixIn('items', goodItems, bad.map((b, k) => ({ base: { ...goodItems[b.baseIndex % goodItems.length], customerId: `bad${k}` }, bad: b.bad, at: b.at })));
				await checkNode(subject, { items: mixed.items }, { items: goodItems }, mixed.badItems);
			}),
			fuzzParameters,
		);
		reportCases('RFM Segment customers', FUZZ_RUNS, 3);
	});

	it('customer totals given twice: each later row reported by index and customerId, the customers scored as without it', async () => {
		const subject = rfm({ inputKind: 'customers' });
		const duplicate = fc.record({ of: fc.nat(), recencyDays: fc.nat(36_500), frequency: fc.integer({ min: 1, max: 1_000 }) });
		const arbitrary = fc.record({
			good: fc.array(goodCustomer, { minLength: 1, maxLength: 30 }),
			bad: insertions(badCustomerValue),
			duplicates: fc.array(duplicate, { minLength: 1, maxLength: 4 }),
		});
		await fc.assert(
			fc.asyncProperty(arbitrary, async ({ good, bad, duplicates }) => {
				const goodItems: IDataObject[] = good.map((c, i) => ({ customerId: `c${i}`, recencyDays: c.recencyDays, frequency: c.frequency, monetary: c.cents / 100 }));
				const mixed = mixIn('items', goodItems, bad.map((b, k) => ({ base: { ...goodItems[b.baseIndex % goodItems.length], customerId: `bad${k}` }, bad: b.bad, at: b.at })));
				// After every good item, so the good one is the customer's first row: other totals for a customer already given.
				const repeated = duplicates.map((d) => ({ ...goodItems[d.of % goodItems.length], recencyDays: d.recencyDays, frequency: d.frequency }));
				const badItems = [...mixed.badItems, ...repeated.map((_, k) => ({ input: 'items', index: mixed.items.length + k, field: 'customerId' }))];
				await checkNode(subject, { items: [...mixed.items, ...repeated] }, { items: goodItems }, badItems);
			}),
			fuzzParameters,
		);
		reportCases('RFM Segment customers given twice', FUZZ_RUNS, 3);
	});
});
