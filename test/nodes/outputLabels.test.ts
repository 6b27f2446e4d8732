/**
 * Output labels fit beside the node on n8n's canvas. n8n 2.8.4's editor draws a connected
 * output's label at most 96 px wide (font-size 2xs, then an ellipsis: `._handle._connected ._label`
 * in n8n-editor-ui's useCanvasMapping CSS), which cut Coupon Tier's 'Review Invite 邀请测评' to
 * "Review Invi…" (issue 12): 11 Latin characters and the ellipsis. Every label of every node in
 * the pack (package.json `n8n.nodes`) is held to 12 cells, a Chinese character counting as two,
 * as it is drawn about twice as wide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

const MAX_CELLS = 12;

/** Cells a label takes: 2 for each East Asian wide character, 1 for anything else. */
function cells(label: string): number {
	return [...label].reduce((sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
}

const root = join(__dirname, '../..');
const nodeFiles = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } }).n8n.nodes.map((dist) =>
	join(root, dist.replace(/^dist\//, '').replace(/\.js$/, '')),
);

/** The node's description and, for nodes whose outputs follow a parameter, its fullest set of outputs. */
function outputLabels(file: string): { labels: string[] } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(file) as Record<string, unknown>;
	const NodeClass = Object.values(module).find(
		(value): value is new () => { description: INodeTypeDescription } =>
			typeof value === 'function' && 'prototype' in value && /^class /.test(String(value)),
	);
	if (!NodeClass) throw new Error(`no node class in ${file}`);
	const { description } = new NodeClass();
	const fromOutputs = (outputs: unknown) =>
		Array.isArray(outputs) ? outputs.flatMap((o) => (typeof o === 'object' && o && 'displayName' in o ? [String(o.displayName)] : [])) : [];
	const configured = typeof module.configuredOutputs === 'function' ? fromOutputs((module.configuredOutputs as (mode: string) => unknown)('both')) : [];
	return { labels: [...(description.outputNames ?? []), ...fromOutputs(description.outputs), ...configured] };
}

describe('output labels on the canvas', () => {
	it('counts cells as the canvas draws them', () => {
		expect(cells('Review Invi')).toBe(11);
		expect(cells('Summary 汇总')).toBe(12);
		expect(cells('Review Invite 邀请测评')).toBe(22);
	});

	it('finds every node of the pack, and the labelled outputs', () => {
		expect(nodeFiles.length).toBeGreaterThanOrEqual(15);
		const couponTier = nodeFiles.find((file) => file.endsWith('CouponTier.node'));
		expect(outputLabels(couponTier as string).labels).toEqual(['Coupon 发券', 'Review 测评', 'VIP 顾问', 'None 不触达', 'Summary 汇总', 'Totals 总计']);
	});

	it.each(nodeFiles.map((file) => [file.slice(root.length + 1), file]))(`%s: every output label fits in ${MAX_CELLS} cells`, (_name, file) => {
		const tooLong = outputLabels(file).labels.filter((label) => cells(label) > MAX_CELLS);
		expect(tooLong).toEqual([]);
	});
});
