/**
 * Orders in more than one currency cannot be summed without rates. The base the user names (or,
 * when none is named, the first currency this converter meets — the order reader passes the most
 * common one, nodes/shared/orderItems.ts) is the base; any other currency needs a rate in the
 * user's table, given as "1 unit of that currency = rate units of the base".
 */
import type { InputIssue } from '../model';

/**
 * Largest rate read (units of the base per unit of another currency). The widest real pair, Iranian
 * rial per Kuwaiti dinar, is near 10^5–10^6; a bound keeps an amount × rate finite (issue 14).
 */
export const MAX_RATE = 1_000_000_000;

export interface CurrencyOptions {
	/** Currency all money is reported in; default: the first currency rateFor meets. */
	baseCurrency?: string;
	/** Units of the base currency per unit of each other currency, e.g. { USD: 7.1 }. */
	rates?: Record<string, number>;
}

export interface CurrencyConverter {
	/** The base currency, once known. */
	readonly baseCurrency: () => string | undefined;
	/** Rate into the base for an order's currency, or an issue when there is none. */
	rateFor(currency: string | undefined, itemIndex: number, field: string): number | InputIssue;
}

/** The rate the user's table gives `currency`, when it is one the converter accepts (above 0, up to MAX_RATE). */
export function rateInTable(rates: Record<string, number>, currency: string): number | undefined {
	const rate = Object.hasOwn(rates, currency) ? rates[currency] : undefined;
	return typeof rate === 'number' && rate > 0 && rate <= MAX_RATE ? rate : undefined;
}

export function createCurrencyConverter({ baseCurrency, rates = {} }: CurrencyOptions): CurrencyConverter {
	let base = baseCurrency?.trim().toUpperCase() || undefined;
	return {
		baseCurrency: () => base,
		rateFor(currency, itemIndex, field) {
			if (currency === undefined || currency === base) return 1;
			if (base === undefined) {
				base = currency;
				return 1;
			}
			const rate = Object.hasOwn(rates, currency) ? rates[currency] : undefined;
			if (rateInTable(rates, currency) !== undefined) return rate as number;
			return {
				itemIndex,
				field,
				value: currency,
				expected:
					rate === undefined
						? `${base} (the base currency), or a rate for ${currency} in the node's Currency Rates option`
						: `${base} (the base currency), or a rate for ${currency} from above 0 to ${MAX_RATE.toLocaleString('en-US')} in Currency Rates (got ${rate})`,
			};
		},
	};
}
