import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { taobaoConnector, tmallConnector } from './connector';

/**
 * Taobao / Tmall (淘宝/天猫): orders in, stock in and out, shop coupons out, through the TOP open
 * platform and the shared shop connector core. The credential's Shop Type says whether orders
 * are written as platform `taobao` or `tmall`.
 */
export class TaobaoShop implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'taobaoShop',
				displayName: 'Taobao / Tmall Shop (淘宝/天猫)',
				description: 'Read orders and stock from a Taobao or Tmall shop, set stock and send shop coupons, through the Taobao open platform (TOP)',
			},
			taobaoConnector,
		),
		icon: { light: 'file:taobaoShop.svg', dark: 'file:taobaoShop.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('taobaoShopApi');
		return await router.call(this, credentials.shopType === 'tmall' ? tmallConnector : taobaoConnector);
	}
}
