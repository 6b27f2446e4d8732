/**
 * weekly-content-plan.json: Demo posts (+ through the switched-off Clicks (Short Link)) + Demo
 * orders → Audit content mix / Plan next posts → WeCom previews. The audit is recomputed here from the demo nodes' items (window: the 7 days up
 * to the latest post's day; orders joined on link code); the plan is checked for its slots,
 * pillars and "no two promotions in a row"; each preview carries every line in order.
 */
import type { TemplateCheck } from './templateChecks';
import { itemsOf } from './n8n';

const COUNTED_STATUSES = ['paid', 'shipped', 'completed', 'partially_refunded'];
const TARGET: Record<string, number> = { knowledge: 60, scenario: 30, promotion: 10 };
const DAY_MS = 86_400_000;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export const contentPlan: TemplateCheck = (run, workflow) => {
	const posts = itemsOf(run, 'Demo posts') ?? [];
	const orders = (itemsOf(run, 'Demo orders') ?? []).filter((o) => COUNTED_STATUSES.includes(String(o.status)));
	expect(posts.length).toBeGreaterThan(100);
	// Demo posts carry +08:00, so the first 10 characters are the Asia/Shanghai day.
	const dayOf = (post: Record<string, unknown>) => String(post.publishedAt).slice(0, 10);
	const end = posts.map(dayOf).sort().at(-1)!;
	const start = new Date(Date.parse(end) - 6 * DAY_MS).toISOString().slice(0, 10);
	const window = posts.filter((p) => dayOf(p) >= start && dayOf(p) <= end);

	const audit = itemsOf(run, 'Audit content mix') ?? [];
	// Clicks (Short Link) is off and wired into the audit's Clicks input, so switching to real
	// clicks is one step (turn it on, pick the credential); off, n8n passes the demo posts through
	// and the audit counts their own clicks (rows without a link code left out).
	const clicksNode = workflow.nodes.find((n) => n.name === 'Clicks (Short Link)');
	expect(clicksNode).toMatchObject({ type: 'n8n-nodes-commerce-ops.shortLink', disabled: true, parameters: { operation: 'getClicks' } });
	expect(workflow.connections['Clicks (Short Link)']).toEqual({ main: [[{ node: 'Audit content mix', type: 'main', index: 2 }]] });
	expect(itemsOf(run, 'Clicks (Short Link)')).toHaveLength(posts.length);
	expect(new Set(audit.map((r) => r.clicksFrom))).toEqual(new Set(['clicksInput']));
	const platforms = [...new Set(window.map((p) => String(p.platform)))].sort();
	expect(audit.map((r) => `${r.platform}/${r.pillar}`)).toEqual(platforms.flatMap((p) => Object.keys(TARGET).map((pillar) => `${p}/${pillar}`)));
	for (const row of audit) {
		const all = window.filter((p) => p.platform === row.platform);
		const mine = all.filter((p) => p.category === row.pillar);
		const codes = new Set(mine.map((p) => p.linkCode).filter(Boolean));
		const sold = orders.filter((o) => codes.has(o.linkCode));
		expect(row).toMatchObject({
			windowStart: start,
			windowEnd: end,
			posts: mine.length,
			totalPosts: all.length,
			views: sum(mine.map((p) => Number(p.views))),
			clicks: sum(mine.map((p) => Number(p.clicks))),
			orders: sold.length,
			targetPercent: TARGET[String(row.pillar)],
		});
		expect(Number(row.revenue)).toBeCloseTo(sum(sold.map((o) => Number(o.amount) - Number(o.refundedAmount ?? 0))), 1);
		expect(Number(row.sharePercent)).toBeCloseTo((mine.length / all.length) * 100, 1);
	}

	const plan = itemsOf(run, 'Plan next posts') ?? [];
	const planNode = workflow.nodes.find((n) => n.name === 'Plan next posts')!;
	expect(plan).toHaveLength(platforms.length * Number(planNode.parameters.postsToPlan));
	for (const platform of platforms) {
		const mine = plan.filter((p) => p.platform === platform);
		expect(mine.map((p) => p.slot)).toEqual(mine.map((_, k) => k + 1));
		for (const [k, post] of mine.entries()) {
			expect(Object.keys(TARGET)).toContain(post.pillar);
			expect(String(post.date) > end).toBe(true);
			expect(['12:00', '19:30']).toContain(post.time);
			expect(String(post.publishAt)).toBe(`${post.date}T${post.time}:00+08:00`);
			if (k > 0) expect(`${mine[k - 1].date} ${mine[k - 1].time}` < `${post.date} ${post.time}`).toBe(true);
			if (k > 0) expect(post.pillar === 'promotion' && mine[k - 1].pillar === 'promotion').toBe(false);
		}
	}

	// Each WeCom preview carries its node's lines, in order.
	for (const [bot, source] of [['WeCom: mix report (preview)', audit], ['WeCom: next posts (preview)', plan]] as const) {
		const messages = itemsOf(run, bot) ?? [];
		expect(messages.length).toBeGreaterThanOrEqual(1);
		expect(sum(messages.map((m) => Number(m.lineCount)))).toBe(source.length);
		const text = messages.map((m) => JSON.parse(JSON.stringify(m.payload)).markdown.content as string).join('\n');
		let from = 0;
		for (const item of source) {
			const at = text.indexOf(String(item.line), from);
			expect({ bot, line: item.line, found: at >= 0 }).toEqual({ bot, line: item.line, found: true });
			from = at;
		}
	}
};
