/**
 * Signing of the DingTalk and Feishu custom bots against vectors from the platforms' own Python
 * samples (test/reference/chat/sign_vectors.py, run with fixed timestamps):
 * - DingTalk, "自定义机器人安全设置 / 加签": timestamp (ms) + "\n" + secret, HmacSHA256 keyed with the
 *   secret, base64, then urlEncode (https://open.dingtalk.com/document/robots/customize-robot-security-settings).
 * - Feishu, "自定义机器人使用指南 / 签名校验": key = timestamp (s) + "\n" + secret, HmacSHA256 of an
 *   empty message, base64 (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
 */
import {
	dingTalkSignature,
	dingTalkTokenOf,
	feishuHookIdOf,
	feishuSignature,
	redactWebhookSecrets,
	weComKeyOf,
} from '../../../nodes/lib/chat/signing';
import { expectedDingTalkSign, expectedFeishuSign } from '../../support/chatBotServers';
import vectors from '../../reference/chat/sign_vectors.json';

describe('DingTalk signature (加签)', () => {
	it.each(vectors.dingtalk)('matches DingTalk\'s Python sample at $timestampMs', ({ timestampMs, secret, base64Sign, urlEncodedSign }) => {
		const sign = dingTalkSignature(secret, timestampMs);
		expect(sign).toBe(base64Sign);
		// The query-string encoder (qs / encodeURIComponent) gives what quote_plus gives on base64.
		expect(encodeURIComponent(sign)).toBe(urlEncodedSign);
		expect(sign).toBe(expectedDingTalkSign(secret, String(timestampMs)));
	});

	it('has a vector whose signature holds "+", "/" and "=" (they must be URL-encoded)', () => {
		expect(vectors.dingtalk.some((v) => v.base64Sign.includes('+'))).toBe(true);
		expect(vectors.dingtalk.every((v) => !/[+/=]/.test(v.urlEncodedSign))).toBe(true);
	});

	it('keys the HMAC with the secret, not with the string to sign (the opposite of Feishu)', () => {
		expect(dingTalkSignature('s', 1)).not.toBe(feishuSignature('s', 1));
	});
});

describe('Feishu / Lark signature (签名校验)', () => {
	it.each(vectors.feishu)('matches Feishu\'s Python sample at $timestampSeconds', ({ timestampSeconds, secret, sign }) => {
		expect(feishuSignature(secret, timestampSeconds)).toBe(sign);
		expect(feishuSignature(secret, timestampSeconds)).toBe(expectedFeishuSign(secret, String(timestampSeconds)));
	});
});

describe('webhook secrets from what the user pasted', () => {
	it('takes the WeCom key from the webhook URL or as is', () => {
		expect(weComKeyOf('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe(
			'693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
		);
		expect(weComKeyOf('  693a91f6-7xxx  ')).toBe('693a91f6-7xxx');
		expect(weComKeyOf('https://qyapi.weixin.qq.com/cgi-bin/webhook/send')).toBe('');
	});

	it('takes the DingTalk access token from the webhook URL (ignoring an old timestamp/sign) or as is', () => {
		expect(dingTalkTokenOf('https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1&sign=x')).toBe('abc123');
		expect(dingTalkTokenOf('abc123')).toBe('abc123');
	});

	it('takes the Feishu / Lark hook id from the path or as is', () => {
		expect(feishuHookIdOf('https://open.feishu.cn/open-apis/bot/v2/hook/91d41f9a-f61d-4fd5')).toBe('91d41f9a-f61d-4fd5');
		expect(feishuHookIdOf('https://open.larksuite.com/open-apis/bot/v2/hook/xyz?foo=1')).toBe('xyz');
		expect(feishuHookIdOf('xyz')).toBe('xyz');
	});

	it('cuts keys, tokens, signatures and hook ids out of messages', () => {
		const text =
			'GET https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY failed; ' +
			'POST http://127.0.0.1:1/robot/send?access_token=TOKEN&timestamp=1700000000000&sign=abc%2B; ' +
			'POST https://open.feishu.cn/open-apis/bot/v2/hook/HOOKID: ECONNREFUSED';
		const redacted = redactWebhookSecrets(text);
		for (const secret of ['SECRETKEY', 'TOKEN', 'abc%2B', 'HOOKID']) expect(redacted).not.toContain(secret);
		expect(redacted).toContain('ECONNREFUSED');
		expect(redacted).toContain('key=***');
	});
});
