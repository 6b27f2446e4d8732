/**
 * writeAtMostOnce: a write the platform cannot deduplicate is sent again after a lost answer
 * only when the read-back says it did not land, at most MAX_WRITE_ROUNDS times.
 */
import { ShopPlatformError } from '../../../nodes/lib/shop';
import type { ShopApi, ShopRequest } from '../../../nodes/shared/shop/connector';
import { MAX_WRITE_ROUNDS, writeAtMostOnce } from '../../../nodes/shared/shop/writes';

const lost = () => new ShopPlatformError('Test Shop', 'unknown-outcome', 'socket hang up; the write was not sent again because the platform might have applied it');
const WRITE: ShopRequest = { method: 'POST', path: 'stock.update', body: { sku: 'TEE-M', quantity: 40 } };

/** A shop whose answers to writes are scripted: 'lost' throws the transport's unknown-outcome error. */
function scriptedShop(answers: Array<'lost' | 'ok' | 'refused' | Error>) {
	const sent: ShopRequest[] = [];
	const api: ShopApi = {
		async attempt(request) {
			sent.push(request);
			const answer = answers.shift() ?? 'ok';
			if (answer === 'lost') throw lost();
			if (answer instanceof Error) throw answer;
			return answer === 'ok' ? { kind: 'ok', data: { sent: sent.length } } : { kind: 'error', code: 'isv.invalid', message: 'refused' };
		},
		call: () => Promise.reject(new Error('not used')),
		now: () => 0,
		sleep: () => Promise.resolve(),
	};
	return { api, sent };
}

describe('writeAtMostOnce', () => {
	it('an answered write is sent once, marked as a write the transport must not resend, and its verdict returned', async () => {
		const { api, sent } = scriptedShop(['ok']);
		const landed = jest.fn(async () => false);
		expect(await writeAtMostOnce(api, WRITE, landed)).toEqual({ kind: 'ok', data: { sent: 1 } });
		expect(sent).toEqual([{ ...WRITE, write: true, idempotent: false }]);
		expect(landed).not.toHaveBeenCalled();
	});

	it('a platform refusal is returned as it is, not read back', async () => {
		const { api } = scriptedShop(['refused']);
		expect(await writeAtMostOnce(api, WRITE, async () => false)).toEqual({ kind: 'error', code: 'isv.invalid', message: 'refused' });
	});

	it('a lost answer whose write landed is not sent again: landed', async () => {
		const { api, sent } = scriptedShop(['lost']);
		expect(await writeAtMostOnce(api, WRITE, async () => true)).toEqual({ kind: 'landed' });
		expect(sent).toHaveLength(1);
	});

	it('a lost answer whose write did not land is sent again, then answered', async () => {
		const { api, sent } = scriptedShop(['lost', 'lost', 'ok']);
		const landed = jest.fn(async (_lostAnswer: ShopPlatformError) => false);
		expect(await writeAtMostOnce(api, WRITE, landed)).toEqual({ kind: 'ok', data: { sent: 3 } });
		expect(sent).toHaveLength(3);
		expect(landed).toHaveBeenCalledTimes(2);
		expect(landed.mock.calls[0][0].code).toBe('unknown-outcome');
	});

	it(`gives up after ${MAX_WRITE_ROUNDS} sends with the transport's unknown-outcome error; the last one is read back too`, async () => {
		expect(MAX_WRITE_ROUNDS).toBe(4);
		const { api, sent } = scriptedShop(['lost', 'lost', 'lost', 'lost', 'ok']);
		const landed = jest.fn(async () => false);
		await expect(writeAtMostOnce(api, WRITE, landed)).rejects.toMatchObject({ code: 'unknown-outcome' });
		expect(sent).toHaveLength(4);
		expect(landed).toHaveBeenCalledTimes(4);

		const lastLanded = scriptedShop(['lost', 'lost', 'lost', 'lost']);
		let reads = 0;
		expect(await writeAtMostOnce(lastLanded.api, WRITE, async () => ++reads === 4)).toEqual({ kind: 'landed' });
	});

	it('stops when the read-back throws (the shop changed some other way), without sending again', async () => {
		const { api, sent } = scriptedShop(['lost', 'ok']);
		const moved = new ShopPlatformError('Test Shop', 'unknown-outcome', 'the stock is now 11 (neither 12 before nor 40)');
		await expect(
			writeAtMostOnce(api, WRITE, async () => {
				throw moved;
			}),
		).rejects.toBe(moved);
		expect(sent).toHaveLength(1);
	});

	it('any other error is passed on without a read-back', async () => {
		const token = new ShopPlatformError('Test Shop', 'token', 'rejected (also after refreshing it)');
		const { api } = scriptedShop([token]);
		const landed = jest.fn(async () => true);
		await expect(writeAtMostOnce(api, WRITE, landed)).rejects.toBe(token);
		expect(landed).not.toHaveBeenCalled();
	});

	it('a write given as a function is rebuilt before each send (resent only to the buyers still without it)', async () => {
		const { api, sent } = scriptedShop(['lost', 'ok']);
		let buyers = ['a', 'b', 'c'];
		const verdict = await writeAtMostOnce(
			api,
			() => ({ method: 'POST', path: 'coupon.send', body: { buyer_nick: buyers.join(',') } }),
			async () => {
				buyers = buyers.filter((nick) => nick !== 'b');
				return buyers.length === 0;
			},
		);
		expect(verdict.kind).toBe('ok');
		expect(sent.map((request) => (request.body as { buyer_nick: string }).buyer_nick)).toEqual(['a,b,c', 'a,c']);
	});
});
