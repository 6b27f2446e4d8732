/**
 * Stock as shops report it, per SKU and warehouse (Douyin warehouse, Shopify location,
 * WooCommerce: the one store), and as Reorder Alert reads it: the pack's
 * InventoryPosition. Shops know on-hand and reserved stock, never supplier lead times, so
 * those come from the node's parameters.
 */
import type { InventoryPosition } from '../model';
import { ShopPlatformError } from './platformError';

export interface StockLevel {
	/** The merchant's SKU code (Douyin `code`/out_sku_id, Shopify SKU, WooCommerce SKU). */
	sku: string;
	/** Warehouse or location name/id as the platform names it; `default` for single-stock shops. */
	warehouse: string;
	/** Sellable units; negative when the platform reports overselling. */
	onHand: number;
	/** Units held for unshipped orders (Shopify `committed`, Douyin `prehold`), 0 where unknown. */
	reserved: number;
	/** Units inbound (Shopify `incoming`), 0 where unknown. */
	onOrder: number;
	/** The platform's ids that a write of this position needs back. */
	platformRef: Record<string, string>;
}

export interface PlanningDefaults {
	leadTimeDays: number;
	leadTimeStdDays: number;
	moq: number;
	packSize: number;
}

export function toInventoryPosition(level: StockLevel, defaults: PlanningDefaults): InventoryPosition & { platformRef: Record<string, string> } {
	return {
		sku: level.sku,
		warehouse: level.warehouse,
		onHand: level.onHand,
		onOrder: level.onOrder,
		reserved: level.reserved,
		leadTimeDays: defaults.leadTimeDays,
		leadTimeStdDays: defaults.leadTimeStdDays,
		moq: defaults.moq,
		packSize: defaults.packSize,
		unitCost: 0,
		platformRef: level.platformRef,
	};
}

export interface SetStockRequest {
	sku: string;
	warehouse: string;
	/** The absolute number of sellable units to set. */
	quantity: number;
	/**
	 * Names this write: the same key is the same write. Platforms with an idempotency id
	 * (Douyin idempotent_id, Shopify @idempotent) get it as is; the others are checked
	 * before writing (a stock already at `quantity` is left alone).
	 */
	idempotencyKey: string;
	/** Compare-and-set: write only if the stock is still this (Shopify changeFromQuantity). */
	expectedQuantity?: number;
}

export type SetStockStatus = 'applied' | 'alreadyApplied' | 'unchanged';

export interface SetStockOutcome {
	stockStatus: SetStockStatus;
	previousQuantity?: number;
	quantity: number;
}

/**
 * How a shop words the refusal of a Set Quantity whose "Only If Stock Is Still" no longer
 * holds. Two wordings reached users before the check was shared, and workflows may match on
 * them, so each shop keeps the one it had.
 */
export interface StockChangedWords {
	message(sku: string, onHand: number, expectedQuantity: number): string;
	hint: string;
}

/** "SKU TEE-M has 12 in stock, not 10 as expected; nothing was written" (Douyin, Pinduoduo, Xiaohongshu, WooCommerce). */
export const SKU_HAS_IN_STOCK: StockChangedWords = {
	message: (sku, onHand, expectedQuantity) => `SKU ${sku} has ${onHand} in stock, not ${expectedQuantity} as expected; nothing was written`,
	hint: 'The stock changed since it was read (a sale or another write): read it again and decide.',
};

/** "the stock of TEE-M is 12, not 10: it changed since it was read, so it was not overwritten" (Taobao / Tmall, Youzan). */
export const STOCK_OF_SKU_IS: StockChangedWords = {
	message: (sku, onHand, expectedQuantity) => `the stock of ${sku} is ${onHand}, not ${expectedQuantity}: it changed since it was read, so it was not overwritten`,
	hint: 'Read the stock again (Get Many) and decide the new quantity from the current one.',
};

/**
 * "Only If Stock Is Still" on a shop without compare-and-set: the stock just read must be the
 * expected one, or nothing is written ('stock-changed'). A sale between this read and the
 * write is still overwritten; the check narrows that gap to one request.
 */
export function assertStockStillExpected(platformName: string, request: SetStockRequest, onHand: number, words: StockChangedWords = SKU_HAS_IN_STOCK): void {
	if (request.expectedQuantity !== undefined && onHand !== request.expectedQuantity) {
		throw new ShopPlatformError(platformName, 'stock-changed', words.message(request.sku, onHand, request.expectedQuantity), words.hint);
	}
}

/**
 * A stock already at the quantity is `unchanged` and not written: the same write run again
 * (shops without an idempotency key cannot tell it apart otherwise), or done by hand.
 */
export function unchangedStock(request: SetStockRequest, onHand: number): SetStockOutcome | undefined {
	return onHand === request.quantity ? { stockStatus: 'unchanged', previousQuantity: onHand, quantity: request.quantity } : undefined;
}

/**
 * Set Quantity's checks on the stock just read, for shops that read before they write:
 * "Only If Stock Is Still" first (throws 'stock-changed'), then a stock already at the
 * quantity (`unchanged`). Undefined: the write is to be sent.
 */
export function precheckStockWrite(platformName: string, request: SetStockRequest, onHand: number, words: StockChangedWords = SKU_HAS_IN_STOCK): SetStockOutcome | undefined {
	assertStockStillExpected(platformName, request, onHand, words);
	return unchangedStock(request, onHand);
}
