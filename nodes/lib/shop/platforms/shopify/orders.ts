/**
 * A Shopify order (GraphQL Admin API, ORDERS_QUERY's fields) in the pack's order model.
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/Order
 */
import type { OrderStatus } from '../../../model';
import { centsToAmount, decimalToCents } from '../../money';
import type { ShopOrder } from '../../orderFeed';
import { legacyIdOf } from './shopUrl';

interface MoneyBag {
	shopMoney?: { amount?: string; currencyCode?: string } | null;
}

export interface ShopifyLineItem {
	sku?: string | null;
	name?: string | null;
	quantity?: number | null;
	variant?: { legacyResourceId?: string | null } | null;
	discountedUnitPriceSet?: MoneyBag | null;
}

export interface ShopifyOrder {
	id: string;
	legacyResourceId?: string | null;
	name?: string | null;
	createdAt: string;
	updatedAt: string;
	cancelledAt?: string | null;
	closedAt?: string | null;
	displayFinancialStatus?: string | null;
	displayFulfillmentStatus?: string | null;
	sourceName?: string | null;
	totalPriceSet?: MoneyBag | null;
	totalRefundedSet?: MoneyBag | null;
	customer?: { id?: string | null } | null;
	lineItems?: { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; nodes?: ShopifyLineItem[] } | null;
}

/**
 * Shopify's two display statuses (both open-ended enums: unknown values are read as the
 * nearest safe status) → the model's status. Cancellation wins; then money (refunds, payment
 * state: OrderDisplayFinancialStatus AUTHORIZED, EXPIRED, PAID, PARTIALLY_PAID,
 * PARTIALLY_REFUNDED, PENDING, REFUNDED, VOIDED); a paid order then by fulfilment
 * (OrderDisplayFulfillmentStatus). Sources: https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus,
 * https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFulfillmentStatus.
 */
export function shopifyOrderStatus(order: Pick<ShopifyOrder, 'cancelledAt' | 'closedAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>): OrderStatus {
	if (order.cancelledAt) return 'cancelled';
	switch (order.displayFinancialStatus) {
		case 'REFUNDED':
			return 'refunded';
		case 'PARTIALLY_REFUNDED':
			return 'partially_refunded';
		// A voided or expired authorization: the money was never taken.
		case 'VOIDED':
		case 'EXPIRED':
			return 'cancelled';
		case 'PAID':
			break;
		// PENDING, AUTHORIZED, PARTIALLY_PAID and values added later: not (fully) paid yet.
		default:
			return 'pending';
	}
	switch (order.displayFulfillmentStatus) {
		case 'FULFILLED':
			return order.closedAt ? 'completed' : 'shipped';
		case 'PARTIALLY_FULFILLED':
			return 'shipped';
		// Digital goods, gift cards: nothing to ship, the sale is done.
		case 'FULFILLMENT_NOT_REQUIRED':
			return 'completed';
		default:
			return 'paid';
	}
}

/** The raw statuses as one text, e.g. `PAID/FULFILLED`, `REFUNDED/UNFULFILLED/CANCELLED`. */
export function shopifyPlatformStatus(order: ShopifyOrder): string {
	const parts = [order.displayFinancialStatus ?? 'UNKNOWN', order.displayFulfillmentStatus ?? 'UNKNOWN'];
	if (order.cancelledAt) parts.push('CANCELLED');
	else if (order.closedAt) parts.push('CLOSED');
	return parts.join('/');
}

export interface ShopifyMappingOptions {
	/** Formats an instant as ISO-8601 with the offset of the node's time zone. */
	formatTime: (epochMs: number) => string;
}

/**
 * The order in the model:
 * - orderId: the numeric id (legacyResourceId, the number in the admin URL), not `#1001`;
 * - customerId: the customer's numeric id; a guest order (no customer) gets `guest:<orderId>`,
 *   stable for the order, never merged with other guests (e-mail is protected customer data);
 * - amount: totalPriceSet (after discounts, with shipping and taxes) in the shop currency;
 *   refundedAmount: totalRefundedSet, at most the amount;
 * - lines: SKU (or `variant:<id>` / the line name when the variant has no SKU), quantity
 *   ordered, discountedUnitPriceSet (unit price after line discounts);
 * - channel: sourceName (web, pos, shopify_draft_order, an app's id).
 */
export function shopifyOrderToModel(raw: ShopifyOrder, options: ShopifyMappingOptions): ShopOrder {
	const orderId = raw.legacyResourceId || legacyIdOf(raw.id);
	const createdMs = Date.parse(raw.createdAt);
	const updatedMs = Date.parse(raw.updatedAt);
	if (!orderId || Number.isNaN(createdMs) || Number.isNaN(updatedMs)) {
		throw new Error(`Shopify order ${orderId || '(no id)'} has no readable id, createdAt or updatedAt`);
	}
	const amountCents = centsOf(raw.totalPriceSet, `order ${orderId} totalPriceSet`);
	const refundedCents = raw.totalRefundedSet?.shopMoney ? centsOf(raw.totalRefundedSet, `order ${orderId} totalRefundedSet`) : 0;
	const currency = raw.totalPriceSet?.shopMoney?.currencyCode ?? '';
	if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`Shopify order ${orderId} has no shop currency on totalPriceSet`);
	const customerGid = raw.customer?.id;
	return {
		orderId,
		customerId: customerGid ? legacyIdOf(customerGid) : `guest:${orderId}`,
		platform: 'shopify',
		createdAt: options.formatTime(createdMs),
		status: shopifyOrderStatus(raw),
		currency,
		amount: centsToAmount(amountCents),
		refundedAmount: centsToAmount(Math.min(refundedCents, amountCents)),
		lines: (raw.lineItems?.nodes ?? [])
			.filter((line) => (line.quantity ?? 0) >= 1)
			.map((line) => ({
				sku: lineSku(line),
				quantity: line.quantity as number,
				unitPrice: centsToAmount(centsOf(line.discountedUnitPriceSet, `order ${orderId} line unit price`)),
			})),
		...(raw.sourceName ? { channel: raw.sourceName } : {}),
		updatedAt: options.formatTime(updatedMs),
		platformOrderStatus: shopifyPlatformStatus(raw),
	};
}

function lineSku(line: ShopifyLineItem): string {
	if (line.sku && line.sku.trim() !== '') return line.sku.trim();
	if (line.variant?.legacyResourceId) return `variant:${line.variant.legacyResourceId}`;
	return line.name?.trim() || 'unknown';
}

function centsOf(money: MoneyBag | null | undefined, what: string): number {
	const cents = decimalToCents(money?.shopMoney?.amount);
	if (!Number.isFinite(cents) || cents < 0) throw new Error(`Shopify ${what} is not an amount`);
	return cents;
}
