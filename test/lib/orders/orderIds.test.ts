/**
 * createOrderIdCheck: the one-pass RFM reader's "seen this order id before?". A "yes" sends the
 * node to the exact (table) reading, so it must say yes to every repeat and, in practice, no
 * to every id given for the first time.
 */
import { createOrderIdCheck } from '../../../nodes/lib/orders';

it('says no the first time an id is given and yes every time after', () => {
	const seenBefore = createOrderIdCheck(10);
	expect(['O1', 'O2', 'O1', 'O1', 'o1', 'O2 '].map(seenBefore)).toEqual([false, false, true, true, false, false]);
});

it('takes 300,000 distinct ids of the shapes shops issue for new, and each of them for seen when given again', () => {
	const ids = Array.from({ length: 100_000 }, (_, i) => [
		`SO-20250703-${String(i).padStart(5, '0')}`,
		String(4_000_000_000_000 + i * 7919),
		`gid://shopify/Order/${5_000_000 + i}`,
	]).flat();
	const seenBefore = createOrderIdCheck(ids.length);
	expect(ids.filter((id) => seenBefore(id))).toEqual([]);
	expect(ids.every((id) => seenBefore(id))).toBe(true);
});

it('answers "maybe seen" rather than probing forever when given more ids than it was sized for', () => {
	const seenBefore = createOrderIdCheck(0);
	const answers = Array.from({ length: 3000 }, (_, i) => seenBefore(`O${i}`));
	expect(answers.slice(0, 1024).every((seen) => !seen)).toBe(true);
	expect(answers.slice(1024).every((seen) => seen)).toBe(true);
});
