/**
 * Demo Shop Data's defaults are written once, in its description (n8n fills them in; the
 * library has none): library callers take them through defaultDemoOptions(). These check that
 * they are read from the description, not restated, and that the node reads its parameters the
 * same way.
 */
import { generateOrders } from '../../nodes/lib/demo';
import { demoShopDataProperties } from '../../nodes/DemoShopData/description';
import { defaultDemoOptions, demoOptionsFrom } from '../../nodes/DemoShopData/settings';

/** Sets a parameter's default in the description for the length of `run`. */
function withDescribedDefault(name: string, value: string | number, run: () => void): void {
	const property = demoShopDataProperties.find((p) => p.name === name)!;
	const before = property.default;
	property.default = value;
	try {
		run();
	} finally {
		property.default = before;
	}
}

describe("Demo Shop Data's defaults, from its description", () => {
	it('follow a changed default in the description', () => {
		withDescribedDefault('customers', 123, () => expect(defaultDemoOptions({ endDate: '2026-06-30' }).customers).toBe(123));
		withDescribedDefault('warehouses', 'north-beijing, west-chengdu, east-shanghai', () =>
			expect(defaultDemoOptions({ endDate: '2026-06-30' }).warehouses).toEqual(['north-beijing', 'west-chengdu', 'east-shanghai']),
		);
	});

	it("give way to the caller's own choices", () => {
		expect(defaultDemoOptions({ endDate: '2026-06-30', seed: 7, orders: 5 })).toMatchObject({ seed: 7, orders: 5, endDate: '2026-06-30' });
	});

	it('make a shop the generators accept', () => {
		expect(generateOrders(defaultDemoOptions({ endDate: '2026-06-30', orders: 20 }))).toHaveLength(20);
	});
});

describe('the parameters as generator options', () => {
	const reader = (endDate: string) => {
		const parameters: Record<string, unknown> = { seed: 1, customers: 10, orders: 20, skus: 3, warehouses: ' a ,b', days: 30, endDate };
		return <T>(name: string) => parameters[name] as T;
	};

	it('date an empty Last Day today in Shanghai (UTC+8)', () => {
		// 2026-06-30T18:00Z is 2026-07-01 02:00 in Shanghai.
		expect(demoOptionsFrom(reader(''), Date.UTC(2026, 5, 30, 18)).endDate).toBe('2026-07-01');
	});

	it('keep only the day of a picked date and split the warehouses', () => {
		expect(demoOptionsFrom(reader('2026-03-05T00:00:00'), 0)).toEqual({ seed: 1, customers: 10, orders: 20, skus: 3, warehouses: ['a', 'b'], days: 30, endDate: '2026-03-05' });
	});
});
