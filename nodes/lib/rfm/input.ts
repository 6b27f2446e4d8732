/**
 * Pre-aggregated customers, for users who already know each customer's recency, frequency and
 * monetary value; validated with the same forgiving fields as orders (../orders/input.ts),
 * within the documented ranges (docs/nodes/RfmSegment.md, "Limits").
 */
import { z } from 'zod';

import { formatLimit, idField, INPUT_LIMITS, isCleanId, numberField, numberFromText } from '../model';
import { AMOUNT_EXPECTED } from '../orders';

export const RFM_CUSTOMER_FIELDS = ['customerId', 'recencyDays', 'frequency', 'monetary'] as const;

const RECENCY = 'a whole number of days ≥ 0';
const FREQUENCY = 'a whole number of orders ≥ 1';

/** Pre-aggregated customers: the user already knows recency, frequency and monetary. */
export const rfmCustomerSchema = z.object({
	customerId: idField('customer id'),
	recencyDays: numberField(RECENCY).pipe(
		z
			.number()
			.int(RECENCY)
			.nonnegative(RECENCY)
			.max(INPUT_LIMITS.recencyDays, `a whole number of days from 0 to ${formatLimit(INPUT_LIMITS.recencyDays)}`),
	),
	frequency: numberField(FREQUENCY).pipe(
		z
			.number()
			.int(FREQUENCY)
			.positive(FREQUENCY)
			.max(INPUT_LIMITS.frequency, `a whole number of orders from 1 to ${formatLimit(INPUT_LIMITS.frequency)}`),
	),
	monetary: numberField(AMOUNT_EXPECTED).pipe(
		z
			.number()
			.nonnegative(AMOUNT_EXPECTED)
			.max(INPUT_LIMITS.monetary, `an amount from 0 to ${formatLimit(INPUT_LIMITS.monetary)}`),
	),
});

export type RfmCustomerInput = z.output<typeof rfmCustomerSchema>;

const readNumber = numberFromText();
const within = (value: unknown, min: number, max: number): value is number =>
	typeof value === 'number' && value >= min && value <= max;

/**
 * rfmCustomerSchema with a fast lane, as orderInputParser has (../orders/input.ts): rows
 * already valid — a clean id, numbers or decimal text in range — are read by direct checks
 * that accept nothing the schema refuses and yield exactly what it yields (a test compares
 * the two on random rows); every other row goes through the schema and its messages. Zod
 * alone took 133 s and 2.57 GB of peak memory for 1M customer rows, most of it garbage.
 */
export const rfmCustomerParser = {
	safeParse(record: Record<string, unknown>): z.SafeParseReturnType<unknown, RfmCustomerInput> {
		const { customerId } = record;
		const recencyDays = readNumber(record.recencyDays);
		const frequency = readNumber(record.frequency);
		const monetary = readNumber(record.monetary);
		if (
			isCleanId(customerId) &&
			within(recencyDays, 0, INPUT_LIMITS.recencyDays) &&
			Number.isInteger(recencyDays) &&
			within(frequency, 1, INPUT_LIMITS.frequency) &&
			Number.isInteger(frequency) &&
			within(monetary, 0, INPUT_LIMITS.monetary)
		) {
			return { success: true, data: { customerId, recencyDays, frequency, monetary } };
		}
		return rfmCustomerSchema.safeParse(record);
	},
};
