/**
 * `npm run editor` imports the templates so that none is there twice and no edit is lost
 * (scripts/editor.js templatesToImport), reading what the instance holds from `n8n list:workflow`
 * (scripts/n8n-runtime/run.js parseWorkflowList). n8n's `import:workflow` upserts by id, and the
 * editor's *Import from File…* gives the imported workflow a new id: the two ways a template could
 * end up overwritten or doubled.
 */
// Plain Node modules of the scripts.
/* eslint-disable @typescript-eslint/no-require-imports */
const editor = require('../../scripts/editor') as {
	templatesToImport(
		templates: Template[],
		existing: Array<{ id: string; name: string }>,
	): { toImport: Template[]; found: Array<Template & { reason: string }> };
};
const run = require('../../scripts/n8n-runtime/run') as {
	parseWorkflowList(stdout: string): Array<{ id: string; name: string }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface Template {
	file: string;
	id: string;
	name: string;
}

const rfm: Template = { file: 'workflows/rfm-segmentation.json', id: 'RfmSegmentation01', name: 'RFM customer segments (daily)' };
const coupons: Template = { file: 'workflows/rfm-coupon-campaign.json', id: 'RfmCouponCampaign01', name: 'Member coupons by RFM tier and lifetime value (daily)' };
const restock: Template = { file: 'workflows/restock-alerts.json', id: 'RestockAlerts01', name: 'Restock alerts (hourly)' };
const templates = [rfm, coupons, restock];

describe('templatesToImport', () => {
	it('imports every template into an instance that has no workflow', () => {
		expect(editor.templatesToImport(templates, [])).toEqual({ toImport: templates, found: [] });
	});

	it('leaves a template imported by an earlier run (same id) as it is, so --keep keeps its edits', () => {
		const { toImport, found } = editor.templatesToImport(templates, [{ id: 'RfmSegmentation01', name: 'RFM — my edited copy' }]);
		expect(toImport).toEqual([coupons, restock]);
		expect(found).toEqual([{ ...rfm, reason: 'kept' }]);
	});

	it('does not import a second copy of a template the user imported from its file (same name, new id)', () => {
		const { toImport, found } = editor.templatesToImport(templates, [{ id: 'x7Kq2mPz9AbCdEfG', name: 'Restock alerts (hourly)' }]);
		expect(toImport).toEqual([rfm, coupons]);
		expect(found).toEqual([{ ...restock, id: 'x7Kq2mPz9AbCdEfG', reason: 'same name' }]);
	});

	it('imports nothing when every template is there, and ignores the user’s other workflows', () => {
		const existing = [
			{ id: 'RfmSegmentation01', name: 'RFM customer segments (daily)' },
			{ id: 'RfmCouponCampaign01', name: 'Member coupons by RFM tier and lifetime value (daily)' },
			{ id: 'RestockAlerts01', name: 'Restock alerts (hourly)' },
			{ id: 'mine0000000001', name: 'My own workflow' },
		];
		const { toImport, found } = editor.templatesToImport(templates, existing);
		expect(toImport).toEqual([]);
		expect(found.map((t) => [t.id, t.reason])).toEqual([
			['RfmSegmentation01', 'kept'],
			['RfmCouponCampaign01', 'kept'],
			['RestockAlerts01', 'kept'],
		]);
	});
});

describe('parseWorkflowList: what `n8n list:workflow` prints', () => {
	it('reads the `<id>|<name>` lines among n8n’s log lines', () => {
		const stdout = [
			'Permissions 0644 for n8n settings file /tmp/u/.n8n/config are too wide.',
			'RfmSegmentation01|RFM customer segments (daily)',
			'x7Kq2mPz9AbCdEfG|Restock alerts (hourly) | copy',
			'',
		].join('\n');
		expect(run.parseWorkflowList(stdout)).toEqual([
			{ id: 'RfmSegmentation01', name: 'RFM customer segments (daily)' },
			{ id: 'x7Kq2mPz9AbCdEfG', name: 'Restock alerts (hourly) | copy' },
		]);
	});

	it('reads no workflow from an empty instance', () => {
		expect(run.parseWorkflowList('')).toEqual([]);
	});
});
