/** Parameter helpers shared by nodes: lists typed as text, and simple key=value tables. */
import { parseNameList } from '../lib/model';

export { parseNameList, parseNumberList } from '../lib/model';

/** "USD=7.1, EUR = 7.8" → { USD: 7.1, EUR: 7.8 }; returns the bad part's text on error. */
export function parseRateTable(text: string): Record<string, number> | { badPart: string } {
	const table: Record<string, number> = {};
	for (const part of parseNameList(text)) {
		const match = /^([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
		if (!match || Number(match[2]) <= 0) return { badPart: part };
		table[match[1].toUpperCase()] = Number(match[2]);
	}
	return table;
}

/** The two languages of user-facing labels and texts (segment names, tiers, alerts). */
export const LANGUAGE_OPTIONS = [
	{ name: 'English', value: 'en' },
	{ name: '简体中文 (Simplified Chinese)', value: 'zh' },
];
