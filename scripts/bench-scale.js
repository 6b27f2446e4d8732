#!/usr/bin/env node
/**
 * The scale table (README "Scale"; how it is measured: docs/scale.md): each calculation node at 10k / 100k / 1M items — time, peak
 * RSS, and the ratio to its plain-loop baseline (the Code-node version of the same job) — every
 * figure from its own process, node and baseline alternating in one run so that both see the
 * same machine load. The load average is printed before and after.
 *
 *   npm run build && node scripts/bench-scale.js [--markdown] [--sizes=10000,100000,1000000] [--only=rfm,visitorValue]
 *
 * Items per node: RFM Segment and Visitor Value — orders (Visitor Value also gets Demo Shop
 * Data's traffic rows for them); Coupon Tier — customers; Reorder Alert — daily-sales rows
 * (items ÷ 90 positions × 90 days, plus the positions), then the same days as one item per
 * position with its days as a list (the baseline still loops over rows). Sources: scripts/bench-nodes.js,
 * scripts/bench-rfm.js (RFM baseline), scripts/bench-reorder.js.
 * Time is the run through n8n-core's WorkflowExecute (modules loaded, input items built
 * beforehand); peak RSS includes the input items. Node and baseline results are compared
 * (RFM: customers; Visitor Value: every channel's figures; Coupon Tier: customers per tier and
 * coupons; Reorder Alert: positions needing an order) and a difference is flagged in the table.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [key, value = 'true'] = a.replace(/^--/, '').split('='); return [key, value]; }));
const SIZES = (args.sizes ?? '10000,100000,1000000').split(',').map(Number);
const ONLY = args.only ? new Set(args.only.split(',')) : null;

function run(script, scriptArgs) {
	const out = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, script), ...scriptArgs.map(String)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 1 << 22,
	});
	return JSON.parse(out.trim().split('\n').pop());
}

/** Each row: how to run the node and its baseline at `n` items; both return { seconds, peakRssMb }. */
const JOBS = [
	{
		key: 'rfm',
		name: 'RFM Segment',
		unit: 'orders',
		node: (n) => run('bench-nodes.js', ['rfmClv', 'rfm', n]),
		baseline: (n) => run('bench-rfm.js', ['baseline', n]),
	},
	{
		key: 'rfmClv',
		name: 'RFM Segment + Predict Lifetime Value',
		unit: 'orders',
		node: (n) => run('bench-nodes.js', ['rfmClv', 'node', n]),
		baseline: (n) => run('bench-rfm.js', ['baseline', n]),
	},
	{
		key: 'visitorValue',
		name: 'Visitor Value',
		unit: 'orders',
		node: (n) => run('bench-nodes.js', ['visitorValue', 'node', n]),
		baseline: (n) => run('bench-nodes.js', ['visitorValue', 'baseline', n]),
		agree: (a, b) => sameChannels(a.result, b.result),
	},
	{
		key: 'couponTier',
		name: 'Coupon Tier',
		unit: 'customers',
		node: (n) => run('bench-nodes.js', ['couponTier', 'node', n]),
		baseline: (n) => run('bench-nodes.js', ['couponTier', 'baseline', n]),
		agree: (a, b) => JSON.stringify(sorted(a.result.counts)) === JSON.stringify(sorted(b.result.counts)) && a.result.coupons === b.result.coupons,
	},
	{
		key: 'reorder',
		name: 'Reorder Alert',
		unit: 'sales rows',
		node: (n) => seconds(run('bench-reorder.js', ['--node', Math.round(n / 90), 90])),
		baseline: (n) => seconds(run('bench-reorder.js', ['--baseline', Math.round(n / 90), 90])),
		agree: (a, b) => a.needsAction === b.alerts,
	},
	{
		// The same days as one Daily Sales item per position, the days as a list (docs/nodes/ReorderAlert.md).
		key: 'reorderPerPosition',
		name: 'Reorder Alert, days as lists',
		unit: 'sales days',
		node: (n) => seconds(run('bench-reorder.js', ['--node', '--per-position', Math.round(n / 90), 90])),
		baseline: (n) => seconds(run('bench-reorder.js', ['--baseline', Math.round(n / 90), 90])),
		agree: (a, b) => a.needsAction === b.alerts,
	},
];

const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
/** Same channels, orders, visitors, and visitor values to 12 significant digits. */
function sameChannels(a, b) {
	const key = (rows) => JSON.stringify([...rows].sort((x, y) => x.group.localeCompare(y.group)).map((r) => [r.group, r.orders, r.visitors, Number(r.visitorValue.toPrecision(12))]));
	return key(a) === key(b);
}

function seconds(result) {
	return { ...result, seconds: result.ms / 1000 };
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const size = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const loadBefore = load();
const started = Date.now();
const rows = [];
for (const job of JOBS) {
	if (ONLY && !ONLY.has(job.key)) continue;
	for (const n of SIZES) {
		const viaNode = job.node(n);
		const base = job.baseline(n);
		const disagree = job.agree && !job.agree(viaNode, base);
		if (disagree) console.error(`${job.name} ${size(n)}: node and baseline DISAGREE: ${JSON.stringify(viaNode.result ?? viaNode)} vs ${JSON.stringify(base.result ?? base)}`);
		rows.push({ job: job.key, name: job.name, unit: job.unit, items: n, node: viaNode, baseline: base, ratio: viaNode.seconds / base.seconds, disagree });
		if (!args.markdown) console.error(`${job.name} ${size(n)}: ${viaNode.seconds.toFixed(2)} s vs ${base.seconds.toFixed(3)} s`);
	}
}
const loadAfter = load();
const minutes = ((Date.now() - started) / 60000).toFixed(1);

const lines = [
	`| node | items | node time | node peak RSS | baseline time | baseline peak RSS | node ÷ baseline time |`,
	`|---|---|---:|---:|---:|---:|---:|`,
	...rows.map(
		(r) =>
			`| ${r.name} | ${size(r.items)} ${r.unit} | ${r.node.seconds.toFixed(2)} s | ${r.node.peakRssMb} MB | ${r.baseline.seconds.toFixed(3)} s | ${r.baseline.peakRssMb} MB | ${r.ratio.toFixed(1)}×${r.disagree ? ' (results differ!)' : ''} |`,
	),
	'',
	`Node ${process.version}, ${require('os').cpus().length} cores; load average ${loadBefore} before and ${loadAfter} after (${minutes} min); produced by \`node scripts/bench-scale.js --markdown${args.sizes ? ` --sizes=${args.sizes}` : ''}${args.only ? ` --only=${args.only}` : ''}\` on ${new Date().toISOString().slice(0, 10)}.`,
];
console.log(lines.join('\n'));
if (!args.markdown) console.log(JSON.stringify({ loadBefore, loadAfter, rows }));
