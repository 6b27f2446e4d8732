/**
 * Order → Get Many: orders updated in a time range, or since the last run, in the pack's
 * commerce model (or the platform's raw JSON). The range is split into the platform's
 * allowed windows and each window is paged to the end before the cursor moves.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { assertTimeZone } from '../../../../lib/time';
import {
	advanceCursor,
	clampToPlatformAge,
	latestPerOrder,
	planIncrementalRange,
	splitIntoWindows,
	type IncrementalPlan,
	type ReadOrder,
	type SyncCursor,
	type TimeWindow,
} from '../../../../lib/shop';
import type { ShopConnector } from '../../connector';
import { createShopApi, toNodeError } from '../../transport';

const show = { show: { resource: ['order'], operation: ['getMany'] } };

export function description(connector: ShopConnector): INodeProperties[] {
	return [
		{
			displayName: 'Read',
			name: 'readMode',
			type: 'options',
			default: 'sinceLastRun',
			displayOptions: show,
			options: [
				{
					name: 'Since Last Run (增量)',
					value: 'sinceLastRun',
					description:
						'Orders updated since the previous run of this node; the first run reads the lookback window. For scheduled syncs.',
				},
				{ name: 'Time Range', value: 'timeRange', description: 'Orders updated between two moments' },
			],
		},
		{
			displayName: 'Lookback on First Run (Days)',
			name: 'lookbackDays',
			type: 'number',
			default: 365,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { ...show.show, readMode: ['sinceLastRun'] } },
			description:
				connector.orders.maxAgeDays !== undefined
					? `How far back the first run reads. ${connector.displayName} serves only the last ${connector.orders.maxAgeDays} days by update time; older orders are skipped with a notice.`
					: 'How far back the first run reads (the backfill). Later runs read only what changed.',
		},
		{
			displayName: 'Re-Read Overlap (Minutes)',
			name: 'overlapMinutes',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 0 },
			displayOptions: { show: { ...show.show, readMode: ['sinceLastRun'] } },
			description:
				'Each run reads again the last minutes of the previous one, so an update the platform recorded late is not missed. Orders read twice come out once per run; an order store keyed by orderId keeps one row.',
		},
		{
			displayName: 'Updated After',
			name: 'updatedAfter',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: { show: { ...show.show, readMode: ['timeRange'] } },
		},
		{
			displayName: 'Updated Before',
			name: 'updatedBefore',
			type: 'dateTime',
			default: '',
			displayOptions: { show: { ...show.show, readMode: ['timeRange'] } },
			description: 'Empty: now',
		},
		{
			displayName: 'Output',
			name: 'outputFormat',
			type: 'options',
			default: 'model',
			displayOptions: show,
			options: [
				{
					name: 'Commerce Model',
					value: 'model',
					description: 'Fields orderId, customerId, createdAt, status, amount, lines … ready for RFM Segment, Coupon Tier, Visitor Value',
				},
				{ name: "Platform's Raw JSON", value: 'raw', description: 'Each order exactly as the platform sent it' },
			],
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Asia/Shanghai',
			displayOptions: show,
			description: 'Zone of the timestamps written (createdAt, updatedAt) and of times typed without an offset',
		},
	];
}

const MINUTE_MS = 60_000;

export async function execute(this: IExecuteFunctions, connector: ShopConnector): Promise<INodeExecutionData[]> {
	const readMode = this.getNodeParameter('readMode', 0) as string;
	const outputFormat = this.getNodeParameter('outputFormat', 0) as string;
	const timeZone = this.getNodeParameter('timeZone', 0) as string;
	try {
		assertTimeZone(timeZone);
	} catch {
		throw new NodeOperationError(this.getNode(), `Time Zone "${timeZone}" is not a time zone; expected an IANA name such as Asia/Shanghai`);
	}
	const api = createShopApi(this, connector);
	const now = api.now();

	let plan: IncrementalPlan;
	const staticData = this.getWorkflowStaticData('node');
	const scope = `${connector.platform}:${this.getNode().credentials?.[connector.credentialType]?.id ?? ''}`;
	if (readMode === 'sinceLastRun') {
		plan = planIncrementalRange({
			cursor: staticData.orderCursor as SyncCursor | undefined,
			scope,
			now,
			lookbackDays: this.getNodeParameter('lookbackDays', 0) as number,
			overlapMs: (this.getNodeParameter('overlapMinutes', 0) as number) * MINUTE_MS,
			settleMs: connector.orders.settleMs,
			maxAgeDays: connector.orders.maxAgeDays,
		});
	} else {
		const start = Date.parse(this.getNodeParameter('updatedAfter', 0) as string);
		const beforeText = this.getNodeParameter('updatedBefore', 0, '') as string;
		const end = beforeText ? Date.parse(beforeText) : now - connector.orders.settleMs;
		if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
			throw new NodeOperationError(this.getNode(), 'Updated After and Updated Before must be dates, the first not after the second');
		}
		// Cut to the platform's age limit only where the platform refuses older windows; elsewhere
		// a shop may serve older orders than usual (Shopify with read_all_orders), and the output
		// pane says when the range reaches past the usual limit.
		plan = { range: { start, end }, kind: 'backfill' };
		const usual = clampToPlatformAge(plan, now, connector.orders.maxAgeDays);
		if (connector.orders.maxAgeEnforced) {
			plan = usual;
		} else if (usual.clampedFrom !== undefined) {
			this.addExecutionHints({
				message: `${connector.displayName} usually serves orders only from the last ${connector.orders.maxAgeDays} days (more with extra permissions): orders updated before ${new Date(usual.range.start).toISOString()} may be missing. / 平台通常只提供近 ${connector.orders.maxAgeDays} 天的订单，更早的订单可能缺失。`,
				type: 'warning',
				location: 'outputPane',
			});
		}
	}

	const windows: TimeWindow[] = splitIntoWindows(plan.range, connector.orders.maxWindowMs);
	const read: Array<ReadOrder<unknown>> = [];
	try {
		for (const window of windows) {
			for (const raw of await connector.orders.fetchWindow(api, window)) {
				const order = connector.orders.toOrder(raw, { timeZone });
				read.push({ order, raw, updatedAtMs: Date.parse(order.updatedAt) });
			}
		}
	} catch (error) {
		// The cursor stays where it was: the next run reads the same range again.
		throw toNodeError(this, error);
	}
	if (readMode === 'sinceLastRun') staticData.orderCursor = advanceCursor(plan, scope);

	if (plan.clampedFrom !== undefined) {
		this.addExecutionHints({
			message: `${connector.displayName} serves orders only from the last ${connector.orders.maxAgeDays} days: orders updated between ${new Date(plan.clampedFrom).toISOString()} and ${new Date(plan.range.start).toISOString()} were not read. / 平台只提供近 ${connector.orders.maxAgeDays} 天的订单，更早的订单未读取。`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	return latestPerOrder(read).map(({ order, raw }) => ({
		json: outputFormat === 'raw' ? (raw as INodeExecutionData['json']) : { ...order },
		pairedItem: { item: 0 },
	}));
}
