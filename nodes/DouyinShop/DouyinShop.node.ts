import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { douyinConnector } from './connector';

/** Douyin Shop (抖店): orders in, stock in and out, through the shared shop connector core. */
export class DouyinShop implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'douyinShop',
				displayName: 'Douyin Shop (抖店)',
				description: 'Read orders and stock from a Douyin Shop (抖店) and set stock, through the Doudian open platform',
			},
			douyinConnector,
		),
		icon: { light: 'file:douyinShop.svg', dark: 'file:douyinShop.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, douyinConnector);
	}
}
