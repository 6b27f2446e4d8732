/**
 * Stock → Get Many: sellable stock per SKU and warehouse/location, as Reorder Alert's
 * Inventory input reads it. Shops do not know supplier lead times, pack sizes or minimum
 * orders: those come from the parameters here (or join them from a sheet downstream).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toInventoryPosition } from '../../../../lib/shop';
import { parseNameList } from '../../../parameters';
import type { ShopConnector } from '../../connector';
import { createShopApi, toNodeError } from '../../transport';

const show = { show: { resource: ['stock'], operation: ['getMany'] } };

export function description(connector: ShopConnector): INodeProperties[] {
	return [
		{
			displayName: 'SKUs',
			name: 'skus',
			type: 'string',
			default: '',
			displayOptions: show,
			placeholder: 'TEE-WHITE-M, TEE-BLACK-L',
			description: 'SKU codes (商家编码) to read, comma-separated. Empty: every SKU of the shop.',
		},
		{
			displayName: connector.platform === 'shopify' ? 'Location' : 'Warehouse',
			name: 'warehouse',
			type: 'string',
			default: '',
			displayOptions: show,
			description: 'Only this warehouse / location (name or ID). Empty: all of them, one item per SKU and warehouse.',
		},
		{
			displayName: 'Planning Defaults',
			name: 'planning',
			type: 'collection',
			placeholder: 'Add Default',
			default: {},
			displayOptions: show,
			description: 'Supplier figures the shop does not know, written on every item for Reorder Alert',
			options: [
				{ displayName: 'Lead Time (Days)', name: 'leadTimeDays', type: 'number', default: 7, description: 'Days from ordering to stock on the shelf (到货周期)' },
				{ displayName: 'Lead Time Standard Deviation (Days)', name: 'leadTimeStdDays', type: 'number', default: 0 },
				{ displayName: 'Minimum Order Quantity', name: 'moq', type: 'number', default: 0, description: 'Supplier MOQ (起订量)' },
				{ displayName: 'Pack Size', name: 'packSize', type: 'number', default: 1, typeOptions: { minValue: 1 } },
			],
		},
	];
}

export async function execute(this: IExecuteFunctions, connector: ShopConnector): Promise<INodeExecutionData[]> {
	const skus = parseNameList(this.getNodeParameter('skus', 0) as string);
	const warehouse = (this.getNodeParameter('warehouse', 0) as string).trim();
	const planning = this.getNodeParameter('planning', 0, {}) as Partial<Record<'leadTimeDays' | 'leadTimeStdDays' | 'moq' | 'packSize', number>>;
	const defaults = {
		leadTimeDays: planning.leadTimeDays ?? 7,
		leadTimeStdDays: planning.leadTimeStdDays ?? 0,
		moq: planning.moq ?? 0,
		packSize: planning.packSize ?? 1,
	};
	const api = createShopApi(this, connector);
	try {
		const levels = await connector.stock.list(api, { skus, warehouse });
		return levels.map((level) => ({
			json: { ...toInventoryPosition(level, defaults), platform: connector.platform },
			pairedItem: { item: 0 },
		}));
	} catch (error) {
		throw toNodeError(this, error);
	}
}
