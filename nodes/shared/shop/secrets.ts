/**
 * A shop credential's secrets kept out of everything a shop node emits (issue 14, item 7):
 * output items, errors on items, the error that stops the node. The transport already rebuilds
 * errors from the platform's code and message only, but a platform (or a proxy in front of it)
 * can put a secret into that very message — "invalid sign for app_secret=…", an access token
 * quoted in an error page — so the credential's secret values themselves are cut out, by the
 * pure helper nodes/lib/redact.ts, at the one place every shop operation returns through
 * (actions/router.ts).
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { secretRedactor, type SecretRedactor } from '../../lib/redact';

/**
 * The shop credentials' fields that hold a secret: every password field of the seven
 * (test/lib/shop/secrets.test.ts keeps this list complete), the one-time authorization code,
 * and WooCommerce's consumer key, which is half of its Basic auth.
 */
export const SECRET_FIELDS = ['appSecret', 'clientSecret', 'consumerKey', 'consumerSecret', 'accessToken', 'refreshToken', 'adminAccessToken', 'authCode'] as const;

/** The secret values of one credential, with the forms a request derives from them. */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const secrets = SECRET_FIELDS.map((field) => credentials[field]).filter((value): value is string => typeof value === 'string' && value !== '');
	const key = String(credentials.consumerKey ?? '').trim();
	const secret = String(credentials.consumerSecret ?? '').trim();
	// WooCommerce's Authorization header (WooCommerceStoreApi.credentials.ts): base64 of key:secret.
	if (key !== '' && secret !== '') secrets.push(Buffer.from(`${key}:${secret}`).toString('base64'));
	return secrets;
}

/** The node's credential's secrets as they are now (after a token refresh, the new token too). */
export async function credentialSecrets(context: IExecuteFunctions, credentialType: string): Promise<string[]> {
	try {
		return secretsOf(await context.getCredentials<ICredentialDataDecryptedObject>(credentialType));
	} catch {
		return []; // no credential: nothing to redact (the requests report it)
	}
}

/** Output items with every secret cut out of their fields and their errors. */
export function redactItems(items: INodeExecutionData[], secrets: readonly string[]): INodeExecutionData[] {
	if (secrets.length === 0) return items;
	const redactor = secretRedactor(secrets);
	return items.map((item) => {
		const redacted: INodeExecutionData = { ...item, json: redactor.deep(item.json) };
		if (item.error) redacted.error = redactErrorWith(item.error, redactor, new Set());
		return redacted;
	});
}

/**
 * The error with every secret cut out of what n8n shows, stores and logs of it (message,
 * description, stack, the messages list, context, the platform's error response, a cause),
 * changed in place so it stays the same NodeApiError / NodeOperationError, item index and all.
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
	return secrets.length === 0 ? error : redactErrorWith(error, secretRedactor(secrets), new Set());
}

function redactErrorWith<E>(error: E, redactor: SecretRedactor, seen: Set<unknown>): E {
	if (typeof error !== 'object' || error === null || seen.has(error)) return error;
	seen.add(error);
	const fields = error as Record<string, unknown>;
	for (const key of ['message', 'description', 'stack']) {
		if (typeof fields[key] === 'string') fields[key] = redactor.text(fields[key]);
	}
	for (const key of ['messages', 'context', 'errorResponse']) {
		if (typeof fields[key] === 'object' && fields[key] !== null) fields[key] = redactor.deep(fields[key]);
	}
	if (fields.cause instanceof Error) redactErrorWith(fields.cause, redactor, seen);
	else if (typeof fields.cause === 'object' && fields.cause !== null) fields.cause = redactor.deep(fields.cause);
	return error;
}
