/**
 * "Skip messages already sent" (pure): a log of dedup keys with the time each was accepted by
 * the platform, kept in the node's workflow static data by the node glue.
 *
 * A key stands for one input line (one item's text): the SHA-256 of the line, or the value of a
 * field the user picks (an alert id, "sku|warehouse|status", …). Lines, not packed messages,
 * carry the keys because the packing of a list shifts when one line is added, while the lines
 * themselves stay the same. A key is written only after the message carrying its line was
 * accepted, so a run that fails half-way leaves the unsent lines to the next run.
 */
import { createHash } from 'node:crypto';

export type SentLog = Record<string, number>;

export function lineKey(line: string): string {
	return `h:${createHash('sha256').update(line, 'utf8').digest('hex').slice(0, 32)}`;
}

export function fieldKey(value: unknown): string {
	const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
	return `k:${text}`;
}

/** Keys still within their time to live (older ones are forgotten, so the line can alert again). */
export function pruneSentLog(log: SentLog | undefined, now: number, ttlMs: number): SentLog {
	const kept: SentLog = {};
	for (const [key, sentAt] of Object.entries(log ?? {})) {
		if (typeof sentAt === 'number' && sentAt > now - ttlMs && sentAt <= now + ttlMs) kept[key] = sentAt;
	}
	return kept;
}
