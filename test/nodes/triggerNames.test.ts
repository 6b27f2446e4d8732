/**
 * Only a real trigger may carry "trigger" in its name (issue 12, item 1). n8n 2.8.4's editor
 * goes by the name, not by the node's group: the node panel lists a node under "What triggers
 * this workflow?" with an "On new … event" action when
 * `displayName.toLowerCase().includes("trigger")` (triggersCategory, editor-ui dist), and a run
 * from the editor counts a node among the workflow's triggers when
 * `node.type.toLowerCase().includes("trigger")` (useRunWorkflow). Reorder Trigger, a two-input
 * calculation node, was taken for one; it is now Reorder Alert, and its old type is kept hidden
 * for the workflows saved with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ReorderAlert } from '../../nodes/ReorderAlert/ReorderAlert.node';
import { ReorderTrigger } from '../../nodes/ReorderTrigger/ReorderTrigger.node';
import { manifest, packNodes as loadPackNodes } from '../support/packNodes';

const root = join(__dirname, '../..');
const packNodes = loadPackNodes();

const mentionsTrigger = (text: string | undefined) => (text ?? '').toLowerCase().includes('trigger');

describe('"trigger" in node names', () => {
	it('finds every node of package.json', () => {
		expect(packNodes.map((n) => n.description.name)).toContain('reorderAlert');
		expect(packNodes.length).toBe(manifest.n8n.nodes.length);
	});

	it.each(packNodes.map((n) => [n.description.name, n] as const))(
		'%s: no "trigger" in its type name, display name or default node name, unless it is a trigger or hidden',
		(_name, { description }) => {
			if (description.group.includes('trigger') || description.hidden === true) return;
			expect({
				name: mentionsTrigger(description.name),
				displayName: mentionsTrigger(description.displayName),
				defaultName: mentionsTrigger(description.defaults.name),
			}).toEqual({ name: false, displayName: false, defaultName: false });
		},
	);

	it('hides only the deprecated reorderTrigger type from the node panel', () => {
		expect(packNodes.filter((n) => n.description.hidden).map((n) => n.description.name)).toEqual(['reorderTrigger']);
	});
});

describe('Reorder Alert (补货预警), formerly Reorder Trigger', () => {
	const current = new ReorderAlert().description;
	const old = new ReorderTrigger().description;

	it('is a calculation node with two inputs, named for the search', () => {
		expect(current).toMatchObject({
			name: 'reorderAlert',
			displayName: 'Reorder Alert (补货预警)',
			defaults: { name: 'Reorder Alert' },
			group: ['transform'],
		});
		expect(current.hidden).toBeUndefined();
		expect((current.inputs as Array<{ displayName: string }>).map((i) => i.displayName)).toEqual(['Inventory', 'Daily Sales']);
	});

	it('is found by reorder, restock, 补货, 补货预警 and safety stock (its codex aliases, which the node panel searches)', () => {
		const codex = JSON.parse(readFileSync(join(root, 'nodes/ReorderAlert/ReorderAlert.node.json'), 'utf8')) as { node: string; alias: string[] };
		expect(codex.node).toBe('n8n-nodes-commerce-ops.reorderAlert');
		expect(codex.alias).toEqual(expect.arrayContaining(['reorder', 'restock', '补货', '补货预警', 'safety stock']));
	});

	it('keeps the old type, hidden, with the same parameters after a notice on how to swap, and the same execute', () => {
		expect(old).toMatchObject({ name: 'reorderTrigger', hidden: true, group: ['transform'] });
		expect(old.properties[0]).toMatchObject({ type: 'notice', displayName: expect.stringContaining('Reorder Alert') });
		expect(old.properties.slice(1)).toEqual(current.properties);
		// Everything else alike: inputs, outputs, subtitle, defaults, group, usable as a tool.
		const differs = ['name', 'displayName', 'hidden', 'properties', 'icon'];
		const rest = (d: object) => Object.fromEntries(Object.entries(d).filter(([key]) => !differs.includes(key)));
		expect(rest(old)).toEqual(rest(current));
		expect(old.displayName).toMatch(/^Reorder Trigger \(Deprecated/);
		expect(new ReorderTrigger().execute).toBe(new ReorderAlert().execute);
	});

	it('draws both with the Reorder Alert icon, each path resolved from its own folder as n8n does', () => {
		for (const { folder, description } of packNodes.filter((n) => /^reorder/.test(n.description.name))) {
			const icon = description.icon as { light: string; dark: string };
			for (const file of [icon.light, icon.dark]) {
				expect(file).toMatch(/^file:(\.\.\/ReorderAlert\/)?reorderAlert(\.dark)?\.svg$/);
				expect(existsSync(join(folder, file.replace(/^file:/, '')))).toBe(true);
			}
		}
	});
});
