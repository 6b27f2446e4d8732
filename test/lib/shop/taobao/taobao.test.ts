/**
 * Taobao / Tmall: answers read (TOP's error codes), trades in the commerce model (fields and
 * statuses of bububa/opentaobao model/trade/Trade.go and Order.go), the feed's window and
 * paging parameters, stock rows and shop-coupon terms. Expected values are worked out by hand
 * from the inputs and the cited field meanings.
 */
import { orderSchema } from '../../../../nodes/lib/model';
import { splitIntoWindows } from '../../../../nodes/lib/shop';
import {
	buyerNickOf,
	findShopCoupon,
	heldCouponNumbers,
	levelsOfItemDetail,
	quantityUpdateParams,
	readTopBody,
	sendResultsOf,
	shopCouponTermsOf,
	soldIncrementParams,
	taobaoTradeToModel,
	TAOBAO_STATUS,
	tradesPageOf,
	type ShopCouponTerms,
} from '../../../../nodes/lib/shop/platforms/taobao';
import type { CouponTerms } from '../../../../nodes/lib/shop';

const DAY_MS = 86_400_000;

describe('TOP answers', () => {
	it('success: the "<api>_response" wrapper is taken off; a 19-digit tid keeps every digit', () => {
		const text = '{"trades_sold_increment_get_response":{"total_results":1,"trades":{"trade":[{"tid":2345678901234567891,"status":"TRADE_FINISHED"}]}}}';
		const verdict = readTopBody(200, text);
		expect(verdict.kind).toBe('ok');
		const page = tradesPageOf((verdict as { data: unknown }).data);
		expect(page.total).toBe(1);
		expect(page.trades[0].tid).toBe('2345678901234567891');
	});

	it('a simplified answer (simplify=true: no wrapper, plain arrays) reads the same', () => {
		const verdict = readTopBody(200, { total_results: 2, trades: [{ tid: '1' }, { tid: '2' }] });
		expect(tradesPageOf((verdict as { data: unknown }).data).trades.map((t) => t.tid)).toEqual(['1', '2']);
	});

	it('7 App Call Limited is throttling, waited out for the ban the platform names plus a second', () => {
		const verdict = readTopBody(200, {
			error_response: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-api-access-count', sub_msg: 'This ban will last for 2 more seconds' },
		});
		expect(verdict).toMatchObject({ kind: 'throttled', waitMs: 3000 });
	});

	it('isp.* (a fault on the service side) and 10 Service Currently Unavailable are retried as unavailable', () => {
		expect(readTopBody(200, { error_response: { code: 15, msg: 'Remote service error', sub_code: 'isp.top-remote-connection-timeout' } }).kind).toBe('unavailable');
		expect(readTopBody(200, { error_response: { code: 10, msg: 'Service Currently Unavailable' } }).kind).toBe('unavailable');
		expect(readTopBody(502, 'bad gateway').kind).toBe('unavailable');
	});

	it('27 Invalid Session is an error naming the credential and how to get a new key (no refresh to try)', () => {
		const verdict = readTopBody(200, { error_response: { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey', sub_msg: 'SessionKey非法' } });
		expect(verdict).toMatchObject({ kind: 'error', code: '27 invalid-sessionkey', message: 'Invalid session: SessionKey非法' });
		expect((verdict as { hint: string }).hint).toMatch(/"Taobao \/ Tmall \(淘宝\/天猫\) API".*authorise the app/);
	});

	it('a business error keeps code, sub_code and messages; 25 Invalid Signature says what to check', () => {
		expect(readTopBody(200, { error_response: { code: 15, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: 'page_size取值范围1~100' } })).toEqual({
			kind: 'error',
			code: '15 isv.invalid-parameter',
			message: 'Remote service error: page_size取值范围1~100',
			hint: undefined,
		});
		expect((readTopBody(200, { error_response: { code: 25, msg: 'Invalid Signature' } }) as { hint: string }).hint).toMatch(/App Secret and the Sign Method/);
	});
});

describe('trades in the commerce model', () => {
	const trade = {
		tid: '2345678901234567891',
		tid_str: '2345678901234567891',
		status: 'WAIT_SELLER_SEND_GOODS',
		payment: '123.40',
		created: '2025-12-02 10:00:00',
		modified: '2025-12-02 10:10:05',
		buyer_nick: 't**1',
		buyer_open_uid: 'AAHk5d-EAAeGwJedwSHpg8bT',
		trade_from: 'WAP,JHS',
		orders: {
			order: [
				{ oid: '2345678901234567892', outer_sku_id: 'TEE-W-M', num: 2, price: '50.00', payment: '90.00', refund_status: 'NO_REFUND' },
				{ oid: '2345678901234567893', outer_iid: 'CAP', sku_id: '5000001', num: 1, price: '33.40', payment: '33.40' },
			],
		},
	};

	it('maps a paid trade: yuan text exactly, GMT+8 times with offset, the buyer open uid, the lines', () => {
		const order = taobaoTradeToModel(trade, 'Asia/Shanghai', 'tmall');
		expect(order).toEqual({
			orderId: '2345678901234567891',
			customerId: 'AAHk5d-EAAeGwJedwSHpg8bT',
			platform: 'tmall',
			createdAt: '2025-12-02T10:00:00+08:00',
			updatedAt: '2025-12-02T10:10:05+08:00',
			status: 'paid',
			platformOrderStatus: 'WAIT_SELLER_SEND_GOODS',
			currency: 'CNY',
			amount: 123.4,
			refundedAmount: 0,
			// unitPrice = the line's payment ÷ num: 90.00 / 2 = 45, 33.40 / 1.
			lines: [
				{ sku: 'TEE-W-M', quantity: 2, unitPrice: 45 },
				{ sku: 'CAP', quantity: 1, unitPrice: 33.4 },
			],
			channel: 'wap',
		});
		expect(orderSchema.safeParse(order).success).toBe(true);
	});

	it('the same instant in another zone: 10:00 Beijing is 02:00 UTC', () => {
		expect(taobaoTradeToModel(trade, 'UTC').createdAt).toBe('2025-12-02T02:00:00+00:00');
	});

	it.each([
		['TRADE_NO_CREATE_PAY', 'pending'],
		['WAIT_BUYER_PAY', 'pending'],
		['PAY_PENDING', 'pending'],
		['WAIT_PRE_AUTH_CONFIRM', 'pending'],
		['WAIT_SELLER_SEND_GOODS', 'paid'],
		['PAID_FORBID_CONSIGN', 'paid'],
		['SELLER_CONSIGNED_PART', 'shipped'],
		['WAIT_BUYER_CONFIRM_GOODS', 'shipped'],
		['TRADE_BUYER_SIGNED', 'shipped'],
		['TRADE_FINISHED', 'completed'],
		['TRADE_CLOSED', 'refunded'],
		['TRADE_CLOSED_BY_TAOBAO', 'cancelled'],
	])('status %s → %s (Trade.go: "TRADE_CLOSED(付款以后用户退款成功…)", "TRADE_CLOSED_BY_TAOBAO(付款以前…关闭)")', (status, expected) => {
		expect(TAOBAO_STATUS[status]).toBe(expected);
		expect(taobaoTradeToModel({ ...trade, status }, 'Asia/Shanghai').status).toBe(expected);
	});

	it('TRADE_CLOSED after payment is a full refund of the payment', () => {
		expect(taobaoTradeToModel({ ...trade, status: 'TRADE_CLOSED' }, 'Asia/Shanghai')).toMatchObject({ status: 'refunded', refundedAmount: 123.4 });
	});

	it('a line with refund_status SUCCESS makes the trade partially refunded by its payment; all lines → refunded', () => {
		const [first, second] = trade.orders.order;
		const partial = taobaoTradeToModel({ ...trade, status: 'TRADE_FINISHED', orders: { order: [first, { ...second, refund_status: 'SUCCESS' }] } }, 'Asia/Shanghai');
		expect([partial.status, partial.refundedAmount]).toEqual(['partially_refunded', 33.4]);
		const full = taobaoTradeToModel({ ...trade, status: 'TRADE_FINISHED', orders: { order: [{ ...first, refund_status: 'SUCCESS' }, { ...second, refund_status: 'SUCCESS' }] } }, 'Asia/Shanghai');
		expect([full.status, full.refundedAmount]).toEqual(['refunded', 123.4]);
		const waiting = taobaoTradeToModel({ ...trade, orders: { order: [{ ...first, refund_status: 'WAIT_SELLER_AGREE' }, second] } }, 'Asia/Shanghai');
		expect([waiting.status, waiting.refundedAmount]).toEqual(['paid', 0]);
	});

	it('customer: open uid, else an unmasked nick, else one customer per trade; a masked nick is never an id', () => {
		expect(taobaoTradeToModel({ ...trade, buyer_open_uid: '', buyer_nick: '淘宝用户张三' }, 'Asia/Shanghai').customerId).toBe('nick:淘宝用户张三');
		expect(taobaoTradeToModel({ ...trade, buyer_open_uid: undefined, buyer_nick: 't**1' }, 'Asia/Shanghai').customerId).toBe('taobao-order:2345678901234567891');
	});

	it('a line without merchant codes is named by its SKU id, else its item id', () => {
		const order = taobaoTradeToModel({ ...trade, orders: { order: [{ sku_id: '77', num: 1, payment: '1.00' }, { num_iid: '88', num: 3, payment: '1.00' }] } }, 'Asia/Shanghai');
		// 1.00 / 3 = 0.333… → 0.33 (to the cent).
		expect(order.lines).toEqual([
			{ sku: 'sku:77', quantity: 1, unitPrice: 1 },
			{ sku: 'item:88', quantity: 3, unitPrice: 0.33 },
		]);
	});

	it('an unknown status or an unreadable time is refused with the trade id', () => {
		expect(() => taobaoTradeToModel({ ...trade, status: 'NEW_STATUS' }, 'Asia/Shanghai')).toThrow(/trade 2345678901234567891: unknown status NEW_STATUS/);
		expect(() => taobaoTradeToModel({ ...trade, modified: '2025-12-02T10:10:05Z' }, 'Asia/Shanghai')).toThrow(/created\/modified/);
	});
});

describe('the feed\'s windows and pages', () => {
	// 2025-12-02T00:00:00Z = 08:00 Beijing.
	const start = Date.UTC(2025, 11, 2, 0, 0, 0);

	it('a one-day window is sent as exactly one day of GMT+8 text, page_no from 1', () => {
		expect(soldIncrementParams({ start, end: start + DAY_MS }, 1)).toMatchObject({
			start_modified: '2025-12-02 08:00:00',
			end_modified: '2025-12-03 08:00:00',
			page_no: 1,
			page_size: 50,
		});
	});

	it('bounds are whole seconds, rounded down: windows meet on one second, never a gap', () => {
		const [a, b] = splitIntoWindows({ start: start + 500, end: start + 500 + 2 * DAY_MS }, DAY_MS);
		const pa = soldIncrementParams(a, 1);
		const pb = soldIncrementParams(b, 1);
		expect(pa.end_modified).toBe(pb.start_modified);
		expect([pa.start_modified, pa.end_modified]).toEqual(['2025-12-02 08:00:00', '2025-12-03 08:00:00']);
	});

	it('a window inside one second is asked as that second (TOP wants end after start)', () => {
		expect(soldIncrementParams({ start: start + 100, end: start + 900 }, 1)).toMatchObject({ start_modified: '2025-12-02 08:00:00', end_modified: '2025-12-02 08:00:01' });
	});

	it('a range of three days and an hour is four windows, none wider than a day', () => {
		const windows = splitIntoWindows({ start, end: start + 3 * DAY_MS + 3_600_000 }, DAY_MS);
		expect(windows.map((w) => w.end - w.start)).toEqual([DAY_MS, DAY_MS, DAY_MS, 3_600_000]);
	});
});

describe('stock rows', () => {
	it('an item with SKUs: one level per SKU, deleted SKUs skipped, with_hold_quantity as reserved', () => {
		const levels = levelsOfItemDetail({
			item: {
				num_iid: '600000000001',
				outer_id: 'TEE',
				num: 15,
				skus: { sku: [{ sku_id: '4000001', outer_id: 'TEE-W-M', quantity: 12, with_hold_quantity: 2 }, { sku_id: '4000002', outer_id: 'TEE-OLD', quantity: 3, status: 'delete' }, { sku_id: '4000003', quantity: 3 }] },
			},
		});
		expect(levels.map((l) => [l.sku, l.onHand, l.reserved, l.platformRef])).toEqual([
			['TEE-W-M', 12, 2, { numIid: '600000000001', skuId: '4000001' }],
			['600000000001:4000003', 3, 0, { numIid: '600000000001', skuId: '4000003' }],
		]);
	});

	it('an item without SKUs is one level (num); a write is absolute (type 1)', () => {
		const [level] = levelsOfItemDetail({ item: { num_iid: '600000000002', outer_id: 'MUG', num: 7 } });
		expect(level).toMatchObject({ sku: 'MUG', warehouse: 'default', onHand: 7, platformRef: { numIid: '600000000002' } });
		expect(quantityUpdateParams(level, 20)).toEqual({ num_iid: '600000000002', quantity: 20, type: 1 });
	});
});

describe('shop coupons', () => {
	const terms = (extra: Partial<CouponTerms>): CouponTerms => ({
		code: 'VIP-1',
		kind: 'spendThreshold',
		description: '满200减20',
		threshold: 200,
		reduction: 20,
		currency: 'CNY',
		validFrom: '2026-12-01T00:00:00+08:00',
		validUntil: '2026-12-31T23:59:59+08:00',
		campaignId: 'winter-2026',
		...extra,
	});

	it('满200减20 becomes denominations 20, condition 200, GMT+8 validity', () => {
		expect(shopCouponTermsOf(terms({}))).toEqual({ terms: { denominations: 20, condition: 200, startTime: '2026-12-01 00:00:00', endTime: '2026-12-31 23:59:59' } });
	});

	it('a value Taobao cannot say is refused with the allowed values, never rounded', () => {
		expect(shopCouponTermsOf(terms({ reduction: 30 }))).toEqual({ unsupported: 'Taobao shop coupons (店铺优惠券) can only be worth 3, 5, 10, 20, 50, 100 yuan; this coupon is worth 30 yuan' });
		expect(shopCouponTermsOf(terms({ kind: 'percentage', percent: 10, threshold: null, reduction: null }))).toMatchObject({ unsupported: expect.stringMatching(/fixed amounts of 3, 5, 10, 20, 50, 100 yuan; a percentage coupon/) });
		expect(shopCouponTermsOf(terms({ threshold: 199.5 }))).toMatchObject({ unsupported: expect.stringMatching(/whole yuan/) });
		expect(shopCouponTermsOf(terms({ currency: 'USD' }))).toMatchObject({ unsupported: expect.stringMatching(/in USD/) });
	});

	it('coupons.get rows carry fen (Coupon.go: "返回的是“分”"): 2000 / 20000 match 20 yuan off 200', () => {
		const wanted: ShopCouponTerms = { denominations: 20, condition: 200, startTime: '2026-12-01 00:00:00', endTime: '2026-12-31 23:59:59' };
		const page = { coupons: { coupon: [{ coupon_id: 11, denominations: 2000, condition: 10000, end_time: '2026-12-31 23:59:59' }, { coupon_id: 12, denominations: 2000, condition: 20000, end_time: '2026-12-31 23:59:59' }] } };
		expect(findShopCoupon(page, wanted)).toBe('12');
		expect(findShopCoupon({ coupons: { coupon: [{ coupon_id: 13, denominations: 2000, condition: 20000, end_time: '2026-12-31' }] } }, wanted)).toBe('13');
		expect(findShopCoupon({}, wanted)).toBeUndefined();
	});

	it('coupon.send: numbers of the buyers sent, reasons of those refused; coupondetail.get rows per buyer', () => {
		const { sent, failed } = sendResultsOf({ is_success: true, coupon_results: { coupon_result: [{ buyer_nick: 'a', coupon_number: 91 }] }, failure_buyers: { error_message: [{ buyer_nick: 'b', reason: '不是会员' }] } });
		expect([...sent]).toEqual([['a', '91']]);
		expect([...failed]).toEqual([['b', '不是会员']]);
		expect(heldCouponNumbers({ coupon_details: { coupon_detail: [{ buyer_nick: 'a', coupon_number: 91 }] } }, 'a')).toEqual(['91']);
		expect(heldCouponNumbers({ total_results: 0 }, 'a')).toEqual([]);
	});

	it('buyer nicks: nick: stripped; trade-only ids, masked nicks and commas cannot receive a coupon', () => {
		expect(buyerNickOf('nick:淘宝用户张三')).toEqual({ nick: '淘宝用户张三' });
		expect(buyerNickOf('tb_buyer_7')).toEqual({ nick: 'tb_buyer_7' });
		expect(buyerNickOf('taobao-order:123')).toMatchObject({ unusable: expect.stringMatching(/no Taobao buyer/) });
		expect(buyerNickOf('t**1')).toMatchObject({ unusable: expect.stringMatching(/masked/) });
		expect(buyerNickOf('a,b')).toMatchObject({ unusable: expect.stringMatching(/comma/) });
	});
});
