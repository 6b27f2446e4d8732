/**
 * The node description every shop node shares: resource and operation pickers, then each
 * operation's fields (from its own file), worded for the platform.
 */
import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { OPERATIONS } from './actions/router';
import type { ShopConnector } from './connector';

export interface ShopNodeMeta {
	name: string;
	displayName: string;
	/** Also written in the node class itself (lint reads icons from there). */
	icon?: INodeTypeDescription['icon'];
	description: string;
	documentationUrl?: string;
}

export function shopNodeDescription(meta: ShopNodeMeta, connector: ShopConnector): INodeTypeDescription {
	const resourceOptions = [
		{ name: 'Order (订单)', value: 'order' },
		{ name: 'Stock (库存)', value: 'stock' },
	];
	if (connector.coupons) resourceOptions.push({ name: 'Coupon (优惠券)', value: 'coupon' });
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: 'order',
			options: resourceOptions,
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['order'] } },
			default: 'getMany',
			options: [
				{
					name: 'Get Many',
					value: 'getMany',
					action: 'Get orders',
					description: 'Orders updated in a time range or since the last run, in the commerce model',
				},
			],
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['stock'] } },
			default: 'getMany',
			options: [
				{ name: 'Get Many', value: 'getMany', action: 'Get stock levels', description: 'Stock per SKU and warehouse, ready for Reorder Alert' },
				{ name: 'Set Quantity', value: 'setQuantity', action: 'Set stock quantity', description: 'Set the sellable stock of a SKU (absolute), once per Write ID' },
			],
		},
		...(connector.coupons
			? [
					{
						displayName: 'Operation',
						name: 'operation',
						type: 'options' as const,
						noDataExpression: true,
						displayOptions: { show: { resource: ['coupon'] } },
						default: 'issue',
						options: [
							{ name: 'Issue', value: 'issue', action: 'Issue coupons', description: "Create Coupon Tier's coupons on the shop, never twice" },
						],
					},
				]
			: []),
		...Object.entries(OPERATIONS)
			.filter(([resource]) => resource !== 'coupon' || connector.coupons)
			.flatMap(([, operations]) => Object.values(operations).flatMap((op) => op.description(connector))),
	];
	return {
		displayName: meta.displayName,
		name: meta.name,
		...(meta.icon ? { icon: meta.icon } : {}),
		group: ['input', 'output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: meta.description,
		defaults: { name: meta.displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: connector.credentialType, required: true }],
		properties,
	};
}
