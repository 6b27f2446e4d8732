/**
 * Daily sales as one record per position with its days as a list (PositionSales, nodes/lib/model):
 * how the Reorder Alert tells the two shapes apart (salesInputParser) and reads a list into its
 * sales store (createSalesDaysReader). A list's days are checked exactly as rows are, and a
 * bad day is named by its place in the list (`days[3].units`).
 */
import {
	createSalesDaysReader,
	createSalesStore,
	dailySalesInputSchema,
	evaluateReorder,
	positionSalesInputSchema,
	salesDayInputSchema,
	salesInputParser,
	SALES_INPUT_FIELDS,
	type PositionSalesInput,
} from '../../../nodes/lib/inventory';
import { createFieldReader, issueFromZod, type DailySales, type InventoryPosition } from '../../../nodes/lib/model';
import { withNodeDefaults } from './referenceData';

/** The run's clock: dates up to 2026-03-31 are within the horizon (one day ahead). */
const NOW = Date.UTC(2026, 2, 30, 12);

const position = (sku: string, warehouse: string): InventoryPosition => ({
	sku,
	warehouse,
	onHand: 20,
	onOrder: 0,
	reserved: 0,
	leadTimeDays: 3,
	leadTimeStdDays: 0,
	moq: 0,
	packSize: 1,
	unitCost: 2.5,
});
const list = (sku: string, warehouse: string, days: unknown[]): PositionSalesInput => ({ sku, warehouse, days });

function setUp(mapping = {}, positions = [position('TEE-01', 'SH')], capacity = 100) {
	const store = createSalesStore(positions, capacity);
	return { store, reader: createSalesDaysReader(store, mapping, NOW) };
}

describe('telling the two shapes of a Daily Sales item apart', () => {
	const read = createFieldReader(SALES_INPUT_FIELDS);
	const parse = (json: Record<string, unknown>) => salesInputParser.safeParse(read(json));

	it('an item with a days list is a position; one without (or with days left blank) is a row', () => {
		const days = [{ date: '2026-03-01', units: 4 }];
		expect(parse({ sku: 'TEE-01', warehouse: 'SH', days })).toEqual({ success: true, data: { sku: 'TEE-01', warehouse: 'SH', days } });
		const row = { date: '2026-03-01', sku: 'TEE-01', warehouse: 'SH', units: 4, inStock: true };
		for (const blank of [undefined, null, '', '  ']) {
			const parsed = parse({ ...row, days: blank });
			expect(parsed.success).toBe(true);
			expect(parsed.data).toMatchObject(row);
		}
	});

	it('a position reads its sku and warehouse as a row does: numbers as text, spaces trimmed', () => {
		expect(parse({ sku: 10023, warehouse: ' SH ', days: [] }).data).toEqual({ sku: '10023', warehouse: 'SH', days: [] });
	});

	it.each([
		['a text', 'Mon 4, Tue 7', 'a list of days, e.g. [{ "date": "2026-03-01", "units": 12, "inStock": true }]'],
		['an object', { '2026-03-01': 4 }, 'a list of days'],
		['a number', 4, 'a list of days'],
	])('days as %s is refused, saying a list is expected', (_, days, expected) => {
		const record = read({ sku: 'TEE-01', warehouse: 'SH', days });
		const parsed = salesInputParser.safeParse(record);
		expect(parsed.success).toBe(false);
		const issue = issueFromZod(parsed.error!, 5, record, (field) => field);
		expect(issue).toMatchObject({ itemIndex: 5, field: 'days', value: days });
		expect(issue.expected.startsWith(expected)).toBe(true);
	});

	it('a position without a SKU is refused as a row without one is', () => {
		const record = read({ warehouse: 'SH', days: [] });
		const parsed = salesInputParser.safeParse(record);
		const rowParsed = dailySalesInputSchema.safeParse({ date: '2026-03-01', warehouse: 'SH', units: 1 });
		expect(parsed.error!.issues[0]).toEqual(rowParsed.error!.issues[0]);
		expect(positionSalesInputSchema.safeParse(record).success).toBe(false);
	});
});

describe('reading a position\'s days into the sales store', () => {
	it('stores each day as the row it stands for, in list order, with inStock true when left out', () => {
		const { store, reader } = setUp();
		const issue = reader.read(
			list('TEE-01', 'SH', [
				{ date: '2026-03-02', units: 4, inStock: true },
				{ date: '2026-03-01', units: 0, inStock: false },
				{ date: '2026-03-03', units: 7 },
			]),
			0,
		);
		expect(issue).toBeUndefined();
		expect(store.rowsOf('TEE-01', 'SH')).toEqual([
			{ date: '2026-03-02', sku: 'TEE-01', warehouse: 'SH', units: 4, inStock: true },
			{ date: '2026-03-01', sku: 'TEE-01', warehouse: 'SH', units: 0, inStock: false },
			{ date: '2026-03-03', sku: 'TEE-01', warehouse: 'SH', units: 7, inStock: true },
		]);
		expect(reader.latestDate).toBe('2026-03-03');
	});

	it('reads what a row may hold: units as text, flags as "false" / 0, a date with spaces around it', () => {
		const { store, reader } = setUp();
		expect(
			reader.read(
				list('TEE-01', 'SH', [
					{ date: ' 2026-03-01 ', units: '12', inStock: 'false' },
					{ date: '2026-03-02', units: 3, inStock: 0 },
					{ date: '2026-03-03', units: 5, inStock: '' },
				]),
				0,
			),
		).toBeUndefined();
		expect(store.rowsOf('TEE-01', 'SH').map((r) => [r.date, r.units, r.inStock])).toEqual([
			['2026-03-01', 12, false],
			['2026-03-02', 3, false],
			['2026-03-03', 5, true],
		]);
	});

	it('keeps two entries of one date, as it keeps two rows of one date (they add up in the demand)', () => {
		const { store, reader } = setUp();
		reader.read(list('TEE-01', 'SH', [{ date: '2026-03-01', units: 4 }, { date: '2026-03-01', units: 6 }]), 0);
		expect(store.rowsOf('TEE-01', 'SH').map((r) => r.units)).toEqual([4, 6]);
	});

	it('checks the days of a position the stock data lacks, but keeps none of them', () => {
		const { store, reader } = setUp();
		expect(reader.read(list('OTHER', 'SH', [{ date: '2026-03-05', units: 1 }]), 0)).toBeUndefined();
		expect(store.size).toBe(0);
		// Its dates still count for As-Of = Latest Sales Date, as rows of other positions do.
		expect(reader.latestDate).toBe('2026-03-05');
		expect(reader.read(list('OTHER', 'SH', [{ date: '2026-03-05', units: -1 }]), 1)).toMatchObject({ field: 'days[0].units' });
	});

	it('reads the days list and the fields of each day under the user\'s field mapping', () => {
		const mapping = { days: 'history', date: 'day', units: 'sold.qty', inStock: 'available' };
		const { store, reader } = setUp(mapping);
		expect(
			reader.read(list('TEE-01', 'SH', [{ day: '2026-03-01', sold: { qty: 3 }, available: false }, { day: '2026-03-02', sold: { qty: 5 } }]), 0),
		).toBeUndefined();
		expect(store.rowsOf('TEE-01', 'SH').map((r) => [r.date, r.units, r.inStock])).toEqual([
			['2026-03-01', 3, false],
			['2026-03-02', 5, true],
		]);
		expect(reader.read(list('TEE-01', 'SH', [{ day: '2026-03-03', sold: { qty: 1.5 } }]), 4)).toEqual({
			itemIndex: 4,
			field: 'history[0].sold.qty',
			value: 1.5,
			expected: 'a whole number of units ≥ 0',
		});
	});

	const good = { date: '2026-03-01', units: 4, inStock: true };
	const bad: Array<[string, unknown, string, unknown, RegExp]> = [
		['a day that is not an object', 7, 'days[3]', 7, /^a day, e\.g\. \{ "date": "2026-03-01", "units": 12, "inStock": true \}$/],
		['a day that is a list', ['2026-03-01', 4], 'days[3]', ['2026-03-01', 4], /^a day/],
		['a day-first date', { ...good, date: '31/03/2026' }, 'days[3].date', '31/03/2026', /^a calendar date YYYY-MM-DD/],
		['a date that does not exist', { ...good, date: '2026-02-30' }, 'days[3].date', '2026-02-30', /^a calendar date YYYY-MM-DD/],
		['a missing date', { units: 4 }, 'days[3].date', undefined, /^a calendar date YYYY-MM-DD/],
		['a date before 2000', { ...good, date: '1999-12-31' }, 'days[3].date', '1999-12-31', /2000-01-01/],
		['a date after tomorrow', { ...good, date: '2026-04-01' }, 'days[3].date', '2026-04-01', /2026-03-31/],
		['negative units', { ...good, units: -1 }, 'days[3].units', -1, /^a whole number of units ≥ 0$/],
		['missing units', { date: '2026-03-01' }, 'days[3].units', undefined, /^a whole number of units/],
		['an in-stock flag that is not true/false', { ...good, inStock: 'maybe' }, 'days[3].inStock', 'maybe', /^true or false/],
	];
	it.each(bad)('refuses the item for %s, naming the day and its field, and keeps none of its days', (_, day, field, value, expected) => {
		const { store, reader } = setUp();
		reader.read(list('TEE-01', 'SH', [{ ...good, date: '2026-02-01' }]), 0);
		const days = [
			{ ...good, date: '2026-03-28' },
			{ ...good, date: '2026-03-29' },
			{ ...good, date: '2026-03-30' },
			day,
		];
		const issue = reader.read(list('TEE-01', 'SH', days), 1);
		expect(issue).toMatchObject({ itemIndex: 1, field, value });
		expect(issue!.expected).toMatch(expected);
		expect(store.rowsOf('TEE-01', 'SH').map((r) => r.date)).toEqual(['2026-02-01']);
		expect(reader.latestDate).toBe('2026-02-01');
	});

	it('accepts exactly the days the row schema accepts, with the same values (random days)', () => {
		// Deterministic xorshift32, so a failure can be replayed.
		let x = 20261203;
		const rand = () => {
			x ^= x << 13;
			x ^= x >>> 17;
			x ^= x << 5;
			return (x >>> 0) / 4294967296;
		};
		const pick = <T,>(values: readonly T[]): T => values[Math.floor(rand() * values.length)];
		const NUMBERS = [0, 1, 7, -3, 2.5, '12', ' 4 ', '3.5', '', 'x', null, undefined, NaN, Infinity, true, [1]];
		const DATES = ['2026-03-01', '2024-02-29', '2026-02-29', ' 2026-03-01', '2026-3-1', '', 20260301, null, undefined];
		const FLAGS = [true, false, 'true', 'FALSE', 'yes', '1', '0', 1, 0, 2, '', null, undefined, 'maybe'];
		for (let i = 0; i < 2000; i++) {
			const day = { date: pick(DATES), units: pick(NUMBERS), inStock: pick(FLAGS) };
			const { store, reader } = setUp();
			const issue = reader.read(list('TEE-01', 'SH', [day]), 0);
			const expected = salesDayInputSchema.safeParse(day);
			expect({ day, accepted: issue === undefined }).toEqual({ day, accepted: expected.success });
			if (expected.success) expect(store.rowsOf('TEE-01', 'SH')).toEqual([{ ...expected.data, sku: 'TEE-01', warehouse: 'SH' }]);
			else expect(issue!.expected).toBe(expected.error.issues[0].message);
		}
	});
});

describe('one shape or the other, the same evaluation', () => {
	it('positions read as lists give the results the same days give as rows', () => {
		const positions = [position('TEE-01', 'SH'), position('TEE-01', 'BJ'), position('CAP-02', 'SH')];
		const rows: DailySales[] = [];
		for (const { sku, warehouse } of positions) {
			for (let d = 1; d <= 28; d++) {
				rows.push({ date: `2026-03-${String(d).padStart(2, '0')}`, sku, warehouse, units: (d * 7 + sku.length) % 11, inStock: d % 9 !== 0 });
			}
		}
		const { store, reader } = setUp({}, positions, rows.length);
		for (const [i, { sku, warehouse }] of positions.entries()) {
			const days = rows.filter((r) => r.sku === sku && r.warehouse === warehouse).map(({ date, units, inStock }) => ({ date, units, inStock }));
			expect(reader.read(list(sku, warehouse, days), i)).toBeUndefined();
		}
		const options = withNodeDefaults({ asOf: '2026-03-28' });
		expect(evaluateReorder(positions, store, options)).toEqual(evaluateReorder(positions, rows, options));
	});
});
