/**
 * Lifetime value as an option of RFM: the purchase histories the RFM aggregation gives the
 * BG/NBD and Gamma-Gamma models, checked customer by customer against an independent Python
 * implementation of lifetimes' summary_data_from_transaction_data
 * (test/reference/rfm/purchase_history.py), hand-checked edges, and the predictions: the CLV
 * library's one pipeline (predictLifetimeValue, checked on CDNOW in ../clv/clv.test.ts), rounded.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';

import { predictLifetimeValue } from '../../../nodes/lib/clv';
import { generateOrders } from '../../../nodes/lib/demo';
import { UserInputError } from '../../../nodes/lib/errors';
import {
	aggregateOrders,
	DEFAULT_COUNTED_STATUSES,
	orderInputSchema,
	toOrderRecord,
	type AggregationOptions,
	type PurchaseHistory,
	type PurchasePeriod,
} from '../../../nodes/lib/orders';
import { predictCustomerLifetimeValue, summarizeLifetimeValueBySegment, toCustomerHistory } from '../../../nodes/lib/rfm';
import { readCsv } from '../../support/csv';

const referenceDir = path.join(__dirname, '../../reference/rfm');
const configs = JSON.parse(readFileSync(path.join(referenceDir, 'configs.json'), 'utf8')) as Record<
	string,
	{ referenceInstant: string; timeZone: string; lookbackDays: number }
>;

function ordersOf(rows: Array<Record<string, unknown>>, timeZone: string) {
	const schema = orderInputSchema(timeZone);
	return rows.map((row, i) => toOrderRecord(schema.parse(row), i));
}

describe.each(Object.keys(configs))('purchase histories, configuration %s', (name) => {
	const config = configs[name];
	const orders = ordersOf(readCsv(path.join(referenceDir, 'orders.csv')), config.timeZone);
	it.each<PurchasePeriod>(['day', 'week'])('per %s: x, t_x, T and repeat value agree with the Python reference', (period) => {
		const { customers } = aggregateOrders(orders, {
			reference: { kind: 'instant', epochMs: Date.parse(config.referenceInstant) },
			timeZone: config.timeZone,
			lookbackDays: config.lookbackDays,
			countedStatuses: DEFAULT_COUNTED_STATUSES,
			purchaseHistory: { period },
		});
		const expected = readCsv(path.join(referenceDir, `purchase_history_${name}_${period}.csv`));
		const byId = new Map(customers.map((c) => [c.customerId, c.purchaseHistory as PurchaseHistory]));
		expect(byId.size).toBe(expected.length);
		const mismatches = expected.filter((e) => {
			const h = byId.get(e.customerId);
			return (
				!h ||
				h.repeatPurchases !== Number(e.x) ||
				h.lastPurchaseAge !== Number(e.tx) ||
				h.observedPeriods !== Number(e.T) ||
				h.repeatValueCents !== Number(e.repeatValueCents)
			);
		});
		expect(mismatches.slice(0, 5).map((e) => ({ expected: e, actual: byId.get(e.customerId) }))).toEqual([]);
		// The reference has returning customers with several orders on one day and in one week.
		expect(expected.filter((e) => Number(e.x) > 0).length).toBeGreaterThan(500);
	});
});

describe('purchase histories, hand-checked', () => {
	const options = (period: PurchasePeriod): AggregationOptions => ({
		reference: { kind: 'instant', epochMs: Date.parse('2026-06-30T23:59:59+08:00') },
		timeZone: 'Asia/Shanghai',
		lookbackDays: 0,
		countedStatuses: DEFAULT_COUNTED_STATUSES,
		purchaseHistory: { period },
	});
	const rows = [
		// Two orders on Monday 1 June count as one purchase of 150.
		{ orderId: 'A1', customerId: 'A', createdAt: '2026-06-01T09:00:00+08:00', amount: 100 },
		{ orderId: 'A2', customerId: 'A', createdAt: '2026-06-01T21:00:00+08:00', amount: 50 },
		// 23:59 Shanghai on 3 June, then 00:01 on 4 June: two days, one week.
		{ orderId: 'A3', customerId: 'A', createdAt: '2026-06-03T23:59:00+08:00', amount: 30 },
		{ orderId: 'A4', customerId: 'A', createdAt: '2026-06-03T16:01:00Z', amount: 50, status: 'partially_refunded', refundedAmount: 20 },
		{ orderId: 'A5', customerId: 'A', createdAt: '2026-06-20T10:00:00+08:00', amount: 999, status: 'refunded', refundedAmount: 999 },
		{ orderId: 'B1', customerId: 'B', createdAt: '2026-06-30T10:00:00+08:00', amount: 10 },
	].map((r) => ({ currency: 'CNY', status: 'completed', ...r }));
	const orders = ordersOf(rows, 'Asia/Shanghai');

	it('per day: same-day orders are one purchase; net of refunds; refunded orders do not count', () => {
		const { customers } = aggregateOrders(orders, options('day'));
		const a = customers.find((c) => c.customerId === 'A')!;
		expect(a.frequency).toBe(4); // RFM still counts orders
		expect(a.purchaseHistory).toEqual({ repeatPurchases: 2, lastPurchaseAge: 3, observedPeriods: 29, repeatValueCents: 6000 });
		expect(customers.find((c) => c.customerId === 'B')!.purchaseHistory).toEqual({
			repeatPurchases: 0,
			lastPurchaseAge: 0,
			observedPeriods: 0,
			repeatValueCents: 0,
		});
	});

	it('per week (Monday–Sunday): the first week holds all of A\'s purchases', () => {
		const { customers } = aggregateOrders(orders, options('week'));
		// 1 June 2026 is a Monday; 30 June is in the fifth week from it.
		expect(customers.find((c) => c.customerId === 'A')!.purchaseHistory).toEqual({
			repeatPurchases: 0,
			lastPurchaseAge: 0,
			observedPeriods: 4,
			repeatValueCents: 0,
		});
	});

	it('without the option, customers carry no history (RFM output unchanged)', () => {
		const { customers } = aggregateOrders(orders, { ...options('day'), purchaseHistory: undefined });
		expect(customers.every((c) => c.purchaseHistory === undefined)).toBe(true);
	});

	it('maps to the CLV library\'s history: monetaryValue = mean value of a repeat period', () => {
		expect(toCustomerHistory({ repeatPurchases: 2, lastPurchaseAge: 3, observedPeriods: 29, repeatValueCents: 6000 })).toEqual({
			x: 2,
			tx: 3,
			T: 29,
			monetaryValue: 30,
		});
		expect(toCustomerHistory({ repeatPurchases: 0, lastPurchaseAge: 0, observedPeriods: 5, repeatValueCents: 0 }).monetaryValue).toBeUndefined();
	});
});

describe('predictions on the demo shop', () => {
	const orders = generateOrders({ seed: 42, customers: 2000, orders: 10000, skus: 40, warehouses: ['a', 'b'], endDate: '2026-06-30', days: 365 });
	const schema = orderInputSchema('Asia/Shanghai');
	const rfmOrders = orders.map((o, i) => toOrderRecord(schema.parse(o), i));
	const histories = aggregateOrders(rfmOrders, {
		reference: { kind: 'instant', epochMs: Date.parse('2026-06-30T23:59:59.999+08:00') },
		timeZone: 'Asia/Shanghai',
		lookbackDays: 0,
		countedStatuses: DEFAULT_COUNTED_STATUSES,
		purchaseHistory: { period: 'day' },
	}).customers.map((c) => c.purchaseHistory as PurchaseHistory);

	it('are the CLV library\'s one pipeline (predictLifetimeValue) rounded, customer by customer', () => {
		const ours = predictCustomerLifetimeValue(histories, { period: 'day', horizonDays: 90 });
		const library = predictLifetimeValue(histories.map(toCustomerHistory), { horizon: 90 });
		expect(ours.model.freeRepeatCustomers).toBe(0);
		ours.customers.forEach((c, i) => {
			expect(c.probabilityAlive).toBeCloseTo(library.customers[i].probabilityAlive, 4);
			expect(c.expectedPurchases).toBeCloseTo(library.customers[i].expectedPurchases, 4);
			expect(c.expectedAverageOrderValue).toBeCloseTo(library.customers[i].expectedAverageOrderValue, 2);
			expect(c.predictedClv).toBeCloseTo(library.customers[i].predictedClv, 2);
		});
		expect(ours.model.bgnbd.logLikelihood).toBeCloseTo(library.bgnbd.logLikelihood, 3);
		expect(ours.model.bgnbd.r).toBeCloseTo(library.bgnbd.parameters.r, 4);
		expect(ours.model.gammaGamma.p).toBeCloseTo(library.gammaGamma.parameters.p, 4);
	});

	it('are finite and in range; a recent repeat buyer is likelier alive than a long-silent one', () => {
		const { customers, model } = predictCustomerLifetimeValue(histories, { period: 'day', horizonDays: 90 });
		for (const c of customers) {
			for (const v of Object.values(c)) expect(Number.isFinite(v)).toBe(true);
			expect(c.probabilityAlive).toBeGreaterThanOrEqual(0);
			expect(c.probabilityAlive).toBeLessThanOrEqual(1);
			expect(c.expectedPurchases).toBeGreaterThanOrEqual(0);
			expect(c.predictedClv).toBeGreaterThanOrEqual(0);
		}
		expect(model).toMatchObject({ model: 'BG/NBD + Gamma-Gamma', timeUnit: 'day', horizonDays: 90, annualDiscountRate: null, customers: histories.length });
		const recent = histories.findIndex((h) => h.repeatPurchases >= 3 && h.observedPeriods - h.lastPurchaseAge < 10);
		const silent = histories.findIndex((h) => h.repeatPurchases >= 3 && h.observedPeriods - h.lastPurchaseAge > 200);
		expect(customers[recent].probabilityAlive).toBeGreaterThan(customers[silent].probabilityAlive);
	});

	it('discounting lowers predicted CLV but not expected purchases; weeks give close figures', () => {
		const plain = predictCustomerLifetimeValue(histories, { period: 'day', horizonDays: 365 });
		const discounted = predictCustomerLifetimeValue(histories, { period: 'day', horizonDays: 365, annualDiscountRate: 0.2 });
		const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		expect(sum(discounted.customers.map((c) => c.predictedClv))).toBeLessThan(sum(plain.customers.map((c) => c.predictedClv)));
		expect(discounted.customers.map((c) => c.expectedPurchases)).toEqual(plain.customers.map((c) => c.expectedPurchases));
		expect(discounted.model.annualDiscountRate).toBe(0.2);
		const weekly = aggregateOrders(rfmOrders, {
			reference: { kind: 'instant', epochMs: Date.parse('2026-06-30T23:59:59.999+08:00') },
			timeZone: 'Asia/Shanghai',
			lookbackDays: 0,
			countedStatuses: DEFAULT_COUNTED_STATUSES,
			purchaseHistory: { period: 'week' },
		}).customers.map((c) => c.purchaseHistory as PurchaseHistory);
		const byWeek = predictCustomerLifetimeValue(weekly, { period: 'week', horizonDays: 365 });
		const total = (r: typeof plain) => sum(r.customers.map((c) => c.predictedClv));
		expect(Math.abs(total(byWeek) / total(plain) - 1)).toBeLessThan(0.25);
	});

	it('summarises CLV per segment', () => {
		const values = [
			{ probabilityAlive: 1, expectedPurchases: 1, expectedAverageOrderValue: 10, predictedClv: 10 },
			{ probabilityAlive: 0.5, expectedPurchases: 1, expectedAverageOrderValue: 10, predictedClv: 20.005 },
			{ probabilityAlive: 0.2, expectedPurchases: 1, expectedAverageOrderValue: 10, predictedClv: 1 },
		];
		expect(Object.fromEntries(summarizeLifetimeValueBySegment(['a', 'a', 'b'], values))).toEqual({
			a: { predictedClv: 30.01, meanPredictedClv: 15, meanProbabilityAlive: 0.75 },
			b: { predictedClv: 1, meanPredictedClv: 1, meanProbabilityAlive: 0.2 },
		});
	});
});

describe('data that cannot support a fit', () => {
	const one = (x: number, tx: number, T: number, cents = 0): PurchaseHistory => ({
		repeatPurchases: x,
		lastPurchaseAge: tx,
		observedPeriods: T,
		repeatValueCents: cents,
	});

	it('fewer than 2 returning customers: the CLV library\'s INSUFFICIENT_DATA', () => {
		const run = () => predictCustomerLifetimeValue([one(0, 0, 30), one(0, 0, 10), one(2, 5, 40, 3000)], { period: 'day', horizonDays: 90 });
		expect(run).toThrow(UserInputError);
		expect(run).toThrow(/at least 2 customers with repeat purchases/);
	});

	it('all customers identical: IDENTICAL_CUSTOMERS', () => {
		const run = () => predictCustomerLifetimeValue([one(1, 5, 30, 1000), one(1, 5, 30, 1000)], { period: 'day', horizonDays: 90 });
		expect(run).toThrow(expect.objectContaining({ code: 'IDENTICAL_CUSTOMERS' }));
	});

	it('free repeat purchases: the customer gets the population mean order value, never NaN', () => {
		const histories = [one(2, 20, 60, 5000), one(3, 50, 90, 9000), one(1, 10, 30, 4000), one(2, 40, 70, 0), one(0, 0, 25), one(4, 80, 100, 20000), one(1, 5, 40, 1500)];
		const { customers, model } = predictCustomerLifetimeValue(histories, { period: 'day', horizonDays: 90 });
		expect(model.freeRepeatCustomers).toBe(1);
		// The free repeat buyer and the one-off buyer both get the population mean.
		expect(customers[3].expectedAverageOrderValue).toBe(customers[4].expectedAverageOrderValue);
		for (const c of customers) for (const v of Object.values(c)) expect(Number.isFinite(v)).toBe(true);
	});
});
