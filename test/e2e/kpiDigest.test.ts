/**
 * The daily KPI digest in a real n8n: workflows/daily-kpi-digest.json imported unchanged into a
 * fresh user folder and executed once with `n8n execute`, from its Manual Trigger. The checks
 * of its data are the template suite's (support/kpiDigestChecks.ts): yesterday's figures in
 * Asia/Shanghai recomputed from the demo orders and traffic, and one digest message per bot.
 */
import * as path from 'path';

import { dailyKpiDigest } from './support/kpiDigestChecks';
import { execute, explain, freshInstance, importWorkflows, n8nVersion, readTemplates, WORKFLOWS_DIR, type Instance } from './support/n8n';

const TEMPLATE = 'daily-kpi-digest.json';
const { workflow } = readTemplates().find((t) => t.file === TEMPLATE)!;

describe(`daily KPI digest template in n8n ${n8nVersion()}`, () => {
	let instance: Instance;

	beforeAll(async () => {
		instance = await freshInstance('kpi-digest');
		const imported = await importWorkflows(instance, path.join(WORKFLOWS_DIR, TEMPLATE));
		expect(imported.count).toBe(1);
	});

	it('runs every day at 08:50 Asia/Shanghai, and from Run now', () => {
		const schedule = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
		expect(schedule.parameters.rule).toEqual({ interval: [{ field: 'days', daysInterval: 1, triggerAtHour: 8, triggerAtMinute: 50 }] });
		expect(workflow.settings?.timezone).toBe('Asia/Shanghai');
	});

	it('executes: yesterday\'s numbers recomputed from the demo data, one digest per chat bot', async () => {
		const execution = await execute(instance, workflow.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
		dailyKpiDigest(execution.run!, workflow);
	});
});
