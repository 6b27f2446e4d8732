/**
 * Daily KPI Digest in-process through n8n-core's WorkflowExecute: Demo Shop Data orders and
 * traffic → KPI Digest → a WeCom bot in Preview. The report day's figures are recomputed here
 * from the raw demo items (their createdAt carries +08:00, so its first 10 characters are the
 * day in Asia/Shanghai); the watch inputs (Reorder Alert's alerts, RFM customers); bad items
 * under stop and Continue (using error output); bad settings.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { resetChatClock, setChatClock } from '../../nodes/lib/chat/clock';
import { startWeComServer, VirtualClock, type FakeBotServer } from '../support/chatBotServers';
import { node, runWorkflow } from '../support/n8n';

const shop = { seed: 11, customers: 400, orders: 3000, endDate: '2026-06-30', days: 120 };
const PAID = ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'];
const REPORT_DAY = '2026-06-29';
const AVERAGE_DAYS = ['2026-06-22', '2026-06-23', '2026-06-24', '2026-06-25', '2026-06-26', '2026-06-27', '2026-06-28'];

const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];
const fixture = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });

const PREVIEW_BOT: IDataObject = { operation: 'preview' };

/** Feeds the digest's inputs from the given nodes (index = input), then a WeCom bot previews (or sends) it. */
function digestWorkflow(inputs: (INode | undefined)[], parameters: IDataObject = {}, extra: Partial<INode> = {}, bot: { parameters: IDataObject; extra?: Partial<INode> } = { parameters: PREVIEW_BOT }, staticData: IDataObject = {}) {
	const feeders = inputs.filter((n): n is INode => n !== undefined);
	const connections: IConnections = {
		Run: { main: [feeders.flatMap((n) => to(n.name))] },
		'KPI Digest': { main: [to('Team chat')] },
	};
	inputs.forEach((n, i) => {
		if (n) connections[n.name] = { main: [to('KPI Digest', i)] };
	});
	return {
		nodes: [
			node('Run', 'n8n-nodes-base.manualTrigger'),
			...feeders,
			node('KPI Digest', 'kpiDigest', { reportDate: REPORT_DAY, ...parameters }, extra),
			node('Team chat', 'weComBot', { messageType: 'markdown', lineSource: 'field', lineField: 'markdown', options: { skipAlreadySent: true, dedupKeyField: 'digestKey' }, ...bot.parameters }, bot.extra),
		],
		connections,
		staticData,
	};
}

const demoOrders = node('Demo Orders', 'demoShopData', { ...shop, dataset: 'orders' });
const demoTraffic = node('Demo Traffic', 'demoShopData', { ...shop, dataset: 'traffic' });

describe('Demo Shop Data (orders + traffic) → Daily KPI Digest → team chat', () => {
	it('gives yesterday\'s figures, recomputed here from the raw items, and one message for the bot', async () => {
		const result = await runWorkflow(digestWorkflow([demoOrders, demoTraffic]));
		const orders = result.output('Demo Orders').filter((o) => PAID.includes(o.status as string));
		const traffic = result.output('Demo Traffic');
		const [digest, ...rest] = result.output('KPI Digest');
		expect(rest).toEqual([]);

		const onDay = (day: string) => orders.filter((o) => String(o.createdAt).slice(0, 10) === day);
		const day = onDay(REPORT_DAY);
		expect(day.length).toBeGreaterThan(5);
		const gmv = day.reduce((s, o) => s + (o.amount as number), 0);
		const refunds = day.reduce((s, o) => s + (o.refundedAmount as number), 0);
		const visitors = traffic.filter((t) => t.date === REPORT_DAY).reduce((s, t) => s + (t.visitors as number), 0);
		const buyers = new Set(day.map((o) => o.customerId));
		// Returning: an earlier paid order in the 365 days before the day (the demo spans 120).
		const returning = [...buyers].filter((c) => orders.some((o) => o.customerId === c && String(o.createdAt).slice(0, 10) < REPORT_DAY)).length;
		expect(digest).toMatchObject({ reportDate: REPORT_DAY, timeZone: 'Asia/Shanghai', currency: 'CNY', orders: day.length, visitors, openRestockAlerts: null, atRiskVips: null, language: 'zh' });
		expect(digest.gmv).toBeCloseTo(gmv, 2);
		expect(digest.averageOrderValue).toBeCloseTo(gmv / day.length, 2);
		expect(digest.conversionRate).toBeCloseTo(day.length / visitors, 4);
		expect(digest.repurchaseRate).toBeCloseTo(returning / buyers.size, 4);
		expect(digest.refundRate).toBeCloseTo(refunds / gmv, 4);

		const weekGmv = AVERAGE_DAYS.flatMap(onDay).reduce((s, o) => s + (o.amount as number), 0);
		expect(digest.gmvVsAverage).toBeCloseTo(gmv / (weekGmv / 7) - 1, 3);
		const lastWeekGmv = onDay('2026-06-22').reduce((s, o) => s + (o.amount as number), 0);
		expect(digest.gmvVsLastWeek).toBeCloseTo(gmv / lastWeekGmv - 1, 3);

		// Per platform: the platforms' GMV adds up to the total.
		const details = digest.details as IDataObject;
		const platforms = details.platforms as Array<{ platform: string; yesterday: { gmv: number } }>;
		expect(platforms.reduce((s, p) => s + p.yesterday.gmv, 0)).toBeCloseTo(gmv, 1);
		for (const p of platforms) {
			const mine = day.filter((o) => o.platform === p.platform).reduce((s, o) => s + (o.amount as number), 0);
			expect(p.yesterday.gmv).toBeCloseTo(mine, 2);
		}
		expect((details.movers as unknown[]).length).toBeLessThanOrEqual(3);

		// The bot sends the markdown as one message, keyed by day, zone and language.
		expect(digest.digestKey).toBe(`kpi-digest:${REPORT_DAY}:Asia/Shanghai:zh`);
		expect(String(digest.text).split('\n')[0]).toBe('📊 每日数据晨会 · 2026-06-29 周一（Asia/Shanghai）');
		const [message] = result.output('Team chat');
		expect(message).toMatchObject({ platform: 'weCom', status: 'preview', messageCount: 1, lineCount: 1 });
		expect((message.payload as { markdown: { content: string } }).markdown.content).toBe(digest.markdown);
		expect(message.size as number).toBeLessThanOrEqual(message.sizeLimit as number);
	});

	it('counts open restock alerts and at-risk VIPs from the watch inputs', async () => {
		const alerts = fixture('Alerts', [
			{ sku: 'A1', warehouse: 'east', status: 'urgent' },
			{ sku: 'A1', warehouse: 'south', status: 'reorder' },
			{ sku: 'A1', warehouse: 'east', status: 'urgent' }, // the same alert twice
			{ sku: 'B2', warehouse: 'east', status: 'ok' }, // not an alert
			{ sku: 'C3', status: 'no_history' },
		]);
		const customers = fixture('Customers', [
			{ customerId: 'c1', segment: 'at_risk' },
			{ customerId: 'c2', segment: 'cant_lose' },
			{ customerId: 'c3', segment: 'champions' },
			{ customerId: 'c1', segment: 'at_risk' },
		]);
		const result = await runWorkflow(digestWorkflow([demoOrders, undefined, alerts, customers], { language: 'en' }));
		const [digest] = result.output('KPI Digest');
		expect(digest).toMatchObject({ openRestockAlerts: 3, atRiskVips: 2, visitors: null, conversionRate: null });
		expect(String(digest.text).split('\n').at(-1)).toBe('To do: open restock alerts 3, at-risk VIPs 2');
		expect(String(digest.text)).not.toMatch(/conversion/);
	});
});

describe('Daily KPI Digest → WeCom bot sending: re-running the same morning posts nothing', () => {
	let server: FakeBotServer;
	beforeEach(async () => {
		setChatClock(new VirtualClock());
		server = await startWeComServer({ key: 'kpi-digest-test-key' });
	});
	afterEach(async () => {
		resetChatClock();
		await server.close();
	});

	it('the first run posts the digest as one markdown message, the second (same day, same static data) none', async () => {
		const credentials = { weComBotApi: { webhookToken: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=kpi-digest-test-key', baseUrl: server.baseUrl, allowHttp: true } };
		const send = { parameters: { operation: 'send' }, extra: { credentials: { weComBotApi: { id: '1', name: 'Test bot' } } } };
		const staticData: IDataObject = {};
		const first = await runWorkflow(digestWorkflow([demoOrders, demoTraffic], {}, {}, send, staticData), credentials);
		const [digest] = first.output('KPI Digest');
		expect(first.output('Team chat')).toEqual([expect.objectContaining({ status: 'sent', lineCount: 1 })]);
		expect(server.delivered()).toEqual([{ msgtype: 'markdown', markdown: { content: digest.markdown } }]);

		const second = await runWorkflow(digestWorkflow([demoOrders, demoTraffic], {}, {}, send, staticData), credentials);
		expect(second.errorOf('Team chat')).toBeUndefined();
		expect(second.output('Team chat')).toEqual([]);
		expect(server.delivered()).toHaveLength(1);
	});
});

describe('Daily KPI Digest: bad items and settings', () => {
	const orders: IDataObject[] = [
		{ orderId: 'o1', customerId: 'c1', createdAt: '2026-06-29T10:00:00+08:00', amount: 100, platform: 'douyin', channel: 'live' },
		{ orderId: 'o2', customerId: 'c2', createdAt: '2026-06-28T10:00:00+08:00', amount: 50, platform: 'douyin', channel: 'live' },
	];
	const traffic: IDataObject[] = [{ date: '2026-06-29', platform: 'douyin', channel: 'live', visitors: 40 }];
	const run = (o: IDataObject[], t: IDataObject[] | undefined, parameters: IDataObject = {}, extra: Partial<INode> = {}) =>
		runWorkflow(digestWorkflow([fixture('Orders', o), t ? fixture('Traffic', t) : undefined], parameters, extra));

	it.each([
		['an order with a text amount', [{ ...orders[0], amount: 'lots' }], traffic, /Item 0: field "amount" is "lots"/],
		['an order with a channel that is an object', [orders[0], { ...orders[1], channel: { name: 'live' } }], traffic, /Item 1: field "channel"/],
		['an order in the year 9999', [{ ...orders[0], createdAt: '9999-12-31T00:00:00Z' }], traffic, /Item 0: field "createdAt"/],
		['a traffic row with a bad date', orders, [{ ...traffic[0], date: '31/06/2026' }], /Item 0: field "date" is "31\/06\/2026"/],
		['a traffic row with negative visitors', orders, [{ ...traffic[0], visitors: -3 }], /Item 0: field "visitors" is -3/],
	])('stops on %s, naming the item and field', async (_, o, t, message) => {
		const result = await run(o as IDataObject[], t as IDataObject[]);
		expect(result.errorOf('KPI Digest')?.message).toMatch(message);
	});

	it('with Continue (using error output) bad items leave on the error output and the rest are counted', async () => {
		const result = await run([...orders, { ...orders[0], orderId: 'o3', amount: -1 }], [...traffic, { ...traffic[0], date: 'soon' }], {}, { onError: 'continueErrorOutput' });
		const errors = result.output('KPI Digest', 1);
		expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(/^Item 2: field "amount" is -1/), expect.stringMatching(/^Item 1: field "date" is "soon"/)]);
		expect(result.output('KPI Digest', 0)).toEqual([expect.objectContaining({ gmv: 100, orders: 1, visitors: 40, conversionRate: 0.025 })]);
	});

	it('says what to connect when a trigger\'s items reach the orders input', async () => {
		const result = await run([{}], undefined);
		expect(result.errorOf('KPI Digest')?.message).toMatch(/No order items reached the Orders input/);
	});

	it('reports bad settings clearly', async () => {
		expect((await run(orders, traffic, { timeZone: 'Moon/Base' })).errorOf('KPI Digest')?.message).toMatch(/Unknown time zone/);
		expect((await run(orders, traffic, { reportDate: '2999-01-01' })).errorOf('KPI Digest')?.message).toMatch(/Report Day "2999-01-01" is outside/);
		expect((await run(orders, traffic, { returningLookbackDays: 0 })).errorOf('KPI Digest')?.message).toMatch(/Returning Buyer Look-Back \(Days\): a whole number of days from 1 to 3650/);
		expect((await run(orders, traffic, { topMovers: 2.5 })).errorOf('KPI Digest')?.message).toMatch(/Top Movers: a whole number/);
		expect((await run(orders, traffic, { countedStatuses: [] })).errorOf('KPI Digest')?.message).toMatch(/choose at least one status/);
	});
});
