/**
 * Packing lines into as few messages as a size limit allows, splitting only between lines (pure).
 *
 * Greedy in input order: each message takes lines until the next one would not fit. For an
 * ordered list cut into consecutive runs, taking the longest run that fits at every step gives
 * the fewest runs (each greedy cut is at or after the matching cut of any other valid split,
 * by induction), as long as a message's capacity does not depend on which lines came before it.
 * That holds here: only the first message may be smaller (it carries the @mentions).
 */
export interface PackBudget {
	/** Largest size a message may have, in the budget's unit (bytes of content or of the request body). */
	limit: number;
	/** Size of message number `messageIndex` (0-based) before any line is added: skeleton, header, mentions. */
	emptySize(messageIndex: number): number;
	/** Size one more line adds to a message, its separator included. */
	lineSize(line: string): number;
}

export interface PackResult {
	/** For each message, the indexes of the lines it carries, in input order. */
	messages: number[][];
	/** Lines too long to fit even alone in a message (left out of `messages`). */
	tooLong: number[];
}

export function packLines(lines: readonly string[], budget: PackBudget): PackResult {
	const messages: number[][] = [];
	const tooLong: number[] = [];
	let current: number[] = [];
	let size = budget.emptySize(0);
	for (let i = 0; i < lines.length; i++) {
		const added = budget.lineSize(lines[i]);
		if (size + added <= budget.limit) {
			current.push(i);
			size += added;
			continue;
		}
		// Does it fit alone in the next message? If not, it fits nowhere: report it, keep packing.
		const nextIndex = messages.length + (current.length > 0 ? 1 : 0);
		if (budget.emptySize(nextIndex) + added > budget.limit) {
			tooLong.push(i);
			continue;
		}
		if (current.length > 0) messages.push(current);
		current = [i];
		size = budget.emptySize(messages.length) + added;
	}
	if (current.length > 0) messages.push(current);
	return { messages, tooLong };
}

/** UTF-8 length of a string, as the platforms count it. */
export function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/**
 * Bytes a string takes inside a JSON request body (without its quotes). JSON.stringify escapes
 * each character independently, so the escaped length of joined lines is the sum of theirs.
 */
export function jsonStringBytes(text: string): number {
	return utf8Bytes(JSON.stringify(text)) - 2;
}

/** Bytes of a request body as it goes on the wire (axios sends JSON.stringify of the object). */
export function jsonBodyBytes(body: unknown): number {
	return utf8Bytes(JSON.stringify(body));
}
