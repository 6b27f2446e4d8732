/**
 * Youzan's access token (youzan/open-sdk-node src/token.js, src/config/http.js): POST
 * /auth/token with a JSON body. A self-use app (自用型应用) asks with authorize_type `silent`,
 * its client_id and client_secret and grant_id = the shop's id (kdt_id); `refresh: true` also
 * returns a refresh_token. Since a silent request can always be made again, the refresh
 * token is only kept, never needed.
 *
 * Answer (waywake/youzan-sdk-ts src/types.ts TokenGetResponse):
 * `{ success: true, code: 200, data: { access_token, expires, scope, authority_id, refresh_token } }`
 * with `expires` an absolute epoch in MILLISECONDS (as two public clients read it; the
 * official text is UNCONFIRMED, so a value that can only be seconds or a lifetime is read as such).
 * A refusal: `{ success: false, code: 1103, message: "Client 不存在" }` (ERR).
 */

export const TOKEN_PATH = '/auth/token';

export interface SilentTokenRequest {
	clientId: string;
	clientSecret: string;
	/** The shop's kdt_id (店铺 ID). */
	grantId: string;
}

export function silentTokenBody(request: SilentTokenRequest): Record<string, unknown> {
	const numeric = /^\d+$/.test(request.grantId);
	return {
		authorize_type: 'silent',
		client_id: request.clientId,
		client_secret: request.clientSecret,
		// kdt_id is a number in the SDK's examples (grant_id: 110, vectors Y1).
		grant_id: numeric ? Number(request.grantId) : request.grantId,
		refresh: true,
	};
}

export type TokenAnswer =
	| { ok: true; accessToken: string; expiresAt: number; refreshToken?: string }
	| { ok: false; code: string; message: string };

/** About seven days (third-party notes; UNCONFIRMED), used when an answer gives no expiry. */
const DEFAULT_LIFETIME_MS = 7 * 86_400_000;

export function readTokenAnswer(body: unknown, now: number): TokenAnswer {
	const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const data = (answer.data ?? {}) as Record<string, unknown>;
	const accessToken = typeof data.access_token === 'string' ? data.access_token : '';
	if (answer.success !== true || Number(answer.code) !== 200 || accessToken === '') {
		const gateway = answer.gw_err_resp as { err_code?: unknown; err_msg?: unknown } | undefined;
		return {
			ok: false,
			code: String(gateway?.err_code ?? answer.code ?? 'unknown'),
			message: String(gateway?.err_msg ?? answer.message ?? 'no access token in the answer'),
		};
	}
	const refreshToken = typeof data.refresh_token === 'string' && data.refresh_token !== '' ? data.refresh_token : undefined;
	return { ok: true, accessToken, expiresAt: expiresAtOf(data.expires, now), ...(refreshToken ? { refreshToken } : {}) };
}

/** `expires` → epoch ms: ms epoch as documented by use; seconds epoch or a lifetime in seconds read defensively. */
export function expiresAtOf(expires: unknown, now: number): number {
	const value = Number(expires);
	if (!Number.isFinite(value) || value <= 0) return now + DEFAULT_LIFETIME_MS;
	if (value > 1e12) return value; // ms epoch (2001 onwards)
	if (value > 1e9) return value * 1000; // s epoch
	return now + value * 1000; // a lifetime in seconds
}

/** `/api/{api}/{version}` (src/config/http.js getUrlAPI; the token goes in the query string). */
export function apiPath(api: string, version: string): string {
	return `/api/${api}/${version}`;
}
