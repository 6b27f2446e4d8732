/**
 * Every template in workflows/, imported and executed in a real n8n with the pack installed as
 * a community package, then checked on the data of its named nodes (support/templateChecks.ts).
 */
import {
	PACKAGE,
	execute,
	explain,
	freshInstance,
	importDemoCredentials,
	importWorkflows,
	n8nVersion,
	reachableFrom,
	readTemplates,
	WORKFLOWS_DIR,
	type Execution,
	type Instance,
} from './support/n8n';
import { TEMPLATE_CHECKS } from './support/templateChecks';

const templates = readTemplates();
const STARTS = ['n8n-nodes-base.manualTrigger'];
// n8n's trigger nodes. Not /Trigger$/ on any type: the pack's deprecated reorderTrigger type (kept
// for old workflows, not in any template) is a regular node that runs after its inputs.
const isTrigger = (type: string) => type.startsWith('n8n-nodes-base.') && /Trigger$/.test(type);

describe(`templates in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	const executions = new Map<string, Execution>();

	beforeAll(async () => {
		instance = await freshInstance('templates');
		// The credentials templates reference (the coupon template's demo code secret).
		await importDemoCredentials(instance);
		// All templates in one n8n start.
		const imported = await importWorkflows(instance, WORKFLOWS_DIR);
		expect(imported.count).toBe(templates.length);
	});

	it('finds at least the RFM template', () => {
		expect(templates.map((t) => t.file)).toContain('rfm-segmentation.json');
	});

	/** Each template's schedule, as its issue and its sticky note state it. */
	const SCHEDULES: Record<string, object> = {
		'rfm-segmentation.json': { field: 'days', daysInterval: 1, triggerAtHour: 8, triggerAtMinute: 30 },
		'rfm-coupon-campaign.json': { field: 'days', daysInterval: 1, triggerAtHour: 9, triggerAtMinute: 0 },
		'restock-alerts.json': { field: 'hours', hoursInterval: 1, triggerAtMinute: 5 },
		'daily-kpi-digest.json': { field: 'days', daysInterval: 1, triggerAtHour: 8, triggerAtMinute: 50 },
		'weekly-content-plan.json': { field: 'weeks', weeksInterval: 1, triggerAtDay: [1], triggerAtHour: 9, triggerAtMinute: 30 },
	};

	describe.each(templates)('$file', ({ file, workflow }) => {
		it('follows the template conventions', () => {
			expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
			const types = workflow.nodes.map((n) => n.type);
			expect(types).toContain('n8n-nodes-base.manualTrigger');
			expect(types).toContain('n8n-nodes-base.scheduleTrigger');
			expect(types).toContain('n8n-nodes-base.stickyNote');
			expect(workflow.settings?.timezone).toBe('Asia/Shanghai');
			const packNodes = workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`));
			expect(packNodes.length).toBeGreaterThan(0);
			for (const node of workflow.nodes) {
				expect(node.type).toMatch(new RegExp(`^(n8n-nodes-base|${PACKAGE})\\.[A-Za-z]+$`));
			}
			// The schedule each template promises (its first sticky note says when, in Asia/Shanghai).
			const scheduleNode = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
			expect({ file, rule: (scheduleNode.parameters.rule as { interval: unknown[] }).interval }).toEqual({ file, rule: [SCHEDULES[file]] });
			// Sticky notes say what the workflow does (a level-2 heading first) and how to switch each
			// Demo Shop Data node, by name, to the user's real shop.
			const stickies = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
			expect(stickies[0]).toMatch(/^## \S/);
			const switchNote = stickies.find((text) => /^### Switch to your real shop/.test(text));
			expect(switchNote).toBeDefined();
			for (const demo of workflow.nodes.filter((n) => n.type === `${PACKAGE}.demoShopData`)) expect(switchNote).toContain(`**${demo.name}**`);
			// Both triggers feed the same first node.
			const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')!;
			const schedule = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
			expect(workflow.connections[schedule.name]).toEqual(workflow.connections[manual.name]);
			// `n8n execute` (and n8n's own "run from the first trigger") starts at the first trigger in
			// the nodes list, not at the Manual Trigger: keep the Manual Trigger first.
			const triggers = workflow.nodes.filter((n) => isTrigger(n.type));
			expect(triggers[0].type).toBe('n8n-nodes-base.manualTrigger');
		});

		it('executes from its Manual Trigger and every node after it runs', async () => {
			const execution = await execute(instance, workflow.id);
			executions.set(file, execution);
			expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
			const run = execution.run!;
			const start = workflow.nodes.find((n) => STARTS.includes(n.type))!;
			const otherTriggers = workflow.nodes.filter((n) => isTrigger(n.type) && n.name !== start.name);
			for (const trigger of otherTriggers) expect(run.data.resultData.runData[trigger.name]).toBeUndefined();
			for (const name of reachableFrom(workflow, start.name)) {
				expect({ name, ran: Boolean(run.data.resultData.runData[name]) }).toEqual({ name, ran: true });
				expect(run.data.resultData.runData[name][0].error).toBeUndefined();
			}
		});

		it('produces the expected data on its named nodes', () => {
			const check = TEMPLATE_CHECKS[file];
			if (!check) throw new Error(`add the data checks for ${file} to test/e2e/support/templateChecks.ts`);
			const execution = executions.get(file);
			if (!execution?.run) throw new Error('the template did not execute');
			check(execution.run, workflow);
		});
	});
});
