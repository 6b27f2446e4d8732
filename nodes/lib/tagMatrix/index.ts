/**
 * Tag Matrix (标签矩阵): customer tags in three families — basic (platform, region, first-order
 * channel), behaviour (RFM segment, category affinity, preferred order hour, coupon
 * sensitivity, refund rate) and sentiment (reviews, scored with a Chinese + English lexicon
 * with negation, or by an upstream AI node) — by rules the user edits, and the customer count
 * of each tag. Pure: no n8n imports.
 */
import { computeCustomerMetrics, type CustomerFacts, type ScoredReview, type TagOrder } from './metrics';
import type { TagMatrixSettings } from './options';
import { tagCustomers, type TagMatrixResult } from './rules';

export * from './lexicon';
export * from './sentiment';
export * from './metrics';
export * from './rules';
export * from './input';
export * from './options';

export function computeTagMatrix(
	orders: readonly TagOrder[],
	customers: readonly CustomerFacts[],
	reviews: readonly ScoredReview[],
	settings: TagMatrixSettings,
): TagMatrixResult {
	return tagCustomers(computeCustomerMetrics(orders, customers, reviews, settings.timeZone), settings.rules);
}
