/**
 * Options of the synthetic shop and their validation. Every generator takes the same options,
 * so datasets generated separately fit together. There are no defaults here: the Demo Shop
 * Data node's description holds them (nodes/DemoShopData/settings.ts, defaultDemoOptions).
 */
import { UserInputError } from '../errors';
import { describeValue } from '../model/validation';
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

/** Upper bounds that keep a run within memory and the sort keys exact. */
export const DEMO_LIMITS = {
	customers: 1_000_000,
	orders: 5_000_000,
	skus: 10_000,
	warehouses: 50,
	days: 3660,
	/**
	 * SKUs × warehouses × days: the stock simulation behind Inventory and Daily Sales keeps a
	 * series per SKU and warehouse for every day, and Daily Sales emits one row per cell. Each
	 * size alone is capped above, but not their product: 10,000 × 50 × 3,660 is 1.8 billion
	 * rows, which grew memory until the process died (issue 14). Two million rows are about
	 * 1 GB as n8n items.
	 */
	stockRows: 2_000_000,
} as const;

/**
 * Throws UserInputError when the stock simulation (Inventory, Daily Sales) would exceed
 * DEMO_LIMITS.stockRows, naming the limit and a way to stay under it.
 */
export function validateStockSize(options: DemoShopOptions): void {
	const warehouses = options.warehouses.length;
	const rows = options.skus * warehouses * options.days;
	if (rows <= DEMO_LIMITS.stockRows) return;
	const fmt = (n: number) => n.toLocaleString('en-US');
	const daysThatFit = Math.floor(DEMO_LIMITS.stockRows / (options.skus * warehouses));
	const skusThatFit = Math.floor(DEMO_LIMITS.stockRows / (warehouses * options.days));
	throw new UserInputError(
		`${fmt(options.skus)} SKUs × ${warehouses} warehouses × ${fmt(options.days)} days is ${fmt(rows)} rows of stock, above the limit of ${fmt(DEMO_LIMITS.stockRows)} (SKUs × warehouses × days)`,
		{
			field: 'skus',
			expected: `SKUs × warehouses × days ≤ ${fmt(DEMO_LIMITS.stockRows)}`,
			hint:
				`Lower SKUs, Warehouses or Days of History until their product is at most ${fmt(DEMO_LIMITS.stockRows)}: ` +
				(daysThatFit >= 1 ? `e.g. ${fmt(daysThatFit)} days with these SKUs and warehouses, or ` : '') +
				`${fmt(Math.max(1, skusThatFit))} SKUs with these warehouses and days. ` +
				`库存模拟行数（SKU × 仓库 × 天数）上限为 ${fmt(DEMO_LIMITS.stockRows)}：请减少 SKU、仓库或天数。`,
		},
	);
}

/**
 * The Warehouses parameter as a list of names. Typed in the editor it is comma-separated text
 * (split by `splitText`, the pack's one list parser); from an expression it may be a list of
 * names (or numbers, e.g. warehouse codes) or a single number. Anything else — an object, a
 * list holding one — is refused with what was given, rather than crashing on text.split.
 */
export function warehouseNamesFrom(value: unknown, splitText: (text: string) => string[]): string[] {
	if (typeof value === 'string') return splitText(value);
	if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
	if (Array.isArray(value) && value.every((name) => typeof name === 'string' || (typeof name === 'number' && Number.isFinite(name)))) {
		return value.map((name) => String(name).trim());
	}
	const got = Array.isArray(value) ? 'a list with an entry that is not a name' : describeValue(value);
	throw new UserInputError(`Warehouses must be comma-separated names or a list of names, got ${got}`, {
		field: 'warehouses',
		expected: 'comma-separated names, e.g. east-shanghai, south-guangzhou, or a list of names',
		hint: 'Type the names separated by commas, or make the expression return a list of names. 请填写以逗号分隔的仓库名，或让表达式返回仓库名列表。',
	});
}


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
