/**
 * The bot nodes in a real n8n: credentials imported with `n8n import:credentials` (n8n encrypts
 * them), a workflow Manual → Code (three alerts) → DingTalk Custom Bot + Feishu / Lark Custom Bot
 * posting to local fake webhooks started by this test, which check the documented signatures.
 * A second `n8n execute` of the same workflow sends nothing: "Skip Messages Already Sent" is
 * kept in the workflow's static data, which n8n saves after CLI executions.
 */
import * as fs from 'fs';
import * as path from 'path';

import { startDingTalkServer, startFeishuServer, type FakeBotServer } from '../support/chatBotServers';
import {
	PACKAGE,
	execute,
	explain,
	freshInstance,
	importBuilt,
	itemsOf,
	n8nVersion,
	runN8n,
	type Instance,
	type WorkflowJson,
	workflowNode,
	codeNode,
} from './support/n8n';

const DINGTALK_TOKEN = 'e2e0dingtalk0token0abcdef0123456789';
const DINGTALK_SECRET = 'SECe2e0signing0secret0for0dingtalk0987654321';
const FEISHU_HOOK = 'e2e0feishu-hook-0000-1111-2222';
const FEISHU_SECRET = 'e2eFeishuSigningSecret123';
const WORKFLOW_ID = 'chatBotsE2e';

function workflow(): WorkflowJson {
	const alerts = [
		{ alertId: 'A-1', sku: 'SKU-0001', warehouse: '上海仓', daysOfCover: 2 },
		{ alertId: 'A-2', sku: 'SKU-0002', warehouse: '广州仓', daysOfCover: 1 },
		{ alertId: 'A-3', sku: 'SKU-0003', warehouse: '上海仓', daysOfCover: 4 },
	];
	const bot = { header: '补货提醒 e2e', lineTemplate: '={{ "⚠️ " + $json.sku + " @ " + $json.warehouse + ": 还能卖 " + $json.daysOfCover + " 天" }}', options: { skipAlreadySent: true, dedupKeyField: 'alertId' } };
	const to = (target: string) => ({ node: target, type: 'main', index: 0 });
	return {
		id: WORKFLOW_ID,
		name: 'Chat bots e2e',
		nodes: [
			workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0], {}),
			codeNode('Alerts', [200, 0], `return ${JSON.stringify(alerts.map((json) => ({ json })))};`),
			workflowNode('DingTalk', `${PACKAGE}.dingTalkBot`, [400, -100], { ...bot, mentions: { mobiles: '13800001111' } }, {
				credentials: { dingTalkBotApi: { id: 'e2eDingTalkBot', name: 'E2E DingTalk bot' } },
			}),
			workflowNode('Feishu', `${PACKAGE}.feishuBot`, [400, 100], { ...bot, messageType: 'markdown' }, {
				credentials: { feishuBotApi: { id: 'e2eFeishuBot', name: 'E2E Feishu bot' } },
			}),
		],
		connections: {
			'Run now': { main: [[to('Alerts')]] },
			Alerts: { main: [[to('DingTalk'), to('Feishu')]] },
		},
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
		active: false,
	};
}

describe(`team-chat bots in n8n ${n8nVersion()}`, () => {
	let instance: Instance;
	let dingTalk: FakeBotServer;
	let feishu: FakeBotServer;

	beforeAll(async () => {
		dingTalk = await startDingTalkServer({ token: DINGTALK_TOKEN, secret: DINGTALK_SECRET });
		feishu = await startFeishuServer({ hookId: FEISHU_HOOK, secret: FEISHU_SECRET });
		instance = await freshInstance('chat-bots');
		const credentialsFile = path.join(instance.userFolder, 'chat-bot-credentials.json');
		fs.writeFileSync(
			credentialsFile,
			JSON.stringify([
				{
					id: 'e2eDingTalkBot',
					name: 'E2E DingTalk bot',
					type: 'dingTalkBotApi',
					data: { webhookToken: `https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}`, secret: DINGTALK_SECRET, baseUrl: dingTalk.baseUrl, allowHttp: true },
				},
				{
					id: 'e2eFeishuBot',
					name: 'E2E Feishu bot',
					type: 'feishuBotApi',
					data: { webhookToken: FEISHU_HOOK, secret: FEISHU_SECRET, baseUrl: feishu.baseUrl, allowHttp: true },
				},
			]),
		);
		const imported = await runN8n(instance, ['import:credentials', `--input=${credentialsFile}`]);
		expect(imported.code).toBe(0);
		fs.rmSync(credentialsFile);
		await importBuilt(instance, [workflow()]);
	});

	afterAll(async () => {
		await Promise.all([dingTalk?.close(), feishu?.close()]);
	});

	it('delivers signed messages through the real n8n; the run data holds no secret', async () => {
		const run = await execute(instance, WORKFLOW_ID);
		expect({ ok: run.ok, why: run.ok ? '' : explain(run) }).toEqual({ ok: true, why: '' });

		expect(dingTalk.requests.map((r) => r.reply.errcode)).toEqual([0]);
		const [dingBody] = dingTalk.delivered();
		expect(dingBody).toMatchObject({
			msgtype: 'text',
			text: { content: '补货提醒 e2e\n⚠️ SKU-0001 @ 上海仓: 还能卖 2 天\n⚠️ SKU-0002 @ 广州仓: 还能卖 1 天\n⚠️ SKU-0003 @ 上海仓: 还能卖 4 天\n@13800001111' },
			at: { atMobiles: ['13800001111'], atUserIds: [], isAtAll: false },
		});
		expect(dingTalk.requests[0].rawQuery).toMatch(/^access_token=[^&]+&timestamp=\d{13}&sign=[A-Za-z0-9%]+$/);

		expect(feishu.requests.map((r) => r.reply.code)).toEqual([0]);
		expect(feishu.delivered()[0]).toMatchObject({ msg_type: 'interactive', timestamp: expect.stringMatching(/^\d{10}$/) });

		expect(itemsOf(run.run, 'DingTalk')).toEqual([expect.objectContaining({ status: 'sent', lineCount: 3, messageCount: 1 })]);
		expect(itemsOf(run.run, 'Feishu')).toEqual([expect.objectContaining({ status: 'sent', lineCount: 3 })]);
		const everything = `${run.stdout}\n${run.stderr}`;
		for (const secret of [DINGTALK_TOKEN, DINGTALK_SECRET, FEISHU_HOOK, FEISHU_SECRET]) expect(everything).not.toContain(secret);
	});

	it('a second execution sends nothing: the alerts were recorded as sent', async () => {
		const run = await execute(instance, WORKFLOW_ID);
		expect({ ok: run.ok, why: run.ok ? '' : explain(run) }).toEqual({ ok: true, why: '' });
		expect(itemsOf(run.run, 'DingTalk')).toEqual([]);
		expect(itemsOf(run.run, 'Feishu')).toEqual([]);
		expect(dingTalk.requests).toHaveLength(1);
		expect(feishu.requests).toHaveLength(1);
	});
});
