/**
 * What `npm run demo` shows and writes: a console summary, CSV/JSON files and a self-contained
 * report.html (inline CSS and SVG, no scripts, no network), built from report *sections*.
 *
 * A section turns the run data of one flagship template into
 *   { id, title, summaryLines: string[], tables: { name → rows }, html: string }.
 * Each section is a file in sections/; a new one is that file and a line in SECTIONS, nothing
 * else. format.js (numbers, widths, CSV), svg.js (charts) and page.js (tables, the page) serve them.
 */
'use strict';

const { toCsv } = require('./format');
const { renderReportHtml } = require('./page');
const { rfmSection } = require('./sections/rfm');
const { restockSection } = require('./sections/restock');
const { couponSection } = require('./sections/coupons');
const { kpiDigestSection } = require('./sections/kpiDigest');
const { contentPlanSection } = require('./sections/contentPlan');

/** The report's sections, in page order. Each entry names the template whose run it reads. */
const SECTIONS = [
	{ template: 'rfm-segmentation.json', build: rfmSection },
	{ template: 'restock-alerts.json', build: restockSection },
	{ template: 'rfm-coupon-campaign.json', build: couponSection },
	{ template: 'daily-kpi-digest.json', build: kpiDigestSection },
	{ template: 'weekly-content-plan.json', build: contentPlanSection },
];

module.exports = { SECTIONS, toCsv, renderReportHtml };
