/**
 * Pinduoduo Shop (拼多多) node inside n8n's execution engine (n8n-core WorkflowExecute,
 * in-process) against the fake open platform (test/support/fakeShops/pinduoduo.ts), which
 * checks every signature with its own implementation of the published recipe, the timestamp,
 * the token, the 30-minute window, the 90-day age and the page size, pages newest first from
 * its live state, and logs every stock write.
 *
 * Until package.json lists the node and its credential (the lead adds them), the manifest the
 * test harness reads is given the two entries here, the same way n8n would read them.
 */
import type { IDataObject } from 'n8n-workflow';

import { PinduoduoShopApi } from '../../credentials/PinduoduoShopApi.credentials';
import { orderSchema } from '../../nodes/lib/model';
import { pddFormBody, signedPddForm } from '../../nodes/lib/shop/platforms/pinduoduo';
import { beijingText, pddOrder, startPinduoduoFake, type PinduoduoFake, type PddFakeOrder } from '../support/fakeShops/pinduoduo';
import { credentialUpdates, runWorkflow, testCredential, type TestCredentials } from '../support/n8n';
import { NO_STORED_TOKEN, shopNodeWorkflow } from '../support/shopWorkflow';

const CLIENT_ID = 'pdd-test-client-7f3e';
const CLIENT_SECRET = 'pdd-test-secret-0a9b8c7d6e5f';
const AUTH_CODE = 'pdd-auth-code-1f2e3d';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CREDENTIAL = { pinduoduoShopApi: { id: 'cred-1', name: 'Pinduoduo test shop' } };

let fake: PinduoduoFake;
let credentials: TestCredentials;

const sn = (i: number) => `240301-51234567${String(i).padStart(7, '0')}`;

function fakeOrder(i: number, updatedMs: number, extra: Partial<PddFakeOrder> = {}): PddFakeOrder {
	return pddOrder(sn(i), updatedMs - 10 * MINUTE, updatedMs, 99 + i / 100, {
		open_address_id: `addr-${i % 37}`,
		item_list: [{ goods_id: 600000000001, sku_id: 1000000000001 + (i % 5), outer_id: `SKU-${i % 5}`, goods_count: 1, goods_price: 99 + i / 100 }],
		...extra,
	});
}

beforeEach(async () => {
	fake = await startPinduoduoFake({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, authCodes: [AUTH_CODE] });
	credentials = {
		pinduoduoShopApi: {
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			authCode: AUTH_CODE,
			baseUrl: fake.baseUrl, allowHttp: true,
			// Fast tests: a 2-day backfill is ~100 windows. The default pace (10/s) is the connector's.
			requestsPerSecond: 1000,
			...NO_STORED_TOKEN,
		},
	};
	credentialUpdates.length = 0;
});

afterEach(async () => {
	await fake.close();
});

const workflow = shopNodeWorkflow('PDD', 'pinduoduoShop', CREDENTIAL);

const feedCalls = () => fake.requests.filter((r) => r.operation === 'pdd.order.number.list.increment.get');
const secrets = () => [CLIENT_SECRET, AUTH_CODE, ...fake.issuedTokens];

describe('Order → Get Many, Since Last Run', () => {
	it('backfills in 30-minute windows, pages a full window from the last page back, and outputs model orders once each', async () => {
		const now = Date.now();
		// 250 orders inside one window (three pages of 100), 20 more spread over the 2 days.
		const busy = now - 2 * DAY + 20 * 30 * MINUTE + 2 * MINUTE;
		for (let i = 0; i < 250; i++) fake.upsertOrder(fakeOrder(i, busy + i * 5000));
		for (let i = 250; i < 270; i++) fake.upsertOrder(fakeOrder(i, now - 2 * DAY + (i - 249) * 2 * HOUR));
		fake.upsertOrder(fakeOrder(999, now - 5 * DAY)); // outside the 2-day lookback

		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2 });
		const orders = (await runWorkflow(wf, credentials)).output('PDD');

		expect(orders).toHaveLength(270);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(270);
		for (const order of orders) expect(orderSchema.safeParse(order).success).toBe(true);
		// Every request spans at most 30 minutes (the fake refuses more), 100 a page.
		for (const call of feedCalls()) {
			expect(Number(call.body.end_updated_at) - Number(call.body.start_updated_at)).toBeLessThanOrEqual(1800);
			expect(call.body.page_size).toBe('100');
		}
		const windows = new Map<string, string[]>();
		for (const call of feedCalls()) {
			const key = String(call.body.start_updated_at);
			windows.set(key, [...(windows.get(key) ?? []), `${call.body.page}${call.body.use_has_next === 'true' ? '' : ' (count)'}`]);
		}
		expect(windows.size).toBe(96); // 2 days of 30-minute windows
		// The busy window: counted on page 1, then pages 3, 2, 1 with has_next paging (the FAQ's scheme).
		expect([...windows.values()].filter((pages) => pages.length > 1)).toEqual([['1 (count)', '3', '2', '1']]);
		expect(((wf.staticData as IDataObject)['node:PDD'] as IDataObject).orderCursor).toEqual({ readUntil: expect.any(Number), scope: 'pinduoduo:cred-1' });
		// Windows end 4 minutes before now (3 by the doc + 1 of clock margin).
		const lastEnd = Math.max(...feedCalls().map((c) => Number(c.body.end_updated_at)));
		expect(lastEnd * 1000).toBeLessThanOrEqual(Date.now() - 4 * MINUTE);
	});

	it('the fake refuses a window one minute wider than 30 minutes, and a start older than 90 days', async () => {
		const now = Date.now();
		// A run gets the shop token; then the feed is asked directly, signed as the node signs.
		await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - HOUR).toISOString() }), credentials);
		const ask = async (start: number, end: number) => {
			const body = pddFormBody(
				signedPddForm({
					type: 'pdd.order.number.list.increment.get',
					clientId: CLIENT_ID,
					clientSecret: CLIENT_SECRET,
					accessToken: String(credentials.pinduoduoShopApi.accessToken),
					now: Date.now(),
					params: { start_updated_at: Math.floor(start / 1000), end_updated_at: Math.floor(end / 1000), page: 1, page_size: 100 },
				}),
			);
			const reply = await fetch(`${fake.baseUrl}/api/router`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
			return (await reply.json()) as { error_response?: { error_code: number; sub_msg: string }; order_sn_increment_get_response?: unknown };
		};
		expect((await ask(now - 2 * HOUR, now - 2 * HOUR + 30 * MINUTE)).order_sn_increment_get_response).toBeDefined();
		expect((await ask(now - 2 * HOUR, now - 2 * HOUR + 31 * MINUTE)).error_response).toMatchObject({ error_code: 10000, sub_msg: '开始时间结束时间间距不超过 30 分钟' });
		expect((await ask(now - 91 * DAY, now - 91 * DAY + 10 * MINUTE)).error_response).toMatchObject({ error_code: 10000, sub_msg: '只能查询90天内的订单' });
	});

	it('a first run with a year of lookback asks for the last 90 days only', async () => {
		const now = Date.now();
		fake.upsertOrder(fakeOrder(1, now - 30 * DAY));
		// Fewer requests: one window in 30 days holds an order; the fake answers the rest empty.
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 365 }), credentials);
		expect(result.errorOf('PDD')).toBeUndefined();
		expect(result.output('PDD').map((o) => o.orderId)).toEqual([sn(1)]);
		const starts = feedCalls().map((c) => Number(c.body.start_updated_at) * 1000);
		expect(Math.min(...starts)).toBeGreaterThanOrEqual(now - 90 * DAY);
		expect(feedCalls().length).toBe(90 * 48);
		const hints = (result.run.data.resultData.runData.PDD[0].hints ?? []).map((h) => h.message);
		expect(hints).toEqual([expect.stringMatching(/serves orders only from the last 90 days/)]);
	}, 120_000);

	it('the next run reads only the overlap and what changed: an order received since comes out with its new status', async () => {
		const now = Date.now();
		for (let i = 0; i < 30; i++) fake.upsertOrder(fakeOrder(i, now - DAY + i * 20 * MINUTE));
		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2, overlapMinutes: 10 });
		expect((await runWorkflow(wf, credentials)).output('PDD')).toHaveLength(30);

		const cursor = ((wf.staticData as IDataObject)['node:PDD'] as { orderCursor: { readUntil: number } }).orderCursor.readUntil;
		fake.upsertOrder(fakeOrder(3, cursor - MINUTE, { order_status: 3 }));
		fake.clearRequests();
		const second = (await runWorkflow(wf, credentials)).output('PDD');
		expect(second.map((o) => [o.orderId, o.status])).toEqual([[sn(3), 'completed']]);
		expect(feedCalls()).toHaveLength(1); // the overlap plus the seconds since the first run: one window
	});
});

describe('paging while orders change', () => {
	it('an order updated while its window is paged comes out exactly once, in its final state; no other order is lost', async () => {
		const now = Date.now();
		const busy = now - 2 * DAY + 20 * 30 * MINUTE + 2 * MINUTE;
		for (let i = 0; i < 230; i++) fake.upsertOrder(fakeOrder(i, busy + i * 5000));
		const busyStart = String(Math.floor((now - 2 * DAY + 20 * 30 * MINUTE) / 1000));
		let changed = false;
		fake.onPageServed = (page, _served, form) => {
			if (changed || form.use_has_next !== 'true' || page !== 3 || Number(form.start_updated_at) < Number(busyStart) - 60) return;
			changed = true;
			// Right after the last page went out, the buyer receives order 200 (on page 1, newest
			// first): it leaves this window for one 3 hours ago, and every older order moves up one place.
			const order = fake.orders.get(sn(200))!;
			fake.upsertOrder({ ...order, order_status: 3, updated_at: beijingText(now - 3 * HOUR) });
		};
		const orders = (await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2 }), credentials)).output('PDD');
		expect(changed).toBe(true);
		expect(orders).toHaveLength(230);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(230);
		const moved = orders.filter((o) => o.orderId === sn(200));
		expect(moved).toEqual([expect.objectContaining({ status: 'completed', updatedAt: new Date(Math.floor((now - 3 * HOUR) / 1000) * 1000 + 8 * HOUR).toISOString().slice(0, 19) + '+08:00' })]);
	});

	it('an order exactly on a window boundary is read by both windows and comes out once', async () => {
		const t0 = Math.floor((Date.now() - 5 * HOUR) / 1000) * 1000;
		fake.upsertOrder(fakeOrder(7, t0 + 30 * MINUTE));
		let served = 0;
		fake.onPageServed = (_page, orders) => {
			served += orders.filter((o) => o.order_sn === sn(7)).length;
		};
		const result = await runWorkflow(
			workflow({
				resource: 'order',
				operation: 'getMany',
				readMode: 'timeRange',
				updatedAfter: new Date(t0).toISOString(),
				updatedBefore: new Date(t0 + 60 * MINUTE).toISOString(),
			}),
			credentials,
		);
		expect(feedCalls().map((c) => [Number(c.body.start_updated_at) - t0 / 1000, Number(c.body.end_updated_at) - t0 / 1000])).toEqual([
			[0, 1800],
			[1800, 3600],
		]);
		expect(served).toBe(2);
		expect(result.output('PDD').map((o) => o.orderId)).toEqual([sn(7)]);
	});

	it('a Time Range reaching past 90 days is cut to them (Pinduoduo refuses older windows), with the notice', async () => {
		const now = Date.now();
		fake.upsertOrder(fakeOrder(1, now - 89 * DAY));
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 120 * DAY).toISOString(), updatedBefore: new Date(now - 88 * DAY).toISOString() }), credentials);
		expect(result.errorOf('PDD')).toBeUndefined();
		expect(result.output('PDD').map((o) => o.orderId)).toEqual([sn(1)]);
		expect(Math.min(...feedCalls().map((c) => Number(c.body.start_updated_at) * 1000))).toBeGreaterThanOrEqual(now - 90 * DAY);
		const hints = (result.run.data.resultData.runData.PDD[0].hints ?? []).map((h) => h.message);
		expect(hints).toEqual([expect.stringMatching(/serves orders only from the last 90 days: orders updated between/)]);
	}, 60_000);

	it('Time Range with the raw JSON option gives the platform objects', async () => {
		const now = Date.now();
		fake.upsertOrder(fakeOrder(1, now - HOUR));
		const [raw] = (await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 2 * HOUR).toISOString(), outputFormat: 'raw' }), credentials)).output('PDD');
		expect(raw).toMatchObject({ order_sn: sn(1), pay_amount: 99.01, open_address_id: 'addr-1', receiver_name_mask: '张*' });
	});
});

describe('credential: the shop token created, refreshed and saved', () => {
	// 20 minutes: one window, one feed call.
	const run = () => runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 20 * MINUTE).toISOString() }), credentials);

	it('the first call exchanges the authorization code (pdd.pop.auth.token.create); n8n saves the token and forgets the code', async () => {
		await run();
		expect(fake.requests[0].operation).toBe('pdd.pop.auth.token.create');
		expect(credentialUpdates.map((u) => u.type)).toEqual(['pinduoduoShopApi']);
		expect(String(credentials.pinduoduoShopApi.accessToken)).toMatch(/^pddat-/);
		expect(String(credentials.pinduoduoShopApi.refreshToken)).toMatch(/^pddrt-/);
		expect(credentials.pinduoduoShopApi.authCode).toBe('');
		// The fake's expires_at (Unix seconds, 24 h ahead) is what the credential keeps.
		expect(Number(credentials.pinduoduoShopApi.accessTokenExpiresAt)).toBeGreaterThan(Date.now() + 23 * HOUR);
		await run();
		expect(fake.tokensIssued).toBe(1);
	});

	it('a token Pinduoduo rejects (10019 access_token已过期) is refreshed once, saved, and the call sent again', async () => {
		await run();
		const first = credentials.pinduoduoShopApi.accessToken;
		fake.expireAccessTokens();
		fake.clearRequests();
		const result = await run();
		expect(result.errorOf('PDD')).toBeUndefined();
		expect(fake.requests.map((r) => r.operation)).toEqual(['pdd.order.number.list.increment.get', 'pdd.pop.auth.token.refresh', 'pdd.order.number.list.increment.get']);
		expect(credentials.pinduoduoShopApi.accessToken).not.toBe(first);
		expect(credentialUpdates).toHaveLength(2);
	});

	it('a token past the expiry Pinduoduo gave is refreshed before any call', async () => {
		await run();
		credentials.pinduoduoShopApi.accessTokenExpiresAt = Date.now() - 1000;
		fake.clearRequests();
		await run();
		expect(fake.requests.map((r) => r.operation)).toEqual(['pdd.pop.auth.token.refresh', 'pdd.order.number.list.increment.get']);
	});

	it('no token and no code: a clear error naming the credential, and nothing sent', async () => {
		credentials.pinduoduoShopApi.authCode = '';
		const result = await run();
		expect(result.errorOf('PDD')?.message).toMatch(/Pinduoduo Shop \(拼多多\) API: no access token yet and no authorization code; authorise the app again/);
		expect(fake.requests).toHaveLength(0);
	});

	it('an expired token whose refresh token is gone: the refusal and what to do, no secret', async () => {
		await run();
		fake.expireAccessTokens();
		fake.dropRefreshTokens();
		const result = await run();
		const message = result.errorOf('PDD')?.message ?? '';
		expect(message).toMatch(/Pinduoduo refused the token request: 10000 参数错误: refresh_token不存在或已过期 — the refresh token; authorise the app again/);
		for (const secret of secrets()) expect(JSON.stringify(result.run)).not.toContain(secret);
	});

	it("the credential's Test (pdd.time.get) passes with the right keys, uses no code and no token", async () => {
		expect(await testCredential(new PinduoduoShopApi(), { ...credentials.pinduoduoShopApi, authCode: '' })).toBe('OK');
		expect(fake.requests.map((r) => r.operation)).toEqual(['pdd.time.get']);
	});

	it("the Test's rules (read by n8n with a dotted path) name a wrong secret: Pinduoduo answers 20004", async () => {
		const body = pddFormBody(signedPddForm({ type: 'pdd.time.get', clientId: CLIENT_ID, clientSecret: 'wrong-secret', accessToken: '', now: Date.now(), params: {} }));
		const reply = (await (await fetch(`${fake.baseUrl}/api/router`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).json()) as Record<string, unknown>;
		const get = (object: unknown, path: string) => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
		const rule = new PinduoduoShopApi().test.rules!.find((r) => r.type === 'responseSuccessBody' && get(reply, r.properties.key) === r.properties.value);
		expect(rule?.properties.message).toBe('Pinduoduo rejected the signature (20004): check the Client Secret');
	});
});

describe('Stock', () => {
	beforeEach(() => {
		fake.addGoods({
			goods_id: 600000000001,
			goods_name: 'T恤',
			is_onsale: 1,
			sku_list: [
				{ sku_id: 1000000000001, outer_id: 'TEE-W-M', sku_quantity: 12, reserve_quantity: 2, is_sku_onsale: 1, spec: '白色,M' },
				{ sku_id: 1000000000002, outer_id: '', sku_quantity: 4, reserve_quantity: 0, is_sku_onsale: 1, spec: '白色,L' },
			],
		});
		fake.addGoods({ goods_id: 600000000002, goods_name: '帽子', is_onsale: 0, sku_list: [{ sku_id: 1000000000003, outer_id: 'CAP-B', sku_quantity: 3, reserve_quantity: 0, is_sku_onsale: 0, spec: '黑色' }] });
	});

	it("Get Many reads every SKU of every goods (on and off the shelf) into Reorder Alert's inventory fields", async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', planning: { leadTimeDays: 10 } }), credentials)).output('PDD');
		expect(items.map((i) => [i.sku, i.warehouse, i.onHand, i.reserved])).toEqual([
			['TEE-W-M', 'default', 12, 2],
			['600000000001:1000000000002', 'default', 4, 0],
			['CAP-B', 'default', 3, 0],
		]);
		expect(items[0]).toMatchObject({ onOrder: 0, leadTimeDays: 10, packSize: 1, platform: 'pinduoduo', platformRef: { goodsId: '600000000001', skuId: '1000000000001' } });
	});

	it('Get Many by SKU codes asks by merchant code (outer_id); another warehouse than default is refused', async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: 'CAP-B, NOPE' }), credentials)).output('PDD');
		expect(items.map((i) => [i.sku, i.onHand])).toEqual([['CAP-B', 3]]);
		expect(fake.requests.filter((r) => r.operation === 'pdd.goods.list.get').map((r) => r.body.outer_id)).toEqual(['CAP-B', 'NOPE']);
		const refused = await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', warehouse: 'WH-SH' }), credentials);
		expect(refused.errorOf('PDD')?.message).toMatch(/one sellable stock; warehouse "WH-SH" does not exist/);
	});

	it('Set Quantity writes the absolute value once; the same write again finds it unchanged and sends nothing', async () => {
		const params = { resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', warehouse: '', quantity: 20, writeId: 'restock-tee' };
		expect((await runWorkflow(workflow(params), credentials)).output('PDD')[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 12, quantity: 20 });
		expect((await runWorkflow(workflow(params), credentials)).output('PDD')[0]).toMatchObject({ stockStatus: 'unchanged', previousQuantity: 20 });
		const update = fake.requests.filter((r) => r.operation === 'pdd.goods.quantity.update');
		expect(update.map((r) => [r.body.goods_id, r.body.sku_id, r.body.quantity, r.body.update_type])).toEqual([['600000000001', '1000000000001', '20', '1']]);
		expect(fake.stockOf('TEE-W-M')).toBe(20);
	});

	it('a SKU without a merchant code is set by <goods_id>:<sku_id>', async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: '600000000001:1000000000002', quantity: 9 }), credentials)).output('PDD');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 4, quantity: 9 });
	});

	it('a write applied whose answer was lost is not sent again: the stock read back is at the target → alreadyApplied', async () => {
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.body.type === 'pdd.goods.quantity.update' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40 }), credentials)).output('PDD');
		expect(items[0]).toMatchObject({ stockStatus: 'alreadyApplied', previousQuantity: 12, quantity: 40 });
		expect(fake.writes.filter((w) => w.kind === 'stock.set').map((w) => w.applied)).toEqual([true]);
		expect(fake.requests.filter((r) => r.operation === 'pdd.goods.quantity.update')).toHaveLength(1);
	});

	it('a write refused with a 5xx before it was applied is read back, found not applied, and sent once more', async () => {
		fake.failNext({ status: 502, body: 'bad gateway', match: (r) => r.body.type === 'pdd.goods.quantity.update' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40 }), credentials)).output('PDD');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', quantity: 40 });
		expect(fake.writes.filter((w) => w.kind === 'stock.set').map((w) => w.applied)).toEqual([true]);
		expect(fake.stockOf('TEE-W-M')).toBe(40);
	});

	it('compare-and-set: a stock that changed since it was read is not overwritten', async () => {
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40, expectedQuantity: '10' }), credentials);
		expect(result.errorOf('PDD')?.message).toMatch(/has 12 in stock, not 10 as expected/);
		expect(fake.writes).toHaveLength(0);
	});

	it('with Continue On Fail every input item comes out: bad ones with their error, the others written', async () => {
		const wf = workflow({ resource: 'stock', operation: 'setQuantity', sku: '={{ $json.sku }}', warehouse: '={{ $json.warehouse ?? "" }}', quantity: '={{ $json.quantity }}' }, {}, { onError: 'continueRegularOutput' }, [
			{ sku: 'TEE-W-M', quantity: 5 },
			{ sku: 'NOPE', quantity: 5 },
			{ sku: 'CAP-B', quantity: -1 },
			{ sku: 'CAP-B', warehouse: 'WH-1', quantity: 1 },
			{ sku: '', quantity: 1 },
			{ sku: 'CAP-B', quantity: 1 },
		]);
		const result = await runWorkflow(wf, credentials);
		const items = result.output('PDD');
		expect(items.map((i) => i.stockStatus)).toEqual(['applied', 'failed', 'failed', 'failed', 'failed', 'applied']);
		expect(String(items[1].error)).toMatch(/no SKU with the merchant code \(商家编码\) NOPE in the shop's goods \(code sku-not-found\)/);
		expect(String(items[2].error)).toMatch(/Item 2: Quantity is -1; expected a whole number ≥ 0/);
		expect(String(items[3].error)).toMatch(/warehouse "WH-1" does not exist/);
		expect(String(items[4].error)).toMatch(/Item 4: SKU is empty/);
		for (const secret of secrets()) expect(JSON.stringify(result.run)).not.toContain(secret);
	});
});

describe('limits and faults', () => {
	it('throttling (70031 调用过于频繁) and a 5xx are waited out and retried; reads lose nothing', async () => {
		const now = Date.now();
		for (let i = 0; i < 5; i++) fake.upsertOrder(fakeOrder(i, now - HOUR - i * 1000));
		const isFeed = (r: { body: Record<string, unknown> }) => r.body.type === 'pdd.order.number.list.increment.get';
		fake.failNext({ status: 200, body: { error_response: { error_code: 70031, error_msg: '调用过于频繁，请调整调用频率', sub_code: null, sub_msg: '' } }, match: isFeed });
		fake.failNext({ status: 502, body: 'bad gateway', match: isFeed });
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 90 * MINUTE).toISOString(), updatedBefore: new Date(now - 60 * MINUTE).toISOString() }), credentials);
		expect(result.output('PDD')).toHaveLength(5);
		expect(feedCalls().map((c) => c.fault ?? 'ok')).toEqual(['status 200', 'status 502', 'ok']);
	});

	it('the fake throttles more than its QPS and the node paces and retries until every page is read', async () => {
		await fake.close();
		fake = await startPinduoduoFake({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, authCodes: [AUTH_CODE], qps: 3 });
		credentials.pinduoduoShopApi.baseUrl = fake.baseUrl;
		credentials.pinduoduoShopApi.requestsPerSecond = 0; // the connector's 10/s: more than the fake's 3
		const now = Date.now();
		for (let i = 0; i < 3; i++) fake.upsertOrder(fakeOrder(i, now - 2 * HOUR + i * 30 * MINUTE));
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(now - 3 * HOUR).toISOString(), updatedBefore: new Date(now - 10 * MINUTE).toISOString() }), credentials);
		expect(result.errorOf('PDD')).toBeUndefined();
		expect(result.output('PDD')).toHaveLength(3);
		// More feed requests than distinct pages: the refused ones (70031) were sent again.
		const distinct = new Set(feedCalls().map((c) => `${c.body.start_updated_at}/${c.body.page}/${c.body.use_has_next}`)).size;
		expect(feedCalls().length).toBeGreaterThan(distinct);
	}, 60_000);

	it('a platform error becomes a node error with its code and what to do; nothing secret is in the run', async () => {
		fake.failNext({
			status: 200,
			body: { error_response: { error_code: 20031, error_msg: '用户没有授权访问此接口', sub_code: '20031', sub_msg: '该应用无此接口权限' } },
			match: (r) => r.body.type === 'pdd.order.number.list.increment.get',
		});
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - HOUR).toISOString() }), credentials);
		const error = result.errorOf('PDD') as Error & { description?: string };
		expect(error.message).toBe('Pinduoduo Shop (拼多多): 用户没有授权访问此接口: 该应用无此接口权限 (code 20031)');
		expect(error.description).toMatch(/权限包/);
		for (const secret of secrets()) expect(JSON.stringify(result.run)).not.toContain(secret);
	});

	it('the node has no Coupon resource: Pinduoduo has no API that gives a coupon to a chosen buyer', () => {
		const { PinduoduoShop } = jest.requireActual<typeof import('../../nodes/PinduoduoShop/PinduoduoShop.node')>('../../nodes/PinduoduoShop/PinduoduoShop.node');
		const resource = new PinduoduoShop().description.properties.find((p) => p.name === 'resource');
		expect((resource?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['order', 'stock']);
	});
});
