import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { FieldMapping } from '../lib/model';
import { fromCents } from '../lib/orders/money';
import {
	COMPETITOR_FIELDS,
	competitorItemSchema,
	computePriceLadder,
	createCompetitorReader,
	createSkuReader,
	parsePriceLadderOptions,
	SKU_FIELDS,
	skuItemSchema,
	type BandPosition,
	type CompetitorPrice,
	type FlagCode,
	type PriceFlag,
	type PriceLadderOptionsInput,
	type PriceLadderRow,
	type TierPrice,
} from '../lib/pricing';
import { marginOf } from '../lib/pricing/margin';
import { consumeItems, readItems } from '../shared/inputItems';
import {
	checkInputsCarryFields,
	collectionDefaults,
	keepFields,
	nodeParameters,
	readKeepFields,
	toNodeError,
	withDefaults,
} from '../shared/nodeHelpers';
import { priceLadderProperties } from './description';

const POSITION_LABELS: Record<BandPosition, string> = {
	below: 'Below band · 低于竞品区间',
	in: 'In band · 竞品区间内',
	above: 'Above band · 高于竞品区间',
	noCompetitors: 'No competitor prices · 无竞品价格',
};

/** What each flag means, for the person reviewing it. */
const FLAG_LABELS: Record<FlagCode, string> = {
	listBelowFloor: 'List price below the margin floor: every tier raised to the floor · 标价低于保底毛利，各档均抬到保底价',
	listBelowTargetMargin: 'List price below the target margin · 标价毛利低于目标毛利',
	tierAtFloor: 'Tier discount would cross the margin floor: raised to the floor · 该档折扣会跌破保底毛利，已抬到保底价',
	memberAtFloor: 'Member discount would cross the margin floor: raised to the floor · 会员折扣会跌破保底毛利，已抬到保底价',
	aboveCompetitorBand: 'Priced above every competitor · 价格高于所有竞品',
};

const SKU_KIND = { en: 'SKU', zh: '商品' };
const SKU_CONNECT = {
	en: 'Connect a node that outputs one item per SKU with its cost and list price: a sheet of your products, or your shop\'s product export.',
	zh: '请连接输出商品（每条一个 SKU，含成本与标价）的节点，如商品表格或店铺导出的商品列表。',
};
const COMPETITOR_KIND = { en: 'competitor price', zh: '竞品价格' };
const COMPETITOR_CONNECT = {
	en: 'Connect a node that outputs one item per competitor listing with your SKU and its price, or leave the second input unconnected.',
	zh: '请连接输出竞品价格（每条含对应的我方 SKU 与价格）的节点，或不接第二个输入。',
};

const money = (cents: number) => fromCents(cents);
const ratio = (value: number) => Math.round(value * 10_000) / 10_000;
/** A band figure (a quartile may fall between cents) to the cent. */
const bandMoney = (cents: number) => Math.round(cents) / 100;

function tierJson(tier: TierPrice, costCents: number): IDataObject {
	return {
		minQuantity: tier.minQuantity,
		discountPercent: tier.discountPercent,
		price: money(tier.priceCents),
		margin: ratio(marginOf(tier.priceCents, costCents)),
		atFloor: tier.atFloor,
		...(tier.atFloor && { discountedPrice: money(tier.discountedCents) }),
	};
}

function flagJson(flag: PriceFlag, row: PriceLadderRow): IDataObject {
	return {
		sku: flag.sku,
		...(row.name !== undefined && { name: row.name }),
		flag: flag.code,
		flagLabel: FLAG_LABELS[flag.code],
		...(flag.minQuantity !== undefined && { minQuantity: flag.minQuantity }),
		price: money(flag.priceCents),
		...(flag.wouldBeCents !== undefined && { wouldBePrice: money(flag.wouldBeCents) }),
		floorPrice: money(flag.floorCents),
		currency: row.currency,
	};
}

/** One item per SKU: what people scan at the top, the ladder and the band nested. */
function rowJson(row: PriceLadderRow): IDataObject {
	const unit = row.tiers[0];
	return {
		sku: row.sku,
		...(row.name !== undefined && { name: row.name }),
		currency: row.currency,
		price: money(unit.priceCents),
		memberPrice: money(row.member.priceCents),
		floorPrice: money(row.floorCents),
		margin: ratio(marginOf(unit.priceCents, row.costCents)),
		bandPosition: row.position,
		bandPositionLabel: POSITION_LABELS[row.position],
		percentile: row.percentile === undefined ? null : Math.round(row.percentile * 10) / 10,
		competitorMedian: row.band ? bandMoney(row.band.median) : null,
		needsReview: row.flags.length > 0,
		flags: row.flags.map((f) => f.code),
		tiersText: row.tiers.map((t) => `${t.minQuantity}+ ${money(t.priceCents).toFixed(2)}`).join(' · '),
		cost: money(row.costCents),
		basePrice: money(row.basePriceCents),
		basePriceSource: row.basePriceSource,
		targetPrice: money(row.targetPriceCents),
		tiers: row.tiers.map((t) => tierJson(t, row.costCents)),
		member: tierJson(row.member, row.costCents),
		competitorBand: row.band
			? { count: row.band.count, min: bandMoney(row.band.min), q1: bandMoney(row.band.q1), median: bandMoney(row.band.median), q3: bandMoney(row.band.q3), max: bandMoney(row.band.max) }
			: null,
	};
}

export class PriceLadder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Price Ladder (阶梯定价)',
		name: 'priceLadder',
		icon: { light: 'file:priceLadder.svg', dark: 'file:priceLadder.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "tiers " + $parameter["quantityTiers"] }}',
		description:
			'Quantity price tiers and member price (阶梯价 + 会员价) per SKU from cost, target margin and list price, held above a margin floor, with price endings and the competitor price band',
		defaults: { name: 'Price Ladder' },
		usableAsTool: true,
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'SKUs' },
			{ type: NodeConnectionTypes.Main, displayName: 'Competitor Prices' },
		],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Price Table' },
			{ type: NodeConnectionTypes.Main, displayName: 'Needs Review' },
		],
		properties: priceLadderProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const skuItems = this.getInputData(0);
		const competitorItems = this.getInputData(1) ?? [];
		const { param } = nodeParameters(this);
		const options = withDefaults(param<IDataObject>('options'), collectionDefaults(priceLadderProperties, 'options'));

		let settings;
		try {
			settings = parsePriceLadderOptions({
				quantityTiers: param<string>('quantityTiers'),
				memberDiscountPercent: param<number>('memberDiscountPercent'),
				targetMarginPercent: param<number>('targetMarginPercent'),
				marginFloorPercent: param<number>('marginFloorPercent'),
				priceEnding: param<PriceLadderOptionsInput['priceEnding']>('priceEnding'),
				defaultCurrency: String(options.defaultCurrency),
			});
		} catch (error) {
			throw toNodeError(this, error);
		}

		const skuMapping = param<FieldMapping>('skuFields');
		const competitorMapping = param<FieldMapping>('competitorFields');
		const notReached = checkInputsCarryFields(this, [
			{ items: skuItems, fields: SKU_FIELDS, mapping: skuMapping, mappingParameter: 'Field Mapping (SKUs)', inputName: 'SKUs', inputIndex: 0, kind: SKU_KIND, connect: SKU_CONNECT },
			{ items: competitorItems, fields: COMPETITOR_FIELDS, mapping: competitorMapping, mappingParameter: 'Field Mapping (Competitor Prices)', inputName: 'Competitor Prices', inputIndex: 1, kind: COMPETITOR_KIND, connect: COMPETITOR_CONNECT },
		]);
		if (notReached) return [notReached[0], []];

		const field = (mapping: FieldMapping, name: string) => (mapping[name] ?? '').trim() || name;
		const skus = readItems(this, skuItems, SKU_FIELDS, skuMapping, skuItemSchema, createSkuReader(settings.defaultCurrency, field(skuMapping, 'sku')));

		const competitors: CompetitorPrice[] = [];
		let unmatched = 0;
		const readCompetitor = createCompetitorReader(skus.records, settings.defaultCurrency, field(competitorMapping, 'currency'));
		const competitorErrors = consumeItems(this, competitorItems, COMPETITOR_FIELDS, competitorMapping, competitorItemSchema, (input, itemIndex) => {
			const read = readCompetitor(input, itemIndex);
			if (read === null) unmatched++;
			else if ('expected' in read) return read;
			else competitors.push(read);
			return undefined;
		}).errorItems.map((item) => ({ ...item, pairedItem: { item: (item.pairedItem as { item: number }).item, input: 1 } }));
		if (unmatched > 0) {
			this.addExecutionHints({
				type: 'info',
				location: 'outputPane',
				message: `${unmatched} competitor price(s) name a SKU that is not among the SKUs, and were left out. ${unmatched} 条竞品价格对应的 SKU 不在商品输入中，已忽略。`,
			});
		}

		const rows = computePriceLadder(skus.records, competitors, settings);
		const kept = readKeepFields(options);
		const table: INodeExecutionData[] = rows.map((row) => ({
			json: keepFields(rowJson(row), skuItems[row.itemIndex].json, kept),
			pairedItem: { item: row.itemIndex },
		}));
		const review: INodeExecutionData[] = rows.flatMap((row) =>
			row.flags.map((flag) => ({ json: flagJson(flag, row), pairedItem: { item: row.itemIndex } })),
		);
		// Bad items go on the first output; with "Continue (using error output)" n8n moves them.
		return [[...table, ...skus.errorItems, ...competitorErrors], review];
	}
}
