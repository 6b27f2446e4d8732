/**
 * Reorder Alert's parameters → the calculation's settings (nodes/lib/inventory/options.ts):
 * rates from percent to fractions, the chosen order policy with its own fields, the Options
 * collection with the description's defaults filled in (n8n fills in top-level parameters
 * only). The defaults themselves are written once, in ./description.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ReorderOptionsInput } from '../lib/inventory';
import { collectionDefaults, parameterDefault, withDefaults } from '../shared/nodeHelpers';
import { reorderAlertProperties } from './description';

/** Every setting but the as-of day, which the node resolves from the data or the clock. */
export type ReorderSettings = Omit<ReorderOptionsInput, 'asOf'>;

type Read = <T>(name: string) => T;
type PolicyKind = 'orderUpTo' | 'daysOfCover' | 'eoq' | 'smallBatch';

/**
 * The settings from a parameter reader. Each policy's fields are shown (so kept by n8n, and
 * read here) only under that policy.
 */
export function reorderSettingsFrom(param: Read): ReorderSettings {
	const policies: Record<PolicyKind, () => ReorderSettings['policy']> = {
		orderUpTo: () => ({ kind: 'orderUpTo', reviewPeriodDays: param<number>('reviewPeriodDays') }),
		daysOfCover: () => ({ kind: 'daysOfCover', targetDays: param<number>('targetDays') }),
		eoq: () => ({ kind: 'eoq', orderingCost: param<number>('orderingCost'), holdingCostRate: param<number>('holdingCostRate') / 100 }),
		smallBatch: () => ({ kind: 'smallBatch', firstBatchQuantity: param<number>('firstBatchQuantity'), coverDays: param<number>('coverDays') }),
	};
	const options = withDefaults(param<IDataObject>('options'), collectionDefaults(reorderAlertProperties, 'options'));
	const maxDaysOfCover = param<number>('maxDaysOfCover');
	return {
		lookbackDays: param<number>('lookbackDays'),
		serviceLevel: param<number>('serviceLevel') / 100,
		demandMethod: param<'mean' | 'ses' | 'holtWinters'>('demandMethod'),
		// 0 (the field's "off") turns the overstock check off.
		maxDaysOfCover: maxDaysOfCover > 0 ? maxDaysOfCover : null,
		policy: policies[param<PolicyKind>('orderPolicy')](),
		missingDaysAsZeroSales: options.missingDaysAsZeroSales === true,
		forecastWindowDays: Number(options.forecastWindowDays),
		smoothing: { alpha: Number(options.alpha), beta: Number(options.beta), gamma: Number(options.gamma) },
	};
}

/**
 * The node's defaults as calculation settings, for callers of the library outside a workflow
 * (tests, the bench), with any settings they choose themselves.
 */
export function defaultReorderSettings(overrides: Partial<ReorderSettings> = {}): ReorderSettings {
	const fromDescription = <T>(name: string) => parameterDefault(reorderAlertProperties, name) as T;
	return { ...reorderSettingsFrom(fromDescription), ...overrides };
}
