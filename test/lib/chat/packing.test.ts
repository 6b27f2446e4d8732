/**
 * Packing lines into messages: only between lines, never over the limit, and as few messages as
 * possible (checked against an exhaustive search on small cases).
 */
import { jsonStringBytes, packLines, utf8Bytes, type PackBudget } from '../../../nodes/lib/chat/packing';

const bytesBudget = (limit: number, emptySize = 0, firstExtra = 0): PackBudget => ({
	limit,
	emptySize: (i) => emptySize + (i === 0 ? firstExtra : 0),
	lineSize: (line) => utf8Bytes(line) + 1,
});

/** Fewest messages for lines kept in order, by exhaustive search over cut points. */
function fewestMessages(lines: string[], budget: PackBudget): number {
	const n = lines.length;
	// reach[j][k]: the first j lines fit in exactly k messages.
	const reach = Array.from({ length: n + 1 }, () => Array<boolean>(n + 1).fill(false));
	reach[0][0] = true;
	for (let i = 0; i < n; i++) {
		for (let k = 0; k < n; k++) {
			if (!reach[i][k]) continue;
			let size = budget.emptySize(k);
			for (let j = i + 1; j <= n; j++) {
				size += budget.lineSize(lines[j - 1]);
				if (size <= budget.limit) reach[j][k + 1] = true;
			}
		}
	}
	return reach[n].findIndex(Boolean);
}

describe('packLines', () => {
	it('fills each message up to the limit and splits only between lines', () => {
		// 10 bytes each with its newline: three fit in 30, not four.
		const lines = Array.from({ length: 7 }, (_, i) => `line-${i}xx`);
		const { messages, tooLong } = packLines(lines, bytesBudget(30));
		expect(messages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
		expect(tooLong).toEqual([]);
	});

	it('takes a line that fills the message to exactly the limit', () => {
		const { messages } = packLines(['aaaa', 'bbbb'], bytesBudget(10));
		expect(messages).toEqual([[0, 1]]);
		expect(packLines(['aaaa', 'bbbbb'], bytesBudget(10)).messages).toEqual([[0], [1]]);
	});

	it('counts UTF-8 bytes: a Chinese character is 3, an emoji 4', () => {
		expect(utf8Bytes('补货')).toBe(6);
		expect(utf8Bytes('⚠️')).toBe(6);
		expect(utf8Bytes('📦')).toBe(4);
		// 682 Chinese characters = 2046 bytes + newline = 2047 ≤ 2048; 683 would be 2050.
		expect(packLines(['缺'.repeat(682)], bytesBudget(2048)).tooLong).toEqual([]);
		expect(packLines(['缺'.repeat(683)], bytesBudget(2048)).tooLong).toEqual([0]);
	});

	it('reports a line too long for any message and packs the rest around it', () => {
		const { messages, tooLong } = packLines(['short', 'x'.repeat(50), 'tiny'], bytesBudget(20));
		expect(tooLong).toEqual([1]);
		expect(messages).toEqual([[0, 2]]);
	});

	it('gives the first message less room when it carries the mentions', () => {
		const { messages } = packLines(['aaaa', 'bbbb', 'cccc'], bytesBudget(10, 0, 5));
		expect(messages).toEqual([[0], [1, 2]]);
	});

	it('needs no messages for no lines', () => {
		expect(packLines([], bytesBudget(10))).toEqual({ messages: [], tooLong: [] });
	});

	it('uses the fewest messages possible (exhaustive check on 300 random lists)', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let run = 0; run < 300; run++) {
			const lines = Array.from({ length: 1 + Math.floor(random() * 9) }, () =>
				'字a'.repeat(1 + Math.floor(random() * 6)).slice(0, 1 + Math.floor(random() * 12)),
			);
			const budget = bytesBudget(30, Math.floor(random() * 5), Math.floor(random() * 6));
			const { messages, tooLong } = packLines(lines, budget);
			if (tooLong.length > 0) continue;
			expect(messages.flat()).toEqual(lines.map((_, i) => i));
			messages.forEach((message, k) => {
				const size = budget.emptySize(k) + message.reduce((sum, i) => sum + budget.lineSize(lines[i]), 0);
				expect(size).toBeLessThanOrEqual(budget.limit);
			});
			expect(messages.length).toBe(fewestMessages(lines, budget));
		}
	});
});

describe('jsonStringBytes', () => {
	it('is the size a string takes inside a JSON body, escapes included', () => {
		expect(jsonStringBytes('abc')).toBe(3);
		expect(jsonStringBytes('a"b\\c')).toBe(7);
		expect(jsonStringBytes('a\nb')).toBe(4);
		expect(jsonStringBytes('\u0001')).toBe(6);
		expect(jsonStringBytes('缺货')).toBe(6);
	});

	it('adds up over joined lines (each character is escaped on its own)', () => {
		const lines = ['补货 "SKU-1"', 'tab\there', 'back\\slash', '📦 emoji'];
		const joined = jsonStringBytes(lines.join('\n'));
		expect(joined).toBe(lines.reduce((sum, l) => sum + jsonStringBytes(l), 0) + 2 * (lines.length - 1));
	});
});
