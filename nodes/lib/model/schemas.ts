/**
 * The canonical commerce data model: every node reads and writes these shapes.
 * Defined once with zod; the TypeScript types below are `z.infer` of the schemas, never
 * written twice. Platform connectors map their payloads into these shapes; calculation
 * nodes read them, optionally through a field mapping (see fieldMapping.ts).
 */
import { z } from 'zod';

import { parseDayNumber } from '../time/dayNumber';
import { MAX_ID_LENGTH } from './coercion';

/** Platforms the pack knows by name; any other string is accepted as a platform too. */
export const KNOWN_PLATFORMS = [
	'douyin',
	'xiaohongshu',
	'pinduoduo',
	'taobao',
	'tmall',
	'youzan',
	'shopify',
	'woocommerce',
] as const;

export const ORDER_STATUSES = [
	'pending',
	'paid',
	'shipped',
	'completed',
	'cancelled',
	'refunded',
	'partially_refunded',
] as const;

/** ISO-8601 timestamp that carries its UTC offset, e.g. 2026-03-01T09:30:00+08:00. */
export const isoDateTimeWithOffset = z
	.string()
	.datetime({ offset: true, message: 'an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+08:00' })
	// zod checks the shape only: 2026-04-31T10:00:00Z has it, and Date.parse rolls it into May.
	.refine(
		(text) => !Number.isNaN(parseDayNumber(text.slice(0, 10))),
		'an ISO-8601 date-time on a day that exists, e.g. 2026-03-01T09:30:00+08:00',
	);

/** Calendar date YYYY-MM-DD (a day in the shop's time zone, no offset). */
export const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date YYYY-MM-DD, e.g. 2026-03-01')
	// The shape alone lets 2026-02-30 through; a day that does not exist is not a date.
	.refine((text) => !Number.isNaN(parseDayNumber(text)), 'a calendar date YYYY-MM-DD that exists, e.g. 2026-03-01');

const nonEmptyId = z.string().trim().min(1, 'a non-empty id').max(MAX_ID_LENGTH, `an id of at most ${MAX_ID_LENGTH} characters`);
const money = z.number({ invalid_type_error: 'a number' }).finite().nonnegative('a number ≥ 0');
const count = z.number({ invalid_type_error: 'a number' }).int('a whole number').nonnegative('a whole number ≥ 0');

export const orderStatusSchema = z.enum(ORDER_STATUSES);

export const orderLineSchema = z.object({
	sku: nonEmptyId,
	quantity: z.number().int().positive('a whole number ≥ 1'),
	unitPrice: money,
	/** Product category of the SKU, e.g. skincare (Tag Matrix's category affinity reads it). */
	category: z.string().optional(),
});

export const orderSchema = z.object({
	orderId: nonEmptyId,
	customerId: nonEmptyId,
	platform: nonEmptyId,
	createdAt: isoDateTimeWithOffset,
	status: orderStatusSchema,
	/** ISO-4217 code, e.g. CNY. */
	currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter currency code, e.g. CNY'),
	/** Amount the customer paid for the order (goods after discounts, incl. shipping). */
	amount: money,
	/** Part of `amount` refunded so far (status partially_refunded or refunded). */
	refundedAmount: money.default(0),
	lines: z.array(orderLineSchema).default([]),
	/** Traffic channel the order came from, e.g. live, short_video, search, private_domain. */
	channel: z.string().optional(),
	/** Tracked short-link or UTM code that led to the order. */
	linkCode: z.string().optional(),
	/** Where the order ships: the province (or a region), e.g. 浙江. */
	region: z.string().optional(),
	/** Code of the coupon used on the order, if any (Tag Matrix's coupon sensitivity reads it). */
	couponCode: z.string().optional(),
	/** Coupon discount: Σ quantity × unitPrice − discount = amount (lines show prices before the coupon). */
	discount: money.optional(),
	/** When the platform last changed the order (shop connectors set it; an order store upserts by orderId and keeps the latest). */
	updatedAt: isoDateTimeWithOffset.optional(),
});

export const customerSchema = z.object({
	customerId: nonEmptyId,
	/** The customer's id on each platform, e.g. { douyin: 'dy_123', youzan: 'yz_9' }. */
	platformIds: z.record(z.string()).default({}),
	name: z.string().optional(),
	/** Birthday as YYYY-MM-DD, or --MM-DD when the year is unknown (ISO-8601). */
	birthday: z
		.string()
		.regex(/^(\d{4}|--)-?\d{2}-\d{2}$/, 'a birthday YYYY-MM-DD or --MM-DD')
		.optional(),
	memberSince: isoDate.optional(),
	/** Where the customer lives: the province (or a region) orders ship to, e.g. 浙江. */
	region: z.string().optional(),
	tags: z.array(z.string()).optional(),
});

export const inventoryPositionSchema = z.object({
	sku: nonEmptyId,
	warehouse: nonEmptyId,
	/** Units physically on hand; negative when oversold. */
	onHand: z.number().int('a whole number'),
	onOrder: count,
	reserved: count,
	leadTimeDays: z.number().finite().nonnegative('a number of days ≥ 0'),
	leadTimeStdDays: z.number().finite().nonnegative('a number of days ≥ 0').default(0),
	/** Minimum order quantity of the supplier. */
	moq: count.default(0),
	packSize: z.number().int().positive('a whole number ≥ 1').default(1),
	unitCost: money.default(0),
});

export const dailySalesSchema = z.object({
	date: isoDate,
	sku: nonEmptyId,
	warehouse: nonEmptyId,
	units: count,
	/** False on a sold-out day: such a day says nothing about demand. */
	inStock: z.boolean(),
});

/** One day of a position's sales: a DailySales row without the sku and warehouse it belongs to. */
export const salesDaySchema = dailySalesSchema.omit({ sku: true, warehouse: true });

/**
 * A position's daily sales as one record, its days as a list: what an SQL `json_agg`, a BI
 * export or a Code node grouping rows gives. The same facts as one DailySales row per day, in a
 * shape n8n passes far more cheaply: n8n-core copies every input item before a node runs, and
 * 50,000 positions × 90 days are 4.5 million items as rows but 50,000 as lists (docs/scale.md).
 */
export const positionSalesSchema = z.object({
	sku: nonEmptyId,
	warehouse: nonEmptyId,
	days: z.array(salesDaySchema),
});

/** Content pillars of the 60/30/10 short-video mix (干货 / 场景 / 促销). */
export const CONTENT_CATEGORIES = ['knowledge', 'scenario', 'promotion'] as const;

export const contentPostSchema = z.object({
	postId: nonEmptyId,
	platform: nonEmptyId,
	publishedAt: isoDateTimeWithOffset,
	category: z.string().optional(),
	title: z.string(),
	views: count,
	clicks: count,
	linkCode: z.string().optional(),
	/** The post's landing page (the product it shows): what Short Link → Create shortens. */
	url: z.string().url().optional(),
});

/**
 * Visitors per day and traffic channel, as the platforms' traffic reports give them (生意参谋,
 * 抖店罗盘, 小红书 ark 数据): unique visitors (UV) and, where reported, sessions. `channel` uses
 * the same names as Order.channel, so orders and traffic can be put side by side.
 */
export const trafficRecordSchema = z.object({
	date: isoDate,
	channel: nonEmptyId,
	platform: z.string().optional(),
	visitors: count,
	sessions: count.optional(),
});

export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
export type Order = z.infer<typeof orderSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type InventoryPosition = z.infer<typeof inventoryPositionSchema>;
export type DailySales = z.infer<typeof dailySalesSchema>;
export type SalesDay = z.infer<typeof salesDaySchema>;
export type PositionSales = z.infer<typeof positionSalesSchema>;
export type ContentPost = z.infer<typeof contentPostSchema>;
export type TrafficRecord = z.infer<typeof trafficRecordSchema>;

export const DATASET_SCHEMAS = {
	orders: orderSchema,
	customers: customerSchema,
	inventory: inventoryPositionSchema,
	dailySales: dailySalesSchema,
	contentPosts: contentPostSchema,
	traffic: trafficRecordSchema,
} as const;

export type DatasetName = keyof typeof DATASET_SCHEMAS;
