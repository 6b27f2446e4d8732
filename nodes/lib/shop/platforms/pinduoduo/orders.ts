/**
 * pdd.order.number.list.increment.get (订单增量接口): the request for one page of one
 * update-time window, and one order of `order_sn_list` in the pack's order model.
 *
 * Rules (API description, identical in Cherrs/pdd-rs
 * `src/requests/pdd_order_number_list_increment_get.rs` and lywzx/pdd-node-sdk
 * `packages/pdd-origin-api/src/dingDan/PddOrderNumberListIncrementGet.ts`, both generated
 * from the official doc):
 * - "一次请求只能查询时间跨度为30分钟的增量交易记录，即end_updated_at - start_updated_at<= 30min";
 * - "只能获取到成交时间三个月以内的交易信息"; the order FAQ says "接口可查以往订单至多90天以内"
 *   (official doc 基础文档 → 订单查询 → 常见FAQ, as captured in a public doc mirror): 90 days;
 * - page "页码从 1 开始", page_size "默认 100。最大 100";
 * - "必须采用倒序的分页方式（从最后一页往回取）才能避免漏单问题"; the FAQ: results come
 *   "根据订单的更新时间倒序", first call use_has_next=false to learn the total, later calls
 *   use_has_next=true from the last page back;
 * - "结束时间不小于拼多多系统时间前3min": windows end at least 3 minutes before the platform's
 *   clock (SETTLE_MS adds a minute for a difference between our clock and theirs).
 *
 * Fields (lywzx/pdd-node-sdk and niltor/open-pdd-net-sdk
 * `src/PddOpenSdk/Models/Response/Order/GetOrderNumberListIncrementResponse.cs`): order_sn;
 * order_status 发货状态 1 待发货 2 已发货待签收 3 已签收; confirm_status 成交状态 0 未成交
 * 1 已成交 2 已取消; refund_status 1 无售后或售后关闭 2 售后处理中 3 退款中 4 退款成功;
 * pay_amount 支付金额（元）= 商品金额 − 折扣金额 + 邮费; created_time, confirm_time, updated_at
 * (text); item_list[] { goods_id, sku_id, outer_id 商家外部编码（sku）, goods_count,
 * goods_price 商品销售价格 (yuan) }.
 *
 * Status (model `status`), first rule that applies:
 *
 * | Pinduoduo | model |
 * |---|---|
 * | confirm_status 2 已取消 | cancelled |
 * | refund_status 4 退款成功 | refunded (refundedAmount = amount) |
 * | confirm_status 0 未成交 (e.g. 拼团中) | pending |
 * | order_status 1 待发货 | paid |
 * | order_status 2 已发货待签收 | shipped |
 * | order_status 3 已签收 | completed |
 * refund_status 2 售后处理中 and 3 退款中 keep the status until the refund succeeds. The feed
 * carries no refund amount: a refund that succeeded counts as the whole order (a partial
 * refund cannot be told apart here; pdd.refund.information.get would say).
 *
 * Buyer: Pinduoduo gives no buyer id to the open platform (no buyer field in the order; the
 * receiver's name, phone and address are encrypted or masked). Newer order payloads carry
 * `open_address_id` "合单ID" — the same for orders that can ship together to one receiver
 * (doc of pdd.cloud.dts.order.information.get; ERPs use it as the PDD buyer key, e.g. as
 * buyer_open_uid). customerId = `pdd-addr:<open_address_id>` where the order has one, else
 * `pdd-order:<order_sn>` (one customer per order: no repeat buyers for RFM). UNCONFIRMED
 * whether open_address_id stays the same over months; it joins different buyers at one
 * address and splits one buyer's orders to different addresses.
 */
import type { OrderLine, OrderStatus } from '../../../model';
import { createTimestampParser, createZonedIsoFormatter } from '../../../time';
import { centsToAmount, decimalToCents } from '../../money';
import type { ShopOrder } from '../../orderFeed';
import type { TimeWindow } from '../../windows';

export const ORDER_INCREMENT_GET = 'pdd.order.number.list.increment.get';
export const MAX_WINDOW_MS = 30 * 60_000;
export const MAX_AGE_DAYS = 90;
export const ORDER_PAGE_SIZE = 100;
/** 3 minutes ("结束时间不小于拼多多系统时间前3min") plus 1 minute for clock difference. */
export const SETTLE_MS = 4 * 60_000;
/** Pinduoduo writes its times as Beijing wall-clock text (no daylight saving). */
export const PDD_TIME_ZONE = 'Asia/Shanghai';

/** order_status 5, refund_status 5, is_lucky_flag 0: every order (field docs: 5-全部, 0-全部). */
export function incrementParams(window: TimeWindow, page: number, useHasNext: boolean): Record<string, unknown> {
	return {
		// Whole seconds; both ends may be inclusive (not documented): a boundary second is read
		// by both windows and merged by orderId, never skipped. Flooring both keeps every
		// request within the 30 minutes.
		start_updated_at: Math.floor(window.start / 1000),
		end_updated_at: Math.floor(window.end / 1000),
		is_lucky_flag: 0,
		order_status: 5,
		refund_status: 5,
		page,
		page_size: ORDER_PAGE_SIZE,
		use_has_next: useHasNext,
	};
}

export interface PddItem {
	goods_id?: string | number;
	sku_id?: string | number;
	outer_id?: string;
	outer_goods_id?: string;
	goods_count?: number | string;
	goods_price?: number | string;
	goods_name?: string;
}

export interface PddOrder {
	order_sn: string;
	order_status: number | string;
	confirm_status?: number | string;
	refund_status?: number | string;
	pay_amount: number | string;
	goods_amount?: number | string;
	discount_amount?: number | string;
	created_time: string;
	confirm_time?: string;
	updated_at: string;
	open_address_id?: string;
	item_list?: PddItem[];
	[field: string]: unknown;
}

export class PddPayloadError extends Error {}

const ORDER_STATUS_TEXT: Record<string, string> = { '1': '待发货', '2': '已发货待签收', '3': '已签收' };
const CONFIRM_STATUS_TEXT: Record<string, string> = { '0': '未成交', '1': '已成交', '2': '已取消' };
const REFUND_STATUS_TEXT: Record<string, string> = { '1': '无售后或售后关闭', '2': '售后处理中', '3': '退款中', '4': '退款成功' };
const SHIPPING_STATUS: Record<string, OrderStatus> = { '1': 'paid', '2': 'shipped', '3': 'completed' };

export const REFUND_SUCCEEDED = '4';

/** The model status of an order (table above). */
export function pddStatusOf(order: Pick<PddOrder, 'order_status' | 'confirm_status' | 'refund_status'>): OrderStatus | undefined {
	const confirm = String(order.confirm_status ?? '1');
	if (confirm === '2') return 'cancelled';
	if (String(order.refund_status ?? '1') === REFUND_SUCCEEDED) return 'refunded';
	if (confirm === '0') return 'pending';
	return SHIPPING_STATUS[String(order.order_status)];
}

const parseBeijing = createTimestampParser(PDD_TIME_ZONE);

/** "2026-03-01 09:30:00" (Beijing) → epoch ms; Unix seconds (a number) read too; NaN otherwise. */
export function parsePddTime(value: unknown): number {
	if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : NaN;
	if (typeof value !== 'string' || value.trim() === '') return NaN;
	const text = value.trim();
	if (/^\d{10}$/.test(text)) return Number(text) * 1000;
	return parseBeijing(text);
}

/** Epoch ms → "2026-03-01 09:30:00" in Beijing time (the fake and tests write orders so). */
export function formatPddTime(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function pddCustomerIdOf(order: Pick<PddOrder, 'order_sn' | 'open_address_id'>): string {
	const key = typeof order.open_address_id === 'string' ? order.open_address_id.trim() : '';
	return key ? `pdd-addr:${key}` : `pdd-order:${order.order_sn}`;
}

function skuOf(item: PddItem): string {
	const code = String(item.outer_id ?? '').trim();
	if (code) return code;
	if (item.goods_id !== undefined && item.sku_id !== undefined) return `${String(item.goods_id)}:${String(item.sku_id)}`;
	return 'unknown';
}

export function pddOrderToModel(raw: PddOrder, timeZone: string): ShopOrder {
	const orderId = String(raw.order_sn ?? '').trim();
	if (orderId === '') throw new PddPayloadError('an order without order_sn');
	const status = pddStatusOf(raw);
	if (status === undefined) throw new PddPayloadError(`order ${orderId}: unknown order_status ${String(raw.order_status)}`);
	const created = parsePddTime(raw.created_time ?? raw.confirm_time);
	const updated = parsePddTime(raw.updated_at);
	if (Number.isNaN(created) || Number.isNaN(updated)) {
		throw new PddPayloadError(`order ${orderId}: created_time/updated_at are not "yyyy-MM-dd HH:mm:ss" times`);
	}
	const amountCents = decimalToCents(raw.pay_amount);
	if (Number.isNaN(amountCents) || amountCents < 0) throw new PddPayloadError(`order ${orderId}: pay_amount ${String(raw.pay_amount)} is not an amount in yuan`);
	const lines: OrderLine[] = (raw.item_list ?? []).map((item) => ({
		sku: skuOf(item),
		quantity: Math.max(1, Math.trunc(Number(item.goods_count ?? 1)) || 1),
		unitPrice: centsToAmount(Math.max(0, decimalToCents(item.goods_price ?? 0) || 0)),
	}));
	const refunded = String(raw.refund_status ?? '1') === REFUND_SUCCEEDED;
	const formatIso = createZonedIsoFormatter(timeZone);
	const confirm = String(raw.confirm_status ?? '');
	const refund = String(raw.refund_status ?? '');
	const statusText = [
		`${String(raw.order_status)} ${ORDER_STATUS_TEXT[String(raw.order_status)] ?? ''}`.trim(),
		confirm ? CONFIRM_STATUS_TEXT[confirm] ?? `confirm_status ${confirm}` : '',
		refund && refund !== '1' ? REFUND_STATUS_TEXT[refund] ?? `refund_status ${refund}` : '',
	].filter(Boolean);
	return {
		orderId,
		customerId: pddCustomerIdOf(raw),
		platform: 'pinduoduo',
		createdAt: formatIso(created),
		updatedAt: formatIso(updated),
		status,
		platformOrderStatus: statusText.join(' / '),
		currency: 'CNY',
		amount: centsToAmount(amountCents),
		refundedAmount: refunded ? centsToAmount(amountCents) : 0,
		lines,
	};
}
