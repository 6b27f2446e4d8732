/**
 * The one definition of "a number written as text" and "an id that is a number" every input
 * parser uses, and the one difference between parsers it keeps on purpose: traffic counts
 * read digits only, so "-5" and "3.5" stay text and are reported as "a whole number ≥ 0",
 * where amounts and stock levels read decimal text and refuse the number afterwards.
 */
import { z } from 'zod';

import { COUNT_TEXT, DECIMAL_TEXT, idField, numberField, numberFromText, optionalNumberField, withArticle } from '../../../nodes/lib/model';
import { inventoryInputSchema } from '../../../nodes/lib/inventory';
import { trafficRowSchema } from '../../../nodes/lib/visitorValue';

const firstMessage = (result: z.SafeParseReturnType<unknown, unknown>) => (result.success ? undefined : result.error.issues[0].message);

describe('number text', () => {
	it.each(['19.90', '-3', ' 12 ', '0'])('decimal text %p becomes its number', (text) => {
		expect(numberFromText(DECIMAL_TEXT)(text)).toBe(Number(text));
	});

	it.each(['1,024', '1e3', '+5', '.5', '12abc', ''])('%p stays text (the schema then names what was expected)', (text) => {
		expect(numberFromText(DECIMAL_TEXT)(text)).toBe(text);
	});

	it('count text is digits only', () => {
		expect(numberFromText(COUNT_TEXT)('1024')).toBe(1024);
		expect(numberFromText(COUNT_TEXT)('-5')).toBe('-5');
		expect(numberFromText(COUNT_TEXT)('3.5')).toBe('3.5');
	});

	it('numberField names what was expected; optionalNumberField fills a blank', () => {
		expect(firstMessage(numberField('an amount').safeParse('abc'))).toBe('an amount');
		expect(optionalNumberField('units', 1).parse('  ')).toBe(1);
		expect(optionalNumberField('units', 1).parse('4')).toBe(4);
	});
});

describe('ids', () => {
	it('a number is taken as its text, text is trimmed, empty is refused', () => {
		expect(idField('SKU').parse(10023)).toBe('10023');
		expect(idField('SKU').parse(' A-1 ')).toBe('A-1');
		expect(firstMessage(idField('SKU').safeParse('  '))).toBe('a non-empty SKU');
		expect(firstMessage(idField('SKU').safeParse(true))).toBe('a SKU (text or number)');
		expect(firstMessage(idField('channel name', 'a channel name (text)').safeParse(true))).toBe('a channel name (text)');
	});

	it('errors read "an order id", not "a order id"', () => {
		expect(firstMessage(idField('order id').safeParse(true))).toBe('an order id (text or number)');
		expect(firstMessage(idField('order id').safeParse(undefined))).toBe('an order id');
		expect(firstMessage(idField('customer id').safeParse(undefined))).toBe('a customer id');
		expect(withArticle('integer')).toBe('an integer');
		expect(withArticle('unit price')).toBe('a unit price');
		expect(withArticle('SKU')).toBe('a SKU');
	});
});

describe('the difference the parsers keep: traffic counts versus stock levels', () => {
	const traffic = trafficRowSchema('Asia/Shanghai');
	const row = (visitors: unknown) => ({ date: '2026-03-01', group: 'live', visitors });

	it('"3.5" visitors stay text and are "a whole number ≥ 0"; "3.5" units on order are read, then refused as not whole', () => {
		expect(firstMessage(traffic.safeParse(row('3.5')))).toBe('a whole number ≥ 0');
		expect(firstMessage(traffic.safeParse(row('-5')))).toBe('a whole number ≥ 0');
		expect(traffic.parse(row(' 1024 ')).visitors).toBe(1024);

		const position = { sku: 'A', warehouse: 'W', onHand: 10, leadTimeDays: 3 };
		expect(inventoryInputSchema.parse({ ...position, onOrder: '4' }).onOrder).toBe(4);
		expect(firstMessage(inventoryInputSchema.safeParse({ ...position, onOrder: '3.5' }))).toBe('a whole number of units ≥ 0');
	});
});
