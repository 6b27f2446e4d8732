/**
 * Daily sales per SKU × warehouse × day, and the inventory positions at the end of the
 * window, both read off one stock simulation (see stock.ts).
 */
import type { DailySales, InventoryPosition } from '../model';
import type { DemoCalendar } from './calendar';
import type { DemoShopOptions } from './options';
import { simulateStock } from './stock';

/** One row per window day × SKU × warehouse, in that order. */
export function generateDailySalesList(options: DemoShopOptions, calendar: DemoCalendar): DailySales[] {
	const { catalog, series } = simulateStock(options, calendar);
	const rows = new Array<DailySales>(calendar.days * series.length);
	let r = 0;
	for (let d = 0; d < calendar.days; d++) {
		const date = calendar.dates[d];
		for (const position of series) {
			rows[r++] = {
				date,
				sku: catalog.skus[position.sku].sku,
				warehouse: options.warehouses[position.warehouse],
				units: position.units[d],
				inStock: position.inStock[d] === 1,
			};
		}
	}
	return rows;
}

/** One position per SKU × warehouse, as at the end of endDate. */
export function generateInventoryList(options: DemoShopOptions, calendar: DemoCalendar): InventoryPosition[] {
	const { catalog, series } = simulateStock(options, calendar);
	return series.map((position) => {
		const sku = catalog.skus[position.sku];
		return {
			sku: sku.sku,
			warehouse: options.warehouses[position.warehouse],
			onHand: position.onHand,
			onOrder: position.onOrder,
			reserved: position.reserved,
			leadTimeDays: position.leadTimeDays,
			leadTimeStdDays: position.leadTimeStdDays,
			moq: sku.moq,
			packSize: sku.packSize,
			unitCost: sku.unitCost,
		};
	});
}
