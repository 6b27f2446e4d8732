/**
 * A fake Taobao open platform (TOP, 淘宝开放平台) REST gateway for one shop, written from the
 * published recipe and the SDKs' generated models (official Java SDK TaobaoUtils/Constants;
 * bububa/opentaobao model/*) — not from the pack's code. It checks what TOP checks:
 * - every call: POST to the gateway, parameters in the form body (or the query), `method`,
 *   `app_key` (29 Invalid App Key), `v` = 2.0, `format` json, `timestamp` `yyyy-MM-dd HH:mm:ss`
 *   GMT+8 within 10 minutes of real time (31 Invalid Timestamp), `sign_method` md5 | hmac |
 *   hmac-sha256 and `sign`, recomputed here from the recipe (sorted k+v of every non-blank
 *   parameter but sign; md5 wraps in the secret; hmac = HMAC-MD5; uppercase hex) — 25 Invalid
 *   Signature otherwise; `session` (26 Missing Session; 27 Invalid Session when unknown or
 *   expired on the fake clock);
 * - throttling: more than `qps` calls in a second → 7 App Call Limited,
 *   accesscontrol.limited-by-app-api-access-count, "This ban will last for 1 more seconds";
 * - taobao.trades.sold.increment.get: both bounds present, end after start, a span of at most
 *   `maxWindowSeconds` (one day) and a start no older than `maxAgeDays` (90) before the fake
 *   clock (41 Invalid Arguments otherwise), page_size 1–100, page_no ≥ 1; trades with modified
 *   in [start, end] (both inclusive), newest first, served from the live state (an update
 *   between pages moves the trade); tid and oid written as 19-digit JSON numbers;
 * - items and SKUs by merchant code, items on sale / in stock (page_size ≤ 200), item.seller.get,
 *   item.quantity.update (type 1 absolute, 2 incremental);
 * - shop coupons: coupon.add (denominations 3/5/10/20/50/100, whole-yuan condition, at most 50
 *   valid coupons), coupons.get (amounts in fen), coupondetail.get, coupon.send (≤ 100 nicks,
 *   shop members only; a buyer sent the same coupon twice holds two: TOP has no dedup here).
 * Answers: `{ "<api>_response": {…} }` with lists as `{ item: [...] }`, errors as
 * `{ error_response: { code, msg, sub_code, sub_msg } }`, all HTTP 200.
 * Write log: stock.set (key numIid:skuId), coupon.add (key denominations|condition|end),
 * coupon.send (key couponId:nick).
 */
import { createHash, createHmac } from 'node:crypto';

import { FakeClock, startFakeShop, type FakeReply, type FakeRequest, type FakeShopServer } from './server';

const GMT8_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface TaobaoFakeLine {
	oid: string;
	outer_sku_id?: string;
	outer_iid?: string;
	sku_id?: string;
	num_iid?: string;
	num: number;
	price: string;
	payment: string;
	refund_status?: string;
	status?: string;
}

export interface TaobaoFakeTrade {
	tid: string;
	status: string;
	payment: string;
	post_fee?: string;
	created: string;
	modified: string;
	buyer_nick?: string;
	buyer_open_uid?: string;
	trade_from?: string;
	type?: string;
	orders: TaobaoFakeLine[];
}

export interface TaobaoFakeSku {
	sku_id: string;
	outer_id: string;
	quantity: number;
	with_hold_quantity?: number;
}

export interface TaobaoFakeItem {
	num_iid: string;
	outer_id: string;
	num: number;
	with_hold_quantity?: number;
	onSale: boolean;
	skus: TaobaoFakeSku[];
}

export interface TaobaoFakeCoupon {
	coupon_id: string;
	denominations: number;
	condition: number;
	start_time: string;
	end_time: string;
}

export interface TaobaoFakeOptions {
	appKey: string;
	appSecret: string;
	sessionKey: string;
	clock?: FakeClock;
	qps?: number;
	maxWindowSeconds?: number;
	maxAgeDays?: number;
}

export interface TaobaoFake extends FakeShopServer {
	clock: FakeClock;
	trades: Map<string, TaobaoFakeTrade>;
	items: Map<string, TaobaoFakeItem>;
	coupons: Map<string, TaobaoFakeCoupon>;
	/** Coupons buyers hold: one row per coupon sent. */
	holdings: Array<{ coupon_id: string; buyer_nick: string; coupon_number: string }>;
	/** Buyers who are not shop members (coupon.send refuses them). */
	nonMembers: Set<string>;
	/** Answers 22 Invalid Method to coupondetail.get (it may be retired). */
	couponDetailOffline: boolean;
	/** Called after a page of the increment feed was served (page_no, trades on it, trades in the window, page_size). */
	onPageServed?: (pageNo: number, served: TaobaoFakeTrade[], total: number, pageSize: number) => void;
	upsertTrade(trade: TaobaoFakeTrade): void;
	/** The session key stops working (expired or revoked). */
	expireSession(): void;
	stockOf(outerId: string): number | undefined;
}

/** Epoch ms → `yyyy-MM-dd HH:mm:ss` GMT+8. */
export function gmt8Text(ms: number): string {
	return new Date(ms + GMT8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-dd HH:mm:ss` GMT+8 → epoch ms, NaN otherwise. */
export function gmt8Ms(text: unknown): number {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(text ?? ''));
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - GMT8_MS : NaN;
}

const blank = (value: unknown) => value === undefined || value === null || /^\s*$/.test(String(value));

/** The published recipe, written independently of the pack's signing module. */
function expectedSign(params: Record<string, string>, secret: string, method: string): string {
	const joined = Object.keys(params)
		.filter((k) => k !== 'sign' && !blank(k) && !blank(params[k]))
		.sort()
		.map((k) => `${k}${params[k]}`)
		.join('');
	if (method === 'md5') return createHash('md5').update(`${secret}${joined}${secret}`, 'utf8').digest('hex').toUpperCase();
	const algorithm = method === 'hmac' ? 'md5' : 'sha256';
	return createHmac(algorithm, secret).update(joined, 'utf8').digest('hex').toUpperCase();
}

const topError = (code: number, msg: string, subCode?: string, subMsg?: string): FakeReply => ({
	body: { error_response: { code, msg, ...(subCode ? { sub_code: subCode } : {}), ...(subMsg ? { sub_msg: subMsg } : {}), request_id: 'fake' } },
});
const invalid = (subMsg: string) => topError(41, 'Invalid Arguments', 'isv.invalid-parameter', subMsg);

/** TOP's JSON with 64-bit ids as number literals (tid, oid), as the real gateway writes them. */
function topOk(method: string, data: Record<string, unknown>): FakeReply {
	const key = `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
	const text = JSON.stringify({ [key]: { ...data, request_id: 'fake' } }).replace(/"(tid|oid)":"(\d+)"/g, '"$1":$2');
	return { body: text };
}

export async function startTaobaoFake(options: TaobaoFakeOptions): Promise<TaobaoFake> {
	const clock = options.clock ?? new FakeClock();
	const maxWindowSeconds = options.maxWindowSeconds ?? 86_400;
	const maxAgeDays = options.maxAgeDays ?? 90;
	const recentCalls: number[] = [];
	let sessionValid = true;
	let couponSeq = 3_000_000_001;
	let couponNumberSeq = 9_000_000_001;
	const fake = {
		trades: new Map<string, TaobaoFakeTrade>(),
		items: new Map<string, TaobaoFakeItem>(),
		coupons: new Map<string, TaobaoFakeCoupon>(),
		holdings: [] as TaobaoFake['holdings'],
		nonMembers: new Set<string>(),
		couponDetailOffline: false,
	} as TaobaoFake;

	function verify(request: FakeRequest, params: Record<string, string>): FakeReply | undefined {
		if (request.method !== 'POST') return topError(9, 'Http Action Not Allowed');
		if (!params.method) return topError(21, 'Missing Method');
		if (params.app_key !== options.appKey) return topError(29, 'Invalid App Key');
		if (params.v !== '2.0') return topError(33, 'Invalid Version');
		if (params.format !== 'json') return topError(23, 'Invalid Format');
		const at = gmt8Ms(params.timestamp);
		// Checked against real time: the fake clock moves only session and data ages.
		if (Number.isNaN(at) || Math.abs(at - Date.now()) > 10 * 60_000) return topError(31, 'Invalid Timestamp');
		const signMethod = params.sign_method ?? 'md5';
		if (!['md5', 'hmac', 'hmac-sha256'].includes(signMethod)) return topError(25, 'Invalid Signature', 'isv.invalid-sign-method');
		if (params.sign !== expectedSign(params, options.appSecret, signMethod)) return topError(25, 'Invalid Signature');
		if (blank(params.session)) return topError(26, 'Missing Session');
		if (params.session !== options.sessionKey || !sessionValid) return topError(27, 'Invalid session', 'invalid-sessionkey', 'SessionKey非法');
		if (options.qps !== undefined) {
			const now = Date.now();
			while (recentCalls.length > 0 && recentCalls[0] <= now - 1000) recentCalls.shift();
			if (recentCalls.length >= options.qps) {
				return topError(7, 'App Call Limited', 'accesscontrol.limited-by-app-api-access-count', 'This ban will last for 1 more seconds');
			}
			recentCalls.push(now);
		}
		return undefined;
	}

	const tradeRow = (t: TaobaoFakeTrade) => ({ ...structuredClone(t), tid_str: t.tid, orders: { order: structuredClone(t.orders) } });

	function incrementGet(p: Record<string, string>): FakeReply {
		if (blank(p.start_modified) || blank(p.end_modified) || blank(p.fields)) return topError(40, 'Missing Required Arguments', 'isv.missing-parameter', 'start_modified, end_modified, fields');
		const start = gmt8Ms(p.start_modified);
		const end = gmt8Ms(p.end_modified);
		if (Number.isNaN(start) || Number.isNaN(end)) return invalid('时间格式 yyyy-MM-dd HH:mm:ss');
		if (end <= start) return invalid('end_modified必须大于start_modified');
		if (end - start > maxWindowSeconds * 1000) return invalid('修改时间跨度不能大于一天');
		if (start < clock.now() - maxAgeDays * DAY_MS) return invalid('只能查询三个月以内的交易');
		const pageNo = p.page_no === undefined ? 1 : Number(p.page_no);
		const pageSize = p.page_size === undefined ? 40 : Number(p.page_size);
		if (!Number.isInteger(pageNo) || pageNo < 1) return invalid('page_no必须大于零');
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return invalid('page_size取值范围1~100');
		const matching = [...fake.trades.values()]
			.map((t) => ({ t, at: gmt8Ms(t.modified) }))
			.filter(({ at }) => at >= start && at <= end)
			.sort((a, b) => b.at - a.at || (a.t.tid < b.t.tid ? 1 : -1))
			.map(({ t }) => t);
		const served = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		const reply = topOk(p.method, {
			...(p.use_has_next === 'true' ? { has_next: pageNo * pageSize < matching.length } : { total_results: matching.length }),
			trades: { trade: served.map(tradeRow) },
		});
		fake.onPageServed?.(pageNo, served, matching.length, pageSize);
		return reply;
	}

	const skuRow = (item: TaobaoFakeItem, sku: TaobaoFakeSku) => ({ ...sku, num_iid: item.num_iid, with_hold_quantity: sku.with_hold_quantity ?? 0, status: 'normal' });
	const itemRow = (item: TaobaoFakeItem, fields: string) => ({
		num_iid: item.num_iid,
		outer_id: item.outer_id,
		num: item.num,
		with_hold_quantity: item.with_hold_quantity ?? 0,
		...(fields.split(',').includes('skus') && item.skus.length > 0 ? { skus: { sku: item.skus.map((s) => skuRow(item, s)) } } : {}),
	});

	function coupon(p: Record<string, string>, log: { write(record: { kind: string; key: string; applied: boolean; detail: Record<string, unknown> }): void }): FakeReply | undefined {
		switch (p.method) {
			case 'taobao.promotion.coupon.add': {
				const denominations = Number(p.denominations);
				const condition = Number(p.condition);
				if (![3, 5, 10, 20, 50, 100].includes(denominations)) return invalid('优惠券的面额必须是3，5，10，20，50，100');
				if (!Number.isInteger(condition) || condition < 0) return invalid('condition必须是整数');
				const end = gmt8Ms(p.end_time);
				if (Number.isNaN(gmt8Ms(p.start_time)) || Number.isNaN(end)) return invalid('start_time/end_time');
				const valid = [...fake.coupons.values()].filter((c) => gmt8Ms(c.end_time) > clock.now()).length;
				if (valid >= 50) return topError(15, 'Remote service error', 'isv.coupon-count-over-limit', '有效期内的店铺优惠券总数量不超过50张');
				const id = String(couponSeq++);
				fake.coupons.set(id, { coupon_id: id, denominations, condition, start_time: p.start_time, end_time: p.end_time });
				log.write({ kind: 'coupon.add', key: `${denominations}|${condition}|${p.end_time}`, applied: true, detail: { coupon_id: id } });
				return topOk(p.method, { coupon_id: id });
			}
			case 'taobao.promotion.coupons.get': {
				const pageNo = Number(p.page_no ?? 1);
				const pageSize = Number(p.page_size ?? 20);
				if (pageSize < 1 || pageSize > 20) return invalid('page_size 1~20');
				const rows = [...fake.coupons.values()].filter(
					(c) => (blank(p.coupon_id) || c.coupon_id === p.coupon_id) && (blank(p.denominations) || c.denominations === Number(p.denominations)) && (blank(p.end_time) || c.end_time === p.end_time),
				);
				const page = rows.slice((pageNo - 1) * pageSize, pageNo * pageSize);
				return topOk(p.method, {
					total_results: rows.length,
					coupons: { coupon: page.map((c) => ({ coupon_id: c.coupon_id, denominations: c.denominations * 100, condition: c.condition * 100, end_time: c.end_time, creat_time: c.start_time, create_channel: '自己创建' })) },
				});
			}
			case 'taobao.promotion.coupondetail.get': {
				if (fake.couponDetailOffline) return topError(22, 'Invalid Method');
				if (blank(p.coupon_id)) return topError(40, 'Missing Required Arguments', 'isv.missing-parameter', 'coupon_id');
				const rows = fake.holdings.filter((h) => h.coupon_id === p.coupon_id && (blank(p.buyer_nick) || h.buyer_nick === p.buyer_nick));
				return topOk(p.method, { total_results: rows.length, coupon_details: { coupon_detail: rows.map((h) => ({ ...h, state: 'unused' })) } });
			}
			case 'taobao.promotion.coupon.send': {
				const target = fake.coupons.get(p.coupon_id ?? '');
				if (!target) return topError(15, 'Remote service error', 'isv.coupon-not-exist', '优惠券不存在');
				const nicks = String(p.buyer_nick ?? '').split(',').filter((n) => n !== '');
				if (nicks.length === 0 || nicks.length > 100) return invalid('每次只能发送1~100个买家');
				const results: Array<{ buyer_nick: string; coupon_number: string }> = [];
				const failures: Array<{ buyer_nick: string; reason: string }> = [];
				for (const nick of nicks) {
					if (fake.nonMembers.has(nick)) {
						failures.push({ buyer_nick: nick, reason: '该买家不是店铺会员' });
						continue;
					}
					const number = String(couponNumberSeq++);
					fake.holdings.push({ coupon_id: target.coupon_id, buyer_nick: nick, coupon_number: number });
					results.push({ buyer_nick: nick, coupon_number: number });
					log.write({ kind: 'coupon.send', key: `${target.coupon_id}:${nick}`, applied: true, detail: { coupon_number: number } });
				}
				return topOk(p.method, { is_success: true, coupon_results: { coupon_result: results }, failure_buyers: { error_message: failures } });
			}
			default:
				return undefined;
		}
	}

	const server = await startFakeShop({
		operationOf: (request) => String(request.body.method ?? request.query.get('method') ?? request.path),
		handle(request, log) {
			const params = { ...Object.fromEntries(request.query), ...(request.body as Record<string, string>) };
			const refused = verify(request, params);
			if (refused) return refused;
			const couponReply = coupon(params, log);
			if (couponReply) return couponReply;
			switch (params.method) {
				case 'taobao.user.seller.get':
					return topOk(params.method, { user: { nick: 'fake-shop-nick' } });
				case 'taobao.trades.sold.increment.get':
					return incrementGet(params);
				case 'taobao.skus.custom.get': {
					const rows = [...fake.items.values()].flatMap((item) => item.skus.filter((s) => s.outer_id === params.outer_id).map((s) => skuRow(item, s)));
					return rows.length > 0 ? topOk(params.method, { skus: { sku: rows } }) : topError(15, 'Remote service error', 'isv.sku-not-exist', '根据outer_id没有找到SKU');
				}
				case 'taobao.items.custom.get': {
					const rows = [...fake.items.values()].filter((item) => item.outer_id === params.outer_id).map((item) => itemRow(item, params.fields ?? ''));
					return topOk(params.method, rows.length > 0 ? { items: { item: rows } } : {});
				}
				case 'taobao.items.onsale.get':
				case 'taobao.items.inventory.get': {
					const pageNo = Number(params.page_no ?? 1);
					const pageSize = Number(params.page_size ?? 40);
					if (pageSize < 1 || pageSize > 200) return invalid('page_size最大值200');
					const onSale = params.method === 'taobao.items.onsale.get';
					const rows = [...fake.items.values()].filter((item) => item.onSale === onSale);
					return topOk(params.method, { total_results: rows.length, items: { item: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((item) => itemRow(item, 'num_iid,outer_id,num')) } });
				}
				case 'taobao.item.seller.get': {
					const item = fake.items.get(params.num_iid ?? '');
					return item ? topOk(params.method, { item: itemRow(item, params.fields ?? '') }) : topError(15, 'Remote service error', 'isv.item-not-exist', '商品不存在');
				}
				case 'taobao.item.quantity.update': {
					const item = fake.items.get(params.num_iid ?? '');
					if (!item) return topError(15, 'Remote service error', 'isv.item-not-exist', '商品不存在');
					const quantity = Number(params.quantity);
					const type = params.type === undefined ? 1 : Number(params.type);
					if (!Number.isInteger(quantity) || (type === 1 && quantity < 0)) return invalid('全量更新时quantity必须大于等于0');
					const sku = blank(params.sku_id) ? undefined : item.skus.find((s) => s.sku_id === params.sku_id);
					if (!blank(params.sku_id) && !sku) return topError(15, 'Remote service error', 'isv.sku-not-exist', 'SKU不存在');
					const before = sku ? sku.quantity : item.num;
					const after = type === 2 ? Math.max(0, before + quantity) : quantity;
					if (sku) sku.quantity = after;
					else item.num = after;
					if (sku) item.num = item.skus.reduce((sum, s) => sum + s.quantity, 0);
					log.write({ kind: 'stock.set', key: `${item.num_iid}:${params.sku_id ?? ''}`, applied: true, detail: { before, after, type } });
					return topOk(params.method, { item: { num_iid: item.num_iid, num: item.num, modified: gmt8Text(clock.now()) } });
				}
				default:
					return topError(22, 'Invalid Method');
			}
		},
	});

	return Object.assign(fake, server, {
		clock,
		upsertTrade(trade: TaobaoFakeTrade) {
			fake.trades.set(trade.tid, trade);
		},
		expireSession() {
			sessionValid = false;
		},
		stockOf(outerId: string) {
			for (const item of fake.items.values()) {
				const sku = item.skus.find((s) => s.outer_id === outerId);
				if (sku) return sku.quantity;
				if (item.skus.length === 0 && item.outer_id === outerId) return item.num;
			}
			return undefined;
		},
	});
}

/** A random-looking 19-digit id (beyond 2^53, as TOP's tids are). */
export function bigId(prefix: string, n: number): string {
	return `${prefix}${String(n).padStart(19 - prefix.length, '0')}`;
}
