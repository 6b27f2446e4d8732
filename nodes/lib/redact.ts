/**
 * Secrets out of anything a node emits. A platform can echo what it was sent — an app secret
 * in a "sign mismatch" message, the access token in an error page, a proxy repeating the
 * request URL — in any place and any shape, so pattern rules (`token=…`) are not enough: the
 * credential's own secret values are cut out wherever they appear, in the forms a request
 * carries them (as typed, URL-encoded, JSON-escaped). Issue 14, item 7.
 *
 * Pure: no n8n. The one redaction helper of the pack: the shop connectors
 * (nodes/shared/shop/secrets.ts) and the chat bots (nodes/shared/chat/execute.ts) both use it.
 * A caller may add its own pattern pass for values it was not told about — the bots cut
 * anything shaped like their webhook URLs (nodes/lib/chat/signing.ts, redactWebhookSecrets).
 */

/** What a secret is replaced with. */
export const REDACTED = '***';

/**
 * Values shorter than this are not treated as secrets: every platform's keys, secrets and
 * tokens are 16+ characters (WeCom bot keys are 36-character UUIDs, DingTalk tokens 64 hex
 * digits), while cutting a short value (a shop id "1", a sign method "md5"
 * put into a secret field by mistake) would mangle ordinary words and numbers in every text.
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * The forms of each secret to look for, longest first (so a longer form is cut whole before
 * a shorter one inside it): the value, its URL encoding (query strings, form bodies; `+` for
 * a space as forms write it) and its JSON string escaping.
 */
export function secretForms(secrets: readonly unknown[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string') continue;
		const value = secret.trim();
		if (value.length < MIN_SECRET_LENGTH) continue;
		forms.add(value);
		forms.add(encodeURIComponent(value));
		forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
		forms.add(JSON.stringify(value).slice(1, -1));
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every form of every secret replaced by REDACTED. */
export function redactSecrets(text: string, secrets: readonly unknown[]): string {
	return secretRedactor(secrets).text(text);
}

/** A pattern pass run after the secret values are cut, e.g. for URL-shaped tokens. */
export type RedactPatterns = (text: string) => string;

/**
 * A copy of plain data (what JSON holds: strings, numbers, arrays, objects) with every string
 * redacted, keys included. Values that are not plain objects (dates, buffers) are kept as
 * they are; a value seen twice is copied once (no endless loop on a cycle).
 */
export function redactSecretsDeep<T>(value: T, secrets: readonly unknown[]): T {
	return secretRedactor(secrets).deep(value);
}

export interface SecretRedactor {
	text(text: string): string;
	deep<T>(value: T): T;
}

/**
 * Both redactions for one set of secrets, the forms worked out once: a node's output can be
 * 100,000 orders, each string looked at with one regular expression (longest form first, so
 * the alternation cuts a longer secret whole). `patterns`, when given, runs on every string
 * after the secret values are cut.
 */
export function secretRedactor(secrets: readonly unknown[], patterns?: RedactPatterns): SecretRedactor {
	const forms = secretForms(secrets);
	if (forms.length === 0 && !patterns) return { text: (text) => text, deep: (value) => value };
	const pattern = forms.length === 0 ? undefined : new RegExp(forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
	const cut = (input: string) => (!pattern || input.search(pattern) === -1 ? input : input.replace(pattern, REDACTED));
	const text = patterns ? (input: string) => patterns(cut(input)) : cut;
	return { text, deep: (value) => redactDeep(value, text) };
}

function redactDeep<T>(value: T, text: (input: string) => string): T {
	const seen = new Map<object, unknown>();
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return text(node);
		if (typeof node !== 'object' || node === null) return node;
		if (seen.has(node)) return seen.get(node);
		if (Array.isArray(node)) {
			const copy: unknown[] = [];
			seen.set(node, copy);
			for (const entry of node) copy.push(walk(entry));
			return copy;
		}
		const prototype = Object.getPrototypeOf(node) as unknown;
		if (prototype !== Object.prototype && prototype !== null) return node;
		const copy: Record<string, unknown> = {};
		seen.set(node, copy);
		for (const [key, entry] of Object.entries(node)) copy[text(key)] = walk(entry);
		return copy;
	};
	return walk(value) as T;
}

/** Whether `text` holds any form of any secret (tests and checks that must not leak). */
export function containsSecret(text: string, secrets: readonly unknown[]): boolean {
	return secretForms(secrets).some((form) => text.includes(form));
}
