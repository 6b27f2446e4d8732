/**
 * Coupon codes: the same campaign + customer + period always gives the same code; anything
 * else gives another; codes agree character for character with an independent Python
 * implementation (test/reference/coupons/codes.py, Python's hmac/hashlib).
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	assignUniqueCodes,
	CODE_ALPHABET,
	createCodeSigner,
	MAX_CODE_ATTEMPTS,
} from '../../../nodes/lib/coupons';
import { UserInputError } from '../../../nodes/lib/errors';

const SECRET = 'demo-secret-0123456789abcdef';
const reference = JSON.parse(
	readFileSync(path.join(__dirname, '../../reference/coupons/codes.json'), 'utf8'),
) as Array<{ secret: string; campaignId: string; customerId: string; period: string; prefix: string; length: number; attempt?: number; code: string }>;

describe('coupon codes', () => {
	it('uses HMAC-SHA256 as RFC 4231 specifies (test case 2)', () => {
		// The primitive the codes are drawn from, checked against the RFC's published value.
		const mac = createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex');
		expect(mac).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
	});

	it.each(reference)('matches the Python reference: $campaignId / $customerId / $period (attempt $attempt)', (row) => {
		const sign = createCodeSigner(row.secret, { prefix: row.prefix, length: row.length });
		expect(sign(row)).toBe(row.code);
	});

	it('is deterministic: a re-run signs the same code', () => {
		const input = { campaignId: '2026-07-winback', customerId: 'C00001', period: '2026-07' };
		const first = createCodeSigner(SECRET, { prefix: 'CO-', length: 10 })(input);
		const second = createCodeSigner(SECRET, { prefix: 'CO-', length: 10 })({ ...input });
		expect(second).toBe(first);
	});

	it('changes with the campaign, the customer, the period and the secret', () => {
		const sign = createCodeSigner(SECRET, { prefix: '', length: 12 });
		const base = { campaignId: 'c', customerId: 'u', period: '2026-07' };
		const codes = new Set([
			sign(base),
			sign({ ...base, campaignId: 'c2' }),
			sign({ ...base, customerId: 'u2' }),
			sign({ ...base, period: '2026-08' }),
			createCodeSigner(`${SECRET}!`, { prefix: '', length: 12 })(base),
		]);
		expect(codes.size).toBe(5);
	});

	it('keeps the parts apart: "a|b" + "c" and "a" + "b|c" give different codes', () => {
		const sign = createCodeSigner(SECRET, { prefix: '', length: 16 });
		expect(sign({ campaignId: 'a|b', customerId: 'c', period: 'all' })).not.toBe(
			sign({ campaignId: 'a', customerId: 'b|c', period: 'all' }),
		);
	});

	it('uses no look-alike characters (0/O, 1/I/L) and honours prefix and length', () => {
		expect(CODE_ALPHABET).toHaveLength(31);
		expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
		const sign = createCodeSigner(SECRET, { prefix: 'vip-', length: 32 });
		for (let i = 0; i < 500; i++) {
			const code = sign({ campaignId: 'c', customerId: `C${i}`, period: 'all' });
			expect(code).toMatch(/^VIP-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{32}$/);
		}
	});

	it('draws every character about equally often (no modulo bias)', () => {
		const sign = createCodeSigner(SECRET, { prefix: '', length: 31 });
		const counts = new Map<string, number>();
		const n = 2000;
		for (let i = 0; i < n; i++) {
			for (const ch of sign({ campaignId: 'bias', customerId: String(i), period: 'all' })) {
				counts.set(ch, (counts.get(ch) ?? 0) + 1);
			}
		}
		// 62,000 draws over 31 characters: 2000 each expected, σ ≈ 44; a bias of 1/31 would be ±65.
		const expected = n;
		let chiSquare = 0;
		for (const ch of CODE_ALPHABET) chiSquare += ((counts.get(ch) ?? 0) - expected) ** 2 / expected;
		// 30 degrees of freedom: the 99.9th percentile of χ² is 59.7.
		expect(chiSquare).toBeLessThan(59.7);
	});

	it('refuses an empty or short secret without ever repeating it', () => {
		expect(() => createCodeSigner('', { prefix: '', length: 8 })).toThrow(UserInputError);
		const short = 'sh0rt-s3cret';
		let message = '';
		try {
			createCodeSigner(short, { prefix: '', length: 8 });
		} catch (error) {
			expect(error).toBeInstanceOf(UserInputError);
			message = (error as Error).message;
		}
		expect(message).toMatch(/too short \(12 characters\)/);
		expect(message).not.toContain(short);
	});

	it('refuses a prefix with other characters and lengths outside 6–32', () => {
		expect(() => createCodeSigner(SECRET, { prefix: 'VIP 1', length: 8 })).toThrow(UserInputError);
		expect(() => createCodeSigner(SECRET, { prefix: 'A'.repeat(21), length: 8 })).toThrow(UserInputError);
		expect(() => createCodeSigner(SECRET, { prefix: '', length: 5 })).toThrow(/from 6 to 32/);
		expect(() => createCodeSigner(SECRET, { prefix: '', length: 33 })).toThrow(/from 6 to 32/);
	});

	it('carries what is weak about its secret and its length, never the secret', () => {
		const weak = createCodeSigner('x'.repeat(64), { prefix: '', length: 8 });
		expect(weak.secretWarnings).toEqual([expect.stringMatching(/repeats a block of 1 character/)]);
		expect(weak.codeLength).toBe(8);
		expect(createCodeSigner(SECRET, { prefix: '', length: 10 }).secretWarnings).toEqual([]);
	});
});

describe('unique codes when customers collide', () => {
	/** A code space of a handful of codes, laid out by hand: A, B and D all draw X first. */
	const table: Record<string, string> = {
		'A#0': 'X',
		'B#0': 'X',
		'C#0': 'Y',
		'D#0': 'X',
		'B#1': 'Y', // C holds Y: try again
		'B#2': 'Z',
		'D#1': 'Z', // B took Z: try again
		'D#2': 'W',
	};
	const tiny = (id: string, attempt: number) => table[`${id}#${attempt}`] ?? `${id}${attempt}`;

	it('the smallest id keeps a shared code; the others are re-signed, smallest id first, skipping codes held', () => {
		const { codes, resigned } = assignUniqueCodes(['B', 'A', 'D', 'C'], tiny);
		expect(Object.fromEntries(codes)).toEqual({ A: 'X', B: 'Z', C: 'Y', D: 'W' });
		expect(resigned).toEqual(['B', 'D']);
	});

	it('gives the same codes whatever the input order', () => {
		const orders = [['A', 'B', 'C', 'D'], ['D', 'C', 'B', 'A'], ['C', 'A', 'D', 'B']];
		const results = orders.map((ids) => Object.fromEntries(assignUniqueCodes(ids, tiny).codes));
		expect(results[1]).toEqual(results[0]);
		expect(results[2]).toEqual(results[0]);
	});

	it('leaves customers without a collision on their first code', () => {
		const { codes, resigned } = assignUniqueCodes(['P', 'Q'], (id, attempt) => `${id}${attempt}`);
		expect(Object.fromEntries(codes)).toEqual({ P: 'P0', Q: 'Q0' });
		expect(resigned).toEqual([]);
	});

	it('stops with the field to change when the code space is too small', () => {
		const single = () => 'ONLY';
		expect(() => assignUniqueCodes(['A', 'B'], single)).toThrow(UserInputError);
		expect(() => assignUniqueCodes(['A', 'B'], single)).toThrow(`Customer "B" drew a code another customer holds ${MAX_CODE_ATTEMPTS} times`);
	});
});
