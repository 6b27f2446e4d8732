/**
 * From a list of lines to the exact request bodies a bot sends (pure).
 *
 * Each message reads
 *   header (k/n)      ← the header line, on every message, numbered when there is more than one
 *   line …            ← as many whole lines as fit
 *   @mentions         ← first message only (where the platform writes them into the text)
 * and is measured the way its platform counts: WeCom limits the content's UTF-8 bytes, DingTalk
 * and Feishu the whole JSON body (escapes included, plus Feishu's signature fields).
 */
import { jsonBodyBytes, jsonStringBytes, packLines, utf8Bytes, type PackBudget } from './packing';
import { hasMentions, type ChatPlatform, type Mentions, type MessageFormat } from './platforms';

export interface ComposeOptions {
	format: MessageFormat;
	/** First line of every message ('' for none); also the DingTalk markdown title. */
	header: string;
	mentions: Mentions;
	/** Override of the platform's size limit (only ever smaller). */
	limit?: number;
}

export interface ComposedMessage {
	/** Indexes (into the input lines) of the lines this message carries. */
	lines: number[];
	payload: Record<string, unknown>;
	/** Size in the platform's unit, and the limit it was packed against. */
	size: number;
	limit: number;
}

export interface ComposeResult {
	messages: ComposedMessage[];
	/** Lines that do not fit in a message even alone. */
	tooLong: number[];
}

export const DEFAULT_TITLE = 'Notification 通知';

export function limitFor(platform: ChatPlatform, format: MessageFormat, requested?: number): number {
	const documented = platform.limits[format];
	if (requested === undefined || !Number.isFinite(requested) || requested <= 0) return documented;
	return Math.min(documented, Math.floor(requested));
}

function joinContent(header: string, lines: readonly string[], mentionLine: string): string {
	return [header, ...lines, mentionLine].filter((part) => part !== '').join('\n');
}

function numberedHeader(header: string, index: number, count: number): string {
	return header !== '' && count > 1 ? `${header} (${index + 1}/${count})` : header;
}

export function composeMessages(platform: ChatPlatform, lines: readonly string[], options: ComposeOptions): ComposeResult {
	const { format, header, mentions } = options;
	const limit = limitFor(platform, format, options.limit);
	const notify = hasMentions(mentions) ? mentions : undefined;
	const mentionLine = notify ? platform.mentionLine(format, notify) : '';

	const build = (headerText: string, messageLines: readonly string[], first: boolean) => {
		const content = joinContent(headerText, messageLines, first ? mentionLine : '');
		const payload = platform.buildPayload({
			format,
			title: headerText || DEFAULT_TITLE,
			content,
			mentions: first ? notify : undefined,
		});
		const size =
			platform.sizeUnit === 'contentBytes'
				? utf8Bytes(content)
				: jsonBodyBytes(payload) + platform.signatureReserveBytes;
		return { payload, size };
	};

	// Room for the widest " (k/n)" the header can get: at most one message per line.
	const digits = String(Math.max(1, lines.length)).length;
	const widestHeader = numberedHeader(header, 10 ** digits - 2, 10 ** digits - 1);
	const budget: PackBudget = {
		limit,
		emptySize: (messageIndex) => build(widestHeader, [], messageIndex === 0).size,
		// Each line adds itself and one "\n" (counted even for the first line: a byte of slack).
		lineSize: (line) => (platform.sizeUnit === 'contentBytes' ? utf8Bytes(line) + 1 : jsonStringBytes(line) + 2),
	};
	const emptySizes = new Map<number, number>();
	const cachedBudget: PackBudget = {
		...budget,
		emptySize: (i) => {
			const key = i === 0 ? 0 : 1;
			if (!emptySizes.has(key)) emptySizes.set(key, budget.emptySize(i));
			return emptySizes.get(key)!;
		},
	};

	const packed = packLines(lines, cachedBudget);
	const count = packed.messages.length;
	const messages = packed.messages.map((indexes, k) => {
		const { payload, size } = build(
			numberedHeader(header, k, count),
			indexes.map((i) => lines[i]),
			k === 0,
		);
		if (size > limit) {
			// The budget above over-counts, so this means a bug, not bad input.
			throw new RangeError(`message ${k + 1} came out at ${size} bytes, over the ${limit}-byte limit`);
		}
		return { lines: indexes, payload, size, limit };
	});
	return { messages, tooLong: packed.tooLong };
}
