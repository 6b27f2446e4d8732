/**
 * The bot nodes' execute(), shared by WeCom, DingTalk and Feishu: items → lines → (skip lines
 * already sent) → packed messages → preview, or send at the platform's rate with retries on
 * throttling. Output: one item per message, paired with the items whose lines it carries.
 *
 * Never twice: with "Skip Messages Already Sent" a line's key is written to the node's static
 * data right after the platform accepted the message carrying it, so a run that stops half-way
 * (error, throttling beyond the wait budget, n8n restart) leaves exactly the unsent lines to the
 * next run. n8n saves static data after production executions, including failed ones; manual
 * runs in the editor do not keep it.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { readPath } from '../../lib/model';
import { chatClock } from '../../lib/chat/clock';
import { fieldKey, lineKey, pruneSentLog, type SentLog } from '../../lib/chat/dedup';
import { composeMessages, limitFor, type ComposedMessage } from '../../lib/chat/messages';
import { jsonStringBytes, utf8Bytes } from '../../lib/chat/packing';
import { unsupportedMentions, type ChatPlatform, type Mentions, type MessageFormat } from '../../lib/chat/platforms';
import { capPerMinute, earliestSendTime, pruneSendLog } from '../../lib/chat/rateLimit';
import { retryHintMs, throttleWaitMs } from '../../lib/chat/retry';
import { redactWebhookSecrets } from '../../lib/chat/signing';
import { nodeParameters } from '../nodeHelpers';
import { postToBot } from './transport';

/** What a bot node keeps in its workflow static data. */
interface BotState {
	/** Dedup key → when the message carrying that line was accepted (ms). */
	sentKeys?: SentLog;
	/** Recent send times (ms), so the rate holds across runs too. */
	sendTimes?: number[];
}

interface Line {
	text: string;
	itemIndex: number;
	key: string;
}

interface Settings {
	operation: 'send' | 'preview';
	format: MessageFormat;
	header: string;
	mentions: Mentions;
	skipAlreadySent: boolean;
	keyField: string;
	ttlMs: number;
	maxPerMinute: number | undefined;
	maxThrottleWaitMs: number;
}

export async function executeChatBot(this: IExecuteFunctions, platform: ChatPlatform): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = readSettings(this, platform);
	const clock = chatClock();
	const state = this.getWorkflowStaticData('node') as BotState;

	const { lines, errorItems } = readLines(this, items, settings);

	// Lines already sent (within their time to live), and repeats within this run, are left out.
	const sentLog = settings.skipAlreadySent ? pruneSentLog(state.sentKeys, clock.now(), settings.ttlMs) : {};
	const seen = new Set<string>();
	const fresh: Line[] = [];
	let skipped = 0;
	for (const line of lines) {
		if (settings.skipAlreadySent && (line.key in sentLog || seen.has(line.key))) {
			skipped++;
			continue;
		}
		seen.add(line.key);
		fresh.push(line);
	}

	const composed = composeMessages(
		platform,
		fresh.map((line) => line.text),
		{ format: settings.format, header: settings.header, mentions: settings.mentions },
	);
	for (const index of composed.tooLong) {
		const line = fresh[index];
		const error = tooLongError(this, platform, settings.format, line);
		if (!this.continueOnFail()) throw error;
		errorItems.push({ json: { error: error.message }, pairedItem: { item: line.itemIndex } });
	}

	const count = composed.messages.length;
	const describe = (message: ComposedMessage, k: number): IDataObject => ({
		platform: platform.id,
		operation: settings.operation,
		messageType: settings.format,
		messageIndex: k + 1,
		messageCount: count,
		lineCount: message.lines.length,
		size: message.size,
		sizeLimit: message.limit,
		sizeUnit: platform.sizeUnit,
		skippedAlreadySent: skipped,
		payload: message.payload as IDataObject,
	});
	const pairedOf = (message: ComposedMessage) => message.lines.map((i) => ({ item: fresh[i].itemIndex }));

	if (settings.operation === 'preview') {
		const previews = composed.messages.map((message, k) => ({
			json: { ...describe(message, k), status: 'preview' },
			pairedItem: pairedOf(message),
		}));
		return [[...previews, ...errorItems]];
	}

	const windows = capPerMinute(platform.rate, settings.maxPerMinute);
	const out: INodeExecutionData[] = [];
	let throttleWaited = 0;
	for (let k = 0; k < count; k++) {
		const message = composed.messages[k];
		const firstItem = fresh[message.lines[0]].itemIndex;
		let retries = 0;
		let waitedMs = 0;
		for (;;) {
			const now = clock.now();
			const allowedAt = earliestSendTime(state.sendTimes ?? [], now, windows);
			if (allowedAt > now) {
				await clock.sleep(allowedAt - now);
				waitedMs += allowedAt - now;
			}
			const reply = await postToBot(this, platform, message.payload as IDataObject, firstItem);
			const sentAt = clock.now();
			// Every attempt counts against the platform's rate, accepted or not.
			state.sendTimes = pruneSendLog([...(state.sendTimes ?? []), sentAt], sentAt, windows);
			const result = platform.readResponse(reply.statusCode, reply.body);

			if (result.accepted) {
				if (settings.skipAlreadySent) {
					const log = pruneSentLog(state.sentKeys, sentAt, settings.ttlMs);
					for (const i of message.lines) log[fresh[i].key] = sentAt;
					state.sentKeys = log;
				}
				out.push({
					json: {
						...describe(message, k),
						status: 'sent',
						response: { code: result.code ?? null, message: redactWebhookSecrets(result.message) },
						throttledRetries: retries,
						waitedMs,
					},
					pairedItem: pairedOf(message),
				});
				break;
			}

			if (result.throttled) {
				retries++;
				const wait = throttleWaitMs(retries, platform.throttle, retryHintMs(reply.headers, clock.now()));
				if (throttleWaited + wait <= settings.maxThrottleWaitMs) {
					await clock.sleep(wait);
					throttleWaited += wait;
					waitedMs += wait;
					continue;
				}
				const error = new NodeApiError(
					this.getNode(),
					{ code: result.code ?? null, message: redactWebhookSecrets(result.message) } as JsonObject,
					{
						message: `${platform.name} is still throttling after ${Math.round(throttleWaited / 1000)} s of waiting: messages ${k + 1}–${count} of ${count} were not sent`,
						description: `${platform.name} said: ${redactWebhookSecrets(result.message)} (code ${String(result.code ?? reply.statusCode)}). ${sentSoFar(k, settings)} Raise Max Wait When Throttled, or lower Max Messages per Minute if other workflows use this bot.`,
						httpCode: String(reply.statusCode),
						itemIndex: firstItem,
					},
				);
				if (!this.continueOnFail()) throw error;
				for (let rest = k; rest < count; rest++) {
					const unsent = composed.messages[rest];
					out.push({
						json: { ...describe(unsent, rest), status: 'unsent', error: error.message },
						pairedItem: pairedOf(unsent),
					});
				}
				return [[...out, ...errorItems]];
			}

			const said = redactWebhookSecrets(result.message);
			const error = new NodeApiError(
				this.getNode(),
				{ code: result.code ?? null, message: said } as JsonObject,
				{
					message: `${platform.name} did not accept message ${k + 1} of ${count}: ${said}`,
					description: `${platform.name} answered HTTP ${reply.statusCode} with code ${String(result.code ?? 'none')}. ${hintFor(platform, result.code)}${sentSoFar(k, settings)}`,
					httpCode: String(reply.statusCode),
					itemIndex: firstItem,
				},
			);
			if (!this.continueOnFail()) throw error;
			out.push({
				json: { ...describe(message, k), status: 'failed', error: error.message, response: { code: result.code ?? null, message: said } },
				pairedItem: pairedOf(message),
			});
			break;
		}
	}
	return [[...out, ...errorItems]];
}

function sentSoFar(k: number, settings: Settings): string {
	if (k === 0) return 'Nothing was sent. ';
	return settings.skipAlreadySent
		? `Messages 1–${k} were sent and recorded: a re-run sends only the rest. `
		: `Messages 1–${k} were sent; turn on Skip Messages Already Sent so a re-run sends only the rest. `;
}

/** What to check for the error codes users meet most (codes from the platforms' docs). */
function hintFor(platform: ChatPlatform, code: number | string | undefined): string {
	const hints: Record<string, Record<number, string>> = {
		weCom: {
			93000: 'The webhook key is not valid: copy the webhook URL again from the robot\'s page in the group. ',
			40058: 'The message is too long for WeCom. ',
		},
		dingTalk: {
			310000: 'The signature, timestamp, keyword or IP check failed: check the signing secret (SEC…), the server clock, and that the header or every line contains the robot\'s keyword. ',
			460101: 'The message is too long for DingTalk. ',
		},
		feishu: {
			19021: 'The signature or timestamp check failed: check the signing secret and the server clock. ',
		},
	};
	return hints[platform.id]?.[Number(code)] ?? '';
}

function readSettings(context: IExecuteFunctions, platform: ChatPlatform): Settings {
	const { param } = nodeParameters(context);
	const format = param<MessageFormat>('messageType');
	const raw = param<IDataObject>('mentions');
	const mentions: Mentions = {
		mobiles: splitList(raw.mobiles),
		userIds: splitList(raw.userIds),
		all: raw.all === true,
	};
	const problems = unsupportedMentions(platform, format, mentions);
	if (problems.length > 0) {
		throw new NodeOperationError(
			context.getNode(),
			`${platform.name} ${format} messages cannot mention ${problems.join(' or ')}`,
			{ description: mentionAdvice(platform, format) },
		);
	}
	const options = param<IDataObject>('options');
	const ttlHours = Number(options.dedupTtlHours ?? 24);
	const maxWaitMinutes = Number(options.maxWaitMinutes ?? 15);
	const maxPerMinute = options.maxPerMinute === undefined ? undefined : Number(options.maxPerMinute);
	return {
		operation: param<'send' | 'preview'>('operation'),
		format,
		header: String(param<unknown>('header') ?? '').trim(),
		mentions,
		skipAlreadySent: options.skipAlreadySent === true,
		keyField: String(options.dedupKeyField ?? '').trim(),
		ttlMs: (Number.isFinite(ttlHours) && ttlHours >= 0 ? ttlHours : 24) * 3_600_000,
		maxPerMinute,
		maxThrottleWaitMs: (Number.isFinite(maxWaitMinutes) && maxWaitMinutes >= 0 ? maxWaitMinutes : 15) * 60_000,
	};
}

function mentionAdvice(platform: ChatPlatform, format: MessageFormat): string {
	const support = platform.mentionSupport[format];
	const can = [support.userIds && 'user IDs', support.mobiles && 'mobile numbers', support.all && '@all'].filter(Boolean);
	const other = format === 'markdown' ? 'text' : 'markdown';
	return `${platform.name} ${format} messages can mention ${can.join(', ') || 'nobody'}. Remove the others under Mentions, or send a ${other} message.`;
}

/** "a, b；c d" → ['a', 'b', 'c', 'd'] (commas, semicolons or spaces, ASCII or full-width). */
function splitList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,;，；、]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

function lineText(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text.replace(/\r\n?/g, '\n').trimEnd();
}

function readLines(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: Settings,
): { lines: Line[]; errorItems: INodeExecutionData[] } {
	const lines: Line[] = [];
	const errorItems: INodeExecutionData[] = [];
	const source = context.getNodeParameter('lineSource', 0, 'template') as 'template' | 'field';
	for (let i = 0; i < items.length; i++) {
		try {
			let value: unknown;
			if (source === 'field') {
				const field = String(context.getNodeParameter('lineField', i, 'message') ?? '').trim();
				value = readPath(items[i].json, field);
			} else {
				value = context.getNodeParameter('lineTemplate', i, '');
			}
			const text = lineText(value);
			if (text.trim() === '') continue;
			let key = lineKey(text);
			if (settings.skipAlreadySent && settings.keyField !== '') {
				const keyValue = readPath(items[i].json, settings.keyField);
				if (keyValue === undefined || keyValue === null || keyValue === '') {
					throw new NodeOperationError(context.getNode(), `Item ${i} has no "${settings.keyField}" to tell whether it was already sent`, {
						itemIndex: i,
						description: 'Dedup Key Field (under Options) names a field every item must have, e.g. an alert ID; leave it empty to use the text of each line.',
					});
				}
				key = fieldKey(keyValue);
			}
			lines.push({ text, itemIndex: i, key });
		} catch (error) {
			if (!context.continueOnFail()) {
				throw error instanceof NodeOperationError
					? error
					: new NodeOperationError(context.getNode(), error as Error, { itemIndex: i });
			}
			errorItems.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
		}
	}
	return { lines, errorItems };
}

function tooLongError(context: IExecuteFunctions, platform: ChatPlatform, format: MessageFormat, line: Line): NodeOperationError {
	const limit = limitFor(platform, format);
	const size = platform.sizeUnit === 'contentBytes' ? utf8Bytes(line.text) : jsonStringBytes(line.text);
	const unit = platform.sizeUnit === 'contentBytes' ? 'bytes of text' : 'bytes of request body';
	return new NodeOperationError(
		context.getNode(),
		`The line of item ${line.itemIndex} does not fit in one ${platform.name} ${format} message (${size} bytes; at most ${limit} ${unit} with the header and mentions)`,
		{
			itemIndex: line.itemIndex,
			description:
				platform.id === 'weCom' && format === 'text'
					? 'Shorten the line template, or send markdown messages (4096 bytes each). Messages are only ever split between lines.'
					: 'Shorten the line template. Messages are only ever split between lines, never inside one.',
		},
	);
}
