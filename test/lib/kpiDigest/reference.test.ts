/**
 * The Daily KPI Digest against an independent Python implementation
 * (test/reference/kpiDigest/reference.py, standard library and zoneinfo only: days from each
 * order's local calendar date, not from local midnights via date-fns as the node does). Its
 * fixture — 901 order rows (one order id re-ingested), 3 platforms × 3 channels of traffic — and
 * its output are committed beside it. Two cases: America/New_York on 2026-03-09, whose 7 days
 * before hold the 23-hour 2026-03-08, and Asia/Shanghai on 2026-03-10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { computeKpiDigest, type DigestOrder, type DigestTraffic, type GroupDigest, type KpiFigures } from '../../../nodes/lib/kpiDigest';
import type { OrderStatus } from '../../../nodes/lib/model';
import { readCsv } from '../../support/csv';

const DIR = join(__dirname, '../../reference/kpiDigest');
const PAID: OrderStatus[] = ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'];

type Figures = Record<string, number | null>;
interface ExpectedEntry {
	yesterday: Figures;
	average7Days: Figures;
	sameDayLastWeek: Figures;
	vsAverage: Figures;
	vsLastWeek: Figures;
}
interface Expected {
	timeZone: string;
	reportDate: string;
	sameWeekdayLastWeek: string;
	total: ExpectedEntry;
	platforms: Record<string, ExpectedEntry>;
	channels: Record<string, ExpectedEntry>;
	movers: Array<{ key: string; gmvChangeAmount: number; gmvChange: number | null }>;
}

const orders: DigestOrder[] = readCsv(join(DIR, 'orders.csv')).map((row, itemIndex) => ({
	itemIndex,
	orderId: row.orderId,
	customerId: row.customerId,
	createdAtMs: Date.parse(row.createdAt),
	status: row.status as OrderStatus,
	currency: 'CNY',
	amount: Number(row.amount),
	refundedAmount: Number(row.refundedAmount),
	platform: row.platform,
	channel: row.channel,
}));
const traffic: DigestTraffic[] = readCsv(join(DIR, 'traffic.csv')).map((row) => ({
	date: row.date,
	platform: row.platform,
	channel: row.channel,
	visitors: Number(row.visitors),
}));
const cases = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected[];

/** Money and per-day counts to the cent, rates and changes to 4 decimals (the node's rounding). */
const DIGITS: Record<string, number> = { gmv: 2, refundAmount: 2, averageOrderValue: 2, orders: 2, buyers: 2, returningBuyers: 2, visitors: 2 };

function expectFigures(actual: KpiFigures | GroupDigest['vsAverage'], expected: Figures, where: string) {
	for (const [field, value] of Object.entries(expected)) {
		const got = (actual as unknown as Record<string, number | null>)[field];
		if (value === null) {
			expect({ where, field, got }).toEqual({ where, field, got: null });
			continue;
		}
		expect({ where, field, close: got !== null && Math.abs(got - value) <= 0.6 * 10 ** -(DIGITS[field] ?? 4) }).toEqual({ where, field, close: true });
	}
}

function expectEntry(actual: GroupDigest, expected: ExpectedEntry, where: string) {
	expectFigures(actual.yesterday, expected.yesterday, `${where} yesterday`);
	expectFigures(actual.average7Days, expected.average7Days, `${where} average7Days`);
	expectFigures(actual.sameDayLastWeek, expected.sameDayLastWeek, `${where} sameDayLastWeek`);
	expectFigures(actual.vsAverage, expected.vsAverage, `${where} vsAverage`);
	expectFigures(actual.vsLastWeek, expected.vsLastWeek, `${where} vsLastWeek`);
}

describe.each(cases)('Daily KPI digest vs the Python reference: $timeZone, $reportDate', (expected) => {
	const result = computeKpiDigest(orders, traffic, {
		timeZone: expected.timeZone,
		reportDate: expected.reportDate,
		now: Date.parse('2026-04-01T00:00:00Z'),
		countedStatuses: PAID,
		returningLookbackDays: 365,
		moverThreshold: 0.2,
		topMovers: 3,
		withTraffic: true,
	});

	it('the shop: the day, the 7-day average, the same weekday last week and the changes', () => {
		expect(result.sameWeekdayLastWeek).toBe(expected.sameWeekdayLastWeek);
		expect(result.total.yesterday.orders).toBeGreaterThan(5);
		expect(result.total.yesterday.returningBuyers).toBeGreaterThan(0);
		expect(result.total.yesterday.returningBuyers).toBeLessThan(result.total.yesterday.buyers);
		expectEntry(result.total, expected.total, 'total');
	});

	it('each platform and each platform × channel', () => {
		expect(result.platforms.map((p) => p.platform).sort()).toEqual(Object.keys(expected.platforms).sort());
		for (const p of result.platforms) expectEntry(p, expected.platforms[p.platform!], p.platform!);
		expect(result.channels).toHaveLength(Object.keys(expected.channels).length);
		for (const c of result.channels) expectEntry(c, expected.channels[`${c.platform}|${c.channel}`], `${c.platform}|${c.channel}`);
	});

	it('the movers, in order', () => {
		expect(result.movers.map((m) => `${m.platform}|${m.channel}`)).toEqual(expected.movers.map((m) => m.key));
		result.movers.forEach((m, i) => expect(m.gmvChangeAmount).toBeCloseTo(expected.movers[i].gmvChangeAmount, 1));
	});
});
