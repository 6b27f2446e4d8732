/**
 * Youzan: the token and API request forms against requests recorded from youzan/open-sdk-node
 * (test/reference/shop/youzan_vectors.json, copied from shared/data/platform-signing), the
 * answer shapes of the gateway, trades.sold.get 4.0.4 orders in the model (every one checked
 * with orderSchema), stock from item.get, and the coupon activity body.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { orderSchema } from '../../../../nodes/lib/model';
import { couponTermsSchema } from '../../../../nodes/lib/shop';
import {
	activityIdOf,
	activityTitle,
	apiPath,
	expiresAtOf,
	formatWallClock,
	isQuotaRefusal,
	modelStatus,
	parseWallClock,
	quantityUpdateParams,
	readTokenAnswer,
	readYouzanBody,
	searchRowsOf,
	silentTokenBody,
	stockLevelsOfItem,
	takenCouponIdOf,
	toYouzanOrder,
	TOKEN_PATH,
	tradesSoldGetParams,
	voucherActivityParams,
} from '../../../../nodes/lib/shop/platforms/youzan';
import { youzanOrder } from '../../../support/fakeShops/youzan';

interface Vector {
	id: string;
	input: { kind: 'token' | 'api'; body?: Record<string, unknown>; api?: string; version?: string; token?: string; params?: Record<string, unknown> };
	expected: { method: string; path: string; query?: Record<string, string> };
	sdk_request: { url: string; headers: Record<string, string>; json_body: Record<string, unknown> };
}
const vectors = (
	JSON.parse(readFileSync(path.join(__dirname, '../../../reference/shop/youzan_vectors.json'), 'utf8')) as { vectors: Vector[] }
).vectors;

describe('requests as youzan/open-sdk-node sends them', () => {
	it('Y1: the silent token request of a self-use app is the SDK body, grant_id a number', () => {
		const y1 = vectors.find((v) => v.id === 'Y1')!;
		const body = silentTokenBody({ clientId: 'yz-holdout-client-id', clientSecret: 'yz-holdout-client-secret', grantId: '110' });
		expect(body).toEqual(y1.sdk_request.json_body);
		expect(TOKEN_PATH).toBe(y1.expected.path);
		expect(y1.sdk_request.headers['Content-type']).toBe('application/json;charset=UTF-8');
	});

	it('Y4: an API call is POST /api/{api}/{version} with the token only in the query string and the params as the JSON body', () => {
		const y4 = vectors.find((v) => v.id === 'Y4')!;
		expect(apiPath(y4.input.api!, y4.input.version!)).toBe(y4.expected.path);
		expect(`${apiPath(y4.input.api!, y4.input.version!)}?access_token=${y4.input.token}`).toBe(y4.sdk_request.url);
		expect(y4.expected.query).toEqual({ access_token: y4.input.token });
		expect(y4.sdk_request.json_body).toEqual(y4.input.params);
	});

	it('reads the token answer: expires is an absolute ms epoch; a refusal keeps Youzan\'s code and message', () => {
		const now = Date.parse('2026-03-01T00:00:00Z');
		expect(readTokenAnswer({ success: true, code: 200, data: { access_token: 'T', expires: 1_773_000_000_000, refresh_token: 'R' } }, now)).toEqual({
			ok: true,
			accessToken: 'T',
			expiresAt: 1_773_000_000_000,
			refreshToken: 'R',
		});
		expect(readTokenAnswer({ success: false, code: 1103, data: null, message: 'Client 不存在' }, now)).toEqual({ ok: false, code: '1103', message: 'Client 不存在' });
		// Defensive readings of an expiry that cannot be an ms epoch.
		expect(expiresAtOf(1_773_000_000, now)).toBe(1_773_000_000_000);
		expect(expiresAtOf(604_800, now)).toBe(now + 604_800_000);
	});
});

describe('answers', () => {
	it('success, business error, gateway token errors, throttling, legacy shapes — all with HTTP 200', () => {
		expect(readYouzanBody(200, { code: 200, success: true, message: 'successful', data: { x: 1 } })).toEqual({ kind: 'ok', data: { x: 1 } });
		expect(readYouzanBody(200, { code: 102570020, success: false, message: '订单没有可发货的商品', data: null })).toEqual({
			kind: 'error',
			code: '102570020',
			message: '订单没有可发货的商品',
		});
		for (const code of [4201, 4202, 4203]) {
			expect(readYouzanBody(200, { gw_err_resp: { err_code: code, err_msg: 'x' } }).kind).toBe('tokenRejected');
		}
		expect(readYouzanBody(200, { gw_err_resp: { err_code: 4101, err_msg: '请求过于频繁' } })).toMatchObject({ kind: 'throttled', waitMs: 3000 });
		expect(readYouzanBody(200, { code: 123000042, success: false, message: '请求被限流' }).kind).toBe('throttled');
		expect(readYouzanBody(200, { gw_err_resp: { err_code: 4204, err_msg: '无权限' } })).toMatchObject({ kind: 'error', code: '4204' });
		expect(readYouzanBody(200, { response: { a: 1 } })).toEqual({ kind: 'ok', data: { a: 1 } });
		expect(readYouzanBody(200, { error_response: { code: 50000, msg: 'bad' } })).toEqual({ kind: 'error', code: '50000', message: 'bad' });
		expect(readYouzanBody(200, { code: 200, success: true, data: { is_success: false, message: 'no' } })).toMatchObject({ kind: 'error', message: 'no' });
		expect(readYouzanBody(502, 'Bad Gateway').kind).toBe('unavailable');
	});
});

describe('orders (trades.sold.get 4.0.4)', () => {
	it('asks for one page of a window in Beijing wall-clock time, start rounded down and end up to the second', () => {
		const window = { start: Date.parse('2026-03-01T01:30:00.250Z'), end: Date.parse('2026-03-31T01:30:00.250Z') };
		expect(tradesSoldGetParams(window, 3)).toEqual({ start_update: '2026-03-01 09:30:00', end_update: '2026-03-31 09:30:01', page_no: 3, page_size: 100 });
		expect(parseWallClock('2026-03-01 09:30:00')).toBe(Date.parse('2026-03-01T01:30:00Z'));
		expect(formatWallClock(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
	});

	it('maps a paid multi-line order: amount = pay_info.payment (yuan text, exact), unit price = line payment / num, buyer = yz_open_id', () => {
		const order = toYouzanOrder(
			{
				full_order_info: youzanOrder({
					tid: 'E20260301093000001',
					created: '2026-03-01 09:30:00',
					updated: '2026-03-01 10:00:05',
					buyer: 'yzo-abc',
					payment: '206.90',
					postFee: '10.00',
					lines: [
						{ sku: 'TEE-WHITE-M', num: 2, price: '59.90', payment: '99.80' },
						{ sku: 'CAP-RED', num: 1, price: '99.00', payment: '97.10' },
					],
				}),
			},
			'Asia/Shanghai',
		);
		expect(order).toEqual({
			orderId: 'E20260301093000001',
			customerId: 'yzo-abc',
			platform: 'youzan',
			createdAt: '2026-03-01T09:30:00+08:00',
			status: 'paid',
			currency: 'CNY',
			amount: 206.9,
			refundedAmount: 0,
			lines: [
				{ sku: 'TEE-WHITE-M', quantity: 2, unitPrice: 49.9 },
				{ sku: 'CAP-RED', quantity: 1, unitPrice: 97.1 },
			],
			channel: 'wechat_mini_program',
			updatedAt: '2026-03-01T10:00:05+08:00',
			platformOrderStatus: 'WAIT_SELLER_SEND_GOODS',
		});
		expect(orderSchema.safeParse(order).success).toBe(true);
	});

	it.each([
		['WAIT_BUYER_PAY', 0, 'pending'],
		['TRADE_PAID', 0, 'paid'],
		['WAIT_CONFIRM', 0, 'paid'],
		['WAIT_SELLER_SEND_GOODS', 0, 'paid'],
		['WAIT_BUYER_CONFIRM_GOODS', 0, 'shipped'],
		['TRADE_SUCCESS', 0, 'completed'],
		['TRADE_CLOSED', 0, 'cancelled'],
		['TRADE_CLOSE', 0, 'cancelled'],
		['TRADE_SUCCESS', 2, 'partially_refunded'],
		['WAIT_BUYER_CONFIRM_GOODS', 1, 'shipped'],
		['TRADE_CLOSED', 12, 'refunded'],
		['WAIT_SELLER_SEND_GOODS', 11, 'paid'],
	])('status %s with refund_state %i → %s', (status, refundState, expected) => {
		const order = toYouzanOrder(youzanOrder({ tid: 'T1', status, refundState, created: '2026-03-01 09:30:00' }), 'Asia/Shanghai');
		expect(order.status).toBe(expected);
		expect(orderSchema.safeParse(order).success).toBe(true);
	});

	it('an unknown status falls back on whether the order was paid, and keeps the raw status', () => {
		expect(modelStatus('SOMETHING_NEW', 0, true)).toBe('paid');
		expect(modelStatus('SOMETHING_NEW', 0, false)).toBe('pending');
	});

	it('a full refund refunds the whole payment; a partial one is written as 0 (4.0.4 has no refund amount)', () => {
		const full = toYouzanOrder(youzanOrder({ tid: 'R1', status: 'TRADE_CLOSED', refundState: 12, payment: '88.80', created: '2026-03-01 09:30:00' }), 'Asia/Shanghai');
		expect(full).toMatchObject({ status: 'refunded', amount: 88.8, refundedAmount: 88.8, platformOrderStatus: 'TRADE_CLOSED/refund_state:12' });
		const partial = toYouzanOrder(youzanOrder({ tid: 'R2', status: 'TRADE_SUCCESS', refundState: 2, created: '2026-03-01 09:30:00' }), 'Asia/Shanghai');
		expect(partial).toMatchObject({ status: 'partially_refunded', refundedAmount: 0 });
	});

	it('a guest order (no yz_open_id) gets customerId guest:<tid>; a WeChat Channels order is channel wechat_channels', () => {
		const order = toYouzanOrder(youzanOrder({ tid: 'G1', buyer: null, entrance: 'wx_video', created: '2026-03-01 09:30:00' }), 'Asia/Shanghai');
		expect(order.customerId).toBe('guest:G1');
		expect(order.channel).toBe('wechat_channels');
		expect(orderSchema.safeParse(order).success).toBe(true);
	});

	it('writes timestamps in the chosen zone (UTC here) from Beijing wall-clock text', () => {
		const order = toYouzanOrder(youzanOrder({ tid: 'Z1', created: '2026-03-01 09:30:00' }), 'UTC');
		expect(order.createdAt).toBe('2026-03-01T01:30:00+00:00');
	});

	it('refuses a payload without tid or with an unreadable time', () => {
		expect(() => toYouzanOrder({ order_info: {} }, 'Asia/Shanghai')).toThrow(/tid/);
		expect(() => toYouzanOrder(youzanOrder({ tid: 'B1', created: '2026年3月1日' }), 'Asia/Shanghai')).toThrow(/created/);
	});
});

describe('stock (item.get 3.0.0)', () => {
	it('one level per SKU, the SKU code from skus[].item_no; an item without variants uses its own item_no', () => {
		expect(
			stockLevelsOfItem({ item: { item_id: 11, item_no: 'TEE', quantity: 7, skus: [{ sku_id: 21, item_no: 'TEE-M', quantity: 3 }, { sku_id: 22, item_no: '', quantity: 4 }] } }),
		).toEqual([
			{ sku: 'TEE-M', warehouse: 'default', onHand: 3, reserved: 0, onOrder: 0, platformRef: { itemId: '11', skuId: '21' } },
			{ sku: '11:22', warehouse: 'default', onHand: 4, reserved: 0, onOrder: 0, platformRef: { itemId: '11', skuId: '22' } },
		]);
		const [single] = stockLevelsOfItem({ item: { item_id: 12, item_no: 'MUG', quantity: 9, skus: [] } });
		expect(single).toMatchObject({ sku: 'MUG', onHand: 9, platformRef: { itemId: '12' } });
		expect(quantityUpdateParams(single, 5)).toEqual({ item_id: 12, quantity: 5, type: 0 });
	});
});

describe('coupons', () => {
	const terms = (extra: Record<string, unknown>) =>
		couponTermsSchema.parse({
			code: 'VIP-7K2M9Q',
			kind: 'fixedAmount',
			amount: 20,
			currency: 'CNY',
			validFrom: '2026-03-01T00:00:00+08:00',
			validUntil: '2026-03-31T23:59:59+08:00',
			campaignId: 'spring-2026',
			...extra,
		});

	it('a fixed amount: preferential_type 1, value in yuan, quota 1 per customer, validity in Beijing time', () => {
		const plan = voucherActivityParams(terms({ minimumSpend: 100 }));
		expect(plan).toEqual({
			params: {
				title: activityTitle(terms({ minimumSpend: 100 })),
				description: 'Campaign spring-2026',
				quota: 1,
				total: 100_000,
				range_type: 'ALL',
				is_share: 0,
				is_at_least: 1,
				at_least: 100,
				date_type: 1,
				start_at: '2026-03-01 00:00:00',
				end_at: '2026-03-31 23:59:59',
				preferential_type: 1,
				value: 20,
			},
		});
	});

	it('one title per campaign and terms, not per customer or code; different terms, different title', () => {
		expect(activityTitle(terms({ code: 'OTHER-CODE' }))).toBe(activityTitle(terms({})));
		expect(activityTitle(terms({ amount: 30 }))).not.toBe(activityTitle(terms({})));
		expect(activityTitle(terms({})).length).toBeLessThanOrEqual(20);
	});

	it('a percentage: discount = what is paid (15 % off → 85, i.e. 8.5折); a cap or a fraction cannot be said', () => {
		expect(voucherActivityParams(terms({ kind: 'percentage', amount: null, percent: 15 }))).toMatchObject({ params: { preferential_type: 2, discount: 85 } });
		expect(voucherActivityParams(terms({ kind: 'percentage', amount: null, percent: 15, cap: 50 }))).toHaveProperty('unsupported');
		expect(voucherActivityParams(terms({ kind: 'percentage', amount: null, percent: 12.5 }))).toHaveProperty('unsupported');
		expect(voucherActivityParams(terms({ currency: 'USD' }))).toHaveProperty('unsupported');
	});

	it('reads ids from the answers and recognises a refusal by the per-customer quota', () => {
		expect(activityIdOf({ id: 2507415 })).toBe('2507415');
		expect(activityIdOf({ promocard: { group_id: 9 } })).toBe('9');
		expect(searchRowsOf({ coupons: [{ group_id: 1, title: 'CO-a' }] })).toEqual([{ id: '1', title: 'CO-a' }]);
		expect(takenCouponIdOf({ coupon_type: 'PROMOCARD', promocard: { promocard_id: 77 } })).toBe('77');
		expect(isQuotaRefusal('每人限领1张，已达领取上限')).toBe(true);
		expect(isQuotaRefusal('该用户不满足领取条件')).toBe(false);
	});
});
