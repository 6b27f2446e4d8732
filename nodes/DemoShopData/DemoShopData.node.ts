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
		displayName: 'Demo Shop Data (示例数据)',
		name: 'demoShopData',
		icon: { light: 'file:demoShopData.svg', dark: 'file:demoShopData.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ {"orders": "Orders", "customers": "Customers", "inventory": "Inventory", "dailySales": "Daily Sales", "contentPosts": "Content Posts", "traffic": "Traffic"}[$parameter["dataset"]] }}',
		description:
			'Generates a realistic synthetic shop (orders, customers, stock, daily sales, short-video posts, traffic) to try workflows before connecting a real shop (生成示例店铺数据，接入真实店铺前先试用工作流)',
		defaults: { name: 'Demo Shop Data' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Same seed and settings always give the same shop. Swap this node for your shop\'s node (or a sheet) to run the workflow on real data. 相同的种子和设置总是生成同一家示例店铺；换成你的店铺节点（或表格）即可用真实数据运行。',
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
					{ name: 'Content Posts', value: 'contentPosts', description: 'Short-video posts with views, clicks and tracked link codes (短视频内容及播放、点击数据)' },
					{ name: 'Customers', value: 'customers', description: 'One item per customer with platform IDs, birthday and tags (每条一个客户)' },
					{ name: 'Daily Sales', value: 'dailySales', description: 'Units sold per SKU, warehouse and day, with sold-out days (每个 SKU 每个仓库每天的销量)' },
					{ name: 'Inventory', value: 'inventory', description: 'Stock per SKU and warehouse: on hand, on order, lead times (每个 SKU 在每个仓库的库存)' },
					{ name: 'Orders', value: 'orders', description: 'One item per order across platforms and channels (每条一个订单)' },
					{ name: 'Traffic', value: 'traffic', description: 'Visitors and sessions per day, platform and channel, matching the orders (每天各平台、各渠道的访客数)' },
				],
				default: 'orders',
			},
			// Defaults equal DEFAULT_DEMO_OPTIONS (lint wants literals here; a test checks they agree).
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				default: 42,
				description: 'Change it to get a different shop (换一个数字得到另一家店)',
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
				description: 'Comma-separated warehouse names (at least two), e.g. regional warehouses (仓库名，逗号分隔，至少两个)',
			},
			{
				displayName: 'Last Day',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Last day of the data. Empty means today (Asia/Shanghai) (数据的最后一天；留空为今天).',
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
