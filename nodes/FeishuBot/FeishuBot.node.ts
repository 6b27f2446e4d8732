import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { chatBotProperties, chatCredentials } from '../shared/chat/description';
import { executeChatBot } from '../shared/chat/execute';
import { feishu } from '../lib/chat/platforms';

export class FeishuBot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Feishu / Lark Custom Bot (飞书自定义机器人)',
		name: 'feishuBot',
		icon: { light: 'file:feishuBot.svg', dark: 'file:feishuBot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ ($parameter["operation"] === "preview" ? "Preview" : "Send") + " " + ($parameter["messageType"] === "markdown" ? "markdown" : "text") }}',
		description: 'Posts the input items as lines of text or markdown messages to a Feishu / Lark (飞书) custom bot, signed, packed into as few messages as the limits allow and sent at the allowed rate',
		defaults: { name: 'Feishu / Lark Custom Bot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: chatCredentials(feishu),
		properties: chatBotProperties(feishu),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeChatBot.call(this, feishu);
	}
}
