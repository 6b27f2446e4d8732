/**
 * Content Mix in-process through n8n-core's WorkflowExecute: Demo Shop Data posts (and orders,
 * on the second input) → Classify / Audit / Plan. The audit's figures are recomputed here from
 * the raw items; bad items name the item and field, under stop and under Continue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { DEFAULT_COUNTED_STATUSES } from '../../nodes/lib/orders';
import { node, runWorkflow, type WorkflowJson } from '../support/n8n';

const shop = { seed: 11, customers: 300, orders: 3000, endDate: '2026-06-30', days: 60 };
const COUNTED = DEFAULT_COUNTED_STATUSES as readonly string[];

function workflow(posts: INode, orders: INode | undefined, parameters: IDataObject, extra: Partial<INode> = {}) {
	const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];
	const connections: IConnections = {
		Run: { main: [[...to(posts.name), ...(orders ? to(orders.name) : [])]] },
		[posts.name]: { main: [to('Content Mix', 0)] },
	};
	if (orders) connections[orders.name] = { main: [to('Content Mix', 1)] };
	return {
		nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), posts, ...(orders ? [orders] : []), node('Content Mix', 'contentMix', parameters, extra)],
		connections,
	};
}

const demoPosts = () => node('Demo Posts', 'demoShopData', { ...shop, dataset: 'contentPosts' });
const demoOrders = () => node('Demo Orders', 'demoShopData', { ...shop, dataset: 'orders' });
const fixture = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });

describe('Demo Shop Data → Content Mix', () => {
	it('Classify by keywords puts every demo post in the pillar the generator wrote it for', async () => {
		const result = await runWorkflow(workflow(demoPosts(), undefined, { operation: 'classify', pillarSource: 'keywords' }));
		const posts = result.output('Content Mix');
		expect(posts.length).toBe(result.output('Demo Posts').length);
		expect(posts.length).toBeGreaterThan(50);
		// The demo's category is the generator's own label, independent of the keyword rules.
		for (const post of posts) expect({ title: post.title, pillar: post.pillar }).toEqual({ title: post.title, pillar: post.category });
	});

	it('Audit: per platform and pillar, the counts, shares, views, clicks, orders and revenue recomputed from the raw items', async () => {
		const result = await runWorkflow(workflow(demoPosts(), demoOrders(), { operation: 'audit', windowDays: 28 }));
		const rows = result.output('Content Mix');
		const posts = result.output('Demo Posts').filter((p) => String(p.publishedAt).slice(0, 10) >= '2026-06-03');
		const orders = result.output('Demo Orders').filter((o) => COUNTED.includes(o.status as string));
		expect(rows.map((r) => `${r.platform}/${r.pillar}`)).toEqual([
			'douyin/knowledge', 'douyin/scenario', 'douyin/promotion',
			'xiaohongshu/knowledge', 'xiaohongshu/scenario', 'xiaohongshu/promotion',
		]);
		const target: Record<string, number> = { knowledge: 60, scenario: 30, promotion: 10 };
		for (const row of rows) {
			const platformPosts = posts.filter((p) => p.platform === row.platform);
			const mine = platformPosts.filter((p) => p.category === row.pillar);
			const codes = new Set(mine.map((p) => p.linkCode).filter(Boolean));
			const sold = orders.filter((o) => codes.has(o.linkCode));
			const revenue = sold.reduce((s, o) => s + (o.amount as number) - ((o.refundedAmount as number) ?? 0), 0);
			const share = (mine.length / platformPosts.length) * 100;
			const clicks = mine.reduce((s, p) => s + (p.clicks as number), 0);
			expect(row).toMatchObject({
				posts: mine.length,
				totalPosts: platformPosts.length,
				views: mine.reduce((s, p) => s + (p.views as number), 0),
				clicks,
				orders: sold.length,
				targetPercent: target[row.pillar as string],
				windowStart: '2026-06-03',
				windowEnd: '2026-06-30',
				currency: 'CNY',
			});
			// Shares and rates are given to 2 decimals.
			expect(row.sharePercent).toBeCloseTo(share, 1);
			expect(row.deviationPoints).toBeCloseTo(share - target[row.pillar as string], 1);
			expect(row.revenue).toBeCloseTo(revenue, 2);
			if (clicks === 0) expect(row.conversionPercent).toBeNull();
			else expect(row.conversionPercent).toBeCloseTo((sold.length / clicks) * 100, 1);
			expect(String(row.line)).toContain(`${row.platform} · `);
		}
		// Promotion posts convert their clicks best in the demo (6 % vs 2–3 % per click by design).
		const douyin = Object.fromEntries(rows.filter((r) => r.platform === 'douyin').map((r) => [r.pillar, r.conversionPercent as number]));
		expect(douyin.promotion).toBeGreaterThan(douyin.knowledge);
	});

	it('Plan: the next posts on the chosen days and times, continuing the window, no two promotions in a row', async () => {
		const result = await runWorkflow(
			workflow(demoPosts(), undefined, {
				operation: 'plan',
				windowDays: 7,
				postsToPlan: 10,
				postingDays: ['monday', 'wednesday', 'friday'],
				timeSlots: '19:30, 12:00',
			}),
		);
		const plan = result.output('Content Mix');
		expect(plan).toHaveLength(20);
		const douyin = plan.filter((p) => p.platform === 'douyin');
		// 2026-06-30 is a Tuesday: Wed 1 July, Fri 3, Mon 6, Wed 8, Fri 10 July, two slots each.
		expect(douyin.map((p) => `${p.date} ${p.time}`)).toEqual([
			'2026-07-01 12:00', '2026-07-01 19:30', '2026-07-03 12:00', '2026-07-03 19:30', '2026-07-06 12:00',
			'2026-07-06 19:30', '2026-07-08 12:00', '2026-07-08 19:30', '2026-07-10 12:00', '2026-07-10 19:30',
		]);
		expect(douyin[0]).toMatchObject({ slot: 1, weekday: 'wednesday', weekdayZh: '周三', publishAt: '2026-07-01T12:00:00+08:00' });
		const pillars = douyin.map((p) => p.pillar);
		for (let k = 1; k < pillars.length; k++) expect(pillars[k] === 'promotion' && pillars[k - 1] === 'promotion').toBe(false);
		// 7 + 10 posts: the window's posts plus the plan land within one post of 60/30/10.
		const window = result.output('Demo Posts').filter((p) => p.platform === 'douyin' && String(p.publishedAt).slice(0, 10) >= '2026-06-24');
		const total = window.length + pillars.length;
		for (const [pillar, share] of [['knowledge', 0.6], ['scenario', 0.3], ['promotion', 0.1]] as const) {
			const n = window.filter((p) => p.category === pillar).length + pillars.filter((p) => p === pillar).length;
			expect(Math.abs(n - share * total)).toBeLessThan(Math.max(1, Math.abs(window.filter((p) => p.category === pillar).length - share * window.length)) + 1e-9);
		}
	});
});

describe('Content Mix on hand-made posts', () => {
	const post = (id: string, category: string, publishedAt: string, extra: IDataObject = {}) => ({ postId: id, platform: 'douyin', publishedAt, title: id, views: 100, clicks: 10, category, ...extra });

	it('Audit without an Orders input: 0 orders, and the shares of a 2-day window worked by hand', async () => {
		const posts = [
			post('a', 'knowledge', '2026-05-31T23:59:00+08:00'), // the day before the window
			post('b', 'knowledge', '2026-06-01T00:10:00+08:00'),
			post('c', 'promotion', '2026-06-01T16:30:00Z'), // 2026-06-02 00:30 in Shanghai
			post('d', 'knowledge', '2026-06-02T09:00:00+08:00', { views: 0, clicks: 0 }),
		];
		const result = await runWorkflow(workflow(fixture('Posts', posts), undefined, { operation: 'audit', windowDays: 2 }));
		expect(result.errorOf('Content Mix')).toBeUndefined();
		const rows = result.output('Content Mix');
		// b, c, d: knowledge 2 of 3 = 66.67 % (target 60: +6.67), scenario 0 (−30), promotion 1 of 3 = 33.33 % (+23.33).
		expect(rows.map((r) => [r.pillar, r.posts, r.sharePercent, r.deviationPoints, r.views, r.clicks, r.orders, r.conversionPercent])).toEqual([
			['knowledge', 2, 66.67, 6.67, 100, 10, 0, 0],
			['scenario', 0, 0, -30, 0, 0, 0, null],
			['promotion', 1, 33.33, 23.33, 100, 10, 0, 0],
		]);
		expect(rows[0]).toMatchObject({ windowStart: '2026-06-01', windowEnd: '2026-06-02', totalPosts: 3, revenuePerPost: 0, clickThroughPercent: 10 }); // knowledge: 10 clicks ÷ 100 views
	});

	it('Plan: 60/30/10 continuing from one knowledge post, one slot a day', async () => {
		const result = await runWorkflow(
			workflow(fixture('Posts', [post('a', 'knowledge', '2026-06-01T12:00:00+08:00')]), undefined, {
				operation: 'plan',
				postsToPlan: 4,
				timeSlots: '20:00',
				planStartDate: '2026-06-05',
			}),
		);
		// Counting on from k = 1 (one knowledge post): k=2 S .6 due (2.5) → S; k=3 K .8 (2.92), P .3 (7.5) → K;
		// k=4 K .4 (4.58), P .4 → K; k=5 S .5 (5.83), P .5 (7.5) → S.
		expect(result.output('Content Mix').map((p) => [p.date, p.time, p.pillar])).toEqual([
			['2026-06-05', '20:00', 'scenario'],
			['2026-06-06', '20:00', 'knowledge'],
			['2026-06-07', '20:00', 'knowledge'],
			['2026-06-08', '20:00', 'scenario'],
		]);
	});
});

describe('Content Mix audit with a Clicks input (third input)', () => {
	const post = (id: string, category: string, linkCode?: string) => ({
		postId: id, platform: 'douyin', publishedAt: '2026-06-01T12:00:00+08:00', title: id, views: 1000, clicks: 999, category, ...(linkCode && { linkCode }),
	});
	const posts = [post('a', 'knowledge', 'lc-a'), post('b', 'knowledge', 'lc-shared'), post('c', 'promotion', 'lc-shared'), post('d', 'scenario')];
	const clickRows = [
		{ code: 'lc-a', n: 10 },
		{ code: 'lc-a', n: 5 },
		{ code: 'lc-shared', n: 7 },
		{ code: 'lc-elsewhere', n: 100 },
	];
	const run = (rows: IDataObject[], extra: Partial<INode> = {}) =>
		runWorkflow({
			nodes: [
				node('Run', 'n8n-nodes-base.manualTrigger'),
				fixture('Posts', posts),
				fixture('Clicks', rows),
				node('Content Mix', 'contentMix', { operation: 'audit', clickFields: { linkCode: 'code', clicks: 'n' } }, extra),
			],
			connections: {
				Run: { main: [[{ node: 'Posts', type: 'main', index: 0 }, { node: 'Clicks', type: 'main', index: 0 }]] },
				Posts: { main: [[{ node: 'Content Mix', type: 'main', index: 0 }]] },
				Clicks: { main: [[{ node: 'Content Mix', type: 'main', index: 2 }]] },
			},
		});

	it("replaces the posts' own clicks with the link codes' clicks, added up over rows, a shared code counting for its first post", async () => {
		const result = await run(clickRows);
		expect(result.errorOf('Content Mix')).toBeUndefined();
		// knowledge: a 10 + 5, b 7 (first post with lc-shared); scenario: d has no code; promotion: c shares b's code.
		expect(result.output('Content Mix').map((r) => [r.pillar, r.clicks, r.clickThroughPercent, r.clicksFrom])).toEqual([
			['knowledge', 22, 1.1, 'clicksInput'],
			['scenario', 0, 0, 'clicksInput'],
			['promotion', 0, 0, 'clicksInput'],
		]);
	});

	it('a clicks row without a link code (an organic post passed along) is left out, not an error, as in Short Link', async () => {
		const result = await run([...clickRows, { n: 50 }, { code: '', n: 60 }]);
		expect(result.errorOf('Content Mix')).toBeUndefined();
		expect(result.output('Content Mix').map((r) => [r.pillar, r.clicks])).toEqual([
			['knowledge', 22],
			['scenario', 0],
			['promotion', 0],
		]);
	});

	it('says in the output pane what codes no window post has brought (lc-elsewhere: 100 clicks, 1 order of 30)', async () => {
		const at = { customerId: 'c1', createdAt: '2026-06-01T20:00:00+08:00', currency: 'CNY' };
		const result = await runWorkflow({
			nodes: [
				node('Run', 'n8n-nodes-base.manualTrigger'),
				fixture('Posts', posts),
				fixture('Orders', [
					{ ...at, orderId: 'o1', amount: 20, status: 'paid', linkCode: 'lc-a' },
					{ ...at, orderId: 'o2', amount: 30, status: 'paid', linkCode: 'lc-elsewhere' },
				]),
				fixture('Clicks', clickRows),
				node('Content Mix', 'contentMix', { operation: 'audit', clickFields: { linkCode: 'code', clicks: 'n' } }),
			],
			connections: {
				Run: { main: [[{ node: 'Posts', type: 'main', index: 0 }, { node: 'Orders', type: 'main', index: 0 }, { node: 'Clicks', type: 'main', index: 0 }]] },
				Posts: { main: [[{ node: 'Content Mix', type: 'main', index: 0 }]] },
				Orders: { main: [[{ node: 'Content Mix', type: 'main', index: 1 }]] },
				Clicks: { main: [[{ node: 'Content Mix', type: 'main', index: 2 }]] },
			},
			settings: { executionOrder: 'v1' },
		});
		expect(result.errorOf('Content Mix')).toBeUndefined();
		expect(result.output('Content Mix').map((r) => [r.pillar, r.orders, r.revenue])).toEqual([
			['knowledge', 1, 20],
			['scenario', 0, 0],
			['promotion', 0, 0],
		]);
		const hints = (result.run.data.resultData.runData['Content Mix'][0].hints ?? []).map((h) => h.message);
		expect(hints).toContainEqual(expect.stringMatching(/^1 order \(CNY 30\.00\) and 100 clicks came through 1 link code no post of the window has/));
	});

	it('a bad clicks row goes to the error output under Continue, paired with the Clicks input', async () => {
		const result = await run([...clickRows, { code: 'lc-a', n: -4 }], { onError: 'continueErrorOutput' });
		expect(result.output('Content Mix', 1).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 4: field "n" is -4; expected a whole number/)]);
		expect(result.run.data.resultData.runData['Content Mix'][0].data!.main[1]![0].pairedItem).toEqual({ item: 4, input: 2 });
		expect(result.output('Content Mix', 0)[0].clicks).toBe(22);
	});
});

describe('Content Mix: bad items and settings', () => {
	const good = { postId: 'p1', platform: 'douyin', publishedAt: '2026-06-01T12:00:00+08:00', title: '领券立减', views: 100, clicks: 5, category: 'promotion' };
	const items = [good, { ...good, postId: 'p2', views: -3 }, { ...good, postId: 'p3', publishedAt: 'yesterday' }];

	it('stops on the first bad item, naming the item, the field and what was expected', async () => {
		const result = await runWorkflow(workflow(fixture('Posts', items), undefined, { operation: 'classify' }));
		expect(result.errorOf('Content Mix')?.message).toMatch(/Item 1: field "views" is -3; expected a whole number/);
	});

	it('under Continue (using error output), bad items go to the error output and the good ones go on', async () => {
		const result = await runWorkflow(workflow(fixture('Posts', items), undefined, { operation: 'classify' }, { onError: 'continueErrorOutput' }));
		expect(result.errorOf('Content Mix')).toBeUndefined();
		expect(result.output('Content Mix', 0).map((p) => p.postId)).toEqual(['p1']);
		const errors = result.output('Content Mix', 1);
		expect(errors.map((e) => String(e.error))).toEqual([expect.stringMatching(/^Item 1: field "views"/), expect.stringMatching(/^Item 2: field "publishedAt"/)]);
	});

	it('a post without a pillar, with Pillar From = field, is an error naming the pillar field', async () => {
		const result = await runWorkflow(workflow(fixture('Posts', [{ ...good, category: undefined }]), undefined, { operation: 'audit' }));
		expect(result.errorOf('Content Mix')?.message).toMatch(/Item 0: field "category"/);
	});

	it('a target mix that does not add up to 100 is refused, saying so', async () => {
		const result = await runWorkflow(workflow(fixture('Posts', [good]), undefined, { operation: 'plan', targetMix: 'knowledge=60, scenario=30' }));
		expect(result.errorOf('Content Mix')?.message).toBe('Target Mix: the percents add up to 90, not 100');
	});

	it('no two promotions in a row with a promotion share above 50 % is refused', async () => {
		const result = await runWorkflow(workflow(fixture('Posts', [good]), undefined, { operation: 'plan', targetMix: 'promotion=60, knowledge=40' }));
		expect(result.errorOf('Content Mix')?.message).toMatch(/at most 50 %/);
	});
});

describe('the Weekly content plan template (workflows/weekly-content-plan.json), in-process', () => {
	it('audits and plans the demo posts and previews both reports for WeCom', async () => {
		const template = JSON.parse(readFileSync(path.join(__dirname, '../../workflows/weekly-content-plan.json'), 'utf8')) as WorkflowJson;
		// Sticky notes and the schedule have no stand-in here; the run starts from Run now.
		const nodes = template.nodes.filter((n) => !['n8n-nodes-base.stickyNote', 'n8n-nodes-base.scheduleTrigger'].includes(n.type));
		const connections = Object.fromEntries(Object.entries(template.connections).filter(([name]) => nodes.some((n) => n.name === name)));
		const result = await runWorkflow({ ...template, nodes, connections });
		// Clicks (Short Link) is off: n8n passes the demo posts through it to the Clicks input, whose
		// rows without a link code (organic posts) are left out, so the audit runs without a credential.
		expect(template.nodes.find((n) => n.name === 'Clicks (Short Link)')).toMatchObject({ disabled: true, parameters: { operation: 'getClicks' } });
		expect(result.output('Clicks (Short Link)')).toEqual(result.output('Demo posts'));
		const audit = result.output('Audit content mix');
		expect(new Set(audit.map((r) => r.clicksFrom))).toEqual(new Set(['clicksInput']));
		expect(audit.map((r) => `${r.platform}/${r.pillar}`)).toEqual([
			'douyin/knowledge', 'douyin/scenario', 'douyin/promotion',
			'xiaohongshu/knowledge', 'xiaohongshu/scenario', 'xiaohongshu/promotion',
		]);
		const plan = result.output('Plan next posts');
		expect(plan).toHaveLength(28);
		const report = result.output('WeCom: mix report (preview)');
		expect(report.length).toBeGreaterThan(0);
		expect(JSON.stringify(report)).toContain(String(audit[0].line));
		expect(JSON.stringify(result.output('WeCom: next posts (preview)'))).toContain(String(plan[0].line));
	});
});
