/**
 * The order of the next posts' pillars, so that every prefix of the schedule stays as close to
 * the target shares as whole posts allow.
 *
 * Rule (Tijdeman's algorithm for the "chairman assignment problem": R. Tijdeman, "The chairman
 * assignment problem", Discrete Mathematics 32 (1980) 183–192; also W. Kubiak, *Proportional
 * Optimization and Fairness*, Springer 2009, ch. 2): with m pillars of positive share s_i and
 * c_i posts of pillar i among the first k − 1, post k goes to the pillar that
 *   - is due: s_i·k − c_i ≥ 1/(2(m − 1)), and among those
 *   - has the earliest deadline: the smallest (c_i + 1 − 1/(2(m − 1))) / s_i, the post number
 *     by which it would fall a full (1 − 1/(2(m − 1))) behind.
 * Guarantee (Tijdeman's theorem), from an on-target start (no posts yet): after every prefix of
 * k posts, |c_i − s_i·k| ≤ 1 − 1/(2(m − 1)) < 1 for every pillar — within one post of the
 * target, which is the best any rule can promise for all shares (apportionment's "quota"
 * property: Balinski & Young, *Fair Representation*, 1982). For 2 pillars the bound is ½.
 * The simpler "largest deficit first" rule (argmax s_i·k − c_i) does not keep it: with shares
 * 8:1:8:1:10 a pillar drifts a whole post off its target (test/lib/contentMix/sequence.test.ts).
 *
 * Starting from the posts already made in the window (counts c_i with k − 1 = Σ c_i), the same
 * rule goes on from there: a pillar that is behind is due and has the earliest deadline, so it
 * catches up first; the bound holds once the history is within it.
 *
 * "No two promotions in a row": when the previous post was the restricted pillar, it is left
 * out of that step (the due pillar with the next-earliest deadline goes instead; if none other
 * is due, the one furthest behind). That can only be met when the pillar's share is at most
 * 50 %, so larger shares are refused. What is relaxed: Tijdeman's bound is no longer proven;
 * the property test (test/lib/contentMix/sequence.test.ts) checks |c_i − s_i·k| < 1 over random
 * shares with the restricted share ≤ 50 %.
 */
import { UserInputError } from '../errors';
import type { PillarTarget } from './pillars';

/** Floating-point slack for "is due" (shares such as 0.1 are not exact in binary). */
const EPSILON = 1e-9;

export interface SequenceOptions {
	/** Posts of each target pillar already made (default none). */
	history?: Readonly<Record<string, number>>;
	/** The pillar of the last post already made, for the "not twice in a row" rule. */
	lastPillar?: string;
	/** A pillar that may not come twice in a row (e.g. "promotion"). */
	notTwiceInARow?: string;
}

/** The pillars of the next `count` posts, in order. */
export function sequencePillars(targets: readonly PillarTarget[], count: number, options: SequenceOptions = {}): string[] {
	const active = targets.filter((t) => t.share > 0);
	if (active.length === 0) throw new UserInputError('Target Mix: at least one pillar needs a share above 0', { field: 'Target Mix' });
	const restricted = options.notTwiceInARow;
	const restrictedTarget = active.find((t) => t.pillar === restricted);
	if (restrictedTarget && restrictedTarget.share > 0.5 + EPSILON) {
		throw new UserInputError(
			`No Two Promotions in a Row needs the "${restricted}" share at most 50 % (it is ${Number((restrictedTarget.share * 100).toFixed(2))} %)`,
			{
				field: 'Target Mix',
				hint: 'Lower its share in Target Mix, or turn the option off. 请在“Target Mix”中把该类型的占比降到 50% 以下，或关闭此选项。',
			},
		);
	}
	const m = active.length;
	// With one pillar every post is that pillar; 1/(2(m−1)) is then unused.
	const slack = m === 1 ? 0 : 1 / (2 * (m - 1));
	const counts = active.map((t) => options.history?.[t.pillar] ?? 0);
	let done = counts.reduce((sum, c) => sum + c, 0);
	let last = options.lastPillar;
	const sequence: string[] = [];
	for (let step = 0; step < count; step++) {
		const k = done + 1;
		const blocked = (i: number) => restricted !== undefined && last === restricted && active[i].pillar === restricted;
		let pick = -1;
		let pickDeadline = Infinity;
		for (let i = 0; i < m; i++) {
			if (blocked(i) || active[i].share * k - counts[i] < slack - EPSILON) continue;
			const deadline = (counts[i] + 1 - slack) / active[i].share;
			if (deadline < pickDeadline - EPSILON) [pick, pickDeadline] = [i, deadline];
		}
		if (pick < 0) {
			// Only when the restricted pillar alone was due: the one furthest behind among the rest.
			let most = -Infinity;
			for (let i = 0; i < m; i++) {
				const behind = active[i].share * k - counts[i];
				if (!blocked(i) && behind > most + EPSILON) [pick, most] = [i, behind];
			}
		}
		counts[pick] += 1;
		done += 1;
		last = active[pick].pillar;
		sequence.push(last);
	}
	return sequence;
}
