/**
 * The ladder, worked by hand (docs/nodes/PriceLadder.md, "Worked example"): tiers 1=0, 2=5,
 * 5=10, 10=15, member 10 % off, target margin 40 %, floor 15 %, ending .9.
 *
 * SKU A: cost 60.00, list 129.00. Floor = ⌈6000 ÷ 0.85⌉ = 7059 cents (70.59).
 *   1+: 129.00 → 128.90 · 2+: 122.55 → 121.90 · 5+: 116.10 → 115.90 · 10+: 109.65 → 108.90;
 *   member 116.10 → 115.90. List margin 69 ÷ 129 = 53.5 % ≥ 40 %: no flag.
 * SKU B: cost 80.00, list 99.00. Floor = ⌈8000 ÷ 0.85⌉ = 9412 (94.12). List margin 19.2 % < 40 %.
 *   1+: 99.00 → 98.90; 2+: 94.05 < 94.12 → clamped to 94.12 → .9 down would be 93.90 (below
 *   the floor) → up: 94.90, flagged; 5+ (89.10), 10+ (84.15) and member (89.10) the same.
 * SKU C: cost 30.00, no list price → target price ⌈3000 ÷ 0.6⌉ = 50.00 → 1+ 49.90.
 */
import {
	computePriceLadder,
	parsePriceLadderOptions,
	parseQuantityTiers,
	type CompetitorPrice,
	type PriceLadderOptionsInput,
	type SkuRow,
} from '../../../nodes/lib/pricing';

const base: PriceLadderOptionsInput = {
	quantityTiers: '1=0, 2=5, 5=10, 10=15',
	memberDiscountPercent: 10,
	targetMarginPercent: 40,
	marginFloorPercent: 15,
	priceEnding: 'dot9',
	defaultCurrency: 'CNY',
};
const settings = (over: Partial<PriceLadderOptionsInput> = {}) => parsePriceLadderOptions({ ...base, ...over });

const A: SkuRow = { itemIndex: 0, sku: 'A', costCents: 6000, listPriceCents: 12900, currency: 'CNY' };
const B: SkuRow = { itemIndex: 1, sku: 'B', costCents: 8000, listPriceCents: 9900, currency: 'CNY' };
const C: SkuRow = { itemIndex: 2, sku: 'C', costCents: 3000, currency: 'CNY' };
const competitor = (sku: string, priceCents: number, itemIndex = 0): CompetitorPrice => ({ itemIndex, sku, priceCents, currency: 'CNY' });

describe('Price Ladder, the worked example', () => {
	const [a, b, c] = computePriceLadder(
		[A, B, C],
		[8900, 9500, 10500, 12000].map((p, i) => competitor('B', p, i)),
		settings(),
	);

	it('A: every tier rounded down to .9, above the floor, no flag', () => {
		expect(a.floorCents).toBe(7059);
		expect(a.tiers.map((t) => [t.minQuantity, t.discountedCents, t.priceCents, t.atFloor])).toEqual([
			[1, 12900, 12890, false],
			[2, 12255, 12190, false],
			[5, 11610, 11590, false],
			[10, 10965, 10890, false],
		]);
		expect(a.member.priceCents).toBe(11590);
		expect(a.flags).toEqual([]);
		expect(a.position).toBe('noCompetitors');
		expect(a.percentile).toBeUndefined();
	});

	it('B: tiers that would cross the floor are raised to it (then up to .9) and flagged, never below', () => {
		expect(b.floorCents).toBe(9412);
		expect(b.tiers.map((t) => [t.minQuantity, t.discountedCents, t.priceCents, t.atFloor])).toEqual([
			[1, 9900, 9890, false],
			[2, 9405, 9490, true],
			[5, 8910, 9490, true],
			[10, 8415, 9490, true],
		]);
		expect(b.member).toMatchObject({ discountedCents: 8910, priceCents: 9490, atFloor: true });
		expect(b.flags.map((f) => [f.code, f.minQuantity, f.wouldBeCents, f.priceCents])).toEqual([
			['listBelowTargetMargin', undefined, undefined, 9900],
			['tierAtFloor', 2, 9405, 9490],
			['tierAtFloor', 5, 8910, 9490],
			['tierAtFloor', 10, 8415, 9490],
			['memberAtFloor', undefined, 8910, 9490],
		]);
	});

	it('B: band 89 / 93.5 / 100 / 108.75 / 120, its one-unit price 98.90 in band at the 50th percentile', () => {
		expect(b.band).toEqual({ count: 4, min: 8900, q1: 9350, median: 10000, q3: 10875, max: 12000 });
		expect(b.position).toBe('in');
		// 89 and 95 below 98.90: 2 ÷ 4
		expect(b.percentile).toBe(50);
	});

	it('C: without a list price, priced at the target margin', () => {
		expect(c).toMatchObject({ basePriceSource: 'targetMargin', basePriceCents: 5000, targetPriceCents: 5000 });
		expect(c.tiers[0].priceCents).toBe(4990);
		// 2+: 47.50 → 46.90; 5+: 45.00 → 44.90; 10+: 42.50 → 41.90; floor ⌈3000 ÷ 0.85⌉ = 35.30
		expect(c.tiers.map((t) => t.priceCents)).toEqual([4990, 4690, 4490, 4190]);
	});
});

describe('Price Ladder, edges', () => {
	it('flags a list price below the floor and raises even the one-unit price to the floor', () => {
		const [row] = computePriceLadder([{ ...B, listPriceCents: 9000 }], [], settings());
		expect(row.flags.map((f) => f.code)).toEqual(['listBelowFloor', 'tierAtFloor', 'tierAtFloor', 'tierAtFloor', 'tierAtFloor', 'memberAtFloor']);
		expect(row.tiers.every((t) => t.priceCents === 9490)).toBe(true);
	});

	it('flags a one-unit price above every competitor', () => {
		const [row] = computePriceLadder([A], [competitor('A', 9900), competitor('A', 11900)], settings());
		expect(row.position).toBe('above');
		expect(row.percentile).toBe(100);
		expect(row.flags.map((f) => f.code)).toEqual(['aboveCompetitorBand']);
	});

	it('with no price ending keeps the cents; 7.5 % off 19.99 is 18.49 (18.49075, halves up)', () => {
		const [row] = computePriceLadder([{ ...A, costCents: 100, listPriceCents: 1999 }], [], settings({ quantityTiers: '1=0, 3=7.5', priceEnding: 'none' }));
		expect(row.tiers.map((t) => t.priceCents)).toEqual([1999, 1849]);
	});

	it('rounds a tier at exactly half a cent up: 10 % off 0.05 is 0.045 → 0.05', () => {
		const [row] = computePriceLadder([{ ...A, costCents: 0, listPriceCents: 5 }], [], settings({ quantityTiers: '1=10', priceEnding: 'none', marginFloorPercent: 0 }));
		expect(row.tiers[0].priceCents).toBe(5);
	});
});

describe('Quantity Tiers', () => {
	it('reads quantity=percent, sorted by quantity, percent signs allowed', () => {
		expect(parseQuantityTiers('10=15, 1=0, 3=5%')).toEqual([
			{ minQuantity: 1, discountPercent: 0 },
			{ minQuantity: 3, discountPercent: 5 },
			{ minQuantity: 10, discountPercent: 15 },
		]);
	});
	it.each([
		['3:5', 'is not quantity=percent'],
		['0=5', 'needs a quantity from 1'],
		['2=100', 'needs a percent off below 100'],
		['2=5, 2=6', 'repeats a quantity'],
		['', 'has no tier'],
	])('refuses "%s": %s', (text, why) => {
		expect(() => settings({ quantityTiers: text })).toThrow(why);
	});
});
