/**
 * What each template's run must contain, by template file. Every template in workflows/ needs
 * an entry: "it ran" is not enough, the data of its named nodes has to be right. A new template
 * (restock alerts, coupons, content mix) adds its checks here.
 */
import { itemsOf, type RunJson, type WorkflowJson } from './n8n';

export type TemplateCheck = (run: RunJson, workflow: WorkflowJson) => void;

const RF_GRID_SEGMENTS = [
	'champions',
	'loyal_customers',
	'potential_loyalists',
	'new_customers',
	'promising',
	'need_attention',
	'about_to_sleep',
	'at_risk',
	'cant_lose',
	'hibernating',
];

const COUNTED_STATUSES = ['paid', 'shipped', 'completed', 'partially_refunded'];

function nodeByType(workflow: WorkflowJson, type: string) {
	const node = workflow.nodes.find((n) => n.type === type);
	if (!node) throw new Error(`the template has no ${type} node`);
	return node;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function isoWithOffset(value: unknown): boolean {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** rfm-segmentation.json: Demo shop orders → Score customers (RFM) → Customers by segment / Segment summary. */
const rfmSegmentation: TemplateCheck = (run, workflow) => {
	const demo = nodeByType(workflow, 'n8n-nodes-commerce-ops.demoShopData');
	const rfm = nodeByType(workflow, 'n8n-nodes-commerce-ops.rfmSegment');
	expect(demo.parameters.dataset).toBe('orders');
	expect(rfm.parameters.outputMode).toBe('both');

	const orders = itemsOf(run, demo.name) ?? [];
	expect(orders).toHaveLength(Number(demo.parameters.orders));
	for (const order of orders) {
		expect(order).toEqual(
			expect.objectContaining({
				orderId: expect.any(String),
				customerId: expect.any(String),
				status: expect.any(String),
				amount: expect.any(Number),
			}),
		);
		expect(isoWithOffset(order.createdAt)).toBe(true);
	}

	// The RFM node's two outputs feed the two named nodes unchanged.
	const customers = itemsOf(run, 'Customers by segment') ?? [];
	const summary = itemsOf(run, 'Segment summary') ?? [];
	expect(itemsOf(run, rfm.name, 0)).toEqual(customers);
	expect(itemsOf(run, rfm.name, 1)).toEqual(summary);

	// Customers: one per customer with a counted order, every field present and typed.
	const customerIds = customers.map((c) => c.customerId);
	expect(new Set(customerIds).size).toBe(customers.length);
	expect(customers.length).toBeGreaterThan(1000);
	for (const c of customers) {
		expect(c).toEqual(
			expect.objectContaining({
				customerId: expect.any(String),
				recencyDays: expect.any(Number),
				frequency: expect.any(Number),
				monetary: expect.any(Number),
				averageOrderValue: expect.any(Number),
				rfmScore: expect.any(Number),
				segmentLabel: expect.any(String),
			}),
		);
		for (const score of [c.r, c.f, c.m]) expect([1, 2, 3, 4, 5]).toContain(score);
		expect(c.rfmCode).toBe(`${c.r}${c.f}${c.m}`);
		expect(c.rfmScore).toBe(Number(c.r) + Number(c.f) + Number(c.m));
		expect(RF_GRID_SEGMENTS).toContain(c.segment);
		expect(Number.isInteger(c.recencyDays) && Number(c.recencyDays) >= 0).toBe(true);
		expect(Number.isInteger(c.frequency) && Number(c.frequency) >= 1).toBe(true);
		expect(isoWithOffset(c.lastOrderAt)).toBe(true);
	}

	// Summary: one row per segment of the scheme; counts add up to the customer count.
	expect(summary.map((row) => row.segment)).toEqual(RF_GRID_SEGMENTS);
	expect(sum(summary.map((row) => Number(row.customers)))).toBe(customers.length);
	for (const row of summary) {
		const members = customers.filter((c) => c.segment === row.segment);
		expect(row.customers).toBe(members.length);
		expect(row.revenue).toBeCloseTo(sum(members.map((c) => Number(c.monetary))), 1);
		expect(typeof row.segmentLabel).toBe('string');
		expect(row.currency).toBe('CNY');
	}
	expect(sum(summary.map((row) => Number(row.customerShare)))).toBeCloseTo(1, 2);
	expect(sum(summary.map((row) => Number(row.revenueShare)))).toBeCloseTo(1, 2);

	// Orders counted = frequencies summed; customers with only uncounted orders are reported.
	const context = summary[0];
	expect(sum(customers.map((c) => Number(c.frequency)))).toBe(context.ordersCounted);
	const customersInOrders = new Set(orders.map((o) => o.customerId));
	expect(customers.length + Number(context.customersWithoutCountedOrders)).toBe(customersInOrders.size);
	const withCountedStatus = new Set(orders.filter((o) => COUNTED_STATUSES.includes(String(o.status))).map((o) => o.customerId));
	for (const id of customerIds) expect(withCountedStatus.has(id)).toBe(true);
};

export const TEMPLATE_CHECKS: Record<string, TemplateCheck> = {
	'rfm-segmentation.json': rfmSegmentation,
};
