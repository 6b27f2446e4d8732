/**
 * The one "Allow HTTP (Unencrypted)" credential property, placed right after the Base URL of
 * every shop and bot credential; nodes/lib/baseUrl.ts (checkedBaseUrl) is the check it feeds.
 */
import type { INodeProperties } from 'n8n-workflow';

export const ALLOW_HTTP_PROPERTY: INodeProperties = {
	displayName: 'Allow HTTP (Unencrypted) (允许 HTTP，不加密)',
	name: 'allowHttp',
	type: 'boolean',
	default: false,
	description:
		'Whether the base URL above may start with http://. Off, only https:// is accepted: every request carries the signature, access token or webhook key, which plain HTTP shows to anyone on the way. Turn on only for a test server or a gateway on your own network. (仅用于测试服务器或内网网关。)',
};
