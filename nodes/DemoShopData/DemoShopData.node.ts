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
	type DemoShopOptions,
} from '../lib/demo';
import type { DatasetName } from '../lib/model';
import { continueOnNodeError, nodeParameters } from '../shared/nodeHelpers';
import { demoShopDataProperties } from './description';
import { demoOptionsFrom } from './settings';

const GENERATORS: Record<DatasetName, (options: DemoShopOptions) => object[]> = {
	orders: generateOrders,
	customers: generateCustomers,
	inventory: generateInventory,
	dailySales: generateDailySales,
	contentPosts: generateContentPosts,
	traffic: generateTraffic,
};

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
		properties: demoShopDataProperties,
	};

	/** Under "On Error: Continue" a settings error is the node's one error item, not the trigger's item passed on. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return continueOnNodeError(this, DemoShopData.prototype.generate);
	}

	async generate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { param } = nodeParameters(this);
		const dataset = param<DatasetName>('dataset');
		const rows: object[] = GENERATORS[dataset](demoOptionsFrom(param, Date.now()));
		return [rows.map((json) => ({ json: json as IDataObject, pairedItem: { item: 0 } }))];
	}
}
