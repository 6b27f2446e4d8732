/**
 * Orders as the order-reading nodes (RFM Segment, Visitor Value) read them, validated with the data model's zod schemas and
 * made forgiving where exports differ from the model without ambiguity: numbers written
 * as text ("19.90"), timestamps without an offset (read in the chosen time zone), a
 * missing status (an export of paid orders only) or currency (a one-currency shop).
 */
import { z } from 'zod';

import {
	createPathReader,
	type FieldMapping,
	formatLimit,
	idField,
	INPUT_LIMITS,
	isCleanId,
	numberField,
	numberFromText,
	ORDER_STATUSES,
	orderSchema,
	type OrderStatus,
	sourcePathOf,
} from '../model';
import { createTimestampParser, TIMESTAMP_EXPECTED } from '../time';

export const AMOUNT_EXPECTED = 'an amount ≥ 0, e.g. 199.00';
/** Range of an order's amount and refund (INPUT_LIMITS: no sum ever overflows). */
export const AMOUNT_RANGE = `an amount from 0 to ${formatLimit(INPUT_LIMITS.amount)}`;
const amountField = () =>
	numberField(AMOUNT_EXPECTED).pipe(z.number().nonnegative(AMOUNT_EXPECTED).max(INPUT_LIMITS.amount, AMOUNT_RANGE));

export const ORDER_FIELDS = [
	'orderId',
	'customerId',
	'createdAt',
	'status',
	'currency',
	'amount',
	'refundedAmount',
] as const;

export const STATUS_EXPECTED = `one of ${ORDER_STATUSES.join(', ')}`;

/** Schema for one order as the order-reading nodes read it; `createdAt` is parsed in `timeZone`. */
export function orderInputSchema(timeZone: string) {
	const parseTimestamp = createTimestampParser(timeZone);
	return orderSchema
		.pick({ orderId: true, customerId: true })
		.extend({
			orderId: idField('order id'),
			customerId: idField('customer id'),
			createdAt: z
				.string({ invalid_type_error: TIMESTAMP_EXPECTED, required_error: TIMESTAMP_EXPECTED })
				.transform((text, ctx) => {
					const ms = parseTimestamp(text.trim());
					if (Number.isNaN(ms)) {
						ctx.addIssue({ code: z.ZodIssueCode.custom, message: TIMESTAMP_EXPECTED });
						return z.NEVER;
					}
					return { text, ms };
				}),
			status: z
				.enum(ORDER_STATUSES, { errorMap: () => ({ message: STATUS_EXPECTED }) })
				.optional(),
			currency: orderSchema.shape.currency.optional(),
			amount: amountField(),
			refundedAmount: amountField().optional(),
		})
		.superRefine((order, ctx) => {
			if ((order.refundedAmount ?? 0) > order.amount) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['refundedAmount'],
					message: `a refund no larger than the order amount (${order.amount})`,
				});
			}
		});
}

export type OrderInput = z.output<ReturnType<typeof orderInputSchema>>;

/** One order, validated, in the form the aggregation reads. */
export interface OrderRecord {
	/** Position of the order among the node's input items, for error messages and kept fields. */
	itemIndex: number;
	orderId: string;
	customerId: string;
	createdAt: string;
	createdAtMs: number;
	/** Missing status means the export held only completed orders. */
	status: OrderStatus;
	/** Missing currency means the shop's single currency. */
	currency: string | undefined;
	amount: number;
	refundedAmount: number;
}

export function toOrderRecord(input: OrderInput, itemIndex: number): OrderRecord {
	return {
		itemIndex,
		orderId: input.orderId,
		customerId: input.customerId,
		createdAt: input.createdAt.text,
		createdAtMs: input.createdAt.ms,
		status: input.status ?? 'completed',
		currency: input.currency,
		amount: input.amount,
		refundedAmount: input.refundedAmount ?? 0,
	};
}

const KNOWN_STATUSES = new Set<string>(ORDER_STATUSES);

const isAmount = (value: unknown): value is number =>
	typeof value === 'number' && value >= 0 && value <= INPUT_LIMITS.amount;

/**
 * An amount as the schema's numberField reads it: decimal text ("19.90", as CSV and sheet
 * exports carry it) becomes its number, anything else stays as it is for isAmount to judge.
 * Without this, text amounts took the schema's path: 1M orders 100 s and 2.45 GB.
 */
const amountOf = numberFromText();

/**
 * The order schema with a fast lane. Zod costs ~20 µs per order here (preprocessing,
 * transforms, refinements), which dominates a million-order run. Orders already in the
 * model's form — ids as trimmed text, amounts as numbers or decimal text, a known status — are recognised
 * by direct checks that accept nothing the schema would reject, and yield exactly what the
 * schema yields (a test compares the two on random input). Everything else goes through
 * the schema, which stays the one definition of what is valid and of every error message.
 */
export function orderInputParser(timeZone: string) {
	const schema = orderInputSchema(timeZone);
	const parseTimestamp = createTimestampParser(timeZone);
	/**
	 * The direct checks, writing the order into `out` (one object reused for every order, so a
	 * million orders allocate nothing here): true, or false when only the schema can judge it.
	 */
	const fast = (
		out: OrderFields,
		orderId: unknown,
		customerId: unknown,
		createdAt: unknown,
		status: unknown,
		currency: unknown,
		amountValue: unknown,
		refundValue: unknown,
	): boolean => {
		const amount = amountOf(amountValue);
		const refundedAmount = amountOf(refundValue);
		if (
			isCleanId(orderId) &&
			isCleanId(customerId) &&
			typeof createdAt === 'string' &&
			(status === undefined || (typeof status === 'string' && KNOWN_STATUSES.has(status))) &&
			(currency === undefined || (typeof currency === 'string' && isCurrencyCode(currency))) &&
			isAmount(amount) &&
			(refundedAmount === undefined || (isAmount(refundedAmount) && refundedAmount <= amount))
		) {
			const ms = parseTimestamp(createdAt.trim());
			if (!Number.isNaN(ms)) {
				out.orderId = orderId;
				out.customerId = customerId;
				out.createdAt = createdAt;
				out.createdAtMs = ms;
				out.status = (status as OrderStatus | undefined) ?? 'completed';
				out.currency = currency as string | undefined;
				out.amount = amount;
				out.refundedAmount = (refundedAmount as number | undefined) ?? 0;
				return true;
			}
		}
		return false;
	};
	const toInput = (o: OrderFields): OrderInput => ({
		orderId: o.orderId,
		customerId: o.customerId,
		createdAt: { text: o.createdAt, ms: o.createdAtMs },
		status: o.status,
		currency: o.currency,
		amount: o.amount,
		refundedAmount: o.refundedAmount,
	});
	const readers = (mapping: FieldMapping) =>
		ORDER_FIELDS.map((field) => createPathReader(sourcePathOf(field, mapping)));
	return {
		safeParse(record: Record<string, unknown>): z.SafeParseReturnType<unknown, OrderInput> {
			const { orderId, customerId, createdAt, status, currency, amount, refundedAmount } = record;
			const out = newOrderFields();
			if (!fast(out, orderId, customerId, createdAt, status, currency, amount, refundedAmount)) return schema.safeParse(record);
			// What the schema yields, a missing status and refund included (test/lib/orders/fastLane.test.ts).
			const data = toInput(out);
			data.status = status as OrderStatus | undefined;
			if (refundedAmount === undefined) data.refundedAmount = undefined;
			return { success: true, data };
		},
		/**
		 * The fast lane read straight from an item's json, without building the record of mapped
		 * fields first: at a million orders the per-order objects (record, parse result) were a
		 * third of the read time in garbage collection (docs/nodes/RfmSegment.md, "Scale").
		 * Undefined means "take the schema's path" (safeParse), which gives the error.
		 */
		fastLane(mapping: FieldMapping = {}): (raw: unknown) => OrderInput | undefined {
			const read = this.fastLaneInto(mapping);
			const out = newOrderFields();
			return (raw) => (read(raw, out) ? toInput(out) : undefined);
		},
		/**
		 * The fast lane writing into `out` instead of returning a new object: what a one-pass
		 * reader uses (nodes/shared/orderItems.ts, scanOrderItems). False: take the schema's path.
		 */
		fastLaneInto(mapping: FieldMapping = {}): (raw: unknown, out: OrderFields) => boolean {
			if (ORDER_FIELDS.every((field) => sourcePathOf(field, mapping) === field)) {
				// The standard names, read as named properties: one inline cache per field. Through
				// the path readers, seven closures of one function shared one cache for seven names
				// and every read took V8's generic lookup (about a fifth of the read at 1M orders).
				return (raw, out) => {
					if (raw === null || typeof raw !== 'object') return false;
					const o = raw as Record<(typeof ORDER_FIELDS)[number], unknown>;
					return fast(out, o.orderId, o.customerId, o.createdAt, o.status, o.currency, o.amount, o.refundedAmount);
				};
			}
			const [orderId, customerId, createdAt, status, currency, amount, refundedAmount] = readers(mapping);
			return (raw, out) =>
				fast(out, orderId(raw), customerId(raw), createdAt(raw), status(raw), currency(raw), amount(raw), refundedAmount(raw));
		},
	};
}

/**
 * One order's fields as the readers hand them on: what OrderRecord holds but the item index,
 * in an object the reader fills again for every order.
 */
export type OrderFields = Omit<OrderRecord, 'itemIndex'>;

export const newOrderFields = (): OrderFields => ({
	orderId: '',
	customerId: '',
	createdAt: '',
	createdAtMs: 0,
	status: 'completed',
	currency: undefined,
	amount: 0,
	refundedAmount: 0,
});

/** What the schema gave, written into `out` as the fast lane writes it. */
export function orderInputInto(input: OrderInput, out: OrderFields): OrderFields {
	out.orderId = input.orderId;
	out.customerId = input.customerId;
	out.createdAt = input.createdAt.text;
	out.createdAtMs = input.createdAt.ms;
	out.status = input.status ?? 'completed';
	out.currency = input.currency;
	out.amount = input.amount;
	out.refundedAmount = input.refundedAmount ?? 0;
	return out;
}

/** Three capital letters A–Z (the model's currency code), checked without a regular expression. */
function isCurrencyCode(text: string): boolean {
	if (text.length !== 3) return false;
	for (let i = 0; i < 3; i++) {
		const c = text.charCodeAt(i);
		if (c < 65 || c > 90) return false;
	}
	return true;
}
