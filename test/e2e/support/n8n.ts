/**
 * The real n8n for the end-to-end tests, and the one typed way into scripts/n8n-runtime/ (plain
 * Node modules shared with `npm run demo` / `npm run editor` / `npm run bench`): a clean user
 * folder per test file with the pack installed as a community package (the tarball globalSetup
 * built), workflows imported and executed with n8n's CLI, their run data read by node name, and
 * `n8n start` with an owner session for what only a running server does.
 */
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A runtime as scripts/n8n-runtime/install.js describes it. */
export interface Runtime {
	version: string;
	dir: string;
	nodeDir: string | null;
	nodeHome: string | null;
	nodeBin: string;
	binDir: string;
	n8nEntry: string;
	marker: string;
}

/** What one n8n CLI command did (scripts/n8n-runtime/run.js runN8n). */
export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	timedOut: boolean;
}

/** Extra variables for an n8n process. */
interface EnvOptions {
	env?: Record<string, string>;
}

// The runtime modules are plain Node scripts; their shapes are written here once.
/* eslint-disable @typescript-eslint/no-require-imports */
const util = require('../../../scripts/n8n-runtime/util') as { PROJECT_ROOT: string; PACK_NAME: string; freePort(): Promise<number> };
const install = require('../../../scripts/n8n-runtime/install') as {
	describeRuntime(version?: string): Runtime;
	ensureRuntime(options?: { version?: string }): Promise<Runtime>;
};
const pack = require('../../../scripts/n8n-runtime/pack') as {
	packPack(options?: { build?: boolean }): string;
	createUserFolder(name: string): string;
	installPack(userFolder: string, tarball: string, runtime: Runtime): string;
};
const run = require('../../../scripts/n8n-runtime/run') as {
	runN8n(runtime: Runtime, userFolder: string, args: string[], options?: EnvOptions): Promise<CliResult>;
	importWorkflows(runtime: Runtime, userFolder: string, input: string, options?: EnvOptions): Promise<CliResult & { count: number }>;
	importCredentials(runtime: Runtime, userFolder: string, input?: string, options?: EnvOptions): Promise<CliResult & { count: number }>;
	executeWorkflow(runtime: Runtime, userFolder: string, workflowId: string, options?: EnvOptions): Promise<Execution>;
	nodeItems(run: RunJson | null, nodeName: string, output?: number): Array<Record<string, unknown>> | undefined;
	nodeError(run: RunJson | null, nodeName: string): NodeErrorJson | undefined;
	startServer(runtime: Runtime, userFolder: string, options?: EnvOptions & { readyTimeoutMs?: number }): Promise<RunningN8n>;
	startWorker(runtime: Runtime, userFolder: string, options?: EnvOptions & { name?: string; concurrency?: number }): Promise<RunningN8n & { name: string }>;
	ownerSession(baseUrl: string, options: { browserId: string; password: string }): Promise<RestSession>;
};
const editorScript = require('../../../scripts/editor') as { startEditor(options: EditorOptions): Promise<Editor> };
/* eslint-enable @typescript-eslint/no-require-imports */

export const PROJECT_ROOT: string = util.PROJECT_ROOT;
export const PACKAGE: string = util.PACK_NAME;
export const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'workflows');

/** A TCP port nothing listens on right now. */
export const freePort = (): Promise<number> => util.freePort();

export interface Instance {
	runtime: Runtime;
	userFolder: string;
	/** Variables every n8n process of the instance gets (e.g. a Postgres database and queue mode). */
	env?: Record<string, string>;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	onError?: string;
	[key: string]: unknown;
}

/** A workflow node for a test's workflow JSON, its id derived from its name. */
export function workflowNode(name: string, type: string, position: [number, number], parameters: Record<string, unknown> = {}, extra = {}): WorkflowNode {
	return { id: name.toLowerCase().replace(/\W+/g, '-'), name, type, typeVersion: 1, position, parameters, ...extra };
}

/** A Code node (version 2) running `jsCode`. */
export function codeNode(name: string, position: [number, number], jsCode: string): WorkflowNode {
	return workflowNode(name, 'n8n-nodes-base.code', position, { jsCode }, { typeVersion: 2 });
}

/** A Code node that outputs `items`, one n8n item per entry (a test's fixed input). */
export function fixedItemsNode(name: string, position: [number, number], items: unknown[]): WorkflowNode {
	return codeNode(name, position, `return ${JSON.stringify(items)}.map((json) => ({ json }));`);
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }> | null> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeErrorJson {
	message: string;
	description?: string;
	context?: { itemIndex?: number; [key: string]: unknown };
	node?: { name: string; type: string };
	name?: string;
}

interface TaskData {
	error?: NodeErrorJson;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface RunJson {
	finished?: boolean;
	status?: string;
	data: { resultData: { error?: NodeErrorJson; runData: Record<string, TaskData[]>; lastNodeExecuted?: string } };
}

export interface Execution {
	ok: boolean;
	exitCode: number | null;
	run: RunJson | null;
	error: NodeErrorJson | null;
	ms: number;
	stdout: string;
	stderr: string;
}

export const n8nVersion = (): string => install.describeRuntime().version;

/** A clean user folder named after the test file and n8n version, with the pack installed. */
export async function freshInstance(name: string): Promise<Instance> {
	const runtime = await install.ensureRuntime();
	const tarball = process.env.E2E_PACK_TARBALL ?? pack.packPack({ build: true });
	const userFolder = pack.createUserFolder(`e2e-${runtime.version}-${name}`);
	pack.installPack(userFolder, tarball, runtime);
	return { runtime, userFolder };
}

/** Imports one file or every *.json of a folder (one n8n start); returns how many and how long. */
export async function importWorkflows(instance: Instance, input: string): Promise<{ count: number; ms: number }> {
	return run.importWorkflows(instance.runtime, instance.userFolder, input, { env: instance.env });
}

/** Imports the demo credentials the templates reference (workflows/credentials/demo-credentials.json). */
export async function importDemoCredentials(instance: Instance): Promise<{ count: number; ms: number }> {
	return run.importCredentials(instance.runtime, instance.userFolder, undefined, { env: instance.env });
}

/**
 * Imports a credentials file (`[{ id, name, type, data }]`, data in clear text; n8n encrypts it
 * on import). Throws if n8n reports a failure.
 */
export async function importCredentials(instance: Instance, file: string): Promise<{ count: number; ms: number }> {
	return run.importCredentials(instance.runtime, instance.userFolder, file, { env: instance.env });
}

/** One n8n CLI command in the instance (e.g. `publish:workflow --id=…`); never throws on a non-zero exit. */
export async function runN8n(instance: Instance, args: string[]): Promise<CliResult> {
	return run.runN8n(instance.runtime, instance.userFolder, args, { env: instance.env });
}

/** Writes workflows built in a test to a folder of the user folder and imports them in one call. */
export async function importBuilt(instance: Instance, workflows: WorkflowJson[]): Promise<{ count: number; ms: number }> {
	const dir = path.join(instance.userFolder, 'workflows-under-test');
	fs.mkdirSync(dir, { recursive: true });
	for (const workflow of workflows) {
		fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	}
	return importWorkflows(instance, dir);
}

export async function execute(instance: Instance, workflowId: string): Promise<Execution> {
	return run.executeWorkflow(instance.runtime, instance.userFolder, workflowId, { env: instance.env });
}

/** JSON of the items a node sent on one output, or undefined when the node did not run. */
export function itemsOf(runJson: RunJson | null, nodeName: string, output = 0): Array<Record<string, unknown>> | undefined {
	return run.nodeItems(runJson, nodeName, output);
}

export function nodeErrorOf(runJson: RunJson | null, nodeName: string): NodeErrorJson | undefined {
	return run.nodeError(runJson, nodeName);
}

export function readTemplates(): Array<{ file: string; workflow: WorkflowJson }> {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) }));
}

/** Nodes a run from `start` reaches through main connections (including `start`). */
export function reachableFrom(workflow: WorkflowJson, start: string): Set<string> {
	const seen = new Set<string>([start]);
	const queue = [start];
	while (queue.length > 0) {
		const name = queue.shift() as string;
		for (const output of workflow.connections[name]?.main ?? []) {
			for (const target of output ?? []) {
				if (!seen.has(target.node)) {
					seen.add(target.node);
					queue.push(target.node);
				}
			}
		}
	}
	return seen;
}

/** Where this run's screenshots and reports go (git-ignored). */
export function artifactsDir(): string {
	const dir = path.join(PROJECT_ROOT, 'test-artifacts', `n8n-${n8nVersion()}`);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/** Failure text that shows what n8n said, for assertion messages. */
export function explain(execution: Execution): string {
	if (execution.error) {
		return `${execution.error.node?.name ?? '?'}: ${execution.error.message}\n${execution.error.description ?? ''}`;
	}
	const parsed = execution.run ? 'run data parsed' : 'no run data found in the output';
	return `exit ${execution.exitCode}, ${parsed}\n${execution.stdout.slice(0, 1500)}\n…\n${execution.stdout.slice(-1500)}\n${execution.stderr.slice(-2000)}`;
}

// ---------------------------------------------------------------------------------------------
// `n8n start` with a logged-in session (its REST API, as the editor uses it)

export interface RunningN8n {
	baseUrl: string;
	child: ChildProcess;
	logFile: string;
	/** The last characters of n8n's log, for failure messages. */
	logTail(chars?: number): string;
	/** SIGTERM (n8n finishes running executions first); the whole process group is killed after 20 s. */
	stop(): Promise<void>;
}

/**
 * `n8n start` with the pack's user folder on free ports, in its own process group; resolves once
 * its REST API answers (scripts/n8n-runtime/run.js startServer).
 */
export async function startN8n(instance: Instance, readyTimeoutMs = 60_000): Promise<RunningN8n> {
	return run.startServer(instance.runtime, instance.userFolder, { readyTimeoutMs, env: instance.env });
}

/**
 * `n8n worker` for an instance in queue mode (its `env` carries the database and Redis); resolves
 * once the worker's readiness endpoint answers (scripts/n8n-runtime/run.js startWorker). Its log
 * is `n8n-<name>.log` in the user folder.
 */
export async function startWorker(instance: Instance, name: string, concurrency = 5): Promise<RunningN8n & { name: string }> {
	return run.startWorker(instance.runtime, instance.userFolder, { name, concurrency, env: instance.env });
}

export interface RestSession {
	/** A REST call as the logged-in owner; resolves with the `data` of n8n's answer, throws on a non-2xx status. */
	request<T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T>;
}

/**
 * Sets up the owner account of a fresh instance the way n8n's setup screen does
 * (`POST /rest/owner/setup`, scripts/n8n-runtime/run.js ownerSession) and keeps the auth cookie
 * it issues.
 */
export async function ownerSession(baseUrl: string): Promise<RestSession> {
	return run.ownerSession(baseUrl, { browserId: `e2e-${Date.now()}`, password: 'E2e-owner-password-7' });
}

/**
 * Publishes (activates) imported workflows through the running n8n's REST API, as the editor's
 * Publish button does (`POST /rest/workflows/:id/activate` with the version to publish; n8n
 * 2.x workflows.controller.js): their triggers and webhooks go live at once, with no restart.
 * One CLI `publish:workflow` per workflow boots n8n each time (about 6 s here).
 */
export async function publishWorkflows(session: RestSession, workflowIds: string[]): Promise<void> {
	for (const id of workflowIds) {
		const { versionId } = await session.request<{ versionId: string }>('GET', `/workflows/${id}`);
		const published = await session.request<{ active: boolean; activeVersionId?: string | null }>('POST', `/workflows/${id}/activate`, { versionId });
		if (!published.active) throw new Error(`workflow ${id} was not published: ${JSON.stringify(published).slice(0, 300)}`);
	}
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	retryOf?: string | null;
	workflowId: string;
	startedAt?: string;
}

/** The executions of one workflow, newest first (`GET /rest/executions`, the Executions list). */
export async function listExecutions(session: RestSession, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const data = await session.request<{ results: ExecutionSummary[] } | ExecutionSummary[]>('GET', `/executions?filter=${filter}&limit=100`);
	return (Array.isArray(data) ? data : data.results).map((e) => ({ ...e, id: String(e.id) }));
}

/** One execution with its run data (`GET /rest/executions/:id`; n8n sends the data `flatted`-encoded). */
export async function executionRun(session: RestSession, instance: Instance, id: string): Promise<ExecutionSummary & { run: RunJson }> {
	const execution = await session.request<ExecutionSummary & { data: string | RunJson['data'] }>('GET', `/executions/${id}`);
	// flatted is n8n's own dependency (its editor decodes the same way).
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(require.resolve('flatted', { paths: [path.join(install.describeRuntime(instance.runtime.version).dir, 'node_modules')] }));
	const data = typeof execution.data === 'string' ? (flatted.parse(execution.data) as RunJson['data']) : execution.data;
	return { ...execution, id: String(execution.id), run: { status: execution.status, data } };
}

// ---------------------------------------------------------------------------------------------
// The editor as `npm run editor` starts it (scripts/editor.js)

export interface EditorOptions {
	/** User folder name under .n8n-user/. */
	name?: string;
	/** An already built pack (globalSetup's); otherwise the script packs one. */
	tarball?: string;
	build?: boolean;
	port?: number;
}

export interface Editor {
	baseUrl: string;
	/** The owner account the script set up. */
	credentials: { email: string; password: string };
	stop(): Promise<void>;
}

/** n8n's editor with the pack and every template, the owner set up (scripts/editor.js startEditor). */
export async function startEditor(options: EditorOptions): Promise<Editor> {
	return editorScript.startEditor(options);
}
