/**
 * Reorder Alert's defaults are written once, in its description (n8n fills them in; the
 * library has none): library callers take them through defaultReorderSettings(). These check
 * that those defaults make valid settings of the chosen policy, and that settings errors name
 * each setting as the editor shows it (the node reads the names from the description).
 */
import { resolveReorderOptions } from '../../nodes/lib/inventory';
import { reorderAlertProperties } from '../../nodes/ReorderAlert/description';
import { SETTING_NAMES } from '../../nodes/ReorderAlert/ReorderAlert.node';
import { defaultReorderSettings } from '../../nodes/ReorderAlert/settings';

describe("Reorder Alert's defaults, from its description", () => {
	const described = (name: string) => reorderAlertProperties.find((p) => p.name === name)?.default;

	it('are valid settings for the library', () => {
		expect(() => resolveReorderOptions({ ...defaultReorderSettings(), asOf: '2026-06-30' })).not.toThrow();
	});

	it('carry the described policy with its own field, and percentages as fractions', () => {
		const settings = defaultReorderSettings();
		expect(settings.policy.kind).toBe(described('orderPolicy'));
		expect(settings.serviceLevel).toBeCloseTo(Number(described('serviceLevel')) / 100, 12);
		expect(settings.lookbackDays).toBe(described('lookbackDays'));
	});

	it('fill in the Options collection, which n8n leaves empty', () => {
		const options = reorderAlertProperties.find((p) => p.name === 'options')!.options as Array<{ name: string; default: unknown }>;
		const value = (name: string) => options.find((o) => o.name === name)!.default;
		const settings = defaultReorderSettings();
		expect(settings.smoothing).toEqual({ alpha: value('alpha'), beta: value('beta'), gamma: value('gamma') });
		expect(settings.forecastWindowDays).toBe(value('forecastWindowDays'));
		expect(settings.missingDaysAsZeroSales).toBe(value('missingDaysAsZeroSales'));
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
