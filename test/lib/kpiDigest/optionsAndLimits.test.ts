/**
 * KPI Digest's settings (nodes/lib/kpiDigest/options.ts) and its bounded inputs (issue 14's
 * rules, docs/nodes/KpiDigest.md "Limits"): ids of at most 256 characters on every input,
 * names that are Object.prototype's members, the look-back's and movers' ranges.
 */
import { UserInputError } from '../../../nodes/lib/errors';
import {
	computeKpiDigest,
	countAtRiskCustomers,
	countRestockAlerts,
	customerSegmentSchema,
	digestTrafficSchema,
	parseKpiDigestOptions,
	restockAlertSchema,
	type KpiDigestOptionsInput,
} from '../../../nodes/lib/kpiDigest';

const parameters = (change: Partial<KpiDigestOptionsInput> = {}): KpiDigestOptionsInput => ({
	timeZone: 'Asia/Shanghai',
	reportDate: '',
	countedStatuses: ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'],
	returningLookbackDays: 365,
	moverThresholdPercent: 20,
	topMovers: 3,
	atRiskSegments: 'at_risk, cant_lose',
	language: 'zh',
	...change,
});

describe('KPI Digest settings', () => {
	it('the node\'s defaults: yesterday, a year of look-back, 20 % movers, the top 3, at_risk and cant_lose', () => {
		expect(parseKpiDigestOptions(parameters())).toEqual({
			timeZone: 'Asia/Shanghai',
			reportDate: undefined,
			countedStatuses: ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'],
			returningLookbackDays: 365,
			moverThreshold: 0.2,
			topMovers: 3,
			atRiskSegments: ['at_risk', 'cant_lose'],
			language: 'zh',
		});
	});

	it('a date-time from the editor\'s date picker is its day', () => {
		expect(parseKpiDigestOptions(parameters({ reportDate: '2026-03-10T00:00:00' })).reportDate).toBe('2026-03-10');
	});

	it.each([
		[{ returningLookbackDays: 0 }, 'Returning Buyer Look-Back (Days): a whole number of days from 1 to 3650'],
		[{ returningLookbackDays: 3651 }, 'Returning Buyer Look-Back (Days): a whole number of days from 1 to 3650'],
		[{ returningLookbackDays: 'a year' }, 'Returning Buyer Look-Back (Days)'],
		[{ moverThresholdPercent: -5 }, 'Mover Threshold (%): a percentage from 0 to 1000'],
		[{ topMovers: 21 }, 'Top Movers: a whole number from 0 to 20'],
		[{ countedStatuses: [] }, 'Statuses That Count: choose at least one status'],
	])('refuses %j naming the parameter', (change, message) => {
		expect(() => parseKpiDigestOptions(parameters(change as Partial<KpiDigestOptionsInput>))).toThrow(UserInputError);
		expect(() => parseKpiDigestOptions(parameters(change as Partial<KpiDigestOptionsInput>))).toThrow(message);
	});
});

describe('KPI Digest inputs are bounded', () => {
	const long = 'x'.repeat(257);

	it('SKU, warehouse, customer id, segment and the traffic platform: at most 256 characters', () => {
		expect(restockAlertSchema.safeParse({ sku: 'x'.repeat(256) }).success).toBe(true);
		expect(restockAlertSchema.safeParse({ sku: long }).success).toBe(false);
		expect(restockAlertSchema.safeParse({ sku: 'A', warehouse: long }).success).toBe(false);
		expect(customerSegmentSchema.safeParse({ customerId: long, segment: 'at_risk' }).success).toBe(false);
		expect(customerSegmentSchema.safeParse({ customerId: 'c1', segment: { name: 'at_risk' } }).success).toBe(false);
		const traffic = digestTrafficSchema('Asia/Shanghai', Date.UTC(2026, 5, 30));
		expect(traffic.safeParse({ date: '2026-06-29', group: 'live', visitors: 3, platform: long }).success).toBe(false);
		expect(traffic.safeParse({ date: '9999-12-31', group: 'live', visitors: 3 }).success).toBe(false);
	});

	it('names that are Object.prototype members count like any other', () => {
		expect(countRestockAlerts([{ sku: 'constructor' }, { sku: '__proto__', status: 'urgent' }, { sku: 'toString', status: 'ok' }])).toBe(2);
		expect(countAtRiskCustomers([{ customerId: '__proto__', segment: 'constructor' }], ['constructor'])).toBe(1);
		const result = computeKpiDigest(
			[{ itemIndex: 0, orderId: 'o', customerId: 'c', createdAtMs: Date.parse('2026-06-29T10:00:00+08:00'), status: 'paid', currency: undefined, amount: 10, refundedAmount: 0, platform: '__proto__', channel: 'constructor' }],
			[],
			{ timeZone: 'Asia/Shanghai', reportDate: '2026-06-29', now: Date.UTC(2026, 5, 30), countedStatuses: ['paid'], returningLookbackDays: 365, moverThreshold: 0.2, topMovers: 3, withTraffic: false },
		);
		expect(result.channels.map((c) => [c.platform, c.channel, c.yesterday.gmv])).toEqual([['__proto__', 'constructor', 10]]);
	});

	it('the longest look-back from the earliest report day reaches back before 2000 without error', () => {
		const result = computeKpiDigest([], [], { timeZone: 'America/New_York', reportDate: '2000-01-01', now: Date.UTC(2026, 5, 30), countedStatuses: ['paid'], returningLookbackDays: 3650, moverThreshold: 0, topMovers: 20, withTraffic: false });
		expect(result).toMatchObject({ reportDate: '2000-01-01', sameWeekdayLastWeek: '1999-12-25' });
	});
});
