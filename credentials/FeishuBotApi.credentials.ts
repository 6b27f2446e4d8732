import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { feishuHookIdOf, feishuSignature } from '../nodes/lib/chat/signing';
import { checkedBaseUrl } from '../nodes/lib/baseUrl';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { feishu } from '../nodes/lib/chat/platforms';

const FEISHU_BASE_URL = feishu.defaultBaseUrl;

/**
 * Feishu / Lark (飞书) custom bot: the hook id is in the URL path; with "签名校验" every request
 * carries `timestamp` and `sign` in its JSON body. The signature covers only the timestamp and
 * the secret, not the message, so it belongs here: the node never sees the secret.
 */
export class FeishuBotApi implements ICredentialType {
	name = 'feishuBotApi';

	displayName = 'Feishu / Lark Custom Bot API';

	icon: Icon = { light: 'file:../nodes/FeishuBot/feishuBot.svg', dark: 'file:../nodes/FeishuBot/feishuBot.dark.svg' };

	documentationUrl = 'https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL or Hook ID (Webhook 地址)',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
			description:
				'Group settings → Group Bots (群机器人) → Add Bot → Custom Bot (自定义机器人) → copy the webhook address',
		},
		{
			displayName: 'Signing Secret (签名校验密钥)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret shown when "Set signature verification" (签名校验) is on in the bot\'s security settings. Leave empty if the bot has no signature check.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: FEISHU_BASE_URL,
			description: 'https://open.feishu.cn for Feishu, https://open.larksuite.com for Lark; change it otherwise only for a gateway or a test server (plain http needs Allow HTTP (Unencrypted))',
		},
		ALLOW_HTTP_PROPERTY,
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const hookId = feishuHookIdOf(String(credentials.webhookToken ?? ''));
		if (!hookId) throw new Error('The Feishu / Lark Custom Bot credential has no webhook');
		let body = requestOptions.body;
		const secret = String(credentials.secret ?? '').trim();
		if (secret && typeof body === 'object' && body !== null) {
			// key = timestamp (s) + "\n" + secret, HmacSHA256 over an empty message, base64.
			const timestamp = Math.floor(Date.now() / 1000);
			body = { timestamp: String(timestamp), sign: feishuSignature(secret, timestamp), ...(body as IDataObject) };
		}
		// The URL is built whole here; a baseURL left on the request would be prefixed to it.
		// Redirects are never followed with this credential's key and signature on the request,
		// the credential's Test included (issue 14, item 6; docs/nodes/ChatBots.md).
		const rest: IHttpRequestOptions = { ...requestOptions, disableFollowRedirect: true };
		delete rest.baseURL;
		return {
			...rest,
			url: `${checkedBaseUrl(credentials.baseUrl, FEISHU_BASE_URL, credentials.allowHttp, 'API Base URL')}/open-apis/bot/v2/hook/${encodeURIComponent(hookId)}`,
			body,
		};
	};

	// An unknown message type: nothing is posted; a wrong signature or timestamp gets 19021.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '', body: { msg_type: 'n8n_credential_check' } },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 19021,
					message: 'Feishu rejected the signature or timestamp (code 19021): check the signing secret and the clock',
				},
			},
		],
	};
}
