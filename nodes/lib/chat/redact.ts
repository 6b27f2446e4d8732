/**
 * The one redaction helper of the bot nodes (pure): every text a bot node emits — error
 * messages and descriptions, output fields, hints — goes through it.
 *
 * Two passes, because either alone misses something (issue 14, item 7):
 * 1. the credential's secret values themselves (WeCom key, DingTalk access token and signing
 *    secret, Feishu hook id and secret), as they are and URL-encoded, wherever they appear: a
 *    platform may echo them back in prose, e.g. `errmsg: "token <key> is not valid"`;
 * 2. anything shaped like one of the bots' webhook URLs (`key=`, `access_token=`, `sign=`,
 *    `timestamp=`, `/hook/…`), for values the node was not told about (a transport error quoting
 *    a URL built from another credential, a signature).
 */
import { redactWebhookSecrets } from './signing';

/** What a secret is replaced with. */
export const REDACTED = '***';

/**
 * Shorter values are not searched for: replacing every "ab" in a message would make it
 * unreadable, and no platform issues secrets that short (WeCom keys are 36-character UUIDs,
 * DingTalk tokens 64 hex digits, Feishu hook ids UUIDs).
 */
export const MIN_SECRET_LENGTH = 6;

/** The secrets worth searching for, longest first (so a secret containing another is cut whole). */
export function secretsToRedact(secrets: readonly unknown[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string') continue;
		const value = secret.trim();
		if (value.length < MIN_SECRET_LENGTH) continue;
		forms.add(value);
		forms.add(encodeURIComponent(value));
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) redacted = redacted.split(secret).join(REDACTED);
	return redactWebhookSecrets(redacted);
}

/** Every string inside a JSON-like value (object keys included), redacted; other values unchanged. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return redactSecrets(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry: unknown) => redactDeep(entry, secrets)) as T;
	if (typeof value === 'object' && value !== null) {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[redactSecrets(key, secrets)] = redactDeep(entry, secrets);
		return copy as T;
	}
	return value;
}
