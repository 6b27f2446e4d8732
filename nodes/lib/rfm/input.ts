/**
 * Pre-aggregated customers, for users who already know each customer's recency, frequency and
 * monetary value; validated with the same forgiving fields as orders (../orders/input.ts),
 * within the documented ranges (docs/nodes/RfmSegment.md, "Limits").
 */
import { z } from 'zod';

import { formatLimit, idField, INPUT_LIMITS, numberField } from '../model';
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
