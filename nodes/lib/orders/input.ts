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
const CURRENCY_CODE = /^[A-Z]{3}$/;

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
	/** The direct checks: the order, or undefined when only the schema can judge it. */
	const fast = (
		orderId: unknown,
		customerId: unknown,
		createdAt: unknown,
		status: unknown,
		currency: unknown,
		amountValue: unknown,
		refundValue: unknown,
	): OrderInput | undefined => {
		const amount = amountOf(amountValue);
		const refundedAmount = amountOf(refundValue);
		if (
			isCleanId(orderId) &&
			isCleanId(customerId) &&
			typeof createdAt === 'string' &&
			(status === undefined || (typeof status === 'string' && KNOWN_STATUSES.has(status))) &&
			(currency === undefined || (typeof currency === 'string' && CURRENCY_CODE.test(currency))) &&
			isAmount(amount) &&
			(refundedAmount === undefined || (isAmount(refundedAmount) && refundedAmount <= amount))
		) {
			const ms = parseTimestamp(createdAt.trim());
			if (!Number.isNaN(ms)) {
				return {
					orderId,
					customerId,
					createdAt: { text: createdAt, ms },
					status: status as OrderStatus | undefined,
					currency: currency as string | undefined,
					amount,
					refundedAmount: refundedAmount as number | undefined,
				};
			}
		}
		return undefined;
	};
	return {
		safeParse(record: Record<string, unknown>): z.SafeParseReturnType<unknown, OrderInput> {
			const { orderId, customerId, createdAt, status, currency, amount, refundedAmount } = record;
			const data = fast(orderId, customerId, createdAt, status, currency, amount, refundedAmount);
			return data ? { success: true, data } : schema.safeParse(record);
		},
		/**
		 * The fast lane read straight from an item's json, without building the record of mapped
		 * fields first: at a million orders the per-order objects (record, parse result) were a
		 * third of the read time in garbage collection (docs/nodes/RfmSegment.md, "Scale").
		 * Undefined means "take the schema's path" (safeParse), which gives the error.
		 */
		fastLane(mapping: FieldMapping = {}): (raw: unknown) => OrderInput | undefined {
			const [orderId, customerId, createdAt, status, currency, amount, refundedAmount] = ORDER_FIELDS.map((field) =>
				createPathReader(sourcePathOf(field, mapping)),
			);
			return (raw) =>
				fast(orderId(raw), customerId(raw), createdAt(raw), status(raw), currency(raw), amount(raw), refundedAmount(raw));
		},
	};
}
