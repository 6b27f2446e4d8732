/**
 * "Only new alerts": which reorder alerts to send this run, given what was sent before.
 *
 *   (previousState, currentResults) → { alertsToEmit, nextState }
 *
 * An alert is a result that needs action (reorder.ts `needsAction`): reorder, urgent, or a
 * no_history position with an order to place — a new SKU's first batch (小单快反) or
 * backorders; call the last one a "first order". Severity: ok = overstock = no_history
 * without an order 0 < first order 1 < reorder 2 < urgent 3. A sku + warehouse alerts when
 * its severity rises above what its open alert already announced:
 *
 *   no open alert, an action                  → emit; open the alert at that status
 *   open alert, an action worse than announced → emit (e.g. reorder → urgent, or a first
 *                                               order → reorder); raise it
 *   open alert, an action same or milder      → quiet (urgent → reorder stays quiet, and a
 *                                               later return to urgent too: already said)
 *   status ok or overstock (IP above ROP)     → quiet; the alert closes, so the next drop
 *                                               to reorder emits again
 *   no_history without an order, open first  → quiet; the alert closes: the first batch is
 *   order                                       on order (IP reached it), the order is done
 *   no_history without an order, open reorder → quiet; state unchanged (no evidence that
 *   or urgent; or absent from this run          the position recovered)
 *
 * The state is plain JSON — `{ version: 1, open: { '["SKU-1","WH-A"]': {...} } }` — so the
 * node can keep it in n8n workflow static data. A state that is missing or not in this shape
 * (first run, or edited by hand) counts as "nothing open"; entries that are not valid are
 * dropped. Pure: the inputs are not modified.
 */
import { needsAction, type ReorderStatus } from './reorder';

/** Severity of an announced (open) alert; a first order is an open `no_history` alert. */
export const ALERT_SEVERITY: Readonly<Record<AlertingStatus, number>> = {
	no_history: 1,
	reorder: 2,
	urgent: 3,
};

/** Statuses an alert can be open at: `no_history` means a first order was announced. */
export type AlertingStatus = 'no_history' | 'reorder' | 'urgent';

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
	/** A no_history result is an action only with an order > 0 (absent: no order). */
	suggestedOrderQty?: number;
	asOf?: string;
}

/** 0 when the result needs no action, else the severity of the alert it would open. */
export function alertSeverity(result: AlertCandidate): number {
	return needsAction(result) ? ALERT_SEVERITY[result.status as AlertingStatus] : 0;
}

/** State key of a sku + warehouse: a JSON pair, unambiguous whatever the ids contain. */
export function alertKey(sku: string, warehouse: string): string {
	return JSON.stringify([sku, warehouse]);
}

export function emptyAlertState(): AlertState {
	return { version: 1, open: {} };
}

function isAlerting(status: unknown): status is AlertingStatus {
	return status === 'no_history' || status === 'reorder' || status === 'urgent';
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
		const current = open[key];
		const severity = alertSeverity(result);
		if (severity > 0) {
			const alerting = status as AlertingStatus;
			if (!current) {
				open[key] = { status: alerting, since: asOf, lastEmitted: asOf };
				alertsToEmit.push(result);
			} else if (severity > ALERT_SEVERITY[current.status]) {
				open[key] = { status: alerting, since: current.since, lastEmitted: asOf };
				alertsToEmit.push(result);
			}
		} else if (status !== 'no_history' || current?.status === 'no_history') {
			delete open[key];
		}
	}
	return { alertsToEmit, nextState };
}
