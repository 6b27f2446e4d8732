/**
 * SKU and competitor-price items as Price Ladder reads them: prices as numbers or decimal text
 * ("19.90", as sheets deliver them), SKUs as text or numbers, currency optional (the node's
 * Currency option stands in). Amounts are bounded (docs/nodes/PriceLadder.md, "Limits") so
 * every cent sum and product stays exact.
 */
import { z } from 'zod';

import type { InputIssue } from '../model';
import { formatLimit, idField, INPUT_LIMITS, isBlank, numberField } from '../model/coercion';
import { toCents } from '../orders/money';

export const SKU_FIELDS = ['sku', 'name', 'cost', 'listPrice', 'currency'] as const;
export const COMPETITOR_FIELDS = ['sku', 'price', 'currency', 'competitor'] as const;

/** Largest unit cost or price read, in the item's currency (as INPUT_LIMITS.unitCost). */
export const MAX_PRICE = INPUT_LIMITS.unitCost;

const COST_EXPECTED = `a unit cost from 0 to ${formatLimit(MAX_PRICE)}`;
const PRICE_EXPECTED = `a price above 0 and at most ${formatLimit(MAX_PRICE)}`;
const CURRENCY_EXPECTED = 'a 3-letter currency code, e.g. CNY';

const currencyField = z.preprocess(
	(value) => (isBlank(value) ? undefined : typeof value === 'string' ? value.trim().toUpperCase() : value),
	z.string({ invalid_type_error: CURRENCY_EXPECTED }).regex(/^[A-Z]{3}$/, CURRENCY_EXPECTED).optional(),
);
const optionalText = z.preprocess(
	(value) => (isBlank(value) ? undefined : typeof value === 'number' ? String(value) : value),
	z.string({ invalid_type_error: 'text' }).trim().max(256, 'text of at most 256 characters').optional(),
);
const price = numberField(PRICE_EXPECTED, (n) => n.gt(0, PRICE_EXPECTED).max(MAX_PRICE, PRICE_EXPECTED));

export const skuItemSchema = z.object({
	sku: idField('SKU'),
	name: optionalText,
	cost: numberField(COST_EXPECTED, (n) => n.min(0, COST_EXPECTED).max(MAX_PRICE, COST_EXPECTED)),
	/** Empty: the price at the target margin stands in. */
	listPrice: z.preprocess((value) => (isBlank(value) ? undefined : value), price.optional()),
	currency: currencyField,
});

export const competitorItemSchema = z.object({
	sku: idField('SKU'),
	price,
	currency: currencyField,
	competitor: optionalText,
});

export interface SkuRow {
	itemIndex: number;
	sku: string;
	name?: string;
	costCents: number;
	listPriceCents?: number;
	currency: string;
}

export interface CompetitorPrice {
	itemIndex: number;
	sku: string;
	priceCents: number;
	currency: string;
	competitor?: string;
}

/**
 * Reads SKU items one at a time (the glue calls it per valid item): a SKU listed twice is
 * refused, as one SKU cannot have two ladders.
 */
export function createSkuReader(defaultCurrency: string, skuField = 'sku') {
	const seen = new Map<string, number>();
	return (input: z.output<typeof skuItemSchema>, itemIndex: number): SkuRow | InputIssue => {
		const first = seen.get(input.sku);
		if (first !== undefined) {
			return { itemIndex, field: skuField, value: input.sku, expected: `a SKU not already listed (item ${first} has ${input.sku})` };
		}
		seen.set(input.sku, itemIndex);
		return {
			itemIndex,
			sku: input.sku,
			...(input.name !== undefined && { name: input.name }),
			costCents: toCents(input.cost),
			...(input.listPrice !== undefined && { listPriceCents: toCents(input.listPrice) }),
			currency: input.currency ?? defaultCurrency,
		};
	};
}

/**
 * Reads competitor prices against the SKUs read before. A band mixes no currencies: a price in
 * another currency than its SKU's is refused (converting at some rate would make the band's
 * quartiles depend on the day's rate, and a price in USD among CNY prices is usually a
 * mislabelled column). A price for a SKU not in the SKU input is skipped and counted.
 */
export function createCompetitorReader(skus: readonly SkuRow[], defaultCurrency: string, currencyField = 'currency') {
	const currencyOf = new Map(skus.map((s) => [s.sku, s.currency]));
	return (input: z.output<typeof competitorItemSchema>, itemIndex: number): CompetitorPrice | InputIssue | null => {
		const skuCurrency = currencyOf.get(input.sku);
		if (skuCurrency === undefined) return null;
		const currency = input.currency ?? defaultCurrency;
		if (currency !== skuCurrency) {
			return { itemIndex, field: currencyField, value: currency, expected: `${skuCurrency}, the currency of SKU ${input.sku} (a band mixes no currencies)` };
		}
		return {
			itemIndex,
			sku: input.sku,
			priceCents: toCents(input.price),
			currency,
			...(input.competitor !== undefined && { competitor: input.competitor }),
		};
	};
}
