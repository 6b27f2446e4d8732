/**
 * KPI Digest's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names), the output what computeKpiDigest and the lines
 * take. No defaults here: they are the node description's.
 */
import { z } from 'zod';

import { orderStatusSchema, parseNameList, parseSettings, typedNumber } from '../model';

/** A buyer who bought within this many days before counts as returning: at most 10 years. */
export const MAX_LOOKBACK_DAYS = 3650;
/** At most this many movers in the digest. */
export const MAX_TOP_MOVERS = 20;

/** A whole number from min to max, one message naming the parameter for any miss (text, NaN, a fraction). */
function wholeNumber(parameter: string, what: string, min: number, max: number) {
	const message = `${parameter}: ${what} from ${min} to ${max}`;
	return typedNumber.pipe(z.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message));
}

export const kpiDigestOptionsSchema = z
	.object({
		timeZone: z.string(),
		/** A date or date-time (its first 10 characters); empty: yesterday. */
		reportDate: z.string().nullish(),
		countedStatuses: z.array(orderStatusSchema).min(1, 'Statuses That Count: choose at least one status'),
		returningLookbackDays: wholeNumber('Returning Buyer Look-Back (Days)', 'a whole number of days', 1, MAX_LOOKBACK_DAYS),
		moverThresholdPercent: typedNumber.pipe(
			z
				.number({ invalid_type_error: 'Mover Threshold (%): a percentage from 0 to 1000' })
				.min(0, 'Mover Threshold (%): a percentage from 0 to 1000')
				.max(1000, 'Mover Threshold (%): a percentage from 0 to 1000'),
		),
		topMovers: wholeNumber('Top Movers', 'a whole number', 0, MAX_TOP_MOVERS),
		/** "at_risk, cant_lose": the RFM segments counted as at-risk VIPs. */
		atRiskSegments: z.string().nullish(),
		language: z.enum(['en', 'zh']),
	})
	.transform((s) => ({
		timeZone: s.timeZone,
		reportDate: (s.reportDate ?? '').trim().slice(0, 10) || undefined,
		countedStatuses: s.countedStatuses,
		returningLookbackDays: s.returningLookbackDays,
		moverThreshold: s.moverThresholdPercent / 100,
		topMovers: s.topMovers,
		atRiskSegments: parseNameList(s.atRiskSegments ?? ''),
		language: s.language,
	}));

export type KpiDigestOptionsInput = z.input<typeof kpiDigestOptionsSchema>;
export type KpiDigestSettings = z.output<typeof kpiDigestOptionsSchema>;

/** Parses KPI Digest's settings; throws a UserInputError naming the first bad one. */
export function parseKpiDigestOptions(input: KpiDigestOptionsInput): KpiDigestSettings {
	return parseSettings(kpiDigestOptionsSchema, input);
}
