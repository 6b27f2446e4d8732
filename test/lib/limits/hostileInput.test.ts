/**
 * Issue 14, items 1–4: the calculation layer under hostile input. Each hole is closed by a
 * documented bound (docs/nodes/<Node>.md, "Limits") or a per-item issue; each test below is one
 * hole from the issue, with the input the issue reported.
 */
import { UserInputError } from '../../../nodes/lib/errors';
import { DEMO_LIMITS, generateDailySales, generateInventory, warehouseNamesFrom } from '../../../nodes/lib/demo';
import { createSalesDateCheck, dailySalesInputSchema, dailySalesParser, inventoryInputSchema, inventoryParser } from '../../../nodes/lib/inventory';
import { createDuplicateCustomerCheck, idField, isoDateTimeWithOffset, MAX_ID_LENGTH } from '../../../nodes/lib/model';
import { createCurrencyConverter, orderInputParser, orderInputSchema } from '../../../nodes/lib/orders';
import { rfmCustomerSchema } from '../../../nodes/lib/rfm';
import { createTimestampParser, horizonExpected, isWithinHorizon } from '../../../nodes/lib/time';
import {
	computeVisitorValue,
	orderGroupOf,
	parseBudgetTable,
	trafficRowSchema,
	type GroupedOrder,
	type VisitorValueOptions,
} from '../../../nodes/lib/visitorValue';

const NOW = Date.UTC(2026, 5, 30, 12); // 2026-06-30T12:00:00Z, the run's clock in these tests

describe('ids are bounded (item 2: ids over 16,383 characters hash by length only in V8)', () => {
	const schema = idField('customer id');
	it(`accepts ${MAX_ID_LENGTH} characters and refuses ${MAX_ID_LENGTH + 1}, naming the limit`, () => {
		expect(schema.safeParse('x'.repeat(MAX_ID_LENGTH)).success).toBe(true);
		const long = schema.safeParse('x'.repeat(MAX_ID_LENGTH + 1));
		expect(long.success).toBe(false);
		expect(long.success ? '' : long.error.issues[0].message).toBe('a customer id of at most 256 characters');
	});

	it('the order and inventory fast lanes refuse what the schemas refuse', () => {
		const order = { orderId: 'O1', customerId: 'c'.repeat(17_000), createdAt: '2026-06-01T10:00:00+08:00', amount: 10 };
		expect(orderInputParser('UTC').safeParse(order).success).toBe(false);
		expect(orderInputSchema('UTC').safeParse(order).success).toBe(false);
		const position = { sku: 's'.repeat(300), warehouse: 'SH', onHand: 1, leadTimeDays: 3 };
		expect(inventoryParser.safeParse(position).success).toBe(false);
		expect(inventoryInputSchema.safeParse(position).success).toBe(false);
		const row = { date: '2026-06-01', sku: 'A', warehouse: 'w'.repeat(300), units: 1, inStock: true };
		expect(dailySalesParser.safeParse(row).success).toBe(false);
		expect(dailySalesInputSchema.safeParse(row).success).toBe(false);
	});
});

describe('impossible dates are refused in every form (item 3)', () => {
	const parse = createTimestampParser('Asia/Shanghai');
	it.each(['2026-04-31T10:00:00Z', '2026-04-31T10:00:00+08:00', '2026-02-29 10:00:00+0800', '2026-04-31 10:00:00', '2026-04-31', '2026-06-01T24:30:00Z'])(
		'%s is not a timestamp',
		(text) => expect(parse(text)).toBeNaN(),
	);
	it('a real day with an offset still parses to its instant', () => {
		expect(parse('2026-04-30T10:00:00Z')).toBe(Date.UTC(2026, 3, 30, 10));
		expect(parse('2028-02-29T08:00:00+08:00')).toBe(Date.UTC(2028, 1, 29, 0));
	});
	it('the data model refuses a date-time on a day that does not exist', () => {
		expect(isoDateTimeWithOffset.safeParse('2026-04-31T10:00:00+08:00').success).toBe(false);
		expect(isoDateTimeWithOffset.safeParse('2026-04-30T10:00:00+08:00').success).toBe(true);
	});
});

describe('timestamps within a sane horizon (item 3: one order on 9999-12-31 made everyone 2.9 million days lapsed)', () => {
	it('from 2000-01-01T00:00Z up to one day after the clock', () => {
		expect(isWithinHorizon(Date.UTC(2000, 0, 1), NOW)).toBe(true);
		expect(isWithinHorizon(Date.UTC(1999, 11, 31, 23, 59, 59), NOW)).toBe(false);
		expect(isWithinHorizon(NOW + 86_400_000, NOW)).toBe(true);
		expect(isWithinHorizon(NOW + 86_400_001, NOW)).toBe(false);
		expect(horizonExpected(NOW)).toBe('a time from 2000-01-01 up to one day after now (2026-07-01)');
	});

	it('a daily-sales row dated 9999-12-31 or before 2000 is an issue on its date field', () => {
		const check = createSalesDateCheck(NOW, 'day');
		const row = (date: string) => ({ date, sku: 'A', warehouse: 'SH', units: 1, inStock: true });
		expect(check(row('2026-07-01'), 0)).toEqual(row('2026-07-01'));
		expect(check(row('2000-01-01'), 0)).toEqual(row('2000-01-01'));
		for (const date of ['9999-12-31', '2026-07-02', '1999-12-31']) {
			expect(check(row(date), 3)).toEqual({ itemIndex: 3, field: 'day', value: date, expected: horizonExpected(NOW) });
		}
	});

	it('a traffic row dated 9999-12-31 is a per-item issue, not a RangeError', () => {
		const schema = trafficRowSchema('Pacific/Kiritimati', NOW);
		// The clock plus a day is 2026-07-02 02:00 on Kiritimati (UTC+14): the 3rd is too late.
		for (const date of ['9999-12-31', '9999-12-31T23:00:00-12:00', '1999-12-31', '2026-07-03']) {
			const parsed = schema.safeParse({ date, group: 'live', visitors: 5 });
			expect(parsed.success).toBe(false);
		}
		expect(schema.safeParse({ date: '2026-07-02', group: 'live', visitors: 5 }).success).toBe(true);
	});
});

describe('numeric fields within documented ranges (item 3: 1e308 became Infinity, then null)', () => {
	it('an order amount above 1,000,000,000 is refused by the schema and the fast lane alike', () => {
		const order = { orderId: 'O1', customerId: 'c', createdAt: '2026-06-01T10:00:00+08:00', amount: 1e308 };
		const parsed = orderInputParser('UTC').safeParse(order);
		expect(parsed.success ? '' : parsed.error.issues[0].message).toBe('an amount from 0 to 1,000,000,000');
		expect(orderInputParser('UTC').safeParse({ ...order, amount: 1e9 }).success).toBe(true);
	});

	it('RFM customer totals: monetary up to 1e12, recency up to 36,500 days, frequency up to 1e9', () => {
		const ok = { customerId: 'c', recencyDays: 36_500, frequency: 1e9, monetary: 1e12 };
		expect(rfmCustomerSchema.safeParse(ok).success).toBe(true);
		for (const change of [{ monetary: 1e308 }, { recencyDays: 36_501 }, { frequency: 1e9 + 1 }]) {
			expect(rfmCustomerSchema.safeParse({ ...ok, ...change }).success).toBe(false);
		}
	});

	it.each([
		['leadTimeDays', 1e308, 'a number of days from 0 to 730'],
		['leadTimeDays', 1e9, 'a number of days from 0 to 730'],
		['onHand', 2e9, 'a whole number of units (negative when oversold) from −1,000,000,000 to 1,000,000,000'],
		['onOrder', 1e10, 'a whole number of units from 0 to 1,000,000,000'],
		['packSize', 2e6, 'a whole number of units from 1 to 1,000,000'],
		['unitCost', 1e300, 'an amount from 0 to 1,000,000,000'],
	])('inventory %s = %d is refused: %s', (field, value, message) => {
		const position = { sku: 'A', warehouse: 'SH', onHand: 1, leadTimeDays: 3, [field]: value };
		expect(inventoryParser.safeParse(position).success).toBe(false);
		const parsed = inventoryInputSchema.safeParse(position);
		expect(parsed.success ? '' : parsed.error.issues[0].message).toBe(message);
	});

	it('the inventory bounds themselves are accepted by the fast lane', () => {
		const edge = { sku: 'A', warehouse: 'SH', onHand: -1e9, onOrder: 1e9, reserved: 0, leadTimeDays: 730, leadTimeStdDays: 730, moq: 1e9, packSize: 1e6, unitCost: 1e9 };
		expect(inventoryParser.safeParse(edge)).toEqual(inventoryInputSchema.safeParse(edge));
		expect(inventoryParser.safeParse(edge).success).toBe(true);
	});
});

describe('Visitor Value channels (item 3)', () => {
	it('a channel given as an object is an issue, not the group "[object Object]"', () => {
		expect(orderGroupOf({ name: 'live' }, 4, 'channel', '(none)')).toMatchObject({ itemIndex: 4, field: 'channel' });
		expect(orderGroupOf(['live'], 4, 'channel', '(none)')).toMatchObject({ itemIndex: 4 });
		expect(orderGroupOf(' live ', 4, 'channel', '(none)')).toBe('live');
		expect(orderGroupOf(7, 4, 'channel', '(none)')).toBe('7');
		expect(orderGroupOf('', 4, 'channel', '(none)')).toBe('(none)');
		expect(orderGroupOf(undefined, 4, 'channel', '(none)')).toBe('(none)');
	});

	it('channels named constructor and __proto__ get their own budgets, never NaN', () => {
		const budget = parseBudgetTable('constructor=3000, __proto__=1000');
		expect(Object.entries(budget)).toEqual([['constructor', 3000], ['__proto__', 1000]]);
		const order = (orderId: string, group: string): GroupedOrder => ({
			itemIndex: 0, orderId, customerId: orderId, createdAt: '', createdAtMs: Date.UTC(2026, 5, 1), status: 'completed', currency: 'CNY', amount: 100, refundedAmount: 0, group,
		});
		const options: VisitorValueOptions = {
			timeZone: 'UTC', windowDays: 0, countedStatuses: ['completed'], repeatScope: 'group', currentBudget: budget as Record<string, number>, shiftStep: 0.2,
		};
		const traffic = [{ group: 'constructor', date: '2026-06-01', visitors: 100 }, { group: '__proto__', date: '2026-06-01', visitors: 100 }];
		const result = computeVisitorValue([order('A', 'constructor'), order('B', '__proto__'), order('C', '__proto__')], traffic, options);
		const byGroup = Object.fromEntries(result.groups.map((g) => [g.group, g]));
		expect(byGroup.constructor).toMatchObject({ currentBudget: 3000, currentBudgetShare: 0.75 });
		expect(byGroup.__proto__).toMatchObject({ currentBudget: 1000, currentBudgetShare: 0.25 });
		expect(result.totals.totalBudget).toBe(4000);
	});

	it('a budget too large to sum is the bad part of the table', () => {
		expect(parseBudgetTable(`live=${'9'.repeat(400)}`)).toEqual({ badPart: `live=${'9'.repeat(400)}` });
	});

	it('an end date of 9999-12-31 is a UserInputError (the window would end on a day with no text)', () => {
		const options: VisitorValueOptions = { timeZone: 'UTC', endDate: '9999-12-31', windowDays: 7, countedStatuses: ['completed'], repeatScope: 'group', shiftStep: 0.2 };
		expect(() => computeVisitorValue([], [], options)).toThrow(UserInputError);
	});
});

describe('RFM customer input: one item per customer (item 3)', () => {
	it('a customer id met again is an issue naming the item that had it first', () => {
		const check = createDuplicateCustomerCheck('buyer');
		expect(check('alice', 0)).toBeUndefined();
		expect(check('bob', 1)).toBeUndefined();
		expect(check('alice', 2)).toEqual({
			itemIndex: 2,
			field: 'buyer',
			value: 'alice',
			expected: 'one item per customer (item 0 is this customer too)',
		});
		const advised = createDuplicateCustomerCheck('customerId', 'feed the Customers output of RFM Segment, not orders');
		advised('A', 0);
		expect(advised('A', 3)?.expected).toBe('one item per customer (item 0 is this customer too); feed the Customers output of RFM Segment, not orders');
	});
});

describe('Demo Shop Data (items 1 and 4)', () => {
	const options = { seed: 1, customers: 10, orders: 10, skus: 10_000, warehouses: Array.from({ length: 50 }, (_, k) => `w${k}`), days: 3660, endDate: '2026-06-30' };
	it('refuses 10,000 SKUs × 50 warehouses × 3,660 days at once, naming the limit and settings that fit', () => {
		for (const generate of [generateDailySales, generateInventory]) {
			let error: unknown;
			try {
				generate(options);
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(UserInputError);
			expect((error as UserInputError).message).toBe(
				'10,000 SKUs × 50 warehouses × 3,660 days is 1,830,000,000 rows of stock, above the limit of 2,000,000 (SKUs × warehouses × days)',
			);
			expect((error as UserInputError).hint).toMatch(/^Lower SKUs, Warehouses or Days of History .* e\.g\. 4 days with these SKUs and warehouses, or 10 SKUs with these warehouses and days\./);
		}
		expect(DEMO_LIMITS.stockRows).toBe(2_000_000);
	});

	it('generates exactly at the limit', () => {
		const rows = generateDailySales({ ...options, skus: 1000, warehouses: ['a', 'b'], days: 1000 });
		expect(rows).toHaveLength(2_000_000);
	});

	it('reads Warehouses as text, a list or a number, and refuses anything else by name', () => {
		const split = (text: string) => text.split(',').map((p) => p.trim()).filter((p) => p !== '');
		expect(warehouseNamesFrom('a, b', split)).toEqual(['a', 'b']);
		expect(warehouseNamesFrom(['a', 2], split)).toEqual(['a', '2']);
		expect(warehouseNamesFrom(7, split)).toEqual(['7']);
		expect(() => warehouseNamesFrom({ a: 1 }, split)).toThrow('Warehouses must be comma-separated names or a list of names, got an object');
		expect(() => warehouseNamesFrom([{}], split)).toThrow(/got a list with an entry that is not a name/);
	});
});

describe('currency rates (item 3: amount × rate must stay finite)', () => {
	it('a rate above 1,000,000,000 is refused on the order, naming the rate; a table key of Object.prototype is no rate', () => {
		const converter = createCurrencyConverter({ baseCurrency: 'CNY', rates: { USD: 1e300, EUR: 7.8 } });
		expect(converter.rateFor('EUR', 0, 'currency')).toBe(7.8);
		expect(converter.rateFor('USD', 1, 'currency')).toEqual({
			itemIndex: 1,
			field: 'currency',
			value: 'USD',
			expected: 'CNY (the base currency), or a rate for USD from above 0 to 1,000,000,000 in Currency Rates (got 1e+300)',
		});
		expect(converter.rateFor('constructor', 2, 'currency')).toMatchObject({ expected: expect.stringMatching(/or a rate for constructor in the node's Currency Rates option$/) });
	});
});
