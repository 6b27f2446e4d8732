/**
 * Report section: the weekly content plan (workflows/weekly-content-plan.json).
 */
'use strict';

const { escapeHtml, money, padEnd, padStart } = require('../format');
const { barChartSvg } = require('../svg');
const { htmlTable } = require('../page');

/** Points of deviation (−22.5) as "−22.5 pts". */
const points = (value) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(Number(value)).toFixed(1)} pts`;

/** weekly-content-plan.json → last week's mix against the target with what each pillar earned, and the next posts. */
function contentPlanSection({ items }) {
	const audit = items('Audit content mix');
	if (!audit) return null;
	const plan = items('Plan next posts') ?? [];
	const mixRows = audit
		.filter((r) => r.pillar !== undefined)
		.map((r) => ({
			account: r.account,
			platform: r.platform,
			pillar: r.pillar,
			pillarLabel: r.pillarLabel,
			posts: r.posts,
			totalPosts: r.totalPosts,
			sharePercent: r.sharePercent,
			targetPercent: r.targetPercent,
			deviationPoints: r.deviationPoints,
			views: r.views,
			clicks: r.clicks,
			orders: r.orders,
			conversionPercent: r.conversionPercent,
			revenue: r.revenue,
			currency: r.currency,
		}));
	const planRows = plan
		.filter((p) => p.slot !== undefined)
		.map((p) => ({ account: p.account, platform: p.platform, slot: p.slot, date: p.date, weekday: p.weekday, weekdayZh: p.weekdayZh, time: p.time, pillar: p.pillar, pillarLabel: p.pillarLabel, publishAt: p.publishAt }));
	const currency = mixRows.find((r) => r.currency)?.currency ?? 'CNY';
	const windowStart = audit[0]?.windowStart ?? '';
	const windowEnd = audit[0]?.windowEnd ?? '';
	// Per pillar over all platforms: what the pillar's posts earned.
	const pillars = [];
	for (const row of mixRows) {
		let pillar = pillars.find((p) => p.pillar === row.pillar);
		if (!pillar) pillars.push((pillar = { pillar: row.pillar, label: row.pillarLabel, posts: 0, orders: 0, revenue: 0 }));
		pillar.posts += row.posts;
		pillar.orders += row.orders;
		pillar.revenue += row.revenue;
	}
	const totalRevenue = pillars.reduce((sum, p) => sum + p.revenue, 0);

	const summaryLines = [
		`Weekly content plan · 每周内容计划 — posts of ${windowStart} to ${windowEnd}: ` +
			pillars.map((p) => `${p.label} ${p.posts} posts, ${p.orders} orders, ${money(p.revenue, currency)}`).join('; '),
		`  ${padEnd('Platform 平台', 14)}${padEnd('Pillar 类型', 16)}${padStart('Posts', 7)}${padStart('Share', 8)}${padStart('Target', 8)}${padStart('Dev.', 12)}${padStart('Revenue', 14)}`,
		...mixRows.map(
			(r) =>
				`  ${padEnd(r.platform, 14)}${padEnd(r.pillarLabel, 16)}${padStart(r.posts, 7)}${padStart(`${Number(r.sharePercent).toFixed(1)}%`, 8)}` +
				`${padStart(`${Number(r.targetPercent).toFixed(0)}%`, 8)}${padStart(points(r.deviationPoints), 12)}${padStart(money(r.revenue), 14)}`,
		),
		`  Next posts 排期: ${planRows.length} planned${planRows.length ? `, from ${planRows[0].date} ${planRows[0].time}` : ''} (content-plan.csv)`,
	];

	const bot = (node) => {
		const first = (items(node) ?? [])[0]?.payload ?? {};
		return first.markdown?.content ?? '';
	};
	const previews = [
		['Mix report 配比周报', bot('WeCom: mix report (preview)')],
		['Next posts 下周排期', bot('WeCom: next posts (preview)')],
	].filter(([, text]) => text !== '');

	const html = [
		`<p class="lead">Posts of <b>${escapeHtml(windowStart)}</b> to <b>${escapeHtml(windowEnd)}</b> against the target mix, and what each pillar earned through the posts' tracked links: ` +
			`<b>${escapeHtml(money(totalRevenue, currency))}</b> in all. Then the next <b>${planRows.length}</b> posts, every step as close to the target as whole posts allow.</p>`,
		'<div class="charts">',
		barChartSvg({
			title: 'Revenue per pillar · 各类内容带来的成交额',
			items: pillars.map((p) => ({ label: p.label, value: p.revenue, note: `${money(p.revenue)} · ${p.orders} orders` })),
		}),
		barChartSvg({
			title: 'Posts per pillar · 各类内容条数',
			items: pillars.map((p) => ({ label: p.label, value: p.posts, note: String(p.posts) })),
		}),
		'</div>',
		'<h3>Mix vs target · 配比与目标</h3>',
		htmlTable(
			[
				{ key: 'platform', title: 'Platform 平台' },
				{ key: 'pillarLabel', title: 'Pillar 类型' },
				{ key: 'posts', title: 'Posts 条数', numeric: true },
				{ key: 'sharePercent', title: 'Share 占比', numeric: true, format: (v) => `${Number(v).toFixed(1)}%` },
				{ key: 'targetPercent', title: 'Target 目标', numeric: true, format: (v) => `${Number(v).toFixed(0)}%` },
				{ key: 'deviationPoints', title: 'Deviation 偏差', numeric: true, format: points },
				{ key: 'views', title: 'Views 浏览', numeric: true, format: (v) => Number(v).toLocaleString('en-US') },
				{ key: 'clicks', title: 'Clicks 点击', numeric: true, format: (v) => Number(v).toLocaleString('en-US') },
				{ key: 'orders', title: 'Orders 订单', numeric: true },
				{ key: 'revenue', title: `Revenue 成交额 (${currency})`, numeric: true, format: (v) => money(v) },
			],
			mixRows,
		),
		'<h3>Next posts · 下周排期</h3>',
		htmlTable(
			[
				{ key: 'platform', title: 'Platform 平台' },
				{ key: 'slot', title: '#', numeric: true },
				{ key: 'date', title: 'Day 日期', format: (v, r) => `${v} ${r.weekdayZh}` },
				{ key: 'time', title: 'Time 时间' },
				{ key: 'pillarLabel', title: 'Pillar 类型' },
			],
			planRows,
		),
		previews.length
			? '<h3>Team chat · 群消息预览</h3>' +
				previews.map(([title, text], i) => `<details${i === 0 ? ' open' : ''}><summary><b>${escapeHtml(title)}</b></summary><pre class="digest">${escapeHtml(text)}</pre></details>`).join('\n')
			: '',
		`<p class="muted">The mix: <code>content-mix.csv</code>; the plan: <code>content-plan.csv</code> / <code>results.json</code> next to this file.</p>`,
	].join('\n');

	return {
		id: 'contentPlan',
		title: 'Weekly content plan · 每周内容计划',
		summaryLines,
		tables: { 'content-mix': mixRows, 'content-plan': planRows },
		html,
	};
}

module.exports = { contentPlanSection };
