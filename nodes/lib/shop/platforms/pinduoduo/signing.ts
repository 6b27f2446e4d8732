/**
 * Pinduoduo open platform (拼多多开放平台, POP) request signing and the wire form.
 *
 * Every call is one POST to the router `https://gw-api.pinduoduo.com/api/router` (official
 * doc pages, "公共参数 / 请求地址", as captured in public doc mirrors; Cherrs/pdd-rs
 * `src/lib.rs` Config::from_env default URL). Public parameters: `type` (the API name),
 * `client_id`, `access_token` (APIs that need the shop's authorisation), `timestamp` (Unix
 * seconds, "需要与拼多多服务器时间差值在10分钟内"), `data_type` (JSON), `sign`.
 *
 * Recipe (Cherrs/pdd-rs `src/lib.rs` add_sign; lywzx/pdd-node-sdk
 * `packages/core/src/libs/pdd-client.ts` sign):
 *   S    = client_secret + Σ over the parameters sorted by name (bytewise): name + value + client_secret
 *   sign = UPPER(hex(MD5(S)))      (sign itself excluded)
 * Values are the texts sent. The SDKs differ only in how a non-text value becomes text
 * (test/reference/shop/pinduoduo_vectors.json P1–P5): pdd-rs writes compact JSON with sorted
 * keys and skips null; the Node SDK JSON.stringifies objects in insertion order and keeps
 * null as "null". This module follows pdd-rs (reproduces P1–P4) and never sends a null, so
 * the difference cannot arise on the wire: the node posts a form
 * (application/x-www-form-urlencoded, as the Node SDK `network-adapter.ts` and the official
 * SDKs do) whose every value is exactly the text that was signed.
 */
import { createHash } from 'node:crypto';

import { JsonInteger } from '../../json/bigIntegers';

export const PDD_GATEWAY = 'https://gw-api.pinduoduo.com';
export const PDD_ROUTER_PATH = '/api/router';

/** Compact JSON with object keys sorted at every level (serde_json's BTreeMap order in pdd-rs). */
function sortedJson(value: unknown): string {
	if (value instanceof JsonInteger) return value.digits;
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record)
			.filter((key) => record[key] !== undefined)
			.sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${sortedJson(record[key])}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * The text a parameter is sent and signed as: a string as it is, a number or boolean as
 * its literal, an object or array as compact sorted JSON; null/undefined → not sent.
 */
export function pddParamText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (value instanceof JsonInteger) return value.digits;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return sortedJson(value);
}

/** The parameters as the form sends them: every value text, null and undefined left out. */
export function pddWireParams(params: Record<string, unknown>): Record<string, string> {
	const wire: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (key === 'sign') continue;
		const text = pddParamText(value);
		if (text !== undefined) wire[key] = text;
	}
	return wire;
}

const bytewise = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** secret + k1 + v1 + k2 + v2 … + secret, keys sorted bytewise (pdd-rs sorts by bytes). */
export function pddSignString(clientSecret: string, params: Record<string, unknown>): string {
	const wire = pddWireParams(params);
	const body = Object.keys(wire)
		.sort(bytewise)
		.map((key) => key + wire[key])
		.join('');
	return clientSecret + body + clientSecret;
}

export function pddSignText(signString: string): string {
	return createHash('md5').update(signString, 'utf8').digest('hex').toUpperCase();
}

export function pddSign(clientSecret: string, params: Record<string, unknown>): string {
	return pddSignText(pddSignString(clientSecret, params));
}

export interface PddCallInput {
	type: string;
	clientId: string;
	clientSecret: string;
	/** Empty for APIs that need no shop authorisation (token calls, pdd.time.get). */
	accessToken: string;
	/** Epoch ms of the call. */
	now: number;
	params: Record<string, unknown>;
}

/** The signed form of one call: the public parameters, the business ones, and `sign`. */
export function signedPddForm({ type, clientId, clientSecret, accessToken, now, params }: PddCallInput): Record<string, string> {
	const all: Record<string, unknown> = {
		...params,
		type,
		client_id: clientId,
		timestamp: String(Math.floor(now / 1000)),
		data_type: 'JSON',
		...(accessToken ? { access_token: accessToken } : {}),
	};
	const wire = pddWireParams(all);
	return { ...wire, sign: pddSign(clientSecret, wire) };
}

/** A form body: `k=v&…`, percent-encoded as application/x-www-form-urlencoded. */
export function pddFormBody(form: Record<string, string>): string {
	return new URLSearchParams(form).toString();
}

/** The router URL under a base: the gateway host, or a full router URL as given. */
export function pddRouterUrl(baseUrl: string): string {
	const base = (baseUrl.trim() || PDD_GATEWAY).replace(/\/+$/, '');
	return base.endsWith(PDD_ROUTER_PATH) ? base : base + PDD_ROUTER_PATH;
}
