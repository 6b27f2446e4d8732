/**
 * The shop's access token (official doc 038 "授权流程（软件服务商）" and 036 "授权流程（自研）",
 * copied in AndersonBY/xiaohongshu-ecommerce-python-sdk `docs/小红书官方文档/开发文档/`; same
 * methods in zsmhub/xhs-sdk `api/api_oauth.go`):
 * - the shop's main account authorises the app; the authorisation code (code) comes back on
 *   the redirect URL, valid 10 minutes; the same code exchanged again "in a short time" gives
 *   the same token;
 * - `oauth.getAccessToken` { code } and `oauth.refreshToken` { refreshToken }, through the same
 *   gateway, signed like every call, without an access token;
 * - answer data { accessToken, accessTokenExpiresAt (epoch ms), refreshToken,
 *   refreshTokenExpiresAt (epoch ms), sellerId, sellerName }; access token 7 days, refresh
 *   token 14 days;
 * - refreshing while the access token has more than 30 minutes left returns the same pair
 *   unchanged; within the last 30 minutes, or after it expired, a new pair (the old access
 *   token then lives 5 more minutes); a used refresh token dies at once (doc 301 §22).
 * The shared core refreshes 10 minutes before the stored expiry (nodes/shared/shop/tokens.ts),
 * inside that 30-minute span, so a refresh always rotates.
 */
import { xhsCodeOf, xhsMessageOf } from './answers';

export const XHS_TOKEN_METHODS = { create: 'oauth.getAccessToken', refresh: 'oauth.refreshToken' } as const;

const ACCESS_TOKEN_LIFETIME_MS = 7 * 86_400_000;
const REFRESH_TOKEN_LIFETIME_MS = 14 * 86_400_000;

export type XhsTokenAnswer =
	| {
			ok: true;
			accessToken: string;
			accessTokenExpiresAt: number;
			refreshToken: string;
			refreshTokenExpiresAt: number;
			sellerId?: string;
			sellerName?: string;
	  }
	| { ok: false; code: string; message: string };

/** Epoch ms from the answer (ms per doc 038); a seconds epoch is read as such, a missing one as the documented lifetime. */
function epochMs(value: unknown, fallback: number): number {
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) return fallback;
	return number > 1e12 ? number : number * 1000;
}

export function readXhsTokenAnswer(body: unknown, now: number): XhsTokenAnswer {
	const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const data = (typeof answer.data === 'object' && answer.data !== null ? answer.data : {}) as Record<string, unknown>;
	const accessToken = typeof data.accessToken === 'string' ? data.accessToken : '';
	if (answer.success !== true || accessToken === '') {
		return { ok: false, code: xhsCodeOf(answer) || 'unknown', message: xhsMessageOf(answer) || 'no access token in the answer' };
	}
	return {
		ok: true,
		accessToken,
		accessTokenExpiresAt: epochMs(data.accessTokenExpiresAt, now + ACCESS_TOKEN_LIFETIME_MS),
		refreshToken: typeof data.refreshToken === 'string' ? data.refreshToken : '',
		refreshTokenExpiresAt: epochMs(data.refreshTokenExpiresAt, now + REFRESH_TOKEN_LIFETIME_MS),
		...(data.sellerId !== undefined && data.sellerId !== null ? { sellerId: String(data.sellerId) } : {}),
		...(typeof data.sellerName === 'string' ? { sellerName: data.sellerName } : {}),
	};
}
