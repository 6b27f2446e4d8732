/**
 * Taobao / Tmall trades (taobao.trades.sold.increment.get) in the pack's commerce model, and
 * the feed's request parameters.
 *
 * The feed (bububa/opentaobao `model/trade/TaobaoTradesSoldIncrementGetAPIRequest.go` and
 * `…APIResponse.go`, the generated copies of the API doc):
 * - start_modified / end_modified `yyyy-MM-dd HH:mm:ss`, "修改时间跨度不能大于一天" (a window of at
 *   most one day; 30 minutes advised for speed), only trades of the last three months;
 * - page_no from 1, page_size 1–100 (default 40, "建议使用40~50"), answer total_results and
 *   trades.trade[]; use_has_next=true drops total_results, so it is not used (reading back
 *   to front needs the total);
 * - sorted by modified time, newest first, and "必须采用倒序的分页方式（从最后一页往回取）才能避免漏单":
 *   read from the last page back (nodes/lib/shop/paging.ts; the same reasoning holds for a
 *   descending sort: an order updated during the read leaves the window and the ones behind
 *   it move onto pages still to be read);
 * - without `type`, only the default trade types (guarantee_trade, auto_delivery, ec, cod,
 *   step) are returned.
 * Whether the two bounds are inclusive is not documented: both are sent in whole seconds and
 * windows meet on one second, so an order on the boundary is read twice and merged, never lost.
 *
 * Trade and order fields: bububa/opentaobao `model/trade/Trade.go`, `model/trade/Order.go`.
 * Money is yuan text ("200.07"); times are `yyyy-MM-dd HH:mm:ss` GMT+8; tid is a 64-bit id
 * (kept as its digits; `tid_str` is the same id as text).
 *
 * | Trade status | 淘宝 | model |
 * |---|---|---|
 * | TRADE_NO_CREATE_PAY, WAIT_BUYER_PAY, PAY_PENDING, WAIT_PRE_AUTH_CONFIRM | 待付款 / 付款确认中 / 0元购合约中 | pending |
 * | WAIT_SELLER_SEND_GOODS, PAID_FORBID_CONSIGN | 已付款待发货 / 拼团中禁止发货 | paid |
 * | SELLER_CONSIGNED_PART, WAIT_BUYER_CONFIRM_GOODS, TRADE_BUYER_SIGNED | 部分发货 / 已发货 / 已签收 (货到付款) | shipped |
 * | TRADE_FINISHED | 交易成功 | completed |
 * | TRADE_CLOSED | 付款以后用户退款成功，交易自动关闭 | refunded |
 * | TRADE_CLOSED_BY_TAOBAO | 付款以前，卖家或买家主动关闭交易 | cancelled |
 *
 * Refunds: a line (order) whose refund_status is SUCCESS (退款成功) is refunded at its
 * `payment`; some lines refunded → partially_refunded, all → refunded. TRADE_CLOSED (closed
 * after a full refund) is refunded at the whole payment.
 */
import type { OrderLine, OrderStatus } from '../../../model';
import { createZonedIsoFormatter } from '../../../time';
import { centsToAmount, decimalToCents } from '../../money';
import type { ShopOrder } from '../../orderFeed';
import type { TimeWindow } from '../../windows';
import { listOf } from './envelope';
import { parseTopTime, topTime } from './signing';

export const TRADES_SOLD_INCREMENT_GET = 'taobao.trades.sold.increment.get';
export const MAX_WINDOW_MS = 86_400_000;
/** "只能获取到三个月以内的交易信息": 90 days, the shortest three months. */
export const MAX_AGE_DAYS = 90;
/** 1–100; the doc advises 40–50 "to raise the success rate and cut time-outs". */
export const TRADES_PAGE_SIZE = 50;
export const MAX_TRADES_PAGE_SIZE = 100;
/** Windows end this far behind now: TOP indexes changes with a delay (not published: defensive). */
export const SETTLE_MS = 3 * 60_000;

/** buyer_open_uid is returned only when buyer_nick is asked for (Trade.go). */
export const TRADE_FIELDS = 'tid,tid_str,type,status,payment,post_fee,created,modified,buyer_nick,buyer_open_uid,trade_from,orders';

export type TaobaoPlatform = 'taobao' | 'tmall';

export const TAOBAO_STATUS: Record<string, OrderStatus> = {
	TRADE_NO_CREATE_PAY: 'pending',
	WAIT_BUYER_PAY: 'pending',
	PAY_PENDING: 'pending',
	WAIT_PRE_AUTH_CONFIRM: 'pending',
	WAIT_SELLER_SEND_GOODS: 'paid',
	PAID_FORBID_CONSIGN: 'paid',
	SELLER_CONSIGNED_PART: 'shipped',
	WAIT_BUYER_CONFIRM_GOODS: 'shipped',
	TRADE_BUYER_SIGNED: 'shipped',
	TRADE_FINISHED: 'completed',
	TRADE_CLOSED: 'refunded',
	TRADE_CLOSED_BY_TAOBAO: 'cancelled',
};

const REFUND_SUCCEEDED = 'SUCCESS';

/** The increment feed's parameters for one window and one page (page_no from 1). */
export function soldIncrementParams(window: TimeWindow, pageNo: number, pageSize = TRADES_PAGE_SIZE): Record<string, string | number> {
	const startS = Math.floor(window.start / 1000);
	// TOP wants the end after the start: a window inside one second is asked as that second.
	const endS = Math.max(Math.floor(window.end / 1000), startS + 1);
	return {
		fields: TRADE_FIELDS,
		start_modified: topTime(startS * 1000),
		end_modified: topTime(endS * 1000),
		page_no: pageNo,
		page_size: pageSize,
	};
}

/** One page of the feed: the trades and the total the platform counts now. */
export function tradesPageOf(data: unknown): { trades: Array<Record<string, unknown>>; total: number } {
	const answer = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
	return { trades: listOf(answer.trades, 'trade'), total: Number(answer.total_results ?? 0) || 0 };
}

export class TaobaoPayloadError extends Error {}

type Json = Record<string, unknown>;
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** The trade's id with every digit: tid_str, else tid (text after parseJsonKeepingBigIntegers). */
export function tradeIdOf(raw: Json): string {
	return text(raw.tid_str) || text(raw.tid);
}

/**
 * The buyer: buyer_open_uid (stable per app), else the nick (`nick:<buyer_nick>`) when it is
 * not masked (TOP masks nicks for many apps, e.g. `t**1`, which would merge buyers), else one
 * customer per trade (`taobao-order:<tid>`).
 */
export function customerIdOf(raw: Json, tid: string): string {
	const openUid = text(raw.buyer_open_uid);
	if (openUid) return openUid;
	const nick = text(raw.buyer_nick);
	if (nick && !nick.includes('*')) return `nick:${nick}`;
	return `taobao-order:${tid}`;
}

function lineOf(line: Json): OrderLine {
	const quantity = Math.max(1, Math.floor(Number(line.num ?? 1)) || 1);
	const paid = decimalToCents(line.payment ?? line.total_fee ?? line.price ?? '0');
	const sku = text(line.outer_sku_id) || text(line.outer_iid) || (text(line.sku_id) ? `sku:${text(line.sku_id)}` : '') || `item:${text(line.num_iid) || 'unknown'}`;
	return { sku, quantity, unitPrice: Number.isFinite(paid) ? centsToAmount(Math.round(paid / quantity)) : 0 };
}

export function taobaoTradeToModel(raw: Json, timeZone: string, platform: TaobaoPlatform = 'taobao'): ShopOrder {
	const formatIso = createZonedIsoFormatter(timeZone);
	const orderId = tradeIdOf(raw);
	if (orderId === '') throw new TaobaoPayloadError('a trade without tid');
	const status = String(raw.status ?? '');
	const mapped = TAOBAO_STATUS[status];
	if (mapped === undefined) throw new TaobaoPayloadError(`trade ${orderId}: unknown status ${status || '(none)'}`);
	const created = parseTopTime(raw.created);
	const modified = parseTopTime(raw.modified);
	if (Number.isNaN(created) || Number.isNaN(modified)) {
		throw new TaobaoPayloadError(`trade ${orderId}: created/modified are not "yyyy-MM-dd HH:mm:ss" times`);
	}
	const amountCents = decimalToCents(raw.payment ?? '0');
	if (!Number.isFinite(amountCents) || amountCents < 0) throw new TaobaoPayloadError(`trade ${orderId}: payment "${text(raw.payment)}" is not an amount in yuan`);
	const orders = listOf(raw.orders, 'order');
	const refundedLines = orders.filter((line) => text(line.refund_status) === REFUND_SUCCEEDED);
	let refundedCents = Math.min(
		amountCents,
		refundedLines.reduce((sum, line) => sum + (decimalToCents(line.payment ?? '0') || 0), 0),
	);
	let modelStatus = mapped;
	if (mapped === 'refunded') {
		refundedCents = amountCents;
	} else if (mapped !== 'cancelled' && mapped !== 'pending' && refundedLines.length > 0) {
		modelStatus = refundedLines.length === orders.length || refundedCents >= amountCents ? 'refunded' : 'partially_refunded';
	}
	const channel = text(raw.trade_from).split(',')[0].toLowerCase();
	return {
		orderId,
		customerId: customerIdOf(raw, orderId),
		platform,
		createdAt: formatIso(created),
		updatedAt: formatIso(modified),
		status: modelStatus,
		platformOrderStatus: status,
		currency: 'CNY',
		amount: centsToAmount(amountCents),
		refundedAmount: modelStatus === 'refunded' || modelStatus === 'partially_refunded' ? centsToAmount(refundedCents) : 0,
		lines: orders.map(lineOf),
		...(channel ? { channel } : {}),
	};
}
