/**
 * A fake WooCommerce store (REST API v3 under /wp-json/wc/v3) on 127.0.0.1, checking requests
 * the way WooCommerce does and answering in its shapes (WooCommerce REST API docs,
 * https://woocommerce.github.io/woocommerce-rest-api-docs/):
 * - auth: HTTP Basic with consumer key as user and secret as password, or the query
 *   parameters consumer_key / consumer_secret; a wrong or missing key → 401
 *   woocommerce_rest_authentication_error; a write with a Read-only key → 401 too.
 * - GET /orders: per_page 1–100 (else 400 rest_invalid_param), page ≥ 1, modified_after /
 *   modified_before as ISO 8601, strict (> and <) on whole seconds, compared on the GMT
 *   modification time with dates_are_gmt=true and on the SITE's wall clock (Asia/Shanghai
 *   here) without it; orderby=modified order=asc; X-WP-Total, X-WP-TotalPages and Link
 *   headers. `onPageServed` lets a test change an order while the feed is being paged.
 * - GET /products (sku = comma-separated list, matched on products only — not variations,
 *   as the products query reads the product post type; type filter), GET
 *   /products/{id}/variations, PUT /products/{id} and /products/{pid}/variations/{vid}
 *   (stock_quantity, meta_data by key).
 * - GET /coupons?code= or ?search= (the term anywhere in the code), POST /coupons/batch {create:[…]} (over 100 items → 413
 *   woocommerce_rest_request_entity_too_large; each item: empty code →
 *   woocommerce_rest_empty_coupon_code, an existing code, compared lower-cased →
 *   woocommerce_rest_coupon_code_already_exists), POST /coupons.
 * - GET /customers?include=…&role=all, GET /data/currencies/current.
 * Every write lands in the write log: `coupon.create` keyed by the lower-cased code (refused
 * duplicates as applied:false); `stock.set` keyed by the Write ID the pack keeps in the
 * product's meta (WooCommerce itself has no write id), or sku=quantity without one.
 */
import { startFakeShop, type FakeReply, type FakeRequest, type FakeShopServer, type WriteRecord } from './server';

export const SITE_OFFSET_MS = 8 * 3_600_000;
const API = '/wp-json/wc/v3';
const STOCK_WRITE_META_KEY = 'commerce_ops_stock_write';

export interface WooFakeOptions {
	consumerKey: string;
	consumerSecret: string;
	/** 'read' refuses writes (a Read-only key). */
	permission?: 'read' | 'read_write';
	currency?: string;
}

export type WooFakeOrder = Record<string, unknown> & { id: number; status: string; date_modified_gmt: string };

export interface WooFakeProduct {
	id: number;
	type: 'simple' | 'variable' | 'variation';
	parent_id: number;
	sku: string;
	manage_stock: boolean | 'parent';
	stock_quantity: number | null;
	variations: number[];
	meta_data: Array<{ id: number; key: string; value: unknown }>;
}

export interface WooFakeCoupon {
	id: number;
	code: string;
	[field: string]: unknown;
}

export interface WooFake extends FakeShopServer {
	orders: Map<number, WooFakeOrder>;
	products: Map<number, WooFakeProduct>;
	coupons: WooFakeCoupon[];
	customers: Array<{ id: number; email: string; role: string }>;
	onPageServed?: (page: number, served: WooFakeOrder[]) => void;
	seedOrders(orders: WooFakeOrder[]): void;
	/** Changes an order and stamps its modification time (default: now). */
	updateOrder(id: number, patch: Record<string, unknown>, modifiedAtMs?: number): void;
	addProduct(product: Partial<WooFakeProduct> & { id: number; sku: string }): WooFakeProduct;
	stockOf(sku: string): number | null | undefined;
	listCoupons(): WooFakeCoupon[];
}

/** `2026-03-01T09:30:00`, the API's wall-clock text (UTC for _gmt fields). */
export const wcText = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 19);
const parseWc = (text: string) => Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`);
const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): FakeReply => ({
	status,
	body: { code, message, data: { status, ...extra } },
});

function paged<T>(request: FakeRequest, list: T[], baseUrl: () => string): FakeReply | { page: T[]; headers: Record<string, string>; pageNo: number } {
	const perPage = Number(request.query.get('per_page') ?? 10);
	const page = Number(request.query.get('page') ?? 1);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
		return error(400, 'rest_invalid_param', 'Invalid parameter(s): per_page', { params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' } });
	}
	if (!Number.isInteger(page) || page < 1) return error(400, 'rest_invalid_param', 'Invalid parameter(s): page', { params: { page: 'page must be greater than or equal to 1' } });
	const totalPages = Math.ceil(list.length / perPage);
	const links: string[] = [];
	const link = (n: number, rel: string) => {
		const q = new URLSearchParams(request.query);
		q.set('page', String(n));
		links.push(`<${baseUrl()}${request.path}?${q.toString()}>; rel="${rel}"`);
	};
	if (page > 1) link(page - 1, 'prev');
	if (page < totalPages) link(page + 1, 'next');
	return {
		page: list.slice((page - 1) * perPage, page * perPage),
		pageNo: page,
		headers: { 'X-WP-Total': String(list.length), 'X-WP-TotalPages': String(totalPages), ...(links.length ? { Link: links.join(', ') } : {}) },
	};
}

export async function startWooCommerceFake(options: WooFakeOptions): Promise<WooFake> {
	const orders = new Map<number, WooFakeOrder>();
	const products = new Map<number, WooFakeProduct>();
	const coupons: WooFakeCoupon[] = [];
	const customers: Array<{ id: number; email: string; role: string }> = [];
	let nextId = 9000;
	let nextMetaId = 1;
	let fake: WooFake;

	const authenticate = (request: FakeRequest): FakeReply | undefined => {
		let key = request.query.get('consumer_key') ?? '';
		let secret = request.query.get('consumer_secret') ?? '';
		const authorization = String(request.headers.authorization ?? '');
		if (authorization.startsWith('Basic ')) {
			const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			key = decoded.slice(0, colon);
			secret = decoded.slice(colon + 1);
		}
		if (key === '') return error(401, 'woocommerce_rest_authentication_error', 'Consumer key is missing.');
		if (key !== options.consumerKey) return error(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
		if (secret !== options.consumerSecret) return error(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
		if (request.method !== 'GET' && options.permission === 'read') {
			return error(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.');
		}
		return undefined;
	};

	const listOrders = (request: FakeRequest): FakeReply => {
		const gmt = ['true', '1'].includes(request.query.get('dates_are_gmt') ?? '');
		const bound = (name: string): number | FakeReply | undefined => {
			const text = request.query.get(name);
			if (text === null) return undefined;
			const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(text) ? parseWc(text) : NaN;
			return Number.isNaN(ms) ? error(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: 'Invalid date.' } }) : ms;
		};
		const after = bound('modified_after');
		const before = bound('modified_before');
		if (typeof after === 'object') return after;
		if (typeof before === 'object') return before;
		const orderby = request.query.get('orderby') ?? 'date';
		if (!['date', 'id', 'include', 'title', 'slug', 'modified'].includes(orderby)) return error(400, 'rest_invalid_param', 'Invalid parameter(s): orderby');
		const status = request.query.get('status') ?? 'any';
		// The modification time as compared: GMT, or the site's wall clock without dates_are_gmt.
		const modifiedOf = (order: WooFakeOrder) => wholeSecond(parseWc(order.date_modified_gmt)) + (gmt ? 0 : SITE_OFFSET_MS);
		const list = [...orders.values()]
			.filter((order) => (status === 'any' ? order.status !== 'trash' : order.status === status))
			.filter((order) => (after === undefined || modifiedOf(order) > after) && (before === undefined || modifiedOf(order) < before))
			.sort((a, b) => (orderby === 'modified' ? modifiedOf(a) - modifiedOf(b) : 0) || a.id - b.id);
		if ((request.query.get('order') ?? 'desc') === 'desc') list.reverse();
		const result = paged(request, list, () => fake.baseUrl);
		if (!('page' in result)) return result;
		const served = result.page.map((order) => JSON.parse(JSON.stringify(order)) as WooFakeOrder);
		fake.onPageServed?.(result.pageNo, served);
		return { body: served, headers: result.headers };
	};

	const listProducts = (request: FakeRequest, parent?: WooFakeProduct): FakeReply => {
		const skus = (request.query.get('sku') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
		const type = request.query.get('type');
		const list = [...products.values()]
			.filter((p) => (parent ? p.parent_id === parent.id && p.type === 'variation' : p.type !== 'variation'))
			.filter((p) => skus.length === 0 || skus.includes(p.sku.toLowerCase()))
			.filter((p) => !type || p.type === type)
			.sort((a, b) => a.id - b.id);
		const result = paged(request, list, () => fake.baseUrl);
		return 'page' in result ? { body: result.page, headers: result.headers } : result;
	};

	const updateStock = (request: FakeRequest, product: WooFakeProduct, log: { write(record: WriteRecord): void }): FakeReply => {
		const body = request.body;
		const before = product.stock_quantity;
		let writeId: string | undefined;
		if (body.stock_quantity !== undefined) {
			if (!Number.isInteger(body.stock_quantity)) return error(400, 'rest_invalid_param', 'Invalid parameter(s): stock_quantity');
			if (product.manage_stock !== true && body.manage_stock !== true) {
				// WooCommerce ignores a quantity on a product that does not manage stock.
			} else {
				product.stock_quantity = body.stock_quantity as number;
			}
		}
		if (typeof body.manage_stock === 'boolean') product.manage_stock = body.manage_stock;
		for (const meta of (body.meta_data ?? []) as Array<{ key: string; value: unknown }>) {
			const existing = product.meta_data.find((m) => m.key === meta.key);
			if (existing) existing.value = meta.value;
			else product.meta_data.push({ id: nextMetaId++, key: meta.key, value: meta.value });
			if (meta.key === STOCK_WRITE_META_KEY) writeId = String(meta.value);
		}
		log.write({
			kind: 'stock.set',
			key: writeId ?? `${product.sku}=${String(body.stock_quantity)}`,
			applied: before !== product.stock_quantity,
			detail: { sku: product.sku, before, after: product.stock_quantity },
		});
		return { body: product };
	};

	const createCoupon = (data: Record<string, unknown>, log: { write(record: WriteRecord): void }): { coupon?: WooFakeCoupon; error?: { code: string; message: string; data: { status: number } } } => {
		const code = String(data.code ?? '').trim().toLowerCase();
		if (code === '') return { error: { code: 'woocommerce_rest_empty_coupon_code', message: 'The coupon code cannot be empty.', data: { status: 400 } } };
		if (data.discount_type !== undefined && !['percent', 'fixed_cart', 'fixed_product'].includes(String(data.discount_type))) {
			return { error: { code: 'rest_invalid_param', message: 'discount_type is not one of percent, fixed_cart, and fixed_product.', data: { status: 400 } } };
		}
		if (data.amount !== undefined && (typeof data.amount !== 'string' || !/^\d+(\.\d+)?$/.test(data.amount))) {
			return { error: { code: 'rest_invalid_param', message: 'amount is not of type string.', data: { status: 400 } } };
		}
		if (coupons.some((c) => c.code === code)) {
			log.write({ kind: 'coupon.create', key: code, applied: false, detail: { refused: 'woocommerce_rest_coupon_code_already_exists' } });
			return { error: { code: 'woocommerce_rest_coupon_code_already_exists', message: 'The coupon code already exists', data: { status: 400 } } };
		}
		const coupon: WooFakeCoupon = {
			discount_type: 'fixed_cart',
			usage_count: 0,
			used_by: [],
			...data,
			id: nextId++,
			code,
			amount: Number(data.amount ?? 0).toFixed(2),
		};
		coupons.push(coupon);
		log.write({ kind: 'coupon.create', key: code, applied: true, detail: { ...coupon } });
		return { coupon };
	};

	const server = await startFakeShop({
		operationOf: (request) => `${request.method} ${request.path.replace(API, '').replace(/\/\d+/g, '/{id}')}`,
		handle(request, log) {
			if (!request.path.startsWith(API + '/')) return error(404, 'rest_no_route', 'No route was found matching the URL and request method.');
			const refused = authenticate(request);
			if (refused) return refused;
			const route = request.path.slice(API.length);
			let match: RegExpExecArray | null;
			if (request.method === 'GET' && route === '/orders') return listOrders(request);
			if (request.method === 'GET' && route === '/products') return listProducts(request);
			if ((match = /^\/products\/(\d+)\/variations$/.exec(route)) && request.method === 'GET') {
				const parent = products.get(Number(match[1]));
				return parent ? listProducts(request, parent) : error(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
			}
			if ((match = /^\/products\/(\d+)(?:\/variations\/(\d+))?$/.exec(route)) && request.method === 'PUT') {
				const product = products.get(Number(match[2] ?? match[1]));
				const valid = product && (match[2] ? product.type === 'variation' && product.parent_id === Number(match[1]) : product.type !== 'variation');
				return valid ? updateStock(request, product, log) : error(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
			}
			if (request.method === 'GET' && route === '/coupons') {
				const code = (request.query.get('code') ?? '').trim().toLowerCase();
				// WordPress search: the term anywhere in the title (the code), case-insensitive.
				const search = (request.query.get('search') ?? '').trim().toLowerCase();
				const list = coupons.filter((c) => (code === '' || c.code === code) && (search === '' || c.code.includes(search)));
				const result = paged(request, list, () => server.baseUrl);
				return 'page' in result ? { body: result.page, headers: result.headers } : result;
			}
			if (request.method === 'POST' && route === '/coupons/batch') {
				const create = (request.body.create ?? []) as Array<Record<string, unknown>>;
				const total = create.length + ((request.body.update as unknown[]) ?? []).length + ((request.body.delete as unknown[]) ?? []).length;
				if (total > 100) return error(413, 'woocommerce_rest_request_entity_too_large', 'Unable to accept more than 100 items for this request.');
				return {
					body: {
						create: create.map((data) => {
							const made = createCoupon(data, log);
							return made.coupon ?? { id: 0, error: made.error };
						}),
					},
				};
			}
			if (request.method === 'POST' && route === '/coupons') {
				const made = createCoupon(request.body, log);
				return made.coupon ? { status: 201, body: made.coupon } : { status: 400, body: made.error };
			}
			if (request.method === 'GET' && route === '/customers') {
				const include = (request.query.get('include') ?? '').split(',').filter(Boolean).map(Number);
				const role = request.query.get('role') ?? 'customer';
				const list = customers.filter((c) => (include.length === 0 || include.includes(c.id)) && (role === 'all' || c.role === role));
				const result = paged(request, list, () => server.baseUrl);
				return 'page' in result ? { body: result.page.map((c) => ({ ...c, billing: { email: c.email } })), headers: result.headers } : result;
			}
			if (request.method === 'GET' && route === '/data/currencies/current') {
				return { body: { code: options.currency ?? 'USD', name: 'Currency', symbol: '$' } };
			}
			return error(404, 'rest_no_route', 'No route was found matching the URL and request method.');
		},
	});

	fake = Object.assign(server, {
		orders,
		products,
		coupons,
		customers,
		seedOrders(list: WooFakeOrder[]) {
			for (const order of list) orders.set(order.id, JSON.parse(JSON.stringify(order)) as WooFakeOrder);
		},
		updateOrder(id: number, patch: Record<string, unknown>, modifiedAtMs = Date.now()) {
			const order = orders.get(id);
			if (!order) throw new Error(`no order ${id}`);
			Object.assign(order, patch, {
				date_modified_gmt: wcText(modifiedAtMs),
				date_modified: wcText(modifiedAtMs + SITE_OFFSET_MS),
			});
		},
		addProduct(product: Partial<WooFakeProduct> & { id: number; sku: string }) {
			const full: WooFakeProduct = {
				type: 'simple',
				parent_id: 0,
				manage_stock: true,
				stock_quantity: 0,
				variations: [],
				meta_data: [],
				...product,
			};
			products.set(full.id, full);
			if (full.type === 'variation') products.get(full.parent_id)?.variations.push(full.id);
			return full;
		},
		stockOf(sku: string) {
			return [...products.values()].find((p) => p.sku === sku)?.stock_quantity;
		},
		listCoupons() {
			return [...coupons];
		},
	}) as WooFake;
	return fake;
}

/** A realistic WooCommerce order (fields as in the docs' "Retrieve an order" example). */
export function wooOrder(id: number, createdMs: number, fields: Record<string, unknown> = {}): WooFakeOrder {
	const modifiedMs = (fields.modifiedMs as number | undefined) ?? createdMs;
	const rest = { ...fields };
	delete rest.modifiedMs;
	return {
		id,
		parent_id: 0,
		number: String(id),
		order_key: `wc_order_${id}`,
		created_via: 'checkout',
		status: 'processing',
		currency: 'USD',
		date_created: wcText(createdMs + SITE_OFFSET_MS),
		date_created_gmt: wcText(createdMs),
		date_modified: wcText(modifiedMs + SITE_OFFSET_MS),
		date_modified_gmt: wcText(modifiedMs),
		date_paid_gmt: wcText(createdMs),
		discount_total: '0.00',
		shipping_total: '5.00',
		total: '35.00',
		total_tax: '0.00',
		customer_id: 7,
		billing: { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' },
		line_items: [{ id: id * 10, name: 'Tee', product_id: 31, variation_id: 0, quantity: 2, subtotal: '30.00', total: '30.00', total_tax: '0.00', sku: 'TEE-M', price: 15 }],
		refunds: [],
		meta_data: [],
		...rest,
	};
}
