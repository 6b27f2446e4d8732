/**
 * Every relative link in README.md, CONTRIBUTING.md and docs/**\/*.md points to a file that exists,
 * and every #anchor to a heading of that file (GitHub's anchor rules). The nodes' Docs links
 * (codex `resources.*Documentation`) and the credentials' documentationUrl that point into this
 * repository are checked the same way.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { anchorsOf, linksOf, readMarkdown } from './markdown';

const root = resolve(__dirname, '../..');
const repositoryUrl = 'https://github.com/commerce-ops/n8n-nodes-commerce-ops';

function markdownFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return markdownFiles(path);
		return name.endsWith('.md') ? [path] : [];
	});
}

const docs = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), ...markdownFiles(join(root, 'docs'))];

/** Why `target` (as written in `fromFile`) does not resolve, or undefined when it does. */
function problem(fromFile: string, target: string): string | undefined {
	const [rawPath, anchor] = target.split('#', 2);
	const path = rawPath === '' ? fromFile : resolve(dirname(fromFile), decodeURIComponent(rawPath));
	if (!existsSync(path)) return `no file ${relative(root, path)}`;
	if (anchor === undefined) return undefined;
	if (!path.endsWith('.md')) return `#${anchor} on a file that is not Markdown`;
	const anchors = anchorsOf(readMarkdown(path));
	return anchors.has(decodeURIComponent(anchor)) ? undefined : `no heading for #${anchor} in ${relative(root, path)}`;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('GitHub heading anchors', () => {
	it.each([
		['## Lifetime value (an option of RFM Segment)', 'lifetime-value-an-option-of-rfm-segment'],
		['## `npm run demo`', 'npm-run-demo'],
		['## Order store and the shop templates (`workflows/shop/`)', 'order-store-and-the-shop-templates-workflowsshop'],
		['### Douyin Shop (抖店)', 'douyin-shop-抖店'],
		['### Taobao / Tmall Shop (淘宝/天猫)', 'taobao--tmall-shop-淘宝天猫'],
		['## Skip Messages Already Sent (never twice)', 'skip-messages-already-sent-never-twice'],
		['### Coupon → Issue', 'coupon--issue'],
	])('%s → #%s', (heading, anchor) => {
		expect([...anchorsOf(heading)]).toEqual([anchor]);
	});

	it('numbers a repeated heading', () => {
		expect([...anchorsOf('## Orders\n\n## Orders\n\n## Orders')]).toEqual(['orders', 'orders-1', 'orders-2']);
	});

	it('reads no heading inside a code block', () => {
		expect([...anchorsOf('```sh\n# not a heading\n```')]).toEqual([]);
	});
});

describe('relative links in the docs', () => {
	it('finds the docs', () => {
		expect(docs.map((path) => relative(root, path))).toEqual(
			expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/shops.md', 'docs/nodes/RfmSegment.md']),
		);
	});

	it.each(docs.map((path) => [relative(root, path), path]))('%s', (_name, path) => {
		const broken = linksOf(readMarkdown(path))
			.filter((link) => !isExternal(link.target))
			.map((link) => ({ ...link, problem: problem(path, link.target) }))
			.filter((link) => link.problem !== undefined)
			.map((link) => `line ${link.line}: ${link.target} (${link.problem})`);
		expect(broken).toEqual([]);
	});
});

describe('links from n8n into this repository', () => {
	/** A URL of this repository's README or of a file on main, as the path it names here. */
	function repositoryTarget(url: string): string | undefined {
		if (url.startsWith(`${repositoryUrl}/blob/main/`)) return url.slice(`${repositoryUrl}/blob/main/`.length);
		if (url.startsWith(`${repositoryUrl}#`)) return `README.md${url.slice(repositoryUrl.length)}`;
		return undefined;
	}

	const codexFiles = readdirSync(join(root, 'nodes'))
		.map((folder) => join(root, 'nodes', folder, `${folder}.node.json`))
		.filter((path) => existsSync(path));
	const credentialFiles = readdirSync(join(root, 'credentials')).map((name) => join(root, 'credentials', name));

	it.each(codexFiles.map((path) => [relative(root, path), path]))('%s', (_name, path) => {
		const codex = JSON.parse(readFileSync(path, 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
		const primary = codex.resources?.primaryDocumentation ?? [];
		expect(primary).not.toHaveLength(0);
		const urls = Object.values(codex.resources ?? {}).flatMap((entries) => entries.map((entry) => entry.url));
		const broken = urls
			.map((url) => ({ url, target: repositoryTarget(url) }))
			.filter((link): link is { url: string; target: string } => link.target !== undefined)
			.map((link) => ({ ...link, problem: problem(join(root, 'README.md'), link.target) }))
			.filter((link) => link.problem !== undefined)
			.map((link) => `${link.url} (${link.problem})`);
		expect(broken).toEqual([]);
	});

	it('points each node Docs link at the node page in docs/nodes', () => {
		for (const path of codexFiles) {
			const folder = relative(join(root, 'nodes'), dirname(path));
			const codex = JSON.parse(readFileSync(path, 'utf8')) as { resources: Record<string, Array<{ url: string }>> };
			expect([folder, codex.resources.primaryDocumentation[0].url]).toEqual([
				folder,
				`${repositoryUrl}/blob/main/docs/nodes/${folder}.md`,
			]);
		}
	});

	it.each(credentialFiles.map((path) => [relative(root, path), path]))('%s', (_name, path) => {
		const url = /documentationUrl\s*=\s*'([^']+)'/.exec(readFileSync(path, 'utf8'))?.[1];
		const target = url === undefined ? undefined : repositoryTarget(url);
		if (target === undefined) return;
		expect(problem(join(root, 'README.md'), target)).toBeUndefined();
	});
});

describe('documentation URLs n8n opens', () => {
	// n8n adds its tracking query (`?utm_source=n8n_app…`) to the end of a Docs link, so in
	// `page.md#section?utm_source=…` the query becomes part of the anchor and the page opens at
	// its top (issue 12): every such URL names a page, and a section that needs a link has a page of its own.
	const codexUrls = readdirSync(join(root, 'nodes'))
		.map((folder) => join(root, 'nodes', folder, `${folder}.node.json`))
		.filter((path) => existsSync(path))
		.flatMap((path) => {
			const codex = JSON.parse(readFileSync(path, 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
			return Object.values(codex.resources ?? {}).flatMap((entries) => entries.map((entry) => [relative(root, path), entry.url]));
		});
	const credentialUrls = readdirSync(join(root, 'credentials')).map((name) => {
		const url = /documentationUrl\s*=\s*'([^']+)'/.exec(readFileSync(join(root, 'credentials', name), 'utf8'))?.[1];
		return [`credentials/${name}`, url ?? ''];
	});

	it('finds the Docs links of every node and credential', () => {
		expect(codexUrls.length).toBeGreaterThanOrEqual(15);
		expect(credentialUrls.filter(([, url]) => url !== '').length).toBe(credentialUrls.length);
	});

	it.each([...codexUrls, ...credentialUrls])('%s: %s has no #anchor', (_file, url) => {
		expect(url).not.toContain('#');
	});
});
