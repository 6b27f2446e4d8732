import type { IAuthenticate, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, Icon, INodeProperties } from 'n8n-workflow';

import { checkedBaseUrl } from '../nodes/lib/baseUrl';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';

export const BITLY_BASE_URL = 'https://api-ssl.bitly.com';

/**
 * Bitly API v4: a generic access token (Bitly → Settings → Developer settings → API), sent as
 * `Authorization: Bearer {token}` (https://dev.bitly.com/docs/getting-started/authentication).
 * Redirects are never followed with the token on the request (issue 14, item 6).
 */
export class BitlyApi implements ICredentialType {
	name = 'bitlyApi';

	displayName = 'Bitly (Commerce Ops) API';

	icon: Icon = { light: 'file:../nodes/ShortLink/shortLink.svg', dark: 'file:../nodes/ShortLink/shortLink.dark.svg' };

	documentationUrl = 'https://github.com/commerce-ops/n8n-nodes-commerce-ops/blob/main/docs/nodes/ShortLink.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token (访问令牌)',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Bitly → Settings → Developer settings → API → Generate token. 在 Bitly 设置 → 开发者设置 → API 中生成。',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: BITLY_BASE_URL,
			description: 'Bitly\'s API address. Change it only for a gateway or a test server; plain http needs Allow HTTP (Unencrypted).',
		},
		ALLOW_HTTP_PROPERTY,
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const token = String(credentials.accessToken ?? '').trim();
		if (token === '') throw new Error('The Bitly credential has no access token');
		const base = checkedBaseUrl(credentials.baseUrl, BITLY_BASE_URL, credentials.allowHttp);
		const path = String(requestOptions.url ?? '');
		const rest: IHttpRequestOptions = { ...requestOptions, url: `${base}${path}`, disableFollowRedirect: true };
		// The URL is built whole here; a baseURL left on the request would be prefixed to it.
		delete rest.baseURL;
		rest.headers = { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${token}` };
		return rest;
	};

	// The token's own user: 200 with a valid token, 403 FORBIDDEN otherwise (dev.bitly.com/api-reference/#getUser).
	test: ICredentialTestRequest = { request: { method: 'GET', url: '/v4/user' } };
}
