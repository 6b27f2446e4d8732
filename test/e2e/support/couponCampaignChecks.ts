/**
 * rfm-coupon-campaign.json in a real n8n: Demo shop orders → Score customers (RFM + CLV) →
 * Coupon Tier → Coupon list → coupons.csv; Review invitations; VIP advisors (WeCom preview);
 * No action; Tier summary; Campaign totals. The tiers, the budget allocation and the chat digest are
 * recomputed here from the items the run shows, not taken from the nodes.
 */
import * as fs from 'fs';
import * as path from 'path';

import { itemsOf, PROJECT_ROOT, type RunJson, type WorkflowJson } from './n8n';

type Item = Record<string, unknown>;
const PACK = 'n8n-nodes-commerce-ops';
const CODE = /^CO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;
const OUTPUT = { coupon: 0, reviewInvite: 1, vipAdvisor: 2, noAction: 3, summary: 4, campaign: 5 } as const;
/** The actions a Coupon Tier customer item lists ("coupon, vipAdvisor"). */
const actionsOf = (item: Item) => String(item.actions).split(', ');
/** Face value of each tier's coupon in the template (VIP 15 % capped at 100, Active 10 off, Ordinary 20 off). */
const FACE_VALUE: Record<string, number> = { vip: 100, active: 10, ordinary: 20 };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function nodeOf(workflow: WorkflowJson, type: string) {
	const node = workflow.nodes.find((n) => n.type === type);
	if (!node) throw new Error(`the template has no ${type} node`);
	return node;
}

/** The secret of the demo credential the template uses (it must never show in a run). */
export function demoCouponSecret(): string {
	const file = path.join(PROJECT_ROOT, 'workflows', 'credentials', 'demo-credentials.json');
	const credentials = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ type: string; data: { secret: string } }>;
	return credentials.find((c) => c.type === 'couponCodeSecretApi')!.data.secret;
}

/** customerId → coupon code of the Coupon output. */
export function couponCodes(run: RunJson, workflow: WorkflowJson): Map<string, string> {
	const tier = nodeOf(workflow, `${PACK}.couponTier`);
	return new Map((itemsOf(run, tier.name, OUTPUT.coupon) ?? []).map((c) => [String(c.customerId), String(c.couponCode)]));
}

/** The value the top N % of customers reach: the k-th highest, k = ⌈N/100 · n⌉. */
function topPercentCut(values: number[], percent: number): number {
	const sorted = [...values].sort((a, b) => b - a);
	return sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length - 1e-9)) - 1];
}

export const couponCampaign = (run: RunJson, workflow: WorkflowJson): void => {
	const demo = nodeOf(workflow, `${PACK}.demoShopData`);
	const rfm = nodeOf(workflow, `${PACK}.rfmSegment`);
	const tierNode = nodeOf(workflow, `${PACK}.couponTier`);
	const bot = nodeOf(workflow, `${PACK}.weComBot`);
	expect(demo.parameters.dataset).toBe('orders');
	expect(rfm.parameters.predictLifetimeValue).toBe(true);
	expect(tierNode.credentials).toEqual({ couponCodeSecretApi: expect.objectContaining({ id: expect.any(String) }) });
	expect(bot.parameters.operation).toBe('preview');
	const budget = Number(tierNode.parameters.campaignBudget);
	expect(budget).toBeGreaterThan(0);

	// RFM with lifetime value: every customer has the four figures, finite and in range.
	const customers = itemsOf(run, rfm.name, 0) ?? [];
	const customerById = new Map(customers.map((c) => [String(c.customerId), c as Item]));
	expect(customers.length).toBeGreaterThan(1000);
	for (const c of customers) {
		for (const key of ['probabilityAlive', 'expectedPurchases', 'expectedAverageOrderValue', 'predictedClv']) {
			expect({ key, ok: Number.isFinite(c[key]) && Number(c[key]) >= 0 }).toEqual({ key, ok: true });
		}
		expect(Number(c.probabilityAlive)).toBeLessThanOrEqual(1);
	}
	const model = (itemsOf(run, rfm.name, 1) ?? [])[0]?.lifetimeValueModel as Item;
	expect(model).toMatchObject({ model: 'BG/NBD + Gamma-Gamma', horizonDays: 90, customers: customers.length });

	// Tiers, recomputed from the RFM items with the template's default rules.
	const cut = topPercentCut(customers.map((c) => Number(c.predictedClv)), 5);
	const expectedTier = (c: Item) => {
		if (c.segment === 'champions' || Number(c.predictedClv) >= cut) return 'vip';
		if (c.segment === 'loyal_customers' || c.segment === 'potential_loyalists') return 'active';
		if (c.segment === 'lost' || c.segment === 'hibernating') return 'lost';
		return 'ordinary';
	};
	const out = (k: keyof typeof OUTPUT) => itemsOf(run, tierNode.name, OUTPUT[k]) ?? [];
	const coupons = out('coupon');
	const invites = out('reviewInvite');
	const advisors = out('vipAdvisor');
	const none = out('noAction');
	const summary = out('summary');
	expect(out('campaign')).toHaveLength(1);
	const campaign = out('campaign')[0];
	// Routing: each customer reaches exactly the outputs its actions name, once each, and every
	// customer reaches at least one. No Action only when nothing else does: an Active customer
	// whose coupon the budget left out still gets the review invitation (README, Coupon Tier).
	const routedTo = new Map<string, string[]>();
	for (const k of ['coupon', 'reviewInvite', 'vipAdvisor', 'noAction'] as const) {
		for (const c of out(k)) routedTo.set(String(c.customerId), [...(routedTo.get(String(c.customerId)) ?? []), k]);
	}
	expect([...routedTo.keys()].sort()).toEqual(customers.map((c) => String(c.customerId)).sort());
	const all = [...new Map([...coupons, ...invites, ...advisors, ...none].map((c) => [String(c.customerId), c])).values()];
	for (const c of all) {
		const id = String(c.customerId);
		expect({ id, outputs: routedTo.get(id) }).toEqual({ id, outputs: actionsOf(c) });
		expect({ id, tier: c.tier }).toEqual({ id, tier: expectedTier(customerById.get(id)!) });
		// The RFM item's fields come along unchanged.
		expect({ id, item: c }).toMatchObject({ id, item: customerById.get(id)! });
		const wants = { vip: ['coupon', 'vipAdvisor'], active: ['coupon', 'reviewInvite'], ordinary: ['coupon'], lost: [] }[String(c.tier)]!;
		const gets = wants.filter((a) => a !== 'coupon' || c.couponStatus === 'issued');
		expect({ id, actions: actionsOf(c) }).toEqual({ id, actions: gets.length > 0 ? gets : ['noAction'] });
		if (c.couponStatus !== 'issued') expect({ id, status: c.couponStatus }).toEqual({ id, status: c.tier === 'lost' ? 'none' : 'leftOut' });
	}
	// Codes: signed, one per coupon, no two alike; the coupon's terms and validity.
	const codes = coupons.map((c) => String(c.couponCode));
	for (const code of codes) expect(code).toMatch(CODE);
	expect(new Set(codes).size).toBe(codes.length);
	for (const c of coupons) {
		expect(String(c.validUntilDate)).toBe(String(c.couponValidUntil).slice(0, 10));
		expect(c).toMatchObject({ campaignId: tierNode.parameters.campaignId, period: campaign.period, couponCurrency: 'CNY' });
		expect(Date.parse(String(c.couponValidUntil))).toBeGreaterThan(Date.parse(String(c.couponValidFrom)));
		expect(String(c.couponValidFrom)).toMatch(/T00:00:00\+08:00$/);
		expect(Number(c.couponValue)).toBe(FACE_VALUE[String(c.tier)]);
	}

	// Budget: replaying the stated rule (by priority rank, fund what still fits) gives the same split.
	expect(campaign).toMatchObject({ budget, couponsIssued: coupons.length, memberDay: expect.stringMatching(/-08$/) });
	expect(Number(campaign.couponValue)).toBeCloseTo(sum(coupons.map((c) => Number(c.couponValue))), 2);
	expect(Number(campaign.couponValue)).toBeLessThanOrEqual(budget);
	// Left-out customers: the items whose coupon the budget left out, on their tier's other outputs; the totals count them.
	const leftOut = all.filter((c) => c.couponStatus === 'leftOut');
	expect(leftOut.length).toBe(campaign.couponsLeftOut);
	expect(leftOut.length).toBeGreaterThan(0);
	expect(campaign.leftOutByReason).toEqual({ tierBudget: 0, campaignBudget: leftOut.length });
	const requests = [
		...coupons.map((c) => ({ rank: Number(c.priorityRank), cost: Number(c.couponValue), funded: true })),
		...leftOut.map((l) => ({ rank: Number(l.priorityRank), cost: FACE_VALUE[String(l.tier)], funded: false })),
	].sort((a, b) => a.rank - b.rank);
	expect(requests.map((r) => r.rank)).toEqual(requests.map((_, i) => i + 1));
	let left = Math.round(budget * 100);
	for (const r of requests) {
		const fits = Math.round(r.cost * 100) <= left;
		expect({ rank: r.rank, funded: r.funded }).toEqual({ rank: r.rank, funded: fits });
		if (fits) left -= Math.round(r.cost * 100);
	}
	// Priority = predicted CLV, highest first.
	const clvOf = new Map(customers.map((c) => [c.customerId, Number(c.predictedClv)]));
	const rankOf = (c: Item) => c.priorityRank;
	const byRank = [...coupons, ...none.filter((c) => rankOf(c) !== null)].sort((a, b) => Number(rankOf(a)) - Number(rankOf(b)));
	for (let i = 1; i < byRank.length; i++) expect(clvOf.get(byRank[i - 1].customerId)!).toBeGreaterThanOrEqual(clvOf.get(byRank[i].customerId)!);

	// Tier summaries add up.
	const tiers = summary;
	for (const t of tiers) expect(Object.keys(t)).toEqual(Object.keys(tiers[0]));
	expect(tiers.map((t) => t.tier)).toEqual(['vip', 'active', 'ordinary', 'lost']);
	expect(sum(tiers.map((t) => Number(t.customers)))).toBe(customers.length);
	expect(sum(tiers.map((t) => Number(t.couponsIssued)))).toBe(coupons.length);

	// The issuing step: the list has every coupon, in order, and the CSV file was written.
	const list = itemsOf(run, 'Coupon list') ?? [];
	expect(list.map((row) => row.couponCode)).toEqual(codes);
	expect(list[0]).toEqual(
		expect.objectContaining({ customerId: expect.any(String), tier: expect.any(String), coupon: expect.any(String), faceValue: expect.any(Number), validFrom: expect.any(String), validUntil: expect.any(String) }),
	);
	const file = run.data.resultData.runData['coupons.csv'][0].data?.main?.[0]?.[0] as unknown as { binary: { data: Item } };
	expect(file.binary.data).toMatchObject({ fileName: 'coupons.csv', mimeType: 'text/csv' });
	expect(Number(file.binary.data.bytes)).toBeGreaterThan(50 * coupons.length);

	// The VIP digest: one line per VIP, each with the VIP's code, every message within WeCom's limit.
	const messages = itemsOf(run, bot.name) ?? [];
	expect(sum(messages.map((m) => Number(m.lineCount)))).toBe(advisors.length);
	for (const m of messages) expect(Number(m.size)).toBeLessThanOrEqual(Number(m.sizeLimit));
	const text = messages.map((m) => JSON.stringify(m.payload)).join('\n');
	for (const vip of advisors) if (vip.couponCode) expect(text).toContain(String(vip.couponCode));

	// The secret signs the codes but never appears in the run.
	expect(JSON.stringify(run)).not.toContain(demoCouponSecret());
};
