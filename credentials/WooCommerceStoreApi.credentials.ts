import type { IAuthenticate, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, Icon, INodeProperties } from 'n8n-workflow';

import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { CredentialSetupError } from '../nodes/shared/shop/tokens';

/**
 * WooCommerce REST API keys (WooCommerce → Settings → Advanced → REST API): a consumer key
 * (`ck_…`) and secret (`cs_…`). Over HTTPS WooCommerce takes them as HTTP Basic auth (key as
 * user name, secret as password), or, on servers that drop the Authorization header ("Consumer
 * key is missing"), as the query parameters consumer_key / consumer_secret. Plain HTTP needs
 * OAuth 1.0a signing, which this credential does not do: an http:// site is refused here with
 * that reason, except on this machine (local test shops) with Allow HTTP turned on.
 * Source: WooCommerce REST API docs "Authentication"
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication).
 */
export class WooCommerceStoreApi implements ICredentialType {
	name = 'wooCommerceStoreApi';

	displayName = 'WooCommerce Store (Commerce Ops) API';

	icon: Icon = { light: 'file:../nodes/WooCommerceStore/wooCommerceStore.svg', dark: 'file:../nodes/WooCommerceStore/wooCommerceStore.dark.svg' };

	documentationUrl = 'https://github.com/commerce-ops/n8n-nodes-commerce-ops/blob/main/docs/nodes/WooCommerceStore.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://example.com',
			required: true,
			placeholder: 'https://shop.example.com',
			description: 'Your WordPress site\'s address, with https:// (the REST API is at /wp-json/wc/v3 below it)',
		},
		ALLOW_HTTP_PROPERTY,
		{
			displayName: 'Consumer Key',
			name: 'consumerKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ck_…',
			description: 'WooCommerce → Settings → Advanced → REST API → Add key. Read/Write lets the node set stock and issue coupons; Read is enough for orders and stock levels.',
		},
		{
			displayName: 'Consumer Secret',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'cs_…',
		},
		{
			displayName: 'Send Keys In',
			name: 'keysIn',
			type: 'options',
			default: 'header',
			options: [
				{ name: 'Authorization Header (Basic Auth)', value: 'header' },
				{ name: 'Query String', value: 'queryString', description: 'For servers that drop the Authorization header ("Consumer key is missing")' },
			],
		},
		REQUEST_RATE_PROPERTY,
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const base = checkedShopBaseUrl('WooCommerce', credentials.baseUrl, '', credentials.allowHttp, 'Site URL');
		const key = String(credentials.consumerKey ?? '').trim();
		const secret = String(credentials.consumerSecret ?? '').trim();
		if (key === '' || secret === '') throw new CredentialSetupError('the consumer key and secret are both needed');
		const host = new URL(base).hostname;
		if (base.toLowerCase().startsWith('http://') && !['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
			throw new CredentialSetupError('WooCommerce accepts keys without OAuth signing only over HTTPS: use the https:// address of the site');
		}
		const path = String(requestOptions.url ?? '');
		const url = /^https?:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
		const rest: IHttpRequestOptions = { ...requestOptions, url };
		// The URL is built whole here; a baseURL left on the request would be prefixed to it.
		delete rest.baseURL;
		if (credentials.keysIn === 'queryString') {
			rest.qs = { ...((requestOptions.qs ?? {}) as Record<string, string>), consumer_key: key, consumer_secret: secret };
		} else {
			rest.headers = { ...(requestOptions.headers ?? {}), Authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` };
		}
		return rest;
	};

	// One order at most: any key with Read permission passes; wrong keys answer 401.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/wp-json/wc/v3/orders', qs: { per_page: 1 } },
	};
}
