/**
 * The customer fields Coupon Tier itself reads (rules and priority fields read any field of
 * the item directly): the customer id, and the birthday when a birthday benefit is on.
 */
import { z } from 'zod';

import { idField } from '../model/coercion';
import { parseBirthday, type MonthDay } from './calendar';

export const COUPON_CUSTOMER_FIELDS = ['customerId', 'birthday'] as const;

const BIRTHDAY_EXPECTED = 'a birthday YYYY-MM-DD or --MM-DD (or empty)';

const customerId = idField('customer id');

/** With `readBirthday`, a birthday that is there must be a possible date; missing is fine. */
export function couponCustomerSchema(readBirthday: boolean) {
	return z.object({
		customerId,
		birthday: z.unknown().transform((value, ctx): MonthDay | undefined => {
			if (!readBirthday || value === undefined || value === null || value === '') return undefined;
			const birthday = parseBirthday(value);
			if (birthday === undefined) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: BIRTHDAY_EXPECTED });
				return z.NEVER;
			}
			return birthday;
		}),
	});
}

export type CouponCustomerInput = z.output<ReturnType<typeof couponCustomerSchema>>;
