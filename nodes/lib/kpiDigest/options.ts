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

export const kpiDigestOptionsSchema = z
	.object({
		timeZone: z.string(),
		/** A date or date-time (its first 10 characters); empty: yesterday. */
		reportDate: z.string().nullish(),
		countedStatuses: z.array(orderStatusSchema).min(1, 'Counted Order Statuses: choose at least one status'),
		returningLookbackDays: typedNumber.pipe(
			z
				.number()
				.int(`Returning Buyer Look-Back (Days): a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}`)
				.min(1, `Returning Buyer Look-Back (Days): a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}`)
				.max(MAX_LOOKBACK_DAYS, `Returning Buyer Look-Back (Days): a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}`),
		),
		moverThresholdPercent: typedNumber.pipe(
			z.number().min(0, 'Mover Threshold (%): a percentage from 0 to 1000').max(1000, 'Mover Threshold (%): a percentage from 0 to 1000'),
		),
		topMovers: typedNumber.pipe(
			z
				.number()
				.int(`Top Movers: a whole number from 0 to ${MAX_TOP_MOVERS}`)
				.min(0, `Top Movers: a whole number from 0 to ${MAX_TOP_MOVERS}`)
				.max(MAX_TOP_MOVERS, `Top Movers: a whole number from 0 to ${MAX_TOP_MOVERS}`),
		),
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
