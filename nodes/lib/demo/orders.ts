/**
 * The shop's orders: exactly `options.orders` of them, shared out among the customers by
 * persona, each placed on a day drawn from the calendar's demand curve (weekends, 618,
 * Double 11, the New Year trough) at an hour drawn from the channel's hourly curve.
 *
 * Amounts are integers in fen (cents) while generated — amount = Σ quantity × unitPrice
 * exactly — and written in yuan with two decimals.
 */
import { CONTENT_CATEGORIES, type Order, type OrderLine, type OrderStatus } from '../model';
import { type DemoCalendar, HOUR_CUMULATIVE, SHOP_UTC_OFFSET, clockText } from './calendar';
import {
	type DemoCatalog,
	CHANNEL_BEHAVIOUR,
	CHANNEL_INDEX,
	DEMO_CHANNELS,
	DEMO_PLATFORMS,
	PLATFORM_CHANNEL_WEIGHTS,
	buildCatalog,
} from './catalog';
import { CONTENT_PLATFORMS, buildLinkCandidates, pickLinkedPost, planPosts } from './content';
import { COUPON_CHANCE, COUPON_KINDS, PROMOTION_VIDEO_PERCENT_OFF, applyCoupon, promotionVideoCouponCode } from './coupons';
import { type CustomerProfile, buildCustomerProfiles } from './customers';
import { MAIN_PLATFORM_SHARE, YOUZAN, orderCountsOf, privateDomainChance } from './orderMix';
import type { DemoShopOptions } from './options';
import { customerTraits } from './regions';
import { type Rng, createRng, cumulative, searchCumulative } from './random';

export const DEMO_CURRENCY = 'CNY';

const CHANNEL_CUMULATIVE_BY_PLATFORM = PLATFORM_CHANNEL_WEIGHTS.map((row) => cumulative(row));
const CONTENT_PLATFORM_OF = DEMO_PLATFORMS.map((name) => CONTENT_PLATFORMS.findIndex((c) => c.platform === name));
const SECONDS_PER_DAY = 86400;
const PROMOTION_POST = CONTENT_CATEGORIES.indexOf('promotion');

/**
 * The text, flat. V8 keeps a string built by concatenation (`${a}${b}`, 13 characters or more) as
 * a tree of its parts (a "cons string") until something reads its characters; the first read
 * then copies it into one flat string. Read downstream — a node checking an order id, parsing a
 * timestamp — that copy is made when the orders are already in the old generation: a million of
 * them were about 90 MB promoted during RFM Segment's run, with the parts left behind as garbage,
 * which took its peak memory over 1.2 GB (issue 11; docs/scale.md). Reading one character here,
 * while the string is young, flattens it now: the parts die young, and the orders are then made
 * of flat text, as orders parsed from JSON (a shop API, an HTTP node) are.
 */
function flat(text: string): string {
	text.charCodeAt(0);
	return text;
}

/** Repeat orders: the private-domain mall, else the main platform 80% of the time, else another. */
function repeatPlatform(rng: Rng, profile: CustomerProfile): number {
	const { platforms } = profile;
	const toPrivate = privateDomainChance(profile);
	if (toPrivate > 0 && rng.chance(toPrivate)) return YOUZAN;
	if (platforms.length === 1 || rng.chance(MAIN_PLATFORM_SHARE)) return platforms[0];
	return platforms[rng.int(1, platforms.length - 1)];
}

function drawSku(rng: Rng, catalog: DemoCatalog, onSale: number, preferExpensive: boolean): number {
	const s = rng.pickCumulative(catalog.popularityCumulative, onSale);
	if (!preferExpensive) return s;
	const t = rng.pickCumulative(catalog.popularityCumulative, onSale);
	return catalog.listPriceCents[t] > catalog.listPriceCents[s] ? t : s;
}

/** Scratch space of drawBasket (at most 4 lines), reused so 100,000 orders allocate only what they keep. */
const basketSkus = new Int32Array(4);
const basketQuantities = new Int32Array(4);

/**
 * The order lines: 1–4 distinct SKUs on sale that day (big spenders lean to the dearer of
 * two draws), 1 + Poisson units each, at list price × channel price × promotion price.
 * Returns the amount in fen.
 */
function drawBasket(
	rng: Rng,
	catalog: DemoCatalog,
	calendar: DemoCalendar,
	day: number,
	channel: number,
	bigSpender: boolean,
	lines: OrderLine[],
): number {
	const behaviour = CHANNEL_BEHAVIOUR[DEMO_CHANNELS[channel]];
	const onSale = catalog.onSaleCount[day];
	const lineChance = behaviour.extraLineChance + (bigSpender ? 0.2 : 0);
	let lineCount = 1;
	while (lineCount < 4 && lineCount < onSale && rng.chance(lineChance)) lineCount++;
	const priceFactor = behaviour.priceFactor * calendar.promotionPrice[day];
	let distinct = 0;
	for (let l = 0; l < lineCount; l++) {
		let s = drawSku(rng, catalog, onSale, bigSpender);
		let existing = basketSkus.subarray(0, distinct).indexOf(s);
		for (let retry = 0; retry < 3 && existing >= 0; retry++) {
			s = drawSku(rng, catalog, onSale, bigSpender);
			existing = basketSkus.subarray(0, distinct).indexOf(s);
		}
		const quantity = 1 + rng.poisson(behaviour.extraUnits + (bigSpender ? 0.8 : 0));
		if (existing >= 0) basketQuantities[existing] += quantity;
		else {
			basketSkus[distinct] = s;
			basketQuantities[distinct++] = quantity;
		}
	}
	let amountCents = 0;
	for (let l = 0; l < distinct; l++) {
		const s = basketSkus[l];
		const unitCents = Math.max(1, Math.round(catalog.listPriceCents[s] * priceFactor));
		const { sku, category } = catalog.skus[s];
		lines.push({ sku, quantity: basketQuantities[l], unitPrice: unitCents / 100, category });
		amountCents += unitCents * basketQuantities[l];
	}
	return amountCents;
}

/**
 * Cancellations (unpaid or cancelled before shipping) and refunds follow the channel's
 * rates; refunds need an order at least two days old. The rest move on by age, as on the
 * platforms: pending (unpaid, only in the last day), paid, shipped within ~3 days,
 * completed (auto-confirmed) after 3–12 days.
 */
function drawStatus(rng: Rng, channel: number, ageSeconds: number): OrderStatus {
	const behaviour = CHANNEL_BEHAVIOUR[DEMO_CHANNELS[channel]];
	const ageDays = ageSeconds / SECONDS_PER_DAY;
	let r = rng.next();
	if (r < behaviour.cancelRate) return 'cancelled';
	r -= behaviour.cancelRate;
	if (ageDays >= 2) {
		if (r < behaviour.refundRate) return 'refunded';
		r -= behaviour.refundRate;
		if (r < behaviour.partialRefundRate) return 'partially_refunded';
	}
	if (ageDays < 1) return rng.chance(ageSeconds < 3 * 3600 ? 0.5 : 0.15) ? 'pending' : 'paid';
	if (ageDays < 3) return rng.chance(0.3) ? 'paid' : 'shipped';
	if (ageDays < 12) return rng.chance((ageDays - 3) / 9) ? 'completed' : 'shipped';
	return 'completed';
}

/** Part of the order refunded: one line of several, some units of one line, or a price-protection refund. */
function partialRefundCents(rng: Rng, lines: OrderLine[], amountCents: number): number {
	if (lines.length > 1) {
		const line = rng.pick(lines);
		return Math.round(line.unitPrice * 100) * line.quantity;
	}
	const { quantity } = lines[0];
	if (quantity > 1) return (amountCents / quantity) * rng.int(1, quantity - 1);
	return Math.min(amountCents - 1, Math.max(1, Math.round(amountCents * rng.uniform(0.1, 0.3))));
}

export function generateOrderList(options: DemoShopOptions, calendar: DemoCalendar): Order[] {
	const total = options.orders;
	const catalog = buildCatalog(options, calendar);
	const profiles = buildCustomerProfiles(options, calendar);
	const posts = planPosts(options, calendar, catalog);
	const candidates = buildLinkCandidates(posts, calendar);
	const counts = orderCountsOf(options, profiles);
	const rng = createRng(options.seed, 'orders');
	// Coupons draw from their own stream: the orders' other fields are those of a shop without them.
	const couponRng = createRng(options.seed, 'coupons');
	const lastDay = calendar.days - 1;

	const unsorted = new Array<Order>(total);
	const sortKeys = new Float64Array(total);
	let n = 0;
	for (let i = 0; i < profiles.length; i++) {
		const profile = profiles[i];
		const bigSpender = profile.persona === 'big_spender';
		const { region, priceSensitive } = customerTraits(options.seed, i, profile.persona);
		// Repeat orders fall after the first day, within the customer's active span
		// (or up to the window's end for a one-off buyer given more than one order).
		let from = profile.firstDay + 1;
		let to = profile.lastActiveDay >= from ? profile.lastActiveDay : lastDay;
		if (from > to) from = to = profile.firstDay;
		const cumFrom = calendar.demandCumulative[from];
		const cumSpan = calendar.demandCumulative[to + 1] - cumFrom;
		for (let k = 0; k < counts[i]; k++) {
			const first = k === 0;
			const day = first
				? profile.firstDay
				: searchCumulative(calendar.demandCumulative, cumFrom + rng.next() * cumSpan, from, to);
			const platform = first ? profile.platforms[0] : repeatPlatform(rng, profile);
			const channel = first ? profile.acquisitionChannel : rng.pickCumulative(CHANNEL_CUMULATIVE_BY_PLATFORM[platform]);
			const hours =
				channel === CHANNEL_INDEX.live
					? HOUR_CUMULATIVE.live
					: calendar.festivalPeak[day]
						? HOUR_CUMULATIVE.festivalPeak
						: HOUR_CUMULATIVE.normal;
			const secondOfDay = rng.pickCumulative(hours) * 3600 + rng.int(0, 3599);
			const lines: OrderLine[] = [];
			const amountCents = drawBasket(rng, catalog, calendar, day, channel, bigSpender, lines);
			const status = drawStatus(rng, channel, (lastDay - day) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1 - secondOfDay);
			let refundedCents = 0;
			if (status === 'refunded') refundedCents = amountCents;
			else if (status === 'partially_refunded') refundedCents = partialRefundCents(rng, lines, amountCents);
			const order: Order = {
				orderId: '',
				customerId: profile.customerId,
				platform: DEMO_PLATFORMS[platform],
				createdAt: flat(`${calendar.timestampPrefixes[day]}${clockText(secondOfDay)}${SHOP_UTC_OFFSET}`),
				status,
				currency: DEMO_CURRENCY,
				amount: amountCents / 100,
				refundedAmount: refundedCents / 100,
				lines,
				channel: DEMO_CHANNELS[channel],
				region,
			};
			const contentPlatform = CONTENT_PLATFORM_OF[platform];
			let promotionPost: string | undefined;
			if (channel === CHANNEL_INDEX.short_video && contentPlatform >= 0) {
				const post = pickLinkedPost(rng, candidates[contentPlatform][day]);
				if (post !== undefined) {
					order.linkCode = posts[post].linkCode;
					if (posts[post].category === PROMOTION_POST) promotionPost = order.linkCode;
				}
			}
			// The coupon (coupons.ts): the promotion video's, else by the customer and the day.
			const festival = calendar.promotionPrice[day] < 1;
			const couponChance =
				promotionPost !== undefined
					? COUPON_CHANCE.promotionVideo
					: (priceSensitive ? COUPON_CHANCE.priceSensitive : COUPON_CHANCE.other) * (festival ? COUPON_CHANCE.festivalBoost : 1);
			if (couponRng.chance(couponChance)) {
				const kind =
					promotionPost !== undefined
						? { code: promotionVideoCouponCode(promotionPost), percentOff: PROMOTION_VIDEO_PERCENT_OFF }
						: first
							? COUPON_KINDS.newCustomer
							: festival
								? COUPON_KINDS.festival
								: channel === CHANNEL_INDEX.private_domain
									? COUPON_KINDS.member
									: COUPON_KINDS.shop;
				order.couponCode = kind.code;
				order.discount = applyCoupon(lines, kind.percentOff) / 100;
			}
			unsorted[n] = order;
			// Chronological order; ties broken by generation order. Exact below 2^53 (see DEMO_LIMITS).
			sortKeys[n] = (day * SECONDS_PER_DAY + secondOfDay) * total + n;
			n++;
		}
	}

	sortKeys.sort();
	const orders = new Array<Order>(total);
	const compactDates = calendar.dates.map((date) => date.replace(/-/g, ''));
	let currentDay = -1;
	let sequence = 0;
	for (let r = 0; r < total; r++) {
		const index = sortKeys[r] % total;
		const order = unsorted[index];
		const day = Math.floor((sortKeys[r] - index) / total / SECONDS_PER_DAY);
		if (day !== currentDay) {
			currentDay = day;
			sequence = 0;
		}
		sequence++;
		order.orderId = flat(`SO-${compactDates[day]}-${sequence < 100000 ? String(sequence).padStart(5, '0') : sequence}`);
		orders[r] = order;
	}
	return orders;
}
