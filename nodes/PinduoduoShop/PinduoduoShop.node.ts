import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { pinduoduoConnector } from './connector';

/** Pinduoduo Shop (拼多多): orders in, stock in and out, through the shared shop connector core. */
export class PinduoduoShop implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'pinduoduoShop',
				displayName: 'Pinduoduo Shop (拼多多)',
				description: 'Read orders and stock from a Pinduoduo (拼多多) shop and set stock, through the Pinduoduo open platform (POP)',
			},
			pinduoduoConnector,
		),
		icon: { light: 'file:pinduoduoShop.svg', dark: 'file:pinduoduoShop.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, pinduoduoConnector);
	}
}
