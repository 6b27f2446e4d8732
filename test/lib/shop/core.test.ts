/**
 * The connector core's pure rules: windows that tile a range, the Since Last Run cursor,
 * reading offset pages back to front while orders change, money read exactly, and Coupon
 * Tier's coupon items read as discounts.
 */
import {
	advanceCursor,
	couponFieldName,
	couponToIssueSchema,
	decimalToCents,
	discountOf,
	latestPerOrder,
	planIncrementalRange,
	readPagesBackwards,
	sharedCouponOf,
	splitIntoWindows,
	termsKey,
	type Page,
	type ShopOrder,
} from '../../../nodes/lib/shop';
import { parseJsonKeepingBigIntegers } from '../../../nodes/lib/shop/json/bigIntegers';
import { createCodeSigner, customerItem, DEFAULT_TIERS, planCampaign, type PeriodKind } from '../../../nodes/lib/coupons';
import { campaignSettings } from '../../support/campaignSettings';

const MIN = 60_000;
const DAY = 86_400_000;

describe('splitIntoWindows', () => {
	it('tiles a range with windows of at most the platform span, oldest first, no gap and no overlap', () => {
		const windows = splitIntoWindows({ start: 0, end: 95 * MIN }, 30 * MIN);
		expect(windows).toEqual([
			{ start: 0, end: 30 * MIN },
			{ start: 30 * MIN, end: 60 * MIN },
			{ start: 60 * MIN, end: 90 * MIN },
			{ start: 90 * MIN, end: 95 * MIN },
		]);
	});

	it('gives one window for a short range and none for an empty one', () => {
		expect(splitIntoWindows({ start: 5, end: 6 }, DAY)).toEqual([{ start: 5, end: 6 }]);
		expect(splitIntoWindows({ start: 5, end: 5 }, DAY)).toEqual([]);
	});

	it('a year in Pinduoduo-sized windows (30 min) is 17,520 windows', () => {
		expect(splitIntoWindows({ start: 0, end: 365 * DAY }, 30 * MIN)).toHaveLength(17_520);
	});

	it('refuses a range that ends before it starts', () => {
		expect(() => splitIntoWindows({ start: 10, end: 5 }, DAY)).toThrow(/ends .* before it starts/);
	});
});

describe('planIncrementalRange (Since Last Run)', () => {
	const now = Date.UTC(2026, 11, 2, 8, 0, 0);
	const base = { scope: 'douyin:1', now, lookbackDays: 365, overlapMs: 10 * MIN, settleMs: 2 * MIN };

	it('backfills the lookback window on the first run, ending a settle time before now', () => {
		expect(planIncrementalRange({ ...base, cursor: undefined })).toEqual({
			range: { start: now - 365 * DAY, end: now - 2 * MIN },
			kind: 'backfill',
		});
	});

	it('then starts at the previous end minus the overlap', () => {
		const first = planIncrementalRange({ ...base, cursor: undefined });
		const cursor = advanceCursor(first, 'douyin:1');
		const later = planIncrementalRange({ ...base, cursor, now: now + 15 * MIN });
		expect(later.kind).toBe('incremental');
		expect(later.range).toEqual({ start: now - 2 * MIN - 10 * MIN, end: now + 15 * MIN - 2 * MIN });
	});

	it('starts over when the cursor belongs to another shop or credential', () => {
		const plan = planIncrementalRange({ ...base, cursor: { readUntil: now - MIN, scope: 'douyin:2' } });
		expect(plan.kind).toBe('backfill');
	});

	it("clamps to the platform's age limit and says from where (Pinduoduo/Taobao serve 3 months)", () => {
		const plan = planIncrementalRange({ ...base, cursor: undefined, maxAgeDays: 90 });
		expect(plan.range.start).toBe(now - 90 * DAY + 10 * MIN);
		expect(plan.clampedFrom).toBe(now - 365 * DAY);
	});
});

describe('readPagesBackwards: an order updated while the feed is paged is never skipped', () => {
	/** A feed of orders sorted by update time; `mutate` runs after each page is served. */
	function feed(ids: string[], pageSize: number, mutate: (page: number, list: string[]) => void) {
		const list = [...ids];
		const served: number[] = [];
		const fetchPage = async (page: number): Promise<Page<string>> => {
			served.push(page);
			const items = list.slice(page * pageSize, page * pageSize + pageSize);
			const result = { items, total: list.length };
			mutate(page, list);
			return result;
		};
		return { fetchPage, served };
	}
	const ids = Array.from({ length: 25 }, (_, i) => `o${String(i).padStart(2, '0')}`);
	/** After the first page is served, order o03 is updated: its new update time is after the window, so it leaves the list. */
	const updateO03Once = () => {
		let done = false;
		return (_page: number, list: string[]) => {
			if (done) return;
			done = true;
			list.splice(list.indexOf('o03'), 1);
		};
	};

	it('front to back, the update shifts o10 onto the page already read: o10 is lost (why the rule exists)', async () => {
		const { fetchPage } = feed(ids, 10, updateO03Once());
		const read: string[] = [];
		for (let page = 0; page < 3; page++) read.push(...(await fetchPage(page)).items);
		expect(read).not.toContain('o10');
	});

	it('back to front (page 0 first for the total, read again last), every order still in the window is read', async () => {
		const { fetchPage, served } = feed(ids, 10, updateO03Once());
		const read = await readPagesBackwards(fetchPage, 10);
		expect(served).toEqual([0, 2, 1, 0]);
		// o03 now has an update time after this window: the next window (or run) reads it.
		for (const id of ids.filter((id) => id !== 'o03')) expect(read).toContain(id);
	});

	it('one page needs one request', async () => {
		const { fetchPage, served } = feed(ids.slice(0, 7), 10, () => undefined);
		expect(await readPagesBackwards(fetchPage, 10)).toHaveLength(7);
		expect(served).toEqual([0]);
	});
});

describe('latestPerOrder', () => {
	const order = (orderId: string, updatedAt: string, amount: number): ShopOrder => ({
		orderId,
		customerId: 'c',
		platform: 'douyin',
		createdAt: '2026-12-01T10:00:00+08:00',
		updatedAt,
		status: 'paid',
		platformOrderStatus: '2',
		currency: 'CNY',
		amount,
		refundedAmount: 0,
		lines: [],
	});
	it('keeps one order per id, the latest update, oldest update first', () => {
		const entries = [
			order('A', '2026-12-01T10:05:00+08:00', 1),
			order('B', '2026-12-01T10:01:00+08:00', 2),
			order('A', '2026-12-01T10:09:00+08:00', 3),
			order('A', '2026-12-01T10:07:00+08:00', 4),
		].map((o) => ({ order: o, raw: o, updatedAtMs: Date.parse(o.updatedAt) }));
		expect(latestPerOrder(entries).map((e) => [e.order.orderId, e.order.amount])).toEqual([
			['B', 2],
			['A', 3],
		]);
	});
});

describe('money', () => {
	it('reads decimal text exactly, in cents', () => {
		expect(decimalToCents('12.30')).toBe(1230);
		expect(decimalToCents('0.1')).toBe(10);
		expect(decimalToCents('-10.00')).toBe(-1000);
		expect(decimalToCents('19.999')).toBe(2000);
		expect(decimalToCents(0.07)).toBe(7);
		expect(decimalToCents('12,30')).toBeNaN();
	});
});

describe('parseJsonKeepingBigIntegers', () => {
	it('keeps 64-bit ids digit for digit (JSON.parse would round them)', () => {
		const text = '{"sku_id":1700000000000000001,"n":42,"price":1.5,"s":"x:12345678901234567890","neg":-9007199254740993}';
		expect(JSON.parse(text).sku_id).toBe(1700000000000000000);
		expect(parseJsonKeepingBigIntegers(text)).toEqual({
			sku_id: '1700000000000000001',
			n: 42,
			price: 1.5,
			s: 'x:12345678901234567890',
			neg: '-9007199254740993',
		});
	});
});

describe('coupon items from Coupon Tier', () => {
	const item = {
		customerId: 'c1',
		couponCode: 'CO-ABCDEFGHJK',
		coupon: {
			code: 'CO-ABCDEFGHJK',
			kind: 'spendThreshold',
			description: 'Spend ¥99, save ¥20',
			amount: null,
			percent: null,
			cap: null,
			threshold: 99,
			reduction: 20,
			minimumSpend: 0,
			birthdayBonus: 5,
			faceValue: 25,
			currency: 'CNY',
			validFrom: '2026-12-02T00:00:00+08:00',
			validUntil: '2026-12-15T23:59:59+08:00',
			validFromDate: '2026-12-02',
			validUntilDate: '2026-12-15',
			campaignId: 'member-coupons',
			period: '2026-12',
		},
	};

	it('reads as an amount off from the threshold, birthday bonus included (the face value Coupon Tier budgeted)', () => {
		const parsed = couponToIssueSchema.parse(item);
		expect(discountOf(parsed.coupon)).toEqual({ type: 'amountOff', amount: 25, minimumSpend: 99 });
	});

	it('a percentage coupon keeps its cap', () => {
		const parsed = couponToIssueSchema.parse({ ...item, coupon: { ...item.coupon, kind: 'percentage', percent: 15, cap: 100, birthdayBonus: 0, threshold: null, reduction: null } });
		expect(discountOf(parsed.coupon)).toEqual({ type: 'percentOff', percent: 15, cap: 100, minimumSpend: 0 });
	});

	it('coupons with the same terms share a key; another value does not', () => {
		const a = couponToIssueSchema.parse(item).coupon;
		const b = couponToIssueSchema.parse({ ...item, coupon: { ...item.coupon, code: 'CO-OTHER' } }).coupon;
		const c = couponToIssueSchema.parse({ ...item, coupon: { ...item.coupon, reduction: 30 } }).coupon;
		expect(termsKey(a)).toBe(termsKey(b));
		expect(termsKey(a)).not.toBe(termsKey(c));
	});

	it("reads Coupon Tier's item as it comes: the terms as flat coupon… fields", () => {
		// The fields Coupon Tier writes (docs/nodes/CouponTier.md, "Outputs"), typed out here by hand.
		const flat = {
			customerId: 'c1',
			couponCode: 'CO-7K2M9QX4TB',
			couponKind: 'spendThreshold',
			couponDescription: 'Spend ¥99, save ¥20',
			couponValue: 25,
			couponAmount: null,
			couponPercent: null,
			couponCap: null,
			couponThreshold: 99,
			couponReduction: 20,
			couponMinimumSpend: 0,
			couponBirthdayBonus: 5,
			couponCurrency: 'CNY',
			couponValidFrom: '2026-12-02T00:00:00+08:00',
			couponValidUntil: '2026-12-15T23:59:59+08:00',
			campaignId: 'member-coupons',
			segment: 'champions',
		};
		const parsed = couponToIssueSchema.parse(flat);
		expect(parsed.coupon.code).toBe('CO-7K2M9QX4TB');
		expect(discountOf(parsed.coupon)).toEqual({ type: 'amountOff', amount: 25, minimumSpend: 99 });
		expect(termsKey(parsed.coupon)).toBe(termsKey(couponToIssueSchema.parse(item).coupon));
		// A problem is named by the field the item has.
		const bad = couponToIssueSchema.safeParse({ ...flat, couponKind: 'bogus' });
		expect(bad.success).toBe(false);
		if (!bad.success) expect(couponFieldName(bad.error.issues[0].path, { ...flat, couponKind: 'bogus' })).toBe('couponKind');
		// A customer the budget left out has no coupon terms.
		expect(couponToIssueSchema.safeParse({ customerId: 'c1', couponCode: null, couponKind: null }).success).toBe(false);
	});

	describe('one shop coupon per campaign period (shops that give shares of one dated coupon: Youzan, Taobao)', () => {
		const sign = createCodeSigner('test-secret-0123456789abcdef', { prefix: 'CO-', length: 10 });
		/** Coupon Tier's item for one VIP customer, the campaign run on `campaignDate`, as the shop node reads it. */
		const vipCoupon = (campaignDate: string, period: PeriodKind = 'month') => {
			const settings = campaignSettings({ campaignId: 'member-coupons', campaignDate, period, priorityFields: ['monetary'] });
			const record = { customerId: 'c1', segment: 'champions', monetary: 3000 };
			const [plan] = planCampaign([{ customerId: 'c1', record }], settings, sign).customers;
			return couponToIssueSchema.parse(JSON.parse(JSON.stringify(customerItem(plan, record)))).coupon;
		};
		const vipTerms = DEFAULT_TIERS.find((t) => t.key === 'vip')!.coupon;
		const daysValid = vipTerms && 'daysValid' in vipTerms ? vipTerms.daysValid : NaN;

		it("every day of a month gives the same key, and the shop coupon covers the month's last day for Days Valid", () => {
			const first = vipCoupon('2026-12-01');
			expect(first.period).toBe('2026-12');
			expect(first.validFrom).toBe('2026-12-01T00:00:00+08:00');
			for (const day of ['2026-12-02', '2026-12-15', '2026-12-31']) expect(sharedCouponOf(vipCoupon(day)).key).toBe(sharedCouponOf(first).key);
			expect(sharedCouponOf(vipCoupon('2027-01-01')).key).not.toBe(sharedCouponOf(first).key);
			// Valid from the first run's day to 31 December + (Days Valid − 1).
			const lastDay = new Date(Date.UTC(2026, 11, 31 + daysValid - 1)).toISOString().slice(0, 10);
			expect(sharedCouponOf(first)).toMatchObject({ validFrom: '2026-12-01T00:00:00+08:00', validUntil: `${lastDay}T23:59:59+08:00` });
			// The coupon's own dates, which the code-based shops (Shopify, WooCommerce) use, are unchanged.
			expect(first.validUntil).toBe(`${new Date(Date.UTC(2026, 11, daysValid)).toISOString().slice(0, 10)}T23:59:59+08:00`);
		});

		it('a weekly campaign: to the ISO week\'s Sunday + Days Valid − 1; a daily one keeps its own dates', () => {
			// 2026-12-02 is a Wednesday of 2026-W49, which ends on Sunday 2026-12-06.
			const weekly = vipCoupon('2026-12-02', 'week');
			expect(weekly.period).toBe('2026-W49');
			expect(sharedCouponOf(weekly).validUntil).toBe(`${new Date(Date.UTC(2026, 11, 6 + daysValid - 1)).toISOString().slice(0, 10)}T23:59:59+08:00`);
			expect(sharedCouponOf(vipCoupon('2026-12-06', 'week')).key).toBe(sharedCouponOf(weekly).key);
			const daily = vipCoupon('2026-12-02', 'day');
			expect(sharedCouponOf(daily)).toMatchObject({ validFrom: daily.validFrom, validUntil: daily.validUntil });
		});

		it('a one-off campaign keeps its first run\'s dates and one key; terms without a period keep their own dates and key', () => {
			const once = vipCoupon('2026-12-01', 'campaign');
			expect(once.period).toBe('all');
			expect(sharedCouponOf(vipCoupon('2027-03-10', 'campaign')).key).toBe(sharedCouponOf(once).key);
			expect(sharedCouponOf(once)).toMatchObject({ validFrom: once.validFrom, validUntil: once.validUntil });
			const noPeriod = { ...once, period: undefined };
			expect(sharedCouponOf(noPeriod)).toEqual({ key: termsKey(noPeriod), validFrom: once.validFrom, validUntil: once.validUntil });
			// A sheet's empty or null period column reads as no period.
			for (const period of ['', null]) expect(couponToIssueSchema.parse({ ...item, coupon: { ...item.coupon, period } }).coupon.period).toBeUndefined();
		});

		it('another value or another number of days valid is another shop coupon', () => {
			const base = vipCoupon('2026-12-01');
			expect(sharedCouponOf({ ...base, percent: (base.percent ?? 0) + 5 }).key).not.toBe(sharedCouponOf(base).key);
			expect(sharedCouponOf({ ...base, validUntil: '2026-12-03T23:59:59+08:00' }).key).not.toBe(sharedCouponOf(base).key);
		});
	});

	it('an item that is not a coupon says which field is wrong', () => {
		const result = couponToIssueSchema.safeParse({ customerId: 'c1', coupon: null });
		expect(result.success).toBe(false);
	});
});
