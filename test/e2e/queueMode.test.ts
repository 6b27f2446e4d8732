/**
 * n8n's queue mode (https://docs.n8n.io/hosting/scaling/queue-mode/): a main process that takes
 * triggers and webhooks and puts each execution on a Redis queue, workers (`n8n worker`) that run
 * them, and one Postgres database they all share. Real servers: a throwaway PostgreSQL
 * (scripts/postgres.js) and Redis (scripts/redis.js) from Debian's packages on loopback ports,
 * one n8n main and two workers on the pack's user folder.
 *
 * Every template in workflows/ is imported twice: unchanged, and as a "queue copy" whose Manual
 * Trigger is replaced by a Webhook node of the same name (schedule triggers removed, so nothing
 * fires on its own), published, so that each call of its production webhook is an execution the
 * main process enqueues (n8n 2.8.4 and 2.41.1, packages/cli/src/workflow-runner.ts: every mode
 * but 'manual' goes to the queue in queue mode). The unchanged template runs with `n8n execute`,
 * which n8n runs in regular mode even when EXECUTIONS_MODE=queue (commands/execute.ts).
 *
 * - The queue copies' runs pass the same template checks as in single mode, and every pack node
 *   but the chat bots gives the same items as the single-mode run.
 * - Only New Alerts keeps its state in the workflow's static data. A worker reloads it from the
 *   database when it takes a trigger or webhook job (scaling/job-processor.ts, `loadStaticData`)
 *   and saves it after the run (execution-lifecycle-hooks.ts): a second run on the OTHER worker
 *   announces nothing again.
 * - Two runs started at the same moment, one on each worker (each takes one job at a time), must
 *   not announce an alert twice. The plain template does (pinned with `it.failing`); its queue-mode
 *   variant workflows/queue/restock-alerts-postgres.json, which keeps the open alerts in a Postgres
 *   table claimed with one INSERT … ON CONFLICT (its SQL: alertClaims.test.ts), does not.
 */
import * as fs from 'fs';
import * as path from 'path';

import {
	PACKAGE,
	execute,
	explain,
	freshInstance,
	importCredentials,
	importDemoCredentials,
	importWorkflows,
	itemsOf,
	listExecutions,
	executionRun,
	n8nVersion,
	ownerSession,
	publishWorkflows,
	readTemplates,
	startN8n,
	startWorker,
	WORKFLOWS_DIR,
	type Instance,
	type RestSession,
	type RunJson,
	type RunningN8n,
	type WorkflowJson,
} from './support/n8n';
import { TEMPLATE_CHECKS } from './support/templateChecks';
import { startPostgres, type TestPostgres } from '../support/postgres';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/redis') as { startRedis(): Promise<{ host: string; port: number; stop(): Promise<void> }> };

const templates = readTemplates();

const QUEUE_SUFFIX = 'Q';
const CHAT_BOT = /\.(weComBot|dingTalkBot|feishuBot)$/;
const RUN_TIMEOUT_MS = 120_000;
/** The template whose Reorder node keeps Only New Alerts state. */
const restock = templates.find(({ workflow }) => workflow.nodes.some((n) => n.parameters?.onlyNewAlerts === true))!;
const CONCURRENT_SUFFIX = 'C';
/** The queue-mode variant of the restock template: open alerts in a Postgres table. */
const restockPostgres = {
	file: 'queue/restock-alerts-postgres.json',
	workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, 'queue/restock-alerts-postgres.json'), 'utf8')) as WorkflowJson,
};
const POSTGRES_SUFFIX = 'P';

/** The template with its Manual Trigger turned into a production webhook and no schedule. */
function queueCopy(workflow: WorkflowJson, suffix = QUEUE_SUFFIX): WorkflowJson {
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')!;
	const schedules = new Set(workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.scheduleTrigger').map((n) => n.name));
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => !schedules.has(from)));
	return {
		...workflow,
		id: `${workflow.id}${suffix}`.slice(-21),
		name: `${workflow.name} (queue ${suffix})`,
		active: false,
		nodes: workflow.nodes
			.filter((n) => !schedules.has(n.name))
			.map((n) =>
				n === manual
					? {
							...n,
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							webhookId: `queue-e2e-${workflow.id}-${suffix}`,
							parameters: { httpMethod: 'POST', path: webhookPath(workflow, suffix), responseMode: 'onReceived', options: {} },
						}
					: n,
			),
		connections,
	};
}

const webhookPath = (workflow: WorkflowJson, suffix = QUEUE_SUFFIX) => `queue-e2e-${workflow.id.toLowerCase()}-${suffix.toLowerCase()}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pack's calculation nodes (not the chat bots, whose items carry send times and run ids). */
const calculationNodes = (workflow: WorkflowJson) => workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`) && !CHAT_BOT.test(n.type));

/**
 * Every output of a node in a run, as lists of items, with the run's own moment set aside: RFM's
 * `referenceDate` under Reference = Now is when the run started, which differs between the two
 * runs by design. It must still be a time with an offset, near the other run's.
 */
function outputsOf(run: RunJson | null, nodeName: string): { outputs: unknown[]; moments: number[] } {
	const outputs: unknown[] = [];
	const moments: number[] = [];
	for (let output = 0; output < 4; output++) {
		const items = itemsOf(run, nodeName, output);
		outputs.push(
			items?.map((item) => {
				if (typeof item.referenceDate !== 'string' || !/T.*[+-]\d{2}:\d{2}$/.test(item.referenceDate)) return item;
				const { referenceDate, ...rest } = item;
				moments.push(Date.parse(String(referenceDate)));
				return rest;
			}) ?? null,
		);
	}
	return { outputs, moments };
}

describe(`templates through n8n's queue mode: Redis, Postgres, a main and two workers (n8n ${n8nVersion()})`, () => {
	let postgres: TestPostgres;
	let redis: { host: string; port: number; stop(): Promise<void> };
	let instance: Instance;
	let main: RunningN8n | undefined;
	const workers: Array<RunningN8n & { name: string }> = [];
	let session: RestSession;

	/** Calls a queue copy's production webhook: the main process enqueues one execution. */
	async function callWebhook(workflow: WorkflowJson, suffix = QUEUE_SUFFIX): Promise<void> {
		const response = await fetch(`${main!.baseUrl}/webhook/${webhookPath(workflow, suffix)}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		expect({ workflow: workflow.id, status: response.status }).toEqual({ workflow: workflow.id, status: 200 });
	}

	/** The queue copy's first execution not in `before`, once finished, with its run data and worker. */
	async function finishedRun(workflow: WorkflowJson, before: Set<string>, suffix = QUEUE_SUFFIX): Promise<{ id: string; run: RunJson; worker: string | undefined }> {
		const copyId = queueCopy(workflow, suffix).id;
		const started = Date.now();
		for (;;) {
			// A busy machine (two cores, a main, two workers, Postgres) may drop a poll: ask again.
			const executions = await listExecutions(session, copyId).catch(() => []);
			const fresh = executions.find((e) => !before.has(e.id));
			if (fresh && !['new', 'running', 'waiting'].includes(fresh.status)) {
				const { run } = await executionRun(session, instance, fresh.id);
				before.add(fresh.id);
				return { id: fresh.id, run, worker: workerOf(fresh.id) };
			}
			if (Date.now() - started > RUN_TIMEOUT_MS) throw new Error(`no finished execution of ${copyId} in ${RUN_TIMEOUT_MS / 1000} s:\n${main!.logTail()}`);
			await sleep(1000);
		}
	}

	/** Which worker ran an execution, from the workers' own log line (scaling/job-processor.ts). */
	function workerOf(executionId: string): string | undefined {
		const line = new RegExp(`Worker started execution ${executionId} \\(job`);
		return workers.find((w) => line.test(fs.readFileSync(w.logFile, 'utf8')))?.name;
	}

	beforeAll(async () => {
		[postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
		const base = await freshInstance('queue-mode');
		instance = {
			...base,
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: postgres.host,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: 'trust-authentication',
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: redis.host,
				QUEUE_BULL_REDIS_PORT: String(redis.port),
			},
		};
		await importDemoCredentials(instance);
		// The variant's alert table lives in the database n8n itself uses, as the template suggests.
		const credentialsFile = path.join(instance.userFolder, 'alert-claims-credential.json');
		const pgCredential = (restockPostgres.workflow.nodes.find((n) => n.type === 'n8n-nodes-base.postgres')!.credentials as { postgres: { id: string; name: string } }).postgres;
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify([
				{
					...pgCredential,
					type: 'postgres',
					data: { host: postgres.host, port: postgres.port, database: postgres.database, user: postgres.user, password: '', ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 10 },
				},
			]),
		);
		await importCredentials(instance, credentialsFile);
		const copies = `${instance.userFolder}/queue-copies`;
		fs.mkdirSync(copies, { recursive: true });
		for (const { file, workflow } of templates) fs.writeFileSync(`${copies}/${file}`, JSON.stringify(queueCopy(workflow)));
		fs.writeFileSync(`${copies}/concurrent-${restock.file}`, JSON.stringify(queueCopy(restock.workflow, CONCURRENT_SUFFIX)));
		fs.writeFileSync(`${copies}/postgres-${restock.file}`, JSON.stringify(queueCopy(restockPostgres.workflow, POSTGRES_SUFFIX)));
		expect((await importWorkflows(instance, WORKFLOWS_DIR)).count).toBe(templates.length);
		expect((await importWorkflows(instance, copies)).count).toBe(templates.length + 2);
		main = await startN8n(instance);
		session = await ownerSession(main.baseUrl);
		await publishWorkflows(
			session,
			[
				...templates.map((t) => queueCopy(t.workflow).id),
				queueCopy(restock.workflow, CONCURRENT_SUFFIX).id,
				queueCopy(restockPostgres.workflow, POSTGRES_SUFFIX).id,
			],
		);
	});

	afterAll(async () => {
		await Promise.all([main?.stop(), ...workers.map((w) => w.stop())]);
		await redis?.stop();
		postgres?.stop();
	});

	const firstRuns = new Map<string, { id: string; run: RunJson; worker: string | undefined }>();

	it('runs every template on a worker, with the same results as in single mode', async () => {
		workers.push(await startWorker(instance, 'worker-1', 1));
		// All at once: the queue holds them until the worker takes them.
		for (const { workflow } of templates) await callWebhook(workflow);
		for (const { file, workflow } of templates) {
			const queued = await finishedRun(workflow, new Set());
			firstRuns.set(file, queued);
			expect({ file, status: queued.run.status, worker: queued.worker }).toEqual({ file, status: 'success', worker: 'worker-1' });
			// The main process only enqueued it.
			expect(fs.readFileSync(main!.logFile, 'utf8')).not.toMatch(new RegExp(`Worker started execution ${queued.id} `));
			TEMPLATE_CHECKS[file](queued.run, queueCopy(workflow));

			const single = await execute(instance, workflow.id);
			expect({ file, ok: single.ok, why: single.ok ? '' : explain(single) }).toEqual({ file, ok: true, why: '' });
			for (const node of calculationNodes(workflow)) {
				const inQueue = outputsOf(queued.run, node.name);
				const inSingle = outputsOf(single.run, node.name);
				expect({ file, node: node.name, outputs: inQueue.outputs }).toEqual({ file, node: node.name, outputs: inSingle.outputs });
				expect(inQueue.moments.length).toBe(inSingle.moments.length);
				for (const moment of [...inQueue.moments, ...inSingle.moments]) expect(Math.abs(moment - Date.now())).toBeLessThan(15 * 60_000);
			}
		}
	});

	let secondRun: { id: string; run: RunJson; worker: string | undefined } | undefined;

	it('runs the restock template again on the other worker', async () => {
		expect(restock).toBeDefined();
		const { workflow } = restock;
		// Only the second worker is left to take the job.
		await workers[0].stop();
		workers.push(await startWorker(instance, 'worker-2', 1));
		const seen = new Set((await listExecutions(session, queueCopy(workflow).id)).map((e) => e.id));
		await callWebhook(workflow);
		secondRun = await finishedRun(workflow, seen);
		expect({ status: secondRun.run.status, worker: secondRun.worker }).toEqual({ status: 'success', worker: 'worker-2' });
	});

	/*
	 * On n8n 2.8.4 the second run announces nothing: the worker reloads the static data the first
	 * run saved. KNOWN GAP on n8n 2.41.1: every queued run starts with EMPTY static data, so the
	 * second run announces every alert again. Traced (2.41.1's dist, and workflow_entity vs
	 * execution_data in this test's Postgres): the main loads static data when it enqueues a new
	 * execution (workflow-runner.js prepareNewExecution) but stores the execution's workflow without
	 * it (execution-data/types.js toWorkflowSnapshot: id, name, nodes, connections, settings,
	 * nodeGroups), and the job tells the worker to reload it only for an existing execution
	 * (`shouldReloadStaticData`). `it.failing` pins it there. In queue mode use
	 * workflows/queue/restock-alerts-postgres.json, whose alert state is in Postgres (docs/queue-mode.md).
	 */
	const staticDataCarriesOver = n8nVersion() === '2.8.4' ? it : it.failing;
	staticDataCarriesOver('keeps Only New Alerts when the next run lands on the other worker', () => {
		const { file, workflow } = restock;
		const reorder = workflow.nodes.find((n) => n.parameters?.onlyNewAlerts === true)!;
		const first = firstRuns.get(file)!;
		expect((itemsOf(first.run, reorder.name, 0) ?? []).length).toBeGreaterThan(0);
		expect(secondRun).toBeDefined();
		expect(itemsOf(secondRun!.run, reorder.name, 0)).toEqual([]);
		expect(itemsOf(secondRun!.run, reorder.name, 1)).toEqual(itemsOf(first.run, reorder.name, 1));
	});

	const concurrentRuns: Array<{ id: string; run: RunJson; worker: string | undefined }> = [];

	it('runs two executions started at the same moment side by side, one on each worker', async () => {
		workers.push(await startWorker(instance, 'worker-3', 1));
		await Promise.all([callWebhook(restock.workflow, CONCURRENT_SUFFIX), callWebhook(restock.workflow, CONCURRENT_SUFFIX)]);
		const seen = new Set<string>();
		concurrentRuns.push(await finishedRun(restock.workflow, seen, CONCURRENT_SUFFIX), await finishedRun(restock.workflow, seen, CONCURRENT_SUFFIX));
		expect({ workers: concurrentRuns.map((r) => r.worker).sort(), statuses: concurrentRuns.map((r) => r.run.status) }).toEqual({
			workers: ['worker-2', 'worker-3'],
			statuses: ['success', 'success'],
		});
	});

	/*
	 * KNOWN GAP (issue 11, open): both runs announce every alert. Each worker loads the workflow's
	 * static data when it takes the job and n8n saves it only when the run ends, so neither run sees
	 * what the other announced (the same holds for the chat bots' Skip Messages Already Sent).
	 * `it.failing` passes while the duplicates are there and fails the day they are gone: then
	 * make it a plain `it`. The fix is a store with an atomic claim (docs/queue-mode.md).
	 */
	it.failing('announces each alert once when two runs start at the same moment on two workers', () => {
		const reorder = restock.workflow.nodes.find((n) => n.parameters?.onlyNewAlerts === true)!;
		expect(concurrentRuns).toHaveLength(2);
		const alerts = concurrentRuns.flatMap((r) => (itemsOf(r.run, reorder.name, 0) ?? []).map((a) => `${a.sku}|${a.warehouse}`));
		const firstAlone = itemsOf(firstRuns.get(restock.file)!.run, reorder.name, 0) ?? [];
		expect(firstAlone.length).toBeGreaterThan(0);
		expect(alerts.sort()).toEqual(firstAlone.map((a) => `${a.sku}|${a.warehouse}`).sort());
	});

	/*
	 * The fix, as a template variant for queue mode: Reorder Alert reports every current alert, and
	 * Claim new alerts writes them into the Postgres table in one INSERT … ON CONFLICT statement that
	 * returns only the rows it wrote; the database lets one run write each SKU + warehouse at a level.
	 */
	it('announces each alert once with the Postgres alert table, two runs at the same moment on two workers, and nothing on a later run', async () => {
		const { workflow } = restockPostgres;
		const reorder = restock.workflow.nodes.find((n) => n.parameters?.onlyNewAlerts === true)!;
		const keys = (items: Array<Record<string, unknown>> | undefined) => (items ?? []).map((a) => `${a.sku}|${a.warehouse}`).sort();
		const expected = keys(itemsOf(firstRuns.get(restock.file)!.run, reorder.name, 0));
		expect(expected.length).toBeGreaterThan(0);

		await Promise.all([callWebhook(workflow, POSTGRES_SUFFIX), callWebhook(workflow, POSTGRES_SUFFIX)]);
		const seen = new Set<string>();
		const runs = [await finishedRun(workflow, seen, POSTGRES_SUFFIX), await finishedRun(workflow, seen, POSTGRES_SUFFIX)];
		expect({ workers: runs.map((r) => r.worker).sort(), statuses: runs.map((r) => r.run.status) }).toEqual({
			workers: ['worker-2', 'worker-3'],
			statuses: ['success', 'success'],
		});
		// The two runs overlapped in time (node start to node end), each took its job at once.
		const span = ({ run }: { run: RunJson }) => {
			const tasks = Object.values(run.data.resultData.runData).flat() as unknown as Array<{ startTime: number; executionTime: number }>;
			return [Math.min(...tasks.map((t) => t.startTime)), Math.max(...tasks.map((t) => t.startTime + t.executionTime))];
		};
		const [a, b] = runs.map(span);
		expect({ overlapped: a[0] < b[1] && b[0] < a[1], a, b }).toEqual({ overlapped: true, a, b });
		// Both runs found every alert; between them they announced each exactly once.
		for (const { run } of runs) expect(keys(itemsOf(run, 'Check stock levels', 0))).toEqual(expected);
		const announced = runs.flatMap(({ run }) => itemsOf(run, 'New alerts only') ?? []);
		expect(keys(announced)).toEqual(expected);
		expect(keys(runs.flatMap(({ run }) => itemsOf(run, 'Purchase suggestions') ?? []))).toEqual(expected);
		expect(Number(postgres.sql('SELECT count(*) FROM commerce_ops_alert_claims').trim())).toBe(expected.length);

		// A later run, on whichever worker: the same alerts are still open, nothing is announced.
		await callWebhook(workflow, POSTGRES_SUFFIX);
		const later = await finishedRun(workflow, seen, POSTGRES_SUFFIX);
		expect(later.run.status).toBe('success');
		expect(keys(itemsOf(later.run, 'Check stock levels', 0))).toEqual(expected);
		expect(itemsOf(later.run, 'Claim new alerts')).toEqual([{ alerts: [] }]);
		expect(itemsOf(later.run, 'New alerts only') ?? []).toEqual([]);
		expect(itemsOf(later.run, 'Purchase suggestions')).toBeUndefined();
	});
});
