/**
 * The shop nodes' secret list stays complete, and a node error leaves with every secret cut
 * out of what n8n shows and stores of it (issue 14, item 7).
 */
/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- made-up credentials for the local fakes: the secrets these tests look for */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { DouyinShopApi } from '../../../credentials/DouyinShopApi.credentials';
import { PinduoduoShopApi } from '../../../credentials/PinduoduoShopApi.credentials';
import { ShopifyStoreApi } from '../../../credentials/ShopifyStoreApi.credentials';
import { TaobaoShopApi } from '../../../credentials/TaobaoShopApi.credentials';
import { WooCommerceStoreApi } from '../../../credentials/WooCommerceStoreApi.credentials';
import { XiaohongshuShopApi } from '../../../credentials/XiaohongshuShopApi.credentials';
import { YouzanShopApi } from '../../../credentials/YouzanShopApi.credentials';
import { REDACTED } from '../../../nodes/lib/redact';
import { redactError, redactItems, SECRET_FIELDS, secretsOf } from '../../../nodes/shared/shop/secrets';

const CREDENTIALS = [new DouyinShopApi(), new PinduoduoShopApi(), new ShopifyStoreApi(), new TaobaoShopApi(), new WooCommerceStoreApi(), new XiaohongshuShopApi(), new YouzanShopApi()];

describe('SECRET_FIELDS', () => {
	it.each(CREDENTIALS.map((credential) => [credential.name, credential] as const))('holds every password field of %s', (_name, credential) => {
		const passwordFields = credential.properties.filter((property) => property.typeOptions?.password === true).map((property) => property.name);
		expect(passwordFields.length).toBeGreaterThan(0);
		for (const field of passwordFields) expect(SECRET_FIELDS).toContain(field);
	});
});

describe('secretsOf', () => {
	it("gives the credential's secret values and, for WooCommerce, the Basic auth header value", () => {
		expect(secretsOf({ appKey: 'public-app-key', appSecret: 'app-secret-value', accessToken: '', refreshToken: 'refresh-token-value' })).toEqual([
			'app-secret-value',
			'refresh-token-value',
		]);
		// base64("ck_key:cs_secret"), worked out by hand: Y2tfa2V5OmNzX3NlY3JldA==
		expect(secretsOf({ consumerKey: 'ck_key', consumerSecret: 'cs_secret' })).toEqual(['ck_key', 'cs_secret', 'Y2tfa2V5OmNzX3NlY3JldA==']);
		expect(secretsOf(undefined)).toEqual([]);
	});
});

const NODE: INode = { id: '1', name: 'Shop', type: 'douyinShop', typeVersion: 1, position: [0, 0], parameters: {} };
const SECRET = 'echoed-app-secret-0a1b2c';

describe('redactError', () => {
	it('cuts the secret out of the message, description, stack, messages, context and the platform response, keeping the error', () => {
		const error = new NodeApiError(NODE, { code: 'isv.sign', message: `sign mismatch, secret ${SECRET}` } as JsonObject, {
			message: `Douyin Shop: sign mismatch, secret ${SECRET} (code isv.sign)`,
			description: `expected ${SECRET}`,
			itemIndex: 3,
		});
		error.context.data = { echoed: `?app_secret=${SECRET}` };
		const redacted = redactError(error, [SECRET]);
		expect(redacted).toBe(error);
		expect(redacted.context.itemIndex).toBe(3);
		const shown = JSON.stringify({ json: redacted, stack: redacted.stack, messages: redacted.messages, response: redacted.errorResponse });
		expect(shown).not.toContain(SECRET);
		expect(redacted.message).toBe(`Douyin Shop: sign mismatch, secret ${REDACTED} (code isv.sign)`);
		expect(redacted.description).toBe(`expected ${REDACTED}`);
	});
});

describe('redactItems', () => {
	it("cuts the secret out of each item's fields and its error, and leaves the pairing", () => {
		const error = new NodeApiError(NODE, { message: SECRET } as JsonObject, { message: `refused ${SECRET}` });
		const [item] = redactItems([{ json: { error: `refused ${SECRET}`, sku: 'TEE' }, error, pairedItem: { item: 1 } }], [SECRET]);
		expect(item).toEqual({ json: { error: `refused ${REDACTED}`, sku: 'TEE' }, error, pairedItem: { item: 1 } });
		expect(item.error?.message).toBe(`refused ${REDACTED}`);
	});
});
