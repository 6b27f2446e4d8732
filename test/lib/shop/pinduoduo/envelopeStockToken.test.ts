/**
 * Pinduoduo answers read (success `<name>_response`, `error_response` codes from the official
 * doc's 返回错误码说明 table), stock pages (pdd.goods.list.get) and writes
 * (pdd.goods.quantity.update), token answers (pdd.pop.auth.token.create/refresh).
 */
import {
	expiryOf,
	goodsListParams,
	goodsPageOf,
	idPairOf,
	needsNoAccessToken,
	quantityUpdateParams,
	readPddBody,
	readTokenAnswer,
} from '../../../../nodes/lib/shop/platforms/pinduoduo';

const error = (code: number, msg: string, sub = '') => JSON.stringify({ error_response: { error_code: code, error_msg: msg, sub_code: sub ? code : null, sub_msg: sub, request_id: '1' } });

describe('answers', () => {
	it('a success is the object under its <name>_response key; long integers keep every digit', () => {
		const verdict = readPddBody(200, '{"goods_list_get_response":{"total_count":1,"goods_list":[{"goods_id":12345678901234567}]}}');
		expect(verdict).toEqual({ kind: 'ok', data: { total_count: 1, goods_list: [{ goods_id: '12345678901234567' }] } });
	});

	it.each([
		[10019, 'access_token已过期', 'tokenRejected'],
		[20032, 'access_token或client_id错误', 'tokenRejected'],
		[52101, '当前接口被限流，请稍后重试', 'throttled'],
		[70031, '调用过于频繁，请调整调用频率', 'throttled'],
		[52102, '当前接口暂时不可用，请稍后重试', 'unavailable'],
		[52103, '服务暂时不可用，请稍后重试', 'unavailable'],
		[50000, '系统内部错误', 'unavailable'],
		[70033, '当前接口因系统维护，暂时下线，请稍后再试！', 'unavailable'],
		[20004, '签名sign校验失败', 'error'],
		[20031, '用户没有授权访问此接口', 'error'],
		[10000, '参数错误', 'error'],
	])('error_code %i (%s) → %s', (code, message, kind) => {
		expect(readPddBody(200, error(code, message)).kind).toBe(kind);
	});

	it('a platform error keeps the code and both messages, and says what to do for known codes', () => {
		expect(readPddBody(200, error(20031, '用户没有授权访问此接口', '该应用无此接口权限'))).toEqual({
			kind: 'error',
			code: '20031',
			message: '用户没有授权访问此接口: 该应用无此接口权限',
			hint: expect.stringMatching(/权限包/),
		});
	});

	it('HTTP 429 is throttling, 5xx and an unreadable 200 are unavailable', () => {
		expect(readPddBody(429, '').kind).toBe('throttled');
		expect(readPddBody(502, 'bad gateway').kind).toBe('unavailable');
		expect(readPddBody(200, '<html>').kind).toBe('unavailable');
		expect(readPddBody(200, '{}').kind).toBe('unavailable');
	});
});

describe('stock', () => {
	const page = {
		total_count: 2,
		goods_list: [
			{ goods_id: 600000000001, goods_name: 'T恤', sku_list: [{ sku_id: 1000000000001, outer_id: 'TEE-W-M', sku_quantity: 12, reserve_quantity: 2 }, { sku_id: 1000000000002, outer_id: '', sku_quantity: 0, reserve_quantity: 0 }] },
			{ goods_id: 600000000002, goods_name: '帽子', sku_list: [{ sku_id: 1000000000003, outer_id: 'CAP-B', sku_quantity: '7', reserve_quantity: '0' }] },
		],
	};

	it('one level per SKU in the one warehouse `default`: sku_quantity on hand, reserve_quantity reserved, the ids a write needs', () => {
		expect(goodsPageOf(page)).toEqual({
			goodsCount: 2,
			totalCount: 2,
			levels: [
				{ sku: 'TEE-W-M', warehouse: 'default', onHand: 12, reserved: 2, onOrder: 0, platformRef: { goodsId: '600000000001', skuId: '1000000000001' } },
				{ sku: '600000000001:1000000000002', warehouse: 'default', onHand: 0, reserved: 0, onOrder: 0, platformRef: { goodsId: '600000000001', skuId: '1000000000002' } },
				{ sku: 'CAP-B', warehouse: 'default', onHand: 7, reserved: 0, onOrder: 0, platformRef: { goodsId: '600000000002', skuId: '1000000000003' } },
			],
		});
	});

	it('an empty answer is an empty page', () => {
		expect(goodsPageOf({})).toEqual({ levels: [], goodsCount: 0, totalCount: 0 });
	});

	it('list requests page from 1, 100 goods a page, optionally by merchant code (outer_id)', () => {
		expect(goodsListParams(1)).toEqual({ page: 1, page_size: 100 });
		expect(goodsListParams(2, 'TEE-W-M')).toEqual({ page: 2, page_size: 100, outer_id: 'TEE-W-M' });
	});

	it('the write is absolute (update_type 1 = 全量更新) and names goods and SKU by id', () => {
		const level = goodsPageOf(page).levels[0];
		expect(quantityUpdateParams(level, 40)).toEqual({ goods_id: '600000000001', sku_id: '1000000000001', quantity: 40, update_type: 1 });
	});

	it('`<goods_id>:<sku_id>` names a SKU without a merchant code; anything else is a code', () => {
		expect(idPairOf('600000000001:1000000000002')).toEqual({ goodsId: '600000000001', skuId: '1000000000002' });
		expect(idPairOf('TEE-W-M')).toBeUndefined();
		expect(idPairOf('A:1')).toBeUndefined();
	});
});

describe('tokens', () => {
	const now = Date.UTC(2024, 2, 1);

	it('reads a create answer: the access token, its expiry from expires_at (Unix seconds), the refresh token', () => {
		const answer = readTokenAnswer(
			{ pop_auth_token_create_response: { access_token: 'at', expires_in: 86_400, expires_at: 1_709_337_600, refresh_token: 'rt', refresh_token_expires_in: 2_592_000, owner_id: 998877 } },
			now,
		);
		expect(answer).toEqual({ ok: true, accessToken: 'at', accessTokenExpiresAt: 1_709_337_600_000, refreshToken: 'rt', refreshTokenExpiresAt: now + 2_592_000_000, ownerId: '998877' });
	});

	it('reads a refresh answer the same way, and a refusal as its code and messages', () => {
		expect(readTokenAnswer({ pop_auth_token_refresh_response: { access_token: 'at2', expires_in: 60 } }, now)).toMatchObject({ ok: true, accessTokenExpiresAt: now + 60_000 });
		expect(readTokenAnswer({ error_response: { error_code: 10000, error_msg: '参数错误', sub_msg: 'code不存在' } }, now)).toEqual({ ok: false, code: '10000', message: '参数错误: code不存在' });
		expect(readTokenAnswer({ pop_auth_token_create_response: {} }, now)).toMatchObject({ ok: false, code: 'no-token' });
	});

	it('an expiry point in milliseconds or seconds, else a lifetime, else unknown (0)', () => {
		expect(expiryOf(1_709_337_600_000, undefined, now)).toBe(1_709_337_600_000);
		expect(expiryOf('1709337600', undefined, now)).toBe(1_709_337_600_000);
		expect(expiryOf(undefined, 10, now)).toBe(now + 10_000);
		expect(expiryOf(undefined, undefined, now)).toBe(0);
	});

	it('token calls and pdd.time.get go out without the shop token', () => {
		expect(needsNoAccessToken('pdd.pop.auth.token.create')).toBe(true);
		expect(needsNoAccessToken('pdd.time.get')).toBe(true);
		expect(needsNoAccessToken('pdd.goods.list.get')).toBe(false);
	});
});
