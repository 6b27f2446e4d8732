/**
 * Reading order items the way RFM Segment does — field mapping, the order schema (with its
 * fast lane), per-item errors, a sane time span, and currencies converted to one base
 * currency — for every node that starts from orders (RFM Segment, Visitor Value). Each node
 * stores the orders its own way.
 *
 * The base currency (docs/nodes/RfmSegment.md, "Limits"): the Base Currency option when set;
 * else the most common currency among the valid orders, ties going to the one met first. Not
 * simply the first order's: one stray USD order at item 0 used to send every CNY order to the
 * error output (issue 14). When the input holds more than one currency and the option is
 * empty, a hint in the output pane names the currency chosen and how many orders had each.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createFieldReader, issueFromZod, sourcePathOf, type FieldMapping, type InputIssue } from '../lib/model';
import {
	createCurrencyConverter,
	createOrderIdCheck,
	newOrderFields,
	ORDER_FIELDS,
	orderInputInto,
	orderInputParser,
	OrderTable,
	rateInTable,
	toOrderRecord,
	type OrderFields,
	type OrderRecord,
} from '../lib/orders';
import { horizonExpected, isWithinHorizon } from '../lib/time';
import { consumeItems, hintUnmatchedMappings } from './inputItems';
import { errorItem, issueToError, type ExpectedInput } from './nodeHelpers';

/** What an order input reads, for the error when only other items (e.g. a trigger's) reached it. */
export const ORDER_INPUT: Pick<ExpectedInput, 'fields' | 'kind' | 'connect'> = {
	fields: ORDER_FIELDS,
	kind: { en: 'order', zh: '订单' },
	connect: {
		en: "Connect a node that outputs orders, one item per order: Demo Shop Data with Dataset Orders, a shop node's Get orders (e.g. Douyin Shop → Order → Get Many), or a sheet of orders.",
		zh: '请连接输出订单（每条一个订单）的节点：Demo Shop Data（示例数据，Dataset 选 Orders）、店铺节点的“Get orders”（获取订单，如抖店节点），或订单表格。',
	},
};

export interface OrderReadSettings {
	mapping: FieldMapping;
	timeZone: string;
	baseCurrency: string | undefined;
	rates: Record<string, number>;
	/** The run's clock (epoch ms), for the time span an order may fall in; default: now. */
	now?: number;
}

export interface OrdersRead {
	errorItems: INodeExecutionData[];
	/** The base currency: the Base Currency option, else the most common among the valid orders. */
	currency: string | undefined;
	/** How the base currency was chosen (undefined when no order has a currency). */
	currencySource: 'parameter' | 'mostCommon' | undefined;
	/** Rate into the base currency for an order's currency. */
	rateOf: (currency: string | undefined) => number;
}

/**
 * What both order readers (readOrderItems, scanOrderItems) start from, so they read the Base
 * Currency option and the mapped field names the same way and report a bad order the same way:
 * thrown without Continue, else an error item collected in `errors`.
 */
function orderReading(context: IExecuteFunctions, settings: OrderReadSettings) {
	const continueOnFail = context.continueOnFail();
	const errors: INodeExecutionData[] = [];
	return {
		now: settings.now ?? Date.now(),
		parameterBase: settings.baseCurrency?.trim().toUpperCase() || undefined,
		createdAtField: sourcePathOf('createdAt', settings.mapping),
		currencyField: sourcePathOf('currency', settings.mapping),
		errors,
		fail: (issue: InputIssue) => {
			if (!continueOnFail) throw issueToError(context, issue);
			errors.push(errorItem(issue));
		},
	};
}

/**
 * Validates every item as an order and hands each good one to `store`, in input order; `store`
 * may refuse an order with an InputIssue of its own (e.g. a channel that is not text).
 */
export function readOrderItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: OrderReadSettings,
	store: (order: OrderRecord) => InputIssue | void,
): OrdersRead {
	const { now, parameterBase, createdAtField, currencyField, errors: laterErrors, fail } = orderReading(context, settings);

	// Without the option the base is known only once every item is read: keep the valid orders
	// until then (with it, each order is converted and stored as it is read) — by column, not as
	// a million objects, which were 380 MB of a million-order run and its garbage collection.
	const pending = new OrderTable();
	const ordersOf = new Map<string, number>();
	let currencies = parameterBase === undefined ? undefined : createCurrencyConverter({ baseCurrency: parameterBase, rates: settings.rates });
	const rates = new Map<string, number>();
	const convertAndStore = (order: OrderRecord): InputIssue | undefined => {
		const rate = currencies!.rateFor(order.currency, order.itemIndex, currencyField);
		if (typeof rate !== 'number') return rate;
		const refused = store(order);
		if (refused) return refused;
		if (order.currency !== undefined) rates.set(order.currency, rate);
		return undefined;
	};

	const parser = orderInputParser(settings.timeZone);
	const { errorItems } = consumeItems(context, items, ORDER_FIELDS, settings.mapping, parser, (input, itemIndex) => {
		const order = toOrderRecord(input, itemIndex);
		if (!isWithinHorizon(order.createdAtMs, now)) {
			return { itemIndex, field: createdAtField, value: order.createdAt, expected: horizonExpected(now) };
		}
		if (currencies) return convertAndStore(order);
		pending.push(order);
		if (order.currency !== undefined) ordersOf.set(order.currency, (ordersOf.get(order.currency) ?? 0) + 1);
		return undefined;
	}, parser.fastLane(settings.mapping));

	let currencySource: OrdersRead['currencySource'] = parameterBase === undefined ? undefined : 'parameter';
	if (currencies === undefined) {
		const base = mostCommon(ordersOf);
		currencies = createCurrencyConverter({ baseCurrency: base, rates: settings.rates });
		if (base !== undefined) currencySource = 'mostCommon';
		for (let i = 0; i < pending.length; i++) {
			const issue = convertAndStore(pending.recordAt(i));
			if (issue) fail(issue);
		}
		if (ordersOf.size > 1 && base !== undefined) hintChosenCurrency(context, base, ordersOf);
	}
	const allErrors =
		laterErrors.length === 0 ? errorItems : [...errorItems, ...laterErrors].sort((a, b) => itemOf(a) - itemOf(b));
	return {
		errorItems: allErrors,
		currency: currencies.baseCurrency(),
		currencySource,
		rateOf: (currency) => (currency === undefined ? 1 : (rates.get(currency) ?? 1)),
	};
}

/**
 * What a visitor of scanOrderItems gets with each valid order: the rate into the base currency
 * when it is known (the Base Currency option is set, or the order has no currency: 1), else
 * undefined, and then `rateIfNotBase` is the user's rate for the order's currency, if any.
 */
export interface OrderRate {
	rate: number | undefined;
	rateIfNotBase: number | undefined;
}

export interface OrderScan {
	/** False when the visitor stopped the scan (it then reads the items another way). */
	complete: boolean;
	errorItems: INodeExecutionData[];
	/** The base currency: the Base Currency option, else the most common among the valid orders. */
	currency: string | undefined;
	currencySource: OrdersRead['currencySource'];
	/** Valid orders per currency (without the Base Currency option). */
	ordersOf: Map<string, number>;
}

/**
 * readOrderItems in one pass with nothing kept per order: each item is validated in place
 * (the fast lane writes into one reused object; other items go through the schema, which
 * gives the error) and handed to `visit` with its rate, which adds it to its own running
 * totals. Why: at a million orders every object kept per order (records, parse results, the
 * column table of orders waiting for the base currency) outlived the young generation and
 * made the garbage collector copy it (docs/nodes/RfmSegment.md, "Where the time goes").
 *
 * The visitor returns false to stop (e.g. on a case its totals cannot take in one pass); then
 * nothing has been reported yet (errors are only thrown, without Continue, for an item
 * readOrderItems throws for too) and the caller reads the items with readOrderItems instead.
 * Without the Base Currency option the rates of orders in other currencies are settled by the
 * caller once the base is known (`ordersOf`); finishOrderScan gives the hints.
 */
export function scanOrderItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: OrderReadSettings,
	visit: (order: OrderFields, itemIndex: number, rate: OrderRate) => boolean,
): OrderScan {
	const { now, parameterBase, createdAtField, currencyField, errors: errorItems, fail } = orderReading(context, settings);
	const currencies = parameterBase === undefined ? undefined : createCurrencyConverter({ baseCurrency: parameterBase, rates: settings.rates });
	const ordersOf = new Map<string, number>();
	const parser = orderInputParser(settings.timeZone);
	const fast = parser.fastLaneInto(settings.mapping);
	const read = createFieldReader(ORDER_FIELDS, settings.mapping);
	const order = newOrderFields();
	const rate: OrderRate = { rate: undefined, rateIfNotBase: undefined };
	let lastCurrency: string | undefined;
	let lastCount = 0;
	for (let i = 0; i < items.length; i++) {
		if (!fast(items[i].json, order)) {
			const record = read(items[i].json);
			const parsed = parser.safeParse(record);
			if (!parsed.success) {
				fail(issueFromZod(parsed.error, i, record, (field) => sourcePathOf(field, settings.mapping)));
				continue;
			}
			orderInputInto(parsed.data, order);
		}
		if (!isWithinHorizon(order.createdAtMs, now)) {
			fail({ itemIndex: i, field: createdAtField, value: order.createdAt, expected: horizonExpected(now) });
			continue;
		}
		const currency = order.currency;
		if (currency === undefined) {
			rate.rate = 1;
			rate.rateIfNotBase = undefined;
		} else if (currencies) {
			const known = currencies.rateFor(currency, i, currencyField);
			if (typeof known !== 'number') {
				fail(known);
				continue;
			}
			rate.rate = known;
			rate.rateIfNotBase = undefined;
		} else {
			// Counted per run of one currency: a Map update per order cost as much as the rest.
			if (currency !== lastCurrency) {
				if (lastCurrency !== undefined) ordersOf.set(lastCurrency, (ordersOf.get(lastCurrency) ?? 0) + lastCount);
				if (!ordersOf.has(currency)) ordersOf.set(currency, 0);
				lastCurrency = currency;
				lastCount = 0;
			}
			lastCount++;
			rate.rate = undefined;
			rate.rateIfNotBase = rateInTable(settings.rates, currency);
		}
		if (!visit(order, i, rate)) return { complete: false, errorItems, currency: undefined, currencySource: undefined, ordersOf };
	}
	if (lastCurrency !== undefined) ordersOf.set(lastCurrency, (ordersOf.get(lastCurrency) ?? 0) + lastCount);
	const base = parameterBase ?? mostCommon(ordersOf);
	return {
		complete: true,
		errorItems,
		currency: base,
		currencySource: parameterBase !== undefined ? 'parameter' : base !== undefined ? 'mostCommon' : undefined,
		ordersOf,
	};
}

/** The hints readOrderItems gives, once a scan's results are used: unmatched mappings, the currency chosen. */
export function finishOrderScan(context: IExecuteFunctions, items: INodeExecutionData[], settings: OrderReadSettings, scan: OrderScan): void {
	hintUnmatchedMappings(context, items, ORDER_FIELDS, settings.mapping);
	if (scan.currencySource === 'mostCommon' && scan.ordersOf.size > 1) hintChosenCurrency(context, scan.currency!, scan.ordersOf);
}

/**
 * The one-pass way both order nodes read orders (RFM Segment, Visitor Value): scanOrderItems
 * with every order id checked as it comes, each order handed to `add` (the node's running
 * totals; false to give up, e.g. on a channel that is not text), then `settle` once the base
 * currency is known (undefined: the totals cannot settle it, e.g. an order in a currency
 * without a rate). Undefined for anything one pass cannot settle, which the caller then reads
 * the exact way (readOrderItems): an order id given twice (its last row wins, so an earlier row
 * already added would have to come out again; createOrderIdCheck may also, very rarely, take
 * two ids for one), an order in a currency without a rate that is not the base (an error, known
 * only once the base is, and for an order the totals did not count too). Nothing has been reported then; otherwise the hints are given here.
 */
export function readOrdersInOnePass<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: OrderReadSettings,
	add: (order: OrderFields, itemIndex: number, rate: OrderRate) => boolean,
	settle: (scan: OrderScan) => T | undefined,
): { scan: OrderScan; result: T } | undefined {
	const seenBefore = createOrderIdCheck(items.length);
	const scan = scanOrderItems(context, items, settings, (order, itemIndex, rate) => !seenBefore(order.orderId) && add(order, itemIndex, rate));
	if (!scan.complete) return undefined;
	// Every valid order in a currency that is neither the base nor in Currency Rates is an error
	// for readOrderItems, counted or not (a cancelled order, one outside the window): running
	// totals only see the counted ones.
	if (scan.currencySource === 'mostCommon') {
		for (const currency of scan.ordersOf.keys()) {
			if (currency !== scan.currency && rateInTable(settings.rates, currency) === undefined) return undefined;
		}
	}
	const result = settle(scan);
	if (result === undefined) return undefined;
	finishOrderScan(context, items, settings, scan);
	return { scan, result };
}

/** The key with the highest count; among equal counts the first inserted (the one met first). */
function mostCommon(counts: Map<string, number>): string | undefined {
	let best: string | undefined;
	let bestCount = 0;
	for (const [key, count] of counts) {
		if (count > bestCount) [best, bestCount] = [key, count];
	}
	return best;
}

function itemOf(item: INodeExecutionData): number {
	return (item.pairedItem as { item: number }).item;
}

function hintChosenCurrency(context: IExecuteFunctions, base: string, ordersOf: Map<string, number>): void {
	const counts = [...ordersOf].map(([code, n]) => `${code}: ${n}`).join(', ');
	context.addExecutionHints({
		type: 'info',
		location: 'outputPane',
		message: `Base currency ${base}: the most common among the orders (${counts}). Orders in another currency need a rate under Currency Rates; set Base Currency to choose another. 基准货币 ${base}：订单中最常见的币种（${counts}）。其他币种需在“汇率”中填写汇率；如需其他基准货币，请设置“基准货币”。`,
	});
}
