/**
 * Running n8n: one CLI command at a time (`n8n import:workflow`, `n8n execute --rawOutput`, …)
 * with a clean environment and its run data parsed, or `n8n start` as a server with the owner
 * account set up over its REST API.
 */
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { PROJECT_ROOT, log, formatMs, freePort } = require('./util');
const { cleanEnv } = require('./env');
const { describeRuntime } = require('./install');

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
 * Throws if n8n reports a failure. `options.env`: as for runN8n (e.g. a Postgres database).
 */
async function importWorkflows(runtime, userFolder, input, options = {}) {
	const isDir = fs.statSync(input).isDirectory();
	const args = ['import:workflow', `--input=${path.resolve(input)}`];
	if (isDir) args.push('--separate');
	const result = await runN8n(runtime, userFolder, args, options);
	const imported = /Successfully imported (\d+) workflow/.exec(result.stdout);
	if (result.code !== 0 || !imported) {
		throw new Error(`n8n import:workflow failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return { ...result, count: Number(imported[1]) };
}

/**
 * The workflows an instance holds, as `n8n list:workflow` prints them (one `<id>|<name>` line
 * each, among n8n's own log lines). Returns `[{ id, name }]`; throws if n8n fails.
 */
async function listWorkflows(runtime, userFolder) {
	const result = await runN8n(runtime, userFolder, ['list:workflow']);
	if (result.code !== 0) throw new Error(`n8n list:workflow failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	return parseWorkflowList(result.stdout);
}

/** Reads `n8n list:workflow` output: n8n's workflow ids are 1–36 letters, digits, `-` or `_`. */
function parseWorkflowList(stdout) {
	return stdout
		.split('\n')
		.map((line) => /^([A-Za-z0-9_-]{1,36})\|(.+)$/.exec(line.trim()))
		.filter(Boolean)
		.map(([, id, name]) => ({ id, name }));
}

/**
 * Demo credentials the templates reference (e.g. the Coupon Tier's code secret), as
 * `n8n import:credentials` reads them: an array of { id, name, type, data } with `data` in
 * clear text, which n8n encrypts with the instance's key on import. The secrets in it are
 * public demo values; the templates' sticky notes tell users to replace them.
 */
const DEMO_CREDENTIALS = path.join(PROJECT_ROOT, 'workflows', 'credentials', 'demo-credentials.json');

/** Imports a credentials file (default: the demo credentials). Throws if n8n reports a failure. */
async function importCredentials(runtime, userFolder, input = DEMO_CREDENTIALS, options = {}) {
	const result = await runN8n(runtime, userFolder, ['import:credentials', `--input=${path.resolve(input)}`], options);
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
	if (start < 0) return null;
	// n8n may log after the run JSON, and such a log can end in a line `}` too (with Postgres, an
	// error object from a statistics query the CLI's exit cut short): try the closing lines from
	// the last one back until the text between parses.
	let lastError = null;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch (error) {
			lastError = error;
		}
	}
	if (lastError && process.env.N8N_RUNTIME_VERBOSE) log(`could not parse the run JSON n8n printed: ${lastError.message}`);
	return null;
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
 * One long-running n8n process (`n8n start`, `n8n worker`) in its own process group, output to a
 * log file in the user folder; resolves once `ready(child)` says so. `stop()` sends SIGTERM (n8n
 * finishes running executions first) and kills the whole group after 20 s.
 */
async function startProcess(runtime, userFolder, { args, env, logName, readyTimeoutMs, ready }) {
	const logFile = path.join(userFolder, logName);
	const logFd = fs.openSync(logFile, 'w');
	const child = childProcess.spawn(runtime.nodeBin, [describeRuntime(runtime.version).n8nEntry, ...args], {
		cwd: userFolder,
		env: cleanEnv(runtime, userFolder, env),
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
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n ${args[0]} exited (${child.exitCode}) before it was ready:\n${logTail()}`);
		if (await ready()) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n ${args[0]} was not ready within ${readyTimeoutMs / 1000} s:\n${logTail()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	return { child, logFile, logTail, stop };
}

/** True when a GET of `url` answers 2xx (with a JSON body when `json`). */
async function answers(url, json) {
	try {
		const response = await fetch(url);
		return response.ok && (!json || (response.headers.get('content-type') ?? '').includes('json'));
	} catch {
		return false; // not listening yet
	}
}

/**
 * `n8n start` on free ports; resolves once the REST API answers (`/rest/settings`, the first
 * thing the editor asks for). The server is what loads n8n's modules (Data Tables among them),
 * which `n8n execute` does not. `options.env` adds variables (a database, queue mode…).
 */
async function startServer(runtime, userFolder, options = {}) {
	const port = await freePort();
	const brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const server = await startProcess(runtime, userFolder, {
		args: ['start'],
		logName: options.logName ?? 'n8n-start.log',
		readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
		env: {
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_HOST: 'localhost',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			...(options.env ?? {}),
		},
		ready: () => answers(`${baseUrl}/rest/settings`, true),
	});
	return { baseUrl, ...server };
}

/**
 * `n8n worker` (queue mode: it takes executions from the Redis queue the main process fills);
 * resolves once its readiness endpoint says the database and Redis are connected
 * (`/healthz/readiness`, n8n's scaling/worker-server.js, switched on by QUEUE_HEALTH_CHECK_ACTIVE).
 * `options.env` must carry the same database and queue settings as the main process.
 */
async function startWorker(runtime, userFolder, options = {}) {
	const port = await freePort();
	const brokerPort = await freePort();
	const name = options.name ?? 'worker';
	const worker = await startProcess(runtime, userFolder, {
		args: ['worker', `--concurrency=${options.concurrency ?? 5}`],
		logName: `n8n-${name}.log`,
		readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
		env: {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...(options.env ?? {}),
		},
		ready: () => answers(`http://127.0.0.1:${port}/healthz/readiness`, false),
	});
	return { name, ...worker };
}

/**
 * Creates the owner account of a fresh instance the way n8n's setup screen does
 * (`POST /rest/owner/setup`; n8n 2.x has no environment variables for the owner). `owner`:
 * { email, firstName, lastName, password } (8+ characters with a digit and an uppercase letter).
 * With a `browserId`, the auth cookie n8n issues is bound to it. Resolves with n8n's response.
 */
async function setupOwner(baseUrl, owner, browserId) {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(browserId ? { 'browser-id': browserId } : {}) },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	return response;
}

/**
 * Sets up the owner of a fresh instance and keeps the auth cookie it issues: resolves with
 * `{ request(method, route, body?) }`, a REST call as the owner that resolves with the `data` of
 * n8n's answer and throws on a non-2xx status. Every request carries the same `browser-id`
 * header: n8n binds the session to it. Options: `password`, `browserId`.
 */
async function ownerSession(baseUrl, options) {
	const { browserId, password } = options;
	const setup = await setupOwner(baseUrl, { email: 'owner@commerce-ops.local', firstName: 'Shop', lastName: 'Owner', password }, browserId);
	const cookie = (setup.headers.get('set-cookie') ?? '')
		.split(/,(?=\s*[\w-]+=)/)
		.map((part) => part.split(';')[0].trim())
		.filter((part) => part.startsWith('n8n-auth='))
		.join('; ');
	if (cookie === '') throw new Error('owner setup issued no n8n-auth cookie');
	return {
		async request(method, route, body) {
			const response = await fetch(`${baseUrl}/rest${route}`, {
				method,
				headers: { cookie, 'browser-id': browserId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${method} /rest${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
			return JSON.parse(text).data;
		},
	};
}

module.exports = {
	runN8n,
	importWorkflows,
	listWorkflows,
	parseWorkflowList,
	DEMO_CREDENTIALS,
	importCredentials,
	extractRunJson,
	executeWorkflow,
	nodeItems,
	nodeError,
	startServer,
	startWorker,
	setupOwner,
	ownerSession,
};
