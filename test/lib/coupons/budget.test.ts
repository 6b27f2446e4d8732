/** Budgets: highest expected value first; who is left out and by which budget. */
import { allocateBudget, comparePriority, type BudgetRequest } from '../../../nodes/lib/coupons';

const request = (customerId: string, tier: string, cost: number, clv?: number, monetary?: number): BudgetRequest => ({
	customerId,
	tier,
	cost,
	priority: [clv, monetary],
});

describe('budget allocation', () => {
	it('funds everyone when there is no limit', () => {
		const { decisions, spent } = allocateBudget([request('A', 'vip', 100), request('B', 'ordinary', 20)], {}, undefined);
		expect(decisions.map((d) => d.funded)).toEqual([true, true]);
		expect(spent).toBe(120);
	});

	it('goes by predictedClv, then monetary, then customer id; missing values last', () => {
		const requests = [
			request('A', 't', 10, 50, 100),
			request('B', 't', 10, 80, 10),
			request('C', 't', 10, 50, 300),
			request('D', 't', 10, undefined, 9999),
			request('E', 't', 10, 50, 300),
		];
		const { decisions } = allocateBudget(requests, { t: 30 }, undefined);
		expect(decisions.map((d) => d.priorityRank)).toEqual([4, 1, 2, 5, 3]);
		expect(decisions.map((d) => d.funded)).toEqual([false, true, true, false, true]);
		expect(decisions[0].reason).toBe('tierBudget');
	});

	it('a tier budget limits only its tier; the campaign budget limits all', () => {
		const requests = [
			request('V1', 'vip', 100, 900),
			request('V2', 'vip', 100, 800),
			request('O1', 'ordinary', 20, 700),
			request('O2', 'ordinary', 20, 10),
			request('O3', 'ordinary', 20, 5),
		];
		const { decisions, spentByTier, spent } = allocateBudget(requests, { vip: 150 }, 150);
		expect(decisions.map((d) => [d.funded, d.reason])).toEqual([
			[true, undefined],
			[false, 'tierBudget'],
			[true, undefined],
			[true, undefined],
			[false, 'campaignBudget'],
		]);
		expect(spentByTier.get('vip')).toBe(100);
		expect(spentByTier.get('ordinary')).toBe(40);
		expect(spent).toBe(140);
	});

	it('a cheaper coupon further down can still fit what is left', () => {
		const { decisions } = allocateBudget(
			[request('big', 'vip', 100, 9), request('bigger', 'vip', 100, 10), request('small', 'ordinary', 20, 1)],
			{},
			130,
		);
		expect(decisions.map((d) => d.funded)).toEqual([false, true, true]);
	});

	it('sums whole cents: ten ¥0.10 coupons fit a ¥1.00 budget exactly', () => {
		const requests = Array.from({ length: 11 }, (_, i) => request(`C${i}`, 't', 0.1, 100 - i));
		const { decisions, spent } = allocateBudget(requests, {}, 1);
		expect(decisions.filter((d) => d.funded)).toHaveLength(10);
		expect(decisions[10]).toMatchObject({ funded: false, reason: 'campaignBudget' });
		expect(spent).toBe(1);
	});

	it('does not depend on the input order', () => {
		const requests = [request('A', 't', 10, 5), request('B', 't', 10, 5), request('C', 't', 10, 7)];
		const forward = allocateBudget(requests, { t: 20 }, undefined).decisions;
		const backward = allocateBudget([...requests].reverse(), { t: 20 }, undefined).decisions.reverse();
		expect(backward).toEqual(forward);
		expect(forward.map((d) => d.funded)).toEqual([true, false, true]);
	});

	it('ranks as comparePriority orders, on 3,000 random requests with ties, gaps and lists of different lengths', () => {
		let x = 7;
		const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
		const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
		const requests: BudgetRequest[] = Array.from({ length: 3000 }, (_, i) => ({
			customerId: pick(['A', 'B', 'b', 'C10', 'C9', '客户']) + String(i % 50),
			tier: 't',
			cost: 1,
			priority: Array.from({ length: pick([0, 1, 2, 2, 3]) }, () => pick([undefined, 0, -0, 1, 2.5, -3, 1e12, Infinity, -Infinity])),
		}));
		const expectedRank = new Map([...requests].sort(comparePriority).map((r, k) => [r, k + 1]));
		const { decisions } = allocateBudget(requests, {}, undefined);
		expect(decisions.map((d) => d.priorityRank)).toEqual(requests.map((r) => expectedRank.get(r)));
	});
});
