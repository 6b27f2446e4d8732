/**
 * Issue 12 item 4: most users are Chinese ops staff, so every sticky note of every template
 * (workflows/, workflows/shop/ and workflows/queue/) ends with a short Chinese version of what it says, after
 * the English the end-to-end checks read; and the notes explain instead of naming models or
 * signing schemes (details are in the docs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

const root = join(__dirname, '../../workflows');
const files = [
	...readdirSync(root).filter((f) => f.endsWith('.json')),
	...['shop', 'queue'].flatMap((folder) =>
		readdirSync(join(root, folder))
			.filter((f) => f.endsWith('.json'))
			.map((f) => `${folder}/${f}`),
	),
];
const notes = files.flatMap((file) => {
	const { nodes } = JSON.parse(readFileSync(join(root, file), 'utf8')) as { nodes: WorkflowNode[] };
	return nodes
		.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
		.map((node) => ({ file, note: node.name, content: String(node.parameters.content) }));
});

const CHINESE_PART = '\n\n**中文说明**：';
const chineseCharacters = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

describe('template sticky notes in Chinese too', () => {
	it('finds the notes of every template', () => {
		expect(files).toEqual(expect.arrayContaining(['rfm-segmentation.json', 'restock-alerts.json', 'shop/shop-order-sync.json', 'queue/restock-alerts-postgres.json']));
		expect(notes.length).toBeGreaterThanOrEqual(files.length * 2);
	});

	it.each(notes)('$file, $note: English first, then one Chinese paragraph', ({ content }) => {
		const at = content.indexOf(CHINESE_PART);
		expect(at).toBeGreaterThan(0);
		expect(content.indexOf(CHINESE_PART, at + 1)).toBe(-1);
		expect(chineseCharacters(content.slice(at))).toBeGreaterThanOrEqual(20);
		// The English part reads as English: Chinese in it is at most a heading's translation or a shop's name.
		expect(content.slice(0, at)).toMatch(/[A-Za-z]{3,}( [A-Za-z]{2,}){3}/);
	});

	it.each(notes)('$file, $note: no model or signing jargon', ({ content }) => {
		expect(content).not.toMatch(/HMAC|BG\/NBD|Gamma-Gamma|idempotent/i);
	});
});
