/**
 * Coupon → Issue: creates on the shop the coupons Coupon Tier decided, taking its *Coupon*
 * output items as they are. The coupon code (the same on every re-run of a campaign period)
 * is the idempotency key: a code the shop already has comes out `alreadyIssued`, never as a
 * second coupon. Every input item comes out with what happened to it.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { couponFieldName, couponToIssueSchema, ShopPlatformError, type CouponToIssue, type IssueOutcome } from '../../../../lib/shop';
import type { ShopConnector } from '../../connector';
import { createShopApi, failedItem, toNodeError } from '../../transport';

const show = { show: { resource: ['coupon'], operation: ['issue'] } };

export function description(connector: ShopConnector): INodeProperties[] {
	return [
		{
			displayName: 'Takes the items of Coupon Tier\'s <b>Coupon</b> output as they are (coupon code, customer, value, threshold, validity). Re-running the same campaign issues nothing twice.',
			name: 'couponNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		{
			displayName: `Customer ID on ${connector.displayName}`,
			name: 'platformCustomerId',
			type: 'string',
			default: '={{ $json.customerId }}',
			displayOptions: show,
			description: `Who receives the coupon, as ${connector.displayName} identifies buyers. Orders read by this pack use that ID as customerId, so the default fits.`,
		},
	];
}

export async function execute(this: IExecuteFunctions, connector: ShopConnector): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const out: INodeExecutionData[] = new Array(items.length);
	const toIssue: Array<{ itemIndex: number; coupon: CouponToIssue }> = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const json = items[itemIndex].json;
		const parsed = couponToIssueSchema.safeParse(json);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const field = couponFieldName(issue.path, json);
			const error = new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex}: field "${field}" ${issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is missing' : 'is not valid'}; expected ${issue.message === 'Required' ? `a ${(issue as { expected?: string }).expected ?? 'value'}` : issue.message}. Connect Coupon Tier's Coupon output here.`,
				{ itemIndex },
			);
			if (!continueOnFail) throw error;
			out[itemIndex] = failedItem(this, { ...json, issueStatus: 'failed' }, error, itemIndex);
			continue;
		}
		const platformCustomerId = String(this.getNodeParameter('platformCustomerId', itemIndex, '') ?? '').trim();
		toIssue.push({ itemIndex, coupon: { ...parsed.data, platformCustomerId: platformCustomerId || parsed.data.customerId } });
	}

	if (toIssue.length > 0) {
		const coupons = connector.coupons;
		if (!coupons) throw new NodeOperationError(this.getNode(), `${connector.displayName} offers no coupon API this node can use`);
		const api = createShopApi(this, connector);
		let outcomes: IssueOutcome[];
		try {
			outcomes = await coupons.issue(api, toIssue.map((entry) => entry.coupon));
		} catch (error) {
			if (!continueOnFail) throw toNodeError(this, error);
			// The whole call failed (credentials, a redirect, an unknown outcome, retries used up):
			// under Continue each coupon says so itself, rather than n8n passing the input items on
			// unmarked, as if issued. A re-run issues only the missing ones.
			for (const { itemIndex } of toIssue) {
				const platformCode = error instanceof ShopPlatformError ? { platformCode: error.code } : {};
				out[itemIndex] = failedItem(this, { ...items[itemIndex].json, platform: connector.platform, issueStatus: 'failed', ...platformCode }, toNodeError(this, error, itemIndex), itemIndex);
			}
			return out;
		}
		for (let i = 0; i < toIssue.length; i++) {
			const { itemIndex } = toIssue[i];
			const outcome = outcomes[i];
			const json = { ...items[itemIndex].json, platform: connector.platform, ...outcome };
			if (outcome.issueStatus !== 'failed') {
				out[itemIndex] = { json, pairedItem: { item: itemIndex } };
				continue;
			}
			const error = toNodeError(
				this,
				new ShopPlatformError(connector.displayName, outcome.platformCode ?? 'refused', outcome.issueMessage ?? 'the coupon was not created'),
				itemIndex,
			);
			if (!continueOnFail) {
				const done = outcomes.filter((o) => o.issueStatus !== 'failed').length;
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: coupon ${toIssue[i].coupon.coupon.code} was not issued: ${error.message}`, {
					itemIndex,
					description: `${done} of ${outcomes.length} coupons were issued or already there; running again issues only the missing ones. Turn on Settings → On Error → Continue to let the other items through.`,
				});
			}
			out[itemIndex] = failedItem(this, json, error, itemIndex);
		}
	}
	return out;
}
