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

import { parseJsonKeepingBigIntegers } from '../nodes/lib/shop/json/bigIntegers';
import {
	canonicalParamJson,
	douyinPath,
	douyinSign,
	douyinTimestamp,
	type DouyinSignMethod,
} from '../nodes/lib/shop/platforms/douyin';
import { CredentialSetupError, STORED_TOKEN_PROPERTIES, checkToken, refreshTokenUsable } from '../nodes/shared/shop/tokens';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';

const DOUYIN_BASE_URL = 'https://openapi-fxg.jinritemai.com';
/** Refresh tokens live 14 days (official Go SDK `core/create_token_request.go` comment). */
const REFRESH_TOKEN_LIFETIME_MS = 14 * 86_400_000;

/**
 * Douyin Shop (抖店开放平台) app: signs every request (the node never sees the secret) and
 * keeps the shop's access token fresh. Tokens last ~7 days, refresh tokens ~14 days; n8n
 * saves each new pair back into this credential (see nodes/shared/shop/tokens.ts).
 */
export class DouyinShopApi implements ICredentialType {
	name = 'douyinShopApi';

	displayName = 'Douyin Shop (抖店) API';

	icon: Icon = { light: 'file:../nodes/DouyinShop/douyinShop.svg', dark: 'file:../nodes/DouyinShop/douyinShop.dark.svg' };

	documentationUrl = 'https://op.jinritemai.com/docs/guide-docs/9/21';

	properties: INodeProperties[] = [
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: '抖店开放平台 → 控制台 → 应用详情 → App Key',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'App Type',
			name: 'authorization',
			type: 'options',
			default: 'self',
			options: [
				{ name: 'Self-Use App (自用型应用)', value: 'self', description: 'Your own shop: the token is created from the shop ID' },
				{ name: 'Tool App, Authorization Code (工具型应用)', value: 'code', description: 'An app the shop authorised: paste the code once' },
			],
		},
		{
			displayName: 'Shop ID (店铺 ID)',
			name: 'shopId',
			type: 'string',
			default: '',
			displayOptions: { show: { authorization: ['self'] } },
		},
		{
			displayName: 'Authorization Code (授权码)',
			name: 'authCode',
			type: 'string',
			default: '',
			displayOptions: { show: { authorization: ['code'] } },
			description: 'The code from the shop\'s authorisation (valid 10 minutes, used once); later tokens come from the refresh token',
		},
		{
			displayName: 'Sign Method',
			name: 'signMethod',
			type: 'options',
			default: 'hmac-sha256',
			options: [
				{ name: 'HMAC-SHA256 (Recommended)', value: 'hmac-sha256' },
				{ name: 'MD5', value: 'md5' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DOUYIN_BASE_URL,
			description: 'Change only for a gateway, the sandbox (https://openapi-sandbox.jinritemai.com) or a test server',
		},
		ALLOW_HTTP_PROPERTY,
		REQUEST_RATE_PROPERTY,
		...STORED_TOKEN_PROPERTIES,
	];

	/** Creates or refreshes the shop's access token (token.create / token.refresh). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const now = Date.now();
		let method: string;
		let params: IDataObject;
		if (refreshTokenUsable(credentials, now)) {
			method = 'token.refresh';
			params = { grant_type: 'refresh_token', refresh_token: String(credentials.refreshToken) };
		} else if (credentials.authorization === 'code') {
			if (!credentials.authCode) throw new CredentialSetupError('Douyin Shop: no authorization code and no usable refresh token; authorise the app again and paste the new code');
			method = 'token.create';
			params = { code: String(credentials.authCode), grant_type: 'authorization_code' };
		} else {
			if (!credentials.shopId) throw new CredentialSetupError('Douyin Shop: the Shop ID is empty');
			method = 'token.create';
			params = { code: '', grant_type: 'authorization_self', shop_id: String(credentials.shopId) };
		}
		const signed = signedRequest(credentials, method, params, '');
		let reply: unknown;
		try {
			// Not redirected: the request is signed with the app secret and names the shop (issue 14).
			const text = (await this.helpers.httpRequest({ ...signed, method: 'POST', json: false, encoding: 'text', timeout: 30_000, disableFollowRedirect: true })) as string;
			reply = parseJsonKeepingBigIntegers(text);
		} catch (error) {
			throw new CredentialSetupError(`Douyin Shop: the token request failed (${(error as Error).message?.split('?')[0] ?? 'network error'})`);
		}
		const body = reply as { code?: number; msg?: string; sub_code?: string; sub_msg?: string; data?: IDataObject };
		if (body.code !== 10000 || !body.data?.access_token) {
			throw new CredentialSetupError(
				`Douyin Shop refused the token request: ${body.code ?? '?'} ${body.sub_code ?? ''} ${body.sub_msg || body.msg || ''}`.trim(),
			);
		}
		const data = body.data;
		const expiresIn = Number(data.expires_in ?? 0);
		// The SDK comments disagree whether expires_in is a duration or a Unix time: above 10⁹ it can only be a time.
		const accessTokenExpiresAt = expiresIn > 1e9 ? expiresIn * 1000 : now + expiresIn * 1000;
		return {
			accessToken: String(data.access_token),
			accessTokenExpiresAt,
			accessTokenObtainedAt: now,
			refreshToken: String(data.refresh_token ?? ''),
			refreshTokenExpiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
			// An authorization code works once: forget it so later runs use the refresh token.
			...(method === 'token.create' && credentials.authorization === 'code' ? { authCode: '' } : {}),
		};
	}

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const method = String(requestOptions.url ?? '');
		// token.* calls are signed with the app key and secret alone (no access token): the
		// credential test uses token.create, before any token exists.
		const isTokenCall = method.startsWith('token.');
		const options = isTokenCall ? requestOptions : checkToken(credentials, requestOptions, Date.now());
		const signed = signedRequest(credentials, method, (options.body ?? {}) as IDataObject, isTokenCall ? '' : String(credentials.accessToken));
		const rest = { ...options };
		delete rest.baseURL;
		delete rest.qs;
		return {
			...rest,
			...signed,
			headers: { ...(options.headers ?? {}), ...signed.headers },
			// Text, so that 64-bit ids are parsed with every digit (the connector parses it). The
			// credential test's token call stays JSON: n8n's tester reads `code` from the object.
			...(isTokenCall ? { json: true } : { json: false, encoding: 'text' as const }),
		};
	};

	// token.create with the app key, secret and shop ID: checks the three together without
	// needing a stored token (n8n's tester does not save one). For a self-use app this is the
	// call the node makes first; the platform answers with the shop's current token.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: 'token.create',
			body: { code: '', grant_type: 'authorization_self', shop_id: '={{ $credentials.shopId }}' },
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 40003, message: 'Douyin Shop rejected the signature (40003): check the App Key and App Secret' } },
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 50001,
					message: 'No token for this shop (50001): check the Shop ID and that the shop authorised the app (a tool app is checked on its first run instead)',
				},
			},
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 30002, message: "The platform refused this server's IP address (30002): add it to the app's IP allow-list" } },
		],
	};
}

/** URL, query and body of a signed call: param_json is the body, the signature covers it byte for byte. */
function signedRequest(credentials: ICredentialDataDecryptedObject, method: string, params: unknown, accessToken: string) {
	const appKey = String(credentials.appKey ?? '').trim();
	const appSecret = String(credentials.appSecret ?? '');
	if (!appKey || !appSecret) throw new CredentialSetupError('Douyin Shop: App Key and App Secret are required');
	const signMethod = (credentials.signMethod as DouyinSignMethod) || 'hmac-sha256';
	const paramJson = canonicalParamJson(params ?? {});
	const timestamp = douyinTimestamp(Date.now(), 'unixSeconds');
	const sign = douyinSign({ appKey, appSecret, method, paramJson, timestamp, signMethod });
	const baseUrl = checkedShopBaseUrl('Douyin Shop', credentials.baseUrl, DOUYIN_BASE_URL, credentials.allowHttp);
	return {
		url: `${baseUrl}${douyinPath(method)}`,
		qs: {
			app_key: appKey,
			method,
			...(accessToken ? { access_token: accessToken } : {}),
			timestamp,
			v: '2',
			sign_method: signMethod,
			sign,
		},
		body: paramJson,
		headers: {
			'Content-Type': 'application/json;charset=utf-8',
			// Asks for the code/sub_code error scheme the official SDKs read (10000 = success).
			'x-open-no-old-err-code': '1',
		},
	};
}
