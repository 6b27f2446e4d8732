/**
 * Where a credential may send its requests (issue 14, item 6), for the shop connectors and
 * the chat bots alike. Every request carries the credential's signature, access token or
 * webhook key (token calls the app secret itself): over plain HTTP anyone on the path reads
 * them. So a base URL must be https://, unless the user turned on Allow HTTP (Unencrypted)
 * for a test server or a gateway on their own network (Xiaohongshu's test environment is
 * http://ark.sit.xiaohongshu.com). A user name or password in it would be sent along and could
 * end up in logs; a query or fragment has no place in it either (the credential builds the
 * query, and a `?key=` left there would be a secret in a field shown as plain text).
 *
 * Pure: no n8n. The credentials call it (the shops through nodes/shared/shop/baseUrl.ts, which
 * turns the refusal into the shop's credential error); the one Allow HTTP property is
 * nodes/shared/baseUrl.ts.
 */
import { UserInputError, type UserInputErrorDetails } from './errors';

/** What to do about a refused base URL, in both languages. */
const HINT =
	'Use the platform\'s https:// address (the credential\'s default), or turn on "Allow HTTP (Unencrypted)" in the credential for a test server or a gateway on your own network. ' +
	'请使用 https:// 地址（凭据的默认值）；仅在连接测试服务器或内网网关时，在凭据中打开“Allow HTTP (Unencrypted)”。';

/**
 * The base URL to send to, trimmed and without trailing slashes; `fallback` (the platform's
 * own) when the field is empty. `field` is the field's name as the credential shows it.
 * `allowHttp` counts only as the boolean n8n stores: the text "true" in a hand-written
 * credential file is not consent. Throws the refusal as a UserInputError.
 */
export function checkedBaseUrl(value: unknown, fallback: string, allowHttp: unknown, field = 'Base URL'): string {
	const checked = checkBaseUrl(value, fallback, allowHttp, field);
	if ('refusal' in checked) throw checked.refusal;
	return checked.url;
}

/** The same check, its refusal returned rather than thrown, for callers with their own error type. */
export function checkBaseUrl(value: unknown, fallback: string, allowHttp: unknown, field = 'Base URL'): { url: string } | { refusal: UserInputError } {
	const refuse = (message: string, details: UserInputErrorDetails = {}) => ({ refusal: new UserInputError(message, { field, expected: 'an https:// address', hint: HINT, ...details }) });
	const typed = typeof value === 'string' ? value.trim() : '';
	const text = (typed || fallback).trim().replace(/\/+$/, '');
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (url === undefined) return refuse(`${field} "${text}" is not a web address; write it with https:// (${field} 不是有效网址，请以 https:// 开头)`);
	if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
		return refuse(`${field} "${url.origin}" must not carry a user name, password, query or fragment (${field} 中不能包含用户名、密码、查询参数或 #片段)`, {
			expected: 'scheme, host, optional port and path only',
			hint: 'Keep only the address, e.g. https://oapi.dingtalk.com; keys, tokens and webhooks go into their own credential fields. 只填写地址；密钥、令牌和 Webhook 请填入凭据中各自的字段。',
		});
	}
	if (url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp === true)) return { url: text };
	if (url.protocol === 'http:') {
		return refuse(
			`${field} "${url.origin}" is plain http, which this credential does not allow: it would send the signature, token or key unencrypted. Use https://, or turn on "Allow HTTP (Unencrypted)" in the credential for a test server (${field} 须以 https:// 开头；测试服务器可在凭据中打开“Allow HTTP”)`,
		);
	}
	return refuse(`${field} must start with https:// (got ${url.protocol}) (${field} 须以 https:// 开头)`, {
		expected: allowHttp === true ? 'an http:// or https:// address' : 'an https:// address',
	});
}
