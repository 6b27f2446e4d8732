/**
 * Xiaohongshu Shop (小红书) node inside n8n's execution engine (n8n-core WorkflowExecute,
 * in-process) against the fake ark open platform (test/support/fakeShops/xiaohongshu.ts), which
 * checks every signature with its own implementation of the published recipe, the timestamp,
 * the token, the 30-minute window, the page rules, and logs every stock write.
 */
import type { IDataObject } from 'n8n-workflow';

import { XiaohongshuShopApi } from '../../credentials/XiaohongshuShopApi.credentials';
import { orderSchema } from '../../nodes/lib/model';
import { startXiaohongshuFake, type XhsFake, type XhsFakeOrder } from '../support/fakeShops/xiaohongshu';
import { credentialUpdates, runWorkflow, testCredential, type TestCredentials } from '../support/n8n';
import { NO_STORED_TOKEN, shopNodeWorkflow } from '../support/shopWorkflow';

const APP_ID = 'xhs-test-app-4b6e72c9';
const APP_SECRET = 'xhs-test-secret-429a0aee9ef9e4a8';
const AUTH_CODE = 'code-9e28279e6035dc686e0-7aaea841f3b32';
const MINUTE_MS = 60_000;
const HALF_HOUR_MS = 30 * MINUTE_MS;
const DAY_MS = 86_400_000;
const CREDENTIAL = { xiaohongshuShopApi: { id: 'cred-1', name: 'Xiaohongshu test shop' } };

let fake: XhsFake;
let credentials: TestCredentials;

function fakeOrder(id: number, updateTime: number, extra: Partial<XhsFakeOrder> = {}): XhsFakeOrder {
	return {
		orderId: `P7${String(id).padStart(17, '0')}`,
		orderType: 1,
		orderStatus: 4,
		orderAfterSalesStatus: 1,
		cancelStatus: 0,
		createdTime: updateTime - 10 * MINUTE_MS,
		paidTime: updateTime - 9 * MINUTE_MS,
		updateTime,
		totalPayAmount: 9_900 + id,
		userId: `5f00000000000000000000${String(id % 37).padStart(2, '0')}`,
		skuList: [{ skuId: `66ee733f265f5900${String(id % 5).padStart(8, '0')}`, erpcode: `SKU-${id % 5}`, skuQuantity: 1, totalPaidAmount: 9_900 + id, skuAfterSaleStatus: 1 }],
		...extra,
	};
}
const orderIdOf = (id: number) => `P7${String(id).padStart(17, '0')}`;

beforeEach(async () => {
	fake = await startXiaohongshuFake({ appId: APP_ID, appSecret: APP_SECRET, authCode: AUTH_CODE });
	credentials = {
		xiaohongshuShopApi: {
			appKey: APP_ID,
			appSecret: APP_SECRET,
			authCode: AUTH_CODE,
			baseUrl: fake.baseUrl, allowHttp: true,
			// The fake does not throttle unless asked: tests run at full speed (the default is 20/s).
			requestsPerSecond: 1000,
			...NO_STORED_TOKEN,
		},
	};
	credentialUpdates.length = 0;
});

afterEach(async () => {
	await fake.close();
});

const workflow = shopNodeWorkflow('XHS', 'xiaohongshuShop', CREDENTIAL);

const listCalls = () => fake.requests.filter((r) => r.operation === 'order.getOrderList');
const detailCalls = () => fake.requests.filter((r) => r.operation === 'order.getOrderDetail');
const timeRange = (start: number, end: number, extra: IDataObject = {}) =>
	workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(start).toISOString(), updatedBefore: new Date(end).toISOString(), ...extra });

/** A signed call straight to the fake, with the token the node obtained. */
async function rawCall(method: string, params: Record<string, unknown>) {
	const { xhsEnvelope } = await import('../../nodes/lib/shop/platforms/xiaohongshu');
	const body = xhsEnvelope({ method, appId: APP_ID, appSecret: APP_SECRET, timestamp: Math.floor(Date.now() / 1000), accessToken: String(credentials.xiaohongshuShopApi.accessToken), params });
	const response = await fetch(`${fake.baseUrl}/ark/open_api/v3/common_controller`, { method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify(body) });
	return (await response.json()) as { success: boolean; error_msg?: string; data?: unknown };
}

describe('Order → Get Many, Since Last Run', () => {
	it('backfills in 30-minute windows, pages each back to front, reads each order once in detail and outputs model orders', async () => {
		const now = Date.now();
		// 250 orders within one half hour (three pages of 100), a few on other days, one outside the lookback.
		// The backfill's windows start at (the node's) now − 3 days: the busy orders sit a minute into the 41st.
		const busy = now - 3 * DAY_MS + 40 * HALF_HOUR_MS + 60_000;
		for (let i = 0; i < 250; i++) fake.upsertOrder(fakeOrder(i, busy + i * 2_000));
		for (let i = 250; i < 260; i++) fake.upsertOrder(fakeOrder(i, now - (i - 249) * 7 * HALF_HOUR_MS));
		fake.upsertOrder(fakeOrder(999, now - 5 * DAY_MS));

		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 3 });
		const orders = (await runWorkflow(wf, credentials)).output('XHS');

		expect(orders).toHaveLength(260);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(260);
		for (const order of orders) expect(orderSchema.safeParse(order).success).toBe(true);
		// Every list call covers at most 30 minutes (the fake refuses wider) and asks for 100 a page.
		const calls = listCalls();
		expect(calls.length).toBeGreaterThanOrEqual(3 * 48);
		for (const call of calls) {
			expect(Number(call.body.endTime) - Number(call.body.startTime)).toBeLessThanOrEqual(1800);
			expect([call.body.timeType, call.body.pageSize]).toEqual([2, 100]);
		}
		// The busy half hour took pages 1, 3, 2, 1 (backwards from the last page, page 1 read again last).
		const pagesByWindow = new Map<number, number[]>();
		for (const call of calls) pagesByWindow.set(Number(call.body.startTime), [...(pagesByWindow.get(Number(call.body.startTime)) ?? []), Number(call.body.pageNo)]);
		expect([...pagesByWindow.values()].filter((pages) => pages.length > 1)).toEqual([[1, 3, 2, 1]]);
		// Amounts and lines are not in the list: one detail call per order, none twice.
		expect(detailCalls()).toHaveLength(260);
		expect(((wf.staticData as IDataObject)['node:XHS'] as IDataObject).orderCursor).toEqual({ readUntil: expect.any(Number), scope: 'xiaohongshu:cred-1' });
	});

	it('the fake refuses a window one minute wider than 30 minutes, and one older than the platform serves', async () => {
		await runWorkflow(timeRange(Date.now() - HALF_HOUR_MS, Date.now()), credentials);
		const start = Math.floor(Date.now() / 1000) - 7200;
		const wide = await rawCall('order.getOrderList', { startTime: start, endTime: start + 31 * 60, timeType: 2, pageNo: 1, pageSize: 100 });
		expect(wide).toMatchObject({ success: false, error_msg: expect.stringMatching(/时间范围超过30分钟/) });
		const exact = await rawCall('order.getOrderList', { startTime: start, endTime: start + 30 * 60, timeType: 2, pageNo: 1, pageSize: 100 });
		expect(exact.success).toBe(true);
		const old = await rawCall('order.getOrderList', { startTime: start - 91 * 86_400, endTime: start - 91 * 86_400 + 60, timeType: 2, pageNo: 1, pageSize: 100 });
		expect(old).toMatchObject({ success: false, error_msg: expect.stringMatching(/90天/) });
	});

	it('a first run asking for a year reads only the last 90 days and says so; the next run reads the overlap and what changed', async () => {
		const now = Date.now();
		for (let i = 0; i < 20; i++) fake.upsertOrder(fakeOrder(i, now - 2 * DAY_MS + i * 3 * HALF_HOUR_MS));
		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', overlapMinutes: 10 });
		const first = await runWorkflow(wf, credentials);
		expect(first.output('XHS')).toHaveLength(20);
		const earliest = Math.min(...listCalls().map((c) => Number(c.body.startTime) * 1000));
		expect(earliest).toBeGreaterThanOrEqual(now - 90 * DAY_MS);
		expect(earliest).toBeLessThan(now - 89 * DAY_MS);
		expect(JSON.stringify(first.run.data.resultData.runData.XHS[0])).toMatch(/only from the last 90 days/);

		// The buyer receives order 3: its update time moves to a moment before the cursor.
		const cursor = ((wf.staticData as IDataObject)['node:XHS'] as { orderCursor: { readUntil: number } }).orderCursor.readUntil;
		fake.upsertOrder(fakeOrder(3, cursor - MINUTE_MS, { orderStatus: 7 }));
		fake.clearRequests();
		const second = (await runWorkflow(wf, credentials)).output('XHS');
		expect(second.map((o) => [o.orderId, o.status])).toEqual([[orderIdOf(3), 'completed']]);
		expect(listCalls()).toHaveLength(1);
		expect(detailCalls()).toHaveLength(1);
	});

	it('an order updated while its window is being paged comes out exactly once, in its final state', async () => {
		const now = Date.now();
		const window = Math.floor((now - DAY_MS) / HALF_HOUR_MS) * HALF_HOUR_MS;
		for (let i = 0; i < 230; i++) fake.upsertOrder(fakeOrder(i, window + 60_000 + i * 5_000));
		let changed = false;
		fake.onPageServed = (pageNo, served) => {
			if (changed || pageNo !== 1 || !served.some((o) => o.orderId === orderIdOf(5))) return;
			changed = true;
			// Right after the first page, the buyer receives order 5: its update time moves out of
			// this window to a later one of the same read (an update at "now" is the next run's).
			fake.upsertOrder(fakeOrder(5, Date.now() - 10 * MINUTE_MS, { orderStatus: 7 }));
		};
		const orders = (await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2 }), credentials)).output('XHS');
		expect(changed).toBe(true);
		expect(orders).toHaveLength(230);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(230);
		expect(orders.filter((o) => o.orderId === orderIdOf(5)).map((o) => o.status)).toEqual(['completed']);
		// The orders behind it moved forward onto pages still to be read: none was lost.
		for (let i = 0; i < 230; i++) expect(orders.some((o) => o.orderId === orderIdOf(i))).toBe(true);
	});

	it('an order updated exactly on the second two windows share is read by both and comes out once', async () => {
		const start = Math.floor((Date.now() - 3 * HALF_HOUR_MS * 2) / MINUTE_MS) * MINUTE_MS;
		const boundary = start + HALF_HOUR_MS;
		fake.upsertOrder(fakeOrder(1, boundary));
		fake.upsertOrder(fakeOrder(2, boundary - 1));
		fake.upsertOrder(fakeOrder(3, start + 2 * HALF_HOUR_MS + 999)); // on the range's last second
		const orders = (await runWorkflow(timeRange(start, start + 2 * HALF_HOUR_MS), credentials)).output('XHS');
		expect(orders.map((o) => o.orderId).sort()).toEqual([orderIdOf(1), orderIdOf(2), orderIdOf(3)]);
		expect(listCalls().map((c) => [Number(c.body.startTime), Number(c.body.endTime)])).toEqual([
			[start / 1000, boundary / 1000],
			[boundary / 1000, boundary / 1000 + 1800],
		]);
		// Order 1 was listed by both windows, read in detail once.
		expect(detailCalls().filter((c) => c.body.orderId === orderIdOf(1))).toHaveLength(1);
	});

	it('the raw JSON option gives the order detail as the platform sent it', async () => {
		const now = Date.now();
		fake.upsertOrder(fakeOrder(1, now - HALF_HOUR_MS, { openAddressId: 'addr-1' }));
		const [raw] = (await runWorkflow(timeRange(now - 2 * HALF_HOUR_MS, now - 5 * MINUTE_MS, { outputFormat: 'raw' }), credentials)).output('XHS');
		expect(raw).toMatchObject({ orderId: orderIdOf(1), totalPayAmount: 9_901, openAddressId: 'addr-1', skuList: [expect.objectContaining({ erpcode: 'SKU-1' })] });
	});
});

describe('credential: the code exchanged once, tokens refreshed and saved', () => {
	const run = () => runWorkflow(timeRange(Date.now() - HALF_HOUR_MS, Date.now() - 5 * MINUTE_MS), credentials);

	it('the first call exchanges the authorization code (oauth.getAccessToken), n8n saves the pair and forgets the code', async () => {
		await run();
		expect(fake.requests[0].operation).toBe('oauth.getAccessToken');
		expect(credentialUpdates.map((u) => u.type)).toEqual(['xiaohongshuShopApi']);
		expect(String(credentials.xiaohongshuShopApi.accessToken)).toMatch(/^token-/);
		expect(String(credentials.xiaohongshuShopApi.refreshToken)).toMatch(/^refresh-/);
		expect(credentials.xiaohongshuShopApi.authCode).toBe('');
		await run();
		expect(fake.tokensIssued).toBe(1);
	});

	it('a token the platform rejects ("accessToken expired") is refreshed once, rotated, saved, and the call sent again', async () => {
		await run();
		const first = { access: credentials.xiaohongshuShopApi.accessToken, refresh: credentials.xiaohongshuShopApi.refreshToken };
		fake.revokeAccessTokens();
		fake.clearRequests();
		const result = await run();
		expect(result.errorOf('XHS')).toBeUndefined();
		expect(fake.requests.map((r) => r.operation)).toEqual(['order.getOrderList', 'oauth.refreshToken', 'order.getOrderList']);
		expect(credentials.xiaohongshuShopApi.accessToken).not.toBe(first.access);
		expect(credentials.xiaohongshuShopApi.refreshToken).not.toBe(first.refresh);
		expect(credentialUpdates).toHaveLength(2);
	});

	it('a token within ten minutes of its stored expiry is refreshed before any call (the platform rotates in the last 30 minutes)', async () => {
		await run();
		// Seven days later, five minutes before the token lapses, on both clocks.
		fake.clock.advance(7 * DAY_MS - 5 * MINUTE_MS);
		credentials.xiaohongshuShopApi.accessTokenExpiresAt = Date.now() + 5 * MINUTE_MS;
		const before = credentials.xiaohongshuShopApi.accessToken;
		fake.clearRequests();
		await run();
		expect(fake.requests.map((r) => r.operation)).toEqual(['oauth.refreshToken', 'order.getOrderList']);
		expect(credentials.xiaohongshuShopApi.accessToken).not.toBe(before);
	});

	it('with the refresh token lapsed and no code, the node stops with an error naming the credential and what to do', async () => {
		await run();
		credentials.xiaohongshuShopApi.accessTokenExpiresAt = Date.now() - 1000;
		credentials.xiaohongshuShopApi.refreshTokenExpiresAt = Date.now() - 1000;
		const result = await run();
		expect(result.errorOf('XHS')?.message).toMatch(/credential "Xiaohongshu Shop \(小红书\) API".*paste the new code/);
		expect(JSON.stringify(result.run)).not.toContain(APP_SECRET);
	});

	it('an expired code is refused with the platform reason and no secret', async () => {
		fake.clock.advance(11 * MINUTE_MS);
		const result = await run();
		expect(result.errorOf('XHS')?.message).toMatch(/refused the token request \(oauth.getAccessToken\): -\d+ code已过期/);
		const text = JSON.stringify(result.run);
		for (const secret of [APP_SECRET, AUTH_CODE]) expect(text).not.toContain(secret);
	});

	it("the credential's Test reads the last ten minutes of orders: OK with the right secret, the rule's message with a wrong one", async () => {
		// A fresh credential: the tester runs preAuthentication (the code is exchanged), then the read.
		expect(await testCredential(new XiaohongshuShopApi(), { ...credentials.xiaohongshuShopApi })).toBe('OK');
		const list = listCalls().at(-1)!;
		expect([list.body.timeType, Number(list.body.endTime) - Number(list.body.startTime)]).toEqual([2, 600]);
		// A saved token with a wrong secret: the platform refuses the signature.
		await run();
		expect(await testCredential(new XiaohongshuShopApi(), { ...credentials.xiaohongshuShopApi, appSecret: 'wrong' })).toMatch(/^Xiaohongshu refused the request/);
	});
});

describe('Stock', () => {
	beforeEach(() => {
		fake.addSku({ skuId: '66ee733f265f590001ee873d', erpCode: 'TEE-W-M', stock: { CPartner: 12 }, occupied: { CPartner: 2 } });
		fake.addSku({ skuId: '670517bc29b37600015127d1', erpCode: 'CAP-B', stock: { 'WH-SH': 3, 'WH-GZ': 9 } });
	});

	it("Get Many reads the catalog, then each SKU's stock, into Reorder Alert's inventory fields", async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', planning: { leadTimeDays: 10 } }), credentials)).output('XHS');
		expect(items.map((i) => [i.sku, i.warehouse, i.onHand, i.reserved])).toEqual([
			['TEE-W-M', 'CPartner', 12, 2],
			['CAP-B', 'WH-SH', 3, 0],
			['CAP-B', 'WH-GZ', 9, 0],
		]);
		expect(items[0]).toMatchObject({ onOrder: 0, leadTimeDays: 10, moq: 0, packSize: 1, platform: 'xiaohongshu', platformRef: { skuId: '66ee733f265f590001ee873d' } });
	});

	it('Set Quantity sends the total so that sellable stock becomes the quantity; the same write again changes nothing', async () => {
		const params = { resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', warehouse: '', quantity: 40, writeId: 'restock-1' };
		const first = (await runWorkflow(workflow(params), credentials)).output('XHS');
		expect(first[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 12, quantity: 40, writeId: 'restock-1' });
		// Sellable 12 + 2 held by unpaid orders = total 14; sellable 40 → total 42 (syncSkuStock's qty is the total).
		expect(fake.requests.find((r) => r.operation === 'inventory.syncSkuStock')?.body).toMatchObject({ skuId: '66ee733f265f590001ee873d', qty: 42 });
		expect(fake.stockOf('TEE-W-M')).toEqual({ available: 40, occupiedQuantity: 2, total: 42 });
		const second = (await runWorkflow(workflow(params), credentials)).output('XHS');
		expect(second[0]).toMatchObject({ stockStatus: 'unchanged', previousQuantity: 40 });
		expect(fake.writes.filter((w) => w.kind === 'stock.set')).toHaveLength(1);
	});

	it.each([
		['a dropped connection', { dropConnection: true }],
		['a 502', { status: 502, body: 'bad gateway' }],
	])('a write applied whose answer was lost (%s) is not sent again: the stock is read, and it comes out alreadyApplied', async (_name, fault) => {
		fake.failNext({ ...fault, afterHandling: true, match: (r) => r.body.method === 'inventory.syncSkuStock' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 5 }), credentials)).output('XHS');
		expect(items[0]).toMatchObject({ stockStatus: 'alreadyApplied', previousQuantity: 12, quantity: 5 });
		expect([...fake.appliedCountByKey('stock.set').values()]).toEqual([1]);
		expect(fake.stockOf('TEE-W-M')?.available).toBe(5);
	});

	it('a write refused before it reached the shop (dropped before handling) is sent again once the stock shows it untouched', async () => {
		fake.failNext({ dropConnection: true, match: (r) => r.body.method === 'inventory.syncSkuStock' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 5 }), credentials)).output('XHS');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', quantity: 5 });
		expect([...fake.appliedCountByKey('stock.set').values()]).toEqual([1]);
	});

	it('area stock: a warehouse is written with syncSkuStockV2; without a warehouse the item says which to choose', async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'CAP-B', warehouse: 'WH-GZ', quantity: 20 }), credentials)).output('XHS');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 9, quantity: 20 });
		expect(fake.requests.find((r) => r.operation === 'inventory.syncSkuStockV2')?.body).toMatchObject({ qtyWithWhcode: { 'WH-GZ': 20 } });
		expect(fake.stockOf('CAP-B', 'WH-SH')?.available).toBe(3);
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'CAP-B', warehouse: '', quantity: 20 }), credentials);
		expect(result.errorOf('XHS')?.message).toMatch(/has stock per warehouse \(WH-SH, WH-GZ\): set Warehouse/);
	});

	it('compare-and-set: a stock that changed since it was read is not overwritten', async () => {
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40, expectedQuantity: '10' }), credentials);
		expect(result.errorOf('XHS')?.message).toMatch(/has 12 in stock, not 10 as expected/);
		expect(fake.writes).toHaveLength(0);
	});

	it('with Continue On Fail every input item comes out: bad ones with their error, the others written', async () => {
		const wf = workflow({ resource: 'stock', operation: 'setQuantity', sku: '={{ $json.sku }}', warehouse: '={{ $json.warehouse ?? "" }}', quantity: '={{ $json.quantity }}' }, {}, { onError: 'continueRegularOutput' }, [
			{ sku: 'TEE-W-M', quantity: 5 },
			{ sku: 'NOPE', quantity: 5 },
			{ sku: 'CAP-B', warehouse: 'WH-GZ', quantity: -1 },
			{ sku: '', quantity: 1 },
			{ sku: 'CAP-B', warehouse: 'WH-SH', quantity: 1 },
		]);
		const items = (await runWorkflow(wf, credentials)).output('XHS');
		expect(items.map((i) => i.stockStatus)).toEqual(['applied', 'failed', 'failed', 'failed', 'applied']);
		expect(String(items[1].error)).toMatch(/SKU NOPE is not in the shop's catalog/);
		expect(String(items[2].error)).toMatch(/Item 2: Quantity is -1; expected a whole number ≥ 0/);
		expect(String(items[3].error)).toMatch(/Item 3: SKU is empty/);
		// The catalog was read once for the five items.
		expect(fake.requests.filter((r) => r.operation === 'product.getDetailSkuList')).toHaveLength(1);
	});
});

describe('limits and faults', () => {
	it('throttling (a 限流 answer) and a 5xx are waited out and retried; reads lose nothing', async () => {
		const now = Date.now();
		for (let i = 0; i < 5; i++) fake.upsertOrder(fakeOrder(i, now - HALF_HOUR_MS - i * 1000));
		const isList = (r: { body: Record<string, unknown> }) => r.body.method === 'order.getOrderList';
		fake.failNext({ status: 200, body: { success: false, error_code: -1000429, error_msg: '请求过于频繁，触发限流，请稍后重试', data: null }, match: isList });
		fake.failNext({ status: 502, body: 'bad gateway', match: isList });
		const result = await runWorkflow(timeRange(now - 2 * HALF_HOUR_MS + 60_000, now - 5 * MINUTE_MS), credentials);
		expect(result.output('XHS')).toHaveLength(5);
		expect(listCalls().slice(0, 3).map((c) => c.fault ?? 'ok')).toEqual(['status 200', 'status 502', 'ok']);
	});

	it("paces its calls to the credential's Requests per Second; faster than the platform allows, throttled calls are sent again", async () => {
		await fake.close();
		// This fake throttles any fourth call within one second.
		fake = await startXiaohongshuFake({ appId: APP_ID, appSecret: APP_SECRET, authCode: AUTH_CODE, qps: 3 });
		// The code exchange is not paced (n8n makes it before the node's call), so 1.5 a second leaves room for it.
		const slow: TestCredentials = { xiaohongshuShopApi: { ...credentials.xiaohongshuShopApi, baseUrl: fake.baseUrl, requestsPerSecond: 1.5 } };
		const range = () => timeRange(Date.now() - 4 * HALF_HOUR_MS, Date.now() - 5 * MINUTE_MS);

		await runWorkflow(range(), slow);
		expect(listCalls()).toHaveLength(4);
		// 1.5 a second under a limit of 3: no call was refused, so none was sent twice.
		expect(fake.requests.every((r) => r.fault === undefined)).toBe(true);
		expect(new Set(listCalls().map((c) => c.body.startTime)).size).toBe(4);

		fake.clearRequests();
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const fast = await runWorkflow(range(), { xiaohongshuShopApi: { ...slow.xiaohongshuShopApi, requestsPerSecond: 1000 } });
		expect(fast.errorOf('XHS')).toBeUndefined();
		// 1000 a second: the platform throttled some calls, which were sent again (and still lost nothing).
		expect(listCalls().length).toBeGreaterThan(new Set(listCalls().map((c) => c.body.startTime)).size);
	});

	it('a platform error becomes a clear node error with its code and message, and nothing secret is in the run', async () => {
		fake.failNext({
			status: 200,
			body: { success: false, error_code: -1, error_msg: '根据accessToken和appId获取mercuryUser失败：应用无权限调用该接口', data: null },
			match: (r) => r.body.method === 'order.getOrderList',
		});
		const result = await runWorkflow(timeRange(Date.now() - HALF_HOUR_MS, Date.now() - 5 * MINUTE_MS), credentials);
		const error = result.errorOf('XHS') as Error & { description?: string };
		expect(error.message).toBe('Xiaohongshu Shop (小红书): 根据accessToken和appId获取mercuryUser失败：应用无权限调用该接口 (code -1)');
		expect(error.description).toMatch(/API permission/);
		const text = JSON.stringify(result.run);
		for (const secret of [APP_SECRET, AUTH_CODE, ...fake.issuedTokens]) expect(text).not.toContain(secret);
	});
});
