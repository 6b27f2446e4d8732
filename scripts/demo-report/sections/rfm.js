/**
 * Report section: RFM segments (workflows/rfm-segmentation.json).
 */
'use strict';

const { escapeHtml, percent, money, displayWidth, padEnd, padStart } = require('../format');
const { barChartSvg, shareComparisonSvg } = require('../svg');
const { htmlTable } = require('../page');

/**
 * rfm-segmentation.json → segments with counts and shares, and every customer's scores.
 * `labels(key) → { en, zh }` comes from the pack itself (its segment label table).
 */
function rfmSection({ items, labels }) {
	const summary = items('Segment summary');
	const customers = items('Customers by segment');
	if (!summary || !customers) return null;
	const currency = summary.find((row) => row.currency)?.currency ?? null;
	const segments = summary.map((row) => ({ ...labels(row.segment, row.segmentLabel), ...row }));
	const totalCustomers = segments.reduce((sum, s) => sum + s.customers, 0);
	const totalRevenue = segments.reduce((sum, s) => sum + s.revenue, 0);
	const context = summary[0] ?? {};
	const nonEmpty = segments.filter((s) => s.customers > 0);

	const labelWidth = Math.max(...segments.map((s) => displayWidth(s.en))) + 2;
	const zhWidth = Math.max(...segments.map((s) => displayWidth(s.zh))) + 2;
	const summaryLines = [
		`RFM segments · RFM 客户分层 — ${totalCustomers} customers scored, revenue ${money(totalRevenue, currency)}` +
			(context.referenceDate ? `, recency counted to ${String(context.referenceDate).slice(0, 10)}` : ''),
		`  ${padEnd('Segment', labelWidth)}${padEnd('客户分层', zhWidth)}${padStart('Customers', 10)}${padStart('Share', 8)}${padStart('Revenue', 16)}${padStart('Rev. share', 12)}`,
		...segments.map(
			(s) =>
				`  ${padEnd(s.en, labelWidth)}${padEnd(s.zh, zhWidth)}${padStart(s.customers, 10)}${padStart(percent(s.customerShare), 8)}` +
				`${padStart(money(s.revenue), 16)}${padStart(percent(s.revenueShare), 12)}`,
		),
	];

	const segmentRows = segments.map((s) => ({
		segment: s.segment,
		label_en: s.en,
		label_zh: s.zh,
		customers: s.customers,
		customerShare: s.customerShare,
		revenue: s.revenue,
		revenueShare: s.revenueShare,
		meanRecencyDays: s.meanRecencyDays,
		meanFrequency: s.meanFrequency,
		meanMonetary: s.meanMonetary,
		currency: s.currency ?? currency,
	}));
	const customerRows = customers
		.filter((c) => c.segment !== undefined)
		.map((c) => ({ ...c, segmentLabel_en: labels(c.segment, c.segmentLabel).en, segmentLabel_zh: labels(c.segment, c.segmentLabel).zh }));

	const topCustomers = [...customerRows].sort((a, b) => b.monetary - a.monetary || b.rfmScore - a.rfmScore).slice(0, 15);
	const html = [
		`<p class="lead">${totalCustomers.toLocaleString('en-US')} customers scored from ${Number(context.ordersCounted ?? 0).toLocaleString('en-US')} counted orders` +
			(context.referenceDate ? `; recency counted to <b>${escapeHtml(String(context.referenceDate).slice(0, 10))}</b>` : '') +
			`. Total revenue <b>${escapeHtml(money(totalRevenue, currency))}</b>.</p>`,
		'<div class="charts">',
		barChartSvg({
			title: 'Customers per segment · 各分层客户数',
			items: segments.map((s) => ({ label: s.en, sublabel: s.zh, value: s.customers, note: `${s.customers} (${percent(s.customerShare)})` })),
		}),
		barChartSvg({
			title: 'Share of revenue per segment · 各分层营收占比',
			items: segments.map((s) => ({ label: s.en, sublabel: s.zh, value: s.revenueShare, note: percent(s.revenueShare) })),
		}),
		shareComparisonSvg({
			title: 'Customers vs revenue · 客户占比 vs 营收占比',
			aLabel: 'Customers 客户',
			bLabel: 'Revenue 营收',
			parts: nonEmpty.map((s) => ({ label: `${s.en} ${s.zh}`, a: s.customerShare, b: s.revenueShare })),
		}),
		'</div>',
		'<h3>Segments · 分层汇总</h3>',
		htmlTable(
			[
				{ key: 'label_en', title: 'Segment' },
				{ key: 'label_zh', title: '分层' },
				{ key: 'customers', title: 'Customers', numeric: true },
				{ key: 'customerShare', title: 'Share', numeric: true, format: (v) => percent(v) },
				{ key: 'revenue', title: `Revenue${currency ? ` (${currency})` : ''}`, numeric: true, format: (v) => money(v) },
				{ key: 'revenueShare', title: 'Revenue share', numeric: true, format: (v) => percent(v) },
				{ key: 'meanRecencyDays', title: 'Avg. days since last order', numeric: true, format: (v) => Number(v).toFixed(1) },
				{ key: 'meanFrequency', title: 'Avg. orders', numeric: true, format: (v) => Number(v).toFixed(1) },
				{ key: 'meanMonetary', title: 'Avg. spend', numeric: true, format: (v) => money(v) },
			],
			segmentRows,
		),
		'<h3>Top customers by spend · 消费最高的客户</h3>',
		htmlTable(
			[
				{ key: 'customerId', title: 'Customer' },
				{ key: 'segmentLabel_en', title: 'Segment' },
				{ key: 'segmentLabel_zh', title: '分层' },
				{ key: 'rfmCode', title: 'R F M' },
				{ key: 'recencyDays', title: 'Days since last order', numeric: true },
				{ key: 'frequency', title: 'Orders', numeric: true },
				{ key: 'monetary', title: 'Spend', numeric: true, format: (v) => money(v) },
			],
			topCustomers,
		),
		`<p class="muted">All ${customerRows.length} customers: <code>rfm-customers.csv</code> / <code>results.json</code> next to this file.</p>`,
	].join('\n');

	return {
		id: 'rfm',
		title: 'RFM customer segments · RFM 客户分层',
		summaryLines,
		tables: { 'rfm-segments': segmentRows, 'rfm-customers': customerRows },
		html,
	};
}

module.exports = { rfmSection };
