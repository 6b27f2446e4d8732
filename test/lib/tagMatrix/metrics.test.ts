/**
 * Tag Matrix's behaviour metrics against an independent pandas computation
 * (test/reference/tagMatrix/metrics.py → fixture.json, pandas 1.5.3): 600 orders of 80
 * customers with every status, timestamps in three UTC offsets (the preferred hour is the
 * shop's, Asia/Shanghai), coupons as codes, true, discounts, 0 and empty, 43 customers with
 * tied hours. Plus hand-computed edges.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { categorySpendOf, computeCustomerMetrics, orderTagFieldsSchema, type TagOrder } from '../../../nodes/lib/tagMatrix';

interface FixtureOrder {
	customerId: string;
	createdAt: string;
	status: TagOrder['status'];
	amount: number;
	refundedAmount: number;
	platform: string;
	channel: string | null;
	region: string | null;
	category: string | null;
	couponCode: unknown;
}
const fixture = JSON.parse(readFileSync(path.join(__dirname, '../../reference/tagMatrix/fixture.json'), 'utf8')) as {
	orders: FixtureOrder[];
	expected: Array<Record<string, unknown>>;
};

function toTagOrder(row: FixtureOrder): TagOrder {
	const fields = orderTagFieldsSchema.parse({ platform: row.platform, channel: row.channel, region: row.region, category: row.category, coupon: row.couponCode });
	return {
		customerId: row.customerId,
		createdAtMs: Date.parse(row.createdAt),
		status: row.status,
		amount: row.amount,
		refundedAmount: row.refundedAmount,
		platform: fields.platform,
		channel: fields.channel,
		region: fields.region,
		couponUsed: fields.coupon,
		categorySpend: categorySpendOf(fields, row.amount, 1),
	};
}

describe('customer metrics vs pandas (test/reference/tagMatrix)', () => {
	const metrics = computeCustomerMetrics(fixture.orders.map(toTagOrder), [], [], 'Asia/Shanghai');
	const byId = new Map(metrics.map((m) => [m.customerId, m]));

	it('has every customer of the orders', () => {
		expect([...byId.keys()].sort()).toEqual(fixture.expected.map((e) => e.customerId).sort());
	});

	it.each(fixture.expected.map((e) => [e.customerId as string, e]))('%s', (customerId, expected) => {
		expect(byId.get(customerId)).toMatchObject(expected);
	});
});

describe('customer metrics: hand-computed edges', () => {
	const order = (over: Partial<TagOrder>): TagOrder => ({
		customerId: 'c1',
		createdAtMs: Date.parse('2026-06-01T12:00:00+08:00'),
		status: 'completed',
		amount: 100,
		refundedAmount: 0,
		couponUsed: false,
		categorySpend: [],
		...over,
	});

	it('counts a refunded order as paid and refunded; a cancelled one not at all', () => {
		const [m] = computeCustomerMetrics(
			[order({ status: 'refunded', refundedAmount: 0 }), order({ status: 'cancelled', couponUsed: true }), order({ couponUsed: true })],
			[],
			[],
			'Asia/Shanghai',
		);
		// 2 paid orders: 1 refunded (status, even with refundedAmount 0), 1 with a coupon.
		expect(m).toMatchObject({ orders: 2, refundRate: 0.5, couponShare: 0.5 });
	});

	it('reads the hour in the shop time zone: 23:30 UTC is 07:30 in Shanghai, 19:30 in New York (EDT)', () => {
		const late = [order({ createdAtMs: Date.parse('2026-06-01T23:30:00Z') })];
		expect(computeCustomerMetrics(late, [], [], 'Asia/Shanghai')[0].preferredHour).toBe(7);
		expect(computeCustomerMetrics(late, [], [], 'America/New_York')[0].preferredHour).toBe(19);
	});

	it('takes segment and region from the customer list, the region over the orders\'', () => {
		const [m] = computeCustomerMetrics([order({ region: '浙江' })], [{ customerId: 'c1', segment: 'Champions', region: '上海' }], [], 'UTC');
		expect(m).toMatchObject({ rfmSegment: 'Champions', region: '上海' });
	});

	it('averages review scores; a customer only in the reviews has no order metrics', () => {
		const metrics = computeCustomerMetrics([order({})], [], [
			{ customerId: 'c1', score: 1 },
			{ customerId: 'c1', score: -0.5 },
			{ customerId: 'c2', score: -1 },
		], 'UTC');
		expect(metrics).toMatchObject([
			{ customerId: 'c1', reviews: 2, sentimentScore: 0.25 },
			{ customerId: 'c2', orders: 0, reviews: 1, sentimentScore: -1, couponShare: null, preferredHour: null, mainPlatform: null },
		]);
	});

	it('spends line by line when lines carry categories (2 × 30 tea, 1 × 40 snacks → tea 60 %)', () => {
		const fields = orderTagFieldsSchema.parse({
			category: 'ignored',
			lines: [
				{ category: 'tea', quantity: 2, unitPrice: 30 },
				{ category: 'snacks', quantity: 1, unitPrice: 40 },
				{ quantity: 5, unitPrice: 10 },
			],
		});
		const [m] = computeCustomerMetrics([order({ categorySpend: categorySpendOf(fields, 150, 1) })], [], [], 'UTC');
		expect(m).toMatchObject({ topCategory: 'tea', topCategoryShare: 0.6 });
	});
});
