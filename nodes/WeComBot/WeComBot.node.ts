import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { chatBotProperties, chatCredentials } from '../shared/chat/description';
import { executeChatBot } from '../shared/chat/execute';
import { weCom } from '../lib/chat/platforms';

export class WeComBot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Group Bot (企业微信群机器人)',
		name: 'weComBot',
		icon: { light: 'file:weComBot.svg', dark: 'file:weComBot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ ($parameter["operation"] === "preview" ? "Preview" : "Send") + " " + ($parameter["messageType"] === "markdown" ? "markdown" : "text") }}',
		description: 'Posts the input items as lines of text or markdown messages to a WeCom (企业微信) group robot, packed into as few messages as the limits allow and sent at the allowed rate',
		defaults: { name: 'WeCom Group Bot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: chatCredentials(weCom),
		properties: chatBotProperties(weCom),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeChatBot.call(this, weCom);
	}
}
