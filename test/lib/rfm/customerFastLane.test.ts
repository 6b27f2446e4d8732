/**
 * The fast lane of rfmCustomerParser (customer rows with recency, frequency and monetary)
 * must accept nothing rfmCustomerSchema refuses and yield exactly what it yields, with the
 * schema's first issue for every row it refuses: checked on random rows mixing good values
 * with every kind of near-miss.
 */
import { rfmCustomerParser, rfmCustomerSchema } from '../../../nodes/lib/rfm';

const choices: Record<string, unknown[]> = {
	customerId: ['C1', 'c-9', ' C1', 'C1 ', '', '   ', 42, 0, -1, 1.5, NaN, null, undefined, {}, 'x'.repeat(256), 'x'.repeat(257)],
	recencyDays: [0, 1, 36_500, 36_501, -1, 2.5, -0, '7', ' 12 ', '3.5', '-2', '1e2', '', null, undefined, NaN, Infinity, true],
	frequency: [1, 2, 1_000_000_000, 1_000_000_001, 0, -1, 1.5, '3', ' 4 ', '0', '2.0', '', null, undefined, NaN],
	monetary: [0, 19.9, 1e12, 1e12 + 1, -0.01, -0, '199.00', ' 5 ', '-1', '1,024', '1e3', '', null, undefined, NaN, Infinity],
};

function seeded(seed: number) {
	let x = seed;
	return () => {
		x = (x * 1103515245 + 12345) % 2147483648;
		return x / 2147483648;
	};
}

it('agrees with rfmCustomerSchema on 20,000 random customer rows', () => {
	const random = seeded(14);
	let accepted = 0;
	for (let i = 0; i < 20_000; i++) {
		const record = Object.fromEntries(
			Object.entries(choices).map(([field, values]) => [field, values[Math.floor(random() * values.length)]]),
		);
		const expected = rfmCustomerSchema.safeParse({ ...record });
		const actual = rfmCustomerParser.safeParse({ ...record });
		expect({ record, success: actual.success }).toEqual({ record, success: expected.success });
		if (expected.success && actual.success) {
			accepted++;
			expect(actual.data).toEqual(expected.data);
		} else if (!expected.success && !actual.success) {
			expect(actual.error.issues[0]).toEqual(expected.error.issues[0]);
		}
	}
	expect(accepted).toBeGreaterThan(100);
});

it('reads a clean row and decimal text without the schema', () => {
	const spy = jest.spyOn(rfmCustomerSchema, 'safeParse');
	try {
		expect(rfmCustomerParser.safeParse({ customerId: 'C7', recencyDays: '12', frequency: 3, monetary: '199.90' })).toEqual({
			success: true,
			data: { customerId: 'C7', recencyDays: 12, frequency: 3, monetary: 199.9 },
		});
		expect(spy).not.toHaveBeenCalled();
		expect(rfmCustomerParser.safeParse({ customerId: 'C7', recencyDays: -1, frequency: 3, monetary: 1 }).success).toBe(false);
		expect(spy).toHaveBeenCalledTimes(1);
	} finally {
		spy.mockRestore();
	}
});
