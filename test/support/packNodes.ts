/**
 * Every node n8n loads from this package (package.json "n8n.nodes"): the class named as its file
 * (n8n's loader requires that), with its source folder and description.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

const root = join(__dirname, '../..');
export const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

export interface PackNode {
	dist: string;
	folder: string;
	description: INodeTypeDescription;
}

export function packNodes(): PackNode[] {
	return manifest.n8n.nodes.map((dist) => {
		const source = join(root, dist.replace(/^dist\//, '').replace(/\.js$/, ''));
		const className = basename(source, '.node');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const NodeClass = (require(source) as Record<string, new () => INodeType>)[className];
		if (typeof NodeClass !== 'function') throw new Error(`${dist}: no class ${className}`);
		return { dist, folder: dirname(source), description: new NodeClass().description };
	});
}
