import { splitIntoWindows } from '../../../../nodes/lib/shop';
import { MAX_WINDOW_MS, ordersQuery, PAGE_SIZE, toGmtText } from '../../../../nodes/lib/shop/platforms/woocommerce';

describe('WooCommerce order-feed query', () => {
	const start = Date.parse('2026-01-01T00:00:00.250Z');
	const end = Date.parse('2026-01-31T00:00:00Z');

	it('asks for one window by GMT modification time, oldest first, 100 a page', () => {
		expect(ordersQuery({ start, end }, 3)).toEqual({
			modified_after: '2025-12-31T23:59:59',
			modified_before: '2026-01-31T00:00:00',
			dates_are_gmt: true,
			orderby: 'modified',
			order: 'asc',
			status: 'any',
			per_page: PAGE_SIZE,
			page: 3,
		});
		expect(PAGE_SIZE).toBe(100);
	});

	it('strict bounds on whole seconds still cover every second of [start, end): neighbours overlap, never gap', () => {
		const windows = splitIntoWindows({ start, end: start + 3 * MAX_WINDOW_MS + 1500 }, MAX_WINDOW_MS);
		for (let i = 1; i < windows.length; i++) {
			const previous = ordersQuery(windows[i - 1], 1);
			const next = ordersQuery(windows[i], 1);
			// Seconds s with after < s < before: no gap when the next window's `after` is below the previous one's `before`.
			expect(Date.parse(`${next.modified_after as string}Z`)).toBeLessThan(Date.parse(`${previous.modified_before as string}Z`));
		}
	});

	it('a year is read in 13 windows of 30 days', () => {
		expect(splitIntoWindows({ start: 0, end: 365 * 86_400_000 }, MAX_WINDOW_MS)).toHaveLength(13);
		expect(toGmtText(Date.parse('2026-03-01T09:30:00.999Z'))).toBe('2026-03-01T09:30:00');
	});
});
