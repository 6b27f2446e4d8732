/**
 * Douyin Shop signing against vectors made by running the SDKs' own signing code
 * (test/reference/shop/douyin_vectors.json, copied from shared/data/platform-signing:
 * zsmhub/doudian-sdk Go, minibear2021/doudian Python), and orders mapped into the model.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { orderSchema } from '../../../../nodes/lib/model';
import { JsonInteger } from '../../../../nodes/lib/shop/json/bigIntegers';
import {
	canonicalParamJson,
	douyinOrderToModel,
	douyinPath,
	douyinSign,
	douyinSignString,
	douyinTimestamp,
	type DouyinShopOrder,
} from '../../../../nodes/lib/shop/platforms/douyin';

interface Vector {
	id: string;
	provenance: string;
	input: {
		app_key: string;
		app_secret: string;
		method: string;
		params?: Record<string, unknown>;
		json_style?: string;
		timestamp: string;
		sign_method: 'hmac-sha256' | 'md5';
	};
	param_json: string;
	sign_string?: string;
	expected: string;
}

// Python's json keeps 12345678901234567 exact; JavaScript cannot, so that one id is rebuilt from its digits.
const vectors = (JSON.parse(readFileSync(path.join(__dirname, '../../../reference/shop/douyin_vectors.json'), 'utf8')) as { vectors: Vector[] }).vectors;
const byId = (id: string) => vectors.find((v) => v.id === id)!;
const withBigInt = (params: Record<string, unknown>) => ('big_int' in params ? { ...params, big_int: new JsonInteger('12345678901234567') } : params);

describe('Douyin Shop signing (zsmhub/doudian-sdk Go SDK, run)', () => {
	it.each(['D1', 'D2', 'D3', 'D4'])('%s: param_json and sign as the Go SDK produced them', (id) => {
		const v = byId(id);
		const paramJson = canonicalParamJson(withBigInt(v.input.params ?? {}));
		expect(paramJson).toBe(v.param_json);
		const input = { appKey: v.input.app_key, appSecret: v.input.app_secret, method: v.input.method, paramJson, timestamp: v.input.timestamp, signMethod: v.input.sign_method };
		if (v.sign_string) expect(douyinSignString(input)).toBe(v.sign_string);
		expect(douyinSign(input)).toBe(v.expected);
	});

	it('the timestamp of D1 (Unix seconds, the Go SDK form the node sends) is 1700000000 for 2023-11-14T22:13:20Z', () => {
		expect(douyinTimestamp(Date.UTC(2023, 10, 14, 22, 13, 20), 'unixSeconds')).toBe('1700000000');
	});
});

describe('the Python SDK (minibear2021/doudian, run) signs the same recipe over other texts', () => {
	it.each(['D5', 'D6', 'D7'])('%s: the recipe reproduces its sign from its own param_json and timestamp', (id) => {
		const v = byId(id);
		expect(
			douyinSign({ appKey: v.input.app_key, appSecret: v.input.app_secret, method: v.input.method, paramJson: v.param_json, timestamp: v.input.timestamp, signMethod: v.input.sign_method }),
		).toBe(v.expected);
	});

	it('D5 differs from D1 only in the texts: Beijing "yyyy-MM-dd HH:mm:ss" for the same instant, \\u-escaped Chinese', () => {
		expect(douyinTimestamp(1_700_000_000_000, 'beijingDateTime')).toBe('2023-11-15 06:13:20');
		expect(byId('D5').input.timestamp).toBe('2023-11-15 06:13:20');
		expect(byId('D5').param_json).not.toBe(byId('D1').param_json);
		expect(JSON.parse(byId('D5').param_json)).toEqual(JSON.parse(byId('D1').param_json));
	});

	it('D8 (laravel-doudian, md5 without sign_method, read not run) follows the same recipe', () => {
		const v = byId('D8');
		expect(douyinSign({ appKey: v.input.app_key, appSecret: v.input.app_secret, method: v.input.method, paramJson: v.param_json, timestamp: v.input.timestamp, signMethod: 'md5' })).toBe(v.expected);
	});

	it('maps methods to paths', () => {
		expect(douyinPath('order.searchList')).toBe('/order/searchList');
		expect(douyinPath('sku.syncStock')).toBe('/sku/syncStock');
	});
});

describe('Douyin orders in the commerce model (fields: Go SDK api/order_searchList/response)', () => {
	const base: DouyinShopOrder = {
		order_id: '6920000000000000001',
		order_status: 2,
		order_status_desc: '备货中',
		create_time: 1_764_640_800, // 2025-12-02T02:00:00Z = 10:00 Beijing
		update_time: 1_764_641_400,
		pay_amount: 12_300,
		doudian_open_id: 'dy_buyer_1',
		sku_order_list: [
			{ code: 'TEE-W-M', item_num: 2, origin_amount: 5_000, pay_amount: 9_000, theme_type: '1', room_id: '7300000000000000000' },
			{ code: 'CAP-B', item_num: 1, origin_amount: 3_300, pay_amount: 3_300 },
		],
	};

	it('maps a paid live-room order: fen to yuan, Unix seconds to Beijing time, the buyer, the lines', () => {
		const order = douyinOrderToModel(base, 'Asia/Shanghai');
		expect(order).toEqual({
			orderId: '6920000000000000001',
			customerId: 'dy_buyer_1',
			platform: 'douyin',
			createdAt: '2025-12-02T10:00:00+08:00',
			updatedAt: '2025-12-02T10:10:00+08:00',
			status: 'paid',
			platformOrderStatus: '2 备货中',
			currency: 'CNY',
			amount: 123,
			refundedAmount: 0,
			lines: [
				{ sku: 'TEE-W-M', quantity: 2, unitPrice: 50 },
				{ sku: 'CAP-B', quantity: 1, unitPrice: 33 },
			],
			channel: 'live',
		});
		expect(orderSchema.safeParse(order).success).toBe(true);
	});

	it.each([
		[1, 'pending'],
		[105, 'paid'],
		[2, 'paid'],
		[101, 'shipped'],
		[3, 'shipped'],
		[4, 'cancelled'],
		[5, 'completed'],
	])('order_status %s → %s', (code, status) => {
		expect(douyinOrderToModel({ ...base, order_status: code }, 'Asia/Shanghai').status).toBe(status);
	});

	it('a refunded line makes the order partially refunded by that line; all lines refunded → refunded', () => {
		const refunded = { refund_status: 3, after_sale_status: 12 };
		const lines = base.sku_order_list!;
		const partial = douyinOrderToModel({ ...base, order_status: 5, sku_order_list: [lines[0], { ...lines[1], after_sale_info: refunded }] }, 'Asia/Shanghai');
		expect([partial.status, partial.refundedAmount]).toEqual(['partially_refunded', 33]);
		const full = douyinOrderToModel({ ...base, order_status: 5, sku_order_list: lines.map((l) => ({ ...l, after_sale_info: refunded })) }, 'Asia/Shanghai');
		expect([full.status, full.refundedAmount]).toEqual(['refunded', 123]);
		const pending = douyinOrderToModel({ ...base, sku_order_list: [{ ...lines[0], after_sale_info: { refund_status: 1 } }] }, 'Asia/Shanghai');
		expect(pending.status).toBe('paid');
	});

	it('short video from the ad environment; no buyer id → a per-order guest id; unknown status refused', () => {
		const video = douyinOrderToModel({ ...base, doudian_open_id: '', sku_order_list: [{ code: 'A', item_num: 1, origin_amount: 100, ad_env_type: 'video' }] }, 'Asia/Shanghai');
		expect(video.channel).toBe('short_video');
		expect(video.customerId).toBe('douyin-order:6920000000000000001');
		expect(() => douyinOrderToModel({ ...base, order_status: 77 }, 'Asia/Shanghai')).toThrow(/unknown order_status 77/);
	});
});
