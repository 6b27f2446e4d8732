/**
 * Every node reads only the parameters its settings show.
 *
 * n8n drops a parameter its display options hide (n8n-workflow's Workflow constructor runs
 * NodeHelpers.getNodeParameters with returnNoneDisplayed = false), so a node that reads a hidden
 * one fails with n8n's bare "Could not get parameter" — in the editor and in production, for
 * settings its own tests never chose (it happened to RFM's Reference Date under Reference =
 * Now). This runs each node, in-process through n8n-core, with every pair of values of the
 * parameters that decide what is shown (all others at their defaults, as a user who changed two
 * settings would have them) and fails on that error or on any raw JavaScript error.
 *
 * Settings errors a user can fix (an empty threshold list, a missing date) are fine here: they
 * are NodeOperationErrors with a message that names the parameter.
 */
import type { IDataObject, INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { ContentMix } from '../../nodes/ContentMix/ContentMix.node';
import { CouponTier } from '../../nodes/CouponTier/CouponTier.node';
import { DemoShopData } from '../../nodes/DemoShopData/DemoShopData.node';
import { DingTalkBot } from '../../nodes/DingTalkBot/DingTalkBot.node';
import { FeishuBot } from '../../nodes/FeishuBot/FeishuBot.node';
import { ReorderAlert } from '../../nodes/ReorderAlert/ReorderAlert.node';
import { RfmSegment } from '../../nodes/RfmSegment/RfmSegment.node';
import { VisitorValue } from '../../nodes/VisitorValue/VisitorValue.node';
import { WeComBot } from '../../nodes/WeComBot/WeComBot.node';
import { node, runWorkflow, type WorkflowJson } from '../support/n8n';

const shop = { seed: 3, customers: 60, orders: 300, skus: 8, days: 60, endDate: '2026-06-30' };
const demo = (name: string, dataset: string) => node(name, 'demoShopData', { ...shop, dataset });
const SECRET = 'shown-parameters-test-secret-0123456789';

interface Case {
	description: INodeTypeDescription;
	/** Parameters every run keeps (e.g. bots only preview: a send would need a server). */
	fixed?: IDataObject;
	/** The node under test, fed as it is in the templates. */
	workflow(parameters: IDataObject): WorkflowJson;
}

/** Start → upstream nodes (each into the given input of the node under test) → node under test. */
function feed(type: string, parameters: IDataObject, upstream: INode[][], extra: Partial<INode> = {}): WorkflowJson {
	const start = node('Start', 'n8n-nodes-base.manualTrigger');
	const target = node('Under Test', type, parameters, extra);
	const connections: WorkflowJson['connections'] = {
		Start: { main: [upstream.map((chain) => ({ node: chain[0].name, type: 'main' as const, index: 0 }))] },
	};
	upstream.forEach((chain, input) => {
		chain.forEach((n, i) => {
			const next = chain[i + 1];
			connections[n.name] = { main: [[next ? { node: next.name, type: 'main', index: 0 } : { node: target.name, type: 'main', index: input }]] };
		});
	});
	return { nodes: [start, ...upstream.flat(), target], connections, settings: { executionOrder: 'v1' } };
}

const scored = () => [demo('Orders', 'orders'), node('RFM', 'rfmSegment', { referenceMode: 'latestOrder', outputMode: 'customers' })];
const alerts = () => [node('Alerts', 'test.fixture', { items: JSON.stringify([{ sku: 'A-1', message: '补货 A-1', quantity: 3 }]) })];

const CASES: Record<string, Case> = {
	'RFM Segment': { description: new RfmSegment().description, workflow: (p) => feed('rfmSegment', p, [[demo('Orders', 'orders')]]) },
	'Coupon Tier': {
		description: new CouponTier().description,
		workflow: (p) =>
			feed('couponTier', { campaignId: 'c1', ...p }, [scored()], {
				credentials: { couponCodeSecretApi: { id: '1', name: 'Coupon code secret' } },
			}),
	},
	'Visitor Value': {
		description: new VisitorValue().description,
		workflow: (p) => feed('visitorValue', p, [[demo('Orders', 'orders')], [demo('Traffic', 'traffic')]]),
	},
	'Content Mix': {
		description: new ContentMix().description,
		workflow: (p) => feed('contentMix', p, [[demo('Posts', 'contentPosts')], [demo('Orders', 'orders')]]),
	},
	'Reorder Alert': {
		description: new ReorderAlert().description,
		workflow: (p) => feed('reorderAlert', p, [[demo('Inventory', 'inventory')], [demo('Daily Sales', 'dailySales')]]),
	},
	'Demo Shop Data': { description: new DemoShopData().description, workflow: (p) => feed('demoShopData', { ...shop, ...p }, []) },
	'WeCom Bot': { description: new WeComBot().description, fixed: { operation: 'preview' }, workflow: (p) => feed('weComBot', p, [alerts()]) },
	'DingTalk Bot': { description: new DingTalkBot().description, fixed: { operation: 'preview' }, workflow: (p) => feed('dingTalkBot', p, [alerts()]) },
	'Feishu Bot': { description: new FeishuBot().description, fixed: { operation: 'preview' }, workflow: (p) => feed('feishuBot', p, [alerts()]) },
};

/** The top-level parameters that other parameters' display options name, with their choices. */
function switches(properties: INodeProperties[], fixed: IDataObject): Map<string, Array<string | number | boolean>> {
	const named = new Set<string>();
	for (const p of properties) {
		for (const rule of [p.displayOptions?.show, p.displayOptions?.hide]) {
			for (const key of Object.keys(rule ?? {})) if (!key.startsWith('/') && !key.startsWith('@')) named.add(key);
		}
	}
	const found = new Map<string, Array<string | number | boolean>>();
	for (const name of named) {
		if (name in fixed) continue;
		// A parameter may appear once per display variant; take every variant's choices.
		const choices = new Set<string | number | boolean>();
		for (const p of properties.filter((q) => q.name === name)) {
			if (p.type === 'boolean') [true, false].forEach((v) => choices.add(v));
			for (const option of p.type === 'options' ? (p.options ?? []) : []) if ('value' in option) choices.add(option.value as string | number | boolean);
		}
		if (choices.size > 0) found.set(name, [...choices]);
	}
	return found;
}

/**
 * One parameter set per pair of switch values (per single value for a node with one switch; the
 * defaults alone for a node whose parameters are all always shown).
 */
function pairs(found: Map<string, Array<string | number | boolean>>): IDataObject[] {
	const names = [...found.keys()];
	if (names.length === 0) return [{}];
	const sets: IDataObject[] = names.length === 1 ? found.get(names[0])!.map((v) => ({ [names[0]]: v })) : [];
	for (let i = 0; i < names.length; i++) {
		for (let j = i + 1; j < names.length; j++) {
			for (const a of found.get(names[i])!) for (const b of found.get(names[j])!) sets.push({ [names[i]]: a, [names[j]]: b });
		}
	}
	return sets;
}

function requiredDates(properties: INodeProperties[]): IDataObject {
	const dates = properties.filter((p) => p.required && p.type === 'dateTime' && p.default === '');
	return Object.fromEntries(dates.map((p) => [p.name, shop.endDate]));
}

const RAW_ERROR = /Could not get parameter|is not a function|Cannot read propert|is not defined|is not iterable/;

describe.each(Object.entries(CASES))('%s reads only the parameters its settings show', (_name, spec) => {
	const found = switches(spec.description.properties, spec.fixed ?? {});

	it('runs every pair of their values without a hidden-parameter read or a raw error', async () => {
		const failures: string[] = [];
		for (const parameters of pairs(found)) {
			// A required date left empty stops n8n before the run ("the workflow has issues"), as in
			// the editor: give each the demo's last day, as a user would.
			const workflow = spec.workflow({ ...requiredDates(spec.description.properties), ...spec.fixed, ...parameters });
			const result = await runWorkflow(workflow, { couponCodeSecretApi: { secret: SECRET } });
			for (const [nodeName, runs] of Object.entries(result.run.data.resultData.runData)) {
				const error = runs[0]?.error;
				if (error && (RAW_ERROR.test(error.message) || !/NodeOperationError|NodeApiError/.test(error.name ?? error.constructor.name))) {
					failures.push(`${JSON.stringify(parameters)} → ${nodeName}: ${error.name}: ${error.message}`);
				}
			}
		}
		expect(failures).toEqual([]);
	});
});
