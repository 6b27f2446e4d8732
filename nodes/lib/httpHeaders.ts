/**
 * Reading HTTP headers as n8n hands them over (a plain object, names in whatever case the
 * server or the caller wrote, a repeated header as a list), for the shop connectors and the
 * chat bots alike (pure: no n8n).
 */

/**
 * A header's value by name, case-insensitively (field names are case-insensitive, RFC 9110
 * §5.1); the first one of a repeated header. Undefined when absent.
 */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
	const value = key === undefined ? undefined : headers[key];
	if (value === undefined || value === null) return undefined;
	return Array.isArray(value) ? String(value[0]) : String(value);
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds, or an HTTP-date counted from
 * `now` (RFC 9110 §10.2.3, https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3). Undefined
 * when absent or unreadable; 0 for a date already past.
 */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now: number): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after')?.trim();
	if (!retryAfter) return undefined;
	if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
	// Every HTTP-date form begins with the day's name; Date.parse alone would take "-5" for a year.
	if (!/^[A-Za-z]/.test(retryAfter)) return undefined;
	const at = Date.parse(retryAfter);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Where a redirect's `Location` points, as much as is safe to show: the origin of an absolute
 * address (never its path or query, which can carry a token), `'relative'` for an address on
 * the same host, undefined when the response names none.
 */
export function redirectOrigin(headers: Record<string, unknown> | undefined): string | 'relative' | undefined {
	const location = headerValue(headers, 'location')?.trim();
	if (!location) return undefined;
	if (!URL.canParse(location)) return 'relative';
	const { origin } = new URL(location);
	// A scheme without a host (mailto:, data:) has the origin "null".
	return origin === 'null' ? undefined : origin;
}
