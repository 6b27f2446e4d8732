/**
 * Price Ladder's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names), the output what computePriceLadder takes. No
 * defaults here: they are the node description's.
 */
import { z } from 'zod';

import { parseNameList, parseSettings, typedNumber } from '../model';
import { percentToBasisPoints } from './margin';
import { PRICE_ENDINGS, type PriceEnding } from './priceEndings';

/** Most tiers a ladder has: a buyer reads a handful; 20 is far above any real ladder. */
export const MAX_TIERS = 20;
/** Largest minimum quantity of a tier. */
export const MAX_TIER_QUANTITY = 1_000_000;

export interface QuantityTier {
	/** Buying this many units or more gets the tier's price. */
	minQuantity: number;
	/** Percent off the list price, 0 ≤ d < 100 (two decimals). */
	discountPercent: number;
}

const TIERS_HINT =
	'Write one tier per minimum quantity as quantity=percent off the list price, separated by commas, e.g. 1=0, 3=5, 10=12 (buy 3 or more: 5 % off). 每档写成“起购件数=折扣百分比”，用逗号分隔，如 1=0, 3=5, 10=12（买 3 件及以上减 5%）。';

/** "1=0, 3=5, 10=12" → tiers sorted by quantity, or the first bad part's text. */
export function parseQuantityTiers(text: string): QuantityTier[] | { badPart: string; why: string } {
	const tiers: QuantityTier[] = [];
	for (const part of parseNameList(text)) {
		const match = /^(\d+)\s*=\s*(\d+(?:\.\d{1,2})?)\s*%?$/.exec(part);
		if (!match) return { badPart: part, why: 'is not quantity=percent' };
		const minQuantity = Number(match[1]);
		const discountPercent = Number(match[2]);
		if (minQuantity < 1 || minQuantity > MAX_TIER_QUANTITY) return { badPart: part, why: `needs a quantity from 1 to ${MAX_TIER_QUANTITY.toLocaleString('en-US')}` };
		if (discountPercent >= 100) return { badPart: part, why: 'needs a percent off below 100' };
		if (tiers.some((t) => t.minQuantity === minQuantity)) return { badPart: part, why: 'repeats a quantity' };
		tiers.push({ minQuantity, discountPercent });
	}
	if (tiers.length === 0) return { badPart: text, why: 'has no tier' };
	if (tiers.length > MAX_TIERS) return { badPart: text, why: `has more than ${MAX_TIERS} tiers` };
	return tiers.sort((a, b) => a.minQuantity - b.minQuantity);
}

/** A margin setting in percent: 0 ≤ m < 100. A markup of 150 % typed here is the classic mistake. */
const marginPercent = (name: string) =>
	typedNumber.superRefine((percent, ctx) => {
		if (Number.isFinite(percent) && percent >= 0 && percent < 100) return;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${name} must be a percent from 0 to below 100 (got ${percent})`,
			params: {
				hint: 'Margin is on the price: (price − cost) ÷ price, so it is always below 100 %. A markup on cost of 150 % is a margin of 60 %: markup ÷ (1 + markup). 毛利率按售价计算：（售价 − 成本）÷ 售价，总小于 100%。加价率 150% 相当于毛利率 60%（加价率 ÷（1 + 加价率））。',
			},
		});
	});

export const priceLadderOptionsSchema = z
	.object({
		quantityTiers: z
			.string()
			.nullish()
			.transform((text, ctx) => {
				const tiers = parseQuantityTiers(text ?? '');
				if (Array.isArray(tiers)) return tiers;
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `Quantity Tiers: "${tiers.badPart}" ${tiers.why}`,
					params: { hint: TIERS_HINT },
				});
				return z.NEVER;
			}),
		memberDiscountPercent: typedNumber.refine((d) => Number.isFinite(d) && d >= 0 && d < 100, (d) => ({
			message: `Member Discount (%) must be from 0 to below 100 (got ${d})`,
		})),
		targetMarginPercent: marginPercent('Target Margin (%)'),
		marginFloorPercent: marginPercent('Margin Floor (%)'),
		priceEnding: z.enum(Object.keys(PRICE_ENDINGS) as [PriceEnding, ...PriceEnding[]]),
		defaultCurrency: z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code, e.g. CNY'),
	})
	.superRefine((s, ctx) => {
		if (percentToBasisPoints(s.marginFloorPercent) <= percentToBasisPoints(s.targetMarginPercent)) return;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `Margin Floor (%) (${s.marginFloorPercent}) is above Target Margin (%) (${s.targetMarginPercent})`,
			params: {
				hint: 'The floor is the least margin any tier may keep; the target is what an undiscounted price aims for. Set the floor at or below the target. 保底毛利率是任何档位不能低于的毛利率，应不高于目标毛利率。',
			},
		});
	})
	.transform((s) => ({
		tiers: s.quantityTiers,
		memberDiscountPercent: s.memberDiscountPercent,
		targetMarginBp: percentToBasisPoints(s.targetMarginPercent),
		marginFloorBp: percentToBasisPoints(s.marginFloorPercent),
		priceEnding: s.priceEnding,
		defaultCurrency: s.defaultCurrency,
	}));

export type PriceLadderOptionsInput = z.input<typeof priceLadderOptionsSchema>;
export type PriceLadderSettings = z.output<typeof priceLadderOptionsSchema>;

/** Parses Price Ladder's settings; throws a UserInputError naming the first bad one. */
export function parsePriceLadderOptions(input: PriceLadderOptionsInput): PriceLadderSettings {
	return parseSettings(priceLadderOptionsSchema, input);
}
