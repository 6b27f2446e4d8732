import { readFileSync } from 'node:fs';

/** Reads a simple CSV (no quoted commas) into rows of strings keyed by header. */
export function readCsv(path: string): Array<Record<string, string>> {
	const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
	const columns = header.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
	});
}
