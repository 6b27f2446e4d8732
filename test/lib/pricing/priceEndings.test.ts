/**
 * Charm price endings: round down to the ending, unless that crosses the margin floor, then up.
 * Values worked by hand from the endings' definitions (price ≡ remainder mod step, in cents).
 */
import { applyPriceEnding, roundDownToEnding, roundUpToEnding } from '../../../nodes/lib/pricing';

describe('price endings', () => {
	it.each([
		// ending, cents, down, up
		['dot9', 12255, 12190, 12290],
		['dot9', 12290, 12290, 12290],
		['dot99', 12255, 12199, 12299],
		['nine', 12255, 11900, 12900],
		['nine', 12900, 12900, 12900],
		['whole', 12255, 12200, 12300],
		['none', 12255, 12255, 12255],
	] as const)('%s: %i cents → down %i, up %i', (ending, cents, down, up) => {
		expect(roundDownToEnding(cents, ending)).toBe(down);
		expect(roundUpToEnding(cents, ending)).toBe(up);
	});

	it('rounds down when the result keeps the floor: 122.55 with floor 100 → 121.90', () => {
		expect(applyPriceEnding(12255, 'dot9', 10000)).toBe(12190);
	});

	it('rounds up when down would cross the floor: 94.12 (the floor) → 94.90, not 93.90', () => {
		expect(applyPriceEnding(9412, 'dot9', 9412)).toBe(9490);
	});

	it('with ending 9: 122.55 → 119 normally, → 129 when the floor is 120', () => {
		expect(applyPriceEnding(12255, 'nine', 10000)).toBe(11900);
		expect(applyPriceEnding(12255, 'nine', 12000)).toBe(12900);
	});

	it('never rounds to zero or below: 5.00 with ending 9 → 9.00', () => {
		expect(roundDownToEnding(500, 'nine')).toBe(-100);
		expect(applyPriceEnding(500, 'nine', 1)).toBe(900);
	});
});
