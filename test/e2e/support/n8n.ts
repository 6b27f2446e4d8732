/**
 * The real n8n for the end-to-end tests: a clean user folder per test file with the pack
 * installed as a community package (the tarball globalSetup built), workflows imported and
 * executed with n8n's CLI, and their run data read by node name.
 */
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// Plain Node scripts shared with `npm run demo` / `npm run editor`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeLib = require('../../../scripts/n8n-runtime');

export const PROJECT_ROOT: string = runtimeLib.PROJECT_ROOT;
export const PACKAGE: string = runtimeLib.PACK_NAME;
export const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'workflows');

export interface Runtime {
	version: string;
	nodeBin: string;
}

export interface Instance {
	runtime: Runtime;
	userFolder: string;
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

export const n8nVersion = (): string => runtimeLib.describeRuntime().version;

/** A clean user folder named after the test file and n8n version, with the pack installed. */
export async function freshInstance(name: string): Promise<Instance> {
	const runtime: Runtime = await runtimeLib.ensureRuntime();
	const tarball = process.env.E2E_PACK_TARBALL ?? runtimeLib.packPack({ build: true });
	const userFolder: string = runtimeLib.createUserFolder(`e2e-${runtime.version}-${name}`);
	runtimeLib.installPack(userFolder, tarball, runtime);
	return { runtime, userFolder };
}

/** Imports one file or every *.json of a folder (one n8n start); returns how many and how long. */
export async function importWorkflows(instance: Instance, input: string): Promise<{ count: number; ms: number }> {
	return runtimeLib.importWorkflows(instance.runtime, instance.userFolder, input);
}

/** Imports the demo credentials the templates reference (workflows/credentials/demo-credentials.json). */
export async function importDemoCredentials(instance: Instance): Promise<{ count: number; ms: number }> {
	return runtimeLib.importCredentials(instance.runtime, instance.userFolder);
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
	return runtimeLib.executeWorkflow(instance.runtime, instance.userFolder, workflowId);
}

/** JSON of the items a node sent on one output, or undefined when the node did not run. */
export function itemsOf(run: RunJson | null, nodeName: string, output = 0): Array<Record<string, unknown>> | undefined {
	return runtimeLib.nodeItems(run, nodeName, output);
}

export function nodeErrorOf(run: RunJson | null, nodeName: string): NodeErrorJson | undefined {
	return runtimeLib.nodeError(run, nodeName);
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

/** `n8n start` with the pack's user folder (scripts/n8n-runtime.js startServer). */
export async function startN8n(instance: Instance, readyTimeoutMs = 60_000): Promise<RunningN8n> {
	return (await runtimeLib.startServer(instance.runtime, instance.userFolder, { readyTimeoutMs })) as RunningN8n;
}

export interface RestSession {
	/** A REST call as the logged-in owner; resolves with the `data` of n8n's answer, throws on a non-2xx status. */
	request<T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T>;
}

/**
 * Sets up the owner account of a fresh instance the way n8n's setup screen does
 * (`POST /rest/owner/setup`, as scripts/editor.js) and keeps the auth cookie it issues. Every
 * request carries the same `browser-id` header: n8n binds the session to it.
 */
export async function ownerSession(baseUrl: string): Promise<RestSession> {
	const browserId = `e2e-${Date.now()}`;
	const owner = { email: 'owner@commerce-ops.local', firstName: 'Shop', lastName: 'Owner', password: 'E2e-owner-password-7' };
	const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify(owner),
	});
	if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
	const cookie = (setup.headers.get('set-cookie') ?? '')
		.split(/,(?=\s*[\w-]+=)/)
		.map((part) => part.split(';')[0].trim())
		.filter((part) => part.startsWith('n8n-auth='))
		.join('; ');
	if (cookie === '') throw new Error('owner setup issued no n8n-auth cookie');
	return {
		async request<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
			const response = await fetch(`${baseUrl}/rest${route}`, {
				method,
				headers: { cookie, 'browser-id': browserId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${method} /rest${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
			return (JSON.parse(text) as { data: T }).data;
		},
	};
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
	const flatted = require(require.resolve('flatted', { paths: [path.join(runtimeLib.describeRuntime(instance.runtime.version).dir, 'node_modules')] }));
	const data = typeof execution.data === 'string' ? (flatted.parse(execution.data) as RunJson['data']) : execution.data;
	return { ...execution, id: String(execution.id), run: { status: execution.status, data } };
}
