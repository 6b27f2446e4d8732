/**
 * "Since Last Run" for a shop's order feed: which update-time range to read now, given what
 * the node read before. Pure: the node keeps the cursor in the workflow's static data and
 * passes the clock in.
 *
 * Rules (each guards against a way orders get lost):
 * - The first run reads the lookback window (default 365 days): the backfill.
 * - Later runs start at the previous end minus an overlap, so an order whose update was
 *   committed late (platform replication lag, an update while the previous run was paging)
 *   is read again; re-read orders carry the same orderId and are merged by it downstream.
 * - The end stays `settleMs` behind now: platforms index updates with a delay (Pinduoduo asks
 *   for 3 minutes), and an end beyond what is indexed would move the cursor past orders not
 *   yet visible.
 * - A platform that serves only recent orders (Pinduoduo, Taobao: 3 months) cannot be asked
 *   for older ones: the start is clamped and the plan says so, so the gap is reported,
 *   never silent.
 */
import type { TimeWindow } from './windows';

const DAY_MS = 86_400_000;

export interface SyncCursor {
	/** Orders updated before this instant (epoch ms) have been read. */
	readUntil: number;
	/** What the cursor belongs to: a different shop or credential starts over. */
	scope: string;
}

export interface IncrementalPlanInput {
	cursor: SyncCursor | undefined;
	scope: string;
	now: number;
	lookbackDays: number;
	overlapMs: number;
	settleMs: number;
	/** Oldest update time the platform serves, in days before now (undefined: no limit). */
	maxAgeDays?: number;
}

export interface IncrementalPlan {
	range: TimeWindow;
	kind: 'backfill' | 'incremental';
	/** Set when the platform's age limit cut the range: orders before `range.start` could not be read. */
	clampedFrom?: number;
}

export function planIncrementalRange(input: IncrementalPlanInput): IncrementalPlan {
	const end = input.now - input.settleMs;
	const usable = input.cursor !== undefined && input.cursor.scope === input.scope && Number.isFinite(input.cursor.readUntil);
	const kind = usable ? 'incremental' : 'backfill';
	const start = usable ? input.cursor!.readUntil - input.overlapMs : input.now - input.lookbackDays * DAY_MS;
	return clampToPlatformAge({ range: { start: Math.min(start, end), end }, kind }, input.now, input.maxAgeDays);
}

/**
 * A range cut to what the platform serves (orders updated in the last `maxAgeDays`), a few
 * minutes inside the limit so the oldest window is not refused on a clock difference between
 * us and the platform. `clampedFrom` tells the original start, so the gap is reported.
 */
export function clampToPlatformAge(plan: IncrementalPlan, now: number, maxAgeDays: number | undefined): IncrementalPlan {
	if (maxAgeDays === undefined) return plan;
	const oldest = now - maxAgeDays * DAY_MS + 10 * 60_000;
	if (plan.range.start >= oldest) return plan;
	return { ...plan, range: { start: Math.min(oldest, plan.range.end), end: plan.range.end }, clampedFrom: plan.range.start };
}

/** The cursor after every window of `plan` was read completely. */
export function advanceCursor(plan: IncrementalPlan, scope: string): SyncCursor {
	return { readUntil: plan.range.end, scope };
}
