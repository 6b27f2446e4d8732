/**
 * The one rounding rule for figures people read (docs/data-model.md, "Rounded and exact
 * values"): money to the currency's minor unit (ISO 4217), quantities to whole units, shares
 * as a 4-decimal fraction and a 1-decimal percent. Every expected value is worked by hand.
 */
import { displayMoney, displayPercent, displayShare, displayUnits, minorUnits, roundTo } from '../../nodes/lib/display';

describe('roundTo: halves away from zero, as written in decimal', () => {
	it.each([
		[2.5, 0, 3],
		[-2.5, 0, -3],
		// 1.005 is stored as 1.00499999999999989…; a person reading "1.005" rounds it to 1.01
		[1.005, 2, 1.01],
		[2.675, 2, 2.68],
		[1.45, 1, 1.5],
		[0.0000505, 4, 0.0001],
		[0.0000384, 4, 0],
		[-0.00001, 2, 0],
	])('%p to %p places is %p', (value, decimals, expected) => {
		expect(roundTo(value, decimals)).toBe(expected);
	});

	it('never writes −0 (a negative that rounds to nothing reads 0)', () => {
		expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true);
	});
});

describe('money to the currency minor unit (ISO 4217)', () => {
	it('cents for CNY and USD, whole yen for JPY and won for KRW, three places for KWD', () => {
		expect(minorUnits('CNY')).toBe(2);
		expect(minorUnits('USD')).toBe(2);
		expect(minorUnits('JPY')).toBe(0);
		expect(minorUnits('KRW')).toBe(0);
		expect(minorUnits('KWD')).toBe(3);
	});

	it('cents when no currency is given or the code is not one', () => {
		expect(minorUnits()).toBe(2);
		expect(minorUnits('not a code')).toBe(2);
	});

	it('rounds 12,345.675 CNY to 12,345.68 and 1,234.5 JPY to 1,235', () => {
		expect(displayMoney(12345.675, 'CNY')).toBe(12345.68);
		expect(displayMoney(1234.5, 'JPY')).toBe(1235);
		expect(displayMoney(1.2345, 'KWD')).toBe(1.235);
	});
});

describe('quantities and shares', () => {
	it('a stock figure of 38.39994212958602 units reads 38; days of cover to one decimal', () => {
		expect(displayUnits(38.39994212958602)).toBe(38);
		expect(displayUnits(12.649, 1)).toBe(12.6);
	});

	it('a share of 0.137146 reads 0.1371 as a fraction and 13.7 as a percent', () => {
		expect(displayShare(0.137146)).toBe(0.1371);
		expect(displayPercent(0.137146)).toBe(13.7);
		expect(displayPercent(1)).toBe(100);
		expect(displayPercent(0.00049)).toBe(0);
	});
});
