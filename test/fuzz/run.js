#!/usr/bin/env node
/**
 * `npm run fuzz`: the property-based suite (test/fuzz/nodes) with more cases than the fast
 * suite runs — FUZZ_RUNS per property (default here 1000; the fast suite's is DEFAULT_RUNS in
 * test/fuzz/support.ts), seed FUZZ_SEED (default 14) — then the case counts it ran.
 * `FUZZ_RUNS=5000 FUZZ_SEED=7 npm run fuzz` for a longer run on another seed.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, existsSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runs = process.env.FUZZ_RUNS || '1000';
const seed = process.env.FUZZ_SEED || '14';
const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'fuzz-')), 'cases.jsonl');
const started = Date.now();
const jest = spawnSync('npx', ['jest', 'test/fuzz/nodes', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, FUZZ_REPORT: report },
});
const lines = existsSync(report) ? readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
console.log(`\nFuzz (seed ${seed}, ${runs} cases per property, ${((Date.now() - started) / 1000).toFixed(0)} s):`);
for (const { property, cases, workflowRuns } of lines) console.log(`  ${property}: ${cases} cases, ${workflowRuns} workflow runs`);
const total = lines.reduce((sum, l) => sum + l.cases, 0);
console.log(`  total: ${total} cases in ${lines.length} properties${jest.status === 0 ? '' : ' (a property FAILED: see above)'}`);
process.exit(jest.status ?? 1);
