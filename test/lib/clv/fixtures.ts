/** Data the CLV specifications read: the CDNOW cohort and the committed reference CSVs. */
import * as fs from 'fs';
import * as path from 'path';
import type { CustomerHistory } from '../../../nodes/lib/clv';

/**
 * The CDNOW cohort behind the published BG/NBD fit (Fader, Hardie & Lee 2005), as the
 * `lifetimes` package ships it (MIT, LICENSE-lifetimes.txt beside it); copied into the
 * repository so the tests run without anything beside it.
 */
export const CDNOW_PATH = path.join(__dirname, '../../reference/clv/cdnow_customers_summary_with_transactions.csv');

export interface CdnowCustomer extends CustomerHistory {
	id: number;
}

/**
 * The 2,357 CDNOW customers of Fader, Hardie & Lee (2005), weeks: ID, x, t_x, T, and zbar
 * (mean value of the repeat purchases, 0 for customers without any).
 */
export function readCdnow(): CdnowCustomer[] {
	const [header, ...lines] = fs.readFileSync(CDNOW_PATH, 'utf8').trim().split(/\r?\n/);
	if (header.trim() !== 'ID,x,t_x,T,zbar') throw new Error(`Unexpected CDNOW header: ${header}`);
	return lines.map((line) => {
		const [id, x, tx, T, zbar] = line.split(',').map(Number);
		return { id, x, tx, T, monetaryValue: zbar };
	});
}

/** Rows of a reference CSV (comment lines start with #), as strings keyed by column. */
export function readReferenceCsv(name: string): Record<string, string>[] {
	const file = path.join(__dirname, '../../reference/clv', name);
	const lines = fs
		.readFileSync(file, 'utf8')
		.split(/\r?\n/)
		.filter((line) => line !== '' && !line.startsWith('#'));
	const columns = lines[0].split(',');
	return lines.slice(1).map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
	});
}

export function relativeError(actual: number, expected: number): number {
	return Math.abs(actual - expected) / Math.abs(expected);
}
