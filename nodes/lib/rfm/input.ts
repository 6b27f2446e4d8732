/**
 * Pre-aggregated customers, for users who already know each customer's recency, frequency and
 * monetary value; validated with the same forgiving fields as orders (../orders/input.ts).
 */
import { z } from 'zod';

import { idField, numberField } from '../model';
import { AMOUNT_EXPECTED } from '../orders';

export const RFM_CUSTOMER_FIELDS = ['customerId', 'recencyDays', 'frequency', 'monetary'] as const;

/** Pre-aggregated customers: the user already knows recency, frequency and monetary. */
export const rfmCustomerSchema = z.object({
	customerId: idField('customer id'),
	recencyDays: numberField('a whole number of days ≥ 0').pipe(
		z.number().int('a whole number of days ≥ 0').nonnegative('a whole number of days ≥ 0'),
	),
	frequency: numberField('a whole number of orders ≥ 1').pipe(
		z.number().int('a whole number of orders ≥ 1').positive('a whole number of orders ≥ 1'),
	),
	monetary: numberField(AMOUNT_EXPECTED).pipe(z.number().nonnegative(AMOUNT_EXPECTED)),
});

export type RfmCustomerInput = z.output<typeof rfmCustomerSchema>;
