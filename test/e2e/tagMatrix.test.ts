/**
 * Tag Matrix in a real n8n: Demo Shop Data → RFM Segment → Tag Matrix, with the demo orders
 * straight on its first input (they carry their coupon codes and the customers' regions), RFM
 * Segment's customers on the second and three reviews from a Code node on the third (Chinese
 * with a negation, mixed Chinese/English, an AI score). One user folder, one import, one
 * execution; the run data is checked against the items the other nodes passed it.
 */
import { execute, explain, freshInstance, importBuilt, itemsOf, n8nVersion, type Instance, type WorkflowJson, workflowNode, codeNode } from './support/n8n';

type Item = Record<string, unknown>;

const to = (target: string, index = 0) => [{ node: target, type: 'main', index }];

const REVIEWS = `const ids = [...new Set($input.all().map((item) => item.json.customerId))];
return [
  { json: { customerId: ids[0], text: '质量不好，不推荐' } },
  { json: { customerId: ids[1], text: '包装很好, love it, 会回购' } },
  { json: { customerId: ids[2], score: -0.8 } },
];`;

const WORKFLOW: WorkflowJson = {
	id: 'e2eTagMatrix',
	name: 'e2eTagMatrix',
	nodes: [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		workflowNode('Demo shop orders', 'n8n-nodes-commerce-ops.demoShopData', [200, 0], { dataset: 'orders', seed: 7, customers: 80, orders: 400, days: 120, endDate: '2026-06-30' }),
		workflowNode('RFM Segment', 'n8n-nodes-commerce-ops.rfmSegment', [400, 0], { inputKind: 'orders', referenceMode: 'latestOrder', outputMode: 'customers', labelLanguage: 'zh' }),
		codeNode('Reviews', [400, 150], REVIEWS),
		workflowNode('Tag Matrix', 'n8n-nodes-commerce-ops.tagMatrix', [650, 0], { timeZone: 'Asia/Shanghai' }),
		workflowNode('Tagged customers', 'n8n-nodes-base.noOp', [900, -80]),
		workflowNode('Tag counts', 'n8n-nodes-base.noOp', [900, 80]),
	],
	connections: {
		'Run now': { main: [to('Demo shop orders')] },
		'Demo shop orders': { main: [[...to('Tag Matrix', 0), ...to('RFM Segment'), ...to('Reviews')]] },
		'RFM Segment': { main: [to('Tag Matrix', 1)] },
		Reviews: { main: [to('Tag Matrix', 2)] },
		'Tag Matrix': { main: [to('Tagged customers'), to('Tag counts')] },
	},
	settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	active: false,
};

describe(`Demo Shop Data → RFM Segment → Tag Matrix in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let customers: Item[];
	let counts: Item[];
	let orders: Item[];
	let segments: Map<unknown, unknown>;
	let reviews: Item[];

	beforeAll(async () => {
		instance = await freshInstance('tag-matrix');
		expect((await importBuilt(instance, [WORKFLOW])).count).toBe(1);
		const execution = await execute(instance, WORKFLOW.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
		customers = itemsOf(execution.run, 'Tagged customers') ?? [];
		counts = itemsOf(execution.run, 'Tag counts') ?? [];
		orders = itemsOf(execution.run, 'Demo shop orders') ?? [];
		segments = new Map((itemsOf(execution.run, 'RFM Segment') ?? []).map((c) => [c.customerId, c.segmentLabel]));
		reviews = itemsOf(execution.run, 'Reviews') ?? [];
	});

	it('gives every customer of the orders one item, its RFM segment (in Chinese), region and coupon share recomputed from the orders', () => {
		expect(orders).toHaveLength(400);
		// The demo orders carry what the tags read: some with a coupon code, every one with the customer's region.
		const withCode = orders.filter((o) => typeof o.couponCode === 'string' && o.couponCode !== '').length;
		expect(withCode).toBeGreaterThan(0);
		expect(withCode).toBeLessThan(orders.length);
		expect(orders.every((o) => typeof o.region === 'string' && o.region !== '')).toBe(true);
		expect(customers).toHaveLength(new Set(orders.map((o) => o.customerId)).size);
		expect(segments.size).toBeGreaterThan(0);
		for (const c of customers) {
			// Demo orders come sorted by time: the last paid one is the latest.
			const paid = orders.filter((o) => o.customerId === c.customerId && !['pending', 'cancelled'].includes(o.status as string));
			expect(c.orders).toBe(paid.length);
			if (paid.length > 0) {
				const withCoupon = paid.filter((o) => o.couponCode !== undefined && o.couponCode !== '').length;
				expect(c.couponShare).toBeCloseTo(withCoupon / paid.length, 4);
				expect(c.region).toBe(paid[paid.length - 1].region);
				expect(c.tags).toContain(`地区 Region: ${String(paid[paid.length - 1].region)}`);
				expect(c.tags).toContain(`平台 Platform: ${c.mainPlatform}`);
				if (paid.length >= 2 && withCoupon / paid.length >= 0.5) expect(c.behaviourTags).toContain('券敏感 Coupon-sensitive');
			}
			expect(c.rfmSegment).toBe(segments.get(c.customerId) ?? null);
			if (segments.has(c.customerId)) expect(c.tags).toContain(`RFM: ${segments.get(c.customerId)}`);
			expect(c.tags).toEqual([...(c.basicTags as string[]), ...(c.behaviourTags as string[]), ...(c.sentimentTags as string[])]);
		}
	});

	it('scores the reviews: a negated Chinese review, a mixed one, an AI score', () => {
		const byId = new Map(customers.map((c) => [c.customerId, c]));
		const [negated, mixed, scored] = reviews.map((r) => byId.get(r.customerId)!);
		// 不好 −, 不推荐 − → −1; 很好 +, love +, 回购 + → +1; the AI's −0.8 as given.
		expect(negated).toMatchObject({ reviews: 1, sentimentScore: -1, sentimentTags: ['差评 Negative reviewer'] });
		expect(mixed).toMatchObject({ reviews: 1, sentimentScore: 1, sentimentTags: ['好评 Positive reviewer'] });
		expect(scored).toMatchObject({ reviews: 1, sentimentScore: -0.8, sentimentTags: ['差评 Negative reviewer'] });
	});

	it('counts the customers of each tag, one row shape, adding up to the tags handed out', () => {
		expect(counts.length).toBeGreaterThan(0);
		for (const row of counts) {
			expect(Object.keys(row).sort()).toEqual(['customers', 'family', 'familyLabel', 'shareOfCustomers', 'tag', 'totalCustomers']);
			expect(row.customers).toBe(customers.filter((c) => (c.tags as string[]).includes(row.tag as string)).length);
			expect(row.totalCustomers).toBe(customers.length);
		}
		expect(counts.reduce((sum, row) => sum + (row.customers as number), 0)).toBe(customers.reduce((sum, c) => sum + (c.tags as string[]).length, 0));
		// Each region the paying customers live in is a tag row, with that many customers.
		const regionOf = new Map(customers.filter((c) => (c.orders as number) > 0).map((c) => [c.customerId, String(c.region)]));
		const regions = [...new Set(regionOf.values())];
		expect(regions.length).toBeGreaterThan(1);
		for (const region of regions) {
			expect(counts.find((row) => row.tag === `地区 Region: ${region}`)?.customers).toBe([...regionOf.values()].filter((r) => r === region).length);
		}
	});
});
