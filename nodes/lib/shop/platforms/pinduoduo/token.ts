/**
 * The shop's access token (lywzx/pdd-node-sdk `packages/pdd-origin-api/src/gongJu/
 * PddPopAuthTokenCreate.ts`, `PddPopAuthTokenRefresh.ts`; Cherrs/pdd-rs
 * `src/requests/pdd_pop_auth_token_create.rs`, `…_refresh.rs`):
 * - pdd.pop.auth.token.create { code } — the code the shop's main account gets when it
 *   authorises the app (授权页 https://fuwu.pinduoduo.com/service-market/auth or
 *   https://mms.pinduoduo.com/open.html ?response_type=code&client_id=…&redirect_uri=…);
 * - pdd.pop.auth.token.refresh { refresh_token };
 * both signed without access_token, answering `pop_auth_token_create_response` /
 * `pop_auth_token_refresh_response` { access_token, expires_in "10（表示10秒后过期）",
 * expires_at "access_token过期时间点", refresh_token, refresh_token_expires_in,
 * refresh_token_expires_at, owner_id 商家店铺id, owner_name, scope }.
 * Lifetimes are not published as numbers (they follow the app's authorisation): the node
 * keeps what each answer says. UNCONFIRMED: whether a refresh returns a new refresh token
 * (the node saves whatever comes back) and the unit of expires_at (read defensively).
 */
export const TOKEN_CREATE = 'pdd.pop.auth.token.create';
export const TOKEN_REFRESH = 'pdd.pop.auth.token.refresh';
/** No shop authorisation needed: the credential's test calls it (服务器时间, "不需用户授权"). */
export const TIME_GET = 'pdd.time.get';

/** APIs signed without an access token. */
export function needsNoAccessToken(type: string): boolean {
	return type === TOKEN_CREATE || type === TOKEN_REFRESH || type === TIME_GET;
}

export type PddTokenAnswer =
	| { ok: true; accessToken: string; accessTokenExpiresAt: number; refreshToken: string; refreshTokenExpiresAt: number; ownerId: string }
	| { ok: false; code: string; message: string };

/** An instant from a "过期时间点" (s or ms epoch) or a lifetime in seconds; 0 when neither. */
export function expiryOf(at: unknown, inSeconds: unknown, now: number): number {
	const point = Number(at);
	if (Number.isFinite(point) && point > 1e12) return point;
	if (Number.isFinite(point) && point > 1e9) return point * 1000;
	const lifetime = Number(inSeconds);
	if (Number.isFinite(lifetime) && lifetime > 0) return now + lifetime * 1000;
	return 0;
}

/** A token answer (create or refresh) read; `ok: false` with the platform's code otherwise. */
export function readTokenAnswer(body: unknown, now: number): PddTokenAnswer {
	const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const error = record.error_response as { error_code?: unknown; error_msg?: unknown; sub_msg?: unknown } | undefined;
	if (error && typeof error === 'object') {
		const message = [error.error_msg, error.sub_msg].filter((part) => typeof part === 'string' && part !== '').join(': ');
		return { ok: false, code: String(error.error_code ?? 'unknown'), message: message || 'no message' };
	}
	const data = (record.pop_auth_token_create_response ?? record.pop_auth_token_refresh_response) as Record<string, unknown> | undefined;
	const accessToken = typeof data?.access_token === 'string' ? data.access_token : '';
	if (!data || accessToken === '') return { ok: false, code: 'no-token', message: 'the answer holds no access_token' };
	return {
		ok: true,
		accessToken,
		accessTokenExpiresAt: expiryOf(data.expires_at, data.expires_in, now),
		refreshToken: typeof data.refresh_token === 'string' ? data.refresh_token : '',
		refreshTokenExpiresAt: expiryOf(data.refresh_token_expires_at, data.refresh_token_expires_in, now),
		ownerId: data.owner_id === undefined || data.owner_id === null ? '' : String(data.owner_id),
	};
}
