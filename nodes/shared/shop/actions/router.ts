/**
 * Resource → operation dispatch for every shop node (n8n's Google Sheets v2 layout:
 * actions/router.ts, one actions/<resource>/<operation>.operation.ts each with its
 * description and execute). The operations are the same on every platform; each node passes
 * its platform's connector.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import type { ShopConnector } from '../connector';
import * as couponIssue from './coupon/issue.operation';
import * as orderGetMany from './order/getMany.operation';
import * as stockGetMany from './stock/getMany.operation';
import * as stockSetQuantity from './stock/setQuantity.operation';

interface Operation {
	description(connector: ShopConnector): INodeProperties[];
	execute(this: IExecuteFunctions, connector: ShopConnector): Promise<INodeExecutionData[]>;
}

export const OPERATIONS: Record<string, Record<string, Operation>> = {
	order: { getMany: orderGetMany },
	stock: { getMany: stockGetMany, setQuantity: stockSetQuantity },
	coupon: { issue: couponIssue },
};

export async function router(this: IExecuteFunctions, connector: ShopConnector): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = OPERATIONS[resource]?.[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return [await run.execute.call(this, connector)];
}
