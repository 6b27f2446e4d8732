/**
 * Send rate: WeCom and DingTalk allow 20 messages a minute per bot (WeCom group robot guide,
 * "每个机器人发送的消息不能超过20条/分钟"; DingTalk custom robot guide, "每个机器人每分钟最多发送20条
 * 消息到群里，如果超过20条，会限流10分钟"); Feishu custom bots 100 a minute and 5 a second
 * (Feishu custom bot guide, "100 次/分钟，5 次/秒").
 */
import { capPerMinute, earliestSendTime, pruneSendLog, type RateWindow } from '../../../nodes/lib/chat/rateLimit';
import { dingTalk, feishu, weCom } from '../../../nodes/lib/chat/platforms';

/** Send `count` messages as fast as the limiter allows; returns the send times. */
function simulate(count: number, windows: RateWindow[], start = 0, margin = 1000): number[] {
	const sent: number[] = [];
	let now = start;
	for (let i = 0; i < count; i++) {
		now = earliestSendTime(sent, now, windows, margin);
		sent.push(now);
	}
	return sent;
}

/** Most sends in any window of `windowMs` (closed interval, the strictest reading). */
function busiestWindow(times: number[], windowMs: number): number {
	let most = 0;
	for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t <= start + windowMs).length);
	return most;
}

describe('earliestSendTime', () => {
	it('lets 20 go at once, then holds the 21st until a minute (plus margin) after the first', () => {
		const times = simulate(25, weCom.rate);
		expect(times.slice(0, 20)).toEqual(Array(20).fill(0));
		expect(times[20]).toBe(61_000);
		expect(busiestWindow(times, 60_000)).toBe(20);
	});

	it('never exceeds 20 in any minute over a long run (WeCom, DingTalk)', () => {
		for (const platform of [weCom, dingTalk]) {
			const times = simulate(200, platform.rate, 5_000);
			expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(20);
			// … and does not crawl: 200 messages in under 10 minutes and 20 s.
			expect(times[199] - times[0]).toBeLessThanOrEqual(9 * 61_000 + 1);
		}
	});

	it('Feishu: at most 5 a second and 100 a minute', () => {
		const times = simulate(230, feishu.rate);
		expect(busiestWindow(times, 1_000)).toBeLessThanOrEqual(5);
		expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(100);
		expect(times[5]).toBe(2_000);
	});

	it('remembers sends from before (another run of the workflow)', () => {
		const earlier = Array.from({ length: 20 }, (_, i) => 1_000 * i);
		expect(earliestSendTime(earlier, 30_000, weCom.rate)).toBe(61_000);
		expect(earliestSendTime(earlier, 70_000, weCom.rate)).toBe(70_000);
	});

	it('a send log in any order gives the same answer', () => {
		const earlier = Array.from({ length: 20 }, (_, i) => 1_000 * i).reverse();
		expect(earliestSendTime(earlier, 30_000, weCom.rate)).toBe(61_000);
	});
});

describe('pruneSendLog', () => {
	it('keeps only the sends that can still hold up a future one', () => {
		const log = Array.from({ length: 50 }, (_, i) => 1_000 * i);
		const kept = pruneSendLog(log, 50_000, weCom.rate);
		expect(kept).toEqual(log.slice(-20));
		expect(pruneSendLog(log, 500_000, weCom.rate)).toEqual([]);
	});
});

describe('capPerMinute', () => {
	it('lowers the per-minute limit when asked, never raises it', () => {
		expect(capPerMinute(weCom.rate, 10)).toEqual([{ limit: 10, windowMs: 60_000 }]);
		expect(capPerMinute(weCom.rate, 50)).toEqual([{ limit: 20, windowMs: 60_000 }]);
		expect(capPerMinute(feishu.rate, 30)).toEqual([
			{ limit: 5, windowMs: 1_000 },
			{ limit: 30, windowMs: 60_000 },
		]);
		expect(capPerMinute(weCom.rate, undefined)).toEqual(weCom.rate);
	});
});
