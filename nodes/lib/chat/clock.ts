/**
 * The clock the chat bots wait on. Rate waits are real (seconds to minutes); tests swap in a
 * virtual clock through `setChatClock` so a 20-message burst does not take a minute of wall
 * time. The hook is a module export, not a node parameter, so it never shows in the editor and
 * does not depend on environment variables.
 */
export interface ChatClock {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Resolves after `ms` milliseconds (on this clock). */
	sleep(ms: number): Promise<void>;
}

export const systemClock: ChatClock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

let current: ChatClock = systemClock;

export function chatClock(): ChatClock {
	return current;
}

/** Test hook: replace the clock (returns the previous one). */
export function setChatClock(clock: ChatClock): ChatClock {
	const previous = current;
	current = clock;
	return previous;
}

export function resetChatClock(): void {
	current = systemClock;
}
