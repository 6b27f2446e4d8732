/**
 * Scripted faults in front of and inside each fake shop (issue 14, items 6 and 7), for every
 * shop node: a dropped connection, a time-out, a 5xx, a 429 with Retry-After, an HTML page and
 * a cut-off JSON body in place of a 200 answer, a 302 / 307 pointing at another local server,
 * and an error answer that echoes the credential's secrets. Each fault hits a Stock → Set
 * Quantity run of two items (the write every shop has: the case where a lost answer could
 * apply stock twice), then the same run goes again without faults. Through all of it:
 * - nothing lost: each input item comes out once, on the main or the error output, written or
 *   with an error that says what happened;
 * - nothing written twice: after both runs each stock holds its quantity and the fake's write
 *   log shows exactly one applied write per item (the second run adds none when the first
 *   one got through);
 * - no secret (app secret, client secret, consumer key and secret, access and refresh
 *   tokens, as the fake issued them) in anything the run emits, and where a fault echoed them
 *   the redaction mark is there instead;
 * - no redirect followed: the server a 3xx points at receives nothing.
 *
 * Reads get the same faults: Stock → Get Many (every shop) and Order → Get Many mid-paging
 * (every shop), each read whole or stopped with the reason.
 *
 * The fakes are the platforms' own (test/support/fakeShops), which check signatures, tokens
 * and parameters as the platforms do; the time-out is cut to 400 ms and the first backoff to
 * 50 ms for this file (transport.ts requestTiming) so that a lost answer costs under a second.
 */
/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- made-up credentials for the local fakes: the secrets these tests look for */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { requestTiming } from '../../../nodes/shared/shop/transport';
import { startDouyinFake } from '../../support/fakeShops/douyin';
import { pddOrder, startPinduoduoFake } from '../../support/fakeShops/pinduoduo';
import type { Fault, FakeRequest, FakeShopServer } from '../../support/fakeShops/server';
import { startShopifyFake } from '../../support/fakeShops/shopify';
import { bigId, gmt8Text, startTaobaoFake } from '../../support/fakeShops/taobao';
import { startWooCommerceFake, wooOrder } from '../../support/fakeShops/woocommerce';
import { startXiaohongshuFake } from '../../support/fakeShops/xiaohongshu';
import { msToShanghaiWallClock, startFakeYouzan, youzanOrder } from '../../support/fakeShops/youzan';
import { runWorkflow, type TestCredentials } from '../../support/n8n';
import { NO_STORED_TOKEN, shopNodeWorkflow } from '../../support/shopWorkflow';

const TIMEOUT_MS = 400;
/** What the redaction puts where a secret was (nodes/lib/redact.ts). */
const REDACTED = '***';

interface Target {
	sku: string;
	warehouse: string;
	quantity: number;
}

/** One shop node with its fake running, two SKUs seeded, and what the test needs to know about them. */
interface RunningShop {
	server: FakeShopServer;
	credentials: TestCredentials;
	targets: [Target, Target];
	stockOf(target: Target): number | null | undefined;
	/** The platform operation that writes stock (as the fake logs it). */
	isStockWrite(operation: string): boolean;
	/** The platform's answer refusing a request with this message, in its own shape. */
	refusal(message: string): Pick<Fault, 'status' | 'body'>;
	/** Every secret the run must not show: the credential's, and the tokens the fake issued. */
	secrets(): string[];
	/** Shops with a Coupon resource: two of Coupon Tier's items, and the write that gives each one its coupon. */
	coupons?: {
		items: [IDataObject, IDataObject];
		isCouponWrite(operation: string): boolean;
		/** The write log's kind with one key per coupon issued. */
		kind: string;
	};
	/** Puts `count` orders in the fake, the i-th updated at `fromMs + i * stepMs` (shops covered by the Order → Get Many faults). */
	seedOrders?(count: number, fromMs: number, stepMs: number): void;
	close(): Promise<void>;
}

interface ShopUnderTest {
	name: string;
	/** Stock writes without an idempotency key, read back after a lost answer (nodes/shared/shop/writes.ts). */
	readsBackWrites: boolean;
	nodeType: string;
	credentialType: string;
	start(): Promise<RunningShop>;
}

/** One of Coupon Tier's coupon items: spend 200, save 20 (a Taobao denomination), December 2026. */
function couponItem(customerId: string, code: string, currency: string): IDataObject {
	return {
		customerId,
		tier: 'vip',
		couponStatus: 'issued',
		couponCode: code,
		coupon: {
			code,
			kind: 'spendThreshold',
			description: '满200减20',
			amount: null,
			percent: null,
			cap: null,
			threshold: 200,
			reduction: 20,
			minimumSpend: null,
			birthdayBonus: null,
			faceValue: 20,
			currency,
			validFrom: '2026-12-01T00:00:00+08:00',
			validUntil: '2026-12-31T23:59:59+08:00',
			validFromDate: '2026-12-01',
			validUntilDate: '2026-12-31',
			campaignId: 'fault-2026-12',
			period: '2026-12',
		},
	};
}

/** The credential's secret fields as they stand after a run (a refreshed token included). */
const credentialSecrets = (credentials: IDataObject) =>
	['appSecret', 'clientSecret', 'consumerKey', 'consumerSecret', 'accessToken', 'refreshToken', 'adminAccessToken', 'authCode']
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value.length >= 6);

const SHOPS: ShopUnderTest[] = [
	{
		name: 'Douyin Shop',
		readsBackWrites: false,
		nodeType: 'douyinShop',
		credentialType: 'douyinShopApi',
		async start() {
			const appSecret = 'dd-fault-secret-3c2b1a0f9e8d';
			const fake = await startDouyinFake({ appKey: '7100000000000000042', appSecret, shopId: '4463798' });
			fake.stock.set('TEE-W-M', new Map([['', 12]]));
			fake.stock.set('CAP-B', new Map([['WH-SH', 3]]));
			const credentials: TestCredentials = {
				douyinShopApi: { appKey: '7100000000000000042', appSecret, authorization: 'self', shopId: '4463798', signMethod: 'hmac-sha256', baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 1000, ...NO_STORED_TOKEN },
			};
			return {
				server: fake,
				credentials,
				targets: [{ sku: 'TEE-W-M', warehouse: '', quantity: 40 }, { sku: 'CAP-B', warehouse: 'WH-SH', quantity: 20 }],
				stockOf: (t) => fake.stock.get(t.sku)?.get(t.warehouse),
				isStockWrite: (operation) => operation === 'sku.syncStock',
				refusal: (message) => ({ status: 200, body: { code: 40004, msg: '参数错误', sub_code: 'isv.parameter-invalid', sub_msg: message, log_id: 'fault', data: null } }),
				secrets: () => credentialSecrets(credentials.douyinShopApi),
				seedOrders: (count, fromMs, stepMs) => {
					for (let i = 0; i < count; i++) {
						const update = Math.floor((fromMs + i * stepMs) / 1000);
						const fen = 9_900 + i;
						fake.upsertOrder({
							order_id: `69200000000000${String(i).padStart(5, '0')}`,
							order_status: 2,
							order_status_desc: '备货中',
							create_time: update - 600,
							update_time: update,
							pay_amount: fen,
							doudian_open_id: `dy_buyer_${i % 37}`,
							sku_order_list: [{ code: `SKU-${i % 5}`, item_num: 1, origin_amount: fen, pay_amount: fen }],
						});
					}
				},
				close: () => fake.close(),
			};
		},
	},
	{
		name: 'Pinduoduo Shop',
		readsBackWrites: true,
		nodeType: 'pinduoduoShop',
		credentialType: 'pinduoduoShopApi',
		async start() {
			const clientSecret = 'pdd-fault-secret-8e7d6c5b4a39';
			const authCode = 'pdd-fault-code-2b3c4d5e';
			const fake = await startPinduoduoFake({ clientId: 'pdd-fault-client', clientSecret, authCodes: [authCode] });
			fake.addGoods({
				goods_id: 600000000001,
				goods_name: 'T恤',
				is_onsale: 1,
				sku_list: [
					{ sku_id: 1000000000001, outer_id: 'TEE-W-M', sku_quantity: 12, reserve_quantity: 0, is_sku_onsale: 1, spec: '白色,M' },
					{ sku_id: 1000000000002, outer_id: 'CAP-B', sku_quantity: 3, reserve_quantity: 0, is_sku_onsale: 1, spec: '黑色' },
				],
			});
			const credentials: TestCredentials = {
				pinduoduoShopApi: { clientId: 'pdd-fault-client', clientSecret, authCode, baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 1000, ...NO_STORED_TOKEN },
			};
			return {
				server: fake,
				credentials,
				targets: [{ sku: 'TEE-W-M', warehouse: '', quantity: 20 }, { sku: 'CAP-B', warehouse: '', quantity: 9 }],
				stockOf: (t) => fake.stockOf(t.sku),
				isStockWrite: (operation) => operation === 'pdd.goods.quantity.update',
				refusal: (message) => ({ status: 200, body: { error_response: { error_code: 10000, error_msg: '参数错误', sub_code: '10000', sub_msg: message, request_id: 'fault' } } }),
				secrets: () => [...credentialSecrets(credentials.pinduoduoShopApi), authCode, ...fake.issuedTokens],
				seedOrders: (count, fromMs, stepMs) => {
					for (let i = 0; i < count; i++) {
						const updatedMs = fromMs + i * stepMs;
						fake.upsertOrder(
							pddOrder(`240301-51234567${String(i).padStart(7, '0')}`, updatedMs - 600_000, updatedMs, 99 + i / 100, {
								open_address_id: `addr-${i % 37}`,
								item_list: [{ goods_id: 600000000001, sku_id: 1000000000001, outer_id: 'TEE-W-M', goods_count: 1, goods_price: 99 + i / 100 }],
							}),
						);
					}
				},
				close: () => fake.close(),
			};
		},
	},
	{
		name: 'Shopify Store',
		readsBackWrites: false,
		nodeType: 'shopifyStore',
		credentialType: 'shopifyStoreApi',
		async start() {
			const clientSecret = 'shpss_fault_secret_5a4b3c2d1e0f';
			const fake = await startShopifyFake({ clientId: 'shopify-fault-client', clientSecret, maximumAvailable: 1000, restoreRate: 100_000, customers: [777, 778] });
			fake.addLocation(2, 'Warehouse');
			fake.setLevel('TEE-M', { locationId: 2, available: 7, on_hand: 7, committed: 0, incoming: 0 });
			fake.setLevel('CAP-B', { locationId: 2, available: 3, on_hand: 3, committed: 0, incoming: 0 });
			const credentials: TestCredentials = {
				shopifyStoreApi: { baseUrl: fake.baseUrl, allowHttp: true, authType: 'clientCredentials', clientId: 'shopify-fault-client', clientSecret, adminAccessToken: '', apiVersion: '2026-04', ...NO_STORED_TOKEN },
			};
			return {
				server: fake,
				credentials,
				targets: [{ sku: 'TEE-M', warehouse: 'Warehouse', quantity: 15 }, { sku: 'CAP-B', warehouse: 'Warehouse', quantity: 9 }],
				stockOf: (t) => fake.stockOf(t.sku, 2)?.available,
				isStockWrite: (operation) => operation.includes('inventorySetQuantities'),
				refusal: (message) => ({ status: 400, body: { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] } }),
				secrets: () => [...credentialSecrets(credentials.shopifyStoreApi), ...fake.issuedTokens],
				coupons: { items: [couponItem('777', 'FAULT-S1', 'USD'), couponItem('778', 'FAULT-S2', 'USD')], isCouponWrite: (operation) => operation.includes('discountCodeBasicCreate'), kind: 'coupon.create' },
				seedOrders: (count, fromMs, stepMs) => {
					for (let i = 0; i < count; i++) {
						const updatedMs = fromMs + i * stepMs;
						fake.upsertOrder({
							id: 1000 + i,
							createdAt: new Date(updatedMs - 3_600_000).toISOString(),
							updatedAt: new Date(updatedMs).toISOString(),
							displayFinancialStatus: 'PAID',
							displayFulfillmentStatus: 'UNFULFILLED',
							total: '25.00',
							customerId: 777,
							lines: [{ sku: 'TEE-M', quantity: 1, unitPrice: '25.00', variantId: 1000 + i }],
						});
					}
				},
				close: () => fake.close(),
			};
		},
	},
	{
		name: 'Taobao / Tmall Shop',
		readsBackWrites: true,
		nodeType: 'taobaoShop',
		credentialType: 'taobaoShopApi',
		async start() {
			const appSecret = 'top-fault-secret-6f5e4d3c2b1a';
			const sessionKey = '6102fault0session0key0a1b2c3d4e5f6a7b8c9d';
			const fake = await startTaobaoFake({ appKey: '23456001', appSecret, sessionKey });
			fake.items.set('600000000001', { num_iid: '600000000001', outer_id: 'TEE', num: 12, onSale: true, skus: [{ sku_id: '4000001', outer_id: 'TEE-W-M', quantity: 12 }] });
			fake.items.set('600000000002', { num_iid: '600000000002', outer_id: 'MUG', num: 7, onSale: true, skus: [] });
			const credentials: TestCredentials = {
				taobaoShopApi: { appKey: '23456001', appSecret, accessToken: sessionKey, shopType: 'taobao', signMethod: 'hmac-sha256', baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 1000 },
			};
			return {
				server: fake,
				credentials,
				targets: [{ sku: 'TEE-W-M', warehouse: '', quantity: 20 }, { sku: 'MUG', warehouse: '', quantity: 4 }],
				stockOf: (t) => fake.stockOf(t.sku),
				isStockWrite: (operation) => operation === 'taobao.item.quantity.update',
				refusal: (message) => ({ status: 200, body: { error_response: { code: 15, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: message, request_id: 'fault' } } }),
				secrets: () => credentialSecrets(credentials.taobaoShopApi),
				coupons: { items: [couponItem('nick:买家甲', 'FAULT-T1', 'CNY'), couponItem('tb_buyer_c', 'FAULT-T2', 'CNY')], isCouponWrite: (operation) => operation === 'taobao.promotion.coupon.send', kind: 'coupon.send' },
				seedOrders: (count, fromMs, stepMs) => {
					for (let i = 0; i < count; i++) {
						const modifiedMs = Math.floor((fromMs + i * stepMs) / 1000) * 1000;
						fake.upsertTrade({
							tid: bigId('23', i),
							status: 'WAIT_SELLER_SEND_GOODS',
							payment: '99.50',
							created: gmt8Text(modifiedMs - 600_000),
							modified: gmt8Text(modifiedMs),
							buyer_nick: 't**1',
							buyer_open_uid: `AAopen-${i % 37}`,
							orders: [{ oid: bigId('24', i), outer_sku_id: 'TEE-W-M', num: 1, price: '99.50', payment: '99.50' }],
						});
					}
				},
				close: () => fake.close(),
			};
		},
	},
	{
		name: 'WooCommerce Store',
		readsBackWrites: false,
		nodeType: 'wooCommerceStore',
		credentialType: 'wooCommerceStoreApi',
		async start() {
			const consumerKey = 'ck_fault0key0a1b2c3d4e5f60718293a4b5c6d7';
			const consumerSecret = 'cs_fault0secret0f1e2d3c4b5a69788796a5b4';
			const fake = await startWooCommerceFake({ consumerKey, consumerSecret, currency: 'USD' });
			fake.addProduct({ id: 31, sku: 'TEE-M', stock_quantity: 12 });
			fake.addProduct({ id: 40, sku: 'HOODIE', type: 'variable', manage_stock: false, stock_quantity: null });
			fake.addProduct({ id: 41, sku: 'HOODIE-S', type: 'variation', parent_id: 40, stock_quantity: 4 });
			fake.customers.push({ id: 7, email: 'Jane@Example.com', role: 'customer' });
			const credentials: TestCredentials = { wooCommerceStoreApi: { baseUrl: fake.baseUrl, allowHttp: true, consumerKey, consumerSecret, keysIn: 'header', requestsPerSecond: 1000 } };
			return {
				server: fake,
				credentials,
				targets: [{ sku: 'TEE-M', warehouse: '', quantity: 20 }, { sku: 'HOODIE-S', warehouse: '', quantity: 9 }],
				stockOf: (t) => fake.stockOf(t.sku),
				isStockWrite: (operation) => operation.startsWith('PUT /products'),
				refusal: (message) => ({ status: 400, body: { code: 'rest_invalid_param', message, data: { status: 400 } } }),
				// The Basic auth header is the key and secret together.
				secrets: () => [...credentialSecrets(credentials.wooCommerceStoreApi), Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')],
				coupons: { items: [couponItem('7', 'FAULT-W1', 'USD'), couponItem('guest:ann@example.com', 'FAULT-W2', 'USD')], isCouponWrite: (operation) => operation === 'POST /coupons/batch', kind: 'coupon.create' },
				seedOrders: (count, fromMs, stepMs) =>
					fake.seedOrders(Array.from({ length: count }, (_, i) => wooOrder(1000 + i, fromMs + i * stepMs - 600_000, { modifiedMs: fromMs + i * stepMs }))),
				close: () => fake.close(),
			};
		},
	},
	{
		name: 'Xiaohongshu Shop',
		readsBackWrites: true,
		nodeType: 'xiaohongshuShop',
		credentialType: 'xiaohongshuShopApi',
		async start() {
			const appSecret = 'xhs-fault-secret-0a9e8d7c6b5a';
			const authCode = 'code-fault-1a2b3c4d5e6f';
			const fake = await startXiaohongshuFake({ appId: 'xhs-fault-app', appSecret, authCode });
			fake.addSku({ skuId: '66ee733f265f590001ee873d', erpCode: 'TEE-W-M', stock: { CPartner: 12 } });
			fake.addSku({ skuId: '670517bc29b37600015127d1', erpCode: 'MUG', stock: { CPartner: 5 } });
			const credentials: TestCredentials = {
				xiaohongshuShopApi: { appKey: 'xhs-fault-app', appSecret, authCode, baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 1000, ...NO_STORED_TOKEN },
			};
			return {
				server: fake,
				credentials,
				targets: [{ sku: 'TEE-W-M', warehouse: '', quantity: 40 }, { sku: 'MUG', warehouse: '', quantity: 8 }],
				stockOf: (t) => fake.stockOf(t.sku)?.available,
				isStockWrite: (operation) => operation.startsWith('inventory.syncSkuStock'),
				refusal: (message) => ({ status: 200, body: { success: false, error_code: -2000400, error_msg: message, data: null } }),
				secrets: () => [...credentialSecrets(credentials.xiaohongshuShopApi), authCode, ...fake.issuedTokens],
				seedOrders: (count, fromMs, stepMs) => {
					for (let i = 0; i < count; i++) {
						const updateTime = fromMs + i * stepMs;
						fake.upsertOrder({
							orderId: `P7${String(i).padStart(17, '0')}`,
							orderType: 1,
							orderStatus: 4,
							orderAfterSalesStatus: 1,
							cancelStatus: 0,
							createdTime: updateTime - 600_000,
							paidTime: updateTime - 540_000,
							updateTime,
							totalPayAmount: 9_900 + i,
							userId: `5f00000000000000000000${String(i % 37).padStart(2, '0')}`,
							skuList: [{ skuId: '66ee733f265f590001ee873d', erpcode: 'TEE-W-M', skuQuantity: 1, totalPaidAmount: 9_900 + i, skuAfterSaleStatus: 1 }],
						});
					}
				},
				close: () => fake.close(),
			};
		},
	},
	{
		name: 'Youzan Shop',
		readsBackWrites: true,
		nodeType: 'youzanShop',
		credentialType: 'youzanShopApi',
		async start() {
			const clientSecret = 'yz-fault-secret-9f8e7d6c5b4a3928';
			const fake = await startFakeYouzan({ clientId: 'yz-fault-client', clientSecret, kdtId: 45_678_902 });
			fake.seedItems([
				{ item_id: 11, item_no: 'TEE', title: 'T恤', quantity: 5, onSale: true, skus: [{ sku_id: 22, item_no: 'TEE-B-L', quantity: 5 }] },
				{ item_id: 12, item_no: 'MUG', title: '马克杯', quantity: 9, onSale: true, skus: [] },
			]);
			const credentials: TestCredentials = {
				youzanShopApi: { clientId: 'yz-fault-client', clientSecret, grantId: '45678902', baseUrl: fake.server.baseUrl, allowHttp: true, requestsPerSecond: 1000, ...NO_STORED_TOKEN },
			};
			return {
				server: fake.server,
				credentials,
				targets: [{ sku: 'TEE-B-L', warehouse: '', quantity: 20 }, { sku: 'MUG', warehouse: '', quantity: 4 }],
				stockOf: (t) => fake.stockOf(t.sku),
				isStockWrite: (operation) => operation === 'youzan.item.quantity.update',
				refusal: (message) => ({ status: 200, body: { success: false, code: 50000, message, data: null, trace_id: 'fault' } }),
				secrets: () => [...credentialSecrets(credentials.youzanShopApi), ...fake.issuedTokens],
				coupons: { items: [couponItem('yzo-c1', 'FAULT-Y1', 'CNY'), couponItem('yzo-c2', 'FAULT-Y2', 'CNY')], isCouponWrite: (operation) => operation === 'youzan.ump.coupon.take', kind: 'coupon.take' },
				seedOrders: (count, fromMs, stepMs) =>
					fake.seedOrders(
						Array.from({ length: count }, (_, i) => {
							const wallClock = msToShanghaiWallClock(fromMs + i * stepMs);
							return youzanOrder({ tid: `E-FAULT-${i}`, created: wallClock, updated: wallClock, buyer: `yzo-${i % 17}` });
						}),
					),
				close: () => fake.close(),
			};
		},
	},
];

/** A server that must receive nothing: where the scripted redirects point. */
let trap: { url: string; received: string[]; server: Server };

beforeAll(async () => {
	requestTiming.timeoutMs = TIMEOUT_MS;
	// The retries' schedule is not under test here (test/workflows cover it): 50 ms, 100 ms, …
	requestTiming.firstBackoffMs = 50;
	const received: string[] = [];
	const server = createServer((request, response) => {
		received.push(`${request.method} ${request.url}`);
		response.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	trap = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
});

afterAll(async () => {
	await new Promise((resolve) => trap.server.close(resolve));
});

/** Everything the request carried, and the secret itself: what a careless gateway's error page shows. */
function echoOf(request: FakeRequest, secrets: string[]): string {
	return `bad request: ${request.method} ${request.path}?${request.rawQuery} body=${request.rawBody} authorization=${String(request.headers.authorization ?? '')} expected secret ${secrets.join(' / ')}`;
}

interface Scenario {
	name: string;
	fault(shop: RunningShop): Fault;
	/** What the first run must give item 0: written after all, or stopped with an error matching this. */
	firstItem: 'written' | RegExp | ((shop: ShopUnderTest) => 'written' | RegExp);
}

const WRITTEN = ['applied', 'alreadyApplied'];

const SCENARIOS: Scenario[] = [
	{
		name: 'the connection drops after the shop applied the write',
		fault: (shop) => ({ dropConnection: true, afterHandling: true, match: (_r, operation) => shop.isStockWrite(operation) }),
		firstItem: 'written',
	},
	{
		name: 'the answer to an applied write comes after the time-out',
		fault: (shop) => ({ afterHandling: true, delayMs: TIMEOUT_MS * 3, status: 200, body: {}, match: (_r, operation) => shop.isStockWrite(operation) }),
		firstItem: 'written',
	},
	{
		name: 'a 503 before the write reaches the shop',
		fault: (shop) => ({ status: 503, body: '<html><body>503 Service Unavailable</body></html>', headers: { 'content-type': 'text/html' }, match: (_r, operation) => shop.isStockWrite(operation) }),
		firstItem: 'written',
	},
	{
		name: 'a 429 with Retry-After: 1 on the write',
		fault: (shop) => ({ status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '1' }, match: (_r, operation) => shop.isStockWrite(operation) }),
		firstItem: 'written',
	},
	{
		name: 'an HTML page with status 200 in place of the answer to an applied write',
		fault: (shop) => ({
			afterHandling: true,
			status: 200,
			body: '<!DOCTYPE html><html><body>Gateway maintenance</body></html>',
			headers: { 'content-type': 'text/html; charset=utf-8' },
			match: (_r, operation) => shop.isStockWrite(operation),
		}),
		firstItem: 'written',
	},
	{
		name: 'a cut-off JSON body with status 200 in place of the answer to an applied write',
		fault: (shop) => ({ afterHandling: true, status: 200, body: '{"code":10000,"data":{"resu', match: (_r, operation) => shop.isStockWrite(operation) }),
		firstItem: 'written',
	},
	{
		name: 'a 307 on the write, pointing at another server',
		fault: (shop) => ({ status: 307, body: '', headers: { Location: `${trap.url}/steal-the-write` }, match: (_r, operation) => shop.isStockWrite(operation) }),
		// An unknown outcome: read back and sent again where the shop has no idempotency key,
		// stopped with what happened where it has one (a re-run is safe there).
		firstItem: (shop) => (shop.readsBackWrites ? 'written' : /HTTP 307: the platform answered with a redirect to http:\/\/127\.0\.0\.1:\d+, which the node does not follow; the write may have been applied/),
	},
	{
		name: 'a 302 on the first request of the run, pointing at another server',
		fault: () => ({ status: 302, body: '', headers: { Location: `${trap.url}/steal-the-read?token=leak` } }),
		firstItem: /redirect|302/i,
	},
	{
		name: 'an error answer to the write that echoes the request and the secret',
		fault: (shop) => ({ ...shop.refusal(''), body: (request: FakeRequest) => shop.refusal(echoOf(request, shop.secrets())).body, match: (_r, operation) => shop.isStockWrite(operation) }),
		firstItem: new RegExp(REDACTED.replace(/\*/g, '\\*')),
	},
];

/** The node's items from both outputs, each with the input item it answers. */
function itemsOf(result: Awaited<ReturnType<typeof runWorkflow>>, nodeName: string): Array<{ output: number; input: number; json: IDataObject }> {
	const main = (result.run.data.resultData.runData[nodeName]?.[0]?.data?.main ?? []) as Array<INodeExecutionData[] | null>;
	return main.flatMap((items, output) =>
		(items ?? []).map((item) => {
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
			return { output, input: typeof paired === 'number' ? paired : (paired?.item ?? -1), json: item.json };
		}),
	);
}

describe.each(SHOPS)('$name under faults', (shopUnderTest) => {
	const workflow = shopNodeWorkflow('Shop', shopUnderTest.nodeType, { [shopUnderTest.credentialType]: { id: 'fault-cred', name: 'fault test' } });

	it.each(SCENARIOS)('$name: nothing lost, nothing written twice, no secret shown, no redirect followed', async (scenario) => {
		const shop = await shopUnderTest.start();
		trap.received.length = 0;
		try {
			const setBoth = () =>
				workflow(
					{ resource: 'stock', operation: 'setQuantity', sku: '={{ $json.sku }}', warehouse: '={{ $json.warehouse }}', quantity: '={{ $json.quantity }}', writeId: '={{ "fault-" + $json.sku }}' },
					{},
					{ onError: 'continueErrorOutput' },
					shop.targets.map((target) => ({ ...target })),
				);
			shop.server.failNext(scenario.fault(shop));
			const first = await runWorkflow(setBoth(), shop.credentials);
			expect(first.errorOf('Shop')).toBeUndefined();
			const firstItems = itemsOf(first, 'Shop').sort((a, b) => a.input - b.input);
			// Nothing lost: one item out per item in, in order.
			expect(firstItems.map((item) => item.input)).toEqual([0, 1]);
			const [item0, item1] = firstItems;
			const firstItem = typeof scenario.firstItem === 'function' ? scenario.firstItem(shopUnderTest) : scenario.firstItem;
			if (firstItem === 'written') {
				expect({ output: item0.output, error: item0.json.error }).toEqual({ output: 0, error: undefined });
				expect(WRITTEN).toContain(item0.json.stockStatus);
			} else {
				expect(item0.output).toBe(1);
				expect(String(item0.json.error)).toMatch(firstItem);
			}
			expect(item1.output).toBe(0);
			expect(WRITTEN).toContain(item1.json.stockStatus);
			// The fault was met (a fault left unused would prove nothing).
			expect(shop.server.requests.some((request) => request.fault !== undefined)).toBe(true);
			const appliedAfterFirst = shop.server.writes.filter((w) => w.kind === 'stock.set' && w.applied).length;

			const second = await runWorkflow(setBoth(), shop.credentials);
			expect(itemsOf(second, 'Shop').map((item) => [item.output, item.input]).sort((a, b) => a[1] - b[1])).toEqual([
				[0, 0],
				[0, 1],
			]);
			for (const target of shop.targets) expect({ sku: target.sku, stock: shop.stockOf(target) }).toEqual({ sku: target.sku, stock: target.quantity });
			const applied = shop.server.writes.filter((w) => w.kind === 'stock.set' && w.applied);
			// Two items, two stocks moved: exactly one applied write each, over both runs.
			expect(applied).toHaveLength(2);
			if (firstItem === 'written') expect(appliedAfterFirst).toBe(2);

			const emitted = JSON.stringify([first.run, second.run]);
			for (const secret of shop.secrets()) {
				expect(secret.length).toBeGreaterThanOrEqual(6);
				expect(emitted).not.toContain(secret);
				expect(emitted).not.toContain(encodeURIComponent(secret));
			}
			expect(trap.received).toEqual([]);
		} finally {
			await shop.close();
		}
	});
});

/**
 * The same faults on a read (Stock → Get Many of the two SKUs), hitting the first request
 * after any token call: a read is retried or stops with what happened, never comes out short
 * or wrong, writes nothing, shows no secret and follows no redirect.
 */
interface ReadScenario {
	name: string;
	fault: Fault | ((shop: RunningShop) => Fault);
	/** `read`: both SKUs come out with their stock; a RegExp: the node stops with an error matching it. */
	outcome: 'read' | RegExp | ((shop: ShopUnderTest) => 'read' | RegExp);
}

/** Token calls (every platform names them with "token") come before the read the fault is for. */
const notTokenCall = (_request: FakeRequest, operation: string) => !/token/i.test(operation);

/**
 * WooCommerce stops on a body that is not its JSON rather than retrying: on a WordPress site
 * it is almost always a setting (permalinks, a security plugin) that a retry does not change.
 */
const readWholeOrWooStops = (shop: ShopUnderTest) =>
	shop.name === 'WooCommerce Store' ? /WooCommerce Store: the site answered with a web page, not the REST API/ : ('read' as const);

const READ_SCENARIOS: ReadScenario[] = [
	{ name: 'the connection drops', fault: { dropConnection: true, match: notTokenCall }, outcome: 'read' },
	{ name: 'the answer comes after the time-out', fault: { delayMs: TIMEOUT_MS * 3, status: 200, body: {}, match: notTokenCall }, outcome: 'read' },
	{ name: 'a 503', fault: { status: 503, body: 'Service Unavailable', match: notTokenCall }, outcome: 'read' },
	{ name: 'a 429 with Retry-After: 1', fault: { status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '1' }, match: notTokenCall }, outcome: 'read' },
	{
		name: 'an HTML page with status 200',
		fault: { status: 200, body: '<!DOCTYPE html><html><body>Gateway maintenance</body></html>', headers: { 'content-type': 'text/html' }, match: notTokenCall },
		outcome: readWholeOrWooStops,
	},
	{ name: 'a cut-off JSON body with status 200', fault: { status: 200, body: '{"code":10000,"data":{"resu', match: notTokenCall }, outcome: readWholeOrWooStops },
	{
		name: 'a 302 pointing at another server',
		fault: { status: 302, body: '', headers: { Location: 'TRAP/steal-the-read?access_token=leak' }, match: notTokenCall },
		outcome: /HTTP 302: the platform answered with a redirect to http:\/\/127\.0\.0\.1:\d+, which the node does not follow/,
	},
	{
		name: 'an error answer that echoes the request and the secret',
		fault: (shop) => ({ ...shop.refusal(''), body: (request: FakeRequest) => shop.refusal(echoOf(request, shop.secrets())).body, match: notTokenCall }),
		outcome: new RegExp(REDACTED.replace(/\*/g, '\\*')),
	},
];

describe.each(SHOPS)('$name reading under faults', (shopUnderTest) => {
	const workflow = shopNodeWorkflow('Shop', shopUnderTest.nodeType, { [shopUnderTest.credentialType]: { id: 'fault-cred', name: 'fault test' } });

	it.each(READ_SCENARIOS)('$name: read whole or stopped with the reason, no secret shown, no redirect followed', async (scenario) => {
		const shop = await shopUnderTest.start();
		trap.received.length = 0;
		try {
			const fault = typeof scenario.fault === 'function' ? scenario.fault(shop) : scenario.fault;
			const location = fault.headers?.Location;
			shop.server.failNext({ ...fault, ...(location ? { headers: { Location: location.replace('TRAP', trap.url) } } : {}) });
			const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: shop.targets.map((t) => t.sku).join(', '), warehouse: '' }), shop.credentials);
			expect(shop.server.requests.some((request) => request.fault !== undefined)).toBe(true);
			const outcome = typeof scenario.outcome === 'function' ? scenario.outcome(shopUnderTest) : scenario.outcome;
			if (outcome === 'read') {
				expect(result.errorOf('Shop')).toBeUndefined();
				const seeded = shop.targets.map((t) => [t.sku, shop.stockOf(t)]);
				const read = result.output('Shop').filter((level) => shop.targets.some((t) => t.sku === level.sku && (t.warehouse === '' || t.warehouse === level.warehouse)));
				expect(read.map((level) => [level.sku, level.onHand])).toEqual(seeded);
			} else {
				expect(result.errorOf('Shop')?.message).toMatch(outcome);
			}
			expect(shop.server.writes).toEqual([]);
			const emitted = JSON.stringify(result.run);
			for (const secret of shop.secrets()) expect(emitted).not.toContain(secret);
			expect(trap.received).toEqual([]);
		} finally {
			await shop.close();
		}
	});
});

/**
 * The faults that matter most for coupons, on the write that gives a customer a coupon, for the
 * four shops with a Coupon resource: an answer lost after the shop issued it, a 307 to another
 * server, and a refusal echoing the secrets. Each coupon is issued once over two runs.
 */
const COUPON_SCENARIOS: Array<{ name: string; fault(shop: RunningShop): Fault }> = [
	{ name: 'the connection drops after the shop issued the coupons', fault: (shop) => ({ dropConnection: true, afterHandling: true, match: (_r, operation) => shop.coupons!.isCouponWrite(operation) }) },
	{ name: 'a 307 on the coupon write, pointing at another server', fault: (shop) => ({ status: 307, body: '', headers: { Location: `${trap.url}/steal-the-coupons` }, match: (_r, operation) => shop.coupons!.isCouponWrite(operation) }) },
	{
		name: 'an error answer to the coupon write that echoes the request and the secret',
		fault: (shop) => ({ ...shop.refusal(''), body: (request: FakeRequest) => shop.refusal(echoOf(request, shop.secrets())).body, match: (_r, operation) => shop.coupons!.isCouponWrite(operation) }),
	},
];

const ISSUED = ['issued', 'alreadyIssued'];

describe.each(SHOPS.filter((shop) => ['Shopify Store', 'Taobao / Tmall Shop', 'WooCommerce Store', 'Youzan Shop'].includes(shop.name)))('$name issuing coupons under faults', (shopUnderTest) => {
	const workflow = shopNodeWorkflow('Shop', shopUnderTest.nodeType, { [shopUnderTest.credentialType]: { id: 'fault-cred', name: 'fault test' } });

	it.each(COUPON_SCENARIOS)('$name: every coupon accounted for, issued once over two runs, no secret shown, no redirect followed', async (scenario) => {
		const shop = await shopUnderTest.start();
		trap.received.length = 0;
		try {
			const coupons = shop.coupons!;
			const issueBoth = () => workflow({ resource: 'coupon', operation: 'issue' }, {}, { onError: 'continueErrorOutput' }, coupons.items);
			shop.server.failNext(scenario.fault(shop));
			const first = await runWorkflow(issueBoth(), shop.credentials);
			expect(shop.server.requests.some((request) => request.fault !== undefined)).toBe(true);
			const firstItems = itemsOf(first, 'Shop').sort((a, b) => a.input - b.input);
			// Nothing lost: each coupon item out once, issued or with the reason.
			expect(firstItems.map((item) => item.input)).toEqual([0, 1]);
			for (const item of firstItems) {
				if (item.output === 0 && ISSUED.includes(String(item.json.issueStatus))) continue;
				expect(String(item.json.error ?? item.json.issueMessage)).toMatch(/redirect|\*\*\*|unknown|not follow/i);
			}
			const second = await runWorkflow(issueBoth(), shop.credentials);
			const secondItems = itemsOf(second, 'Shop').sort((a, b) => a.input - b.input);
			expect(secondItems.map((item) => [item.input, item.output, ISSUED.includes(String(item.json.issueStatus))])).toEqual([
				[0, 0, true],
				[1, 0, true],
			]);
			// Nothing issued twice: one applied write per coupon over both runs.
			expect([...shop.server.appliedCountByKey(coupons.kind).values()]).toEqual([1, 1]);
			const emitted = JSON.stringify([first.run, second.run]);
			for (const secret of shop.secrets()) expect(emitted).not.toContain(secret);
			expect(trap.received).toEqual([]);
		} finally {
			await shop.close();
		}
	});
});

/**
 * The same faults on Order → Get Many, hitting the second order-list request of the run (the
 * next page, or the next window where the platform's windows are short): a connection reset, a
 * time-out, a 5xx, a 429 with Retry-After. The read is retried: every order in the range comes
 * out exactly once — nothing lost, nothing duplicated — and nothing is written.
 */
const ORDER_LIST = /order|trade/i;
const ORDER_SCENARIOS: Array<{ name: string; fault: Omit<Fault, 'match'> }> = [
	{ name: 'the connection drops', fault: { dropConnection: true } },
	{ name: 'the answer comes after the time-out', fault: { delayMs: TIMEOUT_MS * 3, status: 200, body: {} } },
	{ name: 'a 503', fault: { status: 503, body: 'Service Unavailable' } },
	{ name: 'a 429 with Retry-After: 1', fault: { status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '1' } } },
];
const ORDERS = 250;

describe.each(SHOPS)(
	'$name reading orders under faults mid-paging',
	(shopUnderTest) => {
		const workflow = shopNodeWorkflow('Shop', shopUnderTest.nodeType, { [shopUnderTest.credentialType]: { id: 'fault-cred', name: 'fault test' } });

		it.each(ORDER_SCENARIOS)('$name: every order once, none lost, none twice, nothing written', async (scenario) => {
			const shop = await shopUnderTest.start();
			try {
				const now = Date.now();
				// 250 orders over 17 minutes, two hours ago: pages of them in one window (or two).
				shop.seedOrders!(ORDERS, now - 2 * 3_600_000, 4_000);
				let orderLists = 0;
				shop.server.failNext({ ...scenario.fault, match: (_r, operation) => !/token/i.test(operation) && ORDER_LIST.test(operation) && ++orderLists === 2 });
				const result = await runWorkflow(
					workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 3 * 3_600_000).toISOString() }),
					shop.credentials,
				);
				expect(result.errorOf('Shop')).toBeUndefined();
				expect(shop.server.requests.some((request) => request.fault !== undefined)).toBe(true);
				// Mid-read: the faulted request, its retry, and at least the one before it.
				expect(shop.server.requests.filter((request) => !/token/i.test(request.operation) && ORDER_LIST.test(request.operation)).length).toBeGreaterThanOrEqual(3);
				const ids = result.output('Shop').map((order) => String(order.orderId));
				expect(ids).toHaveLength(ORDERS);
				expect(new Set(ids).size).toBe(ORDERS);
				expect(shop.server.writes).toEqual([]);
			} finally {
				await shop.close();
			}
		});
	},
);
