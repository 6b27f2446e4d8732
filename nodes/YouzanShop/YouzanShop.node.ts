import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { youzanConnector } from './connector';

/** Youzan Shop (有赞): orders in, stock in and out, coupons out, through the shared shop connector core. */
export class YouzanShop implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'youzanShop',
				displayName: 'Youzan Shop (有赞)',
				description: 'Read orders and stock from a Youzan (有赞) shop, set stock and issue coupons, through the Youzan Cloud open API',
			},
			youzanConnector,
		),
		icon: { light: 'file:youzanShop.svg', dark: 'file:youzanShop.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, youzanConnector);
	}
}
