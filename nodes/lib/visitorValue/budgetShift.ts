/**
 * Suggested budget shift toward channels whose visitors are worth more.
 *
 * Rule: move a fraction k (the shift step, default 20 %) of the budget of the channels with
 * measured traffic toward value-weighted shares:
 *   target_c = S · s_c · v_c / Σ_e s_e · v_e,   suggested_c = (1 − k) · s_c + k · target_c,
 * where s_c is the channel's current share, v_c its visitor value and S the current share of
 * all channels with traffic (sums run over those channels). A channel gains exactly when its
 * visitor value is above the budget-weighted mean visitor value; shares still add up to S, so
 * channels without traffic (whose value cannot be measured) keep their share untouched. With
 * k < 1 the step is partial: spend moves gradually, run after run, as the data confirms it.
 * When no channel with traffic has any value, nothing moves.
 */

export interface ShiftInput {
	group: string;
	currentShare: number;
	visitorValue: number;
	hasTraffic: boolean;
}

export function suggestShares(groups: readonly ShiftInput[], step: number): number[] {
	const eligible = groups.map((g) => g.hasTraffic && g.currentShare > 0);
	let share = 0;
	let weighted = 0;
	groups.forEach((g, i) => {
		if (!eligible[i]) return;
		share += g.currentShare;
		weighted += g.currentShare * g.visitorValue;
	});
	return groups.map((g, i) => {
		if (!eligible[i] || !(weighted > 0)) return g.currentShare;
		const target = (share * g.currentShare * g.visitorValue) / weighted;
		return (1 - step) * g.currentShare + step * target;
	});
}

/** Largest budget per channel read (docs/nodes/VisitorValue.md, "Limits"): sums stay finite and exact in cents. */
export const MAX_CHANNEL_BUDGET = 1_000_000_000_000;

/**
 * "live=5000, short_video = 3000" → { live: 5000, short_video: 3000 }; the bad part on error.
 * The table has no prototype, so channels named "__proto__" or "constructor" are channels.
 */
export function parseBudgetTable(text: string): Record<string, number> | { badPart: string } {
	const table = Object.create(null) as Record<string, number>;
	for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
		const match = /^(.+?)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
		if (!match || match[1].trim() === '' || !(Number(match[2]) <= MAX_CHANNEL_BUDGET)) return { badPart: part };
		table[match[1].trim()] = Number(match[2]);
	}
	return table;
}
