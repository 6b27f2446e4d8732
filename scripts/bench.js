#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark of the pack, each beside its baseline in the same run.
 *
 * - RFM Segment, 100k and 1M orders: the node through n8n-core's WorkflowExecute vs a plain
 *   single-pass JavaScript baseline (the Code-node version), one process per measurement so
 *   each peak RSS is its own (scripts/bench-rfm.js).
 * - Reorder maths, 50k sku-warehouse positions × 90 days (scripts/bench-reorder.js).
 * - Lifetime value fit, 100k customers (scripts/bench-clv.js).
 *
 * Figures depend on the machine and its load; nothing here asserts a time.
 */
'use strict';
const { execFileSync } = require('child_process');
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

console.log('RFM Segment — orders per second (same demo orders for both)');
console.log('orders     | node via WorkflowExecute          | plain JS baseline                 | node / baseline time');
for (const orders of [100_000, 1_000_000]) {
	const viaNode = rfm('node', orders);
	const base = rfm('baseline', orders);
	const cell = (r) => `${String(r.ordersPerSecond).padStart(8)}/s ${r.seconds.toFixed(2).padStart(6)} s ${String(r.peakRssMb).padStart(5)} MB`;
	console.log(
		`${String(orders).padEnd(10)} | ${cell(viaNode).padEnd(33)} | ${cell(base).padEnd(33)} | ${(viaNode.seconds / base.seconds).toFixed(1)}×`,
	);
	console.log(
		`${''.padEnd(10)} | of which the RFM node itself: ${(viaNode.nodeExecutionMs / 1000).toFixed(2)} s (n8n's executionTime); the rest is the engine passing ${orders} items`,
	);
	if (viaNode.customers !== base.customers) {
		throw new Error(`node and baseline disagree on the number of customers: ${viaNode.customers} vs ${base.customers}`);
	}
}
console.log('(peak RSS includes the generated input items themselves)\n');

for (const name of ['bench-reorder.js', 'bench-clv.js']) {
	console.log(`— ${name}`);
	execFileSync(node, ['--expose-gc', script(name)], { stdio: 'inherit' });
	console.log('');
}
