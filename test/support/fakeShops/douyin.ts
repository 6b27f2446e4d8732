/**
 * A fake Douyin Shop open platform (抖店开放平台) on 127.0.0.1, checking requests the way the
 * platform documents them and answering in its shapes:
 * - every call: POST /{method with . → /}, query app_key, method (must match the path),
 *   timestamp (Unix seconds, milliseconds or "yyyy-MM-dd HH:mm:ss" Beijing time — each SDK
 *   sends one of them — within 10 minutes of the platform's clock, doc "API调用指南"), v=2,
 *   sign_method (absent = md5), sign; the body is param_json. The signature is recomputed
 *   here from the recipe (secret + "app_key"… + "v2" + secret, HMAC-SHA256 keyed by the secret
 *   or MD5) over the body exactly as sent and over the body with keys re-sorted (the Java SDK
 *   signs the sorted form of an unsorted body); neither matches → 40003 isv.signature-invalid.
 * - tokens: token.create (authorization_self + shop_id) and token.refresh issue a new pair
 *   (access 7 days, refresh 14 days; a used refresh token dies); a call with an expired token
 *   → 40003 isv.access-token-expired, an unknown one → isv.access-token-no-existed.
 * - order.searchList: size ≤ 100, update-time windows no wider than `maxWindowSeconds`
 *   (the real limit is not published; the connector's one day), pages from 0, sorted by
 *   update_time; `onPageServed` lets a test change an order while the feed is being paged.
 * - sku.stockNum / sku.list / product.listV2 read the stock; sku.syncStock sets it, refusing
 *   an idempotent_id seen before (40003 isv.idempotent-id-existed, no change).
 * - throttling: more than `qps` calls in one second → 60000 isv.traffic-limited.
 * Every write lands in the write log.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

import { FakeClock, startFakeShop, type FakeReply, type FakeRequest, type FakeShopServer } from './server';

export interface DouyinFakeOrder {
	order_id: string;
	order_status: number;
	order_status_desc?: string;
	create_time: number;
	update_time: number;
	pay_amount: number;
	doudian_open_id?: string;
	sku_order_list: Array<Record<string, unknown>>;
}

export interface DouyinFakeOptions {
	appKey: string;
	appSecret: string;
	shopId: string;
	clock?: FakeClock;
	maxWindowSeconds?: number;
	qps?: number;
	accessTokenSeconds?: number;
}

export interface DouyinFake extends FakeShopServer {
	clock: FakeClock;
	orders: Map<string, DouyinFakeOrder>;
	/** stock[code][warehouse] = units; warehouse "" = the national stock. */
	stock: Map<string, Map<string, number>>;
	tokensIssued: number;
	/** Called after a page of order.searchList was served (page number, orders on it). */
	onPageServed?: (page: number, served: DouyinFakeOrder[]) => void;
	upsertOrder(order: DouyinFakeOrder): void;
	/** Expire every access token now (the platform revoked them). */
	revokeAccessTokens(): void;
}

const ok = (data: unknown): FakeReply => ({ body: { code: 10000, msg: 'success', sub_code: '', sub_msg: '', log_id: 'fake', data } });
const fail = (code: number, subCode: string, subMsg: string, msg = 'error'): FakeReply => ({
	body: { code, msg, sub_code: subCode, sub_msg: subMsg, log_id: 'fake', data: null },
});

function sortedJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		return `{${Object.keys(record)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}

/** The timestamp forms the SDKs send, as epoch ms; NaN for anything else. */
function timestampMs(text: string): number {
	if (/^\d{10}$/.test(text)) return Number(text) * 1000;
	if (/^\d{13}$/.test(text)) return Number(text);
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
	if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - 8 * 3_600_000;
	return NaN;
}

export async function startDouyinFake(options: DouyinFakeOptions): Promise<DouyinFake> {
	const clock = options.clock ?? new FakeClock();
	const maxWindowSeconds = options.maxWindowSeconds ?? 86_400;
	const accessTokenSeconds = options.accessTokenSeconds ?? 7 * 86_400;
	const accessTokens = new Map<string, number>(); // token → expires at (ms)
	const refreshTokens = new Map<string, number>();
	const seenIdempotentIds = new Set<string>();
	const recentCalls: number[] = [];
	const orders = new Map<string, DouyinFakeOrder>();
	const stock = new Map<string, Map<string, number>>();

	const fake = {} as DouyinFake;

	function issueTokens() {
		const access = 'dyat-' + randomBytes(12).toString('hex');
		const refresh = 'dyrt-' + randomBytes(12).toString('hex');
		accessTokens.set(access, clock.now() + accessTokenSeconds * 1000);
		refreshTokens.set(refresh, clock.now() + 14 * 86_400_000);
		fake.tokensIssued++;
		return { access_token: access, expires_in: accessTokenSeconds, refresh_token: refresh, scope: 'SCOPE', shop_id: Number(options.shopId), shop_name: 'Fake Shop' };
	}

	function verify(request: FakeRequest): FakeReply | undefined {
		const q = request.query;
		const method = q.get('method') ?? '';
		if (request.method !== 'POST') return fail(40001, 'isv.parameter-invalid', 'POST only');
		if ('/' + method.split('.').join('/') !== request.path) return fail(40001, 'isv.method-mismatch', `path ${request.path} ≠ method ${method}`);
		if (q.get('app_key') !== options.appKey) return fail(40003, 'isv.app-key-invalid', 'unknown app_key');
		if (q.get('v') !== '2') return fail(40001, 'isv.parameter-invalid', 'v must be 2');
		const timestamp = q.get('timestamp') ?? '';
		const at = timestampMs(timestamp);
		if (Number.isNaN(at)) return fail(40003, 'isv.timestamp-format-error', 'timestamp format');
		// Checked against real time: `clock` moves only token and refresh-token ages.
		if (Math.abs(at - Date.now()) > 10 * 60_000) return fail(40003, 'isv.timestamp-invalid', 'timestamp more than 10 minutes off');
		const signMethod = q.get('sign_method') ?? 'md5';
		const sign = (paramJson: string) => {
			const text = `${options.appSecret}app_key${options.appKey}method${method}param_json${paramJson}timestamp${timestamp}v2${options.appSecret}`;
			return signMethod === 'md5'
				? createHash('md5').update(text, 'utf8').digest('hex')
				: createHmac('sha256', options.appSecret).update(text, 'utf8').digest('hex');
		};
		const candidates = [request.rawBody || '{}', sortedJson(request.body)];
		if (!candidates.some((paramJson) => sign(paramJson) === q.get('sign'))) return fail(40003, 'isv.signature-invalid', 'sign not match');
		if (!method.startsWith('token.')) {
			const token = q.get('access_token') ?? '';
			if (!token) return fail(40001, 'isv.access-token-missing', 'access_token missing');
			const expiresAt = accessTokens.get(token);
			if (expiresAt === undefined) return fail(40003, 'isv.access-token-no-existed', 'access_token不存在');
			if (clock.now() >= expiresAt) return fail(40003, 'isv.access-token-expired', 'access_token已过期');
		}
		if (options.qps !== undefined) {
			const now = clock.now();
			while (recentCalls.length > 0 && recentCalls[0] <= now - 1000) recentCalls.shift();
			if (recentCalls.length >= options.qps) return fail(60000, 'isv.traffic-limited', '请求太频繁');
			recentCalls.push(now);
		}
		return undefined;
	}

	function levelData(code: string, warehouse: string) {
		const perWarehouse = stock.get(code);
		if (!perWarehouse) return undefined;
		const areas = [...perWarehouse.entries()].filter(([w]) => w !== '');
		if (areas.length > 0) {
			const map = Object.fromEntries(areas.filter(([w]) => !warehouse || w === warehouse));
			return { code, sku_id: "1700000000000000000", sku_type: 1, stock_num_map: map, prehold_stock_map: {} };
		}
		return { code, sku_id: '1700000000000000001', sku_type: 0, stock_num: perWarehouse.get('') ?? 0, prehold_stock_num: 0 };
	}

	const server = await startFakeShop({
		operationOf: (request) => request.query.get('method') ?? request.path,
		handle(request, log) {
			const refused = verify(request);
			if (refused) return refused;
			const method = request.query.get('method');
			const body = request.body as Record<string, unknown>;
			switch (method) {
				case 'token.create':
					if (body.grant_type !== 'authorization_self' || String(body.shop_id) !== options.shopId) {
						return fail(50001, 'dop.token-generate-failed:no-authorization', 'no authorization for this shop');
					}
					return ok(issueTokens());
				case 'token.refresh': {
					const token = String(body.refresh_token ?? '');
					const expiresAt = refreshTokens.get(token);
					if (expiresAt === undefined) return fail(50002, 'isv.business-failed:31009', 'refresh_token不存在');
					if (clock.now() >= expiresAt) return fail(50001, 'dop.token-generate-failed:token-expired', 'refresh_token已过期');
					refreshTokens.delete(token);
					return ok(issueTokens());
				}
				case 'order.searchList': {
					const size = Number(body.size ?? 10);
					const page = Number(body.page ?? 0);
					const start = Number(body.update_time_start);
					const end = Number(body.update_time_end);
					if (!(size >= 1 && size <= 100)) return fail(40004, 'isv.parameter-invalid', 'size must be 1..100');
					if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return fail(40004, 'isv.parameter-invalid', 'update_time range');
					if (end - start > maxWindowSeconds) return fail(40004, 'isv.parameter-invalid', `时间跨度不能超过${maxWindowSeconds}秒`);
					if (body.order_by !== 'update_time') return fail(40004, 'isv.parameter-invalid', 'expected order_by update_time in this fake');
					const matching = [...orders.values()]
						.filter((o) => o.update_time >= start && o.update_time <= end)
						.sort((a, b) => a.update_time - b.update_time || a.order_id.localeCompare(b.order_id));
					if (body.order_asc === false) matching.reverse();
					const served = matching.slice(page * size, page * size + size);
					const reply = ok({ page, size, total: matching.length, shop_order_list: served.map((o) => structuredClone(o)) });
					fake.onPageServed?.(page, served);
					return reply;
				}
				case 'sku.stockNum': {
					const data = levelData(String(body.code ?? ''), String(body.out_warehouse_id ?? ''));
					return data ? ok(data) : fail(40004, 'isv.business-failed', 'sku not found');
				}
				case 'product.listV2': {
					const codes = [...stock.keys()];
					const page = Number(body.page ?? 1);
					const size = Number(body.size ?? 10);
					if (page < 1) return fail(40004, 'isv.parameter-invalid', 'page starts at 1');
					const products = codes.slice((page - 1) * size, page * size).map((_, i) => ({ product_id: `36000000000000000${String((page - 1) * size + i).padStart(2, '0')}` }));
					return ok({ data: products, total: codes.length, page, size });
				}
				case 'sku.list': {
					// One SKU per product in this fake: product n ↔ the n-th SKU code.
					const index = Number(String(request.rawBody.match(/"product_id":(\d+)/)?.[1] ?? '').slice(-2));
					const code = [...stock.keys()][index];
					const level = code === undefined ? undefined : levelData(code, '');
					if (!level) return ok([]);
					const { stock_num_map, ...rest } = level as Record<string, unknown>;
					return ok([{ ...rest, id: rest.sku_id, ...(stock_num_map ? { stock_map: stock_num_map } : {}) }]);
				}
				case 'sku.syncStock': {
					const code = String(body.code ?? '');
					const idempotentId = String(body.idempotent_id ?? '');
					const warehouse = String(body.out_warehouse_id ?? '');
					const perWarehouse = stock.get(code);
					if (!perWarehouse) return fail(40004, 'isv.business-failed', 'sku not found');
					if (body.incremental === true && !idempotentId) return fail(40001, 'isv.parameter-missing', 'idempotent_id required');
					if (idempotentId && seenIdempotentIds.has(idempotentId)) {
						log.write({ kind: 'stock.set', key: idempotentId, applied: false, detail: { code, warehouse } });
						return fail(40003, 'isv.idempotent-id-existed', '幂等ID重复');
					}
					if (idempotentId) seenIdempotentIds.add(idempotentId);
					const units = Number(body.stock_num);
					perWarehouse.set(warehouse, body.incremental === true ? (perWarehouse.get(warehouse) ?? 0) + units : units);
					log.write({ kind: 'stock.set', key: idempotentId || `${code}@${warehouse}`, applied: true, detail: { code, warehouse, stock_num: units } });
					return ok({});
				}
				default:
					return fail(70000, 'isp.api-service-off', `method ${method} is not in this fake`);
			}
		},
	});

	return Object.assign(fake, server, {
		clock,
		orders,
		stock,
		tokensIssued: 0,
		upsertOrder(order: DouyinFakeOrder) {
			orders.set(order.order_id, order);
		},
		revokeAccessTokens() {
			for (const token of accessTokens.keys()) accessTokens.set(token, 0);
		},
	});
}
