/**
 * Douyin Shop (抖店) node inside n8n's execution engine (n8n-core WorkflowExecute, in-process)
 * against the fake open platform (test/support/fakeShops/douyin.ts), which checks every
 * signature with its own implementation of the published recipe, the token, the window and
 * the page size, and logs every write.
 */
import type { IDataObject } from 'n8n-workflow';

import { orderSchema } from '../../nodes/lib/model';
import { startDouyinFake, type DouyinFake, type DouyinFakeOrder } from '../support/fakeShops/douyin';
import { credentialUpdates, runWorkflow, type TestCredentials } from '../support/n8n';
import { NO_STORED_TOKEN, shopNodeWorkflow } from '../support/shopWorkflow';

const APP_KEY = '7123456789012345678';
const APP_SECRET = 'dd-test-secret-9f8e7d6c5b4a';
const SHOP_ID = '4463798';
const DAY_S = 86_400;
const CREDENTIAL = { douyinShopApi: { id: 'cred-1', name: 'Douyin test shop' } };

let fake: DouyinFake;
let credentials: TestCredentials;

const nowS = () => Math.floor(Date.now() / 1000);

function fakeOrder(id: number, updateTime: number, extra: Partial<DouyinFakeOrder> = {}): DouyinFakeOrder {
	return {
		order_id: `69200000000000${String(id).padStart(5, '0')}`,
		order_status: 2,
		order_status_desc: '备货中',
		create_time: updateTime - 600,
		update_time: updateTime,
		pay_amount: 9_900 + id,
		doudian_open_id: `dy_buyer_${id % 37}`,
		sku_order_list: [{ code: `SKU-${id % 5}`, item_num: 1, origin_amount: 9_900 + id, pay_amount: 9_900 + id }],
		...extra,
	};
}

beforeEach(async () => {
	fake = await startDouyinFake({ appKey: APP_KEY, appSecret: APP_SECRET, shopId: SHOP_ID });
	credentials = {
		douyinShopApi: {
			appKey: APP_KEY,
			appSecret: APP_SECRET,
			authorization: 'self',
			shopId: SHOP_ID,
			signMethod: 'hmac-sha256',
			baseUrl: fake.baseUrl, allowHttp: true,
			...NO_STORED_TOKEN,
		},
	};
	credentialUpdates.length = 0;
});

afterEach(async () => {
	await fake.close();
});

const workflow = shopNodeWorkflow('Douyin', 'douyinShop', CREDENTIAL);

const searchListCalls = () => fake.requests.filter((r) => r.operation === 'order.searchList');

describe('Order → Get Many, Since Last Run', () => {
	it('backfills in one-day windows, pages every window to the end, and outputs model orders once each', async () => {
		const now = nowS();
		// 250 orders on one day (three pages of 100), a few on other days of the lookback.
		for (let i = 0; i < 250; i++) fake.upsertOrder(fakeOrder(i, now - 2 * DAY_S + i * 60));
		for (let i = 250; i < 260; i++) fake.upsertOrder(fakeOrder(i, now - 4 * DAY_S + i));
		fake.upsertOrder(fakeOrder(999, now - 30 * DAY_S)); // outside a 5-day lookback

		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 5 });
		const result = await runWorkflow(wf, credentials);
		const orders = result.output('Douyin');

		expect(orders).toHaveLength(260);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(260);
		for (const order of orders) expect(orderSchema.safeParse(order).success).toBe(true);
		// Every call covers at most one day (the fake refuses wider windows), with page size 100.
		for (const call of searchListCalls()) {
			expect(Number(call.body.update_time_end) - Number(call.body.update_time_start)).toBeLessThanOrEqual(DAY_S);
			expect(call.body.size).toBe(100);
		}
		// The busy day took pages 0, 2, 1, 0 (backwards, page 0 read again last).
		const windowsWithPages = new Map<number, number[]>();
		for (const call of searchListCalls()) {
			const key = Number(call.body.update_time_start);
			windowsWithPages.set(key, [...(windowsWithPages.get(key) ?? []), Number(call.body.page)]);
		}
		expect([...windowsWithPages.values()].some((pages) => pages.join() === '0,2,1,0')).toBe(true);
		expect(windowsWithPages.size).toBeGreaterThanOrEqual(5);
		expect(((wf.staticData as IDataObject)['node:Douyin'] as IDataObject).orderCursor).toEqual({ readUntil: expect.any(Number), scope: 'douyin:cred-1' });
	});

	it('the next run reads only the overlap and what changed: an order updated since comes out with its new status', async () => {
		const now = nowS();
		for (let i = 0; i < 30; i++) fake.upsertOrder(fakeOrder(i, now - DAY_S + i * 600));
		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2, overlapMinutes: 10 });
		expect(await runWorkflow(wf, credentials).then((r) => r.output('Douyin'))).toHaveLength(30);

		// The buyer receives order 3 (completed) — its update time moves to "a moment ago" but before the settle time.
		const cursor = (wf.staticData as { 'node:Douyin': { orderCursor: { readUntil: number } } })['node:Douyin'].orderCursor.readUntil;
		fake.upsertOrder(fakeOrder(3, Math.floor(cursor / 1000) - 60, { order_status: 5, order_status_desc: '已完成' }));
		fake.clearRequests();
		const second = (await runWorkflow(wf, credentials)).output('Douyin');
		expect(second.map((o) => [o.orderId, o.status])).toEqual([['6920000000000000003', 'completed']]);
		// One short window: the overlap plus the time since the first run.
		expect(searchListCalls()).toHaveLength(1);
	});

	it('an order updated while its window is being paged is not lost', async () => {
		const now = nowS();
		for (let i = 0; i < 230; i++) fake.upsertOrder(fakeOrder(i, now - DAY_S + i * 60));
		let changed = false;
		fake.onPageServed = (page) => {
			if (changed || page !== 0) return;
			changed = true;
			// Right after the first page, order 5 is updated "now": it leaves this window.
			const order = fake.orders.get('6920000000000000005')!;
			fake.upsertOrder({ ...order, update_time: now, order_status: 3 });
		};
		const orders = (await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2 }), credentials)).output('Douyin');
		const ids = new Set(orders.map((o) => o.orderId));
		for (let i = 0; i < 230; i++) if (i !== 5) expect(ids.has(`69200000000000${String(i).padStart(5, '0')}`)).toBe(true);
	});

	it('Time Range with the raw JSON option gives the platform objects, 64-bit ids intact', async () => {
		const now = nowS();
		fake.upsertOrder(fakeOrder(1, now - 3600, { sku_order_list: [{ code: 'A', sku_id: '1700000000000000001', item_num: 1, origin_amount: 100 }] }));
		const result = await runWorkflow(
			workflow({
				resource: 'order',
				operation: 'getMany',
				readMode: 'timeRange',
				updatedAfter: new Date((now - 7200) * 1000).toISOString(),
				updatedBefore: new Date(now * 1000).toISOString(),
				outputFormat: 'raw',
			}),
			credentials,
		);
		const [raw] = result.output('Douyin');
		expect(raw.order_id).toBe('6920000000000000001');
		expect((raw.sku_order_list as IDataObject[])[0].sku_id).toBe('1700000000000000001');
	});
});

describe('credential: tokens created, refreshed and saved', () => {
	const run = () => runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 3_600_000).toISOString() }), credentials);

	it('the first call creates the token (token.create, self-use app) and n8n saves it into the credential', async () => {
		await run();
		expect(fake.requests[0].operation).toBe('token.create');
		expect(credentialUpdates.map((u) => u.type)).toEqual(['douyinShopApi']);
		expect(String(credentials.douyinShopApi.accessToken)).toMatch(/^dyat-/);
		expect(String(credentials.douyinShopApi.refreshToken)).toMatch(/^dyrt-/);
		await run();
		expect(fake.tokensIssued).toBe(1);
	});

	it('a token the platform rejects (40003 isv.access-token-expired) is refreshed once and the call sent again', async () => {
		await run();
		const firstToken = credentials.douyinShopApi.accessToken;
		fake.revokeAccessTokens();
		fake.clearRequests();
		const result = await run();
		expect(result.errorOf('Douyin')).toBeUndefined();
		expect(fake.requests.map((r) => r.operation)).toEqual(['order.searchList', 'token.refresh', 'order.searchList']);
		expect(credentials.douyinShopApi.accessToken).not.toBe(firstToken);
	});

	it('a token past its stored expiry is refreshed before any call', async () => {
		await run();
		credentials.douyinShopApi.accessTokenExpiresAt = Date.now() - 1000;
		fake.clearRequests();
		await run();
		expect(fake.requests.map((r) => r.operation)).toEqual(['token.refresh', 'order.searchList']);
	});

	it('a refused token request stops with the platform reason and no secret', async () => {
		credentials.douyinShopApi.shopId = '999';
		const result = await run();
		const error = result.errorOf('Douyin');
		expect(error?.message).toMatch(/refused the token request: 50001/);
		expect(JSON.stringify(result.run)).not.toContain(APP_SECRET);
	});

	it.each([
		['Continue (regular output)', 'continueRegularOutput', 0],
		['Continue (using error output)', 'continueErrorOutput', 1],
	] as const)('under %s a refused token request is one error item, not the trigger item passed on, and the cursor stays', async (_, onError, errorOutput) => {
		credentials.douyinShopApi.shopId = '999';
		const staticData: IDataObject = {};
		const sinceLastRun = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 5 }, staticData, { onError });
		const result = await runWorkflow(sinceLastRun, credentials);
		expect(result.errorOf('Douyin')).toBeUndefined();
		expect(result.output('Douyin', errorOutput)).toEqual([{ error: expect.stringMatching(/refused the token request: 50001/) }]);
		if (errorOutput === 1) expect(result.output('Douyin', 0)).toEqual([]);
		// No cursor saved: the next run reads the same range again.
		expect(staticData['node:Douyin'] ?? {}).toEqual({});
		expect(JSON.stringify(result.run)).not.toContain(APP_SECRET);
	});
});

describe('Stock', () => {
	beforeEach(() => {
		fake.stock.set('TEE-W-M', new Map([['', 12]]));
		fake.stock.set('CAP-B', new Map([['WH-SH', 3], ['WH-GZ', 9]]));
	});

	it('Get Many reads every SKU (products, then their SKUs) into Reorder Alert\'s inventory fields', async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', planning: { leadTimeDays: 10 } }), credentials)).output('Douyin');
		expect(items.map((i) => [i.sku, i.warehouse, i.onHand])).toEqual([
			['TEE-W-M', 'default', 12],
			['CAP-B', 'WH-SH', 3],
			['CAP-B', 'WH-GZ', 9],
		]);
		expect(items[0]).toMatchObject({ onOrder: 0, reserved: 0, leadTimeDays: 10, leadTimeStdDays: 0, moq: 0, packSize: 1, platform: 'douyin' });
	});

	it('Set Quantity: the same Write ID twice writes once; an unchanged stock is not written', async () => {
		const params = { resource: 'stock', operation: 'setQuantity', sku: 'CAP-B', warehouse: 'WH-SH', quantity: 20, writeId: 'restock-2026-12-02-capb' };
		const first = (await runWorkflow(workflow(params), credentials)).output('Douyin');
		expect(first[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 3, quantity: 20 });
		const second = (await runWorkflow(workflow(params), credentials)).output('Douyin');
		expect(second[0]).toMatchObject({ stockStatus: 'unchanged', previousQuantity: 20 });
		expect(fake.appliedCountByKey('stock.set').get('restock-2026-12-02-capb')).toBe(1);
		expect(fake.stock.get('CAP-B')!.get('WH-SH')).toBe(20);
	});

	it('a write applied whose answer was lost is sent again with the same idempotent_id and counted as already applied', async () => {
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.query.get('method') === 'sku.syncStock' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', warehouse: '', quantity: 40, writeId: 'w-1' }), credentials)).output('Douyin');
		expect(items[0]).toMatchObject({ stockStatus: 'alreadyApplied', quantity: 40 });
		expect(fake.writes.filter((w) => w.kind === 'stock.set').map((w) => w.applied)).toEqual([true, false]);
	});

	it('compare-and-set: a stock that changed since it was read is not overwritten', async () => {
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40, expectedQuantity: '10' }), credentials);
		expect(result.errorOf('Douyin')?.message).toMatch(/has 12 in stock, not 10 as expected/);
		expect(fake.writes).toHaveLength(0);
	});

	it('with Continue On Fail a bad item goes out with its error and the others are written', async () => {
		const wf = workflow({ resource: 'stock', operation: 'setQuantity', sku: '={{ $json.sku }}', warehouse: '={{ $json.warehouse ?? "" }}', quantity: '={{ $json.quantity }}' }, {}, { onError: 'continueRegularOutput' }, [
			{ sku: 'TEE-W-M', quantity: 5 },
			{ sku: 'NOPE', quantity: 5 },
			{ sku: 'CAP-B', warehouse: 'WH-GZ', quantity: -1 },
			{ sku: 'CAP-B', warehouse: 'WH-GZ', quantity: 1 },
		]);
		const items = (await runWorkflow(wf, credentials)).output('Douyin');
		expect(items.map((i) => i.stockStatus)).toEqual(['applied', 'failed', 'failed', 'applied']);
		expect(String(items[1].error)).toMatch(/SKU NOPE|sku not found/);
		expect(String(items[2].error)).toMatch(/Item 2: Quantity is -1; expected a whole number ≥ 0/);
	});
});

describe('limits and faults', () => {
	it('throttling (60000 isv.traffic-limited) and a 5xx are waited out and retried; reads lose nothing', async () => {
		const now = nowS();
		for (let i = 0; i < 5; i++) fake.upsertOrder(fakeOrder(i, now - 3600 - i));
		fake.failNext({ status: 200, body: { code: 60000, msg: '请求太频繁', sub_code: 'isv.traffic-limited', sub_msg: '' }, match: (r) => r.query.get('method') === 'order.searchList' });
		fake.failNext({ status: 502, body: 'bad gateway', match: (r) => r.query.get('method') === 'order.searchList' });
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date((now - 7200) * 1000).toISOString() }), credentials);
		expect(result.output('Douyin')).toHaveLength(5);
		expect(searchListCalls().map((c) => c.fault ?? 'ok')).toEqual(['status 200', 'status 502', 'ok']);
	});

	it("paces its calls to the credential's Requests per Second, which overrides the platform default", async () => {
		await fake.close();
		// This fake throttles (60000) any sixth call within one second (the token call counts too).
		fake = await startDouyinFake({ appKey: APP_KEY, appSecret: APP_SECRET, shopId: SHOP_ID, qps: 5 });
		const base = { ...credentials.douyinShopApi, baseUrl: fake.baseUrl };
		const backfill = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 8 });
		const calls = () => fake.requests.filter((r) => r.operation === 'order.searchList');

		const started = Date.now();
		await runWorkflow(backfill, { douyinShopApi: { ...base, requestsPerSecond: 3 } });
		const windows = calls().length;
		// One call every third of a second at most (the platform default, 5 a second, would be faster).
		expect(Date.now() - started).toBeGreaterThanOrEqual((windows - 1) * 330);
		expect(windows).toBeGreaterThanOrEqual(8);
		// 3 a second under a limit of 5: no call was refused, so none was sent twice.
		expect(new Set(calls().map((c) => c.body.update_time_start)).size).toBe(windows);

		fake.clearRequests();
		await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 8 }), { douyinShopApi: { ...base, requestsPerSecond: 100 } });
		// 100 a second: the platform throttled some calls, which were sent again (and still lost nothing).
		expect(calls().length).toBeGreaterThan(new Set(calls().map((c) => c.body.update_time_start)).size);
	});

	it('a platform error becomes a clear node error with its code, and nothing secret is in the run', async () => {
		fake.failNext({ status: 200, body: { code: 30001, msg: '无权限', sub_code: 'isv.app-permissions-insufficient', sub_msg: '应用无此接口权限' }, match: (r) => r.query.get('method') === 'order.searchList' });
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 3_600_000).toISOString() }), credentials);
		const error = result.errorOf('Douyin') as Error & { description?: string };
		expect(error.message).toBe('Douyin Shop (抖店): 无权限: 应用无此接口权限 (code 30001 isv.app-permissions-insufficient)');
		expect(error.description).toMatch(/permission/);
		const text = JSON.stringify(result.run);
		for (const secret of [APP_SECRET, String(credentials.douyinShopApi.accessToken), String(credentials.douyinShopApi.refreshToken)]) {
			expect(text).not.toContain(secret);
		}
	});
});
