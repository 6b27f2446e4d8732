import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { wooCommerceConnector } from './connector';

/** A WooCommerce store: orders in, stock in and out, coupons out, through the shared shop connector core. */
export class WooCommerceStore implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'wooCommerceStore',
				displayName: 'WooCommerce Store (Commerce Ops)',
				description: 'Read orders and stock from a WooCommerce store, set stock and issue Coupon Tier coupons, through the WooCommerce REST API v3',
			},
			wooCommerceConnector,
		),
		icon: { light: 'file:wooCommerceStore.svg', dark: 'file:wooCommerceStore.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, wooCommerceConnector);
	}
}
