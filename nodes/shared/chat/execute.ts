/**
 * The bot nodes' execute(), shared by WeCom, DingTalk and Feishu: items → lines → (skip lines
 * already sent) → packed messages → preview, or send at the platform's rate with retries on
 * throttling and on 5xx. Output: one item per message, paired with the items whose lines it
 * carries.
 *
 * Each message ends in one of three states (issue 14, item 5):
 * - `sent`: the platform answered 2xx with its success code (never without it);
 * - `failed` (or `unsent` when throttling outlasted the wait budget): not delivered — refused,
 *   a redirect (never followed), a 5xx after its retries, no connection;
 * - `unconfirmed`: the request went out but the reply could not be read (empty, HTML or
 *   broken 2xx, a reset or a time-out after sending): it may be in the group.
 * Without "continue on fail" the first message not `sent` stops the node; with it, that message
 * leaves as an error item (the error output under *Continue (using error output)*) and the next
 * messages are still tried.
 *
 * Never twice: with "Skip Messages Already Sent" a line's key is written to the node's static
 * data right after the platform accepted the message carrying it, so a run that stops half-way
 * (error, throttling beyond the wait budget, n8n restart) leaves exactly the unsent lines to the
 * next run. Lines of an `unconfirmed` message are written to a log of their own and are not sent
 * again by a re-run unless the user asks (Re-Send Unconfirmed Messages): they are probably in the
 * group already, the platforms give a webhook bot no way to read back what the group received,
 * and re-sending blindly would post them twice every time a gateway garbles replies (the
 * trade-off is documented in docs/nodes/ChatBots.md, "Sent, failed or unconfirmed"). n8n saves
 * static data after production executions, including failed ones; manual runs in the editor do not.
 *
 * Every text the node emits (output fields, error messages and descriptions) passes through the
 * one redaction helper with the credential's secret values (issue 14, item 7).
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
import { UserInputError } from '../../lib/errors';
import { chatClock } from '../../lib/chat/clock';
import { fieldKey, lineKey, pruneSentLog, type SentLog } from '../../lib/chat/dedup';
import { composeMessages, limitFor, type ComposedMessage } from '../../lib/chat/messages';
import { jsonStringBytes, utf8Bytes } from '../../lib/chat/packing';
import { unsupportedMentions, type ChatPlatform, type Mentions, type MessageFormat } from '../../lib/chat/platforms';
import { capPerMinute, earliestSendTime, pruneSendLog } from '../../lib/chat/rateLimit';
import { retryHintMs, serverErrorWaitMs, SERVER_ERROR_RETRY, throttleWaitMs } from '../../lib/chat/retry';
import { redactWebhookSecrets } from '../../lib/chat/signing';
import { checkedBaseUrl } from '../../lib/baseUrl';
import { redirectOrigin } from '../../lib/httpHeaders';
import { secretRedactor, type SecretRedactor } from '../../lib/redact';
import { collectionDefaults, nodeParameters, toNodeError, withDefaults } from '../nodeHelpers';
import { chatBotProperties } from './description';
import { postToBot, type BotExchange } from './transport';

/** What a bot node keeps in its workflow static data. */
interface BotState {
	/** Dedup key → when the message carrying that line was accepted (ms). */
	sentKeys?: SentLog;
	/** Dedup key → when the message carrying that line went out without a readable reply (ms). */
	unconfirmedKeys?: SentLog;
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
	resendUnconfirmed: boolean;
	keyField: string;
	ttlMs: number;
	maxPerMinute: number;
	maxThrottleWaitMs: number;
	timeoutMs: number;
}

/** How one message ended. */
type Delivery =
	| { status: 'sent'; code: number | string | undefined; message: string; retries: number; waitedMs: number }
	| { status: 'failed' | 'unconfirmed'; error: NodeApiError; response?: IDataObject }
	| { status: 'throttled'; error: NodeApiError };

export async function executeChatBot(this: IExecuteFunctions, platform: ChatPlatform): Promise<INodeExecutionData[][]> {
	// The secrets are read only to be cut out of what the node emits; requests are built and
	// signed by the credential's authenticate.
	const sending = this.getNodeParameter('operation', 0) === 'send';
	const redactor = sending ? await credentialRedactor(this, platform) : secretRedactor([], redactWebhookSecrets);
	try {
		return await sendOrPreview(this, platform, redactor);
	} catch (error) {
		// Whatever stops the node (an expression, a refusal…) leaves with its texts redacted.
		const nodeError =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error);
		nodeError.message = redactor.text(nodeError.message);
		if (typeof nodeError.description === 'string') nodeError.description = redactor.text(nodeError.description);
		throw nodeError;
	}
}

async function sendOrPreview(context: IExecuteFunctions, platform: ChatPlatform, redactor: SecretRedactor): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const settings = readSettings(context, platform);
	const clock = chatClock();
	const state = context.getWorkflowStaticData('node') as BotState;
	const redact = redactor.text;
	const emit = (outputs: INodeExecutionData[][]) => outputs.map((output) => output.map((item) => ({ ...item, json: redactor.deep(item.json) })));

	const { lines, errorItems } = readLines(context, items, settings);

	// Lines already sent (within their time to live), lines sent without a readable reply (unless
	// the user asks to send them again), and repeats within this run, are left out.
	const now = clock.now();
	const sentLog = settings.skipAlreadySent ? pruneSentLog(state.sentKeys, now, settings.ttlMs) : {};
	const unconfirmedLog = settings.skipAlreadySent ? pruneSentLog(state.unconfirmedKeys, now, settings.ttlMs) : {};
	const seen = new Set<string>();
	const fresh: Line[] = [];
	let skipped = 0;
	let skippedUnconfirmed = 0;
	for (const line of lines) {
		if (settings.skipAlreadySent && (line.key in sentLog || seen.has(line.key))) {
			skipped++;
			continue;
		}
		if (settings.skipAlreadySent && !settings.resendUnconfirmed && line.key in unconfirmedLog) {
			skippedUnconfirmed++;
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
		const error = tooLongError(context, platform, settings.format, line);
		if (!context.continueOnFail()) throw error;
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
		...(skippedUnconfirmed > 0 ? { skippedUnconfirmed } : {}),
		payload: message.payload as IDataObject,
	});
	const pairedOf = (message: ComposedMessage) => message.lines.map((i) => ({ item: fresh[i].itemIndex }));

	if (settings.operation === 'preview') {
		const previews = composed.messages.map((message, k) => ({
			json: { ...describe(message, k), status: 'preview' },
			pairedItem: pairedOf(message),
		}));
		return emit([[...previews, ...errorItems]]);
	}

	const record = (log: 'sentKeys' | 'unconfirmedKeys', message: ComposedMessage, at: number) => {
		if (!settings.skipAlreadySent) return;
		const kept = pruneSentLog(state[log], at, settings.ttlMs);
		for (const i of message.lines) kept[fresh[i].key] = at;
		state[log] = kept;
		if (log === 'sentKeys' && state.unconfirmedKeys) {
			for (const i of message.lines) delete state.unconfirmedKeys[fresh[i].key];
		}
	};

	const sender: Sender = {
		context,
		platform,
		settings,
		state,
		windows: capPerMinute(platform.rate, settings.maxPerMinute),
		throttleWaited: 0,
		sent: 0,
		redact,
		count,
	};
	// With "Continue (using error output)" n8n moves an item to the error output when its json is
	// `{ error }` alone (n8n-core WorkflowExecute.handleNodeErrorOutput), adding the fields of its
	// first paired input item; an item with a top-level `error` would have its json cut to the
	// message. So there the details go inside `error`; with "Continue (regular output)" the item
	// keeps its documented shape on the main output.
	const toErrorOutput = context.getNode().onError === 'continueErrorOutput';
	const notSent = (
		message: ComposedMessage,
		k: number,
		status: 'failed' | 'unsent' | 'unconfirmed',
		error: NodeApiError,
		response?: IDataObject,
	): INodeExecutionData => {
		const details: IDataObject = { ...describe(message, k), status, ...(response ? { response } : {}) };
		return {
			json: toErrorOutput
				? { error: { message: error.message, description: error.description ?? null, ...details } }
				: { ...details, error: error.message },
			pairedItem: pairedOf(message),
		};
	};
	const out: INodeExecutionData[] = [];
	for (let k = 0; k < count; k++) {
		const message = composed.messages[k];
		const firstItem = fresh[message.lines[0]].itemIndex;
		const delivery = await sendMessage(sender, message, k, firstItem);

		if (delivery.status === 'sent') {
			sender.sent++;
			record('sentKeys', message, clock.now());
			out.push({
				json: {
					...describe(message, k),
					status: 'sent',
					response: { code: delivery.code ?? null, message: delivery.message },
					throttledRetries: delivery.retries,
					waitedMs: delivery.waitedMs,
				},
				pairedItem: pairedOf(message),
			});
			continue;
		}

		if (delivery.status === 'unconfirmed') record('unconfirmedKeys', message, clock.now());
		if (!context.continueOnFail()) throw delivery.error;

		if (delivery.status === 'throttled') {
			// The platform keeps refusing for now: the rest would only be throttled too.
			for (let rest = k; rest < count; rest++) out.push(notSent(composed.messages[rest], rest, 'unsent', delivery.error));
			break;
		}
		out.push(notSent(message, k, delivery.status, delivery.error, delivery.response));
	}
	return emit([[...out, ...errorItems]]);
}

/**
 * The redaction of the credential's secret values and of anything shaped like a webhook URL,
 * after checking the credential's base URL (before anything is sent).
 */
async function credentialRedactor(context: IExecuteFunctions, platform: ChatPlatform): Promise<SecretRedactor> {
	const credentials = await context.getCredentials(platform.credentialType);
	const redactor = secretRedactor(platform.secretsOf(credentials), redactWebhookSecrets);
	try {
		checkedBaseUrl(credentials.baseUrl, platform.defaultBaseUrl, credentials.allowHttp, 'API Base URL');
	} catch (error) {
		const nodeError = toNodeError(
			context,
			error instanceof UserInputError ? new UserInputError(`${platform.name} credential: ${error.message}`, error) : error,
		);
		nodeError.message = redactor.text(nodeError.message);
		throw nodeError;
	}
	return redactor;
}

/** What every message's sending shares within one run. */
interface Sender {
	context: IExecuteFunctions;
	platform: ChatPlatform;
	settings: Settings;
	state: BotState;
	windows: ReturnType<typeof capPerMinute>;
	/** Waiting on "too fast" so far in this run (the budget is per run). */
	throttleWaited: number;
	/** Messages sent so far in this run. */
	sent: number;
	redact: (text: string) => string;
	count: number;
}

/**
 * Sends one message: waits for the rate, retries after throttling (within the run's budget) and
 * after 5xx (bounded), and tells how it ended. Every attempt counts against the platform's rate.
 */
async function sendMessage(sender: Sender, message: ComposedMessage, k: number, itemIndex: number): Promise<Delivery> {
	const { context, platform, settings, state, windows, redact, count } = sender;
	const clock = chatClock();
	const which = `message ${k + 1} of ${count}`;
	const apiError = (
		errorMessage: string,
		description: string,
		code: number | string | null,
		said: string,
		httpCode?: number,
	): NodeApiError => {
		const error = new NodeApiError(context.getNode(), { code, message: redact(said) } as JsonObject, {
			message: redact(errorMessage),
			description: redact(description),
			httpCode: httpCode === undefined ? undefined : String(httpCode),
			itemIndex,
		});
		// NodeApiError swaps a message that names a socket code (ECONNRESET, …) for a generic one;
		// ours says which message and what is known about its delivery, so it stays.
		error.message = redact(errorMessage);
		return error;
	};
	let retries = 0;
	let serverRetries = 0;
	let waitedMs = 0;
	for (;;) {
		const now = clock.now();
		const allowedAt = earliestSendTime(state.sendTimes ?? [], now, windows);
		if (allowedAt > now) {
			await clock.sleep(allowedAt - now);
			waitedMs += allowedAt - now;
		}
		const exchange: BotExchange = await postToBot(context, platform, message.payload as IDataObject, settings.timeoutMs);
		const sentAt = clock.now();
		state.sendTimes = pruneSendLog([...(state.sendTimes ?? []), sentAt], sentAt, windows);

		if (exchange.kind === 'noReply') {
			const reason = redact(exchange.reason);
			if (exchange.mayHaveArrived) {
				return {
					status: 'unconfirmed',
					error: apiError(
						`${platform.name} may have received ${which}, but no reply came: ${reason}`,
						`The request went out and the connection broke or timed out (Timeout: ${settings.timeoutMs / 1000} s) before ${platform.name} answered, so it is not known whether the message reached the group. ${unconfirmedAdvice(settings)}`,
						null,
						reason,
					),
				};
			}
			return {
				status: 'failed',
				error: apiError(
					`Could not reach the ${platform.name} bot: ${reason}`,
					`Message ${k + 1} of ${count} was not delivered. Check the network and the credential's API Base URL. ${sentSoFar(k, sender.sent, settings)}`,
					null,
					reason,
				),
			};
		}

		const { statusCode, headers } = exchange;
		if (statusCode >= 300 && statusCode < 400) {
			const host = redirectTarget(headers);
			return {
				status: 'failed',
				error: apiError(
					`${platform.name} answered ${which} with a redirect (HTTP ${statusCode}) to ${host}, which the node does not follow`,
					`Nothing was delivered: bot messages go only to the credential's API Base URL, never where a redirect points (it could carry the message and the webhook key anywhere). If the platform moved, put its new address into the credential. ${sentSoFar(k, sender.sent, settings)}`,
					null,
					`redirect to ${host}`,
					statusCode,
				),
				response: { code: null, message: redact(`HTTP ${statusCode} redirect to ${host}`) },
			};
		}

		const result = platform.readResponse(statusCode, exchange.body);
		const said = redact(result.message);
		if (result.accepted) {
			return { status: 'sent', code: result.code, message: said, retries, waitedMs };
		}

		if (result.throttled) {
			retries++;
			const wait = throttleWaitMs(retries, platform.throttle, retryHintMs(headers, clock.now()));
			if (sender.throttleWaited + wait <= settings.maxThrottleWaitMs) {
				await clock.sleep(wait);
				sender.throttleWaited += wait;
				waitedMs += wait;
				continue;
			}
			return {
				status: 'throttled',
				error: apiError(
					`${platform.name} is still throttling after ${Math.round(sender.throttleWaited / 1000)} s of waiting: messages ${k + 1}–${count} of ${count} were not sent`,
					`${platform.name} said: ${said} (code ${String(result.code ?? statusCode)}). ${sentSoFar(k, sender.sent, settings)} Raise Max Wait When Throttled, or lower Max Messages per Minute if other workflows use this bot.`,
					result.code ?? null,
					said,
					statusCode,
				),
			};
		}

		if (statusCode >= 500) {
			serverRetries++;
			const wait = serverErrorWaitMs(serverRetries, retryHintMs(headers, clock.now()));
			if (wait !== undefined) {
				await clock.sleep(wait);
				waitedMs += wait;
				continue;
			}
			return {
				status: 'failed',
				error: apiError(
					`${platform.name} failed on its side with ${which} (HTTP ${statusCode}, ${SERVER_ERROR_RETRY.retries + 1} tries): ${said}`,
					`${platform.name} answered HTTP ${statusCode} with code ${String(result.code ?? 'none')} to every try; the message did not count as sent. ${sentSoFar(k, sender.sent, settings)}`,
					result.code ?? null,
					said,
					statusCode,
				),
				response: { code: result.code ?? null, message: said },
			};
		}

		if (result.unreadable) {
			return {
				status: 'unconfirmed',
				error: apiError(
					`${platform.name} may have received ${which}, but its reply could not be read: ${said}`,
					`HTTP ${statusCode} says the request arrived, but without ${platform.name}'s success code nothing confirms the message reached the group (a gateway or proxy in between may have answered). ${unconfirmedAdvice(settings)}`,
					null,
					said,
					statusCode,
				),
				response: { code: null, message: said },
			};
		}

		return {
			status: 'failed',
			error: apiError(
				`${platform.name} did not accept ${which}: ${said}`,
				`${platform.name} answered HTTP ${statusCode} with code ${String(result.code ?? 'none')}. ${hintFor(platform, result.code)}${sentSoFar(k, sender.sent, settings)}`,
				result.code ?? null,
				said,
				statusCode,
			),
			response: { code: result.code ?? null, message: said },
		};
	}
}

/** Where a redirect points, in words: only its origin (a full URL could carry a token). */
function redirectTarget(headers: Record<string, unknown>): string {
	const origin = redirectOrigin(headers);
	if (origin === undefined) return 'an address it did not give';
	return origin === 'relative' ? 'a relative address on the same host' : origin;
}

function unconfirmedAdvice(settings: Settings): string {
	return settings.skipAlreadySent
		? settings.resendUnconfirmed
			? 'Re-Send Unconfirmed Messages is on: a re-run sends its lines again (they may then show twice).'
			: 'Its lines are recorded as unconfirmed: a re-run does not send them again (check the group; turn on Re-Send Unconfirmed Messages to send them anyway).'
		: 'Check the group before re-running: without Skip Messages Already Sent a re-run sends it again.';
}

/** What was sent before message k+1 (with "continue on fail", earlier messages may have failed too). */
function sentSoFar(k: number, sent: number, settings: Settings): string {
	if (k === 0) return 'Nothing was sent. ';
	if (sent < k) {
		return `${sent} of the ${k} messages before it were sent${settings.skipAlreadySent ? ' and recorded: a re-run sends only the lines not sent' : ''}. `;
	}
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
	// n8n fills in no defaults inside a collection: they come from the description, the one place
	// they are written; a number that is not valid falls back to its default too.
	const defaults = collectionDefaults(chatBotProperties(platform), 'options');
	const options = withDefaults(param<IDataObject>('options'), defaults);
	const numberOption = (name: string, valid: (value: number) => boolean): number => {
		const value = Number(options[name]);
		return Number.isFinite(value) && valid(value) ? value : Number(defaults[name]);
	};
	const maxPerMinute = numberOption('maxPerMinute', (value) => value > 0);
	return {
		operation: param<'send' | 'preview'>('operation'),
		format,
		header: String(param<unknown>('header') ?? '').trim(),
		mentions,
		skipAlreadySent: options.skipAlreadySent === true,
		keyField: String(options.dedupKeyField ?? '').trim(),
		ttlMs: numberOption('dedupTtlHours', (value) => value >= 0) * 3_600_000,
		maxPerMinute,
		maxThrottleWaitMs: numberOption('maxWaitMinutes', (value) => value >= 0) * 60_000,
		resendUnconfirmed: options.resendUnconfirmed === true,
		timeoutMs: Math.round(numberOption('timeoutSeconds', (value) => value > 0) * 1000),
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
