import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { createFieldReader, issueFromZod, sourcePathOf, type FieldMapping } from '../lib/model';
import {
	categorySpendOf,
	computeTagMatrix,
	CUSTOMER_TAG_FIELDS,
	customerFactsSchema,
	ORDER_TAG_FIELDS,
	orderTagFieldsParser,
	parseTagMatrixOptions,
	REVIEW_FIELDS,
	reviewSchema,
	scoreReviewText,
	type CustomerFacts,
	type OrderTagFields,
	type ScoredReview,
	type TagOrder,
} from '../lib/tagMatrix';
import { readItems } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	collectionDefaults,
	nodeParameters,
	optionalInput,
	readCurrencyRates,
	readTimeZone,
	routeByOutputMode,
	toNodeError,
	withDefaults,
} from '../shared/nodeHelpers';
import { ORDER_INPUT, readOrderItems } from '../shared/orderItems';
import { tagMatrixProperties } from './description';

type OutputMode = 'both' | 'customers' | 'summary';

/** Output connectors for the chosen output mode (evaluated by the editor too). */
export function configuredOutputs(outputMode: OutputMode) {
	if (outputMode === 'both') {
		return [
			{ type: 'main', displayName: 'Customers' },
			{ type: 'main', displayName: 'Tag Counts' },
		];
	}
	return [{ type: 'main', displayName: outputMode === 'summary' ? 'Tag Counts' : 'Customers' }];
}

const CUSTOMER_INPUT = {
	kind: { en: 'customer', zh: '客户' },
	connect: {
		en: 'Connect a node that outputs customers, one item per customer with customerId and a segment or region: RFM Segment (One Item per Customer), or a CRM export.',
		zh: '请连接输出客户（每条一个客户，含 customerId 和分层或地区）的节点：RFM Segment（客户分层，每个客户一条），或 CRM 导出的客户表。',
	},
};
const REVIEW_INPUT = {
	kind: { en: 'review', zh: '评价' },
	connect: {
		en: 'Connect a node that outputs reviews, one item per review with customerId and the review text (or a score from −1 to 1 from an AI node).',
		zh: '请连接输出评价（每条一个评价，含 customerId 和评价文本，或 AI 节点给出的 −1 到 1 的得分）的节点。',
	},
};

export class TagMatrix implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tag Matrix (标签矩阵)',
		name: 'tagMatrix',
		icon: { light: 'file:tagMatrix.svg', dark: 'file:tagMatrix.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ (($parameter["rules"] || {}).rule || []).length + " tag rules" }}',
		description:
			'Customer tags in three families — basic (platform, region, first channel), behaviour (RFM segment, category, order hour, coupon sensitivity, refunds) and sentiment (reviews) — by rules you edit, with the customer count per tag (客户标签矩阵)',
		defaults: { name: 'Tag Matrix' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Orders' },
			{ type: NodeConnectionTypes.Main, displayName: 'Customers', required: false },
			{ type: NodeConnectionTypes.Main, displayName: 'Reviews', required: false },
		],
		outputs: `={{(${configuredOutputs})($parameter.outputMode)}}`,
		properties: tagMatrixProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const orderItems = this.getInputData(0);
		const customerItems = optionalInput(this, 1);
		const reviewItems = optionalInput(this, 2);
		const { param } = nodeParameters(this);
		const outputMode = param<OutputMode>('outputMode');
		const timeZone = readTimeZone(this);
		const options = param<IDataObject>('options');
		const rates = readCurrencyRates(this, options);
		const ruleDefaults = collectionDefaults(tagMatrixProperties, 'rules', 'rule');
		let settings;
		try {
			settings = parseTagMatrixOptions({
				timeZone,
				rules: (param<{ rule?: IDataObject[] }>('rules').rule ?? []).map((entry) => withDefaults(entry, ruleDefaults)) as never,
			});
		} catch (error) {
			throw toNodeError(this, error);
		}

		// n8n fills in top-level defaults, not a collection's: the description's column names apply
		// where the user set none (e.g. Coupon Field → couponCode, Segment Field → segmentLabel).
		const mappingOf = (name: string) => ({ ...collectionDefaults(tagMatrixProperties, name), ...param<FieldMapping>(name) }) as FieldMapping;
		const orderMapping = mappingOf('orderFields');
		const customerMapping = mappingOf('customerFields');
		const reviewMapping = mappingOf('reviewFields');
		const notReached = checkInputsCarryFields(this, [
			{ ...ORDER_INPUT, items: orderItems, mapping: orderMapping, mappingParameter: 'Field Mapping (Orders)', inputName: 'Orders', inputIndex: 0 },
			{ ...CUSTOMER_INPUT, items: customerItems, fields: CUSTOMER_TAG_FIELDS, mapping: customerMapping, mappingParameter: 'Field Mapping (Customers)', inputName: 'Customers', inputIndex: 1 },
			{ ...REVIEW_INPUT, items: reviewItems, fields: REVIEW_FIELDS, mapping: reviewMapping, mappingParameter: 'Field Mapping (Reviews)', inputName: 'Reviews', inputIndex: 2 },
		]);
		if (notReached) return notReached;

		// Orders: read as RFM Segment reads them, plus platform, channel, region, coupon and categories.
		const readTagFields = createFieldReader(ORDER_TAG_FIELDS, orderMapping);
		const pending: Array<{ order: TagOrder; fields: OrderTagFields; currency: string | undefined; itemIndex: number }> = [];
		const ordersRead = readOrderItems(
			this,
			orderItems,
			{ mapping: orderMapping, timeZone, baseCurrency: String(options.baseCurrency ?? '').trim() || undefined, rates },
			(order) => {
				const record = readTagFields(orderItems[order.itemIndex].json);
				const parsed = orderTagFieldsParser.safeParse(record);
				if (!parsed.success) return issueFromZod(parsed.error, order.itemIndex, record, (field) => sourcePathOf(field, orderMapping));
				const fields = parsed.data;
				pending.push({
					order: {
						customerId: order.customerId,
						createdAtMs: order.createdAtMs,
						status: order.status,
						amount: order.amount,
						refundedAmount: order.refundedAmount,
						platform: fields.platform,
						channel: fields.channel,
						region: fields.region,
						couponUsed: fields.coupon,
						categorySpend: [],
					},
					fields,
					currency: order.currency,
					itemIndex: order.itemIndex,
				});
				return undefined;
			},
		);
		// Spend per category in the base currency, known once every order is read.
		const orders: TagOrder[] = pending.map(({ order, fields, currency }) => {
			const rate = ordersRead.rateOf(currency);
			return { ...order, categorySpend: categorySpendOf(fields, order.amount * rate, rate) };
		});

		const customers = readItems(this, customerItems, CUSTOMER_TAG_FIELDS, customerMapping, customerFactsSchema, (input): CustomerFacts => input);
		const reviews = readItems(this, reviewItems, REVIEW_FIELDS, reviewMapping, reviewSchema, (input): ScoredReview => ({
			customerId: input.customerId,
			score: input.score ?? scoreReviewText(input.text ?? '').score,
		}));

		let result;
		try {
			result = computeTagMatrix(orders, customers.records, reviews.records, settings);
		} catch (error) {
			throw toNodeError(this, error);
		}

		const firstOrderOf = new Map<string, number>();
		for (const { order, itemIndex } of pending) if (!firstOrderOf.has(order.customerId)) firstOrderOf.set(order.customerId, itemIndex);
		const customerOut: INodeExecutionData[] = result.customers.map((customer) => ({
			json: customer as unknown as IDataObject,
			pairedItem: { item: firstOrderOf.get(customer.customerId) ?? 0 },
		}));
		const total = result.customers.length;
		const countOut: INodeExecutionData[] = result.counts.map((count) => ({
			json: { ...count, totalCustomers: total } as unknown as IDataObject,
			pairedItem: { item: 0 },
		}));
		const errors = [
			...ordersRead.errorItems,
			...customers.errorItems.map((item) => onInput(item, 1)),
			...reviews.errorItems.map((item) => onInput(item, 2)),
		];
		return routeByOutputMode(outputMode, customerOut, countOut, errors);
	}
}


function onInput(item: INodeExecutionData, input: number): INodeExecutionData {
	return { ...item, pairedItem: { item: (item.pairedItem as { item: number }).item, input } };
}
