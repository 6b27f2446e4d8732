/**
 * The fast lane of Coupon Tier's customer reading must accept nothing couponCustomerSchema
 * rejects and yield exactly what the schema yields: checked on thousands of random customers
 * mixing good values with every kind of near-miss, with and without a birthday benefit, and
 * through a field mapping.
 */
import { couponCustomerFastLane, couponCustomerSchema } from '../../../nodes/lib/coupons';

const choices: Record<'customerId' | 'birthday', unknown[]> = {
	customerId: ['C1', ' C1', 'C1 ', 'C\u00a0', '\u3000C1', '', '   ', 42, 0, -1.5, NaN, Infinity, null, undefined, {}, true, 'x'.repeat(256), 'x'.repeat(257), '客户-9'],
	birthday: [
		'1990-07-15',
		'--07-15',
		' 1990-07-15 ',
		'1992-02-29',
		'1990-02-29',
		'--02-29',
		'--02-30',
		'1990-13-01',
		'1990-7-5',
		'07-15',
		'',
		' ',
		null,
		undefined,
		19900715,
		new Date('1990-07-15'),
	],
};

function seeded(seed: number) {
	let x = seed;
	return () => {
		x = (x * 1103515245 + 12345) % 2147483648;
		return x / 2147483648;
	};
}

describe.each([true, false])('with the birthday read: %s', (readBirthday) => {
	it('agrees with the zod schema on 10,000 random customers', () => {
		const random = seeded(readBirthday ? 2026 : 11);
		const schema = couponCustomerSchema(readBirthday);
		const fast = couponCustomerFastLane(readBirthday);
		let accepted = 0;
		for (let i = 0; i < 10_000; i++) {
			const record = Object.fromEntries(
				Object.entries(choices).map(([field, values]) => [field, values[Math.floor(random() * values.length)]]),
			);
			const actual = fast(record);
			if (actual === undefined) continue; // the schema's own path: its result is the result
			accepted++;
			const expected = schema.safeParse(record);
			expect({ record, success: expected.success }).toEqual({ record, success: true });
			if (expected.success) expect(actual).toEqual(expected.data);
		}
		// The lane takes the common case, not only the odd one.
		expect(accepted).toBeGreaterThan(500);
	});
});

it('reads the mapped columns, as the schema reads the record of mapped fields', () => {
	const fast = couponCustomerFastLane(true, { customerId: 'member.id', birthday: ' dob ' });
	expect(fast({ member: { id: 'M7' }, dob: '--03-08', customerId: 'ignored' })).toEqual({
		customerId: 'M7',
		birthday: { month: 3, day: 8 },
	});
	// Missing or unclean: the schema's path, which names the mapped field in its error.
	expect(fast({ customerId: 'C1' })).toBeUndefined();
	expect(fast({ member: { id: ' M7' } })).toBeUndefined();
	expect(fast({ member: { id: 'M7' }, dob: '1990-02-30' })).toBeUndefined();
});
