/**
 * daily-kpi-digest.json in a real n8n: Demo shop orders + Demo traffic → Morning numbers (Daily
 * KPI Digest) → one digest per chat bot in Preview. The report day's figures are recomputed
 * here from the demo items the run shows (their createdAt carries +08:00, so its first 10
 * characters are the day in Asia/Shanghai), not taken from the node.
 */
import { itemsOf, type RunJson, type WorkflowJson } from './n8n';

type Item = Record<string, unknown>;
const PACK = 'n8n-nodes-commerce-ops';
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function nodeOf(workflow: WorkflowJson, type: string, dataset?: string) {
	const node = workflow.nodes.find((n) => n.type === type && (dataset === undefined || n.parameters.dataset === dataset));
	if (!node) throw new Error(`the template has no ${type} node${dataset ? ` with dataset ${dataset}` : ''}`);
	return node;
}

/** The day in Asia/Shanghai of an instant, YYYY-MM-DD. */
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export function dailyKpiDigest(run: RunJson, workflow: WorkflowJson): void {
	const digestNode = nodeOf(workflow, `${PACK}.kpiDigest`);
	expect(digestNode.parameters.reportDate ?? '').toBe('');
	expect(digestNode.parameters.timeZone).toBe('Asia/Shanghai');
	const paid = ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'];
	const orders = (itemsOf(run, nodeOf(workflow, `${PACK}.demoShopData`, 'orders').name) ?? []).filter((o) => paid.includes(String(o.status)));
	const traffic = itemsOf(run, nodeOf(workflow, `${PACK}.demoShopData`, 'traffic').name) ?? [];
	const digests = itemsOf(run, digestNode.name) ?? [];
	expect(digests).toHaveLength(1);
	const digest = digests[0];

	// Yesterday in Asia/Shanghai (the run may have started just before midnight there).
	const now = Date.now();
	expect([shanghaiDay(now - 86_400_000), shanghaiDay(now - 86_400_000 - 30 * 60_000)]).toContain(digest.reportDate);
	const day = String(digest.reportDate);
	const onDay = orders.filter((o) => String(o.createdAt).slice(0, 10) === day);
	expect(onDay.length).toBeGreaterThan(0);
	const gmv = sum(onDay.map((o) => Number(o.amount)));
	const refunds = sum(onDay.map((o) => Number(o.refundedAmount ?? 0)));
	const visitors = sum(traffic.filter((t) => t.date === day).map((t) => Number(t.visitors)));
	expect(digest).toMatchObject({ timeZone: 'Asia/Shanghai', currency: 'CNY', orders: onDay.length, visitors, language: 'zh', digestKey: `kpi-digest:${day}:Asia/Shanghai:zh` });
	expect(Number(digest.gmv)).toBeCloseTo(gmv, 2);
	expect(Number(digest.averageOrderValue)).toBeCloseTo(gmv / onDay.length, 2);
	expect(Number(digest.conversionRate)).toBeCloseTo(onDay.length / visitors, 4);
	expect(Number(digest.refundRate)).toBeCloseTo(refunds / gmv, 4);
	// Returning: an earlier paid order within the 365 days before (the demo spans 365 days).
	const buyers = new Set(onDay.map((o) => String(o.customerId)));
	const earlier = new Set(orders.filter((o) => String(o.createdAt).slice(0, 10) < day).map((o) => String(o.customerId)));
	const returning = [...buyers].filter((c) => earlier.has(c)).length;
	expect(Number(digest.repurchaseRate)).toBeCloseTo(returning / buyers.size, 4);

	// Per platform: each platform's GMV from its own orders; together the total.
	const details = digest.details as { platforms: Array<{ platform: string; yesterday: { gmv: number } }>; movers: unknown[] };
	for (const p of details.platforms) {
		expect(p.yesterday.gmv).toBeCloseTo(sum(onDay.filter((o) => o.platform === p.platform).map((o) => Number(o.amount))), 2);
	}
	expect(sum(details.platforms.map((p) => p.yesterday.gmv))).toBeCloseTo(gmv, 1);
	expect(details.movers.length).toBeLessThanOrEqual(Number(digestNode.parameters.topMovers));
	expect(String(digest.text).split('\n')[0]).toMatch(new RegExp(`^📊 每日数据晨会 · ${day} 周[一二三四五六日]（Asia/Shanghai）$`));

	// One message per chat bot, in Preview, carrying the digest's markdown.
	const bots = workflow.nodes.filter((n) => /^n8n-nodes-commerce-ops\.(weComBot|dingTalkBot|feishuBot)$/.test(n.type));
	expect(bots.map((n) => n.type.split('.')[1]).sort()).toEqual(['dingTalkBot', 'feishuBot', 'weComBot']);
	const markdownInJson = JSON.stringify(digest.markdown).slice(1, -1);
	for (const bot of bots) {
		expect(bot.parameters).toMatchObject({ operation: 'preview', lineSource: 'field', lineField: 'markdown', options: { skipAlreadySent: true, dedupKeyField: 'digestKey' } });
		const messages = (itemsOf(run, bot.name) ?? []) as Item[];
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ status: 'preview', messageCount: 1, lineCount: 1 });
		expect(Number(messages[0].size)).toBeLessThanOrEqual(Number(messages[0].sizeLimit));
		expect(JSON.stringify(messages[0].payload)).toContain(markdownInJson);
	}
}
