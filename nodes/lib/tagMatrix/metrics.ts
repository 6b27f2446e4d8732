/**
 * What Tag Matrix knows about each customer, computed from their orders, the customer list
 * (an RFM Segment node's output, or a CRM's) and their reviews. Every tag is a rule on one of
 * these metrics (rules.ts). Pure: no n8n imports.
 *
 * Paid orders are the orders of every status but pending and cancelled (a refunded order was
 * paid: it counts, and counts as refunded). Ratios are over paid orders; a customer without
 * any has none of them (null), so no rule on them fires.
 */
import type { OrderStatus } from '../model';
import { createOffsetLookup } from '../time';

/** One order, read and validated, with what Tag Matrix reads beyond the order model's core. */
export interface TagOrder {
	customerId: string;
	createdAtMs: number;
	status: OrderStatus;
	/** In the base currency. */
	amount: number;
	refundedAmount: number;
	platform?: string;
	channel?: string;
	region?: string;
	couponUsed: boolean;
	/** Spend per product category in this order (lines' categories, else the order's category). */
	categorySpend: ReadonlyArray<readonly [string, number]>;
}

/** A customer as another node knows them: the RFM segment (label) and the region, each optional. */
export interface CustomerFacts {
	customerId: string;
	segment?: string;
	region?: string;
}

/** One review, scored: the lexicon score of its text or the score an AI node gave it, −1 … 1. */
export interface ScoredReview {
	customerId: string;
	score: number;
}

export interface CustomerMetrics {
	customerId: string;
	/** Paid orders (every status but pending and cancelled). */
	orders: number;
	/** The platform of most paid orders; ties: the one ordered on first. */
	mainPlatform: string | null;
	/** The customer list's region, else the region of the latest paid order that has one. */
	region: string | null;
	/** The channel of the first paid order (null when that order names none). */
	firstChannel: string | null;
	/** The RFM segment from the customer list (e.g. an RFM Segment node's segmentLabel). */
	rfmSegment: string | null;
	/** The category with the largest spend over paid orders; ties: the one bought first. */
	topCategory: string | null;
	/** Its share of the customer's spend on categorised goods, 0–1. */
	topCategoryShare: number | null;
	/** The hour of day (0–23, shop time zone) with the most paid orders; ties: the earliest hour. */
	preferredHour: number | null;
	/** Paid orders with a coupon ÷ paid orders, 0–1. */
	couponShare: number | null;
	/** Paid orders refunded in full or in part ÷ paid orders, 0–1. */
	refundRate: number | null;
	reviews: number;
	/** Mean review score, −1 … 1 (null without reviews). */
	sentimentScore: number | null;
}

const UNPAID: ReadonlySet<OrderStatus> = new Set(['pending', 'cancelled']);
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The hour of day of an instant in a time zone. */
export function createLocalHour(timeZone: string): (epochMs: number) => number {
	const offsetOf = createOffsetLookup(timeZone);
	return (epochMs) => {
		const local = epochMs + offsetOf(epochMs);
		return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
	};
}

/** The key with the highest count; ties: the first inserted. */
function mostOf(counts: Map<string, number>): string | null {
	let best: string | null = null;
	let bestCount = -Infinity;
	for (const [key, count] of counts) {
		if (count > bestCount) [best, bestCount] = [key, count];
	}
	return best;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Metrics of every customer met in any input: first those with orders (in order of their first
 * order item), then those only in the customer list, then those only in the reviews.
 */
export function computeCustomerMetrics(
	orders: readonly TagOrder[],
	customers: readonly CustomerFacts[],
	reviews: readonly ScoredReview[],
	timeZone: string,
): CustomerMetrics[] {
	const localHour = createLocalHour(timeZone);
	const ordersOf = new Map<string, TagOrder[]>();
	for (const order of orders) {
		const list = ordersOf.get(order.customerId);
		if (list) list.push(order);
		else ordersOf.set(order.customerId, [order]);
	}
	// A later item of the same customer completes or overrides an earlier one.
	const factsOf = new Map<string, CustomerFacts>();
	for (const facts of customers) factsOf.set(facts.customerId, { ...factsOf.get(facts.customerId), ...definedOnly(facts), customerId: facts.customerId });
	const scoresOf = new Map<string, number[]>();
	for (const review of reviews) {
		const list = scoresOf.get(review.customerId);
		if (list) list.push(review.score);
		else scoresOf.set(review.customerId, [review.score]);
	}

	const ids = new Set<string>([...ordersOf.keys(), ...factsOf.keys(), ...scoresOf.keys()]);
	return [...ids].map((customerId) => {
		const paid = (ordersOf.get(customerId) ?? [])
			.filter((order) => !UNPAID.has(order.status))
			// Stable: orders placed at the same instant keep their input order.
			.sort((a, b) => a.createdAtMs - b.createdAtMs);
		const facts = factsOf.get(customerId);
		const scores = scoresOf.get(customerId) ?? [];
		const platforms = new Map<string, number>();
		const categories = new Map<string, number>();
		const hours = new Array<number>(24).fill(0);
		let withCoupon = 0;
		let refunded = 0;
		let latestRegion: string | null = null;
		for (const order of paid) {
			if (order.platform !== undefined) platforms.set(order.platform, (platforms.get(order.platform) ?? 0) + 1);
			for (const [category, spend] of order.categorySpend) categories.set(category, (categories.get(category) ?? 0) + spend);
			hours[localHour(order.createdAtMs)]++;
			if (order.couponUsed) withCoupon++;
			if (order.refundedAmount > 0 || order.status === 'refunded') refunded++;
			if (order.region !== undefined) latestRegion = order.region;
		}
		const n = paid.length;
		const topCategory = mostOf(categories);
		const categorised = [...categories.values()].reduce((sum, spend) => sum + spend, 0);
		const peak = Math.max(...hours);
		return {
			customerId,
			orders: n,
			mainPlatform: mostOf(platforms),
			region: facts?.region ?? latestRegion,
			firstChannel: paid[0]?.channel ?? null,
			rfmSegment: facts?.segment ?? null,
			topCategory,
			topCategoryShare: topCategory === null || categorised <= 0 ? null : round(categories.get(topCategory)! / categorised, 4),
			preferredHour: n === 0 ? null : hours.indexOf(peak),
			couponShare: n === 0 ? null : round(withCoupon / n, 4),
			refundRate: n === 0 ? null : round(refunded / n, 4),
			reviews: scores.length,
			sentimentScore: scores.length === 0 ? null : round(scores.reduce((sum, s) => sum + s, 0) / scores.length, 4),
		};
	});
}

function definedOnly(facts: CustomerFacts): Partial<CustomerFacts> {
	return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}
