import {
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	assertIsoDate,
	COUPON_CUSTOMER_FIELDS,
	couponCustomerSchema,
	createCodeSigner,
	MIN_SECRET_LENGTH,
	planCampaign,
	type BirthdayWindow,
	type CampaignCustomer,
	type CampaignSettings,
	type Condition,
	type CouponTerms,
	type Language,
	type PeriodKind,
	type TierDefinition,
	type TierRule,
} from '../lib/coupons';
import type { FieldMapping, InputIssue } from '../lib/model';
import { createZonedIsoFormatter } from '../lib/time';
import { readItems } from '../shared/inputItems';
import { nodeParameters, parameterDefault, readTimeZone, toNodeError } from '../shared/nodeHelpers';
import { parseNameList } from '../shared/parameters';
import { couponTierProperties } from './description';

/** Output order; the node's outputs and the README list them so. */
export const COUPON_TIER_OUTPUTS = ['coupon', 'reviewInvite', 'vipAdvisor', 'noAction', 'summary'] as const;

export class CouponTier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupon Tier',
		name: 'couponTier',
		icon: { light: 'file:couponTier.svg', dark: 'file:couponTier.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "campaign " + $parameter["campaignId"] }}',
		description:
			'Puts customers in tiers by ordered rules and routes each tier to its action: coupon (signed, idempotent codes), review invitation, VIP advisor or no action (分层发券)',
		defaults: { name: 'Coupon Tier' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
		],
		outputNames: ['Coupon 发券', 'Review Invite 邀请测评', 'VIP Advisor 专属顾问', 'No Action 不触达', 'Summary 汇总'],
		credentials: [{ name: 'couponCodeSecretApi', required: true, testedBy: 'couponCodeSecretTest' }],
		properties: couponTierProperties,
	};

	methods = {
		credentialTest: {
			/** Local check: the secret is long enough. It never appears in the message. */
			async couponCodeSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				if (secret.length < MIN_SECRET_LENGTH) {
					return {
						status: 'Error',
						message: `The secret has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} random characters`,
					};
				}
				return { status: 'OK', message: 'The secret is long enough to sign coupon codes' };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const settings = readSettings(this);
		const mapping = nodeParameters(this).param<FieldMapping>('customerFields');

		// A customer given twice would get the same code twice: the later item is an input error.
		const firstItemOf = new Map<string, number>();
		const customerIdField = (mapping.customerId ?? '').trim() || 'customerId';
		const { records, errorItems } = readItems(
			this,
			items,
			COUPON_CUSTOMER_FIELDS,
			mapping,
			couponCustomerSchema(settings.birthday.kind !== 'off'),
			(input, itemIndex): (CampaignCustomer & { itemIndex: number }) | InputIssue => {
				const first = firstItemOf.get(input.customerId);
				if (first !== undefined) {
					return {
						itemIndex,
						field: customerIdField,
						value: input.customerId,
						expected: `one item per customer (item ${first} is this customer too); feed the Customers output of RFM Segment, not orders`,
					};
				}
				firstItemOf.set(input.customerId, itemIndex);
				return { customerId: input.customerId, birthday: input.birthday, record: items[itemIndex].json, itemIndex };
			},
		);
		const customers = records;

		const credentials = (await this.getCredentials('couponCodeSecretApi')) as ICredentialDataDecryptedObject;
		let plan;
		try {
			const signCode = createCodeSigner(String(credentials.secret ?? ''), settings.code);
			plan = planCampaign(customers, settings.campaign, signCode);
		} catch (error) {
			throw toNodeError(this, error);
		}

		const outputs: INodeExecutionData[][] = COUPON_TIER_OUTPUTS.map(() => []);
		plan.customers.forEach((customerPlan, i) => {
			const { itemIndex } = customers[i];
			const json = { ...items[itemIndex].json, ...customerPlan } as unknown as IDataObject;
			const item = (): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } });
			if (customerPlan.couponStatus === 'issued') outputs[0].push(item());
			if (customerPlan.actions.includes('reviewInvite')) outputs[1].push(item());
			if (customerPlan.actions.includes('vipAdvisor')) outputs[2].push(item());
			if (customerPlan.actions.includes('noAction')) outputs[3].push(item());
		});
		const pairedAll = customers.map((c) => ({ item: c.itemIndex }));
		const pairedFirst = pairedAll.length > 0 ? pairedAll[0] : { item: 0 };
		for (const tier of plan.tiers) {
			outputs[4].push({
				json: { level: 'tier', campaignId: plan.campaign.campaignId, period: plan.campaign.period, ...tier } as unknown as IDataObject,
				pairedItem: pairedFirst,
			});
		}
		outputs[4].push({
			json: {
				level: 'campaign',
				...plan.campaign,
				codePrefix: settings.code.prefix.toUpperCase(),
				codeLength: settings.code.length,
				timeZone: settings.campaign.timeZone,
			} as unknown as IDataObject,
			pairedItem: pairedFirst,
		});
		// Error items go on the first output; with "Continue (using error output)" n8n moves them.
		outputs[0].push(...errorItems);
		return outputs;
	}
}

interface Settings {
	campaign: CampaignSettings;
	code: { prefix: string; length: number };
	birthday: BirthdayWindow;
}

function numberOr(value: unknown, fallback: number): number {
	const n = typeof value === 'number' ? value : Number(value);
	return value === undefined || value === null || value === '' || Number.isNaN(n) ? fallback : n;
}

function tierFromParameter(entry: IDataObject): TierDefinition {
	const kind = String(entry.couponKind ?? 'none') as CouponTerms['kind'] | 'none';
	const minimumSpend = numberOr(entry.minimumSpend, 0);
	const daysValid = numberOr(entry.daysValid, 14);
	let coupon: CouponTerms | undefined;
	if (kind === 'fixedAmount') coupon = { kind, amount: numberOr(entry.amount, 0), minimumSpend, daysValid };
	if (kind === 'percentage') coupon = { kind, percent: numberOr(entry.percent, 0), cap: numberOr(entry.cap, 0), minimumSpend, daysValid };
	if (kind === 'spendThreshold') {
		coupon = { kind, threshold: numberOr(entry.threshold, 0), reduction: numberOr(entry.reduction, 0), minimumSpend, daysValid };
	}
	const key = String(entry.key ?? '').trim();
	return {
		key,
		label: { en: String(entry.labelEn ?? '').trim() || key, zh: String(entry.labelZh ?? '').trim() || key },
		reviewInvite: entry.reviewInvite === true,
		vipAdvisor: entry.vipAdvisor === true,
		coupon,
		budget: numberOr(entry.budget, 0),
		presaleAccess: entry.presaleAccess === true,
	};
}

function ruleFromParameter(entry: IDataObject): TierRule {
	const conditions = ((entry.conditions as IDataObject | undefined)?.condition as IDataObject[] | undefined) ?? [];
	return {
		name: String(entry.name ?? '').trim(),
		tier: String(entry.tier ?? '').trim(),
		conditions: conditions.map(
			(c): Condition => ({
				field: String(c.field ?? ''),
				operator: String(c.operator ?? 'equals') as Condition['operator'],
				value: c.value as string | number | undefined,
				valueTo: c.valueTo as string | number | undefined,
			}),
		),
	};
}

function readSettings(context: IExecuteFunctions): Settings {
	const { param, fail } = nodeParameters(context);
	/** A number parameter; left empty, it is the description's default. */
	const numberParam = (name: string) => numberOr(param(name), parameterDefault(couponTierProperties, name) as number);

	const timeZone = readTimeZone(context);
	const dateText = String(param<string>('campaignDate') ?? '').trim();
	const campaignDate = dateText ? dateText.slice(0, 10) : createZonedIsoFormatter(timeZone)(Date.now()).slice(0, 10);
	try {
		assertIsoDate(campaignDate, 'Campaign Date');
	} catch (error) {
		throw toNodeError(context, error);
	}
	const currency = String(param<string>('currency')).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) throw fail(`Currency "${currency}" is not a 3-letter currency code such as CNY`);

	const birthdayKind = param<'off' | 'month' | 'days'>('birthdayBenefit');
	const birthday: BirthdayWindow =
		birthdayKind === 'days'
			? { kind: 'days', days: numberParam('birthdayDays') }
			: { kind: birthdayKind === 'month' ? 'month' : 'off' };
	const memberDay = numberParam('memberDay');
	const tiers = (param<{ tier?: IDataObject[] }>('tiers').tier ?? []).map(tierFromParameter);
	const rules = (param<{ rule?: IDataObject[] }>('rules').rule ?? []).map(ruleFromParameter);
	const campaignBudget = numberParam('campaignBudget');

	return {
		birthday,
		code: { prefix: String(param<string>('codePrefix')).trim(), length: numberParam('codeLength') },
		campaign: {
			campaignId: String(param<string>('campaignId')).trim(),
			campaignDate,
			period: param<PeriodKind>('period'),
			timeZone,
			currency,
			language: param<Language>('labelLanguage'),
			tiers,
			rules,
			defaultTier: String(param<string>('defaultTier')).trim(),
			campaignBudget,
			priorityFields: parseNameList(String(param<string>('priorityFields') ?? '')),
			birthday,
			birthdayBonus: birthday.kind === 'off' ? 0 : numberParam('birthdayBonus'),
			memberDay:
				memberDay > 0 ? { dayOfMonth: memberDay, couponsStartOnMemberDay: param<boolean>('couponsStartOnMemberDay') } : undefined,
		},
	};
}
