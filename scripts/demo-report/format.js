/**
 * Formatting for the demo report: numbers and money as the report prints them, terminal column
 * widths (CJK characters take two), HTML escaping and CSV. Plain functions, no state.
 */
'use strict';

const escapeHtml = (value) =>
	String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A fraction as a percentage: 0.1234 → "12.3%". */
const percent = (fraction, digits = 1) => `${(fraction * 100).toFixed(digits)}%`;

/** An amount with en-US grouping and always two decimals, the currency code after it if given. */
function money(amount, currency) {
	const text = Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return currency ? `${text} ${currency}` : text;
}

/** Days with one decimal, or a dash when there is no value (a SKU with no sales has no cover). */
const days = (value) => (value === null || value === undefined ? '—' : `${Number(value).toFixed(1)} d`);

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

module.exports = { escapeHtml, percent, money, days, displayWidth, padEnd, padStart, toCsv };
