/**
 * A fake Youzan Cloud (有赞云) gateway for one shop, written from the published behaviour
 * (youzan/open-sdk-node; youzan.trades.sold.get 4.0.4 field docs; the gateway error codes of
 * the "错误码、返回结构与限流" notes) — not from the pack's code. It checks what Youzan checks:
 * - /auth/token: JSON body, authorize_type silent, client_id/client_secret, grant_id = the shop;
 *   tokens expire (7 days on the fake clock; `expires` is an absolute ms epoch);
 * - every /api call: the token in the query string only (4201 without it, 4203 unknown,
 *   4202 expired), JSON body, the API and version known (4005);
 * - trades.sold.get: `yyyy-MM-dd HH:mm:ss` pairs (5001 otherwise), span ≤ 3 months, end after
 *   start, page_no ≤ 100, page_size ≤ 100;
 * - throttling in Youzan's own shape (gw_err_resp 4101), all with HTTP 200;
 * - coupon activities (quota per customer) and takes as the Java SDK v3 models describe them
 *   (youzan.ump.coupon.take is UNCONFIRMED on the live platform; the fake does what the SDK says).
 * Every write is logged: stock.set (key item:sku=quantity), activity.create (key = title),
 * coupon.take (key = activity:customer; a refusal by the quota logs applied:false).
 */
import { FakeClock, startFakeShop, type FakeReply, type FakeRequest, type FakeShopServer, type WriteRecord } from './server';

const DAY_MS = 86_400_000;
const TOKEN_LIFETIME_MS = 7 * DAY_MS;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export interface YouzanApp {
	clientId: string;
	clientSecret: string;
	/** The shop's kdt_id. */
	kdtId: number;
}

export interface FakeItem {
	item_id: number;
	item_no: string;
	title: string;
	quantity: number;
	skus: Array<{ sku_id: number; item_no: string; quantity: number }>;
	onSale: boolean;
}

export interface FakeActivity {
	id: number;
	title: string;
	params: Record<string, unknown>;
	takes: Map<string, number>;
}

export interface FakeYouzan {
	server: FakeShopServer;
	clock: FakeClock;
	/** Tokens handed out, in order. */
	issuedTokens: string[];
	seedOrders(orders: Array<Record<string, unknown>>): void;
	/** Changes an order and sets its update_time (default: the fake clock's now). */
	updateOrder(tid: string, change: (fullOrder: Record<string, unknown>) => void, updatedAtMs?: number): void;
	seedItems(items: FakeItem[]): void;
	stockOf(sku: string): number | undefined;
	/** Changes stock behind the node's back (a sale between its read and its write). */
	setStockBehind(sku: string, quantity: number): void;
	activities(): FakeActivity[];
	/** The coupons taken: activity title and customer. */
	grants(): Array<{ activityId: number; title: string; customer: string }>;
	/** The next `count` API calls are throttled (gw_err_resp 4101). */
	throttleNext(count: number): void;
	/** Takes for these customers are refused with a business error. */
	refuseCustomers: Set<string>;
	/** Answers 4005 to coupon.search, as the API may be offline (CES: "2024年4月，接口下线"). */
	couponSearchOffline: boolean;
	close(): Promise<void>;
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time → epoch ms (NaN when not that form). */
export function shanghaiWallClockToMs(text: unknown): number {
	const m = WALL_CLOCK.exec(String(text ?? ''));
	if (!m) return NaN;
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - SHANGHAI_OFFSET_MS;
}

export function msToShanghaiWallClock(ms: number): string {
	return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const ok = (data: unknown): FakeReply => ({ body: { trace_id: 'yz-fake', code: 200, success: true, message: 'successful', data } });
const businessError = (code: number, message: string): FakeReply => ({ body: { code, success: false, message, data: null, request_id: null } });
const gatewayError = (errCode: number, errMsg: string): FakeReply => ({ body: { gw_err_resp: { trace_id: 'yz7-fake', err_code: errCode, err_msg: errMsg } } });

export async function startFakeYouzan(app: YouzanApp): Promise<FakeYouzan> {
	const clock = new FakeClock();
	const tokens = new Map<string, number>();
	const issuedTokens: string[] = [];
	const orders = new Map<string, Record<string, unknown>>();
	const items = new Map<number, FakeItem>();
	const activities = new Map<number, FakeActivity>();
	let throttled = 0;
	let nextActivityId = 2_507_415;
	let nextCouponId = 9_000_001;
	const refuseCustomers = new Set<string>();
	const state = { couponSearchOffline: false };

	const updateMs = (full: Record<string, unknown>) => shanghaiWallClockToMs((full.order_info as Record<string, unknown>).update_time);

	function token(request: FakeRequest): FakeReply {
		if (!String(request.headers['content-type'] ?? '').includes('application/json')) return { body: { success: false, code: 1000, message: 'Content-Type 错误', data: null } };
		const body = request.body;
		if (body.authorize_type !== 'silent') return { body: { success: false, code: 1004, message: 'authorize_type 不支持', data: null } };
		if (body.client_id !== app.clientId) return { body: { success: false, code: 1103, message: 'Client 不存在', data: null } };
		if (body.client_secret !== app.clientSecret) return { body: { success: false, code: 1000, message: 'client_secret 错误', data: null } };
		if (Number(body.grant_id) !== app.kdtId) return { body: { success: false, code: 1105, message: '店铺未授权', data: null } };
		const accessToken = `yz-token-${issuedTokens.length + 1}-${Math.random().toString(36).slice(2, 10)}`;
		const expires = clock.now() + TOKEN_LIFETIME_MS;
		tokens.set(accessToken, expires);
		issuedTokens.push(accessToken);
		return { body: { success: true, code: 200, message: 'success', data: { access_token: accessToken, expires, scope: 'trade item ump', authority_id: String(app.kdtId), refresh_token: `yz-refresh-${issuedTokens.length}` } } };
	}

	function tradesSoldGet(body: Record<string, unknown>): FakeReply {
		const start = shanghaiWallClockToMs(body.start_update);
		const end = shanghaiWallClockToMs(body.end_update);
		if ((body.start_update !== undefined && Number.isNaN(start)) || (body.end_update !== undefined && Number.isNaN(end))) {
			return gatewayError(5001, '系统异常');
		}
		if (Number.isNaN(start) !== Number.isNaN(end)) return businessError(101_500_101, '开始时间和结束时间必须成对出现');
		if (!Number.isNaN(start)) {
			if (end <= start) return businessError(101_500_102, '结束时间必须大于开始时间');
			const s = new Date(start + SHANGHAI_OFFSET_MS);
			const threeMonthsLater = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 3, s.getUTCDate(), s.getUTCHours(), s.getUTCMinutes(), s.getUTCSeconds()) - SHANGHAI_OFFSET_MS;
			if (end > threeMonthsLater) return businessError(101_500_103, '开始时间和结束时间的跨度不能大于3个月');
			if (end > clock.now() + 7 * DAY_MS) return businessError(106_000_003, '结束时间不能大于当前时间7天');
		}
		const pageNo = Number(body.page_no ?? 1);
		const pageSize = Number(body.page_size ?? 20);
		if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > 100) return businessError(5000, '页码最大不能超过100');
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return businessError(5000, '每页最多显示100条数据');
		const matching = [...orders.values()]
			.filter((full) => Number.isNaN(start) || (updateMs(full) >= start && updateMs(full) <= end))
			.sort((a, b) => updateMs(a) - updateMs(b));
		const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		return ok({ total_results: matching.length, full_order_info_list: page.map((full) => ({ full_order_info: structuredClone(full) })) });
	}

	function itemsList(body: Record<string, unknown>, onSale: boolean): FakeReply {
		const pageNo = Number(body.page_no ?? 1);
		const pageSize = Number(body.page_size ?? 40);
		if (pageSize > 300) return businessError(5000, 'page_size 最大 300');
		const all = [...items.values()].filter((item) => item.onSale === onSale);
		const page = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		return ok({ count: all.length, items: page.map(({ item_id, item_no, title, quantity }) => ({ item_id, item_no, title, quantity })) });
	}

	function itemGet(body: Record<string, unknown>): FakeReply {
		const item = items.get(Number(body.item_id));
		if (!item) return businessError(141_500_101, '商品不存在');
		const { onSale, ...rest } = item;
		return ok({ item: { ...structuredClone(rest), is_listing: onSale } });
	}

	function quantityUpdate(body: Record<string, unknown>, log: { write(record: WriteRecord): void }): FakeReply {
		const item = items.get(Number(body.item_id));
		if (!item) return businessError(141_500_101, '商品不存在');
		const quantity = Number(body.quantity);
		const type = Number(body.type ?? 0);
		if (!Number.isInteger(quantity)) return gatewayError(5001, '系统异常');
		let target: { quantity: number };
		if (item.skus.length > 0) {
			const sku = item.skus.find((s) => s.sku_id === Number(body.sku_id));
			if (!sku) return businessError(141_500_102, 'sku_id 不能为空或不存在');
			target = sku;
		} else {
			target = item;
		}
		const before = target.quantity;
		target.quantity = type === 1 ? before + quantity : quantity;
		if (item.skus.length > 0) item.quantity = item.skus.reduce((sum, s) => sum + s.quantity, 0);
		log.write({ kind: 'stock.set', key: `${body.item_id}:${body.sku_id ?? 0}=${target.quantity}`, applied: true, detail: { before, after: target.quantity, type } });
		return ok(true);
	}

	function couponSearch(body: Record<string, unknown>): FakeReply {
		if (state.couponSearchOffline) return gatewayError(4005, 'api不存在');
		const pageNo = Number(body.page_no ?? 1);
		const pageSize = Number(body.page_size ?? 20);
		if (pageSize > 100) return businessError(5000, '每页最多100条');
		const all = [...activities.values()];
		const page = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		return ok({ count: all.length, coupons: page.map((a) => ({ group_id: a.id, title: a.title, group_type: 'PROMOCARD', quota: a.params.quota })) });
	}

	function activityCreate(body: Record<string, unknown>, log: { write(record: WriteRecord): void }): FakeReply {
		const title = String(body.title ?? '');
		if (title === '' || title.length > 20) return businessError(101_000_101, '优惠券标题不能为空且不超过20个字');
		const type = Number(body.preferential_type);
		if (type === 1 && !(Number(body.value) > 0)) return businessError(101_000_102, '优惠券面额必须大于0');
		if (type === 2 && !(Number.isInteger(Number(body.discount)) && Number(body.discount) >= 1 && Number(body.discount) <= 99)) {
			return businessError(101_000_103, '折扣必须在1到99之间');
		}
		if (type !== 1 && type !== 2) return businessError(101_000_104, 'preferential_type 错误');
		if (Number(body.date_type) !== 1 || Number.isNaN(shanghaiWallClockToMs(body.start_at)) || Number.isNaN(shanghaiWallClockToMs(body.end_at))) {
			return gatewayError(5001, '系统异常');
		}
		const activity: FakeActivity = { id: nextActivityId++, title, params: { ...body }, takes: new Map() };
		activities.set(activity.id, activity);
		log.write({ kind: 'activity.create', key: title, applied: true, detail: { id: activity.id } });
		return ok({ id: activity.id, title });
	}

	function couponTake(body: Record<string, unknown>, log: { write(record: WriteRecord): void }): FakeReply {
		const activity = activities.get(Number(body.coupon_group_id));
		if (!activity) return businessError(101_000_201, '优惠券活动不存在');
		const customer = String(body.yz_open_id ?? body.open_user_id ?? body.weixin_openid ?? body.fans_id ?? body.mobile ?? '');
		if (customer === '') return businessError(101_000_202, '用户信息不能为空');
		const key = `${activity.id}:${customer}`;
		if (refuseCustomers.has(customer)) {
			log.write({ kind: 'coupon.take', key, applied: false, detail: { reason: 'refused' } });
			return businessError(101_000_203, '该用户不满足领取条件');
		}
		const quota = Number(activity.params.quota ?? 0);
		const taken = activity.takes.get(customer) ?? 0;
		if (quota > 0 && taken >= quota) {
			log.write({ kind: 'coupon.take', key, applied: false, detail: { reason: 'quota' } });
			return businessError(101_000_204, `每人限领${quota}张，已达领取上限`);
		}
		activity.takes.set(customer, taken + 1);
		const couponId = nextCouponId++;
		log.write({ kind: 'coupon.take', key, applied: true, detail: { couponId } });
		return ok({ coupon_type: 'PROMOCARD', promocard: { promocard_id: couponId, group_id: activity.id, verify_code: `YZ${couponId}` } });
	}

	const server = await startFakeShop({
		operationOf: (request) => (request.path === '/auth/token' ? 'auth.token' : request.path.split('/')[2] ?? request.path),
		handle(request, log) {
			if (request.method !== 'POST') return gatewayError(4007, '请求方法不支持');
			if (request.path === '/auth/token') return token(request);
			const match = /^\/api\/([a-z.]+)\/(\d+\.\d+\.\d+)$/.exec(request.path);
			if (!match) return gatewayError(4001, '非法的请求地址');
			const accessToken = request.query.get('access_token');
			if (!accessToken) return gatewayError(4201, '非法的请求凭证');
			const expires = tokens.get(accessToken);
			if (expires === undefined) return gatewayError(4203, 'Token 不存在');
			if (clock.now() >= expires) return gatewayError(4202, '凭证已过期');
			if (throttled > 0) {
				throttled--;
				return gatewayError(4101, '请求过于频繁');
			}
			if (request.rawBody !== '' && !String(request.headers['content-type'] ?? '').includes('json')) return gatewayError(4007, 'Content-Type 不支持');
			const body = request.body;
			switch (`${match[1]}/${match[2]}`) {
				case 'youzan.trades.sold.get/4.0.4':
					return tradesSoldGet(body);
				case 'youzan.items.onsale.get/3.0.0':
					return itemsList(body, true);
				case 'youzan.items.inventory.get/3.0.0':
					return itemsList(body, false);
				case 'youzan.item.get/3.0.0':
					return itemGet(body);
				case 'youzan.item.quantity.update/3.0.0':
					return quantityUpdate(body, log);
				case 'youzan.ump.coupon.search/3.0.0':
					return couponSearch(body);
				case 'youzan.ump.voucheractivity.create/3.0.0':
					return activityCreate(body, log);
				case 'youzan.ump.coupon.take/3.0.0':
					return couponTake(body, log);
				case 'youzan.shop.get/3.0.0':
					return ok({ id: app.kdtId, name: '有赞测试店' });
				default:
					return gatewayError(4005, 'api不存在');
			}
		},
	});

	const findSku = (sku: string): { quantity: number } | undefined => {
		for (const item of items.values()) {
			if (item.skus.length === 0 && item.item_no === sku) return item;
			const found = item.skus.find((s) => s.item_no === sku);
			if (found) return found;
		}
		return undefined;
	};

	return {
		server,
		clock,
		issuedTokens,
		seedOrders(list) {
			for (const full of list) orders.set(String((full.order_info as Record<string, unknown>).tid), structuredClone(full));
		},
		updateOrder(tid, change, updatedAtMs = clock.now()) {
			const full = orders.get(tid);
			if (!full) throw new Error(`no order ${tid}`);
			change(full);
			(full.order_info as Record<string, unknown>).update_time = msToShanghaiWallClock(updatedAtMs);
		},
		seedItems(list) {
			for (const item of list) items.set(item.item_id, structuredClone(item));
		},
		stockOf: (sku) => findSku(sku)?.quantity,
		setStockBehind(sku, quantity) {
			const target = findSku(sku);
			if (!target) throw new Error(`no SKU ${sku}`);
			target.quantity = quantity;
		},
		activities: () => [...activities.values()],
		grants: () => [...activities.values()].flatMap((a) => [...a.takes.keys()].map((customer) => ({ activityId: a.id, title: a.title, customer }))),
		throttleNext(count) {
			throttled += count;
		},
		refuseCustomers,
		get couponSearchOffline() {
			return state.couponSearchOffline;
		},
		set couponSearchOffline(value: boolean) {
			state.couponSearchOffline = value;
		},
		close: () => server.close(),
	};
}

export interface OrderSpec {
	tid: string;
	status?: string;
	refundState?: number;
	created: string;
	updated?: string;
	/** yz_open_id; null = a guest (no buyer id). */
	buyer?: string | null;
	payment?: string;
	postFee?: string;
	lines?: Array<{ sku: string; num: number; price: string; payment: string; skuNo?: string }>;
	entrance?: string;
	wxEntrance?: string;
}

/** A full_order_info as trades.sold.get 4.0.4 returns it (field names of its doc). */
export function youzanOrder(spec: OrderSpec): Record<string, unknown> {
	const lines = spec.lines ?? [{ sku: 'SKU-A', num: 1, price: '100.00', payment: spec.payment ?? '90.00' }];
	return {
		order_info: {
			tid: spec.tid,
			status: spec.status ?? 'WAIT_SELLER_SEND_GOODS',
			status_str: '待发货',
			type: 0,
			created: spec.created,
			update_time: spec.updated ?? spec.created,
			pay_time: spec.created,
			refund_state: spec.refundState ?? 0,
			close_type: 0,
			express_type: 0,
			node_kdt_id: 110,
			root_kdt_id: 110,
			order_tags: { is_payed: (spec.status ?? 'WAIT_SELLER_SEND_GOODS') !== 'WAIT_BUYER_PAY', is_refund: (spec.refundState ?? 0) > 0 },
			order_extra: { buyer_name: '小王', is_member: '0' },
		},
		source_info: { is_offline_order: false, source: { platform: 'wx', wx_entrance: spec.wxEntrance ?? 'merchant_xcx' }, order_mark: '' },
		buyer_info: spec.buyer === null ? { fans_id: 0, fans_type: 0 } : { yz_open_id: spec.buyer ?? `yzo-${spec.tid}`, buyer_phone: 'ENC(…)', fans_id: 0, fans_type: 0 },
		...(spec.entrance ? { channel_info: { type: 'WX', entrance: spec.entrance } } : {}),
		pay_info: { total_fee: '100.00', post_fee: spec.postFee ?? '0.00', payment: spec.payment ?? '90.00', transaction: ['T1'], outer_transactions: [] },
		remark_info: { buyer_message: '', trade_memo: '', star: 0 },
		address_info: { receiver_name: '王先生', receiver_tel: '138****0000', delivery_province: '浙江省' },
		orders: lines.map((line, i) => ({
			oid: `${spec.tid}-${i + 1}`,
			item_id: 1000 + i,
			sku_id: 2000 + i,
			outer_sku_id: line.sku,
			sku_no: line.skuNo ?? line.sku,
			title: `商品${i + 1}`,
			num: line.num,
			price: line.price,
			discount_price: line.price,
			total_fee: line.payment,
			payment: line.payment,
			item_type: 0,
			is_present: false,
		})),
	};
}
