/**
 * Stock → Set Quantity: one absolute stock write per input item. Each write carries an id
 * (Write ID): platforms with an idempotency id get it as is, the others are read first and
 * left alone when the stock already has the value; so a retried run never applies a write
 * twice.
 */
import { createHash } from 'node:crypto';

import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { ShopPlatformError } from '../../../../lib/shop';
import type { ShopConnector } from '../../connector';
import { createShopApi, failedItem, toNodeError } from '../../transport';

const show = { show: { resource: ['stock'], operation: ['setQuantity'] } };

export function description(connector: ShopConnector): INodeProperties[] {
	return [
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '={{ $json.sku }}',
			required: true,
			displayOptions: show,
			description: 'SKU code (商家编码) of the stock to set',
		},
		{
			displayName: connector.platform === 'shopify' ? 'Location' : 'Warehouse',
			name: 'warehouse',
			type: 'string',
			default: '={{ $json.warehouse }}',
			displayOptions: show,
			description: 'Warehouse / location name or ID; empty for a shop with one stock',
		},
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			default: 0,
			required: true,
			displayOptions: show,
			description: 'The sellable stock to set (absolute, not a change); drag the quantity field of the input here',
		},
		{
			displayName: 'Write ID',
			name: 'writeId',
			type: 'string',
			default: '',
			displayOptions: show,
			description:
				'Names this write: the same ID is applied once, however often the run is retried. Empty: SKU + warehouse + quantity + today, so repeating the same write on the same day does nothing.',
		},
		{
			displayName: 'Only If Stock Is Still',
			name: 'expectedQuantity',
			type: 'string',
			default: '',
			displayOptions: show,
			description:
				'Compare-and-set: write only if the stock is still this number (e.g. what Get Many read), so a sale in between is not overwritten. Empty: always write.',
		},
	];
}

export async function execute(this: IExecuteFunctions, connector: ShopConnector): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const api = createShopApi(this, connector);
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const sku = String(this.getNodeParameter('sku', itemIndex) ?? '').trim();
			const warehouse = String(this.getNodeParameter('warehouse', itemIndex, '') ?? '').trim();
			const quantity = Number(this.getNodeParameter('quantity', itemIndex));
			const expectedText = String(this.getNodeParameter('expectedQuantity', itemIndex, '') ?? '').trim();
			if (sku === '') throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: SKU is empty; expected a SKU code`, { itemIndex });
			if (!Number.isInteger(quantity) || quantity < 0) {
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Quantity is ${String(this.getNodeParameter('quantity', itemIndex))}; expected a whole number ≥ 0`, { itemIndex });
			}
			const expectedQuantity = expectedText === '' ? undefined : Number(expectedText);
			if (expectedQuantity !== undefined && !Number.isInteger(expectedQuantity)) {
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Only If Stock Is Still is "${expectedText}"; expected a whole number or empty`, { itemIndex });
			}
			const writeId =
				String(this.getNodeParameter('writeId', itemIndex, '') ?? '').trim() ||
				defaultWriteId(sku, warehouse, quantity, new Date(api.now()).toISOString().slice(0, 10));
			const outcome = await connector.stock.set(api, { sku, warehouse, quantity, idempotencyKey: writeId, expectedQuantity });
			out.push({
				json: { ...items[itemIndex].json, sku, warehouse, writeId, platform: connector.platform, ...outcome },
				pairedItem: { item: itemIndex },
			});
		} catch (error) {
			const nodeError = toNodeError(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			out.push(
				failedItem(
					this,
					{ ...items[itemIndex].json, stockStatus: 'failed', ...(error instanceof ShopPlatformError ? { platformCode: error.code } : {}) },
					nodeError,
					itemIndex,
				),
			);
		}
	}
	return out;
}

/** A short stable id (platforms cap id lengths: Douyin idempotent_id ≤ 64). */
export function defaultWriteId(sku: string, warehouse: string, quantity: number, day: string): string {
	return 'set-' + createHash('sha256').update(JSON.stringify([sku, warehouse, quantity, day])).digest('hex').slice(0, 32);
}
