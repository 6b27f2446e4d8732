/**
 * Where a Shopify store's Admin API lives, and Shopify's global ids.
 * Endpoint: POST https://{shop}.myshopify.com/admin/api/{version}/graphql.json
 * (https://shopify.dev/docs/api/admin-graphql, "Endpoints").
 */

/**
 * API versions the pack is written for. 2026-04 makes `@idempotent` and `changeFromQuantity`
 * mandatory on inventory writes; the pack sends both, which 2026-01 accepts too
 * (https://shopify.dev/changelog/compare-and-swap-redesign-for-inventory-set-quantities,
 * https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations).
 * 2025-10 and older lack `changeFromQuantity`, so they are not offered.
 */
export const SHOPIFY_API_VERSIONS = ['2026-04', '2026-01'] as const;
export type ShopifyApiVersion = (typeof SHOPIFY_API_VERSIONS)[number];
export const DEFAULT_SHOPIFY_API_VERSION: ShopifyApiVersion = '2026-04';

/**
 * The store's base URL from what a user types: `my-shop`, `my-shop.myshopify.com`,
 * `https://my-shop.myshopify.com/admin` all give `https://my-shop.myshopify.com`. Any other
 * host with a scheme (a proxy, a test server) is kept as typed, without a trailing slash.
 */
export function shopBaseUrl(typed: string): string {
	const text = typed.trim().replace(/\/+$/, '');
	if (text === '') return '';
	if (/^https?:\/\//i.test(text)) {
		const url = new URL(text);
		if (url.hostname.endsWith('.myshopify.com')) return `https://${url.hostname}`;
		return text;
	}
	const host = text.split('/')[0].toLowerCase();
	return `https://${host.includes('.') ? host : `${host}.myshopify.com`}`;
}

/** The GraphQL endpoint below a store's base URL. */
export function graphqlPath(version: string): string {
	return `/admin/api/${version}/graphql.json`;
}

/** `gid://shopify/Order/123` → `123`; a plain id stays as it is. */
export function legacyIdOf(gid: string): string {
	const slash = gid.lastIndexOf('/');
	return gid.startsWith('gid://') && slash >= 0 ? gid.slice(slash + 1) : gid;
}

/**
 * A customer id as Shopify takes it (`gid://shopify/Customer/123`) from the id orders carry
 * (`123`, as this pack writes customerId) or a gid; undefined when the text is neither, e.g. a
 * CRM id or `guest:…`.
 */
export function customerGidOf(id: string): string | undefined {
	const text = id.trim();
	if (/^gid:\/\/shopify\/Customer\/\d+$/.test(text)) return text;
	if (/^\d+$/.test(text)) return `gid://shopify/Customer/${text}`;
	return undefined;
}
