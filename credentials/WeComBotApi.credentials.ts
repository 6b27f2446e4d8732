import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { weComKeyOf } from '../nodes/lib/chat/signing';
import { checkedBaseUrl } from '../nodes/lib/baseUrl';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { weCom } from '../nodes/lib/chat/platforms';

const WECOM_BASE_URL = weCom.defaultBaseUrl;

/**
 * WeCom (企业微信) group robot: the webhook key is the whole secret; it goes in the URL's `key`
 * parameter (developer.work.weixin.qq.com/document/path/91770). No signing.
 */
export class WeComBotApi implements ICredentialType {
	name = 'weComBotApi';

	displayName = 'WeCom Group Bot API';

	icon: Icon = { light: 'file:../nodes/WeComBot/weComBot.svg', dark: 'file:../nodes/WeComBot/weComBot.dark.svg' };

	documentationUrl = 'https://developer.work.weixin.qq.com/document/path/91770';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL or Key (Webhook 地址或 key)',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
			description:
				'In the group: ··· → Group Robots (群机器人) → your robot → copy its Webhook address. Pasting only the key after "key=" works too.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WECOM_BASE_URL,
			description: 'Where the webhook lives (https). Change it only for a gateway or a test server; plain http needs Allow HTTP (Unencrypted).',
		},
		ALLOW_HTTP_PROPERTY,
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const key = weComKeyOf(String(credentials.webhookToken ?? ''));
		if (!key) throw new Error('The WeCom Group Bot credential has no webhook key');
		// The URL is built whole here; a baseURL left on the request would be prefixed to it.
		// Redirects are never followed with this credential's key and signature on the request,
		// the credential's Test included (issue 14, item 6; docs/nodes/ChatBots.md).
		const rest: IHttpRequestOptions = { ...requestOptions, disableFollowRedirect: true };
		delete rest.baseURL;
		return {
			...rest,
			url: `${checkedBaseUrl(credentials.baseUrl, WECOM_BASE_URL, credentials.allowHttp, 'API Base URL')}/cgi-bin/webhook/send`,
			qs: { ...(requestOptions.qs ?? {}), key },
		};
	};

	// An unknown message type: a valid key gets "invalid message type" back and nothing is
	// posted to the group; an invalid key gets errcode 93000 "invalid webhook url".
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '', body: { msgtype: 'n8n_credential_check' } },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'errcode', value: 93000, message: 'WeCom does not know this webhook key (errcode 93000)' },
			},
		],
	};
}
