/**
 * Shop templates as the end-to-end tests run them inside `n8n start`: the Data Table node
 * works only where n8n loads its modules (start, worker, webhook — not `n8n execute`), so each
 * template is run through a Webhook Trigger put in place of its triggers, answering with the
 * items of its last node. The chain after the trigger is the template's own; a Webhook run
 * saves the workflow's static data like a scheduled run does, so Since Last Run cursors hold
 * between calls. Demo nodes are swapped for a shop node exactly as the template's note says.
 */
import { randomUUID } from 'node:crypto';

import { PACKAGE, type WorkflowJson, type WorkflowNode } from './n8n';

const TRIGGER_TYPES = new Set(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger']);

/** A Webhook Trigger at `path` that answers with every item of the workflow's last node. */
function webhookTrigger(path: string, position: [number, number]): WorkflowNode {
	return {
		id: `webhook-${path}`,
		name: 'Webhook (test)',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
}

/** The workflow with its Manual and Schedule Triggers replaced by a Webhook Trigger at `path`. */
export function viaWebhook(workflow: WorkflowJson, id: string, path: string): WorkflowJson {
	const triggers = workflow.nodes.filter((n) => TRIGGER_TYPES.has(n.type));
	const firstTargets = workflow.connections[triggers[0].name];
	const webhook = webhookTrigger(path, triggers[0].position);
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([name]) => !triggers.some((t) => t.name === name)));
	return {
		...structuredClone(workflow),
		id,
		name: `${workflow.name} (${path})`,
		nodes: [webhook, ...structuredClone(workflow.nodes.filter((n) => !TRIGGER_TYPES.has(n.type)))],
		connections: { ...connections, [webhook.name]: firstTargets },
	};
}

export interface ShopNodeChoice {
	/** Node type name without the package, e.g. `douyinShop`. */
	type: string;
	credentialType: string;
	credentialId: string;
	parameters: Record<string, unknown>;
}

/** Replaces the node named `name` by a shop node (same name, position and connections). */
export function swapNode(workflow: WorkflowJson, name: string, shop: ShopNodeChoice): WorkflowJson {
	const copy = structuredClone(workflow);
	const index = copy.nodes.findIndex((n) => n.name === name);
	if (index < 0) throw new Error(`no node "${name}" in ${workflow.name}`);
	const old = copy.nodes[index];
	copy.nodes[index] = {
		id: old.id,
		name: old.name,
		type: `${PACKAGE}.${shop.type}`,
		typeVersion: 1,
		position: old.position,
		parameters: shop.parameters,
		credentials: { [shop.credentialType]: { id: shop.credentialId, name: `${shop.type} (fake)` } },
	};
	return copy;
}

/** A webhook workflow that answers with every row of a Data Table. */
export function readTableWorkflow(id: string, path: string, table: string): WorkflowJson {
	return {
		id,
		name: `Read ${table} (${path})`,
		nodes: [
			webhookTrigger(path, [0, 0]),
			{
				id: 'read',
				name: 'Read table',
				type: 'n8n-nodes-base.dataTable',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'row', operation: 'get', dataTableId: { __rl: true, mode: 'name', value: table }, returnAll: true },
				alwaysOutputData: true,
			},
		],
		connections: { 'Webhook (test)': { main: [[{ node: 'Read table', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	};
}

/** Calls a published webhook; resolves with the JSON items it answers. */
export async function callWebhook(
	baseUrl: string,
	path: string,
	body: Record<string, unknown> = {},
): Promise<{ status: number; items: Array<Record<string, unknown>>; text: string }> {
	const response = await fetch(`${baseUrl}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await response.text();
	let items: Array<Record<string, unknown>> = [];
	try {
		const parsed = JSON.parse(text) as unknown;
		items = Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : parsed && typeof parsed === 'object' && Object.keys(parsed).length > 0 ? [parsed as Record<string, unknown>] : [];
	} catch {
		// not JSON: left to the caller's assertion on status/text
	}
	return { status: response.status, items, text };
}

/**
 * Waits until n8n has registered the published webhooks: `n8n start` answers its REST API
 * before it has activated the workflows. A GET to a POST webhook tells "registered for another
 * method" apart from "not registered" without running the workflow.
 */
export async function waitForWebhooks(baseUrl: string, paths: string[], timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (const path of paths) {
		for (;;) {
			const response = await fetch(`${baseUrl}/webhook/${path}`, { method: 'GET' });
			const text = await response.text();
			if (!text.includes('The requested webhook')) break;
			if (Date.now() > deadline) throw new Error(`webhook ${path} was not registered within ${timeoutMs / 1000} s: ${text.slice(0, 300)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/** A webhook workflow that deletes the rows of a Data Table changed after `{ after: epoch ms }` (a save cut short). */
export function deleteNewestRowsWorkflow(id: string, path: string, table: string): WorkflowJson {
	return {
		id,
		name: `Delete newest rows of ${table} (${path})`,
		nodes: [
			webhookTrigger(path, [0, 0]),
			{
				id: 'delete',
				name: 'Delete rows',
				type: 'n8n-nodes-base.dataTable',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'row',
					operation: 'deleteRows',
					dataTableId: { __rl: true, mode: 'name', value: table },
					matchType: 'allConditions',
					filters: { conditions: [{ keyName: 'updatedAtMs', condition: 'gt', keyValue: '={{ $json.body.after }}' }] },
					options: {},
				},
				alwaysOutputData: true,
			},
		],
		connections: { 'Webhook (test)': { main: [[{ node: 'Delete rows', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	};
}
