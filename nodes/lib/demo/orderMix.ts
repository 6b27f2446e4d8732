/**
 * How many orders each customer places and where, shared by the order generator and by
 * the datasets sized from the orders without generating them: the stock simulation needs
 * the expected units, the content posts the expected short-video orders per platform.
 * The expectations are exact for the generator's rules (same customers, same counts, same
 * probabilities), so daily sales add up to the orders' units and posts' clicks to the
 * orders they bring, up to sampling noise.
 */
import type { DemoCalendar } from './calendar';
import { CHANNEL_BEHAVIOUR, DEMO_CHANNELS, DEMO_PLATFORMS, PLATFORM_CHANNEL_WEIGHTS } from './catalog';
import { type CustomerProfile, buildCustomerProfiles } from './customers';
import type { DemoShopOptions } from './options';
import { type Rng, createRng } from './random';

export const YOUZAN = DEMO_PLATFORMS.indexOf('youzan');
/** Share of a multi-platform customer's repeat orders placed on the main platform. */
export const MAIN_PLATFORM_SHARE = 0.8;

/**
 * How many orders each customer places. Everyone with an order has at least one; the
 * orders beyond that go to repeat buyers in proportion to their repeat weight, by
 * systematic sampling (equally spaced points over the running weights), so the total is
 * exact and each customer gets ⌊R·w/W⌋ or ⌈R·w/W⌉ of the R repeat orders.
 * With fewer orders than customers, the buyers are a weighted sample without replacement
 * (Efraimidis & Spirakis 2006: the smallest keys −ln(u)/w win).
 */
export function allocateOrderCounts(profiles: CustomerProfile[], total: number, rng: Rng): Int32Array {
	const n = profiles.length;
	const counts = new Int32Array(n);
	if (total === 0 || n === 0) return counts;
	if (total <= n) {
		const keys = Float64Array.from(profiles, (p) => -Math.log(1 - rng.next()) / (1 + p.repeatWeight));
		const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
		for (let i = 0; i < total; i++) counts[order[i]] = 1;
		return counts;
	}
	counts.fill(1);
	const repeats = total - n;
	let weights = profiles.map((p) => p.repeatWeight);
	let weightTotal = weights.reduce((a, b) => a + b, 0);
	if (!(weightTotal > 0)) {
		weights = weights.map(() => 1);
		weightTotal = n;
	}
	const step = weightTotal / repeats;
	let point = rng.next() * step;
	let running = 0;
	let assigned = 0;
	let heaviest = 0;
	for (let i = 0; i < n && assigned < repeats; i++) {
		running += weights[i];
		if (weights[i] > weights[heaviest]) heaviest = i;
		while (point < running && assigned < repeats) {
			counts[i]++;
			assigned++;
			point += step;
		}
	}
	// Rounding can leave the last point just past the running total.
	counts[heaviest] += repeats - assigned;
	return counts;
}

export function orderCountsOf(options: DemoShopOptions, profiles: CustomerProfile[]): Int32Array {
	return allocateOrderCounts(profiles, options.orders, createRng(options.seed, 'order-counts'));
}

/** Chance that a repeat order goes to the private-domain mall (for customers who joined it). */
export function privateDomainChance(profile: CustomerProfile): number {
	const { platforms } = profile;
	if (platforms.length < 2 || platforms[0] === YOUZAN || !platforms.includes(YOUZAN)) return 0;
	return profile.persona === 'loyal' || profile.persona === 'big_spender' ? 0.3 : 0.15;
}

/** E[units not cancelled] of one order: E[lines] = 1 + p + p² + p³, E[units per line] = 1 + extra. */
export function expectedOrderUnits(channel: number, bigSpender: boolean): number {
	const behaviour = CHANNEL_BEHAVIOUR[DEMO_CHANNELS[channel]];
	const p = behaviour.extraLineChance + (bigSpender ? 0.2 : 0);
	return (
		(1 + p + p * p + p * p * p) * (1 + behaviour.extraUnits + (bigSpender ? 0.8 : 0)) * (1 - behaviour.cancelRate)
	);
}

export interface ExpectedOrderMix {
	/** Expected orders per [platform][channel] (DEMO_PLATFORMS × DEMO_CHANNELS). */
	orders: number[][];
	/** Expected units of the orders that are not cancelled. */
	units: number;
}

export function expectedOrderMix(options: DemoShopOptions, calendar: DemoCalendar): ExpectedOrderMix {
	const profiles = buildCustomerProfiles(options, calendar);
	const counts = orderCountsOf(options, profiles);
	const orders = DEMO_PLATFORMS.map(() => DEMO_CHANNELS.map(() => 0));
	const channelShare = PLATFORM_CHANNEL_WEIGHTS.map((row) => {
		const total = row.reduce((a, b) => a + b, 0);
		return row.map((w) => w / total);
	});
	let units = 0;
	const addRepeats = (platform: number, expectedOrders: number, big: boolean): void => {
		channelShare[platform].forEach((share, c) => {
			orders[platform][c] += expectedOrders * share;
			units += expectedOrders * share * expectedOrderUnits(c, big);
		});
	};
	profiles.forEach((profile, i) => {
		if (counts[i] === 0) return;
		const big = profile.persona === 'big_spender';
		orders[profile.platforms[0]][profile.acquisitionChannel] += 1;
		units += expectedOrderUnits(profile.acquisitionChannel, big);
		const repeats = counts[i] - 1;
		if (repeats === 0) return;
		const { platforms } = profile;
		const toPrivate = privateDomainChance(profile);
		const mainShare = platforms.length === 1 ? 1 : MAIN_PLATFORM_SHARE;
		addRepeats(YOUZAN, repeats * toPrivate, big);
		addRepeats(platforms[0], repeats * (1 - toPrivate) * mainShare, big);
		for (let j = 1; j < platforms.length; j++) {
			addRepeats(platforms[j], (repeats * (1 - toPrivate) * (1 - mainShare)) / (platforms.length - 1), big);
		}
	});
	return { orders, units };
}
