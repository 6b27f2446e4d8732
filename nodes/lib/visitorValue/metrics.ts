/**
 * Visitor value of one channel (or any group of orders and traffic), the seed article's
 * formula: 访客价值 = 客单价 × 转化率 × 复购率 (visitor value = AOV × conversion × repurchase).
 *
 * - averageOrderValue (AOV, 客单价) = revenue ÷ orders;
 * - conversionRate (转化率) = orders ÷ visitors;
 * - revenuePerVisitor = AOV × conversion = revenue ÷ visitors, Taobao 生意参谋's "UV价值"
 *   (UV价值 = 支付金额 ÷ 访客数 = 转化率 × 客单价; that report counts payments before refunds,
 *   this one net of refunds);
 * - repurchaseRate (复购率) = buyers with 2 or more orders in the window ÷ buyers;
 * - visitorValue = AOV × conversion × repurchase = revenuePerVisitor × repurchaseRate: what a
 *   visitor is worth in revenue that comes back, not only in the first sale.
 *
 * Every ratio with a zero denominator is 0, never NaN or Infinity, and `dataStatus` says why:
 * no visitors recorded (conversion cannot be measured), or no orders.
 *
 * The metrics are exact: ranking and the budget shift run on them. Rounding for the output
 * pane happens once, when the item is built (../display.ts): a visitor value of 0.0000384
 * rounded to 4 decimals is 0, and a budget shifted on 0 moves ten times too far.
 */

export interface GroupCounts {
	visitors: number;
	orders: number;
	buyers: number;
	repeatBuyers: number;
	/** Net revenue in the base currency. */
	revenue: number;
}

export type DataStatus = 'ok' | 'noTraffic' | 'noOrders' | 'noTrafficNoOrders';

export interface GroupMetrics {
	averageOrderValue: number;
	conversionRate: number;
	repurchaseRate: number;
	revenuePerVisitor: number;
	visitorValue: number;
	dataStatus: DataStatus;
}

/** a ÷ b, or 0 when b is 0 (or either is not finite). */
export function ratio(a: number, b: number): number {
	if (!(b > 0) || !Number.isFinite(a)) return 0;
	const value = a / b;
	return Number.isFinite(value) ? value : 0;
}

export function groupMetrics(counts: GroupCounts): GroupMetrics {
	const averageOrderValue = ratio(counts.revenue, counts.orders);
	const conversionRate = ratio(counts.orders, counts.visitors);
	const repurchaseRate = ratio(counts.repeatBuyers, counts.buyers);
	const hasTraffic = counts.visitors > 0;
	const hasOrders = counts.orders > 0;
	return {
		averageOrderValue,
		conversionRate,
		repurchaseRate,
		revenuePerVisitor: averageOrderValue * conversionRate,
		visitorValue: averageOrderValue * conversionRate * repurchaseRate,
		dataStatus: hasTraffic ? (hasOrders ? 'ok' : 'noOrders') : hasOrders ? 'noTraffic' : 'noTrafficNoOrders',
	};
}
