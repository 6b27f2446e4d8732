/**
 * The pack in an n8n user folder. Creates clean user folders (`.n8n-user/<name>/`, embedded
 * SQLite) and installs the pack there as a community package exactly as n8n 2.8's own installer
 * does (modules/community-packages/community-packages.service.ts `downloadPackage`): the
 * `npm pack` tarball unpacked into `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-commerce-ops`,
 * its dev/peer/optional dependencies stripped, `npm install --install-strategy=shallow
 * --ignore-scripts` inside it. n8n globs `n8n-nodes-*` in that folder at every start, so node
 * types become `n8n-nodes-commerce-ops.<name>`, as on a user's n8n.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { PROJECT_ROOT, PACK_NAME, log, readJson, writeJson, runChecked } = require('./util');
const { npmEnv } = require('./env');
const { ensureRuntime } = require('./install');

const USER_ROOT = path.join(PROJECT_ROOT, '.n8n-user');

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

/**
 * One-call setup used by the demo and the editor: runtime installed, pack built and installed
 * into a fresh user folder. Returns `{ runtime, userFolder, tarball, timings }`.
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

module.exports = { createUserFolder, packPack, installPack, prepareInstance };
