/**
 * What every shop node's workflow test starts from: a credential with no token stored yet
 * (the node gets one on its first call and n8n saves it), and a workflow of a Manual Trigger
 * and the shop node with its credential.
 */
import type { IDataObject, INode, INodeCredentials } from 'n8n-workflow';

import { chain, node, type WorkflowJson } from './n8n';

/** The token fields of a shop credential before its first call: nothing stored yet. */
export const NO_STORED_TOKEN = Object.freeze({
	accessToken: '',
	accessTokenExpiresAt: 0,
	accessTokenObtainedAt: 0,
	refreshToken: '',
	refreshTokenExpiresAt: 0,
});

/**
 * A builder of one shop node's test workflows: Manual Trigger → the node (`nodeName`, of
 * `nodeType`, with `credentials`), or Manual Trigger → a fixture node emitting `items` → the
 * node. `staticData` is the workflow's, updated in place by a run (the Since Last Run cursor);
 * `extra` goes onto the node entry (e.g. `onError`).
 */
export function shopNodeWorkflow(nodeName: string, nodeType: string, credentials: INodeCredentials) {
	return (parameters: IDataObject, staticData: IDataObject = {}, extra: Partial<INode> = {}, items?: IDataObject[]): WorkflowJson & { staticData: IDataObject } => {
		const shop = node(nodeName, nodeType, parameters, { credentials, ...extra });
		if (items === undefined) return { nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), shop], connections: chain('Run', nodeName), staticData };
		return {
			nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), node('Items', 'test.fixture', { items: JSON.stringify(items) }), shop],
			connections: chain('Run', 'Items', nodeName),
			staticData,
		};
	};
}
