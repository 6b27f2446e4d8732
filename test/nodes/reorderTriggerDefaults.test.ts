/**
 * Reorder Trigger's defaults are written in its description (the lint wants literals there, and
 * n8n fills them in); the library's REORDER_DEFAULTS serve callers that leave a setting out.
 * This keeps the two equal, and checks that settings errors name each setting as the editor
 * shows it (the node reads the names from the description).
 */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_SMOOTHING, REORDER_DEFAULTS } from '../../nodes/lib/inventory';
import { reorderTriggerProperties } from '../../nodes/ReorderTrigger/description';
import { SETTING_NAMES } from '../../nodes/ReorderTrigger/ReorderTrigger.node';

function defaultOf(name: string): unknown {
	const all = reorderTriggerProperties.flatMap((p) => [p, ...((p.type === 'collection' ? p.options : []) as INodeProperties[])]);
	const property = all.find((p) => p.name === name);
	if (!property) throw new Error(`no parameter ${name}`);
	return property.default;
}

describe('Reorder Trigger defaults: the description and the library agree', () => {
	it.each(['lookbackDays', 'demandMethod', 'forecastWindowDays', 'maxDaysOfCover', 'orderPolicy', 'reviewPeriodDays', 'targetDays', 'orderingCost', 'firstBatchQuantity', 'coverDays'] as const)(
		'%s',
		(name) => {
			expect(defaultOf(name)).toBe(REORDER_DEFAULTS[name]);
		},
	);

	it('percentages: service level and holding cost rate', () => {
		expect(defaultOf('serviceLevel')).toBe(REORDER_DEFAULTS.serviceLevel * 100);
		expect(defaultOf('holdingCostRate')).toBe(REORDER_DEFAULTS.holdingCostRate * 100);
	});

	it.each(['alpha', 'beta', 'gamma'] as const)('smoothing %s', (name) => {
		expect(defaultOf(name)).toBe(DEFAULT_SMOOTHING[name]);
	});
});

describe('settings errors name the setting as the editor shows it', () => {
	it.each([
		['asOf', 'As-Of Date'],
		['lookbackDays', 'Lookback Days'],
		['serviceLevel', 'Service Level (%)'],
		['forecastWindowDays', 'Forecast Window (Days)'],
		['alpha', 'Smoothing Alpha (Level)'],
		['beta', 'Smoothing Beta (Trend)'],
		['gamma', 'Smoothing Gamma (Weekday Pattern)'],
		['maxDaysOfCover', 'Max Days of Cover'],
		['reviewPeriodDays', 'Review Period (Days)'],
		['targetDays', 'Target Days of Cover'],
		['orderingCost', 'Ordering Cost'],
		['holdingCostRate', 'Holding Cost Rate (% per Year)'],
		['firstBatchQuantity', 'First Batch Quantity'],
		['coverDays', 'Cover Days per Order'],
	])('%s → %s', (key, displayName) => {
		expect(SETTING_NAMES[key]).toBe(displayName);
	});
});
