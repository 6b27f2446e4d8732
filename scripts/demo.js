#!/usr/bin/env node
/**
 * `npm run demo`: the pack in a real n8n, end to end, on demo data.
 *
 * 1. installs n8n on first use (scripts/n8n-runtime/), builds the pack and installs it into a
 *    clean n8n user folder as a community package;
 * 2. imports every template in workflows/ (one n8n call);
 * 3. executes the flagship templates (those a report section reads) from their Manual Trigger;
 * 4. prints a summary, and writes results.json, one CSV per table and report.html into
 *    output/demo-<timestamp>/ (or --out=DIR).
 *
 * Options: --no-build, --keep (reuse .n8n-user/demo/), --out=DIR, --n8n-version=2.41.1.
 */
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { PROJECT_ROOT, formatMs, log } = require('./n8n-runtime/util');
const { prepareInstance } = require('./n8n-runtime/pack');
const { importCredentials, importWorkflows, executeWorkflow, nodeItems } = require('./n8n-runtime/run');
const report = require('./demo-report');

const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'workflows');

function parseArgs(argv) {
	const value = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
	return {
		build: !argv.includes('--no-build'),
		keep: argv.includes('--keep'),
		out: value('out'),
		version: value('n8n-version'),
		// For the end-to-end test: its own instance folder and the pack it already built.
		name: value('name'),
		tarball: value('tarball'),
	};
}

function timestamp(date = new Date()) {
	const pad = (n) => String(n).padStart(2, '0');
	return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * Segment labels in both languages from the pack's own label table (the node emits one
 * language per run); falls back to the label the node gave.
 */
function segmentLabels() {
	let segmenters = [];
	try {
		const rfm = require(path.join(PROJECT_ROOT, 'dist', 'nodes', 'lib', 'rfm'));
		segmenters = [rfm.createSegmenter({ kind: 'rfGrid' }), rfm.createSegmenter({ kind: 'putler' })];
	} catch {}
	return (key, nodeLabel) => {
		const known = segmenters.find((s) => s.keys.includes(key));
		return known
			? { en: known.labelOf(key, 'en'), zh: known.labelOf(key, 'zh') }
			: { en: nodeLabel ?? key, zh: nodeLabel ?? key };
	};
}

function readTemplates() {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) }));
}

/**
 * The whole demo; returns `{ outDir, sections, written, timings, runtime }`. Options: build, keep,
 * out, version, tarball (an already built pack), name (user folder name).
 */
async function runDemo(options = {}) {
	const started = Date.now();
	const timings = {};

	const { runtime, userFolder, timings: setup } = await prepareInstance({
		name: options.name ?? 'demo',
		keep: options.keep,
		build: options.build,
		version: options.version,
		tarball: options.tarball,
	});
	Object.assign(timings, { 'n8n install check': setup.runtimeMs, 'build + npm pack': setup.packMs, 'install pack': setup.installPackMs });

	const templates = readTemplates();
	// The demo credentials the templates reference (the coupon template's public demo code secret).
	await importCredentials(runtime, userFolder);
	const imported = await importWorkflows(runtime, userFolder, WORKFLOWS_DIR);
	timings[`import ${imported.count} templates`] = imported.ms;
	log(`imported ${imported.count} templates in ${formatMs(imported.ms)}`);

	const labels = segmentLabels();
	const sections = [];
	const runs = {};
	for (const { template, build } of report.SECTIONS) {
		const entry = templates.find((t) => t.file === template);
		if (!entry) {
			log(`skipping a report section: workflows/${template} is missing`);
			continue;
		}
		if (!runs[template]) {
			log(`executing "${entry.workflow.name}" (${template})`);
			const result = await executeWorkflow(runtime, userFolder, entry.workflow.id);
			timings[`execute ${template}`] = result.ms;
			if (!result.ok) {
				const node = result.error?.node?.name;
				const detail = [
					`"${entry.workflow.name}" failed${node ? ` in node "${node}"` : ''}: ${result.error?.message ?? 'no run data in the output'}`,
					result.error?.description ?? '',
					result.run ? '' : `${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
				];
				throw new Error(detail.filter(Boolean).join('\n'));
			}
			runs[template] = result.run;
		}
		const items = (nodeName, output = 0) => nodeItems(runs[template], nodeName, output);
		const section = build({ items, labels });
		if (section) sections.push({ ...section, template });
	}

	const t = Date.now();
	const outDir = path.resolve(options.out ?? path.join(PROJECT_ROOT, 'output', `demo-${timestamp()}`));
	fs.mkdirSync(outDir, { recursive: true });
	const results = {
		generatedAt: new Date().toISOString(),
		n8nVersion: runtime.version,
		sections: Object.fromEntries(sections.map((s) => [s.id, { template: s.template, title: s.title, tables: s.tables }])),
	};
	fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
	const written = ['results.json'];
	for (const section of sections) {
		for (const [name, rows] of Object.entries(section.tables)) {
			fs.writeFileSync(path.join(outDir, `${name}.csv`), report.toCsv(rows));
			written.push(`${name}.csv`);
		}
	}
	const nodeVersion = childProcess.execFileSync(runtime.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	fs.writeFileSync(
		path.join(outDir, 'report.html'),
		report.renderReportHtml(sections, {
			generatedAt: results.generatedAt,
			n8nVersion: runtime.version,
			nodeVersion,
			templates: templates.map((x) => x.file),
		}),
	);
	written.push('report.html');
	timings['write outputs'] = Date.now() - t;
	timings.total = Date.now() - started;
	return { outDir, sections, written, timings, runtime };
}

async function main() {
	const { outDir, sections, written, timings, runtime } = await runDemo(parseArgs(process.argv.slice(2)));
	console.log('');
	for (const section of sections) {
		console.log(section.summaryLines.join('\n'));
		console.log('');
	}
	const rel = path.relative(process.cwd(), outDir) || '.';
	console.log(`Output folder: ${rel}/`);
	console.log(`  ${written.join(', ')}`);
	console.log(`  open ${path.join(rel, 'report.html')} in a browser`);
	const { total, ...steps } = timings;
	console.log(
		`Done in ${formatMs(total)} on n8n ${runtime.version}: ` +
			Object.entries(steps)
				.map(([step, ms]) => `${step} ${formatMs(ms)}`)
				.join(', '),
	);
}

module.exports = { runDemo, segmentLabels };

if (require.main === module) {
	main().catch((error) => {
		console.error(error.message);
		process.exitCode = 1;
	});
}
