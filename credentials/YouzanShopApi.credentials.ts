import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { readTokenAnswer, silentTokenBody, TOKEN_PATH } from '../nodes/lib/shop/platforms/youzan';
import { checkToken, CredentialSetupError, STORED_TOKEN_PROPERTIES } from '../nodes/shared/shop/tokens';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';

const YOUZAN_BASE_URL = 'https://open.youzanyun.com';

function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return checkedShopBaseUrl('Youzan', credentials.baseUrl, YOUZAN_BASE_URL, credentials.allowHttp, 'API Base URL');
}

/**
 * Youzan Cloud (有赞云) self-use app (自用型应用): the client id and secret get a 7-day access
 * token for one shop (POST /auth/token, authorize_type silent, grant_id = the shop's kdt_id;
 * youzan/open-sdk-node src/token.js). The token is fetched and saved by n8n through
 * preAuthentication and sent in the query string of every call (`?access_token=`, the only
 * place Youzan reads it). Youzan signs nothing.
 */
export class YouzanShopApi implements ICredentialType {
	name = 'youzanShopApi';

	displayName = 'Youzan Shop (有赞) API';

	icon: Icon = { light: 'file:../nodes/YouzanShop/youzanShop.svg', dark: 'file:../nodes/YouzanShop/youzanShop.dark.svg' };

	documentationUrl = 'https://doc.youzanyun.com/resource/doc/3027';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Of your self-use app (自用型应用) in the Youzan Cloud console (有赞云控制台 → 应用管理 → 凭证)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Shop ID (授权店铺 kdt_id)',
			name: 'grantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '12345678',
			description: 'The kdt_id of the shop the app is authorised for (应用 → 授权店铺)',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: YOUZAN_BASE_URL,
			description: 'Change it only for a proxy or a test server',
		},
		ALLOW_HTTP_PROPERTY,
		REQUEST_RATE_PROPERTY,
		...STORED_TOKEN_PROPERTIES,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const clientId = String(credentials.clientId ?? '').trim();
		const clientSecret = String(credentials.clientSecret ?? '').trim();
		const grantId = String(credentials.grantId ?? '').trim();
		if (!clientId || !clientSecret || !grantId) {
			throw new CredentialSetupError('the Youzan credential needs the Client ID, Client Secret and Shop ID');
		}
		const url = `${baseUrlOf(credentials)}${TOKEN_PATH}`;
		let body: unknown;
		try {
			body = await this.helpers.httpRequest({
				method: 'POST',
				url,
				headers: { 'Content-Type': 'application/json;charset=UTF-8' },
				body: silentTokenBody({ clientId, clientSecret, grantId }),
				json: true,
				timeout: 30_000,
				// Not redirected: the body carries the client secret (issue 14).
				disableFollowRedirect: true,
			});
		} catch (error) {
			// A credential fault, as the other shops' token requests: shown as it is, not retried
			// as if the shop were busy (a redirect or a refused connection stays so on a retry).
			throw new CredentialSetupError(`Youzan: the token request failed (${String((error as Error).message ?? 'network error').split('?')[0]})`);
		}
		const now = Date.now();
		const answer = readTokenAnswer(body, now);
		if (!answer.ok) {
			throw new CredentialSetupError(
				`Youzan refused the token request (code ${answer.code}: ${answer.message}); check the Client ID, Client Secret and that the app is authorised for shop ${grantId}`,
			);
		}
		return {
			accessToken: answer.accessToken,
			accessTokenExpiresAt: answer.expiresAt,
			accessTokenObtainedAt: now,
			...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
		};
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const options = checkToken(credentials, requestOptions, Date.now());
		const path = String(options.url ?? '');
		const rest = { ...options };
		// The URL is built whole here; a baseURL left on the request would be prefixed to it.
		delete rest.baseURL;
		return {
			...rest,
			url: /^https?:\/\//.test(path) ? path : `${baseUrlOf(credentials)}${path.startsWith('/') ? '' : '/'}${path}`,
			qs: { ...((options.qs ?? {}) as Record<string, unknown>), access_token: String(credentials.accessToken) },
			headers: { ...((options.headers ?? {}) as Record<string, string>), 'Content-Type': 'application/json;charset=UTF-8' },
		};
	}

	// youzan.shop.get 3.0.0 reads the shop's name: any valid token of the shop may call it.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '/api/youzan.shop.get/3.0.0', body: {} },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: false, message: 'Youzan refused the request: check that the app has the shop API pack (店铺) and is authorised for the shop' },
			},
		],
	};
}
