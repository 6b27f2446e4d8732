/**
 * Pinduoduo orders (pdd.order.number.list.increment.get `order_sn_list[]`) in the pack's
 * model, the status table, the feed's request parameters and the window rules. Field
 * meanings: the API's field docs (lywzx/pdd-node-sdk, niltor/open-pdd-net-sdk, generated from
 * the official doc); status table: docs/nodes/PinduoduoShop.md.
 */
import { orderSchema } from '../../../../nodes/lib/model';
import { splitIntoWindows, planIncrementalRange } from '../../../../nodes/lib/shop';
import {
	incrementParams,
	MAX_AGE_DAYS,
	MAX_WINDOW_MS,
	ORDER_PAGE_SIZE,
	parsePddTime,
	pddOrderToModel,
	pddStatusOf,
	SETTLE_MS,
	type PddOrder,
} from '../../../../nodes/lib/shop/platforms/pinduoduo';

function order(extra: Partial<PddOrder> = {}): PddOrder {
	return {
		order_sn: '240301-512345678901234',
		order_status: 1,
		confirm_status: 1,
		refund_status: 1,
		pay_amount: 59.9,
		goods_amount: 69.9,
		discount_amount: 10,
		created_time: '2024-03-01 09:30:00',
		confirm_time: '2024-03-01 09:30:05',
		updated_at: '2024-03-01 10:00:00',
		open_address_id: '#GKTB7s7wOxP',
		item_list: [
			{ goods_id: 600000000001, sku_id: 1000000000001, outer_id: 'TEE-W-M', goods_count: 2, goods_price: 34.95 },
			{ goods_id: 600000000002, sku_id: 1000000000002, outer_id: '', goods_count: 1, goods_price: 0 },
		],
		...extra,
	};
}

describe('an order in the model', () => {
	it('maps the fields: yuan amounts, Beijing times written with their offset, SKU codes, the address key as customer', () => {
		const model = pddOrderToModel(order(), 'Asia/Shanghai');
		expect(model).toEqual({
			orderId: '240301-512345678901234',
			customerId: 'pdd-addr:#GKTB7s7wOxP',
			platform: 'pinduoduo',
			createdAt: '2024-03-01T09:30:00+08:00',
			updatedAt: '2024-03-01T10:00:00+08:00',
			status: 'paid',
			platformOrderStatus: '1 待发货 / 已成交',
			currency: 'CNY',
			amount: 59.9,
			refundedAmount: 0,
			lines: [
				{ sku: 'TEE-W-M', quantity: 2, unitPrice: 34.95 },
				// A SKU without a merchant code (商家编码) is named by its ids.
				{ sku: '600000000002:1000000000002', quantity: 1, unitPrice: 0 },
			],
		});
		expect(orderSchema.safeParse(model).success).toBe(true);
	});

	it('writes the same instants in another zone: 09:30 Beijing is 01:30 UTC', () => {
		expect(pddOrderToModel(order(), 'UTC').createdAt).toBe('2024-03-01T01:30:00+00:00');
	});

	it('an order without open_address_id is a customer of its own (Pinduoduo gives no buyer id)', () => {
		expect(pddOrderToModel(order({ open_address_id: undefined }), 'Asia/Shanghai').customerId).toBe('pdd-order:240301-512345678901234');
		expect(pddOrderToModel(order({ open_address_id: '  ' }), 'Asia/Shanghai').customerId).toBe('pdd-order:240301-512345678901234');
	});

	it('amounts as decimal text are read exactly: "0.1" + "0.2" stays 0.3 at the cent', () => {
		expect(pddOrderToModel(order({ pay_amount: '12.30' }), 'Asia/Shanghai').amount).toBe(12.3);
		expect(pddOrderToModel(order({ pay_amount: 0.30000000000000004 }), 'Asia/Shanghai').amount).toBe(0.3);
	});

	it('a refund that succeeded refunds the whole order (the feed has no refund amount)', () => {
		const model = pddOrderToModel(order({ order_status: 3, refund_status: 4 }), 'Asia/Shanghai');
		expect(model).toMatchObject({ status: 'refunded', refundedAmount: 59.9, platformOrderStatus: '3 已签收 / 已成交 / 退款成功' });
	});

	it('refuses a payload it cannot read, naming the order', () => {
		expect(() => pddOrderToModel(order({ order_status: 9 }), 'Asia/Shanghai')).toThrow(/order 240301-512345678901234: unknown order_status 9/);
		expect(() => pddOrderToModel(order({ updated_at: '01/03/2024' }), 'Asia/Shanghai')).toThrow(/created_time\/updated_at/);
		expect(() => pddOrderToModel(order({ pay_amount: 'abc' }), 'Asia/Shanghai')).toThrow(/pay_amount abc/);
		expect(() => pddOrderToModel(order({ order_sn: '' }), 'Asia/Shanghai')).toThrow(/without order_sn/);
	});

	it('reads Unix seconds too, and refuses an impossible date', () => {
		expect(parsePddTime(1709256600)).toBe(Date.UTC(2024, 2, 1, 1, 30));
		expect(parsePddTime('2024-02-30 10:00:00')).toBeNaN();
	});
});

describe('the status table (order_status 发货状态, confirm_status 成交状态, refund_status 售后状态)', () => {
	it.each([
		[{ order_status: 1, confirm_status: 2, refund_status: 4 }, 'cancelled'], // 已取消 wins
		[{ order_status: 1, confirm_status: 1, refund_status: 4 }, 'refunded'],
		[{ order_status: 1, confirm_status: 0, refund_status: 1 }, 'pending'], // 未成交, e.g. 拼团中
		[{ order_status: 1, confirm_status: 1, refund_status: 1 }, 'paid'],
		[{ order_status: 2, confirm_status: 1, refund_status: 1 }, 'shipped'],
		[{ order_status: 3, confirm_status: 1, refund_status: 1 }, 'completed'],
		[{ order_status: 2, confirm_status: 1, refund_status: 2 }, 'shipped'], // 售后处理中: unchanged until it succeeds
		[{ order_status: 3, confirm_status: 1, refund_status: 3 }, 'completed'], // 退款中
		[{ order_status: '2', confirm_status: '1', refund_status: '1' }, 'shipped'], // numbers as text
	])('%o → %s', (fields, status) => {
		expect(pddStatusOf(fields)).toBe(status);
	});

	it('an unknown shipping status is not guessed', () => {
		expect(pddStatusOf({ order_status: 7, confirm_status: 1, refund_status: 1 })).toBeUndefined();
	});
});

describe('the feed request and its windows', () => {
	const start = Date.UTC(2024, 2, 1, 0, 0, 0, 400);

	it('asks for every order (5 = 全部, is_lucky_flag 0 = 全部) in whole seconds, 100 a page', () => {
		expect(incrementParams({ start, end: start + MAX_WINDOW_MS }, 3, true)).toEqual({
			start_updated_at: 1709251200,
			end_updated_at: 1709253000,
			is_lucky_flag: 0,
			order_status: 5,
			refund_status: 5,
			page: 3,
			page_size: 100,
			use_has_next: true,
		});
		expect(ORDER_PAGE_SIZE).toBe(100);
	});

	it('no window asks for more than 30 minutes, whatever the milliseconds of its ends', () => {
		const windows = splitIntoWindows({ start: start + 999, end: start + 999 + 5 * 3_600_000 + 500 }, MAX_WINDOW_MS);
		expect(windows).toHaveLength(11); // ten of 30 minutes and a last one of half a second
		for (const window of windows) {
			const params = incrementParams(window, 1, false);
			expect(Number(params.end_updated_at) - Number(params.start_updated_at)).toBeLessThanOrEqual(1800);
		}
		// Consecutive windows meet on a second: nothing between them is skipped.
		for (let i = 1; i < windows.length; i++) {
			expect(incrementParams(windows[i], 1, false).start_updated_at).toBe(incrementParams(windows[i - 1], 1, false).end_updated_at);
		}
	});

	it('a first run reads at most the last 90 days and ends 4 minutes (3 + 1 of clock margin) before now', () => {
		const now = Date.UTC(2024, 5, 1);
		const plan = planIncrementalRange({ cursor: undefined, scope: 'pinduoduo:c', now, lookbackDays: 365, overlapMs: 0, settleMs: SETTLE_MS, maxAgeDays: MAX_AGE_DAYS });
		expect(plan.range.end).toBe(now - 4 * 60_000);
		expect(plan.range.start).toBe(now - 90 * 86_400_000 + 10 * 60_000);
		expect(plan.clampedFrom).toBe(now - 365 * 86_400_000);
	});
});
