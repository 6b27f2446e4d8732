/**
 * Pinduoduo signing against vectors made by running the SDKs' own signing code
 * (test/reference/shop/pinduoduo_vectors.json, copied from shared/data/platform-signing
 * block "pdd": Cherrs/pdd-rs add_sign run in a harness, P1–P4; lywzx/pdd-node-sdk read, P5).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	pddFormBody,
	pddParamText,
	pddRouterUrl,
	pddSign,
	pddSignString,
	pddSignText,
	pddWireParams,
	signedPddForm,
} from '../../../../nodes/lib/shop/platforms/pinduoduo';

interface Vector {
	id: string;
	provenance: string;
	input: { client_secret: string; params: Record<string, unknown>; variant?: string };
	sign_string?: string;
	expected: string;
	wire?: { body: string };
}

const file = JSON.parse(readFileSync(path.join(__dirname, '../../../reference/shop/pinduoduo_vectors.json'), 'utf8')) as { vectors: Vector[] };
const byId = (id: string) => file.vectors.find((v) => v.id === id)!;

describe('the pdd-rs recipe (Cherrs/pdd-rs add_sign, run): secret + sorted name+value + secret, MD5, upper case', () => {
	it.each(['P1', 'P3', 'P4'])('%s: the sign string and the sign as the SDK produced them', (id) => {
		const v = byId(id);
		expect(v.provenance).toBe('sdk-run');
		expect(pddSignString(v.input.client_secret, v.input.params)).toBe(v.sign_string);
		expect(pddSign(v.input.client_secret, v.input.params)).toBe(v.expected);
	});

	it('P1: numbers and booleans are signed as their literals (5, true) and a null business field is left out', () => {
		const v = byId('P1');
		expect(pddWireParams(v.input.params)).not.toHaveProperty('trade_type');
		expect(pddWireParams(v.input.params)).toMatchObject({ order_status: '5', use_has_next: 'true', timestamp: '1700000000' });
	});

	it('P3: a token call signs without access_token (pdd-rs sends it as null, which is skipped)', () => {
		expect(pddWireParams(byId('P3').input.params)).not.toHaveProperty('access_token');
	});

	it('P4: a value that is already JSON text is signed exactly as given, inner keys unsorted', () => {
		expect(pddParamText('{"z":1,"a":"中"}')).toBe('{"z":1,"a":"中"}');
	});

	it('P2: the SDK sign of its sign string is reproduced (MD5 of UTF-8 text with Chinese and <&>" raw)', () => {
		const v = byId('P2');
		expect(pddSignText(v.sign_string!)).toBe(v.expected);
	});

	it('P2: nested values become compact JSON with sorted keys, "" is kept, null skipped; only 2.0 differs (a JavaScript number has no 2.0)', () => {
		const v = byId('P2');
		// serde_json writes the float 2.0 as "2.0"; JSON.parse has already made it 2. The node
		// signs the text it sends, so the form and the sign always agree.
		expect(pddSignString(v.input.client_secret, v.input.params)).toBe(v.sign_string!.replace('"qty":2.0', '"qty":2'));
	});

	it('P5 (the Node SDK, read not run) signs the same params differently — unsorted JSON, null as "null" — so it is not the recipe followed', () => {
		const v = byId('P5');
		expect(v.provenance).toBe('translation');
		expect(pddSign(v.input.client_secret, v.input.params)).not.toBe(v.expected);
		expect(pddSign(v.input.client_secret, v.input.params)).toBe(pddSign(byId('P2').input.client_secret, byId('P2').input.params));
	});
});

describe('the form the credential sends', () => {
	it('adds the public parameters (type, client_id, Unix-second timestamp, data_type JSON, access_token) and signs all of them', () => {
		const form = signedPddForm({
			type: 'pdd.order.information.get',
			clientId: 'pdd-holdout-client-id',
			clientSecret: 'pdd-holdout-client-secret',
			accessToken: 'pdd-holdout-access-token',
			now: 1_700_000_000_999,
			params: { order_sn: '231115-123456789012345', goods_json: '{"z":1,"a":"中"}', page: '1' },
		});
		// The same call as vector P4: the timestamp and every parameter as that SDK run had them.
		expect(form.timestamp).toBe('1700000000');
		expect(form.sign).toBe(byId('P4').expected);
	});

	it('a token-free call has no access_token field at all', () => {
		const form = signedPddForm({ type: 'pdd.time.get', clientId: 'c', clientSecret: 's', accessToken: '', now: 0, params: {} });
		expect(Object.keys(form).sort()).toEqual(['client_id', 'data_type', 'sign', 'timestamp', 'type']);
	});

	it('the form body percent-encodes the values; decoded, it is the signed form again', () => {
		const form = { type: 'x', remark: '备注 <&> "quoted"', sign: 'ABC' };
		expect(Object.fromEntries(new URLSearchParams(pddFormBody(form)))).toEqual(form);
	});

	it('the router URL is <base>/api/router, a full router URL is kept, an empty base is the real gateway', () => {
		expect(pddRouterUrl('')).toBe('https://gw-api.pinduoduo.com/api/router');
		expect(pddRouterUrl('http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/api/router');
		expect(pddRouterUrl('https://proxy.example/api/router')).toBe('https://proxy.example/api/router');
	});
});
