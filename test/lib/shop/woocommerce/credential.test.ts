/**
 * The credential builds the whole URL from the site address and sends the keys as WooCommerce
 * documents ("Authentication over HTTPS": Basic auth, or consumer_key/consumer_secret in the
 * query string); plain HTTP needs OAuth 1.0a signing, so a remote http:// site is refused.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { WooCommerceStoreApi } from '../../../../credentials/WooCommerceStoreApi.credentials';
import { sharedPrefix } from '../../../../nodes/lib/shop/platforms/woocommerce';

const credential = new WooCommerceStoreApi();
const authenticate = credential.authenticate as (credentials: Record<string, unknown>, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
const keys = { consumerKey: 'ck_abc', consumerSecret: 'cs_def' };

describe('WooCommerce Store credential', () => {
	it('Basic auth (key:secret) on the site URL + path; baseURL removed', async () => {
		const options = await authenticate({ ...keys, baseUrl: 'https://shop.example.com/', keysIn: 'header' }, { url: '/wp-json/wc/v3/orders', baseURL: 'x', qs: { page: 1 } });
		expect(options.url).toBe('https://shop.example.com/wp-json/wc/v3/orders');
		expect(options.baseURL).toBeUndefined();
		expect(options.headers).toEqual({ Authorization: `Basic ${Buffer.from('ck_abc:cs_def').toString('base64')}` });
		expect(options.qs).toEqual({ page: 1 });
	});

	it('the query-string fallback adds consumer_key and consumer_secret', async () => {
		const options = await authenticate({ ...keys, baseUrl: 'https://shop.example.com', keysIn: 'queryString' }, { url: '/wp-json/wc/v3/orders', qs: { page: 2 } });
		expect(options.qs).toEqual({ page: 2, consumer_key: 'ck_abc', consumer_secret: 'cs_def' });
	});

	it('a remote http:// site and missing keys are refused with the reason, without the secret', async () => {
		await expect(authenticate({ ...keys, baseUrl: 'http://shop.example.com', allowHttp: true }, { url: '/x' })).rejects.toThrow(/only over HTTPS/);
		await expect(authenticate({ consumerKey: 'ck_abc', consumerSecret: '', baseUrl: 'https://shop.example.com' }, { url: '/x' })).rejects.toThrow(/key and secret are both needed/);
	});

	it('http:// on this machine (a local test shop) only with Allow HTTP turned on', async () => {
		await expect(authenticate({ ...keys, baseUrl: 'http://127.0.0.1:8080' }, { url: '/x' })).rejects.toThrow(/Allow HTTP \(Unencrypted\)/);
		await expect(authenticate({ ...keys, baseUrl: 'http://127.0.0.1:8080', allowHttp: true }, { url: '/x' })).resolves.toMatchObject({ url: 'http://127.0.0.1:8080/x' });
	});
});

describe('shared code prefix for the existing-coupon lookup', () => {
	it('is the lower-cased common start of the codes, at least 3 plain characters', () => {
		expect(sharedPrefix(['MC-B0001', 'MC-B0002', 'mc-b0150'])).toBe('mc-b0');
		expect(sharedPrefix(['MC-1', 'WB-2'])).toBe('');
		expect(sharedPrefix(['AB1', 'AB2'])).toBe('');
		expect(sharedPrefix(['MC X1', 'MC X2'])).toBe('');
	});
});
