/**
 * Request signing of the custom bots that have a signing secret (pure; Node's crypto only).
 *
 * DingTalk custom robot, "加签" (open.dingtalk.com, custom robot security settings):
 *   string to sign = timestamp + "\n" + secret, timestamp in milliseconds;
 *   sign = urlEncode(base64(HmacSHA256(key = secret, message = string to sign))), UTF-8;
 *   sent as the `timestamp` and `sign` query parameters; the timestamp must be within one hour
 *   of DingTalk's clock.
 * Feishu / Lark custom bot, "签名校验" (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 *   sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")), timestamp in
 *   seconds within one hour; sent as `timestamp` and `sign` fields of the JSON body.
 * Note the two differ in what is the key: DingTalk keys the HMAC with the secret, Feishu with
 * the string to sign.
 */
import { createHmac } from 'node:crypto';

import { UserInputError } from '../errors';

/** base64 DingTalk signature, before URL encoding (the query-string encoder does that once). */
export function dingTalkSignature(secret: string, timestampMs: number): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8'))
		.update(Buffer.from(`${timestampMs}\n${secret}`, 'utf8'))
		.digest('base64');
}

/** base64 Feishu / Lark signature. */
export function feishuSignature(secret: string, timestampSeconds: number): string {
	return createHmac('sha256', Buffer.from(`${timestampSeconds}\n${secret}`, 'utf8'))
		.update(Buffer.alloc(0))
		.digest('base64');
}

/**
 * The secret part of a webhook the user pasted: either the whole webhook URL or just the
 * secret part. `fromUrl` picks it out of a parsed URL.
 */
function secretPartOf(value: string, fromUrl: (url: URL) => string | null | undefined): string {
	const trimmed = value.trim();
	if (!/^https?:\/\//i.test(trimmed)) return trimmed;
	try {
		return (fromUrl(new URL(trimmed)) ?? '').trim();
	} catch {
		return '';
	}
}

/** WeCom: `key` of https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…, or the key itself. */
export function weComKeyOf(webhook: string): string {
	return secretPartOf(webhook, (url) => url.searchParams.get('key'));
}

/** DingTalk: `access_token` of https://oapi.dingtalk.com/robot/send?access_token=…, or the token itself. */
export function dingTalkTokenOf(webhook: string): string {
	return secretPartOf(webhook, (url) => url.searchParams.get('access_token'));
}

/** Feishu / Lark: the last path segment of https://open.feishu.cn/open-apis/bot/v2/hook/…, or the id itself. */
export function feishuHookIdOf(webhook: string): string {
	return secretPartOf(webhook, (url) => /\/hook\/([^/?#]+)/.exec(url.pathname)?.[1]);
}

/** Base URL without a trailing slash; the platform's own when empty. */
export function baseUrlOf(value: unknown, fallback: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return (text || fallback).replace(/\/+$/, '');
}

/**
 * The base URL a bot credential may post to (issue 14, item 6): an absolute https URL, or http
 * only when the user opted in ("Allow HTTP (Unencrypted)", for a gateway inside the network or
 * a local test server); no user name or password in it, no query or fragment (the credential
 * builds those). Trailing slashes dropped; the platform's own URL when empty. Over plain http
 * the webhook key or token travels readable by anyone on the path, hence the opt-in.
 */
export function webhookBaseUrl(value: unknown, fallback: string, allowHttp: boolean): string {
	const text = baseUrlOf(value, fallback);
	const hint =
		'Use the platform\'s https address (the default), or turn on Allow HTTP (Unencrypted) in the credential for a gateway or test server reached over plain http. ' +
		'请使用 https 地址；仅在通过内网网关或测试服务器时，在凭据中打开 Allow HTTP (Unencrypted)。';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UserInputError(`API Base URL "${text}" is not a URL`, { field: 'API Base URL', expected: 'an https URL', hint });
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowHttp)) {
		throw new UserInputError(
			url.protocol === 'http:'
				? `API Base URL "${url.origin}" is plain http, which this credential does not allow`
				: `API Base URL must start with https:// (got ${url.protocol})`,
			{ field: 'API Base URL', expected: allowHttp ? 'an http or https URL' : 'an https URL', hint },
		);
	}
	if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
		throw new UserInputError(`API Base URL "${url.origin}" must not carry a user name, password, query or fragment`, {
			field: 'API Base URL',
			expected: 'scheme, host, optional port and path only',
			hint: 'Paste the webhook itself into the Webhook field; the base URL is only where it lives, e.g. https://oapi.dingtalk.com.',
		});
	}
	return text;
}

/**
 * Text safe to show: webhook keys, tokens, hook ids and signatures cut out of anything that
 * looks like one of these bots' URLs. Used on every error message the bots surface, since
 * transport errors can quote the request URL.
 */
export function redactWebhookSecrets(text: string): string {
	return text
		.replace(/([?&](?:key|access_token|sign|timestamp)=)[^&\s"'<>]+/gi, '$1***')
		.replace(/(\/hook\/)[^/?#\s"'<>]+/gi, '$1***');
}
