/**
 * Demo Shop Data → RFM Segment with Predict Lifetime Value, in-process through n8n-core's
 * WorkflowExecute: the whole path from orders to per-customer lifetime value and the fitted
 * model in the summary; data that cannot support a fit stops with a clear message.
 */
import type { IDataObject } from 'n8n-workflow';

import { chain, node, runWorkflow } from '../support/n8n';

const demo = { dataset: 'orders', seed: 42, customers: 2000, orders: 10000, endDate: '2026-06-30', days: 365 };

function workflow(rfm: IDataObject, items?: IDataObject[]) {
	const source = items
		? node('Orders', 'test.fixture', { items: JSON.stringify(items) })
		: node('Orders', 'demoShopData', demo);
	return {
		nodes: [
			node('Run', 'n8n-nodes-base.manualTrigger'),
			source,
			node('RFM', 'rfmSegment', { referenceMode: 'endOfDay', referenceDate: '2026-06-30', outputMode: 'both', predictLifetimeValue: true, ...rfm }),
		],
		connections: chain('Run', 'Orders', 'RFM'),
	};
}

describe('Demo Shop Data → RFM Segment with lifetime value', () => {
	it('adds P(alive), expected purchases, expected order value and predicted CLV to every customer', async () => {
		const result = await runWorkflow(workflow({}));
		const customers = result.output('RFM');
		expect(customers.length).toBeGreaterThan(1500);
		for (const c of customers) {
			expect(c).toEqual(
				expect.objectContaining({
					segment: expect.any(String),
					probabilityAlive: expect.any(Number),
					expectedPurchases: expect.any(Number),
					expectedAverageOrderValue: expect.any(Number),
					predictedClv: expect.any(Number),
				}),
			);
			for (const key of ['probabilityAlive', 'expectedPurchases', 'expectedAverageOrderValue', 'predictedClv']) {
				expect(Number.isFinite(c[key])).toBe(true);
				expect(c[key]).toBeGreaterThanOrEqual(0);
			}
			expect(c.probabilityAlive).toBeLessThanOrEqual(1);
		}
		// Champions are worth more than hibernating customers, on average.
		const mean = (segment: string) => {
			const members = customers.filter((c) => c.segment === segment);
			return members.reduce((s, c) => s + (c.predictedClv as number), 0) / members.length;
		};
		expect(mean('champions')).toBeGreaterThan(3 * mean('hibernating'));
	});

	it('the summary carries per-segment CLV and the fitted model with its log-likelihood', async () => {
		const result = await runWorkflow(workflow({ clvHorizonDays: 180, clvAnnualDiscountRate: 10 }));
		const customers = result.output('RFM', 0);
		const summary = result.output('RFM', 1);
		const model = summary[0].lifetimeValueModel as IDataObject;
		expect(model).toMatchObject({
			model: 'BG/NBD + Gamma-Gamma',
			timeUnit: 'day',
			horizonDays: 180,
			annualDiscountRate: 0.1,
			customers: customers.length,
			bgnbd: { r: expect.any(Number), alpha: expect.any(Number), a: expect.any(Number), b: expect.any(Number), logLikelihood: expect.any(Number), converged: true },
			gammaGamma: { p: expect.any(Number), q: expect.any(Number), v: expect.any(Number), logLikelihood: expect.any(Number), converged: true },
		});
		expect(model.returningCustomers).toBeGreaterThan(100);
		for (const row of summary) {
			const members = customers.filter((c) => c.segment === row.segment);
			const total = members.reduce((s, c) => s + (c.predictedClv as number), 0);
			expect(row.predictedClv).toBeCloseTo(total, 1);
			expect(row.lifetimeValueModel).toEqual(model);
		}
	});

	it('leaves RFM scores and segments exactly as without the option', async () => {
		const withClv = (await runWorkflow(workflow({}))).output('RFM');
		const without = (await runWorkflow(workflow({ predictLifetimeValue: false }))).output('RFM');
		const rfmOnly = (c: IDataObject) => {
			// eslint-disable-next-line @typescript-eslint/no-unused-vars
			const { probabilityAlive, expectedPurchases, expectedAverageOrderValue, predictedClv, ...rest } = c;
			return rest;
		};
		expect(withClv.map(rfmOnly)).toEqual(without);
		expect(without[0].predictedClv).toBeUndefined();
	});

	it('counts purchases per week when asked', async () => {
		const result = await runWorkflow(workflow({ clvTimeUnit: 'week' }));
		expect((result.output('RFM', 1)[0].lifetimeValueModel as IDataObject).timeUnit).toBe('week');
		expect(result.output('RFM').every((c) => Number.isFinite(c.predictedClv))).toBe(true);
	});

	it('data that cannot support a fit stops with a message that says what to do', async () => {
		const orders = [
			{ orderId: 'O1', customerId: 'A', createdAt: '2026-06-01T10:00:00+08:00', amount: 100 },
			{ orderId: 'O2', customerId: 'A', createdAt: '2026-06-05T10:00:00+08:00', amount: 60 },
			{ orderId: 'O3', customerId: 'B', createdAt: '2026-06-02T10:00:00+08:00', amount: 80 },
			{ orderId: 'O4', customerId: 'C', createdAt: '2026-06-02T12:00:00+08:00', amount: 20 },
		];
		const result = await runWorkflow(workflow({}, orders));
		const error = result.errorOf('RFM') as Error & { description?: string };
		expect(error.message).toMatch(/^Predict Lifetime Value: The BG\/NBD model needs at least 2 customers with repeat purchases/);
		expect(error.description).toMatch(/bought again on a later day/);
		// The same orders segment fine without the option.
		const plain = await runWorkflow(workflow({ predictLifetimeValue: false }, orders));
		expect(plain.output('RFM')).toHaveLength(3);
	});
});
