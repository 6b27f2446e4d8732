/**
 * Issue 14 items 2–3 through n8n-core (in-process): the base currency chosen deliberately, and
 * long ids refused per item before they can slow a run down.
 */
import type { IDataObject, INode } from 'n8n-workflow';

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
