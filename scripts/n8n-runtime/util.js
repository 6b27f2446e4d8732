/**
 * What every part of the n8n runtime shares: where the project is, the pack's name, logging and
 * running child processes. Nothing here knows about n8n.
 */
'use strict';

const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const PACK_NAME = require(path.join(PROJECT_ROOT, 'package.json')).name;

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

/** A stable short hash of a file (used to name artefacts after the pack build they came from). */
function fileHash(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

module.exports = {
	PROJECT_ROOT,
	PACK_NAME,
	log,
	formatMs,
	sleepSync,
	readJson,
	writeJson,
	isProcessAlive,
	runChecked,
	runWithProgress,
	freePort,
	fileHash,
};
