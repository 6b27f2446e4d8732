/**
 * What `npm run demo` shows and writes: a console summary, CSV/JSON files and a self-contained
 * report.html (inline CSS and SVG, no scripts, no network), built from report *sections*.
 *
 * A section turns the run data of one flagship template into
 *   { id, title, summaryLines: string[], tables: { name → rows }, html: string }.
 * The RFM section is the first; restock alerts, coupons and the content mix add a section
 * here and a line in SECTIONS, nothing else.
 */
'use strict';

// ---------------------------------------------------------------------------------------------
// Formatting helpers

const escapeHtml = (value) =>
	String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const percent = (fraction, digits = 1) => `${(fraction * 100).toFixed(digits)}%`;

function money(amount, currency) {
	const text = Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return currency ? `${text} ${currency}` : text;
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(text) {
	let width = 0;
	for (const ch of String(text)) {
		const code = ch.codePointAt(0);
		const wide =
			(code >= 0x1100 && code <= 0x115f) ||
			(code >= 0x2e80 && code <= 0xa4cf) ||
			(code >= 0xac00 && code <= 0xd7a3) ||
			(code >= 0xf900 && code <= 0xfaff) ||
			(code >= 0xfe30 && code <= 0xfe4f) ||
			(code >= 0xff00 && code <= 0xff60) ||
			(code >= 0xffe0 && code <= 0xffe6);
		width += wide ? 2 : 1;
	}
	return width;
}

const padEnd = (text, width) => String(text) + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text, width) => ' '.repeat(Math.max(0, width - displayWidth(text))) + String(text);

/** Rows (objects) → CSV text with a header row; RFC 4180 quoting; BOM so spreadsheet apps read UTF-8 (中文). */
function toCsv(rows) {
	if (rows.length === 0) return '\ufeff';
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value) => {
		if (value === null || value === undefined) return '';
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return '\ufeff' + [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// SVG charts (plain SVG, sized by viewBox so they scale with the page)

/** Colours for up to 13 categories, readable on white and distinguishable in grey scale order. */
const PALETTE = [
	'#1b7f5f', '#2f9e77', '#66b89a', '#3b82c4', '#7fb2e5', '#c9a227',
	'#e08a2b', '#d1495b', '#8e3b5f', '#7d7d7d', '#4b4b4b', '#a66cc1', '#b0b0b0',
];

/**
 * Horizontal bars: one row per item, `value` drawn to scale, `note` printed after the bar.
 * items: [{ label, sublabel?, value, note }]
 */
function barChartSvg({ title, items, color = (i) => PALETTE[i % PALETTE.length] }) {
	const rowHeight = 28;
	const labelWidth = 215;
	const barWidth = 230;
	const noteWidth = 105;
	const top = 34;
	const width = labelWidth + barWidth + noteWidth;
	const height = top + items.length * rowHeight + 10;
	const max = Math.max(1e-9, ...items.map((item) => item.value));
	const rows = items
		.map((item, i) => {
			const y = top + i * rowHeight;
			const w = Math.max(item.value > 0 ? 2 : 0, (item.value / max) * barWidth);
			const label = item.sublabel
				? `${escapeHtml(item.label)} <tspan class="sub">${escapeHtml(item.sublabel)}</tspan>`
				: escapeHtml(item.label);
			return (
				`<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end">${label}</text>` +
				`<rect x="${labelWidth}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowHeight - 10}" rx="3" fill="${color(i)}"><title>${escapeHtml(item.label)}: ${escapeHtml(item.note)}</title></rect>` +
				`<text x="${(labelWidth + w + 8).toFixed(1)}" y="${y + 19}" class="note">${escapeHtml(item.note)}</text>`
			);
		})
		.join('');
	return (
		`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">` +
		`<text x="0" y="18" class="title">${escapeHtml(title)}</text>${rows}</svg>`
	);
}

/**
 * Two 100% stacked bars compared: share of customers vs share of revenue per category.
 * parts: [{ label, a, b }] with a, b fractions (each column sums to 1).
 */
function shareComparisonSvg({ title, aLabel, bLabel, parts, className = 'chart wide' }) {
	const width = 1000;
	const barLeft = 130;
	const barWidth = width - barLeft - 20;
	const barHeight = 40;
	const rows = [
		{ label: aLabel, key: 'a', y: 40 },
		{ label: bLabel, key: 'b', y: 100 },
	];
	const legendTop = 165;
	const legendColumns = 4;
	const legendRows = Math.ceil(parts.length / legendColumns);
	const height = legendTop + legendRows * 24 + 6;
	let svg = `<svg class="${className}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`;
	svg += `<text x="0" y="18" class="title">${escapeHtml(title)}</text>`;
	for (const row of rows) {
		svg += `<text x="${barLeft - 10}" y="${row.y + 25}" text-anchor="end">${escapeHtml(row.label)}</text>`;
		let x = barLeft;
		parts.forEach((part, i) => {
			const w = part[row.key] * barWidth;
			if (w <= 0) return;
			svg += `<rect x="${x.toFixed(1)}" y="${row.y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${PALETTE[i % PALETTE.length]}"><title>${escapeHtml(part.label)}: ${percent(part[row.key])}</title></rect>`;
			if (w > 38) {
				svg += `<text x="${(x + w / 2).toFixed(1)}" y="${row.y + 25}" text-anchor="middle" class="inbar">${percent(part[row.key], 0)}</text>`;
			}
			x += w;
		});
	}
	parts.forEach((part, i) => {
		const x = barLeft + (i % legendColumns) * 215;
		const y = legendTop + Math.floor(i / legendColumns) * 24;
		svg += `<rect x="${x}" y="${y}" width="14" height="14" rx="2" fill="${PALETTE[i % PALETTE.length]}"/>`;
		svg += `<text x="${x + 20}" y="${y + 12}" class="legend">${escapeHtml(part.label)}</text>`;
	});
	return svg + '</svg>';
}

function htmlTable(columns, rows, className = '') {
	const head = columns.map((c) => `<th class="${c.numeric ? 'num' : ''}">${escapeHtml(c.title)}</th>`).join('');
	const body = rows
		.map(
			(row) =>
				'<tr>' +
				columns
					.map((c) => `<td class="${c.numeric ? 'num' : ''}">${escapeHtml(c.format ? c.format(row[c.key], row) : row[c.key])}</td>`)
					.join('') +
				'</tr>',
		)
		.join('');
	return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------
// Section: RFM segments

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

// ---------------------------------------------------------------------------------------------
// Section: restock alerts

const RESTOCK_STATUSES = [
	{ status: 'urgent', en: 'Urgent', zh: '紧急补货', color: '#d1495b' },
	{ status: 'reorder', en: 'Reorder', zh: '建议补货', color: '#e08a2b' },
	{ status: 'ok', en: 'OK', zh: '库存正常', color: '#2f9e77' },
	{ status: 'overstock', en: 'Overstock', zh: '库存积压', color: '#3b82c4' },
	{ status: 'no_history', en: 'No sales history', zh: '无销售记录', color: '#7d7d7d' },
];
const restockStatus = (status) => RESTOCK_STATUSES.find((s) => s.status === status) ?? { status, en: status, zh: status, color: '#7d7d7d' };
const days = (value) => (value === null || value === undefined ? '—' : `${Number(value).toFixed(1)} d`);

/**
 * Days of cover beside the lead time, one row per alert: the bar is the stock on hand in days of
 * demand, the tick the lead time. A bar that ends before its tick sells out before an order
 * placed today can arrive (urgent).
 */
function coverChartSvg({ title, rows }) {
	const rowHeight = 24;
	const labelWidth = 200;
	const plotWidth = 250;
	const noteWidth = 110;
	const top = 52;
	const width = labelWidth + plotWidth + noteWidth;
	const height = top + rows.length * rowHeight + 12;
	const max = Math.max(1, ...rows.map((r) => Math.max(Number(r.daysOfCover ?? 0), Number(r.leadTimeDays))));
	const x = (value) => labelWidth + (Math.min(Number(value), max) / max) * plotWidth;
	let svg = `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`;
	svg += `<text x="0" y="18" class="title">${escapeHtml(title)}</text>`;
	const legend = [
		{ swatch: `<rect width="12" height="10" y="2" fill="${restockStatus('urgent').color}"/>`, text: 'cover, urgent 紧急' },
		{ swatch: `<rect width="12" height="10" y="2" fill="${restockStatus('reorder').color}"/>`, text: 'cover, reorder 补货' },
		{ swatch: '<rect x="4" width="3" height="14" fill="#1f2933"/>', text: 'lead time 提前期' },
	];
	legend.forEach((entry, i) => {
		svg += `<g transform="translate(${i * 175},28)">${entry.swatch}<text x="16" y="11" class="legend">${entry.text}</text></g>`;
	});
	rows.forEach((r, i) => {
		const y = top + i * rowHeight;
		const info = restockStatus(r.status);
		const cover = Number(r.daysOfCover ?? 0);
		svg += `<text x="${labelWidth - 10}" y="${y + 16}" text-anchor="end">${escapeHtml(r.sku)} <tspan class="sub">${escapeHtml(r.warehouse)}</tspan></text>`;
		svg += `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(cover > 0 ? 2 : 0, x(cover) - labelWidth).toFixed(1)}" height="${rowHeight - 10}" rx="2" fill="${info.color}"><title>${escapeHtml(`${r.sku} ${r.warehouse}: ${days(r.daysOfCover)} of cover, lead time ${days(r.leadTimeDays)}`)}</title></rect>`;
		svg += `<rect x="${(x(r.leadTimeDays) - 1.5).toFixed(1)}" y="${y + 2}" width="3" height="${rowHeight - 4}" fill="#1f2933"/>`;
		svg += `<text x="${labelWidth + plotWidth + 10}" y="${y + 16}" class="note">${escapeHtml(`${days(r.daysOfCover)} / ${days(r.leadTimeDays)}`)}</text>`;
	});
	return svg + '</svg>';
}

/** restock-alerts.json → positions by status, the purchase suggestions and the chat digests. */
function restockSection({ items }) {
	const needsAction = items('Check stock levels', 0);
	const ok = items('Check stock levels', 1);
	if (!needsAction || !ok) return null;
	const suggestions = items('Purchase suggestions') ?? [];
	const positions = [...needsAction, ...ok];
	const asOf = positions[0]?.asOf ?? '';
	const counts = RESTOCK_STATUSES.map((s) => ({ ...s, positions: positions.filter((p) => p.status === s.status).length }));
	const totalUnits = suggestions.reduce((sum, r) => sum + Number(r.suggestedOrderQty), 0);
	const totalValue = suggestions.reduce((sum, r) => sum + Number(r.orderValue), 0);
	const digests = [
		['WeCom 企业微信', 'WeCom digest (preview)'],
		['DingTalk 钉钉', 'DingTalk digest (preview)'],
		['Feishu 飞书', 'Feishu digest (preview)'],
	]
		.map(([platform, node]) => ({ platform, messages: items(node) ?? [] }))
		.filter((d) => d.messages.length > 0);

	const suggestionRows = suggestions.map((r) => ({
		sku: r.sku,
		warehouse: r.warehouse,
		status: r.status,
		status_en: restockStatus(r.status).en,
		status_zh: restockStatus(r.status).zh,
		suggestedOrderQty: r.suggestedOrderQty,
		orderValue: Math.round(Number(r.orderValue) * 100) / 100,
		inventoryPosition: r.inventoryPosition,
		reorderPoint: Math.round(Number(r.reorderPoint) * 10) / 10,
		demandPerDay: Math.round(Number(r.demandPerDay) * 100) / 100,
		daysOfCover: r.daysOfCover === null ? null : Math.round(Number(r.daysOfCover) * 10) / 10,
		leadTimeDays: r.leadTimeDays,
		projectedStockoutDate: r.projectedStockoutDate,
		explanation: r.explanation,
	}));
	const positionRows = positions.map((r) => ({
		sku: r.sku,
		warehouse: r.warehouse,
		status: r.status,
		demandPerDay: r.demandPerDay,
		demandStdDev: r.demandStdDev,
		safetyStock: r.safetyStock,
		reorderPoint: r.reorderPoint,
		inventoryPosition: r.inventoryPosition,
		daysOfCover: r.daysOfCover,
		projectedStockoutDate: r.projectedStockoutDate,
		suggestedOrderQty: r.suggestedOrderQty,
		orderValue: r.orderValue,
		explanation: r.explanation,
	}));

	const alertCount = counts.filter((c) => c.status === 'urgent' || c.status === 'reorder').reduce((n, c) => n + c.positions, 0);
	const summaryLines = [
		`Restock alerts · 补货预警 — ${positions.length} SKU × warehouse positions checked as of ${asOf}: ` +
			counts.filter((c) => c.positions > 0).map((c) => `${c.positions} ${c.en.toLowerCase()}`).join(', '),
		alertCount === 0
			? '  No new alerts (only new alerts: what an earlier run announced is not repeated).'
			: `  Suggested purchase: ${totalUnits.toLocaleString('en-US')} units, value ${money(totalValue, 'CNY')}` +
				(digests.length ? `; ${digests.map((d) => `${d.platform.split(' ')[0]} ${d.messages.length} message${d.messages.length > 1 ? 's' : ''}`).join(', ')} (preview)` : ''),
		...(suggestionRows.length
			? [
					`  ${padEnd('SKU', 10)}${padEnd('Warehouse', 17)}${padEnd('Status 状态', 20)}${padStart('Order', 7)}${padStart('Value', 12)}${padStart('Cover', 9)}${padStart('Lead', 8)}  Stock-out`,
					...suggestionRows.slice(0, 12).map(
						(r) =>
							`  ${padEnd(r.sku, 10)}${padEnd(r.warehouse, 17)}${padEnd(`${r.status_en} ${r.status_zh}`, 20)}${padStart(r.suggestedOrderQty, 7)}` +
							`${padStart(money(r.orderValue), 12)}${padStart(days(r.daysOfCover), 9)}${padStart(days(r.leadTimeDays), 8)}  ${r.projectedStockoutDate ?? '—'}`,
					),
					...(suggestionRows.length > 12 ? [`  … ${suggestionRows.length - 12} more in restock-suggestions.csv`] : []),
				]
			: []),
	];

	const digestHtml = digests.length
		? '<h3>Chat digests · 群消息预览</h3>' +
			'<p class="muted">The bot nodes run in Preview mode in the demo: these are the exact messages they would post.</p>' +
			digests
				.map((d) => {
					const first = d.messages[0].payload ?? {};
					const text = first.markdown?.content ?? first.markdown?.text ?? first.text?.content ?? first.card?.elements?.[0]?.content ?? JSON.stringify(first);
					return `<details${d === digests[0] ? ' open' : ''}><summary><b>${escapeHtml(d.platform)}</b> — ${d.messages.length} message(s), first ${escapeHtml(d.messages[0].size)} of ${escapeHtml(d.messages[0].sizeLimit)} ${d.messages[0].sizeUnit === 'bodyBytes' ? 'body bytes' : 'bytes'}</summary><pre class="digest">${escapeHtml(text)}</pre></details>`;
				})
				.join('\n')
		: '';

	const html = [
		`<p class="lead">${positions.length} SKU × warehouse positions checked as of <b>${escapeHtml(asOf)}</b> (demand on in-stock days of the last 28 days, 95% service level, order up to with a 7-day review). ` +
			(alertCount
				? `<b>${alertCount}</b> need an order now: <b>${totalUnits.toLocaleString('en-US')}</b> units worth <b>${escapeHtml(money(totalValue, 'CNY'))}</b>.`
				: 'No new alerts: what an earlier run announced is not repeated.') +
			'</p>',
		'<div class="charts">',
		barChartSvg({
			title: 'Positions by status · 各状态 SKU 数',
			items: counts.map((c) => ({ label: c.en, sublabel: c.zh, value: c.positions, note: String(c.positions) })),
			color: (i) => counts[i].color,
		}),
		suggestionRows.length
			? coverChartSvg({ title: 'Alerts: days of cover vs lead time · 可售天数 vs 提前期', rows: suggestionRows.slice(0, 20) })
			: '',
		'</div>',
		'<h3>Purchase suggestions · 采购建议</h3>',
		suggestionRows.length
			? htmlTable(
					[
						{ key: 'sku', title: 'SKU' },
						{ key: 'warehouse', title: 'Warehouse 仓库' },
						{ key: 'status_en', title: 'Status', format: (v, r) => `${v} ${r.status_zh}` },
						{ key: 'suggestedOrderQty', title: 'Order 建议订货', numeric: true },
						{ key: 'orderValue', title: 'Value 金额 (CNY)', numeric: true, format: (v) => money(v) },
						{ key: 'inventoryPosition', title: 'Position 库存位置', numeric: true },
						{ key: 'reorderPoint', title: 'Reorder point 再订货点', numeric: true },
						{ key: 'daysOfCover', title: 'Cover 可售', numeric: true, format: (v) => days(v) },
						{ key: 'projectedStockoutDate', title: 'Stock-out 预计断货', format: (v) => v ?? '—' },
						{ key: 'explanation', title: 'Why' },
					],
					suggestionRows,
				)
			: '<p class="muted">No new alerts in this run.</p>',
		digestHtml,
		`<p class="muted">Every position: <code>restock-positions.csv</code>; the suggestions: <code>restock-suggestions.csv</code> / <code>results.json</code> next to this file.</p>`,
	].join('\n');

	return {
		id: 'restock',
		title: 'Restock alerts · 补货预警',
		summaryLines,
		tables: { 'restock-suggestions': suggestionRows, 'restock-positions': positionRows },
		html,
	};
}

// ---------------------------------------------------------------------------------------------
// Section: tiered coupons

/** Tier labels in both languages from the pack's default tiers; the node emits one language. */
function tierLabels() {
	let tiers = [];
	try {
		tiers = require('../dist/nodes/lib/coupons').DEFAULT_TIERS;
	} catch {}
	return (key, nodeLabel) => tiers.find((t) => t.key === key)?.label ?? { en: nodeLabel ?? key, zh: nodeLabel ?? key };
}

/**
 * rfm-coupon-campaign.json → coupons issued per tier, the budget and who it left out, the VIPs
 * for the advisors, the lifetime-value model behind the priorities.
 */
function couponSection({ items }) {
	const summary = items('Coupon Tier', 4);
	if (!summary) return null;
	const coupons = items('Coupon Tier', 0) ?? [];
	const advisors = items('Coupon Tier', 2) ?? [];
	const campaign = summary.find((row) => row.level === 'campaign') ?? {};
	const labelOf = tierLabels();
	const tiers = summary
		.filter((row) => row.level === 'tier')
		.map((t) => ({ ...t, en: labelOf(t.tier, t.tierLabel).en, zh: labelOf(t.tier, t.tierLabel).zh }));
	const model = (items('Score customers (RFM + CLV)', 1) ?? [])[0]?.lifetimeValueModel;
	const currency = campaign.currency ?? 'CNY';
	const actionText = (t) =>
		[t.actions.includes('coupon') && 'coupon 券', t.actions.includes('reviewInvite') && 'review invite 测评', t.actions.includes('vipAdvisor') && 'advisor 顾问']
			.filter(Boolean)
			.join(' + ') || 'no action 不触达';

	const tierRows = tiers.map((t) => ({
		tier: t.tier,
		label_en: t.en,
		label_zh: t.zh,
		actions: actionText(t),
		customers: t.customers,
		couponsIssued: t.couponsIssued,
		couponsLeftOut: t.couponsLeftOut,
		couponValue: t.couponValue,
		reviewInvites: t.reviewInvites,
		vipAdvisors: t.vipAdvisors,
		noAction: t.noAction,
	}));
	const couponRows = coupons.map((c) => ({
		customerId: c.customerId,
		tier: c.tier,
		segment: c.segment,
		couponCode: c.couponCode,
		coupon: c.coupon?.description,
		faceValue: c.coupon?.faceValue,
		minimumSpend: c.coupon?.minimumSpend,
		validFrom: c.coupon?.validFrom,
		validUntil: c.coupon?.validUntil,
		predictedClv: c.predictedClv,
		priorityRank: c.priorityRank,
	}));
	const leftOutRows = (campaign.leftOutCustomers ?? []).map((l) => ({ ...l }));
	const budgetText = campaign.budget ? `${money(campaign.couponValue, currency)} of a ${money(campaign.budget, currency)} budget` : money(campaign.couponValue, currency);

	const labelWidth = Math.max(...tierRows.map((t) => displayWidth(`${t.label_en} ${t.label_zh}`))) + 2;
	const summaryLines = [
		`Coupons · 分层发券 — campaign ${campaign.campaignId} (${campaign.period}): ${campaign.couponsIssued} coupons issued, face value ${budgetText}` +
			(campaign.couponsLeftOut ? `; ${campaign.couponsLeftOut} left out by the budget (lowest predicted CLV)` : ''),
		`  ${padEnd('Tier 分层', labelWidth)}${padEnd('Action 动作', 36)}${padStart('Customers', 10)}${padStart('Coupons', 9)}${padStart('Value', 14)}`,
		...tierRows.map(
			(t) =>
				`  ${padEnd(`${t.label_en} ${t.label_zh}`, labelWidth)}${padEnd(t.actions, 36)}${padStart(t.customers, 10)}${padStart(t.couponsIssued, 9)}${padStart(money(t.couponValue), 14)}`,
		),
		...(model
			? [
					`  Lifetime value (BG/NBD + Gamma-Gamma, ${model.customers} customers, ${model.horizonDays} days): r ${model.bgnbd.r}, α ${model.bgnbd.alpha}, a ${model.bgnbd.a}, b ${model.bgnbd.b}, ln L ${model.bgnbd.logLikelihood}`,
				]
			: []),
	];

	const topVips = [...advisors].sort((a, b) => b.predictedClv - a.predictedClv).slice(0, 12);
	const firstDigest = (items('VIP advisors (WeCom preview)') ?? [])[0];
	const html = [
		`<p class="lead">Campaign <b>${escapeHtml(campaign.campaignId)}</b>, period <b>${escapeHtml(campaign.period)}</b>: <b>${campaign.couponsIssued}</b> coupons issued, face value <b>${escapeHtml(budgetText)}</b>` +
			(campaign.couponsLeftOut ? `; <b>${campaign.couponsLeftOut}</b> customers left out by the budget, lowest predicted lifetime value first` : '') +
			`. Codes are signed from campaign + customer + period: a re-run this period issues the same codes, never a second coupon.</p>`,
		'<div class="charts">',
		barChartSvg({
			title: 'Customers per tier · 各层客户数',
			items: tierRows.map((t) => ({ label: t.label_en, sublabel: t.label_zh, value: t.customers, note: String(t.customers) })),
		}),
		barChartSvg({
			title: `Coupon value per tier · 各层券面值 (${currency})`,
			items: tierRows.map((t) => ({ label: t.label_en, sublabel: t.label_zh, value: t.couponValue, note: money(t.couponValue) })),
		}),
		'</div>',
		'<h3>Tiers · 分层与动作</h3>',
		htmlTable(
			[
				{ key: 'label_en', title: 'Tier', format: (v, r) => `${v} ${r.label_zh}` },
				{ key: 'actions', title: 'Action 动作' },
				{ key: 'customers', title: 'Customers', numeric: true },
				{ key: 'couponsIssued', title: 'Coupons 发券', numeric: true },
				{ key: 'couponsLeftOut', title: 'Left out 预算不足', numeric: true },
				{ key: 'couponValue', title: `Face value 券面值 (${currency})`, numeric: true, format: (v) => money(v) },
			],
			tierRows,
		),
		'<h3>VIPs for the advisors · VIP 专属顾问名单</h3>',
		htmlTable(
			[
				{ key: 'customerId', title: 'Customer' },
				{ key: 'segmentLabel', title: 'Segment' },
				{ key: 'predictedClv', title: 'Predicted CLV 预计价值', numeric: true, format: (v) => money(v) },
				{ key: 'probabilityAlive', title: 'P(alive) 活跃概率', numeric: true, format: (v) => percent(v, 0) },
				{ key: 'couponCode', title: 'Code 券码', format: (v) => v ?? '—' },
			],
			topVips,
		),
		firstDigest
			? `<details><summary><b>WeCom 企业微信</b> — VIP digest, ${escapeHtml(items('VIP advisors (WeCom preview)').length)} message(s) (preview)</summary><pre class="digest">${escapeHtml(firstDigest.payload?.markdown?.content ?? '')}</pre></details>`
			: '',
		model
			? `<p class="muted">Lifetime value: BG/NBD r ${model.bgnbd.r}, α ${model.bgnbd.alpha}, a ${model.bgnbd.a}, b ${model.bgnbd.b} (ln L ${model.bgnbd.logLikelihood}); Gamma-Gamma p ${model.gammaGamma.p}, q ${model.gammaGamma.q}, v ${model.gammaGamma.v}; ${model.returningCustomers} returning of ${model.customers} customers, horizon ${model.horizonDays} days.</p>`
			: '',
		`<p class="muted">Every coupon: <code>coupons.csv</code>; per tier: <code>coupon-tiers.csv</code>; left out by the budget: <code>coupons-left-out.csv</code>.</p>`,
	].join('\n');

	return {
		id: 'coupons',
		title: 'Tiered coupons · 分层发券',
		summaryLines,
		tables: { coupons: couponRows, 'coupon-tiers': tierRows, 'coupons-left-out': leftOutRows },
		html,
	};
}

/**
 * The report's sections, in page order. Each entry names the template whose run it reads.
 * Later issues: content mix.
 */
const SECTIONS = [
	{ template: 'rfm-segmentation.json', build: rfmSection },
	{ template: 'restock-alerts.json', build: restockSection },
	{ template: 'rfm-coupon-campaign.json', build: couponSection },
];

// ---------------------------------------------------------------------------------------------
// The page

const STYLE = `
:root { color-scheme: light; --ink:#1f2933; --muted:#66707a; --line:#e3e7eb; --accent:#1b7f5f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", Roboto, sans-serif; color: var(--ink); background: #f6f8f9; }
header { background: var(--accent); color: #fff; padding: 22px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; opacity: .9; }
nav { padding: 10px 32px; background: #fff; border-bottom: 1px solid var(--line); }
nav a { margin-right: 18px; color: var(--accent); text-decoration: none; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 32px 40px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 22px 0; }
section h2 { margin-top: 0; }
.lead { font-size: 16px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px 28px; margin: 12px 0 8px; }
.charts .wide { grid-column: 1 / -1; }
pre.digest { white-space: pre-wrap; background: #f0f3f5; padding: 10px 12px; border-radius: 6px; font-size: 13px; }
.chart { width: 100%; height: auto; font-size: 13px; fill: var(--ink); }
.chart .title { font-weight: 600; font-size: 14px; }
.chart .sub, .chart .note, .chart .legend { fill: var(--muted); }
.chart .inbar { fill: #fff; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; }
th { background: #f0f3f5; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted, footer { color: var(--muted); font-size: 13px; }
footer { max-width: 1180px; margin: 0 auto; padding: 0 32px 30px; }
code { background: #f0f3f5; padding: 1px 4px; border-radius: 3px; }
`;

/** The whole report page; `meta`: { generatedAt, n8nVersion, nodeVersion, templates, timings }. */
function renderReportHtml(sections, meta) {
	const nav = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join('');
	const body = sections.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Commerce Ops demo report · 运营报告</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Commerce Ops demo report · 电商运营报告</h1>
<p>Demo shop data run through the n8n-nodes-commerce-ops templates in n8n ${escapeHtml(meta.n8nVersion)} · generated ${escapeHtml(meta.generatedAt)}</p></header>
<nav>${nav}</nav>
<main>
${body}
</main>
<footer>Templates: ${meta.templates.map((t) => escapeHtml(t)).join(', ')} · Node ${escapeHtml(meta.nodeVersion)} · This page has no scripts and loads nothing from the network.</footer>
</body>
</html>
`;
}

module.exports = { SECTIONS, rfmSection, restockSection, couponSection, coverChartSvg, renderReportHtml, toCsv, barChartSvg, shareComparisonSvg, displayWidth, escapeHtml };
