#!/usr/bin/env node
/**
 * `npm run demo`: the pack in a real n8n, end to end, on demo data.
 *
 * 1. installs n8n on first use (scripts/n8n-runtime.js), builds the pack and installs it into a
 *    clean n8n user folder as a community package;
 * 2. imports every template in workflows/ (one n8n call);
 * 3. executes the flagship templates (those a report section reads) from their Manual Trigger;
 * 4. prints a summary, and writes results.json, one CSV per table and report.html into
 *    output/demo-<timestamp>/ (or --out=DIR).
 *
 * Options: --no-build, --keep (reuse .n8n-user/demo/), --out=DIR, --n8n-version=2.41.1.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const runtimeLib = require('./n8n-runtime');
const report = require('./demo-report');

const { PROJECT_ROOT, formatMs } = runtimeLib;
const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'workflows');

function parseArgs(argv) {
	const value = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
	return {
		build: !argv.includes('--no-build'),
		keep: argv.includes('--keep'),
		out: value('out'),
		version: value('n8n-version'),
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

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const timings = {};

	const { runtime, userFolder, timings: setup } = await runtimeLib.prepareInstance({
		name: 'demo',
		keep: args.keep,
		build: args.build,
		version: args.version,
	});
	Object.assign(timings, { 'n8n install check': setup.runtimeMs, 'build + npm pack': setup.packMs, 'install pack': setup.installPackMs });

	const templates = readTemplates();
	const imported = await runtimeLib.importWorkflows(runtime, userFolder, WORKFLOWS_DIR);
	timings[`import ${imported.count} templates`] = imported.ms;
	runtimeLib.log(`imported ${imported.count} templates in ${formatMs(imported.ms)}`);

	const labels = segmentLabels();
	const sections = [];
	const runs = {};
	for (const { template, build } of report.SECTIONS) {
		const entry = templates.find((t) => t.file === template);
		if (!entry) {
			runtimeLib.log(`skipping a report section: workflows/${template} is missing`);
			continue;
		}
		if (!runs[template]) {
			runtimeLib.log(`executing "${entry.workflow.name}" (${template})`);
			const result = await runtimeLib.executeWorkflow(runtime, userFolder, entry.workflow.id);
			timings[`execute ${template}`] = result.ms;
			if (!result.ok) {
				const message = result.error?.message ?? 'no run data in the output';
				const node = result.error?.node?.name;
				console.error(`\n"${entry.workflow.name}" failed${node ? ` in node "${node}"` : ''}: ${message}`);
				if (result.error?.description) console.error(result.error.description);
				if (!result.run) console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
				process.exitCode = 1;
				return;
			}
			runs[template] = result.run;
		}
		const items = (nodeName, output = 0) => runtimeLib.nodeItems(runs[template], nodeName, output);
		const section = build({ items, labels });
		if (section) sections.push({ ...section, template });
	}

	let t = Date.now();
	const outDir = path.resolve(args.out ?? path.join(PROJECT_ROOT, 'output', `demo-${timestamp()}`));
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
	const nodeVersion = require('node:child_process').execFileSync(runtime.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
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

	console.log('');
	for (const section of sections) {
		console.log(section.summaryLines.join('\n'));
		console.log('');
	}
	const rel = path.relative(process.cwd(), outDir) || '.';
	console.log(`Output folder: ${rel}/`);
	console.log(`  ${written.join(', ')}`);
	console.log(`  open ${path.join(rel, 'report.html')} in a browser`);
	console.log(
		`Done in ${formatMs(Date.now() - started)} on n8n ${runtime.version}: ` +
			Object.entries(timings)
				.map(([step, ms]) => `${step} ${formatMs(ms)}`)
				.join(', '),
	);
}

module.exports = { segmentLabels };

if (require.main === module) {
	main().catch((error) => {
		console.error(error.stack ?? error.message);
		process.exitCode = 1;
	});
}
