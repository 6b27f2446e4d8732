/**
 * WooCommerce orders → the commerce model. Payloads follow the "Retrieve an order" example of
 * the WooCommerce REST API docs (order 727: total "29.35", two lines without SKU, shipping
 * 10.00, tax 1.35) and its refund example (refunds[].total "-10.00").
 */
import { orderSchema } from '../../../../nodes/lib/model';
import {
	attributionOf,
	customerIdOf,
	isCheckoutDraft,
	WooCommercePayloadError,
	wooOrderToModel,
	type WooOrder,
} from '../../../../nodes/lib/shop/platforms/woocommerce';

function docsOrder(fields: Partial<WooOrder> = {}): WooOrder {
	return {
		id: 727,
		number: '727',
		status: 'processing',
		currency: 'USD',
		total: '29.35',
		customer_id: 0,
		billing: { email: 'john.doe@example.com' },
		date_created_gmt: '2017-03-22T16:28:02',
		date_modified_gmt: '2017-03-22T16:28:08',
		date_paid_gmt: '2017-03-22T16:28:08',
		line_items: [
			{ id: 315, name: 'Woo Single #1', product_id: 93, variation_id: 0, quantity: 2, total: '6.00', total_tax: '0.45', sku: '' },
			{ id: 316, name: 'Ship Your Idea – Color: Black, Size: M Test', product_id: 22, variation_id: 23, quantity: 1, total: '12.00', total_tax: '0.90', sku: '' },
		],
		refunds: [],
		meta_data: [],
		...fields,
	};
}

const valid = (order: unknown) => expect(orderSchema.safeParse(order).success).toBe(true);

describe('WooCommerce order mapping', () => {
	it('reads the docs example: paid (processing), amount = total with shipping and tax, lines at what was paid per unit', () => {
		const order = wooOrderToModel(docsOrder(), 'UTC');
		expect(order).toEqual({
			orderId: '727',
			customerId: 'guest:john.doe@example.com',
			platform: 'woocommerce',
			createdAt: '2017-03-22T16:28:02+00:00',
			updatedAt: '2017-03-22T16:28:08+00:00',
			status: 'paid',
			platformOrderStatus: 'processing',
			currency: 'USD',
			amount: 29.35,
			refundedAmount: 0,
			lines: [
				// (6.00 + 0.45) / 2 = 3.225 → 3.23 (half up, to the cent)
				{ sku: 'product:93', quantity: 2, unitPrice: 3.23 },
				{ sku: 'variation:23', quantity: 1, unitPrice: 12.9 },
			],
		});
		valid(order);
	});

	it('writes times in the chosen zone with its offset (the _gmt fields are UTC)', () => {
		const order = wooOrderToModel(docsOrder(), 'Asia/Shanghai');
		expect(order.createdAt).toBe('2017-03-23T00:28:02+08:00');
		expect(Date.parse(order.createdAt)).toBe(Date.parse('2017-03-22T16:28:02Z'));
	});

	it.each([
		['pending', 'pending'],
		['on-hold', 'pending'],
		['processing', 'paid'],
		['completed', 'completed'],
		['cancelled', 'cancelled'],
		['failed', 'cancelled'],
		['refunded', 'refunded'],
		['trash', 'cancelled'],
		['shipped', 'shipped'],
		['delivered', 'completed'],
	])('status %s → %s', (wooStatus, modelStatus) => {
		const order = wooOrderToModel(docsOrder({ status: wooStatus }), 'UTC');
		expect(order.status).toBe(modelStatus);
		expect(order.platformOrderStatus).toBe(wooStatus);
		valid(order);
	});

	it('an unknown plugin status is paid when the order was paid, pending when not', () => {
		expect(wooOrderToModel(docsOrder({ status: 'awaiting-pickup' }), 'UTC').status).toBe('paid');
		expect(wooOrderToModel(docsOrder({ status: 'awaiting-pickup', date_paid_gmt: null }), 'UTC').status).toBe('pending');
	});

	it('a partial refund (refunds[].total negative) → partially_refunded with the refunded amount', () => {
		const order = wooOrderToModel(docsOrder({ status: 'completed', refunds: [{ id: 726, reason: '', total: '-10.00' }] }), 'UTC');
		expect(order.status).toBe('partially_refunded');
		expect(order.amount).toBe(29.35);
		expect(order.refundedAmount).toBe(10);
		valid(order);
	});

	it('refunds that reach the total → refunded; two refunds add up', () => {
		const order = wooOrderToModel(
			docsOrder({ status: 'completed', refunds: [{ id: 1, total: '-20.00' }, { id: 2, total: '-9.35' }] }),
			'UTC',
		);
		expect(order).toMatchObject({ status: 'refunded', refundedAmount: 29.35 });
		valid(order);
	});

	it('status refunded without refund records counts the whole order refunded', () => {
		expect(wooOrderToModel(docsOrder({ status: 'refunded' }), 'UTC')).toMatchObject({ status: 'refunded', amount: 29.35, refundedAmount: 29.35 });
	});

	it('a cancelled order with a refund stays cancelled (the refund amount is kept)', () => {
		expect(wooOrderToModel(docsOrder({ status: 'cancelled', refunds: [{ total: '-5.00' }] }), 'UTC')).toMatchObject({ status: 'cancelled', refundedAmount: 5 });
	});

	it('multi-line orders keep their SKUs; a line with quantity 0 is left out', () => {
		const order = wooOrderToModel(
			docsOrder({
				line_items: [
					{ product_id: 31, quantity: 3, total: '45.00', total_tax: '0.00', sku: 'TEE-M' },
					{ product_id: 32, quantity: 1, total: '9.99', total_tax: '0.00', sku: 'CAP-1' },
					{ product_id: 33, quantity: 0, total: '0.00', sku: 'GONE' },
				],
			}),
			'UTC',
		);
		expect(order.lines).toEqual([
			{ sku: 'TEE-M', quantity: 3, unitPrice: 15 },
			{ sku: 'CAP-1', quantity: 1, unitPrice: 9.99 },
		]);
	});

	it('registered customers keep customer_id; guests are keyed by their normalised billing email, else guest:<order id>', () => {
		expect(customerIdOf(docsOrder({ customer_id: 7 }))).toBe('7');
		expect(customerIdOf(docsOrder({ billing: { email: '  Jane.Doe+VIP@Example.COM ' } }))).toBe('guest:jane.doe+vip@example.com');
		expect(customerIdOf(docsOrder({ billing: { email: '' } }))).toBe('guest:727');
		expect(customerIdOf(docsOrder({ billing: undefined }))).toBe('guest:727');
	});

	it('channel and link code from Order Attribution meta (keys UNCONFIRMED)', () => {
		const meta = (entries: Record<string, string>) => Object.entries(entries).map(([key, value], id) => ({ id, key: `_wc_order_attribution_${key}`, value }));
		expect(attributionOf(docsOrder({ meta_data: meta({ source_type: 'utm', utm_source: 'newsletter', utm_medium: 'Email', utm_campaign: 'spring-sale' }) }))).toEqual({
			channel: 'email',
			linkCode: 'spring-sale',
		});
		expect(attributionOf(docsOrder({ meta_data: meta({ source_type: 'organic', utm_source: 'google' }) }))).toEqual({ channel: 'search' });
		expect(attributionOf(docsOrder({ meta_data: meta({ source_type: 'typein', utm_source: '(direct)' }) }))).toEqual({ channel: 'direct' });
		expect(attributionOf(docsOrder({ meta_data: meta({ source_type: 'referral' }) }))).toEqual({ channel: 'referral' });
		expect(attributionOf(docsOrder())).toEqual({});
		const order = wooOrderToModel(docsOrder({ meta_data: meta({ source_type: 'utm', utm_medium: 'cpc' }) }), 'UTC');
		expect(order.channel).toBe('cpc');
		valid(order);
	});

	it('checkout drafts are recognised (dropped by the feed)', () => {
		expect(isCheckoutDraft(docsOrder({ status: 'checkout-draft' }))).toBe(true);
		expect(isCheckoutDraft(docsOrder())).toBe(false);
	});

	it('an order never modified uses its creation time as updatedAt', () => {
		expect(wooOrderToModel(docsOrder({ date_modified_gmt: null }), 'UTC').updatedAt).toBe('2017-03-22T16:28:02+00:00');
	});

	it('refuses payloads it cannot read, naming the order and field', () => {
		expect(() => wooOrderToModel(docsOrder({ date_created_gmt: null }), 'UTC')).toThrow(WooCommercePayloadError);
		expect(() => wooOrderToModel(docsOrder({ total: 'abc' }), 'UTC')).toThrow(/order 727: total "abc"/);
		expect(() => wooOrderToModel(docsOrder({ currency: '' }), 'UTC')).toThrow(/currency/);
	});
});
