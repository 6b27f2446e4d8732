/**
 * Properties of the tracked URL and of attribution over random input (fast-check). The oracle for
 * URLs is the WHATWG URL parser itself (Node's URL, an independent implementation of
 * https://url.spec.whatwg.org/): reading the result back must give each tag once, the other
 * query pairs unchanged and in order, the same fragment; and a second run must change nothing.
 * For attribution, nothing is lost or counted twice: per-post and per-pillar totals add up to
 * the clicks and the attributable orders given.
 */
import fc from 'fast-check';

import { attributeOrders, trackedUrl } from '../../../nodes/lib/links';

const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'utm_id'];
const tag = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('双11 大促', 'a&b=c', '#top', '%20', '+ +', ' 抖音 '));
const url = fc.tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('', '?utm_source=old', '?x=1&UTM_CONTENT=y'));

const others = (u: URL) => [...u.searchParams].filter(([name]) => !UTM.includes(name.toLowerCase()));

describe('trackedUrl over random URLs and tags', () => {
	it('each non-empty tag once, other query pairs and the fragment unchanged, the same URL on a second run', () => {
		fc.assert(
			fc.property(url, tag, tag, tag, tag, ([base, extra], source, medium, campaign, content) => {
				const input = extra === '' ? base : (() => {
					const u = new URL(base);
					u.search = u.search === '' ? extra : `${u.search}&${extra.slice(1)}`;
					return u.href;
				})();
				const tags = { source, medium, campaign, content };
				const result = trackedUrl(input, tags);
				const before = new URL(input);
				const after = new URL(result);
				for (const [name, value] of [['utm_source', source], ['utm_medium', medium], ['utm_campaign', campaign], ['utm_content', content]]) {
					expect(after.searchParams.getAll(name)).toEqual(value.trim() === '' ? [] : [value.trim()]);
				}
				expect(others(after)).toEqual(others(before));
				expect(after.hash).toBe(before.hash);
				expect(after.origin + after.pathname).toBe(before.origin + before.pathname);
				expect(trackedUrl(result, tags)).toBe(result);
			}),
			{ numRuns: 300 },
		);
	});
});

describe('attributeOrders over random clicks and orders', () => {
	const code = fc.constantFrom('A', 'B', 'C', '__proto__', 'constructor', '抖-1');
	const clicks = fc.array(fc.record({ linkCode: code, clicks: fc.nat(1000), pillar: fc.option(fc.constantFrom('knowledge', 'scenario', 'promotion', 'toString'), { nil: undefined }) }), { maxLength: 20 });
	const orders = fc.array(
		// Counted orders as the shared reader hands them over: revenue net of refunds, in the base currency.
		fc.record({ linkCode: fc.oneof(code, fc.constant('')), revenue: fc.nat(100_000).map((c) => c / 100) }),
		{ maxLength: 30 },
	);

	it('keeps every click and every attributable order, per post and per pillar', () => {
		fc.assert(
			fc.property(clicks, orders, (clickRows, orderRows) => {
				const { links, pillars } = attributeOrders(clickRows, orderRows);
				const counted = orderRows.filter((o) => o.linkCode !== '');
				const totalClicks = clickRows.reduce((s, r) => s + r.clicks, 0);
				const revenueCents = counted.reduce((s, o) => s + Math.round(o.revenue * 100), 0);
				for (const rows of [links, pillars]) {
					expect(rows.reduce((s, r) => s + r.clicks, 0)).toBe(totalClicks);
					expect(rows.reduce((s, r) => s + r.orders, 0)).toBe(counted.length);
					expect(rows.reduce((s, r) => s + Math.round(r.revenue * 100), 0)).toBe(revenueCents);
				}
				expect(new Set(links.map((l) => l.linkCode)).size).toBe(links.length);
				for (const link of links) expect(link.conversionRate).toBe(link.clicks > 0 ? link.orders / link.clicks : null);
			}),
			{ numRuns: 300 },
		);
	});
});
