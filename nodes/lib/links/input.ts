/**
 * Reading what the Short Link node is given, per item, bounded as issue 14 bounds input (ids
 * and codes ≤ 256 characters, numbers finite). Pure: no n8n; a bad value is a UserInputError
 * naming the item and field, which the node turns into its per-item NodeOperationError.
 */
import { z } from 'zod';

import { UserInputError } from '../errors';
import { ORDER_STATUSES, parseSettings } from '../model';

/** Ids and link codes longer than this are refused. */
export const MAX_ID_LENGTH = 256;
/** Largest click count or order amount taken (a typo with extra zeros is refused, not summed). */
export const MAX_AMOUNT = 1e12;

const shown = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value).slice(0, 80));

/** A text parameter or field of item `itemIndex`, trimmed; `required`: not empty. `where` names the input's items, e.g. "Orders item". */
export function boundedText(value: unknown, field: string, itemIndex: number, required: boolean, where = 'Item'): string {
	const text = value === undefined || value === null ? '' : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
	if (text === undefined || (required && text === '') || (text?.length ?? 0) > MAX_ID_LENGTH) {
		throw new UserInputError(`${where} ${itemIndex}: ${where === 'Item' ? field : `field "${field}"`} is ${shown(value)}`, {
			itemIndex,
			field,
			expected: `${required ? 'a text of 1' : 'a text of 0'} to ${MAX_ID_LENGTH} characters`,
		});
	}
	return text;
}

/** A number ≥ 0 (a numeric text counts, as a sheet gives it); undefined for an empty optional one. */
export function amountField(value: unknown, field: string, input: string, itemIndex: number, optional: boolean): number | undefined {
	if ((value === undefined || value === null || value === '') && optional) return undefined;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > MAX_AMOUNT) {
		throw new UserInputError(`${input} item ${itemIndex}: field "${field}" is ${shown(value)}`, { itemIndex, field, expected: 'a number ≥ 0' });
	}
	return number;
}

/**
 * The Bitlink id ("bit.ly/3xYz") or the Shlink short code in what the user gave: the id itself
 * or the whole short URL (https://bit.ly/3xYz, https://s.example.com/abc).
 */
export function linkIdOf(service: 'bitly' | 'shlink', text: string, itemIndex: number): string {
	const bare = text.replace(/^https?:\/\//i, '');
	if (service === 'bitly') {
		if (!/^[A-Za-z0-9.-]+\/[A-Za-z0-9_-]+$/.test(bare)) {
			throw new UserInputError(`Item ${itemIndex}: Link ID "${text.slice(0, 80)}" is not a Bitlink`, {
				itemIndex,
				field: 'Link ID',
				expected: 'a Bitlink such as bit.ly/3xYzAbc (Create outputs it as linkId)',
			});
		}
		return bare;
	}
	const code = bare.includes('/') ? bare.slice(bare.lastIndexOf('/') + 1) : bare;
	if (code === '') {
		throw new UserInputError(`Item ${itemIndex}: Link ID "${text.slice(0, 80)}" has no short code`, {
			itemIndex,
			field: 'Link ID',
			expected: 'a Shlink short code such as abc12 (Create outputs it as linkId)',
		});
	}
	return code;
}

/** The Days parameter: a whole number of days from 1 to 365. */
export function checkedDays(days: unknown): number {
	if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 365) {
		throw new UserInputError(`Days must be a whole number from 1 to 365 (got ${shown(days)})`, { field: 'Days', expected: 'a whole number from 1 to 365' });
	}
	return days;
}

/**
 * Attribute Orders' settings, defined once with zod (no defaults: the description holds them):
 * the report level and the Statuses That Count, as the other order-reading nodes parse them.
 */
const STATUSES_EXPECTED = `Statuses That Count: a list of order statuses, each one of ${ORDER_STATUSES.join(', ')}`;

export const attributeSettingsSchema = z.object({
	attributeLevel: z.enum(['post', 'pillar'], { errorMap: () => ({ message: 'Report Per: Post or Pillar' }) }),
	countedStatuses: z.array(z.enum(ORDER_STATUSES, { errorMap: () => ({ message: STATUSES_EXPECTED }) }), { invalid_type_error: STATUSES_EXPECTED }),
});

export function parseAttributeSettings(input: z.input<typeof attributeSettingsSchema>): z.output<typeof attributeSettingsSchema> {
	return parseSettings(attributeSettingsSchema, input);
}
