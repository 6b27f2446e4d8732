/**
 * Sharing a coupon budget out when it cannot cover everyone.
 *
 * Each coupon costs its face value (couponTerms.ts). Customers are taken in priority order —
 * the highest expected value first: by the first priority field (default predictedClv), ties
 * by the next (default monetary), then by customer id so the order never depends on the input
 * order; a customer without a number in a field comes after those with one. Each coupon is
 * funded when it fits both what is left of its tier's budget and of the campaign budget;
 * otherwise that customer is left out (with the budget that ran out) and the next one is
 * tried, so a cheaper coupon further down can still be funded. Sums are in whole cents.
 */

export type LeftOutReason = 'tierBudget' | 'campaignBudget';

export interface BudgetRequest {
	customerId: string;
	tier: string;
	/** Face value in money units. */
	cost: number;
	/** Priority values in field order; undefined where the customer has none. */
	priority: ReadonlyArray<number | undefined>;
}

export interface BudgetDecision {
	funded: boolean;
	reason?: LeftOutReason;
	/** 1 = first in priority order among all coupon requests. */
	priorityRank: number;
}

export interface BudgetAllocation {
	/** In request order. */
	decisions: BudgetDecision[];
	spentByTier: Map<string, number>;
	spent: number;
}

const toCents = (amount: number) => Math.round(amount * 100);

/** Negative when a comes first. */
export function comparePriority(a: BudgetRequest, b: BudgetRequest): number {
	const fields = Math.max(a.priority.length, b.priority.length);
	for (let i = 0; i < fields; i++) {
		const x = a.priority[i];
		const y = b.priority[i];
		if (x === y) continue;
		if (x === undefined) return 1;
		if (y === undefined) return -1;
		return y - x;
	}
	return a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;
}

/**
 * The requests' indices in priority order: comparePriority's order, from the same sort with a
 * comparator that gives the same answer for every pair, but reading the priorities from typed
 * columns instead of each request's object and list. At a million customers the sort chasing
 * two objects per comparison was the slowest step of the campaign (docs/scale.md).
 */
function priorityOrder(requests: readonly BudgetRequest[]): number[] {
	const n = requests.length;
	let fields = 0;
	for (const request of requests) fields = Math.max(fields, request.priority.length);
	const values = Array.from({ length: fields }, () => new Float64Array(n));
	const present = Array.from({ length: fields }, () => new Uint8Array(n));
	const ids = requests.map((request) => request.customerId);
	requests.forEach((request, i) => {
		for (let f = 0; f < request.priority.length; f++) {
			const value = request.priority[f];
			if (value !== undefined) {
				values[f][i] = value;
				present[f][i] = 1;
			}
		}
	});
	return requests
		.map((_, i) => i)
		.sort((i, j) => {
			for (let f = 0; f < fields; f++) {
				const hasX = present[f][i] === 1;
				const hasY = present[f][j] === 1;
				if (!hasX && !hasY) continue;
				if (!hasX) return 1;
				if (!hasY) return -1;
				const x = values[f][i];
				const y = values[f][j];
				if (x === y) continue;
				return y - x;
			}
			return ids[i] < ids[j] ? -1 : ids[i] > ids[j] ? 1 : 0;
		});
}

/**
 * `tierBudgets[tier]` and `campaignBudget`: undefined or 0 means no limit.
 */
export function allocateBudget(
	requests: readonly BudgetRequest[],
	tierBudgets: Readonly<Record<string, number | undefined>>,
	campaignBudget: number | undefined,
): BudgetAllocation {
	const order = priorityOrder(requests);
	const leftInTier = new Map<string, number>();
	for (const [tier, budget] of Object.entries(tierBudgets)) {
		if (budget !== undefined && budget > 0) leftInTier.set(tier, toCents(budget));
	}
	let leftInCampaign = campaignBudget !== undefined && campaignBudget > 0 ? toCents(campaignBudget) : Infinity;
	const spentByTier = new Map<string, number>();
	let spent = 0;
	const decisions = new Array<BudgetDecision>(requests.length);
	order.forEach((i, rank) => {
		const request = requests[i];
		const cost = toCents(request.cost);
		const tierLeft = leftInTier.get(request.tier) ?? Infinity;
		if (cost > tierLeft) {
			decisions[i] = { funded: false, reason: 'tierBudget', priorityRank: rank + 1 };
			return;
		}
		if (cost > leftInCampaign) {
			decisions[i] = { funded: false, reason: 'campaignBudget', priorityRank: rank + 1 };
			return;
		}
		if (leftInTier.has(request.tier)) leftInTier.set(request.tier, tierLeft - cost);
		leftInCampaign -= cost;
		spentByTier.set(request.tier, (spentByTier.get(request.tier) ?? 0) + cost);
		spent += cost;
		decisions[i] = { funded: true, priorityRank: rank + 1 };
	});
	return {
		decisions,
		spentByTier: new Map([...spentByTier].map(([tier, cents]) => [tier, cents / 100])),
		spent: spent / 100,
	};
}
