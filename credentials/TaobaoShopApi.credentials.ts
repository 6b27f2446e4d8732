import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { topParams, topSign, topTime, TOP_SIGN_METHODS, type TopSignMethod } from '../nodes/lib/shop/platforms/taobao';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';
import { CredentialSetupError, TOKEN_REJECTED_HEADER } from '../nodes/shared/shop/tokens';

/**
 * The REST gateway of the facts (domain.md §5). The official SDKs are configured with
 * a server URL by the caller; http(s)://gw.api.taobao.com/router/rest is the other common one.
 */
const TOP_GATEWAY = 'https://eco.taobao.com/router/rest';
/** Reads the seller's nick: needs a valid app key, signature and session, writes nothing. */
const CREDENTIAL_TEST_METHOD = 'taobao.user.seller.get';

/**
 * Taobao / Tmall open platform (淘宝开放平台, TOP) app and the shop's session key. Signs every
 * call (the node never sees the secret): all parameters, system and business, go in the POST
 * form and into the signature (nodes/lib/shop/platforms/taobao/signing.ts). The session key is
 * typed in: refreshing it (oauth.taobao.com/token, grant_type=refresh_token) is offered only to
 * some app types and could not be confirmed, so when TOP answers 27 Invalid Session the node
 * stops with an error that names this credential and says how to get a new key.
 */
export class TaobaoShopApi implements ICredentialType {
	name = 'taobaoShopApi';

	displayName = 'Taobao / Tmall (淘宝/天猫) API';

	icon: Icon = { light: 'file:../nodes/TaobaoShop/taobaoShop.svg', dark: 'file:../nodes/TaobaoShop/taobaoShop.dark.svg' };

	documentationUrl = 'https://open.taobao.com/doc.htm?docId=101617&docType=1';

	properties: INodeProperties[] = [
		{
			displayName: 'App Key (应用 AppKey)',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: '淘宝开放平台 → 控制台 → 应用管理 → 应用信息 → App Key',
		},
		{
			displayName: 'App Secret (应用 AppSecret)',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Session Key (授权 SessionKey / access_token)',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access token the shop gave the app when it authorised it (授权后返回的 access_token, also called SessionKey). It expires (its lifetime depends on the app type); when Taobao answers 27 Invalid Session, authorise again and paste the new key here.',
		},
		{
			displayName: 'Shop Type (店铺类型)',
			name: 'shopType',
			type: 'options',
			default: 'taobao',
			options: [
				{ name: 'Taobao (淘宝 C 店)', value: 'taobao' },
				{ name: 'Tmall (天猫)', value: 'tmall' },
			],
			description: 'Written on every order as its platform: taobao or tmall',
		},
		{
			displayName: 'Sign Method (签名方法)',
			name: 'signMethod',
			type: 'options',
			default: 'hmac-sha256',
			options: [
				{ name: 'HMAC-SHA256 (Recommended)', value: 'hmac-sha256' },
				{ name: 'HMAC (HMAC-MD5)', value: 'hmac' },
				{ name: 'MD5', value: 'md5' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: TOP_GATEWAY,
			description: 'The TOP REST gateway. Change it only for another gateway (e.g. https://gw.api.taobao.com/router/rest) or a test server.',
		},
		ALLOW_HTTP_PROPERTY,
		REQUEST_RATE_PROPERTY,
	];

	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		const method = String(requestOptions.url ?? '');
		const isTest = method === CREDENTIAL_TEST_METHOD;
		const form = signedForm(credentials, method, {
			...((requestOptions.qs ?? {}) as Record<string, unknown>),
			...((typeof requestOptions.body === 'object' && requestOptions.body !== null ? requestOptions.body : {}) as Record<string, unknown>),
		});
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries((requestOptions.headers ?? {}) as Record<string, string>)) {
			// The transport's "token rejected" marker is for expiring-token credentials; never sent.
			if (key.toLowerCase() !== TOKEN_REJECTED_HEADER) headers[key] = value;
		}
		const rest = { ...requestOptions };
		delete rest.baseURL;
		delete rest.qs;
		return {
			...rest,
			method: 'POST',
			url: checkedShopBaseUrl('Taobao / Tmall', credentials.baseUrl, TOP_GATEWAY, credentials.allowHttp),
			// Everything in the form body: the session and the signature never appear in a URL.
			body: new URLSearchParams(form).toString(),
			headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
			// Text, so that 64-bit trade ids keep every digit (the connector parses it). The
			// credential test stays JSON: n8n's tester reads the answer's fields.
			...(isTest ? { json: true } : { json: false, encoding: 'text' as const }),
		};
	};

	// n8n's tester fails the test when get(body, key) === value: the specific codes first, then
	// any answer without the method's success wrapper.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: CREDENTIAL_TEST_METHOD, body: { fields: 'nick' } },
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: 25, message: 'Taobao rejected the signature (25 Invalid Signature): check the App Secret and the Sign Method' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: 29, message: 'Taobao does not know the App Key (29 Invalid App Key)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: 27, message: 'The Session Key is invalid or expired (27 Invalid Session): authorise the app for the shop again and paste the new key' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: 26, message: 'The Session Key is missing (26 Missing Session)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_response.code', value: 31, message: "Taobao refused the timestamp (31 Invalid Timestamp): the n8n server's clock is off" } },
			{
				type: 'responseSuccessBody',
				properties: { key: 'user_seller_get_response', value: undefined, message: 'Taobao refused the request: check the App Key, App Secret, Sign Method and Session Key, and that the app has the user API (taobao.user.seller.get)' },
			},
		],
	};
}

/** The signed form of one call: system parameters, the business parameters, and `sign`. */
function signedForm(credentials: ICredentialDataDecryptedObject, method: string, business: Record<string, unknown>): Record<string, string> {
	const appKey = String(credentials.appKey ?? '').trim();
	const appSecret = String(credentials.appSecret ?? '');
	const session = String(credentials.accessToken ?? '').trim();
	if (!appKey || !appSecret) throw new CredentialSetupError('Taobao / Tmall: App Key and App Secret are required');
	if (!session) throw new CredentialSetupError('Taobao / Tmall: the Session Key is empty; authorise the app for the shop and paste its session key into the credential');
	if (!/^[a-z]+(\.[a-z0-9]+)+$/i.test(method)) throw new CredentialSetupError(`Taobao / Tmall: "${method}" is not a TOP method name`);
	const chosen = String(credentials.signMethod ?? '') as TopSignMethod;
	const signMethod: TopSignMethod = TOP_SIGN_METHODS.includes(chosen) ? chosen : 'hmac-sha256';
	const params = topParams({
		...business,
		method,
		app_key: appKey,
		session,
		timestamp: topTime(Date.now()),
		format: 'json',
		v: '2.0',
		sign_method: signMethod,
	});
	return { ...params, sign: topSign(params, appSecret, signMethod) };
}
