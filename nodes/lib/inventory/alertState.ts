/**
 * "Only new alerts": which reorder alerts to send this run, given what was sent before.
 *
 *   (previousState, currentResults) → { alertsToEmit, nextState }
 *
 * Severity: ok = overstock = 0 < reorder = 1 < urgent = 2. A sku + warehouse alerts when its
 * severity rises above what its open alert already announced:
 *
 *   no open alert, status reorder/urgent      → emit; open the alert at that status
 *   open alert, status worse than announced   → emit (e.g. reorder → urgent); raise it
 *   open alert, status same or milder         → quiet (urgent → reorder stays quiet, and a
 *                                               later return to urgent too: already said)
 *   status ok or overstock (IP above ROP)     → quiet; the alert closes, so the next drop
 *                                               to reorder emits again
 *   status no_history, or absent from this run → quiet; state unchanged (no evidence that
 *                                               the position recovered)
 *
 * The state is plain JSON — `{ version: 1, open: { '["SKU-1","WH-A"]': {...} } }` — so the
 * node can keep it in n8n workflow static data. A state that is missing or not in this shape
 * (first run, or edited by hand) counts as "nothing open"; entries that are not valid are
 * dropped. Pure: the inputs are not modified.
 */
import type { ReorderStatus } from './reorder';

export const ALERT_SEVERITY: Readonly<Record<ReorderStatus, number>> = {
	ok: 0,
	overstock: 0,
	no_history: 0,
	reorder: 1,
	urgent: 2,
};

export type AlertingStatus = 'reorder' | 'urgent';

export interface OpenAlert {
	/** Worst status announced since the alert opened. */
	status: AlertingStatus;
	/** asOf of the run that opened the alert (when results carry asOf). */
	since: string | null;
	/** asOf of the last run that emitted it. */
	lastEmitted: string | null;
}

export interface AlertState {
	version: 1;
	open: Record<string, OpenAlert>;
}

export interface AlertCandidate {
	sku: string;
	warehouse: string;
	status: ReorderStatus;
	asOf?: string;
}

/** State key of a sku + warehouse: a JSON pair, unambiguous whatever the ids contain. */
export function alertKey(sku: string, warehouse: string): string {
	return JSON.stringify([sku, warehouse]);
}

export function emptyAlertState(): AlertState {
	return { version: 1, open: {} };
}

function isAlerting(status: unknown): status is AlertingStatus {
	return status === 'reorder' || status === 'urgent';
}

/** Reads a stored state leniently: anything unusable becomes "nothing open". */
export function readAlertState(stored: unknown): AlertState {
	const state = emptyAlertState();
	if (stored === null || typeof stored !== 'object') return state;
	const open = (stored as { open?: unknown }).open;
	if (open === null || typeof open !== 'object') return state;
	for (const [key, value] of Object.entries(open as Record<string, unknown>)) {
		if (value === null || typeof value !== 'object') continue;
		const entry = value as Partial<OpenAlert>;
		if (!isAlerting(entry.status)) continue;
		state.open[key] = {
			status: entry.status,
			since: typeof entry.since === 'string' ? entry.since : null,
			lastEmitted: typeof entry.lastEmitted === 'string' ? entry.lastEmitted : null,
		};
	}
	return state;
}

export interface AlertTransition<T extends AlertCandidate> {
	alertsToEmit: T[];
	nextState: AlertState;
}

/** The state transition described above. Results of one sku + warehouse should appear once. */
export function nextAlerts<T extends AlertCandidate>(previousState: unknown, currentResults: readonly T[]): AlertTransition<T> {
	const nextState = readAlertState(previousState);
	const open = nextState.open;
	const alertsToEmit: T[] = [];
	for (const result of currentResults) {
		const key = alertKey(result.sku, result.warehouse);
		const asOf = result.asOf ?? null;
		const status = result.status;
		if (isAlerting(status)) {
			const current = open[key];
			if (!current) {
				open[key] = { status, since: asOf, lastEmitted: asOf };
				alertsToEmit.push(result);
			} else if (ALERT_SEVERITY[status] > ALERT_SEVERITY[current.status]) {
				open[key] = { status, since: current.since, lastEmitted: asOf };
				alertsToEmit.push(result);
			}
		} else if (status !== 'no_history') {
			delete open[key];
		}
	}
	return { alertsToEmit, nextState };
}
