/**
 * Youzan Shop (有赞) node inside n8n's execution engine (n8n-core WorkflowExecute, in-process)
 * against the fake Youzan Cloud gateway (test/support/fakeShops/youzan.ts), which checks the
 * token on every call (expiry on its own clock), the trades.sold.get window and paging
 * limits, throttles in Youzan's shape, and logs every write.
 */
import type { IDataObject } from 'n8n-workflow';

import { orderSchema } from '../../nodes/lib/model';
import { msToShanghaiWallClock, startFakeYouzan, youzanOrder, type FakeYouzan } from '../support/fakeShops/youzan';
import { credentialUpdates, runWorkflow, type TestCredentials } from '../support/n8n';
import { NO_STORED_TOKEN, shopNodeWorkflow } from '../support/shopWorkflow';

const CLIENT_ID = 'yz-test-client-7f3a';
const CLIENT_SECRET = 'yz-test-secret-1b2c3d4e5f60718293';
const KDT_ID = 45_678_901;
const DAY_MS = 86_400_000;
const CREDENTIAL = { youzanShopApi: { id: 'cred-yz', name: 'Youzan test shop' } };

let fake: FakeYouzan;
let credentials: TestCredentials;

beforeEach(async () => {
	fake = await startFakeYouzan({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, kdtId: KDT_ID });
	credentials = {
		youzanShopApi: {
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			grantId: String(KDT_ID),
			baseUrl: fake.server.baseUrl, allowHttp: true,
			...NO_STORED_TOKEN,
		},
	};
	credentialUpdates.length = 0;
});

afterEach(async () => {
	await fake.close();
});

const workflow = shopNodeWorkflow('Youzan', 'youzanShop', CREDENTIAL);

const soldGetCalls = () => fake.server.requests.filter((r) => r.operation === 'youzan.trades.sold.get');
const wall = (ms: number) => msToShanghaiWallClock(ms);
const secrets = () => [CLIENT_SECRET, ...fake.issuedTokens, String(credentials.youzanShopApi.refreshToken || 'no-refresh-token')];

describe('Order → Get Many', () => {
	it('a 365-day backfill is read in 30-day windows, each paged to the end (back to front), every order once and valid', async () => {
		const now = Date.now();
		// 250 orders in one window (three pages of 100), one in each of the other months.
		for (let i = 0; i < 250; i++) fake.seedOrders([youzanOrder({ tid: `E-BUSY-${i}`, created: wall(now - 40 * DAY_MS + i * 60_000), buyer: `yzo-${i % 17}` })]);
		for (let m = 0; m < 12; m++) fake.seedOrders([youzanOrder({ tid: `E-M${m}`, created: wall(now - (m * 30 + 5) * DAY_MS), status: 'TRADE_SUCCESS' })]);
		fake.seedOrders([youzanOrder({ tid: 'E-OLD', created: wall(now - 400 * DAY_MS) })]);

		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 365 });
		const orders = (await runWorkflow(wf, credentials)).output('Youzan');

		expect(orders).toHaveLength(262);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(262);
		expect(orders.some((o) => o.orderId === 'E-OLD')).toBe(false);
		for (const order of orders) expect(orderSchema.safeParse(order).success).toBe(true);

		const calls = soldGetCalls();
		const pagesByWindow = new Map<string, number[]>();
		for (const call of calls) {
			const span = Date.parse(`${String(call.body.end_update).replace(' ', 'T')}+08:00`) - Date.parse(`${String(call.body.start_update).replace(' ', 'T')}+08:00`);
			expect(span).toBeLessThanOrEqual(30 * DAY_MS + 1000);
			expect(call.body.page_size).toBe(100);
			const key = String(call.body.start_update);
			pagesByWindow.set(key, [...(pagesByWindow.get(key) ?? []), Number(call.body.page_no)]);
		}
		// ceil(365 / 30) = 13 windows; the busy one read pages 1 (for the total), 3, 2, 1.
		expect(pagesByWindow.size).toBe(13);
		expect([...pagesByWindow.values()].filter((pages) => pages.join() === '1,3,2,1')).toHaveLength(1);
		expect(calls).toHaveLength(13 + 3);
		expect(((wf.staticData as IDataObject)['node:Youzan'] as IDataObject).orderCursor).toEqual({ readUntil: expect.any(Number), scope: 'youzan:cred-yz' });
	});

	it('Since Last Run: the next run reads only the overlap and what changed, and picks up an updated order', async () => {
		const now = Date.now();
		for (let i = 0; i < 20; i++) fake.seedOrders([youzanOrder({ tid: `E-${i}`, created: wall(now - 3 * DAY_MS + i * 3_600_000) })]);
		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 7, overlapMinutes: 10 });
		expect((await runWorkflow(wf, credentials)).output('Youzan')).toHaveLength(20);

		// The seller ships E-4; Youzan records the update a moment before the last run's end (late indexing).
		const cursor = ((wf.staticData as IDataObject)['node:Youzan'] as { orderCursor: { readUntil: number } }).orderCursor.readUntil;
		fake.updateOrder('E-4', (full) => Object.assign(full.order_info as IDataObject, { status: 'WAIT_BUYER_CONFIRM_GOODS' }), cursor - 60_000);
		fake.server.clearRequests();
		const second = (await runWorkflow(wf, credentials)).output('Youzan');
		expect(second.map((o) => [o.orderId, o.status, o.platformOrderStatus])).toEqual([['E-4', 'shipped', 'WAIT_BUYER_CONFIRM_GOODS']]);
		expect(soldGetCalls()).toHaveLength(1);
		const [call] = soldGetCalls();
		expect(String(call.body.start_update) <= wall(cursor - 10 * 60_000)).toBe(true);
	});

	it("the raw option outputs Youzan's full_order_info as sent", async () => {
		const now = Date.now();
		fake.seedOrders([youzanOrder({ tid: 'E-RAW', created: wall(now - 3_600_000), entrance: 'wx_video' })]);
		const result = await runWorkflow(
			workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 2 * 3_600_000).toISOString(), outputFormat: 'raw' }),
			credentials,
		);
		const [raw] = result.output('Youzan');
		expect((raw.order_info as IDataObject).tid).toBe('E-RAW');
		expect(raw.channel_info).toEqual({ type: 'WX', entrance: 'wx_video' });
	});

	it('the fake refuses what Youzan refuses: a window over 3 months, page_no over 100, a date without a time', async () => {
		const token = (await (await fetch(`${fake.server.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ authorize_type: 'silent', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_id: KDT_ID }),
		}).then((r) => r.json())) as { data: { access_token: string } }).data.access_token;
		const ask = async (body: IDataObject) =>
			(await fetch(`${fake.server.baseUrl}/api/youzan.trades.sold.get/4.0.4?access_token=${token}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			}).then((r) => r.json())) as IDataObject;
		expect(await ask({ start_update: '2026-01-01 00:00:00', end_update: '2026-04-01 00:00:01' })).toMatchObject({ success: false, message: expect.stringMatching(/3个月/) });
		expect(await ask({ start_update: '2026-01-01 00:00:00', end_update: '2026-01-02 00:00:00', page_no: 101 })).toMatchObject({ success: false });
		expect(await ask({ start_update: '2026-01-01', end_update: '2026-01-02' })).toEqual({ gw_err_resp: expect.objectContaining({ err_code: 5001 }) });
	});
});

describe('credential: the silent token, saved and refreshed', () => {
	const run = () => runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 3_600_000).toISOString() }), credentials);

	it('the first call gets a token (authorize_type silent) that n8n saves; later runs reuse it', async () => {
		await run();
		expect(fake.server.requests[0].operation).toBe('auth.token');
		expect(fake.server.requests[0].body).toEqual({ authorize_type: 'silent', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_id: KDT_ID, refresh: true });
		expect(credentialUpdates.map((u) => u.type)).toEqual(['youzanShopApi']);
		expect(credentials.youzanShopApi.accessToken).toBe(fake.issuedTokens[0]);
		await run();
		expect(fake.issuedTokens).toHaveLength(1);
	});

	it('a token that expires on the platform (4202) is refreshed once, saved, and the call sent again', async () => {
		await run();
		fake.clock.advance(8 * DAY_MS);
		fake.server.clearRequests();
		const result = await run();
		expect(result.errorOf('Youzan')).toBeUndefined();
		expect(fake.server.requests.map((r) => r.operation)).toEqual(['youzan.trades.sold.get', 'auth.token', 'youzan.trades.sold.get']);
		expect(credentialUpdates).toHaveLength(2);
		expect(credentials.youzanShopApi.accessToken).toBe(fake.issuedTokens[1]);
		expect(JSON.stringify(result.run)).not.toContain(fake.issuedTokens[1]);
	});

	it('a refused token request stops with Youzan\'s reason and no secret', async () => {
		credentials.youzanShopApi.grantId = '999';
		const result = await run();
		expect(result.errorOf('Youzan')?.message).toMatch(/refused the token request \(code 1105/);
		expect(JSON.stringify(result.run)).not.toContain(CLIENT_SECRET);
	});
});

describe('Stock', () => {
	beforeEach(() => {
		fake.seedItems([
			{ item_id: 11, item_no: 'TEE', title: 'T恤', quantity: 17, onSale: true, skus: [{ sku_id: 21, item_no: 'TEE-W-M', quantity: 12 }, { sku_id: 22, item_no: 'TEE-B-L', quantity: 5 }] },
			{ item_id: 12, item_no: 'MUG', title: '马克杯', quantity: 9, onSale: true, skus: [] },
			{ item_id: 13, item_no: 'CAP', title: '帽子', quantity: 0, onSale: false, skus: [{ sku_id: 31, item_no: 'CAP-R', quantity: 0 }] },
		]);
	});

	it('Get Many: every SKU on sale and in the warehouse list, as inventory positions with Youzan ids', async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', planning: { leadTimeDays: 10 } }), credentials)).output('Youzan');
		expect(items.map((i) => [i.sku, i.warehouse, i.onHand, i.platformRef])).toEqual([
			['TEE-W-M', 'default', 12, { itemId: '11', skuId: '21' }],
			['TEE-B-L', 'default', 5, { itemId: '11', skuId: '22' }],
			['MUG', 'default', 9, { itemId: '12' }],
			['CAP-R', 'default', 0, { itemId: '13', skuId: '31' }],
		]);
		expect(items[0]).toMatchObject({ onOrder: 0, reserved: 0, leadTimeDays: 10, leadTimeStdDays: 0, moq: 0, packSize: 1, unitCost: 0, platform: 'youzan' });
		const filtered = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: 'MUG' }), credentials)).output('Youzan');
		expect(filtered.map((i) => i.sku)).toEqual(['MUG']);
	});

	it('Set Quantity: the same Write ID twice writes once (read first, skipped when equal), as an absolute full update', async () => {
		const params = { resource: 'stock', operation: 'setQuantity', sku: 'TEE-B-L', warehouse: '', quantity: 20, writeId: 'restock-tee-b-l' };
		expect((await runWorkflow(workflow(params), credentials)).output('Youzan')[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 5, quantity: 20 });
		expect((await runWorkflow(workflow(params), credentials)).output('Youzan')[0]).toMatchObject({ stockStatus: 'unchanged', previousQuantity: 20 });
		expect(fake.server.writes.filter((w) => w.kind === 'stock.set')).toEqual([
			{ kind: 'stock.set', key: '11:22=20', applied: true, detail: { before: 5, after: 20, type: 0 } },
		]);
		expect(fake.stockOf('TEE-B-L')).toBe(20);
	});

	it('compare-and-set: a stock that changed since it was read is not overwritten', async () => {
		fake.setStockBehind('TEE-W-M', 11); // a sale after Get Many read 12
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40, expectedQuantity: '12' }), credentials);
		expect(result.errorOf('Youzan')?.message).toMatch(/stock of TEE-W-M is 11, not 12/);
		expect(fake.server.writes).toHaveLength(0);
	});

	it('a lost answer to the write is read back, not resent: the write landed, so it is alreadyApplied and written once', async () => {
		fake.server.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.path.includes('youzan.item.quantity.update') });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'MUG', quantity: 4, writeId: 'w-mug' }), credentials)).output('Youzan');
		expect(items[0]).toMatchObject({ stockStatus: 'alreadyApplied', previousQuantity: 9, quantity: 4 });
		expect(fake.stockOf('MUG')).toBe(4);
		expect(fake.server.writes.filter((w) => w.kind === 'stock.set')).toHaveLength(1);
	});

	it('a write refused with a 5xx before it landed is read back, found not applied, and sent again once', async () => {
		fake.server.failNext({ status: 503, body: 'unavailable', match: (r) => r.path.includes('youzan.item.quantity.update') });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'MUG', quantity: 4, writeId: 'w-mug' }), credentials)).output('Youzan');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 9, quantity: 4 });
		expect(fake.server.requests.filter((r) => r.operation === 'youzan.item.quantity.update').map((r) => r.fault ?? 'ok')).toEqual(['status 503', 'ok']);
		expect(fake.server.writes.filter((w) => w.kind === 'stock.set')).toHaveLength(1);
	});
});

describe('Coupon → Issue', () => {
	const coupon = (customerId: string, extra: IDataObject = {}) => ({
		customerId,
		tier: 'vip',
		couponStatus: 'issued',
		couponCode: `VIP-${customerId.toUpperCase()}`,
		coupon: {
			code: `VIP-${customerId.toUpperCase()}`,
			kind: 'spendThreshold',
			description: '满200减30',
			amount: null,
			percent: null,
			cap: null,
			threshold: 200,
			reduction: 30,
			minimumSpend: null,
			birthdayBonus: null,
			faceValue: 30,
			currency: 'CNY',
			validFrom: '2026-12-01T00:00:00+08:00',
			validUntil: '2026-12-14T23:59:59+08:00',
			validFromDate: '2026-12-01',
			validUntilDate: '2026-12-14',
			campaignId: 'winter-2026',
			period: '2026-12',
			...extra,
		},
	});
	const customers = ['yzo-c1', 'yzo-c2', 'yzo-c3', 'yzo-c4'];

	/** The items stand for Coupon Tier's output. */
	const couponWorkflow = (items: IDataObject[], continueOnFail = false) =>
		workflow({ resource: 'coupon', operation: 'issue' }, {}, continueOnFail ? { onError: 'continueRegularOutput' } : {}, items);

	const takesPerKey = () => [...fake.server.appliedCountByKey('coupon.take').values()];

	it('one activity per campaign and terms (quota 1), one take per customer; a second run is alreadyIssued with no new coupon', async () => {
		const items = customers.map((c) => coupon(c));
		const first = (await runWorkflow(couponWorkflow(items), credentials)).output('Youzan');
		expect(first.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(first[0]).toMatchObject({ platform: 'youzan', couponCode: 'VIP-YZO-C1', platformCouponId: expect.any(String) });
		const [activity] = fake.activities();
		expect(fake.activities()).toHaveLength(1);
		// One activity for December (14 days valid): from the first run's day to 31 December + 13 days.
		expect(activity.params).toMatchObject({ preferential_type: 1, value: 30, is_at_least: 1, at_least: 200, quota: 1, start_at: '2026-12-01 00:00:00', end_at: '2027-01-13 23:59:59' });
		expect(fake.grants().map((g) => g.customer)).toEqual(customers);

		const appliedBefore = fake.server.writes.filter((w) => w.applied).length;
		const second = (await runWorkflow(couponWorkflow(items), credentials)).output('Youzan');
		expect(second.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		expect(fake.server.writes.filter((w) => w.applied)).toHaveLength(appliedBefore);
		expect(fake.activities()).toHaveLength(1);
		expect(takesPerKey()).toEqual([1, 1, 1, 1]);
	});

	/** Coupon Tier's coupon for a campaign run on `date` (YYYY-MM-DD): its dates start that day, 14 days valid. */
	const onDay = (date: string, customerId: string, period = date.slice(0, 7)) => {
		const until = new Date(Date.parse(`${date}T00:00:00Z`) + 13 * DAY_MS).toISOString().slice(0, 10);
		return coupon(customerId, { validFrom: `${date}T00:00:00+08:00`, validUntil: `${until}T23:59:59+08:00`, validFromDate: date, validUntilDate: until, period });
	};

	it('a monthly campaign scheduled daily: the next days find the month\'s activity and give nobody a second coupon; a customer new that day gets one', async () => {
		await runWorkflow(couponWorkflow(customers.slice(0, 3).map((c) => onDay('2026-12-01', c))), credentials);
		const appliedBefore = fake.server.writes.filter((w) => w.applied).length;
		const secondDay = (await runWorkflow(couponWorkflow(customers.slice(0, 3).map((c) => onDay('2026-12-02', c))), credentials)).output('Youzan');
		expect(secondDay.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		expect(fake.server.writes.filter((w) => w.applied)).toHaveLength(appliedBefore);
		const lateInMonth = (await runWorkflow(couponWorkflow(customers.map((c) => onDay('2026-12-31', c))), credentials)).output('Youzan');
		expect(lateInMonth.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued', 'issued']);
		// Still one activity: yzo-c4, first given a coupon on 31 December, has its 14 days (to 13 January).
		expect(fake.activities()).toHaveLength(1);
		expect(fake.activities()[0].params).toMatchObject({ start_at: '2026-12-01 00:00:00', end_at: '2027-01-13 23:59:59' });
		expect(takesPerKey()).toEqual([1, 1, 1, 1]);
	});

	it('a new month is a new period: a new activity, and each customer one coupon of it', async () => {
		await runWorkflow(couponWorkflow(customers.map((c) => onDay('2026-12-20', c))), credentials);
		const january = (await runWorkflow(couponWorkflow(customers.map((c) => onDay('2027-01-05', c))), credentials)).output('Youzan');
		expect(january.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(fake.activities().map((a) => [a.params.start_at, a.params.end_at])).toEqual([
			['2026-12-20 00:00:00', '2027-01-13 23:59:59'],
			['2027-01-05 00:00:00', '2027-02-13 23:59:59'],
		]);
		expect(fake.grants()).toHaveLength(8);
	});

	it('throttling, a 5xx and a take whose answer was lost, then a re-run: every coupon exactly once', async () => {
		const items = customers.map((c) => coupon(c));
		fake.throttleNext(1);
		fake.server.failNext({ status: 502, body: 'bad gateway', match: (r) => r.path.includes('coupon.take') });
		fake.server.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.path.includes('coupon.take') && r.body.yz_open_id === 'yzo-c3' });
		const first = (await runWorkflow(couponWorkflow(items), credentials)).output('Youzan');
		expect(first.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'alreadyIssued', 'issued']);
		await runWorkflow(couponWorkflow(items), credentials);
		expect(takesPerKey()).toEqual([1, 1, 1, 1]);
		expect([...fake.server.appliedCountByKey('activity.create').values()]).toEqual([1]);
	});

	it('a lost answer to creating the activity stops the run; the re-run finds the activity by its title and creates none', async () => {
		fake.server.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.path.includes('voucheractivity.create') });
		const failed = await runWorkflow(couponWorkflow(customers.map((c) => coupon(c))), credentials);
		expect(failed.errorOf('Youzan')?.message).toMatch(/might have applied it/);
		expect(fake.grants()).toHaveLength(0);
		const items = (await runWorkflow(couponWorkflow(customers.map((c) => coupon(c))), credentials)).output('Youzan');
		expect(items.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(fake.activities()).toHaveLength(1);
	});

	it('Continue On Fail: a refused customer, a guest and a capped percentage fail with reasons; the others are issued', async () => {
		fake.refuseCustomers.add('yzo-c2');
		const items = [coupon('yzo-c1'), coupon('yzo-c2'), coupon('guest:E-9'), coupon('yzo-c4', { kind: 'percentage', percent: 10, cap: 50 })];
		const out = (await runWorkflow(couponWorkflow(items, true), credentials)).output('Youzan');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'failed', 'failed', 'failed']);
		expect(String(out[1].error)).toMatch(/该用户不满足领取条件/);
		expect(String(out[2].error)).toMatch(/no Youzan buyer id/);
		expect(String(out[3].error)).toMatch(/no cap field/);
	});

	it('without the activity list (coupon.search offline) nothing is issued, rather than risk a second coupon', async () => {
		fake.couponSearchOffline = true;
		const result = await runWorkflow(couponWorkflow([coupon('yzo-c1')]), credentials);
		expect(result.errorOf('Youzan')?.message).toMatch(/no coupon was issued/);
		expect(fake.server.writes).toHaveLength(0);
	});

	it('no secret or token appears in the output or the errors', async () => {
		fake.refuseCustomers.add('yzo-c2');
		const result = await runWorkflow(couponWorkflow(customers.map((c) => coupon(c)), true), credentials);
		const text = JSON.stringify(result.run);
		for (const secret of secrets()) expect(text).not.toContain(secret);
	});
});
