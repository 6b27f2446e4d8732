/**
 * Content Mix's audit against an independent pandas computation (test/reference/contentMix/
 * reference.py → expected.csv): 160 posts of 2 accounts × 2 platforms with mixed UTC offsets
 * around the window's edges, a pillar outside the target mix, posts without link codes, two
 * posts sharing one code, and 900 orders in every status, some with unknown or no link codes.
 * Run through the node in-process, so the status filter, refunds and field reading are covered.
 */
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { readCsv } from '../../support/csv';
import { node, runWorkflow } from '../../support/n8n';

const DIR = path.join(__dirname, '../../reference/contentMix');
const numeric = (row: Record<string, string>, fields: string[]) => {
	const out: IDataObject = { ...row };
	for (const f of fields) out[f] = Number(row[f]);
	return out;
};

describe('Content Mix audit = pandas groupby (test/reference/contentMix)', () => {
	it('gives every account, platform and pillar the reference figures', async () => {
		const posts = readCsv(path.join(DIR, 'posts.csv')).map((r) => numeric(r, ['views', 'clicks']));
		const orders = readCsv(path.join(DIR, 'orders.csv')).map((r) => numeric(r, ['amount', 'refundedAmount']));
		const expected = readCsv(path.join(DIR, 'expected.csv'));
		const result = await runWorkflow({
			nodes: [
				node('Run', 'n8n-nodes-base.manualTrigger'),
				node('Posts', 'test.fixture', { items: JSON.stringify(posts) }),
				node('Orders', 'test.fixture', { items: JSON.stringify(orders) }),
				node('Content Mix', 'contentMix', { operation: 'audit', accountField: 'account', windowDays: 14, endDate: '2026-03-01' }),
			],
			connections: {
				Run: { main: [[{ node: 'Posts', type: 'main', index: 0 }, { node: 'Orders', type: 'main', index: 0 }]] },
				Posts: { main: [[{ node: 'Content Mix', type: 'main', index: 0 }]] },
				Orders: { main: [[{ node: 'Content Mix', type: 'main', index: 1 }]] },
			},
		});
		expect(result.errorOf('Content Mix')).toBeUndefined();
		const rows = result.output('Content Mix');
		expect(rows).toHaveLength(expected.length);
		for (const want of expected) {
			const row = rows.find((r) => r.account === want.account && r.platform === want.platform && r.pillar === want.pillar);
			expect(row).toMatchObject({
				posts: Number(want.posts),
				totalPosts: Number(want.totalPosts),
				views: Number(want.views),
				clicks: Number(want.clicks),
				orders: Number(want.orders),
				windowStart: '2026-02-16',
				windowEnd: '2026-03-01',
			});
			// The node gives percents and money to 2 decimals.
			for (const field of ['sharePercent', 'targetPercent', 'deviationPoints', 'revenue', 'clickThroughPercent', 'conversionPercent']) {
				if (want[field] === '') expect(row![field]).toBeNull();
				else expect(Math.abs((row![field] as number) - Number(want[field]))).toBeLessThanOrEqual(0.005 + 1e-9);
			}
		}
	});
});
