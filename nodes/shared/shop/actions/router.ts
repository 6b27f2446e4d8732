/**
 * Resource → operation dispatch for every shop node (n8n's Google Sheets v2 layout:
 * actions/router.ts, one actions/<resource>/<operation>.operation.ts each with its
 * description and execute). The operations are the same on every platform; each node passes
 * its platform's connector. Everything an operation returns or throws leaves through here with
 * the credential's secrets cut out (../secrets.ts).
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { nodeErrorOutput } from '../../nodeHelpers';
import type { ShopConnector } from '../connector';
import { credentialSecrets, redactError, redactItems } from '../secrets';
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
	const secretsBefore = await credentialSecrets(this, connector.credentialType);
	// Read again afterwards: a token refreshed during the run is a secret the first read did not have.
	const secretsNow = async () => [...secretsBefore, ...(await credentialSecrets(this, connector.credentialType))];
	let items: INodeExecutionData[];
	try {
		items = await run.execute.call(this, connector);
	} catch (error) {
		// A whole-batch failure (credentials, throttling past the retries, a page that never came):
		// under "On Error: Continue" one error item, never the input items passed on as results.
		const redacted = redactError(error, await secretsNow());
		if (this.continueOnFail()) return nodeErrorOutput(this, redacted);
		throw redacted;
	}
	return [redactItems(items, await secretsNow())];
}
