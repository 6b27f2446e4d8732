/**
 * Coupon Tier under random scored customers with bad values mixed in: the four properties of
 * test/fuzz/support.ts, and the code secret in no output or error.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { chain, node } from '../../support/n8n';
import { checkNode, fixtureNode, fuzzParameters, FUZZ_RUNS, insertions, mixIn, reportCases, type BadValue, type Drawn, type NodeUnderTest } from '../support';

const CREDENTIAL_VALUE = 'fuzz-secret-5c1f0e9a7b3d2468';

const couponTier = (parameters: IDataObject): NodeUnderTest => ({
	name: 'Coupon Tier',
	mainOutputs: 6,
	inputOf: () => 'items',
	credentials: { couponCodeSecretApi: { secret: CREDENTIAL_VALUE } },
	workflow: (inputs, extra: Partial<INode>) => ({
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			fixtureNode('Customers', inputs.items),
			node(
				'Coupon Tier',
				'couponTier',
				{ campaignId: '2026-07-members', campaignDate: '2026-07-01', ...parameters },
				{ credentials: { couponCodeSecretApi: { id: 'fuzz', name: 'Coupon code secret' } }, ...extra },
			),
		],
		connections: chain('Start', 'Customers', 'Coupon Tier'),
	}),
});

const SEGMENTS = ['champions', 'loyal_customers', 'potential_loyalists', 'at_risk', 'cant_lose', 'about_to_sleep', 'need_attention', 'lost', 'hibernating', 'new_customers', 'promising'];

const goodCustomer = fc.record({
	segment: fc.constantFrom(...SEGMENTS),
	monetaryCents: fc.nat(10_000_000),
	frequency: fc.integer({ min: 1, max: 60 }),
	predictedClv: fc.option(fc.nat(1_000_000).map((c) => c / 100), { nil: undefined }),
	birthday: fc.option(
		fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), year: fc.option(fc.integer({ min: 1940, max: 2008 }), { nil: undefined }) }),
		{ nil: undefined },
	),
	idAsNumber: fc.boolean(),
});

const customers = (drawn: Array<Drawn<typeof goodCustomer>>): IDataObject[] =>
	drawn.map((c, i) => {
		const mmdd = c.birthday && `${String(c.birthday.month).padStart(2, '0')}-${String(c.birthday.day).padStart(2, '0')}`;
		return {
			customerId: c.idAsNumber ? 10_000 + i : `cust-${i}`,
			segment: c.segment,
			monetary: c.monetaryCents / 100,
			frequency: c.frequency,
			...(c.predictedClv !== undefined && { predictedClv: c.predictedClv }),
			...(c.birthday && { birthday: c.birthday.year ? `${c.birthday.year}-${mmdd}` : `--${mmdd}` }),
		};
	});

const badValue: fc.Arbitrary<BadValue> = fc.oneof(
	fc.constantFrom<unknown>({ id: 1 }, ['A'], '', '   ', 'x'.repeat(17_000), true, undefined, null).map((value) => ({ field: 'customerId', value })),
	fc.constantFrom<unknown>('2026-02-30', '--13-01', '--02-30', 'soon', 19900101, {}).map((value) => ({ field: 'birthday', value })),
);

describe('Coupon Tier, property-based (issue 14)', () => {
	it('bad customers reported by index and field; good ones tiered and coded as without them; no secret emitted', async () => {
		const subject = couponTier({ birthdayBenefit: 'days', birthdayDays: 7 });
		const arbitrary = fc.record({ good: fc.array(goodCustomer, { minLength: 1, maxLength: 25 }), bad: insertions(badValue) });
		await fc.assert(
			fc.asyncProperty(arbitrary, async ({ good, bad }) => {
				const goodItems = customers(good);
				// A bad item starts from a good one under a customer id no good item has.
				const mixed = mixIn('items', goodItems, bad.map((b, k) => ({ base: { ...goodItems[b.baseIndex % goodItems.length], customerId: `bad-${k}` }, bad: b.bad, at: b.at })));
				const runs = await checkNode(subject, { items: mixed.items }, { items: goodItems }, mixed.badItems);
				for (const result of runs) expect(JSON.stringify(result.run.data.resultData)).not.toContain(CREDENTIAL_VALUE);
			}),
			fuzzParameters,
		);
		reportCases('Coupon Tier', FUZZ_RUNS, 3);
	});
});
