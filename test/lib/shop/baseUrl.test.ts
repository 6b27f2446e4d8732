/**
 * Where a shop credential may send requests (issue 14, item 6): the pack's one check
 * (nodes/lib/baseUrl.ts, test/lib/baseUrl.test.ts) in all seven shop credentials, before
 * anything is signed or sent.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { DouyinShopApi } from '../../../credentials/DouyinShopApi.credentials';
import { PinduoduoShopApi } from '../../../credentials/PinduoduoShopApi.credentials';
import { ShopifyStoreApi } from '../../../credentials/ShopifyStoreApi.credentials';
import { TaobaoShopApi } from '../../../credentials/TaobaoShopApi.credentials';
import { WooCommerceStoreApi } from '../../../credentials/WooCommerceStoreApi.credentials';
import { XiaohongshuShopApi } from '../../../credentials/XiaohongshuShopApi.credentials';
import { YouzanShopApi } from '../../../credentials/YouzanShopApi.credentials';

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

	it('sends to an https:// Base URL', async () => {
		const options = await authenticate('https://gateway.example.com');
		expect(String(options.url)).toMatch(/^https:\/\/gateway\.example\.com/);
	});

	it('refuses an http:// Base URL before signing anything, unless Allow HTTP is on', async () => {
		await expect(authenticate('http://127.0.0.1:9')).rejects.toThrow(/^Credential: .*is plain http.*"Allow HTTP \(Unencrypted\)"/);
		const options = await authenticate('http://127.0.0.1:9', true);
		expect(String(options.url)).toMatch(/^http:\/\/127\.0\.0\.1:9/);
	});

	it('refuses a Base URL with a query, which would go out beside the signed one', async () => {
		await expect(authenticate('https://gateway.example.com/?app_key=x')).rejects.toThrow(/^Credential: .*must not carry a user name, password, query or fragment/);
	});
});
