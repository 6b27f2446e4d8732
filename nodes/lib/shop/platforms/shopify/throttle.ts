/**
 * Shopify's GraphQL rate limit: a leaky bucket of query-cost points per app and store.
 * Every response carries `extensions.cost.throttleStatus` {maximumAvailable,
 * currentlyAvailable, restoreRate}; a query whose requested cost exceeds what is available is
 * refused with `errors[].extensions.code = THROTTLED` (HTTP 200, no data). Waiting
 * ceil((requested − available) / restoreRate) seconds before sending avoids the refusal.
 * Sources: https://shopify.dev/docs/api/usage/limits (cost rules, 1000-point cap per query);
 * community.shopify.com/t/throttled/254776 (response shapes). Bucket sizes per plan are not
 * published consistently, so they are read from each response, never assumed.
 */

export interface ThrottleStatus {
	maximumAvailable: number;
	currentlyAvailable: number;
	/** Points restored per second. */
	restoreRate: number;
}

export interface QueryCost {
	requestedQueryCost?: number;
	actualQueryCost?: number | null;
	throttleStatus?: ThrottleStatus;
}

/** `extensions.cost` of a GraphQL response body, when it has a usable one. */
export function queryCostOf(body: unknown): QueryCost | undefined {
	const cost = (body as { extensions?: { cost?: QueryCost } } | undefined)?.extensions?.cost;
	if (typeof cost !== 'object' || cost === null) return undefined;
	const status = cost.throttleStatus;
	const usable =
		status !== undefined &&
		Number.isFinite(Number(status.currentlyAvailable)) &&
		Number(status.restoreRate) > 0 &&
		Number.isFinite(Number(status.maximumAvailable));
	return {
		requestedQueryCost: Number.isFinite(Number(cost.requestedQueryCost)) ? Number(cost.requestedQueryCost) : undefined,
		actualQueryCost: cost.actualQueryCost ?? null,
		throttleStatus: usable
			? {
					maximumAvailable: Number(status.maximumAvailable),
					currentlyAvailable: Number(status.currentlyAvailable),
					restoreRate: Number(status.restoreRate),
				}
			: undefined,
	};
}

/**
 * Milliseconds to wait before a query of `cost` points can pass, given the bucket as last
 * seen `elapsedMs` ago: the bucket refills at restoreRate points/s up to maximumAvailable.
 * 0 when the points are there (or the bucket could never hold them: Shopify then answers
 * MAX_COST_EXCEEDED, which waiting does not cure).
 */
export function waitBeforeQueryMs(status: ThrottleStatus, cost: number, elapsedMs: number): number {
	const refilled = Math.min(status.maximumAvailable, status.currentlyAvailable + (status.restoreRate * Math.max(0, elapsedMs)) / 1000);
	if (cost <= refilled || cost > status.maximumAvailable) return 0;
	return Math.ceil(((cost - refilled) / status.restoreRate) * 1000);
}
