import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_SHOPIFY_API_VERSION, graphqlPath, shopBaseUrl } from '../nodes/lib/shop/platforms/shopify';
import { CredentialSetupError, STORED_TOKEN_PROPERTIES, TOKEN_REJECTED_HEADER, checkToken } from '../nodes/shared/shop/tokens';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';

/** Stored in place of a token when the credential uses a permanent Admin API token (nothing to refresh). */
const STATIC_TOKEN_MARKER = 'admin-api-access-token';

/**
 * A Shopify store's Admin API, two ways:
 * - Admin API access token (`shpat_…`) of a custom app created in the store admin before
 *   2026 (such apps keep working; new ones can no longer be created there);
 * - Client ID + secret of a Dev Dashboard app of your own organization installed on your
 *   store: a token from the client credentials grant (POST /admin/oauth/access_token), which
 *   lasts about 24 h and is refreshed here and saved into this credential.
 * Sources: https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant,
 * https://shopify.dev/docs/api/admin-graphql (X-Shopify-Access-Token header).
 */
export class ShopifyStoreApi implements ICredentialType {
	name = 'shopifyStoreApi';

	displayName = 'Shopify Store (Commerce Ops) API';

	icon: Icon = { light: 'file:../nodes/ShopifyStore/shopifyStore.svg', dark: 'file:../nodes/ShopifyStore/shopifyStore.dark.svg' };

	documentationUrl = 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant';

	properties: INodeProperties[] = [
		{
			displayName: 'Shop URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-shop.myshopify.com',
			description: 'Your store\'s myshopify.com address (your-shop, your-shop.myshopify.com or the full URL)',
		},
		ALLOW_HTTP_PROPERTY,
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			default: 'clientCredentials',
			options: [
				{
					name: 'Client ID and Secret (Dev Dashboard App)',
					value: 'clientCredentials',
					description: 'An app of your organization installed on your own store; tokens (~24 h) are fetched and renewed automatically',
				},
				{
					name: 'Admin API Access Token (Legacy Custom App)',
					value: 'accessToken',
					description: 'The shpat_… token of a custom app created in the store admin',
				},
			],
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['clientCredentials'] } },
			description: 'Dev Dashboard → your app → Settings → Client ID',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['clientCredentials'] } },
		},
		{
			displayName: 'Admin API Access Token',
			name: 'adminAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'shpat_…',
			displayOptions: { show: { authType: ['accessToken'] } },
			description: 'Settings → Apps → Develop apps → your app → API credentials',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			default: DEFAULT_SHOPIFY_API_VERSION,
			options: [
				{ name: '2026-04 (Recommended)', value: '2026-04' },
				{ name: '2026-01', value: '2026-01' },
			],
		},
		REQUEST_RATE_PROPERTY,
		...STORED_TOKEN_PROPERTIES,
	];

	/** Fetches a token by the client credentials grant (or notes that a permanent token is used). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const now = Date.now();
		if (credentials.authType === 'accessToken') {
			return { accessToken: STATIC_TOKEN_MARKER, accessTokenExpiresAt: 0, accessTokenObtainedAt: now };
		}
		const baseUrl = storeUrlOf(credentials);
		const clientId = String(credentials.clientId ?? '').trim();
		const clientSecret = String(credentials.clientSecret ?? '');
		if (!clientId || !clientSecret) throw new CredentialSetupError('Shopify: Client ID and Client Secret are required');
		let reply: { statusCode?: number; body?: unknown };
		try {
			reply = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/admin/oauth/access_token`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 30_000,
				// Not redirected: the body carries the client secret (issue 14); a 3xx is refused below.
				disableFollowRedirect: true,
			})) as { statusCode?: number; body?: unknown };
		} catch (error) {
			throw new CredentialSetupError(`Shopify: the token request failed (${String((error as Error).message ?? 'network error').split('?')[0]})`);
		}
		const body = parseJson(reply.body);
		const token = typeof body.access_token === 'string' ? body.access_token : '';
		if ((reply.statusCode ?? 0) >= 300 || token === '') {
			const said = [body.error, body.error_description, typeof body.errors === 'string' ? body.errors : undefined].filter(Boolean).join(': ');
			throw new CredentialSetupError(
				`Shopify refused the token request (HTTP ${reply.statusCode ?? '?'}${said ? `, ${String(said)}` : ''}): check the Shop URL, Client ID and Client Secret, and that the app is installed on this store`,
			);
		}
		const expiresIn = Number(body.expires_in ?? 0);
		return {
			accessToken: token,
			// ~86 399 s; without an expiry, assume Shopify's documented 24 h.
			accessTokenExpiresAt: now + (expiresIn > 0 ? expiresIn : 86_400) * 1000,
			accessTokenObtainedAt: now,
		};
	}

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		let options: IHttpRequestOptions;
		let token: string;
		if (credentials.authType === 'accessToken') {
			token = String(credentials.adminAccessToken ?? '').trim();
			if (!token) throw new CredentialSetupError('Shopify: the Admin API access token is empty');
			const headers = { ...((requestOptions.headers ?? {}) as Record<string, string>) };
			for (const key of Object.keys(headers)) if (key.toLowerCase() === TOKEN_REJECTED_HEADER) delete headers[key];
			options = { ...requestOptions, headers };
		} else {
			// A token saved without an expiry is not one from the grant (e.g. the mode was switched).
			if (!(Number(credentials.accessTokenExpiresAt ?? 0) > 0)) {
				options = checkToken({ ...credentials, accessToken: '' }, requestOptions, Date.now());
			} else {
				options = checkToken(credentials, requestOptions, Date.now());
			}
			token = String(credentials.accessToken);
		}
		const baseUrl = storeUrlOf(credentials);
		const path = String(options.url ?? '');
		const version = String(credentials.apiVersion || DEFAULT_SHOPIFY_API_VERSION);
		const rest = { ...options };
		delete rest.baseURL;
		return {
			...rest,
			url: path.startsWith('/') ? `${baseUrl}${path}` : `${baseUrl}${graphqlPath(version).replace('graphql.json', path)}`,
			headers: { ...(options.headers ?? {}), 'X-Shopify-Access-Token': token, 'Content-Type': 'application/json', Accept: 'application/json' },
		};
	};

	test: ICredentialTestRequest = {
		request: { method: 'POST', url: 'graphql.json', body: { query: '{ shop { name currencyCode } }' } },
	};
}

/** The store's URL as typed (normalised), https unless the credential allows HTTP. */
function storeUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const baseUrl = shopBaseUrl(String(credentials.baseUrl ?? ''));
	if (!baseUrl) throw new CredentialSetupError('Shopify: the Shop URL is empty');
	return checkedShopBaseUrl('Shopify', baseUrl, '', credentials.allowHttp, 'Shop URL');
}

function parseJson(body: unknown): Record<string, unknown> {
	if (typeof body === 'object' && body !== null) return body as Record<string, unknown>;
	try {
		const parsed = JSON.parse(String(body ?? '')) as unknown;
		return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
