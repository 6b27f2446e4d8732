/**
 * The templates' sticky notes say what the editor does (issue 12 item 8): which trigger
 * *Execute workflow* starts from, how often the workflow runs, and Markdown that n8n's sticky
 * notes draw. The real-n8n checks of the notes are in test/e2e/templates.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	disabled?: boolean;
	parameters: Record<string, unknown>;
}

const dir = join(__dirname, '../../workflows');
/** The top-level templates and the queue-mode variants (workflows/queue/), which keep the same conventions. */
const templates = [
	...readdirSync(dir).filter((file) => file.endsWith('.json')),
	...readdirSync(join(dir, 'queue'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => `queue/${file}`),
].map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: WorkflowNode[] } }));

/**
 * The trigger n8n's editor selects for *Execute workflow* when a workflow has several:
 * n8n 2.8.4 `findTriggerNodeToAutoSelect` (editor-ui, workflows store) sorts the enabled triggers
 * by these priorities — Form 10, Webhook 9, Schedule 7, Manual 6, Execute Workflow 5, Error 4,
 * other core nodes 0 (community triggers 8) — keeping the workflow's order among equals. So a
 * schedule wins over the Manual Trigger wherever it sits in `nodes`.
 */
const AUTO_SELECT_PRIORITY: Record<string, number> = {
	'n8n-nodes-base.formTrigger': 10,
	'n8n-nodes-base.webhook': 9,
	'n8n-nodes-base.scheduleTrigger': 7,
	'n8n-nodes-base.manualTrigger': 6,
	'n8n-nodes-base.executeWorkflowTrigger': 5,
	'n8n-nodes-base.errorTrigger': 4,
};
/**
 * n8n counts a node as a trigger when its type's group is 'trigger': here n8n's own *Trigger nodes
 * and the Webhook. The pack has none (its deprecated reorderTrigger type's group is 'transform', whatever its name).
 */
const isTrigger = (type: string) => type in AUTO_SELECT_PRIORITY || /^n8n-nodes-base\.[A-Za-z]+Trigger$/.test(type);

function autoSelectedTrigger(nodes: WorkflowNode[]): WorkflowNode | undefined {
	const priority = (node: WorkflowNode) => AUTO_SELECT_PRIORITY[node.type] ?? 0;
	return nodes
		.filter((node) => isTrigger(node.type) && !node.disabled)
		.sort((a, b) => priority(b) - priority(a))[0];
}

const notesOf = (nodes: WorkflowNode[]) =>
	nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));

describe('which trigger Execute workflow starts from', () => {
	it('is the schedule when a workflow has a schedule and a Manual Trigger, whichever comes first', () => {
		const manual = { name: 'Run now', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
		const schedule = { name: 'Every hour', type: 'n8n-nodes-base.scheduleTrigger', parameters: {} };
		expect(autoSelectedTrigger([manual, schedule])?.name).toBe('Every hour');
		expect(autoSelectedTrigger([schedule, manual])?.name).toBe('Every hour');
		expect(autoSelectedTrigger([manual, { ...schedule, disabled: true }])?.name).toBe('Run now');
	});

	it.each(templates)('$file: a note that tells the user to click Execute workflow names the trigger n8n shows under it', ({ workflow }) => {
		const selected = autoSelectedTrigger(workflow.nodes);
		const notes = notesOf(workflow.nodes).filter((text) => text.includes('**Execute workflow**'));
		for (const text of notes) {
			expect(text).toContain(`from *${selected?.name}*`);
			// The claim issue 12 found wrong: the button ran "from Every hour".
			if (selected?.type !== 'n8n-nodes-base.manualTrigger') expect(text).not.toMatch(/\(from \*Run now\*\)/);
		}
	});
});

describe('what the notes say and how n8n draws them', () => {
	/** The schedule's cadence word, as the first note's heading must say it. */
	function cadence(nodes: WorkflowNode[]): string {
		const schedule = nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
		const interval = (schedule?.parameters.rule as { interval: Array<{ field: string }> }).interval[0];
		return { days: 'Daily', hours: 'Hourly', weeks: 'Weekly', months: 'Monthly' }[interval.field] ?? interval.field;
	}

	it.each(templates)('$file: the first note’s heading says how often the schedule runs, and no other cadence', ({ workflow }) => {
		const heading = notesOf(workflow.nodes)[0].split('\n')[0];
		const expected = cadence(workflow.nodes);
		expect(heading).toContain(expected);
		for (const other of ['Daily', 'Hourly', 'Weekly', 'Monthly'].filter((word) => word !== expected)) expect(heading).not.toContain(other);
	});

	// n8n 2.8.4's sticky-note styles (editor-ui `._sticky` rules) cover headings, paragraphs,
	// lists, code, links and images, not tables: a table's cells ran together (issue 12). Lists instead.
	it.each(templates)('$file: no note holds a Markdown table', ({ workflow }) => {
		const tableLines = notesOf(workflow.nodes).flatMap((text) => text.split('\n').filter((line) => /^\s*\|.*\|\s*$/.test(line)));
		expect(tableLines).toEqual([]);
	});
});
