/**
 * Price Ladder (阶梯定价 + 会员价): per SKU, quantity tiers and a member price off the list price,
 * each held at or above the margin floor and rounded to the chosen price ending, and the SKU's
 * place in its competitors' price band.
 *
 * The rules (docs/nodes/PriceLadder.md):
 * - Base price: the list price; a SKU without one is priced at the target margin,
 *   ⌈cost ÷ (1 − target)⌉ (margin on price, ./margin.ts).
 * - Tier price = base × (1 − tier discount); member price = base × (1 − member discount),
 *   rounded to the cent (halves up).
 * - Floor price = the lowest price keeping the margin floor, ⌈cost ÷ (1 − floor)⌉. A price
 *   below it is never output: it is CLAMPED to the floor (then rounded up to the ending) and
 *   FLAGGED for review.
 * - Price ending: round down to the ending unless that crosses the floor, then up
 *   (./priceEndings.ts).
 * - Band: min, quartiles (Hyndman & Fan type 7) and max of the competitors' prices of the
 *   same SKU (same currency); the position and percentile rank are those of the SKU's price
 *   for one unit (its first tier's price).
 */
import { lowestPriceForMargin, meetsMargin } from './margin';
import type { CompetitorPrice, SkuRow } from './input';
import type { PriceLadderSettings } from './options';
import { applyPriceEnding } from './priceEndings';
import { bandPosition, percentileRank, priceBand, type BandPosition, type PriceBand } from './quantiles';

export type FlagCode = 'listBelowFloor' | 'listBelowTargetMargin' | 'tierAtFloor' | 'memberAtFloor' | 'aboveCompetitorBand';

export interface PriceFlag {
	sku: string;
	itemIndex: number;
	code: FlagCode;
	/** The tier's minimum quantity, for tierAtFloor. */
	minQuantity?: number;
	/** The price the discount would have given (before the floor), in cents. */
	wouldBeCents?: number;
	/** The price output instead / the price concerned, in cents. */
	priceCents: number;
	floorCents: number;
}

export interface TierPrice {
	minQuantity: number;
	discountPercent: number;
	/** base × (1 − discount), to the cent, before the floor and the ending. */
	discountedCents: number;
	/** The price output: at or above the floor, with the ending. */
	priceCents: number;
	atFloor: boolean;
}

export interface PriceLadderRow {
	itemIndex: number;
	sku: string;
	name?: string;
	currency: string;
	costCents: number;
	basePriceCents: number;
	basePriceSource: 'listPrice' | 'targetMargin';
	floorCents: number;
	targetPriceCents: number;
	tiers: TierPrice[];
	member: TierPrice;
	band?: PriceBand;
	position: BandPosition;
	/** Percentile rank 0–100 of the one-unit price among the competitors'; undefined without any. */
	percentile?: number;
	flags: PriceFlag[];
}

/** base × (1 − percent ÷ 100) to the cent, halves up; percent has at most two decimals. */
function discounted(baseCents: number, percent: number): number {
	// In hundredths of a percent, so 7.5 % of 1999 is the exact 149.925 → 150, not a float's guess.
	const keepBp = 10_000 - Math.round(percent * 100);
	return Math.floor((baseCents * keepBp + 5_000) / 10_000);
}

function ladderStep(baseCents: number, percent: number, floorCents: number, settings: PriceLadderSettings, minQuantity: number): TierPrice {
	const discountedCents = discounted(baseCents, percent);
	const atFloor = discountedCents < floorCents;
	const priceCents = applyPriceEnding(Math.max(discountedCents, floorCents), settings.priceEnding, floorCents);
	return { minQuantity, discountPercent: percent, discountedCents, priceCents, atFloor };
}

export function priceSku(sku: SkuRow, competitorCents: readonly number[], settings: PriceLadderSettings): PriceLadderRow {
	const floorCents = lowestPriceForMargin(sku.costCents, settings.marginFloorBp);
	const targetPriceCents = lowestPriceForMargin(sku.costCents, settings.targetMarginBp);
	const basePriceCents = sku.listPriceCents ?? targetPriceCents;
	const flags: PriceFlag[] = [];
	const flag = (code: FlagCode, priceCents: number, extra: Partial<PriceFlag> = {}) =>
		flags.push({ sku: sku.sku, itemIndex: sku.itemIndex, code, priceCents, floorCents, ...extra });

	if (sku.listPriceCents !== undefined) {
		if (!meetsMargin(sku.listPriceCents, sku.costCents, settings.marginFloorBp)) flag('listBelowFloor', sku.listPriceCents);
		else if (!meetsMargin(sku.listPriceCents, sku.costCents, settings.targetMarginBp)) flag('listBelowTargetMargin', sku.listPriceCents);
	}
	const tiers = settings.tiers.map((tier) => ladderStep(basePriceCents, tier.discountPercent, floorCents, settings, tier.minQuantity));
	for (const tier of tiers) {
		if (tier.atFloor) flag('tierAtFloor', tier.priceCents, { minQuantity: tier.minQuantity, wouldBeCents: tier.discountedCents });
	}
	const member = ladderStep(basePriceCents, settings.memberDiscountPercent, floorCents, settings, 1);
	if (member.atFloor) flag('memberAtFloor', member.priceCents, { wouldBeCents: member.discountedCents });

	const unitPrice = tiers[0].priceCents;
	const band = competitorCents.length > 0 ? priceBand(competitorCents) : undefined;
	const position = bandPosition(band, unitPrice);
	if (position === 'above') flag('aboveCompetitorBand', unitPrice);

	return {
		itemIndex: sku.itemIndex,
		sku: sku.sku,
		...(sku.name !== undefined && { name: sku.name }),
		currency: sku.currency,
		costCents: sku.costCents,
		basePriceCents,
		basePriceSource: sku.listPriceCents === undefined ? 'targetMargin' : 'listPrice',
		floorCents,
		targetPriceCents,
		tiers,
		member,
		...(band && { band }),
		position,
		...(band && { percentile: percentileRank(competitorCents, unitPrice) }),
		flags,
	};
}

/** Every SKU's ladder, in input order; competitor prices are grouped by SKU (same currency, checked when read). */
export function computePriceLadder(skus: readonly SkuRow[], competitors: readonly CompetitorPrice[], settings: PriceLadderSettings): PriceLadderRow[] {
	const bySku = new Map<string, number[]>();
	for (const c of competitors) {
		const list = bySku.get(c.sku);
		if (list) list.push(c.priceCents);
		else bySku.set(c.sku, [c.priceCents]);
	}
	return skus.map((sku) => priceSku(sku, bySku.get(sku.sku) ?? [], settings));
}


