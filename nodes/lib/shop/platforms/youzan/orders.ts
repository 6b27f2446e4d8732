/**
 * youzan.trades.sold.get 4.0.4 (POST /api/youzan.trades.sold.get/4.0.4, doc
 * https://doc.youzanyun.com/detail/content/API/0/3887): the request of one page of one
 * update-time window, and one `full_order_info` in the pack's order model.
 * Field names and meanings: waywake/youzan-sdk-ts src/api-types/youzan-trades-sold-get-v404.ts
 * ("Generated from Youzan API docs for youzan.trades.sold.get@4.0.4").
 */
import type { OrderStatus } from '../../../model';
import { createZonedIsoFormatter } from '../../../time';
import { centsToAmount, decimalToCents } from '../../money';
import type { ShopOrder } from '../../orderFeed';
import type { TimeWindow } from '../../windows';
import { formatWallClock, parseWallClock, YOUZAN_TIME_ZONE } from './wallClock';

export const TRADES_SOLD_GET = { api: 'youzan.trades.sold.get', version: '4.0.4' } as const;

/** "页码最大不能超过100"; "每页条数 … 最大不能超过100" (page_no / page_size field docs). */
export const MAX_PAGE_NO = 100;
export const MAX_PAGE_SIZE = 100;
/** What one window can serve at most: a fuller window is split (100 pages × 100 rows). */
export const MAX_ORDERS_PER_WINDOW = MAX_PAGE_NO * MAX_PAGE_SIZE;

/**
 * "开始时间和结束时间的跨度不能大于3个月" (start_update/end_update field docs). A calendar
 * month is not a fixed length and the docs do not say how Youzan counts it, so the
 * connector asks for 30 days at most: inside three months however they are counted.
 */
export const MAX_WINDOW_MS = 30 * 86_400_000;

/** "批量接口有一定延时 … 30 s" (CES, scene notes of the API): windows end 2 minutes behind now. */
export const SETTLE_MS = 2 * 60_000;

/**
 * The request body for one page of orders updated in `window`. Youzan compares whole
 * seconds and (presumably) includes both ends, so the start is rounded down and the end up:
 * an order on a window boundary may be read twice (merged by orderId), never missed.
 */
export function tradesSoldGetParams(window: TimeWindow, pageNo: number, timeZone = YOUZAN_TIME_ZONE): Record<string, unknown> {
	return {
		start_update: formatWallClock(Math.floor(window.start / 1000) * 1000, timeZone),
		end_update: formatWallClock(Math.ceil(window.end / 1000) * 1000, timeZone),
		page_no: pageNo,
		page_size: MAX_PAGE_SIZE,
	};
}

/**
 * order_info.status → the model (status field doc of 4.0.4):
 * WAIT_BUYER_PAY 等待买家付款; TRADE_PAID 已支付 (transient); WAIT_CONFIRM 待确认 (待成团、待接单,
 * paid); WAIT_SELLER_SEND_GOODS 等待卖家发货; WAIT_BUYER_CONFIRM_GOODS 卖家已发货;
 * TRADE_SUCCESS 订单成功; TRADE_CLOSED 交易关闭 (TRADE_CLOSE: a spelling in
 * youzan-sdk-ts src/types.ts, read the same).
 */
export const STATUS_TABLE: Record<string, OrderStatus> = {
	WAIT_BUYER_PAY: 'pending',
	TRADE_PAID: 'paid',
	WAIT_CONFIRM: 'paid',
	WAIT_SELLER_SEND_GOODS: 'paid',
	WAIT_BUYER_CONFIRM_GOODS: 'shipped',
	TRADE_SUCCESS: 'completed',
	TRADE_CLOSED: 'cancelled',
	TRADE_CLOSE: 'cancelled',
};

/**
 * refund_state (4.0.4 doc): 0 未退款, 2 部分退款成功, 12 全额退款成功; 1 部分退款中 and 11
 * 全额退款中 are transient ("建议重试查询直到出现0、2、12"), so they leave the status alone
 * until the refund is done.
 */
export function modelStatus(status: string, refundState: number, paid: boolean): OrderStatus {
	if (refundState === 12) return 'refunded';
	const base = STATUS_TABLE[status] ?? (paid ? 'paid' : 'pending');
	if (refundState === 2 && base !== 'pending') return 'partially_refunded';
	return base;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** WeChat Channels (视频号) entrances of channel_info.entrance (4.0.4 doc). */
const CHANNELS_ENTRANCES = new Set(['wx_video', 'wx_video_xd', 'wx_video_ad_ag']);

/** Where the order came from, in a word: channel_info first (视频号), then source_info. */
export function channelOf(fullOrder: Json): string | undefined {
	const entrance = text(obj(fullOrder.channel_info).entrance);
	if (CHANNELS_ENTRANCES.has(entrance)) return 'wechat_channels';
	const source = obj(fullOrder.source_info);
	if (source.is_offline_order === true) return 'offline';
	const platform = obj(source.source);
	const wxEntrance = text(platform.wx_entrance);
	if (wxEntrance === 'merchant_xcx') return 'wechat_mini_program';
	if (wxEntrance === 'wx_gzh') return 'wechat_official_account';
	return text(platform.platform) || undefined;
}

/**
 * The buyer: buyer_info.yz_open_id, Youzan's one open id of a person ("有赞对外统一openId"),
 * which youzan.ump.coupon.take can be given back. fans_id is deprecated ("已废弃，推荐使用
 * yz_open_id"); an order without yz_open_id (a cashier or offline order of a walk-in) gets
 * `guest:<tid>`, stable across runs and never merged with another buyer.
 */
export function customerIdOf(fullOrder: Json, tid: string): string {
	return text(obj(fullOrder.buyer_info).yz_open_id) || `guest:${tid}`;
}

/**
 * The SKU of an order line: outer_sku_id (规格编码, the merchant's SKU code in a 微商城), then
 * sku_no, then the item's own code (outer_item_id / item_no) for items without variants, then
 * Youzan's ids.
 */
export function lineSkuOf(line: Json): string {
	return (
		text(line.outer_sku_id) ||
		text(line.sku_no) ||
		text(line.outer_item_id) ||
		text(line.item_no) ||
		`${text(line.item_id)}:${text(line.sku_id) || '0'}`
	);
}

function wallClockToIso(value: unknown, field: string, tid: string, toIso: (ms: number) => string): string {
	const ms = parseWallClock(value);
	if (Number.isNaN(ms)) throw new Error(`Youzan order ${tid}: ${field} "${text(value)}" is not a time yyyy-MM-dd HH:mm:ss`);
	return toIso(ms);
}

/**
 * One entry of data.full_order_info_list — `{ full_order_info: {…} }` or the inner object —
 * in the model. Amounts are yuan as decimal text ("单位:元"), read exactly with
 * decimalToCents. amount = pay_info.payment ("最终支付价格 payment=orders.payment的总和",
 * after discounts, with postage).
 *
 * refundedAmount: 4.0.4 has no refund amount field. A full refund (refund_state 12) is the
 * whole payment; a partial one (2) is written as 0 — its amount needs the refund API
 * (youzan.trade.refund.get), which this connector does not call.
 */
export function toYouzanOrder(raw: unknown, timeZone: string): ShopOrder {
	const entry = obj(raw);
	const fullOrder = 'full_order_info' in entry ? obj(entry.full_order_info) : entry;
	const info = obj(fullOrder.order_info);
	const tid = text(info.tid);
	if (tid === '') throw new Error('Youzan order without order_info.tid');
	const toIso = createZonedIsoFormatter(timeZone);
	const createdAt = wallClockToIso(info.created, 'created', tid, toIso);
	const updatedAt = text(info.update_time) === '' ? createdAt : wallClockToIso(info.update_time, 'update_time', tid, toIso);

	const status = text(info.status);
	const refundState = Number(info.refund_state ?? 0) || 0;
	const paid = obj(info.order_tags).is_payed === true;
	const modelState = modelStatus(status, refundState, paid);

	const paymentCents = decimalToCents(obj(fullOrder.pay_info).payment ?? '0');
	if (Number.isNaN(paymentCents)) throw new Error(`Youzan order ${tid}: pay_info.payment is not an amount in yuan`);

	const lines = (Array.isArray(fullOrder.orders) ? fullOrder.orders : []).map(obj).flatMap((line) => {
		const quantity = Number(line.num);
		if (!Number.isInteger(quantity) || quantity <= 0) return [];
		// orders[].payment: "商品最终均摊价" — what the buyer paid for the line after every discount.
		const lineCents = decimalToCents(line.payment ?? line.total_fee ?? '0');
		return [{ sku: lineSkuOf(line), quantity, unitPrice: centsToAmount(Number.isNaN(lineCents) ? 0 : Math.round(lineCents / quantity)) }];
	});

	const channel = channelOf(fullOrder);
	return {
		orderId: tid,
		customerId: customerIdOf(fullOrder, tid),
		platform: 'youzan',
		createdAt,
		status: modelState,
		// Youzan shops sell in yuan (a 跨境 shop too settles in CNY).
		currency: 'CNY',
		amount: centsToAmount(paymentCents),
		refundedAmount: refundState === 12 ? centsToAmount(paymentCents) : 0,
		lines,
		...(channel ? { channel } : {}),
		updatedAt,
		platformOrderStatus: refundState === 0 ? status : `${status}/refund_state:${refundState}`,
	};
}
