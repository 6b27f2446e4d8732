/**
 * Coupon codes that are deterministic and idempotent: the same campaign id, customer and
 * period always give the same code, so a re-run or a retry of the workflow can only ever
 * re-send the coupon already issued (platforms reject a second coupon with an existing
 * code), never issue a second, different one. Nobody without the secret can compute or
 * guess a valid code.
 *
 * code = prefix + characters drawn from HMAC-SHA256(key = secret, message), where
 *   message = JSON of ["coupon-code/v1", campaignId, customerId, period]
 * (JSON quoting keeps the parts apart: "a|b" + "c" and "a" + "b|c" differ). HMAC is RFC 2104
 * with SHA-256 (FIPS 180-4), the construction RFC 4226 (HOTP) uses for the same purpose.
 *
 * Alphabet: 31 characters with no look-alikes (no 0/O, 1/I/L), as in Crockford's Base32.
 * Bytes ≥ 248 (= 8 · 31) are skipped so every character is equally likely; when a block of
 * 32 bytes runs out, the next block is HMAC over the message plus a block counter.
 *
 * Two customers can draw the same code: with n codes among 31^length the expected number of
 * colliding pairs is n(n−1)/(2·31^length) (the birthday problem), about 5.6 for 100k codes of
 * length 6 and 6·10⁻⁶ for length 10. The
 * campaign then re-signs one of them with an attempt number as a fifth part of the message,
 * ["coupon-code/v1", campaignId, customerId, period, attempt] (campaign.ts says which one),
 * so codes stay unique and the same customers still always get the same codes.
 *
 * The secret never leaves this module's closures: it is not returned, logged or put in errors.
 */
import { createHmac, createSecretKey } from 'node:crypto';

import { UserInputError } from '../errors';
import { MIN_SECRET_LENGTH, secretWarnings } from './secretStrength';

export {
	DEMO_CODE_SECRET,
	DEMO_CODE_SECRET_CREDENTIAL_ID,
	MIN_SECRET_ENTROPY_BITS,
	MIN_SECRET_LENGTH,
	secretEntropyBits,
	secretWarnings,
	secretWeaknesses,
	testCodeSecretCredential,
	type SecretTestResult,
} from './secretStrength';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const MIN_CODE_LENGTH = 6;
export const MAX_CODE_LENGTH = 32;
/** The node description's default; below it the campaign warns with the figures (codeLengthWarning). */
export const RECOMMENDED_CODE_LENGTH = 10;
const PREFIX_PATTERN = /^[A-Za-z0-9_-]{0,20}$/;
const ACCEPT_BELOW = 256 - (256 % CODE_ALPHABET.length);

export interface CodeOptions {
	/** Put before the random part, e.g. "VIP-" (letters, digits, _ and -, up to 20). */
	prefix: string;
	/** Characters after the prefix, 6–32. */
	length: number;
}

export interface CodeInput {
	campaignId: string;
	customerId: string;
	/** e.g. "2026-07" for a monthly campaign (see periodKey). */
	period: string;
	/** 1, 2, … to re-sign after a collision; absent or 0 for the customer's first code. */
	attempt?: number;
}

/** Signs codes; also says what is weak about the secret, and how many codes there are. */
export interface CodeSigner {
	(input: CodeInput): string;
	/** What is weak about the secret and what to do (English, then 简体中文); empty when nothing. */
	readonly secretWarnings: readonly string[];
	/** The characters after the prefix. */
	readonly codeLength: number;
}

/** The secret errors' advice; their messages never contain the secret. */
const SECRET_HINT = 'Open the Coupon Code Secret credential of this node and set a secret of at least 16 random characters.';

export function validateCodeOptions(options: CodeOptions): void {
	if (!PREFIX_PATTERN.test(options.prefix)) {
		throw new UserInputError(
			`Code prefix "${options.prefix}" may hold only letters, digits, _ and -, up to 20 characters`,
		);
	}
	if (!Number.isInteger(options.length) || options.length < MIN_CODE_LENGTH || options.length > MAX_CODE_LENGTH) {
		throw new UserInputError(
			`Code length must be a whole number from ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH}; got ${options.length}`,
		);
	}
}

/**
 * Returns the function that signs codes with `secret`. The secret is checked here (at least
 * 16 characters; weaker shapes give warnings, secretStrength.ts) and kept only in the
 * returned closure.
 */
export function createCodeSigner(secret: string, options: CodeOptions): CodeSigner {
	if (typeof secret !== 'string' || secret.length === 0) {
		throw new UserInputError('The coupon code secret is empty: set it in the Coupon Code Secret credential', { hint: SECRET_HINT });
	}
	if (secret.length < MIN_SECRET_LENGTH) {
		throw new UserInputError(
			`The coupon code secret is too short (${secret.length} characters); use at least ${MIN_SECRET_LENGTH} random characters`,
			{ hint: SECRET_HINT },
		);
	}
	validateCodeOptions(options);
	const prefix = options.prefix.toUpperCase();
	// The key made once (the secret's UTF-8 bytes, as createHmac reads a text key): a text key
	// was converted again for each of 100k codes.
	const key = createSecretKey(Buffer.from(secret, 'utf8'));
	const sign = ({ campaignId, customerId, period, attempt }: CodeInput) => {
		const parts: unknown[] = ['coupon-code/v1', campaignId, customerId, period];
		if (attempt) parts.push(attempt);
		const message = JSON.stringify(parts);
		let code = '';
		for (let block = 0; code.length < options.length; block++) {
			const bytes = createHmac('sha256', key)
				.update(block === 0 ? message : `${message}#${block}`)
				.digest();
			for (let i = 0; i < bytes.length; i++) {
				const byte = bytes[i];
				if (byte >= ACCEPT_BELOW) continue;
				code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
				if (code.length === options.length) break;
			}
		}
		return prefix + code;
	};
	return Object.assign(sign, { secretWarnings: secretWarnings(secret), codeLength: options.length });
}

/** Bits a code of `length` characters carries: log2(31^length). */
export function codeBits(length: number): number {
	return length * Math.log2(CODE_ALPHABET.length);
}

const scientific = (n: number) => {
	const exponent = Math.floor(Math.log10(n));
	return `${(n / 10 ** exponent).toFixed(1)}×10^${exponent}`;
};

/**
 * Below RECOMMENDED_CODE_LENGTH: the figures of how guessable the codes are. With `issued`
 * valid codes among 31^length, one random guess hits a valid code with probability
 * issued / 31^length.
 */
export function codeLengthWarning(length: number, issued: number): string | undefined {
	if (length >= RECOMMENDED_CODE_LENGTH) return undefined;
	const space = CODE_ALPHABET.length ** length;
	const bits = codeBits(length).toFixed(1);
	const odds = issued > 0 ? Math.round(space / issued).toLocaleString('en') : undefined;
	const recommendedBits = codeBits(RECOMMENDED_CODE_LENGTH).toFixed(1);
	const en =
		`Code length ${length} gives 31^${length} ≈ ${scientific(space)} codes (${bits} bits)` +
		(odds ? `: with ${issued.toLocaleString('en')} coupons issued, one random guess in about ${odds} is a valid code.` : '.') +
		` Use ${RECOMMENDED_CODE_LENGTH} or more characters (${recommendedBits} bits).`;
	const zh =
		`优惠码长度 ${length} 只有 31^${length} ≈ ${scientific(space)} 种（${bits} 位）` +
		(odds ? `：已发 ${issued.toLocaleString('en')} 张，随机猜约 ${odds} 次即可猜中一张。` : '。') +
		`建议长度 ≥ ${RECOMMENDED_CODE_LENGTH}（${recommendedBits} 位）。`;
	return `${en} ${zh}`;
}

/** How many re-signings a colliding customer gets before the code space is called too small. */
export const MAX_CODE_ATTEMPTS = 1000;

export interface AssignedCodes {
	/** Customer id → code. */
	codes: Map<string, string>;
	/** The codes in the order of the customer ids given: read by position, no lookup by id. */
	inOrder: string[];
	/** Customers whose first code another customer already had, in the order they were re-signed. */
	resigned: string[];
}

/**
 * One code per customer, all different, the same for the same customers whatever their order.
 * Every customer first gets their own code (attempt 0); where several drew the same one, the
 * smallest customer id (by UTF-16 code units, not locale) keeps it, and the others, smallest
 * id first, are re-signed with attempt 1, 2, … until their code is one nobody holds. Only
 * customers who collided ever get a re-signed code.
 */
export function assignUniqueCodes(customerIds: readonly string[], sign: (customerId: string, attempt: number) => string): AssignedCodes {
	const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	// First codes by position, not in a map by id: at a million customers every map of
	// a million texts costs a second in hashing and cache misses (docs/scale.md).
	const inOrder = customerIds.map((id) => sign(id, 0));
	const holder = new Map<string, string>();
	customerIds.forEach((id, i) => {
		const other = holder.get(inOrder[i]);
		if (other === undefined || byId(id, other) < 0) holder.set(inOrder[i], id);
	});
	const resigned: string[] = [];
	const resignedAt: number[] = [];
	customerIds.forEach((id, i) => {
		if (holder.get(inOrder[i]) !== id) {
			resigned.push(id);
			resignedAt.push(i);
		}
	});
	const order = resigned.map((_, k) => k).sort((a, b) => byId(resigned[a], resigned[b]));
	const resignedCode = new Map<string, string>();
	// The codes taken are the holders' codes and the re-signed ones: `holder` grows into that set.
	for (const k of order) {
		const id = resigned[k];
		let attempt = 1;
		let code = sign(id, attempt);
		while (holder.has(code)) {
			if (++attempt > MAX_CODE_ATTEMPTS) {
				throw new UserInputError(
					`Customer "${id}" drew a code another customer holds ${MAX_CODE_ATTEMPTS} times: the code space is too small; use a longer code length`,
					{ field: 'codeLength', expected: `${RECOMMENDED_CODE_LENGTH} or more characters` },
				);
			}
			code = sign(id, attempt);
		}
		holder.set(code, id);
		resignedCode.set(id, code);
	}
	for (const i of resignedAt) inOrder[i] = resignedCode.get(customerIds[i]) as string;
	const codes = new Map<string, string>();
	customerIds.forEach((id, i) => codes.set(id, inOrder[i]));
	return { codes, inOrder, resigned: order.map((k) => resigned[k]) };
}
