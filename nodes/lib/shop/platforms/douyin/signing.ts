/**
 * Douyin Shop (抖店) open-platform request signing.
 *
 * Recipe (official Go SDK zsmhub/doudian-sdk `utils/sign_util.go`, official Java SDK
 * `com.doudian.open.utils.SignUtil`, doc "API调用指南"):
 *   param_json = the business parameters as compact JSON, keys sorted at every level (objects
 *                inside arrays too), null kept, non-ASCII and <>& written raw;
 *   S          = secret + "app_key" + app_key + "method" + method + "param_json" + param_json
 *                + "timestamp" + timestamp + "v" + "2" + secret;
 *   sign       = lowercase hex HMAC-SHA256(key = secret, S)   (sign_method=hmac-sha256)
 *              | lowercase hex MD5(S)                           (sign_method=md5, the default
 *                                                                when sign_method is absent).
 * Checked against vectors made by running the SDKs (test/reference/shop/douyin_vectors.json).
 *
 * Timestamp: the SDKs disagree. The official Go and PHP SDKs send Unix seconds; the doc and
 * minibear2021/doudian (Python) send "yyyy-MM-dd HH:mm:ss" in GMT+8; a copy of the Java SDK
 * sends milliseconds. The server evidently takes them all (each SDK works) and refuses a
 * time more than 10 minutes off. The pack sends Unix seconds, as the current official SDKs
 * do: no time zone to get wrong. The same text goes into the signature and the query.
 */
import { createHash, createHmac } from 'node:crypto';

import { JsonInteger } from '../../json/bigIntegers';

export type DouyinSignMethod = 'hmac-sha256' | 'md5';
export type DouyinTimestampFormat = 'unixSeconds' | 'beijingDateTime';

/** Compact JSON with keys sorted at every level, as the SDKs' Marshal/sortParamJson write it. */
export function canonicalParamJson(value: unknown): string {
	if (value instanceof JsonInteger) return value.digits;
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalParamJson).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.keys(value as Record<string, unknown>)
			.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalParamJson((value as Record<string, unknown>)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value);
}

export interface DouyinSignInput {
	appKey: string;
	appSecret: string;
	method: string;
	paramJson: string;
	timestamp: string;
	signMethod: DouyinSignMethod;
}

export function douyinSignString({ appKey, appSecret, method, paramJson, timestamp }: DouyinSignInput): string {
	return `${appSecret}app_key${appKey}method${method}param_json${paramJson}timestamp${timestamp}v2${appSecret}`;
}

export function douyinSign(input: DouyinSignInput): string {
	const text = douyinSignString(input);
	return input.signMethod === 'md5'
		? createHash('md5').update(text, 'utf8').digest('hex')
		: createHmac('sha256', input.appSecret).update(text, 'utf8').digest('hex');
}

/** The timestamp text for an instant, in either form the SDKs send. */
export function douyinTimestamp(epochMs: number, format: DouyinTimestampFormat): string {
	if (format === 'unixSeconds') return String(Math.floor(epochMs / 1000));
	// Beijing time has no daylight saving: UTC+8 all year.
	return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** "order.searchList" → "/order/searchList" (the SDKs map method and path both ways). */
export function douyinPath(method: string): string {
	return '/' + method.split('.').join('/');
}
