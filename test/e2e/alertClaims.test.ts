/**
 * The alert table of the queue-mode restock template (workflows/queue/restock-alerts-postgres.json),
 * run as the template's own SQL against a real PostgreSQL (scripts/postgres.js): the statements are
 * read from the template's Postgres nodes, `$1` filled in the way the node's Query Parameters do.
 *
 * It must keep Only New Alerts' rules (nodes/lib/inventory/alertState.ts: first batch 1 < reorder 2
 * < urgent 3; an open alert is announced again only when worse; ok / overstock close it; a first
 * batch without an order closes only a first-batch alert), and two runs that claim the same alerts
 * at the same moment must announce each once. The second point rests on PostgreSQL's
 * INSERT … ON CONFLICT DO UPDATE: "guarantees an atomic INSERT or UPDATE outcome … even under high
 * concurrency"; the conflicting row is locked and the WHERE is checked on its newest version
 * (https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT,
 * https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED). The test
 * holds one claim's transaction open while the other runs, so the overlap is certain.
 */
// The community-node rule against spawning processes is for node code; this test opens two psql
// sessions the way two n8n workers hold two database connections.
/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startPostgres, type TestPostgres } from '../support/postgres';

const TEMPLATE = path.join(__dirname, '../../workflows/queue/restock-alerts-postgres.json');
const workflow = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')) as { nodes: Array<{ name: string; parameters: { query?: string } }> };
const queryOf = (node: string) => workflow.nodes.find((n) => n.name === node)!.parameters.query!;

interface Alert {
	sku: string;
	warehouse: string;
	status: string;
}
const alert = (sku: string, status: string, warehouse = 'east-shanghai'): Alert => ({ sku, warehouse, status });

/** The node's Query Parameters: `[JSON.stringify($json.alerts)]`, as a quoted SQL literal. */
const withItems = (query: string, items: unknown[]) => query.replace('$1', `'${JSON.stringify(items).replace(/'/g, "''")}'`);

describe('the queue-mode restock template’s alert table in a real PostgreSQL', () => {
	let pg: TestPostgres;

	/** What Claim new alerts passes on: the alerts this run announces, as "sku status". */
	const claim = (alerts: Alert[]): string[] =>
		(JSON.parse(pg.sql(withItems(queryOf('Claim new alerts'), alerts)).trim()) as Alert[]).map((a) => `${a.sku} ${a.status}`);
	const close = (items: Alert[]): number => Number(pg.sql(withItems(queryOf('Close recovered alerts'), items)).trim());

	/** A claim in its own psql session whose transaction stays open `holdSeconds` after the claim. */
	function claimInSession(alerts: Alert[], holdSeconds: number): Promise<string[]> {
		const commands = ['BEGIN', withItems(queryOf('Claim new alerts'), alerts), `SELECT pg_sleep(${holdSeconds})`, 'COMMIT'];
		const psql = spawn('psql', ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', pg.database, '-v', 'ON_ERROR_STOP=1', '-At', ...commands.flatMap((c) => ['-c', c])]);
		let out = '';
		psql.stdout.on('data', (chunk) => (out += chunk));
		psql.stderr.on('data', (chunk) => (out += chunk));
		return new Promise((resolve, reject) =>
			psql.on('close', (code) => {
				if (code !== 0) return reject(new Error(`psql exited ${code}: ${out}`));
				const claimed = JSON.parse(out.split('\n').find((line) => line.startsWith('['))!) as Alert[];
				resolve(claimed.map((a) => `${a.sku} ${a.status}`));
			}),
		);
	}

	beforeAll(async () => {
		pg = await startPostgres();
		pg.sql(queryOf('Alert claims table (created once)'));
	});

	afterAll(() => pg?.stop());

	beforeEach(() => pg.sql('DELETE FROM commerce_ops_alert_claims'));

	it('creates its table again without complaint (every run starts with that node)', () => {
		expect(() => pg.sql(queryOf('Alert claims table (created once)'))).not.toThrow();
	});

	it('announces a new alert once: the next run with the same alert announces nothing', () => {
		expect(claim([alert('SKU-1', 'reorder'), alert('SKU-2', 'urgent'), alert('SKU-3', 'no_history')])).toEqual(['SKU-1 reorder', 'SKU-2 urgent', 'SKU-3 no_history']);
		expect(claim([alert('SKU-1', 'reorder'), alert('SKU-2', 'urgent'), alert('SKU-3', 'no_history')])).toEqual([]);
	});

	it('keys on SKU and warehouse: the same SKU in another warehouse is its own alert', () => {
		expect(claim([alert('SKU-1', 'reorder')])).toEqual(['SKU-1 reorder']);
		expect(claim([alert('SKU-1', 'reorder', 'south-guangzhou')])).toEqual(['SKU-1 reorder']);
	});

	it('announces a worsened alert once (first batch → reorder → urgent), a milder one never', () => {
		expect(claim([alert('SKU-1', 'no_history')])).toEqual(['SKU-1 no_history']);
		expect(claim([alert('SKU-1', 'reorder')])).toEqual(['SKU-1 reorder']);
		expect(claim([alert('SKU-1', 'urgent')])).toEqual(['SKU-1 urgent']);
		expect(claim([alert('SKU-1', 'urgent')])).toEqual([]);
		// urgent → reorder is quiet, and so is a later return to urgent: already said.
		expect(claim([alert('SKU-1', 'reorder')])).toEqual([]);
		expect(claim([alert('SKU-1', 'urgent')])).toEqual([]);
	});

	it('closes an alert when the stock is fine again, so the next drop is announced again', () => {
		expect(claim([alert('SKU-1', 'reorder'), alert('SKU-2', 'urgent')])).toEqual(['SKU-1 reorder', 'SKU-2 urgent']);
		expect(close([alert('SKU-1', 'ok'), alert('SKU-2', 'overstock'), alert('SKU-9', 'ok')])).toBe(2);
		expect(claim([alert('SKU-1', 'reorder'), alert('SKU-2', 'reorder')])).toEqual(['SKU-1 reorder', 'SKU-2 reorder']);
	});

	it('lets a new SKU without an order close only its own first-batch alert', () => {
		expect(claim([alert('SKU-1', 'no_history'), alert('SKU-2', 'reorder')])).toEqual(['SKU-1 no_history', 'SKU-2 reorder']);
		// No history and nothing to order: SKU-1's first batch arrived; SKU-2 proved nothing.
		expect(close([alert('SKU-1', 'no_history'), alert('SKU-2', 'no_history')])).toBe(1);
		expect(claim([alert('SKU-1', 'no_history'), alert('SKU-2', 'reorder')])).toEqual(['SKU-1 no_history']);
	});

	it('passes on the whole alert item, untouched, for the chat digests', () => {
		const item = { sku: "SKU-'1'", warehouse: '华东仓', status: 'urgent', suggestedOrderQty: 120, explanation: 'Order 120 now — 现在订 120' };
		expect(JSON.parse(pg.sql(withItems(queryOf('Claim new alerts'), [item])).trim())).toEqual([item]);
	});

	it('announces each alert once when two runs claim the same alerts at the same moment', async () => {
		const alerts = [alert('SKU-1', 'reorder'), alert('SKU-2', 'urgent'), alert('SKU-3', 'reorder', 'south-guangzhou')];
		// The first run's transaction is still open (2 s) when the second claims: the second waits
		// for it on the rows' locks, then finds them claimed.
		const first = claimInSession(alerts, 2);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const second = claimInSession([...alerts].reverse(), 0);
		const [firstClaimed, secondClaimed] = await Promise.all([first, second]);
		expect([...firstClaimed, ...secondClaimed].sort()).toEqual(['SKU-1 reorder', 'SKU-2 urgent', 'SKU-3 reorder']);
		expect(secondClaimed).toEqual([]);
	});

	it('announces a worsened alert once when two runs see it worsen at the same moment', async () => {
		expect(claim([alert('SKU-1', 'reorder')])).toEqual(['SKU-1 reorder']);
		const [a, b] = await Promise.all([claimInSession([alert('SKU-1', 'urgent')], 1), claimInSession([alert('SKU-1', 'urgent')], 1)]);
		expect([...a, ...b]).toEqual(['SKU-1 urgent']);
	});
});
