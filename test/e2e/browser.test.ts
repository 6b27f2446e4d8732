/**
 * The browser check: n8n's editor (started like `npm run editor`) in Debian's Chromium through
 * playwright-core. Logs in as the owner the script set up, opens the flagship template, and
 * checks that every node renders with its own icon and label (no "node not installed"
 * placeholder) and that the RFM Segment panel shows its parameters. Then runs the demo script
 * (`npm run demo`) as a user would, checks what it prints and writes, and opens its
 * report.html. Screenshots go to test-artifacts/n8n-<version>/ (git-ignored).
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { PACKAGE, PROJECT_ROOT, artifactsDir, freePort, n8nVersion, readTemplates, startEditor, type Editor } from './support/n8n';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const FLAGSHIP = 'rfm-segmentation.json';
const RFM_TYPE = `${PACKAGE}.rfmSegment`;
/** Parameters the RFM Segment panel shows with the template's settings. */
const RFM_PARAMETERS = ['inputKind', 'referenceMode', 'timeZone', 'scoringMethod', 'segmentScheme', 'labelLanguage', 'outputMode'];

async function launch(): Promise<BrowserContext> {
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
	});
}

describe(`the editor of n8n ${n8nVersion()} in Chromium`, () => {
	const template = readTemplates().find((t) => t.file === FLAGSHIP)!.workflow;
	const shots = artifactsDir();
	let editor: Editor;
	let context: BrowserContext;
	let page: Page;
	const outsideRequests: string[] = [];

	beforeAll(async () => {
		expect(fs.existsSync(CHROMIUM)).toBe(true);
		editor = await startEditor({
			name: `e2e-${n8nVersion()}-editor`,
			tarball: process.env.E2E_PACK_TARBALL,
			build: false,
			port: await freePort(),
		});
		context = await launch();
		page = context.pages()[0] ?? (await context.newPage());
		page.on('request', (request) => {
			const url = request.url();
			if (!url.startsWith(editor.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) outsideRequests.push(url);
		});
	});

	afterAll(async () => {
		await context?.close();
		await editor?.stop();
	});

	it('signs in with the owner account the script set up', async () => {
		await page.goto(`${editor.baseUrl}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"]', editor.credentials.email);
		await page.fill('input[name="password"]', editor.credentials.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
	});

	it('renders every node of the flagship template with its own icon and label', async () => {
		await page.goto(`${editor.baseUrl}/workflow/${template.id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: path.join(shots, 'rfm-template-canvas.png') });

		const rendered = await page.$$eval('[data-test-id="canvas-node"]', (elements) =>
			elements.map((element) => {
				const img = element.querySelector('.n8n-node-icon img') as HTMLImageElement | null;
				return {
					name: element.getAttribute('data-node-name'),
					type: element.getAttribute('data-node-type'),
					label: element.querySelector('[class*="_description_"] [class*="_label_"]')?.textContent?.trim() ?? null,
					notInstalled: element.querySelector('[data-test-id="node-not-installed"]') !== null,
					placeholderIcon: element.querySelector('[class*="nodeIconPlaceholder"]') !== null,
					iconSrc: img?.getAttribute('src') ?? null,
					iconLoaded: img ? img.complete && img.naturalWidth > 0 : null,
					inlineIcon: element.querySelector('.n8n-node-icon svg') !== null,
				};
			}),
		);
		const expected = template.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		expect(rendered.map((n) => n.name).sort()).toEqual(expected.map((n) => n.name).sort());
		for (const node of expected) {
			const shown = rendered.find((n) => n.name === node.name)!;
			expect({ name: node.name, type: shown.type, label: shown.label, notInstalled: shown.notInstalled, placeholderIcon: shown.placeholderIcon }).toEqual({
				name: node.name,
				type: node.type,
				label: node.name,
				notInstalled: false,
				placeholderIcon: false,
			});
			expect({ name: node.name, hasIcon: shown.iconLoaded === true || shown.inlineIcon }).toEqual({ name: node.name, hasIcon: true });
			if (node.type.startsWith(`${PACKAGE}.`)) {
				// The pack's own SVG, served by n8n from the installed package.
				const iconFile = node.type.split('.')[1];
				expect(shown.iconSrc).toMatch(new RegExp(`^/icons/${PACKAGE}/dist/nodes/[A-Za-z]+/${iconFile}(\\.dark)?\\.svg$`));
				expect(shown.iconLoaded).toBe(true);
			}
		}
		// Sticky notes render their Markdown: each one's first heading is on the canvas.
		const stickies = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(await page.locator('[data-test-id="sticky"]').count()).toBe(stickies.length);
		const stickyText = (await page.locator('[data-test-id="sticky"]').allInnerTexts()).join('\n');
		for (const sticky of stickies) {
			const heading = String(sticky.parameters.content).split('\n')[0].replace(/^#+\s*/, '');
			expect(stickyText).toContain(heading);
		}
		// Execute workflow starts from the schedule (n8n ranks it above the Manual Trigger) and says
		// so under the button; the note says the same (issue 12: it said "from Run now").
		const schedule = template.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
		const runButton = (await page.locator('[data-test-id="execute-workflow-button"]').first().innerText()).replace(/\s+/g, ' ');
		expect(runButton).toContain(`from ${schedule.name}`);
		expect(stickyText.replace(/\s+/g, ' ')).toContain(`from ${schedule.name}`);
	});

	it("shows the RFM Segment node's parameters in its panel", async () => {
		const rfm = template.nodes.find((n) => n.type === RFM_TYPE)!;
		await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${rfm.name}"] [data-test-id="canvas-default-node"]`);
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor({ state: 'visible', timeout: 30000 });
		const parameters = panel.locator('[data-test-id="node-parameters"]');
		await parameters.waitFor({ state: 'visible' });
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(shots, 'rfm-segment-panel.png') });

		for (const name of RFM_PARAMETERS) {
			await expect(parameters.locator(`[data-test-id="parameter-input-${name}"]`).first().isVisible()).resolves.toBe(true);
		}
		const text = await parameters.innerText();
		for (const label of ['Input Data', 'Reference Date', 'Time Zone', 'Scoring Method', 'Segment Scheme', 'Label Language', 'Output']) {
			expect(text).toContain(label);
		}
		expect(await parameters.locator('[data-test-id="parameter-input-timeZone"] input').first().inputValue()).toBe('Asia/Shanghai');
		expect(await panel.innerText()).toContain(rfm.name);
		expect(await panel.locator(`img[src^="/icons/${PACKAGE}/dist/nodes/RfmSegment/"]`).count()).toBeGreaterThan(0);
		await page.keyboard.press('Escape');
	});

	it('finds the shop and calculation nodes by their Chinese names in the node panel (抖店, 有赞, 客户分层, 示例数据)', async () => {
		await page.goto(`${editor.baseUrl}/workflow/${template.id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
		await page.click('[data-test-id="node-creator-plus-button"]');
		const search = page.locator('[data-test-id="node-creator-search-bar"]');
		await search.waitFor({ state: 'visible', timeout: 30000 });
		for (const [words, node] of [
			['抖店', 'Douyin Shop (抖店)'],
			['有赞', 'Youzan Shop (有赞)'],
			// The calculation nodes carry their Chinese names too (issue 12 item 4).
			['客户分层', 'RFM Segment (客户分层)'],
			['示例数据', 'Demo Shop Data (示例数据)'],
		]) {
			await search.fill(words);
			const names = page.locator('[data-test-id="node-creator-item-name"]');
			await names.filter({ hasText: node }).first().waitFor({ state: 'visible', timeout: 15000 });
			if (words === '抖店') await page.screenshot({ path: path.join(shots, 'node-search-douyin.png') });
		}
		await page.keyboard.press('Escape');
	});

	// Issue 12 item 1: Reorder Trigger was listed under "What triggers this workflow?" because n8n's
	// node panel takes any node whose display name contains "trigger" for one. As Reorder Alert it is
	// an action: in the trigger view (an empty workflow) it comes only under "Results in other
	// categories"; in the next-step view (a workflow with a trigger) among the nodes themselves.
	// The deprecated Reorder Trigger type is hidden, so neither search shows it.
	it.each([
		['an empty workflow: What triggers this workflow?', 'trigger view', '/workflow/new'],
		['the RFM template: What happens next?', 'next-step view', `/workflow/${template.id}`],
	])('finds Reorder Alert (补货预警) by 补货 and reorder as an action, not a trigger, on %s', async (_where, view, url) => {
		const node = 'Reorder Alert (补货预警)';
		await page.goto(`${editor.baseUrl}${url}`);
		const plus = page.locator('[data-test-id="node-creator-plus-button"]');
		await plus.waitFor({ state: 'visible', timeout: 60000 });
		await plus.click();
		const search = page.locator('[data-test-id="node-creator-search-bar"]');
		await search.waitFor({ state: 'visible', timeout: 30000 });
		const creator = page.locator('[data-test-id="node-creator"]');
		for (const words of ['补货', 'reorder']) {
			await search.fill(words);
			await creator.locator('[data-test-id="node-creator-item-name"]').filter({ hasText: node }).first().waitFor({ state: 'visible', timeout: 15000 });
			if (words === '补货') await page.screenshot({ path: path.join(shots, `node-search-reorder-${view.replace(/\W+/g, '-')}.png`) });
			// innerText follows CSS text-transform (category headers are upper-case): compare in lower case.
			const text = (await creator.innerText()).toLowerCase();
			const found = text.indexOf(node.toLowerCase());
			const otherCategories = text.indexOf('results in other categories');
			if (view === 'trigger view') {
				// No trigger matches, so n8n 2.8.4 lists the action without a "Results in other
				// categories" header (seen in node-search-reorder-trigger-view.png); with one, it comes after it.
				expect({ words, found: found >= 0, notAmongTriggers: otherCategories < 0 || found > otherCategories }).toEqual({ words, found: true, notAmongTriggers: true });
			} else {
				expect({ words, listedAmongTheNodes: otherCategories < 0 || found < otherCategories }).toEqual({ words, listedAmongTheNodes: true });
			}
			expect({ words, text }).not.toEqual({ words, text: expect.stringContaining('reorder trigger') });
			expect({ words, text }).not.toEqual({ words, text: expect.stringContaining('on new reorder') });
		}
		await page.keyboard.press('Escape');
	});

	// Issue 12 items 2 and 3, as the ops lead saw them: Coupon Tier's output pane showed two
	// customers at a time, with long decimals and `undefined` cells. Run the coupon template in the
	// editor, open Coupon Tier and show its output as a table in the 1440×900 window.
	const couponPane = { rows: 0, fullyShown: 0, text: '' };
	it("runs the coupon template in the editor and shows Coupon Tier's output as a table, in numbers a person can read", async () => {
		const coupon = readTemplates().find((t) => t.file === 'rfm-coupon-campaign.json')!.workflow;
		const tierNode = coupon.nodes.find((n) => n.type === `${PACKAGE}.couponTier`)!;
		await page.goto(`${editor.baseUrl}/workflow/${coupon.id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		const tierOnCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${tierNode.name}"]`);
		await tierOnCanvas.locator('[data-test-id="canvas-node-status-success"]').waitFor({ state: 'visible', timeout: 120000 });
		await tierOnCanvas.locator('[data-test-id="canvas-default-node"]').dblclick();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.waitFor({ state: 'visible', timeout: 30000 });
		await output.locator('[data-test-id="ndv-run-data-display-mode"]').getByText('Table', { exact: true }).click();
		const container = output.locator('[data-test-id="ndv-data-container"]');
		const rows = container.locator('table tbody tr');
		// n8n 2.41.1 fetches the run's data (10,000 demo orders and all) after the panel opens and shows
		// "Loading data" meanwhile: over 30 s once on this busy 2-core machine.
		await rows.first().waitFor({ state: 'visible', timeout: 120000 });
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(shots, 'coupon-tier-output.png') });

		const pane = (await container.boundingBox())!;
		const boxes = await rows.evaluateAll((elements) => elements.map((row) => row.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
		couponPane.rows = boxes.length;
		couponPane.fullyShown = boxes.filter((box) => box.top >= pane.y - 1 && box.bottom <= pane.y + pane.height + 1).length;
		couponPane.text = await container.innerText();
		expect(couponPane.rows).toBeGreaterThan(0);
		expect(couponPane.text).not.toMatch(/\bundefined\b|\bNaN\b/);
		await page.keyboard.press('Escape');
	});

	/*
	 * Issue 12 item 3: n8n's table view draws a nested object as a fully opened tree inside its
	 * cell, so when Coupon Tier kept its details in one nested object, one customer filled the pane
	 * (it.failing pinned that). Its items are flat now: several customers show at once.
	 */
	it('shows several Coupon Tier customers at once in that table', () => {
		expect(couponPane.rows).toBeGreaterThan(0);
		expect(couponPane.fullyShown).toBeGreaterThanOrEqual(5);
	});

	it('made no requests outside this n8n', () => {
		expect(outsideRequests).toEqual([]);
	});

	it("`npm run demo` prints the five summaries and writes report.html, results.json and a CSV per table", async () => {
		const out = path.join(shots, 'demo');
		fs.rmSync(out, { recursive: true, force: true });
		const args = ['scripts/demo.js', '--no-build', `--out=${out}`, `--n8n-version=${n8nVersion()}`, `--name=e2e-${n8nVersion()}-demo`];
		if (process.env.E2E_PACK_TARBALL) args.push(`--tarball=${process.env.E2E_PACK_TARBALL}`);
		const demo = await run(process.execPath, args, PROJECT_ROOT);
		expect({ code: demo.code, stderr: demo.code === 0 ? '' : demo.stderr.slice(-2000) }).toEqual({ code: 0, stderr: '' });
		for (const heading of ['RFM segments · RFM 客户分层 —', 'Restock alerts · 补货预警 —', 'Coupons · 分层发券 —', 'Daily KPI digest · 每日数据晨会 —', 'Weekly content plan · 每周内容计划 —', 'Output folder:', 'Done in']) {
			expect(demo.stdout).toContain(heading);
		}

		// results.json holds every table; each table is also a CSV with one line per row.
		const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
		expect(Object.keys(results.sections)).toEqual(['rfm', 'restock', 'coupons', 'kpiDigest', 'contentPlan']);
		const tables: Record<string, unknown[]> = Object.assign({}, ...Object.values(results.sections).map((s) => (s as { tables: object }).tables));
		expect(Object.keys(tables).sort()).toEqual(
			['content-mix', 'content-plan', 'coupon-tiers', 'coupons', 'coupons-left-out', 'kpi-channels', 'kpi-movers', 'kpi-platforms', 'restock-positions', 'restock-suggestions', 'rfm-customers', 'rfm-segments'],
		);
		for (const [name, rows] of Object.entries(tables)) {
			const lines = fs.readFileSync(path.join(out, `${name}.csv`), 'utf8').trim().split(/\r?\n/);
			expect({ name, rows: lines.length - 1 }).toEqual({ name, rows: rows.length });
			expect(demo.stdout).toContain(`${name}.csv`);
		}
		// The tables agree with one another: segments add up to the scored customers, every
		// suggestion is a checked position, every issued coupon has a code.
		const segments = tables['rfm-segments'] as Array<{ customers: number }>;
		expect(segments.reduce((n, s) => n + s.customers, 0)).toBe(tables['rfm-customers'].length);
		const positions = new Set((tables['restock-positions'] as Array<{ sku: string; warehouse: string }>).map((p) => `${p.sku}@${p.warehouse}`));
		for (const s of tables['restock-suggestions'] as Array<{ sku: string; warehouse: string }>) expect(positions.has(`${s.sku}@${s.warehouse}`)).toBe(true);
		for (const c of tables.coupons as Array<{ couponCode: string }>) expect(c.couponCode).toMatch(/^CO-/);
	});

	it("opens the demo's report.html with its charts and tables", async () => {
		const reportFile = path.join(shots, 'demo', 'report.html');
		if (!fs.existsSync(reportFile)) throw new Error('`npm run demo` wrote no report (see the test before)');
		const reportPage = await context.newPage();
		await reportPage.goto(`file://${reportFile}`);
		await reportPage.screenshot({ path: path.join(shots, 'demo-report.png'), fullPage: true });
		expect(await reportPage.locator('section#rfm svg.chart').count()).toBeGreaterThanOrEqual(3);
		// Bars: one per segment in each of the two bar charts.
		expect(await reportPage.locator('section#rfm svg.chart').first().locator('rect').count()).toBe(10);
		const segmentRows = reportPage.locator('section#rfm table').first().locator('tbody tr');
		expect(await segmentRows.count()).toBe(10);
		expect(await reportPage.locator('section#rfm').innerText()).toContain('冠军客户');
		// The restock and coupon sections: their charts and tables drawn, bilingual labels shown.
		for (const [id, words] of [
			['restock', ['补货']],
			['coupons', ['分层发券']],
			['kpiDigest', ['每日数据晨会', '分平台']],
			['contentPlan', ['每周内容计划', '下周排期']],
		] as const) {
			const section = reportPage.locator(`section#${id}`);
			expect({ id, charts: (await section.locator('svg.chart').count()) > 0 }).toEqual({ id, charts: true });
			expect({ id, rows: (await section.locator('table tbody tr').count()) > 0 }).toEqual({ id, rows: true });
			const text = await section.innerText();
			for (const word of words) expect(text).toContain(word);
		}
		await reportPage.close();
	});
});

/** Runs a command to its end without blocking the event loop (the browser stays connected). */
function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = childProcess.spawn(command, args, { cwd, env: { ...process.env, NODE_ENV: undefined } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
