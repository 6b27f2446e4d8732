#!/usr/bin/env node
/**
 * Visitor Value, Coupon Tier and RFM Segment with Predict Lifetime Value at scale: each node as
 * n8n runs it (n8n-core's WorkflowExecute, items in, items out) beside a plain-loop baseline —
 * the Code-node version of the same job on the same items — one measurement per process, so
 * each peak RSS (getrusage maxrss) is its own. Prints one JSON line.
 *
 *   node --expose-gc scripts/bench-nodes.js visitorValue <node|baseline> <orders>
 *   node --expose-gc scripts/bench-nodes.js couponTier <node|baseline> <customers>
 *   node --expose-gc scripts/bench-nodes.js rfmClv <node|rfm> <orders> [--cpu-share]
 *
 * rfmClv: `node` is RFM Segment with Predict Lifetime Value on, `rfm` the same node without it,
 * so their difference is what the lifetime value costs. `--cpu-share` also samples the run with
 * node:inspector's profiler and reports the share of CPU time spent in the node's lifetime-value
 * step (the fits and the predictions) and in garbage collection — the issue asks that the CLV
 * fit not dominate.
 *
 * The table of every node at 10k / 100k / 1M items (with RFM Segment from scripts/bench-rfm.js
 * and Reorder Alert from scripts/bench-reorder.js) is `node scripts/bench-scale.js`.
 * Run through `npm run bench`, which builds first.
 */
'use strict';
const path = require('path');

const dist = path.join(__dirname, '..', 'dist', 'nodes');
const { generateOrders, generateTraffic } = require(path.join(dist, 'lib', 'demo'));
const { defaultDemoOptions } = require(path.join(dist, 'DemoShopData', 'settings.js'));
// Loaded before the clock starts: the figures are the run, not module loading.
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { Workflow, NodeConnectionTypes } = require('n8n-workflow');
const { VisitorValue } = require(path.join(dist, 'VisitorValue', 'VisitorValue.node.js'));
const { CouponTier } = require(path.join(dist, 'CouponTier', 'CouponTier.node.js'));
const { RfmSegment } = require(path.join(dist, 'RfmSegment', 'RfmSegment.node.js'));

const [job, mode, sizeArg] = process.argv.slice(2);
const SIZE = Number(sizeArg);
const CPU_SHARE = process.argv.includes('--cpu-share');
const END_DATE = '2026-06-30';
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';

function demoShop(orders) {
	return defaultDemoOptions({ seed: 11, customers: Math.max(1, Math.round(orders / 5)), orders, endDate: END_DATE });
}

/** Runs one pack node through WorkflowExecute on the given inputs; returns its task data. */
async function throughNode(NodeClass, parameters, inputs, credentials) {
	const stub = (name, group, ins, items) => ({
		description: { name, displayName: name, group: [group], version: 1, description: '', defaults: {}, inputs: ins, outputs: [NodeConnectionTypes.Main], properties: [] },
		async execute() {
			return [items];
		},
	});
	const packNode = new NodeClass();
	const types = { 'bench.start': stub('start', 'trigger', [], [{ json: {} }]), 'bench.pack': packNode };
	const node = (id, name, type, params = {}) => ({ id, name, type, typeVersion: 1, position: [0, 0], parameters: params });
	const nodes = [node('0', 'Start', 'bench.start')];
	const connections = { Start: { main: [[]] } };
	inputs.forEach((items, index) => {
		types[`bench.input${index}`] = stub(`input${index}`, 'input', [NodeConnectionTypes.Main], items);
		nodes.push(node(`i${index}`, `Input ${index}`, `bench.input${index}`));
		connections.Start.main[0].push({ node: `Input ${index}`, type: 'main', index: 0 });
		connections[`Input ${index}`] = { main: [[{ node: 'Node', type: 'main', index }]] };
	});
	const packEntry = node('n', 'Node', 'bench.pack', parameters);
	if (credentials) packEntry.credentials = Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: '1', name: type }]));
	nodes.push(packEntry);
	const nodeTypes = { getByName: (t) => types[t], getByNameAndVersion: (t) => types[t], getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: 'bench', nodes, connections, active: false, nodeTypes, settings: { executionOrder: 'v1' }, staticData: {} });
	const hooks = new ExecutionLifecycleHooks('manual', 'bench', { nodes, connections });
	const credentialsHelper = {
		getParentTypes: () => [],
		getCredentialsProperties: () => [],
		async getDecrypted(_additionalData, _nodeCredentials, type) {
			return { ...credentials[type] };
		},
	};
	const run = await new WorkflowExecute({ hooks, executionId: 'bench', credentialsHelper }, 'manual').run({ workflow, startNode: workflow.getNode('Start') });
	const task = run.data.resultData.runData.Node?.[0];
	if (!task) throw run.data.resultData.error ?? new Error('the node did not run');
	if (task.error) throw task.error;
	return task;
}

// ---------------------------------------------------------------------------------------------
// Visitor Value

function visitorValueInputs(orders) {
	const shop = demoShop(orders);
	return [generateOrders(shop).map((json) => ({ json })), generateTraffic(shop).map((json) => ({ json }))];
}

/**
 * The Code-node version: per channel over all days to END_DATE (Shanghai), counted statuses,
 * net of partial refunds, buyers and buyers with 2+ orders in the channel, visitors; visitor
 * value = AOV × conversion × repurchase (docs/nodes/VisitorValue.md).
 */
function visitorValueBaseline([orderItems, trafficItems]) {
	const counted = new Set(['paid', 'shipped', 'completed', 'partially_refunded']);
	const endMs = Date.parse(`${END_DATE}T23:59:59.999+08:00`);
	const groups = new Map();
	const group = (key) => {
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { orders: 0, cents: 0, buyers: new Map(), visitors: 0 }));
		return g;
	};
	for (const { json: o } of orderItems) {
		if (!counted.has(o.status)) continue;
		const ms = Date.parse(o.createdAt);
		if (Number.isNaN(ms)) throw new Error('bad date');
		if (ms > endMs) continue;
		const g = group(o.channel ?? '(none)');
		g.orders++;
		g.cents += Math.round(o.amount * 100) - (o.status === 'partially_refunded' ? Math.round(o.refundedAmount * 100) : 0);
		g.buyers.set(o.customerId, (g.buyers.get(o.customerId) ?? 0) + 1);
	}
	for (const { json: t } of trafficItems) if (t.date <= END_DATE) group(t.channel ?? '(none)').visitors += t.visitors;
	const out = [];
	for (const [key, g] of groups) {
		let repeat = 0;
		for (const n of g.buyers.values()) if (n >= 2) repeat++;
		const revenue = g.cents / 100;
		const aov = g.orders ? revenue / g.orders : 0;
		const conversion = g.visitors ? g.orders / g.visitors : 0;
		const repurchase = g.buyers.size ? repeat / g.buyers.size : 0;
		out.push({ group: key, orders: g.orders, visitors: g.visitors, visitorValue: aov * conversion * repurchase });
	}
	return out;
}

async function visitorValueNode(inputs) {
	const task = await throughNode(VisitorValue, { windowDays: 0, endDate: END_DATE, outputMode: 'both' }, inputs);
	return {
		task,
		out: task.data.main[0].map(({ json }) => ({ group: json.group, orders: json.orders, visitors: json.visitors, visitorValue: json.exact?.visitorValue ?? json.visitorValue })),
	};
}

// ---------------------------------------------------------------------------------------------
// Coupon Tier

/** Customer rows as RFM Segment's Customers output carries them: segment, monetary, predicted CLV. */
function couponTierInputs(customers) {
	let state = 21; // mulberry32, seeded
	const random = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const segments = ['champions', 'loyal_customers', 'potential_loyalists', 'new_customers', 'promising', 'need_attention', 'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating'];
	return [
		Array.from({ length: customers }, (_, i) => ({
			json: {
				customerId: `C${String(i).padStart(7, '0')}`,
				segment: segments[Math.floor(random() * segments.length)],
				monetary: Math.round(random() * 500000) / 100,
				predictedClv: Math.round(random() * 300000) / 100,
			},
		})),
	];
}

/**
 * The Code-node version of the node's default tiers and rules (docs/nodes/CouponTier.md):
 * first matching rule wins (champions or top 5 % by predicted CLV → VIP; loyal and potential
 * loyalists → Active; lost and hibernating → Lost; the rest → Ordinary), then one HMAC-SHA256
 * code per couponed customer and month, as the node derives them (nodes/lib/coupons/codes.ts).
 */
function couponTierBaseline([items]) {
	const { createHmac } = require('node:crypto');
	const values = items.map(({ json }) => json.predictedClv).sort((a, b) => b - a);
	// Top 5 %: at least the value of the ⌈5 % · n⌉-th largest.
	const top5 = values[Math.max(0, Math.ceil(values.length * 0.05) - 1)];
	const tierOf = (c) => {
		if (c.segment === 'champions' || c.predictedClv >= top5) return 'vip';
		if (c.segment === 'loyal_customers' || c.segment === 'potential_loyalists') return 'active';
		if (c.segment === 'lost' || c.segment === 'hibernating') return 'lost';
		return 'ordinary';
	};
	const counts = {};
	const out = [];
	for (const { json: c } of items) {
		const tier = tierOf(c);
		counts[tier] = (counts[tier] ?? 0) + 1;
		if (tier === 'lost') continue;
		const code = createHmac('sha256', SECRET).update(`member-coupons|2026-06|${c.customerId}`).digest('hex').slice(0, 10).toUpperCase();
		out.push({ customerId: c.customerId, tier, couponCode: `CO-${code}` });
	}
	return { counts, coupons: out.length };
}

async function couponTierNode(inputs) {
	const task = await throughNode(CouponTier, { campaignDate: END_DATE, campaignBudget: 0 }, inputs, { couponCodeSecretApi: { secret: SECRET } });
	const counts = {};
	const summary = task.data.main[4] ?? [];
	for (const { json } of summary) if (json.tier) counts[json.tier] = json.customers;
	return { task, out: { counts, coupons: task.data.main[0].length } };
}

// ---------------------------------------------------------------------------------------------
// RFM Segment with Predict Lifetime Value

async function rfmClvNode(items, clv) {
	const task = await throughNode(RfmSegment, { referenceMode: 'endOfDay', referenceDate: END_DATE, predictLifetimeValue: clv }, [items]);
	return { task, out: task.data.main[0].length };
}

/**
 * Share of the sampled CPU time (idle excluded) spent inside RFM Segment's lifetime-value step
 * — everything called from its predictLifetimeValue (the BG/NBD and Gamma-Gamma fits, the
 * predictions) — and in garbage collection, which V8 samples apart from any caller.
 */
async function withCpuShare(run) {
	const inspector = require('node:inspector');
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 1000 });
	await post('Profiler.start');
	const result = await run();
	const { profile } = await post('Profiler.stop');
	const self = new Map();
	for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const subtree = (id) => {
		const node = byId.get(id);
		return (self.get(id) ?? 0) + (node.children ?? []).reduce((sum, child) => sum + subtree(child), 0);
	};
	let total = 0;
	let gc = 0;
	for (const node of profile.nodes) {
		const us = self.get(node.id) ?? 0;
		if (node.callFrame.functionName === '(idle)') continue;
		total += us;
		if (node.callFrame.functionName === '(garbage collector)') gc += us;
	}
	// The outermost lifetime-value frames (the node's predictLifetimeValue), each counted once.
	const isClvStep = (node) => node.callFrame.functionName === 'predictLifetimeValue' && /RfmSegment/.test(node.callFrame.url);
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	let clv = 0;
	for (const node of profile.nodes) {
		if (!isClvStep(node)) continue;
		let outer = true;
		for (let id = parentOf.get(node.id); id !== undefined; id = parentOf.get(id)) if (isClvStep(byId.get(id))) outer = false;
		if (outer) clv += subtree(node.id);
	}
	return { ...result, cpuShare: { clv: Number((clv / total).toFixed(3)), gc: Number((gc / total).toFixed(3)), sampledSeconds: Number((total / 1e6).toFixed(2)) } };
}

async function main() {
	let inputs;
	let run;
	if (job === 'visitorValue') {
		inputs = visitorValueInputs(SIZE);
		run = mode === 'baseline' ? async () => ({ out: visitorValueBaseline(inputs) }) : () => visitorValueNode(inputs);
	} else if (job === 'couponTier') {
		inputs = couponTierInputs(SIZE);
		run = mode === 'baseline' ? async () => ({ out: couponTierBaseline(inputs) }) : () => couponTierNode(inputs);
	} else if (job === 'rfmClv') {
		const items = generateOrders(demoShop(SIZE)).map((json) => ({ json }));
		run = () => rfmClvNode(items, mode !== 'rfm');
	} else {
		throw new Error(`unknown job "${job}": visitorValue, couponTier or rfmClv`);
	}
	if (global.gc) global.gc();
	const start = process.hrtime.bigint();
	const result = CPU_SHARE ? await withCpuShare(run) : await run();
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	console.log(
		JSON.stringify({
			job,
			mode,
			items: SIZE,
			seconds: Number(seconds.toFixed(3)),
			peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
			nodeExecutionMs: result.task?.executionTime ?? null,
			result: result.out,
			cpuShare: result.cpuShare,
		}),
	);
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
