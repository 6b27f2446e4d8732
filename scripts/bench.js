#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark of the pack, each beside its baseline in the same run.
 *
 * - RFM Segment, 100k and 1M orders: the node through n8n-core's WorkflowExecute vs a plain
 *   single-pass JavaScript baseline (the Code-node version), one process per measurement so
 *   each peak RSS is its own (scripts/bench-rfm.js).
 * - Reorder maths, 50k sku-warehouse positions × 90 days, and Reorder Alert through n8n-core with
 *   the daily sales as one item per day and as one item per position (scripts/bench-reorder.js).
 * - Lifetime value fit, 100k customers (scripts/bench-clv.js).
 * - The order store: n8n Data Table vs Postgres in a real n8n (scripts/bench-order-store.js).
 * - Visitor Value (1M orders), Coupon Tier (100k customers) and RFM Segment with Predict Lifetime
 *   Value (100k orders: the share of CPU time in its lifetime-value step) against plain-loop baselines
 *   (scripts/bench-nodes.js); the full 10k/100k/1M table is scripts/bench-scale.js (README "Scale", docs/scale.md).
 * - With BENCH_N8N_CAMPAIGN=1: the campaign template on 1M demo orders in a real n8n by CLI
 *   (scripts/bench-n8n-campaign.js; minutes and ~5 GB).
 *
 * Figures depend on the machine and its load; nothing here asserts a time.
 */
'use strict';
const { execFileSync } = require('child_process');
const os = require('os');
const path = require('path');

const node = process.execPath;
const script = (name) => path.join(__dirname, name);

function rfm(mode, orders) {
	const out = execFileSync(node, ['--expose-gc', script('bench-rfm.js'), mode, String(orders)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 1 << 20,
	});
	return JSON.parse(out.trim().split('\n').pop());
}

/** The figures the issues set, checked at the end (a miss makes the bench exit non-zero). */
const targets = [];

{
	// Demo Shop Data: 10,000 customers / 100,000 orders (issue: "well under 2 s").
	const { generateCustomers, generateOrders } = require(path.join(__dirname, '..', 'dist', 'nodes', 'lib', 'demo'));
	const { defaultDemoOptions } = require(path.join(__dirname, '..', 'dist', 'nodes', 'DemoShopData', 'settings.js'));
	const shop = defaultDemoOptions({ customers: 10_000, orders: 100_000, endDate: '2026-06-30' });
	const start = process.hrtime.bigint();
	const customers = generateCustomers(shop).length;
	const orders = generateOrders(shop).length;
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	console.log(`Demo Shop Data — ${customers.toLocaleString('en')} customers + ${orders.toLocaleString('en')} orders generated in ${seconds.toFixed(2)} s\n`);
	targets.push({ what: 'Demo Shop Data, 10k customers + 100k orders', limit: '< 2 s', value: `${seconds.toFixed(2)} s`, ok: seconds < 2 });
}

console.log('RFM Segment — orders per second (same demo orders for both)');
console.log('orders     | node via WorkflowExecute          | plain JS baseline                 | node / baseline time');
/**
 * The run of median time among `rounds` runs of each mode, the modes alternating (node, baseline,
 * node, …): on this shared 2-core machine one run of the same baseline took 1.3 s or 2.4 s.
 */
function medianRuns(modes, orders, rounds) {
	const runs = Object.fromEntries(modes.map((mode) => [mode, []]));
	for (let r = 0; r < rounds; r++) for (const mode of modes) runs[mode].push(rfm(mode, orders));
	return Object.fromEntries(
		modes.map((mode) => {
			const sorted = [...runs[mode]].sort((a, b) => a.seconds - b.seconds);
			return [mode, { ...sorted[Math.floor(sorted.length / 2)], all: runs[mode].map((run) => run.seconds) }];
		}),
	);
}

for (const orders of [100_000, 1_000_000]) {
	const rounds = orders === 1_000_000 ? 3 : 1;
	const measured = medianRuns(orders === 1_000_000 ? ['node', 'baseline', 'baseline-engine'] : ['node', 'baseline'], orders, rounds);
	const viaNode = measured.node;
	const base = measured.baseline;
	if (rounds > 1) console.log(`(${orders}: median of ${rounds} alternating runs each; node ${viaNode.all.join(' / ')} s, baseline ${base.all.join(' / ')} s)`);
	const cell = (r) => `${String(r.ordersPerSecond).padStart(8)}/s ${r.seconds.toFixed(2).padStart(6)} s ${String(r.peakRssMb).padStart(5)} MB`;
	console.log(
		`${String(orders).padEnd(10)} | ${cell(viaNode).padEnd(33)} | ${cell(base).padEnd(33)} | ${(viaNode.seconds / base.seconds).toFixed(1)}×`,
	);
	console.log(
		`${''.padEnd(10)} | of which the RFM node itself: ${(viaNode.nodeExecutionMs / 1000).toFixed(2)} s (n8n's executionTime); the rest is the engine passing ${orders} items`,
	);
	if (JSON.stringify(viaNode.segments) !== JSON.stringify(base.segments)) {
		throw new Error(`node and baseline disagree on the segments: ${JSON.stringify(viaNode.segments)} vs ${JSON.stringify(base.segments)}`);
	}
	if (orders === 1_000_000) {
		// What n8n-core alone costs for these items (a node handing them on unchanged): the floor under the node's ratio.
		const engine = rfm('passthrough', orders);
		console.log(`${''.padEnd(10)} | n8n-core alone (pass-through node): ${engine.seconds.toFixed(2)} s = ${(engine.seconds / base.seconds).toFixed(2)}× the baseline, ${engine.peakRssMb} MB`);
		// The same plain loop run as a node in the same engine: the Code-node version as n8n runs it (a lower bound for a real Code node).
		const loopInEngine = measured['baseline-engine'];
		if (JSON.stringify(loopInEngine.segments) !== JSON.stringify(base.segments)) throw new Error('the loop in the engine disagrees with the loop');
		console.log(
			`${''.padEnd(10)} | the plain loop as a node in the same engine (median of ${loopInEngine.all.join(' / ')} s): ${loopInEngine.seconds.toFixed(2)} s, ${loopInEngine.peakRssMb} MB; RFM Segment = ${(viaNode.seconds / loopInEngine.seconds).toFixed(2)}× that`,
		);
		// Issue 11: within 1.5× of the plain loop and 1.2 GB, default settings, validation included.
		const ratio = viaNode.seconds / base.seconds;
		targets.push({ what: 'RFM Segment, 1M order items in one execution: peak RSS', limit: '1,229 MB (1.2 GB)', value: `${viaNode.peakRssMb} MB`, ok: viaNode.peakRssMb <= 1229 });
		targets.push({ what: 'RFM Segment, 1M order items: time / plain-loop baseline (medians, same run)', limit: '≤ 1.5×', value: `${ratio.toFixed(2)}× (load ${os.loadavg()[0].toFixed(1)})`, ok: ratio <= 1.5 });
		targets.push({
			what: 'RFM Segment, 1M order items: time / the same plain loop run as a node in the same engine (medians)',
			limit: 'information',
			value: `${(viaNode.seconds / loopInEngine.seconds).toFixed(2)}×; n8n-core alone ${(engine.seconds / base.seconds).toFixed(2)}× the plain loop`,
		});
	}
}
console.log('(peak RSS includes the generated input items themselves)\n');

for (const name of ['bench-reorder.js', 'bench-clv.js']) {
	console.log(`— ${name}`);
	const out = execFileSync(node, ['--expose-gc', script(name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 22 });
	process.stdout.write(out);
	if (name === 'bench-reorder.js') {
		// Issue 11: Reorder Alert on 50k positions × 90 days through n8n-core, peak RSS ≤ 1.2 GB,
		// with the sales as one item per position (days as a list). One item per day cannot meet
		// it: n8n-core alone (a pass-through node in its place) already takes ~1.2 GB for its
		// 4.5 million items (docs/scale.md), so that figure is information beside the target.
		const { perPosition, perDay } = JSON.parse(out.trim().split('\n').pop());
		targets.push({
			what: 'Reorder Alert, 50k positions × 90 days through n8n-core, Daily Sales one item per position: peak RSS (input items included)',
			limit: '1,228 MB (1.2 GB)',
			value: `${perPosition.peakRssMb} MB, ${(perPosition.ms / 1000).toFixed(1)} s`,
			ok: perPosition.peakRssMb <= 1228,
		});
		targets.push({
			what: 'Reorder Alert, the same as one Daily Sales item per day (4.5M items): peak RSS',
			limit: 'information',
			value: `${perDay.peakRssMb} MB, ${(perDay.ms / 1000).toFixed(1)} s; n8n-core alone with a pass-through node ${perDay.passthroughPeakRssMb} MB`,
		});
	}
	if (name === 'bench-clv.js') {
		// The fit = BG/NBD plus Gamma-Gamma, as the RFM node runs them.
		const ms = ['fitBgNbd', 'fitGammaGamma'].map((fit) => Number(new RegExp(`${fit} \\(3 starts, BFGS\\)\\s+(\\d+) ms`).exec(out)?.[1] ?? NaN));
		const seconds = (ms[0] + ms[1]) / 1000;
		targets.push({ what: 'Lifetime value: BG/NBD + Gamma-Gamma fit, 100k customers', limit: '< 10 s', value: `${seconds.toFixed(2)} s`, ok: seconds < 10 });
	}
	console.log('');
}

// Visitor Value, Coupon Tier and RFM with lifetime value beside plain-loop baselines (issue 11).
{
	const bench = (...args) => {
		const out = execFileSync(node, ['--expose-gc', script('bench-nodes.js'), ...args.map(String)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 22 });
		return JSON.parse(out.trim().split('\n').pop());
	};
	const cell = (r) => `${r.seconds.toFixed(2).padStart(6)} s ${String(r.peakRssMb).padStart(5)} MB`;
	console.log('Other nodes beside their plain-loop baselines (scripts/bench-nodes.js; node via WorkflowExecute)');
	console.log('node                       | items          | node                | baseline            | node / baseline time');
	const line = (name, items, viaNode, base) =>
		console.log(`${name.padEnd(26)} | ${items.padEnd(14)} | ${cell(viaNode)} | ${cell(base)} | ${(viaNode.seconds / base.seconds).toFixed(1)}×`);
	const byGroup = (rows) => JSON.stringify([...rows].sort((a, b) => a.group.localeCompare(b.group)).map((r) => [r.group, r.orders, r.visitors, Number(r.visitorValue.toPrecision(12))]));
	const vvNode = bench('visitorValue', 'node', 1_000_000);
	const vvBase = bench('visitorValue', 'baseline', 1_000_000);
	line('Visitor Value', '1M orders', vvNode, vvBase);
	if (byGroup(vvNode.result) !== byGroup(vvBase.result)) throw new Error(`Visitor Value: node and baseline disagree: ${byGroup(vvNode.result)} vs ${byGroup(vvBase.result)}`);
	const ctNode = bench('couponTier', 'node', 100_000);
	const ctBase = bench('couponTier', 'baseline', 100_000);
	line('Coupon Tier', '100k customers', ctNode, ctBase);
	const tiers = (r) => JSON.stringify([Object.entries(r.counts).sort(), r.coupons]);
	if (tiers(ctNode.result) !== tiers(ctBase.result)) throw new Error(`Coupon Tier: node and baseline disagree: ${tiers(ctNode.result)} vs ${tiers(ctBase.result)}`);
	const withClv = bench('rfmClv', 'node', 100_000);
	const withoutClv = bench('rfmClv', 'rfm', 100_000);
	line('RFM + lifetime value', '100k orders', withClv, withoutClv);
	// A third run under the sampling profiler (which slows it down) for the share.
	const { cpuShare } = bench('rfmClv', 'node', 100_000, '--cpu-share');
	console.log(
		`${''.padEnd(26)} | (baseline here: the same node without lifetime value) the lifetime-value step ${(100 * cpuShare.clv).toFixed(0)}% of the sampled CPU time, garbage collection ${(100 * cpuShare.gc).toFixed(0)}%`,
	);
	targets.push({ what: 'RFM Segment + Predict Lifetime Value, 100k orders: share of CPU time in the lifetime-value step (must not dominate)', limit: '< 50 %', value: `${(100 * cpuShare.clv).toFixed(0)} %`, ok: cpuShare.clv < 0.5 });
	console.log('(the table at 10k / 100k / 1M items: node scripts/bench-scale.js --markdown, README "Scale")\n');
}

// The campaign template on 1M demo orders in a real n8n (issue 11): only when asked, it takes minutes and ~5 GB.
if (process.env.BENCH_N8N_CAMPAIGN === '1') {
	console.log('— bench-n8n-campaign.js --via=subworkflow (n8n execute, 1,000,000 demo orders; minutes)');
	const out = execFileSync(node, [script('bench-n8n-campaign.js'), '--via=subworkflow'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
	process.stdout.write(out.split('\n').filter((l) => !l.startsWith('{')).join('\n'));
	const result = JSON.parse(out.trim().split('\n').pop());
	targets.push({ what: 'Campaign template, 1M demo orders, in a real n8n by CLI', limit: 'completes (exit 0)', value: `exit ${result.exit.code}, ${(result.wallMs / 1000).toFixed(0)} s, peak ${result.peakHwmMb} MB`, ok: result.exit.code === 0 });
	console.log('');
}

// The order store in a real n8n: Data Table vs Postgres (scripts/bench-order-store.js; needs Debian's
// postgresql, which .ci/run installs; set BENCH_ORDER_STORE=0 to skip it).
if (process.env.BENCH_ORDER_STORE !== '0') {
	console.log('— bench-order-store.js (n8n start, 100,000 orders; a few minutes)');
	try {
		const out = execFileSync(node, [script('bench-order-store.js'), '--rows=100000'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
		process.stdout.write(out.split('\n').filter((line) => !line.startsWith('{')).join('\n'));
	} catch (error) {
		console.log(`  skipped: ${String(error.message).split('\n')[0]}`);
	}
	console.log('');
}

console.log('Targets set by the issues');
for (const t of targets) {
	const mark = t.ok === undefined ? 'info   ' : t.ok ? 'met    ' : 'MISSED ';
	console.log(`  ${mark} ${t.what}: ${t.value} (${t.ok === undefined ? '' : 'target '}${t.limit})`);
}
if (targets.some((t) => t.ok === false)) process.exitCode = 1;
