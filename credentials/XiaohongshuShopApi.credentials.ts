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

import {
	readXhsTokenAnswer,
	XHS_GATEWAY_PATH,
	XHS_TOKEN_METHODS,
	xhsEnvelope,
	xhsTimestamp,
} from '../nodes/lib/shop/platforms/xiaohongshu';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';
import { CredentialSetupError, STORED_TOKEN_PROPERTIES, checkToken, refreshTokenUsable } from '../nodes/shared/shop/tokens';

/** The ark gateway host (doc 040 注2: https://ark.xiaohongshu.com/ark/open_api/v3/common_controller). */
const XHS_BASE_URL = 'https://ark.xiaohongshu.com';
const NAME = 'Xiaohongshu Shop (小红书)';

/**
 * Xiaohongshu ark open platform (小红书电商开放平台) app: signs every request (the node never
 * sees the secret) and keeps the shop's access token fresh. The shop authorises the app once
 * (an authorisation code, valid 10 minutes); the access token lasts 7 days and the refresh token
 * 14 days, rotated on each refresh; n8n saves each new pair back into this credential
 * (nodes/shared/shop/tokens.ts; token facts in nodes/lib/shop/platforms/xiaohongshu/tokens.ts).
 */
export class XiaohongshuShopApi implements ICredentialType {
	name = 'xiaohongshuShopApi';

	displayName = 'Xiaohongshu Shop (小红书) API';

	icon: Icon = { light: 'file:../nodes/XiaohongshuShop/xiaohongshuShop.svg', dark: 'file:../nodes/XiaohongshuShop/xiaohongshuShop.dark.svg' };

	documentationUrl = 'https://open.xiaohongshu.com/document/developer/file/38';

	properties: INodeProperties[] = [
		{
			displayName: 'App Key (应用 Key / appId)',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: '小红书开放平台 → 控制台 → 应用列表 → 应用管理: the app\'s appKey (the API calls it appId)',
		},
		{
			displayName: 'App Secret (应用 Secret)',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Authorization Code (授权码)',
			name: 'authCode',
			type: 'string',
			default: '',
			description:
				"The code on your redirect URL after the shop's main account authorised the app (应用管理 → 授权管理 → 复制授权链接). Valid 10 minutes; paste it and save. Later tokens come from the refresh token; paste a new code only when the node says the authorisation lapsed.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: XHS_BASE_URL,
			description: 'Change only for a gateway, the test environment (http://ark.sit.xiaohongshu.com: turn on Allow HTTP below) or a test server',
		},
		ALLOW_HTTP_PROPERTY,
		REQUEST_RATE_PROPERTY,
		...STORED_TOKEN_PROPERTIES,
	];

	/** Exchanges the authorisation code, or refreshes with the refresh token (oauth.getAccessToken / oauth.refreshToken). */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const now = Date.now();
		let method: string;
		let params: IDataObject;
		if (refreshTokenUsable(credentials, now)) {
			method = XHS_TOKEN_METHODS.refresh;
			params = { refreshToken: String(credentials.refreshToken) };
		} else if (String(credentials.authCode ?? '').trim() !== '') {
			method = XHS_TOKEN_METHODS.create;
			params = { code: String(credentials.authCode).trim() };
		} else {
			throw new CredentialSetupError(
				`${NAME}: the shop's authorisation has lapsed or was never given (no refresh token usable, no authorization code). Open the credential "Xiaohongshu Shop (小红书) API", have the shop authorise the app again (应用管理 → 授权管理 → 复制授权链接) and paste the new code.`,
			);
		}
		let reply: unknown;
		try {
			// Not redirected: the call is signed with the app secret and carries the code or refresh token (issue 14).
			reply = await this.helpers.httpRequest({ ...signedRequest(credentials, method, params, ''), method: 'POST', json: true, timeout: 30_000, disableFollowRedirect: true });
		} catch (error) {
			throw new CredentialSetupError(`${NAME}: the token request failed (${String((error as Error).message ?? 'network error').split('?')[0]})`);
		}
		const answer = readXhsTokenAnswer(reply, now);
		if (!answer.ok) {
			throw new CredentialSetupError(
				`${NAME} refused the token request (${method}): ${answer.code} ${answer.message}. If the code expired (10 minutes) or the refresh token lapsed (14 days without a run), open the credential "Xiaohongshu Shop (小红书) API" and paste a new authorization code.`,
			);
		}
		return {
			accessToken: answer.accessToken,
			accessTokenExpiresAt: answer.accessTokenExpiresAt,
			accessTokenObtainedAt: now,
			refreshToken: answer.refreshToken,
			refreshTokenExpiresAt: answer.refreshTokenExpiresAt,
			// A code works once (and 10 minutes): forget it so later runs use the refresh token.
			...(method === XHS_TOKEN_METHODS.create ? { authCode: '' } : {}),
		};
	}

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const method = String(requestOptions.url ?? '');
		// oauth.* calls carry no access token (doc 038).
		const isTokenCall = method.startsWith('oauth.');
		const options = isTokenCall ? requestOptions : checkToken(credentials, requestOptions, Date.now());
		const signed = signedRequest(credentials, method, (options.body ?? {}) as IDataObject, isTokenCall ? '' : String(credentials.accessToken ?? ''));
		const rest = { ...options };
		delete rest.baseURL;
		delete rest.qs;
		return { ...rest, ...signed, headers: { ...(options.headers ?? {}), ...signed.headers }, json: true };
	};

	// A read that changes nothing: the orders updated in the last ten minutes, one per page.
	// It checks App Key, App Secret and the shop's token (obtained from the code first) together.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: 'order.getOrderList',
			body: {
				startTime: '={{ Math.floor(Date.now() / 1000) - 600 }}',
				endTime: '={{ Math.floor(Date.now() / 1000) }}',
				timeType: 2,
				pageNo: 1,
				pageSize: 1,
			},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message:
						'Xiaohongshu refused the request: check the App Key and App Secret, that the shop authorised this app (授权管理) and that the app has the 订单 API permission',
				},
			},
		],
	};
}

/** URL, headers and JSON body of a signed call (the business parameters beside the system ones). */
function signedRequest(credentials: ICredentialDataDecryptedObject, method: string, params: IDataObject, accessToken: string) {
	const appId = String(credentials.appKey ?? '').trim();
	const appSecret = String(credentials.appSecret ?? '');
	if (!appId || !appSecret) throw new CredentialSetupError(`${NAME}: App Key and App Secret are required`);
	if (!method) throw new CredentialSetupError(`${NAME}: no API method to call`);
	const baseUrl = checkedShopBaseUrl(NAME, credentials.baseUrl, XHS_BASE_URL, credentials.allowHttp);
	return {
		url: `${baseUrl}${XHS_GATEWAY_PATH}`,
		body: xhsEnvelope({ method, appId, appSecret, timestamp: xhsTimestamp(Date.now()), accessToken: accessToken || undefined, params }),
		headers: { 'Content-Type': 'application/json;charset=utf-8' },
	};
}
