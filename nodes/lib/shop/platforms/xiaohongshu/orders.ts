/**
 * Xiaohongshu orders (`order.getOrderDetail` data) in the pack's commerce model. Field meanings:
 * official API spec "order.getOrderDetail 订单详情" (copied in AndersonBY/xiaohongshu-ecommerce-python-sdk
 * `docs/小红书官方文档/api/订单API/order_getOrderDetail_订单详情.json`; the same fields in zsmhub/xhs-sdk
 * `api/订单API-订单详情.go`). Amounts are integer fen (分), times epoch milliseconds.
 *
 * | orderStatus | 小红书 | model |
 * |---|---|---|
 * | 1 | 已下单待付款 | pending |
 * | 2 | 已支付处理中 | paid |
 * | 3 | 清关中 (cross-border customs) | paid |
 * | 4 | 待发货 | paid |
 * | 5 | 部分发货 | shipped |
 * | 6 | 待收货 | shipped |
 * | 7 | 已完成 | completed |
 * | 8 | 已关闭 | cancelled |
 * | 9 | 已取消 | cancelled |
 * | 10 | 换货申请中 (exchange requested: delivered, nothing refunded) | shipped |
 *
 * Refunds: a line (`skuList[]`, "相同sku聚合 金额为价格总和") whose `skuAfterSaleStatus` is 3
 * (售后完成) is counted refunded at its `totalPaidAmount`; some lines → partially_refunded, all →
 * refunded (also for 8 已关闭: a paid order closed after its refund). Not for 1 and 9 (nothing
 * paid, or cancelled before shipping). The detail gives no refund amount and no after-sale type,
 * so an exchange completed through after-sales is counted as a refund of the line
 * (UNCONFIRMED semantics; the nearest the detail allows, said in the docs).
 */
import type { OrderLine, OrderStatus } from '../../../model';
import { createZonedIsoFormatter } from '../../../time';
import { centsToAmount } from '../../money';
import type { ShopOrder } from '../../orderFeed';

export const XHS_STATUS: Record<string, { status: OrderStatus; name: string }> = {
	'1': { status: 'pending', name: '已下单待付款' },
	'2': { status: 'paid', name: '已支付处理中' },
	'3': { status: 'paid', name: '清关中' },
	'4': { status: 'paid', name: '待发货' },
	'5': { status: 'shipped', name: '部分发货' },
	'6': { status: 'shipped', name: '待收货' },
	'7': { status: 'completed', name: '已完成' },
	'8': { status: 'cancelled', name: '已关闭' },
	'9': { status: 'cancelled', name: '已取消' },
	'10': { status: 'shipped', name: '换货申请中' },
};

/** skuAfterSaleStatus 3 售后完成. */
const AFTER_SALE_DONE = 3;
/** Statuses a completed after-sale does not turn into a refund: unpaid, cancelled before shipping. */
const NO_REFUND_OVERRIDE = new Set(['1', '9']);

export interface XhsSkuDetail {
	skuId?: string;
	erpCode?: string;
	quantity?: number;
}

export interface XhsOrderSku {
	skuId?: string;
	skuName?: string;
	/** 商家编码 (the merchant's SKU code); absent on bundles, whose parts carry it in skuDetailList. */
	erpcode?: string;
	skuQuantity?: number;
	/** Paid for all units of the line, fen. */
	totalPaidAmount?: number;
	skuAfterSaleStatus?: number;
	skuDetailList?: XhsSkuDetail[];
	/** 达人 id: set when bought in a creator's live room or from their product list. */
	kolId?: string;
	[field: string]: unknown;
}

export interface XhsOrderDetail {
	orderId: string;
	orderStatus: number | string;
	orderAfterSalesStatus?: number;
	createdTime: number;
	updateTime: number;
	/** 订单实付金额 (包含运费和定金), fen. */
	totalPayAmount?: number;
	skuList?: XhsOrderSku[];
	userId?: string;
	[field: string]: unknown;
}

export class XiaohongshuPayloadError extends Error {}

/** Epoch ms of a time field; the detail sends ms, a value that can only be seconds is read as seconds. */
export function xhsTimeMs(value: unknown): number {
	const number = Number(value);
	if (value === null || value === undefined || value === '' || !Number.isFinite(number) || number <= 0) return NaN;
	return number < 1e11 ? number * 1000 : number;
}

/** The merchant's code of a line: its 商家编码, a bundle's single part's code, else the skuId. */
function skuCodeOf(line: XhsOrderSku): string {
	if (line.erpcode) return String(line.erpcode);
	const parts = line.skuDetailList ?? [];
	if (parts.length === 1 && parts[0].erpCode) return String(parts[0].erpCode);
	return String(line.skuId || 'unknown');
}

export function xiaohongshuOrderToModel(raw: XhsOrderDetail, timeZone: string): ShopOrder {
	const formatIso = createZonedIsoFormatter(timeZone);
	const orderId = String(raw.orderId ?? '');
	if (orderId === '') throw new XiaohongshuPayloadError('an order without orderId');
	const statusCode = String(raw.orderStatus);
	const known = XHS_STATUS[statusCode];
	if (known === undefined) throw new XiaohongshuPayloadError(`order ${orderId}: unknown orderStatus ${statusCode}`);
	const createdMs = xhsTimeMs(raw.createdTime);
	const updatedMs = xhsTimeMs(raw.updateTime);
	if (Number.isNaN(createdMs) || Number.isNaN(updatedMs)) {
		throw new XiaohongshuPayloadError(`order ${orderId}: createdTime/updateTime are not epoch milliseconds`);
	}
	const skuList = raw.skuList ?? [];
	const lines: OrderLine[] = skuList.map((line) => {
		const quantity = Math.max(1, Number(line.skuQuantity ?? 1));
		// totalPaidAmount is the line's paid total; the unit price is what one unit cost after discounts.
		return { sku: skuCodeOf(line), quantity, unitPrice: centsToAmount(Math.round(Number(line.totalPaidAmount ?? 0) / quantity)) };
	});
	const amountCents = Number(raw.totalPayAmount ?? 0);
	if (!Number.isFinite(amountCents) || amountCents < 0) throw new XiaohongshuPayloadError(`order ${orderId}: totalPayAmount is not fen`);
	const refundedLines = NO_REFUND_OVERRIDE.has(statusCode) ? [] : skuList.filter((line) => Number(line.skuAfterSaleStatus) === AFTER_SALE_DONE);
	const refundedCents = Math.min(
		amountCents,
		refundedLines.reduce((sum, line) => sum + Number(line.totalPaidAmount ?? 0), 0),
	);
	let status = known.status;
	if (refundedLines.length > 0) {
		status = refundedLines.length === skuList.length || refundedCents >= amountCents ? 'refunded' : 'partially_refunded';
	}
	const channel = skuList.some((line) => typeof line.kolId === 'string' && line.kolId !== '') ? 'kol' : undefined;
	return {
		orderId,
		// userId is the buyer (用户id); an order without one gets a per-order id that stays the same on every read.
		customerId: raw.userId ? String(raw.userId) : `xiaohongshu-order:${orderId}`,
		platform: 'xiaohongshu',
		createdAt: formatIso(createdMs),
		updatedAt: formatIso(updatedMs),
		status,
		platformOrderStatus: `${statusCode} ${known.name}`,
		currency: 'CNY',
		amount: centsToAmount(amountCents),
		refundedAmount: centsToAmount(refundedCents),
		lines,
		...(channel ? { channel } : {}),
	};
}
