import type { IAuthenticate, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, Icon, INodeProperties } from 'n8n-workflow';

import { checkedBaseUrl } from '../nodes/lib/baseUrl';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';

/**
 * Shlink, the self-hosted URL shortener (https://shlink.io): its REST API v3 takes an API key
 * in the `X-Api-Key` header (https://shlink.io/documentation/api-docs/authentication/;
 * keys are made with `shlink api-key:generate`). Redirects are never followed with the key on
 * the request (issue 14, item 6).
 */
export class ShlinkApi implements ICredentialType {
	name = 'shlinkApi';

	displayName = 'Shlink (Commerce Ops) API';

	icon: Icon = { light: 'file:../nodes/ShortLink/shortLink.svg', dark: 'file:../nodes/ShortLink/shortLink.dark.svg' };

	documentationUrl = 'https://github.com/commerce-ops/n8n-nodes-commerce-ops/blob/main/docs/nodes/ShortLink.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL (服务器地址)',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://s.example.com',
			description: 'Your Shlink server\'s address (the REST API is at /rest/v3 below it). 你自建的 Shlink 服务器地址。',
		},
		ALLOW_HTTP_PROPERTY,
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Made on the server with "shlink api-key:generate". 在服务器上运行 shlink api-key:generate 生成。',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const key = String(credentials.apiKey ?? '').trim();
		if (key === '') throw new Error('The Shlink credential has no API key');
		const base = checkedBaseUrl(credentials.baseUrl, '', credentials.allowHttp, 'Server URL');
		const path = String(requestOptions.url ?? '');
		const rest: IHttpRequestOptions = { ...requestOptions, url: `${base}${path}`, disableFollowRedirect: true };
		delete rest.baseURL;
		rest.headers = { ...(requestOptions.headers ?? {}), 'X-Api-Key': key };
		return rest;
	};

	// One short URL at most: 200 with a valid key, 401 otherwise.
	test: ICredentialTestRequest = { request: { method: 'GET', url: '/rest/v3/short-urls', qs: { itemsPerPage: 1 } } };
}
