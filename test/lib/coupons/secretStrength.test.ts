/**
 * Weak code secrets and guessable code lengths (issue 14, item 8): what the node warns about
 * and what the credential test refuses. No message ever contains the secret.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	codeBits,
	codeLengthWarning,
	DEMO_CODE_SECRET,
	DEMO_CODE_SECRET_CREDENTIAL_ID,
	secretEntropyBits,
	secretWarnings,
	secretWeaknesses,
	testCodeSecretCredential,
} from '../../../nodes/lib/coupons';

describe('weak code secrets', () => {
	it.each([
		['aaaaaaaaaaaaaaaa', /repeats a block of 1 character/],
		['abcabcabcabcabcab', /repeats a block of 3 character/],
		['Summer2026!Summer2026!', /repeats a block of 11 character/],
		['abcdefghijklmnop', /run of consecutive characters/],
		['ponmlkjihgfedcba', /run of consecutive characters/],
		['aaaaaaaaaaaaaaab', /few different characters \(about 5 bits/],
		['tiny-secret', /has 11 characters; use at least 16/],
		[DEMO_CODE_SECRET, /public demo secret/],
	])('%s is weak', (secret, reason) => {
		const reasons = secretWeaknesses(secret);
		expect(reasons.join(' ')).toMatch(reason);
		const [warning] = secretWarnings(secret);
		expect(warning).toMatch(/at least 16 random characters/);
		expect(warning).toMatch(/至少 16 位随机字符/);
		expect(warning).not.toContain(secret);
	});

	it.each(['test-secret-7f3a9c1e5b2d8046aa', 'demo-secret-0123456789abcdef', 'another-secret-of-32-characters!', '9fK#2mQ!xR7v@Lp4'])(
		'%s is not',
		(secret) => {
			expect(secretWeaknesses(secret)).toEqual([]);
			expect(secretWarnings(secret)).toEqual([]);
		},
	);

	it('passes random secrets of 16 hexadecimal characters (the weakest a password manager gives)', () => {
		for (let i = 0; i < 2000; i++) {
			const secret = randomBytes(8).toString('hex');
			expect([secret, secretWeaknesses(secret)]).toEqual([secret, []]);
		}
	});

	it('estimates bits as length × the Shannon entropy of the character frequencies', () => {
		expect(secretEntropyBits('abcd')).toBe(8); // 4 × log2 4
		expect(secretEntropyBits('aabb')).toBe(4); // 4 × 1
		expect(secretEntropyBits('aaaa')).toBe(0);
		// 8 × H(3/4, 1/4) = 8 × 0.811278…
		expect(secretEntropyBits('aaabaaab')).toBeCloseTo(6.490224, 5);
	});
});

describe('the credential test', () => {
	const demoFile = JSON.parse(
		readFileSync(path.join(__dirname, '../../../workflows/credentials/demo-credentials.json'), 'utf8'),
	) as Array<{ id: string; type: string; data: { secret: string } }>;

	it('knows the demo credential the templates import', () => {
		expect(demoFile).toContainEqual(
			expect.objectContaining({ id: DEMO_CODE_SECRET_CREDENTIAL_ID, type: 'couponCodeSecretApi', data: { secret: DEMO_CODE_SECRET } }),
		);
	});

	it('lets the demo credential keep its public secret, with a reminder', () => {
		const result = testCodeSecretCredential({ id: DEMO_CODE_SECRET_CREDENTIAL_ID, secret: DEMO_CODE_SECRET });
		expect(result.ok).toBe(true);
		expect(result.message).toMatch(/public.*before issuing real coupons/);
		expect(result.message).not.toContain(DEMO_CODE_SECRET);
	});

	it('refuses the demo secret in any other credential, and weak secrets in the demo one', () => {
		expect(testCodeSecretCredential({ id: 'a1b2c3', secret: DEMO_CODE_SECRET })).toMatchObject({ ok: false, message: expect.stringMatching(/public demo secret/) });
		expect(testCodeSecretCredential({ secret: DEMO_CODE_SECRET }).ok).toBe(false);
		expect(testCodeSecretCredential({ id: DEMO_CODE_SECRET_CREDENTIAL_ID, secret: 'aaaaaaaaaaaaaaaa' }).ok).toBe(false);
	});

	it('refuses a weak secret and says why, without repeating it', () => {
		const result = testCodeSecretCredential({ id: 'x', secret: 'aaaaaaaaaaaaaaaa' });
		expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The coupon code secret repeats a block of 1 character/) });
		expect(result.message).not.toContain('aaaaaaaaaaaaaaaa');
	});

	it('accepts a random secret', () => {
		expect(testCodeSecretCredential({ id: 'x', secret: 'test-secret-7f3a9c1e5b2d8046aa' }).ok).toBe(true);
	});
});

describe('guessable code lengths', () => {
	it("states the bits: log2(31^length) (values from Python's math.log2)", () => {
		expect(codeBits(6)).toBeCloseTo(29.72518, 4);
		expect(codeBits(10)).toBeCloseTo(49.54196, 4);
	});

	it('warns below 10 characters with the code space and the odds of one guess', () => {
		// 31^6 = 887,503,681; with 100,000 codes out, one guess in 8,875 is a valid code.
		const warning = codeLengthWarning(6, 100_000);
		expect(warning).toMatch(/^Code length 6 gives 31\^6 ≈ 8\.9×10\^8 codes \(29\.7 bits\): with 100,000 coupons issued, one random guess in about 8,875 is a valid code\. Use 10 or more characters \(49\.5 bits\)\./);
		expect(warning).toMatch(/优惠码长度 6/);
		// 31^9 = 26,439,622,160,671.
		expect(codeLengthWarning(9, 1)).toMatch(/31\^9 ≈ 2\.6×10\^13 codes \(44\.6 bits\): with 1 coupons issued, one random guess in about 26,439,622,160,671/);
		expect(codeLengthWarning(8, 0)).toMatch(/^Code length 8 gives 31\^8 ≈ 8\.5×10\^11 codes \(39\.6 bits\)\. Use 10/);
	});

	it('says nothing from 10 characters on', () => {
		expect(codeLengthWarning(10, 1_000_000)).toBeUndefined();
		expect(codeLengthWarning(32, 1_000_000)).toBeUndefined();
	});
});
