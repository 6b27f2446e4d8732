import type { INodeTypeDescription } from 'n8n-workflow';

import { ReorderAlert } from '../ReorderAlert/ReorderAlert.node';
import { reorderAlertDescription } from '../ReorderAlert/description';

/**
 * Reorder Alert's old type, `n8n-nodes-commerce-ops.reorderTrigger`, kept so that workflows
 * saved with it still open and run: the same parameters and the same execute (inherited), left
 * out of the node panel by `hidden` (n8n 2.8.4's editor offers only node types without it: the
 * node types store's `visibleNodeTypes` filters `!nodeType.hidden`; the AI-tool variant n8n
 * derives from `usableAsTool` is a deep copy, hidden too). The name misled n8n's editor into
 * treating the node as a trigger (see reorderAlertDescription); docs/nodes/ReorderTrigger.md
 * says what happened and how to swap.
 */
export class ReorderTrigger extends ReorderAlert {
	description: INodeTypeDescription = {
		...reorderAlertDescription({
			name: 'reorderTrigger',
			displayName: 'Reorder Trigger (Deprecated, Use Reorder Alert 补货预警)',
			defaultName: 'Reorder Alert',
			hidden: true,
		}),
		icon: { light: 'file:../ReorderAlert/reorderAlert.svg', dark: 'file:../ReorderAlert/reorderAlert.dark.svg' },
	};
}
