import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	generateContentPosts,
	generateCustomers,
	generateDailySales,
	generateInventory,
	generateOrders,
	generateTraffic,
	warehouseNamesFrom,
	type DemoShopOptions,
} from '../lib/demo';
import type { DatasetName } from '../lib/model';
import { createZonedIsoFormatter } from '../lib/time';
import { nodeParameters, toNodeError } from '../shared/nodeHelpers';
import { parseNameList } from '../shared/parameters';

const GENERATORS: Record<DatasetName, (options: DemoShopOptions) => object[]> = {
	orders: generateOrders,
	customers: generateCustomers,
	inventory: generateInventory,
	dailySales: generateDailySales,
	contentPosts: generateContentPosts,
	traffic: generateTraffic,
};

const SHOP_TIME_ZONE = 'Asia/Shanghai';

export class DemoShopData implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Demo Shop Data',
		name: 'demoShopData',
		icon: { light: 'file:demoShopData.svg', dark: 'file:demoShopData.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ {"orders": "Orders", "customers": "Customers", "inventory": "Inventory", "dailySales": "Daily Sales", "contentPosts": "Content Posts", "traffic": "Traffic"}[$parameter["dataset"]] }}',
		description:
			'Generates a realistic synthetic shop (orders, customers, stock, daily sales, short-video posts, traffic) to try workflows before connecting a real shop',
		defaults: { name: 'Demo Shop Data' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Same seed and settings always give the same shop. Swap this node for your shop\'s node (or a sheet) to run the workflow on real data.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Dataset',
				name: 'dataset',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Content Posts', value: 'contentPosts', description: 'Short-video posts with views, clicks and tracked link codes' },
					{ name: 'Customers', value: 'customers', description: 'One item per customer with platform IDs, birthday and tags' },
					{ name: 'Daily Sales', value: 'dailySales', description: 'Units sold per SKU, warehouse and day, with sold-out days' },
					{ name: 'Inventory', value: 'inventory', description: 'Stock per SKU and warehouse: on hand, on order, lead times' },
					{ name: 'Orders', value: 'orders', description: 'One item per order across platforms and channels' },
					{ name: 'Traffic', value: 'traffic', description: 'Visitors and sessions per day, platform and channel, matching the orders' },
				],
				default: 'orders',
			},
			// Defaults equal DEFAULT_DEMO_OPTIONS (lint wants literals here; a test checks they agree).
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				default: 42,
				description: 'Change it to get a different shop',
			},
			{
				displayName: 'Customers',
				name: 'customers',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2000,
			},
			{
				displayName: 'Orders',
				name: 'orders',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10000,
			},
			{
				displayName: 'SKUs',
				name: 'skus',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 40,
			},
			{
				displayName: 'Warehouses',
				name: 'warehouses',
				type: 'string',
				default: 'east-shanghai, south-guangzhou',
				description: 'Comma-separated warehouse names (at least two), e.g. regional warehouses',
			},
			{
				displayName: 'Last Day',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Last day of the data. Empty means today (Asia/Shanghai).',
			},
			{
				displayName: 'Days of History',
				name: 'days',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 365,
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { param } = nodeParameters(this);
		const dataset = param<DatasetName>('dataset');
		const endDateText = String(param<string>('endDate') ?? '').trim();
		let rows: object[];
		try {
			const options: DemoShopOptions = {
				seed: param<number>('seed'),
				customers: param<number>('customers'),
				orders: param<number>('orders'),
				skus: param<number>('skus'),
				warehouses: warehouseNamesFrom(param<unknown>('warehouses'), parseNameList),
				days: param<number>('days'),
				endDate: endDateText
					? endDateText.slice(0, 10)
					: createZonedIsoFormatter(SHOP_TIME_ZONE)(Date.now()).slice(0, 10),
			};
			rows = GENERATORS[dataset](options);
		} catch (error) {
			const nodeError = toNodeError(this, error);
			// Thrown under "On Error: Continue", n8n would pass the trigger's item on as if it were
			// data; returned as an error item, it goes to the error output (or is plainly an error).
			if (this.continueOnFail()) return [[{ json: { error: nodeError.message }, pairedItem: { item: 0 } }]];
			throw nodeError;
		}
		return [rows.map((json) => ({ json: json as IDataObject, pairedItem: { item: 0 } }))];
	}
}
