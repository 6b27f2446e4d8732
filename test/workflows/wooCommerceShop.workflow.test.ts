/**
 * WooCommerce Store node inside n8n's execution engine (n8n-core WorkflowExecute, in-process)
 * against the fake store (test/support/fakeShops/woocommerce.ts), which checks the keys
 * (HTTP Basic, or the query-string fallback), per_page ≤ 100, strict GMT modification bounds,
 * batch ≤ 100 and duplicate coupon codes, and logs every write.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { orderSchema } from '../../nodes/lib/model';
import { startWooCommerceFake, wcText, wooOrder, type WooFake } from '../support/fakeShops/woocommerce';
import { runWorkflow, type TestCredentials } from '../support/n8n';
import { shopNodeWorkflow } from '../support/shopWorkflow';

const KEY = 'ck_4f1c0ffee5a1d2b3c4d5e6f708192a3b4c5d6e7f';
const SECRET = 'cs_9a8b7c6d5e4f30211f2e3d4c5b6a79880766aa55';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const CREDENTIAL_REF = { wooCommerceStoreApi: { id: 'woo-1', name: 'Woo test store' } };

let fake: WooFake;
let credentials: TestCredentials;

beforeEach(async () => {
	fake = await startWooCommerceFake({ consumerKey: KEY, consumerSecret: SECRET, currency: 'USD' });
	credentials = { wooCommerceStoreApi: { baseUrl: fake.baseUrl, allowHttp: true, consumerKey: KEY, consumerSecret: SECRET, keysIn: 'header' } };
});

afterEach(async () => {
	await fake.close();
});

const workflow = shopNodeWorkflow('Woo', 'wooCommerceStore', CREDENTIAL_REF);

const orderCalls = () => fake.requests.filter((r) => r.operation === 'GET /orders');
const noSecretIn = (text: string) => {
	expect(text).not.toContain(SECRET);
	expect(text).not.toContain(Buffer.from(`${KEY}:${SECRET}`).toString('base64'));
};

describe('Order → Get Many', () => {
	it('Since Last Run backfills a year in 30-day windows, pages each to the end, and keeps a cursor', async () => {
		const now = Date.now();
		// 250 orders updated 40–41 days ago (one window, three pages), 12 spread over the year, one older.
		const seeded = [
			...Array.from({ length: 250 }, (_, i) => wooOrder(1000 + i, now - 41 * DAY_MS, { modifiedMs: now - 41 * DAY_MS + i * MINUTE_MS })),
			...Array.from({ length: 12 }, (_, i) => wooOrder(2000 + i, now - (20 + i * 28) * DAY_MS, { customer_id: 0, billing: { email: `Guest${i}@Example.com` } })),
			wooOrder(3000, now - 400 * DAY_MS),
		];
		fake.seedOrders(seeded);
		const staticData: IDataObject = {};
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 365 }, staticData), credentials);
		expect(result.errorOf('Woo')).toBeUndefined();
		const orders = result.output('Woo');
		expect(orders).toHaveLength(262);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(262);
		for (const order of orders) expect(orderSchema.safeParse(order).success).toBe(true);
		expect(orders.find((o) => o.orderId === '2003')).toMatchObject({ customerId: 'guest:guest3@example.com', platform: 'woocommerce', status: 'paid' });
		expect(orders.map((o) => o.orderId)).not.toContain('3000');

		// 13 windows of ≤ 30 days; the busy one: page 1, then 3, 2, 1 again (back to front).
		const calls = orderCalls();
		const windows = new Set(calls.map((c) => `${c.query.modified_after}|${c.query.modified_before}`));
		expect(windows.size).toBe(13);
		expect(calls).toHaveLength(12 + 4);
		for (const call of calls) {
			expect(call.query).toMatchObject({ per_page: '100', dates_are_gmt: 'true', orderby: 'modified', order: 'asc', status: 'any' });
			expect(Date.parse(`${call.query.modified_before}Z`) - Date.parse(`${call.query.modified_after}Z`)).toBeLessThanOrEqual(30 * DAY_MS + 2000);
		}
		expect(calls.filter((c) => c.query.page !== '1').map((c) => c.query.page)).toEqual(['3', '2']);
		const cursor = (staticData['node:Woo'] as IDataObject).orderCursor as { readUntil: number; scope: string };
		expect(cursor.scope).toBe('woocommerce:woo-1');
		expect(cursor.readUntil).toBeGreaterThan(now - 2 * MINUTE_MS);
		expect(cursor.readUntil).toBeLessThanOrEqual(Date.now() - MINUTE_MS);
	});

	it('the next run reads the overlap and what changed: an order refunded since comes out refunded', async () => {
		const now = Date.now();
		fake.seedOrders([wooOrder(1, now - 3 * DAY_MS), wooOrder(2, now - 2 * DAY_MS)]);
		const staticData: IDataObject = {};
		await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 30 }, staticData), credentials);
		const cursorOf = () => (staticData['node:Woo'] as IDataObject).orderCursor as { readUntil: number };
		const { readUntil } = cursorOf();
		// Refunded in part; the update was recorded 3 minutes before the cursor (a late commit, inside the 10-minute overlap).
		fake.updateOrder(2, { status: 'completed', refunds: [{ id: 77, reason: 'damaged', total: '-10.00' }] }, readUntil - 3 * MINUTE_MS);
		// Updated just now: after the settled end, left for a later run.
		fake.updateOrder(1, { status: 'completed' }, Date.now());
		fake.clearRequests();
		const second = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 30 }, staticData), credentials);
		const orders = second.output('Woo');
		expect(orders).toEqual([expect.objectContaining({ orderId: '2', status: 'partially_refunded', refundedAmount: 10, amount: 35, platformOrderStatus: 'completed' })]);
		expect(orderCalls()).toHaveLength(1);
		expect(Date.parse(`${orderCalls()[0].query.modified_after}Z`)).toBeLessThanOrEqual(readUntil - 10 * MINUTE_MS);
		expect(cursorOf().readUntil).toBeGreaterThan(readUntil);
	});

	it('an order updated while its window is paged does not push another one out of the read', async () => {
		const now = Date.now();
		fake.seedOrders(Array.from({ length: 230 }, (_, i) => wooOrder(5000 + i, now - 5 * DAY_MS, { modifiedMs: now - 5 * DAY_MS + i * 1000 })));
		let moved = false;
		fake.onPageServed = (page) => {
			if (page === 1 && !moved) {
				moved = true;
				fake.updateOrder(5000, { status: 'completed' }); // now: leaves the window, everything behind it moves up one place
			}
		};
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 6 * DAY_MS).toISOString(), updatedBefore: new Date(now - DAY_MS).toISOString() }), credentials);
		const ids = new Set(result.output('Woo').map((o) => o.orderId));
		for (let i = 1; i < 230; i++) expect(ids.has(String(5000 + i))).toBe(true);
	});

	it('Time Range with the raw option gives WooCommerce\'s own objects; checkout drafts are left out', async () => {
		const now = Date.now();
		fake.seedOrders([wooOrder(11, now - 2 * DAY_MS), wooOrder(12, now - 2 * DAY_MS, { status: 'checkout-draft' })]);
		const result = await runWorkflow(
			workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 3 * DAY_MS).toISOString(), updatedBefore: '', outputFormat: 'raw' }),
			credentials,
		);
		const raw = result.output('Woo');
		expect(raw).toHaveLength(1);
		expect(raw[0]).toMatchObject({ id: 11, status: 'processing', total: '35.00', date_modified_gmt: wcText(now - 2 * DAY_MS), line_items: [expect.objectContaining({ sku: 'TEE-M' })] });
	});

	it('a host\'s 429 and a 503 are waited out and retried; the read loses nothing', async () => {
		const now = Date.now();
		fake.seedOrders([wooOrder(21, now - DAY_MS), wooOrder(22, now - DAY_MS)]);
		fake.failNext({ status: 429, body: '<html>Too Many Requests</html>', headers: { 'Retry-After': '0', 'content-type': 'text/html' } });
		fake.failNext({ status: 503, body: { code: 'service_unavailable', message: 'Maintenance' } });
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 3 }), credentials);
		expect(result.errorOf('Woo')).toBeUndefined();
		expect(result.output('Woo').map((o) => o.orderId)).toEqual(['21', '22']);
		expect(orderCalls().map((c) => c.fault)).toEqual(['status 429', 'status 503', undefined]);
	});

	it('wrong keys stop the node with WooCommerce\'s code and what to do, and no secret anywhere', async () => {
		credentials.wooCommerceStoreApi.consumerSecret = 'cs_wrong_0000000000000000000000000000000000';
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 3 }), credentials);
		const error = result.errorOf('Woo') as Error & { description?: string };
		expect(error.message).toMatch(/WooCommerce Store: Consumer secret is invalid\. \(code woocommerce_rest_authentication_error\)/);
		expect(error.description).toMatch(/consumer key and secret/);
		expect(JSON.stringify(result.run)).not.toContain('cs_wrong_0000000000000000000000000000000000');
	});

	it('the query-string fallback sends the keys as consumer_key / consumer_secret, and they stay out of the run', async () => {
		credentials.wooCommerceStoreApi.keysIn = 'queryString';
		fake.seedOrders([wooOrder(31, Date.now() - DAY_MS)]);
		fake.failNext({ status: 400, body: { code: 'rest_invalid_param', message: 'Invalid parameter(s): status' } });
		const failed = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 3 }), credentials);
		expect(failed.errorOf('Woo')?.message).toMatch(/rest_invalid_param/);
		noSecretIn(JSON.stringify(failed.run));
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 3 }), credentials);
		expect(result.output('Woo').map((o) => o.orderId)).toEqual(['31']);
		expect(orderCalls().at(-1)?.query.consumer_key).toBe(KEY);
		noSecretIn(JSON.stringify(result.run));
	});
});

function seedProducts(): void {
	fake.addProduct({ id: 31, sku: 'TEE-M', stock_quantity: 12 });
	fake.addProduct({ id: 32, sku: 'GIFT-CARD', manage_stock: false, stock_quantity: null });
	fake.addProduct({ id: 40, sku: 'HOODIE', type: 'variable', manage_stock: false, stock_quantity: null });
	fake.addProduct({ id: 41, sku: 'HOODIE-S', type: 'variation', parent_id: 40, stock_quantity: 4 });
	fake.addProduct({ id: 42, sku: 'HOODIE-L', type: 'variation', parent_id: 40, stock_quantity: -1 });
	fake.addProduct({ id: 43, sku: 'HOODIE-XL', type: 'variation', parent_id: 40, manage_stock: 'parent', stock_quantity: null });
}

describe('Stock', () => {
	it('Get Many reads every product and variation that manages stock, as inventory positions with platform ids', async () => {
		seedProducts();
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '', warehouse: '', planning: { leadTimeDays: 10 } }), credentials);
		const positions = result.output('Woo');
		expect(positions).toEqual([
			{ sku: 'TEE-M', warehouse: 'default', onHand: 12, onOrder: 0, reserved: 0, leadTimeDays: 10, leadTimeStdDays: 0, moq: 0, packSize: 1, unitCost: 0, platformRef: { productId: '31' }, platform: 'woocommerce' },
			expect.objectContaining({ sku: 'HOODIE-S', onHand: 4, platformRef: { productId: '40', variationId: '41' } }),
			expect.objectContaining({ sku: 'HOODIE-L', onHand: -1, platformRef: { productId: '40', variationId: '42' } }),
		]);
	});

	it('Get Many by SKU finds products by ?sku= and variations under their product', async () => {
		seedProducts();
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: 'HOODIE-L, TEE-M, NOPE', warehouse: 'default' }), credentials);
		expect(result.output('Woo').map((p) => [p.sku, p.onHand])).toEqual([
			['HOODIE-L', -1],
			['TEE-M', 12],
		]);
		const skuQuery = fake.requests.find((r) => r.operation === 'GET /products' && r.query.sku);
		expect(skuQuery?.query.sku).toBe('HOODIE-L,TEE-M,NOPE');
	});

	const setQuantity = (params: IDataObject = {}) =>
		workflow({ resource: 'stock', operation: 'setQuantity', sku: 'HOODIE-S', warehouse: '', quantity: 20, writeId: 'restock-2026-12-02-hoodie-s', expectedQuantity: '', ...params });

	it('Set Quantity: the same Write ID twice writes once, even after a sale in between', async () => {
		seedProducts();
		const first = await runWorkflow(setQuantity(), credentials);
		expect(first.output('Woo')[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 4, quantity: 20, writeId: 'restock-2026-12-02-hoodie-s', platform: 'woocommerce' });
		expect(fake.stockOf('HOODIE-S')).toBe(20);
		fake.products.get(41)!.stock_quantity = 19; // a sale
		const again = await runWorkflow(setQuantity(), credentials);
		expect(again.output('Woo')[0]).toMatchObject({ stockStatus: 'alreadyApplied', quantity: 19 });
		expect(fake.stockOf('HOODIE-S')).toBe(19);
		expect(fake.appliedCountByKey('stock.set').get('restock-2026-12-02-hoodie-s')).toBe(1);
		expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
		expect(fake.requests.find((r) => r.method === 'PUT')?.path).toBe('/wp-json/wc/v3/products/40/variations/41');
	});

	it('a stock already at the target is not written (unchanged)', async () => {
		seedProducts();
		const result = await runWorkflow(setQuantity({ sku: 'TEE-M', quantity: 12, writeId: '' }), credentials);
		expect(result.output('Woo')[0]).toMatchObject({ stockStatus: 'unchanged', quantity: 12 });
		expect(fake.writes).toHaveLength(0);
	});

	it('compare-and-set: a stock that changed since it was read is refused, nothing written', async () => {
		seedProducts();
		const result = await runWorkflow(setQuantity({ sku: 'TEE-M', quantity: 30, expectedQuantity: '10' }), credentials);
		expect(result.errorOf('Woo')?.message).toMatch(/SKU TEE-M has 12 in stock, not 10 as expected; nothing was written/);
		expect(fake.writes).toHaveLength(0);
		const ok = await runWorkflow(setQuantity({ sku: 'TEE-M', quantity: 30, expectedQuantity: '12' }), credentials);
		expect(ok.output('Woo')[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 12, quantity: 30 });
	});

	it('a write applied whose answer was lost is sent again (an absolute value) and applied once', async () => {
		seedProducts();
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.method === 'PUT' });
		const result = await runWorkflow(setQuantity(), credentials);
		expect(result.output('Woo')[0]).toMatchObject({ stockStatus: 'applied', quantity: 20 });
		expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
		expect(fake.appliedCountByKey('stock.set').get('restock-2026-12-02-hoodie-s')).toBe(1);
	});

	it('a product that does not manage stock, or another warehouse, is refused with what to do', async () => {
		seedProducts();
		const unmanaged = await runWorkflow(setQuantity({ sku: 'HOODIE-XL' }), credentials);
		expect(unmanaged.errorOf('Woo')?.message).toMatch(/HOODIE-XL does not keep its own stock count/);
		const warehouse = await runWorkflow(setQuantity({ warehouse: 'east-shanghai' }), credentials);
		expect(warehouse.errorOf('Woo')?.message).toMatch(/one stock per product; there is no warehouse "east-shanghai"/);
		expect(fake.writes).toHaveLength(0);
	});
});

/** Items as Coupon Tier's Coupon output gives them (README "Fields added to each customer item"). */
function couponItem(customerId: string, code: string, coupon: IDataObject = {}): IDataObject {
	return {
		customerId,
		tier: 'lost',
		tierLabel: 'Lost',
		actions: ['coupon'],
		couponStatus: 'issued',
		couponCode: code,
		coupon: {
			code,
			kind: 'fixedAmount',
			description: 'Win-back: 20 off',
			amount: 20,
			percent: null,
			cap: null,
			threshold: null,
			reduction: null,
			minimumSpend: 0,
			birthdayBonus: 0,
			faceValue: 20,
			currency: 'USD',
			validFrom: '2026-12-01T00:00:00+08:00',
			validUntil: '2026-12-31T23:59:59+08:00',
			validFromDate: '2026-12-01',
			validUntilDate: '2026-12-31',
			campaignId: 'member-coupons',
			period: '2026-12',
			...coupon,
		},
		campaignId: 'member-coupons',
		period: '2026-12',
	};
}

const COUPON_ITEMS = [
	couponItem('7', 'MC-7H3K9Q'),
	couponItem('guest:ann@example.com', 'MC-2B8X4M', { kind: 'spendThreshold', amount: null, threshold: 199, reduction: 30, faceValue: 30 }),
	couponItem('guest:1234', 'MC-Q9W2E7', { kind: 'percentage', amount: null, percent: 15, faceValue: null }),
];

describe('Coupon → Issue', () => {
	const issue = (items: IDataObject[], extra: Partial<INode> = {}) => workflow({ resource: 'coupon', operation: 'issue' }, {}, extra, items);

	beforeEach(() => {
		fake.customers.push({ id: 7, email: 'Jane@Example.com', role: 'customer' });
	});

	it('issues Coupon Tier\'s coupons in one batch; a re-run finds every code and writes nothing', async () => {
		const first = await runWorkflow(issue(COUPON_ITEMS), credentials);
		expect(first.errorOf('Woo')).toBeUndefined();
		expect(first.output('Woo').map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued']);
		expect(first.output('Woo')[0]).toMatchObject({ couponCode: 'MC-7H3K9Q', platform: 'woocommerce', platformCouponId: expect.any(String) });
		expect(first.output('Woo')[2].issueMessage).toMatch(/not restricted to an email/);
		const [fixed, threshold, percent] = fake.listCoupons();
		expect(fixed).toMatchObject({ code: 'mc-7h3k9q', discount_type: 'fixed_cart', amount: '20.00', email_restrictions: ['jane@example.com'], usage_limit: 1, usage_limit_per_user: 1, date_expires_gmt: '2026-12-31T15:59:59' });
		expect(threshold).toMatchObject({ discount_type: 'fixed_cart', amount: '30.00', minimum_amount: '199.00', email_restrictions: ['ann@example.com'] });
		expect(percent).toMatchObject({ discount_type: 'percent', amount: '15.00' });
		expect(fake.requests.filter((r) => r.operation === 'POST /coupons/batch')).toHaveLength(1);

		const writes = fake.writes.length;
		const second = await runWorkflow(issue(COUPON_ITEMS), credentials);
		expect(second.output('Woo').map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		expect(fake.writes).toHaveLength(writes);
		expect(fake.requests.filter((r) => r.operation === 'POST /coupons/batch')).toHaveLength(1);
	});

	it('throttling, a 5xx and an answer lost after the batch was applied, then a re-run: every coupon exactly once', async () => {
		fake.failNext({ status: 500, body: { code: 'internal_server_error', message: 'Critical error' }, match: (r) => r.method === 'GET' && r.path.endsWith('/coupons') });
		fake.failNext({ status: 429, body: 'Too Many Requests', headers: { 'Retry-After': '0' }, match: (r) => r.path.endsWith('/coupons/batch') });
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.path.endsWith('/coupons/batch') });
		const first = await runWorkflow(issue(COUPON_ITEMS), credentials);
		expect(first.errorOf('Woo')).toBeUndefined();
		// The lost answer's coupons exist; the batch sent again is told so for each.
		expect(first.output('Woo').map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		const second = await runWorkflow(issue(COUPON_ITEMS), credentials);
		expect(second.output('Woo').map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		const applied = fake.appliedCountByKey('coupon.create');
		expect([...applied.entries()].sort()).toEqual([
			['mc-2b8x4m', 1],
			['mc-7h3k9q', 1],
			['mc-q9w2e7', 1],
		]);
		expect(fake.listCoupons()).toHaveLength(3);
	});

	it('with Continue On Fail a capped percentage coupon fails with the reason, the others are issued', async () => {
		const items = [...COUPON_ITEMS.slice(0, 2), couponItem('7', 'MC-CAP001', { kind: 'percentage', amount: null, percent: 20, cap: 50, faceValue: 50 })];
		const result = await runWorkflow(issue(items, { onError: 'continueRegularOutput' }), credentials);
		const out = result.output('Woo');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'failed']);
		expect(out[2]).toMatchObject({ platformCode: 'percent-cap', issueMessage: expect.stringMatching(/no cap for percentage coupons/), error: expect.stringMatching(/percent-cap/) });
		expect(fake.listCoupons().map((c) => c.code)).toEqual(['mc-7h3k9q', 'mc-2b8x4m']);
		noSecretIn(JSON.stringify(result.run));
	});

	it('without Continue On Fail the refusal stops the node, naming the coupon; a customer id unknown to the store is refused', async () => {
		const items = [couponItem('999', 'MC-NOBODY')];
		const result = await runWorkflow(issue(items), credentials);
		expect(result.errorOf('Woo')?.message).toMatch(/coupon MC-NOBODY was not issued: .*No customer 999/);
		expect(fake.listCoupons()).toHaveLength(0);
		noSecretIn(JSON.stringify(result.run));
	});

	it('a batch over 100 is split: 150 coupons in two batches, none refused as too large', async () => {
		const items = Array.from({ length: 150 }, (_, i) => couponItem(`guest:c${i}@example.com`, `MC-B${String(i).padStart(4, '0')}`));
		const result = await runWorkflow(issue(items), credentials);
		expect(result.output('Woo').every((i) => i.issueStatus === 'issued')).toBe(true);
		const batches = fake.requests.filter((r) => r.operation === 'POST /coupons/batch');
		expect(batches.map((b) => (b.body.create as unknown[]).length)).toEqual([100, 50]);
		// Existing codes were looked up by their shared prefix, a page of 100 at a time, not one request per code.
		expect(fake.requests.filter((r) => r.operation === 'GET /coupons').map((r) => r.query.search)).toEqual(['mc-b0']);
	});
});

describe('the fake store refuses what WooCommerce refuses', () => {
	const auth = { Authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`, 'content-type': 'application/json' };

	it('per_page over 100 → 400 rest_invalid_param; a batch of 101 → 413; no key → 401', async () => {
		const page = await fetch(`${fake.baseUrl}/wp-json/wc/v3/orders?per_page=101`, { headers: auth });
		expect(page.status).toBe(400);
		expect(((await page.json()) as { code: string }).code).toBe('rest_invalid_param');
		const create = Array.from({ length: 101 }, (_, i) => ({ code: `x${i}` }));
		const batch = await fetch(`${fake.baseUrl}/wp-json/wc/v3/coupons/batch`, { method: 'POST', headers: auth, body: JSON.stringify({ create }) });
		expect(batch.status).toBe(413);
		expect(((await batch.json()) as { code: string }).code).toBe('woocommerce_rest_request_entity_too_large');
		expect(fake.listCoupons()).toHaveLength(0);
		const anonymous = await fetch(`${fake.baseUrl}/wp-json/wc/v3/orders`);
		expect(anonymous.status).toBe(401);
	});
});
