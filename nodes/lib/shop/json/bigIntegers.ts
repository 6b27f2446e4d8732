/**
 * JSON with 64-bit ids. Douyin Shop's product, SKU and room ids are int64 numbers
 * (3.6 × 10¹⁸), beyond the 2⁵³ a JavaScript number holds exactly: JSON.parse would silently
 * turn SKU 1700000000000000001 into …000000. Ids are text everywhere in the pack, so
 * responses are parsed with long integers kept as their digits, and requests can carry an
 * id back as a number literal (JsonInteger) with every digit.
 */

/** An integer written into JSON as a number literal with exactly these digits. */
export class JsonInteger {
	constructor(readonly digits: string) {
		if (!/^-?\d+$/.test(digits)) throw new Error(`"${digits}" is not an integer`);
	}
}

/** Integer literals longer than this many digits are kept as text (2⁵³ has 16 digits). */
const SAFE_DIGITS = 15;

/** JSON.parse, except that integer literals of more than 15 digits become strings of their digits. */
export function parseJsonKeepingBigIntegers(text: string): unknown {
	let out = '';
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text[i];
		if (c === '"') {
			// Copy a string literal as is (escapes included).
			let j = i + 1;
			while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
			out += text.slice(i, j + 1);
			i = j + 1;
		} else if (c === '-' || (c >= '0' && c <= '9')) {
			let j = i + 1;
			while (j < n && /[0-9eE.+-]/.test(text[j])) j++;
			const literal = text.slice(i, j);
			const digits = literal.replace('-', '');
			out += /^-?\d+$/.test(literal) && digits.length > SAFE_DIGITS ? `"${literal}"` : literal;
			i = j;
		} else {
			out += c;
			i++;
		}
	}
	return JSON.parse(out);
}
