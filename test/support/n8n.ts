/**
 * Runs workflows in-process with n8n-core's WorkflowExecute — the engine n8n itself uses —
 * on this pack's nodes (from their TypeScript sources), plus two small stand-ins for n8n's
 * built-in nodes the tests start from: the Manual Trigger and a "fixture" node emitting
 * given items (in place of a Code node). The end-to-end suite (test/e2e) runs the real n8n.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type ICredentialsDecrypted,
	type IExecuteData,
	type ICredentialDataDecryptedObject,
	type ICredentialsHelper,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IHttpRequestOptions,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type INodeParameters,
} from 'n8n-workflow';


export const PACKAGE = 'n8n-nodes-commerce-ops';
const ROOT = path.join(__dirname, '../..');

class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'stand-in',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

/** Emits the items in its `items` parameter (a JSON array), like a Code node returning them. */
class Fixture implements INodeType {
	description = {
		displayName: 'Fixture',
		name: 'fixture',
		group: ['transform'],
		version: 1,
		description: 'stand-in',
		defaults: { name: 'Fixture' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const STAND_INS: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'test.fixture': new Fixture(),
};

/**
 * The pack's nodes, found the way n8n finds them: from the `n8n.nodes` list in
 * package.json (dist paths, mapped back to their TypeScript sources), loaded on first use.
 */
let packNodes: Map<string, INodeType> | undefined;
function loadPackNodes(): Map<string, INodeType> {
	if (packNodes) return packNodes;
	packNodes = new Map();
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	for (const distPath of manifest.n8n.nodes) {
		const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, new () => INodeType>;
		for (const NodeClass of Object.values(exported)) {
			if (typeof NodeClass !== 'function') continue;
			const instance = new NodeClass();
			if (instance.description?.name) packNodes.set(`${PACKAGE}.${instance.description.name}`, instance);
		}
	}
	return packNodes;
}

/** The pack's credential types, from the `n8n.credentials` list in package.json (as n8n loads them). */
let packCredentials: Map<string, ICredentialType> | undefined;
function loadPackCredentials(): Map<string, ICredentialType> {
	if (packCredentials) return packCredentials;
	packCredentials = new Map();
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials?: string[] } };
	for (const distPath of manifest.n8n.credentials ?? []) {
		const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, new () => ICredentialType>;
		for (const CredentialClass of Object.values(exported)) {
			if (typeof CredentialClass !== 'function') continue;
			const instance = new CredentialClass();
			if (instance.name) packCredentials.set(instance.name, instance);
		}
	}
	return packCredentials;
}

/**
 * Test credentials by credential type name. A minimal stand-in for n8n's CredentialsHelper:
 * `getDecrypted` returns the data given here, `authenticate` applies the credential type's own
 * `authenticate` function (the only kind the pack uses), so requests are signed exactly as in n8n.
 */
export type TestCredentials = Record<string, ICredentialDataDecryptedObject>;

/** Credential saves made by preAuthentication (token refreshes), in order: which type, which fields. */
export const credentialUpdates: Array<{ type: string; fields: string[] }> = [];

function credentialsHelper(credentials: TestCredentials): ICredentialsHelper {
	const unsupported = (what: string) => () => {
		throw new Error(`${what} is not available in in-process tests`);
	};
	return {
		getParentTypes: () => [],
		async authenticate(data: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions) {
			const authenticate = loadPackCredentials().get(typeName)?.authenticate;
			if (authenticate === undefined) return requestOptions;
			if (typeof authenticate !== 'function') throw new Error(`${typeName}: only function authenticate is supported in-process`);
			return await authenticate(data, requestOptions);
		},
		// As n8n's CredentialsHelper.preAuthentication (packages/cli/src/credentials-helper.ts):
		// when the credential's hidden `expirable` property is empty, or a request "failed with
		// 401", call the credential's preAuthentication and save what it returns.
		async preAuthentication(
			helpers: { helpers: unknown },
			data: ICredentialDataDecryptedObject,
			typeName: string,
			_node: INode,
			credentialsExpired: boolean,
		) {
			const type = loadPackCredentials().get(typeName);
			const expirable = type?.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
			if (!type || expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
			if (data[expirable.name] !== '' && data[expirable.name] !== undefined && !credentialsExpired) return undefined;
			const output = await type.preAuthentication.call(helpers as never, data);
			if (output[expirable.name] === undefined) return undefined;
			Object.assign(credentials[typeName], output);
			credentialUpdates.push({ type: typeName, fields: Object.keys(output) });
			return Object.assign(data, output);
		},
		async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
			const data = credentials[type];
			if (!data) throw new Error(`No test credentials of type "${type}": pass them to runWorkflow`);
			return { ...data };
		},
		getCredentials: unsupported('getCredentials'),
		updateCredentials: unsupported('updateCredentials'),
		updateCredentialsOauthTokenData: unsupported('updateCredentialsOauthTokenData'),
		getCredentialsProperties: (type: string) => loadPackCredentials().get(type)?.properties ?? [],
	} as unknown as ICredentialsHelper;
}

export const nodeTypes: INodeTypes = {
	getByName: (type) => lookup(type),
	getByNameAndVersion: (type) => lookup(type),
	getKnownTypes: () => ({}),
};

function lookup(type: string): INodeType {
	const nodeType = STAND_INS[type] ?? loadPackNodes().get(type);
	if (!nodeType) throw new Error(`Unknown node type ${type} in an in-process test`);
	return nodeType;
}

export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Items of a node's output (default: first output, first run). */
	output(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error a node ended with, if any. */
	errorOf(nodeName: string): Error | undefined;
}

/**
 * Executes a workflow from its Manual Trigger, as "Execute Workflow" in the editor does.
 * `credentials` (by credential type) serve nodes whose entry names a credential; the workflow's
 * `staticData` object is updated in place, so a test can run the same workflow again with it.
 */
export async function runWorkflow(workflowJson: WorkflowJson, credentials: TestCredentials = {}): Promise<RunResult> {
	const workflow = new Workflow({
		id: 'in-process-test',
		name: 'in-process test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		settings: workflowJson.settings,
		staticData: workflowJson.staticData,
	});
	const startNode = workflowJson.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!startNode) throw new Error('The workflow needs a Manual Trigger');
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowJson as unknown as IWorkflowBase);
	const additionalData = {
		hooks,
		executionId: 'test-execution',
		credentialsHelper: credentialsHelper(credentials),
	} as unknown as IWorkflowExecuteAdditionalData;
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: workflow.getNode(startNode.name)! });
	const runData = run.data.resultData.runData;
	return {
		run,
		output(nodeName, outputIndex = 0) {
			const task = runData[nodeName]?.[0];
			if (!task) throw new Error(`Node "${nodeName}" did not run`);
			return (task.data?.main?.[outputIndex] ?? []).map((item) => item.json);
		},
		errorOf(nodeName) {
			return runData[nodeName]?.[0]?.error as Error | undefined;
		},
	};
}

/** A node entry for a workflow, with positions laid out left to right. */
export function node(name: string, type: string, parameters: IDataObject = {}, extra: Partial<INode> = {}): INode {
	return {
		id: name.replace(/\W+/g, '-').toLowerCase(),
		name,
		type: type.includes('.') ? type : `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INodeParameters,
		...extra,
	};
}

/** Connects nodes in a chain: a → b → c (each from output 0). */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/**
 * What n8n's credential tester (packages/cli credentials-tester.service.ts) does with a
 * credential's `test`: a temporary node whose only property routes the test request, run by
 * n8n-core's RoutingNode (so through the credential's preAuthentication and authenticate, as
 * n8n does for a saved credential), then the rules turn a known answer into a failure. Resolves
 * with 'OK' or the failure message.
 */
export async function testCredential(type: ICredentialType, data: ICredentialDataDecryptedObject): Promise<string> {
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: type.test!.request }, default: '' }],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type.name]: { id: '1', name: 'Credential under test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	const helper = credentialsHelper({ [type.name]: data });
	const additionalData = { credentialsHelper: helper } as unknown as IWorkflowExecuteAdditionalData;
	const executeData = { node, data: {}, source: null } as unknown as IExecuteData;
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createEmptyRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, executeData, []);
	const credentials = { id: '1', name: 'Credential under test', type: type.name, data } as ICredentialsDecrypted;
	let body: IDataObject;
	try {
		const response = (await new RoutingNode(context, nodeType, credentials).runNode()) as INodeExecutionData[][];
		// An empty list answers (e.g. no orders yet) with no items: nothing for the rules to read.
		body = response[0]?.[0]?.json ?? {};
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } }; httpCode?: string }).cause?.response?.status ?? Number((error as { httpCode?: string }).httpCode);
		for (const rule of type.test!.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status) return rule.properties.message;
		}
		return `Error: ${(error as Error).message}`;
	}
	for (const rule of type.test!.rules ?? []) {
		// n8n reads the key as a path (lodash get: `error_response.error_code`), credentials-tester.service.js.
		const value = rule.type === 'responseSuccessBody' ? rule.properties.key.split('.').reduce<unknown>((at, key) => (at as IDataObject | undefined)?.[key], body) : undefined;
		if (rule.type === 'responseSuccessBody' && value === rule.properties.value) return rule.properties.message;
	}
	return 'OK';
}
