/**
 * The report page: its HTML tables and the self-contained report.html around the sections
 * (inline CSS, no scripts, no network).
 */
'use strict';

const { escapeHtml } = require('./format');

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

module.exports = { htmlTable, renderReportHtml };
