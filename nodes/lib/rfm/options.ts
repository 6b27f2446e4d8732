/**
 * RFM Segment's settings, defined once with zod: the input is what the node reads from its
 * parameters (keys are the parameter names), the output the settings the calculation takes
 * (`RfmSettings` = z.output). No defaults here: n8n fills in the node description's before the
 * values arrive. A setting the editor hides is left out: the order settings for customer
 * input, the thresholds unless Fixed Thresholds is chosen, the segments unless Custom Rules,
 * the lifetime-value settings unless Predict Lifetime Value is on. The ranges of thresholds and custom segments are checked by
 * the scoring itself (scoring.ts, segments.ts), for every caller.
 */
import { z } from 'zod';

import { atMost, formatLimit, orderStatusSchema, parseNumberList, parseSettings, SETTING_LIMITS, typedNumber } from '../model';
import type { ReferencePoint } from '../orders';
import {
	createTimestampParser,
	createZonedDayNumber,
	dayNumberToIsoDate,
	EARLIEST_DAY_NUMBER,
	isoDateToDayNumber,
	MAX_DAY_NUMBER,
} from '../time';
import type { LifetimeValueSettings } from './lifetimeValue';
import type { ScoringMethod } from './scoring';
import type { SegmentScheme } from './segments';

const REFERENCE_DATE_HINT = 'Pick a date, e.g. 2026-06-30, or an ISO date-time such as 2026-06-30T23:59:59+08:00.';

/** Four ascending numbers typed as a list, e.g. "30, 90, 180, 365". */
const numberList = z.string().transform(parseNumberList);

/** One entry of Segments (Custom Rules): a name and a score range per dimension. */
export const customSegmentSchema = z
	.object({
		name: z.unknown(),
		recencyMin: typedNumber,
		recencyMax: typedNumber,
		frequencyMin: typedNumber,
		frequencyMax: typedNumber,
		monetaryMin: typedNumber,
		monetaryMax: typedNumber,
	})
	.transform((rule) => ({
		name: String(rule.name ?? ''),
		r: [rule.recencyMin, rule.recencyMax] as [number, number],
		f: [rule.frequencyMin, rule.frequencyMax] as [number, number],
		m: [rule.monetaryMin, rule.monetaryMax] as [number, number],
	}));

/** Predict Lifetime Value's settings: given when it is on. */
export const lifetimeValueOptionsSchema = z
	.object({
		clvTimeUnit: z.enum(['day', 'week']),
		clvHorizonDays: typedNumber
			.refine(
				(days) => Number.isFinite(days) && days > 0,
				(days) => ({ message: `Lifetime Value Horizon (Days) is ${days}; expected a number of days above 0, e.g. 90` }),
			)
			.refine(...atMost('Lifetime Value Horizon (Days)', SETTING_LIMITS.days, `a number of days above 0 up to ${formatLimit(SETTING_LIMITS.days)}, e.g. 90`)),
		/** Percent a year (10 = 10 %); 0 = no discounting. */
		clvAnnualDiscountRate: typedNumber
			.refine(
				(percent) => Number.isFinite(percent) && percent >= 0,
				(percent) => ({ message: `Annual Discount Rate (%) is ${percent}; expected 0 (none) or more, e.g. 10` }),
			)
			.refine(...atMost('Annual Discount Rate (%)', SETTING_LIMITS.annualPercent, `0 (none) to ${formatLimit(SETTING_LIMITS.annualPercent)}, e.g. 10`)),
	})
	.transform(
		(clv): LifetimeValueSettings => ({
			period: clv.clvTimeUnit,
			horizonDays: clv.clvHorizonDays,
			annualDiscountRate: clv.clvAnnualDiscountRate > 0 ? clv.clvAnnualDiscountRate / 100 : undefined,
		}),
	);

/** Settings of both kinds of input. */
const scoringAndSegments = {
	/** The clock: the reference point "Now", epoch ms. */
	now: z.number(),
	scoringMethod: z.enum(['quintiles', 'equalSize', 'thresholds']),
	/** Fixed Thresholds only. */
	recencyThresholds: numberList.optional(),
	frequencyThresholds: numberList.optional(),
	monetaryThresholds: numberList.optional(),
	segmentScheme: z.enum(['rfGrid', 'putler', 'custom']),
	/** Custom Rules only. */
	customSegments: z.array(customSegmentSchema).optional(),
	labelLanguage: z.enum(['en', 'zh']),
	/** ISO code money is reported in, any case; empty: the first order's currency. */
	baseCurrency: z
		.string()
		.optional()
		.transform((code) => (code ?? '').trim().toUpperCase() || undefined),
};

export const rfmOptionsSchema = z
	.discriminatedUnion('inputKind', [
		z.object({
			inputKind: z.literal('orders'),
			...scoringAndSegments,
			/** IANA zone, checked by the caller: days and reference dates are read in it. */
			timeZone: z.string(),
			referenceMode: z.enum(['now', 'latestOrder', 'endOfDay', 'moment']),
			/** End of a Chosen Day / Exact Moment: a date or an ISO date-time. */
			referenceDate: z.string().nullish(),
			/** Days of orders that count; 0 = all. A fraction is cut to whole days. */
			lookbackDays: z
				.number()
				.nullable()
				.refine(...atMost('Lookback Window (Days)', SETTING_LIMITS.days, `0 (all orders) to ${formatLimit(SETTING_LIMITS.days)} days`))
				.transform((days) => Math.max(0, Math.floor(days ?? 0))),
			countedStatuses: z.array(orderStatusSchema),
			/** Given when Predict Lifetime Value is on. */
			lifetimeValue: lifetimeValueOptionsSchema.optional(),
		}),
		z.object({ inputKind: z.literal('customers'), ...scoringAndSegments }),
	])
	.transform((s, ctx) => {
		const scoring: ScoringMethod =
			s.scoringMethod === 'thresholds'
				? {
						kind: 'thresholds',
						thresholds: {
							recencyDays: s.recencyThresholds ?? [],
							frequency: s.frequencyThresholds ?? [],
							monetary: s.monetaryThresholds ?? [],
						},
					}
				: { kind: s.scoringMethod };
		const scheme: SegmentScheme =
			s.segmentScheme === 'custom' ? { kind: 'custom', rules: s.customSegments ?? [] } : { kind: s.segmentScheme };
		const shared = { scoring, scheme, language: s.labelLanguage, baseCurrency: s.baseCurrency };
		if (s.inputKind === 'customers') return { inputKind: s.inputKind, ...shared };

		let reference: ReferencePoint = { kind: 'instant', epochMs: s.now };
		if (s.referenceMode === 'latestOrder') reference = { kind: 'latestOrder' };
		if (s.referenceMode === 'endOfDay' || s.referenceMode === 'moment') {
			const text = (s.referenceDate ?? '').trim();
			const epochMs = parseReference(text, s.referenceMode, s.timeZone);
			if (Number.isNaN(epochMs) || epochMs === OUT_OF_RANGE) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['referenceDate'],
					message: Number.isNaN(epochMs)
						? `Reference Date "${text}" is not a date`
						: `Reference Date "${text}" is outside the dates this node reads (${REFERENCE_RANGE})`,
					params: { hint: REFERENCE_DATE_HINT },
				});
				return z.NEVER;
			}
			reference = { kind: 'instant', epochMs };
		}
		return {
			inputKind: s.inputKind,
			...shared,
			timeZone: s.timeZone,
			reference,
			lookbackDays: s.lookbackDays,
			countedStatuses: s.countedStatuses,
			lifetimeValue: s.lifetimeValue,
		};
	});

export type RfmOptionsInput = z.input<typeof rfmOptionsSchema>;
export type RfmSettings = z.output<typeof rfmOptionsSchema>;
export type RfmOrderSettings = Extract<RfmSettings, { inputKind: 'orders' }>;

/** Parses RFM Segment's settings; throws a UserInputError naming the first bad one. */
export function parseRfmOptions(input: RfmOptionsInput): RfmSettings {
	return parseSettings(rfmOptionsSchema, input);
}

/**
 * The days a reference may fall on: orders are read from 2000-01-01 (../time/horizon.ts), and
 * the end of a chosen day is the start of the next, which must be a date too: 9999-12-31 used
 * to let a raw RangeError out (issue 14).
 */
const REFERENCE_RANGE = `from ${dayNumberToIsoDate(EARLIEST_DAY_NUMBER)} to ${dayNumberToIsoDate(MAX_DAY_NUMBER - 1)}`;
const OUT_OF_RANGE = -Infinity;

/**
 * "End of a chosen day" = the last millisecond before the next local midnight in the zone.
 * NaN for no date, OUT_OF_RANGE for a day outside REFERENCE_RANGE (in the zone).
 */
function parseReference(text: string, mode: 'endOfDay' | 'moment', timeZone: string): number {
	const parse = createTimestampParser(timeZone);
	const within = (day: number) => day >= EARLIEST_DAY_NUMBER && day < MAX_DAY_NUMBER;
	if (mode === 'moment') {
		const epochMs = parse(text);
		if (Number.isNaN(epochMs)) return NaN;
		return within(createZonedDayNumber(timeZone)(epochMs)) ? epochMs : OUT_OF_RANGE;
	}
	const day = text.slice(0, 10);
	if (Number.isNaN(parse(day))) return NaN;
	const dayNumber = isoDateToDayNumber(day);
	if (!within(dayNumber)) return OUT_OF_RANGE;
	return parse(dayNumberToIsoDate(dayNumber + 1)) - 1;
}
