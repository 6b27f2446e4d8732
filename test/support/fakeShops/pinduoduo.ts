/**
 * A fake Pinduoduo open platform (拼多多开放平台, POP) on 127.0.0.1, checking requests the way
 * the platform documents them and answering in its shapes (sources: the pack's
 * docs/nodes/PinduoduoShop.md; nothing here imports the node's code):
 * - every call: POST /api/router, a form (application/x-www-form-urlencoded) with `type`,
 *   `client_id`, `timestamp` (Unix seconds, within 10 minutes of real time: "需要与拼多多服务器
 *   时间差值在10分钟内"), `data_type`, `access_token` where the API needs the shop's
 *   authorisation, and `sign` = UPPER(MD5(secret + Σ sorted name+value + secret)), recomputed
 *   here over the form exactly as received. Refusals: 10001 公共参数错误, 10016 client_id,
 *   20004 签名校验失败, 20032 unknown token, 10019 access_token已过期, 70031 调用过于频繁 when
 *   more than `qps` calls arrive in one second.
 * - tokens: pdd.pop.auth.token.create takes a code once; pdd.pop.auth.token.refresh takes a
 *   refresh token once and gives a new pair (the old refresh token dies: the stricter reading).
 * - pdd.order.number.list.increment.get: windows of at most `maxWindowSeconds` (1800), a start
 *   no older than `maxAgeDays` (90) on the fake's clock, page from 1, page_size ≤ 100, both
 *   ends inclusive, newest update first ("根据订单的更新时间倒序"), total_count only when
 *   use_has_next is false, has_next when it is true. Pages are cut from the live state, so an
 *   order updated between pages moves as on the real feed; `onPageServed` lets a test update
 *   one right after a page went out.
 * - pdd.goods.list.get (page from 1, page_size ≤ 100, outer_id filter) and
 *   pdd.goods.quantity.update (update_type 1 absolute, 2 incremental; no idempotency key: a
 *   write that finds the stock already at its value is logged `applied: false`).
 * Every stock write lands in the write log (kind `stock.set`, key goods:sku=quantity).
 */
import { createHash, randomBytes } from 'node:crypto';

import { FakeClock, startFakeShop, type FakeReply, type FakeRequest, type FakeShopServer } from './server';

export interface PddFakeItem {
	goods_id: number | string;
	sku_id: number | string;
	outer_id: string;
	goods_count: number;
	goods_price: number;
	goods_name?: string;
}

export interface PddFakeOrder {
	order_sn: string;
	order_status: number;
	confirm_status: number;
	refund_status: number;
	pay_amount: number;
	goods_amount: number;
	discount_amount: number;
	created_time: string;
	confirm_time: string;
	updated_at: string;
	open_address_id?: string;
	item_list: PddFakeItem[];
	[field: string]: unknown;
}

export interface PddFakeSku {
	sku_id: number;
	outer_id: string;
	sku_quantity: number;
	reserve_quantity: number;
	is_sku_onsale: number;
	spec: string;
}

export interface PddFakeGoods {
	goods_id: number;
	goods_name: string;
	is_onsale: number;
	sku_list: PddFakeSku[];
}

export interface PinduoduoFakeOptions {
	clientId: string;
	clientSecret: string;
	/** Authorization codes the shop handed out (each works once). */
	authCodes: string[];
	clock?: FakeClock;
	maxWindowSeconds?: number;
	maxAgeDays?: number;
	qps?: number;
	accessTokenSeconds?: number;
	refreshTokenSeconds?: number;
}

export interface PinduoduoFake extends FakeShopServer {
	clock: FakeClock;
	orders: Map<string, PddFakeOrder>;
	goods: Map<number, PddFakeGoods>;
	tokensIssued: number;
	/** Every access and refresh token handed out (for "no secret in the run" checks). */
	issuedTokens: string[];
	/** Called after a page of the order feed went out (page number from 1, orders on it, the form, orders in the window). */
	onPageServed?: (page: number, served: PddFakeOrder[], form: Record<string, string>, total: number) => void;
	upsertOrder(order: PddFakeOrder): void;
	/** Expire every access token now (the platform answers 10019 from now on). */
	expireAccessTokens(): void;
	/** Forget every refresh token (the shop withdrew the authorisation). */
	dropRefreshTokens(): void;
	addGoods(goods: PddFakeGoods): void;
	stockOf(outerId: string): number | undefined;
}

/** Beijing wall-clock text of an instant, as Pinduoduo writes times. */
export function beijingText(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function beijingMs(text: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - 8 * 3_600_000 : NaN;
}

/** An order as the increment feed sends it: paid, waiting to ship, unless `extra` says otherwise. */
export function pddOrder(orderSn: string, createdMs: number, updatedMs: number, yuan: number, extra: Partial<PddFakeOrder> = {}): PddFakeOrder {
	return {
		order_sn: orderSn,
		order_status: 1,
		confirm_status: 1,
		refund_status: 1,
		after_sales_status: 0,
		pay_amount: yuan,
		goods_amount: yuan,
		discount_amount: 0,
		postage: 0,
		created_time: beijingText(createdMs),
		confirm_time: beijingText(createdMs),
		updated_at: beijingText(updatedMs),
		receiver_name_mask: '张*',
		item_list: [{ goods_id: 600000000001, sku_id: 1000000000001, outer_id: 'SKU-A', goods_count: 1, goods_price: yuan, goods_name: '商品' }],
		...extra,
	};
}

const fail = (code: number, message: string, subMessage = ''): FakeReply => ({
	body: { error_response: { error_code: code, error_msg: message, sub_code: subMessage ? String(code) : null, sub_msg: subMessage, request_id: 'fake' } },
});

const TOKEN_FREE = new Set(['pdd.pop.auth.token.create', 'pdd.pop.auth.token.refresh', 'pdd.time.get']);

export async function startPinduoduoFake(options: PinduoduoFakeOptions): Promise<PinduoduoFake> {
	const clock = options.clock ?? new FakeClock();
	const maxWindowSeconds = options.maxWindowSeconds ?? 1800;
	const maxAgeDays = options.maxAgeDays ?? 90;
	const accessTokenSeconds = options.accessTokenSeconds ?? 86_400;
	const refreshTokenSeconds = options.refreshTokenSeconds ?? 30 * 86_400;
	const unusedCodes = new Set(options.authCodes);
	const accessTokens = new Map<string, number>();
	const refreshTokens = new Map<string, number>();
	const recentCalls: number[] = [];
	const orders = new Map<string, PddFakeOrder>();
	const updatedSeconds = new Map<string, number>();
	const goods = new Map<number, PddFakeGoods>();
	const fake = {} as PinduoduoFake;

	function issueTokens(): FakeReply['body'] {
		const access = 'pddat-' + randomBytes(12).toString('hex');
		const refresh = 'pddrt-' + randomBytes(12).toString('hex');
		const now = clock.now();
		accessTokens.set(access, now + accessTokenSeconds * 1000);
		refreshTokens.set(refresh, now + refreshTokenSeconds * 1000);
		fake.tokensIssued++;
		fake.issuedTokens.push(access, refresh);
		return {
			access_token: access,
			expires_in: accessTokenSeconds,
			expires_at: Math.floor(now / 1000) + accessTokenSeconds,
			refresh_token: refresh,
			refresh_token_expires_in: refreshTokenSeconds,
			refresh_token_expires_at: Math.floor(now / 1000) + refreshTokenSeconds,
			owner_id: '998877',
			owner_name: '测试店铺',
			scope: ['pdd.order.number.list.increment.get', 'pdd.goods.list.get', 'pdd.goods.quantity.update'],
		};
	}

	function expectedSign(form: Record<string, string>): string {
		const text = Object.keys(form)
			.filter((key) => key !== 'sign')
			.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
			.map((key) => key + form[key])
			.join('');
		return createHash('md5').update(options.clientSecret + text + options.clientSecret, 'utf8').digest('hex').toUpperCase();
	}

	function verify(request: FakeRequest, form: Record<string, string>): FakeReply | undefined {
		if (request.method !== 'POST' || request.path !== '/api/router') return fail(20035, '接口不属于当前网关', `${request.method} ${request.path}`);
		if (!String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return fail(10001, '公共参数错误:type', 'expected a form');
		if (!form.type) return fail(10001, '公共参数错误:type');
		if (form.client_id !== options.clientId) return fail(10016, 'client下线或者clientId不正确');
		if (!/^\d{10}$/.test(form.timestamp ?? '')) return fail(10001, '公共参数错误:timestamp');
		// Against real time: `clock` moves only token and order ages.
		if (Math.abs(Number(form.timestamp) * 1000 - Date.now()) > 10 * 60_000) return fail(10001, '公共参数错误:timestamp', 'timestamp与服务器时间差超过10分钟');
		if (form.data_type !== undefined && form.data_type !== 'JSON' && form.data_type !== 'XML') return fail(10001, '公共参数错误:data_type');
		if (form.sign !== expectedSign(form)) return fail(20004, '签名sign校验失败');
		if (!TOKEN_FREE.has(form.type)) {
			const expiresAt = accessTokens.get(form.access_token ?? '');
			if (expiresAt === undefined) return fail(20032, 'access_token或client_id错误');
			if (clock.now() >= expiresAt) return fail(10019, 'access_token已过期');
		}
		if (options.qps !== undefined) {
			const now = Date.now();
			while (recentCalls.length > 0 && recentCalls[0] <= now - 1000) recentCalls.shift();
			if (recentCalls.length >= options.qps) return fail(70031, '调用过于频繁，请调整调用频率');
			recentCalls.push(now);
		}
		return undefined;
	}

	function orderFeed(form: Record<string, string>): FakeReply {
		const start = Number(form.start_updated_at);
		const end = Number(form.end_updated_at);
		const page = Number(form.page ?? 1);
		const pageSize = Number(form.page_size ?? 100);
		if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) return fail(10000, '参数错误', 'start_updated_at/end_updated_at');
		if (end - start > maxWindowSeconds) return fail(10000, '参数错误', '开始时间结束时间间距不超过 30 分钟');
		if (start < Math.floor(clock.now() / 1000) - maxAgeDays * 86_400) return fail(10000, '参数错误', `只能查询${maxAgeDays}天内的订单`);
		if (!Number.isInteger(page) || page < 1) return fail(10000, '参数错误', '页码从 1 开始');
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return fail(10000, '参数错误', 'page_size最大100');
		const matching: PddFakeOrder[] = [];
		for (const [sn, seconds] of updatedSeconds) if (seconds >= start && seconds <= end) matching.push(orders.get(sn)!);
		matching.sort((a, b) => updatedSeconds.get(b.order_sn)! - updatedSeconds.get(a.order_sn)! || a.order_sn.localeCompare(b.order_sn));
		const served = matching.slice((page - 1) * pageSize, page * pageSize);
		const hasNext = page * pageSize < matching.length;
		const body = {
			order_sn_increment_get_response: {
				...(form.use_has_next === 'true' ? { has_next: hasNext } : { total_count: matching.length }),
				order_sn_list: served.map((order) => structuredClone(order)),
			},
		};
		fake.onPageServed?.(page, served, form, matching.length);
		return { body };
	}

	function goodsList(form: Record<string, string>): FakeReply {
		const page = Number(form.page ?? 1);
		const pageSize = Number(form.page_size ?? 100);
		if (!Number.isInteger(page) || page < 1) return fail(10000, '参数错误', '页码从 1 开始');
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return fail(10000, '参数错误', 'page_size最大100');
		let list = [...goods.values()];
		if (form.outer_id) list = list.filter((g) => g.sku_list.some((sku) => sku.outer_id === form.outer_id));
		const pageGoods = list.slice((page - 1) * pageSize, page * pageSize);
		return {
			body: {
				goods_list_get_response: {
					total_count: list.length,
					goods_list: pageGoods.map((g) => ({
						goods_id: g.goods_id,
						goods_name: g.goods_name,
						is_onsale: g.is_onsale,
						is_more_sku: g.sku_list.length > 1 ? 1 : 0,
						goods_quantity: g.sku_list.reduce((sum, sku) => sum + sku.sku_quantity, 0),
						goods_reserve_quantity: g.sku_list.reduce((sum, sku) => sum + sku.reserve_quantity, 0),
						thumb_url: '',
						image_url: '',
						sku_list: g.sku_list.map((sku) => ({ ...sku, outer_goods_id: '' })),
					})),
				},
			},
		};
	}

	function quantityUpdate(form: Record<string, string>, log: { write(record: { kind: string; key: string; applied: boolean; detail: Record<string, unknown> }): void }): FakeReply {
		const item = goods.get(Number(form.goods_id));
		if (!item) return fail(10000, '参数错误', '商品不存在');
		const sku = form.sku_id ? item.sku_list.find((s) => String(s.sku_id) === form.sku_id) : item.sku_list.find((s) => s.outer_id === form.outer_id);
		if (!sku) return fail(10000, '参数错误', 'sku不存在');
		const quantity = Number(form.quantity);
		const updateType = form.update_type === undefined ? 1 : Number(form.update_type);
		if (!Number.isInteger(quantity)) return fail(10000, '参数错误', 'quantity');
		if (updateType === 1 && quantity < 0) return fail(10000, '参数错误', '全量更新库存时quantity必须大于等于0');
		if (updateType !== 1 && updateType !== 2) return fail(10000, '参数错误', 'update_type');
		const target = updateType === 1 ? quantity : sku.sku_quantity + quantity;
		if (target < 0) return fail(10000, '参数错误', '库存不能小于0');
		const applied = target !== sku.sku_quantity;
		log.write({ kind: 'stock.set', key: `${item.goods_id}:${sku.sku_id}=${form.quantity}/${updateType}`, applied, detail: { outer_id: sku.outer_id, from: sku.sku_quantity, to: target } });
		sku.sku_quantity = target;
		return { body: { goods_quantity_update_response: { is_success: true } } };
	}

	const server = await startFakeShop({
		operationOf: (request) => {
			const type = request.body.type;
			return typeof type === 'string' ? type : request.path;
		},
		handle(request, log) {
			const form = Object.fromEntries(Object.entries(request.body).map(([key, value]) => [key, String(value)]));
			const refused = verify(request, form);
			if (refused) return refused;
			switch (form.type) {
				case 'pdd.time.get':
					return { body: { time_get_response: { time: beijingText(Date.now()) } } };
				case 'pdd.pop.auth.token.create':
					if (!form.code || !unusedCodes.has(form.code)) return fail(10000, '参数错误', 'code不存在或已失效');
					unusedCodes.delete(form.code);
					return { body: { pop_auth_token_create_response: issueTokens() } };
				case 'pdd.pop.auth.token.refresh': {
					const expiresAt = refreshTokens.get(form.refresh_token ?? '');
					if (expiresAt === undefined || clock.now() >= expiresAt) return fail(10000, '参数错误', 'refresh_token不存在或已过期');
					refreshTokens.delete(form.refresh_token);
					return { body: { pop_auth_token_refresh_response: issueTokens() } };
				}
				case 'pdd.order.number.list.increment.get':
					return orderFeed(form);
				case 'pdd.goods.list.get':
					return goodsList(form);
				case 'pdd.goods.quantity.update':
					return quantityUpdate(form, log);
				default:
					return fail(10017, 'type不正确', String(form.type));
			}
		},
	});

	return Object.assign(fake, server, {
		clock,
		orders,
		goods,
		tokensIssued: 0,
		issuedTokens: [] as string[],
		upsertOrder(order: PddFakeOrder) {
			const seconds = beijingMs(order.updated_at) / 1000;
			if (!Number.isFinite(seconds)) throw new Error(`updated_at "${order.updated_at}" is not yyyy-MM-dd HH:mm:ss`);
			orders.set(order.order_sn, order);
			updatedSeconds.set(order.order_sn, seconds);
		},
		expireAccessTokens() {
			for (const token of accessTokens.keys()) accessTokens.set(token, 0);
		},
		dropRefreshTokens() {
			refreshTokens.clear();
		},
		addGoods(item: PddFakeGoods) {
			goods.set(item.goods_id, structuredClone(item));
		},
		stockOf(outerId: string) {
			for (const item of goods.values()) {
				const sku = item.sku_list.find((s) => s.outer_id === outerId);
				if (sku) return sku.sku_quantity;
			}
			return undefined;
		},
	});
}
