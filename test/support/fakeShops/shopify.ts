/**
 * A fake Shopify store: the GraphQL Admin API and the client credentials grant, as
 * shopify.dev documents them, checked by this file's own reading of the recipe:
 * - POST /admin/api/{2026-04|2026-01}/graphql.json with X-Shopify-Access-Token (a static
 *   admin token, or one from POST /admin/oauth/access_token that expires after 24 h on the
 *   FakeClock → HTTP 401 "[API] Invalid API key or access token …");
 * - query cost (scalar 0, object 1, connection 2 + first × node, mutation 10; at most 1000
 *   requested → MAX_COST_EXCEEDED), a leaky bucket with a restore rate, THROTTLED with
 *   `extensions.cost` when the bucket lacks the points, throttleStatus on every answer;
 * - orders: sortKey UPDATED_AT, the `updated_at:>='…' AND updated_at:<'…'` search, first ≤ 250,
 *   opaque cursors, at most 25,000 objects paged per list;
 * - inventorySetQuantities: @idempotent(key:) required (2026-04), changeFromQuantity required
 *   per quantity, CHANGE_FROM_QUANTITY_STALE, a seen key answers the first result and changes
 *   nothing (IDEMPOTENCY_KEY_PARAMETER_MISMATCH with other input);
 * - discounts: codes unique in the shop (TAKEN), discountRedeemCodeBulkAdd ≤ 250 codes and
 *   asynchronous (done after `bulkPolls` polls), codeDiscountNodeByCode case-insensitive.
 * Every write is logged (applied or refused as a duplicate).
 */
import { FakeClock, startFakeShop, type FakeRequest, type FakeReply, type FakeShopServer, type WriteRecord } from './server';

export interface FakeMoney {
	amount: string;
}

export interface FakeShopifyOrder {
	id: number;
	createdAt: string;
	updatedAt: string;
	cancelledAt?: string | null;
	closedAt?: string | null;
	displayFinancialStatus: string;
	displayFulfillmentStatus: string;
	sourceName?: string;
	total: string;
	refunded?: string;
	customerId?: number | null;
	lines: Array<{ sku: string | null; quantity: number; unitPrice: string; variantId?: number }>;
}

interface Level {
	locationId: number;
	available: number;
	on_hand: number;
	committed: number;
	incoming: number;
}

export interface FakeDiscount {
	id: string;
	title: string;
	input: Record<string, unknown>;
	codes: string[];
}

interface BulkJob {
	id: string;
	discountId: string;
	pollsLeft: number;
	results: Array<{ code: string; errors: Array<{ code: string; field: string[]; message: string }>; redeemId: string | null }>;
}

export interface ShopifyFakeOptions {
	version?: string;
	adminToken?: string;
	clientId?: string;
	clientSecret?: string;
	currency?: string;
	maximumAvailable?: number;
	restoreRate?: number;
	/** Polls of a bulk code job before it is done (1 or 2). */
	bulkPolls?: number;
	customers?: number[];
	clock?: FakeClock;
}

export interface ShopifyFake extends FakeShopServer {
	clock: FakeClock;
	/** Tokens issued by the client credentials grant. */
	issuedTokens: string[];
	upsertOrder(order: FakeShopifyOrder): void;
	addLocation(id: number, name: string): void;
	setLevel(sku: string, level: Level): void;
	stockOf(sku: string, locationId: number): Level | undefined;
	discounts(): FakeDiscount[];
	/** Gives a code to another discount (a code the shop already uses). */
	addForeignCode(code: string): void;
	/** The bucket: tests shrink it to see waits, or widen it to keep tests fast. */
	bucket: { maximumAvailable: number; restoreRate: number; available: number; at: number };
	/** Query costs requested, in order (operations that passed the bucket). */
	costs: Array<{ operation: string; requested: number }>;
}

const GID = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;
const TOKEN_LIFETIME_S = 86_399;
const MAX_PAGED_OBJECTS = 25_000;

export async function startShopifyFake(options: ShopifyFakeOptions = {}): Promise<ShopifyFake> {
	const clock = options.clock ?? new FakeClock();
	const versions = new Set([options.version ?? '2026-04', '2026-01', '2026-04']);
	const orders = new Map<number, FakeShopifyOrder>();
	const locations = new Map<number, string>();
	const items = new Map<string, { id: number; levels: Map<number, Level> }>();
	const discounts: FakeDiscount[] = [];
	const codeOwner = new Map<string, string>();
	const jobs = new Map<string, BulkJob>();
	const idempotency = new Map<string, { input: string; reply: unknown }>();
	const tokens = new Map<string, number>();
	const issuedTokens: string[] = [];
	const customers = new Set((options.customers ?? []).map((id) => GID('Customer', id)));
	const costs: Array<{ operation: string; requested: number }> = [];
	const bucket = {
		maximumAvailable: options.maximumAvailable ?? 1000,
		restoreRate: options.restoreRate ?? 100,
		available: options.maximumAvailable ?? 1000,
		at: clock.now(),
	};
	let nextId = 1000;

	function authorized(request: FakeRequest): boolean {
		const token = String(request.headers['x-shopify-access-token'] ?? '');
		if (token === '') return false;
		if (options.adminToken && token === options.adminToken) return true;
		const expiresAt = tokens.get(token);
		return expiresAt !== undefined && clock.now() < expiresAt;
	}

	function refill(): void {
		const now = clock.now();
		bucket.available = Math.min(bucket.maximumAvailable, bucket.available + ((now - bucket.at) / 1000) * bucket.restoreRate);
		bucket.at = now;
	}

	function costExtension(requested: number, actual: number | null) {
		return {
			cost: {
				requestedQueryCost: requested,
				actualQueryCost: actual,
				throttleStatus: { maximumAvailable: bucket.maximumAvailable, currentlyAvailable: Math.floor(bucket.available), restoreRate: bucket.restoreRate },
			},
		};
	}

	const handler = {
		operationOf(request: FakeRequest): string {
			if (request.path.endsWith('/oauth/access_token')) return 'oauth.access_token';
			try {
				const doc = parseDocument(String(request.body.query ?? ''));
				return doc.fields.map((f) => f.name).filter((n, i, all) => all.indexOf(n) === i).join('+');
			} catch {
				return 'unparsable';
			}
		},
		handle(request: FakeRequest, log: { write(record: WriteRecord): void }): FakeReply {
			if (request.path === '/admin/oauth/access_token') return grant(request);
			const match = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(request.path);
			if (request.method !== 'POST' || !match) return { status: 404, body: { errors: 'Not Found' } };
			if (!versions.has(match[1])) return { status: 404, body: { errors: 'Not Found' } };
			if (!authorized(request)) return { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
			if (!String(request.headers['content-type'] ?? '').includes('application/json')) return { status: 400, body: { errors: 'Content-Type must be application/json' } };
			let doc: ParsedDocument;
			try {
				doc = parseDocument(String(request.body.query ?? ''));
			} catch (error) {
				return { body: { errors: [{ message: `Parse error: ${(error as Error).message}`, extensions: { code: 'PARSE_ERROR' } }] } };
			}
			const variables = (request.body.variables ?? {}) as Record<string, unknown>;
			const requested = doc.kind === 'mutation' ? 10 : doc.fields.reduce((sum, f) => sum + fieldCost(f, variables), 0);
			refill();
			if (requested > 1000) {
				return { body: { errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (1000).`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: 1000 } }] } };
			}
			if (requested > bucket.available) {
				return { body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: costExtension(requested, null) } };
			}
			bucket.available -= requested;
			costs.push({ operation: doc.fields.map((f) => f.name)[0], requested });
			const data: Record<string, unknown> = {};
			let actual = doc.kind === 'mutation' ? 10 : 0;
			for (const field of doc.fields) {
				const result = resolve(field, variables, log);
				if ('error' in result) return { body: { errors: [{ message: result.error, extensions: { code: result.code } }] } };
				data[field.alias ?? field.name] = result.value;
				if (doc.kind === 'query') actual += actualCost(field, result.value, variables);
			}
			// "The bucket is charged the requested cost up front; the difference to the actual cost
			// is refunded after the query ran" (shopify.dev/docs/api/usage/rate-limits, cost calculation).
			actual = Math.min(actual, requested);
			bucket.available = Math.min(bucket.maximumAvailable, bucket.available + requested - actual);
			return { body: { data, extensions: costExtension(requested, actual) } };
		},
	};

	function grant(request: FakeRequest): FakeReply {
		const { grant_type, client_id, client_secret } = request.body as Record<string, string>;
		if (grant_type !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
		if (!options.clientId || client_id !== options.clientId || client_secret !== options.clientSecret) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
		}
		const token = `shpat_fakeissued${String(issuedTokens.length + 1).padStart(4, '0')}x${Math.random().toString(36).slice(2, 10)}`;
		tokens.set(token, clock.now() + TOKEN_LIFETIME_S * 1000);
		issuedTokens.push(token);
		return { body: { access_token: token, scope: 'read_orders,read_inventory,write_inventory,read_discounts,write_discounts', expires_in: TOKEN_LIFETIME_S } };
	}

	type Result = { value: unknown } | { error: string; code: string };

	function resolve(field: Field, variables: Record<string, unknown>, log: { write(record: WriteRecord): void }): Result {
		const args = argsOf(field, variables);
		switch (field.name) {
			case 'shop':
				return { value: { name: 'Fake Store', currencyCode: options.currency ?? 'USD' } };
			case 'orders':
				return ordersConnection(args);
			case 'order': {
				const order = orders.get(Number(String(args.id).split('/').pop()));
				if (!order) return { value: null };
				const lineFirst = Number(field.children.find((c) => c.name === 'lineItems')?.args.first ?? 0);
				const lineArgs = argsOf(field.children.find((c) => c.name === 'lineItems')!, variables);
				return { value: { lineItems: lineConnection(order, lineFirst, lineArgs.after as string | null) } };
			}
			case 'inventoryItems':
				return inventoryConnection(args, field);
			case 'codeDiscountNodeByCode': {
				const owner = codeOwner.get(String(args.code).toUpperCase());
				return { value: owner ? { id: owner } : null };
			}
			case 'inventorySetQuantities':
				return setQuantities(field, args, log);
			case 'discountCodeBasicCreate':
				return createDiscount(args.basicCodeDiscount as Record<string, unknown>, log);
			case 'discountRedeemCodeBulkAdd':
				return bulkAdd(String(args.discountId), args.codes as Array<{ code: string }>, log);
			case 'discountRedeemCodeBulkCreation':
				return pollJob(String(args.id), args.after as string | null);
			default:
				return { error: `Field '${field.name}' doesn't exist on type 'QueryRoot'`, code: 'undefinedField' };
		}
	}

	function ordersConnection(args: Record<string, unknown>): Result {
		if (args.sortKey !== 'UPDATED_AT') return { error: 'expected sortKey UPDATED_AT', code: 'FAKE_EXPECTATION' };
		const first = Number(args.first);
		if (!(first >= 1 && first <= 250)) return { error: 'first must be between 1 and 250', code: 'BAD_REQUEST' };
		const m = /^updated_at:>='([^']+)' AND updated_at:<'([^']+)'$/.exec(String(args.query ?? ''));
		if (!m) return { error: `unsupported search ${String(args.query)}`, code: 'FAKE_EXPECTATION' };
		const from = Date.parse(m[1]);
		const to = Date.parse(m[2]);
		const matching = [...orders.values()]
			.filter((o) => Date.parse(o.updatedAt) >= from && Date.parse(o.updatedAt) < to)
			.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.id - b.id);
		const offset = args.after ? decodeCursor(String(args.after)) : 0;
		if (Number.isNaN(offset)) return { error: 'Invalid cursor', code: 'BAD_REQUEST' };
		if (offset + first > MAX_PAGED_OBJECTS) return { error: 'Pagination is limited to 25,000 objects', code: 'BAD_REQUEST' };
		const page = matching.slice(offset, offset + first);
		return {
			value: {
				pageInfo: { hasNextPage: offset + first < matching.length, endCursor: page.length ? encodeCursor(offset + page.length) : null },
				nodes: page.map((order) => orderNode(order)),
			},
		};
	}

	function orderNode(order: FakeShopifyOrder) {
		const money = (amount: string) => ({ shopMoney: { amount, currencyCode: options.currency ?? 'USD' } });
		return {
			id: GID('Order', order.id),
			legacyResourceId: String(order.id),
			name: `#${order.id}`,
			createdAt: order.createdAt,
			updatedAt: order.updatedAt,
			cancelledAt: order.cancelledAt ?? null,
			closedAt: order.closedAt ?? null,
			displayFinancialStatus: order.displayFinancialStatus,
			displayFulfillmentStatus: order.displayFulfillmentStatus,
			sourceName: order.sourceName ?? 'web',
			totalPriceSet: money(order.total),
			totalRefundedSet: money(order.refunded ?? '0.00'),
			currentTotalPriceSet: money(order.total),
			customer: order.customerId ? { id: GID('Customer', order.customerId) } : null,
			lineItems: lineConnection(order, 20, null),
		};
	}

	function lineConnection(order: FakeShopifyOrder, first: number, after: string | null) {
		const offset = after ? decodeCursor(after) : 0;
		const page = order.lines.slice(offset, offset + first);
		return {
			pageInfo: { hasNextPage: offset + first < order.lines.length, endCursor: page.length ? encodeCursor(offset + page.length) : null },
			nodes: page.map((line) => ({
				sku: line.sku,
				name: `Item ${line.sku ?? line.variantId}`,
				quantity: line.quantity,
				variant: line.variantId ? { legacyResourceId: String(line.variantId) } : null,
				discountedUnitPriceSet: { shopMoney: { amount: line.unitPrice, currencyCode: options.currency ?? 'USD' } },
			})),
		};
	}

	function inventoryConnection(args: Record<string, unknown>, field: Field): Result {
		const first = Number(args.first);
		if (!(first >= 1 && first <= 250)) return { error: 'first must be between 1 and 250', code: 'BAD_REQUEST' };
		const q = args.query ? String(args.query) : '';
		const skuMatch = /^sku:"((?:[^"\\]|\\.)*)"$/.exec(q);
		if (q && !skuMatch) return { error: `unsupported search ${q}`, code: 'FAKE_EXPECTATION' };
		// Shopify's search is loose: a prefix matches too (the connector must keep exact SKUs).
		const wanted = skuMatch ? (JSON.parse(`"${skuMatch[1]}"`) as string).toLowerCase() : undefined;
		const all = [...items.entries()].filter(([sku]) => wanted === undefined || sku.toLowerCase().startsWith(wanted));
		const offset = args.after ? decodeCursor(String(args.after)) : 0;
		const page = all.slice(offset, offset + first);
		const names = (field.children.find((c) => c.name === 'nodes')?.children ?? []).length > 0;
		return {
			value: {
				pageInfo: { hasNextPage: offset + first < all.length, endCursor: page.length ? encodeCursor(offset + page.length) : null },
				nodes: names
					? page.map(([sku, item]) => ({
							id: GID('InventoryItem', item.id),
							sku,
							tracked: true,
							inventoryLevels: {
								nodes: [...item.levels.values()].map((level) => ({
									location: { id: GID('Location', level.locationId), name: locations.get(level.locationId) ?? `Location ${level.locationId}` },
									quantities: (['available', 'on_hand', 'committed', 'incoming'] as const).map((name) => ({ name, quantity: level[name] })),
								})),
							},
						}))
					: [],
			},
		};
	}

	function setQuantities(field: Field, args: Record<string, unknown>, log: { write(record: WriteRecord): void }): Result {
		const key = field.directives.idempotent?.key;
		if (key === undefined) return { value: { inventoryAdjustmentGroup: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_MISSING', field: null, message: 'The @idempotent directive is required for this mutation (2026-04)' }] } };
		const input = args.input as { name: string; reason: string; quantities: Array<Record<string, unknown>> };
		const inputText = JSON.stringify(input);
		const seen = idempotency.get(key);
		if (seen) {
			log.write({ kind: 'stock.set', key, applied: false, detail: { duplicate: true } });
			if (seen.input !== inputText) {
				return { value: { inventoryAdjustmentGroup: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', field: null, message: 'The same idempotency key was used with different parameters' }] } };
			}
			return { value: seen.reply };
		}
		if (input.name !== 'available' && input.name !== 'on_hand') return { value: userError('INVALID_NAME', "The quantity name must be either 'available' or 'on_hand'") };
		if (!input.reason) return { value: userError('INVALID_REASON', 'A reason is required') };
		for (const [index, q] of input.quantities.entries()) {
			if (!('changeFromQuantity' in q)) return { value: userError('CHANGE_FROM_QUANTITY_REQUIRED', 'changeFromQuantity is required (2026-04); pass null to skip the check', index) };
			const level = levelOf(String(q.inventoryItemId), String(q.locationId));
			if (!level) return { value: userError('ITEM_NOT_STOCKED_AT_LOCATION', 'The item is not stocked at the location', index) };
			if (q.changeFromQuantity !== null && q.changeFromQuantity !== level[input.name as 'available']) {
				log.write({ kind: 'stock.set', key, applied: false, detail: { stale: true, expected: q.changeFromQuantity, actual: level.available } });
				return { value: userError('CHANGE_FROM_QUANTITY_STALE', 'The changeFromQuantity does not match the current quantity', index) };
			}
		}
		for (const q of input.quantities) {
			const level = levelOf(String(q.inventoryItemId), String(q.locationId))!;
			const delta = Number(q.quantity) - level.available;
			level.available += delta;
			level.on_hand += delta;
		}
		const reply = { inventoryAdjustmentGroup: { id: GID('InventoryAdjustmentGroup', nextId++) }, userErrors: [] };
		idempotency.set(key, { input: inputText, reply });
		log.write({ kind: 'stock.set', key, applied: true, detail: { quantities: input.quantities } });
		return { value: reply };
	}

	function userError(code: string, message: string, index?: number) {
		return { inventoryAdjustmentGroup: null, userErrors: [{ code, field: index === undefined ? null : ['input', 'quantities', String(index)], message }] };
	}

	function levelOf(itemGid: string, locationGid: string): Level | undefined {
		for (const item of items.values()) {
			if (GID('InventoryItem', item.id) !== itemGid) continue;
			return [...item.levels.values()].find((l) => GID('Location', l.locationId) === locationGid);
		}
		return undefined;
	}

	function discountErrors(input: Record<string, unknown>): Array<{ code: string; field: string[]; message: string }> {
		const errors: Array<{ code: string; field: string[]; message: string }> = [];
		for (const required of ['title', 'code', 'context', 'startsAt', 'customerGets']) {
			if (input[required] === undefined || input[required] === null) errors.push({ code: 'BLANK', field: ['basicCodeDiscount', required], message: `${required} can't be blank` });
		}
		const value = (input.customerGets as { value?: { percentage?: number } } | undefined)?.value;
		if (value?.percentage !== undefined && !(value.percentage > 0 && value.percentage <= 1)) {
			errors.push({ code: 'VALUE_OUTSIDE_RANGE', field: ['basicCodeDiscount', 'customerGets', 'value', 'percentage'], message: 'Value must be between 0.00 - 1.00' });
		}
		const added = ((input.context as { customers?: { add?: string[] } } | undefined)?.customers?.add ?? []) as string[];
		for (const gid of added) {
			if (!customers.has(gid)) errors.push({ code: 'INVALID', field: ['basicCodeDiscount', 'context', 'customers', 'add'], message: `Customer ${gid.split('/').pop()} does not exist` });
		}
		if (input.endsAt && input.startsAt && Date.parse(String(input.endsAt)) <= Date.parse(String(input.startsAt))) {
			errors.push({ code: 'INVALID', field: ['basicCodeDiscount', 'endsAt'], message: 'Ends at needs to be after starts_at' });
		}
		return errors;
	}

	function createDiscount(input: Record<string, unknown>, log: { write(record: WriteRecord): void }): Result {
		const code = String(input.code ?? '');
		if (codeOwner.has(code.toUpperCase())) {
			log.write({ kind: 'coupon.create', key: code, applied: false, detail: { taken: true } });
			return { value: { codeDiscountNode: null, userErrors: [{ code: 'TAKEN', field: ['basicCodeDiscount', 'code'], message: 'Code must be unique. Please try a different code.' }] } };
		}
		const errors = discountErrors(input);
		if (errors.length > 0) {
			log.write({ kind: 'coupon.create', key: code, applied: false, detail: { errors } });
			return { value: { codeDiscountNode: null, userErrors: errors } };
		}
		const id = GID('DiscountCodeNode', nextId++);
		discounts.push({ id, title: String(input.title), input, codes: [code] });
		codeOwner.set(code.toUpperCase(), id);
		log.write({ kind: 'coupon.create', key: code, applied: true, detail: { discountId: id, input } });
		return { value: { codeDiscountNode: { id }, userErrors: [] } };
	}

	function bulkAdd(discountId: string, codes: Array<{ code: string }>, log: { write(record: WriteRecord): void }): Result {
		const discount = discounts.find((d) => d.id === discountId);
		if (!discount) return { value: { bulkCreation: null, userErrors: [{ code: 'INVALID', field: ['discountId'], message: 'Discount does not exist' }] } };
		if (!Array.isArray(codes) || codes.length > 250) {
			return { value: { bulkCreation: null, userErrors: [{ code: 'TOO_MANY_ARGUMENTS', field: ['codes'], message: 'Maximum: 250 codes' }] } };
		}
		// Asynchronous: the codes are added now, the job reports done after `bulkPolls` polls.
		const job: BulkJob = { id: GID('DiscountRedeemCodeBulkCreation', nextId++), discountId, pollsLeft: options.bulkPolls ?? 2, results: [] };
		const inBatch = new Set<string>();
		for (const { code } of codes) {
			const upper = code.toUpperCase();
			if (inBatch.has(upper)) {
				job.results.push({ code, errors: [{ code: 'DUPLICATE', field: ['code'], message: 'is already present' }], redeemId: null });
				continue;
			}
			inBatch.add(upper);
			if (codeOwner.has(upper)) {
				log.write({ kind: 'coupon.code', key: code, applied: false, detail: { taken: true, discountId } });
				job.results.push({ code, errors: [{ code: 'TAKEN', field: ['code'], message: 'The input value is already taken' }], redeemId: null });
				continue;
			}
			codeOwner.set(upper, discountId);
			discount.codes.push(code);
			log.write({ kind: 'coupon.code', key: code, applied: true, detail: { discountId } });
			job.results.push({ code, errors: [], redeemId: GID('DiscountRedeemCode', nextId++) });
		}
		jobs.set(job.id, job);
		return { value: { bulkCreation: { id: job.id }, userErrors: [] } };
	}

	function pollJob(id: string, after: string | null): Result {
		const job = jobs.get(id);
		if (!job) return { value: null };
		const done = job.pollsLeft <= 1;
		job.pollsLeft -= 1;
		const offset = after ? decodeCursor(after) : 0;
		const page = done ? job.results.slice(offset, offset + 250) : [];
		return {
			value: {
				done,
				codesCount: job.results.length,
				importedCount: done ? job.results.filter((r) => r.redeemId).length : 0,
				failedCount: done ? job.results.filter((r) => !r.redeemId).length : 0,
				codes: {
					pageInfo: { hasNextPage: done && offset + 250 < job.results.length, endCursor: page.length ? encodeCursor(offset + page.length) : null },
					nodes: page.map((r) => ({ code: r.code, errors: r.errors, discountRedeemCode: r.redeemId ? { id: r.redeemId } : null })),
				},
			},
		};
	}

	const server = await startFakeShop(handler);
	return Object.assign(server, {
		clock,
		issuedTokens,
		bucket,
		costs,
		upsertOrder(order: FakeShopifyOrder) {
			orders.set(order.id, order);
		},
		addLocation(id: number, name: string) {
			locations.set(id, name);
		},
		setLevel(sku: string, level: Level) {
			const item = items.get(sku) ?? { id: nextId++, levels: new Map<number, Level>() };
			item.levels.set(level.locationId, { ...level });
			items.set(sku, item);
		},
		stockOf(sku: string, locationId: number) {
			return items.get(sku)?.levels.get(locationId);
		},
		discounts: () => discounts,
		addForeignCode(code: string) {
			const id = GID('DiscountCodeNode', nextId++);
			discounts.push({ id, title: 'Foreign', input: { code }, codes: [code] });
			codeOwner.set(code.toUpperCase(), id);
		},
	});
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor: string) => {
	const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
	return m ? Number(m[1]) : NaN;
};

// ---------------------------------------------------------------- a small GraphQL reader

interface Field {
	alias?: string;
	name: string;
	/** Argument values as written: `$var`, a number, a string literal, an enum, or raw text of a list/object. */
	args: Record<string, string>;
	directives: Record<string, Record<string, string>>;
	children: Field[];
}

interface ParsedDocument {
	kind: 'query' | 'mutation';
	fields: Field[];
}

function parseDocument(text: string): ParsedDocument {
	let i = 0;
	const ws = () => {
		while (i < text.length && /[\s,]/.test(text[i])) i++;
	};
	const name = () => {
		ws();
		const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(text.slice(i));
		if (!m) throw new Error(`a name expected at ${i}`);
		i += m[0].length;
		return m[0];
	};
	const balanced = (open: string, close: string) => {
		const start = i;
		let depth = 0;
		let inString = false;
		for (; i < text.length; i++) {
			const c = text[i];
			if (inString) {
				if (c === '\\') i++;
				else if (c === '"') inString = false;
				continue;
			}
			if (c === '"') inString = true;
			else if (c === open) depth++;
			else if (c === close && --depth === 0) {
				i++;
				return text.slice(start + 1, i - 1);
			}
		}
		throw new Error('unbalanced');
	};
	const parseArgs = (raw: string) => {
		const args: Record<string, string> = {};
		let j = 0;
		while (j < raw.length) {
			const m = /^[\s,]*([_A-Za-z][_0-9A-Za-z]*)\s*:\s*/.exec(raw.slice(j));
			if (!m) break;
			j += m[0].length;
			const start = j;
			let depth = 0;
			let inString = false;
			for (; j < raw.length; j++) {
				const c = raw[j];
				if (inString) {
					if (c === '\\') j++;
					else if (c === '"') inString = false;
					continue;
				}
				if (c === '"') inString = true;
				else if (c === '[' || c === '{') depth++;
				else if (c === ']' || c === '}') depth--;
				else if (depth === 0 && (c === ',' || /\s/.test(c))) break;
			}
			args[m[1]] = raw.slice(start, j).trim();
		}
		return args;
	};
	const selection = (): Field[] => {
		ws();
		if (text[i] !== '{') throw new Error(`{ expected at ${i}`);
		i++;
		const fields: Field[] = [];
		for (;;) {
			ws();
			if (text[i] === '}') {
				i++;
				return fields;
			}
			if (text.startsWith('...', i)) {
				i += 3;
				ws();
				if (text.startsWith('on', i)) {
					name();
					name();
				}
				fields.push(...selection());
				continue;
			}
			let fieldName = name();
			let alias: string | undefined;
			ws();
			if (text[i] === ':') {
				i++;
				alias = fieldName;
				fieldName = name();
				ws();
			}
			let args: Record<string, string> = {};
			if (text[i] === '(') args = parseArgs(balanced('(', ')'));
			ws();
			const directives: Record<string, Record<string, string>> = {};
			while (text[i] === '@') {
				i++;
				const directive = name();
				ws();
				directives[directive] = text[i] === '(' ? parseArgs(balanced('(', ')')) : {};
				ws();
			}
			const children = text[i] === '{' ? selection() : [];
			fields.push({ alias, name: fieldName, args, directives, children });
		}
	};
	ws();
	let kind: 'query' | 'mutation' = 'query';
	if (text[i] !== '{') {
		const keyword = name();
		if (keyword !== 'query' && keyword !== 'mutation') throw new Error(`unsupported operation ${keyword}`);
		kind = keyword;
		ws();
		if (text[i] !== '(' && text[i] !== '{') name();
		ws();
		if (text[i] === '(') balanced('(', ')');
	}
	const fields = selection();
	// The idempotency key of a directive, as a literal string.
	for (const field of fields) {
		for (const directive of Object.values(field.directives)) {
			for (const [k, v] of Object.entries(directive)) if (v.startsWith('"')) directive[k] = JSON.parse(v) as string;
		}
	}
	return { kind, fields };
}

function valueOf(raw: string | undefined, variables: Record<string, unknown>): unknown {
	if (raw === undefined) return undefined;
	if (raw.startsWith('$')) return variables[raw.slice(1)] ?? null;
	if (raw.startsWith('"')) return JSON.parse(raw) as string;
	if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
	if (raw === 'null') return null;
	if (raw === 'true' || raw === 'false') return raw === 'true';
	return raw;
}

function argsOf(field: Field, variables: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, valueOf(v, variables)]));
}

/**
 * Requested cost as shopify.dev/docs/api/usage/limits describes it: scalars 0, objects 1,
 * a connection (a field with `first`) 2 + first × (one node: 1 + its fields), pageInfo free.
 */
/** The cost of what a field returned: a connection costs 2 plus its nodes actually returned. */
function actualCost(field: Field, value: unknown, variables: Record<string, unknown>): number {
	if (field.children.length === 0 || value === null || value === undefined) return 0;
	const first = valueOf(field.args.first, variables);
	if (typeof first === 'number') {
		const nodesField = field.children.find((c) => c.name === 'nodes' || c.name === 'edges');
		const list = nodesField ? ((value as Record<string, unknown>)[nodesField.alias ?? nodesField.name] as unknown[] | undefined) ?? [] : [];
		return 2 + list.reduce<number>((sum, node) => sum + 1 + nodesField!.children.reduce((s, c) => s + actualCost(c, (node as Record<string, unknown>)?.[c.alias ?? c.name], variables), 0), 0);
	}
	if (field.name === 'pageInfo') return 0;
	return 1 + field.children.reduce((sum, c) => sum + actualCost(c, (value as Record<string, unknown>)[c.alias ?? c.name], variables), 0);
}

function fieldCost(field: Field, variables: Record<string, unknown>): number {
	if (field.children.length === 0) return 0;
	const first = valueOf(field.args.first, variables);
	if (typeof first === 'number') {
		const nodes = field.children.find((c) => c.name === 'nodes' || c.name === 'edges');
		const nodeCost = nodes ? 1 + nodes.children.reduce((sum, c) => sum + fieldCost(c, variables), 0) : 1;
		return 2 + first * nodeCost;
	}
	if (field.name === 'pageInfo') return 0;
	return 1 + field.children.reduce((sum, c) => sum + fieldCost(c, variables), 0);
}
