/**
 * Orders → one activity record per customer, and reading orders, on small hand-checked cases
 * (README "RFM Segment"). The large-scale check against an independent pandas implementation
 * is ../rfm/pandasReference.test.ts.
 */
import {
	aggregateOrders,
	DEFAULT_COUNTED_STATUSES,
	orderInputSchema,
	OrderTable,
	toOrderRecord,
	type AggregationOptions,
} from '../../../nodes/lib/orders';
import { segmentCustomers } from '../../../nodes/lib/rfm';

type OrderRow = Record<string, unknown>;

function orders(rows: OrderRow[], timeZone = 'Asia/Shanghai') {
	const schema = orderInputSchema(timeZone);
	return rows.map((row, i) =>
		toOrderRecord(schema.parse({ currency: 'CNY', status: 'completed', orderId: `O${i}`, ...row }), i),
	);
}

const at = (createdAt: string, customerId: string, amount: number, extra: OrderRow = {}) => ({
	createdAt,
	customerId,
	amount,
	...extra,
});

const options = (overrides: Partial<AggregationOptions> = {}): AggregationOptions => ({
	reference: { kind: 'instant', epochMs: Date.parse('2026-06-30T23:59:59+08:00') },
	timeZone: 'Asia/Shanghai',
	lookbackDays: 0,
	countedStatuses: DEFAULT_COUNTED_STATUSES,
	...overrides,
});

describe('aggregating orders per customer', () => {
	it('counts distinct orders and sums amounts in cents (0.1 + 0.2 is exactly 0.30)', () => {
		const { customers } = aggregateOrders(
			orders([at('2026-06-01T10:00:00+08:00', 'A', 0.1), at('2026-06-02T10:00:00+08:00', 'A', 0.2)]),
			options(),
		);
		expect(customers).toEqual([
			expect.objectContaining({ customerId: 'A', frequency: 2, monetaryCents: 30, recencyDays: 28 }),
		]);
	});

	it('counts a zero-amount order in frequency and adds nothing to monetary', () => {
		const { customers } = aggregateOrders(
			orders([at('2026-06-01T10:00:00+08:00', 'A', 0), at('2026-06-20T10:00:00+08:00', 'A', 50)]),
			options(),
		);
		expect(customers[0]).toMatchObject({ frequency: 2, monetaryCents: 5000, recencyDays: 10 });
	});

	it('leaves out a customer whose only orders were refunded or cancelled, and says how many', () => {
		const result = aggregateOrders(
			orders([
				at('2026-06-01T10:00:00+08:00', 'R', 80, { status: 'refunded', refundedAmount: 80 }),
				at('2026-06-02T10:00:00+08:00', 'R', 20, { status: 'cancelled' }),
				at('2026-06-03T10:00:00+08:00', 'B', 10),
			]),
			options(),
		);
		expect(result.customers.map((c) => c.customerId)).toEqual(['B']);
		expect(result.customersWithoutCountedOrders).toBe(1);
		expect(result.ordersSkipped.statusNotCounted).toBe(2);
	});

	it('counts a partially refunded order at its amount minus the refund', () => {
		const { customers } = aggregateOrders(
			orders([at('2026-06-01T10:00:00+08:00', 'A', 199, { status: 'partially_refunded', refundedAmount: 49.5 })]),
			options(),
		);
		expect(customers[0].monetaryCents).toBe(14950);
	});

	it('ignores orders after the reference date', () => {
		const result = aggregateOrders(
			orders([at('2026-06-30T23:59:59+08:00', 'A', 10), at('2026-07-01T00:00:00+08:00', 'A', 99)]),
			options(),
		);
		expect(result.customers[0]).toMatchObject({ frequency: 1, monetaryCents: 1000, recencyDays: 0 });
		expect(result.ordersSkipped.afterReference).toBe(1);
	});

	it('counts days in the shop time zone: 23:59 and 00:01 Shanghai are different days, 2 minutes apart', () => {
		const reference = { kind: 'instant' as const, epochMs: Date.parse('2026-03-02T00:01:00+08:00') };
		const rows = [at('2026-03-01T23:59:00+08:00', 'A', 10)];
		const inShanghai = aggregateOrders(orders(rows), options({ reference }));
		expect(inShanghai.customers[0].recencyDays).toBe(1);
		// The same two instants are 15:59 and 16:01 UTC on 1 March: the same day in UTC.
		const inUtc = aggregateOrders(orders(rows, 'UTC'), options({ reference, timeZone: 'UTC' }));
		expect(inUtc.customers[0].recencyDays).toBe(0);
	});

	it('reads a timestamp without an offset as wall-clock time in the shop time zone', () => {
		const reference = { kind: 'instant' as const, epochMs: Date.parse('2026-03-02T00:01:00+08:00') };
		const { customers } = aggregateOrders(orders([at('2026-03-01 23:59:00', 'A', 10)]), options({ reference }));
		expect(customers[0]).toMatchObject({ recencyDays: 1, lastOrderAt: '2026-03-01 23:59:00' });
	});

	it('keeps the last row of an order that appears twice (a later snapshot)', () => {
		const rows = [
			at('2026-06-01T10:00:00+08:00', 'A', 100, { orderId: 'X' }),
			at('2026-06-01T10:00:00+08:00', 'A', 100, { orderId: 'X', status: 'refunded', refundedAmount: 100 }),
			at('2026-06-05T10:00:00+08:00', 'A', 30, { orderId: 'Y' }),
		];
		const result = aggregateOrders(orders(rows), options());
		expect(result.customers[0]).toMatchObject({ frequency: 1, monetaryCents: 3000 });
		expect(result.ordersSkipped.duplicateRows).toBe(1);
	});

	it('with a lookback of 30 days counts orders 0–29 days before the reference day', () => {
		const result = aggregateOrders(
			orders([at('2026-06-01T12:00:00+08:00', 'A', 10), at('2026-05-31T12:00:00+08:00', 'A', 20)]),
			options({ lookbackDays: 30 }),
		);
		expect(result.customers[0]).toMatchObject({ frequency: 1, monetaryCents: 1000, recencyDays: 29 });
		expect(result.ordersSkipped.outsideLookback).toBe(1);
	});

	it('can take the latest counted order as the reference date', () => {
		const result = aggregateOrders(
			orders([
				at('2026-01-10T09:00:00+08:00', 'A', 10),
				at('2026-01-20T09:00:00+08:00', 'B', 10),
				at('2026-02-01T09:00:00+08:00', 'B', 10, { status: 'cancelled' }),
			]),
			options({ reference: { kind: 'latestOrder' } }),
		);
		expect(result.referenceEpochMs).toBe(Date.parse('2026-01-20T09:00:00+08:00'));
		expect(result.customers.map((c) => [c.customerId, c.recencyDays])).toEqual([
			['A', 10],
			['B', 0],
		]);
	});

	it('gives no customers and no error for no orders', () => {
		expect(aggregateOrders([], options()).customers).toEqual([]);
		expect(segmentCustomers([], { scoring: { kind: 'quintiles' }, scheme: { kind: 'rfGrid' }, language: 'en' }).customers).toEqual([]);
	});
});

describe('reading orders', () => {
	const schema = orderInputSchema('Asia/Shanghai');
	it.each([
		[{ createdAt: 'yesterday' }, 'createdAt'],
		[{ createdAt: '2026-02-30 10:00' }, 'createdAt'],
		[{ amount: -5 }, 'amount'],
		[{ amount: 'twelve' }, 'amount'],
		[{ customerId: '' }, 'customerId'],
		[{ customerId: undefined }, 'customerId'],
		[{ status: 'shipped-ish' }, 'status'],
		[{ refundedAmount: 200 }, 'refundedAmount'],
	])('rejects %j on field %s', (change, field) => {
		const result = schema.safeParse({
			orderId: 'O1',
			customerId: 'A',
			createdAt: '2026-02-01T10:00:00+08:00',
			status: 'partially_refunded',
			amount: 100,
			...change,
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].path[0]).toBe(field);
	});

	it('accepts amounts written as text, as CSV rows carry them', () => {
		const parsed = schema.parse({ orderId: 1001, customerId: 7, createdAt: '2026-02-01', amount: '19.90' });
		expect(parsed).toMatchObject({ orderId: '1001', customerId: '7', amount: 19.9 });
	});
});

describe('the order table', () => {
	it('keeps every order exactly as it grows from its small start (one table per channel must stay cheap)', () => {
		const statuses = ['paid', 'shipped', 'completed', 'refunded', 'partially_refunded'] as const;
		const rows = Array.from({ length: 1000 }, (_, i) => ({
			itemIndex: i * 3,
			orderId: `O${i}`,
			customerId: `C${i % 7}`,
			createdAt: `t${i}`,
			createdAtMs: 1_700_000_000_000 + i * 1000,
			status: statuses[i % statuses.length],
			currency: i % 2 ? 'CNY' : undefined,
			amount: i + 0.25,
			refundedAmount: i % 5 === 4 ? 0.25 : 0,
		}));
		const table = OrderTable.from(rows);
		expect(table.length).toBe(1000);
		const read = rows.map((_, i) => ({
			itemIndex: table.itemIndexOf(i),
			orderId: table.orderId[i],
			customerId: table.customerId[i],
			createdAt: table.createdAt[i],
			createdAtMs: table.createdAtMs(i),
			status: table.statusOf(i),
			currency: table.currency[i],
			amount: table.amountOf(i),
			refundedAmount: table.refundedAmountOf(i),
		}));
		expect(read).toEqual(rows);
	});
});
