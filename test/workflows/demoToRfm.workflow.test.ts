/**
 * Manual Trigger → Demo Shop Data → RFM Segment, in-process through n8n-core's
 * WorkflowExecute: the flagship chain of the templates, on the built-in demo data.
 */
import { chain, node, runWorkflow } from '../support/n8n';

const demo = { dataset: 'orders', seed: 7, customers: 400, orders: 2000, endDate: '2026-06-30', days: 365 };

function demoToRfm(rfm: Record<string, unknown>) {
	return {
		nodes: [
			node('When clicking Execute', 'n8n-nodes-base.manualTrigger'),
			node('Demo Orders', 'demoShopData', demo),
			node('Score Customers', 'rfmSegment', { referenceMode: 'endOfDay', referenceDate: '2026-06-30', ...rfm }),
		],
		connections: chain('When clicking Execute', 'Demo Orders', 'Score Customers'),
	};
}

describe('Demo Shop Data → RFM Segment', () => {
	it('segments every demo customer with a counted order; summary counts and revenue add up', async () => {
		const result = await runWorkflow(demoToRfm({ outputMode: 'both' }));
		const orders = result.output('Demo Orders');
		expect(orders).toHaveLength(2000);

		const customers = result.output('Score Customers', 0);
		const summary = result.output('Score Customers', 1);
		const countedBuyers = new Set(
			orders
				.filter((o) => ['paid', 'shipped', 'completed', 'partially_refunded'].includes(o.status as string))
				.map((o) => o.customerId),
		);
		expect(customers).toHaveLength(countedBuyers.size);
		expect(summary.reduce((n, s) => n + (s.customers as number), 0)).toBe(customers.length);
		const revenue = customers.reduce((sum, c) => sum + (c.monetary as number), 0);
		expect(summary.reduce((sum, s) => sum + (s.revenue as number), 0)).toBeCloseTo(revenue, 2);

		for (const c of customers) {
			expect(c).toEqual(
				expect.objectContaining({
					customerId: expect.any(String),
					recencyDays: expect.any(Number),
					frequency: expect.any(Number),
					monetary: expect.any(Number),
					r: expect.any(Number),
					f: expect.any(Number),
					m: expect.any(Number),
					rfmCode: expect.stringMatching(/^[1-5]{3}$/),
					segment: expect.any(String),
					segmentLabel: expect.any(String),
				}),
			);
		}
		// A shop with one-off buyers, loyal repeaters and lapsed customers fills many segments.
		expect(summary.filter((s) => (s.customers as number) > 0).length).toBeGreaterThanOrEqual(7);
	});

	it('produces the same segments on every run (same seed, same shop)', async () => {
		const first = (await runWorkflow(demoToRfm({}))).output('Score Customers');
		const second = (await runWorkflow(demoToRfm({}))).output('Score Customers');
		expect(second).toEqual(first);
	});

	it.each(['customers', 'inventory', 'dailySales', 'contentPosts'])('Demo Shop Data emits the %s dataset', async (dataset) => {
		const result = await runWorkflow({
			nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), node('Demo', 'demoShopData', { ...demo, dataset })],
			connections: chain('Start', 'Demo'),
		});
		expect(result.output('Demo').length).toBeGreaterThan(0);
	});

	it('Demo Shop Data turns bad settings into a clear node error', async () => {
		const result = await runWorkflow({
			nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), node('Demo', 'demoShopData', { ...demo, warehouses: 'only-one' })],
			connections: chain('Start', 'Demo'),
		});
		expect(result.errorOf('Demo')?.message).toMatch(/warehouse/i);
	});
});
