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
	COUPON_CUSTOMER_FIELDS,
	campaignItem,
	couponCustomerFastLane,
	couponCustomerSchema,
	createCodeSigner,
	customerItem,
	parseCouponTierOptions,
	planCampaign,
	testCodeSecretCredential,
	tierItems,
	type CampaignCustomer,
	type CouponTierOptionsInput,
	type CouponTierSettings,
} from '../lib/coupons';
import { createDuplicateCustomerCheck, sourcePathOf, type FieldMapping, type InputIssue } from '../lib/model';
import { consumeItems } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	collectionDefaults,
	collectionValues,
	continueOnNodeError,
	nodeParameters,
	parameterDefault,
	readTimeZone,
	toNodeError,
	withDefaults,
} from '../shared/nodeHelpers';
import { couponTierProperties } from './description';

/** Output order; the node's outputs and docs/nodes/CouponTier.md list them so. */
/** What the input reads, for the error when only other items (e.g. a trigger's) reached it. */
const CUSTOMER_KIND = { en: 'customer', zh: '客户' };
const CUSTOMERS_CONNECT = {
	en: 'Connect a node that outputs customers, one item per customer: the Customers output of RFM Segment, Demo Shop Data with Dataset Customers, or a sheet of customers with a customerId column.',
	zh: '请连接输出客户（每条一个客户）的节点：RFM Segment（客户分层）的 Customers 输出、Demo Shop Data（示例数据，Dataset 选 Customers），或带 customerId 列的客户表格。',
};

export const COUPON_TIER_OUTPUTS = ['coupon', 'reviewInvite', 'vipAdvisor', 'noAction', 'summary', 'campaign'] as const;

export class CouponTier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupon Tier (分层发券)',
		name: 'couponTier',
		icon: { light: 'file:couponTier.svg', dark: 'file:couponTier.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "campaign " + $parameter["campaignId"] }}',
		description:
			'Puts customers in tiers by your rules and sends each tier to its action: a coupon (one code per customer that stays the same on a re-run), a review invitation, a VIP advisor or no action (按规则给客户分层，并发券、邀请测评或安排专属顾问)',
		defaults: { name: 'Coupon Tier' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
			NodeConnectionTypes.Main,
		],
		// Short enough for the canvas (12 cells, a Chinese character counting two): it cut the
		// longer 'Review Invite 邀请测评' to 'Review Invi…' (issue 12).
		// Summary: one row per tier, all alike; Totals: the campaign's one item (issue 12: a
		// table that mixed both showed empty cells).
		outputNames: ['Coupon 发券', 'Review 测评', 'VIP 顾问', 'None 不触达', 'Summary 汇总', 'Totals 总计'],
		credentials: [{ name: 'couponCodeSecretApi', required: true, testedBy: 'couponCodeSecretTest' }],
		properties: couponTierProperties,
	};

	methods = {
		credentialTest: {
			/**
			 * Local check (lib/coupons/secretStrength.ts): too short, repeated, a run, few
			 * different characters, or the public demo secret outside the demo credential. The
			 * secret never appears in the message.
			 */
			async couponCodeSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const { ok, message } = testCodeSecretCredential({ id: credential.id, secret: String(credential.data?.secret ?? '') });
				return { status: ok ? 'OK' : 'Error', message };
			},
		},
	};

	/** Under "On Error: Continue" a node-level error is the node's one error item, not its inputs passed on. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return continueOnNodeError(this, CouponTier.prototype.planCoupons);
	}

	async planCoupons(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const settings = readSettings(this);
		const mapping = nodeParameters(this).param<FieldMapping>('customerFields');
		const notReached = checkInputsCarryFields(this, [
			{ items, fields: COUPON_CUSTOMER_FIELDS, mapping, mappingParameter: 'Field Mapping', kind: CUSTOMER_KIND, connect: CUSTOMERS_CONNECT },
		]);
		if (notReached) return notReached;

		// A customer given twice would get the same code twice: the later item is an input error.
		const duplicateOf = createDuplicateCustomerCheck(
			sourcePathOf('customerId', mapping),
			'feed the Customers output of RFM Segment, not orders',
		);
		const readBirthday = settings.campaign.birthday.kind !== 'off';
		const customers: Array<CampaignCustomer & { itemIndex: number }> = [];
		const { errorItems } = consumeItems(
			this,
			items,
			COUPON_CUSTOMER_FIELDS,
			mapping,
			couponCustomerSchema(readBirthday),
			(input, itemIndex): InputIssue | undefined => {
				const duplicate = duplicateOf(input.customerId, itemIndex);
				if (duplicate) return duplicate;
				customers.push({ customerId: input.customerId, birthday: input.birthday, record: items[itemIndex].json, itemIndex });
				return undefined;
			},
			couponCustomerFastLane(readBirthday, mapping),
		);

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
			const json = customerItem(customerPlan, items[itemIndex].json, settings.campaign.language) as unknown as IDataObject;
			const item = (): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } });
			if (customerPlan.couponStatus === 'issued') outputs[0].push(item());
			if (customerPlan.actions.includes('reviewInvite')) outputs[1].push(item());
			if (customerPlan.actions.includes('vipAdvisor')) outputs[2].push(item());
			if (customerPlan.actions.includes('noAction')) outputs[3].push(item());
		});
		const pairedAll = customers.map((c) => ({ item: c.itemIndex }));
		const pairedFirst = pairedAll.length > 0 ? pairedAll[0] : { item: 0 };
		for (const tier of tierItems(plan)) outputs[4].push({ json: tier as unknown as IDataObject, pairedItem: pairedFirst });
		outputs[5].push({
			json: {
				...campaignItem(plan),
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

type Settings = CouponTierSettings;

const TIER_DEFAULTS = collectionDefaults(couponTierProperties, 'tiers', 'tier');
const RULE_DEFAULTS = collectionDefaults(couponTierProperties, 'rules', 'rule');
const CONDITION_DEFAULTS = collectionDefaults(collectionValues(couponTierProperties, 'rules', 'rule'), 'conditions', 'condition');

/** A rule entry and each of its conditions with the values left out taking the description's defaults. */
function ruleWithDefaults(entry: IDataObject): IDataObject {
	const rule = withDefaults(entry, RULE_DEFAULTS);
	const conditions = ((rule.conditions as IDataObject).condition as IDataObject[] | undefined) ?? [];
	return { ...rule, conditions: { condition: conditions.map((c) => withDefaults(c, CONDITION_DEFAULTS)) } };
}

function readSettings(context: IExecuteFunctions): Settings {
	const { param } = nodeParameters(context);
	/** A number parameter; left empty, it is the description's default. */
	const numberParam = (name: string) =>
		withDefaults({ [name]: param(name) }, { [name]: parameterDefault(couponTierProperties, name) })[name] as number;

	const birthdayBenefit = param<string>('birthdayBenefit');
	const memberDay = numberParam('memberDay');
	const input = {
		now: Date.now(),
		campaignId: param<string>('campaignId'),
		period: param<string>('period'),
		campaignDate: param<string>('campaignDate'),
		timeZone: readTimeZone(context),
		currency: param<string>('currency'),
		tiers: (param<{ tier?: IDataObject[] }>('tiers').tier ?? []).map((tier) => withDefaults(tier, TIER_DEFAULTS)),
		rules: (param<{ rule?: IDataObject[] }>('rules').rule ?? []).map(ruleWithDefaults),
		defaultTier: param<string>('defaultTier'),
		campaignBudget: numberParam('campaignBudget'),
		priorityFields: param<string>('priorityFields'),
		codePrefix: param<string>('codePrefix'),
		codeLength: numberParam('codeLength'),
		birthdayBenefit,
		// Shown (and read) only with their switches.
		...(birthdayBenefit === 'days' && { birthdayDays: numberParam('birthdayDays') }),
		...(birthdayBenefit !== 'off' && { birthdayBonus: numberParam('birthdayBonus') }),
		memberDay,
		...(memberDay > 0 && { couponsStartOnMemberDay: param<boolean>('couponsStartOnMemberDay') }),
		labelLanguage: param<string>('labelLanguage'),
	};
	try {
		return parseCouponTierOptions(input as CouponTierOptionsInput);
	} catch (error) {
		throw toNodeError(context, error);
	}
}
