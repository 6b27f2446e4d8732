/**
 * What a shop platform plugs into the shared connector core. One object per platform
 * (nodes/<Platform>/connector.ts) says how to read the platform's answers, how its order feed
 * is windowed and paged, how its stock and coupons are read and written; the core
 * (transport, operations, descriptions) does everything else the same way for all of them:
 * retries, throttling, token refresh, cursors, per-item errors, output shapes.
 *
 * Pure parts (signing, mapping payloads into the model) live in nodes/lib/shop/platforms/*;
 * this interface is glue because it makes requests through n8n's helpers.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CouponToIssue, IssueOutcome, SetStockOutcome, SetStockRequest, ShopOrder, StockLevel, TimeWindow } from '../../lib/shop';

export interface ShopRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/**
	 * Where, below the credential's base URL: a URL path (`/wp-json/wc/v3/orders`) or the
	 * platform's method name (`order.searchList`), which the credential's authenticate turns
	 * into the URL and signs.
	 */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/**
	 * A write. After a fault that may have reached the platform (time-out, 5xx) a write is sent
	 * again only when `idempotent` says the platform would not apply it twice (an idempotency
	 * id, compare-and-set, or an "already exists" answer). A refusal that was surely not
	 * applied (429, throttled) is always retried.
	 */
	write?: boolean;
	idempotent?: boolean;
}

export interface ShopResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** How the platform answered, read by the connector. */
export type Verdict =
	| { kind: 'ok'; data: unknown }
	/** Not applied (429, throttled, QPS exceeded): safe to send again after the wait. */
	| { kind: 'throttled'; waitMs?: number; reason: string }
	/** Failed on the platform's side (5xx, "system busy"): a write may or may not have been applied. */
	| { kind: 'unavailable'; waitMs?: number; reason: string }
	/** The access token expired or was revoked: refresh it once and send again. */
	| { kind: 'tokenRejected'; reason: string }
	| { kind: 'error'; code: string; message: string; hint?: string };

/** A connection to one shop for one node run: requests go through n8n, with retries. */
export interface ShopApi {
	/** Sends the request; resolves with the verdict's data, throws ShopPlatformError on an error. */
	call(request: ShopRequest): Promise<unknown>;
	/** Like call, but hands back a platform error as a verdict instead of throwing (for "already exists"). */
	attempt(request: ShopRequest): Promise<Verdict & { kind: 'ok' | 'error' }>;
	/** The clock (epoch ms); tests move it. */
	now(): number;
	/** Waits (rate limits; a platform's asynchronous job). */
	sleep(ms: number): Promise<void>;
}

export interface OrderMappingOptions {
	/** Zone to write timestamps in when the platform gives Unix times or wall-clock text. */
	timeZone: string;
}

export interface OrderFeed {
	/** Widest update-time window one query may span (the platform's rule), ms. */
	maxWindowMs: number;
	/** How many days back the platform serves orders by update time; undefined = no limit. */
	maxAgeDays?: number;
	/**
	 * The platform refuses any window older than maxAgeDays (Pinduoduo, Taobao: "only the last
	 * 3 months"), so a Time Range reaching further back is cut to it, with a notice. Without it
	 * the limit is only usual (Shopify serves older orders with read_all_orders) and a Time
	 * Range is sent as asked, with a warning.
	 */
	maxAgeEnforced?: boolean;
	/** How far behind now a window must end (indexing delay), ms. */
	settleMs: number;
	/** Reads every order updated in [start, end), all pages, in the platform's raw form. */
	fetchWindow(api: ShopApi, window: TimeWindow): Promise<unknown[]>;
	/** The raw order in the pack's model; throws ShopPlatformError-free plain Error on a payload it cannot read. */
	toOrder(raw: unknown, options: OrderMappingOptions): ShopOrder;
}

export interface StockFilter {
	/** SKU codes to read; empty = every SKU of the shop. */
	skus: string[];
	/** Warehouse/location to read; empty = all. */
	warehouse: string;
}

export interface StockApi {
	list(api: ShopApi, filter: StockFilter): Promise<StockLevel[]>;
	set(api: ShopApi, request: SetStockRequest): Promise<SetStockOutcome>;
}

export interface CouponApi {
	/**
	 * Issues coupons; one outcome per coupon, in order. A code the platform already has is
	 * `alreadyIssued`; a platform refusal of one coupon is `failed` with its message (a
	 * refusal of the whole call — bad credentials, throttling past the retries — throws).
	 */
	issue(api: ShopApi, coupons: CouponToIssue[]): Promise<IssueOutcome[]>;
}

export interface ShopConnector {
	/** The model's platform key, e.g. `douyin`. */
	platform: string;
	/** As users read it, e.g. `Douyin Shop (抖店)`. */
	displayName: string;
	credentialType: string;
	/**
	 * Steady request rate the platform allows an ordinary app, requests per second; the
	 * credential's Requests per Second overrides it (rateLimit.ts).
	 */
	requestsPerSecond: number;
	/** Reads a response: success, throttled, unavailable, token rejected, or the platform's error. */
	readResponse(response: ShopResponse): Verdict;
	orders: OrderFeed;
	stock: StockApi;
	/**
	 * Absent where the platform's open API offers no way to create shop coupons: the node then
	 * has no Coupon resource, and the README says why.
	 */
	coupons?: CouponApi;
}
