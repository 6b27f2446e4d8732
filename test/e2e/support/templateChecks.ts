/**
 * What each template's run must contain, by template file. Every template in workflows/ needs
 * an entry: "it ran" is not enough, the data of its named nodes has to be right. A new template
 * (restock alerts, coupons, content mix) adds its checks here.
 */
import { contentPlan } from './contentPlanChecks';
import { couponCampaign } from './couponCampaignChecks';
import { dailyKpiDigest } from './kpiDigestChecks';
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

const ALERT_STATUSES = ['reorder', 'urgent', 'no_history'];
const QUIET_STATUSES = ['ok', 'overstock', 'no_history'];

function allFinite(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	if (Array.isArray(value)) return value.every(allFinite);
	if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
	return true;
}

/**
 * restock-alerts.json: Demo inventory + Demo daily sales → Check stock levels (Reorder Alert,
 * only new alerts) → Purchase suggestions (sorted) → Order summary; OK → Stock OK. The first run
 * of a fresh n8n has nothing announced yet, so every position is on one of the two outputs; the
 * demand figures are recomputed here from the sales rows (in-stock days of the 28-day window).
 */
const restockAlerts: TemplateCheck = (run, workflow) => {
	const demos = workflow.nodes.filter((n) => n.type === 'n8n-nodes-commerce-ops.demoShopData');
	const reorder = nodeByType(workflow, 'n8n-nodes-commerce-ops.reorderAlert');
	const inventoryNode = demos.find((n) => n.parameters.dataset === 'inventory')!;
	const salesNode = demos.find((n) => n.parameters.dataset === 'dailySales')!;
	// Both demo nodes describe the same shop, or the positions would not match their sales.
	expect({ ...inventoryNode.parameters, dataset: '' }).toEqual({ ...salesNode.parameters, dataset: '' });
	expect(reorder.parameters.onlyNewAlerts).toBe(true);
	expect(reorder.parameters.lookbackDays).toBe(28);
	expect(reorder.parameters.serviceLevel).toBe(95);

	const inventory = itemsOf(run, inventoryNode.name) ?? [];
	const sales = itemsOf(run, salesNode.name) ?? [];
	const warehouses = String(inventoryNode.parameters.warehouses).split(',').length;
	expect(inventory).toHaveLength(Number(inventoryNode.parameters.skus) * warehouses);
	expect(sales).toHaveLength(inventory.length * Number(salesNode.parameters.days));

	const needsAction = itemsOf(run, reorder.name, 0) ?? [];
	const ok = itemsOf(run, reorder.name, 1) ?? [];
	expect(needsAction.length).toBeGreaterThan(0);
	expect(ok.length).toBeGreaterThan(0);
	expect(needsAction.length + ok.length).toBe(inventory.length);
	const latestDate = sales.map((row) => String(row.date)).sort().pop();

	const z = 1.6448536269514722; // Φ⁻¹(0.95)
	const inventoryByKey = new Map(inventory.map((p) => [`${p.sku}|${p.warehouse}`, p]));
	const salesByKey = new Map<string, Array<Record<string, unknown>>>();
	for (const row of sales) {
		const key = `${row.sku}|${row.warehouse}`;
		salesByKey.set(key, [...(salesByKey.get(key) ?? []), row]);
	}
	const firstDay = new Date(Date.parse(`${latestDate}T00:00:00Z`) - 27 * 86_400_000).toISOString().slice(0, 10);
	for (const result of [...needsAction, ...ok]) {
		expect(allFinite(result)).toBe(true);
		expect(result.asOf).toBe(latestDate);
		expect(typeof result.explanation).toBe('string');
		const key = `${result.sku}|${result.warehouse}`;
		const position = inventoryByKey.get(key)!;
		expect(position).toBeDefined();
		// d and σd over the in-stock days of the 28 days to asOf, independently of the pack; for a
		// position sold out the whole window, over its latest 28 in-stock days before it (README).
		const rows = salesByKey.get(key) ?? [];
		const inWindow = rows.filter((row) => row.inStock && String(row.date) >= firstDay && String(row.date) <= String(latestDate));
		const earlier = rows.filter((row) => row.inStock && String(row.date) < firstDay).sort((a, b) => String(a.date).localeCompare(String(b.date))).slice(-28);
		const days = inWindow.length > 0 ? inWindow : earlier;
		expect({ key, basis: result.demandBasis }).toEqual({ key, basis: inWindow.length > 0 ? 'lookback' : earlier.length > 0 ? 'earlierHistory' : 'none' });
		const units = days.map((row) => Number(row.units));
		const d = units.length ? sum(units) / units.length : 0;
		const sd = units.length > 1 ? Math.sqrt(sum(units.map((u) => (u - d) ** 2)) / (units.length - 1)) : 0;
		expect(result.inStockDays).toBe(units.length);
		// The exact values are in `exact`; the top-level figures are rounded for reading (units to whole units).
		const exact = result.exact as Record<string, number>;
		expect(exact.demandPerDay).toBeCloseTo(d, 9);
		expect(exact.demandStdDev).toBeCloseTo(sd, 9);
		const L = Number(position.leadTimeDays);
		const sL = Number(position.leadTimeStdDays ?? 0);
		const ss = units.length ? z * Math.sqrt(L * sd * sd + d * d * sL * sL) : 0;
		expect(exact.safetyStock).toBeCloseTo(ss, 6);
		expect(exact.reorderPoint).toBeCloseTo(d * L + ss, 6);
		expect(result.reorderPoint).toBe(Math.round(exact.reorderPoint));
		expect(result.inventoryPosition).toBe(Number(position.onHand) + Number(position.onOrder) - Number(position.reserved));
	}
	for (const alert of needsAction) {
		// Reorder or urgent; or a position never in stock with something to order (backorders, or
		// a first batch under small batch, fast replenishment).
		expect(ALERT_STATUSES).toContain(alert.status);
		expect(alert.alert).toBe('new');
		const reorderPoint = Number((alert.exact as Record<string, number>).reorderPoint);
		expect(Number(alert.inventoryPosition)).toBeLessThanOrEqual(reorderPoint);
		const position = inventoryByKey.get(`${alert.sku}|${alert.warehouse}`)!;
		const qty = Number(alert.suggestedOrderQty);
		expect(qty).toBeGreaterThan(0);
		expect(qty % Number(position.packSize ?? 1)).toBe(0);
		expect(qty).toBeGreaterThanOrEqual(Number(position.moq ?? 0));
		// Ordered, the position rises above the reorder point (without history: at least to it).
		if (alert.status === 'no_history') expect(Number(alert.inventoryPosition) + qty).toBeGreaterThanOrEqual(reorderPoint);
		else expect(Number(alert.inventoryPosition) + qty).toBeGreaterThan(reorderPoint);
		expect(alert.orderValue).toBeCloseTo(qty * Number(position.unitCost ?? 0), 6);
		if (alert.status === 'urgent') expect(Number((alert.exact as Record<string, number>).daysOfCover)).toBeLessThan(Number(alert.leadTimeDays));
	}
	for (const quiet of ok) {
		expect(QUIET_STATUSES).toContain(quiet.status);
		expect(quiet.alert).toBeNull();
		if (quiet.status === 'no_history') expect(quiet.suggestedOrderQty).toBe(0);
	}

	// Purchase suggestions: the alerts, urgent first, then by days of cover.
	const suggestions = itemsOf(run, 'Purchase suggestions') ?? [];
	expect(suggestions).toHaveLength(needsAction.length);
	const rank = (item: Record<string, unknown>) => ({ urgent: 0, reorder: 1 })[String(item.status)] ?? 2;
	for (let i = 1; i < suggestions.length; i++) {
		const [a, b] = [suggestions[i - 1], suggestions[i]];
		expect(rank(a) <= rank(b)).toBe(true);
		if (rank(a) === rank(b)) expect(Number(a.daysOfCover ?? -1) <= Number(b.daysOfCover ?? -1)).toBe(true);
	}
	expect(itemsOf(run, 'Stock OK')).toEqual(ok);

	// Order summary: one row per alert status with counts, units and value adding up.
	const summary = itemsOf(run, 'Order summary') ?? [];
	expect(summary.map((row) => row.status).sort()).toEqual([...new Set(needsAction.map((a) => String(a.status)))].sort());
	for (const row of summary) {
		const members = needsAction.filter((a) => a.status === row.status);
		expect(row.count_sku).toBe(members.length);
		expect(row.sum_suggestedOrderQty).toBe(sum(members.map((a) => Number(a.suggestedOrderQty))));
		expect(row.sum_orderValue).toBeCloseTo(sum(members.map((a) => Number(a.orderValue))), 6);
	}

	// One digest per chat bot, in Preview: the messages carry one line per suggestion, in order.
	const bots = workflow.nodes.filter((n) => /^n8n-nodes-commerce-ops\.(weComBot|dingTalkBot|feishuBot)$/.test(n.type));
	expect(bots.map((n) => n.type.split('.')[1]).sort()).toEqual(['dingTalkBot', 'feishuBot', 'weComBot']);
	for (const bot of bots) {
		expect(bot.parameters.operation).toBe('preview');
		const messages = itemsOf(run, bot.name) ?? [];
		expect(messages.length).toBeGreaterThanOrEqual(1);
		expect(sum(messages.map((m) => Number(m.lineCount)))).toBe(suggestions.length);
		for (const message of messages) {
			expect(message).toMatchObject({ status: 'preview', messageCount: messages.length });
			expect(Number(message.size)).toBeLessThanOrEqual(Number(message.sizeLimit));
		}
		const text = messages.map((m) => JSON.stringify(m.payload)).join('\n');
		let from = 0;
		for (const suggestion of suggestions) {
			const at = text.indexOf(`**${suggestion.sku}** · ${suggestion.warehouse}`, from);
			expect({ bot: bot.name, sku: suggestion.sku, found: at >= 0 }).toEqual({ bot: bot.name, sku: suggestion.sku, found: true });
			from = at;
		}
	}
};

export const TEMPLATE_CHECKS: Record<string, TemplateCheck> = {
	'rfm-segmentation.json': rfmSegmentation,
	'restock-alerts.json': restockAlerts,
	'rfm-coupon-campaign.json': couponCampaign,
	'daily-kpi-digest.json': dailyKpiDigest,
	'weekly-content-plan.json': contentPlan,
};
