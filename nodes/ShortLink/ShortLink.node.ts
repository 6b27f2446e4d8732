import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { UserInputError } from '../lib/errors';
import { amountField, attributeOrders, boundedText, checkedDays, clicksPerDay, linkIdOf, parseAttributeSettings, trackedUrl, type LinkClicks } from '../lib/links';
import { secretRedactor, type SecretRedactor } from '../lib/redact';
import { createZonedDayNumber } from '../lib/time';
import { readAttributedOrders } from '../shared/attributedOrders';
import { optionalInput, readTimeZone, toNodeError } from '../shared/nodeHelpers';
import { shortLinkProperties } from './description';
import { CREDENTIAL_TYPES, linkRequest, type LinkService } from './transport';

/** Shlink visits per page asked for, and the most pages read for one link (500,000 visits). */
const SHLINK_PAGE_SIZE = 500;
const SHLINK_MAX_PAGES = 1_000;
const MS_PER_DAY = 86_400_000;

/**
 * Short Link (短链追踪): one tracked short link per post on Bitly or a self-hosted Shlink, its
 * clicks per day, and the attribution of orders to posts through the link code. The URL and
 * attribution maths are in nodes/lib/links; the HTTP exchange in ./transport.ts.
 */
export class ShortLink implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Short Link (短链追踪)',
		name: 'shortLink',
		icon: { light: 'file:shortLink.svg', dark: 'file:shortLink.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["operation"] === "attribute" ? "Attribute orders" : ($parameter["operation"] === "getClicks" ? "Get clicks" : "Create tracked link") + " · " + ($parameter["service"] === "shlink" ? "Shlink" : "Bitly") }}',
		description:
			'Tracked short links per post (Bitly or Shlink) with UTM parameters and the post\'s link code, their clicks per day, and orders attributed to posts and content pillars (短链追踪与订单归因)',
		defaults: { name: 'Short Link' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Posts / Links' },
			{ type: NodeConnectionTypes.Main, displayName: 'Orders (Attribute)' },
		],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'bitlyApi', required: true, displayOptions: { show: { service: ['bitly'], operation: ['create', 'getClicks'] } } },
			{ name: 'shlinkApi', required: true, displayOptions: { show: { service: ['shlink'], operation: ['create', 'getClicks'] } } },
		],
		properties: shortLinkProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation === 'attribute') return attribute(this);
		const service = this.getNodeParameter('service', 0) as LinkService;
		const credentials = await this.getCredentials(CREDENTIAL_TYPES[service]);
		const redact = secretRedactor([credentials.accessToken, credentials.apiKey]);
		const items = this.getInputData(0);
		const out: INodeExecutionData[] = [];
		const timeZone = operation === 'getClicks' ? readTimeZone(this) : '';
		for (let i = 0; i < items.length; i++) {
			try {
				const rows = operation === 'create' ? [await createLink(this, service, i)] : await getClicks(this, service, i, timeZone);
				for (const json of rows) out.push({ json: redact.deep(json), pairedItem: { item: i } });
			} catch (error) {
				const nodeError = itemError(this, error, i, redact);
				if (!this.continueOnFail()) throw nodeError;
				out.push({ json: { error: nodeError.message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

/** A failed item as NodeOperationError naming it, every secret cut out of message and description. */
function itemError(context: IExecuteFunctions, error: unknown, itemIndex: number, redact: SecretRedactor): NodeOperationError {
	const converted =
		error instanceof UserInputError
			? toNodeError(context, new UserInputError(/^Item \d+: /.test(error.message) ? error.message : `Item ${itemIndex}: ${error.message}`, { ...error, itemIndex }))
			: new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${(error as Error).message}`, {
					itemIndex,
					description:
						'Check the credential and the service\'s status, then run again: links already made are found again, not made twice. 请检查凭据和短链服务状态后重新运行；已生成的短链不会重复生成。',
				});
	return new NodeOperationError(context.getNode(), redact.text(converted.message), {
		itemIndex,
		description: redact.text(converted.description ?? ''),
	});
}

function textParameter(context: IExecuteFunctions, name: string, field: string, i: number, required: boolean): string {
	return boundedText(context.getNodeParameter(name, i, '') as unknown, field, i, required);
}

async function createLink(context: IExecuteFunctions, service: LinkService, i: number): Promise<IDataObject> {
	const linkCode = textParameter(context, 'linkCode', 'Link Code', i, true);
	const url = trackedUrl(String(context.getNodeParameter('longUrl', i, '') ?? ''), {
		source: textParameter(context, 'utmSource', 'UTM Source', i, false),
		medium: textParameter(context, 'utmMedium', 'UTM Medium', i, false),
		campaign: textParameter(context, 'utmCampaign', 'UTM Campaign', i, false),
		content: linkCode,
	});
	const source = context.getInputData(0)[i].json;
	if (service === 'bitly') {
		// POST /v4/bitlinks answers 200 with the existing Bitlink when this account already
		// shortened the same long URL, 201 when it made a new one
		// (https://dev.bitly.com/api-reference/#createFullBitlink): the same post always has the
		// same tracked URL, so a re-run finds its link again.
		const reply = await linkRequest(context, 'bitly', 'POST', '/v4/bitlinks', { body: { long_url: url } });
		const body = reply.body as { id?: unknown; link?: unknown };
		if (typeof body?.id !== 'string' || typeof body.link !== 'string') throw new NodeOperationError(context.getNode(), 'Bitly answered without the link (no id or link in its reply)');
		return { ...source, linkCode, trackedUrl: url, linkId: body.id, shortUrl: body.link, service, created: reply.statusCode === 201 };
	}
	// findIfExists: Shlink returns the short URL it already has for this long URL instead of
	// making another (https://shlink.io/documentation/api-docs/ → Create short URL).
	const reply = await linkRequest(context, 'shlink', 'POST', '/rest/v3/short-urls', { body: { longUrl: url, findIfExists: true, title: linkCode } });
	const body = reply.body as { shortCode?: unknown; shortUrl?: unknown };
	if (typeof body?.shortCode !== 'string' || typeof body.shortUrl !== 'string') throw new NodeOperationError(context.getNode(), 'Shlink answered without the short URL (no shortCode in its reply)');
	return { ...source, linkCode, trackedUrl: url, linkId: body.shortCode, shortUrl: body.shortUrl, service };
}

async function getClicks(context: IExecuteFunctions, service: LinkService, i: number, timeZone: string): Promise<IDataObject[]> {
	const linkId = linkIdOf(service, textParameter(context, 'linkId', 'Link ID', i, true), i);
	const days = checkedDays(context.getNodeParameter('days', i));
	const source = context.getInputData(0)[i].json;
	const keep: IDataObject = {};
	for (const field of ['linkCode', 'postId', 'platform', 'category', 'pillar']) if (source[field] !== undefined) keep[field] = source[field];
	let perDay: Array<{ date: string; clicks: number }>;
	if (service === 'bitly') {
		// GET /v4/bitlinks/{bitlink}/clicks?unit=day&units=N: link_clicks [{date, clicks}], newest
		// first, Bitly's days (https://dev.bitly.com/api-reference/#getClicksForBitlink).
		const [domain, hash] = linkId.split('/');
		const reply = await linkRequest(context, 'bitly', 'GET', `/v4/bitlinks/${encodeURIComponent(domain)}/${encodeURIComponent(hash)}/clicks`, { qs: { unit: 'day', units: days } });
		const rows = (reply.body as { link_clicks?: unknown })?.link_clicks;
		if (!Array.isArray(rows)) throw new NodeOperationError(context.getNode(), 'Bitly answered without link_clicks');
		perDay = rows
			.map((row: { date?: unknown; clicks?: unknown }) => ({ date: String(row.date ?? '').slice(0, 10), clicks: Number(row.clicks) }))
			.filter((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.date) && Number.isFinite(row.clicks))
			.sort((a, b) => a.date.localeCompare(b.date));
	} else {
		const now = Date.now();
		const today = createZonedDayNumber(timeZone)(now);
		// Visits since a day before the first day (a zone is at most 14 h from UTC); clicksPerDay keeps the days asked for.
		const startDate = new Date(now - (days + 1) * MS_PER_DAY).toISOString();
		const times: number[] = [];
		// GET /rest/v3/short-urls/{shortCode}/visits, paged: {visits: {data, pagination: {currentPage, pagesCount}}}
		// (https://shlink.io/documentation/api-docs/ → Short URL visits).
		for (let page = 1; page <= SHLINK_MAX_PAGES; page++) {
			const reply = await linkRequest(context, 'shlink', 'GET', `/rest/v3/short-urls/${encodeURIComponent(linkId)}/visits`, {
				qs: { page, itemsPerPage: SHLINK_PAGE_SIZE, startDate },
			});
			const visits = (reply.body as { visits?: { data?: unknown; pagination?: { pagesCount?: unknown } } })?.visits;
			if (!visits || !Array.isArray(visits.data)) throw new NodeOperationError(context.getNode(), 'Shlink answered without visits');
			for (const visit of visits.data as Array<{ date?: unknown }>) {
				const at = Date.parse(String(visit.date ?? ''));
				if (!Number.isNaN(at)) times.push(at);
			}
			const pages = Number(visits.pagination?.pagesCount ?? 1);
			if (page >= pages) break;
			if (page === SHLINK_MAX_PAGES) throw new NodeOperationError(context.getNode(), `Shlink lists more than ${SHLINK_MAX_PAGES * SHLINK_PAGE_SIZE} visits for ${linkId}; ask for fewer days`);
		}
		perDay = clicksPerDay(times, timeZone, today, days);
	}
	return perDay.map((row) => ({ ...keep, linkId, service, date: row.date, clicks: row.clicks }));
}

function codeField(json: IDataObject, input: string, i: number, optional: boolean): string | undefined {
	if ((json.linkCode === undefined || json.linkCode === null || json.linkCode === '') && optional) return undefined;
	return boundedText(json.linkCode, 'linkCode', i, true, `${input} item`);
}

/**
 * Attribute Orders: the clicks rows (first input) read here, the orders (second input) through
 * the reader Content Mix's Audit uses — the same Statuses That Count, base currency and rates —
 * and the one join of nodes/lib/links.
 */
function attribute(context: IExecuteFunctions): INodeExecutionData[][] {
	let settings;
	try {
		settings = parseAttributeSettings({
			attributeLevel: context.getNodeParameter('attributeLevel', 0) as 'post' | 'pillar',
			countedStatuses: context.getNodeParameter('countedStatuses', 0) as string[] as never,
		});
	} catch (error) {
		throw toNodeError(context, error);
	}
	const errors: INodeExecutionData[] = [];
	// A post without a link code (an organic post) has no tracked clicks: left out.
	const clickItems = optionalInput(context, 0);
	const clicks: LinkClicks[] = [];
	clickItems.forEach((item, i) => {
		try {
			const json = item.json;
			const linkCode = codeField(json, 'Clicks', i, true);
			if (linkCode === undefined) return;
			clicks.push({
				linkCode,
				clicks: amountField(json.clicks, 'clicks', 'Clicks', i, false)!,
				postId: typeof json.postId === 'string' ? json.postId : undefined,
				pillar: typeof json.pillar === 'string' ? json.pillar : typeof json.category === 'string' ? json.category : undefined,
			});
		} catch (error) {
			const nodeError = toNodeError(context, error);
			if (!context.continueOnFail()) throw nodeError;
			errors.push({ json: { error: nodeError.message }, pairedItem: { item: i, input: 0 } });
		}
	});
	if (clickItems.length > 0 && clicks.length === 0 && errors.length === 0) {
		throw new NodeOperationError(context.getNode(), `None of the ${clickItems.length} items on the first input has a linkCode. 第一个输入的数据中没有 linkCode（链接码）。`, {
			description:
				'Connect Get Clicks\' output, or posts with linkCode and clicks (Demo Shop Data → Content Posts). 请连接“Get Clicks”的输出，或带 linkCode 和 clicks 的帖子数据（如示例数据的 Content Posts）。',
		});
	}
	const orders = readAttributedOrders(context, 1, readTimeZone(context), settings.countedStatuses);
	if ('notReached' in orders) return orders.notReached;
	const { links, pillars } = attributeOrders(clicks, orders.orders);
	const rows = (settings.attributeLevel === 'post' ? links : pillars) as unknown as IDataObject[];
	const currency = orders.currency ?? null;
	return [[...rows.map((row) => ({ json: { ...(JSON.parse(JSON.stringify(row)) as IDataObject), currency } })), ...errors, ...orders.errorItems]];
}
