/**
 * The orders attribution counts, read the one way Short Link's Attribute Orders and Content
 * Mix's Audit both read them (issue 10: one attribution rule): every item validated as an
 * order the way RFM Segment reads orders (field mapping, per-item errors, Continue), only the
 * *Statuses That Count* kept, revenue = amount paid − refunded amount converted into the base
 * currency with *Currency Rates*, and the link code read from *Order Link Code Field*. An order
 * without a link code is valid but nobody's: left out. The join itself is
 * nodes/lib/links/attribution.ts tallyByLinkCode.
 *
 * Parameters read: orderFields, orderLinkCodeField, options (baseCurrency, currencyRates); the
 * node passes the time zone and the counted statuses it read.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CodedOrder } from '../lib/links';
import { createFieldReader, type FieldMapping } from '../lib/model';
import { orderGroupOf } from '../lib/visitorValue/input';
import { checkInputsCarryFields, nodeParameters, optionalInput, readCurrencyRates } from './nodeHelpers';
import { ORDER_INPUT, readOrderItems } from './orderItems';

export interface AttributedOrdersRead {
	/** Each counted order carrying a link code, its revenue in the base currency. */
	orders: CodedOrder[];
	/** Bad order items (under Continue), paired with the orders input. */
	errorItems: INodeExecutionData[];
	/** The base currency: Base Currency, else the most common among the orders. */
	currency: string | undefined;
}

/** The orders on input `inputIndex` as attribution counts them; `notReached` when the input got no orders at all. */
export function readAttributedOrders(
	context: IExecuteFunctions,
	inputIndex: number,
	timeZone: string,
	countedStatuses: readonly string[],
): AttributedOrdersRead | { notReached: INodeExecutionData[][] } {
	const orderItems = optionalInput(context, inputIndex);
	const { param } = nodeParameters(context);
	const mapping = param<FieldMapping>('orderFields');
	const options = param<IDataObject>('options');
	const notReached = checkInputsCarryFields(context, [
		{ ...ORDER_INPUT, items: orderItems, mapping, mappingParameter: 'Field Mapping (Orders)', inputName: 'Orders', inputIndex },
	]);
	if (notReached) return { notReached };
	const linkCodePath = String(param<string>('orderLinkCodeField')).trim() || 'linkCode';
	const readLinkCode = createFieldReader(['linkCode'], { linkCode: linkCodePath });
	const counted = new Set(countedStatuses);
	const pending: { linkCode: string; net: number; currency: string | undefined }[] = [];
	const read = readOrderItems(
		context,
		orderItems,
		{ mapping, timeZone, baseCurrency: String(options.baseCurrency ?? '').trim() || undefined, rates: readCurrencyRates(context, options) },
		(order) => {
			const linkCode = orderGroupOf(readLinkCode(orderItems[order.itemIndex].json).linkCode, order.itemIndex, linkCodePath, '');
			if (typeof linkCode !== 'string') return linkCode;
			if (linkCode !== '' && counted.has(order.status)) pending.push({ linkCode, net: order.amount - order.refundedAmount, currency: order.currency });
			return undefined;
		},
	);
	const orders = pending.map((o) => ({ linkCode: o.linkCode, revenue: o.net * read.rateOf(o.currency) }));
	const errorItems = read.errorItems.map((item) => ({ ...item, pairedItem: { item: (item.pairedItem as { item: number }).item, input: inputIndex } }));
	return { orders, errorItems, currency: read.currency };
}
