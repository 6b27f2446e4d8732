/** Redaction of the bot credentials' secret values (issue 14, item 7). */
import { dingTalk, feishu, weCom } from '../../../nodes/lib/chat/platforms';
import { redactWebhookSecrets } from '../../../nodes/lib/chat/signing';
import { MIN_SECRET_LENGTH, secretRedactor } from '../../../nodes/lib/redact';

/** What the bots cut: the credential's values and anything shaped like their webhook URLs. */
const botRedactor = (secrets: readonly unknown[]) => secretRedactor(secrets, redactWebhookSecrets);

describe("the bots' redaction (nodes/lib/redact.ts with the webhook URL patterns)", () => {
	const webhookId = '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';

	it('cuts a secret echoed in prose, where no URL pattern would find it', () => {
		expect(botRedactor([webhookId]).text(`token ${webhookId} is not valid`)).toBe('token *** is not valid');
	});

	it('cuts the URL-encoded form too, and URL-shaped secrets it was not told about', () => {
		const secret = 'SECab+c/d=ef';
		const redact = botRedactor([secret]).text;
		expect(redact(`sign key ${encodeURIComponent(secret)} and ${secret}`)).toBe('sign key *** and ***');
		expect(redact('POST /robot/send?access_token=other0token')).toBe('POST /robot/send?access_token=***');
		expect(redact('POST /open-apis/bot/v2/hook/another-hook-id?x=1')).toBe('POST /open-apis/bot/v2/hook/***?x=1');
	});

	it('cuts URL-shaped secrets with no credential values at all (the Preview operation)', () => {
		expect(botRedactor([]).text('GET /cgi-bin/webhook/send?key=abc&sign=def')).toBe('GET /cgi-bin/webhook/send?key=***&sign=***');
	});

	it(`leaves values shorter than ${MIN_SECRET_LENGTH} characters alone (they would blank out ordinary words)`, () => {
		expect(botRedactor(['ok']).text('ok, errcode 0')).toBe('ok, errcode 0');
	});

	it('redacts every string of an output item, keys and nested arrays included; other values unchanged', () => {
		expect(botRedactor([webhookId]).deep({ response: { message: `bad ${webhookId}` }, lines: [webhookId, 3], [webhookId]: true, ok: null })).toEqual({
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
