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
