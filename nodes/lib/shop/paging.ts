/**
 * Reading one update-time window of an offset-paged order list (page 0, 1, 2 … sorted by
 * update time, ascending) without losing an order that changes while it is being read.
 *
 * The window ends in the past (settled), so an order updated during the read gets an update
 * time after the window and drops out of it; every order behind it moves one place forward.
 * Read front to back, the order that was first on the next page moves onto the page just
 * read and is skipped. Read back to front (Pinduoduo's and Taobao's documented rule for their
 * incremental feeds: "从最后一页开始往前翻页"), the orders that move forward come from pages
 * already read and land on pages still to be read: some are read twice (merged by orderId),
 * none is skipped. The first page is read first only to learn the total, so it is read again
 * at the end.
 */
export interface Page<T> {
	items: T[];
	/** Orders in the window, as the platform counts them now. */
	total: number;
}

export async function readPagesBackwards<T>(
	fetchPage: (pageIndex: number) => Promise<Page<T>>,
	pageSize: number,
): Promise<T[]> {
	const first = await fetchPage(0);
	const lastPage = Math.max(0, Math.ceil(first.total / pageSize) - 1);
	if (lastPage === 0) return first.items;
	const items: T[] = [];
	for (let page = lastPage; page >= 1; page--) items.push(...(await fetchPage(page)).items);
	items.push(...(await fetchPage(0)).items);
	return items;
}
