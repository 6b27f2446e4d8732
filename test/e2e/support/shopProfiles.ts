/**
 * One profile per shop platform for the end-to-end tests: its fake (test/support/fakeShops),
 * the credential n8n imports (base URL = the fake), the same synthetic orders written in the
 * platform's own payload, how to change one order "on the shop", and where the fake logs
 * coupon writes. The orders: 40 customers buying 1–4 times each over the last 25 days, so RFM
 * and the lifetime-value fit have repeat buyers and Coupon Tier has several tiers.
 */
import { startDouyinFake, type DouyinFake } from '../../support/fakeShops/douyin';
import { pinduoduoProfile } from './profiles/pinduoduo';
import { taobaoProfile } from './profiles/taobao';
import { xiaohongshuProfile } from './profiles/xiaohongshu';
import type { FakeRequest, FakeShopServer, LoggedRequest, WriteRecord } from '../../support/fakeShops/server';
import { startShopifyFake, type ShopifyFake } from '../../support/fakeShops/shopify';
import { startWooCommerceFake, wooOrder, type WooFake } from '../../support/fakeShops/woocommerce';
import { msToShanghaiWallClock, startFakeYouzan, youzanOrder, type FakeYouzan } from '../../support/fakeShops/youzan';

export interface SyntheticOrder {
	index: number;
	customer: number;
	createdMs: number;
	/** Paid, in cents (fen). */
	cents: number;
	sku: string;
}

const HOUR_MS = 3_600_000;

export function syntheticOrders(now: number): SyntheticOrder[] {
	const orders: SyntheticOrder[] = [];
	let index = 0;
	for (let customer = 0; customer < 40; customer++) {
		const count = 1 + (customer % 4);
		for (let k = 0; k < count; k++) {
			orders.push({
				index,
				customer,
				// Spread over 25 days, never in the last 2 hours (platforms index with a delay).
				createdMs: now - 3 * HOUR_MS - ((customer * 7 + k * 131) % 600) * HOUR_MS,
				cents: 4_900 + ((customer * 37 + k * 11) % 40) * 1_000,
				sku: `E2E-SKU-${(customer + k) % 5}`,
			});
			index++;
		}
	}
	return orders;
}

/**
 * For the 90-day backfills: 20 orders 45–88 days old, and a flash sale 60 days ago of 220
 * orders within 15 minutes, each a repeat purchase of one of the 40 customers. However a
 * 30-minute window cuts the sale, one window holds more than 100 orders (two pages of 100).
 * Indexes continue after `first`.
 */
export function olderOrders(now: number, first: number): SyntheticOrder[] {
	const orders: SyntheticOrder[] = [];
	for (let k = 0; k < 20; k++) {
		orders.push({ index: first + k, customer: k * 2, createdMs: now - (45 + 2 * k) * 24 * HOUR_MS - k * 60_000, cents: 5_900 + k * 100, sku: `E2E-SKU-${k % 5}` });
	}
	const sale = now - 60 * 24 * HOUR_MS;
	for (let k = 0; k < 220; k++) {
		orders.push({ index: first + 20 + k, customer: k % 40, createdMs: sale + k * 4_000, cents: 1_990, sku: 'E2E-SKU-FLASH' });
	}
	return orders;
}

export interface ShopProfile {
	key: string;
	label: string;
	nodeType: string;
	credentialType: string;
	credentialId: string;
	/** Widest order window one request may ask for (ms), checked on the fake's request log. */
	maxWindowMs: number;
	start(): Promise<void>;
	close(): Promise<void>;
	credentialData(): Record<string, unknown>;
	seed(orders: SyntheticOrder[]): void;
	/**
	 * Marks one order as received/completed on the shop (its update time `atMs`, default a few
	 * minutes ago); returns its model orderId.
	 */
	completeOrder(order: SyntheticOrder, atMs?: number): string;
	/**
	 * Days the first sync reads back (the template's empty-store lookback is set to it). 40 by
	 * default; 90 for the platforms whose feeds keep only three months, where the backfill also
	 * meets older orders and a flash sale too big for one page (olderOrders below).
	 */
	backfillDays?: number;
	/**
	 * Runs `hook` once, right after the first page of an order-feed window with more than one
	 * page was served, with the model orderIds on that page: the e2e changes one of them there,
	 * while n8n is paging that window.
	 */
	afterFirstPageOfBusyWindow?(hook: (servedOrderIds: string[]) => void): void;
	orderIdOf(order: SyntheticOrder): string;
	/** The model customerId the connector gives this synthetic customer. */
	customerIdOf(customer: number): string;
	requests(): LoggedRequest[];
	/** Order-feed requests and the window each asked for (ms). */
	orderWindows(): Array<{ start: number; end: number }>;
	writes(): WriteRecord[];
	/** Write kinds that create a coupon a customer can use, keyed by coupon code or customer. */
	couponWriteKinds?: string[];
	/** The requests that write coupons (for injecting faults into them). */
	isCouponWrite?: (request: FakeRequest) => boolean;
	server(): FakeShopServer;
	secrets(): string[];
	/** Puts SKU `E2E-STOCK` on the shop with 10 units; returns the Warehouse parameter that addresses it. */
	seedStock(): string;
	/** Units of `E2E-STOCK` on the shop now. */
	stockNow(): number | undefined;
}

const DOUYIN = { appKey: '7000000000000000001', appSecret: 'e2e-douyin-app-secret-4f3e2d1c', shopId: '8800123' };

export function douyinProfile(): ShopProfile {
	let fake: DouyinFake;
	const orderId = (o: SyntheticOrder) => `6930000000000${String(o.index).padStart(6, '0')}`;
	return {
		key: 'douyin',
		label: 'Douyin Shop (抖店)',
		nodeType: 'douyinShop',
		credentialType: 'douyinShopApi',
		credentialId: 'e2eDouyinShop',
		maxWindowMs: 86_400_000,
		async start() {
			fake = await startDouyinFake({ ...DOUYIN });
		},
		close: async () => fake?.close(),
		credentialData: () => ({ ...DOUYIN, authorization: 'self', signMethod: 'hmac-sha256', baseUrl: fake.baseUrl, allowHttp: true }),
		seed(orders) {
			for (const o of orders) {
				const time = Math.floor(o.createdMs / 1000);
				fake.upsertOrder({
					order_id: orderId(o),
					order_status: 2,
					order_status_desc: '备货中',
					create_time: time,
					update_time: time + 60,
					pay_amount: o.cents,
					doudian_open_id: `dy_e2e_buyer_${o.customer}`,
					sku_order_list: [{ code: o.sku, item_num: 1, origin_amount: o.cents, pay_amount: o.cents }],
				});
			}
		},
		completeOrder(o) {
			const order = fake.orders.get(orderId(o))!;
			fake.upsertOrder({ ...order, order_status: 5, order_status_desc: '已完成', update_time: Math.floor(Date.now() / 1000) - 200 });
			return orderId(o);
		},
		orderIdOf: orderId,
		customerIdOf: (c) => `dy_e2e_buyer_${c}`,
		requests: () => fake.requests,
		orderWindows: () =>
			fake.requests
				.filter((r) => r.operation === 'order.searchList')
				.map((r) => ({ start: Number(r.body.update_time_start) * 1000, end: Number(r.body.update_time_end) * 1000 })),
		writes: () => fake.writes,
		server: () => fake,
		secrets: () => [DOUYIN.appSecret],
		seedStock() {
			fake.stock.set('E2E-STOCK', new Map([['', 10]]));
			return '';
		},
		stockNow: () => fake.stock.get('E2E-STOCK')?.get(''),
	};
}

const YOUZAN = { clientId: 'e2e-yz-client-77aa', clientSecret: 'e2e-yz-secret-0c9b8a7f6e5d4c3b', kdtId: 91_234_567 };

export function youzanProfile(): ShopProfile {
	let fake: FakeYouzan;
	const tid = (o: SyntheticOrder) => `E2E${String(o.index).padStart(16, '0')}`;
	const yuan = (cents: number) => (cents / 100).toFixed(2);
	return {
		key: 'youzan',
		label: 'Youzan Shop (有赞)',
		nodeType: 'youzanShop',
		credentialType: 'youzanShopApi',
		credentialId: 'e2eYouzanShop',
		maxWindowMs: 92 * 86_400_000,
		async start() {
			fake = await startFakeYouzan({ ...YOUZAN });
		},
		close: async () => fake?.close(),
		credentialData: () => ({ clientId: YOUZAN.clientId, clientSecret: YOUZAN.clientSecret, grantId: String(YOUZAN.kdtId), baseUrl: fake.server.baseUrl, allowHttp: true }),
		seed(orders) {
			fake.seedOrders(
				orders.map((o) =>
					youzanOrder({
						tid: tid(o),
						created: msToShanghaiWallClock(o.createdMs),
						updated: msToShanghaiWallClock(o.createdMs + 60_000),
						buyer: `yzo-e2e-${o.customer}`,
						payment: yuan(o.cents),
						lines: [{ sku: o.sku, num: 1, price: yuan(o.cents), payment: yuan(o.cents) }],
					}),
				),
			);
		},
		completeOrder(o) {
			fake.updateOrder(
				tid(o),
				(full) => {
					(full.order_info as Record<string, unknown>).status = 'TRADE_SUCCESS';
				},
				Date.now() - 200_000,
			);
			return tid(o);
		},
		orderIdOf: tid,
		customerIdOf: (c) => `yzo-e2e-${c}`,
		requests: () => fake.server.requests,
		orderWindows: () =>
			fake.server.requests
				.filter((r) => r.operation === 'youzan.trades.sold.get')
				.map((r) => ({
					start: Date.parse(`${String(r.body.start_update).replace(' ', 'T')}+08:00`),
					end: Date.parse(`${String(r.body.end_update).replace(' ', 'T')}+08:00`),
				})),
		writes: () => fake.server.writes,
		couponWriteKinds: ['coupon.take'],
		isCouponWrite: (r) => r.path.includes('youzan.ump.coupon.take'),
		server: () => fake.server,
		secrets: () => [YOUZAN.clientSecret, ...fake.issuedTokens],
		seedStock() {
			fake.seedItems([{ item_id: 901, item_no: 'E2E', title: 'E2E 商品', quantity: 10, onSale: true, skus: [{ sku_id: 902, item_no: 'E2E-STOCK', quantity: 10 }] }]);
			return '';
		},
		stockNow: () => fake.stockOf('E2E-STOCK'),
	};
}

const SHOPIFY = { clientId: 'e2e-shopify-client-3d2c', clientSecret: 'shpss_e2e0secret0a1b2c3d4e5f' };

export function shopifyProfile(): ShopProfile {
	let fake: ShopifyFake;
	const id = (o: SyntheticOrder) => 5_000_000 + o.index;
	return {
		key: 'shopify',
		label: 'Shopify Store (Commerce Ops)',
		nodeType: 'shopifyStore',
		credentialType: 'shopifyStoreApi',
		credentialId: 'e2eShopifyStore',
		maxWindowMs: 86_400_000,
		async start() {
			fake = await startShopifyFake({
				...SHOPIFY,
				currency: 'CNY',
				maximumAvailable: 2000,
				restoreRate: 1000,
				customers: Array.from({ length: 40 }, (_, c) => 9_100 + c),
				bulkPolls: 2,
			});
		},
		close: async () => fake?.close(),
		credentialData: () => ({ baseUrl: fake.baseUrl, allowHttp: true, authType: 'clientCredentials', clientId: SHOPIFY.clientId, clientSecret: SHOPIFY.clientSecret, apiVersion: '2026-04' }),
		seed(orders) {
			for (const o of orders) {
				fake.upsertOrder({
					id: id(o),
					createdAt: new Date(o.createdMs).toISOString(),
					updatedAt: new Date(o.createdMs + 60_000).toISOString(),
					displayFinancialStatus: 'PAID',
					displayFulfillmentStatus: 'UNFULFILLED',
					total: (o.cents / 100).toFixed(2),
					customerId: 9_100 + o.customer,
					lines: [{ sku: o.sku, quantity: 1, unitPrice: (o.cents / 100).toFixed(2) }],
				});
			}
		},
		completeOrder(o) {
			const at = new Date(Date.now() - 200_000).toISOString();
			fake.upsertOrder({
				id: id(o),
				createdAt: new Date(o.createdMs).toISOString(),
				updatedAt: at,
				closedAt: at,
				displayFinancialStatus: 'PAID',
				displayFulfillmentStatus: 'FULFILLED',
				total: (o.cents / 100).toFixed(2),
				customerId: 9_100 + o.customer,
				lines: [{ sku: o.sku, quantity: 1, unitPrice: (o.cents / 100).toFixed(2) }],
			});
			return String(id(o));
		},
		orderIdOf: (o) => String(id(o)),
		customerIdOf: (c) => String(9_100 + c),
		requests: () => fake.requests,
		orderWindows: () =>
			fake.requests
				.filter((r) => /orders\(/.test(String(r.body.query ?? '')))
				.flatMap((r) => {
					const query = String((r.body.variables as Record<string, unknown> | undefined)?.q ?? '');
					const times = [...query.matchAll(/updated_at:[<>]=?'?([0-9T:.\-Z]+)'?/g)].map((m) => Date.parse(m[1]));
					return times.length === 2 ? [{ start: Math.min(...times), end: Math.max(...times) }] : [];
				}),
		writes: () => fake.writes,
		couponWriteKinds: ['coupon.create', 'coupon.code'],
		isCouponWrite: (r) => /discountCodeBasicCreate|discountRedeemCodeBulkAdd/.test(String(r.body.query ?? '')),
		server: () => fake,
		secrets: () => [SHOPIFY.clientSecret, ...fake.issuedTokens],
		seedStock() {
			fake.addLocation(61, 'E2E Warehouse');
			fake.setLevel('E2E-STOCK', { locationId: 61, available: 10, on_hand: 10, committed: 0, incoming: 0 });
			return 'E2E Warehouse';
		},
		stockNow: () => fake.stockOf('E2E-STOCK', 61)?.available,
	};
}

const WOO = { consumerKey: 'ck_e2e0woo0key0123456789abcdef01234567', consumerSecret: 'cs_e2e0woo0secret0fedcba9876543210fedcba98' };

export function wooCommerceProfile(): ShopProfile {
	let fake: WooFake;
	const id = (o: SyntheticOrder) => 70_000 + o.index;
	return {
		key: 'woocommerce',
		label: 'WooCommerce Store (Commerce Ops)',
		nodeType: 'wooCommerceStore',
		credentialType: 'wooCommerceStoreApi',
		credentialId: 'e2eWooCommerceStore',
		maxWindowMs: 30 * 86_400_000 + 2_000,
		async start() {
			fake = await startWooCommerceFake({ ...WOO, currency: 'CNY' });
			for (let c = 0; c < 40; c++) fake.customers.push({ id: 300 + c, email: `buyer${c}@e2e.example`, role: 'customer' });
		},
		close: async () => fake?.close(),
		credentialData: () => ({ baseUrl: fake.baseUrl, allowHttp: true, consumerKey: WOO.consumerKey, consumerSecret: WOO.consumerSecret, keysIn: 'header' }),
		seed(orders) {
			fake.seedOrders(
				orders.map((o) =>
					wooOrder(id(o), o.createdMs, {
						modifiedMs: o.createdMs + 60_000,
						currency: 'CNY',
						total: (o.cents / 100).toFixed(2),
						shipping_total: '0.00',
						customer_id: 300 + o.customer,
						billing: { first_name: 'E2E', last_name: `Buyer ${o.customer}`, email: `buyer${o.customer}@e2e.example` },
						line_items: [{ id: id(o) * 10, name: 'Item', product_id: 31, variation_id: 0, quantity: 1, subtotal: (o.cents / 100).toFixed(2), total: (o.cents / 100).toFixed(2), total_tax: '0.00', sku: o.sku, price: o.cents / 100 }],
					}),
				),
			);
		},
		completeOrder(o) {
			fake.updateOrder(id(o), { status: 'completed' }, Date.now() - 200_000);
			return String(id(o));
		},
		orderIdOf: (o) => String(id(o)),
		customerIdOf: (c) => String(300 + c),
		requests: () => fake.requests,
		orderWindows: () =>
			fake.requests
				.filter((r) => r.method === 'GET' && r.path.endsWith('/orders'))
				.map((r) => ({ start: Date.parse(`${r.query.modified_after}Z`), end: Date.parse(`${r.query.modified_before}Z`) })),
		writes: () => fake.writes,
		couponWriteKinds: ['coupon.create'],
		isCouponWrite: (r) => r.method === 'POST' && r.path.endsWith('/coupons/batch'),
		server: () => fake,
		secrets: () => [WOO.consumerSecret, WOO.consumerKey],
		seedStock() {
			fake.addProduct({ id: 8_801, sku: 'E2E-STOCK', stock_quantity: 10 });
			return '';
		},
		stockNow: () => fake.stockOf('E2E-STOCK') ?? undefined,
	};
}

export const SHOP_PROFILES = [douyinProfile, youzanProfile, shopifyProfile, wooCommerceProfile, pinduoduoProfile, taobaoProfile, xiaohongshuProfile];
