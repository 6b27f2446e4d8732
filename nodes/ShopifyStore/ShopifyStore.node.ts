import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from '../shared/shop/actions/router';
import { shopNodeDescription } from '../shared/shop/description';
import { shopifyConnector } from './connector';

/** Shopify store: orders in, stock in and out, coupons out, through the shared shop connector core. */
export class ShopifyStore implements INodeType {
	description: INodeTypeDescription = {
		...shopNodeDescription(
			{
				name: 'shopifyStore',
				displayName: 'Shopify Store (Commerce Ops)',
				description: 'Read orders and stock from a Shopify store, set stock and issue Coupon Tier coupons, through the GraphQL Admin API',
			},
			shopifyConnector,
		),
		icon: { light: 'file:shopifyStore.svg', dark: 'file:shopifyStore.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, shopifyConnector);
	}
}
