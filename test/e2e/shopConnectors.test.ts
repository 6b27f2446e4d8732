/**
 * The shop connectors in a real n8n (`n8n start`, the pack installed as a community package),
 * against fake platforms on 127.0.0.1 (test/support/fakeShops) that check signatures, tokens,
 * windows and paging as the platforms document them and log every write.
 *
 * - workflows/shop/shop-order-sync.json: out of the box on demo data, then with its demo node
 *   swapped for each shop node (as its note says): a backfill split into the platform's
 *   windows fills the n8n Data Table; an incremental run picks up an updated order and updates
 *   its row (no second row); a token the credential obtained is saved by n8n and reused.
 *   Pinduoduo, Taobao/Tmall and Xiaohongshu keep orders for three months: there the template
 *   runs as shipped (365 days asked, cut to 90 by the node), meets older orders and a flash
 *   sale of more than a page in one window, and an order the shop changes while n8n is paging
 *   that window lands once, in its final state, with no other order lost.
 * - workflows/shop/shop-campaign.json: out of the box (coupon node off), then per shop with
 *   coupons: the store's orders → RFM + lifetime value → Coupon Tier → Issue coupons on the
 *   shop. The first run meets injected faults (throttling, a 5xx, an answer lost after the
 *   coupon was written); after a retry every coupon exists exactly once on the shop (the fake's
 *   write log), and a further run issues none.
 * One n8n start serves the whole file; each shop has its own order table. The workflows are
 * published through n8n's REST API once it runs (one CLI publish per workflow costs a boot).
 */
import * as fs from 'fs';
import * as path from 'path';

import {
	executionRun,
	freshInstance,
	importBuilt,
	listExecutions,
	n8nVersion,
	ownerSession,
	PROJECT_ROOT,
	publishWorkflows,
	startN8n,
	itemsOf,
	importCredentials,
	importDemoCredentials,
	type Instance,
	type RestSession,
	type RunJson,
	type RunningN8n,
	type WorkflowJson,
} from './support/n8n';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { olderOrders, SHOP_PROFILES, syntheticOrders, type ShopProfile, type SyntheticOrder } from './support/shopProfiles';
import { callWebhook, deleteNewestRowsWorkflow, readTableWorkflow, swapNode, viaWebhook, waitForWebhooks } from './support/shopWorkflows';

const template = (file: string) => JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'workflows/shop', file), 'utf8')) as WorkflowJson;
const SYNC = template('shop-order-sync.json');
const CAMPAIGN = template('shop-campaign.json');
const SYNC_POSTGRES = template('shop-order-sync-postgres.json');

/** The template with its order table renamed (one table per shop in this test). */
function withTable(workflow: WorkflowJson, table: string): WorkflowJson {
	return JSON.parse(JSON.stringify(workflow).replaceAll('"shop_orders"', JSON.stringify(table))) as WorkflowJson;
}

/** The sync template reading an empty store back `days` days instead of 365 (keeps the backfill short here). */
function withLookback(workflow: WorkflowJson, days: number): WorkflowJson {
	const text = JSON.stringify(workflow);
	if (!text.includes('{ days: 365 }')) throw new Error('the sync template no longer backfills 365 days: update this test');
	return JSON.parse(text.replace('{ days: 365 }', `{ days: ${days} }`)) as WorkflowJson;
}

function shopNode(profile: ShopProfile, parameters: Record<string, unknown>) {
	return { type: profile.nodeType, credentialType: profile.credentialType, credentialId: profile.credentialId, parameters };
}

const profiles = SHOP_PROFILES.map((make) => make());

/**
 * Another day of this month in Asia/Shanghai (tomorrow, or yesterday on the month's last day):
 * the campaign run on it is the same period (the template's is monthly), with Coupon Tier's
 * dates starting that day.
 */
function anotherDayThisMonth(now: number): string {
	const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
	const tomorrow = day(now + 86_400_000);
	return tomorrow.slice(0, 7) === day(now).slice(0, 7) ? tomorrow : day(now - 86_400_000);
}

/** The campaign template with Coupon Tier's Campaign Date set (empty in the template: the day it runs). */
function onCampaignDate(workflow: WorkflowJson, date: string): WorkflowJson {
	const copy = structuredClone(workflow);
	const tier = copy.nodes.find((n) => n.type === 'n8n-nodes-commerce-ops.couponTier')!;
	expect(tier.parameters).toMatchObject({ campaignDate: '', period: 'month' });
	tier.parameters.campaignDate = date;
	return copy;
}

/** Webhook → the shop node's Stock → Set Quantity, with a fixed Write ID (as a restock workflow would set it). */
function stockWorkflow(profile: ShopProfile): WorkflowJson {
	const base = readTableWorkflow(`Stock${profile.key}`, `stock-${profile.key}`, 'unused');
	const warehouse = profile.seedStock();
	base.name = `Set stock on ${profile.label}`;
	base.nodes[1] = {
		id: 'set-stock',
		name: 'Set stock',
		type: `n8n-nodes-commerce-ops.${profile.nodeType}`,
		typeVersion: 1,
		position: [200, 0],
		parameters: { resource: 'stock', operation: 'setQuantity', sku: 'E2E-STOCK', warehouse, quantity: 42, writeId: 'e2e-restock-2026-12-02', expectedQuantity: '' },
		credentials: { [profile.credentialType]: { id: profile.credentialId, name: `${profile.label} (fake)` } },
	};
	base.connections = { 'Webhook (test)': { main: [[{ node: 'Set stock', type: 'main', index: 0 }]] } };
	return base;
}

describe(`shop connectors in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let n8n: RunningN8n;
	let session: RestSession;
	let pg: TestPostgres;
	const now = Date.now();
	const orders: SyntheticOrder[] = syntheticOrders(now);
	const older: SyntheticOrder[] = olderOrders(now, orders.length);
	/** What each shop holds: the 25-day orders, plus older ones and the flash sale where the backfill is 90 days. */
	const ordersOf = (profile: ShopProfile) => ((profile.backfillDays ?? 40) >= 90 ? [...orders, ...older] : orders);
	const webhookPaths: string[] = [];

	beforeAll(async () => {
		for (const profile of profiles) {
			await profile.start();
			profile.seed(ordersOf(profile));
		}
		pg = await startPostgres();
		instance = await freshInstance('shop-connectors');
		const credentialsFile = path.join(instance.userFolder, 'shop-credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify([
				...profiles.map((p) => ({ id: p.credentialId, name: `${p.label} (fake)`, type: p.credentialType, data: p.credentialData() })),
				{
					id: 'ShopOrderStorePg01',
					name: 'Order store (Postgres)',
					type: 'postgres',
					data: { host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: '', ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 },
				},
			]),
		);
		try {
			await importCredentials(instance, credentialsFile);
			// The campaign's Coupon Tier uses the demo code secret.
			await importDemoCredentials(instance);
		} finally {
			fs.rmSync(credentialsFile);
		}
		const workflows: WorkflowJson[] = [viaWebhook(SYNC, 'ShopSyncDemo', 'sync-demo'), viaWebhook(CAMPAIGN, 'ShopCampaignDemo', 'campaign-demo'), readTableWorkflow('ReadOrdersDemo', 'read-demo', 'shop_orders')];
		for (const profile of profiles) {
			const table = `shop_orders_${profile.key}`;
			// The 90-day shops run the template's own first-run lookback (365 days, cut to 90 by the node).
			const syncTemplate = withTable(SYNC, table);
			const sync = swapNode((profile.backfillDays ?? 40) >= 90 ? syncTemplate : withLookback(syncTemplate, profile.backfillDays ?? 40), 'Demo shop orders', shopNode(profile, { resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: '={{ $json.updatedAfter }}', updatedBefore: '', outputFormat: 'model', timeZone: 'Asia/Shanghai' }));
			workflows.push(
				stockWorkflow(profile),
				viaWebhook(sync, `ShopSync${profile.key}`, `sync-${profile.key}`),
				readTableWorkflow(`ReadOrders${profile.key}`, `read-${profile.key}`, table),
				deleteNewestRowsWorkflow(`CutOrders${profile.key}`, `cut-${profile.key}`, table),
			);
			if (profile.couponWriteKinds) {
				const campaign = swapNode(withTable(CAMPAIGN, table), 'Issue coupons on the shop', shopNode(profile, { resource: 'coupon', operation: 'issue', platformCustomerId: '={{ $json.customerId }}' }));
				const issue = campaign.nodes.find((n) => n.name === 'Issue coupons on the shop')!;
				// As the template's note says: switch the node on (it keeps "On Error: Continue").
				issue.onError = 'continueRegularOutput';
				workflows.push(
					viaWebhook(campaign, `ShopCampaign${profile.key}`, `campaign-${profile.key}`),
					viaWebhook(onCampaignDate(campaign, anotherDayThisMonth(now)), `ShopCampaignOtherDay${profile.key}`, `campaign-other-day-${profile.key}`),
				);
			}
		}
		// The Postgres variant of the sync template, fed by the Douyin Shop fake.
		const douyin = profiles.find((p) => p.key === 'douyin')!;
		workflows.push(
			viaWebhook(
				swapNode(withLookback(SYNC_POSTGRES, 40), 'Demo shop orders', shopNode(douyin, { resource: 'order', operation: 'getMany', readMode: 'timeRange', updatedAfter: '={{ $json.updatedAfter }}', updatedBefore: '', outputFormat: 'model', timeZone: 'Asia/Shanghai' })),
				'ShopSyncPgDouyin',
				'sync-pg-douyin',
			),
		);
		await importBuilt(instance, workflows);
		for (const workflow of workflows) webhookPaths.push(String(workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!.parameters.path));
		n8n = await startN8n(instance);
		session = await ownerSession(n8n.baseUrl);
		await publishWorkflows(session, workflows.map((w) => w.id));
		await waitForWebhooks(n8n.baseUrl, webhookPaths);
	});

	afterAll(async () => {
		await n8n?.stop();
		for (const profile of profiles) await profile.close();
		pg?.stop();
	});

	async function call(pathName: string) {
		const reply = await callWebhook(n8n.baseUrl, pathName);
		expect({ path: pathName, status: reply.status, text: reply.status === 200 ? '' : `${reply.text.slice(0, 800)}\n${n8n.logTail(1500)}` }).toEqual({ path: pathName, status: 200, text: '' });
		return reply;
	}

	async function readTable(pathName: string) {
		return (await call(pathName)).items.filter((row) => row.orderId !== undefined);
	}

	/** The run data of the newest execution of a workflow (after its webhook answered). */
	async function lastRun(workflowId: string): Promise<RunJson> {
		const [newest] = await listExecutions(session, workflowId);
		return (await executionRun(session, instance, newest.id)).run;
	}

	it('the sync template runs out of the box: the demo orders land in the order store, one row each', async () => {
		const started = Date.now();
		await call('sync-demo');
		const ms = Date.now() - started;
		const rows = await readTable('read-demo');
		expect(rows).toHaveLength(1000);
		expect(new Set(rows.map((r) => r.orderId)).size).toBe(1000);
		expect(typeof rows[0].amount).toBe('number');
		expect(JSON.parse(String(rows[0].lines))).toEqual(expect.any(Array));
		console.log(`sync template on demo data: 1000 orders upserted in ${ms} ms (n8n ${n8nVersion()})`);
	});

	it('the campaign template runs out of the box on the store (coupon node off): tiers, codes, previews, restock', async () => {
		await call('campaign-demo');
		const run = await lastRun('ShopCampaignDemo');
		const coupons = itemsOf(run, 'Coupon Tier', 0) ?? [];
		expect(coupons.length).toBeGreaterThan(10);
		// The switched-off node passes Coupon Tier's items through: nothing reaches a shop.
		expect(itemsOf(run, 'Issue coupons on the shop')).toEqual(coupons);
		const preview = itemsOf(run, 'Coupon results (WeCom preview)')?.[0];
		expect(preview).toMatchObject({ status: 'preview', operation: 'preview' });
		expect(JSON.stringify(preview)).toContain('not sent to the shop (node off)');
		expect((itemsOf(run, 'Check stock levels', 0) ?? []).length).toBeGreaterThan(0);
	});

	describe.each(profiles.map((profile) => ({ name: profile.label, profile })))('$name', ({ profile }) => {
		const table = `read-${profile.key}`;

		const shopOrders = ordersOf(profile);
		const backfillDays = profile.backfillDays ?? 40;

		it(`the first sync backfills ${backfillDays} days in the platform's windows and stores every order, mapped to the model`, async () => {
			// While n8n pages the flash sale's window, the buyer receives an order on the page just served.
			let changedOrderId: string | undefined;
			const started = Date.now();
			profile.afterFirstPageOfBusyWindow?.((servedOrderIds) => {
				const changed = older.find((o) => profile.orderIdOf(o) === servedOrderIds[0])!;
				// Its new update time is inside this run's range (which ends minutes before the run started), after the sale's window.
				changedOrderId = profile.completeOrder(changed, started - 10 * 60_000);
			});
			await call(`sync-${profile.key}`);
			const ms = Date.now() - started;
			const windows = profile.orderWindows();
			expect(windows.length).toBeGreaterThan(0);
			for (const window of windows) expect(window.end - window.start).toBeLessThanOrEqual(profile.maxWindowMs);
			const oldest = Math.min(...windows.map((w) => w.start));
			expect(oldest).toBeLessThanOrEqual(now - (backfillDays - 1) * 86_400_000);
			expect(oldest).toBeGreaterThanOrEqual(now - (backfillDays + 1) * 86_400_000);
			const rows = await readTable(table);
			expect(rows).toHaveLength(shopOrders.length);
			expect(new Set(rows.map((r) => r.orderId)).size).toBe(shopOrders.length);
			if (profile.afterFirstPageOfBusyWindow) {
				expect(changedOrderId).toBeDefined();
				// Once, in its final state; and every other order of the sale is there (none pushed off a page).
				expect(rows.filter((r) => r.orderId === changedOrderId)).toEqual([expect.objectContaining({ status: 'completed' })]);
				const stored = new Set(rows.map((r) => String(r.orderId)));
				expect(older.filter((o) => !stored.has(profile.orderIdOf(o)))).toEqual([]);
			}
			console.log(`${profile.label}: ${backfillDays}-day backfill, ${windows.length} windows, ${rows.length} orders in ${ms} ms (n8n ${n8nVersion()})`);
			const sample = orders[17];
			const row = rows.find((r) => r.orderId === profile.orderIdOf(sample))!;
			expect(row).toMatchObject({ customerId: profile.customerIdOf(sample.customer), currency: 'CNY', amount: sample.cents / 100, refundedAmount: 0, platform: profile.key });
			expect(String(row.orderCreatedAt)).toMatch(/(\+\d{2}:\d{2}|Z)$/);
			expect(Date.parse(String(row.orderCreatedAt))).toBe(Math.floor(sample.createdMs / 1000) * 1000);
			expect(JSON.parse(String(row.lines))).toEqual([{ sku: sample.sku, quantity: 1, unitPrice: sample.cents / 100 }]);
		});

		it('the next sync reads only what changed: the completed order updates its row; no token is fetched again', async () => {
			const before = await readTable(table);
			const tokenCalls = () => profile.requests().filter((r) => /token/i.test(r.operation)).length;
			const tokensBefore = tokenCalls();
			profile.server().clearRequests();
			const orderId = profile.completeOrder(orders[5]);
			await call(`sync-${profile.key}`);
			const after = await readTable(table);
			expect(after).toHaveLength(before.length);
			expect(after.find((r) => r.orderId === orderId)).toMatchObject({ status: 'completed' });
			// One short window (the overlap and the minutes since the last run).
			expect(profile.orderWindows().length).toBeLessThanOrEqual(2);
			expect(tokensBefore).toBeLessThanOrEqual(1);
			expect(tokenCalls()).toBe(0);
		});

		const kinds = profile.couponWriteKinds ?? [];
		const appliedCoupons = () => profile.writes().filter((w) => kinds.includes(w.kind) && w.applied);

		it('a save cut short (the newest rows missing) is completed by the next run: the store is the bookmark', async () => {
			const rows = await readTable(table);
			const times = rows.map((r) => Number(r.updatedAtMs)).sort((a, b) => b - a);
			const cutoff = times[5];
			const cut = rows.filter((r) => Number(r.updatedAtMs) > cutoff).map((r) => String(r.orderId));
			expect(cut.length).toBeGreaterThanOrEqual(5);
			await callWebhook(n8n.baseUrl, `cut-${profile.key}`, { after: cutoff });
			expect(await readTable(table)).toHaveLength(rows.length - cut.length);
			await call(`sync-${profile.key}`);
			const after = await readTable(table);
			expect(after).toHaveLength(rows.length);
			for (const orderId of cut) expect(after.some((r) => r.orderId === orderId)).toBe(true);
		});

		it('stock set twice with the same Write ID changes the shop once', async () => {
			const first = await call(`stock-${profile.key}`);
			expect(first.items[0]).toMatchObject({ sku: 'E2E-STOCK', stockStatus: 'applied', previousQuantity: 10, quantity: 42 });
			const second = await call(`stock-${profile.key}`);
			expect(['unchanged', 'alreadyApplied']).toContain(second.items[0].stockStatus);
			expect(profile.stockNow()).toBe(42);
			expect(profile.writes().filter((w) => w.kind === 'stock.set' && w.applied)).toHaveLength(1);
		});

		// Douyin Shop has no public coupon API (README): its node has no Coupon resource.
		if (profile.couponWriteKinds) {
			it('the campaign issues every coupon exactly once, through throttling, a 5xx and an answer lost after the write', async () => {
				const server = profile.server();
				const match = profile.isCouponWrite!;
				server.failNext({ status: 429, body: { message: 'throttled (injected)' }, headers: { 'retry-after': '1' }, match });
				server.failNext({ status: 503, body: { message: 'unavailable (injected)' }, match });
				server.failNext({ dropConnection: true, afterHandling: true, match });
				let reply = await callWebhook(n8n.baseUrl, `campaign-${profile.key}`);
				let runs = 1;
				if (reply.status !== 200) {
					// A write whose outcome is unknown stops the run; the retry finds what was written.
					reply = await callWebhook(n8n.baseUrl, `campaign-${profile.key}`);
					runs++;
				}
				expect({ status: reply.status, text: reply.status === 200 ? '' : reply.text.slice(0, 800) }).toEqual({ status: 200, text: '' });
				const run = await lastRun(`ShopCampaign${profile.key}`);
				const wanted = itemsOf(run, 'Coupon Tier', 0) ?? [];
				const results = itemsOf(run, 'Issue coupons on the shop') ?? [];
				expect(wanted.length).toBeGreaterThan(5);
				expect(results).toHaveLength(wanted.length);
				expect({ runs, failed: results.filter((r) => r.issueStatus === 'failed').map((r) => r.error) }).toEqual({ runs, failed: [] });
				expect(results.filter((r) => r.issueStatus !== 'issued' && r.issueStatus !== 'alreadyIssued').map((r) => ({ status: r.issueStatus, message: r.issueMessage ?? r.error }))).toEqual([]);
				// Exactly one applied write per coupon on the shop (key: code, or activity + customer).
				const counts = new Map<string, number>();
				for (const write of appliedCoupons()) counts.set(`${write.kind}:${write.key}`, (counts.get(`${write.kind}:${write.key}`) ?? 0) + 1);
				expect([...counts.values()].every((n) => n === 1)).toBe(true);
				expect(new Set(appliedCoupons().map((w) => w.key)).size).toBeGreaterThanOrEqual(wanted.length);
				// The faults were really met.
				expect(server.requests.filter((r) => r.fault !== undefined)).toHaveLength(3);
			});

			it('running the campaign again issues nothing: every coupon is already on the shop', async () => {
				const before = appliedCoupons().length;
				await call(`campaign-${profile.key}`);
				const run = await lastRun(`ShopCampaign${profile.key}`);
				const results = itemsOf(run, 'Issue coupons on the shop') ?? [];
				expect(results.length).toBeGreaterThan(5);
				expect(new Set(results.map((r) => r.issueStatus))).toEqual(new Set(['alreadyIssued']));
				expect(appliedCoupons()).toHaveLength(before);
			});

			it('the campaign run on another day of the month (as the daily schedule does) issues nothing either', async () => {
				const before = profile.writes().filter((w) => w.applied).length;
				await call(`campaign-other-day-${profile.key}`);
				const run = await lastRun(`ShopCampaignOtherDay${profile.key}`);
				const wanted = itemsOf(run, 'Coupon Tier', 0) ?? [];
				const results = itemsOf(run, 'Issue coupons on the shop') ?? [];
				// Coupon Tier's own dates start on that day; the shop still holds each customer's coupon of this month.
				expect(wanted[0]).toMatchObject({ validFromDate: anotherDayThisMonth(now) });
				expect(results.length).toBe(wanted.length);
				expect(new Set(results.map((r) => r.issueStatus))).toEqual(new Set(['alreadyIssued']));
				expect(profile.writes().filter((w) => w.applied)).toHaveLength(before);
			});
		}

		it('no secret or token reaches n8n\'s answers, the order store or the run data', async () => {
			const text = JSON.stringify(await readTable(table)) + (profile.couponWriteKinds ? JSON.stringify(await lastRun(`ShopCampaign${profile.key}`)) : '');
			for (const secret of profile.secrets()) expect(text).not.toContain(secret);
		});
	});
	describe('the Postgres variant (shop-order-sync-postgres.json), Douyin Shop → a real PostgreSQL', () => {
		const count = () => Number(pg.sql('SELECT count(*) FROM shop_orders').trim());
		const douyin = profiles.find((p) => p.key === 'douyin')!;

		it('backfills every order into the table, typed (timestamptz, numeric, jsonb)', async () => {
			await call('sync-pg-douyin');
			expect(count()).toBe(orders.length);
			const sample = orders[17];
			const [row] = pg
				.sql(`SELECT customer_id, amount, (extract(epoch FROM order_created_at) * 1000)::bigint, lines->0->>'sku', status FROM shop_orders WHERE order_id = '${douyin.orderIdOf(sample)}'`)
				.trim()
				.split('\n');
			expect(row.split('|')).toEqual([douyin.customerIdOf(sample.customer), (sample.cents / 100).toFixed(2), String(Math.floor(sample.createdMs / 1000) * 1000), sample.sku, 'paid']);
		});

		it('the next run updates a changed order in place, and a save cut short is completed', async () => {
			const orderId = douyin.completeOrder(orders[9]);
			await call('sync-pg-douyin');
			expect(count()).toBe(orders.length);
			expect(pg.sql(`SELECT status FROM shop_orders WHERE order_id = '${orderId}'`).trim()).toBe('completed');
			const newest = pg.sql('SELECT order_id FROM shop_orders ORDER BY order_updated_at DESC LIMIT 5').trim().split('\n');
			pg.sql(`DELETE FROM shop_orders WHERE order_id IN (${newest.map((id) => `'${id}'`).join(',')})`);
			expect(count()).toBe(orders.length - 5);
			await call('sync-pg-douyin');
			expect(count()).toBe(orders.length);
		});

		it("the template's query for the campaign returns the columns RFM Segment reads", () => {
			const note = String(SYNC_POSTGRES.nodes.find((n) => n.name === 'Query for the campaign')!.parameters.content);
			const query = /```sql\n([\s\S]*?)```/.exec(note)![1];
			const rows = pg.sql(query).trim().split('\n');
			expect(rows).toHaveLength(orders.length);
			const select = query.replace(/^--.*$/gm, '').trim().replace(/;$/, '');
			const first = JSON.parse(pg.sql(`SELECT row_to_json(q) FROM (${select}) q LIMIT 1`)) as Record<string, unknown>;
			expect(Object.keys(first)).toEqual(['orderId', 'customerId', 'platform', 'orderCreatedAt', 'status', 'currency', 'amount', 'refundedAmount', 'channel']);
			expect(typeof first.amount).toBe('number');
		});
	});
});
