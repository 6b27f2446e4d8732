/**
 * What a coupon gives, and what it can cost the shop.
 *
 * Kinds (the ones Chinese platforms and Shopify/WooCommerce all offer):
 * - `fixedAmount`: Y off the order (立减), optionally from a minimum spend (满 X 可用);
 * - `percentage`: P % off (P = 15 → 15 % off, 8.5 折), optionally capped at C (最高减 C);
 * - `spendThreshold`: spend X, save Y (满减, 满 X 减 Y), once per order.
 * Every kind may carry a minimum spend; a spend-threshold coupon's minimum is at least X.
 *
 * Budget cost = the largest discount the coupon can give (its face value): Y for fixed and
 * spend-threshold coupons, the cap C for percentage coupons, plus any birthday bonus. A
 * percentage coupon without a cap has no largest discount, so it cannot be budgeted.
 */
import { displayMoney } from '../display';
import { UserInputError } from '../errors';

export const COUPON_KINDS = ['none', 'fixedAmount', 'percentage', 'spendThreshold'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

export interface CouponTerms {
	kind: Exclude<CouponKind, 'none'>;
	/** fixedAmount: money off. */
	amount?: number;
	/** percentage: percent off, 0 < P < 100. */
	percent?: number;
	/** percentage: largest discount; 0 or absent = no cap. */
	cap?: number;
	/** spendThreshold: spend at least this … */
	threshold?: number;
	/** … to save this. */
	reduction?: number;
	/** Smallest order the coupon applies to; 0 or absent = any order. */
	minimumSpend?: number;
	/** Days the coupon stays valid, counting the first day. */
	daysValid: number;
}

export type Language = 'en' | 'zh';

/** Throws UserInputError naming the tier when the terms cannot describe a coupon. */
export function validateCouponTerms(terms: CouponTerms, where: string): void {
	const positive = (value: number | undefined, what: string): number => {
		if (value === undefined || !Number.isFinite(value) || value <= 0) {
			throw new UserInputError(`${where}: ${what} must be a number above 0; got ${String(value ?? 'nothing')}`);
		}
		return value;
	};
	const nonNegative = (value: number | undefined, what: string) => {
		if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
			throw new UserInputError(`${where}: ${what} must be 0 or more; got ${value}`);
		}
	};
	if (!Number.isInteger(terms.daysValid) || terms.daysValid < 1) {
		throw new UserInputError(`${where}: days valid must be a whole number of at least 1; got ${terms.daysValid}`);
	}
	nonNegative(terms.minimumSpend, 'the minimum spend');
	switch (terms.kind) {
		case 'fixedAmount':
			positive(terms.amount, 'the amount off');
			return;
		case 'percentage': {
			const percent = positive(terms.percent, 'the percent off');
			if (percent >= 100) throw new UserInputError(`${where}: the percent off must be below 100; got ${percent}`);
			nonNegative(terms.cap, 'the cap');
			return;
		}
		case 'spendThreshold': {
			const threshold = positive(terms.threshold, 'the spend threshold');
			const reduction = positive(terms.reduction, 'the reduction');
			if (reduction > threshold) {
				throw new UserInputError(`${where}: spend ${threshold}, save ${reduction} gives more than the order is worth`);
			}
			return;
		}
		default:
			throw new UserInputError(`${where}: unknown coupon kind "${String((terms as { kind: unknown }).kind)}"`);
	}
}

/** The order value from which the coupon applies. */
export function minimumOrder(terms: CouponTerms): number {
	const minimum = terms.minimumSpend ?? 0;
	return terms.kind === 'spendThreshold' ? Math.max(minimum, terms.threshold ?? 0) : minimum;
}

/** Discount on an order of `orderValue` (never more than the order), with an optional bonus. */
export function discountOn(terms: CouponTerms, orderValue: number, bonus = 0): number {
	if (!(orderValue > 0) || orderValue < minimumOrder(terms)) return 0;
	let discount: number;
	switch (terms.kind) {
		case 'fixedAmount':
			discount = terms.amount ?? 0;
			break;
		case 'percentage': {
			const raw = (orderValue * (terms.percent ?? 0)) / 100;
			discount = terms.cap ? Math.min(raw, terms.cap) : raw;
			break;
		}
		case 'spendThreshold':
			discount = terms.reduction ?? 0;
			break;
	}
	return displayMoney(Math.min(orderValue, discount + bonus));
}

/** Largest discount the coupon can give; undefined for an uncapped percentage coupon. */
export function faceValue(terms: CouponTerms, bonus = 0): number | undefined {
	switch (terms.kind) {
		case 'fixedAmount':
			return displayMoney((terms.amount ?? 0) + bonus);
		case 'percentage':
			return terms.cap ? displayMoney(terms.cap + bonus) : undefined;
		case 'spendThreshold':
			return displayMoney((terms.reduction ?? 0) + bonus);
	}
}

const CURRENCY_SYMBOL: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

function moneyText(amount: number, currency: string): string {
	const text = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
	const symbol = CURRENCY_SYMBOL[currency];
	return symbol ? `${symbol}${text}` : `${text} ${currency}`;
}

/** 15 % off → "8.5折" (the Chinese way of writing a discount: the share paid, in tenths). */
function zhe(percent: number): string {
	const paid = (100 - percent) / 10;
	return `${Number.isInteger(paid) ? paid : Number(paid.toFixed(2))}折`;
}

/**
 * One line a customer reads, e.g. "Spend ¥99, save ¥20" / "满¥99减¥20",
 * "15% off, up to ¥100" / "8.5折，最高减¥100".
 */
export function describeCoupon(terms: CouponTerms, currency: string, language: Language, bonus = 0): string {
	const m = (amount: number) => moneyText(amount, currency);
	const minimum = terms.minimumSpend ?? 0;
	let text: string;
	if (language === 'zh') {
		switch (terms.kind) {
			case 'fixedAmount':
				text = minimum > 0 ? `满${m(minimum)}立减${m(terms.amount ?? 0)}` : `无门槛立减${m(terms.amount ?? 0)}`;
				break;
			case 'percentage':
				text = `${minimum > 0 ? `满${m(minimum)}享` : ''}${zhe(terms.percent ?? 0)}${terms.cap ? `，最高减${m(terms.cap)}` : ''}`;
				break;
			case 'spendThreshold':
				text = `满${m(minimumOrder(terms))}减${m(terms.reduction ?? 0)}`;
				break;
		}
		if (bonus > 0) text += `，生日再减${m(bonus)}`;
		return text;
	}
	switch (terms.kind) {
		case 'fixedAmount':
			text = `${m(terms.amount ?? 0)} off${minimum > 0 ? ` orders of ${m(minimum)} or more` : ''}`;
			break;
		case 'percentage':
			text = `${terms.percent}% off${terms.cap ? `, up to ${m(terms.cap)}` : ''}${minimum > 0 ? ` on orders of ${m(minimum)} or more` : ''}`;
			break;
		case 'spendThreshold':
			text = `Spend ${m(minimumOrder(terms))}, save ${m(terms.reduction ?? 0)}`;
			break;
	}
	if (bonus > 0) text += `; birthday: ${m(bonus)} more off`;
	return text;
}
