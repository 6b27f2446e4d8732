/**
 * The report's charts: plain SVG, sized by viewBox so they scale with the page, no scripts.
 */
'use strict';

const { escapeHtml, percent, days } = require('./format');

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

/**
 * Days of cover beside the lead time, one row per alert: the bar is the stock on hand in days of
 * demand, the tick the lead time. A bar that ends before its tick sells out before an order
 * placed today can arrive (urgent). `colorOf(status)` gives each status its colour.
 */
function coverChartSvg({ title, rows, colorOf }) {
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
		{ swatch: `<rect width="12" height="10" y="2" fill="${colorOf('urgent')}"/>`, text: 'cover, urgent 紧急' },
		{ swatch: `<rect width="12" height="10" y="2" fill="${colorOf('reorder')}"/>`, text: 'cover, reorder 补货' },
		{ swatch: '<rect x="4" width="3" height="14" fill="#1f2933"/>', text: 'lead time 提前期' },
	];
	legend.forEach((entry, i) => {
		svg += `<g transform="translate(${i * 175},28)">${entry.swatch}<text x="16" y="11" class="legend">${entry.text}</text></g>`;
	});
	rows.forEach((r, i) => {
		const y = top + i * rowHeight;
		const cover = Number(r.daysOfCover ?? 0);
		svg += `<text x="${labelWidth - 10}" y="${y + 16}" text-anchor="end">${escapeHtml(r.sku)} <tspan class="sub">${escapeHtml(r.warehouse)}</tspan></text>`;
		svg += `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(cover > 0 ? 2 : 0, x(cover) - labelWidth).toFixed(1)}" height="${rowHeight - 10}" rx="2" fill="${colorOf(r.status)}"><title>${escapeHtml(`${r.sku} ${r.warehouse}: ${days(r.daysOfCover)} of cover, lead time ${days(r.leadTimeDays)}`)}</title></rect>`;
		svg += `<rect x="${(x(r.leadTimeDays) - 1.5).toFixed(1)}" y="${y + 2}" width="3" height="${rowHeight - 4}" fill="#1f2933"/>`;
		svg += `<text x="${labelWidth + plotWidth + 10}" y="${y + 16}" class="note">${escapeHtml(`${days(r.daysOfCover)} / ${days(r.leadTimeDays)}`)}</text>`;
	});
	return svg + '</svg>';
}

module.exports = { PALETTE, barChartSvg, shareComparisonSvg, coverChartSvg };
