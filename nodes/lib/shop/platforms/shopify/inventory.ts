/**
 * Shopify inventory levels (one per inventory item and location) as the pack's StockLevel.
 * Quantity states: `on_hand` = physically there, `committed` = held for unfulfilled orders,
 * `available` = sellable (on_hand − committed − reserved − …), `incoming` = on the way.
 * https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps/quantities-states
 */
import type { StockLevel } from '../../stockLevel';
import { legacyIdOf } from './shopUrl';

export interface ShopifyInventoryLevel {
	location: { id: string; name: string };
	quantities: Array<{ name: string; quantity: number }>;
}

export interface ShopifyInventoryItem {
	id: string;
	sku?: string | null;
	tracked?: boolean | null;
	inventoryLevels?: { nodes?: ShopifyInventoryLevel[] } | null;
}

/** Whether a level is at the location the user named (its name, numeric id or gid; case-insensitive name). */
export function isLocation(location: { id: string; name: string }, wanted: string): boolean {
	const text = wanted.trim();
	return location.id === text || legacyIdOf(location.id) === text || location.name.toLowerCase() === text.toLowerCase();
}

/**
 * One StockLevel per location of the item: onHand = on_hand (as Reorder Alert counts stock
 * physically there), reserved = committed, onOrder = incoming. `platformRef.available` is the
 * sellable quantity, which Set Quantity writes and compares against.
 */
export function shopifyStockLevels(item: ShopifyInventoryItem, warehouse: string): StockLevel[] {
	const sku = item.sku?.trim();
	if (!sku) return [];
	return (item.inventoryLevels?.nodes ?? [])
		.filter((level) => warehouse === '' || isLocation(level.location, warehouse))
		.map((level) => {
			const quantity = (name: string) => level.quantities.find((q) => q.name === name)?.quantity ?? 0;
			return {
				sku,
				warehouse: level.location.name,
				onHand: quantity('on_hand'),
				reserved: Math.max(0, quantity('committed')),
				onOrder: Math.max(0, quantity('incoming')),
				platformRef: {
					inventoryItemId: item.id,
					locationId: level.location.id,
					available: String(quantity('available')),
				},
			};
		});
}
