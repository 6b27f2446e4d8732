/**
 * The customer fields Coupon Tier itself reads (rules and priority fields read any field of
 * the item directly): the customer id, and the birthday when a birthday benefit is on.
 */
import { z } from 'zod';

import { idField, isCleanId } from '../model/coercion';
import { createPathReader, sourcePathOf, type FieldMapping } from '../model/fieldMapping';
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

/**
 * The fast lane of couponCustomerSchema, as orderInputParser has one (../orders/input.ts): reads
 * a customer straight from the item's json and returns what the schema would yield, or undefined
 * to send the item through the schema, which then gives the error. It accepts only what the
 * schema accepts (test/lib/coupons/fastLane.test.ts): a customer id that is already a clean
 * string, and a birthday that is absent or parses. At 100k customers the schema's record and
 * parse result per item were a seventh of the run (docs/scale.md).
 */
export function couponCustomerFastLane(
	readBirthday: boolean,
	mapping: FieldMapping = {},
): (raw: unknown) => CouponCustomerInput | undefined {
	const customerIdOf = createPathReader(sourcePathOf('customerId', mapping));
	const birthdayOf = createPathReader(sourcePathOf('birthday', mapping));
	return (raw) => {
		const customerId = customerIdOf(raw);
		if (!isCleanId(customerId)) return undefined;
		if (!readBirthday) return { customerId, birthday: undefined };
		const value = birthdayOf(raw);
		if (value === undefined || value === null || value === '') return { customerId, birthday: undefined };
		const birthday = parseBirthday(value);
		return birthday === undefined ? undefined : { customerId, birthday };
	};
}
