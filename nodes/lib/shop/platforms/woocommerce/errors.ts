/**
 * WooCommerce's error answers: `{"code": "…", "message": "…", "data": {"status": 401}}`, the
 * WordPress REST shape (WooCommerce REST API docs "Errors",
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#errors). Status meanings from the
 * same table: 400 bad request, 401 authentication or permission error (wrong keys), 403 the key
 * lacks the permission, 404 not found (`rest_no_route`: no such endpoint), 413 a batch over
 * 100 items, 500 server error. The wc/v3 API has no rate limit of its own; hosts, WAFs and
 * security plugins answer 429 or 503, sometimes with an HTML page (treated as retryable).
 */
export interface WooError {
	code: string;
	message: string;
}

export function wooErrorOf(body: unknown, statusCode: number): WooError {
	if (body !== null && typeof body === 'object') {
		const { code, message } = body as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && code !== '') {
			return { code, message: typeof message === 'string' && message !== '' ? stripTags(message) : `HTTP ${statusCode}` };
		}
	}
	return { code: `HTTP ${statusCode}`, message: typeof body === 'string' && body.trim().startsWith('<') ? 'the site answered with a web page, not the REST API' : `HTTP ${statusCode}` };
}

/** WordPress messages can carry HTML (links, <strong>). */
function stripTags(text: string): string {
	return text.replace(/<[^>]*>/g, '').trim();
}

/** What the user can do about an error, in words. */
export function hintFor(statusCode: number, code: string, message: string): string | undefined {
	if (statusCode === 401 && /consumer key is missing/i.test(message)) {
		return 'The server dropped the Authorization header. In the credential, set "Send Keys In" to Query String (the fallback WooCommerce documents for such servers).';
	}
	if (statusCode === 401) return 'Check the consumer key and secret in the credential (WooCommerce → Settings → Advanced → REST API) and that the site URL is the shop\'s, with https://.';
	if (statusCode === 403) return 'The key lacks the permission: give it Read/Write in WooCommerce → Settings → Advanced → REST API (orders and stock need Read; stock writes and coupons need Write).';
	if (code === 'rest_no_route' || statusCode === 404) {
		return 'No WooCommerce REST API at this address: check the site URL in the credential, that WooCommerce is active, and that Settings → Permalinks is not "Plain".';
	}
	if (code.startsWith('HTTP')) return 'The site did not answer like the WooCommerce REST API; check the site URL, and any security plugin or firewall in front of it.';
	return undefined;
}
