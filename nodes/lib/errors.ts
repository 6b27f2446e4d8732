/**
 * The one error type the calculations throw for what a user gave them — a setting, a rule, an
 * input record, data too thin for a model — worded so the user can act on it. The n8n glue
 * turns it into a NodeOperationError in one place (nodes/shared/nodeHelpers.ts,
 * `toNodeError`). Anything else a calculation throws is a bug, not a user's mistake.
 */
export interface UserInputErrorDetails {
	/** 0-based position of the offending record in the input the calculation was given. */
	itemIndex?: number;
	/** The field or setting, as the user names it. */
	field?: string;
	/** What was expected instead, e.g. "a whole number of days ≥ 0". */
	expected?: string;
	/** A stable code for problems a node explains in its own words (e.g. CLV's INSUFFICIENT_DATA). */
	code?: string;
	/** What the user can do about it; the error's description in n8n. */
	hint?: string;
}

export class UserInputError extends Error implements UserInputErrorDetails {
	readonly itemIndex?: number;
	readonly field?: string;
	readonly expected?: string;
	readonly code?: string;
	readonly hint?: string;

	constructor(message: string, details: UserInputErrorDetails = {}) {
		super(message);
		this.name = 'UserInputError';
		Object.assign(this, details);
	}
}
