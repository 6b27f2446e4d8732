/**
 * The posts of the window (the last N days up to the end day, in the shop's time zone), grouped
 * per account and platform: what the audit measures and the plan starts from.
 */
import { UserInputError } from '../errors';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../time';
import type { PostRecord } from './input';

export interface WindowSettings {
	/** YYYY-MM-DD; undefined: the day of the latest post. */
	endDate: string | undefined;
	/** Days up to the end day; 0 counts every post. */
	windowDays: number;
}

export interface PostWindow {
	/** First and last day of the window (YYYY-MM-DD); null when there are no posts. */
	windowStart: string | null;
	windowEnd: string | null;
	/** Day number of the window's last day; NaN when there are no posts. */
	endDay: number;
	groups: PostGroup[];
}

export interface PostGroup {
	account: string | null;
	platform: string;
	/** The group's posts in the window, oldest first (ties in input order). */
	posts: PostRecord[];
}

/** `dayOf` maps an instant to its day number in the shop's time zone. */
export function selectWindow(posts: readonly PostRecord[], settings: WindowSettings, dayOf: (ms: number) => number): PostWindow {
	let endDay: number;
	if (settings.endDate !== undefined) {
		endDay = isoDateToDayNumber(settings.endDate);
		if (Number.isNaN(endDay)) {
			throw new UserInputError(`End Date: "${settings.endDate}" is not a date`, {
				field: 'End Date',
				hint: 'Pick a day, or leave End Date empty to end the window on the day of the latest post. 请选择日期，或留空（以最新一条内容的日期为结束日）。',
			});
		}
	} else {
		endDay = posts.reduce((latest, post) => Math.max(latest, dayOf(post.publishedAtMs)), -Infinity);
		if (posts.length === 0) endDay = NaN;
	}
	if (Number.isNaN(endDay)) return { windowStart: null, windowEnd: null, endDay, groups: [] };
	const startDay = settings.windowDays > 0 ? endDay - settings.windowDays + 1 : -Infinity;
	const byKey = new Map<string, PostGroup>();
	let firstDay = Infinity;
	for (const post of posts) {
		const day = dayOf(post.publishedAtMs);
		if (day < startDay || day > endDay) continue;
		firstDay = Math.min(firstDay, day);
		const key = JSON.stringify([post.account ?? null, post.platform]);
		let group = byKey.get(key);
		if (!group) byKey.set(key, (group = { account: post.account ?? null, platform: post.platform, posts: [] }));
		group.posts.push(post);
	}
	const groups = [...byKey.values()].sort(
		(a, b) => compareText(a.account ?? '', b.account ?? '') || compareText(a.platform, b.platform),
	);
	for (const group of groups) group.posts.sort((a, b) => a.publishedAtMs - b.publishedAtMs || a.itemIndex - b.itemIndex);
	const windowStartDay = Number.isFinite(startDay) ? startDay : Number.isFinite(firstDay) ? firstDay : endDay;
	return { windowStart: dayNumberToIsoDate(windowStartDay), windowEnd: dayNumberToIsoDate(endDay), endDay, groups };
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
