/**
 * WooCommerce orders (REST API v3 `GET /wp-json/wc/v3/orders`) in the pack's commerce model.
 * Field meanings: WooCommerce REST API docs, "Order properties"
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties; repo
 * woocommerce/woocommerce-rest-api-docs `source/includes/wp-api-v3/_orders.md`).
 *
 * | status | WooCommerce meaning | model |
 * |---|---|---|
 * | pending | pending payment | pending |
 * | on-hold | awaiting payment confirmation (bank transfer, cheque) | pending |
 * | processing | paid, not yet fulfilled | paid |
 * | completed | fulfilled | completed |
 * | cancelled | cancelled by the shop or the customer | cancelled |
 * | failed | payment failed or declined | cancelled |
 * | refunded | fully refunded | refunded |
 * | trash | moved to the bin | cancelled |
 * | checkout-draft | Cart/Checkout Blocks draft, not an order: dropped (isCheckoutDraft) | — |
 * | any other (plugin statuses) | `shipped`/`partially-shipped` → shipped, `delivered` → completed; else paid when `date_paid_gmt` is set, pending when not | |
 *
 * Money: `total` is the grand total the customer paid (after discounts, with shipping, fees
 * and tax), decimal text. Refunds are listed in `refunds[] {id, reason, total}` with a
 * NEGATIVE total ("-10.00", docs example); `total` itself is not reduced by refunds. So
 * amount = total, refundedAmount = Σ |refunds[].total| (at most the total); a paid, shipped or
 * completed order with refunds is partially_refunded, or refunded once refunds reach the total.
 *
 * Dates: the `*_gmt` fields are UTC without an offset; the others are in the site's time zone
 * (no offset, zone unknown to the API), so only the `_gmt` ones are read.
 */
import { createHash } from 'node:crypto';

import type { OrderLine, OrderStatus } from '../../../model';
import { createZonedIsoFormatter } from '../../../time';
import { centsToAmount, decimalToCents } from '../../money';
import type { ShopOrder } from '../../orderFeed';

export const WOOCOMMERCE_STATUS: Record<string, OrderStatus> = {
	pending: 'pending',
	'on-hold': 'pending',
	processing: 'paid',
	completed: 'completed',
	cancelled: 'cancelled',
	failed: 'cancelled',
	refunded: 'refunded',
	trash: 'cancelled',
	// Statuses added by common shipment-tracking plugins (not core).
	shipped: 'shipped',
	'partially-shipped': 'shipped',
	delivered: 'completed',
};

interface WooMeta {
	id?: number;
	key?: string;
	value?: unknown;
}

interface WooLineItem {
	id?: number;
	name?: string;
	product_id?: number;
	variation_id?: number;
	quantity?: number;
	sku?: string | null;
	/** After discounts, before tax (decimal text). */
	total?: string;
	total_tax?: string;
}

export interface WooOrder {
	id: number;
	number?: string;
	status: string;
	currency?: string;
	total?: string;
	customer_id?: number;
	billing?: { email?: string | null };
	date_created_gmt?: string | null;
	date_modified_gmt?: string | null;
	date_paid_gmt?: string | null;
	line_items?: WooLineItem[];
	refunds?: Array<{ id?: number; reason?: string; total?: string }>;
	meta_data?: WooMeta[];
}

export class WooCommercePayloadError extends Error {}

/** Drafts of the Cart/Checkout Blocks are not orders (whether `status=any` returns them: UNCONFIRMED). */
export function isCheckoutDraft(raw: WooOrder): boolean {
	return raw.status === 'checkout-draft';
}

/**
 * `2026-03-01T09:30:00` (a `_gmt` field: UTC, no offset) → epoch ms. A value that carries an
 * offset or `Z` is read as written.
 */
export function parseGmt(text: string | null | undefined): number {
	if (typeof text !== 'string' || text.trim() === '') return NaN;
	const trimmed = text.trim();
	return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`);
}

/** An email as the customer key and for coupon restrictions: trimmed and lower-cased, nothing else changed. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * Registered customers keep WooCommerce's `customer_id`. A guest order (`customer_id` 0) is
 * keyed by its billing email (normalised: trimmed, lower-cased), `guest:jane@example.com`, so
 * a guest's repeat orders are one customer for RFM and Coupon Issue can restrict the coupon
 * to that email; a guest order without an email is `guest:<order id>` (one order, one
 * customer). Plus-addresses and dots are kept: WooCommerce compares coupon emails whole.
 */
export function customerIdOf(raw: WooOrder): string {
	if (Number(raw.customer_id ?? 0) > 0) return String(raw.customer_id);
	const email = typeof raw.billing?.email === 'string' ? normaliseEmail(raw.billing.email) : '';
	return email.includes('@') ? `guest:${email}` : `guest:${raw.id}`;
}

/** A stable short hash, for line SKUs that WooCommerce leaves empty. */
const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

function metaValue(meta: WooMeta[], name: string): string | undefined {
	// Core writes `_wc_order_attribution_*`; a key without the underscore is accepted too.
	const entry = meta.find((m) => m.key === `_wc_order_attribution_${name}` || m.key === `wc_order_attribution_${name}`);
	const value = entry?.value;
	return typeof value === 'string' && value.trim() !== '' && value !== '(none)' ? value.trim() : undefined;
}

/**
 * Channel from WooCommerce's Order Attribution meta (core since 8.5). The keys are
 * UNCONFIRMED (not read in WooCommerce's source here): `_wc_order_attribution_source_type`
 * (utm, organic, referral, typein, admin, mobile_app, unknown), `_utm_source`, `_utm_medium`,
 * `_utm_campaign`. A UTM visit is named by its utm_medium (email, cpc, social …); organic
 * search is `search`, a referral `referral`, a typed-in URL `direct`. linkCode is the
 * utm_campaign. No attribution meta: no channel.
 */
export function attributionOf(raw: WooOrder): { channel?: string; linkCode?: string } {
	const meta = Array.isArray(raw.meta_data) ? raw.meta_data : [];
	const sourceType = metaValue(meta, 'source_type')?.toLowerCase();
	const medium = metaValue(meta, 'utm_medium')?.toLowerCase();
	const campaign = metaValue(meta, 'utm_campaign');
	let channel: string | undefined;
	switch (sourceType) {
		case 'utm':
			channel = medium ?? 'utm';
			break;
		case 'organic':
			channel = 'search';
			break;
		case 'typein':
			channel = 'direct';
			break;
		case 'referral':
		case 'admin':
		case 'mobile_app':
			channel = sourceType;
			break;
		default:
			channel = medium;
	}
	return { ...(channel ? { channel } : {}), ...(campaign ? { linkCode: campaign } : {}) };
}

function modelStatusOf(raw: WooOrder): OrderStatus {
	const known = WOOCOMMERCE_STATUS[raw.status];
	if (known !== undefined) return known;
	return parseGmt(raw.date_paid_gmt) > 0 ? 'paid' : 'pending';
}

/**
 * A line: the SKU (a line without one is `product:<id>` or `variation:<id>`), the quantity and
 * the unit price the customer paid, (line total + line tax) ÷ quantity: after discounts, with
 * tax, like the order's amount. Lines with quantity 0 are left out (the model needs ≥ 1).
 */
function linesOf(raw: WooOrder): OrderLine[] {
	const lines: OrderLine[] = [];
	for (const item of raw.line_items ?? []) {
		const quantity = Number(item.quantity ?? 0);
		if (!Number.isInteger(quantity) || quantity < 1) continue;
		const sku =
			(typeof item.sku === 'string' && item.sku.trim()) ||
			(Number(item.variation_id ?? 0) > 0 ? `variation:${item.variation_id}` : Number(item.product_id ?? 0) > 0 ? `product:${item.product_id}` : `item:${shortHash(String(item.name ?? item.id))}`);
		const paidCents = Math.max(0, (decimalToCents(item.total ?? '0') || 0) + (decimalToCents(item.total_tax ?? '0') || 0));
		lines.push({ sku, quantity, unitPrice: centsToAmount(Math.round(paidCents / quantity)) });
	}
	return lines;
}

export function wooOrderToModel(raw: WooOrder, timeZone: string): ShopOrder {
	const formatIso = createZonedIsoFormatter(timeZone);
	if (raw === null || typeof raw !== 'object' || raw.id === undefined) throw new WooCommercePayloadError('an order without id');
	const orderId = String(raw.id);
	const createdMs = parseGmt(raw.date_created_gmt);
	// A never-modified order can carry no modification date: its creation is its last change.
	const modifiedMs = parseGmt(raw.date_modified_gmt);
	const updatedMs = Number.isFinite(modifiedMs) ? modifiedMs : createdMs;
	if (!Number.isFinite(createdMs)) throw new WooCommercePayloadError(`order ${orderId}: date_created_gmt "${String(raw.date_created_gmt)}" is not a date`);
	const amountCents = decimalToCents(raw.total ?? '');
	if (!Number.isFinite(amountCents) || amountCents < 0) throw new WooCommercePayloadError(`order ${orderId}: total "${String(raw.total)}" is not an amount`);
	const currency = String(raw.currency ?? '').trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) throw new WooCommercePayloadError(`order ${orderId}: currency "${String(raw.currency)}" is not an ISO 4217 code`);

	const refundsCents = (raw.refunds ?? []).reduce((sum, refund) => sum + Math.abs(decimalToCents(refund.total ?? '0') || 0), 0);
	let status = modelStatusOf(raw);
	let refundedCents = Math.min(amountCents, refundsCents);
	if (status === 'refunded') {
		// Marked refunded without refund records (set by hand): the whole order.
		refundedCents = refundsCents > 0 ? refundedCents : amountCents;
	} else if (refundsCents > 0 && (status === 'paid' || status === 'shipped' || status === 'completed')) {
		status = refundsCents >= amountCents ? 'refunded' : 'partially_refunded';
	}
	return {
		orderId,
		customerId: customerIdOf(raw),
		platform: 'woocommerce',
		createdAt: formatIso(createdMs),
		updatedAt: formatIso(updatedMs),
		status,
		platformOrderStatus: raw.status,
		currency,
		amount: centsToAmount(amountCents),
		refundedAmount: centsToAmount(refundedCents),
		lines: linesOf(raw),
		...attributionOf(raw),
	};
}
