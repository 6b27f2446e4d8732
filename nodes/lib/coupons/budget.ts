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
 * `tierBudgets[tier]` and `campaignBudget`: undefined or 0 means no limit.
 */
export function allocateBudget(
	requests: readonly BudgetRequest[],
	tierBudgets: Readonly<Record<string, number | undefined>>,
	campaignBudget: number | undefined,
): BudgetAllocation {
	const order = requests.map((_, i) => i).sort((i, j) => comparePriority(requests[i], requests[j]));
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
