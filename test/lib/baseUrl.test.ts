/**
 * Where a credential may send requests (issue 14, item 6), for shops and bots alike
 * (nodes/lib/baseUrl.ts): https:// only, http:// only when the credential's Allow HTTP is on,
 * never a user name, password, query or fragment in the address; the platform's own address
 * when the field is empty.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ICredentialType } from 'n8n-workflow';

import { checkedBaseUrl } from '../../nodes/lib/baseUrl';
import { UserInputError } from '../../nodes/lib/errors';
import { ALLOW_HTTP_PROPERTY } from '../../nodes/shared/baseUrl';

const FALLBACK = 'https://oapi.dingtalk.com';

describe('checkedBaseUrl', () => {
	it('takes https:// as it is, trimmed and without trailing slashes', () => {
		expect(checkedBaseUrl(' https://gw.example.com/router/rest/ ', FALLBACK, false)).toBe('https://gw.example.com/router/rest');
		expect(checkedBaseUrl('https://gw.example.com/dingtalk//', FALLBACK, false)).toBe('https://gw.example.com/dingtalk');
	});

	it("falls back to the platform's address when the field is empty, blank or not text", () => {
		expect(checkedBaseUrl('', FALLBACK, false)).toBe(FALLBACK);
		expect(checkedBaseUrl('  ', FALLBACK, false)).toBe(FALLBACK);
		expect(checkedBaseUrl(undefined, 'https://open.feishu.cn/', false)).toBe('https://open.feishu.cn');
	});

	it('refuses http:// unless Allow HTTP is on, and says which setting to turn on', () => {
		expect(() => checkedBaseUrl('http://127.0.0.1:8080', FALLBACK, false, 'API Base URL')).toThrow(UserInputError);
		expect(() => checkedBaseUrl('http://127.0.0.1:8080', FALLBACK, false, 'API Base URL')).toThrow(
			/^API Base URL "http:\/\/127\.0\.0\.1:8080" is plain http, which this credential does not allow.*"Allow HTTP \(Unencrypted\)"/,
		);
		expect(() => checkedBaseUrl('http://127.0.0.1:8080', FALLBACK, undefined)).toThrow(/Allow HTTP/);
		// Only the boolean n8n stores: the text "true" from a hand-written credential file is not consent.
		expect(() => checkedBaseUrl('http://127.0.0.1:8080', FALLBACK, 'true')).toThrow(/Allow HTTP/);
		expect(checkedBaseUrl('http://127.0.0.1:8080/', FALLBACK, true)).toBe('http://127.0.0.1:8080');
	});

	it('puts what to do, in English and Chinese, into the hint', () => {
		let error: UserInputError | undefined;
		try {
			checkedBaseUrl('http://127.0.0.1:8080', FALLBACK, false, 'API Base URL');
		} catch (thrown) {
			error = thrown as UserInputError;
		}
		expect(error?.field).toBe('API Base URL');
		expect(error?.hint).toContain('Allow HTTP (Unencrypted)');
		expect(error?.hint).toContain('请使用 https:// 地址');
	});

	it('refuses other schemes and text that is no address, even with Allow HTTP on', () => {
		expect(() => checkedBaseUrl('ftp://example.com', FALLBACK, true, 'API Base URL')).toThrow('API Base URL must start with https:// (got ftp:)');
		expect(() => checkedBaseUrl('oapi.dingtalk.com', FALLBACK, true)).toThrow('Base URL "oapi.dingtalk.com" is not a web address');
	});

	it.each(['https://user:pw@gw.example.com', 'https://user@gw.example.com', 'https://gw.example.com?access_token=x', 'https://gw.example.com/#x', 'http://user:pw@127.0.0.1'])(
		'refuses a user name, password, query or fragment: %s',
		(url) => {
			expect(() => checkedBaseUrl(url, FALLBACK, true)).toThrow(/must not carry a user name, password, query or fragment/);
		},
	);
});

describe('every credential with a base URL', () => {
	// The credentials the package registers (package.json "n8n"), loaded from their sources.
	const root = join(__dirname, '../..');
	const registered = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } }).n8n.credentials.map((built) => {
		const name = built.replace(/^dist\/credentials\/(.*)\.credentials\.js$/, '$1');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(root, 'credentials', `${name}.credentials`)) as Record<string, new () => ICredentialType>;
		return new module[name]();
	});
	const withBaseUrl = registered.filter((credential) => credential.properties.some((property) => property.name === 'baseUrl'));

	it('are the ten shop and bot credentials and the two short-link ones (Bitly, Shlink)', () => {
		expect(withBaseUrl).toHaveLength(12);
	});

	it.each(withBaseUrl.map((credential) => [credential.name, credential]))('%s has the one Allow HTTP property, off, right after its base URL', (_name, credential) => {
		const names = credential.properties.map((property) => property.name);
		expect(names[names.indexOf('baseUrl') + 1]).toBe('allowHttp');
		expect(credential.properties.find((property) => property.name === 'allowHttp')).toBe(ALLOW_HTTP_PROPERTY);
	});

	it('is refused over plain http until Allow HTTP is turned on', () => {
		expect(ALLOW_HTTP_PROPERTY.default).toBe(false);
	});
});
