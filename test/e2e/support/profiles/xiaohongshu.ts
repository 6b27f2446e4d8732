/**
 * The Xiaohongshu Shop (小红书) profile for the end-to-end tests (see ../shopProfiles.ts): the
 * fake ark open platform, the shared synthetic orders written as Xiaohongshu orders (the list
 * serves their update times, order.getOrderDetail their amounts, lines and buyer), and stock
 * `E2E-STOCK` = 10 in the default warehouse. Xiaohongshu's open API issues no coupons, so the
 * profile names no coupon writes.
 */
import { startXiaohongshuFake, type XhsFake } from '../../../support/fakeShops/xiaohongshu';
import type { ShopProfile, SyntheticOrder } from '../shopProfiles';

const XHS = { appId: 'e2e-xhs-app-5c3d2e1f', appSecret: 'e2e-xhs-app-secret-7a6b5c4d3e2f', authCode: 'code-e2e-xhs-0f1e2d3c4b5a' };
const MINUTE_MS = 60_000;

export function xiaohongshuProfile(): ShopProfile {
	let fake: XhsFake;
	const orderId = (o: SyntheticOrder) => `P78${String(o.index).padStart(16, '0')}`;
	const userId = (customer: number) => `5e2e0000000000000000${String(customer).padStart(4, '0')}`;
	return {
		key: 'xiaohongshu',
		label: 'Xiaohongshu Shop (小红书)',
		nodeType: 'xiaohongshuShop',
		credentialType: 'xiaohongshuShopApi',
		credentialId: 'e2eXiaohongshuShop',
		backfillDays: 90,
		maxWindowMs: 30 * MINUTE_MS,
		async start() {
			fake = await startXiaohongshuFake({ ...XHS });
		},
		close: async () => fake?.close(),
		credentialData: () => ({
			appKey: XHS.appId,
			appSecret: XHS.appSecret,
			authCode: XHS.authCode,
			baseUrl: fake.baseUrl, allowHttp: true,
			// A 90-day backfill is 4,320 half-hour windows; the platform's documented quota for an app
			// is 100/s (doc 292), the node's own default a defensive 20/s.
			requestsPerSecond: 100,
		}),
		seed(orders) {
			for (const o of orders) {
				fake.upsertOrder({
					orderId: orderId(o),
					orderType: 1,
					orderStatus: 4,
					orderAfterSalesStatus: 1,
					cancelStatus: 0,
					createdTime: o.createdMs,
					paidTime: o.createdMs + 30_000,
					updateTime: o.createdMs + MINUTE_MS,
					totalPayAmount: o.cents,
					userId: userId(o.customer),
					skuList: [{ skuId: `66e2e000000000000000${o.sku.slice(-1).padStart(4, '0')}`, erpcode: o.sku, skuQuantity: 1, totalPaidAmount: o.cents, skuAfterSaleStatus: 1 }],
				});
			}
		},
		completeOrder(o, atMs = Date.now() - 200_000) {
			const order = fake.orders.get(orderId(o))!;
			fake.upsertOrder({ ...order, orderStatus: 7, finishTime: atMs, updateTime: atMs });
			return orderId(o);
		},
		afterFirstPageOfBusyWindow(hook) {
			let done = false;
			fake.onPageServed = (pageNo, served) => {
				// Back to front: a window of more than one page is first asked for page 1 (its total).
				if (done || pageNo !== 1 || served.length < 100) return;
				done = true;
				hook(served.map((order) => order.orderId));
			};
		},
		orderIdOf: orderId,
		customerIdOf: userId,
		requests: () => fake.requests,
		orderWindows: () =>
			fake.requests
				.filter((r) => r.operation === 'order.getOrderList')
				.map((r) => ({ start: Number(r.body.startTime) * 1000, end: Number(r.body.endTime) * 1000 })),
		writes: () => fake.writes,
		server: () => fake,
		secrets: () => [XHS.appSecret, XHS.authCode, ...fake.issuedTokens],
		seedStock() {
			fake.addSku({ skuId: '66e2e0000000000000e2e510', erpCode: 'E2E-STOCK', stock: { CPartner: 10 } });
			return '';
		},
		stockNow: () => fake.stockOf('E2E-STOCK')?.available,
	};
}
