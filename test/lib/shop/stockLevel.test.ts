/**
 * Set Quantity's checks on the stock just read, shared by the shops that read before they
 * write: "Only If Stock Is Still" refuses a stock that moved, and a stock already at the
 * quantity is left alone.
 */
import {
	assertStockStillExpected,
	precheckStockWrite,
	ShopPlatformError,
	SKU_HAS_IN_STOCK,
	STOCK_OF_SKU_IS,
	unchangedStock,
	type SetStockRequest,
} from '../../../nodes/lib/shop';

const SHOP = 'Test Shop';
const request = (quantity: number, expectedQuantity?: number): SetStockRequest => ({ sku: 'TEE-M', warehouse: '', quantity, idempotencyKey: 'w-1', expectedQuantity });

function refusal(run: () => unknown): ShopPlatformError {
	try {
		run();
	} catch (error) {
		if (error instanceof ShopPlatformError) return error;
		throw error;
	}
	throw new Error('expected a ShopPlatformError');
}

describe('precheckStockWrite', () => {
	it('a stock other than "Only If Stock Is Still" is refused with stock-changed, in the shop\'s words', () => {
		const error = refusal(() => precheckStockWrite(SHOP, request(30, 10), 12));
		expect(error).toMatchObject({
			platformName: SHOP,
			code: 'stock-changed',
			platformMessage: 'SKU TEE-M has 12 in stock, not 10 as expected; nothing was written',
			hint: 'The stock changed since it was read (a sale or another write): read it again and decide.',
		});
		expect(error.message).toBe('Test Shop error stock-changed: SKU TEE-M has 12 in stock, not 10 as expected; nothing was written');
		expect(refusal(() => precheckStockWrite(SHOP, request(30, 10), 12, STOCK_OF_SKU_IS))).toMatchObject({
			platformMessage: 'the stock of TEE-M is 12, not 10: it changed since it was read, so it was not overwritten',
			hint: 'Read the stock again (Get Many) and decide the new quantity from the current one.',
		});
	});

	it('a stock already at the quantity is unchanged, with the stock read as previousQuantity', () => {
		expect(precheckStockWrite(SHOP, request(12), 12)).toEqual({ stockStatus: 'unchanged', previousQuantity: 12, quantity: 12 });
		expect(precheckStockWrite(SHOP, request(12, 12), 12)).toEqual({ stockStatus: 'unchanged', previousQuantity: 12, quantity: 12 });
	});

	it('"Only If Stock Is Still" is checked first: at the quantity but not the expected stock is refused', () => {
		expect(refusal(() => precheckStockWrite(SHOP, request(12, 10), 12)).code).toBe('stock-changed');
	});

	it('otherwise the write is to be sent (undefined), also for zero and negative (oversold) stock', () => {
		expect(precheckStockWrite(SHOP, request(30), 12)).toBeUndefined();
		expect(precheckStockWrite(SHOP, request(30, 12), 12)).toBeUndefined();
		expect(precheckStockWrite(SHOP, request(5, 0), 0)).toBeUndefined();
		expect(precheckStockWrite(SHOP, request(0, -2), -2)).toBeUndefined();
		expect(precheckStockWrite(SHOP, request(-2), -2)).toEqual({ stockStatus: 'unchanged', previousQuantity: -2, quantity: -2 });
	});
});

describe('the two checks on their own (WooCommerce and Shopify take unchanged first)', () => {
	it('unchangedStock ignores "Only If Stock Is Still"', () => {
		expect(unchangedStock(request(12, 10), 12)).toEqual({ stockStatus: 'unchanged', previousQuantity: 12, quantity: 12 });
		expect(unchangedStock(request(13), 12)).toBeUndefined();
	});

	it('assertStockStillExpected passes without an expected stock or with the one read, and takes its words', () => {
		expect(() => assertStockStillExpected(SHOP, request(30), 12)).not.toThrow();
		expect(() => assertStockStillExpected(SHOP, request(30, 12), 12)).not.toThrow();
		const words = { ...SKU_HAS_IN_STOCK, hint: `${SKU_HAS_IN_STOCK.hint} And more.` };
		expect(refusal(() => assertStockStillExpected(SHOP, request(30, 10), 12, words)).hint).toBe('The stock changed since it was read (a sale or another write): read it again and decide. And more.');
	});
});
