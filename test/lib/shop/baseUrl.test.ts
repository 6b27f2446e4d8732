/**
 * Where a shop credential may send requests (issue 14, item 6): https:// only, http:// when
 * the credential's Allow HTTP is on, never a URL with a user name or password — checked the
 * same way by all seven shop credentials, before anything is signed or sent.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { DouyinShopApi } from '../../../credentials/DouyinShopApi.credentials';
import { PinduoduoShopApi } from '../../../credentials/PinduoduoShopApi.credentials';
import { ShopifyStoreApi } from '../../../credentials/ShopifyStoreApi.credentials';
import { TaobaoShopApi } from '../../../credentials/TaobaoShopApi.credentials';
import { WooCommerceStoreApi } from '../../../credentials/WooCommerceStoreApi.credentials';
import { XiaohongshuShopApi } from '../../../credentials/XiaohongshuShopApi.credentials';
import { YouzanShopApi } from '../../../credentials/YouzanShopApi.credentials';
import { ALLOW_HTTP_PROPERTY, checkedBaseUrl } from '../../../nodes/shared/shop/baseUrl';

describe('checkedBaseUrl', () => {
	it('takes https:// as it is, without a trailing slash', () => {
		expect(checkedBaseUrl('Shop', ' https://gw.example.com/router/rest/ ', false)).toBe('https://gw.example.com/router/rest');
	});

	it('refuses http:// unless Allow HTTP is on, and says which field to turn on', () => {
		expect(() => checkedBaseUrl('Shop', 'http://127.0.0.1:8080', false)).toThrow(/^Credential: Shop: the Base URL starts with http:\/\/.*"Allow HTTP \(Unencrypted\)"/);
		expect(() => checkedBaseUrl('Shop', 'http://127.0.0.1:8080', undefined)).toThrow(/Allow HTTP/);
		// Only the boolean n8n stores: the text "true" from a hand-written credential file is not consent.
		expect(() => checkedBaseUrl('Shop', 'http://127.0.0.1:8080', 'true')).toThrow(/Allow HTTP/);
		expect(checkedBaseUrl('Shop', 'http://127.0.0.1:8080/', true)).toBe('http://127.0.0.1:8080');
	});

	it('refuses other schemes, text that is no address, and a user name or password in the URL', () => {
		expect(() => checkedBaseUrl('Shop', 'ftp://gw.example.com', true)).toThrow(/must start with https:\/\//);
		expect(() => checkedBaseUrl('Shop', 'gw.example.com', true)).toThrow(/is not a web address/);
		expect(() => checkedBaseUrl('Shop', 'https://user:pass@gw.example.com', true)).toThrow(/must not hold a user name or password/);
	});
});

/** A credential of each shop with a stored token good for a day: authenticate gets as far as the URL. */
const DAY_AHEAD = Date.now() + 86_400_000;
const STORED = { accessToken: 'stored-token-for-url-tests', accessTokenExpiresAt: DAY_AHEAD, accessTokenObtainedAt: Date.now() - 1000 };
const SHOPS: Array<[string, ICredentialType, ICredentialDataDecryptedObject, string]> = [
	['Douyin Shop', new DouyinShopApi(), { appKey: 'k', appSecret: 'douyin-secret', ...STORED }, 'order.searchList'],
	['Pinduoduo', new PinduoduoShopApi(), { clientId: 'c', clientSecret: 'pdd-secret', ...STORED }, 'pdd.order.number.list.increment.get'],
	['Shopify', new ShopifyStoreApi(), { authType: 'accessToken', adminAccessToken: 'shpat_test', ...STORED }, 'graphql.json'],
	['Taobao / Tmall', new TaobaoShopApi(), { appKey: 'k', appSecret: 'top-secret', accessToken: 'session' }, 'taobao.trades.sold.increment.get'],
	['WooCommerce', new WooCommerceStoreApi(), { consumerKey: 'ck_1', consumerSecret: 'cs_1' }, '/wp-json/wc/v3/orders'],
	['Xiaohongshu', new XiaohongshuShopApi(), { appKey: 'k', appSecret: 'xhs-secret', ...STORED }, 'order.getOrderList'],
	['Youzan', new YouzanShopApi(), { clientId: 'c', clientSecret: 'yz-secret', grantId: '1', ...STORED }, '/api/youzan.trades.sold.get/4.0.4'],
];

describe.each(SHOPS)('%s credential', (_name, credential, data, path) => {
	const authenticate = (baseUrl: string, allowHttp?: boolean) =>
		(credential.authenticate as (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(
			{ ...data, baseUrl, ...(allowHttp === undefined ? {} : { allowHttp }) },
			{ method: 'POST', url: path, body: {} },
		);

	it('has Allow HTTP (off by default) right after its Base URL', () => {
		const names = credential.properties.map((property) => property.name);
		expect(names[names.indexOf('baseUrl') + 1]).toBe('allowHttp');
		expect(credential.properties.find((property) => property.name === 'allowHttp')).toBe(ALLOW_HTTP_PROPERTY);
		expect(ALLOW_HTTP_PROPERTY.default).toBe(false);
	});

	it('sends to an https:// Base URL', async () => {
		const options = await authenticate('https://gateway.example.com');
		expect(String(options.url)).toMatch(/^https:\/\/gateway\.example\.com/);
	});

	it('refuses an http:// Base URL before signing anything, unless Allow HTTP is on', async () => {
		await expect(authenticate('http://127.0.0.1:9')).rejects.toThrow(/Allow HTTP \(Unencrypted\)/);
		const options = await authenticate('http://127.0.0.1:9', true);
		expect(String(options.url)).toMatch(/^http:\/\/127\.0\.0\.1:9/);
	});
});
