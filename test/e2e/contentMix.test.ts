/**
 * Content Mix in a real n8n: workflows/weekly-content-plan.json imported unchanged into a fresh
 * user folder and executed once from its Manual Trigger with `n8n execute`. The run data is
 * checked by the template's entry in support/templateChecks.ts (the audit recomputed from the
 * demo posts and orders, the plan's slots and pillars, the WeCom previews' lines).
 */
import * as path from 'path';

import {
	WORKFLOWS_DIR,
	execute,
	explain,
	freshInstance,
	importWorkflows,
	n8nVersion,
	readTemplates,
	type Instance,
} from './support/n8n';
import { TEMPLATE_CHECKS } from './support/templateChecks';

const TEMPLATE = 'weekly-content-plan.json';
const { workflow } = readTemplates().find((t) => t.file === TEMPLATE)!;

describe(`weekly content plan in n8n ${n8nVersion()}`, () => {
	let instance: Instance;

	beforeAll(async () => {
		instance = await freshInstance('content-mix');
		const imported = await importWorkflows(instance, path.join(WORKFLOWS_DIR, TEMPLATE));
		expect(imported.count).toBe(1);
	});

	it('audits last week, plans the next posts and previews both reports for WeCom', async () => {
		const execution = await execute(instance, workflow.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
		TEMPLATE_CHECKS[TEMPLATE](execution.run!, workflow);
	});
});
