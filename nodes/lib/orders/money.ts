/**
 * Money is summed in integer cents: a float sum of a customer's order amounts depends on
 * the order of addition, and RFM compares customers' monetary values for equality (ties
 * share a score). Cents make the sums exact and the comparison meaningful.
 */
import { displayMoney } from '../display';

/** Rounds to whole cents, halves away from zero. */
export function toCents(amount: number): number {
	const cents = Math.round(Math.abs(amount) * 100);
	return amount < 0 ? -cents : cents;
}

export function fromCents(cents: number): number {
	return cents / 100;
}

/** Rounds a derived amount (an average, a mean) to cents for output (../display.ts, the one rule). */
export function roundMoney(amount: number): number {
	return displayMoney(amount);
}
