import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { chatBotProperties, chatCredentials } from '../shared/chat/description';
import { executeChatBot } from '../shared/chat/execute';
import { dingTalk } from '../lib/chat/platforms';

export class DingTalkBot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DingTalk Custom Bot (钉钉自定义机器人)',
		name: 'dingTalkBot',
		icon: { light: 'file:dingTalkBot.svg', dark: 'file:dingTalkBot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ ($parameter["operation"] === "preview" ? "Preview" : "Send") + " " + ($parameter["messageType"] === "markdown" ? "markdown" : "text") }}',
		description: 'Posts the input items as lines of text or markdown messages to a DingTalk (钉钉) custom robot, signed, packed into as few messages as the limits allow and sent at the allowed rate',
		defaults: { name: 'DingTalk Custom Bot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: chatCredentials(dingTalk),
		properties: chatBotProperties(dingTalk),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeChatBot.call(this, dingTalk);
	}
}
