import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { dingTalkSignature, dingTalkTokenOf } from '../nodes/lib/chat/signing';
import { checkedBaseUrl } from '../nodes/lib/baseUrl';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { dingTalk } from '../nodes/lib/chat/platforms';

const DINGTALK_BASE_URL = dingTalk.defaultBaseUrl;

/**
 * DingTalk (钉钉) custom robot: access token in the URL; with "加签" security every request is
 * signed here. The signature covers only a fresh millisecond timestamp and the secret, not the
 * message, so it belongs in the credential: the node never sees the secret.
 */
export class DingTalkBotApi implements ICredentialType {
	name = 'dingTalkBotApi';

	displayName = 'DingTalk Custom Bot API';

	icon: Icon = {
		light: 'file:../nodes/DingTalkBot/dingTalkBot.svg',
		dark: 'file:../nodes/DingTalkBot/dingTalkBot.dark.svg',
	};

	documentationUrl = 'https://open.dingtalk.com/document/robots/custom-robot-access';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL or Access Token (Webhook 地址或 access_token)',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://oapi.dingtalk.com/robot/send?access_token=…',
			description:
				'Group settings → Bots (智能群助手) → Add Robot → Custom (自定义) → copy the Webhook. Pasting only the access_token works too.',
		},
		{
			displayName: 'Signing Secret (加签密钥)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'SEC…',
			description:
				'The "Additional Signature" (加签) secret from the robot\'s security settings, starting with SEC. Leave empty if the robot uses only keywords or an IP list.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DINGTALK_BASE_URL,
			description: 'Where the webhook lives (https). Change it only for a gateway or a test server; plain http needs Allow HTTP (Unencrypted).',
		},
		ALLOW_HTTP_PROPERTY,
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const token = dingTalkTokenOf(String(credentials.webhookToken ?? ''));
		if (!token) throw new Error('The DingTalk Custom Bot credential has no access token');
		const qs: Record<string, string> = { ...((requestOptions.qs ?? {}) as Record<string, string>), access_token: token };
		const secret = String(credentials.secret ?? '').trim();
		if (secret) {
			// timestamp (ms) + "\n" + secret, HmacSHA256 keyed by the secret, base64; the query
			// string encoder URL-encodes it once, as DingTalk's guide asks.
			const timestamp = Date.now();
			qs.timestamp = String(timestamp);
			qs.sign = dingTalkSignature(secret, timestamp);
		}
		// The URL is built whole here; a baseURL left on the request would be prefixed to it.
		// Redirects are never followed with this credential's key and signature on the request,
		// the credential's Test included (issue 14, item 6; docs/nodes/ChatBots.md).
		const rest: IHttpRequestOptions = { ...requestOptions, disableFollowRedirect: true };
		delete rest.baseURL;
		return { ...rest, url: `${checkedBaseUrl(credentials.baseUrl, DINGTALK_BASE_URL, credentials.allowHttp, 'API Base URL')}/robot/send`, qs };
	};

	// An unknown message type: nothing is posted; a wrong signature or timestamp gets 310000.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '', body: { msgtype: 'n8n_credential_check' } },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 310000,
					message: 'DingTalk rejected the signature, timestamp, keyword or IP (errcode 310000): check the signing secret',
				},
			},
		],
	};
}
