/**
 * The plan's pillar order (nodes/lib/contentMix/sequence.ts): Tijdeman's rule for the chairman
 * assignment problem (R. Tijdeman, Discrete Mathematics 32 (1980) 183–192). His theorem: from
 * no posts, after every prefix of k posts, |c_i − s_i·k| ≤ 1 − 1/(2(m − 1)) for each of the m
 * pillars. Checked here as a property over random shares, beside examples worked by hand.
 */
import fc from 'fast-check';

import { sequencePillars, type PillarTarget } from '../../../nodes/lib/contentMix';

const MIX: PillarTarget[] = [
	{ pillar: 'knowledge', share: 0.6 },
	{ pillar: 'scenario', share: 0.3 },
	{ pillar: 'promotion', share: 0.1 },
];

/** Largest |c_i − s_i·k| over all prefixes k and pillars i, counting from `history`. */
function worstPrefixDeviation(targets: readonly PillarTarget[], sequence: readonly string[], history: Record<string, number> = {}): number {
	const counts = new Map(targets.map((t) => [t.pillar, history[t.pillar] ?? 0]));
	let k = [...counts.values()].reduce((a, b) => a + b, 0);
	let worst = 0;
	for (const pillar of sequence) {
		counts.set(pillar, counts.get(pillar)! + 1);
		k += 1;
		for (const t of targets) worst = Math.max(worst, Math.abs(counts.get(t.pillar)! - t.share * k));
	}
	return worst;
}

/** Random shares: 2–7 pillars, some tiny, summing to 1. */
const shares = fc
	.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 7 })
	.map((weights) => {
		const total = weights.reduce((a, b) => a + b, 0);
		return weights.map((w, i) => ({ pillar: `p${i}`, share: w / total }));
	});

describe('sequencePillars: every prefix within one post of the target shares', () => {
	it('60/30/10 over 10 posts, worked by hand', () => {
		// m = 3: a pillar is due when s·k − c ≥ 1/4; among the due, the smallest deadline (c + 3/4)/s wins.
		// k=1  K .6 (1.25)  S .3 (2.5)            → K     k=2  S .6 (2.5); K .2, P .2 not due → S
		// k=3  K .8 (2.92)  P .3 (7.5)            → K     k=4  K .4 (4.58)  P .4 (7.5)           → K
		// k=5  S .5 (5.83)  P .5 (7.5); K 0       → S     k=6  K .6 (6.25)  P .6 (7.5)           → K
		// k=7  P .7 (7.5); K .2, S .1 not due     → P     k=8  K .8 (7.92)  S .4 (9.17)          → K
		// k=9  S .7 (9.17)  K .4 (9.58)           → S     k=10 K 1 (9.58)   S 0, P 0 not due     → K
		expect(sequencePillars(MIX, 10)).toEqual([
			'knowledge', 'scenario', 'knowledge', 'knowledge', 'scenario',
			'knowledge', 'promotion', 'knowledge', 'scenario', 'knowledge',
		]);
	});

	it('two pillars 50/50 alternate, and stay within ½ post', () => {
		const half = [
			{ pillar: 'a', share: 0.5 },
			{ pillar: 'b', share: 0.5 },
		];
		expect(sequencePillars(half, 6)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
	});

	it('property: from no posts, every prefix keeps |c_i − s_i·k| ≤ 1 − 1/(2(m − 1)) < 1 (Tijdeman 1980)', () => {
		fc.assert(
			fc.property(shares, fc.integer({ min: 1, max: 300 }), (targets, n) => {
				const bound = 1 - 1 / (2 * (targets.length - 1));
				return worstPrefixDeviation(targets, sequencePillars(targets, n)) <= bound + 1e-9;
			}),
			{ numRuns: 500, seed: 10 },
		);
	});

	it('the simpler "largest deficit first" rule would break the bound: the check above can fail', () => {
		// Shares 8:1:8:1:10, where argmax(s_i·k − c_i) (ties to the first) lets a pillar drift a whole post.
		const targets = [8, 1, 8, 1, 10].map((w, i) => ({ pillar: `p${i}`, share: w / 28 }));
		const greedy: string[] = [];
		const counts = targets.map(() => 0);
		let worstGreedy = 0;
		for (let k = 1; k <= 80; k++) {
			let best = 0;
			targets.forEach((t, i) => {
				if (t.share * k - counts[i] > targets[best].share * k - counts[best]) best = i;
			});
			counts[best] += 1;
			greedy.push(targets[best].pillar);
		}
		worstGreedy = worstPrefixDeviation(targets, greedy);
		const bound = 1 - 1 / (2 * (targets.length - 1));
		expect(worstGreedy).toBeGreaterThan(0.99);
		expect(worstPrefixDeviation(targets, sequencePillars(targets, 80))).toBeLessThanOrEqual(bound + 1e-9);
	});

	it('continues from the window: a pillar behind catches up first', () => {
		// 6 posts so far, none of them knowledge: the next posts are knowledge until it is due no more.
		const plan = sequencePillars(MIX, 5, { history: { scenario: 4, promotion: 2 } });
		expect(plan).toEqual(['knowledge', 'knowledge', 'knowledge', 'knowledge', 'knowledge']);
	});

	it('with "no two promotions in a row", never two in a row; a promotion share above 50 % is refused', () => {
		const heavy = [
			{ pillar: 'promotion', share: 0.5 },
			{ pillar: 'knowledge', share: 0.5 },
		];
		const plan = sequencePillars(heavy, 9, { lastPillar: 'promotion', notTwiceInARow: 'promotion' });
		expect(plan[0]).toBe('knowledge');
		for (let k = 1; k < plan.length; k++) expect(plan[k] === 'promotion' && plan[k - 1] === 'promotion').toBe(false);
		expect(() => sequencePillars([{ pillar: 'promotion', share: 0.6 }, { pillar: 'x', share: 0.4 }], 3, { notTwiceInARow: 'promotion' })).toThrow(
			/at most 50 %/,
		);
	});

	it('property: with "no two promotions in a row" (promotion share ≤ 50 %), no two in a row and every prefix still within one post (|c_i − s_i·k| < 1)', () => {
		const withPromotion = fc.tuple(shares, fc.double({ min: 0.01, max: 0.5, noNaN: true })).map(([rest, promo]) => [
			{ pillar: 'promotion', share: promo },
			...rest.map((t) => ({ pillar: t.pillar, share: t.share * (1 - promo) })),
		]);
		fc.assert(
			fc.property(withPromotion, fc.integer({ min: 1, max: 300 }), (targets, n) => {
				const plan = sequencePillars(targets, n, { notTwiceInARow: 'promotion' });
				const twice = plan.some((pillar, k) => k > 0 && pillar === 'promotion' && plan[k - 1] === 'promotion');
				return !twice && worstPrefixDeviation(targets, plan) < 1;
			}),
			{ numRuns: 500, seed: 10 },
		);
	});
});
