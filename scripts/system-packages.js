/**
 * The Debian packages the end-to-end suite needs, each with how to tell it is there:
 * Chromium for the browser check, a CJK font so screenshots show 中文 labels, PostgreSQL for the
 * order store's Postgres variant and n8n's queue mode, Redis for the queue mode. The tests start
 * their own throwaway servers (scripts/postgres.js, scripts/redis.js); nothing runs as a service.
 *
 * `node scripts/system-packages.js` (and the e2e suite's global setup, so that `npm test` alone
 * works on a fresh machine) installs the missing ones with apt-get when it runs as root, and
 * otherwise stops with the command to run. Only Node's built-in modules: .ci/run calls it before
 * `npm ci`.
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const PACKAGES = [
	{ name: 'chromium', present: () => fs.existsSync('/usr/bin/chromium') },
	{ name: 'fonts-wqy-microhei', present: () => hasChineseFont() },
	{ name: 'postgresql', present: () => fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) },
	{ name: 'redis-server', present: () => fs.existsSync('/usr/bin/redis-server') },
];

function hasChineseFont() {
	const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
	return result.status === 0 && result.stdout.trim() !== '';
}

const missingPackages = () => PACKAGES.filter((p) => !p.present()).map((p) => p.name);

/** Installs what is missing (as root, with apt-get); returns the names installed. */
function ensureSystemPackages(log = (line) => process.stderr.write(`${line}\n`)) {
	const missing = missingPackages();
	if (missing.length === 0) return [];
	const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
	if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(`The end-to-end tests need ${missing.join(', ')}. Install them with: sudo ${command}`);
	}
	log(`[system-packages] installing ${missing.join(' ')} (apt-get; waits for another apt's lock)`);
	// Another apt may be running (e.g. a Chromium install already under way): wait for its lock.
	const apt = (args) =>
		execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=900', ...args], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
	const still = missingPackages();
	if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}`);
	return missing;
}

if (require.main === module) {
	try {
		const installed = ensureSystemPackages();
		console.log(installed.length ? `installed: ${installed.join(' ')}` : 'system packages: all present');
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}

module.exports = { PACKAGES, missingPackages, ensureSystemPackages };
