/**
 * SES and additive Holt-Winters (nodes/lib/inventory/forecast.ts), after Hyndman &
 * Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed. (FPP3) §8.1 and §8.3.
 * Reference: statsmodels 0.13.5 ExponentialSmoothing / SimpleExpSmoothing run from the same
 * fixed parameters and "simple" initial states (test/reference/inventory/reference.py →
 * forecast_series.csv, forecast_expected.csv).
 */
import {
	DAY_IN_STOCK,
	DAY_SOLD_OUT,
	forecastDemandPerDay,
	holtWintersAdditive,
	holtWintersForecast,
	simpleExponentialSmoothing,
	type DailySeries,
} from '../../../nodes/lib/inventory';
import { expectClose, readCsv, REFERENCE_SETTINGS as R } from './referenceData';

function series(values: number[], state?: number[]): DailySeries {
	return {
		firstDay: 0,
		units: Float64Array.from(values),
		state: Uint8Array.from(state ?? values.map(() => DAY_IN_STOCK)),
	};
}

describe('simple exponential smoothing', () => {
	it('follows ℓt = α·yt + (1 − α)·ℓt−1 from ℓ = first observation (worked by hand)', () => {
		// α = 0.5: ℓ = 10 → 0.5·20 + 0.5·10 = 15 → 0.5·5 + 0.5·15 = 10.
		expect(simpleExponentialSmoothing(series([10, 20, 5]), 0.5)).toBe(10);
	});

	it('skips sold-out days and starts at the first in-stock day', () => {
		const s = series([2, 10, 20, 5], [DAY_SOLD_OUT, DAY_IN_STOCK, DAY_SOLD_OUT, DAY_IN_STOCK]);
		// ℓ = 10; day 2 missing; 0.5·5 + 0.5·10 = 7.5
		expect(simpleExponentialSmoothing(s, 0.5)).toBe(7.5);
		expect(simpleExponentialSmoothing(series([1, 2], [DAY_SOLD_OUT, DAY_SOLD_OUT]), 0.5)).toBeNull();
	});
});

describe('additive Holt-Winters, weekly season', () => {
	const cases = new Map<number, number[]>();
	for (const row of readCsv('forecast_series.csv')) {
		const list = cases.get(Number(row.case)) ?? [];
		list[Number(row.index)] = Number(row.units);
		cases.set(Number(row.case), list);
	}
	const expected = readCsv('forecast_expected.csv');

	it.each(expected.map((row) => [Number(row.case), Number(row.length), row] as const))(
		'case %p (%p days) matches statsmodels states and the FPP3 forecast to 1e-9',
		(caseNumber, length, row) => {
			const values = cases.get(caseNumber) as number[];
			expect(values).toHaveLength(length);
			const s = series(values);
			expectClose(simpleExponentialSmoothing(s, R.smoothing.alpha) as number, Number(row.sesLevel), 1e-9, 'SES level');
			const state = holtWintersAdditive(s, R.smoothing);
			expect(state).not.toBeNull();
			if (!state) return;
			expectClose(state.level, Number(row.hwLevel), 1e-9, 'level');
			expectClose(state.trend, Number(row.hwTrend), 1e-9, 'trend');
			state.season.forEach((value, j) => expectClose(value, Number(row[`hwSeason${j}`]), 1e-9, `season ${j}`));
			for (const horizon of [1, 5, 7, 14]) {
				const forecast = forecastDemandPerDay(s, 'holtWinters', horizon, R.smoothing);
				expect(forecast?.method).toBe('holtWinters');
				expectClose(forecast?.demandPerDay as number, Number(row[`hwDemandPerDay${horizon}`]), 1e-9, `H = ${horizon}`);
			}
		},
	);

	it('needs 3 weeks from the first in-stock day, else falls back to SES', () => {
		const twentyDays = series(Array.from({ length: 20 }, (_, i) => 5 + (i % 7)));
		expect(holtWintersAdditive(twentyDays, R.smoothing)).toBeNull();
		expect(forecastDemandPerDay(twentyDays, 'holtWinters', 7, R.smoothing)).toEqual({
			demandPerDay: simpleExponentialSmoothing(twentyDays, R.smoothing.alpha) as number,
			method: 'ses',
		});
		// 25 days of rows, but the first 5 sold out: only 20 days of history.
		const values = Array.from({ length: 25 }, (_, i) => 5 + (i % 7));
		const state = values.map((_, i) => (i < 5 ? DAY_SOLD_OUT : DAY_IN_STOCK));
		expect(holtWintersAdditive(series(values, state), R.smoothing)).toBeNull();
	});

	it('treats a sold-out day exactly as if it had sold its one-step forecast', () => {
		const values = Array.from({ length: 35 }, (_, i) => 10 + 4 * Math.sin((2 * Math.PI * i) / 7) + (i % 3));
		const soldOut = values.map((_, i) => (i === 25 ? DAY_SOLD_OUT : DAY_IN_STOCK));
		// One-step forecast for day 25 from the states after day 24:
		const before = holtWintersAdditive(series(values.slice(0, 25)), R.smoothing) as NonNullable<ReturnType<typeof holtWintersAdditive>>;
		const filled = values.slice();
		filled[25] = holtWintersForecast(before, 1);
		const a = holtWintersAdditive(series(values, soldOut), R.smoothing);
		const b = holtWintersAdditive(series(filled), R.smoothing);
		expect(a?.level).toBeCloseTo(b?.level as number, 10);
		expect(a?.trend).toBeCloseTo(b?.trend as number, 10);
		a?.season.forEach((v, j) => expect(v).toBeCloseTo(b?.season[j] as number, 10));
	});

	it('recovers a pure weekly pattern: forecasts repeat the week', () => {
		const week = [3, 4, 5, 5, 6, 9, 8];
		const s = series(Array.from({ length: 28 }, (_, i) => week[i % 7]));
		const state = holtWintersAdditive(s, R.smoothing) as NonNullable<ReturnType<typeof holtWintersAdditive>>;
		for (let h = 1; h <= 7; h++) expect(holtWintersForecast(state, h)).toBeCloseTo(week[(28 + h - 1) % 7], 9);
		// Mean over one week = the weekly mean, 40 / 7.
		expect(forecastDemandPerDay(s, 'holtWinters', 7, R.smoothing)?.demandPerDay).toBeCloseTo(40 / 7, 9);
	});

	it('floors negative forecasts at 0 (a falling trend cannot sell negative units)', () => {
		const falling = series(Array.from({ length: 28 }, (_, i) => Math.max(0, 28 - 2 * i)));
		const forecast = forecastDemandPerDay(falling, 'holtWinters', 14, R.smoothing);
		expect(forecast?.demandPerDay).toBeGreaterThanOrEqual(0);
		expect(Number.isFinite(forecast?.demandPerDay)).toBe(true);
	});
});
