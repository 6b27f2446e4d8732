/**
 * The order-feed query of WooCommerce REST API v3:
 *   GET /wp-json/wc/v3/orders?modified_after=…&modified_before=…&dates_are_gmt=true
 *       &orderby=modified&order=asc&status=any&per_page=100&page=N
 * Parameters: WooCommerce REST API docs "List all orders"
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-orders); `orderby=modified`
 * is in the code's enum though not in the docs table, and `per_page` is 1–100 (woocommerce/woocommerce
 * `includes/rest-api/Controllers/Version3/class-wc-rest-crud-controller.php` get_collection_params).
 * Pages are 1-based; every answer carries `X-WP-Total` and `X-WP-TotalPages` (docs "Pagination").
 *
 * Bounds: the orders controller passes modified_after / modified_before to WP_Date_Query as
 * `after` / `before` without `inclusive`, so both are strict (> and <), on whole seconds
 * (post_modified_gmt / date_modified_gmt are DATETIME). To read the half-open window
 * [start, end) without losing the order modified in the boundary second, `modified_after` is
 * one second before the window's first whole second and `modified_before` the first whole
 * second at or after its end: consecutive windows overlap by a second or two, and orders read
 * twice are merged by id.
 */
import type { TimeWindow } from '../../windows';

export const ORDERS_PATH = '/wp-json/wc/v3/orders';

/** WooCommerce's `per_page` maximum (schema limit, see above). */
export const PAGE_SIZE = 100;

/**
 * Widest window one query spans: 30 days. WooCommerce sets no limit, but the list is paged by
 * page number (SQL OFFSET): a narrower window keeps the offsets small on a busy shop (a year's
 * backfill is 13 windows, not one query 100 pages deep), and an order updated while its window
 * is paged shifts only that window's pages (read back to front, see paging.ts).
 */
export const MAX_WINDOW_MS = 30 * 86_400_000;

/** `2026-03-01T09:30:00`: UTC wall-clock text, as the API takes it with dates_are_gmt=true. */
export function toGmtText(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 19);
}

export function ordersQuery(window: TimeWindow, page: number): Record<string, string | number | boolean> {
	const firstSecond = Math.floor(window.start / 1000) * 1000;
	const endSecond = Math.ceil(window.end / 1000) * 1000;
	return {
		modified_after: toGmtText(firstSecond - 1000),
		modified_before: toGmtText(endSecond),
		dates_are_gmt: true,
		orderby: 'modified',
		order: 'asc',
		status: 'any',
		per_page: PAGE_SIZE,
		page,
	};
}
