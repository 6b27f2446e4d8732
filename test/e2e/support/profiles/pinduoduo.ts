/**
 * The Pinduoduo Shop (拼多多) profile for the end-to-end tests: the fake open platform
 * (test/support/fakeShops/pinduoduo.ts), the credential n8n imports, the shared synthetic
 * orders written as pdd.order.number.list.increment.get sends them, and the stock.
 */
import { beijingText, pddOrder, startPinduoduoFake, type PinduoduoFake } from '../../../support/fakeShops/pinduoduo';
import type { ShopProfile, SyntheticOrder } from '../shopProfiles';

const PDD = { clientId: 'e2e-pdd-client-5c4b', clientSecret: 'e2e-pdd-client-secret-9d8c7b6a', authCode: 'e2e-pdd-auth-code-3e2d' };
const MINUTE = 60_000;

export function pinduoduoProfile(): ShopProfile {
	let fake: PinduoduoFake;
	const orderId = (o: SyntheticOrder) => `250101-${String(o.index).padStart(15, '0')}`;
	// Pinduoduo gives no buyer id: the connector keys customers by open_address_id (合单ID).
	const addressOf = (customer: number) => `e2e-addr-${customer}`;
	return {
		key: 'pinduoduo',
		label: 'Pinduoduo Shop (拼多多)',
		nodeType: 'pinduoduoShop',
		credentialType: 'pinduoduoShopApi',
		credentialId: 'e2ePinduoduoShop',
		maxWindowMs: 30 * MINUTE,
		backfillDays: 90,
		async start() {
			fake = await startPinduoduoFake({ clientId: PDD.clientId, clientSecret: PDD.clientSecret, authCodes: [PDD.authCode] });
		},
		close: async () => fake?.close(),
		// 90 days are 4,320 windows of 30 minutes: at the default 10 requests/s the backfill
		// alone would take over 7 minutes, so the e2e credential allows the fake 1000/s (~10 s).
		credentialData: () => ({ ...PDD, baseUrl: fake.baseUrl, allowHttp: true, requestsPerSecond: 1000 }),
		seed(orders) {
			for (const o of orders) {
				const yuan = o.cents / 100;
				fake.upsertOrder(
					pddOrder(orderId(o), o.createdMs, o.createdMs + MINUTE, yuan, {
						open_address_id: addressOf(o.customer),
						item_list: [{ goods_id: 700000000001, sku_id: 1100000000000 + (o.index % 1000), outer_id: o.sku, goods_count: 1, goods_price: yuan }],
					}),
				);
			}
		},
		completeOrder(o, atMs = Date.now() - 5 * MINUTE) {
			// 5 minutes ago: inside the next sync's range, whose windows end 4 minutes before now.
			const order = fake.orders.get(orderId(o))!;
			fake.upsertOrder({ ...order, order_status: 3, updated_at: beijingText(atMs) });
			return orderId(o);
		},
		afterFirstPageOfBusyWindow(hook) {
			let done = false;
			fake.onPageServed = (page, served, form, total) => {
				// Back to front: a window of more than one page is first asked for its count (page 1).
				if (done || page !== 1 || form.use_has_next === 'true' || total <= Number(form.page_size)) return;
				done = true;
				hook(served.map((order) => order.order_sn));
			};
		},
		orderIdOf: orderId,
		customerIdOf: (c) => `pdd-addr:${addressOf(c)}`,
		requests: () => fake.requests,
		orderWindows: () =>
			fake.requests
				.filter((r) => r.operation === 'pdd.order.number.list.increment.get')
				.map((r) => ({ start: Number(r.body.start_updated_at) * 1000, end: Number(r.body.end_updated_at) * 1000 })),
		writes: () => fake.writes,
		server: () => fake,
		secrets: () => [PDD.clientSecret, PDD.authCode, ...fake.issuedTokens],
		seedStock() {
			fake.addGoods({
				goods_id: 700000000099,
				goods_name: 'E2E 库存商品',
				is_onsale: 1,
				sku_list: [{ sku_id: 1100000009999, outer_id: 'E2E-STOCK', sku_quantity: 10, reserve_quantity: 0, is_sku_onsale: 1, spec: '默认' }],
			});
			return '';
		},
		stockNow: () => fake.stockOf('E2E-STOCK'),
	};
}
