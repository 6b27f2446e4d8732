/**
 * Attribution of orders to posts through link codes, on numbers worked out by hand
 * (last click: an order counts in full for the link code it carries).
 */
import { attributeOrders, UNKNOWN_PILLAR } from '../../../nodes/lib/links';

describe('attributeOrders: clicks → orders → conversion and revenue per post and pillar', () => {
	const clicks = [
		{ linkCode: 'A', clicks: 60, postId: 'p1', pillar: 'knowledge' },
		{ linkCode: 'A', clicks: 40, postId: 'p1', pillar: 'knowledge' }, // a second day of A: 100 clicks
		{ linkCode: 'B', clicks: 50, postId: 'p2', pillar: 'knowledge' },
		{ linkCode: 'C', clicks: 20, postId: 'p3', pillar: 'promotion' },
		{ linkCode: 'D', clicks: 0, postId: 'p4', pillar: 'scenario' },
	];
	// Counted orders (the Statuses That Count already applied by the reader), revenue = paid − refunded.
	const orders = [
		{ linkCode: 'A', revenue: 99.9 },
		{ linkCode: 'A', revenue: 200 - 50 },
		{ linkCode: 'B', revenue: 59 },
		{ linkCode: 'C', revenue: 120 },
		{ linkCode: 'C', revenue: 130 },
		{ linkCode: 'Z', revenue: 30 }, // a code no clicks row names: no post has it
	];
	const { links, pillars } = attributeOrders(clicks, orders);

	it('per post: clicks summed over days, orders counted, their revenue added; a code no post has shown as unassigned', () => {
		expect(links).toEqual([
			// 2 orders / 100 clicks; 99.9 + (200 − 50) = 249.9
			{ linkCode: 'A', postId: 'p1', pillar: 'knowledge', clicks: 100, orders: 2, conversionRate: 0.02, revenue: 249.9 },
			{ linkCode: 'B', postId: 'p2', pillar: 'knowledge', clicks: 50, orders: 1, conversionRate: 0.02, revenue: 59 },
			// 2 orders / 20 clicks = 0.1; 120 + 130 = 250
			{ linkCode: 'C', postId: 'p3', pillar: 'promotion', clicks: 20, orders: 2, conversionRate: 0.1, revenue: 250 },
			{ linkCode: 'D', postId: 'p4', pillar: 'scenario', clicks: 0, orders: 0, conversionRate: null, revenue: 0 },
			{ linkCode: 'Z', postId: undefined, pillar: UNKNOWN_PILLAR, clicks: 0, orders: 1, conversionRate: null, revenue: 30 },
		]);
	});

	it('per pillar: sums of its posts, sorted by revenue, revenue per click', () => {
		expect(pillars).toEqual([
			// 249.9 + 59 = 308.9 over 150 clicks: 3 orders → 0.02; 308.9 / 150 = 2.0593… → 2.06
			{ pillar: 'knowledge', links: 2, clicks: 150, orders: 3, conversionRate: 0.02, revenue: 308.9, revenuePerClick: 2.06 },
			// 250 / 20 = 12.5
			{ pillar: 'promotion', links: 1, clicks: 20, orders: 2, conversionRate: 0.1, revenue: 250, revenuePerClick: 12.5 },
			{ pillar: UNKNOWN_PILLAR, links: 1, clicks: 0, orders: 1, conversionRate: null, revenue: 30, revenuePerClick: null },
			{ pillar: 'scenario', links: 1, clicks: 0, orders: 0, conversionRate: null, revenue: 0, revenuePerClick: null },
		]);
	});

	it('leaves out orders without a link code', () => {
		expect(attributeOrders([], [{ linkCode: '', revenue: 10 }])).toEqual({ links: [], pillars: [] });
	});
});
