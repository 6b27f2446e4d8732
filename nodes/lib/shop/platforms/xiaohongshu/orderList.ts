/**
 * Reading Xiaohongshu's order feed: `order.getOrderList` by update time (official API spec
 * "order.getOrderList 订单列表", copied in AndersonBY/xiaohongshu-ecommerce-python-sdk
 * `docs/小红书官方文档/api/订单API/order_getOrderList_订单列表.json`; the same text in 359444744/xhs
 * `api/rest/OrderGetOrderListRequest.py` and zsmhub/xhs-sdk `constant.go`):
 * - startTime / endTime in Unix seconds; timeType 2 = update time, "限制 end-start<=30min 倒序拉取
 *   最后一页到第一页" (window ≤ 30 minutes, read from the last page to the first); timeType 1 =
 *   creation time, ≤ 24 h (not used: the pack reads by update time);
 * - pageNo from 1, "限制100" (at most page 100); pageSize default 50, at most 100;
 * - the answer: total, pageNo, pageSize, maxPageNo ("方便直接从最后一页拉数据"), orderList[] without
 *   amounts or lines (those come from order.getOrderDetail).
 * Whether the platform takes both ends as inclusive is not documented: both are sent as whole
 * seconds rounded down, so consecutive windows meet on one second that is read twice (merged
 * by orderId) and no instant falls between them, whichever way the platform compares.
 */
import type { TimeWindow } from '../../windows';

export const XHS_ORDER_LIST_METHOD = 'order.getOrderList';
export const XHS_ORDER_DETAIL_METHOD = 'order.getOrderDetail';

/** timeType 2: update time. */
export const XHS_TIME_TYPE_UPDATED = 2;
/** Widest update-time window: end − start ≤ 30 min. */
export const XHS_UPDATE_WINDOW_MS = 30 * 60_000;
export const XHS_ORDER_PAGE_SIZE = 100;
/** pageNo "限制100": orders beyond page 100 of one window cannot be read. */
export const XHS_MAX_PAGE_NO = 100;
/** Orders one window can serve: 100 pages of 100. */
export const XHS_MAX_ORDERS_PER_WINDOW = XHS_MAX_PAGE_NO * XHS_ORDER_PAGE_SIZE;

export interface XhsOrderListParams {
	startTime: number;
	endTime: number;
	timeType: number;
	pageNo: number;
	pageSize: number;
}

/** The parameters for one page of a window; pageIndex is 0-based (paging.ts), pageNo 1-based. */
export function orderListParams(window: TimeWindow, pageIndex: number): XhsOrderListParams {
	return {
		startTime: Math.floor(window.start / 1000),
		endTime: Math.floor(window.end / 1000),
		timeType: XHS_TIME_TYPE_UPDATED,
		pageNo: pageIndex + 1,
		pageSize: XHS_ORDER_PAGE_SIZE,
	};
}

/**
 * A window holding more orders than 100 pages can serve is read as two halves (each half is
 * checked again): a flash sale must not lose the orders past page 100. A window of one second
 * cannot be split further: its excess is reported, not skipped silently.
 */
export function halves(window: TimeWindow): [TimeWindow, TimeWindow] | undefined {
	if (window.end - window.start < 2000) return undefined;
	const middle = window.start + Math.floor((window.end - window.start) / 2000) * 1000;
	return [
		{ start: window.start, end: middle },
		{ start: middle, end: window.end },
	];
}

export interface XhsListedOrder {
	orderId: string;
	orderStatus?: number;
	/** Epoch ms ("更新时间 单位ms"). */
	updateTime?: number;
	[field: string]: unknown;
}

export interface XhsOrderListData {
	total?: number;
	pageNo?: number;
	pageSize?: number;
	maxPageNo?: number;
	orderList?: XhsListedOrder[];
}
