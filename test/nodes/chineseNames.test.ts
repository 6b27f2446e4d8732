/**
 * Issue 12 item 4: the users are mostly Chinese ops staff, who search the node panel in Chinese
 * and recognise nodes by their Chinese names. Every node shown in the panel carries its Chinese
 * name in its display name — except the two stores whose shops sell outside China (Shopify,
 * WooCommerce), which n8n's own nodes also name in English; they are found by their codex
 * aliases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { packNodes } from '../support/packNodes';

const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH_ONLY = ['shopifyStore', 'wooCommerceStore'];
const shown = packNodes().filter((n) => n.description.hidden !== true);

describe('Chinese names in the node panel', () => {
	it.each(shown.map((n) => [n.description.name, n] as const))('%s: a Chinese name in its display name, or Chinese codex aliases', (name, node) => {
		const codex = JSON.parse(readFileSync(join(node.folder, `${node.dist.split('/').pop()!.replace(/\.js$/, '')}.json`), 'utf8')) as { alias?: string[] };
		const aliases = (codex.alias ?? []).filter((a) => CHINESE.test(a));
		expect({ name, chineseAlias: aliases.length > 0 }).toEqual({ name, chineseAlias: true });
		if (!ENGLISH_ONLY.includes(name)) expect({ name, displayName: node.description.displayName }).toEqual({ name, displayName: expect.stringMatching(CHINESE) });
	});
});
