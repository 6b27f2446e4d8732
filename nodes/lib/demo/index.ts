/**
 * Synthetic shop data for the Demo Shop Data node: customers, orders, daily sales,
 * inventory positions and content posts of one made-up multi-platform shop in China,
 * in the canonical model (../model). Pure and deterministic: same options, same data.
 *
 * Every generator can be called on its own and is cheap; datasets generated from the same
 * options fit together (orders reference the customers and SKUs, daily sales and
 * inventory cover the same SKUs and warehouses, short-video orders carry the posts' link
 * codes, traffic per channel is sized from the orders).
 */
import type { ContentPost, Customer, DailySales, InventoryPosition, Order, TrafficRecord } from '../model';
import { type DemoCalendar, buildCalendar } from './calendar';
import { type DemoSku, buildCatalog } from './catalog';
import { generateContentPostList } from './content';
import { generateCustomerList } from './customers';
import { generateDailySalesList, generateInventoryList } from './inventory';
import { type DemoShopOptions, validateDemoOptions, validateStockSize } from './options';
import { generateOrderList } from './orders';
import { simulateStock, warehouseShareOfUnits } from './stock';
import { generateTrafficList } from './traffic';

export { DEMO_LIMITS, type DemoShopOptions, warehouseNamesFrom } from './options';
export { DEMO_CHANNELS, DEMO_PLATFORMS, type DemoSku } from './catalog';
export { PERSONAS, type Persona } from './customers';
export { CHANNEL_CONVERSION } from './traffic';

function calendarOf(options: DemoShopOptions): DemoCalendar {
	validateDemoOptions(options);
	return buildCalendar(options.seed, options.endDate, options.days);
}

/** The calendar of a dataset that runs the stock simulation (one series per SKU × warehouse × day). */
function stockCalendarOf(options: DemoShopOptions): DemoCalendar {
	const calendar = calendarOf(options);
	validateStockSize(options);
	return calendar;
}

export function generateCustomers(options: DemoShopOptions): Customer[] {
	return generateCustomerList(options, calendarOf(options));
}

export function generateOrders(options: DemoShopOptions): Order[] {
	return generateOrderList(options, calendarOf(options));
}

export function generateInventory(options: DemoShopOptions): InventoryPosition[] {
	return generateInventoryList(options, stockCalendarOf(options));
}

export function generateDailySales(options: DemoShopOptions): DailySales[] {
	return generateDailySalesList(options, stockCalendarOf(options));
}

export function generateContentPosts(options: DemoShopOptions): ContentPost[] {
	const calendar = calendarOf(options);
	return generateContentPostList(options, calendar, buildCatalog(options, calendar));
}

/** Visitors and sessions per day, platform and channel, sized from the orders (traffic.ts). */
export function generateTraffic(options: DemoShopOptions): TrafficRecord[] {
	return generateTrafficList(options, calendarOf(options));
}

/** The product list behind the orders: names, prices, costs, launch dates, suppliers. */
export function generateSkus(options: DemoShopOptions): DemoSku[] {
	return buildCatalog(options, calendarOf(options)).skus;
}

/** Each warehouse's expected share of units sold over the window, by warehouse name. */
export function warehouseDemandShares(options: DemoShopOptions): Record<string, number> {
	const shares = warehouseShareOfUnits(simulateStock(options, stockCalendarOf(options)), options.warehouses.length);
	return Object.fromEntries(options.warehouses.map((name, k) => [name, shares[k]]));
}
