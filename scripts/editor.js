#!/usr/bin/env node
/**
 * `npm run editor`: n8n's editor on http://localhost:5678 with the pack installed as a community
 * package, every template in workflows/ imported, and the owner account already set up (the
 * credentials are printed once, when the account is created, and kept in the user folder).
 *
 * Options: --keep (reuse .n8n-user/editor/ and its data), --port=5678, --no-build,
 *          --n8n-version=2.41.1 (or N8N_VERSION).
 *
 * The owner is set up the way n8n's own setup screen does it: `POST /rest/owner/setup` once the
 * server answers `/rest/settings` (n8n 2.x has no environment variables for the owner).
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const childProcess = require('node:child_process');
const { PROJECT_ROOT, formatMs, freePort } = require('./n8n-runtime/util');
const { cleanEnv } = require('./n8n-runtime/env');
const { prepareInstance } = require('./n8n-runtime/pack');
const { importCredentials, importWorkflows, listWorkflows, setupOwner } = require('./n8n-runtime/run');

const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'workflows');
const OWNER_FILE = 'editor-owner.json';

function parseArgs(argv) {
	const value = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
	return {
		keep: argv.includes('--keep'),
		build: !argv.includes('--no-build'),
		port: Number(value('port') ?? process.env.N8N_PORT ?? 5678),
		version: value('n8n-version'),
	};
}

/** Owner credentials for a fresh instance; n8n wants 8+ characters with a digit and an uppercase letter. */
function newOwnerCredentials() {
	return {
		email: 'owner@commerce-ops.local',
		firstName: 'Shop',
		lastName: 'Owner',
		password: `Ops-${crypto.randomBytes(9).toString('base64url')}-7`,
	};
}

async function waitUntilReady(baseUrl, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} before it was ready`);
		try {
			// /healthz/readiness turns 200 before the REST routes exist; the public settings are the
			// first thing the editor asks for, so wait for them.
			const response = await fetch(`${baseUrl}/rest/settings`);
			if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) return await response.json();
		} catch {}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not become ready on ${baseUrl} within ${timeoutMs / 1000} s`);
}

/** Creates the owner account unless the instance has one; returns `{ credentials, created }`. */
async function ensureOwner(baseUrl, userFolder, settings) {
	const ownerFile = path.join(userFolder, OWNER_FILE);
	const needsSetup = settings?.data?.userManagement?.showSetupOnFirstLoad !== false;
	if (!needsSetup) {
		const saved = fs.existsSync(ownerFile) ? JSON.parse(fs.readFileSync(ownerFile, 'utf8')) : null;
		return { credentials: saved, created: false };
	}
	const credentials = newOwnerCredentials();
	await setupOwner(baseUrl, credentials);
	fs.writeFileSync(ownerFile, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
	return { credentials, created: true };
}

/** The templates in `dir` and its `shop/` and `queue/` folders: `[{ file, id, name }]`, top-level ones first. */
function templateFiles(dir = WORKFLOWS_DIR) {
	return [dir, path.join(dir, 'shop'), path.join(dir, 'queue')]
		.filter((folder) => fs.existsSync(folder))
		.flatMap((folder) =>
			fs
				.readdirSync(folder)
				.filter((file) => file.endsWith('.json'))
				.sort()
				.map((file) => {
					const workflow = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
					return { file: path.join(folder, file), id: workflow.id, name: workflow.name };
				}),
		);
}

/**
 * Which templates to import into an instance that already holds `existing` workflows (`[{ id, name }]`),
 * so that no template is there twice and no edit is lost: a template whose id is there was imported
 * by an earlier run (`--keep`) and may have been edited since — `n8n import:workflow` would overwrite
 * it, as it upserts by id; one whose name is there was imported by the user (*Import from File…*
 * gives the workflow a new id) — importing ours would make a second copy. Returns `{ toImport, found }`,
 * `found` being each template kept with the id it has in the instance.
 */
function templatesToImport(templates, existing) {
	const byId = new Map(existing.map((w) => [w.id, w]));
	const byName = new Map(existing.map((w) => [w.name, w]));
	const toImport = [];
	const found = [];
	for (const template of templates) {
		const there = byId.get(template.id) ?? byName.get(template.name);
		if (there) found.push({ ...template, id: there.id, reason: there.id === template.id ? 'kept' : 'same name' });
		else toImport.push(template);
	}
	return { toImport, found };
}

/**
 * Imports the templates `templatesToImport` leaves (all of them into a user folder that had no
 * database: nothing to ask n8n, which saves an n8n start); returns `{ templates, ms }` with each
 * template's id in the instance.
 */
async function importTemplates(runtime, userFolder, workflowsDir, hadDatabase) {
	const started = Date.now();
	const templates = templateFiles(workflowsDir);
	const existing = hadDatabase ? await listWorkflows(runtime, userFolder) : [];
	const { toImport, found } = templatesToImport(templates, existing);
	if (toImport.length > 0) {
		// One n8n start for all of them: a folder of copies, imported with --separate.
		const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-templates-'));
		try {
			for (const template of toImport) fs.copyFileSync(template.file, path.join(staging, path.basename(template.file)));
			await importWorkflows(runtime, userFolder, staging);
		} finally {
			fs.rmSync(staging, { recursive: true, force: true });
		}
	}
	const foundByFile = new Map(found.map((t) => [t.file, t]));
	return {
		templates: templates.map((t) => foundByFile.get(t.file) ?? { ...t, reason: 'imported' }),
		ms: Date.now() - started,
	};
}

/**
 * Prepares a user folder, imports the templates and starts `n8n start`. Resolves once the owner
 * exists, with `{ baseUrl, credentials, createdOwner, templates, userFolder, runtime, stop() }`.
 * Used by `npm run editor` and by the browser check.
 */
async function startEditor(options = {}) {
	const port = options.port ?? 5678;
	const { runtime, userFolder, timings } = await prepareInstance({
		name: options.name ?? 'editor',
		keep: options.keep,
		build: options.build,
		version: options.version,
		tarball: options.tarball,
	});
	const started = Date.now();
	const workflowsDir = options.workflowsDir ?? WORKFLOWS_DIR;
	// Asked before the credentials import creates the database.
	const hadDatabase = fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	// The demo credentials the templates reference (the coupon template's public demo code secret).
	await importCredentials(runtime, userFolder);
	const imported = await importTemplates(runtime, userFolder, workflowsDir, hadDatabase);
	timings.importMs = imported.ms;

	const logFile = path.join(userFolder, 'n8n-editor.log');
	const log = fs.openSync(logFile, 'a');
	const brokerPort = await freePort();
	const child = childProcess.spawn(runtime.nodeBin, [runtime.n8nEntry, 'start'], {
		cwd: userFolder,
		env: cleanEnv(runtime, userFolder, {
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_HOST: 'localhost',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
			N8N_SECURE_COOKIE: 'false',
			...options.env,
		}),
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	const baseUrl = `http://localhost:${port}`;
	const stop = () =>
		new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			const killTimer = setTimeout(() => child.kill('SIGKILL'), 15000);
			child.once('exit', () => {
				clearTimeout(killTimer);
				resolve();
			});
			child.kill('SIGTERM');
		});
	try {
		const settings = await waitUntilReady(baseUrl, child, options.readyTimeoutMs ?? 120000);
		timings.startMs = Date.now() - started - imported.ms;
		const { credentials, created } = await ensureOwner(baseUrl, userFolder, settings);
		return {
			baseUrl,
			credentials,
			createdOwner: created,
			templates: imported.templates,
			userFolder,
			runtime,
			logFile,
			timings,
			child,
			stop,
		};
	} catch (error) {
		await stop();
		const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
		throw new Error(`${error.message}\n--- ${logFile} (last lines) ---\n${tail}`);
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const editor = await startEditor(args);
	const { baseUrl, credentials, createdOwner, templates, runtime, userFolder, logFile, timings } = editor;
	const rel = (p) => path.relative(process.cwd(), p) || '.';
	console.log('');
	console.log(`n8n ${runtime.version} editor with n8n-nodes-commerce-ops: ${baseUrl}`);
	if (createdOwner) {
		console.log('Owner account (created now; shown once, kept in the user folder):');
		console.log(`  email:    ${credentials.email}`);
		console.log(`  password: ${credentials.password}`);
	} else {
		console.log(`Owner account already set up earlier (see ${rel(path.join(userFolder, OWNER_FILE))}).`);
	}
	// The README's import steps are for other n8n instances: here the templates are in already.
	console.log('Templates (already imported; no need to import them from workflows/ again):');
	const notes = { kept: ' (from an earlier run, your edits kept)', 'same name': ' (your own import of it, left as it is)', imported: '' };
	for (const t of templates) console.log(`  ${t.name.padEnd(40)} ${baseUrl}/workflow/${t.id}${notes[t.reason]}`);
	console.log(`User folder ${rel(userFolder)}/ (SQLite database), n8n log ${rel(logFile)}`);
	console.log(
		`Ready in ${formatMs(Object.values(timings).reduce((a, b) => a + b, 0))} ` +
			`(pack ${formatMs(timings.packMs)}, install into n8n ${formatMs(timings.installPackMs)}, import ${formatMs(timings.importMs)}, start ${formatMs(timings.startMs)}). Ctrl-C stops n8n.`,
	);
	let stopping = false;
	const shutdown = async () => {
		stopping = true;
		console.log('\nstopping n8n…');
		await editor.stop();
		process.exit(0);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
	editor.child.once('exit', (code) => {
		if (stopping) return;
		console.error(`n8n exited (${code}); see ${rel(logFile)}`);
		process.exit(code ?? 1);
	});
}

module.exports = { startEditor, templatesToImport, OWNER_FILE };

if (require.main === module) {
	main().catch((error) => {
		console.error(error.message);
		process.exitCode = 1;
	});
}
