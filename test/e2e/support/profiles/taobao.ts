/**
 * The Taobao / Tmall Shop (淘宝/天猫) profile for the end-to-end tests: the fake TOP gateway
 * (test/support/fakeShops/taobao.ts), the credential n8n imports, the shared synthetic orders
 * written as taobao.trades.sold.increment.get sends them, the stock, and the coupon writes
 * (taobao.promotion.coupon.send, logged per coupon and buyer).
 */
import { bigId, gmt8Ms, gmt8Text, startTaobaoFake, type TaobaoFake } from '../../../support/fakeShops/taobao';
import type { ShopProfile, SyntheticOrder } from '../shopProfiles';

const TOP = { appKey: '24681357', appSecret: 'e2e-top-app-secret-7a6b5c4d3e', accessToken: 'e2e-top-session-6102f0e1d2c3b4a5' };
const MINUTE = 60_000;

export function taobaoProfile(): ShopProfile {
	let fake: TaobaoFake;
	// 19-digit trade ids, beyond 2^53 as TOP's are: the e2e sees them kept digit for digit.
	const orderId = (o: SyntheticOrder) => bigId('25', o.index);
	// The buyer open uid is the customer; the fake lets the same text be sent as a buyer nick.
	const buyerOf = (customer: number) => `tb_e2e_buyer_${customer}`;
	const yuan = (cents: number) => (cents / 100).toFixed(2);
	return {
		key: 'taobao',
		label: 'Taobao / Tmall Shop (淘宝/天猫)',
		nodeType: 'taobaoShop',
		credentialType: 'taobaoShopApi',
		credentialId: 'e2eTaobaoShop',
		maxWindowMs: 86_400_000,
		backfillDays: 90,
		async start() {
			fake = await startTaobaoFake({ appKey: TOP.appKey, appSecret: TOP.appSecret, sessionKey: TOP.accessToken });
		},
		close: async () => fake?.close(),
		// 90 one-day windows at the default 5 requests/s take about 20 s per backfill; the fake has
		// no rate limit, so the e2e credential allows 50/s.
		credentialData: () => ({ ...TOP, shopType: 'taobao', signMethod: 'hmac-sha256', baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 50 }),
		seed(orders) {
			for (const o of orders) {
				const created = Math.floor(o.createdMs / 1000) * 1000;
				fake.upsertTrade({
					tid: orderId(o),
					status: 'WAIT_SELLER_SEND_GOODS',
					payment: yuan(o.cents),
					created: gmt8Text(created),
					modified: gmt8Text(created + MINUTE),
					buyer_nick: 't**1',
					buyer_open_uid: buyerOf(o.customer),
					orders: [{ oid: bigId('26', o.index), outer_sku_id: o.sku, num: 1, price: yuan(o.cents), payment: yuan(o.cents) }],
				});
			}
		},
		completeOrder(o, atMs = Date.now() - 5 * MINUTE) {
			// 5 minutes ago: inside the next sync's range, whose windows end 3 minutes before now.
			const trade = fake.trades.get(orderId(o))!;
			fake.upsertTrade({ ...trade, status: 'TRADE_FINISHED', modified: gmt8Text(Math.floor(atMs / 1000) * 1000) });
			return orderId(o);
		},
		afterFirstPageOfBusyWindow(hook) {
			let done = false;
			fake.onPageServed = (pageNo, served, total, pageSize) => {
				// Back to front: a window of more than one page is first asked for page 1 (its total).
				if (done || pageNo !== 1 || total <= pageSize) return;
				done = true;
				hook(served.map((trade) => trade.tid));
			};
		},
		orderIdOf: orderId,
		customerIdOf: buyerOf,
		requests: () => fake.requests,
		orderWindows: () =>
			fake.requests
				.filter((r) => r.operation === 'taobao.trades.sold.increment.get')
				.map((r) => ({ start: gmt8Ms(r.body.start_modified), end: gmt8Ms(r.body.end_modified) })),
		writes: () => fake.writes,
		couponWriteKinds: ['coupon.send'],
		isCouponWrite: (r) => r.body.method === 'taobao.promotion.coupon.send',
		server: () => fake,
		secrets: () => [TOP.appSecret, TOP.accessToken],
		seedStock() {
			fake.items.set('600000009999', { num_iid: '600000009999', outer_id: 'E2E-STOCK', num: 10, onSale: true, skus: [] });
			return '';
		},
		stockNow: () => fake.stockOf('E2E-STOCK'),
	};
}
