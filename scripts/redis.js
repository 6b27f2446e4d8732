/**
 * A throwaway Redis server (Debian's `redis-server` package, which .ci/run installs when missing):
 * on 127.0.0.1 and a free port, no persistence, its working folder in a temporary directory that
 * is deleted when stopped. n8n's queue mode keeps its job queue (Bull) in it; the queue-mode
 * end-to-end suite starts one per run, next to the throwaway PostgreSQL of scripts/postgres.js.
 */
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('./n8n-runtime/util');

function serverBinary() {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
		if (fs.existsSync(candidate)) return candidate;
	}
	try {
		return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error('Redis is not installed: apt-get install redis-server (.ci/run does it)');
	}
}

/** One PING over a fresh connection: true once the server answers +PONG. */
function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(reply.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/** Starts a server; resolves with `{ host, port, stop() }` once it answers PING. */
async function startRedis({ readyTimeoutMs = 15_000 } = {}) {
	const binary = serverBinary();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-ops-redis-'));
	const port = await freePort();
	const log = fs.openSync(path.join(dir, 'server.log'), 'w');
	// No snapshots, no append-only file: a queue for one test run, nothing to keep.
	const child = spawn(binary, ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + readyTimeoutMs;
	while (!(await ping(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			const tail = fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000);
			await stop();
			throw new Error(`redis-server did not answer on 127.0.0.1:${port}:\n${tail}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { host: '127.0.0.1', port, stop };
}

module.exports = { startRedis };
