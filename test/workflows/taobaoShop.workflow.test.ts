/**
 * Taobao / Tmall Shop (淘宝/天猫) node inside n8n's execution engine (n8n-core WorkflowExecute,
 * in-process) against the fake TOP gateway (test/support/fakeShops/taobao.ts), which checks
 * every signature with its own implementation of the published recipe, the timestamp, the
 * session, the one-day window and the 90-day age, the page size, throttles in TOP's shape and
 * logs every write.
 */

import type { IDataObject } from 'n8n-workflow';

import { TaobaoShopApi } from '../../credentials/TaobaoShopApi.credentials';
import { orderSchema } from '../../nodes/lib/model';
import { topSign } from '../../nodes/lib/shop/platforms/taobao';
import { bigId, gmt8Ms, gmt8Text, startTaobaoFake, type TaobaoFake, type TaobaoFakeTrade } from '../support/fakeShops/taobao';
import { runWorkflow, testCredential, type TestCredentials } from '../support/n8n';
import { shopNodeWorkflow } from '../support/shopWorkflow';

const APP_KEY = '23456789';
const APP_SECRET = 'top-test-secret-5e4d3c2b1a09';
const SESSION = '6102a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f';
const DAY_MS = 86_400_000;
const CREDENTIAL = { taobaoShopApi: { id: 'cred-1', name: 'Taobao test shop' } };

let fake: TaobaoFake;
let credentials: TestCredentials;

beforeEach(async () => {
	fake = await startTaobaoFake({ appKey: APP_KEY, appSecret: APP_SECRET, sessionKey: SESSION });
	credentials = { taobaoShopApi: { appKey: APP_KEY, appSecret: APP_SECRET, accessToken: SESSION, shopType: 'taobao', signMethod: 'hmac-sha256', baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 0 } };
});

afterEach(async () => {
	await fake.close();
});

const secondsAgo = (ms: number) => Math.floor((Date.now() - ms) / 1000) * 1000;

function trade(n: number, modifiedMs: number, extra: Partial<TaobaoFakeTrade> = {}): TaobaoFakeTrade {
	return {
		tid: bigId('23', n),
		status: 'WAIT_SELLER_SEND_GOODS',
		payment: `${99 + (n % 7)}.50`,
		created: gmt8Text(modifiedMs - 600_000),
		modified: gmt8Text(modifiedMs),
		buyer_nick: 't**1',
		buyer_open_uid: `AAopen-${n % 37}`,
		orders: [{ oid: bigId('24', n), outer_sku_id: `SKU-${n % 5}`, num: 1, price: `${99 + (n % 7)}.50`, payment: `${99 + (n % 7)}.50` }],
		...extra,
	};
}
const tid = (n: number) => bigId('23', n);

const workflow = shopNodeWorkflow('Taobao', 'taobaoShop', CREDENTIAL);

const feedCalls = () => fake.requests.filter((r) => r.operation === 'taobao.trades.sold.increment.get');
const windowOf = (r: { body: Record<string, unknown> }) => ({ start: gmt8Ms(r.body.start_modified), end: gmt8Ms(r.body.end_modified) });

/** A request signed by hand (the published recipe), to show what the fake itself refuses. */
async function callFake(params: Record<string, string>): Promise<Record<string, Record<string, unknown>>> {
	const all = { ...params, app_key: APP_KEY, session: SESSION, timestamp: gmt8Text(Date.now()), format: 'json', v: '2.0', sign_method: 'md5' };
	const response = await fetch(fake.baseUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...all, sign: topSign(all, APP_SECRET, 'md5') }),
	});
	return (await response.json()) as Record<string, Record<string, unknown>>;
}

describe('Order → Get Many', () => {
	it('Since Last Run backfills in one-day windows, pages each back to front, and outputs each trade once', async () => {
		for (let i = 0; i < 130; i++) fake.upsertTrade(trade(i, secondsAgo(2 * DAY_MS - i * 60_000)));
		for (let i = 130; i < 140; i++) fake.upsertTrade(trade(i, secondsAgo(4 * DAY_MS - i * 1000)));
		fake.upsertTrade(trade(999, secondsAgo(30 * DAY_MS)));

		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 5 });
		const orders = (await runWorkflow(wf, credentials)).output('Taobao');

		expect(orders).toHaveLength(140);
		expect(new Set(orders.map((o) => o.orderId)).size).toBe(140);
		for (const order of orders) expect(orderSchema.safeParse(order).success).toBe(true);
		expect(orders[0]).toMatchObject({ platform: 'taobao', currency: 'CNY', customerId: expect.stringMatching(/^AAopen-/) });
		for (const call of feedCalls()) {
			const { start, end } = windowOf(call);
			expect(end - start).toBeLessThanOrEqual(DAY_MS);
			expect(call.body.page_size).toBe('50');
		}
		// The busy day: page 1 (to learn the total, 130 → 3 pages), then 3, 2, and 1 again.
		const pagesPerWindow = new Map<number, string[]>();
		for (const call of feedCalls()) pagesPerWindow.set(windowOf(call).start, [...(pagesPerWindow.get(windowOf(call).start) ?? []), String(call.body.page_no)]);
		expect([...pagesPerWindow.values()]).toContainEqual(['1', '3', '2', '1']);
		// [now − 5 days, now − 3 minutes of settling] in windows of at most a day: 4 whole days and the rest.
		expect(pagesPerWindow.size).toBe(5);
		expect(((wf.staticData as IDataObject)['node:Taobao'] as IDataObject).orderCursor).toEqual({ readUntil: expect.any(Number), scope: 'taobao:cred-1' });
	});

	it('the fake refuses a window one minute wider than a day, and one starting more than 90 days back', async () => {
		const end = Date.now() - 3_600_000;
		const ask = (start: number, until: number) => callFake({ method: 'taobao.trades.sold.increment.get', fields: 'tid', start_modified: gmt8Text(start), end_modified: gmt8Text(until), page_no: '1', page_size: '50' });
		expect((await ask(end - DAY_MS, end)).trades_sold_increment_get_response).toBeDefined();
		expect((await ask(end - DAY_MS - 60_000, end)).error_response).toMatchObject({ code: 41, sub_msg: '修改时间跨度不能大于一天' });
		expect((await ask(Date.now() - 91 * DAY_MS, Date.now() - 91 * DAY_MS + 3_600_000)).error_response).toMatchObject({ code: 41 });
	});

	it('a lookback beyond 90 days is cut to what TOP serves, and the output pane says so', async () => {
		fake.upsertTrade(trade(1, secondsAgo(10 * DAY_MS)));
		credentials.taobaoShopApi.requestsPerSecond = 100;
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 120 }), credentials);
		expect(result.errorOf('Taobao')).toBeUndefined();
		expect(result.output('Taobao')).toHaveLength(1);
		const hints = (result.run.data.resultData.runData.Taobao[0] as { hints?: Array<{ message: string }> }).hints ?? [];
		expect(hints.map((h) => h.message)).toContainEqual(expect.stringMatching(/serves orders only from the last 90 days/));
		const oldest = Math.min(...feedCalls().map((c) => windowOf(c).start));
		expect(Date.now() - oldest).toBeLessThan(90 * DAY_MS);
		expect(feedCalls().every((c) => c.status === 200 && !c.fault)).toBe(true);
	});

	it('the next run reads the overlap and what changed: an updated trade comes out with its new status', async () => {
		for (let i = 0; i < 20; i++) fake.upsertTrade(trade(i, secondsAgo(DAY_MS / 2 + i * 600_000)));
		const wf = workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 2, overlapMinutes: 10 });
		expect((await runWorkflow(wf, credentials)).output('Taobao')).toHaveLength(20);
		const cursor = ((wf.staticData as IDataObject)['node:Taobao'] as { orderCursor: { readUntil: number } }).orderCursor.readUntil;
		fake.upsertTrade(trade(3, Math.floor((cursor - 60_000) / 1000) * 1000, { status: 'TRADE_FINISHED' }));
		fake.clearRequests();
		const second = (await runWorkflow(wf, credentials)).output('Taobao');
		expect(second.map((o) => [o.orderId, o.status])).toEqual([[tid(3), 'completed']]);
		expect(feedCalls()).toHaveLength(1);
	});

	it('a trade updated while its window is being paged comes out exactly once, in its final state, and none is lost', async () => {
		const dayOne = Date.now() - 3 * DAY_MS;
		for (let i = 0; i < 130; i++) fake.upsertTrade(trade(i, Math.floor((dayOne + i * 60_000) / 1000) * 1000));
		let changed = false;
		fake.onPageServed = (pageNo) => {
			if (changed || pageNo !== 1) return;
			changed = true;
			// After the first page of the first window: trade 60 (on page 2) is shipped, a day later
			// than its window, still inside the range being read.
			fake.upsertTrade(trade(60, Math.floor((dayOne + DAY_MS + 3_600_000) / 1000) * 1000, { status: 'WAIT_BUYER_CONFIRM_GOODS' }));
		};
		const orders = (
			await runWorkflow(
				workflow({
					resource: 'order',
					operation: 'getMany',
					readMode: 'timeRange',
					updatedAfter: new Date(dayOne - 60_000).toISOString(),
					updatedBefore: new Date(dayOne + 2 * DAY_MS).toISOString(),
				}),
				credentials,
			)
		).output('Taobao');
		expect(changed).toBe(true);
		expect(orders).toHaveLength(130);
		expect(orders.filter((o) => o.orderId === tid(60))).toEqual([expect.objectContaining({ status: 'shipped', platformOrderStatus: 'WAIT_BUYER_CONFIRM_GOODS' })]);
	});

	it('a trade modified exactly on the boundary between two windows comes out once', async () => {
		const boundary = Math.floor((Date.now() - 2 * DAY_MS) / 1000) * 1000;
		fake.upsertTrade(trade(7, boundary));
		fake.upsertTrade(trade(8, boundary - 1000));
		fake.upsertTrade(trade(9, boundary + 1000));
		const orders = (
			await runWorkflow(
				workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(boundary - DAY_MS).toISOString(), updatedBefore: new Date(boundary + DAY_MS).toISOString() }),
				credentials,
			)
		).output('Taobao');
		expect(orders.map((o) => o.orderId).sort()).toEqual([tid(7), tid(8), tid(9)].sort());
		// Both windows asked for the boundary second (inclusive bounds meet on it).
		expect(feedCalls().map(windowOf)).toEqual([
			{ start: boundary - DAY_MS, end: boundary },
			{ start: boundary, end: boundary + DAY_MS },
		]);
	});

	it('raw output keeps the 19-digit tid and oid; a Tmall credential writes platform tmall', async () => {
		fake.upsertTrade(trade(1, secondsAgo(3_600_000)));
		credentials.taobaoShopApi.shopType = 'tmall';
		const params = { resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 7_200_000).toISOString() };
		const [raw] = (await runWorkflow(workflow({ ...params, outputFormat: 'raw' }), credentials)).output('Taobao');
		expect(raw.tid).toBe(tid(1));
		expect(((raw.orders as IDataObject).order as IDataObject[])[0].oid).toBe(bigId('24', 1));
		const [order] = (await runWorkflow(workflow(params), credentials)).output('Taobao');
		expect(order).toMatchObject({ orderId: tid(1), platform: 'tmall' });
	});
});

describe('limits, faults and the session', () => {
	it('7 App Call Limited (waited for its ban) and a 502 are retried; nothing is lost', async () => {
		for (let i = 0; i < 5; i++) fake.upsertTrade(trade(i, secondsAgo(3_600_000 + i * 1000)));
		const feed = (r: { body: Record<string, unknown> }) => r.body.method === 'taobao.trades.sold.increment.get';
		fake.failNext({ status: 200, body: { error_response: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-api-access-count', sub_msg: 'This ban will last for 1 more seconds' } }, match: feed });
		fake.failNext({ status: 502, body: 'bad gateway', match: feed });
		const started = Date.now();
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 7_200_000).toISOString() }), credentials);
		expect(result.output('Taobao')).toHaveLength(5);
		expect(feedCalls().map((c) => c.fault ?? 'ok')).toEqual(['status 200', 'status 502', 'ok']);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // the ban (1 s) plus a second
	});

	it("paces calls to the credential's Requests per Second: under the fake's limit nothing is throttled", async () => {
		await fake.close();
		fake = await startTaobaoFake({ appKey: APP_KEY, appSecret: APP_SECRET, sessionKey: SESSION, qps: 4 });
		credentials.taobaoShopApi = { ...credentials.taobaoShopApi, baseUrl: fake.baseUrl, requestsPerSecond: 3 };
		await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 6 }), credentials);
		expect(feedCalls().length).toBeGreaterThanOrEqual(6);
		expect(new Set(feedCalls().map((c) => c.body.start_modified)).size).toBe(feedCalls().length);
	});

	it('an expired session stops with an error that names the credential, and no secret is in the run', async () => {
		fake.expireSession();
		const result = await runWorkflow(workflow({ resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: new Date(Date.now() - 3_600_000).toISOString() }), credentials);
		const error = result.errorOf('Taobao') as Error & { description?: string };
		expect(error.message).toBe('Taobao / Tmall Shop (淘宝/天猫): Invalid session: SessionKey非法 (code 27 invalid-sessionkey)');
		expect(error.description).toMatch(/"Taobao \/ Tmall \(淘宝\/天猫\) API".*paste the new session key/);
		expect(feedCalls()).toHaveLength(1); // not retried: no refresh to try
		const text = JSON.stringify(result.run);
		for (const secret of [APP_SECRET, SESSION]) expect(text).not.toContain(secret);
	});

	it("the credential's Test passes with the right keys and fails, without the secret, with a wrong one", async () => {
		const good = { ...credentials.taobaoShopApi };
		expect(await testCredential(new TaobaoShopApi(), good)).toBe('OK');
		const refused = await testCredential(new TaobaoShopApi(), { ...good, appSecret: 'top-wrong-secret-000' });
		expect(refused).toBe('Taobao rejected the signature (25 Invalid Signature): check the App Secret and the Sign Method');
		expect(refused).not.toContain('top-wrong-secret-000');
		expect(fake.requests.map((r) => r.operation)).toEqual(['taobao.user.seller.get', 'taobao.user.seller.get']);
	});
});

describe('Stock', () => {
	beforeEach(() => {
		fake.items.set('600000000001', {
			num_iid: '600000000001',
			outer_id: 'TEE',
			num: 15,
			onSale: true,
			skus: [
				{ sku_id: '4000001', outer_id: 'TEE-W-M', quantity: 12, with_hold_quantity: 1 },
				{ sku_id: '4000002', outer_id: 'TEE-B-L', quantity: 3 },
			],
		});
		fake.items.set('600000000002', { num_iid: '600000000002', outer_id: 'MUG', num: 7, onSale: false, skus: [] });
	});

	it("Get Many reads every SKU (items on sale and in stock, then each item) into Reorder Alert's fields", async () => {
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', planning: { leadTimeDays: 10 } }), credentials)).output('Taobao');
		expect(items.map((i) => [i.sku, i.warehouse, i.onHand, i.reserved])).toEqual([
			['TEE-W-M', 'default', 12, 1],
			['TEE-B-L', 'default', 3, 0],
			['MUG', 'default', 7, 0],
		]);
		expect(items[0]).toMatchObject({ leadTimeDays: 10, platform: 'taobao', platformRef: { numIid: '600000000001', skuId: '4000001' } });
		const bySku = (await runWorkflow(workflow({ resource: 'stock', operation: 'getMany', skus: 'MUG, TEE-B-L, NOPE' }), credentials)).output('Taobao');
		expect(bySku.map((i) => [i.sku, i.onHand])).toEqual([
			['MUG', 7],
			['TEE-B-L', 3],
		]);
	});

	it('Set Quantity writes an absolute value once; the same write again is unchanged and not sent', async () => {
		const params = { resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', warehouse: '', quantity: 20 };
		expect((await runWorkflow(workflow(params), credentials)).output('Taobao')[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 12, quantity: 20 });
		expect((await runWorkflow(workflow(params), credentials)).output('Taobao')[0]).toMatchObject({ stockStatus: 'unchanged', previousQuantity: 20 });
		expect(fake.stockOf('TEE-W-M')).toBe(20);
		expect([...fake.appliedCountByKey('stock.set').values()]).toEqual([1]);
		const write = fake.requests.find((r) => r.operation === 'taobao.item.quantity.update')!;
		expect(write.body).toMatchObject({ num_iid: '600000000001', sku_id: '4000001', quantity: '20', type: '1' });
	});

	it('a write applied whose answer was lost is checked on the shop and not sent again', async () => {
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.body.method === 'taobao.item.quantity.update' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'MUG', quantity: 4 }), credentials)).output('Taobao');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', previousQuantity: 7, quantity: 4 });
		expect(fake.stockOf('MUG')).toBe(4);
		expect([...fake.appliedCountByKey('stock.set').values()]).toEqual([1]);
	});

	it('a write refused with a 5xx before it landed is checked, then sent again once', async () => {
		fake.failNext({ status: 503, body: 'unavailable', match: (r) => r.body.method === 'taobao.item.quantity.update' });
		const items = (await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'MUG', quantity: 4 }), credentials)).output('Taobao');
		expect(items[0]).toMatchObject({ stockStatus: 'applied', quantity: 4 });
		expect(fake.requests.filter((r) => r.operation === 'taobao.item.quantity.update').map((r) => r.fault ?? 'ok')).toEqual(['status 503', 'ok']);
		expect([...fake.appliedCountByKey('stock.set').values()]).toEqual([1]);
	});

	it('compare-and-set: a stock that changed since it was read is not overwritten', async () => {
		const result = await runWorkflow(workflow({ resource: 'stock', operation: 'setQuantity', sku: 'TEE-W-M', quantity: 40, expectedQuantity: '10' }), credentials);
		expect(result.errorOf('Taobao')?.message).toMatch(/the stock of TEE-W-M is 12, not 10/);
		expect(fake.writes).toHaveLength(0);
	});

	it('Continue On Fail: every input item comes out, bad ones with a clear reason', async () => {
		const wf = workflow({ resource: 'stock', operation: 'setQuantity', sku: '={{ $json.sku }}', warehouse: '={{ $json.warehouse ?? "" }}', quantity: '={{ $json.quantity }}' }, {}, { onError: 'continueRegularOutput' }, [
			{ sku: 'TEE-B-L', quantity: 5 },
			{ sku: 'NOPE', quantity: 5 },
			{ sku: 'MUG', quantity: -1 },
			{ sku: '', quantity: 1 },
			{ sku: 'MUG', warehouse: 'WH-2', quantity: 1 },
			{ sku: 'MUG', quantity: 1 },
		]);
		const items = (await runWorkflow(wf, credentials)).output('Taobao');
		expect(items.map((i) => i.stockStatus)).toEqual(['applied', 'failed', 'failed', 'failed', 'failed', 'applied']);
		expect(String(items[1].error)).toMatch(/no SKU or item with the merchant code \(商家编码\) NOPE/);
		expect(String(items[2].error)).toMatch(/Item 2: Quantity is -1; expected a whole number ≥ 0/);
		expect(String(items[3].error)).toMatch(/Item 3: SKU is empty/);
		expect(String(items[4].error)).toMatch(/warehouse "WH-2" is not read/);
		expect(JSON.stringify(items)).not.toContain(SESSION);
	});
});

describe('Coupon → Issue', () => {
	const coupon = (customerId: string, extra: IDataObject = {}) => ({
		customerId,
		tier: 'vip',
		couponStatus: 'issued',
		couponCode: `VIP-${customerId}`,
		coupon: {
			code: `VIP-${customerId}`,
			kind: 'spendThreshold',
			description: '满200减20',
			amount: null,
			percent: null,
			cap: null,
			threshold: 200,
			reduction: 20,
			minimumSpend: null,
			birthdayBonus: null,
			faceValue: 20,
			currency: 'CNY',
			validFrom: '2026-12-01T00:00:00+08:00',
			validUntil: '2026-12-14T23:59:59+08:00',
			campaignId: 'winter-2026',
			period: '2026-12',
			...extra,
		},
	});
	const buyers = ['nick:买家甲', 'nick:买家乙', 'tb_buyer_c', 'tb_buyer_d'];
	const nickOf = (id: string) => id.replace(/^nick:/, '');

	/** The items stand for Coupon Tier's output. */
	const couponWorkflow = (items: IDataObject[], continueOnFail = false) =>
		workflow({ resource: 'coupon', operation: 'issue' }, {}, continueOnFail ? { onError: 'continueRegularOutput' } : {}, items);
	const sendsPerBuyer = () => [...fake.appliedCountByKey('coupon.send').values()];

	it('one shop coupon for the terms, sent once per buyer; a second run is alreadyIssued and sends nothing', async () => {
		const items = buyers.map((b) => coupon(b));
		const first = (await runWorkflow(couponWorkflow(items), credentials)).output('Taobao');
		expect(first.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(first[0]).toMatchObject({ platform: 'taobao', couponCode: 'VIP-nick:买家甲', platformCouponId: expect.any(String) });
		// One shop coupon for December (14 days valid): from the first run's day to 31 December + 13 days.
		expect([...fake.coupons.values()]).toEqual([{ coupon_id: expect.any(String), denominations: 20, condition: 200, start_time: '2026-12-01 00:00:00', end_time: '2027-01-13 23:59:59' }]);
		expect(fake.holdings.map((h) => h.buyer_nick)).toEqual(buyers.map(nickOf));
		// One coupon.send for the four buyers (≤ 100 a call).
		expect(fake.requests.filter((r) => r.operation === 'taobao.promotion.coupon.send')).toHaveLength(1);

		const second = (await runWorkflow(couponWorkflow(items), credentials)).output('Taobao');
		expect(second.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		expect(sendsPerBuyer()).toEqual([1, 1, 1, 1]);
		expect([...fake.appliedCountByKey('coupon.add').values()]).toEqual([1]);
	});

	/** Coupon Tier's coupon for a campaign run on `date` (YYYY-MM-DD): its dates start that day, 14 days valid. */
	const onDay = (date: string, customerId: string) => {
		const until = new Date(Date.parse(`${date}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
		return coupon(customerId, { validFrom: `${date}T00:00:00+08:00`, validUntil: `${until}T23:59:59+08:00`, period: date.slice(0, 7) });
	};

	it('a monthly campaign scheduled daily: the next days find the month\'s shop coupon and send nobody a second; a buyer new that day gets one', async () => {
		await runWorkflow(couponWorkflow(buyers.slice(0, 3).map((b) => onDay('2026-12-01', b))), credentials);
		const secondDay = (await runWorkflow(couponWorkflow(buyers.slice(0, 3).map((b) => onDay('2026-12-02', b))), credentials)).output('Taobao');
		expect(secondDay.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued']);
		const lateInMonth = (await runWorkflow(couponWorkflow(buyers.map((b) => onDay('2026-12-31', b))), credentials)).output('Taobao');
		expect(lateInMonth.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'alreadyIssued', 'issued']);
		// One shop coupon (Taobao allows at most 50 valid ones): the last buyer, sent it on 31 December, has 14 days.
		expect([...fake.coupons.values()].map((c) => [c.start_time, c.end_time])).toEqual([['2026-12-01 00:00:00', '2027-01-13 23:59:59']]);
		expect(sendsPerBuyer()).toEqual([1, 1, 1, 1]);
	});

	it('a buyer whose tier changed within the month keeps the one coupon of the period: no second shop coupon is sent', async () => {
		await runWorkflow(couponWorkflow(buyers.slice(0, 2).map((b) => onDay('2026-12-01', b))), credentials);
		// On the 10th the first buyer has moved to a lower tier (10 yuan off 99); the second is still VIP.
		const active = (b: string) => {
			const item = onDay('2026-12-10', b);
			return { ...item, tier: 'active', coupon: { ...item.coupon, kind: 'fixedAmount', amount: 10, threshold: null, reduction: null, minimumSpend: 99, faceValue: 10, description: '满99减10' } };
		};
		const tenth = (await runWorkflow(couponWorkflow([active(buyers[0]), onDay('2026-12-10', buyers[1]), active(buyers[2])]), credentials)).output('Taobao');
		expect(tenth.map((i) => i.issueStatus)).toEqual(['alreadyIssued', 'alreadyIssued', 'issued']);
		expect(String(tenth[0].issueMessage)).toMatch(/another tier's/);
		// The third buyer, new on the 10th, got the lower tier's coupon; nobody holds two.
		expect(fake.holdings.map((h) => h.buyer_nick).sort()).toEqual(buyers.slice(0, 3).map(nickOf).sort());
		expect(sendsPerBuyer()).toEqual([1, 1, 1]);
	});

	it('a new month is a new period: a new shop coupon, sent once to each buyer', async () => {
		await runWorkflow(couponWorkflow(buyers.map((b) => onDay('2026-12-20', b))), credentials);
		const january = (await runWorkflow(couponWorkflow(buyers.map((b) => onDay('2027-01-05', b))), credentials)).output('Taobao');
		expect(january.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect([...fake.coupons.values()].map((c) => [c.start_time, c.end_time])).toEqual([
			['2026-12-20 00:00:00', '2027-01-13 23:59:59'],
			['2027-01-05 00:00:00', '2027-02-13 23:59:59'],
		]);
		expect(fake.holdings).toHaveLength(8);
	});

	it('a send whose answer was lost after it landed is checked buyer by buyer: every coupon exactly once', async () => {
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.body.method === 'taobao.promotion.coupon.send' });
		const out = (await runWorkflow(couponWorkflow(buyers.map((b) => coupon(b))), credentials)).output('Taobao');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(String(out[0].issueMessage)).toMatch(/checked after a lost answer/);
		expect(sendsPerBuyer()).toEqual([1, 1, 1, 1]);
		await runWorkflow(couponWorkflow(buyers.map((b) => coupon(b))), credentials);
		expect(sendsPerBuyer()).toEqual([1, 1, 1, 1]);
	});

	it('throttling and a 5xx before the send landed: checked, then sent once', async () => {
		fake.failNext({ status: 200, body: { error_response: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-api-access-count', sub_msg: 'This ban will last for 0 more seconds' } }, match: (r) => r.body.method === 'taobao.promotion.coupon.send' });
		fake.failNext({ status: 502, body: 'bad gateway', match: (r) => r.body.method === 'taobao.promotion.coupon.send' });
		const out = (await runWorkflow(couponWorkflow(buyers.map((b) => coupon(b))), credentials)).output('Taobao');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(fake.requests.filter((r) => r.operation === 'taobao.promotion.coupon.send').map((r) => r.fault ?? 'ok')).toEqual(['status 200', 'status 502', 'ok']);
		expect(sendsPerBuyer()).toEqual([1, 1, 1, 1]);
	});

	it('a 5xx, then an answer lost after the resend landed: each checked on the shop, every coupon exactly once', async () => {
		const isSend = (r: { body: Record<string, unknown> }) => r.body.method === 'taobao.promotion.coupon.send';
		fake.failNext({ status: 503, body: 'unavailable', match: isSend });
		fake.failNext({ dropConnection: true, afterHandling: true, match: isSend });
		const out = (await runWorkflow(couponWorkflow(buyers.map((b) => coupon(b))), credentials)).output('Taobao');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(fake.requests.filter((r) => r.operation === 'taobao.promotion.coupon.send').map((r) => r.fault ?? 'ok')).toEqual(['status 503', 'dropped']);
		expect(sendsPerBuyer()).toEqual([1, 1, 1, 1]);
	});

	it('a lost answer to creating the shop coupon: found by its terms, not created twice', async () => {
		fake.failNext({ dropConnection: true, afterHandling: true, match: (r) => r.body.method === 'taobao.promotion.coupon.add' });
		const out = (await runWorkflow(couponWorkflow(buyers.map((b) => coupon(b))), credentials)).output('Taobao');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'issued', 'issued', 'issued']);
		expect(fake.coupons.size).toBe(1);
	});

	it('Continue On Fail: a value Taobao cannot say, a non-member, a trade-only buyer and a percentage fail with reasons', async () => {
		fake.nonMembers.add('买家乙');
		const items = [coupon('nick:买家甲'), coupon('nick:买家乙'), coupon('taobao-order:230000000000000001'), coupon('tb_buyer_d', { reduction: 30 }), coupon('tb_buyer_e', { kind: 'percentage', percent: 10 })];
		const out = (await runWorkflow(couponWorkflow(items, true), credentials)).output('Taobao');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'failed', 'failed', 'failed', 'failed']);
		expect(String(out[1].error)).toMatch(/该买家不是店铺会员/);
		expect(String(out[2].error)).toMatch(/no Taobao buyer/);
		expect(String(out[3].error)).toMatch(/can only be worth 3, 5, 10, 20, 50, 100 yuan; this coupon is worth 30 yuan/);
		expect(String(out[4].error)).toMatch(/percentage coupon/);
		expect(out).toHaveLength(items.length);
		expect(JSON.stringify(out)).not.toContain(SESSION);
	});

	it('without the lookup of what a buyer holds (coupondetail.get retired), nothing is sent rather than risk a second coupon', async () => {
		fake.couponDetailOffline = true;
		const result = await runWorkflow(couponWorkflow([coupon('tb_buyer_c')]), credentials);
		expect(result.errorOf('Taobao')?.message).toMatch(/no coupon was sent/);
		expect(fake.writes.filter((w) => w.kind === 'coupon.send')).toHaveLength(0);
	});

	it('bad input items are named; no secret is in the run', async () => {
		const result = await runWorkflow(couponWorkflow([coupon('tb_buyer_c'), { customerId: 'x', coupon: { code: 'C' } }], true), credentials);
		const out = result.output('Taobao');
		expect(out.map((i) => i.issueStatus)).toEqual(['issued', 'failed']);
		expect(String(out[1].error)).toMatch(/Item 1: field "coupon.kind"/);
		const text = JSON.stringify(result.run);
		for (const secret of [APP_SECRET, SESSION]) expect(text).not.toContain(secret);
	});
});


