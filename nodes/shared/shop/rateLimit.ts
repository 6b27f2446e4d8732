/**
 * How fast a shop node may call its platform. Each connector carries the platform's documented
 * (or, where none is published, a defensive) rate for an ordinary app; platforms grant some
 * apps more (Pinduoduo and Taobao raise quotas per app on request), so the credential may
 * raise or lower it. The transport paces every request to it.
 */
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

export const REQUEST_RATE_PROPERTY: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 1 },
	default: 0,
	description:
		"The most requests a second this node sends to the platform. 0 = the rate the node's docs give for an ordinary app. Raise it only when the platform granted your app a higher quota (API 调用频率).",
};

/** The rate to pace to: the credential's, when it sets one, else the connector's default. */
export function requestRateOf(credentials: ICredentialDataDecryptedObject | undefined, platformDefault: number): number {
	const chosen = Number(credentials?.requestsPerSecond ?? 0);
	return Number.isFinite(chosen) && chosen > 0 ? chosen : platformDefault;
}
