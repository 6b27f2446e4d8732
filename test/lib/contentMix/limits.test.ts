/**
 * Content Mix's documented limits (docs/nodes/ContentMix.md, "Limits"), as issue 14 bounded the
 * other inputs: each bound accepted, one past it refused with what was expected.
 */
import { nextSlots, parseContentMixOptions, postInputSchema } from '../../../nodes/lib/contentMix';

const NOW = Date.UTC(2026, 5, 30, 12); // 2026-06-30T12:00:00Z, the run's clock in these tests
const schema = postInputSchema('Asia/Shanghai', NOW);
const good = { postId: 'p1', platform: 'douyin', publishedAt: '2026-06-01T12:00:00+08:00', title: 't', views: 1, clicks: 0 };
const issue = (post: Record<string, unknown>) => {
	const parsed = schema.safeParse(post);
	return parsed.success ? undefined : `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`;
};

describe('post fields are bounded', () => {
	it('ids, link codes and pillars: 256 characters accepted, 257 refused', () => {
		for (const field of ['postId', 'platform', 'linkCode', 'pillar', 'account']) {
			expect(issue({ ...good, [field]: 'x'.repeat(256) })).toBeUndefined();
			expect(issue({ ...good, [field]: 'x'.repeat(257) })).toMatch(new RegExp(`^${field}: .*at most 256 characters`));
		}
	});

	it('titles: 2,000 characters accepted, 2,001 refused', () => {
		expect(issue({ ...good, title: 'x'.repeat(2000) })).toBeUndefined();
		expect(issue({ ...good, title: 'x'.repeat(2001) })).toBe('title: a title of at most 2,000 characters');
	});

	it('views and clicks: whole numbers 0 to 10^12; text digits read, missing = 0', () => {
		expect(issue({ ...good, views: 1e12, clicks: '12' })).toBeUndefined();
		expect(schema.parse({ ...good, views: undefined, clicks: '12' })).toMatchObject({ views: 0, clicks: 12 });
		expect(issue({ ...good, views: 1e12 + 1 })).toBe('views: a whole number from 0 to 1,000,000,000,000');
		expect(issue({ ...good, clicks: 1.5 })).toBe('clicks: a whole number from 0 to 1,000,000,000,000');
		expect(issue({ ...good, clicks: -1 })).toBe('clicks: a whole number from 0 to 1,000,000,000,000');
	});

	it('publishedAt from 2000-01-01 up to one day after the clock', () => {
		expect(issue({ ...good, publishedAt: '2000-01-01T00:00:00Z' })).toBeUndefined();
		expect(issue({ ...good, publishedAt: '1999-12-31T23:59:59Z' })).toMatch(/^publishedAt: a time from 2000-01-01 up to one day after now \(2026-07-01\)/);
		expect(issue({ ...good, publishedAt: '9999-12-31T00:00:00Z' })).toMatch(/^publishedAt: a time from 2000-01-01/);
		expect(issue({ ...good, publishedAt: '2026-04-31T10:00:00+08:00' })).toMatch(/^publishedAt: an ISO-8601 date-time/);
	});
});

describe('settings are bounded', () => {
	const base = { operation: 'plan' as const, timeZone: 'UTC', pillarSource: 'field' as const };
	it('Posts to Plan 1 to 1,000; Window (Days) 0 to 36,500', () => {
		expect(parseContentMixOptions({ ...base, postsToPlan: 1000, windowDays: 36_500 })).toMatchObject({ postsToPlan: 1000, windowDays: 36_500 });
		expect(() => parseContentMixOptions({ ...base, postsToPlan: 1001 })).toThrow('Posts to Plan: a whole number from 1 to 1,000');
		expect(() => parseContentMixOptions({ ...base, postsToPlan: 0 })).toThrow('Posts to Plan: a whole number from 1 to 1,000');
		expect(() => parseContentMixOptions({ ...base, windowDays: 36_501 })).toThrow('Window (Days): a number of days from 0 to 36,500');
	});

	it('a plan running past 9999-12-31 is a settings error, not a RangeError', () => {
		const settings = { postsToPlan: 3, weekdays: ['friday'] as const, timeSlots: ['12:00'], notTwiceInARow: undefined };
		const last = 2932896; // 9999-12-31, a Friday
		expect(nextSlots({ ...settings, postsToPlan: 1, startDay: last }).map((s) => s.date)).toEqual(['9999-12-31']);
		expect(nextSlots({ ...settings, startDay: last - 14 }).map((s) => s.date)).toEqual(['9999-12-17', '9999-12-24', '9999-12-31']);
		expect(() => nextSlots({ ...settings, startDay: last - 7 })).toThrow('Plan Start Date: the plan would run past 9999-12-31');
	});

	it('time slots: HH:MM, 1 to 24 of them', () => {
		expect(parseContentMixOptions({ ...base, timeSlots: '19:30，9:05 12:00' }).timeSlots).toEqual(['09:05', '12:00', '19:30']);
		expect(() => parseContentMixOptions({ ...base, timeSlots: '24:00' })).toThrow('Time Slots: "24:00" is not a time HH:MM');
		expect(() => parseContentMixOptions({ ...base, timeSlots: '' })).toThrow('Time Slots: give 1 to 24 times of day');
	});
});
