/**
 * Taobao / Tmall open platform (TOP, 淘宝开放平台) request signing.
 *
 * Recipe (official TOP Java SDK `com.taobao.api.internal.util.TaobaoUtils.signTopRequest`,
 * read in opendingtalk/alibaba-dingtalk-service-sdk@d6863f9 `src/main/java/com/taobao/api/
 * internal/util/TaobaoUtils.java`; bububa/opentaobao `core/client.go` sign() agrees on md5/hmac):
 *   s    = k1 + v1 + k2 + v2 … over every parameter except `sign` (system and business
 *          parameters alike), keys sorted in Java String order (UTF-16 code units, which is
 *          JavaScript's default sort), skipping a pair whose key or value is blank (null, "" or
 *          only whitespace: the SDK's StringUtils.isEmpty uses Character.isWhitespace);
 *   md5         → UPPER(hex(MD5(secret + s + secret)))
 *   hmac        → UPPER(hex(HMAC-MD5(key = secret, s)))
 *   hmac-sha256 → UPPER(hex(HMAC-SHA256(key = secret, s)))   (the Java SDK's default)
 * Checked against vectors T1–T5 made by running the Java SDK (test/reference/shop/taobao_vectors.json).
 * Blank values are also left out of what is sent, so the platform sees exactly what was signed.
 *
 * Timestamp: `yyyy-MM-dd HH:mm:ss` in GMT+8 (the SDK's Constants.DATE_TIME_FORMAT and
 * DATE_TIMEZONE = "GMT+8"); the platform refuses a timestamp too far off (error 31 Invalid
 * Timestamp; ±10 minutes per the facts — Unconfirmed from a platform page).
 */
import { createHash, createHmac } from 'node:crypto';

export type TopSignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export const TOP_SIGN_METHODS: readonly TopSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

/** Beijing time has no daylight saving: GMT+8 all year. */
const GMT8_MS = 8 * 3_600_000;

/**
 * Java's Character.isWhitespace, which the SDK's StringUtils.isEmpty applies to every
 * character: U+0009–U+000D, U+001C–U+001F, and the Unicode space, line and paragraph
 * separators except the no-break spaces U+00A0, U+2007, U+202F.
 */
function isJavaWhitespace(code: number): boolean {
	return (
		(code >= 0x09 && code <= 0x0d) ||
		(code >= 0x1c && code <= 0x20) ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x2006) ||
		(code >= 0x2008 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x205f ||
		code === 0x3000
	);
}

/** What the SDK's StringUtils.isEmpty calls empty: null/undefined, "", or whitespace only. */
export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	const text = String(value);
	for (let i = 0; i < text.length; i++) if (!isJavaWhitespace(text.charCodeAt(i))) return false;
	return true;
}

/** The parameters as TOP receives them: text values, blank ones left out. */
export function topParams(params: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (key === 'sign' || isBlank(key) || isBlank(value)) continue;
		out[key] = typeof value === 'string' ? value : String(value);
	}
	return out;
}

/** k1v1k2v2… over the non-blank parameters except `sign`, keys in Java String order. */
export function topSignString(params: Record<string, unknown>): string {
	const clean = topParams(params);
	return Object.keys(clean)
		.sort()
		.map((key) => key + clean[key])
		.join('');
}

export function topSign(params: Record<string, unknown>, secret: string, signMethod: TopSignMethod): string {
	const text = topSignString(params);
	let digest: Buffer;
	if (signMethod === 'hmac') digest = createHmac('md5', secret).update(text, 'utf8').digest();
	else if (signMethod === 'hmac-sha256') digest = createHmac('sha256', secret).update(text, 'utf8').digest();
	else digest = createHash('md5').update(secret + text + secret, 'utf8').digest();
	return digest.toString('hex').toUpperCase();
}

/** Epoch ms → `2023-11-15 06:13:20` (GMT+8), the form of `timestamp` and of every TOP time field. */
export function topTime(epochMs: number): string {
	return new Date(epochMs + GMT8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2023-11-15 06:13:20` (GMT+8) → epoch ms; NaN for anything else. */
export function parseTopTime(text: unknown): number {
	if (typeof text !== 'string') return NaN;
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
	if (!m) return NaN;
	const [, y, mo, d, h, mi, s] = m.map(Number);
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return NaN;
	return Date.UTC(y, mo - 1, d, h, mi, s) - GMT8_MS;
}
