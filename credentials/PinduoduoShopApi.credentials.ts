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
	needsNoAccessToken,
	PDD_GATEWAY,
	pddFormBody,
	pddRouterUrl,
	readTokenAnswer,
	signedPddForm,
	TIME_GET,
	TOKEN_CREATE,
	TOKEN_REFRESH,
} from '../nodes/lib/shop/platforms/pinduoduo';
import { CredentialSetupError, STORED_TOKEN_PROPERTIES, checkToken, refreshTokenUsable } from '../nodes/shared/shop/tokens';
import { REQUEST_RATE_PROPERTY } from '../nodes/shared/shop/rateLimit';
import { ALLOW_HTTP_PROPERTY } from '../nodes/shared/baseUrl';
import { checkedShopBaseUrl } from '../nodes/shared/shop/baseUrl';

const NAME = 'Pinduoduo Shop (拼多多) API';
const REAUTHORISE =
	'authorise the app again on the shop (its main account opens the authorisation link of the app) and paste the new code into Authorization Code (授权码)';

/**
 * Pinduoduo open platform (拼多多开放平台) app authorised by one shop: signs every request
 * (the node never sees the secret) and keeps the shop's access token. The authorization code
 * is exchanged once (pdd.pop.auth.token.create), then the token is renewed with the refresh
 * token (pdd.pop.auth.token.refresh) ten minutes before the expiry Pinduoduo gave, or when
 * Pinduoduo answers 10019 access_token已过期; n8n saves each new token into this credential
 * (nodes/shared/shop/tokens.ts).
 */
export class PinduoduoShopApi implements ICredentialType {
	name = 'pinduoduoShopApi';

	displayName = 'Pinduoduo Shop (拼多多) API';

	icon: Icon = { light: 'file:../nodes/PinduoduoShop/pinduoduoShop.svg', dark: 'file:../nodes/PinduoduoShop/pinduoduoShop.dark.svg' };

	documentationUrl = 'https://github.com/commerce-ops/n8n-nodes-commerce-ops/blob/main/docs/nodes/PinduoduoShop.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID (应用 client_id)',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: '拼多多开放平台 → 控制台 → 应用管理 → 应用详情 → client_id',
		},
		{
			displayName: 'Client Secret (应用 client_secret)',
			name: 'clientSecret',
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
				"The code Pinduoduo adds to the app's callback URL when the shop's main account authorises the app. Paste it once: it is exchanged for the shop's token on the first call and then cleared; later tokens come from the refresh token.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: PDD_GATEWAY,
			description: 'The API gateway (requests go to <Base URL>/api/router). Change it only for a proxy or a test server.',
		},
		ALLOW_HTTP_PROPERTY,
		REQUEST_RATE_PROPERTY,
		...STORED_TOKEN_PROPERTIES,
	];

	/** Creates the token from the authorization code, or renews it with the refresh token. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const now = Date.now();
		let type: string;
		let params: IDataObject;
		if (refreshTokenUsable(credentials, now)) {
			type = TOKEN_REFRESH;
			params = { refresh_token: String(credentials.refreshToken) };
		} else if (String(credentials.authCode ?? '').trim() !== '') {
			type = TOKEN_CREATE;
			params = { code: String(credentials.authCode).trim() };
		} else if (String(credentials.accessToken ?? '') === '') {
			// Nothing to exchange yet: requests that need no token (the credential test) go on;
			// the others stop in authenticate with what to do.
			return {};
		} else {
			throw new CredentialSetupError(`${NAME}: the access token expired and there is no usable refresh token; ${REAUTHORISE}`);
		}
		const form = signedPddForm({ type, clientId: clientIdOf(credentials), clientSecret: clientSecretOf(credentials), accessToken: '', now, params });
		let reply: unknown;
		try {
			const text = (await this.helpers.httpRequest({
				method: 'POST',
				url: routerUrlOf(credentials),
				body: pddFormBody(form),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
				json: false,
				encoding: 'text',
				timeout: 30_000,
				// Not redirected: the form carries the refresh token or the code (issue 14).
				disableFollowRedirect: true,
			})) as string;
			reply = parseJsonKeepingBigIntegers(text);
		} catch (error) {
			throw new CredentialSetupError(`${NAME}: the token request failed (${String((error as Error).message ?? 'network error').split('?')[0]})`);
		}
		const answer = readTokenAnswer(reply, now);
		if (!answer.ok) {
			const what = type === TOKEN_CREATE ? 'the authorization code (used already, expired, or not for this app?)' : 'the refresh token';
			throw new CredentialSetupError(`${NAME}: Pinduoduo refused the token request: ${answer.code} ${answer.message} — ${what}; ${REAUTHORISE}`);
		}
		return {
			accessToken: answer.accessToken,
			accessTokenExpiresAt: answer.accessTokenExpiresAt,
			accessTokenObtainedAt: now,
			refreshToken: answer.refreshToken || String(credentials.refreshToken ?? ''),
			refreshTokenExpiresAt: answer.refreshToken ? answer.refreshTokenExpiresAt : Number(credentials.refreshTokenExpiresAt ?? 0),
			// A code works once: forget it so later runs use the refresh token.
			...(type === TOKEN_CREATE ? { authCode: '' } : {}),
		};
	}

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => {
		const type = String(requestOptions.url ?? '');
		const tokenFree = needsNoAccessToken(type);
		if (!tokenFree && String(credentials.accessToken ?? '') === '' && !refreshTokenUsable(credentials, Date.now()) && String(credentials.authCode ?? '').trim() === '') {
			throw new CredentialSetupError(`${NAME}: no access token yet and no authorization code; ${REAUTHORISE}`);
		}
		const options = tokenFree ? requestOptions : checkToken(credentials, requestOptions, Date.now());
		const form = signedPddForm({
			type,
			clientId: clientIdOf(credentials),
			clientSecret: clientSecretOf(credentials),
			accessToken: tokenFree ? '' : String(credentials.accessToken),
			now: Date.now(),
			params: (options.body ?? {}) as IDataObject,
		});
		const rest = { ...options };
		delete rest.baseURL;
		delete rest.qs;
		return {
			...rest,
			method: 'POST',
			url: routerUrlOf(credentials),
			body: pddFormBody(form),
			headers: { ...(options.headers ?? {}), 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
			// Text, so that long integer ids are parsed with every digit (the connector parses it).
			// The credential test stays JSON: n8n's tester reads error_response from the object.
			...(type === TIME_GET ? { json: true } : { json: false, encoding: 'text' as const }),
		};
	};

	// pdd.time.get needs no shop authorisation and changes nothing: it checks the Client ID
	// and the Client Secret (the signature) alone.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: TIME_GET },
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error_response.error_code', value: 20004, message: 'Pinduoduo rejected the signature (20004): check the Client Secret' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_response.error_code', value: 10016, message: 'Pinduoduo does not know this Client ID or the app is offline (10016)' } },
			{
				type: 'responseSuccessBody',
				properties: { key: 'error_response.error_code', value: 20005, message: "Pinduoduo refused this server's IP address (20005): add it to the app's IP allow-list (IP 白名单)" },
			},
		],
	};
}

function clientIdOf(credentials: ICredentialDataDecryptedObject): string {
	const clientId = String(credentials.clientId ?? '').trim();
	if (!clientId || !String(credentials.clientSecret ?? '')) throw new CredentialSetupError(`${NAME}: Client ID and Client Secret are required`);
	return clientId;
}

function routerUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return pddRouterUrl(checkedShopBaseUrl(NAME, credentials.baseUrl, PDD_GATEWAY, credentials.allowHttp));
}

function clientSecretOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.clientSecret ?? '');
}
