/**
 * Demo Shop Data's parameters. Their defaults are written here only: the node reads them
 * (n8n fills them in) and so does defaultDemoOptions() in ./settings.ts for callers of the
 * library outside a workflow.
 */
import type { INodeProperties } from 'n8n-workflow';

export const demoShopDataProperties: INodeProperties[] = [
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
			{ name: 'Customers', value: 'customers', description: 'One item per customer with platform IDs, birthday, region (province) and tags (每条一个客户，含平台 ID、生日、地区和标签)' },
			{ name: 'Daily Sales', value: 'dailySales', description: 'Units sold per SKU, warehouse and day, with sold-out days (每个 SKU 每个仓库每天的销量)' },
			{ name: 'Inventory', value: 'inventory', description: 'Stock per SKU and warehouse: on hand, on order, lead times (每个 SKU 在每个仓库的库存)' },
			{ name: 'Orders', value: 'orders', description: 'One item per order across platforms and channels, with the shipping province, coupon codes and each line\'s category (每条一个订单，含收货省份、优惠券和商品品类)' },
			{ name: 'Traffic', value: 'traffic', description: 'Visitors and sessions per day, platform and channel, matching the orders (每天各平台、各渠道的访客数)' },
		],
		default: 'orders',
	},
	// These defaults are the demo shop's only defaults: library callers (tests, the bench) take
	// them through defaultDemoOptions() in ./settings.ts.
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
];
