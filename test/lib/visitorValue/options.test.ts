/**
 * Visitor Value's settings (nodes/lib/visitorValue/options.ts): the values of the node's
 * parameters in, computeVisitorValue's options out; a bad budget table is a UserInputError
 * worded as the node shows it.
 */
import { UserInputError } from '../../../nodes/lib/errors';
import { parseVisitorValueOptions, type VisitorValueOptionsInput } from '../../../nodes/lib/visitorValue';

const parameters = (change: Partial<VisitorValueOptionsInput> = {}): VisitorValueOptionsInput => ({
	timeZone: 'Asia/Shanghai',
	endDate: '',
	windowDays: 30,
	countedStatuses: ['paid', 'completed'],
	repeatScope: 'group',
	currentBudget: '',
	shiftStepPercent: 20,
	...change,
});

describe('Visitor Value settings', () => {
	it('the node\'s defaults: a 30-day window up to the latest traffic day, a 20 % step, visitor shares for the budget', () => {
		expect(parseVisitorValueOptions(parameters())).toEqual({
			timeZone: 'Asia/Shanghai',
			endDate: undefined,
			windowDays: 30,
			countedStatuses: ['paid', 'completed'],
			repeatScope: 'group',
			currentBudget: undefined,
			shiftStep: 0.2,
		});
	});

	it('the end date is the day of a date-time; the window is whole days ≥ 0', () => {
		const settings = parseVisitorValueOptions(parameters({ endDate: '2026-06-30T00:00:00+08:00', windowDays: 7.9 }));
		expect(settings).toMatchObject({ endDate: '2026-06-30', windowDays: 7 });
		expect(parseVisitorValueOptions(parameters({ windowDays: -3 })).windowDays).toBe(0);
		expect(parseVisitorValueOptions(parameters({ windowDays: null })).windowDays).toBe(0);
	});

	it('the current budget is a table of channel=amount', () => {
		expect(parseVisitorValueOptions(parameters({ currentBudget: 'live=5000, short_video = 3000' })).currentBudget).toEqual({
			live: 5000,
			short_video: 3000,
		});
	});

	it('a budget part that is not channel=amount names the part and says how to write it', () => {
		let error: unknown;
		try {
			parseVisitorValueOptions(parameters({ currentBudget: 'live=5000, search: 200' }));
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(UserInputError);
		expect((error as UserInputError).message).toBe('Current Budget per Channel: "search: 200" is not channel=amount');
		expect((error as UserInputError).hint).toBe('Write one amount per channel, separated by commas, e.g. live=5000, short_video=3000.');
	});

	it('the shift step in percent becomes a fraction (its range is checked by the calculation)', () => {
		expect(parseVisitorValueOptions(parameters({ shiftStepPercent: 150 })).shiftStep).toBe(1.5);
	});
});
