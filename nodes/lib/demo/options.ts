/**
 * Options of the synthetic shop, their defaults and their validation. Every generator
 * takes the same options, so datasets generated separately fit together.
 */
import { UserInputError } from '../errors';
import { parseDayNumber } from '../time';

/** 1900-01-01: the earliest end date (birthdays and member dates reach decades back). */
const EARLIEST_END_DAY = -25567;

export interface DemoShopOptions {
	/** Same seed and options give identical output. */
	seed: number;
	customers: number;
	/** Exactly this many orders are generated. */
	orders: number;
	skus: number;
	/** At least two, e.g. regional warehouses (区域分仓). */
	warehouses: string[];
	/** Last day of the window, YYYY-MM-DD in the shop's time zone (Asia/Shanghai, +08:00). */
	endDate: string;
	/** Window length in days, ending on endDate. */
	days: number;
}

export const DEFAULT_DEMO_OPTIONS: Omit<DemoShopOptions, 'endDate'> = {
	seed: 42,
	customers: 2000,
	orders: 10000,
	skus: 40,
	warehouses: ['east-shanghai', 'south-guangzhou'],
	days: 365,
};

/** Upper bounds that keep a run within memory and the sort keys exact. */
export const DEMO_LIMITS = {
	customers: 1_000_000,
	orders: 5_000_000,
	skus: 10_000,
	warehouses: 50,
	days: 3660,
} as const;


function wholeNumber(name: string, value: unknown, min: number, max: number): void {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw new UserInputError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
	}
}

/** Throws UserInputError with a message a shop operator can act on. */
export function validateDemoOptions(options: DemoShopOptions): void {
	if (typeof options.seed !== 'number' || !Number.isFinite(options.seed)) {
		throw new UserInputError(`seed must be a number, got ${String(options.seed)}`);
	}
	wholeNumber('customers', options.customers, 0, DEMO_LIMITS.customers);
	wholeNumber('orders', options.orders, 0, DEMO_LIMITS.orders);
	wholeNumber('skus', options.skus, 1, DEMO_LIMITS.skus);
	wholeNumber('days', options.days, 1, DEMO_LIMITS.days);
	if (options.orders > 0 && options.customers === 0) {
		throw new UserInputError('customers must be at least 1 when orders are generated');
	}
	const { warehouses } = options;
	if (!Array.isArray(warehouses) || warehouses.length < 2 || warehouses.length > DEMO_LIMITS.warehouses) {
		throw new UserInputError(`warehouses must list 2 to ${DEMO_LIMITS.warehouses} warehouse names`);
	}
	const seen = new Set<string>();
	for (const name of warehouses) {
		if (typeof name !== 'string' || name.trim() === '') {
			throw new UserInputError('each warehouse needs a non-empty name');
		}
		if (seen.has(name)) throw new UserInputError(`warehouse "${name}" is listed twice`);
		seen.add(name);
	}
	const endDay = parseDayNumber(options.endDate);
	if (Number.isNaN(endDay) || endDay < EARLIEST_END_DAY) {
		throw new UserInputError(
			`endDate must be a calendar date YYYY-MM-DD from 1900 on, got "${String(options.endDate)}"`,
		);
	}
}
