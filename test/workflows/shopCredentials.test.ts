/**
 * Each shop credential's *Test* (what the Test button runs: n8n's credential tester, the test
 * request routed through the credential's preAuthentication and authenticate) against the fake
 * platforms: right keys pass; a wrong secret fails with a message that names the cause and
 * never the secret.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DouyinShopApi } from '../../credentials/DouyinShopApi.credentials';
import { ShopifyStoreApi } from '../../credentials/ShopifyStoreApi.credentials';
import { WooCommerceStoreApi } from '../../credentials/WooCommerceStoreApi.credentials';
import { YouzanShopApi } from '../../credentials/YouzanShopApi.credentials';
import { startDouyinFake } from '../support/fakeShops/douyin';
import { startShopifyFake } from '../support/fakeShops/shopify';
import { startWooCommerceFake } from '../support/fakeShops/woocommerce';
import { startFakeYouzan } from '../support/fakeShops/youzan';
import { testCredential } from '../support/n8n';
import { NO_STORED_TOKEN } from '../support/shopWorkflow';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

async function both(type: Parameters<typeof testCredential>[0], good: ICredentialDataDecryptedObject, bad: ICredentialDataDecryptedObject, secret: string) {
	const ok = await testCredential(type, { ...good });
	const refused = await testCredential(type, { ...bad });
	expect(refused).not.toContain(secret);
	expect(refused).not.toContain(String(bad[Object.keys(bad).find((k) => /secret/i.test(k))!]));
	return { ok, refused };
}

it('Douyin Shop: token.create checks App Key, App Secret and Shop ID together', async () => {
	const fake = await startDouyinFake({ appKey: '7100000000000000001', appSecret: 'dy-cred-test-secret', shopId: '55501' });
	closers.push(() => fake.close());
	const good = { appKey: '7100000000000000001', appSecret: 'dy-cred-test-secret', authorization: 'self', shopId: '55501', signMethod: 'hmac-sha256', baseUrl: fake.baseUrl, allowHttp: true, ...NO_STORED_TOKEN };
	const { ok, refused } = await both(new DouyinShopApi(), good, { ...good, appSecret: 'dy-wrong-secret-000' }, 'dy-cred-test-secret');
	expect(ok).toBe('OK');
	// n8n asks for the token first (preAuthentication), so Douyin's own refusal is what the user reads.
	expect(refused).toMatch(/refused the token request: 40003 isv.signature-invalid/);
	expect(await testCredential(new DouyinShopApi(), { ...good, shopId: '99999' })).toMatch(/refused the token request: 50001 dop.token-generate-failed:no-authorization/);
});

it('Youzan Shop: the token request and a shop call', async () => {
	const fake = await startFakeYouzan({ clientId: 'yz-cred-client', clientSecret: 'yz-cred-test-secret', kdtId: 4242 });
	closers.push(() => fake.close());
	const good = { clientId: 'yz-cred-client', clientSecret: 'yz-cred-test-secret', grantId: '4242', baseUrl: fake.server.baseUrl, allowHttp: true, ...NO_STORED_TOKEN };
	const { ok, refused } = await both(new YouzanShopApi(), good, { ...good, clientSecret: 'yz-wrong-secret-000' }, 'yz-cred-test-secret');
	expect(ok).toBe('OK');
	expect(refused).not.toBe('OK');
});

it('Shopify Store: the client credentials grant and a shop query', async () => {
	const fake = await startShopifyFake({ clientId: 'shp-cred-client', clientSecret: 'shpss_cred_test_secret' });
	closers.push(() => fake.close());
	const good = { baseUrl: fake.baseUrl, allowHttp: true, authType: 'clientCredentials', clientId: 'shp-cred-client', clientSecret: 'shpss_cred_test_secret', adminAccessToken: '', apiVersion: '2026-04', ...NO_STORED_TOKEN };
	const { ok, refused } = await both(new ShopifyStoreApi(), good, { ...good, clientSecret: 'shpss_wrong_secret_000' }, 'shpss_cred_test_secret');
	expect(ok).toBe('OK');
	expect(refused).not.toBe('OK');
});

it('WooCommerce Store: a one-order read with the keys', async () => {
	const fake = await startWooCommerceFake({ consumerKey: 'ck_cred_test_key', consumerSecret: 'cs_cred_test_secret' });
	closers.push(() => fake.close());
	const good = { baseUrl: fake.baseUrl, allowHttp: true, consumerKey: 'ck_cred_test_key', consumerSecret: 'cs_cred_test_secret', keysIn: 'header' };
	const { ok, refused } = await both(new WooCommerceStoreApi(), good, { ...good, consumerSecret: 'cs_wrong_secret_000' }, 'cs_cred_test_secret');
	expect(ok).toBe('OK');
	expect(refused).not.toBe('OK');
});
