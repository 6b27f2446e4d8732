/**
 * A fake Xiaohongshu ark open platform (小红书电商开放平台) on 127.0.0.1, checking requests the way
 * the platform documents them (official doc pages and API specs copied in
 * AndersonBY/xiaohongshu-ecommerce-python-sdk `docs/小红书官方文档/`) and answering in its shapes:
 * - every call: POST /ark/open_api/v3/common_controller, JSON body with appId, timestamp, version
 *   "2.0", method, sign (doc 040). The signature is recomputed here from the published recipe
 *   (doc 039: md5(method + "?appId=" + appId + "&timestamp=" + timestamp + "&version=" + version
 *   + appSecret), over the timestamp exactly as sent); the timestamp (Unix seconds, or ms as one
 *   doc example shows) must be within 10 minutes of real time (the tolerance is not published;
 *   10 minutes as on the other Chinese platforms).
 * - tokens (doc 038): oauth.getAccessToken exchanges the authorisation code (valid 10 minutes;
 *   the same code again in that time gives the same pair); oauth.refreshToken returns the same
 *   pair while the access token has more than 30 minutes left, else a new pair (access 7 days,
 *   refresh 14 days), the used refresh token dies at once and the old access token lives 5
 *   more minutes. A call with an expired token answers "accessToken expired" (doc 301 §22 text).
 * - order.getOrderList: timeType 2 (update time) windows no wider than 30 minutes, timeType 1
 *   (creation time) no wider than 24 h, pageNo 1..100, pageSize 1..100, nothing older than
 *   `maxAgeDays` (the real limit is not published; the connector's 90 days); pages are cut from
 *   the live state sorted by update time, so an order updated during paging moves; the list
 *   carries no amounts or lines (as the spec), `onPageServed` lets a test change an order
 *   between pages. order.getOrderDetail gives the whole order.
 * - product.getDetailSkuList (catalog), inventory.getSkuStock, inventory.syncSkuStock (qty = the
 *   TOTAL stock; refused for area-stock SKUs) and inventory.syncSkuStockV2 (per warehouse, same
 *   reading of qty). No idempotency id exists: every write that reaches the shop is logged as
 *   applied, keyed by SKU, warehouse and total, so a write applied twice shows as two.
 * - throttling: more than `qps` calls in one second → HTTP 200, success false, a 限流 message.
 * The error codes are the fake's own (no public list exists; the connector reads the message,
 * see nodes/lib/shop/platforms/xiaohongshu/answers.ts), except -2000400 请求参数错误 (apifox copy of
 * the order.getOrderList page, https://apifox.com/apidoc/docs-site/1103512/api-24196747).
 */
import { createHash, randomBytes } from 'node:crypto';

import { FakeClock, startFakeShop, type FakeReply, type FakeRequest, type FakeShopServer } from './server';

export interface XhsFakeOrderSku {
	skuId: string;
	skuName?: string;
	erpcode?: string;
	skuQuantity: number;
	totalPaidAmount: number;
	skuAfterSaleStatus?: number;
	kolId?: string;
	[field: string]: unknown;
}

/** An order as order.getOrderDetail gives it (the list serves a part of it). */
export interface XhsFakeOrder {
	orderId: string;
	orderType?: number;
	orderStatus: number;
	orderAfterSalesStatus?: number;
	cancelStatus?: number;
	createdTime: number;
	paidTime?: number;
	updateTime: number;
	totalPayAmount: number;
	totalShippingFree?: number;
	skuList: XhsFakeOrderSku[];
	userId?: string;
	openAddressId?: string;
	[field: string]: unknown;
}

export interface XhsStockFigures {
	available: number;
	occupiedQuantity: number;
	/** available + occupiedQuantity (+ channel stock, 0 here). */
	total: number;
}

export interface XhsFakeSku {
	skuId: string;
	itemId: string;
	erpCode: string;
	multiWarehouse: boolean;
	stock: Map<string, XhsStockFigures>;
}

export interface XhsFakeOptions {
	appId: string;
	appSecret: string;
	/** The code the shop's authorisation put on the redirect URL. */
	authCode: string;
	clock?: FakeClock;
	maxAgeDays?: number;
	qps?: number;
	accessTokenMs?: number;
}

export interface XhsFake extends FakeShopServer {
	clock: FakeClock;
	orders: Map<string, XhsFakeOrder>;
	skus: Map<string, XhsFakeSku>;
	tokensIssued: number;
	/** Every access and refresh token the fake issued (for "no secret in the output" checks). */
	issuedTokens: string[];
	/** Called after a page of order.getOrderList was served (pageNo from 1, orders on it). */
	onPageServed?: (pageNo: number, served: XhsFakeOrder[]) => void;
	upsertOrder(order: XhsFakeOrder): void;
	/** Puts a SKU in the catalog; `stock` per warehouse code (one entry `CPartner` = no area stock). */
	addSku(sku: { skuId: string; erpCode: string; itemId?: string; stock: Record<string, number>; occupied?: Record<string, number> }): void;
	stockOf(erpCode: string, whcode?: string): XhsStockFigures | undefined;
	/** Expire every access token now (the platform revoked them). */
	revokeAccessTokens(): void;
}

const GATEWAY = '/ark/open_api/v3/common_controller';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The fake's codes (unconfirmed; the connector reads the message). */
const CODE = { params: -2000400, sign: -1000101, appId: -1000102, timestamp: -1000103, token: -1000104, throttled: -1000429, notFound: -1000404 };

const ok = (data: unknown): FakeReply => ({ body: { success: true, error_code: 0, error_msg: '', data } });
const fail = (code: number, message: string): FakeReply => ({ body: { success: false, error_code: code, error_msg: message, data: null } });

/** The list's fields (order.getOrderList spec: OrderSimpleDetail, no amounts, no lines, no buyer). */
const LIST_FIELDS = [
	'orderId', 'orderType', 'orderStatus', 'orderAfterSalesStatus', 'cancelStatus', 'createdTime', 'paidTime', 'updateTime',
	'deliveryTime', 'cancelTime', 'finishTime', 'promiseLastDeliveryTime', 'logistics', 'originalOrderId',
];

export async function startXiaohongshuFake(options: XhsFakeOptions): Promise<XhsFake> {
	const clock = options.clock ?? new FakeClock();
	const maxAgeDays = options.maxAgeDays ?? 90;
	const accessTokenMs = options.accessTokenMs ?? 7 * DAY_MS;
	const codeIssuedAt = clock.now();
	const accessTokens = new Map<string, number>(); // token → expires at (ms)
	const refreshTokens = new Map<string, { expiresAt: number; accessToken: string }>();
	let codePair: Record<string, unknown> | undefined;
	const recentCalls: number[] = [];
	const orders = new Map<string, XhsFakeOrder>();
	const skus = new Map<string, XhsFakeSku>();
	const fake = {} as XhsFake;

	function issuePair() {
		const accessToken = 'token-' + randomBytes(12).toString('hex');
		const refreshToken = 'refresh-' + randomBytes(12).toString('hex');
		const accessTokenExpiresAt = clock.now() + accessTokenMs;
		const refreshTokenExpiresAt = clock.now() + 14 * DAY_MS;
		accessTokens.set(accessToken, accessTokenExpiresAt);
		refreshTokens.set(refreshToken, { expiresAt: refreshTokenExpiresAt, accessToken });
		fake.tokensIssued++;
		fake.issuedTokens.push(accessToken, refreshToken);
		return { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, sellerId: '5a1f0c9e8d7b6a5f4e3d2c1b', sellerName: '测试小红书店' };
	}

	function verify(request: FakeRequest): FakeReply | undefined {
		if (request.method !== 'POST' || request.path !== GATEWAY) return { status: 404, body: { success: false, error_msg: 'not found' } };
		if (!String(request.headers['content-type'] ?? '').includes('application/json')) return fail(CODE.params, 'content-type must be application/json');
		const body = request.body;
		const method = String(body.method ?? '');
		if (body.version !== '2.0') return fail(CODE.params, 'version must be 2.0');
		if (body.appId !== options.appId) return fail(CODE.appId, 'appId不存在');
		const timestampText = String(body.timestamp ?? '');
		const at = /^\d{10}$/.test(timestampText) ? Number(timestampText) * 1000 : /^\d{13}$/.test(timestampText) ? Number(timestampText) : NaN;
		// Checked against real time: `clock` moves only token ages and the order feed's "now".
		if (Number.isNaN(at) || Math.abs(at - Date.now()) > 10 * MINUTE_MS) return fail(CODE.timestamp, 'timestamp invalid');
		const expected = createHash('md5').update(`${method}?appId=${options.appId}&timestamp=${timestampText}&version=2.0${options.appSecret}`, 'utf8').digest('hex');
		if (body.sign !== expected) return fail(CODE.sign, '签名错误 sign not match');
		if (!method.startsWith('oauth.')) {
			const token = String(body.accessToken ?? '');
			const expiresAt = accessTokens.get(token);
			if (expiresAt === undefined) return fail(CODE.token, '根据accessToken和appId获取mercuryUser失败：accessToken not exist');
			if (clock.now() >= expiresAt) return fail(CODE.token, '根据accessToken和appId获取mercuryUser失败：accessToken expired');
		}
		if (options.qps !== undefined) {
			const now = Date.now();
			while (recentCalls.length > 0 && recentCalls[0] <= now - 1000) recentCalls.shift();
			if (recentCalls.length >= options.qps) return fail(CODE.throttled, '请求过于频繁，触发限流，请稍后重试');
			recentCalls.push(now);
		}
		return undefined;
	}

	function figuresJson(skuId: string, whcode: string, figures: XhsStockFigures) {
		return { skuId, whcode, skuStock: { available: figures.available, standalone: 0, reserved: 0, total: figures.total, occupiedQuantity: figures.occupiedQuantity, productChannelQuantity: 0, productChannelOccupiedQuantity: 0, activityChannelQuantity: 0, activityChannelOccupiedQuantity: 0 } };
	}

	function stockAnswer(sku: XhsFakeSku) {
		const rows = [...sku.stock.entries()].map(([whcode, figures]) => figuresJson(sku.skuId, whcode, figures));
		const sum = rows.reduce(
			(acc, row) => ({ available: acc.available + row.skuStock.available, total: acc.total + row.skuStock.total, occupiedQuantity: acc.occupiedQuantity + row.skuStock.occupiedQuantity }),
			{ available: 0, total: 0, occupiedQuantity: 0 },
		);
		return { skuId: sku.skuId, apiVersion: 'V1', skuStock: { ...figuresJson(sku.skuId, '', sum).skuStock }, skuStockInfoWithWhcode: rows, response: { success: true, message: '', code: 0 } };
	}

	/** Sets a warehouse's total; sellable stock moves by the difference (syncSkuStock's rule). */
	function syncTotal(sku: XhsFakeSku, whcode: string, qty: number): string | undefined {
		const figures = sku.stock.get(whcode);
		if (!figures) return `仓库 ${whcode} 不存在`;
		const available = figures.available + (qty - figures.total);
		if (!Number.isInteger(qty) || available < 0) return `库存数 ${qty} 小于占用库存`;
		sku.stock.set(whcode, { ...figures, available, total: qty });
		return undefined;
	}

	const server = await startFakeShop({
		operationOf: (request) => String(request.body.method ?? request.path),
		handle(request, log) {
			const refused = verify(request);
			if (refused) return refused;
			const body = request.body;
			switch (String(body.method)) {
				case 'oauth.getAccessToken': {
					if (body.code !== options.authCode) return fail(CODE.token, 'code无效');
					if (clock.now() - codeIssuedAt > 10 * MINUTE_MS) return fail(CODE.token, 'code已过期');
					codePair ??= issuePair();
					return ok(codePair);
				}
				case 'oauth.refreshToken': {
					const refreshToken = String(body.refreshToken ?? '');
					const entry = refreshTokens.get(refreshToken);
					if (entry === undefined) return fail(CODE.token, 'refreshToken无效');
					if (clock.now() >= entry.expiresAt) return fail(CODE.token, 'refreshToken已过期，请重新授权');
					const accessExpiresAt = accessTokens.get(entry.accessToken) ?? 0;
					if (accessExpiresAt - clock.now() > 30 * MINUTE_MS) {
						// More than 30 minutes left: nothing is refreshed (doc 038 注意事项 2).
						return ok({ accessToken: entry.accessToken, accessTokenExpiresAt: accessExpiresAt, refreshToken, refreshTokenExpiresAt: entry.expiresAt, sellerId: '5a1f0c9e8d7b6a5f4e3d2c1b', sellerName: '测试小红书店' });
					}
					refreshTokens.delete(refreshToken);
					accessTokens.set(entry.accessToken, Math.min(accessExpiresAt, clock.now() + 5 * MINUTE_MS));
					return ok(issuePair());
				}
				case 'order.getOrderList': {
					const startTime = Number(body.startTime);
					const endTime = Number(body.endTime);
					const timeType = Number(body.timeType);
					const pageNo = Number(body.pageNo ?? 1);
					const pageSize = Number(body.pageSize ?? 50);
					if (!Number.isInteger(startTime) || !Number.isInteger(endTime) || endTime < startTime) return fail(CODE.params, '请求参数错误: startTime/endTime');
					if (timeType !== 1 && timeType !== 2) return fail(CODE.params, '请求参数错误: timeType');
					if (endTime - startTime > (timeType === 2 ? 1800 : 86_400)) return fail(CODE.params, `请求参数错误: 时间范围超过${timeType === 2 ? '30分钟' : '24小时'}`);
					if (startTime * 1000 < clock.now() - maxAgeDays * DAY_MS) return fail(CODE.params, `请求参数错误: 只能查询${maxAgeDays}天内的订单`);
					if (!(Number.isInteger(pageNo) && pageNo >= 1 && pageNo <= 100)) return fail(CODE.params, '请求参数错误: pageNo 1-100');
					if (!(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 100)) return fail(CODE.params, '请求参数错误: pageSize 1-100');
					const field = timeType === 2 ? 'updateTime' : 'createdTime';
					const matching = [...orders.values()]
						.filter((o) => {
							const second = Math.floor(o[field] / 1000);
							return second >= startTime && second <= endTime;
						})
						.sort((a, b) => a[field] - b[field] || a.orderId.localeCompare(b.orderId));
					const served = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
					const orderList = served.map((o) => Object.fromEntries(LIST_FIELDS.filter((f) => o[f] !== undefined).map((f) => [f, o[f]])));
					const reply = ok({ total: matching.length, pageNo, pageSize, maxPageNo: Math.max(1, Math.ceil(matching.length / pageSize)), orderList });
					fake.onPageServed?.(pageNo, served);
					return reply;
				}
				case 'order.getOrderDetail': {
					const order = orders.get(String(body.orderId ?? ''));
					return order ? ok(structuredClone(order)) : fail(CODE.notFound, '订单不存在');
				}
				case 'product.getDetailSkuList': {
					const pageNo = Number(body.pageNo ?? 1);
					const pageSize = Number(body.pageSize ?? 50);
					if (!(pageNo >= 1 && pageSize >= 1 && pageSize <= 100)) return fail(CODE.params, '请求参数错误: pageNo/pageSize');
					const all = [...skus.values()];
					const data = all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((sku) => ({
						item: { id: sku.itemId, name: `商品 ${sku.erpCode}`, enableMultiWarehouse: sku.multiWarehouse },
						sku: { id: sku.skuId, itemId: sku.itemId, erpCode: sku.erpCode, stock: [...sku.stock.values()].reduce((n, f) => n + f.available, 0), buyable: true },
					}));
					return ok({ data, pageNO: pageNo, pageSize, total: all.length });
				}
				case 'inventory.getSkuStock': {
					const sku = [...skus.values()].find((s) => s.skuId === body.skuId);
					return sku ? ok(stockAnswer(sku)) : fail(CODE.notFound, '规格不存在');
				}
				case 'inventory.syncSkuStock': {
					const sku = [...skus.values()].find((s) => s.skuId === body.skuId);
					if (!sku) return fail(CODE.notFound, '规格不存在');
					if (sku.multiWarehouse) return fail(CODE.params, '请求参数错误: 多仓区域库存商品请使用syncSkuStockV2');
					const [whcode] = [...sku.stock.keys()];
					const qty = Number(body.qty);
					const problem = syncTotal(sku, whcode, qty);
					if (problem) return fail(CODE.params, `请求参数错误: ${problem}`);
					log.write({ kind: 'stock.set', key: `${sku.skuId}@${whcode}=${qty}`, applied: true, detail: { erpCode: sku.erpCode, whcode, qty } });
					return ok(stockAnswer(sku));
				}
				case 'inventory.syncSkuStockV2': {
					const sku = [...skus.values()].find((s) => s.skuId === body.skuId);
					if (!sku) return { body: { success: false, code: CODE.notFound, msg: '规格不存在', data: null } };
					const wanted = (body.qtyWithWhcode ?? {}) as Record<string, unknown>;
					for (const [whcode, qty] of Object.entries(wanted)) {
						const problem = syncTotal(sku, whcode, Number(qty));
						if (problem) return { body: { success: false, code: CODE.params, msg: problem, data: null } };
						log.write({ kind: 'stock.set', key: `${sku.skuId}@${whcode}=${Number(qty)}`, applied: true, detail: { erpCode: sku.erpCode, whcode, qty: Number(qty) } });
					}
					const perWarehouse = Object.fromEntries(
						[...sku.stock.entries()].map(([whcode, figures]) => {
							const row = figuresJson(sku.skuId, whcode, figures);
							return [whcode, { skuId: sku.skuId, whcode, skuStockInfo: row.skuStock }];
						}),
					);
					// The newer framework's envelope: code / msg / success at the top (doc 301 §23).
					return { body: { code: 0, msg: '', success: true, data: { response: { success: true, msg: '', code: 0 }, apiVersion: 'V1', skuStockInfo: { skuId: sku.skuId, skuStockInfo: stockAnswer(sku).skuStock }, data: perWarehouse } } };
				}
				default:
					return fail(CODE.params, `method ${String(body.method)} is not in this fake`);
			}
		},
	});

	return Object.assign(fake, server, {
		clock,
		orders,
		skus,
		tokensIssued: 0,
		issuedTokens: [] as string[],
		upsertOrder(order: XhsFakeOrder) {
			orders.set(order.orderId, order);
		},
		addSku(sku: { skuId: string; erpCode: string; itemId?: string; stock: Record<string, number>; occupied?: Record<string, number> }) {
			const stock = new Map<string, XhsStockFigures>();
			for (const [whcode, available] of Object.entries(sku.stock)) {
				const occupiedQuantity = sku.occupied?.[whcode] ?? 0;
				stock.set(whcode, { available, occupiedQuantity, total: available + occupiedQuantity });
			}
			skus.set(sku.erpCode, { skuId: sku.skuId, itemId: sku.itemId ?? `item-${sku.skuId}`, erpCode: sku.erpCode, multiWarehouse: stock.size > 1, stock });
		},
		stockOf(erpCode: string, whcode?: string) {
			const sku = skus.get(erpCode);
			if (!sku) return undefined;
			return whcode ? sku.stock.get(whcode) : [...sku.stock.values()][0];
		},
		revokeAccessTokens() {
			for (const token of accessTokens.keys()) accessTokens.set(token, 0);
		},
	});
}
