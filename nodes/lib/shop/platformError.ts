/**
 * A platform's refusal, as the connectors report it: its own code and message (never the
 * request, which can hold tokens and signatures). The n8n glue turns it into a NodeApiError
 * in one place; per-item operations report it on the item instead when the node continues
 * on fail.
 */
export class ShopPlatformError extends Error {
	constructor(
		readonly platformName: string,
		readonly code: string,
		readonly platformMessage: string,
		readonly hint?: string,
		readonly httpStatus?: number,
	) {
		super(`${platformName} error ${code}: ${platformMessage}`);
		this.name = 'ShopPlatformError';
	}
}
