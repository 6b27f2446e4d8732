/**
 * Demo traffic (nodes/lib/demo/traffic.ts): visitors per day, platform and channel that fit the
 * orders — every platform/channel pair that sells has traffic, and orders ÷ visitors per channel
 * is close to the channel's stated conversion rate.
 */
import { CHANNEL_CONVERSION, generateOrders, generateTraffic } from '../../../nodes/lib/demo';
import { trafficRecordSchema } from '../../../nodes/lib/model';
import { SHOP, WINDOW_START, once } from './shop';

const traffic = once(() => generateTraffic(SHOP));
const orders = once(() => generateOrders(SHOP));

const sumBy = <T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number) => {
	const sums: Record<string, number> = {};
	for (const item of items) sums[key(item)] = (sums[key(item)] ?? 0) + value(item);
	return sums;
};

describe('generateTraffic', () => {
	it('passes the traffic schema, one row per day, platform and channel, inside the window', () => {
		expect(traffic().filter((row) => !trafficRecordSchema.safeParse(row).success)).toEqual([]);
		const keys = traffic().map((row) => `${row.date}|${row.platform}|${row.channel}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(traffic().every((row) => row.date >= WINDOW_START && row.date <= SHOP.endDate)).toBe(true);
		expect(new Set(traffic().map((row) => row.date)).size).toBe(SHOP.days);
		expect(traffic().every((row) => (row.sessions ?? 0) >= row.visitors)).toBe(true);
	});

	it('has traffic wherever orders come from, and none where no order can', () => {
		const sellingPairs = new Set(orders().map((o) => `${o.platform}|${o.channel}`));
		const trafficPairs = new Set(traffic().map((row) => `${row.platform}|${row.channel}`));
		for (const pair of sellingPairs) expect(trafficPairs.has(pair)).toBe(true);
		// Pinduoduo has no short-video channel in the demo shop's mix.
		expect(trafficPairs.has('pinduoduo|short_video')).toBe(false);
	});

	it('converts per channel at about the stated rate (orders ÷ visitors within 15 %)', () => {
		const visitors = sumBy(traffic(), (row) => row.channel, (row) => row.visitors);
		const ordersPerChannel = sumBy(orders(), (o) => o.channel ?? '', () => 1);
		for (const [channel, rate] of Object.entries(CHANNEL_CONVERSION)) {
			const conversion = ordersPerChannel[channel] / visitors[channel];
			expect({ channel, ratio: Math.abs(conversion / rate - 1) < 0.15 }).toEqual({ channel, ratio: true });
		}
		// Private domain converts best, the recommendation feed least.
		const conversion = (c: string) => ordersPerChannel[c] / visitors[c];
		expect(conversion('private_domain')).toBeGreaterThan(conversion('live'));
		expect(conversion('recommendation')).toBeLessThan(conversion('short_video'));
	});

	it('follows the demand curve: Double 11 is busier than an ordinary day', () => {
		const perDay = sumBy(traffic(), (row) => row.date, (row) => row.visitors);
		expect(perDay['2025-11-11']).toBeGreaterThan(2 * perDay['2025-09-10']);
	});

	it('is the same for the same seed and different for another', () => {
		expect(generateTraffic(SHOP)).toEqual(traffic());
		expect(generateTraffic({ ...SHOP, seed: 43 })).not.toEqual(traffic());
	});
});
