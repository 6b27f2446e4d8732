/**
 * TOP signing against vectors made by running the official Java SDK's own signing code
 * (TaobaoUtils.signTopRequest, OpenJDK 17; test/reference/shop/taobao_vectors.json, copied from
 * shared/data/platform-signing with its provenance), and TOP's GMT+8 time text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { isBlank, parseTopTime, topParams, topSign, topSignString, topTime, type TopSignMethod } from '../../../../nodes/lib/shop/platforms/taobao';

interface Vector {
	id: string;
	provenance: string;
	input: { app_secret: string; sign_method: TopSignMethod; params: Record<string, string> };
	sign_string: string;
	expected: string;
	other_sdks?: Record<string, string>;
}

const file = JSON.parse(readFileSync(path.join(__dirname, '../../../reference/shop/taobao_vectors.json'), 'utf8')) as { vectors: Vector[] };
const byId = (id: string) => file.vectors.find((v) => v.id === id)!;

describe('TOP signing (official Java SDK TaobaoUtils.signTopRequest, run)', () => {
	it('the reference holds T1–T5, all produced by running the SDK', () => {
		expect(file.vectors.map((v) => [v.id, v.provenance])).toEqual([
			['T1', 'sdk-run'],
			['T2', 'sdk-run'],
			['T3', 'sdk-run'],
			['T4', 'sdk-run'],
			['T5', 'sdk-run'],
		]);
	});

	it.each(['T1', 'T2', 'T3', 'T4', 'T5'])('%s: the sign string and the sign the SDK produced', (id) => {
		const v = byId(id);
		const inner = topSignString(v.input.params);
		// md5 wraps the string in the secret; the hmac forms key the MAC with it instead.
		expect(v.input.sign_method === 'md5' ? `${v.input.app_secret}${inner}${v.input.app_secret}` : inner).toBe(v.sign_string);
		expect(topSign(v.input.params, v.input.app_secret, v.input.sign_method)).toBe(v.expected);
	});

	it('T4: blank values ("", spaces, a tab) are neither signed nor sent, as the SDK skips them', () => {
		const sent = topParams(byId('T4').input.params);
		expect(sent).not.toHaveProperty('buyer_nick');
		expect(sent).not.toHaveProperty('tag');
		expect(sent).not.toHaveProperty('buyer_open_id');
		// The Node SDK (node-taobao-topclient 0.1.7) signs them and gets another value, which TOP refuses.
		expect(byId('T4').other_sdks!['node-taobao-topclient@0.1.7 TopClient.request (run, same params)']).not.toBe(byId('T4').expected);
	});

	it('T5: Chinese text and a JSON-text value are signed as plain UTF-8 strings', () => {
		expect(topSign(byId('T5').input.params, 'top-holdout-app-secret', 'md5')).toBe('0E61BE81412C5B09C8CD01B4EFBDA479');
	});

	it('Java\'s whitespace: a full-width space (U+3000) is blank, a no-break space (U+00A0) is not', () => {
		expect(isBlank('\u3000')).toBe(true);
		expect(isBlank(' \t\n')).toBe(true);
		expect(isBlank('\u00A0')).toBe(false);
		expect(isBlank(0)).toBe(false);
	});
});

describe('TOP time text (GMT+8, "yyyy-MM-dd HH:mm:ss")', () => {
	// 1 700 000 000 s = 2023-11-14T22:13:20Z, which is 2023-11-15 06:13:20 in Beijing: the
	// timestamp of the vectors.
	it('formats and reads the vectors\' instant', () => {
		expect(topTime(1_700_000_000_000)).toBe('2023-11-15 06:13:20');
		expect(byId('T1').input.params.timestamp).toBe('2023-11-15 06:13:20');
		expect(parseTopTime('2023-11-15 06:13:20')).toBe(1_700_000_000_000);
	});

	it('refuses other forms', () => {
		expect(parseTopTime('2023-11-15T06:13:20')).toBeNaN();
		expect(parseTopTime('2023-13-01 00:00:00')).toBeNaN();
		expect(parseTopTime(undefined)).toBeNaN();
	});
});
