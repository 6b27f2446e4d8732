import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { xiaohongshuConnector } from './connector';

/** Xiaohongshu Shop (小红书): orders in, stock in and out, through the shared shop connector core. */
export class XiaohongshuShop implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'xiaohongshuShop',
				displayName: 'Xiaohongshu Shop (小红书)',
				description: 'Read orders and stock from a Xiaohongshu (小红书) shop and set stock, through the ark open platform',
			},
			xiaohongshuConnector,
		),
		icon: { light: 'file:xiaohongshuShop.svg', dark: 'file:xiaohongshuShop.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, xiaohongshuConnector);
	}
}
