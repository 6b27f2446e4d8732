/**
 * The demo report's formatting (scripts/demo-report/format.js): what `npm run demo` prints in
 * the terminal, in report.html and in its CSV files. Expected values are worked out by hand.
 */
// A plain Node module shared with `npm run demo`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const format = require('../../scripts/demo-report/format') as {
	escapeHtml(value: unknown): string;
	percent(fraction: number, digits?: number): string;
	money(amount: number | string, currency?: string | null): string;
	days(value: number | string | null | undefined): string;
	displayWidth(text: unknown): number;
	padEnd(text: unknown, width: number): string;
	padStart(text: unknown, width: number): string;
	toCsv(rows: Array<Record<string, unknown>>): string;
};

const { escapeHtml, percent, money, days, displayWidth, padEnd, padStart, toCsv } = format;

describe('percent: a fraction as a percentage', () => {
	it('prints one decimal unless told otherwise', () => {
		expect(percent(0.1234)).toBe('12.3%');
		expect(percent(1)).toBe('100.0%');
		expect(percent(0)).toBe('0.0%');
	});

	it('takes the number of decimals', () => {
		expect(percent(0.5, 0)).toBe('50%');
		expect(percent(0.25, 2)).toBe('25.00%');
	});
});

describe('money: en-US grouping, two decimals, currency code after', () => {
	it('groups thousands and pads to two decimals', () => {
		expect(money(1234.5, 'CNY')).toBe('1,234.50 CNY');
		expect(money(1234567.891)).toBe('1,234,567.89');
		expect(money(0)).toBe('0.00');
		expect(money(-42)).toBe('-42.00');
	});

	it('reads numbers given as text (run data from n8n may carry them so)', () => {
		expect(money('99', 'USD')).toBe('99.00 USD');
	});

	it('leaves the code out when there is none', () => {
		expect(money(5, null)).toBe('5.00');
	});
});

describe('days: days of cover or lead time', () => {
	it('prints one decimal and a unit', () => {
		expect(days(12.34)).toBe('12.3 d');
		expect(days(0)).toBe('0.0 d');
		expect(days('7')).toBe('7.0 d');
	});

	it('prints a dash when there is no value (no sales, so no cover)', () => {
		expect(days(null)).toBe('—');
		expect(days(undefined)).toBe('—');
	});
});

describe('displayWidth: terminal columns', () => {
	it('counts one column for Latin letters, digits and spaces', () => {
		expect(displayWidth('Champions')).toBe(9);
		expect(displayWidth(42)).toBe(2);
		expect(displayWidth('')).toBe(0);
	});

	it('counts two for CJK ideographs, Hangul and full-width forms', () => {
		expect(displayWidth('客户分层')).toBe(8);
		expect(displayWidth('VIP 客户')).toBe(3 + 1 + 4);
		expect(displayWidth('한국')).toBe(4);
		expect(displayWidth('ＡＢ')).toBe(4); // U+FF21, U+FF22
	});

	it('counts one for half-width katakana (U+FF61 to U+FF9F)', () => {
		expect(displayWidth('ｱｲ')).toBe(2);
	});
});

describe('padEnd / padStart: columns that line up with Chinese labels', () => {
	it('pads by display width, not by string length', () => {
		expect(padEnd('客户', 6)).toBe('客户  ');
		expect(padEnd('RFM', 5)).toBe('RFM  ');
		expect(padStart('中', 4)).toBe('  中');
		expect(padStart(42, 5)).toBe('   42');
	});

	it('never cuts a text longer than the column', () => {
		expect(padEnd('too long', 3)).toBe('too long');
		expect(padStart('客户分层', 4)).toBe('客户分层');
	});
});

describe('escapeHtml', () => {
	it('escapes the five characters HTML gives meaning to', () => {
		expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
	});

	it('escapes text that is already escaped again (it takes plain text only)', () => {
		expect(escapeHtml('&amp;')).toBe('&amp;amp;');
	});

	it('prints nothing for null and undefined, and numbers as they are', () => {
		expect(escapeHtml(null)).toBe('');
		expect(escapeHtml(undefined)).toBe('');
		expect(escapeHtml(0)).toBe('0');
	});
});

describe('toCsv: RFC 4180 with a UTF-8 byte order mark', () => {
	it('is only the byte order mark for no rows', () => {
		expect(toCsv([])).toBe('\ufeff');
	});

	it('takes the columns of every row in first-seen order and leaves missing cells empty', () => {
		const csv = toCsv([
			{ sku: 'SKU-1', qty: 3 },
			{ sku: 'a,b', note: 'say "hi"' },
			{ sku: 'x\ny', qty: null, tags: ['a', 'b'] },
		]);
		expect(csv).toBe(
			'\ufeff' +
				'sku,qty,note,tags\r\n' +
				'SKU-1,3,,\r\n' +
				// a comma or a quote makes a quoted cell; quotes inside are doubled
				'"a,b",,"say ""hi""",\r\n' +
				// a line break is quoted too; null is empty; objects are written as JSON
				'"x\ny",,,"[""a"",""b""]"\r\n',
		);
	});

	it('writes Chinese text as it is (the byte order mark tells spreadsheet apps it is UTF-8)', () => {
		expect(toCsv([{ name: '客户' }])).toBe('\ufeffname\r\n客户\r\n');
	});
});
