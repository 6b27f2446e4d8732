/**
 * Whether a coupon code secret, or a code length, is weak enough to let someone guess codes
 * (issue 14, item 8). Pure: the node puts the warnings in its summary, the credential test
 * refuses a weak secret. Texts never contain the secret.
 *
 * What the secret check can see is its shape, not where it came from: too short, the public
 * demo secret, one block repeated ("aaaa…", "abcabc…"), a run of consecutive characters
 * ("0123…", "abcd…"), or few different characters. For the last, the estimate is the
 * empirical Shannon entropy of its characters times its length, H = −n·Σ p_c·log2 p_c
 * (Shannon 1948): 16 random hexadecimal characters gave at least 32.1 bits in 200,000 draws
 * (median 51), 16 random digits at least 26.0 (median 46); below 28 bits is flagged. A
 * dictionary word with digits ("password12345678") passes: no list of common passwords is
 * shipped, so the credential's description asks for a password manager's random secret.
 */
export const MIN_SECRET_LENGTH = 16;
/** Below this estimate (bits, see above) a secret is called weak. */
export const MIN_SECRET_ENTROPY_BITS = 28;

/**
 * The public demo secret (workflows/credentials/demo-credentials.json): published in this
 * repository, so anyone can compute the codes it signs. Written here to be recognised and
 * refused, not used (hence the lint exception).
 */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the published demo value, kept to refuse it
export const DEMO_CODE_SECRET = 'demo-only-public-secret-replace-me-0000';
/** The id the demo credential is imported with; only that credential may keep the demo secret. */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a credential id, not a secret
export const DEMO_CODE_SECRET_CREDENTIAL_ID = 'CouponDemoSecret01';

const HOW_TO_FIX =
	'Set a secret of at least 16 random characters from a password manager in the Coupon Code Secret credential. 请在 Coupon Code Secret 凭证中设置至少 16 位随机字符的密钥（可用密码管理器生成）。';

/** Empirical Shannon entropy of the characters, times the length, in bits. */
export function secretEntropyBits(secret: string): number {
	const chars = [...secret];
	const counts = new Map<string, number>();
	for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
	let bits = 0;
	for (const n of counts.values()) bits -= n * Math.log2(n / chars.length);
	return bits;
}

/** The shortest block the whole secret repeats (with a partial tail), or its length when none. */
function repeatedBlock(chars: string[]): number {
	for (let block = 1; block <= chars.length / 2; block++) {
		if (chars.every((c, i) => c === chars[i % block])) return block;
	}
	return chars.length;
}

/** Every character one code point above (or every one below) the one before it. */
function isConsecutiveRun(chars: string[]): boolean {
	if (chars.length < 2) return false;
	const step = (i: number) => (chars[i].codePointAt(0) as number) - (chars[i - 1].codePointAt(0) as number);
	const first = step(1);
	return (first === 1 || first === -1) && chars.every((_, i) => i === 0 || step(i) === first);
}

/**
 * What is weak about a code secret, one sentence each (English, then 简体中文); empty when
 * nothing is.
 */
export function secretWeaknesses(secret: string): string[] {
	const chars = [...secret];
	const reasons: string[] = [];
	if (secret === DEMO_CODE_SECRET) {
		reasons.push(
			'The coupon code secret is the public demo secret, published in the pack\'s repository: anyone can compute its codes. 优惠码密钥是公开的演示密钥，任何人都能算出优惠码。',
		);
		return reasons;
	}
	if (chars.length < MIN_SECRET_LENGTH) {
		reasons.push(
			`The coupon code secret has ${chars.length} characters; use at least ${MIN_SECRET_LENGTH}. 优惠码密钥只有 ${chars.length} 位，至少需要 ${MIN_SECRET_LENGTH} 位。`,
		);
	}
	const block = repeatedBlock(chars);
	if (chars.length > 0 && block < chars.length) {
		reasons.push(
			`The coupon code secret repeats a block of ${block} character(s). 优惠码密钥由 ${block} 个字符重复组成。`,
		);
	} else if (isConsecutiveRun(chars)) {
		reasons.push('The coupon code secret is a run of consecutive characters (like 0123… or abcd…). 优惠码密钥是连续字符（如 0123… 或 abcd…）。');
	} else if (chars.length > 0 && secretEntropyBits(secret) < MIN_SECRET_ENTROPY_BITS) {
		reasons.push(
			`The coupon code secret uses few different characters (about ${Math.floor(secretEntropyBits(secret))} bits by character frequency; 16 random characters give about 50). 优惠码密钥的字符种类太少（按字符频率约 ${Math.floor(secretEntropyBits(secret))} 位熵；16 位随机字符约 50 位）。`,
		);
	}
	return reasons;
}

/** The warnings a run with this secret carries: its weaknesses and what to do. */
export function secretWarnings(secret: string): string[] {
	const reasons = secretWeaknesses(secret);
	return reasons.length === 0 ? [] : [`${reasons.join(' ')} ${HOW_TO_FIX}`];
}

export interface SecretTestResult {
	ok: boolean;
	/** Never contains the secret. */
	message: string;
}

/**
 * The credential test: a weak secret is refused, except the public demo secret in the demo
 * credential itself (id DEMO_CODE_SECRET_CREDENTIAL_ID), which passes with a reminder so the
 * templates keep running; the same secret pasted into any other credential is refused.
 */
export function testCodeSecretCredential(credential: { id?: string; secret: string }): SecretTestResult {
	if (credential.secret === DEMO_CODE_SECRET && credential.id === DEMO_CODE_SECRET_CREDENTIAL_ID) {
		return {
			ok: true,
			message:
				'Demo credential: its secret is public, fine for trying the templates; create your own before issuing real coupons. 演示凭证：密钥公开，仅供试用模板；发真实优惠券前请新建自己的密钥。',
		};
	}
	const reasons = secretWeaknesses(credential.secret);
	if (reasons.length > 0) return { ok: false, message: `${reasons.join(' ')} ${HOW_TO_FIX}` };
	return { ok: true, message: 'The secret is long and varied enough to sign coupon codes. 密钥可用于签发优惠码。' };
}
