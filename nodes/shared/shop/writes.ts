/**
 * Writes a platform cannot deduplicate (no idempotency key: Pinduoduo, Taobao / Tmall and
 * Xiaohongshu stock, Taobao shop coupons), applied at most once. The transport does not
 * resend such a write after a fault that may have reached the shop (transport.ts throws
 * 'unknown-outcome'); here the shop is read back instead, and the write is sent again only
 * when it did not land.
 */
import { ShopPlatformError } from '../../lib/shop';
import type { ShopApi, ShopRequest, Verdict } from './connector';

/**
 * Sends of one write whose answers were lost, before the node gives up. Each resend follows a
 * read-back that found the write not applied, so more rounds never apply it twice; they only
 * ride out a platform that fails several times in a row (a 5xx, then an answer lost after the
 * resend landed, as the Taobao tests play it), at the cost of one read and one write each.
 * Four, as Taobao / Tmall had; Pinduoduo and Xiaohongshu had three. One number for all: the
 * faults it rides out are the transport's, not a platform's.
 */
export const MAX_WRITE_ROUNDS = 4;

/** The platform's answer to the write, or `landed`: an answer was lost, and the read-back found the write applied. */
export type WriteAtMostOnceResult = (Verdict & { kind: 'ok' | 'error' }) | { kind: 'landed' };

/**
 * Sends `request` as a write the platform would apply twice. After a lost answer `landed`
 * reads the shop: true → the write is there (`{ kind: 'landed' }`); false → it is not, and
 * it is sent again; to stop instead (the shop changed some other way, and a resend could undo
 * that), `landed` throws. The last lost answer is read back too, so a write that landed is
 * reported as landed; one that did not, after MAX_WRITE_ROUNDS sends, ends with the
 * transport's 'unknown-outcome' error.
 *
 * `request` may be a function: it is called before each send, for a write that narrows after
 * a partial landing (a coupon send to many buyers, resent only to those without it).
 */
export async function writeAtMostOnce(
	api: ShopApi,
	request: ShopRequest | (() => ShopRequest),
	landed: (lostAnswer: ShopPlatformError) => Promise<boolean>,
): Promise<WriteAtMostOnceResult> {
	for (let sent = 1; ; sent++) {
		const write = typeof request === 'function' ? request() : request;
		// .then(ok, fail) rather than try/catch: only a lost answer is handled, everything else is passed on as it is.
		const outcome = await api.attempt({ ...write, write: true, idempotent: false }).then(
			(verdict) => ({ verdict }),
			(error: unknown) => ({ error }),
		);
		if ('verdict' in outcome) return outcome.verdict;
		const lostAnswer = outcome.error;
		if (!(lostAnswer instanceof ShopPlatformError) || lostAnswer.code !== 'unknown-outcome') throw lostAnswer;
		if (await landed(lostAnswer)) return { kind: 'landed' };
		if (sent >= MAX_WRITE_ROUNDS) throw lostAnswer;
	}
}
