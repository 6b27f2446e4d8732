/**
 * The fast lane of orderInputParser must accept nothing the zod schema rejects and yield
 * exactly what the schema yields: checked on thousands of random orders mixing good
 * values with every kind of near-miss.
 */
import { orderInputParser, orderInputSchema } from '../../../nodes/lib/orders';

const choices: Record<string, unknown[]> = {
	orderId: ['O1', ' O1', 'O1 ', '', 42, null, undefined, 'O\u00a0'],
	customerId: ['C1', ' C1', '', 7, undefined, {}, 'c-9'],
	createdAt: [
		'2026-03-01T09:30:00+08:00',
		'2026-03-01T09:30:00Z',
		'2026-03-01 09:30:00',
		' 2026-03-01T09:30:00+08:00 ',
		'2026-03-01',
		'2026-02-30T09:30:00+08:00',
		'2026-13-01',
		'yesterday',
		1700000000000,
		undefined,
	],
	status: ['paid', 'completed', 'refunded', 'partially_refunded', 'Paid', '', undefined, 3],
	currency: ['CNY', 'USD', 'cny', 'CN', undefined, null],
	amount: [0, 19.9, -1, '19.90', ' 25 ', '-0', '-3.5', '1000000000', '1000000000.01', '1e3', '5.', '', 'abc', NaN, Infinity, undefined, null],
	refundedAmount: [0, 5, 25, -2, '5', '19.90', ' 0 ', '-1', '', '1e1', undefined, null, NaN],
};

function seeded(seed: number) {
	let x = seed;
	return () => {
		x = (x * 1103515245 + 12345) % 2147483648;
		return x / 2147483648;
	};
}

it('agrees with the zod schema on 20,000 random orders', () => {
	const random = seeded(2026);
	const fast = orderInputParser('Asia/Shanghai');
	const schema = orderInputSchema('Asia/Shanghai');
	let accepted = 0;
	for (let i = 0; i < 20_000; i++) {
		const record = Object.fromEntries(
			Object.entries(choices).map(([field, values]) => [field, values[Math.floor(random() * values.length)]]),
		);
		const expected = schema.safeParse(record);
		const actual = fast.safeParse(record);
		expect({ record, success: actual.success }).toEqual({ record, success: expected.success });
		if (expected.success && actual.success) {
			accepted++;
			expect(actual.data).toEqual(expected.data);
		}
	}
	expect(accepted).toBeGreaterThan(100);
});
