/**
 * The demo report's sections for the daily KPI digest and the weekly content plan
 * (scripts/demo-report/sections/kpiDigest.js, contentPlan.js): each template is run in-process
 * as `npm run demo` runs it in n8n, its run data handed to the section, and what the report
 * shows is checked against numbers recomputed here from the demo nodes' raw items.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type RunResult, type WorkflowJson } from '../support/n8n';

interface Section {
	id: string;
	title: string;
	summaryLines: string[];
	tables: Record<string, Array<Record<string, unknown>>>;
	html: string;
}
type Build = (input: { items: (node: string, output?: number) => IDataObject[] | undefined }) => Section | null;
// Plain Node modules shared with `npm run demo`.
/* eslint-disable @typescript-eslint/no-require-imports */
const report = require('../../scripts/demo-report') as {
	SECTIONS: Array<{ template: string; build: Build }>;
	toCsv(rows: unknown[]): string;
	renderReportHtml(sections: Section[], meta: object): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** A template as the demo runs it, from Run now (sticky notes and the schedule left out). */
async function runTemplate(file: string): Promise<RunResult> {
	const template = JSON.parse(readFileSync(path.join(__dirname, '../../workflows', file), 'utf8')) as WorkflowJson;
	const nodes = template.nodes.filter((n) => !['n8n-nodes-base.stickyNote', 'n8n-nodes-base.scheduleTrigger'].includes(n.type));
	const connections = Object.fromEntries(Object.entries(template.connections).filter(([name]) => nodes.some((n) => n.name === name)));
	return runWorkflow({ ...template, nodes, connections });
}

function sectionOf(file: string, result: RunResult): Section {
	const entry = report.SECTIONS.find((s) => s.template === file);
	expect(entry).toBeDefined();
	const items = (node: string, output = 0) => (result.run.data.resultData.runData[node] ? result.output(node, output) : undefined);
	const section = entry!.build({ items });
	expect(section).not.toBeNull();
	return section!;
}

/** Money as the report prints it, written out here: en-US grouping, two decimals. */
const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('demo report: the daily KPI digest section (daily-kpi-digest.json)', () => {
	let section: Section;
	let orders: IDataObject[];
	let reportDate: string;
	/** Platforms with a counted order or traffic on one of the 8 days the digest compares (yesterday and the 7 before). */
	let platformsInView: string[];

	beforeAll(async () => {
		const result = await runTemplate('daily-kpi-digest.json');
		expect(result.errorOf('Morning numbers')).toBeUndefined();
		section = sectionOf('daily-kpi-digest.json', result);
		reportDate = String(result.output('Morning numbers')[0].reportDate);
		// The digest's counted statuses (docs/nodes/KpiDigest.md): paid and after, refunds included.
		const counted = ['paid', 'shipped', 'completed', 'partially_refunded', 'refunded'];
		// Demo orders carry +08:00: the first 10 characters are the Asia/Shanghai day.
		orders = result.output('Demo shop orders').filter((o) => counted.includes(String(o.status)) && String(o.createdAt).slice(0, 10) === reportDate);
		const eightDays = new Set(Array.from({ length: 8 }, (_, i) => new Date(Date.parse(`${reportDate}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10)));
		platformsInView = [
			...new Set([
				...result.output('Demo shop orders').filter((o) => counted.includes(String(o.status)) && eightDays.has(String(o.createdAt).slice(0, 10))).map((o) => String(o.platform)),
				...result.output('Demo traffic').filter((t) => eightDays.has(String(t.date))).map((t) => String(t.platform)),
			]),
		].sort();
	}, 120_000);

	it('opens with yesterday\'s GMV and order count, recomputed from the demo orders, under a bilingual heading', () => {
		expect(section.title).toBe('Daily KPI digest · 每日数据晨会');
		expect(orders.length).toBeGreaterThan(0);
		const gmv = sum(orders.map((o) => Number(o.amount)));
		expect(section.summaryLines[0]).toMatch(new RegExp(`^Daily KPI digest · 每日数据晨会 — ${reportDate} \\(Asia/Shanghai\\): GMV ${money(gmv).replace(/\./g, '\\.')} CNY .*, ${orders.length} orders,`));
	});

	it('has one row per platform in view (sold or had visitors in the 8 days compared), each with yesterday\'s GMV and orders', () => {
		const rows = section.tables['kpi-platforms'];
		// A platform with visitors but no sale yesterday keeps its row, with 0 orders: a drop to show, not to hide.
		expect(rows.map((r) => r.platform).sort()).toEqual(platformsInView);
		expect(platformsInView).toEqual(expect.arrayContaining([...new Set(orders.map((o) => String(o.platform)))]));
		for (const row of rows) {
			const mine = orders.filter((o) => o.platform === row.platform);
			expect(row.orders).toBe(mine.length);
			expect(Number(row.gmv)).toBeCloseTo(sum(mine.map((o) => Number(o.amount))), 2);
		}
		// Channels break the platforms down: their orders add up to the day's.
		expect(sum(section.tables['kpi-channels'].map((r) => Number(r.orders)))).toBe(orders.length);
	});

	it('writes its tables as CSV and its part of report.html, the morning message included', () => {
		for (const [name, rows] of Object.entries(section.tables)) {
			expect({ name, lines: report.toCsv(rows).trim().split(/\r?\n/).length }).toEqual({ name, lines: rows.length === 0 ? 1 : rows.length + 1 });
		}
		expect(section.html).toContain('Per platform · 分平台');
		expect(section.html).toContain('晨会消息预览');
		expect(section.html).toContain('每日数据晨会');
	});
});

describe('demo report: the weekly content plan section (weekly-content-plan.json)', () => {
	let section: Section;
	let result: RunResult;

	beforeAll(async () => {
		result = await runTemplate('weekly-content-plan.json');
		expect(result.errorOf('Audit content mix')).toBeUndefined();
		section = sectionOf('weekly-content-plan.json', result);
	}, 120_000);

	it('shows the window\'s posts per platform and pillar against the 60/30/10 target', () => {
		expect(section.title).toBe('Weekly content plan · 每周内容计划');
		const posts = result.output('Demo posts');
		const day = (p: IDataObject) => String(p.publishedAt).slice(0, 10);
		const end = posts.map(day).sort().at(-1)!;
		const start = new Date(Date.parse(end) - 6 * 86_400_000).toISOString().slice(0, 10);
		const window = posts.filter((p) => day(p) >= start && day(p) <= end);
		const rows = section.tables['content-mix'];
		expect(rows).toHaveLength(6); // douyin and xiaohongshu × knowledge, scenario, promotion
		for (const row of rows) {
			const mine = window.filter((p) => p.platform === row.platform && p.category === row.pillar);
			expect(row.posts).toBe(mine.length);
			expect(row.targetPercent).toBe({ knowledge: 60, scenario: 30, promotion: 10 }[String(row.pillar)]);
		}
		expect(section.summaryLines[0]).toMatch(new RegExp(`^Weekly content plan · 每周内容计划 — posts of ${start} to ${end}: `));
	});

	it('lists the next 14 posts per platform, after the window, never two promotions in a row', () => {
		const plan = section.tables['content-plan'];
		expect(plan).toHaveLength(28);
		for (const platform of ['douyin', 'xiaohongshu']) {
			const mine = plan.filter((p) => p.platform === platform);
			expect(mine.map((p) => p.slot)).toEqual(Array.from({ length: 14 }, (_, k) => k + 1));
			mine.forEach((p, k) => expect(k > 0 && p.pillar === 'promotion' && mine[k - 1].pillar === 'promotion').toBe(false));
		}
		expect(section.html).toContain('Next posts · 下周排期');
		expect(section.html).toContain('配比周报');
	});

	it('takes its place in report.html after the first three sections, with a link in the page\'s navigation', () => {
		expect(report.SECTIONS.map((s) => s.template)).toEqual([
			'rfm-segmentation.json',
			'restock-alerts.json',
			'rfm-coupon-campaign.json',
			'daily-kpi-digest.json',
			'weekly-content-plan.json',
		]);
		const page = report.renderReportHtml([section], { generatedAt: 'now', n8nVersion: '2.8.4', nodeVersion: 'v20', templates: [] });
		expect(page).toContain('<a href="#contentPlan">Weekly content plan · 每周内容计划</a>');
		expect(page).toContain('<section id="contentPlan"><h2>Weekly content plan · 每周内容计划</h2>');
	});
});
