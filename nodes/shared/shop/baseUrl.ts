/**
 * A shop credential's Base URL, checked by the pack's one base-URL check (nodes/lib/baseUrl.ts,
 * issue 14, item 6) before anything is signed or sent. A refusal becomes the shops'
 * CredentialSetupError, which the transport never retries and shows as it is.
 */
import { checkBaseUrl } from '../../lib/baseUrl';
import { CredentialSetupError } from './tokens';

/**
 * The Base URL to send to, without a trailing slash; `fallback` (the platform's gateway, or ''
 * where there is none) for an empty field. `field` is the field's name in the credential.
 */
export function checkedShopBaseUrl(platformName: string, value: unknown, fallback: string, allowHttp: unknown, field = 'Base URL'): string {
	const checked = checkBaseUrl(value, fallback, allowHttp, field);
	if ('refusal' in checked) throw new CredentialSetupError(`${platformName}: ${checked.refusal.message}`);
	return checked.url;
}
