/**
 * Shopify order payloads (GraphQL Admin API Order, the fields ORDERS_QUERY asks for) into the
 * pack's order model; every order must pass orderSchema.
 */
import { orderSchema } from '../../../../nodes/lib/model';
import {
	customerGidOf,
	discountInputFor,
	ORDERS_PAGE_SIZE,
	ORDERS_QUERY_COST,
	INVENTORY_QUERY_COST,
	MAX_QUERY_COST,
	ordersSearchQuery,
	shopBaseUrl,
	shopifyOrderStatus,
	shopifyOrderToModel,
	shopifyStockLevels,
	waitBeforeQueryMs,
	type ShopifyOrder,
} from '../../../../nodes/lib/shop/platforms/shopify';
import { createZonedIsoFormatter } from '../../../../nodes/lib/time';

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });

function order(extra: Partial<ShopifyOrder> = {}): ShopifyOrder {
	return {
		id: 'gid://shopify/Order/5001',
		legacyResourceId: '5001',
		name: '#1001',
		createdAt: '2026-03-01T01:30:00Z',
		updatedAt: '2026-03-02T08:00:00Z',
		cancelledAt: null,
		closedAt: null,
		displayFinancialStatus: 'PAID',
		displayFulfillmentStatus: 'UNFULFILLED',
		sourceName: 'web',
		totalPriceSet: money('64.50'),
		totalRefundedSet: money('0.00'),
		customer: { id: 'gid://shopify/Customer/777' },
		lineItems: {
			pageInfo: { hasNextPage: false, endCursor: null },
			nodes: [
				{ sku: 'TEE-M', name: 'Tee M', quantity: 2, variant: { legacyResourceId: '31' }, discountedUnitPriceSet: money('19.75') },
				{ sku: null, name: 'Gift wrap', quantity: 1, variant: { legacyResourceId: '32' }, discountedUnitPriceSet: money('5.00') },
				{ sku: 'REMOVED', name: 'Removed', quantity: 0, variant: null, discountedUnitPriceSet: money('3.00') },
			],
		},
		...extra,
	};
}

const shanghai = { formatTime: createZonedIsoFormatter('Asia/Shanghai') };

describe('Shopify order → model', () => {
	it('maps ids, money in cents, lines (SKU, else variant id; zero-quantity lines dropped), channel and times in the zone', () => {
		const mapped = shopifyOrderToModel(order(), shanghai);
		expect(mapped).toEqual({
			orderId: '5001',
			customerId: '777',
			platform: 'shopify',
			createdAt: '2026-03-01T09:30:00+08:00',
			status: 'paid',
			currency: 'USD',
			amount: 64.5,
			refundedAmount: 0,
			lines: [
				{ sku: 'TEE-M', quantity: 2, unitPrice: 19.75 },
				{ sku: 'variant:32', quantity: 1, unitPrice: 5 },
			],
			channel: 'web',
			updatedAt: '2026-03-02T16:00:00+08:00',
			platformOrderStatus: 'PAID/UNFULFILLED',
		});
		expect(() => orderSchema.parse(mapped)).not.toThrow();
	});

	it('a guest order gets customerId guest:<orderId>', () => {
		const mapped = shopifyOrderToModel(order({ customer: null }), shanghai);
		expect(mapped.customerId).toBe('guest:5001');
		expect(() => orderSchema.parse(mapped)).not.toThrow();
	});

	it('refunds: partial and full, refundedAmount from totalRefundedSet', () => {
		const partial = shopifyOrderToModel(order({ displayFinancialStatus: 'PARTIALLY_REFUNDED', totalRefundedSet: money('19.75') }), shanghai);
		expect([partial.status, partial.refundedAmount, partial.amount]).toEqual(['partially_refunded', 19.75, 64.5]);
		const full = shopifyOrderToModel(order({ displayFinancialStatus: 'REFUNDED', totalRefundedSet: money('64.50') }), shanghai);
		expect([full.status, full.refundedAmount]).toEqual(['refunded', 64.5]);
		for (const o of [partial, full]) expect(() => orderSchema.parse(o)).not.toThrow();
	});

	it.each([
		[{ cancelledAt: '2026-03-02T00:00:00Z', displayFinancialStatus: 'REFUNDED' }, 'cancelled', 'REFUNDED/UNFULFILLED/CANCELLED'],
		[{ displayFinancialStatus: 'PENDING' }, 'pending', 'PENDING/UNFULFILLED'],
		[{ displayFinancialStatus: 'AUTHORIZED' }, 'pending', 'AUTHORIZED/UNFULFILLED'],
		[{ displayFinancialStatus: 'PARTIALLY_PAID' }, 'pending', 'PARTIALLY_PAID/UNFULFILLED'],
		[{ displayFinancialStatus: 'VOIDED' }, 'cancelled', 'VOIDED/UNFULFILLED'],
		[{ displayFinancialStatus: 'EXPIRED' }, 'cancelled', 'EXPIRED/UNFULFILLED'],
		[{ displayFulfillmentStatus: 'IN_PROGRESS' }, 'paid', 'PAID/IN_PROGRESS'],
		[{ displayFulfillmentStatus: 'PARTIALLY_FULFILLED' }, 'shipped', 'PAID/PARTIALLY_FULFILLED'],
		[{ displayFulfillmentStatus: 'FULFILLED' }, 'shipped', 'PAID/FULFILLED'],
		[{ displayFulfillmentStatus: 'FULFILLED', closedAt: '2026-03-05T00:00:00Z' }, 'completed', 'PAID/FULFILLED/CLOSED'],
		[{ displayFulfillmentStatus: 'FULFILLMENT_NOT_REQUIRED' }, 'completed', 'PAID/FULFILLMENT_NOT_REQUIRED'],
		[{ displayFinancialStatus: 'SOMETHING_NEW' }, 'pending', 'SOMETHING_NEW/UNFULFILLED'],
	])('status %j → %s', (extra, status, raw) => {
		const mapped = shopifyOrderToModel(order(extra as Partial<ShopifyOrder>), shanghai);
		expect(mapped.status).toBe(status);
		expect(mapped.platformOrderStatus).toBe(raw);
		expect(shopifyOrderStatus(order(extra as Partial<ShopifyOrder>))).toBe(status);
		expect(() => orderSchema.parse(mapped)).not.toThrow();
	});

	it('an order without an amount is refused with its id, not mapped to 0', () => {
		expect(() => shopifyOrderToModel(order({ totalPriceSet: null }), shanghai)).toThrow(/5001 totalPriceSet/);
	});
});

describe('queries, cost and throttling', () => {
	it('searches a window by update time in whole UTC seconds, both ends rounded down so windows tile', () => {
		expect(ordersSearchQuery(Date.parse('2026-01-01T00:00:00.999Z'), Date.parse('2026-01-02T00:00:00.500Z'))).toBe(
			"updated_at:>='2026-01-01T00:00:00Z' AND updated_at:<'2026-01-02T00:00:00Z'",
		);
	});

	it('sizes pages under the 1000-point cap: 8 orders with 20 lines = 2 + 8 × 90 = 722 points', () => {
		expect(ORDERS_PAGE_SIZE).toBe(8);
		expect(ORDERS_QUERY_COST).toBe(722);
		expect(INVENTORY_QUERY_COST).toBeLessThanOrEqual(MAX_QUERY_COST);
	});

	it('waits (requested − available) / restoreRate, counting what refilled since the last answer', () => {
		const status = { maximumAvailable: 1000, currentlyAvailable: 360, restoreRate: 50 };
		expect(waitBeforeQueryMs(status, 752, 0)).toBe(7840); // (752 − 360) / 50 s
		expect(waitBeforeQueryMs(status, 752, 2000)).toBe(5840); // 100 points came back in 2 s
		expect(waitBeforeQueryMs(status, 300, 0)).toBe(0);
		expect(waitBeforeQueryMs(status, 1500, 0)).toBe(0); // can never fit: Shopify says MAX_COST_EXCEEDED
	});
});

describe('shop URL and ids', () => {
	it.each([
		['my-shop', 'https://my-shop.myshopify.com'],
		['my-shop.myshopify.com', 'https://my-shop.myshopify.com'],
		['https://My-Shop.myshopify.com/admin/', 'https://my-shop.myshopify.com'],
		['http://127.0.0.1:4000/', 'http://127.0.0.1:4000'],
	])('%s → %s', (typed, url) => expect(shopBaseUrl(typed)).toBe(url));

	it('customer ids from orders (numeric) and gids restrict a coupon; other ids do not', () => {
		expect(customerGidOf('777')).toBe('gid://shopify/Customer/777');
		expect(customerGidOf('gid://shopify/Customer/9')).toBe('gid://shopify/Customer/9');
		expect(customerGidOf('guest:5001')).toBeUndefined();
		expect(customerGidOf('crm-42')).toBeUndefined();
	});
});

describe('stock levels', () => {
	it('one level per location: onHand = on_hand, reserved = committed, onOrder = incoming, available in platformRef', () => {
		const item = {
			id: 'gid://shopify/InventoryItem/1',
			sku: 'TEE-M',
			inventoryLevels: {
				nodes: [
					{ location: { id: 'gid://shopify/Location/2', name: 'Warehouse' }, quantities: [
						{ name: 'available', quantity: 7 }, { name: 'on_hand', quantity: 10 }, { name: 'committed', quantity: 3 }, { name: 'incoming', quantity: 20 },
					] },
					{ location: { id: 'gid://shopify/Location/3', name: 'Shop' }, quantities: [{ name: 'available', quantity: 1 }, { name: 'on_hand', quantity: 1 }] },
				],
			},
		};
		expect(shopifyStockLevels(item, '')).toEqual([
			{ sku: 'TEE-M', warehouse: 'Warehouse', onHand: 10, reserved: 3, onOrder: 20, platformRef: { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'gid://shopify/Location/2', available: '7' } },
			{ sku: 'TEE-M', warehouse: 'Shop', onHand: 1, reserved: 0, onOrder: 0, platformRef: { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: 'gid://shopify/Location/3', available: '1' } },
		]);
		expect(shopifyStockLevels(item, '3').map((l) => l.warehouse)).toEqual(['Shop']);
		expect(shopifyStockLevels(item, 'warehouse').map((l) => l.warehouse)).toEqual(['Warehouse']);
	});
});

describe('coupons as discounts', () => {
	const terms = {
		code: 'WB-7H3K9Q', kind: 'fixedAmount' as const, description: '10 off', amount: 10, minimumSpend: 50, birthdayBonus: 2,
		currency: 'USD', validFrom: '2026-05-01T00:00:00+08:00', validUntil: '2026-05-31T23:59:59+08:00', campaignId: 'winback-2026-05',
	};

	it('a Shopify customer gets a discount of their own, used once; amounts as Decimal text incl. the birthday bonus', () => {
		const plan = discountInputFor({ customerId: '777', coupon: terms }, 'USD');
		expect(plan).toMatchObject({
			ok: true,
			customerGid: 'gid://shopify/Customer/777',
			input: {
				code: 'WB-7H3K9Q',
				context: { customers: { add: ['gid://shopify/Customer/777'] } },
				customerGets: { value: { discountAmount: { amount: '12.00', appliesOnEachItem: false } }, items: { all: true } },
				minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '50.00' } },
				usageLimit: 1,
				appliesOncePerCustomer: true,
				startsAt: '2026-05-01T00:00:00+08:00',
			},
		});
	});

	it('someone Shopify does not know shares the discount for all buyers, once each', () => {
		const plan = discountInputFor({ customerId: 'crm-42', coupon: terms }, 'USD');
		expect(plan.ok && plan.input.context).toEqual({ all: 'ALL' });
		expect(plan.ok && 'usageLimit' in plan.input).toBe(false);
	});

	it('percentages as fractions (15 % → 0.15); a capped percentage is refused, never issued uncapped', () => {
		const pct = { ...terms, kind: 'percentage' as const, percent: 15, amount: null, birthdayBonus: null };
		const plan = discountInputFor({ customerId: '777', coupon: pct }, 'USD');
		expect(plan.ok && plan.input.customerGets).toEqual({ value: { percentage: 0.15 }, items: { all: true } });
		const capped = discountInputFor({ customerId: '777', coupon: { ...pct, cap: 30 } }, 'USD');
		expect(capped).toMatchObject({ ok: false, code: 'CAP_NOT_SUPPORTED' });
	});

	it('a coupon in another currency than the shop is refused', () => {
		expect(discountInputFor({ customerId: '777', coupon: terms }, 'EUR')).toMatchObject({ ok: false, code: 'CURRENCY_MISMATCH' });
	});
});
