/**
 * Report section: restock alerts (workflows/restock-alerts.json).
 */
'use strict';

const { escapeHtml, money, days, padEnd, padStart } = require('../format');
const { barChartSvg, coverChartSvg } = require('../svg');
const { htmlTable } = require('../page');

const RESTOCK_STATUSES = [
	{ status: 'urgent', en: 'Urgent', zh: '紧急补货', color: '#d1495b' },
	{ status: 'reorder', en: 'Reorder', zh: '建议补货', color: '#e08a2b' },
	{ status: 'ok', en: 'OK', zh: '库存正常', color: '#2f9e77' },
	{ status: 'overstock', en: 'Overstock', zh: '库存积压', color: '#3b82c4' },
	{ status: 'no_history', en: 'No sales history', zh: '无销售记录', color: '#7d7d7d' },
];
const restockStatus = (status) => RESTOCK_STATUSES.find((s) => s.status === status) ?? { status, en: status, zh: status, color: '#7d7d7d' };

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
		// The node rounds what people read (whole units, 2-decimal demand, 1-decimal cover, cents).
		orderValue: r.orderValue,
		inventoryPosition: r.inventoryPosition,
		reorderPoint: r.reorderPoint,
		demandPerDay: r.demandPerDay,
		daysOfCover: r.daysOfCover,
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
			? coverChartSvg({
					title: 'Alerts: days of cover vs lead time · 可售天数 vs 提前期',
					rows: suggestionRows.slice(0, 20),
					colorOf: (status) => restockStatus(status).color,
				})
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

module.exports = { RESTOCK_STATUSES, restockSection };
