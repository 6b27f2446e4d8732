/**
 * The plan: the next N posts of each account and platform on the chosen weekdays and time slots,
 * their pillars in the order ./sequence.ts gives, counting on from the window's posts.
 */
import { UserInputError } from '../errors';
import { dayNumberToIsoDate, MAX_DAY_NUMBER } from '../time';
import type { PillarTarget } from './pillars';
import { sequencePillars } from './sequence';
import type { PostGroup } from './window';

/** Most posts planned per account and platform in one run (a year of 3 posts a day is ~1,100). */
export const MAX_PLANNED_POSTS = 1000;
/** Most time slots per day. */
export const MAX_TIME_SLOTS = 24;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export interface ScheduleSettings {
	postsToPlan: number;
	/** Day number of the first day that may get a post. */
	startDay: number;
	weekdays: readonly Weekday[];
	/** "HH:MM", in the order posts fill a day. */
	timeSlots: readonly string[];
	/** A pillar never planned twice in a row (e.g. promotion), or undefined. */
	notTwiceInARow: string | undefined;
}

export interface PlannedPost {
	account: string | null;
	platform: string;
	/** 1 for the first post planned. */
	slot: number;
	date: string;
	weekday: Weekday;
	weekdayZh: string;
	time: string;
	pillar: string;
}

const SLOTS_HINT =
	'Write times of day as HH:MM separated by commas, e.g. 12:00, 19:30. 用逗号分隔的 HH:MM 时间，如 12:00, 19:30。';

/** "12:00, 19:30" → ['12:00', '19:30'], sorted, each checked. */
export function parseTimeSlots(text: string): string[] {
	const parts = text.split(/[,，、;；\s]+/).filter((part) => part !== '');
	const slots = parts.map((part) => {
		const match = /^(\d{1,2})[:：](\d{2})$/.exec(part);
		if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
			throw new UserInputError(`Time Slots: "${part}" is not a time HH:MM`, { field: 'Time Slots', hint: SLOTS_HINT });
		}
		return `${match[1].padStart(2, '0')}:${match[2]}`;
	});
	const unique = [...new Set(slots)].sort();
	if (unique.length === 0 || unique.length > MAX_TIME_SLOTS) {
		throw new UserInputError(`Time Slots: give 1 to ${MAX_TIME_SLOTS} times of day`, { field: 'Time Slots', hint: SLOTS_HINT });
	}
	return unique;
}

/** The dates and times of the next `count` slots from `startDay`. */
export function nextSlots(settings: ScheduleSettings): { date: string; weekday: number; time: string }[] {
	const allowed = new Set(settings.weekdays.map((w) => WEEKDAYS.indexOf(w)));
	if (allowed.size === 0) {
		throw new UserInputError('Posting Days: choose at least one day of the week', {
			field: 'Posting Days',
			hint: 'Tick the weekdays you post on. 请至少选择一个发布日。',
		});
	}
	const slots: { date: string; weekday: number; time: string }[] = [];
	for (let day = settings.startDay; slots.length < settings.postsToPlan; day++) {
		// Day number 0 (1970-01-01) was a Thursday.
		if (day > MAX_DAY_NUMBER) {
			throw new UserInputError('Plan Start Date: the plan would run past 9999-12-31', {
				field: 'Plan Start Date',
				hint: 'Choose an earlier start date, or plan fewer posts. 请选择更早的开始日期，或减少排期条数。',
			});
		}
		const weekday = (((day + 4) % 7) + 7) % 7;
		if (!allowed.has(weekday)) continue;
		for (const time of settings.timeSlots) {
			if (slots.length < settings.postsToPlan) slots.push({ date: dayNumberToIsoDate(day), weekday, time });
		}
	}
	return slots;
}

export function planGroup(group: PostGroup, targets: readonly PillarTarget[], settings: ScheduleSettings): PlannedPost[] {
	const targetPillars = new Set(targets.map((t) => t.pillar));
	const history: Record<string, number> = {};
	let lastPillar: string | undefined;
	// Posts of pillars outside the target mix (e.g. "other") do not count toward the shares.
	for (const post of group.posts) {
		lastPillar = post.pillar;
		if (targetPillars.has(post.pillar)) history[post.pillar] = (history[post.pillar] ?? 0) + 1;
	}
	const pillars = sequencePillars(targets, settings.postsToPlan, {
		history,
		lastPillar,
		notTwiceInARow: settings.notTwiceInARow,
	});
	return nextSlots(settings).map((slot, k) => ({
		account: group.account,
		platform: group.platform,
		slot: k + 1,
		date: slot.date,
		weekday: WEEKDAYS[slot.weekday],
		weekdayZh: WEEKDAYS_ZH[slot.weekday],
		time: slot.time,
		pillar: pillars[k],
	}));
}

/**
 * A wall-clock time of the shop's zone as an instant: local time read as UTC, minus the zone's
 * offset there (looked up twice, so a time just after a DST change gets the new offset).
 */
export function zonedInstant(date: string, time: string, offsetAt: (epochMs: number) => number): number {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	const asUtc = Date.UTC(year, month - 1, day, hour, minute);
	return asUtc - offsetAt(asUtc - offsetAt(asUtc));
}
