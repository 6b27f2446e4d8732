/**
 * A throwaway PostgreSQL server (Debian's `postgresql` package, which .ci/run installs when
 * missing): a fresh cluster in a temporary folder, on 127.0.0.1 and a free port, trust
 * authentication, deleted when stopped. Used by the end-to-end tests and the order-store bench.
 * Postgres refuses to run as root, so as root the cluster belongs to the package's `postgres` user.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('./n8n-runtime/util');

function binDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
	if (versions.length === 0) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does it)');
	return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** Starts a cluster with a database `commerce_ops`; resolves with its address, `sql()` (psql, unaligned rows) and `stop()`. */
async function startPostgres() {
	const bin = binDir();
	const asRoot = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-ops-pg-'));
	const data = path.join(dir, 'data');
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const run = (command, args) =>
		execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale']);
	const port = await freePort();
	run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
	const psql = (database, query) =>
		execFileSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', query], {
			encoding: 'utf8',
			maxBuffer: 1 << 28,
		});
	psql('postgres', 'CREATE DATABASE commerce_ops');
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database: 'commerce_ops',
		sql: (query) => psql('commerce_ops', query),
		stop() {
			try {
				run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}

module.exports = { startPostgres };
