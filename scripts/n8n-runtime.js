#!/usr/bin/env node
/**
 * A real n8n for the demo, the editor and the end-to-end tests, kept out of the pack's own
 * dependencies. The work is done by the modules in scripts/n8n-runtime/:
 * - install.js  a pinned n8n in `.n8n-runtime/<version>/` (n8n 2.8.4 on this Node by default,
 *               2.41.1 on Node 24 with `--n8n-version=2.41.1` or N8N_VERSION=2.41.1);
 * - pack.js     clean user folders in `.n8n-user/<name>/` with the pack installed as a
 *               community package, as n8n's own installer does;
 * - run.js      n8n CLI commands with a clean environment and their run data parsed; `n8n start`
 *               as a server with an owner session;
 * - env.js, util.js  the environments of the processes started, logging, ports.
 * Scripts require those modules; tests go through test/e2e/support/n8n.ts, which types them.
 *
 * CLI:  node scripts/n8n-runtime.js install [--n8n-version=X]
 *       node scripts/n8n-runtime.js info    [--n8n-version=X]
 *       node scripts/n8n-runtime.js n8n [--n8n-version=X] [--user-folder=DIR] -- <n8n args>
 */
'use strict';

const childProcess = require('node:child_process');
const path = require('node:path');

const { PROJECT_ROOT, formatMs } = require('./n8n-runtime/util');
const { cleanEnv } = require('./n8n-runtime/env');
const { describeRuntime, ensureRuntime, isInstalled } = require('./n8n-runtime/install');
const { createUserFolder } = require('./n8n-runtime/pack');

async function main(argv) {
	const [command = 'install', ...rest] = argv.filter((arg) => !arg.startsWith('--n8n-version='));
	if (command === 'install') {
		const started = Date.now();
		const runtime = await ensureRuntime();
		console.log(`n8n ${runtime.version} ready at ${path.relative(PROJECT_ROOT, runtime.dir)}/ (${formatMs(Date.now() - started)})`);
	} else if (command === 'info') {
		const runtime = describeRuntime();
		console.log(JSON.stringify({ ...runtime, installed: isInstalled(runtime) }, null, 2));
	} else if (command === 'n8n') {
		const runtime = await ensureRuntime();
		const folderFlag = rest.find((arg) => arg.startsWith('--user-folder='));
		const userFolder = folderFlag ? path.resolve(folderFlag.split('=')[1]) : createUserFolder('cli', { keep: true });
		const n8nArgs = rest.slice(rest.indexOf('--') + 1);
		const child = childProcess.spawnSync(runtime.nodeBin, [runtime.n8nEntry, ...n8nArgs], {
			stdio: 'inherit',
			env: cleanEnv(runtime, userFolder),
		});
		process.exitCode = child.status ?? 1;
	} else {
		console.error('usage: node scripts/n8n-runtime.js install|info|n8n [--n8n-version=2.8.4|2.41.1] [-- n8n args]');
		process.exitCode = 2;
	}
}

main(process.argv.slice(2)).catch((error) => {
	console.error(error.message);
	process.exitCode = 1;
});
