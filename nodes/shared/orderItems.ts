/**
 * Reading order items the way RFM Segment does — field mapping, the order schema (with its
 * fast lane), per-item errors, and currencies converted to one base currency — for every node
 * that starts from orders (RFM Segment, Visitor Value). Each node stores the orders its own way.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { FieldMapping } from '../lib/model';
import { createCurrencyConverter, ORDER_FIELDS, orderInputParser, toOrderRecord, type OrderRecord } from '../lib/orders';
import { consumeItems } from './inputItems';

export interface OrderReadSettings {
	mapping: FieldMapping;
	timeZone: string;
	baseCurrency: string | undefined;
	rates: Record<string, number>;
}

export interface OrdersRead {
	errorItems: INodeExecutionData[];
	/** The base currency (the first one met unless the user named one). */
	currency: string | undefined;
	/** Rate into the base currency for an order's currency. */
	rateOf: (currency: string | undefined) => number;
}

/** Validates every item as an order and hands each good one to `store`. */
export function readOrderItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: OrderReadSettings,
	store: (order: OrderRecord) => void,
): OrdersRead {
	const currencies = createCurrencyConverter({ baseCurrency: settings.baseCurrency, rates: settings.rates });
	const rates = new Map<string, number>();
	const currencyField = settings.mapping.currency?.trim() || 'currency';
	const { errorItems } = consumeItems(
		context,
		items,
		ORDER_FIELDS,
		settings.mapping,
		orderInputParser(settings.timeZone),
		(input, itemIndex) => {
			const order = toOrderRecord(input, itemIndex);
			const rate = currencies.rateFor(order.currency, itemIndex, currencyField);
			if (typeof rate !== 'number') return rate;
			if (order.currency !== undefined) rates.set(order.currency, rate);
			store(order);
			return undefined;
		},
	);
	return {
		errorItems,
		currency: currencies.baseCurrency(),
		rateOf: (currency) => (currency === undefined ? 1 : (rates.get(currency) ?? 1)),
	};
}
