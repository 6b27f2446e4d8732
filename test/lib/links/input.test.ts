/**
 * What the Short Link node accepts from an item, bounded as issue 14 bounds input: ids and codes
 * ≤ 256 characters, amounts finite and ≥ 0, link ids in the shape each service gives them.
 */
import { UserInputError } from '../../../nodes/lib/errors';
import { amountField, boundedText, checkedDays, linkIdOf, parseAttributeSettings } from '../../../nodes/lib/links';

describe('Short Link input bounds', () => {
	it('texts: trimmed, numbers as text, at most 256 characters, required ones not empty', () => {
		expect(boundedText('  DY-1 ', 'Link Code', 0, true)).toBe('DY-1');
		expect(boundedText(42, 'Link Code', 0, true)).toBe('42');
		expect(boundedText(undefined, 'UTM Campaign', 0, false)).toBe('');
		expect(() => boundedText('', 'Link Code', 3, true)).toThrow('Item 3: Link Code is ""');
		expect(() => boundedText('x'.repeat(257), 'Link Code', 0, true)).toThrow(UserInputError);
		expect(() => boundedText({ a: 1 }, 'linkCode', 2, true, 'Orders item')).toThrow('Orders item 2: field "linkCode" is {"a":1}');
	});

	it('amounts: numbers or numeric text ≥ 0, finite, at most 10^12', () => {
		expect(amountField('88.5', 'amount', 'Orders', 0, false)).toBe(88.5);
		expect(amountField('', 'refundedAmount', 'Orders', 0, true)).toBeUndefined();
		for (const bad of [-1, Number.NaN, Infinity, 'lots', 1e13, null, true]) {
			expect(() => amountField(bad, 'amount', 'Orders', 1, false)).toThrow(/^Orders item 1: field "amount" is/);
		}
	});

	it('link ids: a Bitlink or its short URL; a Shlink short code or its short URL', () => {
		expect(linkIdOf('bitly', 'bit.ly/3xYz', 0)).toBe('bit.ly/3xYz');
		expect(linkIdOf('bitly', 'https://go.brand.cn/ab_C-1', 0)).toBe('go.brand.cn/ab_C-1');
		expect(() => linkIdOf('bitly', 'bit.ly/../v4/user', 0)).toThrow(/is not a Bitlink/);
		expect(() => linkIdOf('bitly', '3xYz', 0)).toThrow(/is not a Bitlink/);
		expect(linkIdOf('shlink', 'https://s.example.com/abc12', 0)).toBe('abc12');
		expect(linkIdOf('shlink', 'abc12', 0)).toBe('abc12');
		expect(() => linkIdOf('shlink', 'https://s.example.com/', 0)).toThrow(/has no short code/);
	});

	it('days: a whole number from 1 to 365', () => {
		expect(checkedDays(30)).toBe(30);
		for (const bad of [0, 366, 1.5, '30']) expect(() => checkedDays(bad)).toThrow(/Days must be a whole number from 1 to 365/);
	});

	it('Attribute Orders\' settings: a report level and order statuses the order reader knows', () => {
		expect(parseAttributeSettings({ attributeLevel: 'pillar', countedStatuses: ['paid', 'refunded'] })).toEqual({ attributeLevel: 'pillar', countedStatuses: ['paid', 'refunded'] });
		expect(() => parseAttributeSettings({ attributeLevel: 'post', countedStatuses: ['paid', 'lost'] as never })).toThrow(/^Statuses That Count: a list of order statuses, each one of pending, paid/);
		expect(() => parseAttributeSettings({ attributeLevel: 'post', countedStatuses: 'paid' as never })).toThrow(/^Statuses That Count: a list/);
		expect(() => parseAttributeSettings({ attributeLevel: 'day' as never, countedStatuses: [] })).toThrow('Report Per: Post or Pillar');
	});
});
