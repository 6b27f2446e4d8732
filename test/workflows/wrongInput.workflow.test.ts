/**
 * Issue 12 item 5: a calculation node placed straight after a trigger (its items are `{}`)
 * says once, for the node, that none of what it reads reached it and what to connect — in
 * English and Chinese — instead of reporting item 0's first field missing. One good item among
 * empty ones is data: the empty ones are then per-item errors, as before (their "what to do" in
 * both languages too).
 */
import type { IConnections, IDataObject, INode, NodeOperationError } from 'n8n-workflow';

import { chain, node, runWorkflow, type RunResult } from '../support/n8n';

const trigger = () => node('Run', 'n8n-nodes-base.manualTrigger');
const fixture = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });
const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];

/** The node's error, its description and where n8n put it. */
function failure(result: RunResult, name: string) {
	const error = result.errorOf(name) as NodeOperationError | undefined;
	return { message: error?.message, description: error?.description, itemIndex: error?.context?.itemIndex };
}

/** Chinese text (CJK ideographs) somewhere in the string. */
const CHINESE = /[\u4e00-\u9fff]/;

const order = { orderId: 'O1', customerId: 'alice', createdAt: '2026-06-20T10:00:00+08:00', status: 'paid', currency: 'CNY', amount: 80 };
const rfmParameters = { referenceMode: 'endOfDay', referenceDate: '2026-06-30', outputMode: 'both' };

describe('RFM Segment straight after a trigger', () => {
	const afterTrigger = (extra: Partial<INode> = {}, parameters: IDataObject = rfmParameters) => ({
		nodes: [trigger(), node('RFM Segment', 'rfmSegment', parameters, extra)],
		connections: chain('Run', 'RFM Segment'),
	});
	const afterItems = (items: IDataObject[], extra: Partial<INode> = {}) => ({
		nodes: [trigger(), fixture('Orders', items), node('RFM Segment', 'rfmSegment', rfmParameters, extra)],
		connections: chain('Run', 'Orders', 'RFM Segment'),
	});

	it('says no order items reached it and what to connect, in both languages, for the node', async () => {
		const result = await runWorkflow(afterTrigger());
		const { message, description, itemIndex } = failure(result, 'RFM Segment');
		expect(message).toMatch(/^No order items reached this node: the one item there has no orderId, customerId, createdAt/);
		expect(message).toContain('没有订单数据到达此节点');
		expect(message).not.toMatch(/is missing/);
		expect(description).toMatch(/Demo Shop Data with Dataset Orders.*Get orders.*sheet of orders.*Field Mapping/);
		expect(description).toMatch(CHINESE);
		expect(itemIndex).toBeUndefined();
	});

	it('names the columns as the user mapped them', async () => {
		const result = await runWorkflow(afterTrigger({}, { ...rfmParameters, orderFields: { orderId: 'orderNo', customerId: 'buyer.id' } }));
		expect(failure(result, 'RFM Segment').message).toMatch(/the one item there has no orderNo, buyer\.id, createdAt/);
	});

	it('with customer totals as input, says no customer items reached it', async () => {
		const result = await runWorkflow(afterTrigger({}, { ...rfmParameters, inputKind: 'customers' }));
		expect(failure(result, 'RFM Segment').message).toMatch(/^No customer items reached this node: the one item there has no customerId, recencyDays, frequency/);
	});

	it('under Continue (using error output) returns that one error item on the error output', async () => {
		const result = await runWorkflow(afterTrigger({ onError: 'continueErrorOutput' }));
		expect(result.errorOf('RFM Segment')).toBeUndefined();
		expect(result.output('RFM Segment', 0)).toEqual([]);
		expect(result.output('RFM Segment', 1)).toEqual([]);
		expect(result.output('RFM Segment', 2)).toEqual([{ error: expect.stringMatching(/^No order items reached this node/) }]);
	});

	it('reads blank cells as fields that are there: rows of empty columns are per-item errors', async () => {
		const result = await runWorkflow(afterItems([{ orderId: null, customerId: '', createdAt: null, amount: null }]));
		expect(failure(result, 'RFM Segment').message).toMatch(/^Item 0: field "orderId"/);
	});

	it('with one order among empty items, reports the empty items one by one as before', async () => {
		const stopped = await runWorkflow(afterItems([{}, order, {}]));
		expect(failure(stopped, 'RFM Segment')).toMatchObject({
			message: expect.stringMatching(/^Item 0: field "orderId" is missing/),
			itemIndex: 0,
			description: 'Check item 0 of the input, or map "orderId" to the right column under Field Mapping. 请检查输入的第 0 项（从 0 开始数），或在“Field Mapping”中把“orderId”改为正确的列名。',
		});

		const continued = await runWorkflow(afterItems([{}, order, {}], { onError: 'continueErrorOutput' }));
		expect(continued.output('RFM Segment', 0).map((c) => c.customerId)).toEqual(['alice']);
		expect(continued.output('RFM Segment', 2).map((e) => String(e.error).slice(0, 30))).toEqual([
			'Item 0: field "orderId" is mis',
			'Item 2: field "orderId" is mis',
		]);
	});
});

describe('Coupon Tier straight after a trigger', () => {
	// Any long enough value: these runs stop before a code is signed.
	const CREDENTIALS = { couponCodeSecretApi: { secret: 'k'.repeat(32) } };
	const CREDENTIAL_REF = { couponCodeSecretApi: { id: 'coupon-secret-1', name: 'Coupon code secret' } };
	const coupon = (extra: Partial<INode> = {}) =>
		node('Coupon Tier', 'couponTier', { campaignId: 'c1', campaignDate: '2026-07-01' }, { credentials: CREDENTIAL_REF, ...extra });

	it('says no customer items reached it and names the Customers output of RFM Segment', async () => {
		const result = await runWorkflow({ nodes: [trigger(), coupon()], connections: chain('Run', 'Coupon Tier') }, CREDENTIALS);
		const { message, description, itemIndex } = failure(result, 'Coupon Tier');
		expect(message).toMatch(/^No customer items reached this node: the one item there has no customerId, birthday/);
		expect(message).toContain('没有客户数据到达此节点');
		expect(description).toMatch(/Customers output of RFM Segment.*Demo Shop Data with Dataset Customers/);
		expect(description).toMatch(CHINESE);
		expect(itemIndex).toBeUndefined();
	});

	it('under Continue (regular output) returns that one error item on the first output', async () => {
		const result = await runWorkflow(
			{ nodes: [trigger(), coupon({ onError: 'continueRegularOutput' })], connections: chain('Run', 'Coupon Tier') },
			CREDENTIALS,
		);
		expect(result.errorOf('Coupon Tier')).toBeUndefined();
		expect(result.output('Coupon Tier', 0)).toEqual([{ error: expect.stringMatching(/^No customer items reached this node/) }]);
		expect(result.output('Coupon Tier', 4)).toEqual([]);
	});

	it('with one customer among empty items, reports the first empty item as before', async () => {
		const result = await runWorkflow(
			{ nodes: [trigger(), fixture('Customers', [{}, { customerId: 'alice', segment: 'champions' }]), coupon()], connections: chain('Run', 'Customers', 'Coupon Tier') },
			CREDENTIALS,
		);
		expect(failure(result, 'Coupon Tier')).toMatchObject({ message: expect.stringMatching(/^Item 0: field "customerId" is missing/), itemIndex: 0 });
	});
});

describe('Visitor Value with a trigger on one of its inputs', () => {
	const traffic = [{ date: '2026-06-01', channel: 'live', visitors: 40 }];
	const orders = [{ ...order, channel: 'live' }];
	/** `orders` / `traffic`: items of a fixture on that input, or the trigger itself when undefined. */
	function workflow(orderItems: IDataObject[] | undefined, trafficItems: IDataObject[] | undefined, extra: Partial<INode> = {}) {
		const nodes: INode[] = [trigger(), node('Visitor Value', 'visitorValue', { windowDays: 0, endDate: '2026-06-30' }, extra)];
		const connections: IConnections = { Run: { main: [[]] } };
		[orderItems, trafficItems].forEach((items, input) => {
			if (items === undefined) {
				connections.Run.main[0]!.push(...to('Visitor Value', input));
				return;
			}
			const name = input === 0 ? 'Orders' : 'Traffic';
			nodes.push(fixture(name, items));
			connections.Run.main[0]!.push(...to(name));
			connections[name] = { main: [to('Visitor Value', input)] };
		});
		return { nodes, connections };
	}

	it('on the Orders input: no order items reached the Orders input', async () => {
		const result = await runWorkflow(workflow(undefined, traffic));
		const { message, description } = failure(result, 'Visitor Value');
		expect(message).toMatch(/^No order items reached the Orders input: the one item there has no orderId/);
		expect(message).toContain('没有订单数据到达“Orders”输入');
		expect(description).toMatch(/Demo Shop Data with Dataset Orders.*Field Mapping \(Orders\)/);
	});

	it('on the Traffic input: no traffic items reached the Traffic input', async () => {
		const result = await runWorkflow(workflow(orders, undefined));
		const { message, description } = failure(result, 'Visitor Value');
		expect(message).toMatch(/^No traffic items reached the Traffic input: the one item there has no date, channel, visitors/);
		expect(description).toMatch(/Demo Shop Data with Dataset Traffic.*Field Mapping \(Traffic\)/);
		expect(description).toMatch(CHINESE);
	});

	it('under Continue (using error output) returns that one error item, paired with the Traffic input', async () => {
		const result = await runWorkflow(workflow(orders, undefined, { onError: 'continueErrorOutput' }));
		expect(result.errorOf('Visitor Value')).toBeUndefined();
		expect(result.output('Visitor Value', 0)).toEqual([]);
		const task = result.run.data.resultData.runData['Visitor Value'][0];
		const errors = task.data!.main[2]!;
		expect(errors.map((e) => e.json)).toEqual([{ error: expect.stringMatching(/^No traffic items reached the Traffic input/) }]);
		expect(errors[0].pairedItem).toEqual({ item: 0, input: 1 });
	});

	it('with one traffic row among empty items, reports the first empty row as before', async () => {
		const result = await runWorkflow(workflow(orders, [{}, ...traffic]));
		expect(failure(result, 'Visitor Value').message).toMatch(/^Item 0: field "date" is missing/);
	});
});

describe('Reorder Alert with a trigger on its Inventory input', () => {
	const sales = [{ date: '2026-03-27', sku: 'TEE-01', warehouse: 'SH', units: 3 }];
	const position = { sku: 'TEE-01', warehouse: 'SH', onHand: 40, onOrder: 0, leadTimeDays: 7 };
	const reorder = (extra: Partial<INode> = {}) =>
		node('Reorder Alert', 'reorderAlert', { asOfMode: 'date', asOfDate: '2026-03-28', onlyNewAlerts: false }, extra);

	/** As the issue found it: n8n wires a trigger to the Inventory input only. */
	const triggerOnInventory = (extra: Partial<INode> = {}) => ({
		nodes: [trigger(), reorder(extra)],
		connections: { Run: { main: [to('Reorder Alert', 0)] } },
		settings: { executionOrder: 'v1' as const },
	});
	function fixtures(inventory: IDataObject[], dailySales: IDataObject[], extra: Partial<INode> = {}) {
		return {
			nodes: [trigger(), fixture('Inventory', inventory), fixture('Sales', dailySales), reorder(extra)],
			connections: {
				Run: { main: [[...to('Inventory'), ...to('Sales')]] },
				Inventory: { main: [to('Reorder Alert', 0)] },
				Sales: { main: [to('Reorder Alert', 1)] },
			},
			settings: { executionOrder: 'v1' as const },
		};
	}

	it('says no inventory items reached the Inventory input and what to connect to each input', async () => {
		const result = await runWorkflow(triggerOnInventory());
		const { message, description, itemIndex } = failure(result, 'Reorder Alert');
		expect(message).toMatch(/^No inventory items reached the Inventory input: the one item there has no sku, warehouse, onHand/);
		expect(message).toContain('没有库存数据到达“Inventory”输入');
		expect(description).toMatch(/Inventory input \(the upper one\): Demo Shop Data with Dataset Inventory.*Inventory Field Mapping/);
		expect(description).toMatch(CHINESE);
		expect(itemIndex).toBeUndefined();
	});

	it('says no daily sales items reached the Daily Sales input when stock arrives but sales do not', async () => {
		const result = await runWorkflow(fixtures([position], [{}, {}]));
		expect(failure(result, 'Reorder Alert').message).toMatch(/^No daily sales items reached the Daily Sales input: none of the 2 items there has date, sku, warehouse/);
	});

	it('under Continue (using error output) returns that one error item and records no alert', async () => {
		const staticData: IDataObject = {};
		const result = await runWorkflow({ ...triggerOnInventory({ onError: 'continueErrorOutput' }), staticData });
		expect(result.errorOf('Reorder Alert')).toBeUndefined();
		expect(result.output('Reorder Alert', 0)).toEqual([]);
		expect(result.output('Reorder Alert', 2)).toEqual([{ error: expect.stringMatching(/^No inventory items reached the Inventory input/) }]);
		expect(staticData).toEqual({});
	});

	it('with one position among empty items, reports the first empty item of that input as before', async () => {
		const result = await runWorkflow(fixtures([{}, position], sales));
		expect(failure(result, 'Reorder Alert')).toMatchObject({
			message: expect.stringMatching(/^Inventory item 0: field "sku" is missing/),
			itemIndex: 0,
			description: 'Check item 0 of the Inventory input, or map "sku" to the right column under Inventory Field Mapping. 请检查“Inventory”输入的第 0 项（从 0 开始数），或在“Inventory Field Mapping”中把“sku”改为正确的列名。',
		});
	});
});
