/**
 * "Only New Alerts" in an ACTIVE workflow: n8n's production trigger mode, not `n8n execute`
 * (restockRerun.test.ts covers that). A workflow built here, Schedule Trigger every 5 s → Demo
 * inventory + Demo daily sales (a fixed Last Day, so every run sees the same shop) → Reorder
 * Trigger (Only New Alerts) → Needs Action → DingTalk bot sending to a local fake webhook, with
 * "Skip Messages Already Sent" OFF: only the Reorder Alert's own state can keep later runs
 * quiet. A second DingTalk bot on a branch straight from the trigger posts one heartbeat per run
 * to a second fake webhook, so the test counts the scheduled runs.
 *
 * The workflow is imported, published with `n8n publish:workflow --id=…` (n8n 2.x: it sets
 * `active` and `activeVersionId` to the imported version; `n8n start` activates it), and
 * `n8n start` runs until three heartbeats arrived. Every alert message must carry the execution
 * id of the first heartbeat, and no alert may arrive in the runs after it.
 *
 * Why it holds (n8n-io/n8n, 2.8.4 and 2.41.1): scheduled runs go through WorkflowRunner with
 * executionMode 'trigger'; the `workflowExecuteAfter` hook of
 * packages/cli/src/execution-lifecycle/execution-lifecycle-hooks.ts saves changed static data for
 * every mode but 'manual'.
 */
import * as fs from 'fs';
import * as path from 'path';

import { startDingTalkServer, type FakeBotServer } from '../support/chatBotServers';
import {
	PACKAGE,
	freshInstance,
	importBuilt,
	importCredentials,
	n8nVersion,
	runN8n,
	startN8n,
	type Instance,
	type RunningN8n,
	type WorkflowJson,
	type WorkflowNode,
	workflowNode,
} from './support/n8n';

const WORKFLOW_ID = 'activeOnlyNewE2e';
const ALERT_BOT = { id: 'e2eActiveAlertBot', token: 'e2e0active0alert0token0abcdef012345', secret: 'SECe2e0active0alert0secret0fedcba98765432' };
const BEAT_BOT = { id: 'e2eActiveBeatBot', token: 'e2e0active0beat0token0abcdef0123456', secret: 'SECe2e0active0heartbeat0secret0123456789' };
const SECRETS = [ALERT_BOT.token, ALERT_BOT.secret, BEAT_BOT.token, BEAT_BOT.secret];
const EVERY_SECONDS = 5;
const RUNS_WANTED = 3;
const RUNS_TIMEOUT_MS = 90_000;

/** A small shop with a fixed Last Day: the same data, and so the same alerts, on every run. */
const SHOP = {
	seed: 42,
	customers: 300,
	orders: 2000,
	skus: 12,
	warehouses: 'east-shanghai, south-guangzhou',
	days: 60,
	endDate: '2025-06-30',
};

const ALERT_HEADER = '补货提醒 run';
const BEAT_HEADER = 'heartbeat run';

function dingTalk(name: string, position: [number, number], bot: typeof ALERT_BOT, header: string, lineTemplate: string): WorkflowNode {
	return workflowNode(
		name,
		`${PACKAGE}.dingTalkBot`,
		position,
		{
			operation: 'send',
			messageType: 'text',
			lineSource: 'template',
			lineTemplate,
			// The execution id in the header tells which scheduled run sent a message.
			header: `={{ "${header} " + $execution.id }}`,
			mentions: {},
			options: { skipAlreadySent: false },
		},
		{ credentials: { dingTalkBotApi: { id: bot.id, name: bot.id } } },
	);
}

function workflow(): WorkflowJson {
	const to = (target: string, index = 0) => ({ node: target, type: 'main', index });
	return {
		id: WORKFLOW_ID,
		name: 'Active workflow: only new alerts e2e',
		nodes: [
			{
				...workflowNode('Every 5 s', 'n8n-nodes-base.scheduleTrigger', [0, 0], {
					rule: { interval: [{ field: 'seconds', secondsInterval: EVERY_SECONDS }] },
				}),
				typeVersion: 1.2,
			},
			workflowNode('Demo inventory', `${PACKAGE}.demoShopData`, [220, -100], { dataset: 'inventory', ...SHOP }),
			workflowNode('Demo daily sales', `${PACKAGE}.demoShopData`, [220, 100], { dataset: 'dailySales', ...SHOP }),
			workflowNode('Check stock levels', `${PACKAGE}.reorderAlert`, [440, 0], {
				asOfMode: 'latestSales',
				timeZone: 'Asia/Shanghai',
				onlyNewAlerts: true,
				language: 'en',
				options: {},
			}),
			dingTalk('Alert bot', [660, -100], ALERT_BOT, ALERT_HEADER, '={{ $json.status + " " + $json.sku + " @ " + $json.warehouse }}'),
			// Below the rest: with execution order v1 the heartbeat branch runs last in each run.
			dingTalk('Heartbeat bot', [220, 300], BEAT_BOT, BEAT_HEADER, '={{ "tick " + $now.toISO() }}'),
		],
		connections: {
			'Every 5 s': { main: [[to('Demo inventory'), to('Demo daily sales'), to('Heartbeat bot')]] },
			'Demo inventory': { main: [[to('Check stock levels', 0)]] },
			'Demo daily sales': { main: [[to('Check stock levels', 1)]] },
			'Check stock levels': { main: [[to('Alert bot')], []] },
		},
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
		active: false,
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The execution id a message's header carries ("<header> <id>" on its first line). */
function runIdOf(body: Record<string, unknown>, header: string): string | undefined {
	const content = String((body.text as { content?: unknown } | undefined)?.content ?? '');
	return new RegExp(`^${header} (\\S+)\\n`).exec(content)?.[1];
}

describe(`Only New Alerts in an active workflow on n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let alerts: FakeBotServer;
	let beats: FakeBotServer;
	let n8n: RunningN8n | undefined;

	beforeAll(async () => {
		alerts = await startDingTalkServer({ token: ALERT_BOT.token, secret: ALERT_BOT.secret });
		beats = await startDingTalkServer({ token: BEAT_BOT.token, secret: BEAT_BOT.secret });
		instance = await freshInstance('active-workflow');
		const credentialsFile = path.join(instance.userFolder, 'active-workflow-credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify(
				[
					{ bot: ALERT_BOT, server: alerts },
					{ bot: BEAT_BOT, server: beats },
				].map(({ bot, server }) => ({
					id: bot.id,
					name: bot.id,
					type: 'dingTalkBotApi',
					data: { webhookToken: `https://oapi.dingtalk.com/robot/send?access_token=${bot.token}`, secret: bot.secret, baseUrl: server.baseUrl, allowHttp: true },
				})),
			),
		);
		try {
			await importCredentials(instance, credentialsFile);
		} finally {
			fs.rmSync(credentialsFile);
		}
		await importBuilt(instance, [workflow()]);
		const published = await runN8n(instance, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		expect({ code: published.code, error: /error/i.test(published.stdout + published.stderr) }).toEqual({ code: 0, error: false });
	});

	afterAll(async () => {
		await n8n?.stop();
		await Promise.all([alerts?.close(), beats?.close()]);
	});

	it('alerts once on the first scheduled run, and stays quiet on the runs after it', async () => {
		const started = Date.now();
		n8n = await startN8n(instance);
		while (beats.delivered().length < RUNS_WANTED) {
			if (n8n.child.exitCode !== null) throw new Error(`n8n exited (${n8n.child.exitCode}):\n${n8n.logTail()}`);
			if (Date.now() - started > RUNS_TIMEOUT_MS) {
				throw new Error(`${beats.delivered().length} of ${RUNS_WANTED} scheduled runs in ${RUNS_TIMEOUT_MS / 1000} s:\n${n8n.logTail()}`);
			}
			await sleep(250);
		}
		// n8n finishes the executions in progress before it exits: a late alert would still arrive.
		await n8n.stop();
		const log = fs.readFileSync(n8n.logFile, 'utf8');

		const runIds = beats.delivered().map((body) => runIdOf(body, BEAT_HEADER));
		expect(runIds.every((id) => id !== undefined)).toBe(true);
		expect(new Set(runIds).size).toBe(runIds.length);
		expect(beats.requests.every((r) => r.delivered)).toBe(true);
		const [firstRun, ...laterRuns] = runIds;
		expect(laterRuns.length).toBeGreaterThanOrEqual(RUNS_WANTED - 1);

		// Every alert message came from the first run, and carries at least one alert line.
		expect(alerts.requests.length).toBeGreaterThan(0);
		expect(alerts.requests.map((r) => r.reply.errcode)).toEqual(alerts.requests.map(() => 0));
		const alertBodies = alerts.delivered();
		expect(alertBodies.map((body) => runIdOf(body, ALERT_HEADER))).toEqual(alertBodies.map(() => firstRun));
		const alertLines = alertBodies.flatMap((body) => String((body.text as { content: string }).content).split('\n').slice(1));
		expect(alertLines.length).toBeGreaterThan(0);
		for (const line of alertLines) expect(line).toMatch(/^(reorder|urgent|no_history) SKU-\S+ @ (east-shanghai|south-guangzhou)$/);
		expect(new Set(alertLines).size).toBe(alertLines.length);

		// The secrets stay in n8n's encrypted credentials: not in its log, not in what the bots
		// received, not in clear text in its database (run data of every execution).
		const database = ['database.sqlite', 'database.sqlite-wal']
			.map((file) => path.join(instance.userFolder, '.n8n', file))
			.filter((file) => fs.existsSync(file))
			.map((file) => fs.readFileSync(file).toString('latin1'))
			.join('\n');
		expect(database.length).toBeGreaterThan(0);
		const received = JSON.stringify([...alerts.requests, ...beats.requests].map((r) => r.body));
		for (const secret of SECRETS) {
			expect({ secret, inLog: log.includes(secret), inMessages: received.includes(secret), inDatabase: database.includes(secret) }).toEqual({
				secret,
				inLog: false,
				inMessages: false,
				inDatabase: false,
			});
		}
	});
});
