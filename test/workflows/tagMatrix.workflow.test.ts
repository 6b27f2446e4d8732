/**
 * Tag Matrix in-process through n8n-core's WorkflowExecute: hand-made orders, customers and
 * reviews on its three inputs (every tag checked by hand against the shipped rules); Demo Shop
 * Data → RFM Segment → Tag Matrix, recomputed here from the raw items; bad items under stop
 * and under Continue (using error output); bad rules.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { node, runWorkflow } from '../support/n8n';

const fixture = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });
const to = (name: string, index = 0) => [{ node: name, type: 'main' as const, index }];

function threeInputs(orders: IDataObject[], customers?: IDataObject[], reviews?: IDataObject[], parameters: IDataObject = {}, extra: Partial<INode> = {}) {
	const sources = [fixture('Orders', orders), ...(customers ? [fixture('Customers', customers)] : []), ...(reviews ? [fixture('Reviews', reviews)] : [])];
	const connections: IConnections = {
		Run: { main: [sources.flatMap((source) => to(source.name))] },
		Orders: { main: [to('Tag Matrix', 0)] },
		...(customers && { Customers: { main: [to('Tag Matrix', 1)] } }),
		...(reviews && { Reviews: { main: [to('Tag Matrix', 2)] } }),
	};
	return {
		nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), ...sources, node('Tag Matrix', 'tagMatrix', { timeZone: 'Asia/Shanghai', ...parameters }, extra)],
		connections,
		settings: { executionOrder: 'v1' as const },
	};
}

const order = (id: string, customerId: string, createdAt: string, extra: IDataObject = {}): IDataObject => ({
	orderId: id,
	customerId,
	createdAt,
	status: 'completed',
	currency: 'CNY',
	amount: 100,
	platform: 'douyin',
	channel: 'live',
	...extra,
});

// Ann: 3 paid orders (2 with a coupon, 1 refunded), evenings in Shanghai, mostly tea by spend.
// Bo: 1 order at 02:10, on xiaohongshu, first channel short_video; one cancelled order.
const ORDERS = [
	order('A1', 'ann', '2026-06-01T20:15:00+08:00', { couponCode: 'SAVE10', region: '浙江', category: 'tea', amount: 200 }),
	order('A2', 'ann', '2026-06-03T12:05:00Z', { couponCode: true, category: 'snacks', amount: 50, platform: 'youzan', channel: 'private_domain' }), // 20:05 in Shanghai
	order('A3', 'ann', '2026-06-05T21:40:00+08:00', { status: 'refunded', refundedAmount: 100, category: 'tea', region: '上海' }),
	order('B1', 'bo', '2026-06-02T02:10:00+08:00', { platform: 'xiaohongshu', channel: 'short_video' }),
	order('B2', 'bo', '2026-06-01T01:00:00+08:00', { status: 'cancelled', platform: 'douyin', channel: 'live', couponCode: 'X' }),
];
const CUSTOMERS = [{ customerId: 'ann', segmentLabel: 'Champions' }, { customerId: 'bo', segmentLabel: 'New Customers', region: '广东' }];
const REVIEWS = [
	{ customerId: 'ann', text: '茶很好喝，非常满意' }, // 满意 + (好喝 is not an entry: 好 +) → +1
	{ customerId: 'ann', text: 'not bad, but shipping was slow' }, // bad flipped +, slow − → 0
	{ customerId: 'bo', text: '质量不好，退货了' }, // 不好 −, 退货 − → −1
	{ customerId: 'bo', score: 0.2, text: 'ignored: the score wins' },
];

describe('Tag Matrix: three inputs, the shipped rules', () => {
	it('tags each customer as the rules say, by hand', async () => {
		const result = await runWorkflow(threeInputs(ORDERS, CUSTOMERS, REVIEWS));
		const [ann, bo] = result.output('Tag Matrix', 0);
		expect(ann).toMatchObject({
			customerId: 'ann',
			orders: 3,
			mainPlatform: 'douyin', // 2 of 3
			region: '上海', // the latest paid order's (the customer list has none for Ann)
			firstChannel: 'live',
			rfmSegment: 'Champions',
			topCategory: 'tea', // 300 of 350
			topCategoryShare: 0.8571,
			preferredHour: 20, // 20:15 and 20:05 (12:05Z) vs 21:40
			couponShare: 0.6667,
			refundRate: 0.3333,
			reviews: 2,
			sentimentScore: 0.5, // (1 + 0) / 2
		});
		expect(ann.basicTags).toEqual(['平台 Platform: douyin', '地区 Region: 上海', '首单渠道 First channel: live']);
		expect(ann.behaviourTags).toEqual(['RFM: Champions', '偏好 Likes: tea', '晚间下单 Evening buyer', '券敏感 Coupon-sensitive', '高退款 Frequent refunds']);
		expect(ann.sentimentTags).toEqual(['好评 Positive reviewer']);
		expect(ann.tags).toEqual([...(ann.basicTags as string[]), ...(ann.behaviourTags as string[]), ...(ann.sentimentTags as string[])]);

		// Bo: one paid order (the cancelled one counts nowhere): no coupon or refund tag (minimum 2 orders).
		expect(bo).toMatchObject({ orders: 1, mainPlatform: 'xiaohongshu', region: '广东', firstChannel: 'short_video', preferredHour: 2, couponShare: 0, sentimentScore: -0.4 });
		expect(bo.tags).toEqual(['平台 Platform: xiaohongshu', '地区 Region: 广东', '首单渠道 First channel: short_video', 'RFM: New Customers', '夜猫子 Night owl', '差评 Negative reviewer']);

		const counts = result.output('Tag Matrix', 1);
		expect(counts.every((row) => Object.keys(row).sort().join() === 'customers,family,familyLabel,shareOfCustomers,tag,totalCustomers')).toBe(true);
		expect(counts.find((row) => row.tag === '好评 Positive reviewer')).toEqual({ family: 'sentiment', familyLabel: 'Sentiment · 情感', tag: '好评 Positive reviewer', customers: 1, shareOfCustomers: 0.5, totalCustomers: 2 });
		expect(counts.reduce((sum, row) => sum + (row.customers as number), 0)).toBe((ann.tags as string[]).length + (bo.tags as string[]).length);
		expect(counts.map((row) => row.family)).toEqual([...counts.map((row) => row.family as string)].sort((a, b) => ['basic', 'behaviour', 'sentiment'].indexOf(a) - ['basic', 'behaviour', 'sentiment'].indexOf(b)));
	});

	it('runs on orders alone (the other inputs not connected), and with rules of the user\'s own', async () => {
		const rules = { rule: [{ family: 'basic', tagName: '抖音或有赞', metric: 'platform', condition: 'oneOf', values: 'douyin，youzan' }, { family: 'behaviour', tagName: '{value} orders', metric: 'orders', condition: 'between', threshold: 2, upTo: 5 }] };
		const result = await runWorkflow(threeInputs(ORDERS, undefined, undefined, { rules, outputMode: 'customers' }));
		expect(result.output('Tag Matrix', 0).map((c) => [c.customerId, c.tags])).toEqual([
			['ann', ['抖音或有赞', '3 orders']],
			['bo', []],
		]);
	});
});

describe('Tag Matrix: bad items and settings', () => {
	it.each([
		['an order with a bad date', [{ ...ORDERS[0], createdAt: 'yesterday' }], undefined, /Item 0: field "createdAt" is "yesterday"/],
		['an order whose platform is an object', [{ ...ORDERS[0], platform: { name: 'douyin' } }], undefined, /Item 0: field "platform" is an object; expected a platform \(text\)/],
		['an order whose lines are not a list', [{ ...ORDERS[0], lines: 'tea' }], undefined, /Item 0: field "lines" is "tea"; expected a list of order lines/],
		['a review score out of range', ORDERS, [{ customerId: 'ann', score: 5 }], /Item 0: field "score" is 5; expected a sentiment score from -1 \(negative\) to 1 \(positive\)/],
		['a review with neither text nor score', ORDERS, [{ customerId: 'ann', stars: 5 }], /Item 0: field "text" is missing; expected a review text, or a sentiment score/],
	])('stops on %s, naming the item and field', async (_, orders, reviews, message) => {
		const result = await runWorkflow(threeInputs(orders, undefined, reviews));
		expect(result.errorOf('Tag Matrix')?.message).toMatch(message);
	});

	it('with Continue (using error output) bad items of any input go to the error output, the rest are tagged', async () => {
		const result = await runWorkflow(
			threeInputs([...ORDERS, { ...ORDERS[0], orderId: 'A9', amount: -5 }], CUSTOMERS, [...REVIEWS, { customerId: 'bo', text: 42 }], {}, { onError: 'continueErrorOutput' }),
		);
		const errors = result.output('Tag Matrix', 2);
		expect(errors.map((e) => e.error)).toEqual([
			expect.stringMatching(/^Item 5: field "amount" is -5/),
			expect.stringMatching(/^Item 4: field "text" is 42; expected a review text/),
		]);
		expect(result.output('Tag Matrix', 0).map((c) => [c.customerId, c.orders])).toEqual([['ann', 3], ['bo', 1]]);
	});

	it.each([
		[{ rule: [{ tagName: '', metric: 'orders', condition: 'atLeast', threshold: 1 }] }, /Tag Rules, rule 1 \(""\): the tag name is empty/],
		[{ rule: [{ tagName: 'x', metric: 'region', condition: 'atLeast', threshold: 1 }] }, /rule 1 \("x"\): region is a text value: use Has Any Value or Is One Of/],
		[{ rule: [{ tagName: 'ok', metric: 'orders', condition: 'any' }, { tagName: 'y', metric: 'orders', condition: 'between', threshold: 5, upTo: 2 }] }, /rule 2 \("y"\): Up To must be a number ≥ Threshold \(5\)/],
		[{ rule: [{ tagName: 'z', metric: 'couponShare', condition: 'oneOf', values: 'a' }] }, /rule 1 \("z"\): "Is One Of" needs a metric with a text value/],
	])('names the bad rule: %j', async (rules, message) => {
		const result = await runWorkflow(threeInputs(ORDERS, undefined, undefined, { rules }));
		expect(result.errorOf('Tag Matrix')?.message).toMatch(message);
	});
});

describe('Demo Shop Data → RFM Segment → Tag Matrix', () => {
	it('tags every demo customer; platform, first channel and RFM segment recomputed from the raw items', async () => {
		const shop = { dataset: 'orders', seed: 7, customers: 300, orders: 1500, endDate: '2026-06-30', days: 180 };
		const workflow = {
			nodes: [
				node('Run', 'n8n-nodes-base.manualTrigger'),
				node('Demo Orders', 'demoShopData', shop),
				node('Score Customers', 'rfmSegment', { referenceMode: 'endOfDay', referenceDate: '2026-06-30', outputMode: 'customers' }),
				node('Tag Matrix', 'tagMatrix', {}),
			],
			connections: {
				Run: { main: [to('Demo Orders')] },
				'Demo Orders': { main: [[...to('Score Customers'), ...to('Tag Matrix', 0)]] },
				'Score Customers': { main: [to('Tag Matrix', 1)] },
			},
			settings: { executionOrder: 'v1' as const },
		};
		const result = await runWorkflow(workflow);
		const orders = result.output('Demo Orders');
		const segments = new Map(result.output('Score Customers').map((c) => [c.customerId, c.segmentLabel]));
		const customers = result.output('Tag Matrix', 0);
		expect(customers).toHaveLength(new Set(orders.map((o) => o.customerId)).size);
		for (const c of customers.slice(0, 60)) {
			const paid = orders.filter((o) => o.customerId === c.customerId && !['pending', 'cancelled'].includes(o.status as string));
			expect(c.orders).toBe(paid.length);
			if (paid.length > 0) expect(c.firstChannel).toBe(paid[0].channel); // demo orders come sorted by time
			expect(c.rfmSegment).toBe(segments.get(c.customerId) ?? null);
			if (segments.has(c.customerId)) expect(c.tags).toContain(`RFM: ${segments.get(c.customerId)}`);
		}
		const counts = result.output('Tag Matrix', 1);
		const platformTags = counts.filter((row) => String(row.tag).startsWith('平台 Platform: '));
		// Every customer with a paid order has exactly one main platform.
		expect(platformTags.reduce((sum, row) => sum + (row.customers as number), 0)).toBe(customers.filter((c) => (c.orders as number) > 0).length);
	});

	it('fires the region, category and coupon tags on demo data, as many as a recount of the demo orders gives', async () => {
		const shop = { dataset: 'orders', seed: 11, customers: 400, orders: 3000, endDate: '2026-06-30', days: 180 };
		const workflow = {
			nodes: [node('Run', 'n8n-nodes-base.manualTrigger'), node('Demo Orders', 'demoShopData', shop), node('Tag Matrix', 'tagMatrix', {})],
			connections: { Run: { main: [to('Demo Orders')] }, 'Demo Orders': { main: [to('Tag Matrix', 0)] } },
			settings: { executionOrder: 'v1' as const },
		};
		const result = await runWorkflow(workflow);
		const counted = new Map(result.output('Tag Matrix', 1).map((row) => [String(row.tag), row.customers as number]));

		// The recount, from the raw demo items and the shipped rules' wording: a customer's paid
		// orders (not pending or cancelled); region of the latest (demo orders come sorted by
		// time); top category by Σ quantity × unit price if ≥ 50%; coupon on ≥ 50% of ≥ 2 orders.
		type Line = { category: string; quantity: number; unitPrice: number };
		const paidOf = new Map<string, IDataObject[]>();
		for (const o of result.output('Demo Orders')) {
			if (['pending', 'cancelled'].includes(o.status as string)) continue;
			paidOf.set(o.customerId as string, [...(paidOf.get(o.customerId as string) ?? []), o]);
		}
		const expected = new Map<string, number>();
		const add = (tag: string) => expected.set(tag, (expected.get(tag) ?? 0) + 1);
		for (const paid of paidOf.values()) {
			add(`地区 Region: ${paid[paid.length - 1].region}`);
			const spend = new Map<string, number>();
			for (const line of paid.flatMap((o) => o.lines as Line[])) spend.set(line.category, (spend.get(line.category) ?? 0) + line.quantity * line.unitPrice);
			const total = [...spend.values()].reduce((a, b) => a + b, 0);
			const [top, topSpend] = [...spend].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
			if (topSpend / total >= 0.5) add(`偏好 Likes: ${top}`);
			if (paid.length >= 2 && paid.filter((o) => o.couponCode !== undefined).length / paid.length >= 0.5) add('券敏感 Coupon-sensitive');
		}
		const fired = (prefix: string) => new Map([...counted].filter(([tag]) => tag.startsWith(prefix)));
		const recount = (prefix: string) => new Map([...expected].filter(([tag]) => tag.startsWith(prefix)));
		for (const prefix of ['地区 Region: ', '偏好 Likes: ', '券敏感 Coupon-sensitive']) {
			expect(fired(prefix).size).toBeGreaterThan(0);
			expect(fired(prefix)).toEqual(recount(prefix));
		}
		// Many provinces and several categories, not one value for everyone.
		expect(fired('地区 Region: ').size).toBeGreaterThanOrEqual(10);
		expect(fired('偏好 Likes: ').size).toBeGreaterThanOrEqual(4);
	});
});
