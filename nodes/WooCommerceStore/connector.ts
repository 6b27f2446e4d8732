/**
 * WooCommerce (REST API v3, `/wp-json/wc/v3`) on the shared connector core. Platform facts,
 * each cited where it is used in nodes/lib/shop/platforms/woocommerce:
 * - answers are plain HTTP: 2xx with the JSON resource, errors as {code, message, data.status};
 *   lists carry X-WP-Total / X-WP-TotalPages (docs "Pagination", "Errors");
 * - orders by modification time, 100 a page, pages from 1 (query.ts);
 * - stock per product or variation, absolute writes, no idempotency key (stock.ts);
 * - coupons created in batches of ≤ 100 with per-item errors, a duplicate code refused as
 *   woocommerce_rest_coupon_code_already_exists (coupons.ts).
 * Unconfirmed, chosen defensively: no rate limit in wc/v3 itself (hosts and firewalls send
 * 429/503, retried; 10 requests/s here as a courtesy to small hosts); whether /products?sku=
 * finds variations (variations are also searched under their variable products).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	assertStockStillExpected,
	readPagesBackwards,
	ShopPlatformError,
	SKU_HAS_IN_STOCK,
	unchangedStock,
	type IssueOutcome,
	type SetStockOutcome,
	type StockChangedWords,
	type StockLevel,
} from '../lib/shop';
import {
	BATCH_LIMIT,
	chunks,
	CODE_EXISTS,
	couponBody,
	couponCodeKey,
	COUPONS_BATCH_PATH,
	COUPONS_PATH,
	customerEmailLookupId,
	emailInCustomerId,
	hintFor,
	isCheckoutDraft,
	lastStockWriteOf,
	MAX_WINDOW_MS,
	normaliseEmail,
	ordersQuery,
	ORDERS_PATH,
	PAGE_SIZE,
	sharedPrefix,
	stockItemPath,
	stockLevelOf,
	stockWriteBody,
	WOOCOMMERCE_WAREHOUSE,
	wooErrorOf,
	wooOrderToModel,
	type CouponPlan,
	type WooOrder,
	type WooStockItem,
} from '../lib/shop/platforms/woocommerce';
import { headerValue, retryAfterMs } from '../lib/httpHeaders';
import type { ShopApi, ShopConnector, ShopRequest, ShopResponse, Verdict } from '../shared/shop/connector';

const NAME = 'WooCommerce Store';
const PRODUCTS_PATH = '/wp-json/wc/v3/products';
/** SKUs per `/products?sku=a,b,c` query (the parameter takes a comma-separated list), kept short for URL length. */
const SKUS_PER_QUERY = 40;
/** WooCommerce has no compare-and-set: the refusal says that a sale can still slip in. */
const WOO_STOCK_CHANGED: StockChangedWords = {
	...SKU_HAS_IN_STOCK,
	hint: `${SKU_HAS_IN_STOCK.hint} WooCommerce has no compare-and-set, so the check is made just before the write; a sale in the second between can still be overwritten.`,
};

/** What a successful answer hands to the connector: the body and the list totals. */
interface WooReply {
	body: unknown;
	total: number;
	totalPages: number;
}

function parsedBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return body;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return body;
	}
}

export function readWooResponse(response: ShopResponse): Verdict {
	const { statusCode, headers } = response;
	const body = parsedBody(response.body);
	if (statusCode === 429) return { kind: 'throttled', waitMs: retryAfterMs(headers, Date.now()), reason: 'HTTP 429 (the host or a firewall is limiting requests)' };
	if (statusCode === 408 || statusCode >= 500 || statusCode === 0) {
		return { kind: 'unavailable', waitMs: retryAfterMs(headers, Date.now()), reason: `HTTP ${statusCode}${body && typeof body === 'object' && 'code' in body ? ` ${String((body as { code: unknown }).code)}` : ''}` };
	}
	if (statusCode >= 200 && statusCode < 300) {
		if (typeof body === 'string') {
			return { kind: 'error', code: `HTTP ${statusCode}`, message: 'the site answered with a web page, not the REST API', hint: hintFor(statusCode, `HTTP ${statusCode}`, '') };
		}
		const reply: WooReply = {
			body,
			total: Number(headerValue(headers, 'x-wp-total') ?? NaN),
			totalPages: Number(headerValue(headers, 'x-wp-totalpages') ?? NaN),
		};
		return { kind: 'ok', data: reply };
	}
	const error = wooErrorOf(body, statusCode);
	return { kind: 'error', code: error.code, message: error.message, hint: hintFor(statusCode, error.code, error.message) };
}

async function get(api: ShopApi, path: string, qs: ShopRequest['qs'] = {}): Promise<WooReply> {
	return (await api.call({ method: 'GET', path, qs })) as WooReply;
}

/** Every page of a list (pages from 1, X-WP-TotalPages; without the header, until a short page). */
async function getAllPages<T>(api: ShopApi, path: string, qs: ShopRequest['qs'] = {}): Promise<T[]> {
	const all: T[] = [];
	for (let page = 1; ; page++) {
		const reply = await get(api, path, { ...qs, per_page: PAGE_SIZE, page });
		const items = Array.isArray(reply.body) ? (reply.body as T[]) : [];
		all.push(...items);
		const done = Number.isFinite(reply.totalPages) ? page >= reply.totalPages : items.length < PAGE_SIZE;
		if (done || items.length === 0) return all;
	}
}

function checkWarehouse(warehouse: string): void {
	if (warehouse !== '' && warehouse !== WOOCOMMERCE_WAREHOUSE) {
		throw new ShopPlatformError(
			NAME,
			'warehouse',
			`WooCommerce keeps one stock per product; there is no warehouse "${warehouse}"`,
			`Leave Warehouse empty or set it to "${WOOCOMMERCE_WAREHOUSE}".`,
		);
	}
}

interface Found {
	item: WooStockItem;
	/** The variable product's id, for a variation. */
	parentId?: number;
}

const variationParent = (item: WooStockItem) => (Number(item.parent_id ?? 0) > 0 && item.type === 'variation' ? Number(item.parent_id) : undefined);

async function variationsOf(api: ShopApi, productId: number): Promise<WooStockItem[]> {
	return await getAllPages<WooStockItem>(api, `${PRODUCTS_PATH}/${productId}/variations`);
}

/**
 * Products and variations by SKU (compared case-insensitively, as MySQL's default collation
 * does). `/products?sku=a,b` first; SKUs not found there are looked for among the variations
 * of every variable product.
 */
async function findBySkus(api: ShopApi, skus: string[]): Promise<Map<string, Found>> {
	const wanted = new Map(skus.map((sku) => [sku.toLowerCase(), sku]));
	const found = new Map<string, Found>();
	const take = (item: WooStockItem, parentId?: number) => {
		const key = (item.sku ?? '').trim().toLowerCase();
		if (key !== '' && wanted.has(key) && !found.has(key)) found.set(key, { item, parentId });
	};
	for (const group of chunks([...wanted.values()], SKUS_PER_QUERY)) {
		for (const item of await getAllPages<WooStockItem>(api, PRODUCTS_PATH, { sku: group.join(',') })) take(item, variationParent(item));
	}
	if (found.size < wanted.size) {
		for (const product of await getAllPages<WooStockItem>(api, PRODUCTS_PATH, { type: 'variable' })) {
			for (const variation of await variationsOf(api, product.id)) take(variation, product.id);
			if (found.size === wanted.size) break;
		}
	}
	return new Map([...found].map(([key, value]) => [wanted.get(key) as string, value]));
}

async function listAllStock(api: ShopApi): Promise<StockLevel[]> {
	const levels: StockLevel[] = [];
	for (const product of await getAllPages<WooStockItem>(api, PRODUCTS_PATH)) {
		const own = stockLevelOf(product);
		if (own) levels.push(own);
		if (product.type === 'variable') {
			for (const variation of await variationsOf(api, product.id)) {
				const level = stockLevelOf(variation, product.id);
				if (level) levels.push(level);
			}
		}
	}
	return levels;
}

/** The store's currency (`GET /data/currencies/current`), or undefined when the key may not read it. */
async function storeCurrency(api: ShopApi): Promise<string | undefined> {
	const verdict = await api.attempt({ method: 'GET', path: '/wp-json/wc/v3/data/currencies/current' });
	if (verdict.kind !== 'ok') return undefined;
	const code = ((verdict.data as WooReply).body as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' && /^[A-Za-z]{3}$/.test(code) ? code.toUpperCase() : undefined;
}

/** Registered customers' emails by id (`GET /customers?include=…&role=all`), 100 at a time. */
async function customerEmails(api: ShopApi, ids: number[]): Promise<Map<number, string>> {
	const emails = new Map<number, string>();
	for (const group of chunks([...new Set(ids)], PAGE_SIZE)) {
		const customers = await getAllPages<{ id: number; email?: string; billing?: { email?: string } }>(api, '/wp-json/wc/v3/customers', {
			include: group.join(','),
			role: 'all',
		});
		for (const customer of customers) {
			const email = String(customer.email || customer.billing?.email || '');
			if (email.includes('@')) emails.set(Number(customer.id), normaliseEmail(email));
		}
	}
	return emails;
}

/** Above this many codes, existing coupons are looked up by their shared prefix (one listing), else code by code. */
const CODES_CHECKED_ONE_BY_ONE = 10;

/** The store's coupons among these codes: lower-cased code → coupon id. */
async function existingCoupons(api: ShopApi, codes: string[]): Promise<Map<string, string>> {
	const wanted = new Set(codes.map(couponCodeKey));
	const found = new Map<string, string>();
	const take = (list: Array<{ id?: number; code?: string }>) => {
		for (const coupon of list) {
			const key = couponCodeKey(String(coupon.code ?? ''));
			if (wanted.has(key)) found.set(key, coupon.id ? String(coupon.id) : '');
		}
	};
	const prefix = codes.length > CODES_CHECKED_ONE_BY_ONE ? sharedPrefix(codes) : '';
	if (prefix !== '') {
		// Should the search miss one, the batch answers "code already exists" for it: never two coupons.
		take(await getAllPages(api, COUPONS_PATH, { search: prefix }));
		return found;
	}
	for (const code of codes) {
		const reply = await get(api, COUPONS_PATH, { code: code.trim() });
		take(Array.isArray(reply.body) ? (reply.body as Array<{ id?: number; code?: string }>) : []);
	}
	return found;
}

interface BatchItem {
	id?: number;
	error?: { code?: string; message?: string };
}

export const wooCommerceConnector: ShopConnector = {
	platform: 'woocommerce',
	displayName: NAME,
	credentialType: 'wooCommerceStoreApi',
	requestsPerSecond: 10,
	// The _gmt fields are UTC; the site's own zone is not in the order answer.
	readResponse: readWooResponse,

	orders: {
		maxWindowMs: MAX_WINDOW_MS,
		// WooCommerce writes the modification time as it saves: no indexing delay, only clock
		// differences between n8n and the site, which the re-read overlap covers.
		settleMs: 60_000,
		async fetchWindow(api, window) {
			const orders = await readPagesBackwards(async (pageIndex) => {
				const reply = await get(api, ORDERS_PATH, ordersQuery(window, pageIndex + 1));
				const items = Array.isArray(reply.body) ? (reply.body as WooOrder[]) : [];
				return { items, total: Number.isFinite(reply.total) ? reply.total : items.length };
			}, PAGE_SIZE);
			return orders.filter((order) => !isCheckoutDraft(order));
		},
		toOrder: (raw, { timeZone }) => wooOrderToModel(raw as WooOrder, timeZone),
	},

	stock: {
		async list(api, { skus, warehouse }) {
			checkWarehouse(warehouse);
			if (skus.length === 0) return await listAllStock(api);
			const found = await findBySkus(api, skus);
			return skus.flatMap((sku) => {
				const hit = found.get(sku);
				const level = hit ? stockLevelOf(hit.item, hit.parentId) : undefined;
				return level ? [level] : [];
			});
		},

		async set(api, request): Promise<SetStockOutcome> {
			checkWarehouse(request.warehouse);
			const hit = (await findBySkus(api, [request.sku])).get(request.sku);
			if (hit === undefined) throw new ShopPlatformError(NAME, 'not-found', `No product or variation has SKU ${request.sku}`);
			const current = stockLevelOf(hit.item, hit.parentId);
			if (current === undefined) {
				throw new ShopPlatformError(
					NAME,
					'stock-not-managed',
					`SKU ${request.sku} does not keep its own stock count (Manage stock is off${hit.parentId ? ', or the variation uses its product\'s stock' : ''}); nothing was written`,
					'Turn on "Manage stock?" for this product or variation in WooCommerce, or set the stock of the product that holds it.',
				);
			}
			const previousQuantity = current.onHand;
			if (lastStockWriteOf(hit.item) === request.idempotencyKey) {
				// This Write ID was applied before; sales since then are not overwritten.
				return { stockStatus: 'alreadyApplied', previousQuantity, quantity: previousQuantity };
			}
			// An equal stock is `unchanged` before "Only If Stock Is Still" is checked, as Shopify does.
			const unchanged = unchangedStock(request, previousQuantity);
			if (unchanged) return unchanged;
			assertStockStillExpected(NAME, request, previousQuantity, WOO_STOCK_CHANGED);
			const reply = (await api.call({
				method: 'PUT',
				path: stockItemPath(current.platformRef),
				body: stockWriteBody(request.quantity, request.idempotencyKey) as IDataObject,
				// An absolute value: applying it twice leaves the same stock.
				write: true,
				idempotent: true,
			})) as WooReply;
			const written = (reply.body as WooStockItem | undefined)?.stock_quantity;
			return { stockStatus: 'applied', previousQuantity, quantity: typeof written === 'number' ? written : request.quantity };
		},
	},

	coupons: {
		async issue(api, coupons): Promise<IssueOutcome[]> {
			const outcomes: IssueOutcome[] = new Array(coupons.length);
			const currency = await storeCurrency(api);
			const lookupIds = coupons.flatMap((c) => {
				const id = customerEmailLookupId(c.platformCustomerId ?? c.customerId);
				return id === undefined ? [] : [id];
			});
			const emails = lookupIds.length > 0 ? await customerEmails(api, lookupIds) : new Map<number, string>();

			const toCreate: Array<{ index: number; plan: Extract<CouponPlan, { ok: true }> }> = [];
			const firstOfCode = new Map<string, number>();
			for (let index = 0; index < coupons.length; index++) {
				const coupon = coupons[index];
				const customer = coupon.platformCustomerId ?? coupon.customerId;
				const registeredId = customerEmailLookupId(customer);
				let email = emailInCustomerId(customer);
				if (registeredId !== undefined) {
					email = emails.get(registeredId);
					if (email === undefined) {
						outcomes[index] = { issueStatus: 'failed', platformCode: 'customer-not-found', issueMessage: `No customer ${registeredId} with an email on the store: the coupon is not issued to an unknown customer` };
						continue;
					}
				}
				const plan = couponBody(coupon, email, currency, api.now());
				if (!plan.ok) {
					outcomes[index] = { issueStatus: 'failed', platformCode: plan.code, issueMessage: plan.message };
					continue;
				}
				const key = couponCodeKey(coupon.coupon.code);
				if (firstOfCode.has(key)) {
					outcomes[index] = { issueStatus: 'alreadyIssued', issueMessage: `the same code is on item ${firstOfCode.get(key)} of this run` };
					continue;
				}
				firstOfCode.set(key, index);
				toCreate.push({ index, plan });
			}

			// A code the store has is a coupon already issued: not even sent again.
			const existing = await existingCoupons(api, toCreate.map((entry) => coupons[entry.index].coupon.code));
			const missing = toCreate.filter((entry) => {
				const id = existing.get(couponCodeKey(coupons[entry.index].coupon.code));
				if (id === undefined) return true;
				outcomes[entry.index] = { issueStatus: 'alreadyIssued', ...(id ? { platformCouponId: id } : {}) };
				return false;
			});

			for (const batch of chunks(missing, BATCH_LIMIT)) {
				const reply = (await api.call({
					method: 'POST',
					path: COUPONS_BATCH_PATH,
					body: { create: batch.map((entry) => entry.plan.body) } as IDataObject,
					// Sent again after a fault, a coupon the first send created comes back as
					// "code already exists": never two coupons.
					write: true,
					idempotent: true,
				})) as WooReply;
				const created = ((reply.body as { create?: BatchItem[] } | undefined)?.create ?? []) as BatchItem[];
				if (created.length !== batch.length) {
					throw new ShopPlatformError(NAME, 'batch-answer', `The coupon batch answered ${created.length} results for ${batch.length} coupons; run again to issue the missing ones (issued codes are skipped)`);
				}
				batch.forEach((entry, i) => {
					const result = created[i];
					if (result.error) {
						outcomes[entry.index] =
							result.error.code === CODE_EXISTS
								? { issueStatus: 'alreadyIssued' }
								: { issueStatus: 'failed', platformCode: String(result.error.code ?? 'refused'), issueMessage: String(result.error.message ?? 'refused') };
						return;
					}
					outcomes[entry.index] = {
						issueStatus: 'issued',
						...(result.id ? { platformCouponId: String(result.id) } : {}),
						...(entry.plan.notes.length > 0 ? { issueMessage: entry.plan.notes.join('; ') } : {}),
					};
				});
			}
			return outcomes;
		},
	},
};
