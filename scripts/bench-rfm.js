#!/usr/bin/env node
/**
 * RFM Segment at scale: orders per second through the node as n8n runs it (n8n-core's
 * WorkflowExecute, items in, items out), beside a plain single-pass JavaScript baseline
 * doing the same job — the code a user would paste into a Code node — on the same orders.
 *
 *   node scripts/bench-rfm.js <node|baseline|baseline-engine|passthrough> <orders>
 *   node scripts/bench-rfm.js customers <rows>
 *
 * `customers` feeds the node rows of per-customer totals (Input Data: Customers With R, F, M
 * Values) instead of orders: the figures in docs/nodes/RfmSegment.md, "Scale".
 *
 * `passthrough` runs the same workflow with a node that hands its input items on unchanged in
 * place of RFM Segment: what n8n-core itself costs per item, which no node can go below.
 *
 * `baseline-engine` runs the plain loop as a node in the same workflow (its execute() is the
 * loop, on this.getInputData()): the Code-node version as n8n's engine runs it, paying the same
 * per-item copy as RFM Segment. A real Code node pays more still (its code runs in a sandbox,
 * in n8n 2.x in a task runner that gets the items serialized), so this is a lower bound for it.
 *
 * BENCH_JSON=1 gives the orders as JSON.parse does (flat strings, as from a shop API or an HTTP
 * node) instead of as the generator builds them (concatenated strings, which V8 flattens on the
 * first read of their characters); the peak then includes the JSON text.
 *
 * One measurement per process, so peak RSS (getrusage maxrss) is that measurement's own.
 * Prints one JSON line. Run through `npm run bench`, which builds first.
 */
'use strict';
const path = require('path');

const dist = path.join(__dirname, '..', 'dist', 'nodes');
const { generateOrders } = require(path.join(dist, 'lib', 'demo'));
const { defaultDemoOptions } = require(path.join(dist, 'DemoShopData', 'settings.js'));

const [mode = 'node', ordersArg = '100000'] = process.argv.slice(2);
const ORDERS = Number(ordersArg);
const END_DATE = '2026-06-30';
const REFERENCE = '2026-06-30';

function makeOrders() {
	if (process.env.BENCH_JSON) return JSON.parse(JSON.stringify(generateOrders(defaultDemoOptions({ seed: 11, customers: Math.max(1, Math.round(ORDERS / 5)), orders: ORDERS, endDate: END_DATE }))));
	return generateOrders(defaultDemoOptions({ seed: 11, customers: Math.max(1, Math.round(ORDERS / 5)), orders: ORDERS, endDate: END_DATE }));
}

/** The Code-node version: statuses, net amounts, Shanghai days, ties-share quintiles, R×F grid segments. */
function baseline(items) {
	const counted = new Set(['paid', 'shipped', 'completed', 'partially_refunded']);
	const DAY = 86400000;
	const OFFSET = 8 * 3600000; // Asia/Shanghai has no DST
	const refMs = Date.parse(`${REFERENCE}T23:59:59.999+08:00`);
	const refDay = Math.floor((refMs + OFFSET) / DAY);
	const byCustomer = new Map();
	for (const { json: o } of items) {
		if (!counted.has(o.status)) continue;
		const ms = Date.parse(o.createdAt);
		if (Number.isNaN(ms)) throw new Error('bad date');
		if (ms > refMs) continue;
		const cents = Math.round(o.amount * 100) - (o.status === 'partially_refunded' ? Math.round(o.refundedAmount * 100) : 0);
		let c = byCustomer.get(o.customerId);
		if (!c) byCustomer.set(o.customerId, (c = { id: o.customerId, f: 0, cents: 0, last: ms }));
		c.f++;
		c.cents += cents;
		if (ms > c.last) c.last = ms;
	}
	const customers = [...byCustomer.values()];
	const n = customers.length;
	const recency = customers.map((c) => refDay - Math.floor((c.last + OFFSET) / DAY));
	const score = (values, smallerIsBetter) => {
		const sorted = Float64Array.from(values).sort();
		return values.map((v) => {
			let lo = 0, hi = n;
			if (smallerIsBetter) { while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] <= v) lo = mid + 1; else hi = mid; } return Math.min(5, 1 + Math.floor((5 * (n - lo)) / n)); }
			while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] < v) lo = mid + 1; else hi = mid; }
			return Math.min(5, 1 + Math.floor((5 * lo) / n));
		});
	};
	const r = score(recency, true);
	const f = score(customers.map((c) => c.f), false);
	const m = score(customers.map((c) => c.cents), false);
	return customers.map((c, i) => {
		const segment = rfGridSegment(r[i], f[i]);
		return { json: { customerId: c.id, recencyDays: recency[i], frequency: c.f, monetary: c.cents / 100, r: r[i], f: f[i], m: m[i], rfmCode: `${r[i]}${f[i]}${m[i]}`, segment, segmentLabel: RF_GRID_LABELS[segment] } };
	});
}

/** The R×F grid as a user would type it from the published map (shared/docs/domain.md §2). */
function rfGridSegment(r, f) {
	if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
	if (r === 3) return f <= 2 ? 'about_to_sleep' : f === 3 ? 'need_attention' : 'loyal_customers';
	if (r === 4) return f === 1 ? 'promising' : f <= 3 ? 'potential_loyalists' : 'loyal_customers';
	return f === 1 ? 'new_customers' : f <= 3 ? 'potential_loyalists' : 'champions';
}
const RF_GRID_LABELS = {
	hibernating: 'Hibernating', at_risk: 'At Risk', cant_lose: "Can't Lose Them", about_to_sleep: 'About to Sleep', need_attention: 'Need Attention',
	loyal_customers: 'Loyal Customers', promising: 'Promising', new_customers: 'New Customers', potential_loyalists: 'Potential Loyalists', champions: 'Champions',
};

/** Customers per segment, for checking that the node and the baseline agree. */
function segmentCounts(items) {
	const counts = {};
	for (const { json } of items) counts[json.segment] = (counts[json.segment] ?? 0) + 1;
	return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Rows of customer totals, as a shop's export gives them: distinct ids, seeded (mulberry32). */
function makeCustomerRows(rows) {
	let state = 14;
	const random = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return Array.from({ length: rows }, (_, i) => ({
		customerId: `C${String(i).padStart(7, '0')}`,
		recencyDays: Math.floor(random() * 730),
		frequency: 1 + Math.floor(random() * 20),
		monetary: Math.round(random() * 500000) / 100,
	}));
}

/** The RFM node's own execution time as n8n records it (excludes the engine's work around it). */
let nodeExecutionMs = null;

async function throughNode(items, parameters = { referenceMode: 'endOfDay', referenceDate: REFERENCE }, stand = undefined) {
	const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
	const { Workflow, NodeConnectionTypes } = require('n8n-workflow');
	const { RfmSegment } = require(path.join(dist, 'RfmSegment', 'RfmSegment.node.js'));
	const source = {
		description: { name: 'source', displayName: 'Source', group: ['input'], version: 1, description: '', defaults: {}, inputs: [], outputs: [NodeConnectionTypes.Main], properties: [] },
		async execute() { return [items]; },
	};
	// In place of RFM Segment: a node handing its items on (passthrough) or running the plain loop.
	const rfm = stand
		? {
				description: { ...new RfmSegment().description, outputs: [NodeConnectionTypes.Main] },
				async execute() { return [stand === 'passthrough' ? this.getInputData() : baseline(this.getInputData())]; },
			}
		: new RfmSegment();
	const types = { 'bench.source': source, 'n8n-nodes-commerce-ops.rfmSegment': rfm };
	const nodeTypes = { getByName: (t) => types[t], getByNameAndVersion: (t) => types[t], getKnownTypes: () => ({}) };
	const nodes = [
		{ id: '1', name: 'Orders', type: 'bench.source', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: '2', name: 'RFM Segment', type: 'n8n-nodes-commerce-ops.rfmSegment', typeVersion: 1, position: [200, 0], parameters },
	];
	const connections = { Orders: { main: [[{ node: 'RFM Segment', type: 'main', index: 0 }]] } };
	const workflow = new Workflow({ id: 'bench', nodes, connections, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', 'bench', { nodes, connections });
	const run = await new WorkflowExecute({ hooks, executionId: 'bench' }, 'manual').run({ workflow, startNode: workflow.getNode('Orders') });
	const task = run.data.resultData.runData['RFM Segment'][0];
	if (task.error) throw task.error;
	nodeExecutionMs = task.executionTime;
	return task.data.main[0];
}

async function main() {
	const items = (mode === 'customers' ? makeCustomerRows(ORDERS) : makeOrders()).map((json) => ({ json }));
	if (global.gc) global.gc();
	const start = process.hrtime.bigint();
	const out =
		mode === 'baseline'
			? baseline(items)
			: mode === 'customers'
				? await throughNode(items, { inputKind: 'customers' })
				: await throughNode(items, undefined, mode === 'passthrough' || mode === 'baseline-engine' ? mode : undefined);
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	console.log(
		JSON.stringify({
			mode,
			[mode === 'customers' ? 'rows' : 'orders']: ORDERS,
			[mode === 'passthrough' ? 'items' : 'customers']: out.length,
			segments: mode === 'passthrough' ? undefined : segmentCounts(out),
			seconds: Number(seconds.toFixed(3)),
			ordersPerSecond: Math.round(ORDERS / seconds),
			peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
			nodeExecutionMs,
		}),
	);
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
