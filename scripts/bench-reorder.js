#!/usr/bin/env node
/**
 * Reorder Alert scale check: 50,000 sku-warehouse positions × 90 days of daily sales in
 * one evaluation, timed beside a plain single-loop JavaScript baseline that computes only
 * d, σd, SS and ROP (in-stock days of the 28-day window, z fixed) on the same rows.
 *
 * Then the same rows through the Reorder Alert node as n8n runs it (n8n-core's
 * WorkflowExecute: 50,000 inventory items on input 1, 4.5 million daily-sales items on input 2,
 * field reading and validation, evaluation, only-new-alerts state, items out), in a child
 * process so that its peak RSS is its own.
 *
 *   npx tsc -p tsconfig.json && node --expose-gc scripts/bench-reorder.js [positions] [days]
 *   node --expose-gc scripts/bench-reorder.js --node [positions] [days]   (node path only, one JSON line)
 *   node --expose-gc scripts/bench-reorder.js --baseline [positions] [days]
 *       (the plain loop on the same items as the node path, in its own process: one JSON line)
 *   node --expose-gc scripts/bench-reorder.js --items-only [positions] [days]
 *       (only builds the node path's input items: what they alone take)
 *   node --expose-gc scripts/bench-reorder.js --passthrough [positions] [days]
 *       (the node path with a node that outputs its Inventory items unchanged in place of
 *       Reorder Alert: what n8n-core itself costs on these items, which no node can go below)
 *   node --expose-gc scripts/bench-reorder.js --node --per-position [positions] [days]
 *       (the same sales as one Daily Sales item per position, its days as a list in `days`:
 *       the shape of an SQL json_agg; add --passthrough for n8n-core alone)
 *
 * Requires the compiled pack in dist/. Prints wall times (best of three runs after a warm-up
 * for the library; one run for the node), the resident memory the input itself takes, and
 * peak RSS.
 */
'use strict';
const childProcess = require('child_process');
const path = require('path');

const dist = path.join(__dirname, '..', 'dist', 'nodes');
const inventory = require(path.join(dist, 'lib', 'inventory'));
// The node's defaults (its description): the library has none of its own.
const { defaultReorderSettings } = require(path.join(dist, 'ReorderAlert', 'settings.js'));

const NODE_MODE = process.argv.includes('--node');
const BASELINE_MODE = process.argv.includes('--baseline');
const ITEMS_ONLY_MODE = process.argv.includes('--items-only');
const PASSTHROUGH_MODE = process.argv.includes('--passthrough');
const PER_POSITION = process.argv.includes('--per-position');
const ARGS = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const POSITIONS = Number(ARGS[0] ?? 50_000);
const DAYS = Number(ARGS[1] ?? 90);
const WAREHOUSES = 10;
const AS_OF = '2026-03-01';
const LOOKBACK = 28;
const MB = 1024 * 1024;

function gc() {
	if (typeof global.gc === 'function') global.gc();
}
function rssMb() {
	return process.memoryUsage().rss / MB;
}

/** Deterministic xorshift32, so every run times the same data. */
function random(seed) {
	let x = seed >>> 0 || 1;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 4294967296;
	};
}

/**
 * The positions and their sales: one row per position and day, or with `lists` one record per
 * position with its days as a list (`days`: the shape of an SQL json_agg),
 * the same data from the same random sequence.
 */
function generate(lists = false) {
	const rand = random(20260301);
	const end = Date.UTC(2026, 2, 1);
	const dates = Array.from({ length: DAYS }, (_, i) =>
		new Date(end - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
	);
	const positions = new Array(POSITIONS);
	const sales = new Array(lists ? POSITIONS : POSITIONS * DAYS);
	let r = 0;
	for (let p = 0; p < POSITIONS; p++) {
		const sku = `SKU-${String(Math.floor(p / WAREHOUSES)).padStart(6, '0')}`;
		const warehouse = `WH-${p % WAREHOUSES}`;
		const rate = 0.5 + rand() * 40;
		positions[p] = {
			sku,
			warehouse,
			onHand: Math.floor(rand() * rate * 20),
			onOrder: rand() < 0.3 ? Math.floor(rate * 7) : 0,
			reserved: Math.floor(rand() * 3),
			leadTimeDays: 2 + Math.floor(rand() * 12),
			leadTimeStdDays: rand() < 0.5 ? 0 : 1 + rand() * 2,
			moq: rand() < 0.5 ? 0 : 50,
			packSize: [1, 6, 12, 24][Math.floor(rand() * 4)],
			unitCost: Math.round(rand() * 10000) / 100,
		};
		const days = lists ? new Array(DAYS) : null;
		for (let d = 0; d < DAYS; d++) {
			const inStock = rand() > 0.05;
			const units = Math.max(0, Math.round(rate + (rand() - 0.5) * rate));
			if (days) days[d] = { date: dates[d], units: inStock ? units : units >> 1, inStock };
			else sales[r++] = { date: dates[d], sku, warehouse, units: inStock ? units : units >> 1, inStock };
		}
		if (days) sales[p] = { sku, warehouse, days };
	}
	return { positions, sales };
}

/** Plain JavaScript: group rows by sku + warehouse, then one loop per position for d/σd/SS/ROP. */
function baseline(positions, sales, z) {
	const firstDate = new Date(Date.UTC(2026, 2, 1) - (LOOKBACK - 1) * 86_400_000).toISOString().slice(0, 10);
	const groups = new Map();
	for (let i = 0; i < sales.length; i++) {
		const row = sales[i];
		const key = row.sku + '\u001f' + row.warehouse;
		const list = groups.get(key);
		if (list) list.push(row);
		else groups.set(key, [row]);
	}
	const out = new Array(positions.length);
	for (let p = 0; p < positions.length; p++) {
		const pos = positions[p];
		const rows = groups.get(pos.sku + '\u001f' + pos.warehouse) || [];
		let n = 0;
		let sum = 0;
		let sumSq = 0;
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			// ISO dates compare as strings; one row per day in this data set.
			if (row.inStock && row.date >= firstDate && row.date <= AS_OF) {
				n++;
				sum += row.units;
				sumSq += row.units * row.units;
			}
		}
		const d = n ? sum / n : 0;
		const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * d * d) / (n - 1))) : 0;
		const ss = z * Math.sqrt(pos.leadTimeDays * sd * sd + d * d * pos.leadTimeStdDays * pos.leadTimeStdDays);
		const rop = d * pos.leadTimeDays + ss;
		out[p] = { d, sd, ss, rop, reorder: pos.onHand + pos.onOrder - pos.reserved <= rop };
	}
	return out;
}

function time(label, fn, runs = 3) {
	fn(); // warm-up
	let best = Infinity;
	let result;
	for (let i = 0; i < runs; i++) {
		gc();
		const start = process.hrtime.bigint();
		result = fn();
		best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
	}
	console.log(`${label.padEnd(58)} ${best.toFixed(0).padStart(7)} ms`);
	return { best, result };
}

function main() {
	gc();
	const rssBefore = rssMb();
	const { positions, sales } = generate();
	gc();
	const rssData = rssMb();
	console.log(
		`${POSITIONS.toLocaleString('en')} positions × ${DAYS} days = ${sales.length.toLocaleString('en')} sales rows; ` +
			`input holds ~${(rssData - rssBefore).toFixed(0)} MB RSS (Node ${process.version})`,
	);

	const z = inventory.serviceLevelToZ(0.95);
	const options = defaultReorderSettings({ asOf: AS_OF, lookbackDays: LOOKBACK, serviceLevel: 0.95 });

	const base = time('baseline: plain JS loop, d/σd/SS/ROP only (incl. grouping)', () => baseline(positions, sales, z));
	const lib = time('library: evaluateReorder, mean demand (incl. grouping)', () =>
		inventory.evaluateReorder(positions, sales, options),
	);
	const grouped = inventory.groupSalesByPosition(sales);
	const evaluate = inventory.createReorderEvaluator(options);
	const noRows = [];
	time('library: evaluate only, sales grouped beforehand', () =>
		positions.map((p) => evaluate(p, grouped.get(p.sku)?.get(p.warehouse) ?? noRows)),
	);
	time('library: evaluateReorder, Holt-Winters over 56 days', () =>
		inventory.evaluateReorder(positions, sales, { ...options, demandMethod: 'holtWinters' }),
	);
	time('library: evaluateNetworkReorder (10 warehouses per SKU)', () =>
		inventory.evaluateNetworkReorder(positions, sales, options),
	);

	// The two must agree where they overlap.
	let worst = 0;
	for (let i = 0; i < positions.length; i++) {
		worst = Math.max(worst, Math.abs(lib.result[i].reorderPoint - base.result[i].rop) / Math.max(1, base.result[i].rop));
	}
	const statuses = {};
	for (const r of lib.result) statuses[r.status] = (statuses[r.status] || 0) + 1;
	console.log(`largest relative ROP difference library vs baseline: ${worst.toExponential(2)}`);
	console.log(`statuses: ${JSON.stringify(statuses)}`);
	console.log(`ratio library / baseline (mean demand, incl. grouping): ${(lib.best / base.best).toFixed(2)}×`);
	const peakRss = process.resourceUsage().maxRSS / 1024;
	console.log(`peak RSS ${peakRss.toFixed(0)} MB (input data ~${(rssData - rssBefore).toFixed(0)} MB of it)`);

	const nodeRun = (...flags) => {
		const child = childProcess.spawnSync(process.execPath, ['--expose-gc', __filename, ...flags, String(POSITIONS), String(DAYS)], {
			encoding: 'utf8',
			maxBuffer: 1 << 20,
		});
		if (child.status !== 0) throw new Error(`the node path (${flags.join(' ')}) failed:\n${child.stderr}`);
		return JSON.parse(child.stdout.trim().split('\n').pop());
	};
	// The node must report what the library computed: Needs Action = reorder + urgent.
	const alerts = (statuses.reorder || 0) + (statuses.urgent || 0);
	const agree = (viaNode, shape) => {
		if (viaNode.needsAction !== alerts || viaNode.needsAction + viaNode.ok !== positions.length) {
			throw new Error(`node (${shape}) and library disagree: ${viaNode.needsAction} + ${viaNode.ok} items vs ${alerts} alerts of ${positions.length}`);
		}
	};
	const report = (label, viaNode, passthrough) => {
		console.log(
			`${label.padEnd(58)} ${String(viaNode.ms).padStart(7)} ms` +
				` (node ${viaNode.nodeMs} ms; ${(POSITIONS * DAYS / (viaNode.nodeMs / 1000)).toExponential(2)} sales rows/s)`,
		);
		console.log(
			`  peak RSS ${viaNode.peakRssMb} MB in its own process (its input items ~${viaNode.inputMb} MB of it; ` +
				`n8n-core alone with a pass-through node in its place: ${passthrough.peakRssMb} MB); ratio node / library ${(viaNode.nodeMs / lib.best).toFixed(1)}×`,
		);
	};

	const rows = nodeRun('--node');
	agree(rows, 'one item per day');
	const rowsEngine = nodeRun('--passthrough');
	report('node: Reorder Alert via n8n-core, one item per day', rows, rowsEngine);
	const lists = nodeRun('--node', '--per-position');
	agree(lists, 'one item per position');
	const listsEngine = nodeRun('--passthrough', '--per-position');
	report('node: Reorder Alert via n8n-core, one item per position', lists, listsEngine);
	// Read by scripts/bench.js (issue 11's target is on the per-position shape).
	console.log(
		JSON.stringify({
			perPosition: { peakRssMb: lists.peakRssMb, ms: lists.ms, passthroughPeakRssMb: listsEngine.peakRssMb },
			perDay: { peakRssMb: rows.peakRssMb, ms: rows.ms, passthroughPeakRssMb: rowsEngine.peakRssMb },
		}),
	);
}

/** The generated positions and sales as n8n items, and what they add to RSS (after a GC each side). */
function inputItems() {
	gc();
	const rssBefore = rssMb();
	const { positions, sales } = generate(PER_POSITION);
	const inventoryItems = positions.map((json) => ({ json, pairedItem: { item: 0 } }));
	const salesItems = sales.map((json) => ({ json, pairedItem: { item: 0 } }));
	gc();
	return { positions, sales, inventoryItems, salesItems, inputMb: Math.round(rssMb() - rssBefore) };
}

/** The node path: one workflow, Start → (inventory items, sales items) → Reorder Alert. */
async function nodeMain() {
	const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
	const { Workflow, NodeConnectionTypes } = require('n8n-workflow');
	const { ReorderAlert } = require(path.join(dist, 'ReorderAlert', 'ReorderAlert.node.js'));
	const { positions, sales, inventoryItems, salesItems, inputMb } = inputItems();

	const stub = (name, group, inputs, items) => ({
		description: { name, displayName: name, group: [group], version: 1, description: '', defaults: {}, inputs, outputs: [NodeConnectionTypes.Main], properties: [] },
		async execute() {
			return [items];
		},
	});
	const types = {
		'bench.start': stub('start', 'trigger', [], [{ json: {} }]),
		'bench.inventory': stub('inventory', 'input', [NodeConnectionTypes.Main], inventoryItems),
		'bench.sales': stub('sales', 'input', [NodeConnectionTypes.Main], salesItems),
		'n8n-nodes-commerce-ops.reorderAlert': PASSTHROUGH_MODE
			? {
					description: new ReorderAlert().description,
					// Its Inventory items on Needs Action, nothing on OK: n8n-core's own work.
					async execute() {
						return [this.getInputData(0), []];
					},
				}
			: new ReorderAlert(),
	};
	const nodeTypes = { getByName: (t) => types[t], getByNameAndVersion: (t) => types[t], getKnownTypes: () => ({}) };
	const node = (id, name, type, parameters = {}) => ({ id, name, type, typeVersion: 1, position: [0, 0], parameters });
	const nodes = [
		node('1', 'Start', 'bench.start'),
		node('2', 'Inventory', 'bench.inventory'),
		node('3', 'Daily Sales', 'bench.sales'),
		node('4', 'Reorder Alert', 'n8n-nodes-commerce-ops.reorderAlert', {
			asOfMode: 'date',
			asOfDate: AS_OF,
			lookbackDays: LOOKBACK,
			serviceLevel: 95,
		}),
	];
	const to = (name, index = 0) => ({ node: name, type: 'main', index });
	const connections = {
		Start: { main: [[to('Inventory'), to('Daily Sales')]] },
		Inventory: { main: [[to('Reorder Alert', 0)]] },
		'Daily Sales': { main: [[to('Reorder Alert', 1)]] },
	};
	const workflow = new Workflow({ id: 'bench', nodes, connections, active: false, nodeTypes, settings: { executionOrder: 'v1' }, staticData: {} });
	const hooks = new ExecutionLifecycleHooks('manual', 'bench', { nodes, connections });
	const start = process.hrtime.bigint();
	const run = await new WorkflowExecute({ hooks, executionId: 'bench' }, 'manual').run({ workflow, startNode: workflow.getNode('Start') });
	const ms = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
	const task = run.data.resultData.runData['Reorder Alert'][0];
	if (task.error) throw task.error;
	console.log(
		JSON.stringify({
			shape: PER_POSITION ? 'perPosition' : 'rows',
			passthrough: PASSTHROUGH_MODE,
			ms,
			nodeMs: task.executionTime,
			needsAction: task.data.main[0].length,
			ok: task.data.main[1].length,
			inputMb,
			peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		}),
	);
	process.exit(0);
}

/**
 * The node path's input items, and the plain loop on them (the Code-node version, as
 * baseline() above), or nothing more (--items-only): one JSON line with its own peak RSS.
 */
function itemsMain() {
	const { positions, sales, inventoryItems, salesItems, inputMb } = inputItems();
	let ms = null;
	let alerts = null;
	if (BASELINE_MODE) {
		const start = process.hrtime.bigint();
		const out = baseline(
			inventoryItems.map((item) => item.json),
			salesItems.map((item) => item.json),
			inventory.serviceLevelToZ(0.95),
		);
		ms = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
		alerts = out.filter((r) => r.reorder).length;
	}
	console.log(JSON.stringify({ ms, alerts, inputMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

if (BASELINE_MODE || ITEMS_ONLY_MODE) {
	itemsMain();
} else if (NODE_MODE || PASSTHROUGH_MODE) {
	nodeMain().catch((error) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main();
}
