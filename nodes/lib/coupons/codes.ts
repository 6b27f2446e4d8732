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
 * The secret never leaves this module's closures: it is not returned, logged or put in errors.
 */
import { createHmac } from 'node:crypto';

import { UserInputError } from '../errors';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const MIN_CODE_LENGTH = 6;
export const MAX_CODE_LENGTH = 32;
export const MIN_SECRET_LENGTH = 16;
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
 * 16 characters) and kept only in the returned closure.
 */
export function createCodeSigner(secret: string, options: CodeOptions): (input: CodeInput) => string {
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
	return ({ campaignId, customerId, period }) => {
		const message = JSON.stringify(['coupon-code/v1', campaignId, customerId, period]);
		let code = '';
		for (let block = 0; code.length < options.length; block++) {
			const bytes = createHmac('sha256', secret)
				.update(block === 0 ? message : `${message}#${block}`)
				.digest();
			for (const byte of bytes) {
				if (byte >= ACCEPT_BELOW) continue;
				code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
				if (code.length === options.length) break;
			}
		}
		return prefix + code;
	};
}
