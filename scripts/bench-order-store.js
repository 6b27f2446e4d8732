#!/usr/bin/env node
/**
 * The order store's limits, measured in a real n8n (`n8n start`; Data Tables exist only there):
 * the n8n Data Table of workflows/shop/shop-order-sync.json beside its baseline, the Postgres
 * variant (workflows/shop/shop-order-sync-postgres.json) on a throwaway PostgreSQL, same orders,
 * same run:
 * - upsert 2,000 new orders, then the same 2,000 again (updates), with the templates' own nodes;
 * - fill each store to ROWS orders (Data Table: bulk insert; Postgres: INSERT … SELECT);
 * - read all ROWS orders back into n8n items (the campaign's first step), time and n8n's RSS;
 * - the Data Table's size as n8n counts it (/rest/data-tables-global/limits) against its
 *   default cap (N8N_DATA_TABLES_MAX_SIZE_BYTES, 50 MB).
 *
 * node scripts/bench-order-store.js [--rows=100000] [--n8n-version=2.8.4]   (npm run bench runs it)
 * Prints a table and one JSON line; asserts nothing about time.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { PROJECT_ROOT, PACK_NAME } = require('./n8n-runtime/util');
const { ensureRuntime } = require('./n8n-runtime/install');
const { createUserFolder, installPack, packPack } = require('./n8n-runtime/pack');
const { importCredentials, importWorkflows, ownerSession, runN8n, startServer } = require('./n8n-runtime/run');
const { startPostgres } = require('./postgres');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ROWS = Number(args.rows ?? 100_000);
const template = (file) => JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'workflows', 'shop', file), 'utf8'));

function webhook(pathName, responseData = 'firstEntryJson') {
	return {
		id: `webhook-${pathName}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
		parameters: { httpMethod: 'POST', path: pathName, responseMode: 'lastNode', responseData, options: {} },
	};
}

function chainWorkflow(id, nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: id, nodes: nodes.map((n, i) => ({ ...n, position: [i * 220, 0] })), connections, settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' } };
}

const demoOrders = {
	id: 'demo',
	name: 'Demo shop orders',
	type: `${PACK_NAME}.demoShopData`,
	typeVersion: 1,
	position: [0, 0],
	parameters: { dataset: 'orders', seed: '={{ $json.body.seed }}', customers: 500, orders: '={{ $json.body.orders }}', skus: 40, warehouses: 'east-shanghai, south-guangzhou', days: 365 },
};
/** Order ids made unique per batch (demo ids repeat across seeds). */
const batchIds = {
	id: 'batch',
	name: 'Batch ids',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [0, 0],
	parameters: { assignments: { assignments: [{ id: 'o', name: 'orderId', type: 'string', value: "={{ $('Webhook').first().json.body.batch + '-' + $json.orderId }}" }] }, includeOtherFields: true, options: {} },
};
const count = {
	id: 'count',
	name: 'Count',
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1.1,
	position: [0, 0],
	parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field: 'orderId' }] }, options: {} },
};

function workflows() {
	const sync = template('shop-order-sync.json');
	const syncPg = template('shop-order-sync-postgres.json');
	const named = (wf, name) => structuredClone(wf.nodes.find((n) => n.name === name));
	const dtCreate = named(sync, 'Order store (created once)');
	const dtSave = named(sync, 'Save to order store');
	const dtInsert = { ...structuredClone(dtSave), name: 'Bulk insert' };
	dtInsert.parameters = { ...dtInsert.parameters, operation: 'insert', options: { optimizeBulk: true } };
	delete dtInsert.parameters.filters;
	delete dtInsert.parameters.matchType;
	const dtRead = { id: 'read', name: 'Read order store', type: 'n8n-nodes-base.dataTable', typeVersion: 1, position: [0, 0], parameters: { resource: 'row', operation: 'get', dataTableId: { __rl: true, mode: 'name', value: 'shop_orders' }, returnAll: true } };
	const pgCreate = named(syncPg, 'Order store table (created once)');
	const pgSave = named(syncPg, 'Save to order store');
	const campaignQuery = /```sql\n([\s\S]*?)```/.exec(named(syncPg, 'Query for the campaign').parameters.content)[1];
	const pgRead = { ...structuredClone(pgSave), name: 'Read order store (Postgres)', parameters: { operation: 'executeQuery', query: campaignQuery, options: {} } };
	return [
		chainWorkflow('BenchSetup', [webhook('setup'), dtCreate, pgCreate]),
		chainWorkflow('BenchDtUpsert', [webhook('dt-upsert'), demoOrders, batchIds, dtSave]),
		chainWorkflow('BenchDtInsert', [webhook('dt-insert'), demoOrders, batchIds, dtInsert]),
		chainWorkflow('BenchDtRead', [webhook('dt-read'), dtRead, count]),
		chainWorkflow('BenchPgUpsert', [webhook('pg-upsert'), demoOrders, batchIds, pgSave]),
		chainWorkflow('BenchPgRead', [webhook('pg-read'), pgRead, count]),
	];
}

async function call(baseUrl, pathName, body = {}) {
	const started = process.hrtime.bigint();
	const response = await fetch(`${baseUrl}/webhook/${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await response.text();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (!response.ok) throw new Error(`${pathName}: HTTP ${response.status} ${text.slice(0, 500)}`);
	return { ms, json: text ? JSON.parse(text) : {} };
}

/** n8n's resident memory now and at its peak (Linux /proc), MB. */
function rssOf(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function main() {
	const runtime = await ensureRuntime({ version: args['n8n-version'] });
	const tarball = packPack({ build: false });
	const userFolder = createUserFolder(`bench-order-store-${runtime.version}`);
	installPack(userFolder, tarball, runtime);
	const pg = await startPostgres();
	let n8n;
	try {
		const credentialsFile = path.join(userFolder, 'bench-credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify([{ id: 'ShopOrderStorePg01', name: 'Order store (Postgres)', type: 'postgres', data: { host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: '', ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 } }]),
		);
		await importCredentials(runtime, userFolder, credentialsFile);
		const dir = path.join(userFolder, 'bench-workflows');
		fs.mkdirSync(dir, { recursive: true });
		const wfs = workflows();
		for (const wf of wfs) fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf));
		await importWorkflows(runtime, userFolder, dir);
		for (const wf of wfs) await runN8n(runtime, userFolder, ['publish:workflow', `--id=${wf.id}`]);
		n8n = await startServer(runtime, userFolder);
		for (const wf of wfs) {
			const p = wf.nodes[0].parameters.path;
			for (let i = 0; i < 200; i++) {
				const text = await (await fetch(`${n8n.baseUrl}/webhook/${p}`)).text();
				if (!text.includes('The requested webhook')) break;
				await new Promise((r) => setTimeout(r, 250));
			}
		}
		const pid = n8n.child.pid;
		await call(n8n.baseUrl, 'setup');
		const rows = [];
		const row = (what, dt, pgMs, unit) => rows.push({ what, dataTable: dt, postgres: pgMs, unit });

		// Upserts with the templates' own nodes: 2,000 new orders, then the same 2,000 again.
		const newDt = await call(n8n.baseUrl, 'dt-upsert', { seed: 7, orders: 2000, batch: 'u' });
		const newPg = await call(n8n.baseUrl, 'pg-upsert', { seed: 7, orders: 2000, batch: 'u' });
		row('upsert 2,000 new orders (per order)', newDt.ms / 2000, newPg.ms / 2000, 'ms');
		const againDt = await call(n8n.baseUrl, 'dt-upsert', { seed: 7, orders: 2000, batch: 'u' });
		const againPg = await call(n8n.baseUrl, 'pg-upsert', { seed: 7, orders: 2000, batch: 'u' });
		row('upsert the same 2,000 again (per order)', againDt.ms / 2000, againPg.ms / 2000, 'ms');

		// Fill to ROWS: Data Table by bulk insert in batches of 10,000; Postgres by INSERT … SELECT.
		let filled = 2000;
		let insertMs = 0;
		for (let batch = 0; filled < ROWS; batch++) {
			const orders = Math.min(10_000, ROWS - filled);
			insertMs += (await call(n8n.baseUrl, 'dt-insert', { seed: 100 + batch, orders, batch: `b${batch}` })).ms;
			filled += orders;
		}
		const pgFill = Date.now();
		pg.sql(`INSERT INTO shop_orders SELECT 'f' || g || '-' || order_id, customer_id, platform, order_created_at, order_updated_at, status, platform_order_status, currency, amount, refunded_amount, channel, link_code, lines, synced_at
			FROM shop_orders, generate_series(1, ${Math.ceil(ROWS / 2000) - 1}) g LIMIT ${ROWS - 2000}`);
		row(`bulk insert to ${ROWS.toLocaleString('en')} rows (per order)`, insertMs / (ROWS - 2000), (Date.now() - pgFill) / (ROWS - 2000), 'ms');

		// Read everything back into n8n items (the campaign template's first step). The peak RSS is
		// reset before each read (Linux: writing 5 to /proc/PID/clear_refs resets VmHWM).
		const resetPeak = () => fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		const before = rssOf(pid);
		resetPeak();
		const readDt = await call(n8n.baseUrl, 'dt-read');
		const afterDt = rssOf(pid);
		resetPeak();
		const readPg = await call(n8n.baseUrl, 'pg-read');
		const afterPg = rssOf(pid);
		row(`read ${ROWS.toLocaleString('en')} orders into n8n`, readDt.ms / 1000, readPg.ms / 1000, 's');
		row('n8n peak RSS during the read', afterDt.peakMb, afterPg.peakMb, 'MB');

		// Size as n8n counts it against N8N_DATA_TABLES_MAX_SIZE_BYTES.
		const session = await ownerSession(n8n.baseUrl, { browserId: `bench-${Date.now()}`, password: 'Bench-owner-password-7' });
		const limits = await session.request('GET', '/data-tables-global/limits');
		const pgBytes = Number(pg.sql("SELECT pg_total_relation_size('shop_orders')").trim());
		const dtBytes = Number(limits.totalBytes ?? limits.sizeBytes ?? 0);
		row(`size of ${ROWS.toLocaleString('en')} orders`, dtBytes / 1e6, pgBytes / 1e6, 'MB');
		const maxBytes = Number(limits.quotaBytes ?? limits.maxSizeBytes ?? 50 * 1024 * 1024);
		const rowsAtCap = dtBytes > 0 ? Math.floor((maxBytes / dtBytes) * ROWS) : null;

		console.log(`Order store — n8n ${runtime.version}, ${ROWS.toLocaleString('en')} orders (Data Table vs Postgres, same run)`);
		console.log('measure                                        | n8n Data Table | Postgres (baseline)');
		for (const r of rows) console.log(`${r.what.padEnd(46)} | ${r.dataTable.toFixed(2).padStart(10)} ${r.unit.padEnd(3)} | ${r.postgres.toFixed(2).padStart(10)} ${r.unit}`);
		console.log(`Data Table cap: ${(maxBytes / 1e6).toFixed(1)} MB (N8N_DATA_TABLES_MAX_SIZE_BYTES) → about ${rowsAtCap?.toLocaleString('en') ?? '?'} orders; n8n's own answer: ${JSON.stringify(limits)}`);
		console.log(`read counts: Data Table ${JSON.stringify(readDt.json)}, Postgres ${JSON.stringify(readPg.json)}; n8n RSS before the reads ${before.rssMb} MB`);
		console.log(JSON.stringify({ rows: ROWS, n8n: runtime.version, measures: rows, dataTableCapBytes: maxBytes, rowsAtCap }));
	} finally {
		await n8n?.stop();
		pg.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
