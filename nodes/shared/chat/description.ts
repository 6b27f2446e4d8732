/**
 * The parameters of the three bot nodes, built from one definition: only the mention kinds and
 * the default rate differ per platform (from its ChatPlatform entry).
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { ChatPlatform } from '../../lib/chat/platforms';

const forSend = { show: { operation: ['send'] } };

/** The credential is needed to send, not to preview: in Preview the node runs without one. */
export function chatCredentials(platform: ChatPlatform): INodeCredentialDescription[] {
	return [{ name: platform.credentialType, required: true, displayOptions: forSend }];
}

function mentionOptions(platform: ChatPlatform): INodeProperties[] {
	const any = (kind: 'mobiles' | 'userIds' | 'all') =>
		platform.mentionSupport.text[kind] || platform.mentionSupport.markdown[kind];
	const markdownOnlyNote = (kind: 'mobiles' | 'userIds' | 'all') =>
		platform.mentionSupport.markdown[kind] ? '' : ' Text messages only.';
	const options: INodeProperties[] = [];
	if (any('all')) {
		options.push({
			displayName: 'Everyone (@所有人)',
			name: 'all',
			type: 'boolean',
			default: false,
			description: `Whether to notify everyone in the group.${markdownOnlyNote('all')}`,
		});
	}
	if (any('mobiles')) {
		options.push({
			displayName: 'Mobile Numbers (@手机号)',
			name: 'mobiles',
			type: 'string',
			default: '',
			placeholder: '13800001111, 13900002222',
			description: `Members to notify by the mobile number of their account, separated by commas.${markdownOnlyNote('mobiles')}`,
		});
	}
	if (any('userIds')) {
		options.push({
			displayName: platform.id === 'feishu' ? 'Open IDs (@用户 open_id)' : 'User IDs (@用户ID)',
			name: 'userIds',
			type: 'string',
			default: '',
			placeholder: platform.id === 'feishu' ? 'ou_1a2b3c…' : 'zhangsan, lisi',
			description:
				platform.id === 'feishu'
					? 'Members to notify by open_id (or user_id), separated by commas'
					: `Members to notify by user ID, separated by commas.${markdownOnlyNote('userIds')}`,
		});
	}
	return options;
}

export function chatBotProperties(platform: ChatPlatform): INodeProperties[] {
	const perMinute = Math.max(...platform.rate.filter((w) => w.windowMs === 60_000).map((w) => w.limit));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Send Message (发送消息)',
					value: 'send',
					action: 'Send a message',
					description: 'Send the input items as lines of as few messages as the size limit allows',
				},
				{
					name: 'Preview (预览，不发送)',
					value: 'preview',
					action: 'Preview the messages',
					description: 'Return the exact messages that would be sent, and send nothing. Needs no credential.',
				},
			],
			default: 'send',
		},
		{
			displayName: 'Message Type (消息类型)',
			name: 'messageType',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Text (文本)', value: 'text' },
				{ name: 'Markdown', value: 'markdown' },
			],
			default: 'text',
		},
		{
			displayName: 'Each Item Becomes (每条数据一行)',
			name: 'lineSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'A Line From a Template',
					value: 'template',
					description: 'Write the line with expressions; it is filled in for every item',
				},
				{ name: 'The Text of a Field', value: 'field', description: 'Use one field of every item as its line' },
			],
			default: 'template',
		},
		{
			displayName: 'Line Template (行模板)',
			name: 'lineTemplate',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '={{ $json.message }}',
			description:
				'One line per input item, with expressions for its fields (SKU, stock, …). Items whose line comes out empty are left out.',
			displayOptions: { show: { lineSource: ['template'] } },
		},
		{
			displayName: 'Field (字段)',
			name: 'lineField',
			type: 'string',
			default: 'message',
			placeholder: 'message',
			description: 'Field holding each item\'s line; use dots for nested fields, e.g. alert.text',
			displayOptions: { show: { lineSource: ['field'] } },
		},
		{
			displayName: 'Header Line (标题行)',
			name: 'header',
			type: 'string',
			default: '',
			placeholder: '补货提醒 Restock alerts',
			description:
				'First line of every message, numbered (1/3) when the list needs several messages. If a DingTalk or Feishu bot uses keyword security, put the keyword here.',
		},
		{
			displayName: 'Mentions (@提醒)',
			name: 'mentions',
			type: 'collection',
			placeholder: 'Add Mention',
			default: {},
			description: 'Who to notify. Mentions go on the first message only, so a long list notifies people once.',
			options: mentionOptions(platform),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Dedup Key Field (去重字段)',
					name: 'dedupKeyField',
					type: 'string',
					default: '',
					placeholder: 'alertId',
					description:
						'With Skip Messages Already Sent: the field that identifies an item (e.g. an alert ID). Empty: the text of its line.',
				},
				{
					displayName: 'Forget Sent Lines After (Hours)',
					name: 'dedupTtlHours',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 24,
					description: 'With Skip Messages Already Sent: how long a sent line is remembered; after that it can be sent again',
				},
				{
					displayName: 'Max Messages per Minute',
					name: 'maxPerMinute',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: perMinute },
					default: perMinute,
					description: `At most ${perMinute} a minute, the platform's documented limit per bot; lower it when other workflows post with the same bot`,
				},
				{
					displayName: 'Max Wait When Throttled (Minutes)',
					name: 'maxWaitMinutes',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 15,
					description:
						'When the platform says "too fast", the node waits and sends the same message again, up to this much waiting in total; then it stops with an error naming the messages still unsent',
				},
				{
					displayName: 'Re-Send Unconfirmed Messages (重发未确认消息)',
					name: 'resendUnconfirmed',
					type: 'boolean',
					default: false,
					description:
						'Whether, with Skip Messages Already Sent, a re-run sends again the lines of messages that went out without a readable reply (time-out, broken or empty answer). Off: they are not sent again, since they may already be in the group.',
				},
				{
					displayName: 'Skip Messages Already Sent (跳过已发送)',
					name: 'skipAlreadySent',
					type: 'boolean',
					default: false,
					description:
						'Whether to leave out lines this node already sent (remembered in the workflow, per line), so re-running a workflow never posts the same alert twice',
				},
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeoutSeconds',
					type: 'number',
					typeOptions: { minValue: 0.1, numberPrecision: 1 },
					default: 30,
					description:
						'How long to wait for the platform\'s answer to one message. A message without an answer in time counts as unconfirmed (it may have arrived), not as failed.',
				},
			],
		},
	];
}
