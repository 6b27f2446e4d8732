/**
 * The shop's traffic: visitors (UV) and sessions per day, platform and channel, sized from the
 * orders so the two fit: a channel's visitors on a day = the orders the generator expects there
 * that day (orderMix.ts, shared out over the days by the calendar's demand curve) ÷ the
 * channel's conversion rate, with day-to-day noise. Over the window, orders ÷ visitors per
 * channel is then close to the rates below.
 *
 * Conversion rates (orders ÷ visitors) are illustrative, in the range Chinese operators quote:
 * private-domain members (WeCom groups, the member mall) buy most often, live rooms and search
 * (the visitor came looking) next, short videos and the recommendation feed least (browsers).
 */
import type { TrafficRecord } from '../model';
import type { DemoCalendar } from './calendar';
import { DEMO_CHANNELS, DEMO_PLATFORMS, type DemoChannel } from './catalog';
import { expectedOrderMix } from './orderMix';
import type { DemoShopOptions } from './options';
import { createRng } from './random';

export const CHANNEL_CONVERSION: Record<DemoChannel, number> = {
	live: 0.045,
	short_video: 0.018,
	search: 0.032,
	recommendation: 0.012,
	private_domain: 0.09,
};

/** Sessions per visitor: live rooms and the member mall are visited again and again the same day. */
const SESSIONS_PER_VISITOR: Record<DemoChannel, number> = {
	live: 1.6,
	short_video: 1.3,
	search: 1.4,
	recommendation: 1.2,
	private_domain: 1.8,
};

/** One row per window day × platform × channel that brings orders, by date, platform, channel. */
export function generateTrafficList(options: DemoShopOptions, calendar: DemoCalendar): TrafficRecord[] {
	const mix = expectedOrderMix(options, calendar);
	const totalDemand = calendar.demandCumulative[calendar.days];
	const rows: TrafficRecord[] = [];
	if (!(totalDemand > 0)) return rows;
	for (let d = 0; d < calendar.days; d++) {
		const rng = createRng(options.seed, 'traffic', calendar.startEpochDay + d);
		const dayShare = calendar.demand[d] / totalDemand;
		DEMO_PLATFORMS.forEach((platform, p) => {
			DEMO_CHANNELS.forEach((channel, c) => {
				const expectedOrders = mix.orders[p][c] * dayShare;
				if (!(expectedOrders > 0)) return;
				const visitors = Math.round((expectedOrders / CHANNEL_CONVERSION[channel]) * rng.lognormal(0, 0.15));
				const sessions = Math.max(visitors, Math.round(visitors * SESSIONS_PER_VISITOR[channel] * rng.lognormal(0, 0.05)));
				rows.push({ date: calendar.dates[d], channel, platform, visitors, sessions });
			});
		});
	}
	return rows;
}
