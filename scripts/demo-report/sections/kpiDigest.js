/**
 * Report section: the daily KPI digest (workflows/daily-kpi-digest.json).
 */
'use strict';

const { escapeHtml, money, padEnd, padStart } = require('../format');
const { barChartSvg } = require('../svg');
const { htmlTable } = require('../page');

/** A relative change (0.12) as "+12.0%", a dash when there is none (a base of 0). */
const change = (value) => (value === null || value === undefined ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value * 100).toFixed(1)}%`);
/** A rate (0.0123) as "1.23%", a dash without one (no traffic). */
const rate = (value) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(2)}%`);

/** One platform's or channel's figures as a table row: yesterday, the 7-day average, the changes. */
function groupRow(group) {
	const y = group.yesterday;
	return {
		platform: group.platform,
		...(group.channel !== null && { channel: group.channel }),
		gmv: y.gmv,
		orders: y.orders,
		averageOrderValue: y.averageOrderValue,
		visitors: y.visitors,
		conversionRate: y.conversionRate,
		repurchaseRate: y.repurchaseRate,
		refundRate: y.refundRate,
		gmvAverage7Days: group.average7Days.gmv,
		gmvVsAverage: group.vsAverage.gmv,
		gmvVsLastWeek: group.vsLastWeek.gmv,
	};
}

/** daily-kpi-digest.json → yesterday's numbers against the 7-day average and last week, per platform and channel, the movers and the message. */
function kpiDigestSection({ items }) {
	const digest = (items('Morning numbers') ?? []).find((item) => item.reportDate !== undefined);
	if (!digest) return null;
	const details = digest.details ?? {};
	const currency = digest.currency ?? 'CNY';
	const platformRows = (details.platforms ?? []).map(groupRow);
	const channelRows = (details.channels ?? []).map(groupRow);
	const moverRows = (details.movers ?? []).map((m) => ({
		platform: m.platform,
		channel: m.channel,
		direction: m.direction,
		gmv: m.gmv,
		gmvAverage: m.gmvAverage,
		gmvChangeAmount: m.gmvChangeAmount,
		gmvChange: m.gmvChange,
		orders: m.orders,
	}));
	const messages = [
		['WeCom 企业微信', 'WeCom digest (preview)'],
		['DingTalk 钉钉', 'DingTalk digest (preview)'],
		['Feishu 飞书', 'Feishu digest (preview)'],
	]
		.map(([platform, node]) => ({ platform, messages: items(node) ?? [] }))
		.filter((d) => d.messages.length > 0);

	const summaryLines = [
		`Daily KPI digest · 每日数据晨会 — ${digest.reportDate} (${digest.timeZone}): GMV ${money(digest.gmv, currency)} ` +
			`(${change(digest.gmvVsAverage)} vs 7-day average, ${change(digest.gmvVsLastWeek)} vs last week), ${digest.orders} orders, ` +
			`AOV ${money(digest.averageOrderValue)}, conversion ${rate(digest.conversionRate)}, repurchase ${rate(digest.repurchaseRate)}, refunds ${rate(digest.refundRate)}`,
		`  ${padEnd('Platform 平台', 16)}${padStart('GMV', 14)}${padStart('Orders', 8)}${padStart('vs 7d', 9)}${padStart('vs last wk', 12)}`,
		...platformRows.map(
			(r) => `  ${padEnd(r.platform, 16)}${padStart(money(r.gmv), 14)}${padStart(r.orders, 8)}${padStart(change(r.gmvVsAverage), 9)}${padStart(change(r.gmvVsLastWeek), 12)}`,
		),
		...(moverRows.length ? [`  Top movers 异动: ${moverRows.map((m) => `${m.platform}/${m.channel} ${change(m.gmvChange)}`).join(', ')}`] : []),
	];

	const messageHtml = messages.length
		? '<h3>The morning message · 晨会消息预览</h3>' +
			'<p class="muted">The bot nodes run in Preview mode in the demo: this is the exact message they would post.</p>' +
			messages
				.map((d) => {
					const first = d.messages[0].payload ?? {};
					const text = first.markdown?.content ?? first.markdown?.text ?? first.text?.content ?? first.card?.elements?.[0]?.content ?? JSON.stringify(first);
					return `<details${d === messages[0] ? ' open' : ''}><summary><b>${escapeHtml(d.platform)}</b> — ${d.messages.length} message(s)</summary><pre class="digest">${escapeHtml(text)}</pre></details>`;
				})
				.join('\n')
		: '';
	const figureColumns = (first) => [
		first,
		{ key: 'gmv', title: `GMV (${currency})`, numeric: true, format: (v) => money(v) },
		{ key: 'orders', title: 'Orders 订单', numeric: true },
		{ key: 'averageOrderValue', title: 'AOV 客单价', numeric: true, format: (v) => money(v) },
		{ key: 'conversionRate', title: 'Conversion 转化率', numeric: true, format: rate },
		{ key: 'repurchaseRate', title: 'Repurchase 复购率', numeric: true, format: rate },
		{ key: 'refundRate', title: 'Refunds 退款率', numeric: true, format: rate },
		{ key: 'gmvVsAverage', title: 'vs 7-day avg 较 7 日均值', numeric: true, format: change },
		{ key: 'gmvVsLastWeek', title: 'vs last week 较上周同日', numeric: true, format: change },
	];

	const html = [
		`<p class="lead">Yesterday, <b>${escapeHtml(digest.reportDate)}</b> (${escapeHtml(digest.timeZone)}): GMV <b>${escapeHtml(money(digest.gmv, currency))}</b> from <b>${digest.orders}</b> orders, ` +
			`${escapeHtml(change(digest.gmvVsAverage))} against the 7-day average (${escapeHtml(details.averageFrom ?? '')} – ${escapeHtml(details.averageTo ?? '')}) and ` +
			`${escapeHtml(change(digest.gmvVsLastWeek))} against the same weekday last week (${escapeHtml(details.sameWeekdayLastWeek ?? '')}).</p>`,
		'<div class="charts">',
		barChartSvg({
			title: 'GMV yesterday per platform · 各平台昨日 GMV',
			items: platformRows.map((r) => ({ label: r.platform, value: r.gmv, note: `${money(r.gmv)} (${change(r.gmvVsAverage)})` })),
		}),
		'</div>',
		'<h3>Per platform · 分平台</h3>',
		htmlTable(figureColumns({ key: 'platform', title: 'Platform 平台' }), platformRows),
		'<h3>Per channel · 分渠道</h3>',
		htmlTable(figureColumns({ key: 'channel', title: 'Platform / channel 平台 / 渠道', format: (v, r) => `${r.platform} / ${v}` }), channelRows),
		'<h3>Top movers · 异动渠道</h3>',
		moverRows.length
			? htmlTable(
					[
						{ key: 'channel', title: 'Platform / channel 平台 / 渠道', format: (v, r) => `${r.platform} / ${v}` },
						{ key: 'direction', title: 'Direction 方向', format: (v) => (v === 'up' ? 'up 上升' : 'down 下降') },
						{ key: 'gmv', title: `GMV (${currency})`, numeric: true, format: (v) => money(v) },
						{ key: 'gmvAverage', title: '7-day avg 7 日均值', numeric: true, format: (v) => money(v) },
						{ key: 'gmvChange', title: 'Change 变化', numeric: true, format: change },
					],
					moverRows,
				)
			: '<p class="muted">No channel moved more than the threshold.</p>',
		messageHtml,
		`<p class="muted">Per platform: <code>kpi-platforms.csv</code>; per channel: <code>kpi-channels.csv</code>; movers: <code>kpi-movers.csv</code> / <code>results.json</code> next to this file.</p>`,
	].join('\n');

	return {
		id: 'kpiDigest',
		title: 'Daily KPI digest · 每日数据晨会',
		summaryLines,
		tables: { 'kpi-platforms': platformRows, 'kpi-channels': channelRows, 'kpi-movers': moverRows },
		html,
	};
}

module.exports = { kpiDigestSection };
