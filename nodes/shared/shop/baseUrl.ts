/**
 * Where a shop credential may send its requests (issue 14, item 6). Every request carries the
 * app's signature or the shop's access token, and the token calls carry the app secret itself:
 * over plain HTTP anyone on the path reads them. So a Base URL must be https://, unless the
 * user turns on Allow HTTP for a test server or a gateway on their own network (Xiaohongshu's
 * test environment is http://ark.sit.xiaohongshu.com). One property and one check for every
 * shop credential, beside the shared Requests per Second (rateLimit.ts).
 */
import type { INodeProperties } from 'n8n-workflow';

import { CredentialSetupError } from './tokens';

export const ALLOW_HTTP_PROPERTY: INodeProperties = {
	displayName: 'Allow HTTP (Unencrypted)',
	name: 'allowHttp',
	type: 'boolean',
	default: false,
	description:
		'Whether the Base URL may start with http://. Off, only https:// is accepted: every request carries the signature or access token, which plain HTTP shows to anyone on the way. Turn on only for a test server or a gateway on your own network. (允许 HTTP（不加密）：仅用于测试服务器或内网网关。)',
};

/**
 * The Base URL to send to, without a trailing slash, or a CredentialSetupError (never retried,
 * shown as it is) saying what to change. `typed` is the field's value with the platform's
 * default already put in for an empty field.
 */
export function checkedBaseUrl(platformName: string, typed: string, allowHttp: unknown): string {
	const text = typed.trim().replace(/\/+$/, '');
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (url === undefined) {
		throw new CredentialSetupError(`${platformName}: the Base URL "${text}" is not a web address; write it with https://, e.g. the default in the credential (Base URL 不是有效网址，请以 https:// 开头)`);
	}
	if (url.username !== '' || url.password !== '') {
		// A user name or password in the URL would be sent along and could end up in logs.
		throw new CredentialSetupError(`${platformName}: the Base URL must not hold a user name or password (Base URL 中不能包含用户名或密码)`);
	}
	if (url.protocol === 'https:') return text;
	if (url.protocol === 'http:') {
		if (allowHttp === true) return text;
		throw new CredentialSetupError(
			`${platformName}: the Base URL starts with http://, which sends the signature and token unencrypted; use https://, or turn on "Allow HTTP (Unencrypted)" in the credential for a test server (Base URL 须以 https:// 开头；测试服务器可在凭据中打开“Allow HTTP”)`,
		);
	}
	throw new CredentialSetupError(`${platformName}: the Base URL must start with https:// (Base URL 须以 https:// 开头)`);
}
