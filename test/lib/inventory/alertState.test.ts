/**
 * "Only new alerts" (nodes/lib/inventory/alertState.ts): a sku + warehouse that has alerted
 * stays quiet until it recovers above its ROP or its status worsens
 * (ok < first order of a position without history < reorder < urgent).
 * Issue #5: a second identical run emits nothing; recovery followed by a new drop emits again.
 */
import { alertKey, emptyAlertState, nextAlerts, readAlertState, type AlertCandidate } from '../../../nodes/lib/inventory';
import type { ReorderStatus } from '../../../nodes/lib/inventory';

const r = (sku: string, status: ReorderStatus, asOf = '2026-03-01', warehouse = 'SH'): AlertCandidate => ({ sku, warehouse, status, asOf });
/** A no_history result with `qty` to order: a new SKU's first batch (or backorders) when > 0. */
const noHistory = (sku: string, qty: number, asOf = '2026-03-01'): AlertCandidate => ({
	sku,
	warehouse: 'SH',
	status: 'no_history',
	suggestedOrderQty: qty,
	asOf,
});

/** Runs the transitions in sequence, as the node would across executions; returns emitted per run. */
function runs(...batches: AlertCandidate[][]): string[][] {
	let state: unknown = undefined;
	return batches.map((batch) => {
		const { alertsToEmit, nextState } = nextAlerts(state, batch);
		state = JSON.parse(JSON.stringify(nextState)); // static data is stored as JSON
		return alertsToEmit.map((a) => `${a.sku}:${a.status}`);
	});
}

describe('only new alerts', () => {
	it('emits on the first run; a second identical run emits nothing', () => {
		const batch = [r('A', 'reorder'), r('B', 'urgent'), r('C', 'ok'), r('D', 'overstock')];
		expect(runs(batch, batch)).toEqual([['A:reorder', 'B:urgent'], []]);
	});

	it('emits again after recovery above the ROP followed by a new drop', () => {
		expect(runs([r('A', 'reorder')], [r('A', 'ok')], [r('A', 'reorder')])).toEqual([['A:reorder'], [], ['A:reorder']]);
		// Recovery into overstock also counts (IP above ROP).
		expect(runs([r('A', 'urgent')], [r('A', 'overstock')], [r('A', 'urgent')])).toEqual([['A:urgent'], [], ['A:urgent']]);
	});

	it('emits when the status worsens from reorder to urgent, but not when it eases', () => {
		expect(runs([r('A', 'reorder')], [r('A', 'urgent')], [r('A', 'urgent')])).toEqual([['A:reorder'], ['A:urgent'], []]);
		// urgent → reorder → urgent: the urgent alert was already sent and never closed.
		expect(runs([r('A', 'urgent')], [r('A', 'reorder')], [r('A', 'urgent')])).toEqual([['A:urgent'], [], []]);
	});

	it('keeps an alert open through no_history and through runs that do not mention it', () => {
		expect(runs([r('A', 'reorder')], [r('A', 'no_history')], [r('B', 'ok')], [r('A', 'reorder')])).toEqual([['A:reorder'], [], [], []]);
	});

	it('a new SKU\'s first batch alerts once, stays quiet on an identical re-run, and closes once on order', () => {
		const emitted = runs(
			[noHistory('NEW', 504)], // first batch suggested → alert
			[noHistory('NEW', 504)], // same again → quiet
			[noHistory('NEW', 0)], // batch on order: IP reached the batch, nothing to order → closes
			[noHistory('NEW', 0)],
			[r('NEW', 'reorder')], // selling now, down to its reorder point → a new alert
		);
		expect(emitted).toEqual([['NEW:no_history'], [], [], [], ['NEW:reorder']]);
		const closed = nextAlerts(nextAlerts(undefined, [noHistory('NEW', 504)]).nextState, [noHistory('NEW', 0)]).nextState;
		expect(closed).toEqual(emptyAlertState());
	});

	it('a first batch still partly to order stays one alert; a drop to reorder or urgent says more', () => {
		expect(runs([noHistory('NEW', 504)], [noHistory('NEW', 24)], [r('NEW', 'reorder')], [r('NEW', 'urgent')])).toEqual([
			['NEW:no_history'],
			[],
			['NEW:reorder'],
			['NEW:urgent'],
		]);
	});

	it('a no_history result without an order is no alert; absent an order quantity it never is', () => {
		expect(runs([noHistory('NEW', 0)], [r('NEW', 'no_history')])).toEqual([[], []]);
		// An open reorder/urgent alert is not closed by it (no evidence of recovery), nor re-announced.
		expect(runs([r('A', 'urgent')], [noHistory('A', 0)], [noHistory('A', 30)], [r('A', 'urgent')])).toEqual([['A:urgent'], [], [], []]);
	});

	it('tells warehouses of one SKU apart, whatever characters the ids contain', () => {
		const batch = [r('A|1', 'reorder', '2026-03-01', 'SH'), r('A', 'reorder', '2026-03-01', '1|SH')];
		expect(runs(batch, batch)).toEqual([['A|1:reorder', 'A:reorder'], []]);
		expect(alertKey('A|1', 'SH')).not.toBe(alertKey('A', '1|SH'));
	});

	it('keeps the state as plain JSON with when the alert opened and was last sent', () => {
		const first = nextAlerts(undefined, [r('A', 'reorder', '2026-03-01')]);
		const second = nextAlerts(first.nextState, [r('A', 'urgent', '2026-03-02')]);
		expect(second.nextState).toEqual({
			version: 1,
			open: { [alertKey('A', 'SH')]: { status: 'urgent', since: '2026-03-01', lastEmitted: '2026-03-02' } },
		});
		expect(JSON.parse(JSON.stringify(second.nextState))).toEqual(second.nextState);
	});

	it('does not modify the previous state or the results', () => {
		const previous = nextAlerts(undefined, [r('A', 'reorder')]).nextState;
		const frozen = JSON.stringify(previous);
		const results = [r('A', 'ok'), r('B', 'urgent')];
		nextAlerts(previous, results);
		expect(JSON.stringify(previous)).toBe(frozen);
		expect(results).toEqual([r('A', 'ok'), r('B', 'urgent')]);
	});

	it('keeps an announced first order in the state as an open no_history alert', () => {
		expect(nextAlerts(undefined, [noHistory('NEW', 504)]).nextState).toEqual({
			version: 1,
			open: { [alertKey('NEW', 'SH')]: { status: 'no_history', since: '2026-03-01', lastEmitted: '2026-03-01' } },
		});
	});

	it.each([undefined, null, 42, 'x', [], { open: null }, { open: { k: 'bad' } }, { open: { k: { status: 'ok' } } }])(
		'reads a missing or malformed stored state %j as nothing open',
		(stored) => {
			expect(readAlertState(stored)).toEqual(emptyAlertState());
			expect(nextAlerts(stored, [r('A', 'reorder')]).alertsToEmit).toHaveLength(1);
		},
	);
});
