/**
 * Order-list parameters and window planning (order.getOrderList spec: timeType 2 window ≤ 30 min,
 * pageNo from 1 and ≤ 100, pageSize ≤ 100) and stock numbers (inventory.syncSkuStock: qty is the
 * TOTAL stock; specs copied in AndersonBY/xiaohongshu-ecommerce-python-sdk `docs/小红书官方文档/api/`).
 */
import { splitIntoWindows } from '../../../../nodes/lib/shop';
import {
	catalogEntries,
	figuresOf,
	findCatalogEntry,
	halves,
	orderListParams,
	syncQtyFor,
	XHS_MAX_ORDERS_PER_WINDOW,
	XHS_UPDATE_WINDOW_MS,
	xhsStockLevels,
	type XhsCatalogEntry,
} from '../../../../nodes/lib/shop/platforms/xiaohongshu';

describe('order.getOrderList parameters', () => {
	it('page index 0 is pageNo 1; times are whole Unix seconds; update time; 100 a page', () => {
		const window = { start: Date.UTC(2025, 11, 2, 2, 0, 0), end: Date.UTC(2025, 11, 2, 2, 30, 0) };
		expect(orderListParams(window, 0)).toEqual({ startTime: 1_764_640_800, endTime: 1_764_642_600, timeType: 2, pageNo: 1, pageSize: 100 });
		expect(orderListParams(window, 99).pageNo).toBe(100);
	});

	it('a day splits into 48 windows of exactly 30 minutes, each 1800 s wide as sent, meeting end to start', () => {
		const start = Date.UTC(2025, 11, 2, 0, 0, 0, 400); // a start with milliseconds
		const windows = splitIntoWindows({ start, end: start + 86_400_000 }, XHS_UPDATE_WINDOW_MS);
		expect(windows).toHaveLength(48);
		const sent = windows.map((w) => orderListParams(w, 0));
		for (const params of sent) expect(params.endTime - params.startTime).toBe(1800);
		for (let i = 1; i < sent.length; i++) expect(sent[i].startTime).toBe(sent[i - 1].endTime);
	});

	it('an order updated exactly on a boundary second is inside both windows that meet there (read twice, merged by orderId)', () => {
		const boundary = Date.UTC(2025, 11, 2, 2, 30, 0);
		const before = orderListParams({ start: boundary - XHS_UPDATE_WINDOW_MS, end: boundary }, 0);
		const after = orderListParams({ start: boundary, end: boundary + XHS_UPDATE_WINDOW_MS }, 0);
		const second = boundary / 1000;
		expect(second >= before.startTime && second <= before.endTime).toBe(true);
		expect(second >= after.startTime && second <= after.endTime).toBe(true);
	});

	it('a window past 100 pages of 100 is halved on whole seconds; one second cannot be halved', () => {
		expect(XHS_MAX_ORDERS_PER_WINDOW).toBe(10_000);
		const window = { start: 1_000_000_000_000, end: 1_000_000_000_000 + XHS_UPDATE_WINDOW_MS };
		expect(halves(window)).toEqual([
			{ start: window.start, end: window.start + 900_000 },
			{ start: window.start + 900_000, end: window.end },
		]);
		expect(halves({ start: 5_000, end: 6_999 })).toBeUndefined();
		expect(halves({ start: 5_000, end: 8_000 })).toEqual([
			{ start: 5_000, end: 6_000 },
			{ start: 6_000, end: 8_000 },
		]);
	});
});

describe('stock', () => {
	const catalog: XhsCatalogEntry[] = catalogEntries({
		data: [
			{ item: { id: 'i1', enableMultiWarehouse: false }, sku: { id: '66ee733f265f590001ee873d', itemId: 'i1', erpCode: 'TEE-W-M' } },
			{ item: { id: 'i2', enableMultiWarehouse: true }, sku: { id: '670517bc29b37600015127d1', itemId: 'i2', erpCode: 'CAP-B' } },
			{ item: { id: 'i3' }, sku: { id: '670517bc29b37600015127ff', itemId: 'i3', erpCode: '' } },
		],
		total: 3,
	});

	it('the catalog names a SKU by its 商家编码, else by its skuId; either finds it', () => {
		expect(catalog.map((e) => [e.sku, e.multiWarehouse])).toEqual([
			['TEE-W-M', false],
			['CAP-B', true],
			['670517bc29b37600015127ff', false],
		]);
		expect(findCatalogEntry(catalog, 'CAP-B')?.skuId).toBe('670517bc29b37600015127d1');
		expect(findCatalogEntry(catalog, '66ee733f265f590001ee873d')?.sku).toBe('TEE-W-M');
		expect(findCatalogEntry(catalog, 'NOPE')).toBeUndefined();
	});

	// The spec's own getSkuStock example answer (available 25, total 100, occupied 35, channel 15, activity 10).
	const specExample = {
		skuId: '66ee733f265f590001ee873d',
		skuStock: { available: 25, standalone: 0, reserved: 0, total: 100, occupiedQuantity: 35, productChannelQuantity: 15, activityChannelQuantity: 10 },
		skuStockInfoWithWhcode: [
			{ skuId: '66ee733f265f590001ee873d', whcode: 'CPartner', skuStock: { available: 25, standalone: 0, reserved: 0, total: 100, occupiedQuantity: 35, productChannelQuantity: 15, activityChannelQuantity: 10 } },
		],
	};

	it('levels: sellable (available) on hand, unpaid-order holds reserved, per warehouse code', () => {
		expect(xhsStockLevels(specExample, catalog[0])).toEqual([
			{ sku: 'TEE-W-M', warehouse: 'CPartner', onHand: 25, reserved: 35, onOrder: 0, platformRef: { skuId: '66ee733f265f590001ee873d', itemId: 'i1', whcode: 'CPartner' } },
		]);
		expect(xhsStockLevels(specExample, catalog[0], 'default').map((l) => l.warehouse)).toEqual(['CPartner']);
		expect(xhsStockLevels(specExample, catalog[0], 'WH-GZ')).toEqual([]);
		expect(xhsStockLevels({ skuStock: { available: 4, total: 4 } }, catalog[0]).map((l) => [l.warehouse, l.onHand])).toEqual([['default', 4]]);
	});

	it('to make sellable 40 out of the example (total 100, sellable 25), syncSkuStock gets total 115: the other 75 stay where they are', () => {
		expect(syncQtyFor(figuresOf(specExample, '')!, 40)).toBe(115);
		expect(syncQtyFor(figuresOf(specExample, 'CPartner')!, 0)).toBe(75);
		expect(syncQtyFor({ available: 7 }, 10)).toBe(10);
	});
});
