/**
 * Xiaohongshu signing and request body against vectors made by running two SDKs' own code
 * (test/reference/shop/xiaohongshu_vectors.json, copied from shared/data/platform-signing:
 * 359444744/xhs api/base.py and AndersonBY/xiaohongshu-ecommerce-python-sdk signing.py, identical),
 * and the gateway's answers read into verdicts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	readXhsAnswer,
	readXhsTokenAnswer,
	XHS_GATEWAY_PATH,
	xhsEnvelope,
	xhsSign,
	xhsSignString,
	xhsTimestamp,
} from '../../../../nodes/lib/shop/platforms/xiaohongshu';

interface Vector {
	id: string;
	provenance: string;
	input: { method: string; appId: string; timestamp: number; version: string; app_secret: string };
	sign_string: string;
	expected: string;
	wire: { http_method: string; path: string; content_type: string; body: string };
}

const vectors = (JSON.parse(readFileSync(path.join(__dirname, '../../../reference/shop/xiaohongshu_vectors.json'), 'utf8')) as { vectors: Vector[] }).vectors;

describe('Xiaohongshu signing (359444744/xhs + AndersonBY SDK, run)', () => {
	it.each(vectors.map((v) => [v.id, v] as const))('%s: the string to sign and the MD5 as the SDKs produced them', (_id, v) => {
		const input = { method: v.input.method, appId: v.input.appId, timestamp: v.input.timestamp, version: v.input.version, appSecret: v.input.app_secret };
		expect(xhsSignString(input)).toBe(v.sign_string);
		expect(xhsSign(input)).toBe(v.expected);
	});

	it.each(vectors.map((v) => [v.id, v] as const))('%s: the body the SDK sent (system and business parameters side by side)', (_id, v) => {
		const wire = JSON.parse(v.wire.body) as Record<string, unknown>;
		const { appId, timestamp, version, method, sign, accessToken, ...params } = wire;
		const body = xhsEnvelope({
			method: String(method),
			appId: String(appId),
			appSecret: v.input.app_secret,
			timestamp: Number(timestamp),
			accessToken: accessToken === undefined ? undefined : String(accessToken),
			params,
		});
		expect(body).toEqual(wire);
		expect([sign, version]).toEqual([v.expected, '2.0']);
		expect(v.wire.path).toBe(XHS_GATEWAY_PATH);
	});

	it('X1 and X2 differ only in business parameters and share one signature: the business parameters are not signed', () => {
		const [x1, x2] = ['X1', 'X2'].map((id) => vectors.find((v) => v.id === id)!);
		expect(x1.wire.body).not.toBe(x2.wire.body);
		expect(x1.expected).toBe(x2.expected);
	});

	it('a business parameter cannot replace a system one (the signature, the token)', () => {
		const body = xhsEnvelope({ method: 'order.getOrderList', appId: 'a', appSecret: 's', timestamp: 1_700_000_000, accessToken: 't', params: { sign: 'forged', accessToken: 'other', pageNo: 1 } });
		expect(body.sign).toBe(xhsSign({ method: 'order.getOrderList', appId: 'a', appSecret: 's', timestamp: 1_700_000_000 }));
		expect(body.accessToken).toBe('t');
		expect(body.pageNo).toBe(1);
	});

	it('the timestamp is Unix seconds (doc 040): 1700000000 for 2023-11-14T22:13:20.999Z', () => {
		expect(xhsTimestamp(Date.UTC(2023, 10, 14, 22, 13, 20, 999))).toBe(1_700_000_000);
	});
});

describe('answers of the gateway (doc 040 envelope; doc 301 §22–23 texts)', () => {
	it('success with error_code 0 is the data; the newer code/msg envelope too', () => {
		expect(readXhsAnswer(200, { success: true, error_code: 0, data: { total: 1 } })).toEqual({ kind: 'ok', data: { total: 1 } });
		expect(readXhsAnswer(200, { success: true, code: 0, msg: '', data: 'x' })).toEqual({ kind: 'ok', data: 'x' });
		expect(readXhsAnswer(200, '{"success":true,"error_code":0,"data":{"id":12345678901234567890}}')).toEqual({ kind: 'ok', data: { id: '12345678901234567890' } });
	});

	it('"accessToken expired" (doc 301 §22) asks for one token refresh; a permission refusal that names accessToken does not', () => {
		expect(readXhsAnswer(200, { success: false, error_code: -1, error_msg: '根据accessToken和appId获取mercuryUser失败：accessToken expired' }).kind).toBe('tokenRejected');
		expect(readXhsAnswer(200, { success: false, error_code: -1, error_msg: 'token已过期' }).kind).toBe('tokenRejected');
		expect(readXhsAnswer(200, { success: false, error_code: -1, error_msg: '根据accessToken和appId获取mercuryUser失败：应用无权限调用该接口' })).toEqual({
			kind: 'error',
			code: '-1',
			message: '根据accessToken和appId获取mercuryUser失败：应用无权限调用该接口',
		});
	});

	it('throttling and busy answers (HTTP 429/5xx or their words) are waited out; a parameter error is the platform error', () => {
		expect(readXhsAnswer(429, '').kind).toBe('throttled');
		expect(readXhsAnswer(200, { success: false, error_code: 7, error_msg: '请求过于频繁，触发限流' }).kind).toBe('throttled');
		expect(readXhsAnswer(502, 'bad gateway').kind).toBe('unavailable');
		expect(readXhsAnswer(200, { success: false, code: 501, msg: '系统繁忙，请稍后重试' }).kind).toBe('unavailable');
		expect(readXhsAnswer(200, '<html>')).toEqual({ kind: 'unavailable', reason: 'an unreadable answer (HTTP 200)' });
		expect(readXhsAnswer(200, { success: false, error_code: -2000400, error_msg: '请求参数错误' })).toEqual({ kind: 'error', code: '-2000400', message: '请求参数错误' });
	});
});

describe('token answers (doc 038 response example)', () => {
	it('reads the pair and the expiries given in epoch ms', () => {
		// The doc's example answer, with its elided tokens filled in.
		const answer = readXhsTokenAnswer(
			{
				error_code: 0,
				data: { accessToken: 'token-2d22cd-e83e919', accessTokenExpiresAt: 1613807389260, refreshToken: 'refresh-72df8ba-944badaf', refreshTokenExpiresAt: 1616312989263, sellerId: '5a151ee832', sellerName: '开放平台测试店1专卖店' },
				success: true,
			},
			1613202589260,
		);
		expect(answer).toEqual({
			ok: true,
			accessToken: 'token-2d22cd-e83e919',
			accessTokenExpiresAt: 1613807389260,
			refreshToken: 'refresh-72df8ba-944badaf',
			refreshTokenExpiresAt: 1616312989263,
			sellerId: '5a151ee832',
			sellerName: '开放平台测试店1专卖店',
		});
		// 1613807389260 − 1613202589260 = 604 800 000 ms = 7 days, as the doc says.
		expect(answer.ok && answer.accessTokenExpiresAt - 1613202589260).toBe(7 * 86_400_000);
	});

	it('a refusal keeps the platform code and message', () => {
		expect(readXhsTokenAnswer({ success: false, error_code: -1, error_msg: 'code已过期' }, 0)).toEqual({ ok: false, code: '-1', message: 'code已过期' });
	});
});
