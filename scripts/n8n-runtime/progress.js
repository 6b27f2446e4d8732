/**
 * What the first n8n install tells the user while they wait. `npm install n8n` prints nothing
 * useful for minutes (with --loglevel=error, nothing at all), so every ~15 s the installer looks
 * at the folder npm is filling and names the phase it is in, with the time so far and what the
 * whole install took when it was measured.
 *
 * The phases follow what npm 11 does, in order: it resolves the dependency tree (node_modules
 * still empty), downloads and unpacks the packages (the count of packages in node_modules grows),
 * then runs the install scripts the runtime allows — the long one is sqlite3's, which compiles
 * its binding with node-gyp when no prebuilt binary fits (`node_modules/sqlite3/build/` exists,
 * `build/Release/node_sqlite3.node` not yet). Plain functions of what is on disk, so they can be
 * tested without installing anything.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { formatMs } = require('./util');

/**
 * What one n8n install took when it was measured, for the first line the user reads. Sources:
 * the CI notes (each n8n install 206–360 s with npm's cache warm; commit 337a590: both installs
 * 968 s in one clean run on a busy machine) and issue 12 (the first `npm run editor`, 528 s on 2
 * cores, mostly compiling sqlite3). A machine whose npm cache is empty also downloads about 2.3 GB.
 */
const MEASURED = '3½–6 min here with npm’s cache warm, up to 9 min on a busy 2-core machine, plus the ~2.3 GB download on a fresh one';

/** Counts the packages in a node_modules folder (scoped ones one by one); 0 when it is missing. */
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

/**
 * What npm is doing, from a snapshot of the folder: `{ packages, previousPackages, sqlite3 }` where
 * `sqlite3` is 'absent', 'building' (build/ made, binding not yet) or 'built'.
 */
function installPhase({ packages, previousPackages = 0, sqlite3 = 'absent' }) {
	if (packages === 0) return 'resolving dependencies (npm reads the package tree)';
	if (sqlite3 === 'building') return `building sqlite3 from source (${packages} packages unpacked; the longest step on 2 cores)`;
	if (packages > previousPackages) return `downloading and unpacking packages (${packages} so far)`;
	if (sqlite3 === 'built') return `running the last install scripts (${packages} packages, sqlite3 built)`;
	return `running install scripts (${packages} packages unpacked)`;
}

/** The state of sqlite3's native binding in a node_modules folder (see installPhase). */
function sqlite3State(nodeModules) {
	const dir = path.join(nodeModules, 'sqlite3');
	if (fs.existsSync(path.join(dir, 'build', 'Release', 'node_sqlite3.node'))) return 'built';
	return fs.existsSync(path.join(dir, 'build')) ? 'building' : 'absent';
}

/** One progress line: `… installing n8n 2.8.4 (first run only): 1 min 15 s, building sqlite3 …`. */
function progressLine(what, elapsedMs, phase) {
	return `… installing ${what} (first run only): ${formatElapsed(elapsedMs)}, ${phase}`;
}

/** Elapsed time as people read it: `45 s`, `2 min 05 s`. */
function formatElapsed(ms) {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * A heartbeat for runWithProgress that watches `nodeModules`: each call returns the next
 * progress line (it remembers the package count of the previous call).
 */
function installHeartbeat(what, nodeModules) {
	let previousPackages = 0;
	return (elapsedMs) => {
		const packages = countInstalledPackages(nodeModules);
		const phase = installPhase({ packages, previousPackages, sqlite3: sqlite3State(nodeModules) });
		previousPackages = packages;
		return progressLine(what, elapsedMs, phase);
	};
}

module.exports = {
	MEASURED,
	countInstalledPackages,
	installPhase,
	sqlite3State,
	progressLine,
	formatElapsed,
	installHeartbeat,
};
