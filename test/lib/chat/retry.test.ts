/** Waiting after throttling and after 5xx, reading replies (sent only on the success code), and lines already sent. */
import { fieldKey, lineKey, pruneSentLog } from '../../../nodes/lib/chat/dedup';
import { dingTalk, feishu, weCom } from '../../../nodes/lib/chat/platforms';
import { retryHintMs, serverErrorWaitMs, throttleWaitMs } from '../../../nodes/lib/chat/retry';

describe('throttleWaitMs', () => {
	it('doubles from the first wait up to the cap', () => {
		expect([1, 2, 3, 4, 5].map((n) => throttleWaitMs(n, dingTalk.throttle))).toEqual([
			60_000, 120_000, 240_000, 480_000, 600_000,
		]);
		expect([1, 2, 3].map((n) => throttleWaitMs(n, feishu.throttle))).toEqual([1_000, 2_000, 4_000]);
	});

	it('follows the platform\'s hint when there is one, within the cap', () => {
		expect(throttleWaitMs(1, weCom.throttle, 7_000)).toBe(7_000);
		expect(throttleWaitMs(1, feishu.throttle, 3_600_000)).toBe(60_000);
	});
});

describe('retryHintMs', () => {
	it('reads Retry-After in seconds or as a date, and Feishu\'s x-ogw-ratelimit-reset', () => {
		expect(retryHintMs({ 'Retry-After': '3' }, 0)).toBe(3_000);
		expect(retryHintMs({ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' }, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
		expect(retryHintMs({ 'x-ogw-ratelimit-reset': '52' }, 0)).toBe(52_000);
		expect(retryHintMs({}, 0)).toBeUndefined();
		expect(retryHintMs(undefined, 0)).toBeUndefined();
	});
});

describe('dedup keys', () => {
	it('a line\'s key is stable and differs between lines', () => {
		expect(lineKey('SKU-1 缺货')).toBe(lineKey('SKU-1 缺货'));
		expect(lineKey('SKU-1 缺货')).not.toBe(lineKey('SKU-2 缺货'));
		expect(fieldKey('A-17')).toBe('k:A-17');
		expect(fieldKey(17)).toBe('k:17');
	});

	it('forgets keys older than their time to live', () => {
		const hour = 3_600_000;
		const log = { a: 0, b: 20 * hour, c: 23.5 * hour };
		expect(pruneSentLog(log, 24 * hour, 24 * hour)).toEqual({ b: 20 * hour, c: 23.5 * hour });
		expect(pruneSentLog(log, 44.5 * hour, 24 * hour)).toEqual({ c: 23.5 * hour });
		expect(pruneSentLog(undefined, 0, hour)).toEqual({});
	});
});

describe('serverErrorWaitMs (HTTP 5xx)', () => {
	it('waits 1 s, 2 s, 4 s, then gives up', () => {
		expect([1, 2, 3, 4].map((attempt) => serverErrorWaitMs(attempt))).toEqual([1_000, 2_000, 4_000, undefined]);
	});

	it('follows a Retry-After up to 30 s', () => {
		expect(serverErrorWaitMs(1, 5_000)).toBe(5_000);
		expect(serverErrorWaitMs(1, 600_000)).toBe(30_000);
		expect(serverErrorWaitMs(4, 5_000)).toBeUndefined();
	});
});

describe('reading replies: sent only on the success code', () => {
	it.each([
		['WeCom', weCom, { errcode: 0, errmsg: 'ok' }],
		['DingTalk', dingTalk, { errcode: '0', errmsg: 'ok' }],
		['Feishu', feishu, { code: 0, msg: 'success', data: {} }],
		['Feishu (older reply)', feishu, { StatusCode: 0, StatusMessage: 'success' }],
	])('%s: 200 with code 0 is accepted', (_name, platform, body) => {
		expect(platform.readResponse(200, body)).toMatchObject({ accepted: true, unreadable: false });
	});

	it.each([
		['an empty body', '', 'HTTP 200 with an empty reply'],
		['an HTML page', '<html>Welcome to nginx!</html>', 'HTTP 200 with an HTML page instead of JSON'],
		['broken JSON (left a string)', '{"errcode":0,"errm', 'HTTP 200 with a reply that is not JSON'],
		['JSON without a code', { ok: true }, 'HTTP 200 with JSON without a result code'],
		['an empty code', { errcode: '', code: '' }, 'HTTP 200 with JSON without a result code'],
	])('200 with %s is unreadable, never accepted', (_name, body, message) => {
		for (const platform of [weCom, dingTalk, feishu]) {
			expect(platform.readResponse(200, body)).toMatchObject({ accepted: false, unreadable: true, message });
		}
	});

	it('a refusal, a 5xx or a redirect status is neither accepted nor unreadable', () => {
		expect(weCom.readResponse(200, { errcode: 93000, errmsg: 'invalid webhook url' })).toMatchObject({ accepted: false, unreadable: false, code: 93000 });
		expect(dingTalk.readResponse(503, '<html>busy</html>')).toMatchObject({ accepted: false, unreadable: false, message: 'HTTP 503' });
		expect(feishu.readResponse(302, '')).toMatchObject({ accepted: false, unreadable: false });
	});
});
