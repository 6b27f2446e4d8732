/**
 * Gross margin on price, not markup on cost. Textbook definitions: gross profit rate = gross
 * profit ÷ net sales (Weygandt, Kimmel & Kieso, Financial Accounting, ch. 5); markup is on cost
 * (Horngren et al., Cost Accounting, target pricing). The confusion both ways is tested: a 40 %
 * margin target on a cost of 60 must give 100, not the 84 a 40 % markup gives.
 */
import { lowestPriceForMargin, marginOf, markupOf, meetsMargin, parsePriceLadderOptions } from '../../../nodes/lib/pricing';

describe('margin on price', () => {
	it('prices a cost of 60.00 at a 40 % margin at 100.00 (not 84.00, which is a 40 % markup)', () => {
		expect(lowestPriceForMargin(6000, 4000)).toBe(10000);
		expect(marginOf(10000, 6000)).toBeCloseTo(0.4, 12);
		// 84.00 is the markup reading: its margin is 24 ÷ 84 = 28.6 %, short of 40 %.
		expect(markupOf(8400, 6000)).toBeCloseTo(0.4, 12);
		expect(meetsMargin(8400, 6000, 4000)).toBe(false);
	});

	it('is exact in cents where floating point is not: cost 14.00 at 30 % is 20.00 (1400 ÷ 0.7 = 2000.0000000000002)', () => {
		expect(Math.ceil(1400 / (1 - 0.3))).toBe(2001);
		expect(lowestPriceForMargin(1400, 3000)).toBe(2000);
		expect(meetsMargin(2000, 1400, 3000)).toBe(true);
		expect(meetsMargin(1999, 1400, 3000)).toBe(false);
		// cost 3.00 at 90 %: 30.00 (float: 3000.0000000000005)
		expect(lowestPriceForMargin(300, 9000)).toBe(3000);
	});

	it('rounds the floor price up to the next cent: cost 80.00 at 15 % is 94.12 (94.1176…)', () => {
		expect(lowestPriceForMargin(8000, 1500)).toBe(9412);
		expect(meetsMargin(9412, 8000, 1500)).toBe(true);
		expect(meetsMargin(9411, 8000, 1500)).toBe(false);
	});

	it('gives a free item (cost 0) a price of one cent at any margin, and no markup', () => {
		expect(lowestPriceForMargin(0, 5000)).toBe(1);
		expect(markupOf(100, 0)).toBeNull();
	});

	it('reads a price below cost as a negative margin', () => {
		expect(marginOf(5000, 6000)).toBeCloseTo(-0.2, 12);
	});
});

describe('margin settings refuse a markup typed as a margin', () => {
	const good = { quantityTiers: '1=0', memberDiscountPercent: 10, targetMarginPercent: 40, marginFloorPercent: 15, priceEnding: 'dot9' as const, defaultCurrency: 'CNY' };
	it('refuses a target margin of 150 % and says what a markup of 150 % is as a margin', () => {
		expect(() => parsePriceLadderOptions({ ...good, targetMarginPercent: 150 })).toThrow('Target Margin (%) must be a percent from 0 to below 100 (got 150)');
		try {
			parsePriceLadderOptions({ ...good, targetMarginPercent: 150 });
		} catch (error) {
			expect((error as { hint: string }).hint).toContain('A markup on cost of 150 % is a margin of 60 %');
			expect((error as { hint: string }).hint).toContain('加价率');
		}
	});
	it('refuses 100 % and a floor above the target', () => {
		expect(() => parsePriceLadderOptions({ ...good, marginFloorPercent: 100 })).toThrow('Margin Floor (%) must be a percent from 0 to below 100');
		expect(() => parsePriceLadderOptions({ ...good, marginFloorPercent: 45 })).toThrow('Margin Floor (%) (45) is above Target Margin (%) (40)');
	});
});
