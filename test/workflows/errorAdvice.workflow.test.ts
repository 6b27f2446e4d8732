/**
 * Issue 12 item 4: an error that stops a calculation node says what to do in English and in
 * Chinese (its description, under the message in n8n's error pane). The message itself stays
 * as it was: users and tests match on it.
 */
import type { IDataObject, INode, NodeOperationError } from 'n8n-workflow';

import { chain, node, runWorkflow } from '../support/n8n';

const CHINESE = /[\u4e00-\u9fff]/;
const order = { orderId: 'O1', customerId: 'alice', createdAt: '2026-06-20T10:00:00+08:00', status: 'paid', currency: 'CNY', amount: 80 };

/** Run → fixture items → the node; the node's error. */
async function errorOf(type: string, parameters: IDataObject, items: IDataObject[] = [order], extra: Partial<INode> = {}) {
	const result = await runWorkflow(
		{
			nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), node('Items', 'test.fixture', { items: JSON.stringify(items) }), node('Node', type, parameters, extra)],
			connections: chain('Run', 'Items', 'Node'),
		},
		{ couponCodeSecretApi: { secret: 'k'.repeat(32) } },
	);
	const error = result.errorOf('Node') as NodeOperationError | undefined;
	return { message: error?.message ?? '', description: error?.description ?? '' };
}

describe('node-level errors say what to do in both languages', () => {
	it('RFM Segment: an unknown time zone keeps its message and gets Chinese advice', async () => {
		const { message, description } = await errorOf('rfmSegment', { timeZone: 'Mars/Olympus' });
		expect(message).toMatch(/Unknown time zone "Mars\/Olympus"/);
		expect(description).toMatch(CHINESE);
		expect(description).toContain('请按错误信息修改');
	});

	it('RFM Segment: a currency rate that is not a number, in both languages', async () => {
		const { description } = await errorOf('rfmSegment', { options: { currencyRates: 'USD=lots' } });
		expect(description).toMatch(/^Write one rate per currency as CODE=rate.*每种货币写成“代码=汇率”/);
	});

	it('Reorder Alert: an As-Of Date that is not a date', async () => {
		const { message, description } = await errorOf('reorderAlert', { asOfMode: 'date', asOfDate: 'soon' });
		expect(message).toBe('As-Of Date "soon" is not a date');
		expect(description).toBe('Pick a day, e.g. 2026-06-30. 请选择一个日期，如 2026-06-30。');
	});

	it('Reorder Alert: a setting out of range names it and says what to do in both languages', async () => {
		const { message, description } = await errorOf('reorderAlert', { asOfMode: 'date', asOfDate: '2026-03-28', serviceLevel: 100 });
		expect(message).toMatch(/^Service Level \(%\): expected a fraction below 1/);
		expect(description).toBe('Change this setting to what the message expects. 请按错误信息把该设置改为要求的值。');
	});

	it('Coupon Tier: a bad campaign date gets advice in both languages', async () => {
		const { message, description } = await errorOf('couponTier', { campaignId: 'c1', campaignDate: 'soon' }, [{ customerId: 'alice' }], {
			credentials: { couponCodeSecretApi: { id: 'coupon-secret-1', name: 'Coupon code secret' } },
		});
		expect(message).toBe('Campaign Date "soon" is not a calendar date YYYY-MM-DD, e.g. 2026-07-01');
		expect(description).toMatch(/^Change the setting or data the message names, then run the node again\. 请按错误信息修改/);
	});

	it('Visitor Value: a bad current budget keeps its English hint and gets the Chinese advice after it', async () => {
		const { message, description } = await errorOf('visitorValue', { currentBudget: 'live=lots' });
		expect(message).toBe('Current Budget per Channel: "live=lots" is not channel=amount');
		expect(description).toMatch(/^Write one amount per channel, separated by commas, e\.g\. live=5000, short_video=3000\. 请按错误信息修改/);
	});

	it('Demo Shop Data: a single warehouse, in both languages', async () => {
		const { message, description } = await errorOf('demoShopData', { dataset: 'inventory', warehouses: 'only-one' });
		expect(message).toBe('warehouses must list 2 to 50 warehouse names');
		expect(description).toMatch(/^Change the setting or data the message names.* 请按错误信息修改/);
	});
});
