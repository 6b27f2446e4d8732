/**
 * Just enough Markdown for the docs tests: headings as GitHub anchors, relative links, tables.
 * Code (fenced blocks and `spans`) is blanked first, so a link or a `|` shown as code is not read.
 */
import { readFileSync } from 'node:fs';

export function readMarkdown(path: string): string {
	return readFileSync(path, 'utf8');
}

/** The text with fenced code blocks removed (line count kept, so line numbers still match). */
function withoutFences(text: string): string[] {
	let inFence = false;
	return text.split('\n').map((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			inFence = !inFence;
			return '';
		}
		return inFence ? '' : line;
	});
}

/**
 * GitHub's heading anchor (github-slugger): lower-case, punctuation and symbols dropped, each space
 * a '-'; letters of any script (Chinese included), digits, '_' and '-' kept. A repeated heading
 * gets -1, -2, … in order.
 */
export function anchorsOf(text: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of withoutFences(text)) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const rendered = heading[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
		const slug = rendered
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

export interface Link {
	line: number;
	target: string;
}

/** Every inline link and image target outside code, e.g. `docs/shops.md#parameters`. */
export function linksOf(text: string): Link[] {
	const links: Link[] = [];
	withoutFences(text).forEach((line, index) => {
		const prose = line.replace(/`[^`]*`/g, '``');
		for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
			links.push({ line: index + 1, target: match[1] });
		}
	});
	return links;
}

/** Cells of a table row: outer pipes dropped, split on pipes that are not escaped, trimmed. */
function cells(row: string): string[] {
	return row
		.trim()
		.replace(/^\|/, '')
		.replace(/(?<!\\)\|$/, '')
		.split(/(?<!\\)\|/)
		.map((cell) => cell.trim());
}

/** The body rows of every table whose header is exactly `header`, as cell arrays. */
export function tableRows(text: string, header: string[]): string[][] {
	const rows: string[][] = [];
	const lines = withoutFences(text);
	for (let i = 0; i < lines.length - 1; i++) {
		if (!lines[i].trim().startsWith('|') || !/^\s*\|?[\s:|-]+$/.test(lines[i + 1])) continue;
		if (lines[i - 1]?.trim().startsWith('|')) continue;
		const isWanted = cells(lines[i]).join('|') === header.join('|');
		let j = i + 2;
		for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
			if (isWanted) rows.push(cells(lines[j]));
		}
		i = j - 1;
	}
	return rows;
}
