/**
 * What KPI Digest reads besides orders: traffic rows (Visitor Value's traffic schema, plus the
 * platform), and the items of the watch lists — Reorder Alert's *Needs Action* alerts and
 * RFM Segment's customers — of which it only counts the open ones.
 */
import { z } from 'zod';

import { idField } from '../model';
import { trafficRowSchema } from '../visitorValue';
import type { DigestTraffic } from './digest';

/** Traffic fields as readItems reads them; `group` is the channel (Visitor Value's name for it). */
export const DIGEST_TRAFFIC_FIELDS = ['date', 'group', 'visitors', 'platform'] as const;

/** Rows without a platform (a report of one shop) go under this name. */
export const NO_PLATFORM = '(none)';

export function digestTrafficSchema(timeZone: string, now: number = Date.now()) {
	return trafficRowSchema(timeZone, now).extend({ platform: idField('platform name').optional() });
}

export function toDigestTraffic(input: z.output<ReturnType<typeof digestTrafficSchema>>): DigestTraffic {
	return { date: input.date, channel: input.group, visitors: input.visitors, platform: input.platform ?? NO_PLATFORM };
}

export const RESTOCK_ALERT_FIELDS = ['sku', 'warehouse', 'status'] as const;

/** Reorder Alert's statuses that are open alerts (the ones on its Needs Action output). */
export const OPEN_ALERT_STATUSES: readonly string[] = ['reorder', 'urgent', 'no_history'];

export const restockAlertSchema = z.object({
	sku: idField('SKU'),
	warehouse: idField('warehouse').optional(),
	status: idField('status').optional(),
});

export const CUSTOMER_SEGMENT_FIELDS = ['customerId', 'segment'] as const;

export const customerSegmentSchema = z.object({
	customerId: idField('customer id'),
	segment: idField('segment'),
});

/**
 * Open restock alerts: distinct SKU × warehouse pairs whose status is an open alert, or that
 * carry no status (a list of alerts from elsewhere).
 */
export function countRestockAlerts(alerts: readonly z.output<typeof restockAlertSchema>[]): number {
	const open = new Set<string>();
	for (const alert of alerts) {
		if (alert.status !== undefined && !OPEN_ALERT_STATUSES.includes(alert.status)) continue;
		const warehouse = alert.warehouse ?? '';
		open.add(`${alert.sku.length}:${alert.sku}:${warehouse}`);
	}
	return open.size;
}

/** Distinct customers whose segment is one of `segments` (RFM's ids, e.g. at_risk, cant_lose). */
export function countAtRiskCustomers(customers: readonly z.output<typeof customerSegmentSchema>[], segments: readonly string[]): number {
	const wanted = new Set(segments);
	const atRisk = new Set<string>();
	for (const customer of customers) if (wanted.has(customer.segment)) atRisk.add(customer.customerId);
	return atRisk.size;
}
