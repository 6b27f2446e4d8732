/**
 * Shopify Store node inside n8n's execution engine (n8n-core WorkflowExecute, in-process)
 * against the fake store (test/support/fakeShops/shopify.ts), which checks the access token,
 * the GraphQL operations, query cost against a leaky bucket, paging limits, idempotency keys,
 * compare-and-set, bulk code jobs and duplicate codes, and logs every write.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { orderSchema } from '../../nodes/lib/model';
import { startShopifyFake, type FakeShopifyOrder, type ShopifyFake } from '../support/fakeShops/shopify';
import { credentialUpdates, runWorkflow, type TestCredentials } from '../support/n8n';
import { NO_STORED_TOKEN, shopNodeWorkflow } from '../support/shopWorkflow';

const CLIENT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CLIENT_SECRET = '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';
const ADMIN_TOKEN = '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';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CREDENTIAL = { shopifyStoreApi: { id: 'cred-shopify', name: 'Shopify test store' } };

let fake: ShopifyFake;
let credentials: TestCredentials;

beforeEach(async () => {
	// A wide, fast bucket keeps the tests quick; the throttling tests narrow it.
	fake = await startShopifyFake({
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		adminToken: ADMIN_TOKEN,
		maximumAvailable: 1000,
		restoreRate: 100_000,
		customers: [777, 778, 779],
		bulkPolls: 2,
	});
	credentials = {
		shopifyStoreApi: {
			baseUrl: fake.baseUrl, allowHttp: true,
			authType: 'clientCredentials',
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			adminAccessToken: '',
			apiVersion: '2026-04',
			...NO_STORED_TOKEN,
		},
	};
	credentialUpdates.length = 0;
});

afterEach(async () => {
	await fake.close();
});

const workflow = shopNodeWorkflow('Shopify', 'shopifyStore', CREDENTIAL);

function fakeOrder(id: number, updatedAt: number, extra: Partial<FakeShopifyOrder> = {}): FakeShopifyOrder {
	return {
		id,
		createdAt: new Date(updatedAt - HOUR_MS).toISOString(),
		updatedAt: new Date(updatedAt).toISOString(),
		displayFinancialStatus: 'PAID',
		displayFulfillmentStatus: 'UNFULFILLED',
		total: '25.00',
		customerId: 700 + (id % 5),
		lines: [{ sku: `SKU-${id % 3}`, quantity: 1, unitPrice: '25.00', variantId: id }],
		...extra,
	};
}

const orderPages = () => fake.requests.filter((r) => r.operation === 'orders' && r.status === 200);
const secrets = () => [CLIENT_SECRET, ADMIN_TOKEN, ...fake.issuedTokens];

describe('Order → Get Many', () => {
	it('a 10-day Time Range is read as 10 one-day windows, each paged to the end (8 orders a page)', async () => {
		const start = Date.parse('2026-02-01T00:00:00Z');
		for (let i = 0; i < 20; i++) fake.upsertOrder(fakeOrder(1000 + i, start + 2 * DAY_MS + i * 60_000)); // 20 on day 3: 3 pages
		for (let i = 0; i < 5; i++) fake.upsertOrder(fakeOrder(2000 + i, start + 6 * DAY_MS + i * 60_000));
		fake.upsertOrder(fakeOrder(3000, start + 11 * DAY_MS)); // after the range
		const result = await runWorkflow(
			workflow({ readMode: 'timeRange', updatedAfter: '2026-02-01T00:00:00Z', updatedBefore: '2026-02-11T00:00:00Z', timeZone: 'UTC' }),
			credentials,
		);
		expect(result.errorOf('Shopify')).toBeUndefined();
		const orders = result.output('Shopify');
		expect(orders).toHaveLength(25);
		for (const order of orders) expect(() => orderSchema.parse(order)).not.toThrow();
		// 10 windows: 8 with one empty page, day 3 with 3 pages, day 7 with 1 page.
		expect(orderPages()).toHaveLength(8 + 3 + 1);
		const searches = new Set(orderPages().map((r) => String((r.body.variables as IDataObject).q)));
		expect(searches.size).toBe(10);
		expect(searches).toContain("updated_at:>='2026-02-03T00:00:00Z' AND updated_at:<'2026-02-04T00:00:00Z'");
		expect(orderPages().every((r) => (r.body.variables as IDataObject).first === 8)).toBe(true);
		// Client credentials: one token, fetched once and saved into the credential.
		expect(fake.requests.filter((r) => r.operation === 'oauth.access_token')).toHaveLength(1);
		expect(credentialUpdates.map((u) => u.type)).toEqual(['shopifyStoreApi']);
	});

	it('Since Last Run: a backfill, then an incremental run re-reads the overlap and picks up an updated order; the cursor is in static data', async () => {
		const now = Date.now();
		fake.upsertOrder(fakeOrder(1, now - 3 * DAY_MS));
		fake.upsertOrder(fakeOrder(2, now - 30 * 60_000));
		fake.upsertOrder(fakeOrder(3, now - 90 * DAY_MS)); // beyond Shopify's 60 days without read_all_orders
		const staticData: IDataObject = {};
		const first = await runWorkflow(workflow({ readMode: 'sinceLastRun', lookbackDays: 365, timeZone: 'UTC' }, staticData), credentials);
		expect(first.output('Shopify').map((o) => o.orderId)).toEqual(['1', '2']);
		expect(JSON.stringify(first.run.data.resultData)).toMatch(/only from the last 60 days/);
		const cursor = (staticData['node:Shopify'] as IDataObject).orderCursor as { readUntil: number; scope: string };
		expect(cursor.scope).toBe('shopify:cred-shopify');
		expect(cursor.readUntil).toBeGreaterThan(now - 3 * 60_000);
		// 60 days in one-day windows (plus a remainder).
		expect(new Set(orderPages().map((r) => (r.body.variables as IDataObject).q)).size).toBeGreaterThanOrEqual(60);

		// Refunded just before the previous end: only the overlap finds it.
		fake.upsertOrder(fakeOrder(2, cursor.readUntil - 4 * 60_000, { displayFinancialStatus: 'REFUNDED', refunded: '25.00' }));
		fake.clearRequests();
		const second = await runWorkflow(workflow({ readMode: 'sinceLastRun', lookbackDays: 365, timeZone: 'UTC' }, staticData), credentials);
		const orders = second.output('Shopify');
		expect(orders.map((o) => [o.orderId, o.status, o.refundedAmount])).toEqual([['2', 'refunded', 25]]);
		expect(orderPages()).toHaveLength(1);
	});

	it("raw output gives Shopify's order objects", async () => {
		fake.upsertOrder(fakeOrder(42, Date.parse('2026-02-02T10:00:00Z'), { customerId: null }));
		const result = await runWorkflow(
			workflow({ readMode: 'timeRange', updatedAfter: '2026-02-02T00:00:00Z', updatedBefore: '2026-02-03T00:00:00Z', outputFormat: 'raw', timeZone: 'UTC' }),
			credentials,
		);
		const [raw] = result.output('Shopify');
		expect(raw).toMatchObject({ id: 'gid://shopify/Order/42', legacyResourceId: '42', customer: null, totalPriceSet: { shopMoney: { amount: '25.00' } } });
	});

	it('an order with more than 20 lines gets the rest from order(id).lineItems', async () => {
		const lines = Array.from({ length: 45 }, (_, i) => ({ sku: `L-${i}`, quantity: 1, unitPrice: '1.00' }));
		fake.upsertOrder(fakeOrder(77, Date.parse('2026-02-02T10:00:00Z'), { total: '45.00', lines }));
		const result = await runWorkflow(
			workflow({ readMode: 'timeRange', updatedAfter: '2026-02-02T00:00:00Z', updatedBefore: '2026-02-03T00:00:00Z', timeZone: 'UTC' }),
			credentials,
		);
		expect((result.output('Shopify')[0].lines as unknown[]).length).toBe(45);
		expect(fake.requests.filter((r) => r.operation === 'order')).toHaveLength(1);
	});
});

describe('throttling', () => {
	it('waits for the bucket before a query it would not fit, from the throttleStatus of the last answer', async () => {
		fake.bucket.maximumAvailable = 1000;
		fake.bucket.available = 1000;
		fake.bucket.restoreRate = 2000; // 722-point pages: the second page needs ~0.2 s of refill
		// 20 lines each: the pages cost what was requested (the fake refunds unused points, as Shopify does).
		const lines = Array.from({ length: 20 }, (_, i) => ({ sku: `L-${i}`, quantity: 1, unitPrice: '1.00' }));
		for (let i = 0; i < 24; i++) fake.upsertOrder(fakeOrder(100 + i, Date.parse('2026-02-02T10:00:00Z') + i * 1000, { total: '20.00', lines }));
		const started = Date.now();
		const result = await runWorkflow(
			workflow({ readMode: 'timeRange', updatedAfter: '2026-02-02T00:00:00Z', updatedBefore: '2026-02-03T00:00:00Z', timeZone: 'UTC' }),
			credentials,
		);
		expect(result.output('Shopify')).toHaveLength(24);
		expect(fake.requests.filter((r) => r.operation === 'orders')).toHaveLength(3); // no THROTTLED answer was needed
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
	});

	it('THROTTLED (HTTP 200) and HTTP 429 answers are waited out and retried', async () => {
		fake.upsertOrder(fakeOrder(5, Date.parse('2026-02-02T10:00:00Z')));
		fake.failNext({ status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: { cost: { requestedQueryCost: 722, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 700, restoreRate: 100 } } } }, match: (r) => r.path.includes('graphql') });
		fake.failNext({ status: 429, headers: { 'Retry-After': '1' }, body: { errors: 'Exceeded 2 calls per second for api client.' }, match: (r) => r.path.includes('graphql') });
		const result = await runWorkflow(
			workflow({ readMode: 'timeRange', updatedAfter: '2026-02-02T00:00:00Z', updatedBefore: '2026-02-03T00:00:00Z', timeZone: 'UTC' }),
			credentials,
		);
		expect(result.output('Shopify')).toHaveLength(1);
		expect(fake.requests.filter((r) => r.operation === 'orders').map((r) => r.fault ?? 'ok')).toEqual(['status 200', 'status 429', 'ok']);
	});
});

describe('credential', () => {
	it('a token that expired on the store (24 h later) is refreshed once, saved, and the call sent again', async () => {
		await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '' }), credentials);
		const firstToken = credentials.shopifyStoreApi.accessToken;
		fake.clock.advance(25 * HOUR_MS);
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '' }), credentials);
		expect(result.errorOf('Shopify')).toBeUndefined();
		expect(fake.issuedTokens).toHaveLength(2);
		expect(credentials.shopifyStoreApi.accessToken).not.toBe(firstToken);
		expect(credentialUpdates).toHaveLength(2);
		expect(fake.requests.filter((r) => r.status === 401)).toHaveLength(1);
	});

	it('a stored token past its expiry is refreshed before any call', async () => {
		Object.assign(credentials.shopifyStoreApi, { accessToken: 'shpat_old', accessTokenExpiresAt: Date.now() - 1000, accessTokenObtainedAt: Date.now() - DAY_MS });
		await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '' }), credentials);
		expect(fake.requests.filter((r) => r.status === 401)).toHaveLength(0);
		expect(fake.issuedTokens).toHaveLength(1);
	});

	it('an Admin API access token is sent as is, nothing fetched', async () => {
		Object.assign(credentials.shopifyStoreApi, { authType: 'accessToken', adminAccessToken: ADMIN_TOKEN });
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '' }), credentials);
		expect(result.errorOf('Shopify')).toBeUndefined();
		expect(fake.requests.filter((r) => r.operation === 'oauth.access_token')).toHaveLength(0);
	});

	it('a wrong client secret stops with Shopify\'s reason and no secret', async () => {
		credentials.shopifyStoreApi.clientSecret = 'shpss_wrong_secret_value';
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '' }), credentials);
		const error = result.errorOf('Shopify');
		expect(error?.message).toMatch(/invalid_client|refused the token request/);
		const text = JSON.stringify(result.run);
		expect(text).not.toContain('shpss_wrong_secret_value');
	});
});

describe('Stock', () => {
	beforeEach(() => {
		fake.addLocation(2, 'Warehouse');
		fake.addLocation(3, 'Pop-up');
		fake.setLevel('TEE-M', { locationId: 2, available: 7, on_hand: 10, committed: 3, incoming: 20 });
		fake.setLevel('TEE-M', { locationId: 3, available: 1, on_hand: 1, committed: 0, incoming: 0 });
		fake.setLevel('TEE-MX', { locationId: 2, available: 4, on_hand: 4, committed: 0, incoming: 0 });
	});

	it("Get Many gives Reorder Alert's inventory fields per SKU and location, with platformRef", async () => {
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: 'TEE-M', planning: { leadTimeDays: 12 } }), credentials);
		expect(result.output('Shopify')).toEqual([
			expect.objectContaining({ sku: 'TEE-M', warehouse: 'Warehouse', onHand: 10, reserved: 3, onOrder: 20, leadTimeDays: 12, platform: 'shopify', platformRef: expect.objectContaining({ available: '7', locationId: 'gid://shopify/Location/2' }) }),
			expect.objectContaining({ sku: 'TEE-M', warehouse: 'Pop-up', onHand: 1, reserved: 0, onOrder: 0 }),
		]);
	});

	it('Set Quantity: the same Write ID twice applies once; a lost answer is re-sent with the same key and not applied again', async () => {
		const params = { resource: 'stock', operation: 'setQuantity', sku: 'TEE-M', warehouse: 'Warehouse', quantity: 15, writeId: 'restock-2026-02-02-TEE-M' };
		// The first answer is lost after the store applied it: the transport sends it again (idempotent key).
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => String(r.body.query).includes('inventorySetQuantities') });
		const first = await runWorkflow(workflow(params), credentials);
		expect(first.output('Shopify')[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 7, quantity: 15 });
		const second = await runWorkflow(workflow(params), credentials);
		expect(second.output('Shopify')[0]).toMatchObject({ stockStatus: 'unchanged' });
		// A sale since: the same Write ID again is answered from Shopify's memory of the key, stock untouched.
		fake.setLevel('TEE-M', { locationId: 2, available: 14, on_hand: 17, committed: 3, incoming: 20 });
		const third = await runWorkflow(workflow(params), credentials);
		expect(third.output('Shopify')[0]).toMatchObject({ stockStatus: 'alreadyApplied', previousQuantity: 14 });
		expect(fake.appliedCountByKey('stock.set')).toEqual(new Map([['restock-2026-02-02-TEE-M', 1]]));
		expect(fake.writes.filter((w) => w.kind === 'stock.set' && !w.applied)).toHaveLength(2);
		expect(fake.stockOf('TEE-M', 2)).toMatchObject({ available: 14, on_hand: 17 });
		const mutation = fake.requests.find((r) => String(r.body.query).includes('inventorySetQuantities'))!;
		expect(String(mutation.body.query)).toContain('@idempotent(key: "restock-2026-02-02-TEE-M")');
		expect((mutation.body.variables as { input: { quantities: IDataObject[] } }).input.quantities[0].changeFromQuantity).toBeNull();
	});

	it('compare-and-set: a stock that changed since it was read is refused (CHANGE_FROM_QUANTITY_STALE), others go through under Continue', async () => {
		const result = await runWorkflow(
			workflow(
				{ resource: 'stock', operation: 'setQuantity', sku: '={{ $json.sku }}', warehouse: 'Warehouse', quantity: '={{ $json.quantity }}', expectedQuantity: '={{ $json.expected }}' },
				{},
				{ onError: 'continueRegularOutput' },
				[
					{ sku: 'TEE-M', quantity: 12, expected: 5 },
					{ sku: 'TEE-MX', quantity: 9, expected: 4 },
				],
			),
			credentials,
		);
		const [stale, ok] = result.output('Shopify');
		expect(stale).toMatchObject({ stockStatus: 'failed', platformCode: 'CHANGE_FROM_QUANTITY_STALE' });
		expect(String(stale.error)).toMatch(/changeFromQuantity/);
		expect(ok).toMatchObject({ stockStatus: 'applied', previousQuantity: 4, quantity: 9 });
		expect(fake.stockOf('TEE-M', 2)?.available).toBe(7);
	});

	it('a SKU at two locations without a Location is refused naming them', async () => {
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-M', warehouse: '', quantity: 3 }), credentials);
		expect(result.errorOf('Shopify')?.message).toMatch(/Warehouse, Pop-up/);
	});
});

function couponItem(customerId: string, code: string, extra: IDataObject = {}): IDataObject {
	return {
		customerId,
		tier: 'gold',
		couponCode: code,
		coupon: {
			code,
			kind: 'spendThreshold',
			description: 'Spend 100, save 15',
			threshold: 100,
			reduction: 15,
			amount: null,
			percent: null,
			cap: null,
			minimumSpend: null,
			birthdayBonus: null,
			faceValue: 15,
			currency: 'USD',
			validFrom: '2026-05-01T00:00:00+08:00',
			validUntil: '2026-05-31T23:59:59+08:00',
			validFromDate: '2026-05-01',
			validUntilDate: '2026-05-31',
			campaignId: 'winback-2026-05',
			period: '2026-05',
			...extra,
		},
	};
}

const couponWorkflow = (items: IDataObject[], extra: Partial<INode> = {}) => workflow({ resource: 'coupon', operation: 'issue' }, {}, extra, items);

describe('Coupon → Issue', () => {
	it('Shopify customers get their own discount; others share one discount whose codes are added in bulk; a second run issues nothing', async () => {
		const items = [
			couponItem('777', 'WB-AAAA1111'),
			couponItem('778', 'WB-BBBB2222'),
			couponItem('crm-1', 'WB-CCCC3333'),
			couponItem('crm-2', 'WB-DDDD4444'),
			couponItem('guest:9', 'WB-EEEE5555'),
		];
		const first = await runWorkflow(couponWorkflow(items), credentials);
		expect(first.output('Shopify').map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued', 'issued']);
		const discounts = fake.discounts();
		expect(discounts).toHaveLength(3);
		expect(discounts[0].input).toMatchObject({ context: { customers: { add: ['gid://shopify/Customer/777'] } }, usageLimit: 1, minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '100.00' } } });
		expect(discounts[2].codes).toEqual(['WB-CCCC3333', 'WB-DDDD4444', 'WB-EEEE5555']);
		expect(first.output('Shopify')[3].issueMessage).toMatch(/Shared discount/);
		// The bulk job was polled until done.
		expect(fake.requests.filter((r) => r.operation === 'discountRedeemCodeBulkCreation').length).toBeGreaterThanOrEqual(2);

		const writesBefore = fake.writes.length;
		const second = await runWorkflow(couponWorkflow(items), credentials);
		expect(second.output('Shopify').map((i) => i.issueStatus)).toEqual(Array(5).fill('alreadyIssued'));
		expect(fake.writes.length).toBe(writesBefore);
	});

	it('more than 250 shared codes are added in calls of at most 250', async () => {
		const items = Array.from({ length: 300 }, (_, i) => couponItem(`crm-${i}`, `WB-BULK${String(i).padStart(4, '0')}`));
		const result = await runWorkflow(couponWorkflow(items), credentials);
		expect(result.output('Shopify').filter((i) => i.issueStatus === 'issued')).toHaveLength(300);
		const bulkCalls = fake.requests.filter((r) => r.operation === 'discountRedeemCodeBulkAdd');
		expect(bulkCalls.map((r) => ((r.body.variables as { codes: unknown[] }).codes).length)).toEqual([250, 49]);
		expect(fake.discounts()[0].codes).toHaveLength(300);
	});

	it('faults (THROTTLED, 5xx before handling, lost answers after the write) then a re-run: every coupon exactly once', async () => {
		const items = [couponItem('777', 'WB-F1'), couponItem('778', 'WB-F2'), couponItem('crm-1', 'WB-F3'), couponItem('crm-2', 'WB-F4')];
		const isCreate = (r: { body: Record<string, unknown> }) => String(r.body.query).includes('discountCodeBasicCreate');
		const isBulk = (r: { body: Record<string, unknown> }) => String(r.body.query).includes('discountRedeemCodeBulkAdd');
		const creates = (code: string) => (r: { body: Record<string, unknown> }) => isCreate(r) && JSON.stringify(r.body.variables).includes(`"${code}"`);
		fake.failNext({ status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] }, match: creates('WB-F1') });
		fake.failNext({ status: 503, match: creates('WB-F1') });
		fake.failNext({ dropConnection: true, afterHandling: true, match: creates('WB-F2') });
		fake.failNext({ dropConnection: true, afterHandling: true, match: isBulk });
		const first = await runWorkflow(couponWorkflow(items), credentials);
		expect(first.output('Shopify').map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		const second = await runWorkflow(couponWorkflow(items), credentials);
		expect(second.output('Shopify').map((i) => i.issueStatus)).toEqual(Array(4).fill('alreadyIssued'));
		const applied = new Map([...fake.appliedCountByKey('coupon.create'), ...fake.appliedCountByKey('coupon.code')]);
		expect(applied).toEqual(new Map([['WB-F1', 1], ['WB-F2', 1], ['WB-F3', 1], ['WB-F4', 1]]));
		// The lost answers were re-sent and refused as taken, not applied twice.
		expect(fake.writes.filter((w) => !w.applied).length).toBeGreaterThanOrEqual(2);
	});

	it('Continue On Fail: a capped percentage and a customer Shopify refuses fail with the reason; the others are issued', async () => {
		const items = [
			couponItem('777', 'WB-OK1'),
			couponItem('779', 'WB-CAP', { kind: 'percentage', percent: 15, cap: 30, threshold: null, reduction: null }),
			couponItem('99999', 'WB-NOBODY'),
			couponItem('crm-7', 'WB-OK2'),
		];
		const result = await runWorkflow(couponWorkflow(items, { onError: 'continueRegularOutput' }), credentials);
		const out = result.output('Shopify');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'failed', 'failed', 'issued']);
		expect(out[1]).toMatchObject({ platformCode: 'CAP_NOT_SUPPORTED' });
		expect(String(out[1].issueMessage)).toMatch(/cannot cap a percentage/);
		expect(out[2]).toMatchObject({ platformCode: 'INVALID', issueMessage: 'Customer 99999 does not exist' });
		expect(fake.discounts().map((d) => d.codes[0])).toEqual(['WB-OK1', 'WB-OK2']);
	});

	it('no secret (client secret, admin token, issued tokens) appears in the run', async () => {
		fake.upsertOrder(fakeOrder(5, Date.parse('2026-02-02T10:00:00Z')));
		const runs = [
			await runWorkflow(couponWorkflow([couponItem('777', 'WB-S1')]), credentials),
			await runWorkflow(workflow({ readMode: 'timeRange', updatedAfter: '2026-02-02T00:00:00Z', updatedBefore: '2026-02-03T00:00:00Z', timeZone: 'UTC' }), credentials),
		];
		Object.assign(credentials.shopifyStoreApi, { authType: 'accessToken', adminAccessToken: 'shpat_revokedrevokedrevoked' });
		const refused = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: '' }), credentials);
		expect(refused.errorOf('Shopify')?.message).toMatch(/rejected the access token/);
		for (const run of [...runs, refused]) {
			const text = JSON.stringify(run.run) + String(run.errorOf('Shopify')?.stack ?? '');
			for (const secret of [...secrets(), 'shpat_revokedrevokedrevoked']) expect(text).not.toContain(secret);
		}
	});
});
