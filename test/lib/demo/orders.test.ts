/**
 * Demo orders (nodes/lib/demo/orders.ts): exact counts, valid against the order schema,
 * consistent with the customers and SKUs, and shaped like a Chinese shop's year: weekend
 * and evening peaks, 618 and Double 11, the New Year trough, 3–7% cancelled or refunded,
 * one-off buyers and repeaters.
 */
import { orderSchema, type Order } from '../../../nodes/lib/model';
import { generateCustomers, generateOrders, generateSkus } from '../../../nodes/lib/demo';
import { weekdayOfEpochDay } from '../../../nodes/lib/demo/calendar';
import { parseDayNumber } from '../../../nodes/lib/time';
import { SHOP, WINDOW_START, countBy, median, once } from './shop';

const orders = once(() => generateOrders(SHOP));
const day = (o: Order) => o.createdAt.slice(0, 10);
const hour = (o: Order) => Number(o.createdAt.slice(11, 13));
const cents = (x: number) => Math.round(x * 100);

/** Orders per calendar date of the window (0 where none). */
function ordersPerDay(list: Order[]): Map<string, number> {
	const perDay = new Map<string, number>();
	for (let d = parseDayNumber(WINDOW_START); d <= parseDayNumber(SHOP.endDate); d++) {
		perDay.set(new Date(d * 86_400_000).toISOString().slice(0, 10), 0);
	}
	for (const o of list) perDay.set(day(o), perDay.get(day(o))! + 1);
	return perDay;
}

describe('generateOrders: counts, schema, determinism', () => {
	it('gives exactly the number of orders asked', () => {
		expect(orders()).toHaveLength(10_000);
		for (const [customers, count] of [
			[2000, 0],
			[2000, 1],
			[2000, 1999],
			[2000, 2000],
			[2000, 2001],
			[1, 37],
			[5, 12_345],
		]) {
			expect(generateOrders({ ...SHOP, customers, orders: count, days: 60 })).toHaveLength(count);
		}
	});

	it('passes the order schema, every one', () => {
		const failures = orders().filter((o) => !orderSchema.safeParse(o).success);
		expect(failures).toEqual([]);
	});

	it('is the same for the same seed and different for another', () => {
		expect(generateOrders(SHOP)).toEqual(orders());
		expect(generateOrders({ ...SHOP, seed: 43 })).not.toEqual(orders());
	});

	it('has unique order ids, in time order, numbered per day', () => {
		const ids = orders().map((o) => o.orderId);
		expect(new Set(ids).size).toBe(ids.length);
		const times = orders().map((o) => o.createdAt);
		expect(times).toEqual([...times].sort());
		expect(orders()[0].orderId).toMatch(/^SO-2025\d{4}-00001$/);
		expect(ids.every((id, i) => id.slice(3, 11) === times[i].slice(0, 10).replace(/-/g, ''))).toBe(true);
	});

	it('stays within the window: +08:00 timestamps from the first day to endDate 23:59:59', () => {
		const last = Date.parse(`${SHOP.endDate}T23:59:59+08:00`);
		const first = Date.parse(`${WINDOW_START}T00:00:00+08:00`);
		const outside = orders().filter((o) => {
			const t = Date.parse(o.createdAt);
			return !o.createdAt.endsWith('+08:00') || !(t >= first && t <= last);
		});
		expect(outside).toEqual([]);
	});

	it('never has an order after the end date, even for a one-day window', () => {
		const oneDay = generateOrders({ ...SHOP, days: 1, orders: 300, customers: 100 });
		expect(oneDay).toHaveLength(300);
		expect(oneDay.every((o) => day(o) === SHOP.endDate)).toBe(true);
	});
});

describe('generateOrders: amounts and statuses', () => {
	it('in CNY; amount = Σ quantity × unitPrice − coupon discount to the fen', () => {
		const wrong = orders().filter((o) => {
			const sum = o.lines.reduce((s, l) => s + l.quantity * cents(l.unitPrice), 0) - cents(o.discount ?? 0);
			return (
				o.currency !== 'CNY' ||
				o.lines.length === 0 ||
				cents(o.amount) !== sum ||
				o.amount !== sum / 100 ||
				new Set(o.lines.map((l) => l.sku)).size !== o.lines.length
			);
		});
		expect(wrong).toEqual([]);
	});

	it('cancels or fully refunds 3–7% of orders, and partially refunds a few', () => {
		const status = countBy(orders(), (o) => o.status);
		const lost = (status.cancelled + status.refunded) / orders().length;
		expect(lost).toBeGreaterThanOrEqual(0.03);
		expect(lost).toBeLessThanOrEqual(0.07);
		expect(status.partially_refunded).toBeGreaterThan(20);
		expect(status.partially_refunded / orders().length).toBeLessThan(0.03);
	});

	it('refunds the whole amount, part of it, or nothing, as the status says', () => {
		const wrong = orders().filter((o) => {
			if (o.status === 'refunded') return o.refundedAmount !== o.amount;
			if (o.status === 'partially_refunded') {
				return !(o.refundedAmount > 0 && o.refundedAmount < o.amount && o.refundedAmount === cents(o.refundedAmount) / 100);
			}
			return o.refundedAmount !== 0;
		});
		expect(wrong).toEqual([]);
	});

	it('moves statuses on by age: pending only on the last day, completed only after 3 days', () => {
		const endMs = Date.parse(`${SHOP.endDate}T23:59:59+08:00`);
		const ageDays = (o: Order) => (endMs - Date.parse(o.createdAt)) / 86_400_000;
		const pending = orders().filter((o) => o.status === 'pending');
		expect(pending.length).toBeGreaterThan(0);
		expect(pending.every((o) => ageDays(o) < 1)).toBe(true);
		expect(orders().filter((o) => o.status === 'completed').every((o) => ageDays(o) >= 3)).toBe(true);
		expect(orders().filter((o) => o.status === 'paid').every((o) => ageDays(o) < 3)).toBe(true);
		expect(orders().filter((o) => o.status === 'shipped').every((o) => ageDays(o) >= 1 && ageDays(o) < 12)).toBe(true);
		// Everything older than 12 days is settled: completed, cancelled or (partly) refunded.
		const old = orders().filter((o) => ageDays(o) >= 12);
		expect(old.every((o) => ['completed', 'cancelled', 'refunded', 'partially_refunded'].includes(o.status))).toBe(true);
	});

	it('charges less on 11.11 than on an ordinary day for the same SKU (platform promotion)', () => {
		// Orders without a coupon: a coupon order's lines show the price before the coupon.
		const unitPrices = (date: string, channel: string) =>
			orders()
				.filter((o) => day(o) === date && o.channel === channel && o.couponCode === undefined)
				.flatMap((o) => o.lines.map((l) => `${l.sku}:${l.unitPrice}`));
		const festival = new Map(unitPrices('2025-11-11', 'search').map((x) => x.split(':') as [string, string]));
		const ordinary = new Map(unitPrices('2025-09-10', 'search').map((x) => x.split(':') as [string, string]));
		const both = [...festival.keys()].filter((sku) => ordinary.has(sku));
		expect(both.length).toBeGreaterThan(0);
		for (const sku of both) expect(Number(festival.get(sku))).toBeCloseTo(Number(ordinary.get(sku)) * 0.8, 2);
	});
});

describe('generateOrders: consistency with customers, SKUs and channels', () => {
	it('references only generated customers and SKUs on sale that day', () => {
		const customerIds = new Set(generateCustomers(SHOP).map((c) => c.customerId));
		const launch = new Map(generateSkus(SHOP).map((s) => [s.sku, s.launchDate]));
		const wrong = orders().filter(
			(o) =>
				!customerIds.has(o.customerId) ||
				o.lines.some((line) => !launch.has(line.sku) || day(o) < launch.get(line.sku)!),
		);
		expect(wrong).toEqual([]);
	});

	it('sells the late-launched SKUs after their launch', () => {
		const late = generateSkus(SHOP).filter((s) => s.launchDate > WINDOW_START);
		expect(late.length).toBeGreaterThanOrEqual(2);
		const sold = new Set(orders().flatMap((o) => o.lines.map((l) => l.sku)));
		expect(late.every((s) => sold.has(s.sku))).toBe(true);
	});

	it("places each customer's orders on the customer's platforms", () => {
		const platformsOf = new Map(generateCustomers(SHOP).map((c) => [c.customerId, Object.keys(c.platformIds)]));
		expect(orders().filter((o) => !platformsOf.get(o.customerId)!.includes(o.platform))).toEqual([]);
	});

	it("uses the first order's channel as the customer's source tag", () => {
		const source = new Map(
			generateCustomers(SHOP).map((c) => [c.customerId, c.tags!.find((t) => t.startsWith('source:'))!.slice(7)]),
		);
		const seen = new Set<string>();
		const firstOrders = orders().filter((o) => !seen.has(o.customerId) && seen.add(o.customerId));
		expect(firstOrders).toHaveLength(2000);
		expect(firstOrders.filter((o) => o.channel !== source.get(o.customerId))).toEqual([]);
	});

	it('has members join on or before their first order', () => {
		const memberSince = new Map(generateCustomers(SHOP).map((c) => [c.customerId, c.memberSince]));
		const seen = new Set<string>();
		const firstOrders = orders().filter((o) => !seen.has(o.customerId) && seen.add(o.customerId));
		const joinedLater = firstOrders.filter((o) => {
			const since = memberSince.get(o.customerId);
			return since !== undefined && since > day(o);
		});
		expect(joinedLater).toEqual([]);
	});

	it('comes from all five channels, with different basket sizes and return rates', () => {
		const byChannel = countBy(orders(), (o) => o.channel!);
		expect(Object.keys(byChannel).sort()).toEqual(['live', 'private_domain', 'recommendation', 'search', 'short_video']);
		const aov = (channel: string) => {
			const list = orders().filter((o) => o.channel === channel);
			return list.reduce((s, o) => s + o.amount, 0) / list.length;
		};
		const refundRate = (channel: string) => {
			const list = orders().filter((o) => o.channel === channel);
			return list.filter((o) => o.status === 'refunded' || o.status === 'cancelled').length / list.length;
		};
		expect(aov('private_domain')).toBeGreaterThan(1.2 * aov('recommendation'));
		expect(refundRate('live')).toBeGreaterThan(2 * refundRate('private_domain'));
	});

	it('puts a link code on short-video orders only', () => {
		const withLink = orders().filter((o) => o.linkCode !== undefined);
		expect(withLink.every((o) => o.channel === 'short_video')).toBe(true);
		const shortVideo = orders().filter((o) => o.channel === 'short_video');
		expect(withLink.length / shortVideo.length).toBeGreaterThan(0.9);
	});

	it('sells on every platform of the pack', () => {
		expect(Object.keys(countBy(orders(), (o) => o.platform)).sort()).toEqual(
			['douyin', 'pinduoduo', 'shopify', 'taobao', 'tmall', 'xiaohongshu', 'youzan'],
		);
	});
});

describe('generateOrders: seasonality', () => {
	const perDay = once(() => ordersPerDay(orders()));
	const typical = once(() => median([...perDay().values()]));

	it('sells more on weekends than on Monday–Thursday', () => {
		const mean = (weekdays: number[]) => {
			const days = [...perDay()].filter(([date]) => weekdays.includes(weekdayOfEpochDay(parseDayNumber(date))));
			return days.reduce((s, [, n]) => s + n, 0) / days.length;
		};
		expect(mean([0, 6])).toBeGreaterThan(1.15 * mean([1, 2, 3, 4]));
	});

	it('peaks on Double 11 (> 3 × a typical day) and on 618 (> 1.8 ×)', () => {
		expect(perDay().get('2025-11-11')!).toBeGreaterThan(3 * typical());
		expect(perDay().get('2025-06-18')!).toBeGreaterThan(1.8 * typical());
		expect(Math.max(...perDay().values())).toBe(perDay().get('2025-11-11'));
	});

	it('drops over the Chinese New Year holiday (2025-01-26 … 2025-02-04)', () => {
		const holiday = [...perDay()].filter(([date]) => date >= '2025-01-26' && date <= '2025-02-04').map(([, n]) => n);
		expect(Math.max(...holiday)).toBeLessThan(0.8 * typical());
	});

	it('peaks in the evening (19–22 h) and is quiet at night (2–5 h)', () => {
		const byHour = countBy(orders(), (o) => String(hour(o)));
		const evening = [19, 20, 21, 22].reduce((s, h) => s + (byHour[h] ?? 0), 0) / 4;
		const morning = [9, 10, 11].reduce((s, h) => s + (byHour[h] ?? 0), 0) / 3;
		const night = [2, 3, 4, 5].reduce((s, h) => s + (byHour[h] ?? 0), 0) / 4;
		expect(evening).toBeGreaterThan(1.5 * morning);
		expect(night).toBeLessThan(0.3 * morning);
	});

	it('has a midnight rush on 11.11', () => {
		const nov11 = orders().filter((o) => day(o) === '2025-11-11');
		const midnight = nov11.filter((o) => hour(o) === 0).length;
		expect(midnight / nov11.length).toBeGreaterThan(0.1);
	});
});

describe('generateOrders: customer behaviour', () => {
	const ordersOf = once(() => {
		const map = new Map<string, Order[]>();
		for (const o of orders()) map.set(o.customerId, [...(map.get(o.customerId) ?? []), o]);
		return map;
	});
	const persona = once(
		() => new Map(generateCustomers(SHOP).map((c) => [c.customerId, c.tags!.find((t) => t.startsWith('persona:'))!.slice(8)])),
	);

	it('gives every customer an order when there are more orders than customers', () => {
		expect(ordersOf().size).toBe(2000);
	});

	it('has many one-off buyers and a core of repeaters with five orders or more', () => {
		const counts = [...ordersOf().values()].map((list) => list.length);
		const oneOff = counts.filter((n) => n === 1).length / counts.length;
		const repeaters = counts.filter((n) => n >= 5).length / counts.length;
		expect(oneOff).toBeGreaterThan(0.4);
		expect(oneOff).toBeLessThan(0.7);
		expect(repeaters).toBeGreaterThan(0.1);
		expect(Math.max(...counts)).toBeGreaterThan(30);
	});

	it('has lapsed customers: repeat buyers silent for the last 40% of the window', () => {
		const lapsed = [...ordersOf()].filter(([id]) => persona().get(id) === 'lapsed');
		expect(lapsed.length).toBeGreaterThan(50);
		const silentSince = new Date(Date.parse(`${SHOP.endDate}T00:00:00Z`) - 0.4 * 364 * 86_400_000).toISOString().slice(0, 10);
		expect(lapsed.filter(([, list]) => day(list[list.length - 1]) > silentSince)).toEqual([]);
		expect(lapsed.filter(([, list]) => list.length >= 2).length / lapsed.length).toBeGreaterThan(0.5);
	});

	it('has a few big spenders far above the median customer', () => {
		const spend = (list: Order[]) => list.reduce((s, o) => s + o.amount, 0);
		const all = [...ordersOf().values()].map(spend);
		const big = [...ordersOf()].filter(([id]) => persona().get(id) === 'big_spender').map(([, list]) => spend(list));
		expect(big.length).toBeGreaterThan(10);
		expect(big.length / all.length).toBeLessThan(0.05);
		expect(median(big)).toBeGreaterThan(10 * median(all));
	});

	it('picks a weighted sample of buyers when there are fewer orders than customers', () => {
		const few = generateOrders({ ...SHOP, orders: 500 });
		expect(new Set(few.map((o) => o.customerId)).size).toBe(500);
	});
});
