/**
 * Xiaohongshu (小红书) ark open platform (小红书电商开放平台) request signing and the request body.
 *
 * Every call is `POST https://ark.xiaohongshu.com/ark/open_api/v3/common_controller` with a JSON
 * body holding the system parameters appId, timestamp (Unix seconds), version "2.0", method,
 * sign and accessToken, beside the business parameters (official doc 040 "系统参数说明" and 039
 * "签名算法", copied in AndersonBY/xiaohongshu-ecommerce-python-sdk
 * `docs/小红书官方文档/开发文档/039_签名算法.md`, `040_系统参数说明.md`).
 *
 * Recipe (doc 039; 359444744/xhs `api/base.py` sign(); zsmhub/xhs-sdk `api/api_tool.go` MakeSign):
 *   S    = method + "?appId=" + appId + "&timestamp=" + timestamp + "&version=" + version + appSecret
 *   sign = lowercase hex MD5(S)
 * Only the system parameters are signed: neither the access token nor any business parameter
 * (so the body's key order and escaping do not matter). Checked against vectors made by
 * running two SDKs (test/reference/shop/xiaohongshu_vectors.json, X1–X4).
 */
import { createHash } from 'node:crypto';

/** "采用oauth2授权后均填入2.0" (doc 040). */
export const XHS_VERSION = '2.0';

/** The one gateway path every method is posted to (doc 040 注2). */
export const XHS_GATEWAY_PATH = '/ark/open_api/v3/common_controller';

/** The system parameters a business parameter may not replace. */
export const XHS_SYSTEM_PARAMETERS = ['appId', 'timestamp', 'version', 'method', 'sign', 'accessToken'] as const;

export interface XhsSignInput {
	method: string;
	appId: string;
	/** Unix seconds, as sent in the body (doc 040: "以秒计算的时间"). */
	timestamp: number | string;
	version?: string;
	appSecret: string;
}

export function xhsSignString({ method, appId, timestamp, version = XHS_VERSION, appSecret }: XhsSignInput): string {
	return `${method}?appId=${appId}&timestamp=${timestamp}&version=${version}${appSecret}`;
}

export function xhsSign(input: XhsSignInput): string {
	return createHash('md5').update(xhsSignString(input), 'utf8').digest('hex');
}

export interface XhsEnvelopeInput {
	method: string;
	appId: string;
	appSecret: string;
	/** Unix seconds. */
	timestamp: number;
	/** Absent for the oauth.* calls (doc 038: they carry no access token). */
	accessToken?: string;
	params?: Record<string, unknown>;
}

/**
 * The JSON body of one call: system parameters first (as the SDKs write them), then the
 * business parameters. A business parameter named like a system one is dropped: it could
 * otherwise replace the signature or the token.
 */
export function xhsEnvelope({ method, appId, appSecret, timestamp, accessToken, params = {} }: XhsEnvelopeInput): Record<string, unknown> {
	const business = Object.fromEntries(
		Object.entries(params).filter(([key, value]) => value !== undefined && !(XHS_SYSTEM_PARAMETERS as readonly string[]).includes(key)),
	);
	return {
		appId,
		timestamp,
		version: XHS_VERSION,
		method,
		sign: xhsSign({ method, appId, timestamp, appSecret }),
		...(accessToken ? { accessToken } : {}),
		...business,
	};
}

/** Unix seconds of an instant (the body's timestamp). */
export function xhsTimestamp(epochMs: number): number {
	return Math.floor(epochMs / 1000);
}
