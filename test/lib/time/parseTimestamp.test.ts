/**
 * Timestamps with an offset, the form the data model writes: the character-code reader that
 * takes a million of them (parseTimestamp.ts, parseCanonical) must give Date.parse's instant and
 * refuse every text that is not a real date and time, as the general path does.
 */
import { createTimestampParser } from '../../../nodes/lib/time';
import { isCleanId } from '../../../nodes/lib/model';

const parse = createTimestampParser('Asia/Shanghai');

describe('timestamps with an offset', () => {
	it.each([
		// Expected instants from Date.UTC, written out by hand from the wall clock and the offset.
		['2026-03-01T09:30:00+08:00', Date.UTC(2026, 2, 1, 1, 30, 0)],
		['2026-03-01T00:00:00+08:00', Date.UTC(2026, 1, 28, 16, 0, 0)],
		['2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
		['2024-02-29T12:00:00-05:30', Date.UTC(2024, 1, 29, 17, 30, 0)],
		['1970-01-01T00:00:00Z', 0],
		['2026-03-01t09:30:00z', Date.UTC(2026, 2, 1, 9, 30, 0)], // lower case: the general path
		['2026-03-01T09:30:00.250+08:00', Date.UTC(2026, 2, 1, 1, 30, 0, 250)], // fraction: the general path
	])('%s is epoch ms %d', (text, expected) => {
		expect(parse(text)).toBe(expected);
	});

	it.each([
		'2026-04-31T10:00:00Z', // 31 April: Date.parse would read 1 May
		'2025-02-29T10:00:00+08:00',
		'2026-13-01T10:00:00Z',
		'2026-03-01T24:00:00Z',
		'2026-03-01T09:60:00+08:00',
		'2026-03-01T09:30:60+08:00',
		'2026-03-01T09:30:00+08:60',
		'2026-03-01T09:30:00*08:00',
		'2026-0a-01T09:30:00+08:00',
		'2026-03-01X09:30:00+08:00',
	])('%s is not a timestamp', (text) => {
		expect(parse(text)).toBeNaN();
	});

	it('agrees with Date.parse on every real date and time of a seeded sample', () => {
		let state = 11;
		const next = (k: number) => {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			return state % k;
		};
		const two = (n: number) => String(n).padStart(2, '0');
		let checked = 0;
		for (let i = 0; i < 5000; i++) {
			const date = `${String(1900 + next(300))}-${two(1 + next(12))}-${two(1 + next(28))}`;
			const offset = next(3) === 0 ? 'Z' : `${next(2) ? '+' : '-'}${two(next(15))}:${two(next(4) * 15)}`;
			const text = `${date}T${two(next(24))}:${two(next(60))}:${two(next(60))}${offset}`;
			expect(parse(text)).toBe(Date.parse(text));
			checked++;
		}
		expect(checked).toBe(5000);
	});
});

describe('clean ids', () => {
	it.each(['SO-1', 'C01848', '订单1', 'a'])('%s is clean', (id) => expect(isCleanId(id)).toBe(true));
	it.each([' SO-1', 'SO-1 ', '\tC1', 'C1\n', '\u3000C1', 'C1\u00a0', '\ufeffC1', 'C1\u2028', ''])('%j is not', (id) =>
		expect(isCleanId(id)).toBe(false),
	);
});
