#!/usr/bin/env node
/**
 * A million orders through a real n8n (issue 11): the campaign template
 * (workflows/rfm-coupon-campaign.json: Demo shop orders → RFM with lifetime value → Coupon Tier
 * → its outputs) with its Demo Shop Data set to ORDERS orders from ORDERS / 5 customers, run by
 * the CLI as a user would (`n8n import:workflow`, then `n8n execute --id`) in a fresh user folder
 * with the pack installed from its tarball (scripts/n8n-runtime/).
 *
 * Measures, for the one `n8n execute` process and its children (the task runner):
 * - wall time, and each node's time from n8n's own debug log lines ("Start executing node" …
 *   "Running node … finished successfully"), time-stamped here as they arrive;
 * - peak memory: the largest VmHWM of the process tree and the largest summed VmRSS, sampled
 *   from /proc/<pid>/status every 200 ms;
 * - where the time goes: a V8 CPU profile of the n8n process (`node --cpu-prof`), self time summed
 *   by where the code lives (the pack, n8n-core, n8n-workflow, n8n's CLI, other packages, V8's
 *   garbage collector, natives such as JSON.stringify).
 *
 *   npm run build && node scripts/bench-n8n-campaign.js [--orders=1000000] [--heap-mb=8192]
 *       [--save=none|all] [--via=subworkflow] [--n8n-version=2.8.4]
 *
 * Heavy (minutes, several GB): `npm run bench` runs it only with BENCH_N8N_CAMPAIGN=1. Prints a
 * summary and one JSON line; asserts nothing about time. The settings it passes to n8n, and why,
 * are in docs/scale.md ("A million orders in a real n8n").
 */
'use strict';
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const { PROJECT_ROOT, PACK_NAME, freePort } = require('./n8n-runtime/util');
const { ensureRuntime } = require('./n8n-runtime/install');
const { createUserFolder, installPack, packPack } = require('./n8n-runtime/pack');
const { importCredentials, importWorkflows, runN8n } = require('./n8n-runtime/run');
const { cleanEnv } = require('./n8n-runtime/env');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ORDERS = Number(args.orders ?? 1_000_000);
const CUSTOMERS = Math.max(1, Math.round(ORDERS / 5));
const HEAP_MB = Number(args['heap-mb'] ?? 8192);
const SAVE = args.save ?? 'none';
const VIA_SUBWORKFLOW = args.via === 'subworkflow';
const WORKFLOW_ID = 'Campaign1MBench';
const PARENT_ID = 'Campaign1MCaller';

/** The template as shipped, its demo data scaled up; nothing else changed. */
function campaignWorkflow() {
	const wf = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'workflows', 'rfm-coupon-campaign.json'), 'utf8'));
	const demo = wf.nodes.find((n) => n.type === `${PACK_NAME}.demoShopData`);
	demo.parameters = { ...demo.parameters, orders: ORDERS, customers: CUSTOMERS };
	if (VIA_SUBWORKFLOW) {
		// Callable by the Execute Workflow node: n8n starts a sub-workflow at this trigger.
		wf.nodes.push({ id: 'bench-called', name: 'Called by the bench', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1, position: [0, 600], parameters: {} });
		wf.connections['Called by the bench'] = { main: [[{ node: demo.name, type: 'main', index: 0 }]] };
	}
	return { ...wf, id: WORKFLOW_ID, name: `Campaign, ${ORDERS.toLocaleString('en')} orders (bench)` };
}

/**
 * --via=subworkflow: a caller that runs the campaign as a sub-workflow and keeps only what its
 * last node returns, so that `n8n execute` prints (and holds after the run) a small result.
 */
function callerWorkflow() {
	return {
		id: PARENT_ID,
		name: 'Campaign caller (bench)',
		nodes: [
			{ id: 'start', name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'call', name: 'Run the campaign', type: 'n8n-nodes-base.executeWorkflow', typeVersion: 1, position: [220, 0], parameters: { source: 'database', workflowId: WORKFLOW_ID } },
		],
		connections: { 'Run now': { main: [[{ node: 'Run the campaign', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** pid and every descendant (the task runner n8n starts), from /proc. */
function processTree(root) {
	const children = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(entry));
		} catch {
			// the process ended meanwhile
		}
	}
	const all = [root];
	for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
	return all;
}

function memoryOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
		return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
	} catch {
		return { rss: 0, hwm: 0 };
	}
}

/** Self time of a V8 .cpuprofile summed by where the code lives, and the top functions. */
function summariseProfile(file) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const self = new Map();
	const dt = profile.timeDeltas;
	for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0) / 1000);
	const where = (frame) => {
		const url = frame.url ?? '';
		if (url.includes(PACK_NAME)) return 'the pack (n8n-nodes-commerce-ops)';
		if (url.includes('/n8n-core/')) return 'n8n-core (engine)';
		if (url.includes('/n8n-workflow/')) return 'n8n-workflow';
		if (url.includes('/node_modules/n8n/')) return 'n8n CLI (runner, hooks, DB)';
		if (url.includes('/node_modules/')) return 'other packages';
		if (url.startsWith('node:') || url === '') {
			if (frame.functionName === '(garbage collector)') return 'V8 garbage collector';
			if (frame.functionName === '(idle)' || frame.functionName === '(program)') return `V8 ${frame.functionName}`;
			return url ? 'Node.js internals' : 'natives (JSON, builtins)';
		}
		return 'other';
	};
	const byWhere = {};
	const byFunction = new Map();
	let total = 0;
	for (const node of profile.nodes) {
		const ms = self.get(node.id) ?? 0;
		if (!ms) continue;
		total += ms;
		const group = where(node.callFrame);
		byWhere[group] = (byWhere[group] ?? 0) + ms;
		const key = `${node.callFrame.functionName || '(anonymous)'} ${(node.callFrame.url || '').replace(/^.*node_modules\//, '')}:${node.callFrame.lineNumber + 1}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
	}
	const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
	return { totalMs: Math.round(total), byWhere: Object.fromEntries(Object.entries(byWhere).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)])), top };
}

async function main() {
	const runtime = await ensureRuntime({ version: args['n8n-version'] });
	const tarball = packPack({ build: false });
	const userFolder = createUserFolder(`bench-n8n-campaign-${runtime.version}`);
	installPack(userFolder, tarball, runtime);
	await importCredentials(runtime, userFolder);
	const dir = path.join(userFolder, 'bench-workflows');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${WORKFLOW_ID}.json`), JSON.stringify(campaignWorkflow()));
	if (VIA_SUBWORKFLOW) fs.writeFileSync(path.join(dir, `${PARENT_ID}.json`), JSON.stringify(callerWorkflow()));
	await importWorkflows(runtime, userFolder, dir);
	// n8n 2 runs only the published version of a sub-workflow ("Workflow is not active and cannot be executed").
	if (VIA_SUBWORKFLOW) {
		const published = await runN8n(runtime, userFolder, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		if (published.code !== 0) throw new Error(`n8n publish:workflow failed:\n${published.stdout}\n${published.stderr}`);
	}

	const profileDir = path.join(userFolder, 'cpu-profiles');
	fs.mkdirSync(profileDir, { recursive: true });
	const env = cleanEnv(runtime, userFolder, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_LEVEL: 'debug',
		// n8n's default execution saving serialises the whole run into the database at the end.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: SAVE,
	});
	const started = process.hrtime.bigint();
	const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
	// Node flags on n8n's own command line: NODE_OPTIONS refuses --cpu-prof (exit 9).
	const nodeFlags = [`--max-old-space-size=${HEAP_MB}`, '--cpu-prof', `--cpu-prof-dir=${profileDir}`];
	const child = childProcess.spawn(runtime.nodeBin, [...nodeFlags, runtime.n8nEntry, 'execute', `--id=${VIA_SUBWORKFLOW ? PARENT_ID : WORKFLOW_ID}`, '--rawOutput'], {
		cwd: userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	// Log lines are kept with their arrival time; the run's JSON (hundreds of MB) is only counted.
	const logLines = [];
	let outputChars = 0;
	const errors = [];
	for (const stream of [child.stdout, child.stderr]) {
		readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
			outputChars += line.length + 1;
			if (line.length < 2000 && !/^\s*[[{}\]"]/.test(line)) logLines.push({ ms: elapsed(), line });
			if (/Error|error:|heap out of memory|Invalid string length/.test(line) && line.length < 2000) errors.push(line);
		});
	}
	let peakHwm = 0;
	let peakSummedRss = 0;
	const sampler = setInterval(() => {
		let summed = 0;
		for (const pid of processTree(child.pid)) {
			const { rss, hwm } = memoryOf(pid);
			summed += rss;
			peakHwm = Math.max(peakHwm, hwm);
		}
		peakSummedRss = Math.max(peakSummedRss, summed);
	}, 200);
	const exit = await new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
	clearInterval(sampler);
	const wallMs = elapsed();

	// Node timings from n8n's own log lines.
	const nodes = [];
	const startedAt = new Map();
	for (const { ms, line } of logLines) {
		let m = /Start executing node "([^"]+)"/.exec(line);
		if (m) startedAt.set(m[1], ms);
		m = /Running node "([^"]+)" finished successfully/.exec(line);
		if (m && startedAt.has(m[1])) nodes.push({ node: m[1], ms: Math.round(ms - startedAt.get(m[1])) });
	}
	const firstStart = Math.min(...startedAt.values());
	const finished = logLines.find(({ line }) => line.includes('Workflow execution finished'))?.ms;
	const profiles = fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
	const summaries = profiles.map((f) => ({ file: f, ...summariseProfile(path.join(profileDir, f)) })).sort((a, b) => b.totalMs - a.totalMs);

	const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
	console.log(`Campaign template in a real n8n ${runtime.version} (n8n execute --id${VIA_SUBWORKFLOW ? ', called as a sub-workflow' : ''}), ${ORDERS.toLocaleString('en')} demo orders, ${CUSTOMERS.toLocaleString('en')} customers; load average ${load}`);
	console.log(`exit ${exit.code ?? exit.signal}; wall ${(wallMs / 1000).toFixed(1)} s (n8n start-up until the first node ${(firstStart / 1000).toFixed(1)} s; workflow finished at ${finished ? (finished / 1000).toFixed(1) : '?'} s)`);
	console.log(`peak memory: VmHWM ${Math.round(peakHwm)} MB (largest process), summed VmRSS ${Math.round(peakSummedRss)} MB (n8n + task runner); heap limit ${HEAP_MB} MB; EXECUTIONS_DATA_SAVE_ON_SUCCESS=${SAVE}`);
	for (const { node, ms } of nodes) console.log(`  ${node.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
	console.log(`stdout+stderr: ${(outputChars / 1e6).toFixed(1)} M characters`);
	for (const line of errors.slice(0, 8)) console.log(`  ! ${line.slice(0, 300)}`);
	for (const s of summaries.slice(0, 1)) {
		console.log(`CPU profile ${s.file}: ${(s.totalMs / 1000).toFixed(1)} s of samples, self time by where the code lives:`);
		for (const [where, ms] of Object.entries(s.byWhere)) console.log(`  ${where.padEnd(36)} ${(ms / 1000).toFixed(2).padStart(8)} s  ${((100 * ms) / s.totalMs).toFixed(0).padStart(3)}%`);
		console.log('  top functions (self time):');
		for (const { fn, ms } of s.top) console.log(`    ${(ms / 1000).toFixed(2).padStart(7)} s  ${fn}`);
	}
	console.log(JSON.stringify({ orders: ORDERS, customers: CUSTOMERS, n8n: runtime.version, load, exit, wallMs: Math.round(wallMs), firstNodeMs: Math.round(firstStart), finishedMs: finished && Math.round(finished), peakHwmMb: Math.round(peakHwm), peakSummedRssMb: Math.round(peakSummedRss), heapMb: HEAP_MB, save: SAVE, via: VIA_SUBWORKFLOW ? 'subworkflow' : 'template', nodes, outputChars, errors: errors.slice(0, 8), profiles: summaries.map(({ file, totalMs, byWhere, top }) => ({ file, totalMs, byWhere, top: top.slice(0, 8) })) }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
