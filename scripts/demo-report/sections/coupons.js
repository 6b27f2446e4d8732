/**
 * Report section: tiered coupons (workflows/rfm-coupon-campaign.json).
 */
'use strict';

const { escapeHtml, percent, money, displayWidth, padEnd, padStart } = require('../format');
const { barChartSvg } = require('../svg');
const { htmlTable } = require('../page');

/** Tier labels in both languages from the pack's default tiers; the node emits one language. */
function tierLabels() {
	let tiers = [];
	try {
		tiers = require('../../../dist/nodes/lib/coupons').DEFAULT_TIERS;
	} catch {}
	return (key, nodeLabel) => tiers.find((t) => t.key === key)?.label ?? { en: nodeLabel ?? key, zh: nodeLabel ?? key };
}

/**
 * rfm-coupon-campaign.json → coupons issued per tier, the budget and who it left out, the VIPs
 * for the advisors, the lifetime-value model behind the priorities.
 */
function couponSection({ items }) {
	// Summary output: one row per tier; Totals output: the campaign's one item.
	const summary = items('Coupon Tier', 4);
	if (!summary) return null;
	const coupons = items('Coupon Tier', 0) ?? [];
	const advisors = items('Coupon Tier', 2) ?? [];
	const campaign = (items('Coupon Tier', 5) ?? [])[0] ?? {};
	const labelOf = tierLabels();
	const tiers = summary.map((t) => ({ ...t, en: labelOf(t.tier, t.tierLabel).en, zh: labelOf(t.tier, t.tierLabel).zh }));
	const model = (items('Score customers (RFM + CLV)', 1) ?? [])[0]?.lifetimeValueModel;
	const currency = campaign.currency ?? 'CNY';
	const actionText = (t) =>
		[t.actions.includes('coupon') && 'coupon 券', t.actions.includes('reviewInvite') && 'review invite 测评', t.actions.includes('vipAdvisor') && 'advisor 顾问']
			.filter(Boolean)
			.join(' + ') || 'no action 不触达';

	const tierRows = tiers.map((t) => ({
		tier: t.tier,
		label_en: t.en,
		label_zh: t.zh,
		actions: actionText(t),
		customers: t.customers,
		couponsIssued: t.couponsIssued,
		couponsLeftOut: t.couponsLeftOut,
		couponValue: t.couponValue,
		reviewInvites: t.reviewInvites,
		vipAdvisors: t.vipAdvisors,
		noAction: t.noAction,
	}));
	const couponRows = coupons.map((c) => ({
		customerId: c.customerId,
		tier: c.tier,
		segment: c.segment,
		couponCode: c.couponCode,
		coupon: c.couponDescription,
		faceValue: c.couponValue,
		minimumSpend: c.couponMinimumSpend,
		validFrom: c.couponValidFrom,
		validUntil: c.couponValidUntil,
		predictedClv: c.predictedClv,
		priorityRank: c.priorityRank,
	}));
	// Left out by the budget: the customer items saying so, on their tier's other outputs or No Action.
	const leftOutById = new Map();
	for (const output of [1, 2, 3]) {
		for (const c of items('Coupon Tier', output) ?? []) {
			if (c.couponStatus === 'leftOut') leftOutById.set(c.customerId, { customerId: c.customerId, tier: c.tier, reason: c.leftOutReason, priorityRank: c.priorityRank });
		}
	}
	const leftOutRows = [...leftOutById.values()].sort((a, b) => a.priorityRank - b.priorityRank);
	const budgetText = campaign.budget ? `${money(campaign.couponValue, currency)} of a ${money(campaign.budget, currency)} budget` : money(campaign.couponValue, currency);

	const labelWidth = Math.max(...tierRows.map((t) => displayWidth(`${t.label_en} ${t.label_zh}`))) + 2;
	const summaryLines = [
		`Coupons · 分层发券 — campaign ${campaign.campaignId} (${campaign.period}): ${campaign.couponsIssued} coupons issued, face value ${budgetText}` +
			(campaign.couponsLeftOut ? `; ${campaign.couponsLeftOut} left out by the budget (lowest predicted CLV)` : ''),
		`  ${padEnd('Tier 分层', labelWidth)}${padEnd('Action 动作', 36)}${padStart('Customers', 10)}${padStart('Coupons', 9)}${padStart('Value', 14)}`,
		...tierRows.map(
			(t) =>
				`  ${padEnd(`${t.label_en} ${t.label_zh}`, labelWidth)}${padEnd(t.actions, 36)}${padStart(t.customers, 10)}${padStart(t.couponsIssued, 9)}${padStart(money(t.couponValue), 14)}`,
		),
		...(model
			? [
					`  Lifetime value (BG/NBD + Gamma-Gamma, ${model.customers} customers, ${model.horizonDays} days): r ${model.bgnbd.r}, α ${model.bgnbd.alpha}, a ${model.bgnbd.a}, b ${model.bgnbd.b}, ln L ${model.bgnbd.logLikelihood}`,
				]
			: []),
	];

	// Coupon Tier's items carry the RFM item's fields (predictedClv, segmentLabel…) flat.
	const topVips = [...advisors]
		.sort((a, b) => b.predictedClv - a.predictedClv)
		.slice(0, 12);
	const firstDigest = (items('VIP advisors (WeCom preview)') ?? [])[0];
	const html = [
		`<p class="lead">Campaign <b>${escapeHtml(campaign.campaignId)}</b>, period <b>${escapeHtml(campaign.period)}</b>: <b>${campaign.couponsIssued}</b> coupons issued, face value <b>${escapeHtml(budgetText)}</b>` +
			(campaign.couponsLeftOut ? `; <b>${campaign.couponsLeftOut}</b> customers left out by the budget, lowest predicted lifetime value first` : '') +
			`. Codes are signed from campaign + customer + period: a re-run this period issues the same codes, never a second coupon.</p>`,
		'<div class="charts">',
		barChartSvg({
			title: 'Customers per tier · 各层客户数',
			items: tierRows.map((t) => ({ label: t.label_en, sublabel: t.label_zh, value: t.customers, note: String(t.customers) })),
		}),
		barChartSvg({
			title: `Coupon value per tier · 各层券面值 (${currency})`,
			items: tierRows.map((t) => ({ label: t.label_en, sublabel: t.label_zh, value: t.couponValue, note: money(t.couponValue) })),
		}),
		'</div>',
		'<h3>Tiers · 分层与动作</h3>',
		htmlTable(
			[
				{ key: 'label_en', title: 'Tier', format: (v, r) => `${v} ${r.label_zh}` },
				{ key: 'actions', title: 'Action 动作' },
				{ key: 'customers', title: 'Customers', numeric: true },
				{ key: 'couponsIssued', title: 'Coupons 发券', numeric: true },
				{ key: 'couponsLeftOut', title: 'Left out 预算不足', numeric: true },
				{ key: 'couponValue', title: `Face value 券面值 (${currency})`, numeric: true, format: (v) => money(v) },
			],
			tierRows,
		),
		'<h3>VIPs for the advisors · VIP 专属顾问名单</h3>',
		htmlTable(
			[
				{ key: 'customerId', title: 'Customer' },
				{ key: 'segmentLabel', title: 'Segment' },
				{ key: 'predictedClv', title: 'Predicted CLV 预计价值', numeric: true, format: (v) => money(v) },
				{ key: 'probabilityAlive', title: 'P(alive) 活跃概率', numeric: true, format: (v) => percent(v, 0) },
				{ key: 'couponCode', title: 'Code 券码', format: (v) => v ?? '—' },
			],
			topVips,
		),
		firstDigest
			? `<details><summary><b>WeCom 企业微信</b> — VIP digest, ${escapeHtml(items('VIP advisors (WeCom preview)').length)} message(s) (preview)</summary><pre class="digest">${escapeHtml(firstDigest.payload?.markdown?.content ?? '')}</pre></details>`
			: '',
		model
			? `<p class="muted">Lifetime value: BG/NBD r ${model.bgnbd.r}, α ${model.bgnbd.alpha}, a ${model.bgnbd.a}, b ${model.bgnbd.b} (ln L ${model.bgnbd.logLikelihood}); Gamma-Gamma p ${model.gammaGamma.p}, q ${model.gammaGamma.q}, v ${model.gammaGamma.v}; ${model.returningCustomers} returning of ${model.customers} customers, horizon ${model.horizonDays} days.</p>`
			: '',
		`<p class="muted">Every coupon: <code>coupons.csv</code>; per tier: <code>coupon-tiers.csv</code>; left out by the budget: <code>coupons-left-out.csv</code>.</p>`,
	].join('\n');

	return {
		id: 'coupons',
		title: 'Tiered coupons · 分层发券',
		summaryLines,
		tables: { coupons: couponRows, 'coupon-tiers': tierRows, 'coupons-left-out': leftOutRows },
		html,
	};
}

module.exports = { couponSection };
