/**
 * Shopify (GraphQL Admin API) on the shared connector core. Platform facts, with sources in
 * nodes/lib/shop/platforms/shopify/*:
 * - one endpoint, POST /admin/api/{version}/graphql.json, token in X-Shopify-Access-Token;
 * - rate limit: a leaky bucket of cost points read from `extensions.cost.throttleStatus` on
 *   every answer; a refused query is HTTP 200 with errors[].extensions.code THROTTLED (some
 *   report HTTP 429: both are handled). Before each query this connector waits until the
 *   bucket, as last seen in this run, holds the query's cost;
 * - HTTP 401 = token rejected (refreshed once), 402 frozen shop, 403 missing scope, 423
 *   locked shop: not retried (https://shopify.dev/docs/api/usage/response-codes);
 * - orders: `orders(sortKey: UPDATED_AT, query: "updated_at:>='…' AND updated_at:<'…'")`,
 *   cursor-paged. Windows of one day: a list pages at most 25,000 objects
 *   (https://shopify.dev/docs/api/usage/limits), and a day of updates stays far below that
 *   for all but the largest stores; short windows also keep a failed page cheap to redo;
 * - only the last 60 days of orders are visible without the read_all_orders scope
 *   (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order): Since Last Run reads at
 *   most 60 days back and says so, rather than silently getting nothing older.
 * Unconfirmed, chosen defensively: the search index lag (2 minutes settle), the 1000-point
 * cap per query (pages sized to 80 % of it), passing the idempotency key inline.
 */
import { ShopPlatformError, termsKey, unchangedStock, type CouponToIssue, type IssueOutcome, type SetStockOutcome, type StockLevel } from '../lib/shop';
import {
	BULK_ADD_MUTATION,
	BULK_CREATION_QUERY,
	CODES_PER_BULK_ADD,
	CODES_PER_LOOKUP,
	DISCOUNT_CREATE_MUTATION,
	INVENTORY_PAGE_SIZE,
	INVENTORY_QUERY,
	INVENTORY_QUERY_COST,
	MUTATION_COST,
	ORDER_LINES_QUERY,
	ORDER_LINES_QUERY_COST,
	ORDERS_PAGE_SIZE,
	ORDERS_QUERY,
	ORDERS_QUERY_COST,
	SHOP_CURRENCY_QUERY,
	codeLookupQuery,
	discountInputFor,
	ordersSearchQuery,
	queryCostOf,
	setQuantityMutation,
	shopifyOrderToModel,
	shopifyStockLevels,
	skuSearchQuery,
	waitBeforeQueryMs,
	type ShopifyInventoryItem,
	type ShopifyLineItem,
	type ShopifyOrder,
	type ThrottleStatus,
} from '../lib/shop/platforms/shopify';
import { createZonedIsoFormatter } from '../lib/time';
import { retryAfterMs } from '../lib/httpHeaders';
import type { ShopApi, ShopConnector, ShopResponse, Verdict } from '../shared/shop/connector';

const NAME = 'Shopify';
const PATH = 'graphql.json';
const DAY_MS = 86_400_000;

interface UserError {
	code?: string | null;
	field?: string[] | null;
	message?: string;
}

interface PageInfo {
	hasNextPage?: boolean;
	endCursor?: string | null;
}

interface GraphqlBody {
	data?: Record<string, unknown> | null;
	errors?: Array<{ message?: string; extensions?: { code?: string } }> | string;
}

/** How Shopify answered: see the file comment for the classes. */
export function readShopifyResponse(response: ShopResponse): Verdict {
	const { statusCode } = response;
	const body = parseBody(response.body);
	if (statusCode === 401) return { kind: 'tokenRejected', reason: 'Shopify rejected the access token (HTTP 401)' };
	if (statusCode === 429) {
		const waitMs = retryAfterMs(response.headers, Date.now()) ?? 0;
		return { kind: 'throttled', reason: 'HTTP 429', ...(waitMs > 0 ? { waitMs } : {}) };
	}
	if (statusCode >= 500) return { kind: 'unavailable', reason: `HTTP ${statusCode}` };
	if (statusCode < 200 || statusCode >= 300) {
		const hint = HTTP_HINTS[statusCode] ?? 'Check the Shop URL and the API version in the credential.';
		return { kind: 'error', code: `HTTP ${statusCode}`, message: errorText(body) || `HTTP ${statusCode}`, hint };
	}
	if (body === undefined) return { kind: 'unavailable', reason: `an unreadable answer (HTTP ${statusCode})` };
	const errors = Array.isArray(body.errors) ? body.errors : typeof body.errors === 'string' ? [{ message: body.errors }] : [];
	if (errors.length > 0) {
		const codes = errors.map((error) => error.extensions?.code ?? '');
		if (codes.includes('THROTTLED')) {
			const cost = queryCostOf(body);
			const waitMs =
				cost?.throttleStatus && cost.requestedQueryCost !== undefined
					? waitBeforeQueryMs(cost.throttleStatus, cost.requestedQueryCost, 0)
					: undefined;
			return { kind: 'throttled', reason: 'THROTTLED (query cost above what the bucket holds)', ...(waitMs ? { waitMs } : {}) };
		}
		if (codes.includes('INTERNAL_SERVER_ERROR')) return { kind: 'unavailable', reason: 'INTERNAL_SERVER_ERROR' };
		const code = codes.find((c) => c !== '') || 'GRAPHQL_ERROR';
		return {
			kind: 'error',
			code,
			message: errorText(body),
			hint:
				code === 'ACCESS_DENIED'
					? 'The app lacks a scope: orders need read_orders (older than 60 days: read_all_orders), stock read_inventory and write_inventory, coupons read_discounts and write_discounts.'
					: undefined,
		};
	}
	return { kind: 'ok', data: body };
}

const HTTP_HINTS: Record<number, string> = {
	402: 'The shop is frozen or has unpaid bills (HTTP 402); nothing can be read until it is active again.',
	403: 'The app lacks a scope or approval (HTTP 403): grant read_orders, read_all_orders, read_inventory, write_inventory, read_discounts, write_discounts as needed, then reinstall.',
	404: 'Nothing at this address (HTTP 404): check the Shop URL and the API version in the credential.',
	423: 'The shop is locked (HTTP 423), e.g. for fraud review; contact Shopify support.',
};

function parseBody(raw: unknown): GraphqlBody | undefined {
	if (typeof raw === 'object' && raw !== null) return raw as GraphqlBody;
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		return JSON.parse(raw) as GraphqlBody;
	} catch {
		return undefined;
	}
}

function errorText(body: GraphqlBody | undefined): string {
	if (!body) return '';
	if (typeof body.errors === 'string') return body.errors;
	return (body.errors ?? []).map((error) => error.message ?? '').filter(Boolean).join('; ');
}

/** The bucket as last seen in one node run (the ShopApi is made per run). */
const buckets = new WeakMap<ShopApi, { status: ThrottleStatus; seenAt: number }>();

interface GraphqlCall {
	/** The requested cost as Shopify will count it, for the wait before sending. */
	cost: number;
	write?: boolean;
	idempotent?: boolean;
}

/** Sends one GraphQL document, after waiting for the points it needs; returns `data`. */
async function graphql<T>(api: ShopApi, query: string, variables: Record<string, unknown>, call: GraphqlCall): Promise<T> {
	const bucket = buckets.get(api);
	if (bucket) {
		const waitMs = waitBeforeQueryMs(bucket.status, call.cost, api.now() - bucket.seenAt);
		if (waitMs > 0) await api.sleep(waitMs);
	}
	const body = (await api.call({
		method: 'POST',
		path: PATH,
		body: { query, variables },
		write: call.write,
		idempotent: call.idempotent,
	})) as GraphqlBody;
	const status = queryCostOf(body)?.throttleStatus;
	if (status) buckets.set(api, { status, seenAt: api.now() });
	if (!body.data) throw new ShopPlatformError(NAME, 'NO_DATA', 'Shopify answered without data');
	return body.data as T;
}

// ---------------------------------------------------------------- orders

const formatters = new Map<string, (epochMs: number) => string>();
function formatterFor(timeZone: string) {
	let format = formatters.get(timeZone);
	if (!format) formatters.set(timeZone, (format = createZonedIsoFormatter(timeZone)));
	return format;
}

async function fetchOrderWindow(api: ShopApi, window: { start: number; end: number }): Promise<ShopifyOrder[]> {
	const q = ordersSearchQuery(window.start, window.end);
	const orders: ShopifyOrder[] = [];
	let after: string | null = null;
	do {
		const data: { orders: { pageInfo: PageInfo; nodes: ShopifyOrder[] } } = await graphql(
			api,
			ORDERS_QUERY,
			{ first: ORDERS_PAGE_SIZE, after, q },
			{ cost: ORDERS_QUERY_COST },
		);
		for (const order of data.orders.nodes) {
			if (order.lineItems?.pageInfo?.hasNextPage) await readRemainingLines(api, order);
			orders.push(order);
		}
		after = data.orders.pageInfo.hasNextPage ? (data.orders.pageInfo.endCursor ?? null) : null;
	} while (after !== null);
	return orders;
}

/** An order with more lines than one page holds: the rest, appended to `order.lineItems.nodes`. */
async function readRemainingLines(api: ShopApi, order: ShopifyOrder): Promise<void> {
	const lines = order.lineItems!;
	let after = lines.pageInfo?.endCursor ?? null;
	while (after !== null) {
		const data: { order: { lineItems: { pageInfo: PageInfo; nodes: ShopifyLineItem[] } } | null } = await graphql(
			api,
			ORDER_LINES_QUERY,
			{ id: order.id, after },
			{ cost: ORDER_LINES_QUERY_COST },
		);
		if (!data.order) break;
		lines.nodes = [...(lines.nodes ?? []), ...data.order.lineItems.nodes];
		after = data.order.lineItems.pageInfo.hasNextPage ? (data.order.lineItems.pageInfo.endCursor ?? null) : null;
	}
	lines.pageInfo = { hasNextPage: false, endCursor: null };
}

// ---------------------------------------------------------------- stock

async function readInventoryItems(api: ShopApi, q: string | undefined): Promise<ShopifyInventoryItem[]> {
	const items: ShopifyInventoryItem[] = [];
	let after: string | null = null;
	do {
		const data: { inventoryItems: { pageInfo: PageInfo; nodes: ShopifyInventoryItem[] } } = await graphql(
			api,
			INVENTORY_QUERY,
			{ first: INVENTORY_PAGE_SIZE, after, q: q ?? null },
			{ cost: INVENTORY_QUERY_COST },
		);
		items.push(...data.inventoryItems.nodes);
		after = data.inventoryItems.pageInfo.hasNextPage ? (data.inventoryItems.pageInfo.endCursor ?? null) : null;
	} while (after !== null);
	return items;
}

async function listStock(api: ShopApi, skus: string[], warehouse: string): Promise<StockLevel[]> {
	if (skus.length === 0) return (await readInventoryItems(api, undefined)).flatMap((item) => shopifyStockLevels(item, warehouse));
	const levels: StockLevel[] = [];
	for (const sku of skus) {
		// Shopify's search matches loosely (prefixes, case): keep the exact SKU only.
		const items = (await readInventoryItems(api, skuSearchQuery(sku))).filter((item) => item.sku?.trim() === sku);
		levels.push(...items.flatMap((item) => shopifyStockLevels(item, warehouse)));
	}
	return levels;
}

const CONCURRENT_RETRIES = 3;

async function setStock(api: ShopApi, request: { sku: string; warehouse: string; quantity: number; idempotencyKey: string; expectedQuantity?: number }): Promise<SetStockOutcome> {
	const level = await oneLevel(api, request.sku, request.warehouse);
	const previousQuantity = Number(level.platformRef.available);
	const unchanged = unchangedStock(request, previousQuantity);
	if (unchanged) return unchanged;
	const input = {
		name: 'available',
		reason: 'correction',
		quantities: [
			{
				inventoryItemId: level.platformRef.inventoryItemId,
				locationId: level.platformRef.locationId,
				quantity: request.quantity,
				// Mandatory from 2026-04: the expected quantity, or null to write whatever is there.
				changeFromQuantity: request.expectedQuantity ?? null,
			},
		],
	};
	for (let attempt = 1; ; attempt++) {
		const data: { inventorySetQuantities: { userErrors: UserError[] } } = await graphql(
			api,
			setQuantityMutation(request.idempotencyKey),
			{ input },
			{ cost: MUTATION_COST, write: true, idempotent: true },
		);
		const errors = data.inventorySetQuantities.userErrors ?? [];
		if (errors.length === 0) break;
		const code = errors[0].code ?? 'REFUSED';
		if (code === 'IDEMPOTENCY_CONCURRENT_REQUEST' && attempt < CONCURRENT_RETRIES) {
			await api.sleep(1000 * attempt);
			continue;
		}
		throw new ShopPlatformError(NAME, code, errors.map((e) => e.message).join('; '), STOCK_HINTS[code]);
	}
	// Shopify answers a Write ID it has seen with the first result and changes nothing; a
	// stock that is not at the value afterwards means this write was applied before.
	const after = Number((await oneLevel(api, request.sku, request.warehouse)).platformRef.available);
	return { stockStatus: after === request.quantity ? 'applied' : 'alreadyApplied', previousQuantity, quantity: request.quantity };
}

const STOCK_HINTS: Record<string, string> = {
	CHANGE_FROM_QUANTITY_STALE:
		'The stock changed since it was read: read it again (Stock → Get Many) and send the new value in Only If Stock Is Still, with a new Write ID.',
	IDEMPOTENCY_KEY_PARAMETER_MISMATCH: 'This Write ID was used before for a different write: give this write its own Write ID.',
	ITEM_NOT_STOCKED_AT_LOCATION: 'The SKU is not stocked at this location: activate it there in Shopify first.',
};

async function oneLevel(api: ShopApi, sku: string, warehouse: string): Promise<StockLevel> {
	const levels = await listStock(api, [sku], warehouse);
	if (levels.length === 1) return levels[0];
	if (levels.length === 0) {
		throw new ShopPlatformError(
			NAME,
			'NOT_FOUND',
			`SKU ${sku}${warehouse ? ` at location "${warehouse}"` : ''} was not found`,
			'Check the SKU on the variant and the location name; the SKU must be stocked (inventory tracked) at that location.',
		);
	}
	throw new ShopPlatformError(
		NAME,
		'LOCATION_REQUIRED',
		`SKU ${sku} is stocked at ${levels.length} locations (${levels.map((l) => l.warehouse).join(', ')})`,
		'Set Location to the one to write.',
	);
}

// ---------------------------------------------------------------- coupons

/** Which of these codes exist on the shop: upper-cased code → its discount's id. */
async function lookUpCodes(api: ShopApi, codes: string[]): Promise<Map<string, string>> {
	const found = new Map<string, string>();
	for (let start = 0; start < codes.length; start += CODES_PER_LOOKUP) {
		const chunk = codes.slice(start, start + CODES_PER_LOOKUP);
		const variables = Object.fromEntries(chunk.map((code, i) => [`c${i}`, code]));
		const data: Record<string, { id: string } | null> = await graphql(api, codeLookupQuery(chunk.length), variables, { cost: chunk.length });
		chunk.forEach((code, i) => {
			const node = data[`c${i}`];
			if (node?.id) found.set(code.toUpperCase(), node.id);
		});
	}
	return found;
}

type Created = { id: string } | { failed: { code: string; message: string } };

/**
 * Creates a discount with its first code. Sent again after a lost answer, Shopify refuses the
 * code as taken: the code is then looked up, and found (it was not there before) it is ours.
 */
async function createDiscount(api: ShopApi, input: Record<string, unknown>): Promise<Created> {
	const data: { discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: UserError[] } } = await graphql(
		api,
		DISCOUNT_CREATE_MUTATION,
		{ discount: input },
		{ cost: MUTATION_COST, write: true, idempotent: true },
	);
	const result = data.discountCodeBasicCreate;
	if (result.codeDiscountNode?.id) return { id: result.codeDiscountNode.id };
	const errors = result.userErrors ?? [];
	if (errors.some((e) => e.code === 'TAKEN' || e.code === 'DUPLICATE')) {
		const id = (await lookUpCodes(api, [String(input.code)])).get(String(input.code).toUpperCase());
		if (id) return { id };
	}
	return { failed: { code: errors[0]?.code ?? 'REFUSED', message: errors.map((e) => e.message).join('; ') || 'the discount was not created' } };
}

/** Waits between polls of a bulk code job: 0.25 s, 0.5 s, 1 s, then every 2 s, for up to ~2 minutes. */
const POLL_WAITS_MS = [250, 500, 1000, ...Array<number>(60).fill(2000)];

interface BulkCode {
	code: string;
	errors: UserError[];
	discountRedeemCode: { id: string } | null;
}

/**
 * Adds codes to a discount (asynchronous on Shopify) and waits for the job: each code's
 * outcome, by upper-cased code. A code refused as taken is ours when it now belongs to this
 * discount (a retried request after a lost answer).
 */
async function addCodes(api: ShopApi, discountId: string, codes: string[]): Promise<Map<string, { ok: true } | { code: string; message: string }>> {
	const outcomes = new Map<string, { ok: true } | { code: string; message: string }>();
	for (let start = 0; start < codes.length; start += CODES_PER_BULK_ADD) {
		const chunk = codes.slice(start, start + CODES_PER_BULK_ADD);
		const data: { discountRedeemCodeBulkAdd: { bulkCreation: { id: string } | null; userErrors: UserError[] } } = await graphql(
			api,
			BULK_ADD_MUTATION,
			{ discountId, codes: chunk.map((code) => ({ code })) },
			// Codes are unique in a shop: a repeated request cannot add a code twice.
			{ cost: MUTATION_COST, write: true, idempotent: true },
		);
		const job = data.discountRedeemCodeBulkAdd;
		if (!job.bulkCreation?.id) {
			const refusal = { code: job.userErrors?.[0]?.code ?? 'REFUSED', message: (job.userErrors ?? []).map((e) => e.message).join('; ') || 'the codes were not added' };
			for (const code of chunk) outcomes.set(code.toUpperCase(), refusal);
			continue;
		}
		const reported = await waitForBulkJob(api, job.bulkCreation.id);
		const taken: string[] = [];
		for (const code of chunk) {
			const entry = reported.get(code.toUpperCase());
			if (!entry) {
				outcomes.set(code.toUpperCase(), { code: 'NOT_REPORTED', message: 'Shopify did not report this code; run again to add it' });
			} else if (entry.discountRedeemCode && entry.errors.length === 0) {
				outcomes.set(code.toUpperCase(), { ok: true });
			} else if (entry.errors.some((e) => e.code === 'TAKEN' || e.code === 'DUPLICATE')) {
				taken.push(code);
				outcomes.set(code.toUpperCase(), { code: entry.errors[0].code ?? 'TAKEN', message: 'The code is already used by another discount on the shop' });
			} else {
				outcomes.set(code.toUpperCase(), { code: entry.errors[0]?.code ?? 'REFUSED', message: entry.errors.map((e) => e.message).join('; ') || 'the code was not added' });
			}
		}
		if (taken.length > 0) {
			const owners = await lookUpCodes(api, taken);
			for (const code of taken) if (owners.get(code.toUpperCase()) === discountId) outcomes.set(code.toUpperCase(), { ok: true });
		}
	}
	return outcomes;
}

async function waitForBulkJob(api: ShopApi, id: string): Promise<Map<string, BulkCode>> {
	for (const waitMs of POLL_WAITS_MS) {
		await api.sleep(waitMs);
		const first = await pollBulkJob(api, id, null);
		if (!first.done) continue;
		const codes = new Map<string, BulkCode>();
		let page = first;
		for (;;) {
			for (const node of page.codes.nodes) codes.set(node.code.toUpperCase(), node);
			if (!page.codes.pageInfo.hasNextPage) return codes;
			page = await pollBulkJob(api, id, page.codes.pageInfo.endCursor ?? null);
		}
	}
	throw new ShopPlatformError(NAME, 'BULK_JOB_PENDING', 'Shopify is still adding the codes', 'Run again in a few minutes: codes already on the shop come out alreadyIssued.');
}

async function pollBulkJob(api: ShopApi, id: string, after: string | null) {
	const data: { discountRedeemCodeBulkCreation: { done: boolean; codes: { pageInfo: PageInfo; nodes: BulkCode[] } } | null } = await graphql(
		api,
		BULK_CREATION_QUERY,
		{ id, after },
		{ cost: 3 + 2 + 250 * 3 },
	);
	const job = data.discountRedeemCodeBulkCreation;
	if (!job) throw new ShopPlatformError(NAME, 'NOT_FOUND', 'The bulk code job was not found');
	return job;
}

const SHARED_NOTE = 'Shared discount: the customer has no Shopify customer id, so the code is not limited to one buyer (each buyer may use it once)';

async function issueCoupons(api: ShopApi, coupons: CouponToIssue[]): Promise<IssueOutcome[]> {
	const outcomes: IssueOutcome[] = new Array(coupons.length);
	const data: { shop: { currencyCode: string } } = await graphql(api, SHOP_CURRENCY_QUERY, {}, { cost: 1 });
	const plans = coupons.map((coupon) => discountInputFor(coupon, data.shop.currencyCode));
	const existing = await lookUpCodes(
		api,
		coupons.filter((_, i) => plans[i].ok).map((coupon) => coupon.coupon.code),
	);

	const firstIndexOfCode = new Map<string, number>();
	const shared = new Map<string, number[]>();
	for (let i = 0; i < coupons.length; i++) {
		const plan = plans[i];
		const code = coupons[i].coupon.code;
		if (!plan.ok) {
			outcomes[i] = { issueStatus: 'failed', platformCode: plan.code, issueMessage: plan.message };
			continue;
		}
		const id = existing.get(code.toUpperCase());
		if (id || firstIndexOfCode.has(code.toUpperCase())) {
			// A code on the shop (an earlier run) or given twice in this input: issued once only.
			outcomes[i] = { issueStatus: 'alreadyIssued', ...(id ? { platformCouponId: id } : {}) };
			continue;
		}
		firstIndexOfCode.set(code.toUpperCase(), i);
		if (plan.customerGid) {
			const created = await createDiscount(api, plan.input);
			outcomes[i] =
				'id' in created
					? { issueStatus: 'issued', platformCouponId: created.id }
					: { issueStatus: 'failed', platformCode: created.failed.code, issueMessage: created.failed.message };
			continue;
		}
		const key = termsKey(coupons[i].coupon);
		shared.set(key, [...(shared.get(key) ?? []), i]);
	}

	for (const indexes of shared.values()) {
		// The group's discount exists when one of its codes (from an earlier run) is on the shop.
		// (Only shared coupons: a customer's own discount is never a group's.)
		const groupKey = termsKey(coupons[indexes[0]].coupon);
		const groupCodes = coupons
			.filter((c, i) => plans[i].ok && !(plans[i] as { customerGid?: string }).customerGid && termsKey(c.coupon) === groupKey)
			.map((c) => c.coupon.code.toUpperCase());
		let discountId = groupCodes.map((code) => existing.get(code)).find((id) => id !== undefined);
		let toAdd = indexes;
		if (!discountId) {
			const [first, ...rest] = indexes;
			const plan = plans[first] as Extract<(typeof plans)[number], { ok: true }>;
			const created = await createDiscount(api, plan.input);
			if (!('id' in created)) {
				for (const i of indexes) outcomes[i] = { issueStatus: 'failed', platformCode: created.failed.code, issueMessage: created.failed.message };
				continue;
			}
			discountId = created.id;
			outcomes[first] = { issueStatus: 'issued', platformCouponId: discountId, issueMessage: SHARED_NOTE };
			toAdd = rest;
		}
		if (toAdd.length === 0) continue;
		const added = await addCodes(api, discountId, toAdd.map((i) => coupons[i].coupon.code));
		for (const i of toAdd) {
			const outcome = added.get(coupons[i].coupon.code.toUpperCase());
			outcomes[i] =
				outcome && 'ok' in outcome
					? { issueStatus: 'issued', platformCouponId: discountId, issueMessage: SHARED_NOTE }
					: { issueStatus: 'failed', platformCode: outcome?.code ?? 'REFUSED', issueMessage: outcome?.message ?? 'the code was not added' };
		}
	}
	return outcomes;
}

export const shopifyConnector: ShopConnector = {
	platform: 'shopify',
	displayName: NAME,
	credentialType: 'shopifyStoreApi',
	// The cost bucket is the real limit (waited for above); this only spaces requests out.
	requestsPerSecond: 20,
	readResponse: readShopifyResponse,
	orders: {
		maxWindowMs: DAY_MS,
		maxAgeDays: 60,
		settleMs: 2 * 60_000,
		fetchWindow: fetchOrderWindow,
		toOrder: (raw, options) => shopifyOrderToModel(raw as ShopifyOrder, { formatTime: formatterFor(options.timeZone) }),
	},
	stock: {
		list: (api, filter) => listStock(api, filter.skus, filter.warehouse),
		set: setStock,
	},
	coupons: { issue: issueCoupons },
};
