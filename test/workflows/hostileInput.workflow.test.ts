/**
 * Issue 14 items 2–3 through n8n-core (in-process): the base currency chosen deliberately, and
 * long ids refused per item before they can slow a run down.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { CouponTier } from '../../nodes/CouponTier/CouponTier.node';
import { chain, node, runWorkflow } from '../support/n8n';

const order = (orderId: string, customerId: string, currency: string, amount = 100): IDataObject => ({
	orderId,
	customerId,
	createdAt: '2026-06-01T10:00:00+08:00',
	status: 'completed',
	currency,
	amount,
});

function rfm(items: IDataObject[], parameters: IDataObject = {}, extra: Partial<INode> = {}) {
	return {
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			node('Orders', 'test.fixture', { items: JSON.stringify(items) }),
			node('RFM Segment', 'rfmSegment', { referenceMode: 'endOfDay', referenceDate: '2026-06-30', outputMode: 'customers', ...parameters }, extra),
		],
		connections: chain('Start', 'Orders', 'RFM Segment'),
	};
}

const hintsOf = (result: Awaited<ReturnType<typeof runWorkflow>>) =>
	(result.run.data.resultData.runData['RFM Segment'][0].hints ?? []).map((h) => h.message);

describe('base currency', () => {
	// Item 3 of the issue: one stray USD order at index 0 sent every CNY order to the error output.
	const strayUsdFirst = [order('O0', 'u', 'USD'), order('O1', 'a', 'CNY'), order('O2', 'b', 'CNY'), order('O3', 'c', 'CNY')];

	it('is the most common currency among the orders, not the first one; the stray order is the error, with a hint naming the choice', async () => {
		const result = await runWorkflow(rfm(strayUsdFirst, {}, { onError: 'continueErrorOutput' }));
		expect(result.output('RFM Segment', 0).map((c) => [c.customerId, c.currency])).toEqual([['a', 'CNY'], ['b', 'CNY'], ['c', 'CNY']]);
		expect(result.output('RFM Segment', 1).map((e) => e.error)).toEqual([
			expect.stringMatching(/^Item 0: field "currency" is "USD"; expected CNY \(the base currency\), or a rate for USD/),
		]);
		expect(hintsOf(result)).toContainEqual(expect.stringMatching(/^Base currency CNY: the most common among the orders \(USD: 1, CNY: 3\)/));
	});

	it('on a tie is the currency met first', async () => {
		const tie = [order('O0', 'u', 'USD'), order('O1', 'a', 'CNY')];
		const result = await runWorkflow(rfm(tie, {}, { onError: 'continueErrorOutput' }));
		expect(result.output('RFM Segment', 0).map((c) => [c.customerId, c.currency])).toEqual([['u', 'USD']]);
		expect(result.output('RFM Segment', 1).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 1: field "currency" is "CNY"/)]);
	});

	it('is the Base Currency option when set, with rates converting the others (and no hint)', async () => {
		const result = await runWorkflow(rfm(strayUsdFirst, { options: { baseCurrency: 'USD', currencyRates: 'CNY=0.14' } }));
		const customers = result.output('RFM Segment', 0);
		expect(customers.map((c) => [c.customerId, c.monetary, c.currency])).toEqual([
			['u', 100, 'USD'],
			['a', 14, 'USD'],
			['b', 14, 'USD'],
			['c', 14, 'USD'],
		]);
		expect(hintsOf(result).filter((h) => h.startsWith('Base currency'))).toEqual([]);
	});
});

describe('long ids (item 2: ids over 16,383 characters collide in V8 maps)', () => {
	it('2,000 orders with 17,000-character customer ids are per-item errors, quickly', async () => {
		const items = Array.from({ length: 2000 }, (_, i) => order(`O${i}`, `${String(i).padStart(5, '0')}${'x'.repeat(16_995)}`, 'CNY'));
		const started = Date.now();
		const result = await runWorkflow(rfm(items, {}, { onError: 'continueErrorOutput' }));
		const seconds = (Date.now() - started) / 1000;
		const errors = result.output('RFM Segment', 1);
		expect(errors).toHaveLength(2000);
		expect(errors[0].error).toMatch(/^Item 0: field "customerId" is "00000x{52}\.\.\."; expected a customer id of at most 256 characters/);
		// Was 9.7 s; a few tenths now. The bound is loose for a shared 2-core machine.
		expect(seconds).toBeLessThan(5);
	});
});

describe('customer totals given twice (RFM Segment, Input Data: Customers With R, F, M Values)', () => {
	const totals = (customerId: string, recencyDays: number, frequency: number, monetary: number) => ({
		buyer: { id: customerId },
		recencyDays,
		frequency,
		monetary,
	});
	const items = [totals('a', 3, 2, 100), totals('b', 10, 1, 50), totals('a', 40, 1, 20)];
	const customersInput = { inputKind: 'customers', customerFields: { customerId: 'buyer.id' } };

	it('stops at the later row, naming it, the mapped field and the row that had the customer first', async () => {
		const result = await runWorkflow(rfm(items, customersInput));
		expect(result.errorOf('RFM Segment')?.message).toBe(
			'Item 2: field "buyer.id" is "a"; expected one item per customer (item 0 is this customer too); give one row of totals per customer, or set Input Data to Orders',
		);
	});

	it('with Continue (using error output) scores each customer once and sends the later row to the error output', async () => {
		const result = await runWorkflow(rfm(items, customersInput, { onError: 'continueErrorOutput' }));
		expect(result.output('RFM Segment', 0).map((c) => [c.customerId, c.recencyDays, c.frequency, c.monetary])).toEqual([
			['a', 3, 2, 100],
			['b', 10, 1, 50],
		]);
		expect(result.output('RFM Segment', 1).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 2: field "buyer\.id" is "a"; expected one item per customer/)]);
	});
});

describe('RFM Reference Date at the end of the calendar', () => {
	it('9999-12-31 is refused with the accepted range (it let a raw RangeError out)', async () => {
		const result = await runWorkflow(rfm([order('O1', 'a', 'CNY')], { referenceMode: 'endOfDay', referenceDate: '9999-12-31' }));
		const error = result.errorOf('RFM Segment') as Error & { description?: string };
		expect(error.message).toBe('Reference Date "9999-12-31" is outside the dates this node reads (from 2000-01-01 to 9999-12-30)');
		expect(error.description).toMatch(/^Pick a date, e\.g\. 2026-06-30/);
	});
});

describe('Visitor Value: an order channel that is an object', () => {
	const channelOrder = (orderId: string, channel: unknown): IDataObject => ({ ...order(orderId, orderId, 'CNY'), channel: channel as string });
	const orders = [channelOrder('O0', 'live'), channelOrder('O1', { name: 'live' }), channelOrder('O2', 'search')];
	const traffic = [
		{ date: '2026-06-01', channel: 'live', visitors: 100 },
		{ date: '2026-06-01', channel: 'search', visitors: 50 },
	];
	function visitorValue(extra: Partial<INode> = {}) {
		const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];
		return {
			nodes: [
				node('Start', 'n8n-nodes-base.manualTrigger'),
				node('Orders', 'test.fixture', { items: JSON.stringify(orders) }),
				node('Traffic', 'test.fixture', { items: JSON.stringify(traffic) }),
				node('Visitor Value', 'visitorValue', { endDate: '2026-06-30', windowDays: 30, outputMode: 'groups' }, extra),
			],
			connections: {
				Start: { main: [[...to('Orders'), ...to('Traffic')]] },
				Orders: { main: [to('Visitor Value', 0)] },
				Traffic: { main: [to('Visitor Value', 1)] },
			},
		};
	}

	it('is a per-item error naming the item and the group field (it became the channel "[object Object]")', async () => {
		const stopped = await runWorkflow(visitorValue());
		expect(stopped.errorOf('Visitor Value')?.message).toBe(
			'Item 1: field "channel" is an object; expected a channel name (text or number) of at most 256 characters',
		);
		const continued = await runWorkflow(visitorValue({ onError: 'continueErrorOutput' }));
		expect(continued.output('Visitor Value', 0).map((c) => [c.group, c.orders])).toEqual([
			['live', 1],
			['search', 1],
		]);
		expect(continued.output('Visitor Value', 1).map((e) => e.error)).toEqual([expect.stringMatching(/^Item 1: field "channel" is an object/)]);
	});
});

describe('a node-level error under On Error: Continue is one error item, never the inputs passed on as results', () => {
	// n8n passes a node's input items on as its output when execute() throws under Continue: orders
	// came out of RFM Segment's Customers output as if they were customers.
	const position = { sku: 'TEE-01', warehouse: 'SH', onHand: 40, onOrder: 0, leadTimeDays: 7 };
	const sale = { date: '2026-03-27', sku: 'TEE-01', warehouse: 'SH', units: 3 };
	const channelOrder = { ...order('O1', 'a', 'CNY'), channel: 'live' };
	const cases: Array<[string, string, IDataObject, IDataObject[][], number, RegExp]> = [
		['RFM Segment', 'rfmSegment', { outputMode: 'customers', timeZone: 'Mars/Olympus' }, [[order('O1', 'a', 'CNY')]], 1, /^Unknown time zone "Mars\/Olympus"/],
		['Visitor Value', 'visitorValue', { outputMode: 'groups', timeZone: 'Mars/Olympus' }, [[channelOrder], [{ date: '2026-06-01', channel: 'live', visitors: 9 }]], 1, /^Unknown time zone "Mars\/Olympus"/],
		['Coupon Tier', 'couponTier', { timeZone: 'Mars/Olympus' }, [[{ customerId: 'A', segment: 'champions' }]], 6, /^Unknown time zone "Mars\/Olympus"/],
		['Reorder Alert', 'reorderAlert', { asOfMode: 'date', asOfDate: 'soon' }, [[position], [sale]], 2, /^As-Of Date "soon" is not a date/],
		['Demo Shop Data', 'demoShopData', { dataset: 'orders', customers: 10, orders: 50, skus: 20, warehouses: 'SH, GZ', days: 30, endDate: 'soon' }, [[{}]], 1, /soon/],
	];
	const credentials = { couponCodeSecretApi: { secret: 'k7Q2m9Xw4Rt8Vb3Nz6Lp' } };

	function workflowOf(name: string, type: string, parameters: IDataObject, inputs: IDataObject[][], onError: INode['onError']) {
		const to = (target: string, index = 0) => [{ node: target, type: 'main' as const, index }];
		const fixtures = inputs.map((items, i) => node(`Input ${i}`, 'test.fixture', { items: JSON.stringify(items) }));
		return {
			nodes: [
				node('Start', 'n8n-nodes-base.manualTrigger'),
				...fixtures,
				node(name, type, parameters, { onError, credentials: { couponCodeSecretApi: { id: '1', name: 'secret' } } }),
			],
			connections: {
				Start: { main: [fixtures.flatMap((f) => to(f.name))] },
				...Object.fromEntries(fixtures.map((f, i) => [f.name, { main: [to(name, i)] }])),
			},
			settings: { executionOrder: 'v1' as const },
		};
	}

	describe.each(cases)('%s', (name, type, parameters, inputs, outputs, message) => {
		it('Continue (regular output): the error item alone on the first output, with the error and its description', async () => {
			const result = await runWorkflow(workflowOf(name, type, parameters, inputs, 'continueRegularOutput'), credentials);
			expect(result.errorOf(name)).toBeUndefined();
			expect(result.output(name, 0)).toEqual([{ error: expect.stringMatching(message) }]);
			for (let output = 1; output < outputs; output++) expect(result.output(name, output)).toEqual([]);
			const [item] = result.run.data.resultData.runData[name][0].data!.main[0]!;
			expect(item.error?.message).toMatch(message);
			expect(item.error?.description).toMatch(/[\u4e00-\u9fff]/);
		});

		it('Continue (using error output): the error item alone on the error output', async () => {
			const result = await runWorkflow(workflowOf(name, type, parameters, inputs, 'continueErrorOutput'), credentials);
			expect(result.errorOf(name)).toBeUndefined();
			for (let output = 0; output < outputs; output++) expect(result.output(name, output)).toEqual([]);
			const errors = result.output(name, outputs);
			expect(errors).toHaveLength(1);
			expect(errors[0].error).toMatch(message);
		});
	});
});

describe('number settings out of their documented range are settings errors, not accepted (a Lookback Window of 1e308 was)', () => {
	const position = { sku: 'TEE-01', warehouse: 'SH', onHand: 40, onOrder: 0, leadTimeDays: 7 };
	const sale = { date: '2026-03-27', sku: 'TEE-01', warehouse: 'SH', units: 3 };
	const channelOrder = { ...order('O1', 'a', 'CNY'), channel: 'live' };
	const traffic = { date: '2026-06-01', channel: 'live', visitors: 9 };
	const rfmBase = { referenceMode: 'endOfDay', referenceDate: '2026-06-30' };
	const lifetimeValue = { ...rfmBase, predictLifetimeValue: true, clvTimeUnit: 'week', clvHorizonDays: 90, clvAnnualDiscountRate: 0 };
	const reorderBase = { asOfMode: 'date', asOfDate: '2026-03-28', onlyNewAlerts: false };
	/** Coupon Tier's default Tiers (from its description) with one field of one tier changed. */
	const tiersWith = (key: string, change: IDataObject) => {
		const tiers = new CouponTier().description.properties.find((p) => p.name === 'tiers')!.default as { tier: IDataObject[] };
		return { tier: tiers.tier.map((tier) => (tier.key === key ? { ...tier, ...change } : tier)) };
	};
	const cases: Array<[string, string, IDataObject, IDataObject[][], string]> = [
		['RFM Segment', 'rfmSegment', { ...rfmBase, lookbackDays: 1e308 }, [[order('O1', 'a', 'CNY')]], 'Lookback Window (Days) is 1e+308; expected 0 (all orders) to 36,500 days'],
		['RFM Segment', 'rfmSegment', { ...lifetimeValue, clvHorizonDays: 1e6 }, [[order('O1', 'a', 'CNY')]], 'Lifetime Value Horizon (Days) is 1000000; expected a number of days above 0 up to 36,500, e.g. 90'],
		['RFM Segment', 'rfmSegment', { ...lifetimeValue, clvAnnualDiscountRate: 5000 }, [[order('O1', 'a', 'CNY')]], 'Annual Discount Rate (%) is 5000; expected 0 (none) to 1,000, e.g. 10'],
		['Visitor Value', 'visitorValue', { windowDays: 1e308 }, [[channelOrder], [traffic]], 'Window (Days) is 1e+308; expected 0 (all days) to 36,500 days'],
		['Coupon Tier', 'couponTier', { campaignBudget: 1e13 }, [[{ customerId: 'A', segment: 'champions' }]], 'Campaign Budget is 10000000000000; expected 0 (no limit) to 1,000,000,000,000'],
		['Coupon Tier', 'couponTier', { birthdayBenefit: 'days', birthdayDays: 1000 }, [[{ customerId: 'A', segment: 'champions' }]], 'Days Around the Birthday is 1000; expected 0 to 366 days'],
		['Coupon Tier', 'couponTier', { tiers: tiersWith('active', { amount: 1e10 }) }, [[{ customerId: 'A', segment: 'champions' }]], 'Tiers: Amount Off is 10000000000; expected 0 to 1,000,000,000'],
		['Coupon Tier', 'couponTier', { tiers: tiersWith('vip', { budget: 1e13 }) }, [[{ customerId: 'A', segment: 'champions' }]], 'Tiers: Budget is 10000000000000; expected 0 to 1,000,000,000,000'],
		['Coupon Tier', 'couponTier', { tiers: tiersWith('ordinary', { daysValid: 1e6 }) }, [[{ customerId: 'A', segment: 'champions' }]], 'Tiers: Days Valid is 1000000; expected 1 to 36,500 days'],
		['Coupon Tier', 'couponTier', { birthdayBenefit: 'month', birthdayBonus: 1e10 }, [[{ customerId: 'A', segment: 'champions' }]], 'Birthday Bonus is 10000000000; expected 0 to 1,000,000,000'],
		['Reorder Alert', 'reorderAlert', { ...reorderBase, orderPolicy: 'orderUpTo', reviewPeriodDays: 1e308 }, [[position], [sale]], 'Review Period (Days): expected a number of days from 0 to 3,660'],
		['Reorder Alert', 'reorderAlert', { ...reorderBase, orderPolicy: 'eoq', orderingCost: 1e12 }, [[position], [sale]], 'Ordering Cost: expected a cost from 0 to 1,000,000,000'],
		['Reorder Alert', 'reorderAlert', { ...reorderBase, orderPolicy: 'eoq', holdingCostRate: 5000 }, [[position], [sale]], 'Holding Cost Rate (% per Year): expected a rate from 0 to 1,000 % a year, e.g. 25 %'],
		['Reorder Alert', 'reorderAlert', { ...reorderBase, maxDaysOfCover: 1e9 }, [[position], [sale]], 'Max Days of Cover: expected a number of days from 0 (off) to 3,660'],
	];

	function workflowOf(name: string, type: string, parameters: IDataObject, inputs: IDataObject[][]) {
		const to = (target: string, index = 0) => [{ node: target, type: 'main' as const, index }];
		const fixtures = inputs.map((items, i) => node(`Input ${i}`, 'test.fixture', { items: JSON.stringify(items) }));
		return {
			nodes: [
				node('Start', 'n8n-nodes-base.manualTrigger'),
				...fixtures,
				node(name, type, parameters, { credentials: { couponCodeSecretApi: { id: '1', name: 'secret' } } }),
			],
			connections: {
				Start: { main: [fixtures.flatMap((f) => to(f.name))] },
				...Object.fromEntries(fixtures.map((f, i) => [f.name, { main: [to(name, i)] }])),
			},
			settings: { executionOrder: 'v1' as const },
		};
	}

	it.each(cases)('%s (%s), case %#', async (name, type, parameters, inputs, message) => {
		const result = await runWorkflow(workflowOf(name, type, parameters, inputs), { couponCodeSecretApi: { secret: 'k7Q2m9Xw4Rt8Vb3Nz6Lp' } });
		expect(result.errorOf(name)?.message).toBe(message);
	});

	it('the largest values accepted still run: RFM Lookback Window 36,500 days, Visitor Value Window 36,500 days', async () => {
		const rfmRun = await runWorkflow(workflowOf('RFM Segment', 'rfmSegment', { ...rfmBase, lookbackDays: 36_500, outputMode: 'customers' }, [[order('O1', 'a', 'CNY')]]));
		expect(rfmRun.output('RFM Segment').map((c) => c.customerId)).toEqual(['a']);
		const visitorRun = await runWorkflow(workflowOf('Visitor Value', 'visitorValue', { windowDays: 36_500, outputMode: 'groups' }, [[channelOrder], [traffic]]));
		expect(visitorRun.errorOf('Visitor Value')).toBeUndefined();
		expect(visitorRun.output('Visitor Value').map((c) => c.group)).toEqual(['live']);
	});
});
