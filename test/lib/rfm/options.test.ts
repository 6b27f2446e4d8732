/**
 * RFM Segment's settings (nodes/lib/rfm/options.ts): the values of the node's parameters in,
 * the settings the scoring and the order aggregation take out; a bad setting is a
 * UserInputError worded as the node shows it.
 */
import { UserInputError } from '../../../nodes/lib/errors';
import { parseRfmOptions, type RfmOptionsInput } from '../../../nodes/lib/rfm';

const NOW = Date.UTC(2026, 5, 30, 12); // 2026-06-30T12:00Z

const customers: RfmOptionsInput = {
	inputKind: 'customers',
	now: NOW,
	scoringMethod: 'quintiles',
	segmentScheme: 'rfGrid',
	labelLanguage: 'en',
};
const orders = (change: Partial<Extract<RfmOptionsInput, { inputKind: 'orders' }>> = {}): RfmOptionsInput => ({
	...customers,
	inputKind: 'orders',
	timeZone: 'Asia/Shanghai',
	referenceMode: 'now',
	lookbackDays: 0,
	countedStatuses: ['paid', 'completed'],
	...change,
});

function errorOf(input: RfmOptionsInput): UserInputError {
	try {
		parseRfmOptions(input);
	} catch (error) {
		if (error instanceof UserInputError) return error;
		throw error;
	}
	throw new Error('expected a UserInputError');
}

describe('RFM Segment settings', () => {
	it('customer input: scoring, scheme and language only; the base currency as an ISO code', () => {
		expect(parseRfmOptions({ ...customers, baseCurrency: ' cny ' })).toEqual({
			inputKind: 'customers',
			scoring: { kind: 'quintiles' },
			scheme: { kind: 'rfGrid' },
			language: 'en',
			baseCurrency: 'CNY',
		});
		expect(parseRfmOptions({ ...customers, baseCurrency: '' }).baseCurrency).toBeUndefined();
	});

	it('reference "Now" is the clock passed in; "Latest Order" waits for the orders', () => {
		expect(parseRfmOptions(orders())).toMatchObject({ reference: { kind: 'instant', epochMs: NOW }, timeZone: 'Asia/Shanghai' });
		expect(parseRfmOptions(orders({ referenceMode: 'latestOrder' }))).toMatchObject({ reference: { kind: 'latestOrder' } });
	});

	it('"End of a Chosen Day" is the last millisecond of that day in the shop\'s zone; "Exact Moment" is the moment', () => {
		// 2026-07-01T00:00+08:00 = 2026-06-30T16:00Z; one millisecond before.
		expect(parseRfmOptions(orders({ referenceMode: 'endOfDay', referenceDate: '2026-06-30' }))).toMatchObject({
			reference: { kind: 'instant', epochMs: Date.UTC(2026, 5, 30, 16) - 1 },
		});
		expect(parseRfmOptions(orders({ referenceMode: 'moment', referenceDate: '2026-06-30T09:30:00+08:00' }))).toMatchObject({
			reference: { kind: 'instant', epochMs: Date.UTC(2026, 5, 30, 1, 30) },
		});
	});

	it('a reference date that is not a date names the setting and says what to pick', () => {
		const error = errorOf(orders({ referenceMode: 'endOfDay', referenceDate: ' soon ' }));
		expect(error.message).toBe('Reference Date "soon" is not a date');
		expect(error.hint).toBe('Pick a date, e.g. 2026-06-30, or an ISO date-time such as 2026-06-30T23:59:59+08:00.');
		expect(error.field).toBe('referenceDate');
	});

	it('a reference day after 9999-12-30 or before 2000-01-01 is refused with the accepted range, not a RangeError', () => {
		// 9999-12-31 has no next day to end on; orders before 2000 are refused anyway (lib/time/horizon.ts).
		for (const [referenceMode, referenceDate] of [
			['endOfDay', '9999-12-31'],
			['endOfDay', '1999-12-31'],
			['moment', '9999-12-31T12:00:00+08:00'],
			['moment', '1999-12-31T23:59:59+08:00'],
		] as const) {
			const error = errorOf(orders({ referenceMode, referenceDate }));
			expect(error.message).toBe(`Reference Date "${referenceDate}" is outside the dates this node reads (from 2000-01-01 to 9999-12-30)`);
			expect(error.field).toBe('referenceDate');
		}
		// The last day accepted ends at the first millisecond of 9999-12-31 in the zone, minus one.
		expect(parseRfmOptions(orders({ referenceMode: 'endOfDay', referenceDate: '9999-12-30' }))).toMatchObject({
			reference: { kind: 'instant', epochMs: Date.UTC(9999, 11, 30, 16) - 1 },
		});
	});

	it('the lookback window is whole days ≥ 0 (0 = all orders)', () => {
		expect(parseRfmOptions(orders({ lookbackDays: 90.7 }))).toMatchObject({ lookbackDays: 90 });
		expect(parseRfmOptions(orders({ lookbackDays: -5 }))).toMatchObject({ lookbackDays: 0 });
		expect(parseRfmOptions(orders({ lookbackDays: null }))).toMatchObject({ lookbackDays: 0 });
	});

	it('fixed thresholds are read as lists of numbers (their order is checked by the scoring)', () => {
		const settings = parseRfmOptions({
			...customers,
			scoringMethod: 'thresholds',
			recencyThresholds: '30, 90,180 ;365',
			frequencyThresholds: '2 3 5 8',
			monetaryThresholds: '100, lots',
		});
		expect(settings.scoring).toEqual({
			kind: 'thresholds',
			thresholds: { recencyDays: [30, 90, 180, 365], frequency: [2, 3, 5, 8], monetary: [100, NaN] },
		});
	});

	it('custom segments become score ranges, first rule first', () => {
		const settings = parseRfmOptions({
			...customers,
			segmentScheme: 'custom',
			customSegments: [
				{ name: 'vip', recencyMin: 4, recencyMax: 5, frequencyMin: 4, frequencyMax: 5, monetaryMin: 1, monetaryMax: 5 },
				{ name: 'rest', recencyMin: 1, recencyMax: '5', frequencyMin: 1, frequencyMax: 5, monetaryMin: 1, monetaryMax: 5 },
			],
		});
		expect(settings.scheme).toEqual({
			kind: 'custom',
			rules: [
				{ name: 'vip', r: [4, 5], f: [4, 5], m: [1, 5] },
				{ name: 'rest', r: [1, 5], f: [1, 5], m: [1, 5] },
			],
		});
	});

	describe('lifetime value (order input, when Predict Lifetime Value is on)', () => {
		const clv = { clvTimeUnit: 'week' as const, clvHorizonDays: 180, clvAnnualDiscountRate: 10 };

		it('the discount rate in percent becomes a fraction; 0 means no discounting', () => {
			expect(parseRfmOptions(orders({ lifetimeValue: clv }))).toMatchObject({
				lifetimeValue: { period: 'week', horizonDays: 180, annualDiscountRate: 0.1 },
			});
			expect(parseRfmOptions(orders({ lifetimeValue: { ...clv, clvAnnualDiscountRate: 0 } }))).toMatchObject({
				lifetimeValue: { period: 'week', horizonDays: 180, annualDiscountRate: undefined },
			});
			expect(parseRfmOptions(orders())).toMatchObject({ lifetimeValue: undefined });
		});

		it.each<[string, Partial<typeof clv>, string]>([
			['a horizon of 0 days', { clvHorizonDays: 0 }, 'Lifetime Value Horizon (Days) is 0; expected a number of days above 0, e.g. 90'],
			['an empty horizon', { clvHorizonDays: Number('x') }, 'Lifetime Value Horizon (Days) is NaN; expected a number of days above 0, e.g. 90'],
			['a negative discount rate', { clvAnnualDiscountRate: -1 }, 'Annual Discount Rate (%) is -1; expected 0 (none) or more, e.g. 10'],
		])('refuses %s, naming the setting', (_, change, message) => {
			expect(errorOf(orders({ lifetimeValue: { ...clv, ...change } })).message).toBe(message);
		});
	});
});
