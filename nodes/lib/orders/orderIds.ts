/**
 * "Has this order id been seen before?" for the one-pass reader, at a million ids. A JS Set of
 * the ids grows by doubling: each step copies the table into a new one in the old generation,
 * about 40 MB allocated for 1M ids, and hashing is V8's. Here each id is reduced to a 64-bit
 * fingerprint (two 32-bit FNV-1a-style hashes with different offset bases, Fowler–Noll–Vo,
 * http://www.isthe.com/chongo/tech/comp/fnv/) kept in two typed arrays sized once from the
 * number of items (1.5 slots per item, 12 MB for 1M), with linear probing from the slot
 * Lemire's multiply-shift reduction gives (D. Lemire, "A fast alternative to the modulo
 * reduction", 2016: ⌊hash × capacity / 2³²⌋, no division).
 *
 * A match means "maybe seen": two different ids share a fingerprint with probability about
 * n² / 2⁶⁵ (3 × 10⁻⁸ for a million ids), and the caller then reads the orders the exact way
 * (nodes/RfmSegment, countOrdersFromTable), so a false match costs time, never a wrong result.
 */
export function createOrderIdCheck(expectedIds: number): (orderId: string) => boolean {
	const capacity = Math.max(1024, Math.ceil(expectedIds * 1.5));
	const first = new Int32Array(capacity);
	// The second hash with its lowest bit set: 0 marks an empty slot.
	const second = new Int32Array(capacity);
	let stored = 0;
	return (orderId) => {
		// More ids than slots (more than the items it was sized for): "maybe", never an endless probe.
		if (stored === capacity) return true;
		let a = 0x811c9dc5 | 0;
		let b = 0x2b7e1516 | 0;
		for (let i = 0; i < orderId.length; i++) {
			const c = orderId.charCodeAt(i);
			a = Math.imul(a ^ c, 16777619);
			b = Math.imul(b ^ c, 16777619) ^ (b >>> 15);
		}
		b |= 1;
		for (let slot = Math.floor(((a >>> 0) * capacity) / 4294967296); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
			const held = second[slot];
			if (held === 0) {
				first[slot] = a;
				second[slot] = b;
				stored++;
				return false;
			}
			if (held === b && first[slot] === a) return true;
		}
	};
}
