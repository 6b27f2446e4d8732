/** Redaction of the credential's secret values (issue 14, item 7) and where requests may go (item 6). */
import { UserInputError } from '../../../nodes/lib/errors';
import { dingTalk, feishu, weCom } from '../../../nodes/lib/chat/platforms';
import { MIN_SECRET_LENGTH, redactDeep, redactSecrets, secretsToRedact } from '../../../nodes/lib/chat/redact';
import { webhookBaseUrl } from '../../../nodes/lib/chat/signing';

describe('redactSecrets', () => {
	const webhookId = '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';

	it('cuts a secret echoed in prose, where no URL pattern would find it', () => {
		const secrets = secretsToRedact([webhookId]);
		expect(redactSecrets(`token ${webhookId} is not valid`, secrets)).toBe('token *** is not valid');
	});

	it('cuts the URL-encoded form too, and URL-shaped secrets it was not told about', () => {
		const secret = 'SECab+c/d=ef';
		const secrets = secretsToRedact([secret]);
		expect(redactSecrets(`sign key ${encodeURIComponent(secret)} and ${secret}`, secrets)).toBe('sign key *** and ***');
		expect(redactSecrets('POST /robot/send?access_token=other0token', secrets)).toBe('POST /robot/send?access_token=***');
	});

	it('cuts a longer secret whole when a shorter one is part of it', () => {
		const secrets = secretsToRedact(['abcdef', 'abcdefghij']);
		expect(redactSecrets('x abcdefghij y', secrets)).toBe('x *** y');
	});

	it(`leaves values shorter than ${MIN_SECRET_LENGTH} characters alone (they would blank out ordinary words)`, () => {
		expect(secretsToRedact(['ok', '', '  ', 12345, undefined])).toEqual([]);
		expect(redactSecrets('ok, errcode 0', secretsToRedact(['ok']))).toBe('ok, errcode 0');
	});

	it('redacts every string of an output item, keys and nested arrays included; other values unchanged', () => {
		const secrets = secretsToRedact([webhookId]);
		expect(redactDeep({ response: { message: `bad ${webhookId}` }, lines: [webhookId, 3], [webhookId]: true, ok: null }, secrets)).toEqual({
			response: { message: 'bad ***' },
			lines: ['***', 3],
			'***': true,
			ok: null,
		});
	});
});

describe("each platform's secrets", () => {
	it('WeCom: the key, also when the whole webhook URL was pasted', () => {
		const webhook = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY-123456';
		expect(weCom.secretsOf({ webhookToken: webhook, baseUrl: 'https://qyapi.weixin.qq.com' })).toEqual(['KEY-123456', webhook]);
	});

	it('DingTalk: the access token and the signing secret', () => {
		expect(dingTalk.secretsOf({ webhookToken: 'TOKEN-abcdef', secret: 'SECsigning' })).toEqual(['TOKEN-abcdef', 'TOKEN-abcdef', 'SECsigning']);
	});

	it('Feishu: the hook id and the signing secret', () => {
		const webhook = 'https://open.feishu.cn/open-apis/bot/v2/hook/HOOK-abcdef';
		expect(feishu.secretsOf({ webhookToken: webhook, secret: 'feishu-signing' })).toEqual(['HOOK-abcdef', webhook, 'feishu-signing']);
	});
});

describe('webhookBaseUrl', () => {
	const fallback = 'https://oapi.dingtalk.com';

	it('takes https, trims trailing slashes, and falls back to the platform when empty', () => {
		expect(webhookBaseUrl('https://gw.example.com/dingtalk/', fallback, false)).toBe('https://gw.example.com/dingtalk');
		expect(webhookBaseUrl('', fallback, false)).toBe(fallback);
	});

	it('refuses plain http unless the credential allows it', () => {
		expect(() => webhookBaseUrl('http://127.0.0.1:8080', fallback, false)).toThrow(
			new UserInputError('API Base URL "http://127.0.0.1:8080" is plain http, which this credential does not allow'),
		);
		expect(webhookBaseUrl('http://127.0.0.1:8080', fallback, true)).toBe('http://127.0.0.1:8080');
	});

	it('refuses other schemes, non-URLs, and user names, queries or fragments in the base URL', () => {
		expect(() => webhookBaseUrl('ftp://example.com', fallback, true)).toThrow('API Base URL must start with https:// (got ftp:)');
		expect(() => webhookBaseUrl('oapi.dingtalk.com', fallback, false)).toThrow('API Base URL "oapi.dingtalk.com" is not a URL');
		for (const url of ['https://user:pw@gw.example.com', 'https://gw.example.com?access_token=x', 'https://gw.example.com#x']) {
			expect(() => webhookBaseUrl(url, fallback, false)).toThrow(/must not carry a user name, password, query or fragment$/);
		}
	});
});
