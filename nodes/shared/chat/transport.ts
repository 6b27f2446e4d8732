/**
 * One POST to a bot's webhook. The node never sees the webhook key, token or signing secret:
 * the credential's `authenticate` function builds the URL and signs the request, and errors
 * are rebuilt from a redacted message so no request URL or header can end up in an error,
 * an output item or a log.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import type { ChatPlatform } from '../../lib/chat/platforms';
import { redactWebhookSecrets } from '../../lib/chat/signing';

export interface BotReply {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

const REQUEST_TIMEOUT_MS = 30_000;

export async function postToBot(
	context: IExecuteFunctions,
	platform: ChatPlatform,
	payload: IDataObject,
	itemIndex: number,
): Promise<BotReply> {
	let response: { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(context, platform.credentialType, {
			method: 'POST',
			// The credential's authenticate sets the full webhook URL (key/token, signature).
			url: '',
			body: payload,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: REQUEST_TIMEOUT_MS,
		});
	} catch (error) {
		const reason = redactWebhookSecrets(describeTransportError(error));
		// Only the redacted text goes into the error: the original holds the request (URL with the key).
		throw new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
			message: `Could not reach the ${platform.name} bot: ${reason}`,
			description:
				'Check the network and the credential\'s base URL. Messages already sent are recorded; with Skip Messages Already Sent the rest go out on the next run.',
			itemIndex,
		});
	}
	return {
		statusCode: typeof response.statusCode === 'number' ? response.statusCode : 0,
		body: response.body,
		headers: response.headers ?? {},
	};
}

function describeTransportError(error: unknown): string {
	if (typeof error !== 'object' || error === null) return String(error);
	const { message, code, cause } = error as { message?: unknown; code?: unknown; cause?: unknown };
	const causeCode =
		typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
	const codeText = typeof code === 'string' ? code : typeof causeCode === 'string' ? causeCode : '';
	const text = typeof message === 'string' ? message : 'request failed';
	return codeText && !text.includes(codeText) ? `${text} (${codeText})` : text;
}
