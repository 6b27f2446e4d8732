/**
 * The shop connectors in a real n8n (`n8n start`, the pack installed as a community package),
 * against fake platforms on 127.0.0.1 (test/support/fakeShops) that check signatures, tokens,
 * windows and paging as the platforms document them and log every write:
 * - the order-sync template (workflows/shop/shop-order-sync.json) out of the box on demo
 *   data, then with its demo node swapped for each shop node: a backfill split into the
 *   platform's windows fills the n8n Data Table, an incremental run picks up an updated order
 *   and updates its row (no second row), the token the credential obtained is saved by n8n
 *   and reused.
 * One n8n start serves every test in this file.
 */
import * as fs from 'fs';
import * as path from 'path';

import { startDouyinFake, type DouyinFake, type DouyinFakeOrder } from '../support/fakeShops/douyin';
import { freshInstance, importBuilt, n8nVersion, PROJECT_ROOT, startN8n, type Instance, type RunningN8n, type WorkflowJson } from './support/n8n';
import { callWebhook, readTableWorkflow, swapNode, viaWebhook, waitForWebhooks } from './support/shopWorkflows';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeLib = require('../../scripts/n8n-runtime');

const SYNC_TEMPLATE = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'workflows/shop/shop-order-sync.json'), 'utf8')) as WorkflowJson;
const DOUYIN = { appKey: '7000000000000000001', appSecret: 'e2e-douyin-app-secret-4f3e2d1c', shopId: '8800123' };
const DAY_S = 86_400;

function douyinOrder(i: number, updateTime: number, extra: Partial<DouyinFakeOrder> = {}): DouyinFakeOrder {
	return {
		order_id: `6930000000000${String(i).padStart(6, '0')}`,
		order_status: 2,
		order_status_desc: '备货中',
		create_time: updateTime - 900,
		update_time: updateTime,
		pay_amount: 5_000 + i * 3,
		doudian_open_id: `dy_e2e_buyer_${i % 23}`,
		sku_order_list: [{ code: `E2E-SKU-${i % 4}`, item_num: 1 + (i % 2), origin_amount: 2_500, pay_amount: 5_000 + i * 3 }],
		...extra,
	};
}

describe(`shop connectors in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let n8n: RunningN8n;
	let douyin: DouyinFake;
	const nowS = Math.floor(Date.now() / 1000);

	beforeAll(async () => {
		douyin = await startDouyinFake({ ...DOUYIN });
		for (let i = 0; i < 240; i++) douyin.upsertOrder(douyinOrder(i, nowS - 3 * DAY_S + i * 600));
		for (let i = 240; i < 250; i++) douyin.upsertOrder(douyinOrder(i, nowS - 20 * DAY_S + i));

		instance = await freshInstance('shop-connectors');
		const credentialsFile = path.join(instance.userFolder, 'shop-credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify([
				{
					id: 'e2eDouyinShop',
					name: 'Douyin Shop (fake)',
					type: 'douyinShopApi',
					data: { ...DOUYIN, authorization: 'self', signMethod: 'hmac-sha256', baseUrl: douyin.baseUrl },
				},
			]),
		);
		try {
			await runtimeLib.importCredentials(instance.runtime, instance.userFolder, credentialsFile);
		} finally {
			fs.rmSync(credentialsFile);
		}
		const workflows: WorkflowJson[] = [
			viaWebhook(SYNC_TEMPLATE, 'ShopSyncDemo', 'sync-demo'),
			viaWebhook(
				swapNode(SYNC_TEMPLATE, 'Demo shop orders', {
					type: 'douyinShop',
					credentialType: 'douyinShopApi',
					credentialId: 'e2eDouyinShop',
					parameters: { resource: 'order', operation: 'getMany', readMode: 'sinceLastRun', lookbackDays: 30, overlapMinutes: 10, outputFormat: 'model', timeZone: 'Asia/Shanghai' },
				}),
				'ShopSyncDouyin',
				'sync-douyin',
			),
			readTableWorkflow('ReadShopOrders', 'read-orders', 'shop_orders'),
		];
		await importBuilt(instance, workflows);
		for (const workflow of workflows) {
			const published = await runtimeLib.runN8n(instance.runtime, instance.userFolder, ['publish:workflow', `--id=${workflow.id}`]);
			expect({ id: workflow.id, code: published.code }).toEqual({ id: workflow.id, code: 0 });
		}
		n8n = await startN8n(instance);
		await waitForWebhooks(n8n.baseUrl, ['sync-demo', 'sync-douyin', 'read-orders']);
	});

	afterAll(async () => {
		await n8n?.stop();
		await douyin?.close();
	});

	const readStore = async () => {
		const reply = await callWebhook(n8n.baseUrl, 'read-orders');
		expect({ status: reply.status, text: reply.status === 200 ? '' : reply.text }).toEqual({ status: 200, text: '' });
		return reply.items.filter((row) => row.orderId !== undefined);
	};

	it('the sync template runs out of the box: the demo orders land in the order store, one row each', async () => {
		const started = Date.now();
		const reply = await callWebhook(n8n.baseUrl, 'sync-demo');
		const ms = Date.now() - started;
		expect({ status: reply.status, text: reply.status === 200 ? '' : reply.text.slice(0, 500) + n8n.logTail(1500) }).toEqual({ status: 200, text: '' });
		const rows = await readStore();
		expect(rows).toHaveLength(2000);
		expect(new Set(rows.map((r) => r.orderId)).size).toBe(2000);
		expect(typeof rows[0].amount).toBe('number');
		expect(JSON.parse(String(rows[0].lines))).toEqual(expect.any(Array));
		console.log(`sync template on demo data: 2000 orders upserted in ${ms} ms (n8n ${n8nVersion()})`);
	});

	describe('Douyin Shop (抖店)', () => {
		const douyinRows = async () => (await readStore()).filter((r) => r.platform === 'douyin' && String(r.orderId).startsWith('693'));

		it('the first run backfills in one-day windows and stores every order, mapped to the model', async () => {
			const reply = await callWebhook(n8n.baseUrl, 'sync-douyin');
			expect({ status: reply.status, text: reply.status === 200 ? '' : reply.text.slice(0, 500) + n8n.logTail(1500) }).toEqual({ status: 200, text: '' });
			const calls = douyin.requests.filter((r) => r.operation === 'order.searchList');
			expect(calls.length).toBeGreaterThanOrEqual(30);
			for (const call of calls) expect(Number(call.body.update_time_end) - Number(call.body.update_time_start)).toBeLessThanOrEqual(DAY_S);
			const rows = await douyinRows();
			expect(rows).toHaveLength(250);
			const row = rows.find((r) => r.orderId === '6930000000000000007')!;
			expect(row).toMatchObject({ customerId: 'dy_e2e_buyer_7', status: 'paid', currency: 'CNY', amount: 50.21, refundedAmount: 0 });
			expect(String(row.orderCreatedAt)).toMatch(/\+08:00$/);
			expect(JSON.parse(String(row.lines))).toEqual([{ sku: 'E2E-SKU-3', quantity: 2, unitPrice: 25 }]);
			expect(douyin.tokensIssued).toBe(1);
		});

		it('the next run reads only what changed: an updated order updates its row, and the saved token is reused', async () => {
			const before = await douyinRows();
			douyin.clearRequests();
			// The buyer received order 7 a few minutes ago.
			douyin.upsertOrder(douyinOrder(7, Math.floor(Date.now() / 1000) - 200, { order_status: 5, order_status_desc: '已完成' }));
			const reply = await callWebhook(n8n.baseUrl, 'sync-douyin');
			expect(reply.status).toBe(200);
			const calls = douyin.requests.filter((r) => r.operation === 'order.searchList');
			expect(calls).toHaveLength(1);
			expect(douyin.requests.map((r) => r.operation)).not.toContain('token.create');
			expect(douyin.tokensIssued).toBe(1);
			const after = await douyinRows();
			expect(after).toHaveLength(before.length);
			expect(after.find((r) => r.orderId === '6930000000000000007')).toMatchObject({ status: 'completed', platformOrderStatus: '5 已完成' });
		});

		it('no secret or token reaches the order store or the answers', async () => {
			const text = JSON.stringify(await readStore());
			expect(text).not.toContain(DOUYIN.appSecret);
			expect(text).not.toMatch(/dyat-|dyrt-/);
		});
	});
});
