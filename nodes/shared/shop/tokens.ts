/**
 * Access tokens that expire (Douyin Shop: ~7 days; Youzan: 7 days), refreshed the way n8n's
 * own expirable-token credentials are: the credential has a hidden `typeOptions.expirable`
 * property and a `preAuthentication` function; n8n calls it when the token is empty, or when
 * a request "failed with 401", and saves what it returns into the credential
 * (n8n packages/cli/src/credentials-helper.ts `preAuthentication`, core
 * `httpRequestWithAuthentication`).
 *
 * These platforms never answer 401: an expired token comes back as HTTP 200 with an error
 * code. So the credential's `authenticate` raises the 401 itself, before sending, when
 * - the token's stored expiry has passed (minus a margin), or
 * - the transport marks the request as re-sent after the platform rejected the token
 *   (header below, carrying when it was rejected) and the token was obtained before that.
 * n8n then refreshes, saves and authenticates again; the marker is never sent.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { headerValue } from '../../lib/httpHeaders';

export const TOKEN_REJECTED_HEADER = 'x-commerce-ops-token-rejected-at';

/** Refresh this long before the platform's expiry, so no request goes out with a token about to lapse. */
const EXPIRY_MARGIN_MS = 10 * 60_000;

/** The fields every expiring-token credential of the pack keeps (hidden, filled by preAuthentication). */
export interface StoredToken {
	accessToken: string;
	/** Epoch ms the platform said the token expires. */
	accessTokenExpiresAt: number;
	/** Epoch ms the token was obtained. */
	accessTokenObtainedAt: number;
	refreshToken?: string;
	refreshTokenExpiresAt?: number;
}

/** Prefix of errors the credential itself raises (missing settings, token request refused): never retried. */
export const CREDENTIAL_FAULT = 'Credential: ';

/** A credential that cannot work as set up (no app key, the token request was refused). */
export class CredentialSetupError extends Error {
	constructor(reason: string) {
		super(CREDENTIAL_FAULT + reason);
		this.name = 'CredentialSetupError';
	}
}

/** What n8n's 401 handling looks for (`error.response.status === 401`). */
export class TokenRefreshNeeded extends Error {
	readonly response = { status: 401 };

	constructor(reason: string) {
		super(reason);
		this.name = 'TokenRefreshNeeded';
	}
}

/**
 * Throws TokenRefreshNeeded when the stored token must be refreshed first; otherwise returns
 * the request options without the marker header.
 */
export function checkToken(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions, now: number): IHttpRequestOptions {
	const token = String(credentials.accessToken ?? '');
	const expiresAt = Number(credentials.accessTokenExpiresAt ?? 0);
	const obtainedAt = Number(credentials.accessTokenObtainedAt ?? 0);
	const rejectedAt = Number(headerValue(options.headers as Record<string, unknown> | undefined, TOKEN_REJECTED_HEADER) ?? NaN);
	if (token === '') throw new TokenRefreshNeeded('no access token yet');
	if (Number.isFinite(rejectedAt) && obtainedAt < rejectedAt) throw new TokenRefreshNeeded('the platform rejected the access token');
	if (expiresAt > 0 && now >= expiresAt - EXPIRY_MARGIN_MS) throw new TokenRefreshNeeded('the access token has expired');
	const headers = { ...((options.headers ?? {}) as Record<string, string>) };
	for (const key of Object.keys(headers)) if (key.toLowerCase() === TOKEN_REJECTED_HEADER) delete headers[key];
	return { ...options, headers };
}

/** Whether a stored refresh token can still be used (undefined expiry: assume yes). */
export function refreshTokenUsable(credentials: ICredentialDataDecryptedObject, now: number): boolean {
	const refreshToken = String(credentials.refreshToken ?? '');
	const expiresAt = Number(credentials.refreshTokenExpiresAt ?? 0);
	return refreshToken !== '' && (expiresAt === 0 || now < expiresAt - 60_000);
}

/** The hidden credential properties an expiring-token credential declares. */
export const STORED_TOKEN_PROPERTIES = [
	{ displayName: 'Access Token', name: 'accessToken', type: 'hidden' as const, typeOptions: { expirable: true, password: true }, default: '' },
	{ displayName: 'Access Token Expires At', name: 'accessTokenExpiresAt', type: 'hidden' as const, default: 0 },
	{ displayName: 'Access Token Obtained At', name: 'accessTokenObtainedAt', type: 'hidden' as const, default: 0 },
	{ displayName: 'Refresh Token', name: 'refreshToken', type: 'hidden' as const, typeOptions: { password: true }, default: '' },
	{ displayName: 'Refresh Token Expires At', name: 'refreshTokenExpiresAt', type: 'hidden' as const, default: 0 },
];
