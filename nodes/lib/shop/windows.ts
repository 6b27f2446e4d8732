/**
 * Time windows for reading a platform's order feed. Platforms cap how wide one query may be
 * (Pinduoduo 30 minutes, Taobao one day, Youzan three months), so a long range is read as
 * consecutive half-open windows [start, end) that tile it exactly: no instant is read twice
 * or skipped, whatever the platform's cap.
 */
export interface TimeWindow {
	/** Epoch ms, inclusive. */
	start: number;
	/** Epoch ms, exclusive. */
	end: number;
}

export class InvalidWindowError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidWindowError';
	}
}

/**
 * Splits [start, end) into windows of at most `maxSpanMs`, oldest first. The last window is
 * the remainder; an empty range gives no window.
 */
export function splitIntoWindows(range: TimeWindow, maxSpanMs: number): TimeWindow[] {
	if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) {
		throw new InvalidWindowError('The time range needs a start and an end');
	}
	if (range.end < range.start) {
		throw new InvalidWindowError(
			`The time range ends (${new Date(range.end).toISOString()}) before it starts (${new Date(range.start).toISOString()})`,
		);
	}
	if (!(maxSpanMs > 0)) throw new InvalidWindowError('A window must be longer than 0 ms');
	const windows: TimeWindow[] = [];
	for (let start = range.start; start < range.end; start += maxSpanMs) {
		windows.push({ start, end: Math.min(start + maxSpanMs, range.end) });
	}
	return windows;
}

/** Whole seconds of an instant, rounded down (platforms that take Unix seconds). */
export function toUnixSeconds(epochMs: number): number {
	return Math.floor(epochMs / 1000);
}
