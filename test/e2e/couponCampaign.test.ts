/**
 * Idempotent coupon codes in a real n8n: workflows/rfm-coupon-campaign.json imported unchanged
 * (with the demo code secret imported as an n8n credential) and executed twice with
 * `n8n execute`. The second run issues every customer exactly the code of the first run — no
 * code changes, none is new, none repeats — so re-running or retrying the campaign can never
 * issue a second coupon. The data checks of the template (support/couponCampaignChecks.ts)
 * hold on both runs.
 */
import * as path from 'path';

import { couponCampaign, couponCodes, demoCouponSecret } from './support/couponCampaignChecks';
import {
	WORKFLOWS_DIR,
	execute,
	explain,
	freshInstance,
	importDemoCredentials,
	importWorkflows,
	itemsOf,
	n8nVersion,
	readTemplates,
	type Execution,
	type Instance,
} from './support/n8n';

const TEMPLATE = 'rfm-coupon-campaign.json';
const { workflow } = readTemplates().find((t) => t.file === TEMPLATE)!;

const tierNode = workflow.nodes.find((n) => n.type.endsWith('.couponTier'))!;
/** The day the Coupon Tier ran the campaign for, from its Totals output (one item). */
const campaignDateOf = (run: NonNullable<Execution['run']>) => (itemsOf(run, tierNode.name, 5) ?? [])[0]?.campaignDate;

function mustSucceed(execution: Execution): NonNullable<Execution['run']> {
	expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
	return execution.run!;
}

describe(`coupon campaign executed twice in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let first: NonNullable<Execution['run']>;
	let second: NonNullable<Execution['run']>;

	beforeAll(async () => {
		instance = await freshInstance('coupon-rerun');
		const credentials = await importDemoCredentials(instance);
		expect(credentials.count).toBe(1);
		const imported = await importWorkflows(instance, path.join(WORKFLOWS_DIR, TEMPLATE));
		expect(imported.count).toBe(1);
		first = mustSucceed(await execute(instance, workflow.id));
		second = mustSucceed(await execute(instance, workflow.id));
		// The demo shop ends today and the campaign date is today (Asia/Shanghai): when midnight
		// fell between the two runs they scored different shops on different days. Compare the
		// second run with a third, on its own day.
		if (campaignDateOf(second) !== campaignDateOf(first)) {
			first = second;
			second = mustSucceed(await execute(instance, workflow.id));
		}
		expect(campaignDateOf(second)).toBe(campaignDateOf(first));
	});

	it('both runs pass the template\'s data checks', () => {
		couponCampaign(first, workflow);
		couponCampaign(second, workflow);
	});

	it('the second run gives every customer the code of the first: none changed, none new, none repeated', () => {
		const before = couponCodes(first, workflow);
		const after = couponCodes(second, workflow);
		expect(before.size).toBeGreaterThan(500);
		const changed = [...after].filter(([customer, code]) => before.has(customer) && before.get(customer) !== code);
		const added = [...after].filter(([customer]) => !before.has(customer));
		expect({ changed, added }).toEqual({ changed: [], added: [] });
		expect(after.size).toBe(before.size);
		expect(new Set(after.values()).size).toBe(after.size);
		// The coupon list the issuing step writes is the same list, code for code.
		expect(itemsOf(second, 'Coupon list')).toEqual(itemsOf(first, 'Coupon list'));
	});

	it('neither run shows the secret the codes are signed with', () => {
		const secret = demoCouponSecret();
		expect(JSON.stringify(first)).not.toContain(secret);
		expect(JSON.stringify(second)).not.toContain(secret);
	});
});
