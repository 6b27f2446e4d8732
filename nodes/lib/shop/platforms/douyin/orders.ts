/**
 * Douyin Shop orders (order.searchList `shop_order_list[]`) in the pack's commerce model.
 * Field meanings: official Go SDK zsmhub/doudian-sdk `api/order_searchList/response`
 * (the generated comments of the doc). Amounts are integer fen; times Unix seconds.
 *
 * | order_status | 抖店 | model |
 * |---|---|---|
 * | 1 | 待确认/待支付 | pending |
 * | 105 | 已支付 | paid |
 * | 2 | 备货中 (待发货) | paid |
 * | 101 | 部分发货 | shipped |
 * | 3 | 已发货 | shipped |
 * | 4 | 已取消 | cancelled |
 * | 5 | 已完成 (已收货) | completed |
 *
 * Refunds: a line whose after-sale refund succeeded (`after_sale_info.refund_status` 3 退款成功)
 * is refunded at its `pay_amount`; some lines refunded → partially_refunded, all → refunded
 * (the list carries no refund amount per order; a partial refund of one line is counted as
 * the whole line — the nearest the order list allows, noted in the README).
 */
import type { OrderLine, OrderStatus } from '../../../model';
import { createZonedIsoFormatter } from '../../../time';
import { centsToAmount } from '../../money';
import type { ShopOrder } from '../../orderFeed';

export const DOUYIN_STATUS: Record<string, OrderStatus> = {
	'1': 'pending',
	'105': 'paid',
	'2': 'paid',
	'101': 'shipped',
	'3': 'shipped',
	'4': 'cancelled',
	'5': 'completed',
};

interface DouyinSkuOrder {
	code?: string;
	out_sku_id?: string;
	sku_id?: string | number;
	item_num?: number;
	origin_amount?: number;
	pay_amount?: number;
	theme_type?: string | number;
	room_id?: string | number;
	video_id?: string;
	ad_env_type?: string;
	after_sale_info?: { refund_status?: number; after_sale_status?: number };
}

export interface DouyinShopOrder {
	order_id: string | number;
	order_status: number | string;
	order_status_desc?: string;
	create_time: number;
	update_time: number;
	pay_amount: number;
	doudian_open_id?: string;
	sku_order_list?: DouyinSkuOrder[];
}

const REFUND_SUCCEEDED = 3;

export class DouyinPayloadError extends Error {}

/** live / short_video from the line's traffic fields (theme_type 1 = 直播间, room_id, ad_env_type, video_id). */
function channelOf(lines: DouyinSkuOrder[]): string | undefined {
	const live = lines.some((l) => String(l.theme_type ?? '') === '1' || (l.room_id !== undefined && String(l.room_id) !== '0' && String(l.room_id) !== '') || l.ad_env_type === 'live');
	if (live) return 'live';
	const video = lines.some((l) => (l.video_id !== undefined && l.video_id !== '' && l.video_id !== '0') || l.ad_env_type === 'video');
	return video ? 'short_video' : undefined;
}

export function douyinOrderToModel(raw: DouyinShopOrder, timeZone: string): ShopOrder {
	const formatIso = createZonedIsoFormatter(timeZone);
	const orderId = String(raw.order_id ?? '');
	if (orderId === '') throw new DouyinPayloadError('an order without order_id');
	const status = DOUYIN_STATUS[String(raw.order_status)];
	if (status === undefined) throw new DouyinPayloadError(`order ${orderId}: unknown order_status ${String(raw.order_status)}`);
	if (!Number.isFinite(raw.create_time) || !Number.isFinite(raw.update_time)) {
		throw new DouyinPayloadError(`order ${orderId}: create_time/update_time are not Unix seconds`);
	}
	const skuOrders = raw.sku_order_list ?? [];
	const lines: OrderLine[] = skuOrders.map((line) => ({
		sku: String(line.code || line.out_sku_id || line.sku_id || 'unknown'),
		quantity: Math.max(1, Number(line.item_num ?? 1)),
		unitPrice: centsToAmount(Number(line.origin_amount ?? 0)),
	}));
	const refundedLines = skuOrders.filter((line) => line.after_sale_info?.refund_status === REFUND_SUCCEEDED);
	const amountCents = Number(raw.pay_amount ?? 0);
	const refundedCents = Math.min(
		amountCents,
		refundedLines.reduce((sum, line) => sum + Number(line.pay_amount ?? 0), 0),
	);
	let modelStatus = status;
	if (status !== 'cancelled' && refundedLines.length > 0) {
		modelStatus = refundedLines.length === skuOrders.length || refundedCents >= amountCents ? 'refunded' : 'partially_refunded';
	}
	const channel = channelOf(skuOrders);
	return {
		orderId,
		// doudian_open_id is the buyer key (open_id is a mini-program id, not the buyer).
		customerId: raw.doudian_open_id ? String(raw.doudian_open_id) : `douyin-order:${orderId}`,
		platform: 'douyin',
		createdAt: formatIso(raw.create_time * 1000),
		updatedAt: formatIso(raw.update_time * 1000),
		status: modelStatus,
		platformOrderStatus: raw.order_status_desc ? `${raw.order_status} ${raw.order_status_desc}` : String(raw.order_status),
		currency: 'CNY',
		amount: centsToAmount(amountCents),
		refundedAmount: centsToAmount(refundedCents),
		lines,
		...(channel ? { channel } : {}),
	};
}
