/**
 * The demo shop the tests look at: the node's defaults (2,000 customers, 10,000 orders,
 * 40 SKUs, two warehouses, 365 days) ending on 2025-12-31, so the window holds Chinese New
 * Year (2025-01-29), 618 and Double 11. Each dataset is generated once per test file.
 */
import type { DemoShopOptions } from '../../../nodes/lib/demo';
import { defaultDemoOptions } from '../../../nodes/DemoShopData/settings';

export const SHOP: DemoShopOptions = defaultDemoOptions({ endDate: '2025-12-31' });
export const WINDOW_START = '2025-01-01';

/** Memoizes a dataset for the options above. */
export function once<T>(make: () => T): () => T {
	let value: T | undefined;
	return () => (value ??= make());
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) {
		const k = key(item);
		counts[k] = (counts[k] ?? 0) + 1;
	}
	return counts;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
