/**
 * Visits counted per calendar day in the shop's time zone. Asia/Shanghai is UTC+8 all year (no
 * daylight saving since 1991), so 2026-12-01T16:00:00Z is midnight of 2 December there.
 */
import { clicksPerDay } from '../../../nodes/lib/links';
import { parseDayNumber } from '../../../nodes/lib/time';

describe('clicksPerDay: visits per day in the shop\'s time zone', () => {
	const visits = ['2026-11-29T23:00:00Z', '2026-11-30T10:00:00Z', '2026-12-01T15:59:59Z', '2026-12-01T16:00:00Z', '2026-12-02T01:00:00Z', '2026-12-02T16:30:00Z'].map(Date.parse);

	it('counts a visit at 00:00 Shanghai on the new day, days without visits as 0, outside the range not at all', () => {
		// Shanghai days: 11-30 07:00, 11-30 18:00, 12-01 23:59:59, 12-02 00:00, 12-02 09:00, 12-03 00:30 (after the range)
		expect(clicksPerDay(visits, 'Asia/Shanghai', parseDayNumber('2026-12-02'), 4)).toEqual([
			{ date: '2026-11-29', clicks: 0 },
			{ date: '2026-11-30', clicks: 2 },
			{ date: '2026-12-01', clicks: 1 },
			{ date: '2026-12-02', clicks: 2 },
		]);
	});

	it('gives other days in UTC', () => {
		// UTC days: 11-29, 11-30, 12-01, 12-01, 12-02, 12-02
		expect(clicksPerDay(visits, 'UTC', parseDayNumber('2026-12-02'), 3)).toEqual([
			{ date: '2026-11-30', clicks: 1 },
			{ date: '2026-12-01', clicks: 2 },
			{ date: '2026-12-02', clicks: 2 },
		]);
	});
});
