/**
 * The demo catalog (nodes/lib/demo/catalog.ts): SKU codes, bilingual names, shop price
 * points, margins, and new products launched late in the window.
 */
import { generateSkus } from '../../../nodes/lib/demo';
import { SHOP, WINDOW_START } from './shop';

describe('generateSkus', () => {
	const skus = generateSkus(SHOP);

	it('numbers the SKUs SKU-0001 … and names each one in Chinese and English, uniquely', () => {
		expect(skus.map((s) => s.sku)).toEqual(Array.from({ length: 40 }, (_, i) => `SKU-${String(i + 1).padStart(4, '0')}`));
		expect(new Set(skus.map((s) => s.name)).size).toBe(40);
		for (const s of skus) {
			expect(s.name).toBe(`${s.nameZh} ${s.nameEn}`);
			expect(s.nameZh).toMatch(/[\u4e00-\u9fff]/);
			expect(s.nameEn).toMatch(/^[A-Z]/);
		}
	});

	it('keeps names unique for a large catalog (400 SKUs)', () => {
		expect(new Set(generateSkus({ ...SHOP, skus: 400 }).map((s) => s.name)).size).toBe(400);
	});

	it('prices at shop price points (…9 or …9.9) with cost below price', () => {
		for (const s of skus) {
			expect(String(s.listPrice)).toMatch(/9(\.9)?$/);
			expect(s.unitCost).toBeGreaterThan(0);
			expect(s.unitCost).toBeLessThan(0.65 * s.listPrice);
		}
	});

	it('launches about a tenth of the SKUs late in the window, the highest numbers last', () => {
		const late = skus.filter((s) => s.launchDate > WINDOW_START);
		expect(late.map((s) => s.sku)).toEqual(['SKU-0037', 'SKU-0038', 'SKU-0039', 'SKU-0040']);
		const launchDates = late.map((s) => s.launchDate);
		expect(launchDates).toEqual([...launchDates].sort());
		expect(launchDates[0] >= '2025-07-01').toBe(true);
		expect(launchDates[launchDates.length - 1] <= SHOP.endDate).toBe(true);
	});

	it('keeps the one SKU of a one-SKU shop on sale all window', () => {
		expect(generateSkus({ ...SHOP, skus: 1 })[0].launchDate).toBe(WINDOW_START);
	});
});
