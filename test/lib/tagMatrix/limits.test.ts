/**
 * Tag Matrix's input bounds (docs/nodes/TagMatrix.md, "Limits"; issue 14's rule: every field
 * bounded, each bound a per-item issue naming it), each at the bound and one past it.
 */
import fc from 'fast-check';

import { MAX_LINES, MAX_REVIEW_LENGTH, orderTagFieldsParser, orderTagFieldsSchema, reviewSchema } from '../../../nodes/lib/tagMatrix';

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string; path: Array<string | number> }> } }) =>
	result.success ? undefined : `${result.error!.issues[0].path.join('.')}: ${result.error!.issues[0].message}`;

describe('Tag Matrix input limits', () => {
	it('names of at most 256 characters', () => {
		expect(messageOf(orderTagFieldsSchema.safeParse({ platform: 'p'.repeat(256) }))).toBeUndefined();
		expect(messageOf(orderTagFieldsSchema.safeParse({ region: 'r'.repeat(257) }))).toBe('region: a region of at most 256 characters');
	});

	it(`at most ${MAX_LINES} order lines, amounts up to 1,000,000,000`, () => {
		const line = { category: 'tea', quantity: 1, unitPrice: 1_000_000_000 };
		expect(messageOf(orderTagFieldsSchema.safeParse({ lines: Array(MAX_LINES).fill(line) }))).toBeUndefined();
		expect(messageOf(orderTagFieldsSchema.safeParse({ lines: Array(MAX_LINES + 1).fill(line) }))).toMatch(/^lines: a list of order lines \(at most 1000\)/);
		expect(messageOf(orderTagFieldsSchema.safeParse({ lines: [{ ...line, unitPrice: 1_000_000_001 }] }))).toMatch(/^lines\.0\.unitPrice:/);
	});

	it(`review texts of at most ${MAX_REVIEW_LENGTH} characters, scores from −1 to 1`, () => {
		expect(messageOf(reviewSchema.safeParse({ customerId: 'c1', text: 'x'.repeat(MAX_REVIEW_LENGTH) }))).toBeUndefined();
		expect(messageOf(reviewSchema.safeParse({ customerId: 'c1', text: 'x'.repeat(MAX_REVIEW_LENGTH + 1) }))).toBe('text: a review text of at most 10,000 characters');
		expect(messageOf(reviewSchema.safeParse({ customerId: 'c1', score: -1 }))).toBeUndefined();
		expect(messageOf(reviewSchema.safeParse({ customerId: 'c1', score: '1' }))).toBeUndefined();
		expect(messageOf(reviewSchema.safeParse({ customerId: 'c1', score: 1.01 }))).toBe('score: a sentiment score from -1 (negative) to 1 (positive)');
	});

	it('a coupon field that is an object or a list is an error, not a coupon', () => {
		expect(messageOf(orderTagFieldsSchema.safeParse({ coupon: { code: 'C1' } }))).toBe('coupon: a coupon code, true/false, or the coupon discount');
		expect(orderTagFieldsSchema.parse({ coupon: 0 }).coupon).toBe(false);
		expect(orderTagFieldsSchema.parse({ coupon: ' ' }).coupon).toBe(false);
		expect(orderTagFieldsSchema.parse({ coupon: 3 }).coupon).toBe(true);
	});
});

describe('the order fields fast lane', () => {
	const value = fc.constantFrom<unknown>(undefined, null, '', ' ', 'douyin', ' douyin ', 'x'.repeat(256), 'x'.repeat(257), 7, Number.NaN, true, false, 0, 2.5, -1, {}, ['a']);
	const line = fc.record({ category: value, quantity: value, unitPrice: value }, { requiredKeys: [] });
	const lines = fc.oneof(value, fc.array(fc.oneof(line, value), { maxLength: 4 }));
	it('accepts and yields exactly what the schema does', () => {
		fc.assert(
			fc.property(fc.record({ platform: value, channel: value, region: value, coupon: value, category: value, lines }), (record) => {
				const fast = orderTagFieldsParser.safeParse(record);
				const schema = orderTagFieldsSchema.safeParse(record);
				expect(fast.success).toBe(schema.success);
				if (fast.success && schema.success) expect(fast.data).toEqual(schema.data);
			}),
			{ numRuns: 2000, seed: 14 },
		);
	});
});
