/**
 * README, Reorder Alert, "When a later node fails": a chat bot after the trigger cannot deliver,
 * the production execution fails, n8n still saves the static data (so the trigger has recorded
 * its alerts as announced and later runs stay quiet), and retrying the failed execution from
 * n8n's Executions list re-runs from the failed node with the same items; with the bot's Skip
 * Messages Already Sent on, only the lines not yet accepted go out.
 *
 * Two published workflows run under `n8n start`, each Schedule Trigger (every 6 s) → Demo
 * inventory + Demo daily sales (fixed Last Day) → Reorder Alert (Only New Alerts) → DingTalk bot
 * (Send, Skip Messages Already Sent on) posting to its own fake DingTalk webhook. This shop has
 * two alerts; every line is padded to about 12 kB so each goes in a message of its own
 * (DingTalk's 20000-byte body limit). Each fake webhook accepts the first message and answers the
 * second with errcode 310000 "keywords not in content" (a refusal: neither throttling nor a 5xx,
 * both of which the node retries, so it fails at once), then is healthy again. So the first scheduled run fails half-way: message 1 delivered,
 * the rest not.
 *
 * The failed execution is then retried through n8n's REST API as the Executions list does,
 * `POST /rest/executions/:id/retry` with the owner's session:
 * - workflow "original": `{ loadWorkflow: false }`, the list's "Retry with original workflow";
 * - workflow "saved": `{ loadWorkflow: true }`, "Retry with currently saved workflow".
 *
 * What n8n does (n8n-io/n8n 2.8.4 and 2.41.1, packages/cli/src/executions/execution.service.ts
 * `retry`): it drops the failed node's errored run and runs the saved execution stack (the bot
 * with its input items) in mode 'retry'; the nodes before it do not run again. Its static data:
 * with loadWorkflow true, the workflow row as it is now; with loadWorkflow false, the snapshot
 * stored with the failed execution. n8n 2.8.4 rewrites it when the execution ends
 * (execution-lifecycle/shared/shared-hook-functions.ts prepareExecutionDataForDbUpdate picks
 * `staticData` too), so it holds the failed run's final static data, the bot's record of message
 * 1 included: the README holds. n8n 2.41.1 keeps no static data in it (measured below): the
 * retry starts from none, sends message 1 again, and wipes the trigger's state. Either way the retry, a non-manual mode, saves the static data it ends with over the
 * workflow's (execution-lifecycle-hooks.ts, workflowExecuteAfter). Not covered here: with
 * loadWorkflow false, state that later runs recorded between the failure and the retry is
 * replaced by that older snapshot (this shop's alerts do not change between runs).
 */
import * as fs from 'fs';
import * as path from 'path';

import { startDingTalkServer, type FakeBotServer } from '../support/chatBotServers';
import {
	PACKAGE,
	executionRun,
	freshInstance,
	importBuilt,
	itemsOf,
	listExecutions,
	n8nVersion,
	ownerSession,
	startN8n,
	importCredentials,
	runN8n,
	type ExecutionSummary,
	type Instance,
	type RestSession,
	type RunJson,
	type RunningN8n,
	type WorkflowJson,
	workflowNode,
} from './support/n8n';

const EVERY_SECONDS = 6;
const PHASE_TIMEOUT_MS = 40_000;
const ALERT_HEADER = '补货提醒 run';
const PADDING_BYTES = 12_000;
const TRIGGER = 'Check stock levels';
const BOT = 'Alert bot';

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

type RetryKind = 'original' | 'saved';

interface Case {
	kind: RetryKind;
	loadWorkflow: boolean;
	workflowId: string;
	bot: { id: string; token: string; secret: string };
	server?: FakeBotServer;
}

const CASES: Case[] = [
	{
		kind: 'original',
		loadWorkflow: false,
		workflowId: 'retryOriginalE2e',
		bot: { id: 'e2eRetryOriginalBot', token: 'e2e0retry0original0token0abcdef0123', secret: 'SECe2e0retry0original0secret0fedcba9876543' },
	},
	{
		kind: 'saved',
		loadWorkflow: true,
		workflowId: 'retrySavedE2e',
		bot: { id: 'e2eRetrySavedBot', token: 'e2e0retry0saved0token0abcdef0123456', secret: 'SECe2e0retry0saved0secret0fedcba987654321' },
	},
];

function workflow(c: Case): WorkflowJson {
	const to = (target: string, index = 0) => ({ node: target, type: 'main', index });
	return {
		id: c.workflowId,
		name: `Retry a failed run (${c.kind}) e2e`,
		nodes: [
			{
				...workflowNode('Schedule', 'n8n-nodes-base.scheduleTrigger', [0, 0], {
					rule: { interval: [{ field: 'seconds', secondsInterval: EVERY_SECONDS }] },
				}),
				typeVersion: 1.2,
			},
			workflowNode('Demo inventory', `${PACKAGE}.demoShopData`, [220, -100], { dataset: 'inventory', ...SHOP }),
			workflowNode('Demo daily sales', `${PACKAGE}.demoShopData`, [220, 100], { dataset: 'dailySales', ...SHOP }),
			workflowNode(TRIGGER, `${PACKAGE}.reorderAlert`, [440, 0], {
				asOfMode: 'latestSales',
				timeZone: 'Asia/Shanghai',
				onlyNewAlerts: true,
				language: 'en',
				options: {},
			}),
			workflowNode(
				BOT,
				`${PACKAGE}.dingTalkBot`,
				[660, 0],
				{
					operation: 'send',
					messageType: 'text',
					lineSource: 'template',
					lineTemplate: `={{ $json.status + " " + $json.sku + " @ " + $json.warehouse + " " + ".".repeat(${PADDING_BYTES}) }}`,
					header: `={{ "${ALERT_HEADER} " + $execution.id }}`,
					mentions: {},
					options: { skipAlreadySent: true },
				},
				{ credentials: { dingTalkBotApi: { id: c.bot.id, name: c.bot.id } } },
			),
		],
		connections: {
			Schedule: { main: [[to('Demo inventory'), to('Demo daily sales')]] },
			'Demo inventory': { main: [[to(TRIGGER, 0)]] },
			'Demo daily sales': { main: [[to(TRIGGER, 1)]] },
			[TRIGGER]: { main: [[to(BOT)], []] },
		},
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
		active: false,
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "<status> <sku> @ <warehouse>" lines of a delivered message, without the padding; and the run id of its header. */
function readMessage(body: Record<string, unknown>): { runId: string; lines: string[] } {
	const [header, ...lines] = String((body.text as { content?: unknown } | undefined)?.content ?? '').split('\n');
	return {
		runId: new RegExp(`^${ALERT_HEADER} (\\S+)`).exec(header)?.[1] ?? '?',
		lines: lines.map((line) => line.replace(/ \.+$/, '')),
	};
}

const linesOf = (requests: FakeBotServer['requests']) => requests.filter((r) => r.delivered).flatMap((r) => readMessage(r.body).lines);

function alertLines(run: RunJson): string[] {
	return (itemsOf(run, TRIGGER) ?? []).map((alert) => `${String(alert.status)} ${String(alert.sku)} @ ${String(alert.warehouse)}`);
}

const finished = (e: ExecutionSummary) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting';

describe(`Retrying a failed production run on n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let n8n: RunningN8n | undefined;
	let session: RestSession;

	beforeAll(async () => {
		for (const c of CASES) {
			c.server = await startDingTalkServer({ token: c.bot.token, secret: c.bot.secret });
			// Message 1 of the first run is accepted, message 2 refused; healthy from then on.
			c.server.passNext(1);
			c.server.replyNext({ body: { errcode: 310000, errmsg: 'keywords not in content' } }, 1);
		}
		instance = await freshInstance('retry-failed-run');
		const credentialsFile = path.join(instance.userFolder, 'retry-credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify(
				CASES.map((c) => ({
					id: c.bot.id,
					name: c.bot.id,
					type: 'dingTalkBotApi',
					data: { webhookToken: `https://oapi.dingtalk.com/robot/send?access_token=${c.bot.token}`, secret: c.bot.secret, baseUrl: c.server!.baseUrl, allowHttp: true },
				})),
			),
		);
		try {
			await importCredentials(instance, credentialsFile);
		} finally {
			fs.rmSync(credentialsFile);
		}
		await importBuilt(instance, CASES.map(workflow));
		for (const c of CASES) {
			const published = await runN8n(instance, ['publish:workflow', `--id=${c.workflowId}`]);
			expect({ code: published.code, error: /error/i.test(published.stdout + published.stderr) }).toEqual({ code: 0, error: false });
		}
	});

	afterAll(async () => {
		await n8n?.stop();
		await Promise.all(CASES.map((c) => c.server?.close()));
	});

	/** Polls until `ready` returns a value, failing with n8n's log after PHASE_TIMEOUT_MS. */
	async function waitFor<T>(what: string, ready: () => Promise<T | undefined>): Promise<T> {
		const deadline = Date.now() + PHASE_TIMEOUT_MS;
		for (;;) {
			if (n8n!.child.exitCode !== null) throw new Error(`n8n exited (${n8n!.child.exitCode}) waiting for ${what}:\n${n8n!.logTail()}`);
			const value = await ready();
			if (value !== undefined) return value;
			if (Date.now() > deadline) {
				const seen = await Promise.all(
					CASES.map(async (c) => ({
						workflow: c.workflowId,
						requests: c.server!.requests.map((r) => `HTTP ${r.status}, ${r.bodyBytes} bytes: ${JSON.stringify(readMessage(r.body))}`),
						executions: await listExecutions(session, c.workflowId)
							.then((list) => list.map((e) => `${e.id} ${e.mode} ${e.status}`))
							.catch((error: Error) => error.message),
					})),
				);
				throw new Error(`timed out waiting for ${what}: ${JSON.stringify(seen, null, 1)}\n${n8n!.logTail()}`);
			}
			await sleep(250);
		}
	}

	/** Finished scheduled ('trigger') executions of a workflow with an id above `afterId`, oldest first. */
	async function scheduledRuns(c: Case, afterId: number): Promise<ExecutionSummary[]> {
		return (await listExecutions(session, c.workflowId))
			.filter((e) => e.mode === 'trigger' && finished(e) && Number(e.id) > afterId)
			.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** What the Reorder Alert emitted and the bot did in a scheduled run. */
	async function describeRun(id: string) {
		const { status, run } = await executionRun(session, instance, id);
		const bot = itemsOf(run, BOT);
		return {
			status,
			alertsEmitted: alertLines(run).length,
			botRan: bot !== undefined,
			botSkippedAlreadySent: bot?.[0]?.skippedAlreadySent,
			messagesSent: bot?.length ?? 0,
		};
	}

	it('fails half-way, stays quiet, and a retry delivers the unsent lines', async () => {
		const started = Date.now();
		n8n = await startN8n(instance);
		session = await ownerSession(n8n.baseUrl);
		const timings: Record<string, number> = { ready: Date.now() - started };

		// 1. The first scheduled run fails in the bot; two more scheduled runs follow.
		const failedIds = new Map<RetryKind, string>();
		for (const c of CASES) {
			const failed = await waitFor(`a failed execution of ${c.workflowId}`, async () =>
				(await listExecutions(session, c.workflowId)).find((e) => e.status === 'error'),
			);
			failedIds.set(c.kind, failed.id);
			await waitFor(`two scheduled runs of ${c.workflowId} after the failed one`, async () => {
				const runs = await scheduledRuns(c, Number(failed.id));
				return runs.length >= 2 ? runs : undefined;
			});
		}
		timings.failedAndTwoQuietRuns = Date.now() - started;

		const before = new Map<RetryKind, Awaited<ReturnType<typeof observeBefore>>>();
		async function observeBefore(c: Case) {
			const failedId = failedIds.get(c.kind)!;
			const failed = await executionRun(session, instance, failedId);
			const quietRuns = await Promise.all((await scheduledRuns(c, Number(failedId))).map((e) => describeRun(e.id)));
			return {
				failed: {
					status: failed.status,
					mode: failed.mode,
					failingNode: failed.run.data.resultData.error?.node?.name,
					lastNodeExecuted: failed.run.data.resultData.lastNodeExecuted,
					error: failed.run.data.resultData.error?.message,
				},
				alerts: alertLines(failed.run),
				triggerStartTime: (failed.run.data.resultData.runData[TRIGGER]?.[0] as { startTime?: number } | undefined)?.startTime,
				requests: c.server!.requests.map((r) => ({ status: r.status, delivered: r.delivered, runId: readMessage(r.body).runId })),
				deliveredLines: linesOf(c.server!.requests),
				quietRuns,
			};
		}
		for (const c of CASES) before.set(c.kind, await observeBefore(c));

		// 2. Retry right after a scheduled run finished, so the retry does not overlap one (a
		//    scheduled run that loaded the static data before the retry saved it would overwrite it).
		const lastBeforeRetry = Math.max(...(await Promise.all(CASES.map(async (c) => Number((await listExecutions(session, c.workflowId))[0].id)))));
		for (const c of CASES) {
			await waitFor(`a fresh scheduled run of ${c.workflowId}`, async () => {
				const runs = await scheduledRuns(c, lastBeforeRetry);
				return runs.length >= 1 ? runs : undefined;
			});
		}
		const retries = new Map<RetryKind, { id: string; status: string; mode: string; retryOf: string; sentBefore: number; triggerStartTime?: number; alertsInput: string[] }>();
		for (const c of CASES) {
			const sentBefore = c.server!.requests.length;
			const retried = await session.request<{ id: string; status: string; mode: string; retryOf: string }>('POST', `/executions/${failedIds.get(c.kind)}/retry`, {
				loadWorkflow: c.loadWorkflow,
			});
			const detail = await executionRun(session, instance, String(retried.id));
			retries.set(c.kind, {
				id: String(retried.id),
				status: detail.status,
				mode: detail.mode,
				retryOf: String(detail.retryOf),
				sentBefore,
				triggerStartTime: (detail.run.data.resultData.runData[TRIGGER]?.[0] as { startTime?: number } | undefined)?.startTime,
				alertsInput: alertLines(detail.run),
			});
		}
		timings.retried = Date.now() - started;

		// 3. Two more scheduled runs after the retries.
		const afterRetries = new Map<RetryKind, Array<Awaited<ReturnType<typeof describeRun>>>>();
		for (const c of CASES) {
			const runs = await waitFor(`two scheduled runs of ${c.workflowId} after the retry`, async () => {
				const later = await scheduledRuns(c, Number(retries.get(c.kind)!.id));
				return later.length >= 2 ? later : undefined;
			});
			afterRetries.set(c.kind, await Promise.all(runs.map((e) => describeRun(e.id))));
		}
		timings.total = Date.now() - started;
		// n8n finishes running executions before it exits: a late message would still arrive.
		await n8n.stop();

		const observed = CASES.map((c) => {
			const b = before.get(c.kind)!;
			const r = retries.get(c.kind)!;
			const requests = c.server!.requests;
			const byRetry = requests.slice(r.sentBefore).filter((q) => readMessage(q.body).runId === r.id);
			const allDelivered = linesOf(requests);
			const timesDelivered = (line: string) => allDelivered.filter((l) => l === line).length;
			return {
				kind: c.kind,
				failedStatus: b.failed.status,
				failedMode: b.failed.mode,
				failingNode: b.failed.failingNode,
				firstRunRequests: b.requests.map((q) => `${q.status}${q.delivered ? ' delivered' : ' refused'}`),
				quietRunsBeforeRetry: b.quietRuns.map((q) => ({ alertsEmitted: q.alertsEmitted, botRan: q.botRan })),
				retryStatus: r.status,
				retryMode: r.mode,
				retryIsOfTheFailedRun: r.retryOf === failedIds.get(c.kind),
				retryReusedTheTriggerOutput: r.triggerStartTime === b.triggerStartTime && JSON.stringify(r.alertsInput) === JSON.stringify(b.alerts),
				requestsDuringRetryFromOtherRuns: requests.slice(r.sentBefore).length - byRetry.length,
				retrySentOnlyUnsentLines: JSON.stringify([...linesOf(byRetry)].sort()) === JSON.stringify(b.alerts.filter((l) => !b.deliveredLines.includes(l)).sort()),
				retryResentLinesOfMessage1: linesOf(byRetry).filter((l) => b.deliveredLines.includes(l)).length,
				everyAlertDeliveredExactlyOnce: b.alerts.every((l) => timesDelivered(l) === 1),
				runsAfterRetry: afterRetries.get(c.kind)!.map((q) => ({ status: q.status, botRan: q.botRan, messagesSent: q.messagesSent })),
				triggerKeptItsStateAfterRetry: afterRetries.get(c.kind)!.every((q) => q.alertsEmitted === 0),
				detail: {
					alerts: b.alerts.length,
					linesDeliveredByFirstRun: b.deliveredLines.length,
					linesDeliveredByRetry: linesOf(byRetry).length,
					messagesOfRetry: byRetry.length,
					runsAfterRetry: afterRetries.get(c.kind),
				},
			};
		});
		// eslint-disable-next-line no-console
		console.log(JSON.stringify({ version: n8nVersion(), timings, observed }, null, 2));

		for (const o of observed) {
			expect(o.detail.alerts).toBeGreaterThanOrEqual(2);
			const { detail, ...facts } = o;
			void detail;
			// n8n 2.41.1 stores the execution's workflow snapshot without static data
			// (executions/execution-data/types.ts toWorkflowSnapshot), so "Retry with original
			// workflow" starts the bot with no record of message 1 and, when it ends, saves its own
			// static data over the workflow's, wiping the Reorder Alert's recorded alerts. Not what
			// the README says: this documents n8n's real behaviour.
			const originalLosesState = o.kind === 'original' && n8nVersion() !== '2.8.4';
			expect(facts).toEqual({
				kind: o.kind,
				// The documented danger: the run failed in the bot, the trigger's state was saved anyway.
				failedStatus: 'error',
				failedMode: 'trigger',
				failingNode: BOT,
				firstRunRequests: ['200 delivered', '200 refused'],
				quietRunsBeforeRetry: [
					{ alertsEmitted: 0, botRan: false },
					{ alertsEmitted: 0, botRan: false },
				],
				// README: the retry runs from the failed node with the same items…
				retryStatus: 'success',
				retryMode: 'retry',
				retryIsOfTheFailedRun: true,
				retryReusedTheTriggerOutput: true,
				requestsDuringRetryFromOtherRuns: 0,
				// …and with Skip Messages Already Sent only the lines not yet accepted go out.
				retrySentOnlyUnsentLines: !originalLosesState,
				retryResentLinesOfMessage1: originalLosesState ? 1 : 0,
				everyAlertDeliveredExactlyOnce: !originalLosesState,
				// After a state-losing retry the trigger announces its alerts again once; the bot's
				// log (saved by the retry) skips them, so nothing more is sent.
				runsAfterRetry: [
					{ status: 'success', botRan: originalLosesState, messagesSent: 0 },
					{ status: 'success', botRan: false, messagesSent: 0 },
				],
				triggerKeptItsStateAfterRetry: !originalLosesState,
			});
		}
	});
});
