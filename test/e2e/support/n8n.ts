/**
 * The real n8n for the end-to-end tests: a clean user folder per test file with the pack
 * installed as a community package (the tarball globalSetup built), workflows imported and
 * executed with n8n's CLI, and their run data read by node name.
 */
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
