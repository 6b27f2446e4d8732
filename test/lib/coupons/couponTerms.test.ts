/** Coupon kinds: discount on an order, face value (budget cost), and the text customers read. */
import {
	describeCoupon,
	discountOn,
	faceValue,
	minimumOrder,
	validateCouponTerms,
	type CouponTerms,
} from '../../../nodes/lib/coupons';
import { UserInputError } from '../../../nodes/lib/errors';

const fixed: CouponTerms = { kind: 'fixedAmount', amount: 10, minimumSpend: 99, daysValid: 14 };
const percent: CouponTerms = { kind: 'percentage', percent: 15, cap: 100, daysValid: 30 };
const uncapped: CouponTerms = { kind: 'percentage', percent: 20, daysValid: 7 };
const manjian: CouponTerms = { kind: 'spendThreshold', threshold: 300, reduction: 50, daysValid: 14 };

describe('coupon terms', () => {
	it.each<[string, CouponTerms, number, number]>([
		['fixed ¥10 from ¥99, order ¥98.99', fixed, 98.99, 0],
		['fixed ¥10 from ¥99, order ¥99', fixed, 99, 10],
		['fixed ¥10, order ¥6 (never more than the order)', { ...fixed, minimumSpend: 0 }, 6, 6],
		['15% capped at ¥100, order ¥200', percent, 200, 30],
		['15% capped at ¥100, order ¥1000', percent, 1000, 100],
		['15% of ¥33.33 rounds to cents', percent, 33.33, 5],
		['20% uncapped, order ¥1000', uncapped, 1000, 200],
		['满300减50, order ¥299.99', manjian, 299.99, 0],
		['满300减50, order ¥300', manjian, 300, 50],
		['满300减50, order ¥900 (once per order, not 每满)', manjian, 900, 50],
	])('%s → %d off', (_, terms, order, expected) => {
		expect(discountOn(terms, order)).toBe(expected);
	});

	it('adds a birthday bonus on top of any kind', () => {
		expect(discountOn(percent, 1000, 20)).toBe(120);
		expect(discountOn(manjian, 300, 20)).toBe(70);
		expect(faceValue(fixed, 20)).toBe(30);
	});

	it('face value: the largest discount; none for an uncapped percentage', () => {
		expect(faceValue(fixed)).toBe(10);
		expect(faceValue(percent)).toBe(100);
		expect(faceValue(manjian)).toBe(50);
		expect(faceValue(uncapped)).toBeUndefined();
	});

	it('a spend-threshold coupon applies from the larger of threshold and minimum spend', () => {
		expect(minimumOrder(manjian)).toBe(300);
		expect(minimumOrder({ ...manjian, minimumSpend: 500 })).toBe(500);
		expect(minimumOrder(percent)).toBe(0);
	});

	it('describes each kind in English and Chinese', () => {
		expect(describeCoupon(fixed, 'CNY', 'en')).toBe('¥10 off orders of ¥99 or more');
		expect(describeCoupon(fixed, 'CNY', 'zh')).toBe('满¥99立减¥10');
		expect(describeCoupon({ ...fixed, minimumSpend: 0 }, 'CNY', 'zh')).toBe('无门槛立减¥10');
		expect(describeCoupon(percent, 'CNY', 'en')).toBe('15% off, up to ¥100');
		expect(describeCoupon(percent, 'CNY', 'zh')).toBe('8.5折，最高减¥100');
		expect(describeCoupon({ ...percent, percent: 12.5 }, 'CNY', 'zh')).toBe('8.75折，最高减¥100');
		expect(describeCoupon(manjian, 'CNY', 'en')).toBe('Spend ¥300, save ¥50');
		expect(describeCoupon(manjian, 'CNY', 'zh')).toBe('满¥300减¥50');
		expect(describeCoupon(manjian, 'CNY', 'zh', 20)).toBe('满¥300减¥50，生日再减¥20');
		expect(describeCoupon({ ...fixed, amount: 7.5 }, 'SEK', 'en')).toBe('7.50 SEK off orders of 99 SEK or more');
	});

	it.each<[CouponTerms, RegExp]>([
		[{ kind: 'fixedAmount', amount: 0, daysValid: 7 }, /amount off must be a number above 0/],
		[{ kind: 'percentage', percent: 100, daysValid: 7 }, /percent off must be below 100/],
		[{ kind: 'percentage', percent: 10, cap: -1, daysValid: 7 }, /cap must be 0 or more/],
		[{ kind: 'spendThreshold', threshold: 50, reduction: 60, daysValid: 7 }, /more than the order is worth/],
		[{ kind: 'spendThreshold', threshold: 50, daysValid: 7 }, /reduction must be a number above 0; got nothing/],
		[{ ...fixed, daysValid: 0 }, /days valid must be a whole number of at least 1/],
		[{ ...fixed, minimumSpend: -5 }, /minimum spend must be 0 or more/],
	])('rejects %j', (terms, message) => {
		expect(() => validateCouponTerms(terms, 'Tier 1 ("vip")')).toThrow(UserInputError);
		expect(() => validateCouponTerms(terms, 'Tier 1 ("vip")')).toThrow(message);
	});
});
