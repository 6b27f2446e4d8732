/**
 * The Douyin SDKs disagree on the timestamp: the official Go and PHP SDKs send Unix seconds,
 * the doc and minibear2021/doudian (Python) "yyyy-MM-dd HH:mm:ss" in Beijing time. Both are
 * sent here to the fake platform, signed each SDK's way (Python: \u-escaped param_json), and
 * both are accepted, as the real platform accepts both SDKs; a time 11 minutes off is refused.
 * The node sends Unix seconds (the current official SDKs' form; no time zone involved).
 */
import axios from 'axios';

import { douyinSign, douyinTimestamp, type DouyinTimestampFormat } from '../../../../nodes/lib/shop/platforms/douyin';
import { startDouyinFake, type DouyinFake } from '../../../support/fakeShops/douyin';

const APP_KEY = '7123456789012345678';
const APP_SECRET = 'dd-test-secret-timestamps';
let fake: DouyinFake;

beforeAll(async () => {
	fake = await startDouyinFake({ appKey: APP_KEY, appSecret: APP_SECRET, shopId: '4463798' });
});
afterAll(async () => fake.close());

async function createToken(format: DouyinTimestampFormat, paramJson: string, at = Date.now()) {
	const timestamp = douyinTimestamp(at, format);
	const sign = douyinSign({ appKey: APP_KEY, appSecret: APP_SECRET, method: 'token.create', paramJson, timestamp, signMethod: 'hmac-sha256' });
	const reply = await axios.post(`${fake.baseUrl}/token/create`, paramJson, {
		params: { app_key: APP_KEY, method: 'token.create', timestamp, v: '2', sign_method: 'hmac-sha256', sign },
		headers: { 'Content-Type': 'application/json' },
	});
	return reply.data as { code: number; sub_code: string };
}

it('Go SDK form: Unix seconds, compact JSON', async () => {
	expect((await createToken('unixSeconds', '{"code":"","grant_type":"authorization_self","shop_id":"4463798"}')).code).toBe(10000);
});

it('Python SDK form: Beijing wall-clock time, ensure_ascii JSON with spaces', async () => {
	const reply = await createToken('beijingDateTime', '{"code": "", "grant_type": "authorization_self", "shop_id": "4463798"}');
	expect(reply.code).toBe(10000);
});

it('either form 11 minutes off the platform clock is refused (isv.timestamp-invalid)', async () => {
	const body = '{"code":"","grant_type":"authorization_self","shop_id":"4463798"}';
	expect((await createToken('unixSeconds', body, Date.now() - 11 * 60_000)).sub_code).toBe('isv.timestamp-invalid');
	expect((await createToken('beijingDateTime', body, Date.now() + 11 * 60_000)).sub_code).toBe('isv.timestamp-invalid');
});
