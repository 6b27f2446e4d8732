/**
 * Coupon Tier coupons → WooCommerce coupon bodies, and WooCommerce products → stock levels.
 */
import type { CouponToIssue } from '../../../../nodes/lib/shop';
import {
	couponBody,
	couponCodeKey,
	customerEmailLookupId,
	emailInCustomerId,
	lastStockWriteOf,
	stockItemPath,
	stockLevelOf,
	stockWriteBody,
} from '../../../../nodes/lib/shop/platforms/woocommerce';
import { readWooResponse } from '../../../../nodes/WooCommerceStore/connector';

const NOW = Date.parse('2026-05-01T02:00:00Z');

function coupon(terms: Partial<CouponToIssue['coupon']> = {}): CouponToIssue {
	return {
		customerId: '7',
		coupon: {
			code: 'WB-7H3K9Q',
			kind: 'fixedAmount',
			description: 'Win-back 20 off',
			amount: 20,
			currency: 'USD',
			validFrom: '2026-05-01T00:00:00+08:00',
			validUntil: '2026-05-31T23:59:59+08:00',
			campaignId: 'member-coupons',
			...terms,
		},
	};
}

describe('WooCommerce coupon bodies', () => {
	it('fixed amount → fixed_cart, one use, restricted to the email, expiring at validUntil in UTC', () => {
		const plan = couponBody(coupon(), 'jane@example.com', 'USD', NOW);
		expect(plan).toEqual({
			ok: true,
			notes: [],
			body: {
				code: 'WB-7H3K9Q',
				description: 'Win-back 20 off · campaign member-coupons',
				discount_type: 'fixed_cart',
				amount: '20.00',
				usage_limit: 1,
				usage_limit_per_user: 1,
				email_restrictions: ['jane@example.com'],
				date_expires_gmt: '2026-05-31T15:59:59',
				meta_data: [
					{ key: 'commerce_ops_campaign', value: 'member-coupons' },
					{ key: 'commerce_ops_customer', value: '7' },
				],
			},
		});
	});

	it('spend X save Y → fixed_cart with minimum_amount; a birthday bonus adds to the amount', () => {
		const plan = couponBody(coupon({ kind: 'spendThreshold', amount: null, threshold: 199, reduction: 30, birthdayBonus: 10 }), undefined, 'USD', NOW);
		expect(plan.ok && plan.body).toMatchObject({ discount_type: 'fixed_cart', amount: '40.00', minimum_amount: '199.00' });
		expect(plan.ok && plan.body.email_restrictions).toBeUndefined();
		expect(plan.ok && plan.notes.join()).toMatch(/not restricted to an email/);
	});

	it('an uncapped percentage → percent; a capped one is refused, never issued bigger than budgeted', () => {
		const open = couponBody(coupon({ kind: 'percentage', amount: null, percent: 15, minimumSpend: 50 }), 'a@b.com', 'USD', NOW);
		expect(open.ok && open.body).toMatchObject({ discount_type: 'percent', amount: '15', minimum_amount: '50.00' });
		const capped = couponBody(coupon({ kind: 'percentage', amount: null, percent: 15, cap: 30 }), 'a@b.com', 'USD', NOW);
		expect(capped).toEqual({ ok: false, code: 'percent-cap', message: expect.stringMatching(/no cap for percentage coupons: 15% off capped at 30.00 USD/) });
	});

	it('a coupon in another currency than the store is refused', () => {
		expect(couponBody(coupon({ currency: 'CNY' }), undefined, 'usd', NOW)).toMatchObject({ ok: false, code: 'currency' });
		expect(couponBody(coupon({ currency: 'CNY' }), undefined, undefined, NOW).ok).toBe(true);
	});

	it('a validFrom in the future is noted: core coupons have no start date', () => {
		const plan = couponBody(coupon({ validFrom: '2026-06-01T00:00:00+08:00' }), 'a@b.com', 'USD', NOW);
		expect(plan.ok && plan.notes.join()).toMatch(/no start date/);
	});

	it('emails in customer ids; registered ids to look up; codes compared lower-cased', () => {
		expect(emailInCustomerId('guest:Jane@Example.com')).toBe('jane@example.com');
		expect(emailInCustomerId('jane@example.com')).toBe('jane@example.com');
		expect(emailInCustomerId('guest:727')).toBeUndefined();
		expect(emailInCustomerId('7')).toBeUndefined();
		expect(customerEmailLookupId('7')).toBe(7);
		expect(customerEmailLookupId('guest:7')).toBeUndefined();
		expect(customerEmailLookupId('0')).toBeUndefined();
		expect(couponCodeKey(' WB-7H3K9Q ')).toBe('wb-7h3k9q');
	});
});

describe('WooCommerce stock levels', () => {
	it('a product that manages stock → one level in the "default" warehouse', () => {
		expect(stockLevelOf({ id: 31, type: 'simple', sku: 'TEE-M', manage_stock: true, stock_quantity: 12 })).toEqual({
			sku: 'TEE-M',
			warehouse: 'default',
			onHand: 12,
			reserved: 0,
			onOrder: 0,
			platformRef: { productId: '31' },
		});
	});

	it('a variation carries its product id; backorders give a negative stock', () => {
		expect(stockLevelOf({ id: 733, sku: 'TEE-L-RED', manage_stock: true, stock_quantity: -2 }, 732)).toMatchObject({
			onHand: -2,
			platformRef: { productId: '732', variationId: '733' },
		});
		expect(stockItemPath({ productId: '732', variationId: '733' })).toBe('/wp-json/wc/v3/products/732/variations/733');
		expect(stockItemPath({ productId: '31' })).toBe('/wp-json/wc/v3/products/31');
	});

	it('no stock of its own (Manage stock off, or the parent\'s stock), or no SKU → no level', () => {
		expect(stockLevelOf({ id: 1, sku: 'A', manage_stock: false, stock_quantity: null })).toBeUndefined();
		expect(stockLevelOf({ id: 2, sku: 'B', manage_stock: 'parent', stock_quantity: 5 }, 9)).toBeUndefined();
		expect(stockLevelOf({ id: 3, sku: '', manage_stock: true, stock_quantity: 5 })).toBeUndefined();
	});

	it('the Write ID of the last stock write is kept in the product meta', () => {
		const body = stockWriteBody(7, 'set-abc');
		expect(body).toEqual({ stock_quantity: 7, meta_data: [{ key: 'commerce_ops_stock_write', value: 'set-abc' }] });
		expect(lastStockWriteOf({ id: 1, meta_data: [{ key: 'commerce_ops_stock_write', value: 'set-abc' }] })).toBe('set-abc');
		expect(lastStockWriteOf({ id: 1 })).toBeUndefined();
	});
});

describe('WooCommerce answers', () => {
	it('reads success with the list totals, errors by code, 429/5xx as retryable', () => {
		expect(readWooResponse({ statusCode: 200, body: [], headers: { 'x-wp-total': '250', 'x-wp-totalpages': '3' } })).toEqual({
			kind: 'ok',
			data: { body: [], total: 250, totalPages: 3 },
		});
		expect(readWooResponse({ statusCode: 429, body: '<html>slow down</html>', headers: { 'retry-after': '2' } })).toMatchObject({ kind: 'throttled', waitMs: 2000 });
		expect(readWooResponse({ statusCode: 503, body: '', headers: {} })).toMatchObject({ kind: 'unavailable' });
		const denied = readWooResponse({
			statusCode: 401,
			body: { code: 'woocommerce_rest_authentication_error', message: 'Consumer key is missing.', data: { status: 401 } },
			headers: {},
		});
		expect(denied).toMatchObject({ kind: 'error', code: 'woocommerce_rest_authentication_error', hint: expect.stringMatching(/Query String/) });
		expect(readWooResponse({ statusCode: 404, body: { code: 'rest_no_route', message: 'No route' }, headers: {} })).toMatchObject({ hint: expect.stringMatching(/Permalinks/) });
		expect(readWooResponse({ statusCode: 200, body: '<!doctype html><p>home</p>', headers: {} })).toMatchObject({ kind: 'error', message: expect.stringMatching(/web page/) });
	});
});
