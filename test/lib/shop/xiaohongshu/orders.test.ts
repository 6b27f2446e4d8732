/**
 * Xiaohongshu orders (order.getOrderDetail) in the commerce model; field meanings and the status
 * names from the official API spec (AndersonBY/xiaohongshu-ecommerce-python-sdk
 * `docs/小红书官方文档/api/订单API/order_getOrderDetail_订单详情.json`).
 */
import { orderSchema } from '../../../../nodes/lib/model';
import { xiaohongshuOrderToModel, xhsTimeMs, XHS_STATUS, type XhsOrderDetail } from '../../../../nodes/lib/shop/platforms/xiaohongshu';

const base: XhsOrderDetail = {
	orderId: 'P741234567890123456',
	orderType: 1,
	orderStatus: 4,
	orderAfterSalesStatus: 1,
	createdTime: 1_764_640_800_000, // 2025-12-02T02:00:00Z = 10:00 Beijing
	updateTime: 1_764_641_400_500,
	totalPayAmount: 12_800, // fen: lines 9 000 + 3 300, shipping 500
	totalShippingFree: 500,
	userId: '5f1e2d3c4b5a69788796a5b4',
	skuList: [
		{ skuId: '66ee733f265f590001ee873d', erpcode: 'TEE-W-M', skuQuantity: 2, totalPaidAmount: 9_000, skuAfterSaleStatus: 1 },
		{ skuId: '66ee733f265f590001ee8740', erpcode: 'CAP-B', skuQuantity: 1, totalPaidAmount: 3_300, skuAfterSaleStatus: 1 },
	],
};

describe('Xiaohongshu orders in the commerce model', () => {
	it('maps a paid order: fen to yuan, epoch ms to Beijing time with offset, the buyer, the lines', () => {
		const order = xiaohongshuOrderToModel(base, 'Asia/Shanghai');
		expect(order).toEqual({
			orderId: 'P741234567890123456',
			customerId: '5f1e2d3c4b5a69788796a5b4',
			platform: 'xiaohongshu',
			createdAt: '2025-12-02T10:00:00+08:00',
			updatedAt: '2025-12-02T10:10:00+08:00',
			status: 'paid',
			platformOrderStatus: '4 待发货',
			currency: 'CNY',
			amount: 128,
			refundedAmount: 0,
			lines: [
				// totalPaidAmount is the line's total ("金额为价格总和"): 9 000 fen for 2 → 45 yuan each.
				{ sku: 'TEE-W-M', quantity: 2, unitPrice: 45 },
				{ sku: 'CAP-B', quantity: 1, unitPrice: 33 },
			],
		});
		expect(orderSchema.safeParse(order).success).toBe(true);
	});

	it.each([
		[1, 'pending', '1 已下单待付款'],
		[2, 'paid', '2 已支付处理中'],
		[3, 'paid', '3 清关中'],
		[4, 'paid', '4 待发货'],
		[5, 'shipped', '5 部分发货'],
		[6, 'shipped', '6 待收货'],
		[7, 'completed', '7 已完成'],
		[8, 'cancelled', '8 已关闭'],
		[9, 'cancelled', '9 已取消'],
		[10, 'shipped', '10 换货申请中'],
	])('orderStatus %s → %s (%s)', (code, status, label) => {
		const order = xiaohongshuOrderToModel({ ...base, orderStatus: code }, 'Asia/Shanghai');
		expect([order.status, order.platformOrderStatus]).toEqual([status, label]);
	});

	it('the table covers the ten statuses the spec lists (1–10) and nothing else', () => {
		expect(Object.keys(XHS_STATUS).sort((a, b) => Number(a) - Number(b))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
	});

	it('a line whose after-sale completed (skuAfterSaleStatus 3) is refunded at its paid total; all lines → refunded, also when closed (8)', () => {
		const [tee, cap] = base.skuList!;
		const partial = xiaohongshuOrderToModel({ ...base, orderStatus: 7, skuList: [tee, { ...cap, skuAfterSaleStatus: 3 }] }, 'Asia/Shanghai');
		expect([partial.status, partial.refundedAmount]).toEqual(['partially_refunded', 33]);
		const closed = xiaohongshuOrderToModel({ ...base, orderStatus: 8, skuList: [{ ...tee, skuAfterSaleStatus: 3 }, { ...cap, skuAfterSaleStatus: 3 }] }, 'Asia/Shanghai');
		expect([closed.status, closed.refundedAmount]).toEqual(['refunded', 123]);
		const inProgress = xiaohongshuOrderToModel({ ...base, skuList: [{ ...tee, skuAfterSaleStatus: 2 }, cap] }, 'Asia/Shanghai');
		expect([inProgress.status, inProgress.refundedAmount]).toEqual(['paid', 0]);
		const cancelled = xiaohongshuOrderToModel({ ...base, orderStatus: 9, skuList: [{ ...tee, skuAfterSaleStatus: 3 }, cap] }, 'Asia/Shanghai');
		expect([cancelled.status, cancelled.refundedAmount]).toEqual(['cancelled', 0]);
	});

	it('an order without userId gets a per-order id, the same on every read', () => {
		const guest = { ...base, userId: '' };
		expect(xiaohongshuOrderToModel(guest, 'Asia/Shanghai').customerId).toBe('xiaohongshu-order:P741234567890123456');
		expect(xiaohongshuOrderToModel({ ...guest, orderStatus: 7 }, 'Asia/Shanghai').customerId).toBe('xiaohongshu-order:P741234567890123456');
	});

	it('a line sold through a creator (kolId) marks the order channel kol; a bundle line takes its one part\'s code', () => {
		const order = xiaohongshuOrderToModel(
			{ ...base, skuList: [{ skuId: 'x1', skuQuantity: 1, totalPaidAmount: 12_300, kolId: '112321', skuDetailList: [{ skuId: 'p1', erpCode: 'SET-A', quantity: 1 }] }] },
			'Asia/Shanghai',
		);
		expect(order.channel).toBe('kol');
		expect(order.lines).toEqual([{ sku: 'SET-A', quantity: 1, unitPrice: 123 }]);
	});

	it('times in ms as the spec says ("单位ms"); a value that can only be seconds is read as seconds; an unknown status is refused', () => {
		expect(xhsTimeMs(1_612_518_379_000)).toBe(1_612_518_379_000);
		expect(xhsTimeMs(1_612_518_379)).toBe(1_612_518_379_000);
		expect(xiaohongshuOrderToModel({ ...base, createdTime: 1_764_640_800 }, 'Asia/Shanghai').createdAt).toBe('2025-12-02T10:00:00+08:00');
		expect(() => xiaohongshuOrderToModel({ ...base, orderStatus: 77 }, 'Asia/Shanghai')).toThrow(/unknown orderStatus 77/);
		expect(() => xiaohongshuOrderToModel({ ...base, updateTime: 0 }, 'Asia/Shanghai')).toThrow(/not epoch milliseconds/);
	});
});
